"""Generator for the round6 'angular' blind site: pages, routes.json, answer keys, PDF sources.

Run: python3 src/build_site.py  (from the site dir). PDFs are built by src/pdfs.py afterwards.
"""
import html
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(__file__))
from data import (BAND, RATING_PHRASE, STATEMENTS, THEMES, build)  # noqa: E402

SITE = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
PREFIX = "/care-services/local-authority-assessment-reports"
E = lambda s: html.escape(s, quote=False)  # noqa: E731
A = lambda s: html.escape(s, quote=True)  # noqa: E731

ROUTES = {}
FAMS = build()
BY_SLUG = {f["slug"]: f for f in FAMS}

THEME_SLUG = {1: "how-the-local-authority-works-with-people", 2: "providing-support",
              3: "how-the-local-authority-ensures-safety", 4: "leadership"}
PILOT_THEME = {1: "1-working-with-people", 2: "2-providing-support", 3: "3-ensuring-safety", 4: "4-leadership"}
PILOT_QS = {1: "assessing-needs", 2: "supporting-people-lead-healthier-lives", 3: "equity-experiences-outcomes",
            4: "care-provision-integration-continuity", 5: "partnerships-communities",
            6: "safe-pathways-systems-transitions", 7: "safeguarding", 8: "governance-management-sustainability",
            9: "learning-improvement-innovation"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NOT_IN_CORPUS = [("Shropshire Council", "Good", 64), ("Bristol City Council", "Good", 64),
                 ("Kent County Council", "Requires improvement", 56), ("Essex County Council", "Good", 72),
                 ("London Borough of Barnet", "Good", 64), ("Derby City Council", "Requires improvement", 53),
                 ("Wiltshire Council", "Good", 67), ("Gateshead Borough Council", "Good", 67)]


def add_route(path, file, ctype="text/html; charset=utf-8"):
    assert path not in ROUTES, path
    ROUTES[path] = {"file": file, "type": ctype}


def write(rel, text):
    p = os.path.join(SITE, rel)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "w", encoding="utf-8") as fh:
        fh.write(text)


def fmt_date(d, skin):
    if skin == 0:
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if skin == 1:
        return f'<time datetime="{d.isoformat()}">{d.day} {MONTHS[d.month - 1][:3]} {d.year}</time>'
    if skin == 2:
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    return f"{DAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year}"


# ------------------------------------------------------------------ URLs
def base(f):
    return f"{PREFIX}/{f['slug']}"


def url_summary(f):
    return base(f) + {"suffix": "-summary", "path": "/overall-summary", "qs": "/summary", "pilot": "/overall-summary"}[f["shape"]]


def url_statement(f, n):
    name, t, piece = STATEMENTS[n]
    sh = f["shape"]
    if sh == "suffix":
        return base(f) + f"-theme{t}-{piece}"
    if sh == "path":
        return base(f) + f"/theme-{t}/{piece}"
    if sh == "qs":
        return base(f) + f"/quality-statement/{piece}"
    return base(f) + f"/{PILOT_THEME[t]}/{PILOT_QS[n]}"


def url_theme(f, t):
    sh = f["shape"]
    if sh == "suffix":
        return base(f) + f"-theme{t}"
    if sh == "path":
        return base(f) + f"/{THEME_SLUG[t]}"
    if sh == "qs":
        return base(f) + f"/theme/{t}"
    return base(f) + f"/{PILOT_THEME[t]}"


def url_single(f):
    return base(f) + {"suffix": "-quality-statements", "path": "/quality-statements", "qs": "/quality-statements/all",
                      "pilot": "/quality-statements"}[f["shape"]]


def pdf_url(f):
    if not f["pdf_engine"]:
        return None
    d = f["published"]
    if f["kind"] == "pilot":
        return f"/sites/default/files/{d.year}-{d.month:02d}/{f['council'].replace(' ', '_')}_LA_assessment_report.pdf"
    if f["pdf_engine"] == "lo":
        return f"/sites/default/files/{d.year}-{d.month:02d}/{f['slug'].lower()}-local-authority-assessment.pdf"
    return f"/sites/default/files/documents/{d.strftime('%Y%m%d')}_{f['slug']}_LA_assessment_report.pdf"


def family_pages(f):
    """Ordered list of (kind, arg, url, title)."""
    pages = [("about", None, base(f), f"About {f['council']}"), ("summary", None, url_summary(f), "Overall summary")]
    if f["grouping"] == "statement":
        for n in range(1, 10):
            pages.append(("statement", n, url_statement(f, n), STATEMENTS[n][0]))
    elif f["grouping"] == "theme":
        for t in range(1, 5):
            pages.append(("theme", t, url_theme(f, t), f"Theme {t}: {THEMES[t]}"))
    else:
        pages.append(("single", None, url_single(f), "Quality statements"))
    return pages


def page_file(url):
    rel = url[len(PREFIX):].strip("/") or "index"
    return "pages/" + rel.replace("/", "__") + ".html"


# ------------------------------------------------------------------ shell
NGV = "17.3.12"
_ng_counter = [0]


def ng():
    _ng_counter[0] += 1
    return f"ng-c{1000000000 + (_ng_counter[0] * 7919) % 899999999}"


def shell(title, main_html, crumbs, skin=0):
    h = ng()
    crumb_items = "".join(
        f'<li class="govuk-breadcrumbs__list-item" _ngcontent-{h}=""><a class="govuk-breadcrumbs__link" href="{A(u)}" _ngcontent-{h}="">{E(t)}</a></li>'
        if u else f'<li class="govuk-breadcrumbs__list-item" aria-current="page" _ngcontent-{h}="">{E(t)}</li>'
        for t, u in crumbs)
    return f"""<!DOCTYPE html><html lang="en-GB" data-critters-container><head>
<meta charset="utf-8">
<title>{E(title)} - Care Quality Commission</title>
<base href="/">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" type="image/x-icon" href="/favicon.ico">
<style ng-app-id="ng">.skeleton[_ngcontent-{h}]{{min-height:1rem}}.visually-hidden{{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}}</style>
<link rel="stylesheet" href="/assets/styles-QK7ZK3XB.css" media="print" onload="this.media='all'"><noscript><link rel="stylesheet" href="/assets/styles-QK7ZK3XB.css"></noscript>
</head>
<body class="govuk-template__body app-body--skin{skin}">
<app-root ng-version="{NGV}" _nghost-{h}="" ngh="3" ng-server-context="ssr">
<a href="#main-content" class="govuk-skip-link" _ngcontent-{h}="">Skip to main content</a>
<app-site-header _ngcontent-{h}="" _nghost-{ng()}=""><header class="cqc-header" role="banner">
<div class="cqc-header__container"><a href="/" class="cqc-header__logo" aria-label="Care Quality Commission home"><span class="cqc-logo">CQC</span></a>
<nav class="cqc-header__nav" aria-label="Main navigation"><ul>
<li><a href="/">Home</a></li><li><a href="{PREFIX}">Local authority assessments</a></li>
<li><a href="https://www.cqc.org.uk/about-us">About us</a></li><li><a href="https://www.cqc.org.uk/contact-us">Contact us</a></li>
</ul></nav></div></header></app-site-header>
<div class="govuk-width-container" _ngcontent-{h}="">
<app-breadcrumbs _ngcontent-{h}=""><nav class="govuk-breadcrumbs" aria-label="Breadcrumb"><ol class="govuk-breadcrumbs__list">{crumb_items}</ol></nav></app-breadcrumbs>
<main class="govuk-main-wrapper" id="main-content" role="main" _ngcontent-{h}="">
<router-outlet _ngcontent-{h}=""></router-outlet>
{main_html}
</main></div>
<app-feedback _ngcontent-{h}=""><div class="app-feedback" role="region" aria-label="Feedback"><p>Is this page useful? <a href="https://www.cqc.org.uk/contact-us">Tell us what you think</a></p></div></app-feedback>
<app-site-footer _ngcontent-{h}=""><footer class="cqc-footer" role="contentinfo"><ul class="cqc-footer__links">
<li><a href="https://www.cqc.org.uk/about-us/our-policies/privacy-statement">Privacy</a></li><li><a href="https://www.cqc.org.uk/about-us/our-policies/accessibility-statement">Accessibility</a></li>
<li><a href="https://www.cqc.org.uk/about-us/our-policies/cookies">Cookies</a></li></ul>
<p>&copy; Care Quality Commission</p></footer></app-site-footer>
</app-root>
<script src="/assets/polyfills-RX4V3J2K.js" type="module"></script><script src="/assets/main-7HJ2LQ5C.js" type="module"></script>
<script id="ng-state" type="application/json">{{"__nghData__":[{{}},{{"t":{{"2":"t0"}}}}]}}</script>
</body></html>
"""


def header_title(f):
    return f"{f['council']} assessment" if f["kind"] == "pilot" else f"{f['council']}: local authority assessment"


def report_header(f, page_updated):
    """Report header: title, Published / Page last updated, Downloads."""
    s = f["skin"]
    h = ng()
    pub = fmt_date(f["published"], s)
    upd = fmt_date(page_updated, s)
    if s == 0:
        meta = f'<p class="report-meta" _ngcontent-{h}="">Published: {pub} Page last updated: {upd}</p>'
    elif s == 1:
        meta = (f'<dl class="report-meta report-meta--inline" _ngcontent-{h}=""><dt>Published:</dt><dd>{pub}</dd>'
                f'<dt>Page last updated:</dt><dd>{upd}</dd></dl>')
    elif s == 2:
        meta = f'<ul class="govuk-list report-meta" _ngcontent-{h}=""><li>Published: {pub}</li><li>Page last updated: {upd}</li></ul>'
    else:
        meta = (f'<div class="report-meta" _ngcontent-{h}=""><p><strong>Published:</strong> {pub}</p> '
                f'<p><strong>Page last updated:</strong> {upd}</p></div>')
    pu = pdf_url(f)
    if pu:
        size = "1.2 MB" if f["skin"] != 2 else "987 KB"
        dl = (f'<ul class="app-downloads__list"><li class="app-downloads__item"><a class="app-downloads__link" href="{A(pu)}" download>'
              f'<span class="app-downloads__icon" aria-hidden="true">PDF</span> {E(header_title(f))}'
              f'<span class="app-downloads__meta"> (PDF, {size})</span></a></li></ul>')
    else:
        dl = '<p class="app-downloads__empty">A downloadable version of this report is not available yet.</p>'
    title_tag = "h1" if s in (0, 2) else "p"
    title_cls = "govuk-heading-xl" if title_tag == "h1" else "app-report-header__title govuk-heading-l"
    return f"""<app-report-header _nghost-{h}="">
<div class="app-report-header" role="region" aria-label="Report details" _ngcontent-{h}="">
<span class="govuk-caption-l" _ngcontent-{h}="">Local authority assessment report</span>
<{title_tag} class="{title_cls}" _ngcontent-{h}="">{E(header_title(f))}</{title_tag}>
{meta}
<app-downloads _ngcontent-{h}=""><section class="app-downloads" aria-labelledby="downloads-heading"><h2 class="govuk-heading-s" id="downloads-heading">Downloads</h2>
{dl}</section></app-downloads>
</div></app-report-header>"""


def page_heading_tag(f):
    return "h2" if f["skin"] in (0, 2) else "h1"


def contents_nav(f, current_url):
    items = []
    for kind, arg, url, title in family_pages(f):
        if url == current_url:
            items.append(f'<li class="app-contents__item app-contents__item--active" aria-current="page">{E(title)}</li>')
        else:
            items.append(f'<li class="app-contents__item"><a href="{A(url)}">{E(title)}</a></li>')
    label = "Contents" if f["skin"] != 3 else "In this report"
    return (f'<app-contents-list><nav class="app-contents" aria-label="{label}"><h2 class="govuk-heading-s">{label}</h2>'
            f'<ol class="app-contents__list">{"".join(items)}</ol></nav></app-contents-list>')


def prev_next(f, current_url):
    pages = family_pages(f)
    i = [p[2] for p in pages].index(current_url)
    parts = []
    if i > 0:
        parts.append(f'<div class="govuk-pagination__prev"><a class="govuk-link govuk-pagination__link" href="{A(pages[i-1][2])}" rel="prev">'
                     f'<span class="govuk-pagination__link-title">Previous<span class="visually-hidden"> page</span></span> '
                     f'<span class="govuk-pagination__link-label">{E(pages[i-1][3])}</span></a></div>')
    if i < len(pages) - 1:
        parts.append(f'<div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" href="{A(pages[i+1][2])}" rel="next">'
                     f'<span class="govuk-pagination__link-title">Next<span class="visually-hidden"> page</span></span> '
                     f'<span class="govuk-pagination__link-label">{E(pages[i+1][3])}</span></a></div>')
    return f'<app-prev-next><nav class="govuk-pagination govuk-pagination--block" role="navigation" aria-label="Report pages">{"".join(parts)}</nav></app-prev-next>'


def related_block(f, n=None):
    """Related content naming other councils with their ratings and scores."""
    rng = random.Random(f["slug"] + str(n))
    others = [o for o in FAMS if o["slug"] != f["slug"] and o["kind"] == f["kind"] and "not_loaded" not in o["extra"]]
    pick = rng.sample(others, min(3, len(others)))
    s = f["skin"]
    items = []
    if n is None:
        for o in pick:
            if o["kind"] == "pilot":
                items.append(f'<li><a href="{A(base(o))}">{E(header_title(o))}</a> <span class="app-tag">Indicative rating: {E(o["rating"])}</span></li>')
            elif s in (1, 3):
                items.append(f'<li class="app-card app-card--related"><h3 class="app-card__title"><a href="{A(base(o))}">{E(o["council"])}</a></h3>'
                             f'<p class="app-card__meta">Rating: {E(o["rating"])}</p><p class="app-card__meta">Score: {o["pct"]}%</p></li>')
            else:
                items.append(f'<li><a href="{A(base(o))}">{E(header_title(o))}</a> - {E(o["rating"])} ({o["pct"]}%)</li>')
        if f["kind"] == "formal":
            name, r, p = NOT_IN_CORPUS[rng.randrange(len(NOT_IN_CORPUS))]
            items.append(f'<li>{E(name)}: {E(r)}, {p}%</li>')
        head = "Other local authority assessments" if f["kind"] == "formal" else "Other pilot assessments"
    else:
        for o in pick[:2]:
            sc = o["scores"][n - 1]
            if o["kind"] == "pilot":
                items.append(f'<li><a href="{A(url_for_statement(o, n))}">{E(o["council"])}</a>: indicative score {sc}</li>')
            else:
                items.append(f'<li><a href="{A(url_for_statement(o, n))}">{E(o["council"])}</a><br>Score: {sc} - {BAND[sc]}</li>')
        head = f"How other local authorities scored for {STATEMENTS[n][0].lower()}"
    return (f'<aside class="app-related" role="complementary" aria-labelledby="related-{n or 0}"><h2 class="govuk-heading-m" id="related-{n or 0}">{E(head)}</h2>'
            f'<ul class="govuk-list app-related__list">{"".join(items)}</ul></aside>')


def url_for_statement(o, n):
    if o["grouping"] == "statement":
        return url_statement(o, n)
    if o["grouping"] == "theme":
        return url_theme(o, STATEMENTS[n][1]) + f"#qs-{n}"
    return url_single(o) + f"#qs-{n}"


def crumbs(f, title):
    return [("Home", "/"), ("Local authority assessment reports", PREFIX), (f["council"], base(f)), (title, None)]


# ------------------------------------------------------------------ label/value blocks
DEMO_SENT = [
    lambda f, v: f"The population of {f['short']} is {v}.",
    lambda f, v: f"{f['short']} is in deprivation {v}.",
    lambda f, v: f"{v}.",
    lambda f, v: f"{v}.",
    lambda f, v: ("No party has overall control of the council." if v == "No overall control" else f"The council is led by the {v} group."),
]
FIN_SENT = [
    lambda f, v: f"The local authority spent {v} on adult social care in 2023/24.",
    lambda f, v: f"This was {v} of its total budget.",
    lambda f, v: f"Actual spend was {v}.",
    lambda f, v: f"{v} people were in long-term support.",
    lambda f, v: f"{v} people were in short-term support.",
]
FIN_SENT_PILOT = [
    lambda f, v: f"The total budget for 2022/23 was estimated at {v}.",
    lambda f, v: f"The actual total budget for 2022/23 was {v}.",
    lambda f, v: f"The adult social care budget for 2022/23 was estimated at {v}.",
    lambda f, v: f"Actual adult social care spend in 2022/23 was {v}.",
    lambda f, v: f"{v} of the budget was spent on adult social care.",
    lambda f, v: "The council raised the adult social care precept in 2022/23 by 1%.",
    lambda f, v: f"Approximately {v} people were in long-term support.",
]


def facts(f, which):
    """Return (html, key list)."""
    items = f["demographics"] if which == "demo" else f["finance"]
    sents = DEMO_SENT if which == "demo" else (FIN_SENT_PILOT if f["kind"] == "pilot" else FIN_SENT)
    s = f["skin"]
    if s == 0:
        texts = [sents[i](f, v) for i, (l, v) in enumerate(items)]
        return ("<ul class=\"govuk-list govuk-list--bullet\">" + "".join(f"<li>{E(t)}</li>" for t in texts) + "</ul>",
                [{"text": t} for t in texts])
    key = [{"label": l, "value": v} for l, v in items]
    if s == 1:
        rows = "".join(f'<div role="row" class="app-grid__row"><div role="rowheader" class="app-grid__cell app-grid__cell--key">{E(l)}</div>'
                       f'<div role="cell" class="app-grid__cell">{E(v)}</div></div>' for l, v in items)
        return f'<div role="table" class="app-grid" aria-label="{"Demographics" if which == "demo" else "Financial facts"}">{rows}</div>', key
    if s == 2:
        rows = "".join(f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{E(l)}</dt>'
                       f'<dd class="govuk-summary-list__value">{E(v)}</dd></div>' for l, v in items)
        return f'<dl class="govuk-summary-list">{rows}</dl>', key
    cards = "".join(f'<li class="app-fact-card"><h3 class="app-fact-card__label">{E(l)}</h3><p class="app-fact-card__value">{E(v)}</p></li>'
                    for l, v in items)
    return f'<ul class="app-fact-cards">{cards}</ul>', key


# ------------------------------------------------------------------ score renderings
def tag_colour(sc):
    return {1: "red", 2: "orange", 3: "green", 4: "blue"}[sc]


def statement_score_html(f, n):
    sc = f["scores"][n - 1]
    if f["extra"].get("missing_score") == n:
        return '<p class="app-score app-score--missing">The score for this quality statement is not shown.</p>'
    s = f["skin"]
    pilot = f["kind"] == "pilot"
    lab = "Indicative score" if pilot else "Score"
    h = ng()
    if s == 0:
        if pilot:
            return f'<div class="app-score" _ngcontent-{h}=""><p class="app-score__label">Indicative score:</p><p class="app-score__value">{sc} - {BAND[sc]}</p></div>'
        return f'<div class="app-score" _ngcontent-{h}=""><p class="app-score__label">Score: {sc}</p><p class="app-score__band">{sc} - {BAND[sc]}</p></div>'
    if s == 1:
        return (f'<app-score-card _nghost-{h}=""><div class="app-score-card" role="group" aria-label="Quality statement score" _ngcontent-{h}="">'
                f'<div class="app-score-card__label" _ngcontent-{h}="">{lab}{":" if pilot else ""}</div>'
                f'<div class="app-score-card__value" _ngcontent-{h}="">{sc}<span class="visually-hidden"> out of 4</span><span aria-hidden="true" class="app-score-card__max">/4</span></div>'
                f'<div class="app-score-card__band" _ngcontent-{h}="">{BAND[sc]}</div></div></app-score-card>')
    if s == 2:
        return (f'<dl class="govuk-summary-list govuk-summary-list--no-border app-score" _ngcontent-{h}=""><div class="govuk-summary-list__row">'
                f'<dt class="govuk-summary-list__key">{lab}{":" if pilot else ""}</dt><dd class="govuk-summary-list__value">{sc} - {BAND[sc]}</dd></div></dl>')
    return (f'<div class="app-score app-score--badge" _ngcontent-{h}=""><strong class="govuk-tag govuk-tag--{tag_colour(sc)}">{BAND[sc]}</strong>'
            f'<p class="govuk-body-l">{lab}: {sc} out of 4</p></div>')


def summary_scores_html(f):
    s = f["skin"]
    pilot = f["kind"] == "pilot"
    miss = f["extra"].get("missing_score")
    head = "Quality statement scores" if not pilot else "Indicative quality statement scores"
    if s == 0:
        parts = []
        for n in range(1, 10):
            sc = f["scores"][n - 1]
            val = "Score: not published" if n == miss else (f"Indicative score: {sc}" if pilot else f"Score: {sc}")
            parts.append(f'<h3 class="govuk-heading-s">{E(STATEMENTS[n][0])}</h3><p class="govuk-body">{val}</p>')
        return f'<h2 class="govuk-heading-m">{head}</h2>' + "".join(parts)
    if s == 1:
        rows = ['<div role="row" class="app-grid__row app-grid__row--head"><div role="columnheader" class="app-grid__cell">Theme</div>'
                '<div role="columnheader" class="app-grid__cell">Quality statement</div><div role="columnheader" class="app-grid__cell">Score</div></div>']
        for t in range(1, 5):
            ns = [n for n in range(1, 10) if STATEMENTS[n][1] == t]
            for i, n in enumerate(ns):
                sc = f["scores"][n - 1]
                theme_cell = (f'<div role="rowheader" class="app-grid__cell app-grid__cell--theme" aria-rowspan="{len(ns)}" style="grid-row: span {len(ns)}">{E(THEMES[t])}</div>'
                              if i == 0 else "")
                val = ('<span aria-hidden="true">-</span><span class="visually-hidden">No score</span>' if n == miss else
                       f'<span class="app-score-pill app-score-pill--{sc}">{sc}</span><span class="visually-hidden"> out of 4: {BAND[sc]}</span>')
                rows.append(f'<div role="row" class="app-grid__row">{theme_cell}<div role="cell" class="app-grid__cell">{E(STATEMENTS[n][0])}</div>'
                            f'<div role="cell" class="app-grid__cell app-grid__cell--score">{val}</div></div>')
        return (f'<h2 class="govuk-heading-m" id="scores-heading">{head}</h2>'
                f'<div class="app-skeleton-wrapper" aria-busy="false"><div role="table" class="app-grid app-grid--scores" aria-labelledby="scores-heading">{"".join(rows)}</div></div>')
    if s == 2:
        body = []
        for t in range(1, 5):
            ns = [n for n in range(1, 10) if STATEMENTS[n][1] == t]
            for i, n in enumerate(ns):
                sc = f["scores"][n - 1]
                th = f'<th scope="rowgroup" rowspan="{len(ns)}" class="govuk-table__header">{E(THEMES[t])}</th>' if i == 0 else ""
                val = "Not published" if n == miss else f"{sc} - {BAND[sc]}"
                body.append(f'<tr class="govuk-table__row">{th}<td class="govuk-table__cell">{E(STATEMENTS[n][0])}</td><td class="govuk-table__cell">{val}</td></tr>')
        sc_h = "Indicative score" if pilot else "Score"
        return (f'<table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--m">{head}</caption>'
                f'<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Theme</th>'
                f'<th scope="col" class="govuk-table__header">Quality statement</th><th scope="col" class="govuk-table__header">{sc_h}</th></tr></thead>'
                f'<tbody class="govuk-table__body">{"".join(body)}</tbody></table>')
    # skin 3: cards inside details per theme
    out = [f'<h2 class="govuk-heading-m">{head}</h2>']
    for t in range(1, 5):
        cards = []
        for n in [n for n in range(1, 10) if STATEMENTS[n][1] == t]:
            sc = f["scores"][n - 1]
            h = ng()
            if n == miss:
                inner = '<p class="app-score-card__value">No score published</p>'
            else:
                inner = (f'<strong class="govuk-tag govuk-tag--{tag_colour(sc)}">{BAND[sc]}</strong>'
                         f'<p class="app-score-card__value">Score {sc} of 4</p>')
            cards.append(f'<app-score-card _nghost-{h}=""><div class="app-score-card" _ngcontent-{h}=""><h3 class="app-score-card__title govuk-heading-s">{E(STATEMENTS[n][0])}</h3>{inner}</div></app-score-card>')
        out.append(f'<details class="govuk-details app-theme-panel" open><summary class="govuk-details__summary"><span class="govuk-details__summary-text">{E(THEMES[t])}</span></summary>'
                   f'<div class="govuk-details__text app-card-grid">{"".join(cards)}</div></details>')
    return "".join(out)


def pct_html(f):
    s = f["skin"]
    p = f["printed_pct"]
    c = f["council"]
    if s == 0:
        return f'<p class="govuk-body-l">Overall rating for {E(c)}: {p}%</p>'
    if s == 1:
        return (f'<div class="app-stat" role="group" aria-label="Overall score"><span class="app-stat__label">Overall rating for {E(c)}:</span> '
                f'<span class="app-stat__value">{p}</span><span class="app-stat__unit">%</span></div>')
    if s == 2:
        return f'<p class="govuk-body">Overall rating for {E(c)}: {p}% <span class="app-muted">({sum(x for i, x in enumerate(f["scores"]) if i + 1 != f["extra"].get("missing_score"))} out of 36)</span></p>' if not f["extra"].get("printed_pct") else f'<p class="govuk-body">Overall rating for {E(c)}: {p}%</p>'
    return f'<p class="govuk-body-l app-overall">Overall rating for {E(c)}: <strong>{p}&nbsp;%</strong></p>'


# ------------------------------------------------------------------ statement bodies
def statement_body(f, n, hl):
    """hl: heading level for the statement name. Returns html; sub-headings one level below."""
    st = f["statements"][n]
    s = f["skin"]
    pilot = f["kind"] == "pilot"
    sub = min(hl + 1, 6)
    subsub = min(hl + 2, 6)
    h = ng()
    out = []
    # What people expect
    if s in (0, 2):
        exp = "".join(f"<li>{E(x)}</li>" for x in st["expect"])
        out.append(f'<h{sub} class="govuk-heading-m">What people expect</h{sub}><ul class="govuk-list govuk-list--bullet">{exp}</ul>')
    elif s == 1:
        exp = "".join(f'<blockquote class="app-quote" _ngcontent-{h}=""><p>{E(x)}</p></blockquote>' for x in st["expect"])
        out.append(f'<section aria-label="What people expect" class="app-panel"><h{sub} class="govuk-heading-m">What people expect</h{sub}>{exp}</section>')
    else:
        exp = "".join(f'<p class="app-i-statement">{E(x)}</p>' for x in st["expect"])
        out.append(f'<div class="govuk-inset-text"><h{sub} class="govuk-heading-s">What people expect</h{sub}>{exp}</div>')
    colon = ":" if pilot else ""
    if s == 3:
        out.append(f'<div class="govuk-inset-text app-commitment"><h{sub} class="govuk-heading-s">The local authority commitment{colon}</h{sub}><p>{E(st["commit"])}</p></div>')
    else:
        out.append(f'<h{sub} class="govuk-heading-m">The local authority commitment{colon}</h{sub}><p class="govuk-body">{E(st["commit"])}</p>')
    # key findings
    out.append(f'<h{sub} class="govuk-heading-m">Key findings for this quality statement</h{sub}>')
    for i, (head, blocks) in enumerate(st["findings"]):
        bhtml = ""
        for b in blocks:
            if isinstance(b, tuple):
                bhtml += '<ul class="govuk-list govuk-list--bullet">' + "".join(f"<li>{E(x)}</li>" for x in b[1]) + "</ul>"
            else:
                bhtml += f'<p class="govuk-body">{E(b)}</p>'
        if head is None:
            out.append(bhtml)
        elif s == 3:
            pid = f"acc-{n}-{i}"
            out.append(f'<div class="govuk-accordion__section" _ngcontent-{h}=""><div class="govuk-accordion__section-header">'
                       f'<h{subsub} class="govuk-accordion__section-heading"><button type="button" class="govuk-accordion__section-button" aria-expanded="false" aria-controls="{pid}">'
                       f'<span class="govuk-accordion__section-heading-text">{E(head)}</span><span class="govuk-accordion__section-toggle" aria-hidden="true"> Show</span></button></h{subsub}></div>'
                       f'<div class="govuk-accordion__section-content" id="{pid}" role="region" aria-label="{A(head)}" style="height:0;visibility:hidden">{bhtml}</div></div>')
        elif s == 1:
            out.append(f'<div class="app-skeleton-wrapper" aria-busy="false"><h{subsub} class="govuk-heading-s">{E(head)}</h{subsub}>{bhtml}</div>')
        else:
            out.append(f'<h{subsub} class="govuk-heading-s">{E(head)}</h{subsub}>{bhtml}')
    return "\n".join(out)


def statement_section(f, n, hl):
    nm = STATEMENTS[n][0]
    return (f'<section class="app-qs" id="qs-{n}" aria-labelledby="qs-{n}-h"><h{hl} class="govuk-heading-l" id="qs-{n}-h">{E(nm)}</h{hl}>'
            f'{statement_score_html(f, n)}{statement_body(f, n, hl)}</section>')


# ------------------------------------------------------------------ pages
def render_family(f):
    s = f["skin"]
    pages = family_pages(f)
    ph = page_heading_tag(f)
    phl = int(ph[1])
    for kind, arg, url, title in pages:
        upd = f["updated"]
        if kind in ("statement",) and s in (1, 3):
            upd = f["published"]
        parts = [report_header(f, upd)]
        if kind == "about":
            parts.append(f'<{ph} class="govuk-heading-l">About {E(f["council"])}</{ph}>')
            parts.append(f'<p class="govuk-body">Assessment published: {fmt_date(f["published"], 0 if s == 1 else s)}</p>')
            if f["kind"] == "pilot":
                parts.append(f'<p class="govuk-body">Assessment start date: {fmt_date(f["start_date"], 0 if s == 1 else s)}</p>')
            parts.append(contents_nav(f, url))
            dh, _ = facts(f, "demo")
            fh, _ = facts(f, "fin")
            parts.append(f'<section aria-labelledby="demo-h"><h{phl+1} class="govuk-heading-m" id="demo-h">Demographics</h{phl+1}>{dh}</section>')
            parts.append(f'<section aria-labelledby="fin-h"><h{phl+1} class="govuk-heading-m" id="fin-h">Financial facts</h{phl+1}>{fh}</section>')
        elif kind == "summary":
            parts.append(f'<{ph} class="govuk-heading-l">Overall summary</{ph}>')
            parts.append(contents_nav(f, url))
            rp = RATING_PHRASE[f["rating"]]
            if f["kind"] == "pilot":
                parts.append(f'<div class="app-rating" role="region" aria-label="Rating"><h2 class="govuk-heading-m">Local authority indicative rating</h2>'
                             f'<p class="app-rating__value"><strong>{E(f["rating"])}</strong>: {rp}</p></div>')
            else:
                rw = f["rating"] if s != 3 else f["rating"].title()
                parts.append(f'<div class="app-rating" role="region" aria-label="Rating"><h2 class="govuk-heading-m">Local authority rating and score</h2>'
                             f'<p class="app-rating__council">{E(f["council"])}</p><p class="app-rating__value govuk-heading-l">{E(rw)}</p>'
                             f'{pct_html(f)}<p class="app-rating__phrase">{rp}</p></div>')
            parts.append(summary_scores_html(f))
            if pdf_url(f) and s in (1, 2):
                parts.append(f'<p class="govuk-body"><a href="{A(pdf_url(f))}">Download this report (PDF, 1.2MB)</a></p>')
            parts.append('<h2 class="govuk-heading-m">Summary of people\'s experiences</h2>' +
                         "".join(f'<p class="govuk-body">{E(x)}</p>' for x in f["people"]))
            parts.append('<h2 class="govuk-heading-m">Summary of strengths, areas for development and next steps</h2>' +
                         "".join(f'<p class="govuk-body">{E(x)}</p>' for x in f["strengths"]))
        elif kind == "statement":
            n = arg
            t = STATEMENTS[n][1]
            parts.append(f'<span class="govuk-caption-m">Theme {t}: {E(THEMES[t])}</span>' if s != 2 else
                         f'<p class="govuk-caption-m">{E(THEMES[t])}</p>')
            parts.append(f'<{ph} class="govuk-heading-l">{E(STATEMENTS[n][0])}</{ph}>')
            parts.append(statement_score_html(f, n))
            parts.append(statement_body(f, n, phl))
        elif kind == "theme":
            t = arg
            parts.append(f'<{ph} class="govuk-heading-l">{E(THEMES[t])}</{ph}>' if s != 3 else
                         f'<{ph} class="govuk-heading-l">Theme {t}: {E(THEMES[t])}</{ph}>')
            parts.append(contents_nav(f, url))
            for n in [n for n in range(1, 10) if STATEMENTS[n][1] == t]:
                parts.append(statement_section(f, n, phl + 1))
        else:  # single
            parts.append(f'<{ph} class="govuk-heading-l">Quality statements</{ph}>')
            parts.append(contents_nav(f, url))
            for t in range(1, 5):
                parts.append(f'<h{phl+1} class="govuk-heading-xl app-theme-heading">{E(THEMES[t])}</h{phl+1}>')
                for n in [n for n in range(1, 10) if STATEMENTS[n][1] == t]:
                    parts.append(statement_section(f, n, phl + 2))
        parts.append(prev_next(f, url))
        if kind == "summary" or (kind == "about" and s == 0):
            parts.append(related_block(f))
        elif kind == "statement" and s in (1, 3):
            parts.append(related_block(f, arg))
        main = f'<app-report-page ngskip><div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">' + "\n".join(parts) + "</div></div></app-report-page>"
        file = page_file(url)
        write(file, shell(f"{title} - {header_title(f)}", main, crumbs(f, title), s))
        add_route(url, file)


def key_for(f):
    sts = {}
    for n in range(1, 10):
        st = f["statements"][n]
        kf = []
        for head, blocks in st["findings"]:
            paras = []
            for b in blocks:
                paras.extend(b[1] if isinstance(b, tuple) else [b])
            kf.append({"heading": head, "paragraphs": paras})
        sts[str(n)] = {"what_people_expect": list(st["expect"]), "commitment": st["commit"], "key_findings": kf}
    miss = f["extra"].get("missing_score")
    scores = {str(n): f["scores"][n - 1] for n in range(1, 10) if n != miss}
    _, demo = facts(f, "demo")
    _, fin = facts(f, "fin")
    pdf = None
    if pdf_url(f):
        eng = {"chromium": "Chromium 156 headless (--print-to-pdf, Skia/PDF)", "lo": "LibreOffice 7 (writer_pdf_Export from a generated flat ODT)"}[f["pdf_engine"]]
        pdf = {"url": pdf_url(f), "engine": eng,
               "carries": {"rating": f["rating"], "overall_pct": f["printed_pct"] if f["kind"] == "formal" else None,
                           "scores": scores, "statements": sts, "people_experience": list(f["people"]),
                           "demographics": [{"label": l, "value": v} for l, v in f["demographics"]],
                           "financial_facts": [{"label": l, "value": v} for l, v in f["finance"]]}}
    k = {
        "slug": f["slug"], "url": base(f), "council": f["council"], "la_code": f["la_code"], "kind": f["kind"],
        "expect": {"not_loaded": f["extra"]["not_loaded"]} if "not_loaded" in f["extra"] else "loads",
        "published": f["published"].isoformat(), "last_updated": f["updated"].isoformat(),
        "rating": f["rating"], "overall_pct": f["printed_pct"] if f["kind"] == "formal" else None,
        "scores": scores, "statements": sts, "people_experience": list(f["people"]),
        "demographics": demo, "financial_facts": fin, "pdf": pdf,
    }
    return k


# ------------------------------------------------------------------ listing
IN_PROGRESS = ["Isle of Wight Council", "Rutland County Council", "Torbay Council", "Plymouth City Council",
               "Norfolk County Council", "London Borough of Lambeth"]


def render_listing():
    formal = sorted([f for f in FAMS if f["kind"] == "formal"], key=lambda f: (f["published"], f["slug"]), reverse=True)
    pilots = [f for f in FAMS if f["kind"] == "pilot"]
    per = 6
    npages = (len(formal) + per - 1) // per
    for p in range(npages):
        chunk = formal[p * per:(p + 1) * per]
        h = ng()
        cards = []
        for f in chunk:
            cards.append(f'<li class="app-result" _ngcontent-{h}=""><app-result-card _nghost-{ng()}=""><h3 class="app-result__title govuk-heading-s">'
                         f'<a href="{A(base(f))}" class="govuk-link">{E(f["council"])}: local authority assessment</a></h3>'
                         f'<p class="app-result__meta">Published {fmt_date(f["published"], 0)}</p></app-result-card></li>')
        pg = []
        lp = PREFIX
        def purl(i):
            return lp if i == 0 else f"{lp}?page={i}"
        if p > 0:
            pg.append(f'<div class="govuk-pagination__prev"><a class="govuk-link govuk-pagination__link" href="{purl(p-1)}" rel="prev">Previous<span class="visually-hidden"> page</span></a></div>')
        pg.append('<ul class="govuk-pagination__list">')
        for i in range(npages):
            if i == p:
                pg.append(f'<li class="govuk-pagination__item govuk-pagination__item--current"><a class="govuk-link govuk-pagination__link" href="{purl(i)}" aria-label="Page {i+1}" aria-current="page">{i+1}</a></li>')
            else:
                pg.append(f'<li class="govuk-pagination__item"><a class="govuk-link govuk-pagination__link" href="{purl(i)}" aria-label="Page {i+1}">{i+1}</a></li>')
        pg.append('</ul>')
        if p < npages - 1:
            pg.append(f'<div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" href="{purl(p+1)}" rel="next">Next<span class="visually-hidden"> page</span></a></div>')
        pager = f'<app-pager _ngcontent-{h}=""><nav class="govuk-pagination" aria-label="Pagination">{"".join(pg)}</nav></app-pager>'
        prog = "".join(f"<li>{E(x)}</li>" for x in IN_PROGRESS)
        pil = "".join(f'<li><a href="{A(base(f))}" class="govuk-link">{E(f["council"])}: local authority assessment</a></li>' for f in pilots)
        main = f"""<app-listing-page _nghost-{h}="">
<h1 class="govuk-heading-xl" _ngcontent-{h}="">Local authority assessment reports</h1>
<p class="govuk-body-l" _ngcontent-{h}="">We assess how local authorities meet their duties under Part 1 of the Care Act 2014. Read the reports we have published.</p>
<p class="govuk-body" _ngcontent-{h}="">You can also <a href="/search/all?filters%5B%5D=localAuthorityAssessment">search all local authority assessments</a>.</p>
<section aria-labelledby="reports-h" _ngcontent-{h}=""><h2 class="govuk-heading-l" id="reports-h">Assessment reports</h2>
<p class="govuk-body app-results-count">Showing {p*per+1} to {p*per+len(chunk)} of {len(formal)} reports</p>
<div class="app-skeleton-wrapper" aria-busy="false"><ul class="app-results govuk-list">{"".join(cards)}</ul></div>
{pager}</section>
<section aria-labelledby="progress-h" _ngcontent-{h}=""><h2 class="govuk-heading-l" id="progress-h">Assessments in progress</h2>
<p class="govuk-body">We are currently assessing these local authorities:</p><ul class="govuk-list govuk-list--bullet">{prog}</ul></section>
<section aria-labelledby="pilot-h" _ngcontent-{h}=""><h2 class="govuk-heading-l" id="pilot-h">Pilot assessments</h2>
<p class="govuk-body">In 2023 we piloted our approach with five local authorities. These reports give indicative ratings.</p>
<ul class="govuk-list">{pil}</ul></section>
</app-listing-page>"""
        crumbs_l = [("Home", "/"), ("Local authority assessment reports", None)]
        file = f"pages/listing-page-{p}.html"
        write(file, shell("Local authority assessment reports", main, crumbs_l))
        add_route(purl(p), file)
        if p == 0:
            add_route(f"{PREFIX}?page=0", file)
    # search page (the same list, flat)
    items = "".join(f'<li><a href="{A(base(f))}">{E(header_title(f))}</a></li>' for f in formal + pilots)
    write("pages/search.html", shell("Search", f'<h1 class="govuk-heading-xl">Search results</h1><p>{len(formal)+len(pilots)} results</p><ol>{items}</ol>',
                                     [("Home", "/"), ("Search", None)]))
    add_route("/search/all?filters%5B%5D=localAuthorityAssessment", "pages/search.html")
    add_route("/search/all", "pages/search.html")
    write("pages/home.html", shell("Home", f'<h1 class="govuk-heading-xl">Care Quality Commission</h1><p><a href="{PREFIX}">Local authority assessment reports</a></p>', [("Home", None)]))
    add_route("/", "pages/home.html")


def main():
    write("assets/styles.css", "body{font-family:Arial,sans-serif}.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden}\n")
    add_route("/assets/styles-QK7ZK3XB.css", "assets/styles.css", "text/css")
    write("assets/main.js", "/* client bundle placeholder: the pages are fully server-rendered */\n")
    add_route("/assets/main-7HJ2LQ5C.js", "assets/main.js", "text/javascript")
    add_route("/assets/polyfills-RX4V3J2K.js", "assets/main.js", "text/javascript")
    write("assets/favicon.ico", "")
    add_route("/favicon.ico", "assets/favicon.ico", "image/x-icon")
    add_route("/robots.txt", "assets/robots.txt", "text/plain")
    write("assets/robots.txt", "User-agent: *\nDisallow: /search/\nAllow: /\n")
    render_listing()
    os.makedirs(os.path.join(SITE, "answers"), exist_ok=True)
    for f in FAMS:
        render_family(f)
        pu = pdf_url(f)
        if pu:
            add_route(pu, f"pdf/{f['slug']}.pdf", "application/pdf")
        with open(os.path.join(SITE, "answers", f["slug"] + ".json"), "w") as fh:
            json.dump(key_for(f), fh, indent=2, ensure_ascii=False)
            fh.write("\n")
    with open(os.path.join(SITE, "routes.json"), "w") as fh:
        json.dump(ROUTES, fh, indent=1, sort_keys=True)
        fh.write("\n")


if __name__ == "__main__":
    main()
