"""Generate the blind "drupal" copy of CQC's local authority assessment pages.

Run with the venv that has weasyprint and python-docx:
    /tmp/blind-drupal/venv/bin/python src/build.py
Writes routes.json, pages/, pdf/ (under sites/ and media/ paths), assets/, answers/ next to src/.
"""
import html
import json
import os
import re
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from content import BAND, THEMES, STATEMENT_NAMES, STATEMENT_THEME  # noqa: E402
from families import build_families, IN_PROGRESS, OTHERS  # noqa: E402
from pdfs import make_pdf, header_title  # noqa: E402

SITE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BASE = "/care-services/local-authority-assessment-reports"
ROUTES = {}
CSS_HREF = "/themes/custom/cqc_theme/css/style.css?t5k2vq"
SCORE_OF_RATING = {"Outstanding": 4, "Good": 3, "Requires improvement": 2, "Inadequate": 1}


# ----------------------------------------------------------------------------------- helpers
def E(s):
    return html.escape(s, quote=False)


def A(s):
    return html.escape(s, quote=True)


def slugify(s):
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def long_date(d):
    return f"{d.day} {d.strftime('%B %Y')}"


def fdate(d, style):
    if style == "time_long":
        return f'<time datetime="{d.isoformat()}T12:00:00Z">{long_date(d)}</time>'
    if style == "dow":
        return f"{d.strftime('%A')} {long_date(d)}"
    if style == "short":
        return f"{d.day} {d.strftime('%b %Y')}"
    return long_date(d)


def human_size(n, tight=False):
    if n >= 1024 * 1024:
        s = f"{n / 1024 / 1024:.1f}{'' if tight else ' '}MB"
    else:
        s = f"{round(n / 1024)}{'' if tight else ' '}KB"
    return s


def write(path_q, content, ctype="text/html; charset=utf-8", binary=False, file=None):
    if file is None:
        p, _, q = path_q.partition("?")
        name = p.strip("/") or "index"
        if q:
            name += "__" + re.sub(r"[^A-Za-z0-9=]+", "_", q)
        file = f"pages/{name}.html"
    full = os.path.join(SITE, file)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    if content is not None:
        with open(full, "wb" if binary else "w", encoding=None if binary else "utf-8") as fh:
            fh.write(content)
    ROUTES[path_q] = {"file": file, "type": ctype}


class Fam:
    """Per-family text helper (typographic apostrophes where editors typed into a WYSIWYG body)."""

    def __init__(self, f):
        self.f = f
        self.typo = f.get("wysiwyg") or f["tpl"] == "pilot"

    def t(self, s):
        s = E(s)
        if self.typo:
            s = s.replace("'", "\u2019")
        return s


# ----------------------------------------------------------------------------------- page plans
STMT_SUFFIX = {1: "theme1-needs", 2: "theme1-healthier-lives", 3: "theme1-equity", 4: "theme2-care",
               5: "theme2-partnerships", 6: "theme3-safe-pathways", 7: "theme3-safeguarding",
               8: "theme4-governance", 9: "theme4-learning"}
PILOT_THEME_SEG = {1: "1-working-with-people", 2: "2-providing-support", 3: "3-ensuring-safety", 4: "4-leadership"}
STMT_SEG = {1: "assessing-needs", 2: "supporting-people-lead-healthier-lives", 3: "equity-experiences-outcomes",
            4: "care-provision-integration-continuity", 5: "partnerships-communities",
            6: "safe-pathways-systems-transitions", 7: "safeguarding", 8: "governance-management-sustainability",
            9: "learning-improvement-innovation"}
KENT_THEME_SEG = {t: f"theme-{t}-{slugify(THEMES[t])}" for t in THEMES}
NAMED_THEME_SEG = {1: "working-with-people", 2: "providing-support", 3: "ensuring-safety", 4: "leadership"}


def theme_stmts(t):
    return [n for n in range(1, 10) if STATEMENT_THEME[n] == t]


def plan(f):
    s, u, g = f["slug"], f["url"], f["grp"]
    B = f"{BASE}/{s}"
    pages = [dict(key="about", url=B, kind="about", stmts=[], title=f"About {f['council']}")]
    summary = {"suffix": B + "-summary", "theme_suffix": B + "-summary", "single_suffix": B + "-summary",
               "pilot_segments": B + "/overall-summary", "theme_segments": B + "/overall-summary",
               "single_segments": B + "/overall-summary", "segments_theme": B + "/summary",
               "single_segments2": B + "/summary", "theme_named": B + "/summary"}[u]
    pages.append(dict(key="summary", url=summary, kind="summary", stmts=[], title="Overall summary"))
    if g == "statement":
        for n in range(1, 10):
            t = STATEMENT_THEME[n]
            url = {"suffix": f"{B}-{STMT_SUFFIX[n]}",
                   "pilot_segments": f"{B}/{PILOT_THEME_SEG[t]}/{STMT_SEG[n]}",
                   "segments_theme": f"{B}/theme-{t}/{STMT_SEG[n]}"}[u]
            pages.append(dict(key=f"s{n}", url=url, kind="stmt", stmts=[n], title=STATEMENT_NAMES[n]))
    elif g == "theme":
        for t in range(1, 5):
            url = {"theme_suffix": f"{B}-theme{t}", "pilot_segments": f"{B}/{PILOT_THEME_SEG[t]}",
                   "theme_segments": f"{B}/{KENT_THEME_SEG[t]}", "theme_named": f"{B}/{NAMED_THEME_SEG[t]}"}[u]
            title = THEMES[t] if f["kind"] == "pilot" else f"Theme {t}: {THEMES[t]}"
            pages.append(dict(key=f"t{t}", url=url, kind="theme", stmts=theme_stmts(t), title=title))
    else:
        url = {"suffix": f"{B}-quality-statements", "single_suffix": f"{B}-themes",
               "single_segments": f"{B}/quality-statements", "single_segments2": f"{B}/what-we-found"}[u]
        title = "What we found" if u == "single_segments2" else "Quality statements"
        pages.append(dict(key="statements", url=url, kind="single", stmts=list(range(1, 10)), title=title))
    for p in pages:
        p["updated"] = f["updated"].get(p["key"], f["updated"]["*"])
    return pages


def stmt_anchor(n):
    return slugify(STATEMENT_NAMES[n])


def stmt_href(f, n):
    for p in f["pages"]:
        if n in p["stmts"]:
            return p["url"] if p["kind"] == "stmt" else f"{p['url']}#{stmt_anchor(n)}"


# ----------------------------------------------------------------------------------- chrome
NAV = [("/services-we-regulate", "Services we regulate"), ("/care-services", "Care services"),
       ("/guidance-regulation", "Guidance and regulation"), ("/about-us", "About us"), ("/contact-us", "Contact us")]
FOOT = [("/accessibility", "Accessibility"), ("/about-us/our-policies/privacy-statement", "Privacy"),
        ("/cookies", "Cookies"), ("/contact-us", "Contact us")]


def document(title, main, canonical, crumbs, body_class="", node_id=None, redesign=False):
    nav = "".join(f'<li class="nav-item menu-item"><a href="{h}" class="nav-link">{E(t)}</a></li>' for h, t in NAV)
    foot = "".join(f'<li><a href="{h}">{E(t)}</a></li>' for h, t in FOOT)
    bc = ""
    if crumbs:
        items = []
        for i, (h, t) in enumerate(crumbs):
            if h:
                items.append(f'<li class="breadcrumb-item"><a href="{A(h)}">{E(t)}</a></li>')
            else:
                items.append(f'<li class="breadcrumb-item active" aria-current="page">{E(t)}</li>')
        bc = ('<div id="block-cqc-breadcrumbs" class="block block-system block-system-breadcrumb-block">'
              '<nav aria-labelledby="system-breadcrumb" class="breadcrumb-wrapper">'
              '<h2 id="system-breadcrumb" class="visually-hidden">Breadcrumb</h2>'
              f'<ol class="breadcrumb">{"".join(items)}</ol></nav></div>')
    shortlink = f'<link rel="shortlink" href="https://www.cqc.org.uk/node/{node_id}" />\n' if node_id else ""
    hdr_cls = "app-header govuk-header" if redesign else "site-header navbar navbar-expand-lg"
    return f"""<!DOCTYPE html>
<html lang="en" dir="ltr" prefix="og: https://ogp.me/ns#">
  <head>
    <meta charset="utf-8" />
    <meta name="description" content="Care Quality Commission local authority assessment" />
    <link rel="canonical" href="https://www.cqc.org.uk{A(canonical)}" />
{shortlink}    <meta name="Generator" content="Drupal 10 (https://www.drupal.org)" />
    <meta name="MobileOptimized" content="width" />
    <meta name="HandheldFriendly" content="true" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <title>{E(title)} | Care Quality Commission</title>
    <link rel="stylesheet" media="all" href="{CSS_HREF}" />
  </head>
  <body class="{body_class}">
    <a href="#main-content" class="visually-hidden focusable skip-link">Skip to main content</a>
    <div class="dialog-off-canvas-main-canvas" data-off-canvas-main-canvas>
    <header class="{hdr_cls}" role="banner">
      <div class="container">
        <a href="/" rel="home" class="site-logo navbar-brand"><span class="visually-hidden">Care Quality Commission home page</span><span aria-hidden="true">CQC</span></a>
        <nav role="navigation" aria-labelledby="block-cqc-main-menu-menu" id="block-cqc-main-menu" class="block block-menu navigation menu--main">
          <h2 class="visually-hidden" id="block-cqc-main-menu-menu">Main navigation</h2>
          <ul class="nav navbar-nav menu">{nav}</ul>
        </nav>
        <form action="/search" method="get" class="search-block-form" role="search" accept-charset="UTF-8">
          <label for="edit-keys" class="visually-hidden">Search</label>
          <input type="search" id="edit-keys" name="keys" size="15" maxlength="128" class="form-search form-control" />
          <input type="submit" value="Search" class="button js-form-submit form-submit btn btn-primary" />
        </form>
      </div>
    </header>
    {bc}
    <main id="main-content" role="main" class="main-content container">
      <div class="region region-content">
        <div data-drupal-messages-fallback class="hidden"></div>
{main}
      </div>
    </main>
    <footer class="site-footer" role="contentinfo">
      <div class="container">
        <nav aria-label="Footer"><ul class="footer-menu">{foot}</ul></nav>
        <p class="footer-social"><a href="https://twitter.com/CareQualityComm">X (Twitter)</a> <a href="https://www.linkedin.com/company/care-quality-commission">LinkedIn</a></p>
        <p class="copyright">&copy; Care Quality Commission</p>
      </div>
    </footer>
    </div>
  </body>
</html>
"""


def stub_page(path, title):
    main = (f'<article class="node node--type-page"><h1 class="page-title">{E(title)}</h1>'
            '<div class="field field--name-body text-formatted"><p>This page is part of the wider Care Quality '
            'Commission website and is not part of the local authority assessment reports.</p>'
            f'<p><a href="{BASE}">Local authority assessment reports</a></p></div></article>')
    write(path, document(title, main, path, [("/", "Home"), (None, title)], "path-node page-node-type-page"))


# ----------------------------------------------------------------------------------- report blocks
def report_header(f, page):
    tpl = f["tpl"]
    k = f["knobs"]
    T = f["T"]
    title = header_title(f)
    pub, upd = fdate(f["published"], k["date"]), fdate(page["updated"], k["date"])
    if tpl == "redesign":
        head = (f'<span class="govuk-caption-xl app-report-title">{E(title)}</span>'
                f'<p class="govuk-body-s app-metadata"><strong>Published:</strong> {pub}<br />'
                f'<strong>Page last updated:</strong> {upd}</p>')
    elif tpl == "para":
        head = (f'<h1 class="node__title page-title"><span class="field field--name-title field--type-string '
                f'field--label-hidden">{E(title)}</span></h1>'
                f'<div class="node__meta"><span class="node__published">Published: {pub}</span> '
                f'<span class="node__updated">Page last updated: {upd}</span></div>')
    elif tpl == "wysiwyg":
        head = (f'<h1 class="page-title">{T(title)}</h1>'
                f'<p class="page-dates">Published: {pub}&nbsp; Page last updated: {upd}</p>')
    elif tpl == "pilot":
        head = (f'<h1 class="page-title">{E(title)}</h1>'
                f'<div class="page-dates"><p>Published: {pub}</p><p>Page last updated: {upd}</p></div>')
    else:
        head = (f'<h1 class="page-title">{E(title)}</h1>'
                f'<div class="la-assessment__dates"><p><span class="published">Published: {pub}</span> '
                f'<span class="updated">Page last updated: {upd}</span></p></div>')
    return f'<div class="la-assessment-header">{head}{downloads(f)}</div>'


def downloads(f):
    tpl = f["tpl"]
    pdf = f.get("pdf_info")
    if not pdf:
        return ('<aside class="app-downloads" aria-labelledby="downloads-title"><h2 id="downloads-title" '
                'class="govuk-heading-s">Downloads</h2><p class="govuk-body-s">A PDF version of this report '
                'will be available soon.</p></aside>')
    url, size = pdf["url"], pdf["size"]
    fname = url.split("/")[-1].split("?")[0]
    council = f["council"]
    if tpl == "classic":
        return ('<div class="block block-cqc-downloads"><h2 class="block-title">Downloads</h2>'
                '<div class="field field--name-field-downloads field--type-file field--label-hidden field__items">'
                '<div class="field__item"><span class="file file--mime-application-pdf file--application-pdf">'
                f'<a href="{A(url)}" type="application/pdf" title="{A(fname)}">{E(council)} local authority assessment report</a>'
                f'</span> <span class="file-size">({human_size(size)})</span></div></div></div>')
    if tpl == "para":
        return ('<div class="card downloads-card"><div class="card-body"><h2 class="card-title h5">Downloads</h2>'
                f'<ul class="list-unstyled mb-0"><li><a class="download-link" href="{A(url)}">Download report'
                f'<span class="visually-hidden"> for {E(council)}</span></a> <small class="text-muted">(PDF, {human_size(size)})'
                '</small></li></ul></div></div>')
    if tpl == "wysiwyg":
        return (f'<div class="block block-downloads"><h2>Downloads</h2><ul><li><a href="{A(url)}">'
                f'Local authority assessment: {f["T"](council)} (PDF)</a></li></ul></div>')
    if tpl == "pilot":
        return (f'<div class="downloads"><h2>Downloads</h2><p><a href="{A(url)}">{E(council)} assessment report</a> '
                f'(PDF, {human_size(size)})</p></div>')
    pages = f.get("pdf_pages")
    return ('<aside class="app-downloads" aria-labelledby="downloads-title"><h2 id="downloads-title" '
            'class="govuk-heading-s">Downloads</h2><section class="gem-c-attachment">'
            f'<h3 class="gem-c-attachment__title"><a class="govuk-link" href="{A(url)}">{E(header_title(f))}</a></h3>'
            f'<p class="gem-c-attachment__metadata">PDF, {human_size(size)}, {pages} pages</p></section></aside>')


def contents_nav(f, page):
    tpl = f["tpl"]
    items = []
    for p in f["pages"]:
        label = p["title"]
        if p["kind"] == "about":
            label = f"About {f['council']}" if tpl != "pilot" else "About this assessment"
        cur = p["url"] == page["url"]
        if tpl == "redesign":
            if cur:
                items.append(f'<li class="app-contents-list__item app-contents-list__item--active" aria-current="true">{E(label)}</li>')
            else:
                items.append(f'<li class="app-contents-list__item"><a class="govuk-link" href="{A(p["url"])}">{E(label)}</a></li>')
        else:
            attr = ' class="nav-link active" aria-current="page"' if cur else ' class="nav-link"'
            items.append(f'<li class="nav-item"><a href="{A(p["url"])}"{attr}>{E(label)}</a></li>')
        if cur and p["kind"] == "single":
            sub = "".join(f'<li><a href="#{stmt_anchor(n)}">{E(STATEMENT_NAMES[n])}</a></li>' for n in p["stmts"])
            items[-1] = items[-1][:-5] + f"<ul>{sub}</ul></li>"
    if tpl == "redesign":
        return ('<nav class="app-contents-list" aria-label="Contents"><h2 class="govuk-heading-s">Contents</h2>'
                f'<ol class="app-contents-list__list">{"".join(items)}</ol></nav>')
    if tpl == "para":
        return f'<nav class="in-report-nav" aria-label="In this report"><h2 class="h4">Contents</h2><ol class="nav flex-column">{"".join(items)}</ol></nav>'
    if tpl == "pilot":
        return f'<div class="pilot-report-nav"><h2>Report sections</h2><ul>{"".join(items)}</ul></div>'
    return (f'<nav class="la-report-nav" aria-labelledby="report-nav-title"><h2 id="report-nav-title" '
            f'class="block-title">In this report</h2><ul class="nav flex-column">{"".join(items)}</ul></nav>')


def prevnext(f, page):
    ps = f["pages"]
    i = [p["url"] for p in ps].index(page["url"])
    prev = ps[i - 1] if i > 0 else None
    nxt = ps[i + 1] if i + 1 < len(ps) else None
    if f["tpl"] == "redesign":
        out = []
        if prev:
            out.append(f'<div class="govuk-pagination__prev"><a class="govuk-link govuk-pagination__link" href="{A(prev["url"])}" rel="prev">'
                       f'<span class="govuk-pagination__link-title">Previous<span class="govuk-visually-hidden"> page</span></span>'
                       f'<span class="govuk-visually-hidden">:</span> <span class="govuk-pagination__link-label">{E(prev["title"])}</span></a></div>')
        if nxt:
            out.append(f'<div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" href="{A(nxt["url"])}" rel="next">'
                       f'<span class="govuk-pagination__link-title">Next<span class="govuk-visually-hidden"> page</span></span>'
                       f'<span class="govuk-visually-hidden">:</span> <span class="govuk-pagination__link-label">{E(nxt["title"])}</span></a></div>')
        return f'<nav class="govuk-pagination govuk-pagination--block" aria-label="Pagination">{"".join(out)}</nav>'
    out = []
    if prev:
        out.append(f'<a class="btn btn-outline-primary prev" href="{A(prev["url"])}" rel="prev">&laquo; Previous: {E(prev["title"])}</a>')
    if nxt:
        out.append(f'<a class="btn btn-outline-primary next" href="{A(nxt["url"])}" rel="next">Next: {E(nxt["title"])} &raquo;</a>')
    return f'<nav class="report-pager d-flex justify-content-between" aria-label="Report pages">{"".join(out)}</nav>'


def related(f, all_fams, where):
    """Related-content block naming other councils with their ratings and scores."""
    others = [g for g in all_fams if g["slug"] != f["slug"]]
    others.sort(key=lambda g: abs((g["published"] - f["published"]).days))
    pick = others[:3]
    tpl = f["tpl"]
    if tpl == "pilot":
        pick = [g for g in all_fams if g["kind"] == "pilot" and g["slug"] != f["slug"]]
        items = "".join(f'<li><a href="{A(g["url0"])}">{E(header_title(g))}</a> &ndash; indicative rating: {E(g["rating"])}</li>'
                        for g in pick)
        return f'<div class="related-pilots"><h2>Other pilot assessments</h2><ul>{items}</ul></div>'
    if tpl == "redesign":
        rows = "".join(f'<tr class="govuk-table__row"><td class="govuk-table__cell"><a class="govuk-link" href="{A(g["url0"])}">{E(g["council"])}</a></td>'
                       f'<td class="govuk-table__cell">{E(g["rating"])}</td><td class="govuk-table__cell">{g["pct"] if g["pct"] is not None else "Not scored"}{"%" if g["pct"] is not None else ""}</td></tr>'
                       for g in pick if g["kind"] == "formal")
        rows += "".join(f'<tr class="govuk-table__row"><td class="govuk-table__cell">{E(n)}</td><td class="govuk-table__cell">{E(r)}</td>'
                        f'<td class="govuk-table__cell">{p}%</td></tr>' for n, r, p in OTHERS[:3])
        return ('<aside class="app-related" aria-labelledby="related-title"><h2 class="govuk-heading-m" id="related-title">'
                'Compare with other local authorities</h2><table class="govuk-table"><thead class="govuk-table__head">'
                '<tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Local authority</th>'
                '<th scope="col" class="govuk-table__header">Rating</th><th scope="col" class="govuk-table__header">Score</th></tr></thead>'
                f'<tbody class="govuk-table__body">{rows}</tbody></table></aside>')
    rows = []
    for g in pick:
        sc = f'{g["pct"]}%' if g["pct"] is not None else "no overall score (pilot)"
        rows.append(f'<div class="views-row"><div class="card related-card"><div class="card-body">'
                    f'<h3 class="card-title h6"><a href="{A(g["url0"])}">{E(header_title(g))}</a></h3>'
                    f'<p class="card-text"><span class="badge rating-badge">{E(g["rating"])}</span> '
                    f'<span class="related-score">Overall score: {sc}</span></p></div></div></div>')
    return ('<div class="block block-views block-views-blockrelated-la-assessments-block-1">'
            '<h2 class="block-title">Related local authority assessments</h2>'
            f'<div class="view view-related-la-assessments"><div class="view-content row">{"".join(rows)}</div></div></div>')


def same_statement_block(f, n, all_fams):
    """Southend statement pages: other councils' scores for the same statement."""
    rows = []
    for g in all_fams:
        if g["slug"] == f["slug"] or g["kind"] != "formal" or g["scores"][n] is None or g["tpl"] != "redesign":
            continue
        rows.append(f'<li><a class="govuk-link" href="{A(stmt_href(g, n))}">{E(g["council"])}</a> &ndash; score: {g["scores"][n]} out of 4</li>')
    return ('<aside class="app-related-statement"><h2 class="govuk-heading-s">How other local authorities scored for '
            f'{E(STATEMENT_NAMES[n])}</h2><ul class="govuk-list">{"".join(rows[:3])}</ul></aside>')


# ----------------------------------------------------------------------------------- statement blocks
def score_style(f):
    s = f["knobs"].get("score")
    if s:
        return s
    return {"pilot": "pilot", "classic": "wysiwyg_strong" if f.get("wysiwyg") else "classic",
            "wysiwyg": "wysiwyg_br" if f["slug"].startswith("leicester") else "wysiwyg_nbsp",
            "para": "drupal_field" if f["slug"].split("-")[0] in ("camden", "kent", "lancashire") else "badge"}[f["tpl"]]


def score_html(f, n):
    s = f["scores"][n]
    st = score_style(f)
    if s is None:
        return ""
    b = BAND[s]
    if st == "pilot":
        return (f'<p class="indicative-score__label"><strong>Indicative score:</strong></p>'
                f'<p class="indicative-score__value">{s} - {b}</p>')
    if st == "classic":
        return (f'<div class="field field--name-field-qs-score field--type-integer field--label-hidden">'
                f'<p class="qs-score">Score: {s}</p></div><div class="field field--name-field-qs-score-text '
                f'field--type-string field--label-hidden"><p class="qs-score-text">{s} - {b}</p></div>')
    if st == "wysiwyg_strong":
        return f"<p><strong>Score: {s}</strong></p><p>{s} - {b}</p>"
    if st == "drupal_field":
        return (f'<div class="paragraph paragraph--type--quality-statement-score paragraph--view-mode--default">'
                f'<div class="field field--name-field-score field--type-list-integer field--label-inline clearfix">'
                f'<div class="field__label">Score</div><div class="field__item">{s}</div></div>'
                f'<div class="field field--name-field-score-description field--type-string field--label-hidden field__item">{s} - {b}</div></div>')
    if st == "badge":
        return (f'<p class="qs-score"><span class="badge text-bg-primary">Score: {s}</span></p>'
                f'<p class="lead qs-score-description">{s} - {b}</p>')
    if st == "wysiwyg_nbsp":
        return f"<p><strong>Score:&nbsp;{s}</strong></p><p><strong>{s} \u2013&nbsp;{b}</strong></p>"
    if st == "wysiwyg_br":
        return f"<p>Score: {s}<br />{s} - {b}</p>"
    if st == "out_of_4":
        return ('<dl class="govuk-summary-list app-score"><div class="govuk-summary-list__row">'
                f'<dt class="govuk-summary-list__key">Score</dt><dd class="govuk-summary-list__value">{s} out of 4</dd></div>'
                '<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">What this score means</dt>'
                f'<dd class="govuk-summary-list__value">{b}</dd></div></dl>')
    if st == "slash":
        return (f'<p class="app-score"><span class="govuk-visually-hidden">Score: </span><span class="app-score__value">{s}</span>'
                f'<span class="app-score__max">/4</span> <span class="app-score__band">{b}</span></p>')
    if st == "tag":
        colour = {1: "red", 2: "orange", 3: "green", 4: "blue"}[s]
        return (f'<p class="app-score"><strong class="govuk-tag govuk-tag--{colour}">Score: {s}</strong> '
                f'<span class="app-score__band">{b}</span></p>')
    raise ValueError(st)


def h(level, text, cls="", idattr=""):
    level = min(level, 6)
    c = f' class="{cls}"' if cls else ""
    i = f' id="{idattr}"' if idattr else ""
    return f"<h{level}{c}{i}>{text}</h{level}>"


def stmt_inner(f, n, lv):
    """Everything under a statement's name. lv = heading level for the section labels."""
    T = f["T"]
    st = f["statements"][n]
    tpl = f["tpl"]
    k = f["knobs"]
    pilot = tpl == "pilot"
    wys = f.get("wysiwyg") or tpl == "wysiwyg"
    gcls = "govuk-heading-m" if tpl == "redesign" else ""
    out = [score_html(f, n)]
    # what people expect
    if pilot:
        exp = h(lv, "What people expect") + "".join(f"<p>{T(x)}</p>" for x in st["what_people_expect"])
    elif k.get("expect_details"):
        exp = ('<details class="what-people-expect"><summary>What people expect</summary><ul>'
               + "".join(f"<li>{T(x)}</li>" for x in st["what_people_expect"]) + "</ul></details>")
    else:
        ulc = ' class="govuk-list govuk-list--bullet"' if tpl == "redesign" else ""
        exp = h(lv, "What people expect", gcls) + f"<ul{ulc}>" + "".join(f"<li>{T(x)}</li>" for x in st["what_people_expect"]) + "</ul>"
    out.append(exp)
    if wys and tpl == "wysiwyg":
        out.append("<p>&nbsp;</p>")
    # commitment
    if pilot:
        out.append(h(lv, "The local authority commitment:") + f"<p>{T(st['commitment'])}</p>")
    elif tpl == "redesign":
        out.append(f'<div class="govuk-inset-text">{h(lv, "The local authority commitment", "govuk-heading-s")}<p class="govuk-body">{T(st["commitment"])}</p></div>')
    elif tpl == "para":
        out.append(h(lv, "The local authority commitment") + f'<blockquote class="blockquote commitment"><p>{T(st["commitment"])}</p></blockquote>')
    else:
        out.append(h(lv, "The local authority commitment") + f"<p>{T(st['commitment'])}</p>")
    # key findings
    out.append(h(lv, "Key findings for this quality statement", gcls))
    strong = k.get("findings") == "strong_p"
    for blk in st["key_findings"]:
        if blk["heading"]:
            out.append(f"<p><strong>{T(blk['heading'])}</strong></p>" if strong else h(lv + 1, T(blk["heading"]), "govuk-heading-s" if tpl == "redesign" else ""))
        for p in blk["paragraphs"]:
            out.append(f'<p class="govuk-body">{T(p)}</p>' if tpl == "redesign" else f"<p>{T(p)}</p>")
    body = "".join(out)
    if tpl == "wysiwyg" or (tpl == "classic" and wys):
        body = f'<div class="field field--name-body clearfix text-formatted field--type-text-with-summary field--label-hidden field__item">{body}</div>'
    return body


def statements_group(f, stmts, lv, container):
    """Several statements on one page, under a theme. lv = level of statement names."""
    T = f["T"]
    out = []
    for n in stmts:
        a = stmt_anchor(n)
        name = T(STATEMENT_NAMES[n])
        if container == "accordion":
            out.append(f'<div class="accordion-item" id="{a}">'
                       f'<h{lv} class="accordion-header" id="heading-{a}"><button class="accordion-button collapsed" type="button" '
                       f'data-bs-toggle="collapse" data-bs-target="#collapse-{a}" aria-expanded="false" aria-controls="collapse-{a}">{name}</button></h{lv}>'
                       f'<div id="collapse-{a}" class="accordion-collapse collapse" aria-labelledby="heading-{a}"><div class="accordion-body">'
                       f'{stmt_inner(f, n, lv + 1)}</div></div></div>')
        elif container == "details":
            out.append(f'<details class="govuk-details app-statement" id="{a}"><summary class="govuk-details__summary">'
                       f'<span class="govuk-details__summary-text">{name}</span></summary><div class="govuk-details__text">'
                       f'{stmt_inner(f, n, lv)}</div></details>')
        else:
            cls = "govuk-heading-l" if f["tpl"] == "redesign" else ""
            out.append(f'<section class="quality-statement" id="{a}">{h(lv, name, cls)}{stmt_inner(f, n, lv + 1)}</section>')
    html_ = "".join(out)
    if container == "accordion":
        html_ = f'<div class="accordion" id="accordion-{stmts[0]}">{html_}</div>'
    return html_


# ----------------------------------------------------------------------------------- page bodies
def about_list(f, items, style):
    T = f["T"]
    if style == "ul_sentence":
        return "<ul>" + "".join(f"<li>{T(i['text'] if 'text' in i else i['label'] + ': ' + i['value'])}</li>" for i in items) + "</ul>"
    if style == "ul_colon":
        lis = []
        for i in items:
            if "label" in i:
                lis.append(f"<li><strong>{T(i['label'])}:</strong> {T(i['value'])}</li>")
            else:
                lis.append(f"<li>{T(i['text'])}</li>")
        return "<ul>" + "".join(lis) + "</ul>"
    lab = [i for i in items if "label" in i]
    txt = [i for i in items if "text" in i]
    if style == "dl":
        out = ('<dl class="la-facts">' + "".join(f"<dt>{T(i['label'])}</dt><dd>{T(i['value'])}</dd>" for i in lab) + "</dl>") if lab else ""
        return out + ("<ul>" + "".join(f"<li>{T(i['text'])}</li>" for i in txt) + "</ul>" if txt else "")
    if style == "table":
        rows = []
        for i in items:
            if "label" in i:
                rows.append(f'<tr><th scope="row">{T(i["label"])}</th><td>{T(i["value"])}</td></tr>')
            else:
                rows.append(f'<tr><td colspan="2">{T(i["text"])}</td></tr>')
        return f'<table class="table table-striped la-facts"><tbody>{"".join(rows)}</tbody></table>'
    if style == "summary_list":
        out = ('<dl class="govuk-summary-list">' + "".join(
            f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{T(i["label"])}</dt>'
            f'<dd class="govuk-summary-list__value">{T(i["value"])}</dd></div>' for i in lab) + "</dl>") if lab else ""
        return out + "".join(f'<p class="govuk-body">{T(i["text"])}</p>' for i in txt)
    raise ValueError(style)


def about_body(f, page, all_fams):
    k, tpl, T = f["knobs"], f["tpl"], f["T"]
    lv = 1 if tpl == "redesign" else 2
    d = fdate(f["published"], k["date"])
    out = [h(lv, T(f"About {f['council']}"), "govuk-heading-xl" if tpl == "redesign" else "")]
    if tpl == "redesign":
        out.append('<dl class="govuk-summary-list govuk-summary-list--no-border"><div class="govuk-summary-list__row">'
                   f'<dt class="govuk-summary-list__key">Assessment published:</dt><dd class="govuk-summary-list__value">{d}</dd></div></dl>')
    else:
        if tpl == "pilot":
            out.append(f'<p>Assessment start date: {fdate(f["start"], k["date"])}</p>')
        out.append(f"<p>Assessment published: {d}</p>")
    intro = (f"We assessed how {f['council']} meets its duties under Part 1 of the Care Act 2014. "
             "The information below gives some context about the local area.")
    if tpl == "pilot":
        intro = (f"This was one of 5 pilot assessments. The scores and rating are indicative and show how "
                 f"{f['council']} was meeting its duties under Part 1 of the Care Act 2014 at the time.")
    out.append(f"<p>{T(intro)}</p>")
    out.append(h(lv + 1, "Demographics", "govuk-heading-m" if tpl == "redesign" else ""))
    out.append(about_list(f, f["demographics"], k["about"]))
    out.append(h(lv + 1, "Financial facts", "govuk-heading-m" if tpl == "redesign" else ""))
    fin_style = k["about"] if k["about"] != "ul_sentence" else "ul_sentence"
    out.append(about_list(f, f["financial"], fin_style))
    if tpl in ("para", "pilot"):
        out.append(related(f, all_fams, "about"))
    return "".join(out)


def pct_text(f):
    if f["knobs"].get("pct") == "per_cent":
        return f"{f['pct']} per cent"
    return f"{f['pct']}%"


def rating_block(f, lv):
    tpl, T = f["tpl"], f["T"]
    council = T(f["council"])
    if tpl == "pilot":
        s = SCORE_OF_RATING[f["rating"]]
        return h(lv, "Local authority indicative rating") + f'<p class="indicative-rating"><strong>{E(f["rating"])}: {BAND[s]}</strong></p>'
    if tpl == "para":
        r = f["rating"]
        return (f'<div class="card card--rating mb-4"><div class="card-header"><h{lv} class="h5 mb-0">Local authority rating and score</h{lv}></div>'
                f'<div class="card-body"><p class="card-title la-name">{council}</p>'
                f'<p class="rating"><span class="badge rating-badge rating-badge--{slugify(r)}">{E(r)}</span></p>'
                f'<p class="overall-score">Overall rating for {council}: <strong>{pct_text(f)}</strong></p>'
                f'<div class="progress" role="progressbar" aria-label="Overall score" aria-valuenow="{f["pct"]}" aria-valuemin="0" aria-valuemax="100">'
                f'<div class="progress-bar" style="width: {f["pct"]}%"></div></div></div></div>')
    if tpl == "wysiwyg":
        r = f["rating"]
        if f["slug"].startswith("warrington"):
            r = r.title() if r == "Requires improvement" else r  # editor typed "Requires Improvement"
        return (h(lv, "Local authority rating and score") + f"<p><strong>{council}</strong></p>"
                f"<p><strong>{E(r)}</strong></p><p>Overall rating for {council}: {pct_text(f)}</p>")
    if tpl == "redesign":
        return (f'<div class="govuk-panel app-rating-panel"><h{lv} class="govuk-panel__title">Local authority rating and score</h{lv}>'
                f'<div class="govuk-panel__body"><p class="app-rating-panel__council">{council}</p>'
                f'<p class="app-rating-panel__rating"><strong>{E(f["rating"])}</strong></p>'
                f'<p class="app-rating-panel__score">Overall rating for {council}: {pct_text(f)}</p></div></div>')
    return (h(lv, "Local authority rating and score") + f'<div class="la-rating"><p class="la-rating__council">{council}</p>'
            f'<p class="la-rating__rating">{E(f["rating"])}</p><p class="la-rating__score">Overall rating for {council}: {pct_text(f)}</p></div>')


def scores_block(f, lv):
    style = f["knobs"]["summary_scores"]
    T = f["T"]
    sc = f["scores"]
    if style == "none":
        return ""
    title = h(lv, "Quality statement scores", "govuk-heading-m" if f["tpl"] == "redesign" else "")
    names = {n: T(STATEMENT_NAMES[n]) for n in range(1, 10)}
    val = lambda n: "" if sc[n] is None else str(sc[n])
    if style in ("pairs", "pairs_indicative"):
        lab = "Indicative score" if style == "pairs_indicative" else "Score"
        return title + "".join(f'<div class="qs-score-pair">{h(lv + 1, names[n])}<p>{lab}: {val(n)}</p></div>' for n in range(1, 10))
    if style.startswith("table_rowspan"):
        head = "Indicative score" if f["kind"] == "pilot" else "Score"
        rows = []
        for t in range(1, 5):
            ns = theme_stmts(t)
            for i, n in enumerate(ns):
                th = f'<th scope="rowgroup" rowspan="{len(ns)}">{T(THEMES[t])}</th>' if i == 0 else ""
                cell = f"{sc[n]} \u2013 {BAND[sc[n]]}" if style.endswith("_band") else val(n)
                rows.append(f"<tr>{th}<td>{names[n]}</td><td>{cell}</td></tr>")
        return (title + '<table class="table table-bordered qs-scores"><thead><tr><th scope="col">Theme</th>'
                f'<th scope="col">Quality statement</th><th scope="col">{head}</th></tr></thead><tbody>{"".join(rows)}</tbody></table>')
    if style == "table_simple":
        rows = "".join(f"<tr><td>{names[n]}</td><td>{val(n)}</td></tr>" for n in range(1, 10))
        return title + f'<table border="1" cellpadding="4" style="width:100%"><tbody><tr><th>Quality statement</th><th>Score</th></tr>{rows}</tbody></table>'
    if style == "ul_inline":
        return title + "<ul>" + "".join(f"<li>{names[n]} \u2013 Score: {val(n)}</li>" for n in range(1, 10)) + "</ul>"
    if style == "dl":
        return title + '<dl class="qs-scores">' + "".join(f"<dt>{names[n]}</dt><dd>Score: {val(n)}</dd>" for n in range(1, 10)) + "</dl>"
    if style == "cards":
        cards = []
        for t in range(1, 5):
            lis = "".join(f'<li class="list-group-item d-flex justify-content-between align-items-center"><span>{names[n]}</span>'
                          f'<span class="badge rounded-pill text-bg-secondary" title="{A(BAND[sc[n]])}"><span class="visually-hidden">Score: </span>{val(n)}</span></li>'
                          for n in theme_stmts(t))
            cards.append(f'<div class="col"><div class="card h-100"><div class="card-header">{T(THEMES[t])}</div>'
                         f'<ul class="list-group list-group-flush">{lis}</ul></div></div>')
        return title + f'<div class="row row-cols-1 row-cols-md-2 g-3 qs-score-cards">{"".join(cards)}</div>'
    if style == "summary_list":
        rows = "".join(f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{names[n]}</dt>'
                       f'<dd class="govuk-summary-list__value">{"" if sc[n] is None else str(sc[n]) + " - " + BAND[sc[n]]}</dd></div>'
                       for n in range(1, 10))
        return title + f'<dl class="govuk-summary-list qs-scores">{rows}</dl>'
    if style == "govuk_table":
        rows = []
        for t in range(1, 5):
            rows.append(f'<tr class="govuk-table__row app-table__theme"><th scope="colgroup" colspan="2" class="govuk-table__header">'
                        f'Theme {t}: {T(THEMES[t])}</th></tr>')
            for n in theme_stmts(t):
                v = "" if sc[n] is None else f"{sc[n]} out of 4"
                rows.append(f'<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">{names[n]}</th>'
                            f'<td class="govuk-table__cell govuk-table__cell--numeric">{v}</td></tr>')
        return ('<table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--m">Quality statement scores</caption>'
                '<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Quality statement</th>'
                f'<th scope="col" class="govuk-table__header govuk-table__header--numeric">Score</th></tr></thead><tbody class="govuk-table__body">{"".join(rows)}</tbody></table>')
    if style == "tags":
        lis = []
        for n in range(1, 10):
            s = sc[n]
            colour = {1: "red", 2: "orange", 3: "green", 4: "blue"}[s]
            lis.append(f'<li class="app-task-list__item"><span class="app-task-list__name"><a class="govuk-link" href="{A(stmt_href(f, n))}">{names[n]}</a></span> '
                       f'<strong class="govuk-tag govuk-tag--{colour}">Score {s}</strong></li>')
        return title + f'<ul class="app-task-list">{"".join(lis)}</ul>'
    raise ValueError(style)


def summary_body(f, page, all_fams):
    tpl, T = f["tpl"], f["T"]
    lv = 1 if tpl == "redesign" else 2
    gm = "govuk-heading-m" if tpl == "redesign" else ""
    out = [h(lv, "Overall summary", "govuk-heading-xl" if tpl == "redesign" else "")]
    out.append(rating_block(f, lv + 1))
    out.append(scores_block(f, lv + 1))
    out.append(h(lv + 1, T("Summary of people's experiences"), gm))
    out += [f"<p>{T(p)}</p>" for p in f["people_experience"]]
    out.append(h(lv + 1, "Summary of strengths, areas for development and next steps", gm))
    out += [f"<p>{T(p)}</p>" for p in f["strengths"]]
    out += [f"<p>{T(p)}</p>" for p in f["development"]]
    if tpl == "wysiwyg":
        pdf = f["pdf_info"]
        out.append(f'<p><a href="{A(pdf["url"])}">Download this report (PDF, {human_size(pdf["size"], tight=True)})</a></p>')
        body = "".join(out[1:])
        out = [out[0], f'<div class="field field--name-body clearfix text-formatted field--type-text-with-summary field--label-hidden field__item">{body}</div>']
    if tpl not in ("para", "pilot"):
        out.append(related(f, all_fams, "summary"))
    return "".join(out)


def stmt_page_body(f, page, all_fams):
    n = page["stmts"][0]
    tpl, T = f["tpl"], f["T"]
    if tpl == "redesign":
        t = STATEMENT_THEME[n]
        body = (f'<span class="govuk-caption-l">Theme {t}: {E(THEMES[t])}</span>'
                + h(1, T(STATEMENT_NAMES[n]), "govuk-heading-xl") + stmt_inner(f, n, 2))
        if f["slug"].startswith("southendonsea"):
            body += same_statement_block(f, n, all_fams)
        return body
    body = h(2, T(STATEMENT_NAMES[n]), "quality-statement__title") + stmt_inner(f, n, 3)
    if tpl == "wysiwyg" and n == 1:
        pdf = f["pdf_info"]
        body += f'<p><a href="{A(pdf["url"])}">Download this report (PDF, {human_size(pdf["size"], tight=True)})</a></p>'
    return body


def theme_page_body(f, page, all_fams):
    tpl, T = f["tpl"], f["T"]
    container = f["knobs"].get("container", "sections")
    if tpl == "redesign":
        return h(1, T(page["title"]), "govuk-heading-xl") + statements_group(f, page["stmts"], 2, container)
    return h(2, T(page["title"])) + statements_group(f, page["stmts"], 3, container)


def single_page_body(f, page, all_fams):
    tpl, T = f["tpl"], f["T"]
    container = f["knobs"].get("container", "sections")
    top = 1 if tpl == "redesign" else 2
    out = [h(top, T(page["title"]), "govuk-heading-xl" if tpl == "redesign" else "")]
    for t in range(1, 5):
        cls = "govuk-heading-l" if tpl == "redesign" else ""
        out.append(f'<section class="theme theme--{t}">{h(top + 1, f"Theme {t}: {E(THEMES[t])}", cls)}')
        lv = top + 1 if container == "details" else top + 2
        out.append(statements_group(f, theme_stmts(t), lv, container) + "</section>")
    return "".join(out)


def render_page(f, page, all_fams):
    body_fn = {"about": about_body, "summary": summary_body, "stmt": stmt_page_body,
               "theme": theme_page_body, "single": single_page_body}[page["kind"]]
    tpl = f["tpl"]
    content = body_fn(f, page, all_fams)
    head = report_header(f, page)
    nav = contents_nav(f, page)
    pn = prevnext(f, page) if page["kind"] != "about" or tpl in ("redesign", "para") else ""
    node = f["node_id"] + f["pages"].index(page)
    art_cls = f"node node--type-la-assessment-report node--view-mode-full la-report la-report--{tpl}"
    if tpl == "redesign":
        main = (f'<article class="{art_cls} govuk-width-container" data-history-node-id="{node}">'
                f'<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">{head}{nav}'
                f'<div class="app-report-content">{content}</div>{pn}</div></div></article>')
    elif tpl == "para":
        main = (f'<article class="{art_cls}" data-history-node-id="{node}"><div class="row"><div class="col-lg-8">'
                f'{head}{nav}<div class="node__content">{content}</div>{pn}</div></div></article>')
    elif tpl == "pilot":
        main = (f'<article class="{art_cls}" data-history-node-id="{node}">{head}'
                f'<div class="node__content clearfix">{content}</div>{pn}{nav}</article>')
    else:
        main = (f'<div class="row"><div class="col-md-9"><article class="{art_cls}" data-history-node-id="{node}">{head}'
                f'<div class="node__content">{content}</div>{pn}</article></div>'
                f'<aside class="col-md-3 layout-sidebar-second" role="complementary">{nav}</aside></div>')
    crumbs = [("/", "Home"), ("/care-services", "Care services"), (BASE, "Local authority assessment reports")]
    if page["kind"] == "about":
        crumbs.append((None, header_title(f)))
    else:
        crumbs += [(f["url0"], header_title(f)), (None, page["title"])]
    title = header_title(f) if page["kind"] == "about" else f"{page['title']} - {header_title(f)}"
    cls = f"path-node page-node-type-la-assessment-report theme-{tpl}"
    return document(title, main, page["url"], crumbs, cls, node, redesign=(tpl == "redesign"))


# ----------------------------------------------------------------------------------- listing
PER_PAGE = 5


def listing(fams):
    formal = sorted([f for f in fams if f["kind"] == "formal"], key=lambda f: f["published"], reverse=True)
    pilots = [f for f in fams if f["kind"] == "pilot"]
    npages = (len(formal) + PER_PAGE - 1) // PER_PAGE
    for pg in range(npages):
        rows = []
        for f in formal[pg * PER_PAGE:(pg + 1) * PER_PAGE]:
            d = f["published"]
            rows.append('<div class="views-row"><div class="views-field views-field-title"><span class="field-content">'
                        f'<a href="{A(f["url0"])}" hreflang="en">{E(header_title(f))}</a></span></div>'
                        '<div class="views-field views-field-field-publication-date"><span class="views-label views-label-field-publication-date">Published: </span>'
                        f'<div class="field-content"><time datetime="{d.isoformat()}T12:00:00Z">{long_date(d)}</time></div></div></div>')
        items = []

        def li(p, label, cls="", cur=False, extra=""):
            a = ' aria-current="page"' if cur else ""
            return (f'<li class="pager__item page-item{cls}{" is-active active" if cur else ""}"><a href="?page={p}" class="page-link"{a}{extra}>{label}</a></li>')
        if pg > 0:
            items.append(li(0, '<span class="visually-hidden">First page</span><span aria-hidden="true">&laquo; First</span>', " pager__item--first", extra=' title="Go to first page"'))
            items.append(li(pg - 1, '<span class="visually-hidden">Previous page</span><span aria-hidden="true">&lsaquo; Previous</span>', " pager__item--previous", extra=' title="Go to previous page" rel="prev"'))
        for p in range(npages):
            lab = (f'<span class="visually-hidden">\n  Current page\n</span>{p + 1}' if p == pg else f'<span class="visually-hidden">\n  Page\n</span>{p + 1}')
            items.append(li(p, lab, cur=(p == pg), extra=(' title="Current page"' if p == pg else f' title="Go to page {p + 1}"')))
        if pg < npages - 1:
            items.append(li(pg + 1, '<span class="visually-hidden">Next page</span><span aria-hidden="true">Next &rsaquo;</span>', " pager__item--next", extra=' title="Go to next page" rel="next"'))
            items.append(li(npages - 1, '<span class="visually-hidden">Last page</span><span aria-hidden="true">Last &raquo;</span>', " pager__item--last", extra=' title="Go to last page"'))
        pager = ('<nav class="pager" role="navigation" aria-labelledby="pagination-heading">'
                 '<h4 id="pagination-heading" class="visually-hidden">Pagination</h4>'
                 f'<ul class="pager__items js-pager__items pagination">{"".join(items)}</ul></nav>')
        prog = "".join(f'<div class="views-row"><div class="views-field views-field-title"><span class="field-content">{E(n)}</span></div></div>' for n in IN_PROGRESS)
        pil = "".join('<div class="views-row"><div class="views-field views-field-title"><span class="field-content">'
                      f'<a href="{A(f["url0"])}" hreflang="en">{E(header_title(f))}</a></span></div>'
                      f'<div class="views-field views-field-field-publication-date"><div class="field-content">{long_date(f["published"])}</div></div></div>'
                      for f in pilots)
        main = f"""<div class="block block-system block-system-main-block">
<div class="la-listing-intro"><h1 class="page-title">Local authority assessment reports</h1>
<div class="field field--name-body text-formatted"><p>We assess how local authorities meet their duties under Part 1 of the Care Act 2014. Read the reports we have published below.</p></div></div>
<div class="views-exposed-form" data-drupal-selector="views-exposed-form-la-assessments-page-1">
<form action="{BASE}" method="get" id="views-exposed-form-la-assessments-page-1" accept-charset="UTF-8">
<label for="edit-title">Local authority name</label><input type="text" id="edit-title" name="title" size="30" maxlength="128" class="form-text form-control" />
<label for="edit-region">Region</label><select id="edit-region" name="region" class="form-select"><option value="All" selected="selected">- Any -</option><option value="london">London</option><option value="north-east">North East</option><option value="north-west">North West</option><option value="south-west">South West</option></select>
<input type="submit" value="Apply" class="button js-form-submit form-submit btn btn-primary" />
</form></div>
<h2 class="view-section-title">Assessment reports</h2>
<div class="view view-la-assessments view-id-la_assessments view-display-id-page_1 js-view-dom-id-4f1c2e">
<div class="view-content">{"".join(rows)}</div>
{pager}
</div>
<div class="attachment attachment-after">
<h2 class="view-section-title">Assessments in progress</h2>
<div class="view view-la-assessments view-display-id-attachment_1"><div class="view-content">{prog}</div></div>
<h2 class="view-section-title">Pilot assessments</h2>
<div class="view view-la-assessments view-display-id-attachment_2"><div class="view-header"><p>In 2023 we carried out pilot assessments of 5 local authorities. Their scores and ratings are indicative.</p></div><div class="view-content">{pil}</div></div>
</div>
</div>"""
        crumbs = [("/", "Home"), ("/care-services", "Care services"), (None, "Local authority assessment reports")]
        doc = document("Local authority assessment reports", main, BASE + (f"?page={pg}" if pg else ""), crumbs,
                       "path-care-services page-view-la-assessments")
        write(f"{BASE}?page={pg}", doc)
        if pg == 0:
            write(BASE, None, file=ROUTES[f"{BASE}?page=0"]["file"])


# ----------------------------------------------------------------------------------- answer keys
def key_for(f):
    scores = {str(n): s for n, s in f["scores"].items() if s is not None}
    stm = {}
    for n in range(1, 10):
        st = f["statements"][n]
        stm[str(n)] = {"what_people_expect": st["what_people_expect"], "commitment": st["commitment"],
                       "key_findings": st["key_findings"]}
    demo = f["demographics"]
    fin = f["financial"]
    if f["knobs"]["about"] == "ul_sentence":
        # a sentence-style About page prints every bullet as one text
        demo = [i if "text" in i else {"text": f"{i['label']}: {i['value']}"} for i in demo]
        fin = [i if "text" in i else {"text": f"{i['label']}: {i['value']}"} for i in fin]
    pdf = None
    if f.get("pdf_info"):
        pi = f["pdf_info"]
        carries = {"rating": f["rating"], "overall_pct": f["pct"], "scores": scores}
        if pi["scope"] == "full":
            carries.update({"statements": stm, "people_experience": f["people_experience"],
                            "demographics": f["demographics"], "financial_facts": f["financial"]})
        else:
            carries.update({"people_experience": f["people_experience"]})
        pdf = {"url": pi["url"], "engine": pi["engine"], "carries": carries}
    return {
        "slug": f["slug"], "url": f["url0"], "council": f["council"], "la_code": f["la_code"], "kind": f["kind"],
        "expect": f["expect"], "published": f["published"].isoformat(),
        "last_updated": max(p["updated"] for p in f["pages"]).isoformat(),
        "rating": f["rating"], "overall_pct": f["pct"], "scores": scores, "statements": stm,
        "people_experience": f["people_experience"], "demographics": demo, "financial_facts": fin, "pdf": pdf,
    }


PDF_URLS = {
    "birmingham-cc": "/sites/default/files/2023-11/Birmingham-City-Council-LA-assessment-pilot-report.pdf",
    "nottingham-city": "/sites/default/files/2023-11/nottingham_city_council_assessment_report.pdf",
    "lincolnshire-cc": "/sites/default/files/2024-01/20231117_lincolnshire_cc_assessment.pdf",
    "WBerkshire-0524": "/sites/default/files/2024-05/West-Berkshire-LA-assessment-report.pdf",
    "Hertfordshire-0524": "/sites/default/files/2024-05/Hertfordshire_County_Council_LAA_report.pdf",
    "derbyshirecc-0824": "/sites/default/files/2024-08/derbyshire-county-council-local-authority-assessment.pdf",
    "durham-0824": "/sites/default/files/2024-08/Durham_LA_assessment_report_0824.pdf",
    "westminster-1124": "/sites/default/files/2024-11/Westminster-summary-report.pdf",
    "camden-0225": "/media/10482/download?inline",
    "kent-0525": "/sites/default/files/documents/la-assessment-kent-0525.pdf",
    "staffordshire-0525": "/sites/default/files/2025-05/staffordshire-local-authority-assessment-report.pdf",
    "warrington-0525": "/sites/default/files/2025-05/LA-assessment-Warrington-0525.pdf",
    "stokeontrent-0625": "/sites/default/files/2025-06/20250613-stoke-on-trent-city-council-local-authority-assessment.pdf",
    "leicestercity-0725": "/sites/default/files/2025-07/Leicester_City_Council_local_authority_assessment_report.pdf",
    "lancashire-0825": "/media/11873/download?attachment",
    "southendonsea-0825": "/sites/default/files/2025-08/southend-on-sea-la-assessment-report_0.pdf",
    "blackpool-0825": "/sites/default/files/2025-08/Blackpool-Council-local-authority-assessment.pdf",
    "somerset-1225": "/sites/default/files/2025-12/somerset-council-local-authority-assessment-report.pdf",
    "sheffield-0226": "/sites/default/files/2026-02/sheffield-city-council-local-authority-assessment.pdf",
    "norfolk-0426": "/sites/default/files/2026-04/norfolk-county-council-la-assessment-2026.pdf",
}


def pdf_pages(path):
    import subprocess
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", out).group(1))


def main():
    for d in ("pages", "pdf", "answers", "assets"):
        shutil.rmtree(os.path.join(SITE, d), ignore_errors=True)
    fams = build_families()
    for i, f in enumerate(fams):
        f["T"] = Fam(f).t
        f["url0"] = f"{BASE}/{f['slug']}"
        f["node_id"] = 40100 + i * 20
        f["pages"] = plan(f)
    # PDFs first (their sizes are printed on the pages)
    for f in fams:
        if not f["pdf"]:
            f["pdf_info"] = None
            continue
        url = PDF_URLS[f["slug"]]
        rel = "pdf/" + re.sub(r"[^A-Za-z0-9._-]+", "_", url.strip("/").replace("/", "__")) + ".pdf"
        rel = rel.replace(".pdf.pdf", ".pdf")
        full = os.path.join(SITE, rel)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        engine, scope = make_pdf(f, full)
        f["pdf_info"] = {"url": url, "size": os.path.getsize(full), "engine": engine, "scope": scope}
        f["pdf_pages"] = pdf_pages(full)
        write(url, None, "application/pdf", file=rel)
    for f in fams:
        for page in f["pages"]:
            write(page["url"], render_page(f, page, fams))
    listing(fams)
    for path, title in NAV + FOOT + [("/", "Care Quality Commission")]:
        if path not in ROUTES:
            stub_page(path, title)
    css = os.path.join(SITE, "assets/style.css")
    os.makedirs(os.path.dirname(css), exist_ok=True)
    open(css, "w").write(".visually-hidden,.govuk-visually-hidden{position:absolute!important;clip:rect(1px,1px,1px,1px);"
                         "overflow:hidden;height:1px;width:1px}\nbody{font-family:Arial,sans-serif}\n")
    ROUTES[CSS_HREF.split("?")[0]] = {"file": "assets/style.css", "type": "text/css"}
    ROUTES["/robots.txt"] = {"file": "assets/robots.txt", "type": "text/plain"}
    open(os.path.join(SITE, "assets/robots.txt"), "w").write(
        "User-agent: *\nDisallow: /search/\nDisallow: /user/\nDisallow: /admin/\n")
    os.makedirs(os.path.join(SITE, "answers"), exist_ok=True)
    for f in fams:
        with open(os.path.join(SITE, "answers", f"{f['slug']}.json"), "w") as fh:
            json.dump(key_for(f), fh, indent=2, ensure_ascii=False)
            fh.write("\n")
    with open(os.path.join(SITE, "routes.json"), "w") as fh:
        json.dump(dict(sorted(ROUTES.items())), fh, indent=1)
        fh.write("\n")
    print(len(ROUTES), "routes;", len(fams), "families")


if __name__ == "__main__":
    main()
