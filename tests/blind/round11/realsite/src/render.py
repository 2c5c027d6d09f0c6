"""Renders the round11 'realsite' blind copy: pages, PDFs, routes.json, answers/."""
import html
import json
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
from data import (BASE, STATEMENTS, THEMES, BAND_PHRASE, FAMILIES, IN_PROGRESS, long_date, short_date)  # noqa

SITE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRATCH = "/tmp/blind-realsite11"
E = html.escape
ROUTES = {}
BYSLUG = {f["slug"]: f for f in FAMILIES}


def write(route, rel, text, ctype="text/html; charset=UTF-8"):
    path = os.path.join(SITE, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if isinstance(text, bytes):
        open(path, "wb").write(text)
    else:
        open(path, "w", encoding="utf-8").write(text)
    ROUTES[route] = {"file": rel, "type": ctype}


# ---------------- URL shapes ----------------

def urls(f):
    s, st, g = f["slug"], f["style"], f["grouping"]
    u = {"about": f"{BASE}/{s}"}
    u["summary"] = {"A": f"{BASE}/{s}/summary", "B": f"{BASE}/{s}-summary",
                    "C": f"{BASE}/{s}/overall-summary", "P": f"{BASE}/{s}/overall-summary"}[st]
    pages = []  # (url, title, [statement numbers])
    if g == "statement":
        for n, (name, t, short, seg) in STATEMENTS.items():
            if st == "A":
                url = f"{BASE}/{s}-theme{t}-{short}"
            elif st == "B":
                url = f"{BASE}/{s}/{s}-theme{t}-{short}"
            else:
                url = f"{BASE}/{s}/{THEMES[t][1]}/{seg}"
            pages.append((url, name, [n]))
    elif g == "theme":
        for t, (tname, tseg) in THEMES.items():
            url = f"{BASE}/{s}/theme-{t}" if st == "B" else f"{BASE}/{s}/{tseg}"
            pages.append((url, tname, [n for n in STATEMENTS if STATEMENTS[n][1] == t]))
    else:
        pages.append((f"{BASE}/{s}/quality-statements", "Quality statements", list(range(1, 10))))
    u["content"] = pages
    u["pdf"] = None
    if f["pdf"]:
        y, m = f["published"][:4], f["published"][5:7]
        if f["pdf"] == "chromium":
            u["pdf"] = f"/sites/default/files/{y}-{m}/{s}-local-authority-assessment-report.pdf"
        else:
            u["pdf"] = f"/sites/default/files/{y}-{m}/{f['short'].replace(' ', '_')}_LA_assessment_report_{y}{m}.pdf"
    return u


def header_title(f):
    return f"{f['council']} assessment" if f["kind"] == "pilot" else f"{f['council']}: local authority assessment"


# ---------------- page chrome (Drupal-ish) ----------------

def chrome(f, title, body, crumbs_extra=None):
    return f"""<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="Generator" content="Drupal 10 (https://www.drupal.org)">
<title>{E(title)} | Care Quality Commission</title>
<link rel="stylesheet" media="all" href="/themes/custom/cqc/dist/css/global.css?v=r4k2p1">
</head>
<body class="path-node page-node-type-{'la-assessment' if f else 'page'}">
<a href="#main-content" class="visually-hidden focusable skip-link">Skip to main content</a>
<div class="dialog-off-canvas-main-canvas" data-off-canvas-main-canvas>
<header class="site-header" role="banner">
  <div class="container"><a href="https://www.cqc.org.uk/" class="site-logo" rel="home"><span class="visually-hidden">Care Quality Commission home</span></a>
  <nav class="main-menu" aria-label="Main"><ul class="menu">
    <li class="menu-item"><a href="https://www.cqc.org.uk/care-services">Find and compare services</a></li>
    <li class="menu-item"><a href="https://www.cqc.org.uk/about-us">About us</a></li>
    <li class="menu-item"><a href="https://www.cqc.org.uk/contact-us">Contact us</a></li>
  </ul></nav>
  <form action="https://www.cqc.org.uk/search/all" method="get" class="search-block-form" role="search"><label for="edit-keys" class="visually-hidden">Search</label><input type="search" id="edit-keys" name="keys"><input type="submit" value="Search" class="button"></form>
  </div>
</header>
<div class="region region-breadcrumb"><nav class="breadcrumb" role="navigation" aria-labelledby="system-breadcrumb">
  <h2 id="system-breadcrumb" class="visually-hidden">Breadcrumb</h2>
  <ol>
    <li><a href="https://www.cqc.org.uk/">Home</a></li>
    <li><a href="https://www.cqc.org.uk/care-services">Care services</a></li>
    <li><a href="{BASE}">Local authority assessment reports</a></li>
    {crumbs_extra or ''}
  </ol>
</nav></div>
<main id="main-content" role="main" class="main-content">
<div class="region region-content">
<div data-drupal-messages-fallback class="hidden"></div>
{body}
</div>
</main>
<footer class="site-footer" role="contentinfo"><div class="container">
  <ul class="menu footer-menu"><li><a href="https://www.cqc.org.uk/about-us/our-policies/accessibility-statement">Accessibility</a></li><li><a href="https://www.cqc.org.uk/about-us/our-policies/privacy-statement">Privacy</a></li><li><a href="https://www.cqc.org.uk/about-us/contact-us">Contact us</a></li></ul>
  <p>&copy; Care Quality Commission</p>
</div></footer>
</div>
</body>
</html>
"""


def report_header(f, u):
    st = f["style"]
    pub, upd = long_date(f["published"]), long_date(f["updated"])
    if st == "C":
        pubhtml = (f'<dl class="report-dates"><div><dt>Published:</dt> <dd><time datetime="{f["published"]}T09:00:00Z">{pub}</time></dd></div> '
                   f'<div><dt>Page last updated:</dt> <dd><time datetime="{f["updated"]}T12:00:00Z">{upd}</time></dd></div></dl>')
    elif st == "B":
        pubhtml = (f'<p class="report-dates"><span class="label">Published:</span> <time datetime="{f["published"]}">{pub}</time> '
                   f'<span class="label">Page last updated:</span> <time datetime="{f["updated"]}">{upd}</time></p>')
    else:
        pubhtml = f'<div class="field field--name-field-dates"><p>Published: {pub} Page last updated: {upd}</p></div>'
    if u["pdf"]:
        size = "1.2MB" if f["pdf"] == "chromium" else "874KB"
        dl = (f'<ul class="file-list"><li class="file file--mime-application-pdf file--application-pdf">'
              f'<a href="{u["pdf"]}" type="application/pdf">{E(header_title(f))}</a> '
              f'<span class="file-meta">(PDF, {size})</span></li></ul>')
    else:
        dl = '<p class="no-downloads">There are no downloads for this report.</p>'
    return f"""<div class="report-header">
<h1 class="page-title">{E(header_title(f))}</h1>
{pubhtml}
<section class="downloads block block--downloads" aria-labelledby="downloads-{f['slug']}">
<h2 id="downloads-{f['slug']}" class="block__title">Downloads</h2>
{dl}
</section>
</div>
"""


def local_nav(f, u, current):
    items = [(u["about"], f"About {f['council']}"), (u["summary"], "Overall summary")] + \
            [(x[0], x[1]) for x in u["content"]]
    lis = []
    for href, label in items:
        if href == current:
            lis.append(f'<li class="is-active"><a href="{href}" aria-current="page">{E(label)}</a></li>')
        else:
            lis.append(f'<li><a href="{href}">{E(label)}</a></li>')
    if f["style"] == "C":
        return ('<nav class="report-contents" aria-label="Report contents"><details class="contents-toggle" open>'
                '<summary>Contents</summary><ol>' + "".join(lis) + '</ol></details></nav>')
    return ('<nav class="report-contents" aria-labelledby="contents-title"><h2 id="contents-title" class="contents__title">'
            'In this report</h2><ul>' + "".join(lis) + '</ul></nav>')


def prevnext(f, u, current):
    seq = [(u["about"], f"About {f['council']}"), (u["summary"], "Overall summary")] + [(x[0], x[1]) for x in u["content"]]
    idx = [s[0] for s in seq].index(current)
    out = ['<nav class="pagination pagination--report" aria-label="Report pages"><ul>']
    if idx > 0:
        out.append(f'<li class="previous"><a href="{seq[idx-1][0]}" rel="prev"><span class="pagination__label">Previous</span> '
                   f'<span class="visually-hidden">:</span> <span class="pagination__title">{E(seq[idx-1][1])}</span></a></li>')
    if idx < len(seq) - 1:
        out.append(f'<li class="next"><a href="{seq[idx+1][0]}" rel="next"><span class="pagination__label">Next</span> '
                   f'<span class="visually-hidden">:</span> <span class="pagination__title">{E(seq[idx+1][1])}</span></a></li>')
    out.append("</ul></nav>")
    return "".join(out)


def related(f):
    """Related-content block naming other councils with ratings and scores."""
    others = [o for o in FAMILIES if o["slug"] != f["slug"] and o["kind"] == "formal" and o["expect"] == "loads"]
    i = FAMILIES.index(f)
    pick = [others[(i * 3 + k * 5) % len(others)] for k in range(3)]
    seen, lis = set(), []
    for o in pick:
        if o["slug"] in seen:
            continue
        seen.add(o["slug"])
        if f["style"] == "C":
            lis.append(f'<li class="card card--related"><h3 class="card__title"><a href="{BASE}/{o["slug"]}">{E(o["council"])}: local authority assessment</a></h3>'
                       f'<p class="card__meta"><strong class="tag">{o["rating"]}</strong> <span>{o["pct"]}%</span> '
                       f'<span class="card__date">{short_date(o["published"])}</span></p></li>')
        else:
            lis.append(f'<li><a href="{BASE}/{o["slug"]}">{E(o["council"])}</a> &ndash; rated {o["rating"].lower()} '
                       f'(overall score {o["pct"]}%). Score: {o["scores"][0]} for assessing needs.</li>')
    lis.append('<li><a href="https://www.cqc.org.uk/news/releases/local-authority-assessments">News: latest local authority assessment results</a></li>')
    return ('<aside class="related-content block" aria-labelledby="related-title"><h2 id="related-title">Related content</h2>'
            '<ul class="related-list">' + "".join(lis) + '</ul></aside>')


# ---------------- content pieces ----------------

def score_block(f, n, hl):
    sc = f["scores"][n - 1]
    st = f["style"]
    ph = BAND_PHRASE[sc]
    if st == "P":
        return (f'<div class="indicative-score"><p><strong>Indicative score:</strong></p>'
                f'<p class="score-value">{sc} - {ph}</p></div>')
    if st == "A":
        return f'<div class="qs-score"><p>Score: {sc}</p><p>{sc} - {ph}</p></div>'
    if st == "B":
        return (f'<table class="table table--score"><caption class="visually-hidden">Quality statement score</caption>'
                f'<tbody><tr><th scope="row">Score</th><td>{sc}</td></tr><tr><th scope="row">What this means</th>'
                f'<td>{sc} - {ph}</td></tr></tbody></table>')
    # C: badge + visually hidden text
    return (f'<p class="qs-score"><span class="visually-hidden">Score: </span><span class="score-badge score-badge--{sc}">{sc}</span>'
            f'<span class="visually-hidden"> out of 4</span> <span class="score-phrase">{ph}</span></p>')


def statement_html(f, n, hl, anchor=False):
    """hl: heading level for the statement name."""
    name = STATEMENTS[n][0]
    d = f["statements"][str(n)]
    h, h2, h3 = f"h{hl}", f"h{hl+1}", f"h{hl+2}"
    colon = ":" if f["style"] == "P" else ""
    parts = [f'<section class="quality-statement" id="qs-{n}"><{h} class="qs-title">{E(name)}</{h}>', score_block(f, n, hl)]
    parts.append(f'<{h2}>What people expect</{h2}>')
    if f["style"] == "C":
        parts.append('<blockquote class="i-statements">' + "".join(f"<p>{E(x)}</p>" for x in d["what_people_expect"]) + "</blockquote>")
    else:
        parts.append('<ul class="i-statements">' + "".join(f"<li>{E(x)}</li>" for x in d["what_people_expect"]) + "</ul>")
    parts.append(f'<{h2}>The local authority commitment{colon}</{h2}><p class="commitment">{E(d["commitment"])}</p>')
    parts.append(f'<{h2}>Key findings for this quality statement</{h2}>')
    for kf in d["key_findings"]:
        parts.append(f'<{h3}>{E(kf["heading"])}</{h3}>' + "".join(f"<p>{E(p)}</p>" for p in kf["paragraphs"]))
    parts.append("</section>")
    return "\n".join(parts)


def facts_list(items, style):
    if style == "B":
        rows = []
        for it in items:
            if "label" in it:
                rows.append(f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{E(it["label"])}</dt>'
                            f'<dd class="govuk-summary-list__value">{E(it["value"])}</dd></div>')
            else:
                rows.append(f'<div class="govuk-summary-list__row"><dd class="govuk-summary-list__value govuk-summary-list__value--wide">{E(it["text"])}</dd></div>')
        return '<dl class="govuk-summary-list">' + "".join(rows) + "</dl>"
    lis = []
    for it in items:
        if "label" in it:
            lis.append(f'<li><strong>{E(it["label"])}:</strong> {E(it["value"])}</li>')
        else:
            lis.append(f'<li>{E(it["text"])}</li>')
    return "<ul>" + "".join(lis) + "</ul>"


def about_body(f, u):
    c = f["council"]
    extra = ""
    if f["kind"] == "pilot":
        extra = f'<p><strong>Assessment start date:</strong> {long_date(f["start"])}</p>'
    pubtxt = long_date(f["published"])
    intro = (f"<p>This report sets out our assessment of how {E(c)} meets its duties under Part 1 of the Care Act 2014. "
             f"{'This was one of five pilot assessments; ratings and scores are indicative.' if f['kind'] == 'pilot' else ''}</p>")
    return f"""<article class="node node--type-la-assessment node--view-mode-full">
<div class="node__content">
<p class="assessment-published">Assessment published: {pubtxt}</p>
{extra}
<h2>About {E(c)}</h2>
{intro}
<h3>Demographics</h3>
{facts_list(f['demographics'], f['style'])}
<h3>Financial facts</h3>
{facts_list(f['financial_facts'], f['style'])}
</div></article>"""


def summary_scores(f, u):
    st = f["style"]
    s = f["scores"]
    link = {}
    for url, title, nums in u["content"]:
        for n in nums:
            link[n] = url + ("" if len(nums) == 1 else f"#qs-{n}")
    if st == "A" or st == "P":
        out = ['<h2>Quality statement scores</h2>' if st == "A" else '<h2>Quality statement indicative scores</h2>', '<div class="qs-score-list">']
        for n in range(1, 10):
            lab = f"Score: {s[n-1]}" if st == "A" else f"{s[n-1]} - {BAND_PHRASE[s[n-1]]}"
            out.append(f'<div class="qs-score-item"><h3><a href="{link[n]}">{E(STATEMENTS[n][0])}</a></h3><p>{lab}</p></div>')
        out.append("</div>")
        return "\n".join(out)
    if st == "B":
        rows = []
        for t, (tname, _) in THEMES.items():
            nums = [n for n in STATEMENTS if STATEMENTS[n][1] == t]
            for i, n in enumerate(nums):
                th = f'<th scope="rowgroup" rowspan="{len(nums)}">{E(tname)}</th>' if i == 0 else ""
                rows.append(f'<tr>{th}<td><a href="{link[n]}">{E(STATEMENTS[n][0])}</a></td><td class="score">{s[n-1]}</td></tr>')
        return ('<h2>Quality statement scores</h2><table class="table table--qs-scores"><caption>Scores for each quality statement (1 to 4)</caption>'
                '<thead><tr><th scope="col">Theme</th><th scope="col">Quality statement</th><th scope="col">Score</th></tr></thead>'
                '<tbody>' + "".join(rows) + '</tbody></table>')
    # C: accordion per theme with summary list
    out = ['<h2>Quality statement scores</h2><div class="accordion" data-module="accordion">']
    for t, (tname, _) in THEMES.items():
        nums = [n for n in STATEMENTS if STATEMENTS[n][1] == t]
        out.append(f'<details class="accordion__section" open><summary class="accordion__heading"><h3>{E(tname)}</h3></summary>'
                   '<dl class="summary-list">')
        for n in nums:
            out.append(f'<div class="summary-list__row"><dt><a href="{link[n]}">{E(STATEMENTS[n][0])}</a></dt>'
                       f'<dd><span class="visually-hidden">Score: </span><span class="score-badge score-badge--{s[n-1]}">{s[n-1]}</span>'
                       f'<span class="visually-hidden"> out of 4</span> <span class="score-phrase">{BAND_PHRASE[s[n-1]]}</span></dd></div>')
        out.append("</dl></details>")
    out.append("</div>")
    return "\n".join(out)


def summary_body(f, u):
    st, c = f["style"], f["council"]
    r, p = f["shown_rating"], f["shown_pct"]
    if st == "P":
        head = (f'<h2>Local authority indicative rating</h2><p class="rating-council">{E(c)}</p>'
                f'<p class="rating rating--{r.lower().replace(" ", "-")}">{r}: {BAND_PHRASE[{"Outstanding": 4, "Good": 3, "Requires improvement": 2, "Inadequate": 1}[r]]}</p>')
    elif st == "A":
        head = (f'<h2>Local authority rating and score</h2><p>{E(c)}</p><p class="rating">{r}</p>'
                f'<p class="overall-score">Overall rating for {E(c)}: {p}%</p>')
    elif st == "B":
        rr = r if f["slug"] != "leicestercity-0725" else r.title()  # an editor's capitalisation
        head = (f'<h2>Local authority rating and score</h2><div class="panel panel--rating"><p class="panel__council">{E(c)}</p>'
                f'<p class="panel__rating">{rr}</p><p class="panel__score">Overall rating for {E(c)}: <strong>{p}%</strong></p></div>')
    else:
        head = (f'<h2>Local authority rating and score</h2><div class="rating-card"><p class="rating-card__council">{E(c)}</p>'
                f'<p><span class="visually-hidden">Rating: </span><strong class="tag tag--{r.lower().replace(" ", "-")}">{r}</strong></p>'
                f'<p class="rating-card__score">Overall rating for {E(c)}: <span class="score-percent">{p} per cent</span></p></div>')
    pdflink = ""
    if u["pdf"] and st in ("B", "C"):
        pdflink = f'<p class="download-inline"><a href="{u["pdf"]}">Download this report (PDF, 1.2MB)</a></p>'
    pe = "".join(f"<p>{E(x)}</p>" for x in f["people_experience"])
    sadn = (f"<p>{E(f['council'])} should prioritise reducing waiting times for assessments and reviews, and make sure that "
            f"people waiting are contacted regularly. Leaders recognised these areas and had plans in place.</p>")
    return f"""<article class="node node--type-la-assessment-summary"><div class="node__content">
<h2 class="section-title">Overall summary</h2>
{head}
{pdflink}
{summary_scores(f, u)}
<h2>Summary of people's experiences</h2>
<div class="people-experience">{pe}</div>
<h2>Summary of strengths, areas for development and next steps</h2>
{sadn}
</div></article>
{related(f)}"""


def content_body(f, u, page):
    url, title, nums = page
    st = f["style"]
    if len(nums) == 1:
        return statement_html(f, nums[0], 2)
    if f["grouping"] == "theme":
        t = STATEMENTS[nums[0]][1]
        toc = "".join(f'<li><a href="#qs-{n}">{E(STATEMENTS[n][0])}</a></li>' for n in nums)
        return (f'<h2 class="theme-title">Theme {t}: {E(title)}</h2><ul class="on-this-page">{toc}</ul>' +
                "".join(statement_html(f, n, 3) for n in nums))
    # single page: sections per theme, statements in details/accordion (C) or plain (P)
    out = ['<h2>Quality statements</h2>']
    for t, (tname, _) in THEMES.items():
        out.append(f'<h3 class="theme-title">{E(tname)}</h3>')
        for n in [n for n in STATEMENTS if STATEMENTS[n][1] == t]:
            if st == "C":
                out.append(f'<details class="accordion__section" id="acc-{n}"><summary><span class="accordion__title">{E(STATEMENTS[n][0])}</span></summary>'
                           f'<div class="accordion__content">{statement_html(f, n, 4)}</div></details>')
            else:
                out.append(statement_html(f, n, 4))
    return "\n".join(out)


def render_family(f):
    u = urls(f)
    pages = [(u["about"], f"About {f['council']}", about_body(f, u)),
             (u["summary"], "Overall summary", summary_body(f, u))]
    for pg in u["content"]:
        pages.append((pg[0], pg[1], content_body(f, u, pg)))
    for url, title, body in pages:
        full = (report_header(f, u) + local_nav(f, u, url) + '<div class="report-body">' + body + "</div>" +
                prevnext(f, u, url))
        crumb = f'<li><a href="{u["about"]}">{E(f["council"])}</a></li>' if url != u["about"] else ""
        rel = "pages" + url[len(BASE):] + ".html" if url != u["about"] else f"pages/{f['slug']}/index.html"
        if url == u["about"]:
            rel = f"pages/{f['slug']}.html"
        write(url, rel, chrome(f, f"{title} - {header_title(f)}", full, crumb))
    return u


# ---------------- listing ----------------

def listing():
    formal = sorted([f for f in FAMILIES if f["kind"] == "formal"], key=lambda f: f["published"], reverse=True)
    pilots = [f for f in FAMILIES if f["kind"] == "pilot"]
    per = 6
    chunks = [formal[i:i + per] for i in range(0, len(formal), per)]
    npages = len(chunks)
    for i, ch in enumerate(chunks):
        items = "".join(f'<div class="views-row"><article class="teaser"><h3 class="teaser__title"><a href="{BASE}/{f["slug"]}" hreflang="en">'
                        f'{E(f["council"])}: local authority assessment</a></h3><p class="teaser__date">Published {short_date(f["published"])}</p></article></div>'
                        for f in ch)
        body = [f'<h1 class="page-title">Local authority assessment reports</h1>',
                '<p>Read our assessments of how local authorities meet their duties under Part 1 of the Care Act 2014.</p>',
                '<div class="views-element-container"><div class="view view-la-assessments view-display-id-page_1">',
                '<h2>Assessment reports</h2><div class="view-content">' + items + '</div>']
        # Drupal full pager
        pl = ['<nav class="pager" role="navigation" aria-labelledby="pagination-heading"><h4 id="pagination-heading" class="visually-hidden">Pagination</h4><ul class="pager__items js-pager__items">']
        if i > 0:
            pl.append(f'<li class="pager__item pager__item--first"><a href="?page=0" title="Go to first page"><span class="visually-hidden">First page</span><span aria-hidden="true">« First</span></a></li>')
            pl.append(f'<li class="pager__item pager__item--previous"><a href="?page={i-1}" title="Go to previous page" rel="prev"><span class="visually-hidden">Previous page</span><span aria-hidden="true">‹ Previous</span></a></li>')
        for j in range(npages):
            if j == i:
                pl.append(f'<li class="pager__item is-active"><a href="?page={j}" title="Current page" aria-current="page"><span class="visually-hidden">Current page</span>{j+1}</a></li>')
            else:
                pl.append(f'<li class="pager__item"><a href="?page={j}" title="Go to page {j+1}"><span class="visually-hidden">Page</span>{j+1}</a></li>')
        if i < npages - 1:
            pl.append(f'<li class="pager__item pager__item--next"><a href="?page={i+1}" title="Go to next page" rel="next"><span class="visually-hidden">Next page</span><span aria-hidden="true">Next ›</span></a></li>')
            pl.append(f'<li class="pager__item pager__item--last"><a href="?page={npages-1}" title="Go to last page"><span class="visually-hidden">Last page</span><span aria-hidden="true">Last »</span></a></li>')
        pl.append("</ul></nav>")
        body.append("".join(pl))
        if i == npages - 1:
            body.append('<h2>Assessments in progress</h2><ul class="in-progress">' + "".join(f"<li>{E(n)}</li>" for n in IN_PROGRESS) + "</ul>")
            body.append('<h2>Pilot assessments</h2><p>We carried out five pilot assessments in 2023. Ratings and scores are indicative.</p><ul class="pilots">' +
                        "".join(f'<li><a href="{BASE}/{p["slug"]}">{E(p["council"])} assessment</a></li>' for p in pilots) +
                        "<li>North Lincolnshire Council</li><li>Suffolk County Council</li></ul>")
        body.append("</div></div>")
        html_ = chrome(None, "Local authority assessment reports", "\n".join(body))
        write(f"{BASE}?page={i}", f"pages/listing-page{i}.html", html_)
        if i == 0:
            write(BASE, "pages/listing.html", html_)
            ROUTES[BASE] = {"file": "pages/listing.html", "type": "text/html; charset=UTF-8"}


if __name__ == "__main__":
    for d in ("pages", "pdf", "sites", "answers"):
        shutil.rmtree(os.path.join(SITE, d), ignore_errors=True)
    allu = {}
    for f in FAMILIES:
        allu[f["slug"]] = render_family(f)
    listing()
    write("/themes/custom/cqc/dist/css/global.css", "themes/global.css", ".visually-hidden{position:absolute!important;clip:rect(1px,1px,1px,1px);overflow:hidden;height:1px;width:1px}\n", "text/css")
    write("/robots.txt", "robots.txt", "User-agent: *\nDisallow: /search/\n", "text/plain; charset=UTF-8")
    import pdfs
    pdfs.build(allu, write)
    import keys
    keys.build(allu, SITE)
    json.dump(dict(sorted(ROUTES.items())), open(os.path.join(SITE, "routes.json"), "w"), indent=1)
    print(len(ROUTES), "routes")
