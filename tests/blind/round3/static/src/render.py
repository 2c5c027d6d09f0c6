"""HTML rendering for the blind 'static' site: a static-site generator's output (Hugo / Jekyll / Eleventy
flavoured) serving CQC local authority assessment pages."""
import html
import random

from content import (STATEMENTS, THEMES, THEME_STATEMENTS, BAND_PHRASE, RATING_PHRASE)

LISTING = "/care-services/local-authority-assessment-reports"
E = html.escape

STMT_SLUG = {1: "assessing-needs", 2: "supporting-people-to-lead-healthier-lives",
             3: "equity-in-experiences-and-outcomes", 4: "care-provision-integration-and-continuity",
             5: "partnership-and-communities", 6: "safe-pathways-systems-and-transitions", 7: "safeguarding",
             8: "governance-management-and-sustainability", 9: "learning-improvement-innovation"}
SIB_SUFFIX = {1: "theme1-needs", 2: "theme1-healthier-lives", 3: "theme1-equity", 4: "theme2-care",
              5: "theme2-partnerships", 6: "theme3-pathways", 7: "theme3-safeguarding", 8: "theme4-governance",
              9: "theme4-learning"}
THEME_SLUG = {1: "working-with-people", 2: "providing-support", 3: "ensuring-safety", 4: "leadership"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]

# Real published results of councils not in this site (from shared/cqc_raw), used in "compare" blocks.
OTHERS = [
    ("Wokingham Borough Council", "Good", 81, [3, 3, 3, 3, 4, 3, 3, 3, 4]),
    ("Cheshire East Council", "Good", 75, [3, 3, 3, 3, 3, 3, 3, 3, 3]),
    ("Knowsley Council", "Good", 75, [3, 3, 3, 3, 3, 3, 3, 3, 3]),
    ("Essex County Council", "Good", 72, [2, 3, 3, 3, 3, 3, 3, 3, 3]),
    ("London Borough of Hounslow", "Good", 69, [2, 2, 3, 3, 3, 3, 3, 3, 3]),
    ("Surrey County Council", "Good", 69, [2, 3, 3, 3, 3, 3, 2, 3, 3]),
    ("Wiltshire Council", "Good", 67, [2, 3, 3, 3, 2, 3, 2, 3, 3]),
    ("Bristol City Council", "Good", 64, [2, 3, 2, 2, 3, 3, 2, 3, 3]),
    ("London Borough of Brent", "Requires improvement", 61, [2, 2, 2, 2, 2, 3, 3, 3, 3]),
    ("Medway Council", "Requires improvement", 58, [2, 3, 2, 2, 3, 3, 2, 2, 2]),
    ("Kent County Council", "Requires improvement", 56, [2, 2, 3, 2, 2, 2, 2, 2, 3]),
    ("Derby City Council", "Requires improvement", 53, [2, 2, 2, 2, 3, 2, 2, 2, 2]),
    ("Gloucestershire County Council", "Requires improvement", 50, [2, 2, 2, 2, 2, 2, 2, 2, 2]),
]


# ------------------------------------------------------------------------------------------ dates
def dlong(d):
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def fmt_date(d, style):
    if style == "numeric":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "short":
        return f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}"
    if style == "weekday":
        return f"{d.strftime('%A')} {dlong(d)}"
    if style == "time":
        return f'<time datetime="{d.isoformat()}">{dlong(d)}</time>'
    return dlong(d)


def pct_s(p, style):
    if style == "per cent":
        return f"{p} per cent"
    if style == "pct-space":
        return f"{p} %"
    return f"{p}%"


# ------------------------------------------------------------------------------------------ URLs
def base(f):
    return f"{LISTING}/{f['slug']}"


def summary_url(f):
    u = f["urls"]
    if u == "sibling":
        return base(f) + "-summary"
    if u == "nested-slash":
        return base(f) + "/summary/"
    return base(f) + "/overall-summary"


def statement_url(f, n):
    u, t = f["urls"], STATEMENTS[n][1]
    if u == "sibling":
        return f"{base(f)}-{SIB_SUFFIX[n]}"
    if u == "nested-slash":
        return f"{base(f)}/theme-{t}/{STMT_SLUG[n]}/"
    if u == "pilot":
        return f"{base(f)}/{t}-{THEME_SLUG[t]}/{STMT_SLUG[n]}"
    return f"{base(f)}/{STMT_SLUG[n]}"


def theme_url(f, t):
    u = f["urls"]
    if u == "sibling":
        return f"{base(f)}-theme{t}"
    if u == "nested-slash":
        return f"{base(f)}/theme-{t}/"
    if u == "pilot":
        return f"{base(f)}/{t}-{THEME_SLUG[t]}"
    return f"{base(f)}/theme-{t}-{THEME_SLUG[t]}"


def single_url(f):
    if f["urls"] == "nested-slash":
        return base(f) + "/findings/"
    return base(f) + "/quality-statements"


def family_pages(f):
    """[(key, url, title, statements on the page)]"""
    pages = [("about", base(f), f"About {f['council']}", []),
             ("summary", summary_url(f), "Overall summary", [])]
    if f["grouping"] == "statement":
        for n in range(1, 10):
            pages.append((str(n), statement_url(f, n), STATEMENTS[n][0], [n]))
    elif f["grouping"] == "theme":
        for t in range(1, 5):
            pages.append((f"theme{t}", theme_url(f, t), THEMES[t], THEME_STATEMENTS[t]))
    else:
        pages.append(("all", single_url(f), "Quality statements", list(range(1, 10))))
    return pages


def page_updated(f, key, stmts):
    eu = f.get("extra_update")
    if eu and (eu[0] == key or (eu[0].isdigit() and int(eu[0]) in stmts)):
        return eu[1]
    return f["updated"]


# ------------------------------------------------------------------------------------------ shell
CSS = "/assets/css/site.css"


def shell(f, title, body, engine, crumbs, extra_head=""):
    gen = {"hugo": '<meta name="generator" content="Hugo 0.121.2">',
           "jekyll": '<meta name="generator" content="Jekyll v4.3.3">',
           "eleventy": '<meta name="generator" content="Eleventy v2.0.1">'}[engine]
    body_cls = {"hugo": "page", "jekyll": "layout--report", "eleventy": "govuk-template__body"}[engine]
    crumb_html = ""
    if crumbs:
        items = []
        for i, (t, u) in enumerate(crumbs):
            if u and i < len(crumbs) - 1:
                items.append(f'<li class="breadcrumbs__item"><a class="breadcrumbs__link" href="{u}">{E(t)}</a></li>')
            else:
                items.append(f'<li class="breadcrumbs__item" aria-current="page">{E(t)}</li>')
        crumb_html = ('<nav class="breadcrumbs" aria-label="Breadcrumb">\n<ol class="breadcrumbs__list">\n'
                      + "\n".join(items) + "\n</ol>\n</nav>")
    seo = ""
    if engine == "jekyll":
        seo = (f'<!-- Begin Jekyll SEO tag v2.8.0 -->\n<meta property="og:title" content="{E(title)}">\n'
               f'<meta property="og:locale" content="en_GB">\n<!-- End Jekyll SEO tag -->')
    return f"""<!DOCTYPE html>
<html lang="en-GB" class="{'govuk-template' if engine == 'eleventy' else 'no-js'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
{gen}
<title>{E(title)} | Care Quality Commission</title>
{seo}
<link rel="stylesheet" href="{CSS}">
{extra_head}
</head>
<body class="{body_cls}">
<a href="#main-content" class="skip-link">Skip to main content</a>
<header class="site-header" role="banner">
<div class="site-header__inner">
<a class="site-header__logo" href="/">Care Quality Commission</a>
<nav class="site-nav" aria-label="Main">
<ul>
<li><a href="/">Home</a></li>
<li><a href="{LISTING}">Local authority assessments</a></li>
</ul>
</nav>
<form class="site-search" action="/search/" method="get" role="search"><label for="q" class="visually-hidden">Search</label><input id="q" name="q" type="search"><button type="submit">Search</button></form>
</div>
</header>
<div class="container">
{crumb_html}
<main id="main-content" class="main" role="main">
{body}
</main>
</div>
<footer class="site-footer" role="contentinfo">
<div class="site-footer__inner">
<p>&copy; Care Quality Commission</p>
<p>This copy of the site is test data written for a blind parsing exercise.</p>
</div>
</footer>
</body>
</html>
"""


# ------------------------------------------------------------------------------------------ header blocks
def header_text(f):
    if f["kind"] == "pilot":
        return f"{f['council']} assessment"
    return f"{f['council']}: local authority assessment"


def downloads(f, pdfinfo):
    t = f["tmpl"]
    if pdfinfo:
        link = f'<a href="{pdfinfo["url"]}" download>{E(pdfinfo["link_text"])}</a>'
        items = f"<li>{link}</li>"
    else:
        items = None
    if t == "govuk":
        inner = (f'<ul class="govuk-list">{items}</ul>' if items else
                 '<p class="govuk-body-s">There are no downloads for this report.</p>')
        return f'<div class="app-downloads">\n<h2 class="govuk-heading-s">Downloads</h2>\n{inner}\n</div>'
    if t == "nhs":
        inner = (f'<ul class="nhsuk-list">{items}</ul>' if items else
                 '<p>No downloads are available for this report yet.</p>')
        return ('<div class="nhsuk-card app-downloads">\n<div class="nhsuk-card__content">\n'
                f'<h2 class="nhsuk-card__heading nhsuk-heading-s">Downloads</h2>\n{inner}\n</div>\n</div>')
    inner = (f"<ul>{items}</ul>" if items else
             '<p>A PDF version of this report is not available. '
             '<a href="mailto:enquiries@cqc.org.uk">Ask for this report in another format</a>.</p>')
    return f'<aside class="downloads" aria-labelledby="downloads-title">\n<h2 id="downloads-title">Downloads</h2>\n{inner}\n</aside>'


def meta_line(f, upd):
    ds = f["date_fmt"]
    p, u = fmt_date(f["published"], ds), fmt_date(upd, ds)
    t = f["tmpl"]
    if t == "govuk":
        return ('<dl class="app-meta">\n'
                f'<div class="app-meta__item"><dt>Published:</dt> <dd>{p}</dd></div>\n'
                f'<div class="app-meta__item"><dt>Page last updated:</dt> <dd>{u}</dd></div>\n</dl>')
    if t == "nhs":
        return f'<p class="nhsuk-body-s app-meta">Published: {p}<br>\nPage last updated: {u}</p>'
    if t in ("tabs", "accordion", "details"):
        return (f'<ul class="meta-list">\n<li class="meta-list__item">Published: {p}</li>\n'
                f'<li class="meta-list__item">Page last updated: {u}</li>\n</ul>')
    return (f'<p class="report-meta"><span class="report-meta__published">Published: {p}</span> '
            f'<span class="report-meta__updated">Page last updated: {u}</span></p>')


def report_header(f, upd, pdfinfo):
    t = f["tmpl"]
    if t == "nhs":
        head = f'<p class="nhsuk-caption-xl app-report-title">{E(header_text(f))}</p>'
    elif t == "govuk":
        head = f'<h1 class="govuk-heading-xl app-report-title">{E(header_text(f))}</h1>'
    elif f.get("h1_statement"):
        head = f'<p class="report-header__title">{E(header_text(f))}</p>'
    else:
        head = f'<h1 class="report-header__title">{E(header_text(f))}</h1>'
    return (f'<div class="report-header">\n{head}\n{meta_line(f, upd)}\n</div>\n{downloads(f, pdfinfo)}')


def page_heading(f, text, level_default=2):
    t = f["tmpl"]
    lvl = 1 if (t == "nhs" or f.get("h1_statement")) else level_default
    cls = {"govuk": "govuk-heading-l", "nhs": "nhsuk-heading-l"}.get(t, "page-title")
    return lvl, f'<h{lvl} class="{cls}">{E(text)}</h{lvl}>'


def contents_nav(f, pages, cur):
    t = f["tmpl"]
    items = []
    for key, url, title, _ in pages:
        if key == cur:
            items.append(f'<li class="contents__item contents__item--active" aria-current="page">{E(title)}</li>')
        else:
            items.append(f'<li class="contents__item"><a href="{url}">{E(title)}</a></li>')
    lab = "Contents" if t != "nhs" else "In this report"
    cls = {"govuk": "gem-c-contents-list", "nhs": "nhsuk-contents-list"}.get(t, "report-nav")
    return (f'<nav class="{cls}" aria-label="{lab}">\n<h2 class="{cls}__title">{lab}</h2>\n<ol class="{cls}__list">\n'
            + "\n".join(items) + "\n</ol>\n</nav>")


def prev_next(f, pages, cur):
    keys = [p[0] for p in pages]
    i = keys.index(cur)
    prev = pages[i - 1] if i > 0 else None
    nxt = pages[i + 1] if i + 1 < len(pages) else None
    if f["tmpl"] == "nhs":
        out = ['<nav class="nhsuk-pagination" role="navigation" aria-label="Pagination">',
               '<ul class="nhsuk-list nhsuk-pagination__list">']
        if prev:
            out.append(f'<li class="nhsuk-pagination-item--previous"><a class="nhsuk-pagination__link nhsuk-pagination__link--prev" href="{prev[1]}">'
                       f'<span class="nhsuk-pagination__title">Previous</span><span class="nhsuk-u-visually-hidden">:</span> '
                       f'<span class="nhsuk-pagination__page">{E(prev[2])}</span></a></li>')
        if nxt:
            out.append(f'<li class="nhsuk-pagination-item--next"><a class="nhsuk-pagination__link nhsuk-pagination__link--next" href="{nxt[1]}">'
                       f'<span class="nhsuk-pagination__title">Next</span><span class="nhsuk-u-visually-hidden">:</span> '
                       f'<span class="nhsuk-pagination__page">{E(nxt[2])}</span></a></li>')
        out.append("</ul>\n</nav>")
        return "\n".join(out)
    out = ['<nav class="prev-next" aria-label="Previous and next pages">']
    if prev:
        out.append(f'<a class="prev-next__prev" rel="prev" href="{prev[1]}">Previous: {E(prev[2])}</a>')
    if nxt:
        out.append(f'<a class="prev-next__next" rel="next" href="{nxt[1]}">Next: {E(nxt[2])}</a>')
    out.append("</nav>")
    return "\n".join(out)


# ------------------------------------------------------------------------------------------ related content
def related(f, fams, rng, n=None):
    kind = f.get("related")
    if not kind:
        return ""
    if kind == "pilots":
        others = [x for x in fams if x["kind"] == "pilot" and x["slug"] != f["slug"]]
        li = [f'<li><a href="{base(x)}">{E(header_text(x))}</a> (indicative rating: {E(x["rating"])})</li>' for x in others]
        li.append("<li>North Lincolnshire Council assessment (indicative rating: Good)</li>")
        return ('<aside class="related" aria-labelledby="related-title">\n<h2 id="related-title">Other pilot assessments</h2>\n<ul>\n'
                + "\n".join(li) + "\n</ul>\n</aside>")
    pool = [x for x in fams if x["kind"] == "formal" and x["slug"] != f["slug"] and not x.get("not_loaded")]
    pick = rng.sample(pool, 3)
    if kind == "list":
        li = [f'<li><a href="{base(x)}">{E(header_text(x))}</a> &ndash; {E(x["rating"])} ({pct_s(x["pct"], "pct")})</li>'
              for x in pick]
        return ('<aside class="related" aria-labelledby="related-title">\n<h2 id="related-title">Related content</h2>\n<ul class="related__list">\n'
                + "\n".join(li) + "\n</ul>\n</aside>")
    if kind == "cards":
        cards = []
        for x in pick:
            extra = ""
            if n:
                extra = f'<p class="card__text">{E(STATEMENTS[n][0])}: scored {x["scores"][str(n)]} out of 4</p>'
            cards.append(f'<li class="card">\n<h3 class="card__heading"><a class="card__link" href="{base(x)}">{E(x["council"])}</a></h3>\n'
                         f'<p class="card__text">Overall rating: <strong>{E(x["rating"])}</strong></p>\n'
                         f'<p class="card__text">Score: {x["pct"]}%</p>\n{extra}</li>')
        return ('<section class="related-cards" aria-labelledby="more-reports">\n<h2 id="more-reports">More local authority assessments</h2>\n'
                '<ul class="card-group">\n' + "\n".join(cards) + "\n</ul>\n</section>")
    # table of similar councils (not linked)
    rows = rng.sample(OTHERS, 4)
    trs = []
    for name, rat, p, sc in rows:
        cell = f"<td>{sc[n - 1]}</td>" if n else f"<td>{p}%</td>"
        trs.append(f'<tr><th scope="row">{E(name)}</th><td>{E(rat)}</td>{cell}</tr>')
    col = f"Score for {E(STATEMENTS[n][0])}" if n else "Overall score"
    return ('<aside class="related-table">\n<table class="table">\n<caption>How similar local authorities were rated</caption>\n'
            f'<thead><tr><th scope="col">Local authority</th><th scope="col">Rating</th><th scope="col">{col}</th></tr></thead>\n'
            '<tbody>\n' + "\n".join(trs) + "\n</tbody>\n</table>\n</aside>")


# ------------------------------------------------------------------------------------------ About page
def about_modes(f):
    """(demographics shown as label/value pairs?, financial facts as pairs?)"""
    return {"classic": (False, False), "govuk": (True, True), "nhs": (True, False), "tabs": (True, True),
            "accordion": (True, False), "details": (False, False), "pilot": (False, False)}[f["tmpl"]]


def fact_block(f, items, as_pairs, caption):
    t = f["tmpl"]
    if not as_pairs:
        return "<ul>\n" + "\n".join(f"<li>{E(i['text'])}</li>" for i in items) + "\n</ul>"
    if t == "govuk" and caption == "Financial facts":
        trs = "\n".join(f'<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">{E(i["label"])}</th>'
                        f'<td class="govuk-table__cell">{E(i["value"])}</td></tr>' for i in items)
        return (f'<table class="govuk-table">\n<caption class="govuk-table__caption visually-hidden">{caption}</caption>\n'
                f'<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Measure</th>'
                f'<th scope="col" class="govuk-table__header">Value</th></tr></thead>\n<tbody class="govuk-table__body">\n{trs}\n</tbody>\n</table>')
    if t in ("govuk", "nhs"):
        pre = "govuk" if t == "govuk" else "nhsuk"
        rows = "\n".join(f'<div class="{pre}-summary-list__row"><dt class="{pre}-summary-list__key">{E(i["label"])}</dt>'
                         f'<dd class="{pre}-summary-list__value">{E(i["value"])}</dd></div>' for i in items)
        return f'<dl class="{pre}-summary-list">\n{rows}\n</dl>'
    if t == "accordion":
        trs = "\n".join(f'<tr><th scope="row">{E(i["label"])}</th><td>{E(i["value"])}</td></tr>' for i in items)
        return f'<table class="facts-table">\n<caption>{caption}</caption>\n<tbody>\n{trs}\n</tbody>\n</table>'
    return '<dl class="facts">\n' + "\n".join(f"<dt>{E(i['label'])}</dt>\n<dd>{E(i['value'])}</dd>" for i in items) + "\n</dl>"


def about_body(f):
    dp, fp = about_modes(f)
    ds = f["date_fmt"]
    lines = [f'<p class="assessment-date">Assessment published: {fmt_date(f["published"], ds)}</p>']
    if f["kind"] == "pilot":
        lines.append(f'<p class="assessment-date">Assessment start date: {fmt_date(f["start"], ds)}</p>')
    lvl, h = page_heading(f, f"About {f['council']}")
    lines.append(h)
    intro = (f"We assessed how {f['council']} meets its duties under Part 1 of the Care Act 2014. "
             "This page gives some context about the local authority and the people who live there.")
    lines.append(f"<p>{E(intro)}</p>")
    lines.append(f"<h{lvl + 1}>Demographics</h{lvl + 1}>")
    lines.append(fact_block(f, f["demographics"], dp, "Demographics"))
    lines.append(f"<h{lvl + 1}>Financial facts</h{lvl + 1}>")
    lines.append(fact_block(f, f["financial_facts"], fp, "Financial facts"))
    if f.get("placeholder_scores"):
        pass
    return "\n".join(lines)


# ------------------------------------------------------------------------------------------ summary page
def score_pairs(f):
    return [(n, f["scores"][str(n)]) for n in range(1, 10) if f["scores"][str(n)] is not None]


def rating_block(f, lvl):
    t, c, p = f["tmpl"], E(f["council"]), f["pct"]
    ps = pct_s(p, f["pctstyle"]) if p is not None else None
    h = f"h{lvl + 1}"
    if t == "pilot":
        return (f"<{h}>Local authority indicative rating</{h}>\n"
                f'<p class="rating">{E(f["rating"])}: {E(RATING_PHRASE[f["rating"].capitalize()])}</p>')
    if t == "govuk":
        return (f'<{h} class="govuk-heading-m">Local authority rating and score</{h}>\n<dl class="govuk-summary-list">\n'
                f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Local authority</dt><dd class="govuk-summary-list__value">{c}</dd></div>\n'
                f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Rating</dt><dd class="govuk-summary-list__value"><strong class="govuk-tag">{E(f["rating"])}</strong></dd></div>\n'
                f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Overall score</dt><dd class="govuk-summary-list__value">{ps}</dd></div>\n</dl>')
    if t == "nhs":
        return (f'<div class="nhsuk-card app-rating">\n<div class="nhsuk-card__content">\n<{h} class="nhsuk-card__heading">Local authority rating and score</{h}>\n'
                f'<p class="nhsuk-card__description">{c}</p>\n<p><strong class="nhsuk-tag app-rating__tag">{E(f["rating"])}</strong></p>\n'
                f'<p>Overall rating for {c}: <span class="app-rating__pct">{ps}</span></p>\n'
                f'<div class="app-bar" role="img" aria-label="{p} out of 100"><span class="app-bar__fill" style="width:{p}%"></span></div>\n'
                '</div>\n</div>')
    if t == "tabs":
        return (f"<{h}>Local authority rating and score</{h}>\n<dl class=\"rating-list\">\n<dt>Local authority</dt><dd>{c}</dd>\n"
                f"<dt>Rating</dt><dd><span class=\"badge badge--{f['rating'].lower().replace(' ', '-')}\">{E(f['rating'])}</span></dd>\n"
                f"<dt>Overall rating for {c}</dt><dd>{ps}</dd>\n</dl>")
    if t == "accordion":
        return (f'<table class="rating-table">\n<caption>Local authority rating and score</caption>\n<tbody>\n'
                f'<tr><th scope="row">Local authority</th><td>{c}</td></tr>\n'
                f'<tr><th scope="row">Rating</th><td>{E(f["rating"])}</td></tr>\n'
                f'<tr><th scope="row">Score</th><td>{ps}</td></tr>\n</tbody>\n</table>')
    # classic / details
    return (f"<{h}>Local authority rating and score</{h}>\n<p class=\"rating__council\">{c}</p>\n"
            f"<p class=\"rating__word\">{E(f['rating'])}</p>\n<p class=\"rating__score\">Overall rating for {c}: {ps}</p>")


def score_table_rowspan(f, h):
    rows = []
    for t, ns in THEME_STATEMENTS.items():
        ns = [n for n in ns if f["scores"][str(n)] is not None]
        for i, n in enumerate(ns):
            th = f'<th scope="rowgroup" rowspan="{len(ns)}" class="govuk-table__header">{E(THEMES[t])}</th>' if i == 0 else ""
            rows.append(f'<tr class="govuk-table__row">{th}<th scope="row" class="govuk-table__header">{E(STATEMENTS[n][0])}</th>'
                        f'<td class="govuk-table__cell govuk-table__cell--numeric">{f["scores"][str(n)]}</td></tr>')
    return (f'<{h} class="govuk-heading-m" id="qs-scores">Quality statement scores</{h}>\n<table class="govuk-table">\n'
            '<caption class="govuk-table__caption govuk-table__caption--s">Scores are from 1 (evidence shows significant shortfalls) to 4 (evidence shows an exceptional standard)</caption>\n'
            '<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Theme</th>'
            '<th scope="col" class="govuk-table__header">Quality statement</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Score</th></tr></thead>\n'
            '<tbody class="govuk-table__body">\n' + "\n".join(rows) + "\n</tbody>\n</table>")


def scores_block(f, lvl):
    t = f["tmpl"]
    h, h2, h3 = f"h{lvl + 1}", f"h{lvl + 2}", f"h{lvl + 3}"
    out = []
    if t == "govuk":
        return score_table_rowspan(f, h)
    if t == "pilot":
        out.append(f"<{h}>Quality statement scores</{h}>")
        for n, s in score_pairs(f):
            out.append(f"<{h2}>{E(STATEMENTS[n][0])}</{h2}>\n<p>Indicative score:</p>\n<p>{s} - {BAND_PHRASE[s]}</p>")
        return "\n".join(out)
    if t == "nhs":
        out.append(f'<{h} class="nhsuk-heading-m">Quality statement scores</{h}>')
        for th, ns in THEME_STATEMENTS.items():
            lis = "\n".join(f'<li class="app-score-list__item"><span class="app-score-list__name">{E(STATEMENTS[n][0])}</span><br>'
                            f'<strong class="nhsuk-tag">{f["scores"][str(n)]} - {BAND_PHRASE[f["scores"][str(n)]]}</strong></li>'
                            for n in ns)
            out.append(f'<div class="nhsuk-card">\n<div class="nhsuk-card__content">\n<{h2} class="nhsuk-card__heading nhsuk-heading-s">{E(THEMES[th])}</{h2}>\n'
                       f'<ul class="nhsuk-list app-score-list">\n{lis}\n</ul>\n</div>\n</div>')
        return "\n".join(out)
    if t == "tabs":
        out.append(f"<{h}>Quality statement scores</{h}>")
        for th, ns in THEME_STATEMENTS.items():
            dl = "\n".join(f"<dt>{E(STATEMENTS[n][0])}</dt>\n<dd>{f['scores'][str(n)]} - {BAND_PHRASE[f['scores'][str(n)]]}</dd>" for n in ns)
            out.append(f'<{h2}>{E(THEMES[th])}</{h2}>\n<dl class="score-list">\n{dl}\n</dl>')
        return "\n".join(out)
    if t == "accordion":
        out.append(f"<{h}>Quality statement scores</{h}>")
        for th, ns in THEME_STATEMENTS.items():
            trs = "\n".join(f'<tr><th scope="row">{E(STATEMENTS[n][0])}</th><td>{f["scores"][str(n)]}</td><td>{BAND_PHRASE[f["scores"][str(n)]]}</td></tr>' for n in ns)
            out.append(f'<table class="score-table">\n<caption>{E(THEMES[th])}</caption>\n'
                       '<thead><tr><th scope="col">Quality statement</th><th scope="col">Score</th><th scope="col">What the score means</th></tr></thead>\n'
                       f"<tbody>\n{trs}\n</tbody>\n</table>")
        return "\n".join(out)
    if t == "details":
        out.append(f"<{h}>Quality statement scores</{h}>")
        lis = "\n".join(f"<li>{E(STATEMENTS[n][0])}: {s} - {BAND_PHRASE[s]}</li>" for n, s in score_pairs(f))
        out.append(f'<ul class="score-summary">\n{lis}\n</ul>')
        return "\n".join(out)
    # classic: nine pairs "name" / "Score: N", grouped by theme
    out.append(f"<{h}>Quality statement scores</{h}>")
    for th, ns in THEME_STATEMENTS.items():
        out.append(f'<{h2} class="theme-title">{E(THEMES[th])}</{h2}>')
        for n in ns:
            s = f["scores"][str(n)]
            if s is None:
                continue
            if f["slug"] == "WBerkshire-0524":
                out.append(f'<div class="qs-score-row"><span class="qs-score-row__name">{E(STATEMENTS[n][0])}</span> '
                           f'<span class="qs-score-row__score">Score: {s}</span></div>')
            else:
                out.append(f'<{h3} class="qs-title">{E(STATEMENTS[n][0])}</{h3}>\n<p class="qs-score">Score: {s}</p>')
    return "\n".join(out)


def summary_body(f):
    lvl, head = page_heading(f, "Overall summary")
    parts = [head, rating_block(f, lvl), scores_block(f, lvl)]
    h = f"h{lvl + 1}"
    parts.append(f"<{h}>Summary of people's experiences</{h}>")
    parts += [f"<p>{E(p)}</p>" for p in f["people_experience"]]
    parts.append(f"<{h}>Summary of strengths, areas for development and next steps</{h}>")
    parts += [f"<p>{E(p)}</p>" for p in f["strengths"]]
    if f["pdfinfo"] and f["tmpl"] in ("classic", "nhs"):
        parts.append(f'<p class="download-inline">You can also <a href="{f["pdfinfo"]["url"]}">{E(f["pdfinfo"]["inline_text"])}</a>.</p>')
    if f.get("placeholder_scores"):
        parts.append('<p class="test-note"><small>Test corpus note: the indicative scores on these pages are '
                     'placeholders; only the rating (and, for Lincolnshire, the Learning, improvement and innovation '
                     'score) is from a public source.</small></p>')
    return "\n".join(parts)


# ------------------------------------------------------------------------------------------ statements
def score_html(f, n, s):
    t = f["tmpl"]
    if s is None:
        return ""
    b = BAND_PHRASE[s]
    if t == "pilot":
        if f.get("pilot_score_style") == "heading":
            return f'<h3 class="indicative-score__label">Indicative score:</h3>\n<p class="indicative-score__value">{s} - {b}</p>'
        return f'<p class="indicative-score"><strong>Indicative score:</strong><br>\n{s} - {b}</p>'
    if t == "govuk":
        return ('<dl class="govuk-summary-list app-score">\n'
                f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Score</dt><dd class="govuk-summary-list__value">{s} out of 4</dd></div>\n'
                f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">What the score means</dt><dd class="govuk-summary-list__value"><strong class="govuk-tag">{b}</strong></dd></div>\n</dl>')
    if t == "nhs":
        dots = "\u25cf" * s + "\u25cb" * (4 - s)
        return ('<div class="nhsuk-card app-score-card">\n<div class="nhsuk-card__content">\n'
                '<p class="nhsuk-card__heading nhsuk-heading-s">Quality statement score</p>\n'
                f'<p class="app-score"><span class="app-score__dots" aria-hidden="true">{dots}</span> '
                f'<span class="app-score__value">{s}</span><span class="nhsuk-u-visually-hidden"> out of 4</span></p>\n'
                f'<p><strong class="nhsuk-tag">{b}</strong></p>\n</div>\n</div>')
    if t == "tabs":
        dash = "\u2013" if f["typo"] else "-"
        return f'<p class="qs-score"><strong>Score: {s}/4</strong> {dash} {b}</p>'
    if t == "accordion":
        return (f'<table class="score-table score-table--single">\n<caption class="visually-hidden">Score for {E(STATEMENTS[n][0])}</caption>\n'
                f'<tbody><tr><th scope="row">Score</th><td>{s}</td><td>{b}</td></tr></tbody>\n</table>')
    if t == "details":
        return f'<p class="qs-score">{s} - {b}</p>'
    return f'<p class="qs-score">Score: {s}</p>\n<p class="qs-score-label">{s} - {b}</p>'


def statement_html(f, n, lvl):
    """lvl = heading level for the statement name."""
    st = f["statements"][str(n)]
    s = f["scores"][str(n)]
    t = f["tmpl"]
    h1, h2, h3 = f"h{lvl}", f"h{lvl + 1}", f"h{min(lvl + 2, 6)}"
    out = []
    if t != "details":
        out.append(f'<{h1} class="qs-heading" id="{STMT_SLUG[n]}">{E(STATEMENTS[n][0])}</{h1}>')
    out.append(score_html(f, n, s))
    out.append(f"<{h2}>What people expect</{h2}>")
    out.append('<ul class="i-statements">\n' + "\n".join(f"<li>{E(x)}</li>" for x in st["what_people_expect"]) + "\n</ul>")
    lab = "The local authority commitment:" if t == "pilot" else "The local authority commitment"
    out.append(f"<{h2}>{lab}</{h2}>")
    out.append(f'<p class="we-statement">{E(st["commitment"])}</p>')
    out.append(f"<{h2}>Key findings for this quality statement</{h2}>")
    for kf in st["key_findings"]:
        out.append(f"<{h3}>{E(kf['heading'])}</{h3}>")
        for p in kf["paragraphs"]:
            out.append(f"<p>{abbr(f, E(p))}</p>")
        if kf.get("list"):
            out.append("<ul>\n" + "\n".join(f"<li>{E(x)}</li>" for x in kf["list"]) + "\n</ul>")
    return "\n".join(x for x in out if x)


def abbr(f, s):
    if f["engine"] == "eleventy":
        s = s.replace("Adult Social Care Outcomes Framework",
                      '<abbr title="Adult Social Care Outcomes Framework">Adult Social Care Outcomes Framework</abbr>')
    return s


def statement_page_body(f, n):
    lvl = 1 if (f["tmpl"] == "nhs" or f.get("h1_statement")) else 2
    th = STATEMENTS[n][1]
    pre = f'<p class="theme-label">Theme {th}: {E(THEMES[th])}</p>' if f["tmpl"] in ("nhs", "govuk") else ""
    return pre + "\n" + statement_html(f, n, lvl)


def theme_page_body(f, t):
    lvl, head = page_heading(f, THEMES[t])
    out = [head]
    for n in THEME_STATEMENTS[t]:
        out.append(f'<section class="qs-section" aria-labelledby="{STMT_SLUG[n]}">')
        out.append(statement_html(f, n, lvl + 1))
        out.append("</section>")
    return "\n".join(out)


def single_page_body(f):
    t = f["tmpl"]
    lvl, head = page_heading(f, "Quality statements")
    out = [head]
    if t == "tabs":
        out.append('<p>Select a quality statement to read our findings.</p>')
        out.append('<div class="tabs" data-module="tabs">\n<ul class="tabs__list" role="tablist">')
        for n in range(1, 10):
            sel = "true" if n == 1 else "false"
            out.append(f'<li class="tabs__list-item" role="presentation"><a class="tabs__tab" role="tab" id="tab-{n}" '
                       f'href="#panel-{n}" aria-controls="panel-{n}" aria-selected="{sel}">{E(STATEMENTS[n][0])}</a></li>')
        out.append("</ul>")
        for n in range(1, 10):
            hid = "" if n == 1 else " tabs__panel--hidden"
            th = STATEMENTS[n][1]
            out.append(f'<section class="tabs__panel{hid}" id="panel-{n}" role="tabpanel" aria-labelledby="tab-{n}">')
            out.append(f'<p class="theme-label">{E(THEMES[th])}</p>')
            out.append(statement_html(f, n, lvl + 1))
            out.append("</section>")
        out.append("</div>")
    elif t in ("accordion", "pilot"):
        for th, ns in THEME_STATEMENTS.items():
            out.append(f"<h{lvl + 1}>{E(THEMES[th])}</h{lvl + 1}>")
            out.append(f'<div class="accordion" id="accordion-theme-{th}">')
            for n in ns:
                out.append('<div class="accordion__section">')
                out.append(f'<h{lvl + 2} class="accordion__heading"><button type="button" class="accordion__button" '
                           f'id="qs-{n}-heading" aria-expanded="false" aria-controls="qs-{n}-content">{E(STATEMENTS[n][0])}</button></h{lvl + 2}>')
                out.append(f'<div class="accordion__content" id="qs-{n}-content" role="region" aria-labelledby="qs-{n}-heading" hidden>')
                # the heading is the accordion button: render the body without a second heading
                body = statement_html(f, n, lvl + 2).split("\n", 1)[1]
                out.append(body)
                out.append("</div>\n</div>")
            out.append("</div>")
    elif t == "details":
        for th, ns in THEME_STATEMENTS.items():
            out.append(f"<h{lvl + 1}>{E(THEMES[th])}</h{lvl + 1}>")
            for n in ns:
                s = f["scores"][str(n)]
                out.append(f'<details class="qs-details" id="{STMT_SLUG[n]}">')
                out.append(f'<summary class="qs-details__summary"><h{lvl + 2} class="qs-details__title">{E(STATEMENTS[n][0])}</h{lvl + 2}> '
                           f'<span class="qs-details__score"><span class="visually-hidden">Score: </span>{s} of 4</span></summary>')
                out.append('<div class="qs-details__body">')
                out.append(statement_html(f, n, lvl + 3))
                out.append("</div>\n</details>")
    else:  # sections with a contents list
        out.append('<nav class="on-this-page" aria-label="On this page">\n<h2 class="on-this-page__title">On this page</h2>\n<ul>')
        for n in range(1, 10):
            out.append(f'<li><a href="#{STMT_SLUG[n]}">{E(STATEMENTS[n][0])}</a></li>')
        out.append("</ul>\n</nav>")
        for th, ns in THEME_STATEMENTS.items():
            out.append(f'<h{lvl + 1} class="theme-title">Theme {th}: {E(THEMES[th])}</h{lvl + 1}>')
            for n in ns:
                out.append(statement_html(f, n, lvl + 2))
                out.append('<p class="back-to-top"><a href="#main-content">Back to top</a></p>')
    return "\n".join(out)


# ------------------------------------------------------------------------------------------ family rendering
def render_family(f, fams):
    """Return {url: html}."""
    rng = random.Random("related/" + f["slug"])
    pages = family_pages(f)
    out = {}
    for key, url, title, stmts in pages:
        upd = page_updated(f, key, stmts)
        if key == "about":
            body = about_body(f)
            n = None
        elif key == "summary":
            body = summary_body(f)
            n = None
        elif key.isdigit():
            body = statement_page_body(f, int(key))
            n = int(key)
        elif key.startswith("theme"):
            body = theme_page_body(f, int(key[5:]))
            n = None
        else:
            body = single_page_body(f)
            n = None
        parts = [report_header(f, upd, f["pdfinfo"]), contents_nav(f, pages, key), '<article class="report-body">', body]
        if key.isdigit() or key.startswith("theme") or f["tmpl"] == "nhs":
            parts.append(prev_next(f, pages, key))
        parts.append("</article>")
        parts.append(related(f, fams, rng, n))
        crumbs = [("Home", "/"), ("Local authority assessments", LISTING), (f["council"], base(f))]
        if key != "about":
            crumbs.append((title, url))
        head_extra = ""
        if f["tmpl"] == "tabs" or f["grouping"] == "single":
            head_extra = '<script src="/assets/js/components.js" defer></script>'
        out[url] = shell(f, f"{title} - {header_text(f)}", "\n".join(p for p in parts if p), f["engine"], crumbs, head_extra)
    return out


# ------------------------------------------------------------------------------------------ listing
IN_PROGRESS = ["Coventry City Council", "Devon County Council", "Manchester City Council", "Norfolk County Council",
               "Plymouth City Council", "Royal Borough of Greenwich", "Worcestershire County Council"]
PER_PAGE = 8


def listing_pages(fams):
    formal = sorted([f for f in fams if f["kind"] == "formal"], key=lambda x: x["published"], reverse=True)
    pilots = [f for f in fams if f["kind"] == "pilot"]
    chunks = [formal[i:i + PER_PAGE] for i in range(0, len(formal), PER_PAGE)]
    npages = len(chunks)

    def purl(i):
        return LISTING if i == 1 else f"{LISTING}/page/{i}/"

    out = {}
    for i, chunk in enumerate(chunks, start=1):
        items = []
        for f in chunk:
            items.append(f'<li class="report-list__item">\n<h3 class="report-list__title"><a href="{base(f)}">{E(header_text(f))}</a></h3>\n'
                         f'<p class="report-list__meta">Published <time datetime="{f["published"].isoformat()}">{dlong(f["published"])}</time></p>\n</li>')
        pager = ['<nav class="pagination" aria-label="Pagination">', '<ul class="pagination__list">']
        if i > 1:
            pager.append(f'<li class="pagination__item pagination__item--prev"><a href="{purl(i - 1)}" rel="prev">&laquo; Previous<span class="visually-hidden"> page</span></a></li>')
        for j in range(1, npages + 1):
            if j == i:
                pager.append(f'<li class="pagination__item pagination__item--current"><a href="{purl(j)}" aria-current="page">{j}</a></li>')
            else:
                pager.append(f'<li class="pagination__item"><a href="{purl(j)}" aria-label="Page {j}">{j}</a></li>')
        if i < npages:
            pager.append(f'<li class="pagination__item pagination__item--next"><a href="{purl(i + 1)}" rel="next">Next<span class="visually-hidden"> page</span> &raquo;</a></li>')
        pager.append("</ul>\n</nav>")
        prog = "\n".join(f"<li>{E(n)}</li>" for n in IN_PROGRESS)
        pil = "\n".join(f'<li class="report-list__item"><a href="{base(f)}">{E(header_text(f))}</a> '
                        f'<span class="report-list__meta">Published {dlong(f["published"])}</span></li>' for f in pilots)
        body = f"""<h1>Local authority assessment reports</h1>
<p class="lede">Read our assessments of how local authorities meet their duties under Part 1 of the Care Act 2014.</p>
<section aria-labelledby="reports-title">
<h2 id="reports-title">Assessment reports</h2>
<p class="results-count">Showing {(i - 1) * PER_PAGE + 1} to {(i - 1) * PER_PAGE + len(chunk)} of {len(formal)} reports</p>
<ul class="report-list">
{chr(10).join(items)}
</ul>
{chr(10).join(pager)}
</section>
<section aria-labelledby="progress-title">
<h2 id="progress-title">Assessments in progress</h2>
<p>We are currently assessing these local authorities. We will publish their reports when they are ready.</p>
<ul class="plain-list">
{prog}
</ul>
</section>
<section aria-labelledby="pilots-title">
<h2 id="pilots-title">Pilot assessments</h2>
<p>In 2023 we piloted our approach with a small number of local authorities. These reports give indicative ratings only.</p>
<ul class="report-list report-list--pilots">
{pil}
</ul>
</section>"""
        extra = ""
        if i > 1:
            extra += f'<link rel="prev" href="{purl(i - 1)}">'
        if i < npages:
            extra += f'<link rel="next" href="{purl(i + 1)}">'
        crumbs = [("Home", "/"), ("Local authority assessments", LISTING)]
        out[purl(i)] = shell({}, "Local authority assessment reports" + (f" - page {i}" if i > 1 else ""), body, "hugo", crumbs, extra)
    return out


def home_page():
    body = f"""<h1>Care Quality Commission</h1>
<p>We are the independent regulator of health and adult social care in England.</p>
<ul>
<li><a href="{LISTING}">Local authority assessment reports</a></li>
</ul>"""
    return shell({}, "Home", body, "hugo", None)


SITE_CSS = """/* site.css (test copy) */
body{font-family:Arial,Helvetica,sans-serif;margin:0;color:#0b0c0c;line-height:1.45}
.container{max-width:960px;margin:0 auto;padding:0 15px}
.visually-hidden,.nhsuk-u-visually-hidden{position:absolute!important;width:1px!important;height:1px!important;margin:0!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;white-space:nowrap!important;border:0!important}
.skip-link{position:absolute;left:-9999px}.skip-link:focus{left:0}
.site-header{background:#1d2d52;color:#fff;padding:10px 0}.site-header a{color:#fff}
.breadcrumbs__list{list-style:none;padding:0;display:flex;gap:.5em;font-size:14px}
.breadcrumbs__item+.breadcrumbs__item:before{content:"\\203A";margin-right:.5em}
.report-header{border-bottom:1px solid #b1b4b6;margin-bottom:20px}
.downloads,.app-downloads{background:#f3f2f1;padding:10px 15px;margin:15px 0}
.tabs__panel--hidden{display:none}
.js-enabled .accordion__content[hidden]{display:none}
.badge,.nhsuk-tag,.govuk-tag{display:inline-block;padding:2px 8px;font-weight:700;background:#d2e2f1}
.card-group{display:grid;grid-template-columns:repeat(3,1fr);gap:15px;list-style:none;padding:0}
.card{border:1px solid #d8dde0;padding:15px}
table{border-collapse:collapse}th,td{border-bottom:1px solid #b1b4b6;padding:6px 10px;text-align:left;vertical-align:top}
.app-bar{height:8px;background:#e8edee}.app-bar__fill{display:block;height:8px;background:#005eb8}
.pagination__list{list-style:none;display:flex;gap:10px;padding:0}
@media print{.site-header,.site-footer,.breadcrumbs,.related,.related-cards{display:none}}
"""

COMPONENTS_JS = """// components.js (test copy): tabs and accordions
(function(){document.documentElement.classList.add('js-enabled');
document.querySelectorAll('[role=tab]').forEach(function(tab){tab.addEventListener('click',function(e){e.preventDefault();
var list=tab.closest('[role=tablist]');list.querySelectorAll('[role=tab]').forEach(function(t){t.setAttribute('aria-selected','false');
document.getElementById(t.getAttribute('aria-controls')).classList.add('tabs__panel--hidden');});
tab.setAttribute('aria-selected','true');document.getElementById(tab.getAttribute('aria-controls')).classList.remove('tabs__panel--hidden');});});
document.querySelectorAll('.accordion__button').forEach(function(b){b.addEventListener('click',function(){var open=b.getAttribute('aria-expanded')==='true';
b.setAttribute('aria-expanded',String(!open));document.getElementById(b.getAttribute('aria-controls')).hidden=open;});});})();
"""
