"""HTML pages for the realsite corpus: a Drupal-flavoured CQC theme with per-family template variants."""
from html import escape as e
from data import STATEMENTS, THEMES, BAND_PHRASE, RATING_PHRASE, PILOT_THEME_SEG
from families import THEME_SLUG

BASE = "/care-services/local-authority-assessment-reports"
LISTING = BASE


def fmt_date(d, f=None):
    if f and f.get("numdate"):
        return d.strftime("%d/%m/%Y")
    return f"{d.day} {d.strftime('%B %Y')}"


def header_title(f):
    if f["kind"] == "pilot":
        return f"{f['council']} assessment"
    return f"{f['council']}: local authority assessment"


# ---------------------------------------------------------------- page list
def family_pages(f):
    """Return list of dicts: kind, path, title, statements."""
    b = f"{BASE}/{f['slug']}"
    pages = [dict(kind="about", path=b, title=f"About {f['council']}")]
    if f["kind"] == "pilot":
        pages.append(dict(kind="summary", path=b + "/overall-summary", title="Overall summary"))
        if f["group"] == "statement":
            for n, (t, name, _, seg) in STATEMENTS.items():
                pages.append(dict(kind="statements", path=f"{b}/{PILOT_THEME_SEG[t]}/{seg}", title=name, ns=[n]))
        elif f["group"] == "theme":
            for t, tname in THEMES.items():
                pages.append(dict(kind="statements", path=f"{b}/{PILOT_THEME_SEG[t]}", title=tname,
                                  ns=[n for n, v in STATEMENTS.items() if v[0] == t]))
        else:
            pages.append(dict(kind="statements", path=b + "/quality-statements", title="Quality statements", ns=list(range(1, 10))))
        return pages
    pages.append(dict(kind="summary", path=b + f["summary"], title="Overall summary"))
    if f["group"] == "statement":
        for n, (t, name, suf, _) in STATEMENTS.items():
            pages.append(dict(kind="statements", path=f"{b}-{suf}", title=name, ns=[n]))
    elif f["group"] == "theme":
        for t, tname in THEMES.items():
            pages.append(dict(kind="statements", path=b + f["theme_path"].format(t=t, tslug=THEME_SLUG[t]), title=tname,
                              ns=[n for n, v in STATEMENTS.items() if v[0] == t]))
    else:
        pages.append(dict(kind="statements", path=b + f["single"], title="Quality statements", ns=list(range(1, 10))))
    return pages


def page_updated(f, p):
    if p["kind"] == "summary" and f.get("upd_summary"):
        return f["upd_summary"]
    return f["upd"]


def last_updated(f):
    return max(page_updated(f, p) for p in family_pages(f))


# ---------------------------------------------------------------- fragments
def score_line(f, n, compact=False):
    """How a single statement's score is written, per template variant."""
    s = f["scores"][n - 1]
    st = f["style"]
    if s is None:
        return '<p class="qs-score qs-score--pending">Score to follow</p>'
    ph = BAND_PHRASE[s]
    if f["kind"] == "pilot":
        if st == "govuk":
            return (f'<dl class="govuk-summary-list govuk-summary-list--no-border"><div class="govuk-summary-list__row">'
                    f'<dt class="govuk-summary-list__key">Indicative score:</dt>'
                    f'<dd class="govuk-summary-list__value">{s} - {ph}</dd></div></dl>')
        return f'<div class="qs-score"><p class="qs-score__label">Indicative score:</p>\n<p class="qs-score__value">{s} - {ph}</p></div>'
    if st == "classic":
        return f'<div class="qs-score"><p>Score: {s}</p>\n<p>{s} - {ph}</p></div>'
    if st == "govuk":
        colour = {1: "red", 2: "yellow", 3: "green", 4: "blue"}[s]
        return (f'<dl class="govuk-summary-list"><div class="govuk-summary-list__row">'
                f'<dt class="govuk-summary-list__key">Score</dt><dd class="govuk-summary-list__value">'
                f'<strong class="govuk-tag govuk-tag--{colour}">{s}</strong> {ph}</dd></div></dl>')
    if st == "table":
        return (f'<table class="qs-score-table"><caption class="visually-hidden">Score for this quality statement</caption>'
                f'<tbody><tr><th scope="row">Score</th><td>{s} out of 4</td></tr>'
                f'<tr><th scope="row">What the score means</th><td>{ph}</td></tr></tbody></table>')
    if st == "cards":
        return (f'<div class="score-card score-card--{s}"><p class="score-card__label">Quality statement score</p>'
                f'<p class="score-card__value"><span class="score-card__number">{s}</span><span class="visually-hidden"> out of 4</span></p>'
                f'<p class="score-card__descriptor">{ph}</p></div>')
    # accordion
    return f'<p class="qs-score"><span class="visually-hidden">Score: </span><span class="qs-score__badge">{s}</span> {s} - {ph}</p>'


def statement_block(f, n, hl):
    """hl: heading level of the statement name."""
    st = f["style"]
    pilot = f["kind"] == "pilot"
    S = f["statements"][n]
    name = STATEMENTS[n][1]
    sub = hl + 1
    out = []
    anchor = STATEMENTS[n][3]
    if st == "accordion" and hl >= 2:
        out.append(f'<details class="cqc-accordion__section" id="{anchor}"{" open" if n in (1,) else ""}>'
                   f'<summary class="cqc-accordion__summary"><h{hl} class="cqc-accordion__heading">{e(name)}</h{hl}></summary>'
                   f'<div class="cqc-accordion__content">')
    else:
        out.append(f'<section class="quality-statement" id="{anchor}">')
        out.append(f'<h{hl} class="quality-statement__title">{e(name)}</h{hl}>')
    out.append(score_line(f, n))
    wpe = "What people expect"
    out.append(f'<h{sub}>{wpe}</h{sub}>')
    if st in ("classic", "accordion"):
        out.append("\n".join(f"<p>{e(x)}</p>" for x in S["what_people_expect"]))
    elif st == "govuk":
        out.append('<div class="govuk-inset-text">' + "".join(f"<p class=\"govuk-body\">{e(x)}</p>" for x in S["what_people_expect"]) + "</div>")
    else:
        out.append("<ul class=\"i-statements\">" + "".join(f"<li>{e(x)}</li>" for x in S["what_people_expect"]) + "</ul>")
    cl = "The local authority commitment:" if pilot else "The local authority commitment"
    out.append(f'<h{sub}>{cl}</h{sub}>')
    if st in ("cards", "govuk"):
        out.append(f'<blockquote class="we-statement"><p>{e(S["commitment"])}</p></blockquote>')
    else:
        out.append(f'<p>{e(S["commitment"])}</p>')
    out.append(f'<h{sub}>Key findings for this quality statement</h{sub}>')
    editor = f.get("editor_quirks")
    for kf in S["key_findings"]:
        if editor:
            out.append(f'<p><strong>{e(kf["heading"])}</strong></p>')
            out.append("\n<p>&nbsp;</p>\n".join(f"<p>{e(p)}</p>" for p in kf["paragraphs"]))
        else:
            out.append(f'<h{sub + 1}>{e(kf["heading"])}</h{sub + 1}>')
            out.append("\n".join(f"<p>{e(p)}</p>" for p in kf["paragraphs"]))
        if kf["bullets"]:
            out.append("<ul>" + "".join(f"<li>{e(b)}</li>" for b in kf["bullets"]) + "</ul>")
    out.append("</div></details>" if (st == "accordion" and hl >= 2) else "</section>")
    return "\n".join(out)


def downloads_block(f, ctx):
    pdf = ctx["pdfs"].get(f["slug"])
    st = f["style"]
    if not pdf:
        body = '<p class="downloads__empty">A downloadable version of this report will be published soon.</p>'
    else:
        size = pdf["size_label"]
        if st == "govuk":
            body = (f'<ul class="govuk-list"><li><a class="govuk-link" href="{pdf["url"]}">{e(pdf["link_text"])}'
                    f'<span class="govuk-visually-hidden"> for {e(f["council"])}</span></a> (PDF, {size})</li></ul>')
        elif st == "cards":
            body = (f'<div class="file-card"><a href="{pdf["url"]}" class="file-card__link">{e(pdf["link_text"])}</a>'
                    f'<p class="file-card__meta">PDF <span aria-hidden="true">|</span> {size}</p></div>')
        else:
            body = f'<ul class="downloads__list"><li class="file file--mime-application-pdf"><a href="{pdf["url"]}" type="application/pdf">{e(pdf["link_text"])}</a> <span class="file__size">({size})</span></li></ul>'
    return f'<div class="downloads block block-downloads"><h2 class="downloads__title">Downloads</h2>{body}</div>'


def dates_line(f, p):
    pub, upd = f["pub"], page_updated(f, p)
    if f["style"] in ("govuk", "cards"):
        return (f'<p class="report-dates">Published: <time datetime="{pub.isoformat()}">{fmt_date(pub, f)}</time> '
                f'<span class="report-dates__sep">Page last updated: <time datetime="{upd.isoformat()}">{fmt_date(upd, f)}</time></span></p>')
    return f'<div class="report-dates"><span>Published: {fmt_date(pub, f)}</span> <span>Page last updated: {fmt_date(upd, f)}</span></div>'


def contents_nav(f, pages, cur):
    items = []
    for p in pages:
        label = p["title"] if p["kind"] != "about" else f"About {f['short']}"
        if p["path"] == cur["path"]:
            items.append(f'<li class="report-nav__item is-active"><a href="{p["path"]}" aria-current="page">{e(label)}</a></li>')
        else:
            items.append(f'<li class="report-nav__item"><a href="{p["path"]}">{e(label)}</a></li>')
        if f["group"] == "single" and p["kind"] == "statements":
            items[-1] = items[-1][:-5] + '<ol class="report-nav__sub">' + "".join(
                f'<li><a href="{p["path"]}#{v[3]}">{e(v[1])}</a></li>' for v in STATEMENTS.values()) + "</ol></li>"
    heading = "In this report" if f["style"] in ("govuk", "cards") else "Contents"
    return f'<nav class="report-nav" aria-labelledby="report-nav-heading"><h2 id="report-nav-heading" class="report-nav__title">{heading}</h2><ol class="report-nav__list">{"".join(items)}</ol></nav>'


def prevnext(pages, cur):
    i = next(k for k, p in enumerate(pages) if p["path"] == cur["path"])
    parts = []
    if i > 0:
        parts.append(f'<a class="pagination__link pagination__link--prev" href="{pages[i-1]["path"]}" rel="prev"><span class="pagination__label">Previous</span> <span class="pagination__title">{e(pages[i-1]["title"])}</span></a>')
    if i < len(pages) - 1:
        parts.append(f'<a class="pagination__link pagination__link--next" href="{pages[i+1]["path"]}" rel="next"><span class="pagination__label">Next</span> <span class="pagination__title">{e(pages[i+1]["title"])}</span></a>')
    return f'<nav class="report-pagination" aria-label="Report pages">{"".join(parts)}</nav>'


def related_block(f, ctx):
    others = [g for g in ctx["fams"] if g["slug"] != f["slug"] and g["kind"] == "formal" and g["expect"] == "loads"]
    idx = ctx["fams"].index(f)
    pick = [others[(idx + k * 3) % len(others)] for k in range(3)]
    li = []
    for g in pick:
        if f["style"] in ("cards", "govuk"):
            li.append(f'<li class="related-card"><a href="{BASE}/{g["slug"]}">{e(g["council"])}: local authority assessment</a>'
                      f'<p class="related-card__meta"><span class="tag">{g["rating"]}</span> {g["pct"]}% <span class="related-card__date">{fmt_date(g["pub"])}</span></p></li>')
        else:
            li.append(f'<li><a href="{BASE}/{g["slug"]}">{e(g["council"])}</a> - {g["rating"]} ({g["pct"]}%)</li>')
    # a plain-text mention of councils outside this corpus, as a news teaser would
    li.append('<li>Bristol City Council - Good (64%)</li>' if f["style"] not in ("cards", "govuk") else
              '<li class="related-card"><p>Cheshire East Council: local authority assessment</p><p class="related-card__meta"><span class="tag">Good</span> 75%</p></li>')
    return f'<aside class="related-content" aria-labelledby="related-h"><h2 id="related-h">Other local authority assessments</h2><ul>{"".join(li)}</ul></aside>'


def breadcrumbs(f, p):
    crumbs = [('/', 'Home'), (LISTING, 'Local authority assessment reports')]
    if p["kind"] != "about":
        crumbs.append((f"{BASE}/{f['slug']}", header_title(f)))
    lis = "".join(f'<li class="breadcrumb__item"><a href="{h}">{e(t)}</a></li>' for h, t in crumbs)
    lis += f'<li class="breadcrumb__item" aria-current="page">{e(p["title"])}</li>'
    return f'<nav class="breadcrumb" aria-labelledby="system-breadcrumb"><h2 id="system-breadcrumb" class="visually-hidden">Breadcrumb</h2><ol>{lis}</ol></nav>'


def shell(title, inner, body_class="", breadcrumb=""):
    return f"""<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{e(title)} | Care Quality Commission</title>
<link rel="stylesheet" media="all" href="/themes/custom/cqc/dist/css/main.css?t8k2qz">
</head>
<body class="{body_class}">
<a href="#main-content" class="visually-hidden focusable skip-link">Skip to main content</a>
<div class="dialog-off-canvas-main-canvas" data-off-canvas-main-canvas>
<header class="site-header" role="banner">
<div class="site-header__inner"><a href="/" class="site-logo" rel="home"><span class="visually-hidden">Care Quality Commission home</span></a>
<form class="site-search" action="/search/" method="get" role="search"><label for="edit-keys" class="visually-hidden">Search</label><input id="edit-keys" name="keys" type="search"><button type="submit">Search</button></form>
</div>
</header>
{breadcrumb}
<main id="main-content" role="main" tabindex="-1">
<div class="region region-content">
<div data-drupal-messages-fallback class="hidden"></div>
{inner}
</div>
</main>
<section class="block block-feedback" aria-labelledby="feedback-h"><h2 id="feedback-h" class="visually-hidden">Feedback</h2>
<form class="page-feedback" method="post" action="/search/"><p>Was this page helpful?</p><button type="button" name="helpful" value="yes">Yes</button> <button type="button" name="helpful" value="no">No</button></form></section>
<footer class="site-footer" role="contentinfo">
<p>Care Quality Commission, Citygate, Gallowgate, Newcastle upon Tyne, NE1 4PA</p>
<p><a href="https://www.gov.uk/government/organisations/care-quality-commission">CQC on GOV.UK</a></p>
</footer>
</div>
</body>
</html>
"""


# ---------------------------------------------------------------- page bodies
def about_body(f, hl):
    st = f["style"]
    out = []
    if f["kind"] == "pilot":
        out.append(f'<p class="assessment-date">Assessment start date: {fmt_date(f["start"], f)}</p>')
    out.append(f'<p class="assessment-date">Assessment published: {fmt_date(f["pub"], f)}</p>')
    out.append(f'<h{hl}>About {e(f["council"])}</h{hl}>')
    for head, items in (("Demographics", f["demo"]), ("Financial facts", f["finfacts"])):
        out.append(f'<h{hl+1}>{head}</h{hl+1}>')
        if "label" not in items[0]:
            out.append("<ul>" + "".join(f"<li>{e(x['text'])}</li>" for x in items) + "</ul>")
            continue
        lab = [x for x in items if "label" in x]
        txt = [x for x in items if "text" in x]
        if st == "table":
            out.append(f'<table class="facts-table"><caption class="visually-hidden">{head}</caption><tbody>' + "".join(
                f'<tr><th scope="row">{e(x["label"])}</th><td>{e(x["value"])}</td></tr>' for x in lab) + "</tbody></table>")
        elif st == "govuk":
            out.append('<dl class="govuk-summary-list">' + "".join(
                f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{e(x["label"])}</dt><dd class="govuk-summary-list__value">{e(x["value"])}</dd></div>' for x in lab) + "</dl>")
        else:
            out.append('<dl class="key-facts">' + "".join(f'<dt>{e(x["label"])}</dt><dd>{e(x["value"])}</dd>' for x in lab) + "</dl>")
        for x in txt:
            out.append(f'<p class="facts-note">{e(x["text"])}</p>')
    return "\n".join(out)


def summary_scores(f):
    st = f["style"]
    pilot = f["kind"] == "pilot"

    def val(n):
        s = f["scores"][n - 1]
        if s is None:
            return "Score to follow"
        if pilot:
            return f"Indicative score: {s}"
        if st in ("classic",):
            return f"Score: {s}"
        if st == "govuk":
            return f"Score: {s}" if f["slug"] != "leicestercity-0725" else f"{s} - {BAND_PHRASE[s]}"
        if st == "cards":
            return f"{s} - {BAND_PHRASE[s]}"
        if st == "accordion":
            return f"{s} out of 4"
        return str(s)

    if st == "table":
        rows = []
        for t, tname in THEMES.items():
            ns = [n for n, v in STATEMENTS.items() if v[0] == t]
            for i, n in enumerate(ns):
                th = f'<th scope="rowgroup" rowspan="{len(ns)}">{e(tname)}</th>' if i == 0 else ""
                rows.append(f'<tr>{th}<td>{e(STATEMENTS[n][1])}</td><td class="score">{val(n)}</td></tr>')
        return ('<table class="qs-table"><caption>Quality statement scores</caption><thead><tr><th scope="col">Theme</th>'
                '<th scope="col">Quality statement</th><th scope="col">Score (1 to 4)</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table>")
    if st == "govuk":
        return '<dl class="govuk-summary-list qs-scores">' + "".join(
            f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{e(STATEMENTS[n][1])}</dt><dd class="govuk-summary-list__value">{val(n)}</dd></div>' for n in range(1, 10)) + "</dl>"
    if st == "cards":
        return '<ul class="card-grid qs-cards">' + "".join(
            f'<li class="card"><h4 class="card__title">{e(STATEMENTS[n][1])}</h4><p class="card__theme">{e(THEMES[STATEMENTS[n][0]])}</p><p class="card__score">{val(n)}</p></li>' for n in range(1, 10)) + "</ul>"
    if st == "accordion":
        return '<dl class="qs-scores">' + "".join(f'<dt>{e(STATEMENTS[n][1])}</dt><dd><span class="visually-hidden">Score: </span>{val(n)}</dd>' for n in range(1, 10)) + "</dl>"
    return '<ul class="qs-scores">' + "".join(
        f'<li><span class="qs-scores__name">{e(STATEMENTS[n][1])}</span> <span class="qs-scores__value">{val(n)}</span></li>' for n in range(1, 10)) + "</ul>"


def summary_body(f, hl, ctx):
    st = f["style"]
    out = [f'<h{hl}>Overall summary</h{hl}>']
    h2 = hl + 1
    if f["kind"] == "pilot":
        out.append(f'<h{h2}>Local authority indicative rating</h{h2}>')
        out.append(f'<p class="rating rating--{f["rating"].split()[0].lower()}">{f["rating"]}: {RATING_PHRASE[f["rating"]]}</p>')
        out.append(f'<h{h2}>Quality statement scores</h{h2}>')
        out.append(summary_scores(f))
    else:
        rword = f["rating"] if f["slug"] not in ("lancashire-0825", "warrington-0525") else "Requires Improvement"
        out.append(f'<h{h2}>Local authority rating and score</h{h2}>')
        if st == "govuk":
            out.append(f'<div class="govuk-panel govuk-panel--confirmation"><p class="govuk-panel__title">{e(f["council"])}</p>'
                       f'<div class="govuk-panel__body"><strong>{rword}</strong></div></div>')
            out.append(f'<p class="overall-score">Overall rating for {e(f["council"])}: {f["pct"]}%</p>')
        elif st == "cards":
            out.append(f'<div class="rating-card"><p class="rating-card__council">{e(f["council"])}</p>'
                       f'<p class="rating-card__rating">{rword}</p><p class="rating-card__phrase">{RATING_PHRASE[f["rating"]]}</p>'
                       f'<p class="rating-card__score">Overall rating for {e(f["council"])}: <strong>{f["pct"]}%</strong></p>'
                       f'<div class="progress" role="img" aria-label="{f["pct"]} per cent"><span style="width:{f["pct"]}%"></span></div></div>')
        elif st == "table":
            out.append(f'<table class="rating-table"><tbody><tr><th scope="row">Local authority</th><td>{e(f["council"])}</td></tr>'
                       f'<tr><th scope="row">Rating</th><td>{rword}</td></tr></tbody></table>')
            out.append(f'<p>Overall rating for {e(f["council"])}: {f["pct"]}%</p>')
        else:
            out.append(f'<p class="la-name">{e(f["council"])}</p><p class="rating">{rword}</p>')
            out.append(f'<p class="overall-score">Overall rating for {e(f["council"])}: {f["pct"]}%</p>')
        out.append(f'<h{h2}>Quality statement scores</h{h2}>')
        out.append(summary_scores(f))
    out.append(f"<h{h2}>Summary of people's experiences</h{h2}>")
    out.append("\n".join(f"<p>{e(x)}</p>" for x in f["people"]))
    out.append(f"<h{h2}>Summary of strengths, areas for development and next steps</h{h2}>")
    out.append("\n".join(f"<p>{e(x)}</p>" for x in ctx["strengths"][f["slug"]]))
    pdf = ctx["pdfs"].get(f["slug"])
    if pdf and st in ("classic", "table", "accordion"):
        out.append(f'<p class="report-download"><a href="{pdf["url"]}">Download this report (PDF, {pdf["size_label"]})</a></p>')
    return "\n".join(out)


def statements_body(f, p, hl):
    out = []
    st = f["style"]
    if len(p["ns"]) == 1:
        theme = THEMES[STATEMENTS[p["ns"][0]][0]]
        out.append(f'<p class="theme-label">{e(theme)}</p>')
        out.append(statement_block(f, p["ns"][0], hl))
    elif len(p["ns"]) < 9:
        out.append(f'<h{hl} class="theme-title">{e(p["title"])}</h{hl}>')
        if st == "accordion":
            out.append('<div class="cqc-accordion">')
        out.extend(statement_block(f, n, hl + 1) for n in p["ns"])
        if st == "accordion":
            out.append('</div>')
    else:
        out.append(f'<h{hl}>Quality statements</h{hl}>')
        for t, tname in THEMES.items():
            out.append(f'<h{hl+1} class="theme-title">Theme {t}: {e(tname)}</h{hl+1}>')
            out.extend(statement_block(f, n, hl + 2) for n, v in STATEMENTS.items() if v[0] == t)
    return "\n".join(out)


def render_page(f, p, ctx):
    pages = family_pages(f)
    st = f["style"]
    # heading levels: classic/table keep the report header as h1 and page headings as h2;
    # govuk/cards use a caption paragraph for the report header and an h1 for the page heading.
    if st in ("govuk", "cards"):
        head = f'<p class="report-header__title govuk-caption-xl">{e(header_title(f))}</p>'
        hl = 1
    else:
        head = f'<h1 class="report-header__title page-title">{e(header_title(f))}</h1>'
        hl = 2
    if p["kind"] == "about":
        body = about_body(f, hl)
    elif p["kind"] == "summary":
        body = summary_body(f, hl, ctx)
    else:
        body = statements_body(f, p, hl)
    related = related_block(f, ctx) if (p["kind"] in ("about", "summary") and f["slug"] not in ("nottingham-city", "WBerkshire-0524")) else ""
    inner = f"""<article class="node node--type-local-authority-assessment node--view-mode-full report report--{st}">
<header class="report-header">
{head}
{dates_line(f, p)}
{downloads_block(f, ctx)}
</header>
<div class="report-layout">
<div class="report-layout__sidebar">{contents_nav(f, pages, p)}</div>
<div class="report-layout__main field field--name-body">
{body}
{prevnext(pages, p)}
</div>
</div>
{related}
</article>"""
    return shell(f"{p['title']} - {header_title(f)}", inner, f"path-node page-node-type-la-assessment theme-{st}", breadcrumbs(f, p))


# ---------------------------------------------------------------- listing
def listing_pages(fams):
    formal = sorted([f for f in fams if f["kind"] == "formal"], key=lambda f: f["pub"], reverse=True)
    pilots = [f for f in fams if f["kind"] == "pilot"]
    per = 6
    chunks = [formal[i:i + per] for i in range(0, len(formal), per)]
    n = len(chunks)
    out = {}
    for i, ch in enumerate(chunks):
        lis = "".join(
            f'<li class="views-row"><article class="teaser"><h3 class="teaser__title"><a href="{BASE}/{f["slug"]}">{e(f["council"])}: local authority assessment</a></h3>'
            f'<p class="teaser__meta">Published: {fmt_date(f["pub"])}</p></article></li>' for f in ch)
        pager = ['<nav class="pager" role="navigation" aria-labelledby="pagination-heading"><h4 id="pagination-heading" class="visually-hidden">Pagination</h4><ul class="pager__items js-pager__items">']
        if i > 0:
            pager.append(f'<li class="pager__item pager__item--first"><a href="?page=0" title="Go to first page"><span class="visually-hidden">First page</span><span aria-hidden="true">« First</span></a></li>')
            pager.append(f'<li class="pager__item pager__item--previous"><a href="?page={i-1}" title="Go to previous page" rel="prev"><span class="visually-hidden">Previous page</span><span aria-hidden="true">‹ Previous</span></a></li>')
        for k in range(n):
            if k == i:
                pager.append(f'<li class="pager__item is-active"><a href="?page={k}" title="Current page" aria-current="page"><span class="visually-hidden">Current page</span>{k+1}</a></li>')
            else:
                pager.append(f'<li class="pager__item"><a href="?page={k}" title="Go to page {k+1}"><span class="visually-hidden">Page</span>{k+1}</a></li>')
        if i < n - 1:
            pager.append(f'<li class="pager__item pager__item--next"><a href="?page={i+1}" title="Go to next page" rel="next"><span class="visually-hidden">Next page</span><span aria-hidden="true">Next ›</span></a></li>')
            pager.append(f'<li class="pager__item pager__item--last"><a href="?page={n-1}" title="Go to last page"><span class="visually-hidden">Last page</span><span aria-hidden="true">Last »</span></a></li>')
        pager.append("</ul></nav>")
        in_progress = "".join(f"<li>{x}</li>" for x in ("Nottinghamshire County Council", "Leicestershire County Council", "Isle of Wight Council"))
        pil = "".join(f'<li><a href="{BASE}/{f["slug"]}">{e(header_title(f))}</a> <span class="pilot-meta">Indicative rating: {f["rating"]}</span></li>' for f in pilots)
        pil += "<li>North Lincolnshire Council</li><li>Suffolk County Council</li>"
        inner = f"""<div class="page-header"><h1 class="page-title">Local authority assessment reports</h1>
<p class="lede">Read our reports on how well local authorities meet their duties under Part 1 of the Care Act (2014).</p></div>
<div class="views-element-container"><div class="view view-la-assessment-reports view-display-id-page_1">
<h2>Assessment reports</h2>
<p class="view-header">Showing {i*per+1} to {i*per+len(ch)} of {len(formal)} reports, most recent first.</p>
<ul class="view-content views-list">{lis}</ul>
{''.join(pager)}
</div></div>
<section class="block block-in-progress"><h2>Assessments in progress</h2>
<p>We have visited these local authorities and will publish their reports soon.</p><ul>{in_progress}</ul></section>
<section class="block block-pilots"><h2>Pilot assessments</h2>
<p>In 2023 we piloted our approach with 5 local authorities. The ratings and scores from these pilots are indicative. We did not publish reports for 2 of the pilot authorities on this page.</p><ul>{pil}</ul></section>"""
        out[i] = shell("Local authority assessment reports", inner, "path-view-la-assessment-reports",
                       '<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li class="breadcrumb__item"><a href="/">Home</a></li><li class="breadcrumb__item" aria-current="page">Local authority assessment reports</li></ol></nav>')
    return out


def home_page():
    inner = f'<h1>Care Quality Commission</h1><p>The independent regulator of health and adult social care in England.</p><ul><li><a href="{LISTING}">Local authority assessment reports</a></li></ul>'
    return shell("Home", inner, "path-frontpage")


def search_page():
    inner = f'<h1>Search</h1><p>Enter a search term to find pages on this site.</p><p><a href="{LISTING}">Browse local authority assessment reports</a></p>'
    return shell("Search", inner, "path-search")
