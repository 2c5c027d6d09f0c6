"""Generate the blind 'realsite' corpus: pages, PDFs, routes.json and answer keys.

Run with the scratch venv (python-docx, weasyprint):
    /tmp/blind-realsite9/venv/bin/python src/build.py
"""
import datetime as dt
import html
import json
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
from content import FAMILIES, STATEMENTS, STMT, THEMES, BAND, build_family  # noqa: E402

SITE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRATCH = "/tmp/blind-realsite9/work"
LIST = "/care-services/local-authority-assessment-reports"
routes = {}


def esc(s):
    return html.escape(s, quote=True)


def write(rel, data, url, ctype="text/html; charset=utf-8"):
    path = os.path.join(SITE, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(path, mode, **({} if mode == "wb" else {"encoding": "utf-8"})) as fh:
        fh.write(data)
    routes[url] = {"file": rel, "type": ctype}


def d(iso):
    return dt.date.fromisoformat(iso)


def fmt_date(iso, style):
    x = d(iso)
    if style == "dl":
        return f"{x.day} {x.strftime('%b')} {x.year}"
    return f"{x.day} {x.strftime('%B')} {x.year}"


def date_html(iso, style):
    txt = fmt_date(iso, style)
    if style in ("table", "redesign"):
        return f'<time datetime="{iso}">{txt}</time>'
    return txt


def smart(s, on):
    if not on:
        return esc(s)
    return esc(s).replace("&#x27;", "\u2019")


# ------------------------------------------------------------------ URLs

SUFFIX = {1: "theme1-needs", 2: "theme1-healthier-lives", 3: "theme1-equity", 4: "theme2-care",
          5: "theme2-partnerships", 6: "theme3-pathways", 7: "theme3-safeguarding",
          8: "theme4-governance", 9: "theme4-learning"}
PATHSEG = {1: "assessing-needs", 2: "supporting-people-lead-healthier-lives", 3: "equity-experience-outcomes",
           4: "care-provision-integration-continuity", 5: "partnerships-communities",
           6: "safe-pathways-systems-transitions", 7: "safeguarding",
           8: "governance-management-sustainability", 9: "learning-improvement-innovation"}
PILOTTHEME = {1: "1-working-with-people", 2: "2-providing-support", 3: "3-ensuring-safety", 4: "4-leadership"}
THEMESEG = {1: "how-local-authority-works-with-people", 2: "providing-support",
            3: "how-local-authority-ensures-safety", 4: "leadership"}


def page_list(F):
    """[(key, url, label, statements on page)]"""
    base = f"{LIST}/{F['slug']}"
    u = F["urls"]
    pages = [("about", base, f"About {F['council']}", [])]
    if u == "suffix":
        pages.append(("summary", base + "-summary", "Overall summary", []))
    elif u == "path":
        pages.append(("summary", base + "/summary", "Overall summary", []))
    else:
        pages.append(("summary", base + "/overall-summary", "Overall summary", []))
    g = F["grouping"]
    if g == "statement":
        for n, t, name in STATEMENTS:
            if u == "suffix":
                url = f"{base}-{SUFFIX[n]}"
            elif u == "path":
                url = f"{base}/{PATHSEG[n]}"
            else:
                url = f"{base}/{PILOTTHEME[t]}/{PATHSEG[n]}"
            pages.append((f"s{n}", url, name, [n]))
    elif g == "theme":
        for t in range(1, 5):
            if u == "suffix":
                url = f"{base}-theme{t}"
            elif u == "path":
                url = f"{base}/{THEMESEG[t]}"
            else:
                url = f"{base}/{PILOTTHEME[t]}"
            pages.append((f"t{t}", url, f"Theme {t}: {THEMES[t]}", [n for n, tt, _ in STATEMENTS if tt == t]))
    else:
        url = base + ("-quality-statements" if u == "suffix" else "/quality-statements")
        pages.append(("all9", url, "Quality statements", list(range(1, 10))))
    return pages


def page_updated(F, key):
    up = F["updated"]
    return up.get(key) or up.get("all") or F["published"]


# ------------------------------------------------------------------ pieces

def header_block(F, key, title):
    st = F["style"]
    pub = F["published"]
    upd = page_updated(F, key)
    head = f"{F['council']}: local authority assessment" if not F["pilot"] else f"{F['council']} assessment"
    dl = downloads(F)
    if st == "redesign":
        return f"""
<div class="cqc-report-header">
  <p class="cqc-report-header__title">{esc(head)}</p>
  <dl class="cqc-report-header__dates">
    <div><dt>Published:</dt> <dd>{date_html(pub, st)}</dd></div>
    <div><dt>Page last updated:</dt> <dd>{date_html(upd, st)}</dd></div>
  </dl>
  {dl}
</div>
<h1 class="nhsuk-heading-l">{esc(title)}</h1>"""
    if st == "tag":
        return f"""
<div class="report-banner">
  <h1 class="report-banner__title">{esc(head)}</h1>
  <p class="report-banner__meta">Published: {date_html(pub, st)} <span class="divider" aria-hidden="true">|</span> Page last updated: {date_html(upd, st)}</p>
</div>
{dl}
<h2 class="page-heading">{esc(title)}</h2>"""
    if st == "pilot":
        return f"""
<div class="field field--name-title"><h1 class="page-title"><span class="field field--name-title">{esc(head)}</span></h1></div>
<div class="field field--name-field-dates"><p>Published: {date_html(pub, st)}<br>Page last updated: {date_html(upd, st)}</p></div>
{dl}
<h2>{esc(title)}</h2>"""
    # classic, table, dl
    return f"""
<div class="la-report-header">
  <h1 class="page-title">{esc(head)}</h1>
  <div class="la-report-header__dates">
    <span class="published">Published: {date_html(pub, st)}</span>
    <span class="updated">Page last updated: {date_html(upd, st)}</span>
  </div>
</div>
{dl}
<h2 class="la-page-heading">{esc(title)}</h2>"""


def pdf_size(F):
    p = F.get("_pdf_file")
    if not p:
        return ""
    size = os.path.getsize(os.path.join(SITE, p))
    if size > 1024 * 1024:
        return f"{size / 1024 / 1024:.1f}MB"
    return f"{size // 1024}KB"


def downloads(F):
    if not F.get("_pdf_url"):
        return """<div class="block block-cqc-downloads" id="downloads">
  <h2 class="block__title">Downloads</h2>
  <p>There are no downloads for this report.</p>
</div>"""
    name = f"{F['council']} local authority assessment" if not F["pilot"] else f"{F['council']} assessment report"
    if F["style"] == "redesign":
        return f"""<div class="nhsuk-card nhsuk-card--download" id="downloads">
  <div class="nhsuk-card__content"><h2 class="nhsuk-card__heading nhsuk-heading-s">Downloads</h2>
  <ul class="nhsuk-list"><li><a href="{F['_pdf_url']}" class="download-link" type="application/pdf">{esc(name)} <span class="file-meta">(PDF, {pdf_size(F)})</span></a></li></ul></div>
</div>"""
    return f"""<div class="block block-cqc-downloads" id="downloads">
  <h2 class="block__title">Downloads</h2>
  <div class="file file--mime-application-pdf file--application-pdf"><a href="{F['_pdf_url']}" type="application/pdf; length={os.path.getsize(os.path.join(SITE, F['_pdf_file']))}">{esc(name)}</a> <span class="file-size">PDF, {pdf_size(F)}</span></div>
</div>"""


def report_nav(F, pages, cur):
    items = []
    for key, url, label, _ in pages:
        if key == cur:
            items.append(f'<li class="is-active"><span aria-current="page">{esc(label)}</span></li>')
        else:
            items.append(f'<li><a href="{url}">{esc(label)}</a></li>')
    cls = "nhsuk-contents-list" if F["style"] == "redesign" else "report-contents"
    return f"""<nav class="{cls}" aria-label="Pages in this report">
  <h2 class="visually-hidden">Contents</h2>
  <ol>{''.join(items)}</ol>
</nav>"""


def prev_next(F, pages, cur):
    keys = [p[0] for p in pages]
    i = keys.index(cur)
    out = []
    if i > 0:
        _, url, label, _ = pages[i - 1]
        out.append(f'<li class="pager-previous"><a href="{url}" rel="prev"><span class="pager-label">Previous</span><span class="visually-hidden">:</span> <span class="pager-title">{esc(label)}</span></a></li>')
    if i < len(pages) - 1:
        _, url, label, _ = pages[i + 1]
        out.append(f'<li class="pager-next"><a href="{url}" rel="next"><span class="pager-label">Next</span><span class="visually-hidden">:</span> <span class="pager-title">{esc(label)}</span></a></li>')
    return f'<nav class="report-prev-next" aria-label="Report pages"><ul>{"".join(out)}</ul></nav>'


def score_block(F, n):
    s = F["scoremap"][n]
    st = F["style"]
    if s is None:
        return '<p class="qs-score qs-score--none">This quality statement has not been scored.</p>'
    band = BAND[s]
    if F["pilot"]:
        return f'<div class="indicative-score"><p><strong>Indicative score:</strong></p>\n<p>{s} - {band}</p></div>'
    if st == "classic":
        return f'<div class="qs-score"><p class="qs-score__value">Score: {s}</p>\n<p class="qs-score__label">{s} - {band}</p></div>'
    if st == "table":
        return f"""<table class="qs-score-table">
  <caption class="visually-hidden">Score for this quality statement</caption>
  <tbody><tr><th scope="row">Score</th><td>{s} out of 4</td></tr>
  <tr><th scope="row">What this means</th><td>{band}</td></tr></tbody>
</table>"""
    if st == "dl":
        return f'<dl class="qs-score"><dt>Quality statement score</dt><dd>{s} \u2013 {band}</dd></dl>'
    if st == "tag":
        colour = {1: "red", 2: "orange", 3: "green", 4: "blue"}[s]
        return f'<p class="qs-score"><strong class="govuk-tag govuk-tag--{colour}"><span class="visually-hidden">Score: </span>{s}/4</strong> {band}</p>'
    # redesign
    return f"""<dl class="nhsuk-summary-list qs-score">
  <div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">Score</dt><dd class="nhsuk-summary-list__value">{s}<span class="visually-hidden"> out of 4</span></dd></div>
  <div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">Meaning</dt><dd class="nhsuk-summary-list__value">{band}</dd></div>
</dl>"""


def statement_body(F, n, hlevel):
    """Render one statement; hlevel is the level of the statement heading (negative: the page heading
    already names the statement at level -hlevel, so none is printed here)."""
    st = F["style"]
    sm = smart
    q = st in ("redesign", "dl")
    S = F["stm"][n]
    name = STMT[n][1]
    lv = abs(hlevel)
    h, h1, h2 = f"h{lv}", f"h{lv + 1}", f"h{min(lv + 2, 6)}"
    out = [f'<section class="quality-statement" id="{PATHSEG[n]}">']
    if hlevel > 0:
        out.append(f'<{h} class="quality-statement__title">{esc(name)}</{h}>')
    out.append(score_block(F, n))
    out.append(f"<{h1}>What people expect</{h1}>")
    out.append('<ul class="i-statements">' + "".join(f"<li>{sm(x, q)}</li>" for x in S["expect"]) + "</ul>")
    colon = ":" if F["pilot"] else ""
    out.append(f"<{h1}>The local authority commitment{colon}</{h1}>")
    out.append(f'<p class="we-statement">{sm(S["commitment"], q)}</p>')
    out.append(f"<{h1}>Key findings for this quality statement</{h1}>")
    if st == "dl":
        for head, paras in S["findings"]:
            out.append(f'<details class="cqc-accordion"><summary><span class="cqc-accordion__title">{esc(head)}</span></summary>'
                       f'<div class="cqc-accordion__body">' + "".join(f"<p>{sm(p, q)}</p>" for p in paras) + "</div></details>")
    elif st == "tag":
        for head, paras in S["findings"]:
            out.append(f"<{h2}>{esc(head)}</{h2}>")
            out.append(f"<p>{sm(paras[0], q)}</p>")
            if len(paras) > 1:
                out.append("<ul>" + "".join(f"<li>{sm(p, q)}</li>" for p in paras[1:]) + "</ul>")
    else:
        for head, paras in S["findings"]:
            out.append(f'<{h2} class="key-finding__heading">{esc(head)}</{h2}>')
            out.append("".join(f"<p>{sm(p, q)}</p>" for p in paras))
    out.append("</section>")
    return "\n".join(out)


def related(F, all_fams):
    others = [o for o in all_fams if o["slug"] != F["slug"] and o["pilot"] == F["pilot"]]
    k = sum(map(ord, F["slug"]))
    pick = [others[(k + i * 5) % len(others)] for i in range(3)]
    seen, pick2 = set(), []
    for o in pick:
        if o["slug"] not in seen:
            seen.add(o["slug"]); pick2.append(o)
    items = []
    for o in pick2:
        url = f"{LIST}/{o['slug']}"
        if F["pilot"]:
            meta = f"Indicative rating: {o['rating']}"
        else:
            meta = f"{o['rating']} ({o['pct']}%)"
        if F["style"] in ("tag", "redesign"):
            items.append(f'<li class="card"><h3 class="card__heading"><a href="{url}">{esc(o["council"])}: local authority assessment</a></h3><p class="card__meta">{esc(meta)}</p></li>')
        else:
            items.append(f'<li><a href="{url}">{esc(o["council"])}</a> <span class="related__meta">{esc(meta)}</span></li>')
    title = "Other pilot assessments" if F["pilot"] else "Related content"
    return f'<aside class="related-content" aria-labelledby="related-{F["slug"]}"><h2 id="related-{F["slug"]}">{title}</h2><ul class="related-list">{"".join(items)}</ul></aside>'


def shell(F, title, body, crumbs_extra=""):
    red = F and F["style"] == "redesign"
    css = "/themes/custom/cqc_nhs/dist/main.css" if red else "/themes/custom/cqc/css/cqc.css"
    crumb = f'<li class="breadcrumb__item"><a href="/">Home</a></li><li class="breadcrumb__item"><a href="/care-services">Care services</a></li><li class="breadcrumb__item"><a href="{LIST}">Local authority assessment reports</a></li>'
    if F:
        crumb += f'<li class="breadcrumb__item"><a href="{LIST}/{F["slug"]}">{esc(F["council"])}</a></li>'
    body_cls = "page-node-type-la-assessment" if F else "path-care-services"
    return f"""<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="Generator" content="Drupal 10 (https://www.drupal.org)">
<title>{esc(title)} | Care Quality Commission</title>
<link rel="stylesheet" media="all" href="{css}">
</head>
<body class="{body_cls}">
<a href="#main-content" class="visually-hidden focusable skip-link">Skip to main content</a>
<div class="dialog-off-canvas-main-canvas" data-off-canvas-main-canvas>
<header class="site-header" role="banner">
  <a href="/" rel="home" class="site-logo"><img src="/themes/custom/cqc/logo.svg" alt="Care Quality Commission home"></a>
  <nav role="navigation" aria-label="Main navigation" class="main-nav"><ul class="menu">
    <li class="menu-item"><a href="/care-services">Find and compare services</a></li>
    <li class="menu-item"><a href="{LIST}">Local authority assessments</a></li>
  </ul></nav>
</header>
<div class="region region-breadcrumb"><nav class="breadcrumb" aria-labelledby="system-breadcrumb"><h2 id="system-breadcrumb" class="visually-hidden">Breadcrumb</h2><ol>{crumb}</ol></nav></div>
<main id="main-content" role="main" class="layout-content">
{body}
</main>
<footer class="site-footer" role="contentinfo"><ul class="footer-links">
  <li><a href="https://www.gov.uk/government/organisations/care-quality-commission">CQC on GOV.UK</a></li>
  <li><a href="https://www.legislation.gov.uk/ukpga/2014/23/contents">Care Act 2014</a></li>
</ul><p>&copy; Care Quality Commission</p></footer>
</div>
</body>
</html>
"""


# ------------------------------------------------------------------ page bodies

def about_body(F):
    st = F["style"]
    x = []
    if st in ("table",):
        rows = "".join(f'<tr><th scope="row">{esc(l)}</th><td>{esc(v)}</td></tr>' for l, v in F["demographics"])
        demo = f'<table class="demographics"><thead><tr><th scope="col">Measure</th><th scope="col">{esc(F["short"])}</th></tr></thead><tbody>{rows}</tbody></table>'
    elif st in ("dl",):
        demo = '<dl class="demographics">' + "".join(f"<dt>{esc(l)}</dt><dd>{esc(v)}</dd>" for l, v in F["demographics"]) + "</dl>"
    elif st == "redesign":
        demo = '<dl class="nhsuk-summary-list">' + "".join(
            f'<div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">{esc(l)}</dt><dd class="nhsuk-summary-list__value">{esc(v)}</dd></div>'
            for l, v in F["demographics"]) + "</dl>"
    else:
        demo = "<ul>" + "".join(f"<li>{esc(t)}</li>" for t in F["demo_text"]) + "</ul>"
    if F["finance_kv"]:
        if st == "redesign":
            fin = '<dl class="nhsuk-summary-list">' + "".join(
                f'<div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">{esc(l)}</dt><dd class="nhsuk-summary-list__value">{esc(v)}</dd></div>'
                for l, v in F["finance_kv"]) + "</dl>"
        else:
            fin = ('<table class="financial-facts"><thead><tr><th scope="col">Measure</th><th scope="col">Value</th></tr></thead><tbody>'
                   + "".join(f'<tr><th scope="row">{esc(l)}</th><td>{esc(v)}</td></tr>' for l, v in F["finance_kv"]) + "</tbody></table>")
        fin = '<p class="source-note">Figures are taken from the local authority\'s published annual data returns.</p>' + fin
    else:
        fin = "<ul>" + "".join(f"<li>{esc(t)}</li>" for t in F["finance"]) + "</ul>"
    x.append(f'<p class="assessment-published">Assessment published: {date_html(F["published"], st)}</p>')
    if F["pilot"]:
        x.append(f'<p class="assessment-start">Assessment start date: {fmt_date(F["start"], st)}</p>')
    x.append(f"<p>{esc(F['council'])} is one of {('five pilot' if F['pilot'] else '153')} local authorities in England "
             f"{'that took part in our pilot assessments' if F['pilot'] else 'assessed by CQC'} under section 46 of the Health and Care Act 2022. "
             f"It is in the {esc(F['region'])} region.</p>")
    x.append("<h3>Demographics</h3>" + demo)
    x.append("<h3>Financial facts</h3>" + fin)
    if F.get("_pdf_url") and st in ("classic", "table"):
        x.append(f'<p><a href="{F["_pdf_url"]}">Download this report (PDF, {pdf_size(F)})</a></p>')
    return "\n".join(x)


def summary_scores(F):
    st = F["style"]
    sm = F["scoremap"]
    if F["pilot"]:
        return "<h3>Quality statement indicative scores</h3>" + "".join(
            f'<div class="qs-summary"><h4>{esc(name)}</h4><p>Indicative score: {sm[n]} - {BAND[sm[n]]}</p></div>' for n, _, name in STATEMENTS)
    if st == "classic":
        items = []
        for n, _, name in STATEMENTS:
            v = f"Score: {sm[n]}" if sm[n] is not None else "Score: not published"
            items.append(f'<div class="qs-summary views-row"><h4 class="qs-summary__name">{esc(name)}</h4><p class="qs-summary__score">{v}</p></div>')
        return "<h3>Quality statement scores</h3>" + "".join(items)
    if st == "table":
        rows = []
        for t in range(1, 5):
            ns = [n for n, tt, _ in STATEMENTS if tt == t]
            for i, n in enumerate(ns):
                th = f'<th scope="rowgroup" rowspan="{len(ns)}">{esc(THEMES[t])}</th>' if i == 0 else ""
                rows.append(f"<tr>{th}<td>{esc(STMT[n][1])}</td><td>{sm[n]}</td></tr>")
        return ('<h3>Quality statement scores</h3><table class="qs-scores"><thead><tr><th scope="col">Theme</th>'
                '<th scope="col">Quality statement</th><th scope="col">Score (out of 4)</th></tr></thead><tbody>'
                + "".join(rows) + "</tbody></table>")
    if st == "dl":
        return "<h3>Quality statement scores</h3><dl class=\"qs-scores\">" + "".join(
            f"<dt>{esc(name)}</dt><dd>" + (f"{sm[n]} \u2013 {BAND[sm[n]]}" if sm[n] is not None else "Not scored") + "</dd>"
            for n, _, name in STATEMENTS) + "</dl>"
    if st == "tag":
        cards = []
        for t in range(1, 5):
            cards.append(f'<h4 class="theme-heading">{esc(THEMES[t])}</h4><ul class="card-grid">')
            for n, tt, name in STATEMENTS:
                if tt == t:
                    cards.append(f'<li class="card"><span class="card__title">{esc(name)}</span> '
                                 f'<strong class="govuk-tag"><span class="visually-hidden">Score: </span>{sm[n]}/4</strong></li>')
            cards.append("</ul>")
        return "<h3>Quality statement scores</h3>" + "".join(cards)
    # redesign
    parts = ["<h2 class=\"nhsuk-heading-m\">Quality statement scores</h2>"]
    for t in range(1, 5):
        parts.append(f'<h3 class="nhsuk-heading-s">{esc(THEMES[t])}</h3><dl class="nhsuk-summary-list">')
        for n, tt, name in STATEMENTS:
            if tt == t:
                parts.append(f'<div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">{esc(name)}</dt>'
                             f'<dd class="nhsuk-summary-list__value">{sm[n]} out of 4</dd></div>')
        parts.append("</dl>")
    return "".join(parts)


def rating_block(F):
    st = F["style"]
    if F["pilot"]:
        return (f'<h3>Local authority indicative rating</h3><div class="rating-panel"><p class="rating-panel__council">{esc(F["council"])}</p>'
                f'<p class="rating-panel__rating">{esc(F["rating"])}: {BAND[{"Good": 3, "Requires improvement": 2}[F["rating"]]]}</p></div>')
    r, p = F["rating"], F["pct"]
    if st == "classic":
        return (f'<h3>Local authority rating and score</h3><div class="rating-block"><p class="rating-block__council">{esc(F["council"])}</p>'
                f'<p class="rating-block__rating">{esc(r)}</p></div><p class="overall-score">Overall rating for {esc(F["council"])}: {p}%</p>')
    if st == "table":
        return (f'<h3>Local authority rating and score</h3><table class="overall-rating"><tbody>'
                f'<tr><th scope="row">Local authority</th><td>{esc(F["council"])}</td></tr>'
                f'<tr><th scope="row">Overall rating</th><td>{esc(r)}</td></tr>'
                f'<tr><th scope="row">Overall score</th><td>{p} per cent</td></tr></tbody></table>')
    if st == "dl":
        return (f'<h3>Local authority rating and score</h3><dl class="overall-rating"><dt>Local authority</dt><dd>{esc(F["council"])}</dd>'
                f'<dt>Rating</dt><dd>{esc(r.title() if r.startswith("Requires") else r)}</dd><dt>Score</dt><dd>{p}%</dd></dl>')
    if st == "tag":
        return (f'<div class="govuk-panel govuk-panel--rating"><h3 class="govuk-panel__title">Local authority rating and score</h3>'
                f'<div class="govuk-panel__body"><p>{esc(F["council"])}</p><p><strong class="rating-word">{esc(r)}</strong></p>'
                f'<p>Overall score: {p}%</p></div></div>')
    return (f'<div class="nhsuk-card nhsuk-card--feature"><div class="nhsuk-card__content"><h2 class="nhsuk-card__heading nhsuk-card__heading--feature">Local authority rating and score</h2>'
            f'<p class="nhsuk-body-s">{esc(F["council"])}</p><p class="rating-word">{esc(r)}</p>'
            f'<p><span class="score-pct">{p}%</span> <span class="nhsuk-body-s">overall score</span></p></div></div>')


def summary_body(F, all_fams):
    q = F["style"] in ("redesign", "dl")
    x = [rating_block(F), summary_scores(F)]
    x.append("<h3>Summary of people's experiences</h3>" if not q else "<h3>Summary of people\u2019s experiences</h3>")
    x.append("".join(f"<p>{smart(p, q)}</p>" for p in F["people"]))
    x.append("<h3>Summary of strengths, areas for development and next steps</h3>")
    x.append("".join(f"<p>{esc(p)}</p>" for p in F["strengths"]))
    if F.get("_pdf_url") and F["style"] in ("tag", "dl"):
        x.append(f'<p class="download-inline"><a href="{F["_pdf_url"]}">Download this report (PDF, {pdf_size(F)})</a></p>')
    return "\n".join(x)


def group_body(F, key, ns):
    st = F["style"]
    if key.startswith("s"):
        # statement page: heading already printed by header_block
        return statement_body(F, ns[0], -1 if st == "redesign" else -2).replace('<section class="quality-statement"', '<section class="quality-statement quality-statement--page"', 1)
    if key.startswith("t"):
        t = int(key[1:])
        intro = f'<p class="theme-intro">This theme covers {len(ns)} quality statements.</p>'
        toc = '<ul class="on-this-page">' + "".join(f'<li><a href="#{PATHSEG[n]}">{esc(STMT[n][1])}</a></li>' for n in ns) + "</ul>"
        return intro + toc + "\n".join(statement_body(F, n, 3) for n in ns)
    # all nine
    parts = ['<nav class="on-this-page" aria-label="On this page"><h3>On this page</h3><ol>'
             + "".join(f'<li><a href="#{PATHSEG[n]}">{esc(STMT[n][1])}</a></li>' for n in range(1, 10)) + "</ol></nav>"]
    for t in range(1, 5):
        parts.append(f'<h2 class="theme-title">{esc(THEMES[t])}</h2>')
        if st == "table" and t == 2:
            parts.append('<div class="editor-note"><p>&nbsp;</p></div>')  # stray empty paragraph left by the editor
        for n, tt, _ in STATEMENTS:
            if tt == t:
                parts.append(statement_body(F, n, 3))
    return "\n".join(parts)


def render_family(F, all_fams):
    pages = page_list(F)
    for key, url, label, ns in pages:
        body = [header_block(F, key, label)]
        body.append('<div class="layout-two-col"><div class="col-side">' + report_nav(F, pages, key) + '</div><div class="col-main"><article class="node node--type-la-report">')
        if key == "about":
            body.append(about_body(F))
        elif key == "summary":
            body.append(summary_body(F, all_fams))
        else:
            body.append(group_body(F, key, ns))
        body.append("</article>")
        if key != "about":
            body.append(prev_next(F, pages, key))
        if key in ("about", "summary"):
            body.append(related(F, all_fams))
        body.append("</div></div>")
        title = (f"{F['council']}: local authority assessment" if key == "about" else f"{label} - {F['council']}")
        rel = f"pages/{F['slug']}/{key}.html"
        write(rel, shell(F, title, "\n".join(body)), url)
    return pages


# ------------------------------------------------------------------ PDFs

PDF_CSS = """
@page { size: A4; margin: 22mm 18mm 22mm 18mm;
  @top-left { content: "%(head)s"; font-size: 8pt; color: #555; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 8pt; }
  @bottom-left { content: "Care Quality Commission"; font-size: 8pt; color: #555; } }
@page :first { @top-left { content: none; } @bottom-right { content: none; } @bottom-left { content: none; } }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10pt; line-height: 1.35; hyphens: auto; -webkit-hyphens: auto; text-align: justify; }
.cover { page-break-after: always; padding-top: 60mm; }
.cover h1 { font-size: 26pt; color: #3b1f5e; } .cover p { font-size: 13pt; }
.toc { page-break-after: always; } .toc li { margin: 3pt 0; }
h2 { color: #3b1f5e; font-size: 15pt; page-break-before: always; } h2.nobreak { page-break-before: auto; }
h3 { font-size: 12pt; margin-top: 14pt; } h4 { font-size: 10.5pt; margin-bottom: 2pt; }
table { border-collapse: collapse; width: 100%%; margin: 8pt 0; } th, td { border: 0.5pt solid #888; padding: 3pt 5pt; text-align: left; vertical-align: top; }
thead th { background: #e8e2f0; }
.cols { column-count: %(cols)s; column-gap: 8mm; }
.score { font-weight: bold; }
"""


def pdf_html(F):
    pilot = F["pilot"]
    head = f"{F['council']}: local authority assessment" if not pilot else f"{F['council']}: pilot assessment (indicative)"
    cols = 2 if F["pdf"] == "weasyprint" else 1
    css = PDF_CSS % {"head": head.replace('"', ""), "cols": cols}
    sm = F["scoremap"]
    x = [f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{esc(head)}</title><style>{css}</style></head><body>']
    x.append(f'<div class="cover"><p>Care Quality Commission</p><h1>{esc(F["council"])}</h1>'
             f'<p>{"Local authority assessment" if not pilot else "Pilot local authority assessment"}</p>'
             f'<p>How {esc(F["council"])} meets its duties under Part 1 of the Care Act 2014</p>'
             f'<p>Date of publication: {fmt_date(F["published"], "classic")}</p></div>')
    x.append('<div class="toc"><h1>Contents</h1><ol><li>Overall summary</li>'
             + "".join(f"<li>{esc(THEMES[t])}</li>" for t in range(1, 5)) + "</ol></div>")
    x.append('<h2 class="nobreak">Overall summary</h2>')
    if pilot:
        x.append(f'<table><tbody><tr><th>Local authority</th><td>{esc(F["council"])}</td></tr>'
                 f'<tr><th>Indicative rating</th><td>{esc(F["rating"])}</td></tr>'
                 f'<tr><th>Published</th><td>{fmt_date(F["published"], "classic")}</td></tr></tbody></table>')
    else:
        x.append(f'<table><tbody><tr><th>Local authority</th><td>{esc(F["council"])}</td></tr>'
                 f'<tr><th>Overall rating</th><td>{esc(F["rating"])}</td></tr>'
                 f'<tr><th>Overall score</th><td>{F["pct"]}%</td></tr>'
                 f'<tr><th>Published</th><td>{fmt_date(F["published"], "classic")}</td></tr></tbody></table>')
    rows = []
    for t in range(1, 5):
        ns = [n for n, tt, _ in STATEMENTS if tt == t]
        for i, n in enumerate(ns):
            th = f'<td rowspan="{len(ns)}">{esc(THEMES[t])}</td>' if i == 0 else ""
            v = f"{sm[n]}" if sm[n] is not None else "-"
            rows.append(f"<tr>{th}<td>{esc(STMT[n][1])}</td><td>{v}</td></tr>")
    lab = "Indicative score" if pilot else "Score"
    x.append(f'<table class="scores"><thead><tr><th>Theme</th><th>Quality statement</th><th>{lab}</th></tr></thead><tbody>{"".join(rows)}</tbody></table>')
    x.append("<h3>Summary of people's experiences</h3>" + "".join(f"<p>{esc(p)}</p>" for p in F["people"]))
    for t in range(1, 5):
        x.append(f"<h2>{esc(THEMES[t])}</h2>")
        for n, tt, name in STATEMENTS:
            if tt != t:
                continue
            S = F["stm"][n]
            x.append(f"<h3>{esc(name)}</h3>")
            if sm[n] is not None:
                x.append(f'<p class="score">{lab}: {sm[n]} - {BAND[sm[n]]}</p>')
            x.append("<h4>What people expect</h4><ul>" + "".join(f"<li>{esc(e)}</li>" for e in S["expect"]) + "</ul>")
            x.append(f"<h4>The local authority commitment</h4><p>{esc(S['commitment'])}</p>")
            x.append('<h4>Key findings for this quality statement</h4><div class="cols">')
            for hd, paras in S["findings"]:
                x.append(f"<h4>{esc(hd)}</h4>" + "".join(f"<p>{esc(p)}</p>" for p in paras))
            x.append("</div>")
    x.append("</body></html>")
    return "".join(x)


def pdf_docx(F, path):
    from docx import Document
    from docx.enum.text import WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    pilot = F["pilot"]
    sm = F["scoremap"]
    doc = Document()
    doc.styles["Normal"].font.name = "Liberation Sans"
    doc.styles["Normal"].font.size = Pt(10)
    sec = doc.sections[0]
    sec.different_first_page_header_footer = True
    sec.header.paragraphs[0].text = f"{F['council']} - {'pilot assessment' if pilot else 'local authority assessment'}"

    def field(par, instr):
        run = par.add_run()
        a = OxmlElement("w:fldChar"); a.set(qn("w:fldCharType"), "begin")
        b = OxmlElement("w:instrText"); b.set(qn("xml:space"), "preserve"); b.text = instr
        c = OxmlElement("w:fldChar"); c.set(qn("w:fldCharType"), "separate")
        t = OxmlElement("w:t"); t.text = "1"
        e = OxmlElement("w:fldChar"); e.set(qn("w:fldCharType"), "end")
        for el in (a, b, c, t, e):
            run._r.append(el)

    fp = sec.footer.paragraphs[0]
    fp.add_run("Care Quality Commission    Page ")
    field(fp, "PAGE")
    fp.add_run(" of ")
    field(fp, "NUMPAGES")

    doc.add_paragraph("Care Quality Commission")
    doc.add_heading(F["council"], 0)
    doc.add_paragraph("Pilot local authority assessment" if pilot else "Local authority assessment")
    doc.add_paragraph(f"Published {fmt_date(F['published'], 'classic')}")
    doc.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
    doc.add_heading("Contents", 1)
    for i, t in enumerate(["Overall summary"] + [THEMES[t] for t in range(1, 5)], 1):
        doc.add_paragraph(f"{i}. {t}")
    doc.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
    doc.add_heading("Overall summary", 1)
    kt = doc.add_table(rows=0, cols=2)
    kt.style = "Table Grid"
    facts = [("Local authority", F["council"])]
    if pilot:
        facts.append(("Indicative rating", f"{F['rating']}: {BAND[{'Good': 3, 'Requires improvement': 2}[F['rating']]]}"))
    else:
        facts += [("Overall rating", F["rating"]), ("Overall score", f"{F['pct']}%")]
    for k, v in facts:
        row = kt.add_row().cells
        row[0].text, row[1].text = k, v
    doc.add_paragraph()
    lab = "Indicative score" if pilot else "Score"
    tb = doc.add_table(rows=1, cols=3)
    tb.style = "Table Grid"
    hdr = tb.rows[0].cells
    hdr[0].text, hdr[1].text, hdr[2].text = "Theme", "Quality statement", lab
    for t in range(1, 5):
        ns = [n for n, tt, _ in STATEMENTS if tt == t]
        first = None
        for i, n in enumerate(ns):
            cells = tb.add_row().cells
            if i == 0:
                first = cells[0]
                first.text = THEMES[t]
            else:
                first = first.merge(cells[0])
            cells[1].text = STMT[n][1]
            cells[2].text = str(sm[n]) if sm[n] is not None else "-"
    doc.add_heading("Summary of people's experiences", 2)
    for p in F["people"]:
        doc.add_paragraph(p)
    for t in range(1, 5):
        h = doc.add_heading(THEMES[t], 1)
        h.paragraph_format.page_break_before = True
        for n, tt, name in STATEMENTS:
            if tt != t:
                continue
            S = F["stm"][n]
            doc.add_heading(name, 2)
            if sm[n] is not None:
                doc.add_paragraph(f"{lab}: {sm[n]} - {BAND[sm[n]]}")
            doc.add_heading("What people expect", 3)
            for e in S["expect"]:
                doc.add_paragraph(e, style="List Bullet")
            doc.add_heading("The local authority commitment", 3)
            doc.add_paragraph(S["commitment"])
            doc.add_heading("Key findings for this quality statement", 3)
            for hd, paras in S["findings"]:
                doc.add_heading(hd, 4)
                for p in paras:
                    doc.add_paragraph(p)
    doc.save(path)


def make_pdf(F):
    eng = F["pdf"]
    if not eng:
        return
    os.makedirs(SCRATCH, exist_ok=True)
    slug = F["slug"]
    pub = d(F["published"])
    if eng == "chromium":
        name = f"LA_assessment_{F['council'].replace(' ', '_')}_{pub.strftime('%m%y')}.pdf"
        url = f"/sites/default/files/{pub.strftime('%Y-%m')}/{name}"
        src = os.path.join(SCRATCH, slug + ".html")
        open(src, "w", encoding="utf-8").write(pdf_html(F))
        out = os.path.join(SCRATCH, slug + ".pdf")
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--print-to-pdf={out}", "file://" + src], check=True, capture_output=True, timeout=120)
        engine = "Chromium 156 headless --print-to-pdf (Skia/PDF), from HTML with CSS @page margin boxes"
    elif eng == "weasyprint":
        import weasyprint
        name = f"{slug}-local-authority-assessment.pdf"
        url = f"/sites/default/files/{pub.strftime('%Y-%m')}/{name}"
        out = os.path.join(SCRATCH, slug + ".pdf")
        weasyprint.HTML(string=pdf_html(F)).write_pdf(out)
        engine = f"WeasyPrint {weasyprint.__version__}, from HTML (two-column key findings, hyphens:auto)"
    else:
        name = f"{pub.strftime('%Y%m%d')}-{F['council'].lower().replace(' ', '-')}-{'pilot-' if F['pilot'] else ''}assessment-report.pdf"
        url = f"/sites/default/files/documents/{name}"
        docx_path = os.path.join(SCRATCH, slug + ".docx")
        pdf_docx(F, docx_path)
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", SCRATCH, docx_path],
                       check=True, capture_output=True, timeout=180)
        out = os.path.join(SCRATCH, slug + ".pdf")
        engine = "LibreOffice 7.4 (writer_pdf_Export), from a .docx written with python-docx"
    rel = f"pdf/{name}"
    os.makedirs(os.path.join(SITE, "pdf"), exist_ok=True)
    shutil.copy(out, os.path.join(SITE, rel))
    routes[url] = {"file": rel, "type": "application/pdf"}
    F["_pdf_url"], F["_pdf_file"], F["_pdf_engine"] = url, rel, engine


# ------------------------------------------------------------------ keys

def stmt_key(F):
    out = {}
    for n in range(1, 10):
        S = F["stm"][n]
        out[str(n)] = {
            "what_people_expect": list(S["expect"]),
            "commitment": S["commitment"],
            "key_findings": [{"heading": h, "paragraphs": list(p)} for h, p in S["findings"]],
        }
    return out


def key_for(F, pages):
    scores = {str(n): s for n, s in F["scoremap"].items() if s is not None}
    if F["style"] in ("table", "dl", "redesign"):
        demo = [{"label": l, "value": v} for l, v in F["demographics"]]
    else:
        demo = [{"text": t} for t in F["demo_text"]]
    if F["finance_kv"]:
        fin = [{"label": l, "value": v} for l, v in F["finance_kv"]]
    else:
        fin = [{"text": t} for t in F["finance"]]
    last = max(page_updated(F, k) for k, *_ in pages)
    pdf = None
    if F.get("_pdf_url"):
        pdf = {"url": F["_pdf_url"], "engine": F["_pdf_engine"],
               "carries": {"rating": F["rating"], "overall_pct": F["pct"], "scores": scores,
                           "statements": stmt_key(F), "people_experience": list(F["people"])}}
    return {
        "slug": F["slug"],
        "url": f"{LIST}/{F['slug']}",
        "council": F["council"],
        "la_code": F["code"],
        "kind": F["kind"],
        "expect": {"not_loaded": F["not_loaded"]} if F.get("not_loaded") else "loads",
        "published": F["published"],
        "last_updated": last,
        "rating": F["rating"],
        "overall_pct": F["pct"],
        "scores": scores,
        "statements": stmt_key(F),
        "people_experience": list(F["people"]),
        "demographics": demo,
        "financial_facts": fin,
        "pdf": pdf,
    }


# ------------------------------------------------------------------ listing & stubs

IN_PROGRESS = ["Isle of Wight Council", "Rutland County Council", "Torbay Council"]


def listing(fams):
    formal = sorted([f for f in fams if not f["pilot"]], key=lambda f: f["published"], reverse=True)
    pilots = [f for f in fams if f["pilot"]]
    per = 6
    chunks = [formal[i:i + per] for i in range(0, len(formal), per)]
    last = len(chunks) - 1
    for pi, chunk in enumerate(chunks):
        rows = "".join(
            f'<div class="views-row"><article class="teaser teaser--la-report"><h3 class="teaser__title">'
            f'<a href="{LIST}/{f["slug"]}" hreflang="en">{esc(f["council"])}: local authority assessment</a></h3>'
            f'<p class="teaser__date">Published {fmt_date(f["published"], "classic")}</p></article></div>'
            for f in chunk)
        items = []
        if pi > 0:
            items.append(f'<li class="pager__item pager__item--first"><a href="?page=0" title="Go to first page"><span class="visually-hidden">First page</span><span aria-hidden="true">\u00ab First</span></a></li>')
            items.append(f'<li class="pager__item pager__item--previous"><a href="?page={pi - 1}" title="Go to previous page" rel="prev"><span class="visually-hidden">Previous page</span><span aria-hidden="true">\u2039 Previous</span></a></li>')
        for j in range(len(chunks)):
            if j == pi:
                items.append(f'<li class="pager__item is-active"><a href="?page={j}" title="Current page" aria-current="page"><span class="visually-hidden">Current page</span>{j + 1}</a></li>')
            else:
                items.append(f'<li class="pager__item"><a href="?page={j}" title="Go to page {j + 1}"><span class="visually-hidden">Page</span>{j + 1}</a></li>')
        if pi < last:
            items.append(f'<li class="pager__item pager__item--next"><a href="?page={pi + 1}" title="Go to next page" rel="next"><span class="visually-hidden">Next page</span><span aria-hidden="true">Next \u203a</span></a></li>')
            items.append(f'<li class="pager__item pager__item--last"><a href="?page={last}" title="Go to last page"><span class="visually-hidden">Last page</span><span aria-hidden="true">Last \u00bb</span></a></li>')
        pager = f'<nav class="pager" role="navigation" aria-labelledby="pagination-heading"><h4 id="pagination-heading" class="visually-hidden">Pagination</h4><ul class="pager__items js-pager__items">{"".join(items)}</ul></nav>'
        prog = "<ul>" + "".join(f"<li>{esc(n)}</li>" for n in IN_PROGRESS) + "</ul>"
        pil = "<ul>" + "".join(f'<li><a href="{LIST}/{f["slug"]}">{esc(f["council"])}: local authority assessment</a></li>' for f in pilots) + "</ul>"
        body = f"""<h1 class="page-title">Local authority assessment reports</h1>
<p>Read our assessments of how local authorities meet their duties under Part 1 of the Care Act 2014.</p>
<p>You can also <a href="/search/local-authority-assessments">search all local authority assessments</a>.</p>
<h2>Assessment reports</h2>
<div class="views-element-container"><div class="view view-la-assessment-reports view-display-id-page_1">
<div class="view-content">{rows}</div>
{pager}
</div></div>
<h2>Assessments in progress</h2>
<p>We are currently assessing these local authorities:</p>
{prog}
<h2>Pilot assessments</h2>
<p>We carried out pilot assessments of 5 local authorities in 2023. Ratings and scores from the pilots are indicative.</p>
{pil}"""
        url = LIST if pi == 0 else f"{LIST}?page={pi}"
        write(f"pages/listing/page-{pi}.html", shell(None, "Local authority assessment reports", body), url)
    # search page: the same list in one go
    rows = "".join(f'<li class="search-result"><a href="{LIST}/{f["slug"]}">{esc(f["council"])}: local authority assessment</a></li>'
                   for f in formal + pilots)
    write("pages/search.html", shell(None, "Search local authority assessments",
                                     f'<h1>Search results</h1><p>{len(formal) + len(pilots)} results</p><ol class="search-results">{rows}</ol>'),
          "/search/local-authority-assessments")


def stubs():
    write("pages/home.html", shell(None, "Home", f'<h1>Care Quality Commission</h1><p>The independent regulator of health and adult social care in England.</p><p><a href="{LIST}">Local authority assessments</a></p>'), "/")
    write("pages/care-services.html", shell(None, "Care services", f'<h1>Care services</h1><p><a href="{LIST}">Local authority assessment reports</a></p>'), "/care-services")
    write("assets/cqc.css", "body{font-family:Arial,sans-serif;max-width:1100px;margin:auto}.visually-hidden{position:absolute!important;clip:rect(1px,1px,1px,1px);overflow:hidden;height:1px;width:1px}\n", "/themes/custom/cqc/css/cqc.css", "text/css")
    write("assets/main.css", ".nhsuk-summary-list__row{display:flex}.visually-hidden{position:absolute!important;clip:rect(1px,1px,1px,1px);overflow:hidden;height:1px;width:1px}\n", "/themes/custom/cqc_nhs/dist/main.css", "text/css")
    write("assets/logo.svg", '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><text x="0" y="28" font-size="24">CQC</text></svg>\n', "/themes/custom/cqc/logo.svg", "image/svg+xml")
    write("assets/robots.txt", "User-agent: *\nDisallow: /admin/\n", "/robots.txt", "text/plain")


def main():
    for sub in ("pages", "pdf", "answers", "assets"):
        shutil.rmtree(os.path.join(SITE, sub), ignore_errors=True)
    fams = [build_family(f) for f in FAMILIES]
    for F in fams:
        make_pdf(F)
    os.makedirs(os.path.join(SITE, "answers"), exist_ok=True)
    for F in fams:
        pages = render_family(F, fams)
        with open(os.path.join(SITE, "answers", F["slug"] + ".json"), "w", encoding="utf-8") as fh:
            json.dump(key_for(F, pages), fh, indent=2, ensure_ascii=False)
            fh.write("\n")
    listing(fams)
    stubs()
    with open(os.path.join(SITE, "routes.json"), "w") as fh:
        json.dump(dict(sorted(routes.items())), fh, indent=1)
    print(len(routes), "routes")


if __name__ == "__main__":
    main()
