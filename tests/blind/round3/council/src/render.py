"""HTML pages for the blind 'council' corpus: a GOV.UK Frontend based CMS theme ("cqc_frontend")
as a later redesign of cqc.org.uk might serve the local authority assessment reports."""
from html import escape

from content import fmt_date
from data import B
from prose import STATEMENTS, THEMES, BAND_PHRASE, RATING_PHRASE

CSS = "/themes/custom/cqc_frontend/dist/css/main.css?v=4.2.1"


def e(s):
    return escape(s, quote=False)


def a(s):
    return escape(s, quote=True)


def h(level, text, cls="", id_=None):
    level = min(level, 6)
    c = f' class="{cls}"' if cls else ""
    i = f' id="{id_}"' if id_ else ""
    return f"<h{level}{c}{i}>{e(text)}</h{level}>"


TAG = {"Outstanding": "govuk-tag--green", "Good": "govuk-tag--blue",
       "Requires improvement": "govuk-tag--orange", "Inadequate": "govuk-tag--red"}


def time_el(f, iso):
    txt = fmt_date(iso, f.st["date"])
    if f.gen in ("v2", "v3"):
        return f'<time datetime="{iso}">{e(txt)}</time>'
    return e(txt)


# ---------------------------------------------------------------------------- site chrome
def page_html(title, body, crumbs=None, extra_head="", side=""):
    bc = ""
    if crumbs:
        items = "".join(
            f'<li class="govuk-breadcrumbs__list-item"><a class="govuk-breadcrumbs__link" href="{a(u)}">{e(t)}</a></li>'
            if u else f'<li class="govuk-breadcrumbs__list-item" aria-current="page">{e(t)}</li>'
            for t, u in crumbs)
        bc = f'<nav class="govuk-breadcrumbs" aria-label="Breadcrumb">\n<ol class="govuk-breadcrumbs__list">{items}</ol>\n</nav>'
    main_cols = (f'<div class="govuk-grid-row">\n<div class="govuk-grid-column-two-thirds">\n{body}\n</div>\n'
                 f'<div class="govuk-grid-column-one-third">\n{side}\n</div>\n</div>') if side else body
    return f"""<!DOCTYPE html>
<html lang="en-GB" class="govuk-template" dir="ltr">
<head>
<meta charset="utf-8">
<title>{e(title)} | Care Quality Commission</title>
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="generator" content="Drupal 10 (https://www.drupal.org)">
<link rel="stylesheet" media="all" href="{CSS}">
{extra_head}</head>
<body class="govuk-template__body path-node page-node-type-la-assessment">
<script>document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');</script>
<a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>
<header class="govuk-header cqc-header" role="banner" data-module="govuk-header">
<div class="govuk-header__container govuk-width-container">
<div class="govuk-header__logo"><a href="/" class="govuk-header__link govuk-header__link--homepage"><span class="cqc-logo">Care Quality Commission</span></a></div>
<div class="govuk-header__content">
<nav aria-label="Menu" class="govuk-header__navigation">
<button type="button" class="govuk-header__menu-button govuk-js-header-toggle" aria-controls="navigation" hidden>Menu</button>
<ul id="navigation" class="govuk-header__navigation-list">
<li class="govuk-header__navigation-item"><a class="govuk-header__link" href="/care-services">Find and compare services</a></li>
<li class="govuk-header__navigation-item govuk-header__navigation-item--active"><a class="govuk-header__link" href="{B}">Local authority assessments</a></li>
<li class="govuk-header__navigation-item"><a class="govuk-header__link" href="/search">Search</a></li>
</ul>
</nav>
</div>
</div>
</header>
<div class="govuk-width-container">
{bc}
<main class="govuk-main-wrapper" id="main-content" role="main">
{main_cols}
</main>
</div>
<footer class="govuk-footer" role="contentinfo">
<div class="govuk-width-container">
<div class="govuk-footer__meta">
<div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
<h2 class="govuk-visually-hidden">Support links</h2>
<ul class="govuk-footer__inline-list">
<li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/about-us/accessibility-statement">Accessibility</a></li>
<li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/contact-us">Contact us</a></li>
</ul>
<span class="govuk-footer__licence-description">All content is available under the <a class="govuk-footer__link" href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/" rel="license">Open Government Licence v3.0</a>, except where otherwise stated</span>
</div>
<div class="govuk-footer__meta-item">&copy; Care Quality Commission</div>
</div>
</div>
</footer>
<script src="/themes/custom/cqc_frontend/dist/js/govuk-frontend.min.js" type="module"></script>
</body>
</html>
"""


# ---------------------------------------------------------------------------- report pieces
def downloads_block(f, pdf, size_txt):
    style = f.st["downloads"]
    if not pdf:
        if style == "aside":
            return ('<aside class="cqc-downloads" aria-labelledby="downloads-heading">\n'
                    '<h2 class="govuk-heading-s" id="downloads-heading">Downloads</h2>\n'
                    '<p class="govuk-body-s">An easy read version of this report will be available soon.</p>\n</aside>')
        return ('<div class="cqc-downloads">\n<h2 class="govuk-heading-s">Downloads</h2>\n'
                '<p class="govuk-body-s">There are no downloads for this report.</p>\n</div>')
    url = pdf["url"]
    if style == "attachment":
        fname = url.rsplit("/", 1)[-1].replace("%20", " ")
        if "?" in fname or "." not in fname:
            fname = f"{f.slug} local authority assessment.pdf"
        return (f'<div class="cqc-downloads field field--name-field-downloads">\n<h2 class="govuk-heading-s field__label">Downloads</h2>\n'
                f'<div class="field__item"><span class="file file--mime-application-pdf file--application-pdf">'
                f'<a href="{a(url)}" type="application/pdf">{e(fname)}</a></span> <span class="file-size">({size_txt})</span></div>\n</div>')
    label = f"{f.header()} report" if f.kind == "formal" else f"{f.council} assessment report"
    if pdf.get("kind") == "summary":
        label = f"{f.council}: summary report"
    inner = (f'<ul class="govuk-list">\n<li><a class="govuk-link" href="{a(url)}">{e(label)} '
             f'<span class="govuk-body-s">(PDF, {size_txt})</span></a></li>\n</ul>')
    if style == "aside":
        return (f'<aside class="cqc-downloads" aria-labelledby="downloads-heading">\n'
                f'<h2 class="govuk-heading-s" id="downloads-heading">Downloads</h2>\n{inner}\n</aside>')
    return f'<div class="cqc-downloads">\n<h2 class="govuk-heading-s">Downloads</h2>\n{inner}\n</div>'


def meta_block(f, pid):
    pub, upd = time_el(f, f.published), time_el(f, f.updated(pid))
    m = f.st["meta"]
    if m == "dl":
        return ('<dl class="cqc-meta-list">\n'
                f'<div class="cqc-meta-list__item"><dt>Published:</dt> <dd>{pub}</dd></div>\n'
                f'<div class="cqc-meta-list__item"><dt>Page last updated:</dt> <dd>{upd}</dd></div>\n</dl>')
    if m == "spans":
        return (f'<p class="govuk-body-s cqc-report-meta"><span class="cqc-report-meta__item">Published: {pub}</span> '
                f'<span class="cqc-report-meta__item">Page last updated: {upd}</span></p>')
    return f'<p class="report-dates">Published: {pub} Page last updated: {upd}</p>'


def report_header(f, pid, pdf, size_txt):
    """Returns (html, level of the page's own heading)."""
    hdr = f.st["hdr"]
    dl = downloads_block(f, pdf, size_txt)
    meta = meta_block(f, pid)
    title = f.page_title(pid)
    if hdr == "h1":
        return (f'<div class="cqc-report-header">\n{h(1, f.header(), "govuk-heading-xl")}\n{meta}\n{dl}\n</div>\n'
                f'{h(2, title, "govuk-heading-l")}', 2)
    if hdr == "caption":
        cap = ""
        if pid.startswith("st") and f.gen != "p":
            t = STATEMENTS[int(pid[2:])][0]
            cap = f'<span class="govuk-caption-m">Theme {t}: {e(THEMES[t])}</span>\n'
        return (f'<div class="cqc-report-header">\n<span class="govuk-caption-l cqc-report-header__title">{e(f.header())}</span>\n'
                f'{meta}\n{dl}\n</div>\n{cap}{h(1, title, "govuk-heading-xl")}', 1)
    # 'p' (pilot template): the header is a styled paragraph
    return (f'<div class="report-header">\n<p class="report-header__title">{e(f.header())}</p>\n{meta}\n{dl}\n</div>\n'
            f'{h(1, title)}', 1)


def contents_list(f, pid):
    items = []
    for p in f.seq:
        t = f.page_title(p)
        if p == pid:
            items.append(f'<li class="gem-c-contents-list__list-item gem-c-contents-list__list-item--active" aria-current="true">{e(t)}</li>')
        else:
            items.append(f'<li class="gem-c-contents-list__list-item"><a class="govuk-link gem-c-contents-list__link" href="{a(f.href(f.u[pid], p))}">{e(t)}</a></li>')
    extra = ""
    if f.extra and pid != "print":
        lab = "View this report on a single page" if f.extra == "query" else "Print the full report"
        extra = f'\n<p class="govuk-body-s"><a class="govuk-link" href="{a(f.href(f.u[pid], "print"))}">{lab}</a></p>'
    return (f'<nav class="gem-c-contents-list" aria-label="Contents" role="navigation">\n'
            f'<h2 class="gem-c-contents-list__title">Contents</h2>\n<ol class="gem-c-contents-list__list">\n'
            + "\n".join(items) + f"\n</ol>{extra}\n</nav>")


def prev_next(f, pid):
    if pid not in f.seq:
        return ""
    i = f.seq.index(pid)
    parts = []
    if i > 0:
        p = f.seq[i - 1]
        parts.append(f'<div class="govuk-pagination__prev"><a class="govuk-link govuk-pagination__link" href="{a(f.href(f.u[pid], p))}" rel="prev">'
                     f'<span class="govuk-pagination__link-title">Previous<span class="govuk-visually-hidden"> page</span></span>'
                     f'<span class="govuk-visually-hidden">:</span> <span class="govuk-pagination__link-label">{e(f.page_title(p))}</span></a></div>')
    if i < len(f.seq) - 1:
        p = f.seq[i + 1]
        parts.append(f'<div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" href="{a(f.href(f.u[pid], p))}" rel="next">'
                     f'<span class="govuk-pagination__link-title">Next<span class="govuk-visually-hidden"> page</span></span>'
                     f'<span class="govuk-visually-hidden">:</span> <span class="govuk-pagination__link-label">{e(f.page_title(p))}</span></a></div>')
    return '<nav class="govuk-pagination govuk-pagination--block" aria-label="Pagination">\n' + "\n".join(parts) + "\n</nav>"


def facts_html(f, which, level):
    items = f.demographics if which == "demographics" else f.financial
    style = f.facts_style(which)
    title = "Demographics" if which == "demographics" else "Financial facts"
    out = [h(level, title, "govuk-heading-m")]
    if style == "sentences":
        out.append('<ul class="govuk-list govuk-list--bullet">')
        out += [f"<li>{e(s)}</li>" for _, _, s in items]
        out.append("</ul>")
    elif style == "dl":
        out.append('<dl class="cqc-facts">')
        out += [f"<dt>{e(l)}</dt>\n<dd>{e(v)}</dd>" for l, v, _ in items]
        out.append("</dl>")
    elif style == "summary":
        out.append('<dl class="govuk-summary-list">')
        out += [f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{e(l)}</dt>'
                f'<dd class="govuk-summary-list__value">{e(v)}</dd></div>' for l, v, _ in items]
        out.append("</dl>")
    elif style == "table":
        out.append(f'<table class="govuk-table">\n<caption class="govuk-table__caption govuk-visually-hidden">{title} for {e(f.area)}</caption>\n<tbody class="govuk-table__body">')
        out += [f'<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">{e(l)}</th><td class="govuk-table__cell">{e(v)}</td></tr>'
                for l, v, _ in items]
        out.append("</tbody>\n</table>")
    return "\n".join(out)


def score_html(f, n):
    s = f.scores.get(n)
    style = f.st["stscore"]
    if s is None:  # a blank CMS field
        return '<p class="score">Score: </p>'
    band = BAND_PHRASE[s]
    if style == "pilot":
        return (f'<p class="govuk-body govuk-!-margin-bottom-0"><strong>Indicative score:</strong></p>\n'
                f'<p class="govuk-body">{s} - {band}</p>')
    if style == "notes":
        return f'<p class="score">Score: {s}</p>\n<p class="score-label">{s} - {band}</p>'
    if style == "tag":
        return (f'<div class="cqc-score"><span class="govuk-visually-hidden">Quality statement score: </span>'
                f'<strong class="govuk-tag cqc-tag--score-{s}">{s} out of 4</strong>'
                f'<p class="govuk-body cqc-score__band">{band}</p></div>')
    if style == "summary":
        return ('<dl class="govuk-summary-list govuk-summary-list--no-border cqc-score">\n'
                f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Score</dt><dd class="govuk-summary-list__value">{s}</dd></div>\n'
                f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">What this score means</dt><dd class="govuk-summary-list__value">{band}</dd></div>\n</dl>')
    if style == "panel":
        return (f'<div class="cqc-score-panel cqc-score-panel--{s}">\n<p class="cqc-score-panel__title">Quality statement score</p>\n'
                f'<p class="cqc-score-panel__value">{s}<span class="cqc-score-panel__max">/4</span></p>\n'
                f'<p class="cqc-score-panel__band">{band}</p>\n</div>')
    if style == "fraction":
        return (f'<p class="govuk-body-l cqc-score"><span class="govuk-visually-hidden">Score: </span>'
                f'<strong>{s}</strong> of 4 &ndash; {band}</p>')
    raise ValueError(style)


def statement_body(f, n, level, show_name=True, name_cls="govuk-heading-l"):
    """The statement's texts. level = heading level of the statement name."""
    c = f.c["statements"][n]
    out = []
    if show_name:
        out.append(h(level, f.st_name(n), name_cls, id_=f"qs-{n}"))
    out.append(score_html(f, n))
    L = level + 1
    ex = f.st["expect"]
    items = "\n".join(f"<li>{e(x)}</li>" for x in c["expect"])
    if ex == "ul":
        out += [h(L, "What people expect", "govuk-heading-m"), f'<ul class="govuk-list govuk-list--bullet">\n{items}\n</ul>']
    elif ex == "paras":
        out += [h(L, "What people expect", "govuk-heading-m")] + [f'<p class="govuk-body">{e(x)}</p>' for x in c["expect"]]
    elif ex == "inset":
        out.append(f'<div class="govuk-inset-text">\n{h(L, "What people expect", "govuk-heading-s")}\n<ul class="govuk-list govuk-list--bullet">\n{items}\n</ul>\n</div>')
    elif ex == "details":
        out.append(f'<details class="govuk-details" open>\n<summary class="govuk-details__summary"><span class="govuk-details__summary-text">What people expect</span></summary>\n'
                   f'<div class="govuk-details__text">\n<ul class="govuk-list govuk-list--bullet">\n{items}\n</ul>\n</div>\n</details>')
    lab = "The local authority commitment:" if f.kind == "pilot" else "The local authority commitment"
    if f.gen == "v2":
        out += [h(L, lab, "govuk-heading-m"), f'<blockquote class="cqc-commitment"><p>{e(c["commitment"])}</p></blockquote>']
    else:
        out += [h(L, lab, "govuk-heading-m"), f'<p class="govuk-body">{e(c["commitment"])}</p>']
    out.append(h(L, "Key findings for this quality statement", "govuk-heading-m"))
    sub = f.st["subhead"]
    for fd in c["findings"]:
        if sub == "boldp":
            out.append(f"<p><strong>{e(fd['heading'])}</strong></p>")
        else:
            out.append(h(L + 1, fd["heading"], "govuk-heading-s"))
        for b in fd["blocks"]:
            if b["type"] == "p":
                out.append(f'<p class="govuk-body">{e(b["text"])}</p>' if sub != "boldp" else f"<p>{e(b['text'])}</p>")
            else:
                out.append('<ul class="govuk-list govuk-list--bullet">\n' + "\n".join(f"<li>{e(x)}</li>" for x in b["items"]) + "\n</ul>")
        if sub == "boldp":
            out.append("<p>&nbsp;</p>")
    return "\n".join(out)


def accordion(f, nums, level):
    secs = []
    for n in nums:
        s = f.scores.get(n)
        summ = f"Score: {s} - {BAND_PHRASE[s]}" if s else ""
        body = statement_body(f, n, level, show_name=False)
        secs.append(f'<div class="govuk-accordion__section">\n<div class="govuk-accordion__section-header">\n'
                    f'<h{level} class="govuk-accordion__section-heading"><span class="govuk-accordion__section-button" id="accordion-qs-heading-{n}">{e(f.st_name(n))}</span></h{level}>\n'
                    f'<div class="govuk-accordion__section-summary govuk-body" id="accordion-qs-summary-{n}">{e(summ)}</div>\n</div>\n'
                    f'<div id="accordion-qs-content-{n}" class="govuk-accordion__section-content">\n{body}\n</div>\n</div>')
    return f'<div class="govuk-accordion" data-module="govuk-accordion" id="accordion-qs-{nums[0]}">\n' + "\n".join(secs) + "\n</div>"


def statements_block(f, nums, level, by_theme):
    out = []
    cur_theme = None
    for n in nums:
        t = STATEMENTS[n][0]
        if by_theme and t != cur_theme:
            cur_theme = t
            out.append(h(level, f"Theme {t}: {THEMES[t]}" if f.gen != "p" else THEMES[t], "govuk-heading-l cqc-theme-heading"))
            tn = [m for m in nums if STATEMENTS[m][0] == t]
            if f.st.get("accordion"):
                out.append(accordion(f, tn, level + 1))
                continue
        if by_theme and f.st.get("accordion"):
            continue
        if f.st.get("accordion"):
            out.append(accordion(f, [n], level))
            continue
        out.append(f'<section class="cqc-quality-statement" id="statement-{n}" aria-labelledby="qs-{n}">\n'
                   + statement_body(f, n, level + (1 if by_theme else 0), name_cls="govuk-heading-l") + "\n</section>")
    return "\n".join(out)


def sumscores_html(f, level):
    style = f.st["sumscores"]
    if style is None:
        return ""
    pilot = f.kind == "pilot"
    title = "Quality statement scores" if not pilot else "Indicative quality statement scores"
    out = [h(level, title, "govuk-heading-m")]
    nums = range(1, 10)

    def sc(n, how):
        s = f.scores.get(n)
        if s is None:
            return {"pairs": "Score: ", "table": "", "rowspan": "", "summary": "", "cards": "", "tags": ""}[how]
        return {"pairs": f"Score: {s}" if not pilot else f"Indicative score: {s}",
                "table": f"{s} - {BAND_PHRASE[s]}",
                "rowspan": f'{s}<span class="govuk-visually-hidden"> out of 4</span>',
                "summary": f'{s} out of 4<span class="govuk-visually-hidden"> &ndash; {BAND_PHRASE[s]}</span>',
                "tags": f"Score {s}"}[how]
    if style == "pairs":
        for n in nums:
            out.append(f'<div class="qs-score">\n{h(level + 1, f.st_name(n), "govuk-heading-s")}\n<p>{sc(n, "pairs")}</p>\n</div>')
    elif style == "table":
        rows = "\n".join(f'<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">{e(f.st_name(n))}</th>'
                         f'<td class="govuk-table__cell">{sc(n, "table")}</td></tr>' for n in nums)
        out[-1] = (f'<table class="govuk-table">\n<caption class="govuk-table__caption govuk-table__caption--m">{title}</caption>\n'
                   f'<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Quality statement</th>'
                   f'<th scope="col" class="govuk-table__header">{"Indicative score" if pilot else "Score"}</th></tr></thead>\n<tbody class="govuk-table__body">\n{rows}\n</tbody>\n</table>')
    elif style == "rowspan":
        rows = []
        for t in range(1, 5):
            tn = [n for n in nums if STATEMENTS[n][0] == t]
            for i, n in enumerate(tn):
                th = (f'<th scope="rowgroup" rowspan="{len(tn)}" class="govuk-table__header">{e(THEMES[t])}</th>' if i == 0 else "")
                rows.append(f'<tr class="govuk-table__row">{th}<td class="govuk-table__cell">{e(f.st_name(n))}</td>'
                            f'<td class="govuk-table__cell govuk-table__cell--numeric">{sc(n, "rowspan")}</td></tr>')
        out.append(f'<table class="govuk-table cqc-scores-table">\n<thead class="govuk-table__head"><tr class="govuk-table__row">'
                   f'<th scope="col" class="govuk-table__header">Theme</th><th scope="col" class="govuk-table__header">Quality statement</th>'
                   f'<th scope="col" class="govuk-table__header govuk-table__header--numeric">Score</th></tr></thead>\n'
                   f'<tbody class="govuk-table__body">\n' + "\n".join(rows) + "\n</tbody>\n</table>")
    elif style == "summary":
        out.append('<dl class="govuk-summary-list">\n' + "\n".join(
            f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{e(f.st_name(n))}</dt>'
            f'<dd class="govuk-summary-list__value">{sc(n, "summary")}</dd></div>' for n in nums) + "\n</dl>")
    elif style == "cards":
        for t in range(1, 5):
            tn = [n for n in nums if STATEMENTS[n][0] == t]
            rows = []
            for n in tn:
                s = f.scores.get(n)
                val = (f'<strong class="govuk-tag cqc-tag--score-{s}">{["", "Significant shortfalls", "Some shortfalls", "Good standard", "Exceptional standard"][s]}</strong> '
                       f'<span class="cqc-score-number">Score: {s}</span>') if s else ""
                rows.append(f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{e(f.st_name(n))}</dt><dd class="govuk-summary-list__value">{val}</dd></div>')
            out.append(f'<div class="govuk-summary-card">\n<div class="govuk-summary-card__title-wrapper"><h{level + 1} class="govuk-summary-card__title">{e(THEMES[t])}</h{level + 1}></div>\n'
                       f'<div class="govuk-summary-card__content">\n<dl class="govuk-summary-list">\n' + "\n".join(rows) + "\n</dl>\n</div>\n</div>")
    elif style == "tags":
        out.append('<ul class="govuk-list cqc-score-list">\n' + "\n".join(
            f'<li class="cqc-score-list__item"><span class="cqc-score-list__name">{e(f.st_name(n))}</span> '
            f'<strong class="govuk-tag cqc-tag--score-{f.scores[n]}">{sc(n, "tags")}</strong></li>' for n in nums) + "\n</ul>")
    return "\n".join(out)


def rating_word(f):
    if f.slug == "haringey-0225":
        return "Requires Improvement"  # the rating word printed with a capital I on this family
    return f.rating


def rating_html(f, level):
    r = rating_word(f)
    if f.kind == "pilot":
        return (f'{h(level, "Local authority indicative rating", "govuk-heading-m")}\n<p class="govuk-body">{e(f.council)}</p>\n'
                f'<p class="govuk-body-l"><strong>{e(r)}: {RATING_PHRASE[f.rating]}</strong></p>')
    style = f.st["pctline"]
    if style == "notes":
        return (f'{h(level, "Local authority rating and score", "govuk-heading-m")}\n<p class="govuk-body">{e(f.council)}</p>\n'
                f'<p class="govuk-body-l"><strong>{e(r)}</strong></p>\n<p class="govuk-body">Overall rating for {e(f.council)}: {f.pct}%</p>')
    if style == "panel":
        return (f'<div class="govuk-panel cqc-rating-panel">\n<h{level} class="govuk-panel__title">Local authority rating and score</h{level}>\n'
                f'<div class="govuk-panel__body">\n<p class="cqc-rating-panel__council">{e(f.council)}</p>\n'
                f'<p class="cqc-rating-panel__rating">{e(r)}</p>\n<p class="cqc-rating-panel__score">Overall score: {f.pct}%</p>\n</div>\n</div>')
    if style == "summary":
        return (f'{h(level, "Local authority rating and score", "govuk-heading-m")}\n<dl class="govuk-summary-list cqc-rating-summary">\n'
                f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Local authority</dt><dd class="govuk-summary-list__value">{e(f.council)}</dd></div>\n'
                f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Rating</dt><dd class="govuk-summary-list__value"><strong class="govuk-tag {TAG[f.rating]}">{e(r)}</strong></dd></div>\n'
                f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Overall score</dt><dd class="govuk-summary-list__value">{f.pct}<span aria-hidden="true">%</span><span class="govuk-visually-hidden"> per cent</span></dd></div>\n</dl>')
    raise ValueError(style)


def related_html(f, fams, others, pid="about"):
    style = f.st["related"]
    if not style:
        return ""
    loads = [g for g in fams if g is not f and g.kind == f.kind and g.expect == "loads"]
    # two neighbours by publication date
    loads.sort(key=lambda g: abs(ord(g.slug[0]) - ord(f.slug[0])) + (0 if g.published[:4] == f.published[:4] else 5))
    picks = [(g.council, g.rating, g.pct, g.u["about"], g) for g in loads[:2]]
    if f.kind == "formal":
        i = sum(map(ord, f.slug)) % len(others)
        picks += [(n, r, p, None, None) for n, r, p in (others[i], others[(i + 3) % len(others)])]
    title = "Related assessments" if f.kind == "formal" else "Other pilot assessments"

    def link(n, u, g):
        if not u:
            return e(n)
        return f'<a class="govuk-link" href="{a(f.href(f.u[pid], u))}">{e(g.header() if style == "list" else n)}</a>'
    if style == "list":
        li = []
        for n, r, p, u, g in picks:
            if p is None:
                li.append(f"<li>{link(n, u, g)} &ndash; indicative rating: {e(r)}</li>")
            else:
                li.append(f"<li>{link(n, u, g)} &ndash; {e(r)}, {p}%</li>")
        return (f'<aside class="cqc-related" role="complementary">\n<h2 class="govuk-heading-m">{title}</h2>\n'
                f'<ul class="govuk-list">\n' + "\n".join(li) + "\n</ul>\n</aside>")
    if style == "cards":
        cards = []
        for n, r, p, u, g in picks:
            cards.append(f'<div class="cqc-card">\n<h3 class="govuk-heading-s cqc-card__heading">{link(n, u, g)}</h3>\n'
                         f'<p class="govuk-body-s">Rating: <strong class="govuk-tag {TAG[r]}">{e(r)}</strong></p>\n'
                         + (f'<p class="govuk-body-s">Score: {p}%</p>\n' if p is not None else "") + "</div>")
        return (f'<aside class="cqc-related" role="complementary">\n<h2 class="govuk-heading-m">{title}</h2>\n'
                f'<div class="cqc-card-group">\n' + "\n".join(cards) + "\n</div>\n</aside>")
    rows = "\n".join(f'<tr class="govuk-table__row"><td class="govuk-table__cell">{link(n, u, g)}</td><td class="govuk-table__cell">{e(r)}</td>'
                     f'<td class="govuk-table__cell govuk-table__cell--numeric">{p}%</td></tr>' for n, r, p, u, g in picks)
    return (f'<aside class="cqc-related" role="complementary">\n<h2 class="govuk-heading-m">{title}</h2>\n'
            f'<table class="govuk-table govuk-!-font-size-16">\n<thead class="govuk-table__head"><tr class="govuk-table__row">'
            f'<th scope="col" class="govuk-table__header">Local authority</th><th scope="col" class="govuk-table__header">Rating</th>'
            f'<th scope="col" class="govuk-table__header govuk-table__header--numeric">Overall score</th></tr></thead>\n'
            f'<tbody class="govuk-table__body">\n{rows}\n</tbody>\n</table>\n</aside>')


def about_body(f, level):
    out = []
    if f.kind == "pilot":
        out.append(f'<p class="govuk-body"><strong>Assessment start date:</strong> {time_el(f, f.d["start"])}</p>')
    out.append(f'<p class="govuk-body"><strong>Assessment published:</strong> {time_el(f, f.published)}</p>')
    intro = ("This assessment was one of five pilot assessments of how local authorities meet their duties under Part 1 of the Care Act 2014. "
             "The ratings and scores are indicative." if f.kind == "pilot" else
             "We assess how local authorities meet their duties under Part 1 of the Care Act 2014. "
             "This report sets out what we found and the score for each quality statement.")
    out.append(f'<p class="govuk-body">{e(intro)}</p>')
    out.append(facts_html(f, "demographics", level))
    out.append(facts_html(f, "financial", level))
    return "\n".join(out)


def summary_body(f, level, pdf, size_txt):
    out = [rating_html(f, level)]
    if f.st.get("body_pdf_link") and pdf:
        out.append(f'<p class="govuk-body"><a class="govuk-link" href="{a(pdf["url"])}">Download this report (PDF, {size_txt})</a></p>')
    out.append(sumscores_html(f, level))
    out.append(h(level, "Summary of people's experiences" if f.gen != "v3" else "Summary of people\u2019s experiences", "govuk-heading-m"))
    out += [f'<p class="govuk-body">{e(x)}</p>' for x in f.c["people"]]
    out.append(h(level, "Summary of strengths, areas for development and next steps", "govuk-heading-m"))
    out += [f'<p class="govuk-body">{e(x)}</p>' for x in f.c["strengths"] + f.c["development"]]
    return "\n".join(x for x in out if x)


def family_page(f, pid, fams, others, pdf, size_txt):
    head, lvl = report_header(f, pid, pdf, size_txt)
    parts = [head]
    sub = lvl + 1
    if pid == "about":
        parts.append(about_body(f, sub))
    elif pid == "summary":
        parts.append(summary_body(f, sub, pdf, size_txt))
    elif pid.startswith("st"):
        n = int(pid[2:])
        parts.append(statement_body(f, n, lvl, show_name=False))
    elif pid.startswith("theme"):
        t = int(pid[5:])
        nums = [n for n in range(1, 10) if STATEMENTS[n][0] == t]
        if f.st.get("accordion"):
            parts.append(accordion(f, nums, sub))
        else:
            parts += [f'<section class="cqc-quality-statement" id="statement-{n}">\n{statement_body(f, n, sub)}\n</section>' for n in nums]
    elif pid == "all":
        parts.append(statements_block(f, list(range(1, 10)), sub, by_theme=True))
    elif pid == "print":
        parts.append(f'<div class="cqc-print-all">\n<p class="govuk-body-s govuk-!-display-none-print"><a class="govuk-link" href="{a(f.href(f.u[pid], "about"))}">Back to the report</a></p>')
        parts.append(h(sub, f"About {f.council}", "govuk-heading-l") + "\n" + about_body(f, sub + 1))
        parts.append(h(sub, "Overall summary", "govuk-heading-l") + "\n" + summary_body(f, sub + 1, pdf, size_txt))
        parts.append(statements_block(f, list(range(1, 10)), sub, by_theme=True))
        parts.append("</div>")
    if f.st["prevnext"]:
        parts.append(prev_next(f, pid))
    body = "\n".join(parts)
    side = ""
    if f.st["contents"]:
        side = contents_list(f, pid)
    rel = related_html(f, fams, others, pid)
    if f.gen == "v3":
        side = side + "\n" + rel
    else:
        body = body + "\n" + rel
    crumbs = None
    if f.st["breadcrumbs"]:
        crumbs = [("Home", "/"), ("Care services", "/care-services"), ("Local authority assessment reports", B),
                  (f.council, f.u["about"] if pid != "about" else None)]
        if pid != "about":
            crumbs.append((f.page_title(pid), None))
    title = f"{f.page_title(pid)} - {f.header()}"
    return page_html(title, body, crumbs, side=side)


# ---------------------------------------------------------------------------- listing
def listing_pages(fams, in_progress, per_page=6):
    formal = sorted([f for f in fams if f.kind == "formal"], key=lambda f: f.published, reverse=True)
    pilots = [f for f in fams if f.kind == "pilot"]
    pages = [formal[i:i + per_page] for i in range(0, len(formal), per_page)]
    total = len(pages)
    out = {}
    for i, chunk in enumerate(pages, start=1):
        res = []
        for f in chunk:
            res.append(f'<li class="cqc-search-results__item">\n<h3 class="govuk-heading-s"><a class="govuk-link" href="{a(f.u["about"])}">{e(f.header())}</a></h3>\n'
                       f'<p class="govuk-body-s cqc-search-results__meta">Published: {fmt_date(f.published, "long")}</p>\n</li>')
        first, last = (i - 1) * per_page + 1, (i - 1) * per_page + len(chunk)
        pag = ['<nav class="govuk-pagination" aria-label="Pagination">']
        if i > 1:
            pag.append(f'<div class="govuk-pagination__prev"><a class="govuk-link govuk-pagination__link" href="{B}?page={i - 1}" rel="prev">'
                       '<svg class="govuk-pagination__icon govuk-pagination__icon--prev" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13"><path d="m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z"></path></svg>'
                       '<span class="govuk-pagination__link-title">Previous<span class="govuk-visually-hidden"> page</span></span></a></div>')
        pag.append('<ul class="govuk-pagination__list">')
        for j in range(1, total + 1):
            href = B if j == 1 else f"{B}?page={j}"
            if j == i:
                pag.append(f'<li class="govuk-pagination__item govuk-pagination__item--current"><a class="govuk-link govuk-pagination__link" href="{href}" aria-label="Page {j}" aria-current="page">{j}</a></li>')
            else:
                pag.append(f'<li class="govuk-pagination__item"><a class="govuk-link govuk-pagination__link" href="{href}" aria-label="Page {j}">{j}</a></li>')
        pag.append("</ul>")
        if i < total:
            pag.append(f'<div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" href="{B}?page={i + 1}" rel="next">'
                       '<span class="govuk-pagination__link-title">Next<span class="govuk-visually-hidden"> page</span></span>'
                       '<svg class="govuk-pagination__icon govuk-pagination__icon--next" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13"><path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z"></path></svg></a></div>')
        pag.append("</nav>")
        prog = "\n".join(f"<li>{e(n)}</li>" for n in in_progress)
        pil = "\n".join(f'<li><a class="govuk-link" href="{a(f.u["about"])}">{e(f.council)}: local authority assessment</a> '
                        f'<span class="govuk-body-s">(pilot, published {fmt_date(f.published, "long")})</span></li>' for f in pilots)
        body = f"""<h1 class="govuk-heading-xl">Local authority assessment reports</h1>
<p class="govuk-body-l">We assess how local authorities meet their duties under Part 1 of the Care Act 2014. Read the reports we have published so far.</p>
<form class="cqc-filter" action="/search" method="get" role="search">
<label class="govuk-label" for="la-search">Search for a local authority</label>
<input class="govuk-input govuk-!-width-two-thirds" id="la-search" name="keys" type="search">
<input type="hidden" name="type" value="la_assessment">
<button class="govuk-button govuk-button--secondary" data-module="govuk-button">Search</button>
</form>
<h2 class="govuk-heading-l" id="assessment-reports">Assessment reports</h2>
<p class="govuk-body-s" role="status">Showing {first} to {last} of {len(formal)} results, most recent first</p>
<ul class="govuk-list cqc-search-results">
{chr(10).join(res)}
</ul>
{chr(10).join(pag)}
<h2 class="govuk-heading-l" id="in-progress">Assessments in progress</h2>
<p class="govuk-body">We have visited these local authorities and will publish our reports soon.</p>
<ul class="govuk-list govuk-list--bullet">
{prog}
</ul>
<h2 class="govuk-heading-l" id="pilots">Pilot assessments</h2>
<p class="govuk-body">In 2023 we carried out pilot assessments with five local authorities. Their ratings and scores are indicative.</p>
<ul class="govuk-list govuk-list--bullet">
{pil}
</ul>"""
        crumbs = [("Home", "/"), ("Care services", "/care-services"), ("Local authority assessment reports", None)]
        title = "Local authority assessment reports" + (f" (page {i} of {total})" if i > 1 else "")
        out[i] = page_html(title, body, crumbs)
    return out, total


def simple_page(title, text, links=()):
    body = f'<h1 class="govuk-heading-xl">{e(title)}</h1>\n<p class="govuk-body">{e(text)}</p>'
    if links:
        body += '\n<ul class="govuk-list">' + "".join(f'<li><a class="govuk-link" href="{a(u)}">{e(t)}</a></li>' for t, u in links) + "</ul>"
    return page_html(title, body, [("Home", "/"), (title, None)] if title != "Home" else None)
