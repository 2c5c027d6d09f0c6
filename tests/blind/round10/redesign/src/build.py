"""Generate the round10 "redesign" blind site: pages, PDFs, routes.json and answer keys.

Run: /tmp/blind-redesign10/venv/bin/python src/build.py   (from the site directory)
"""
import html
import json
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
from data import (STATEMENTS, THEMES, THEME_OF, SCORE_PHRASE, RATING_PHRASE, build_families)  # noqa: E402

SITE = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
SCRATCH = "/tmp/blind-redesign10/work"
BASE = "/care-services/local-authority-assessment-reports"
E = html.escape

THEME_SEG = {1: "1-working-with-people", 2: "2-providing-support", 3: "3-ensuring-safety", 4: "4-leadership"}
STMT_SEG = {1: "assessing-needs", 2: "supporting-healthier-lives", 3: "equity-experiences-outcomes",
            4: "care-provision-integration-continuity", 5: "partnerships-communities",
            6: "safe-pathways-systems-transitions", 7: "safeguarding",
            8: "governance-management-sustainability", 9: "learning-improvement-innovation"}
LEGACY_SEG = {1: "theme1-needs", 2: "theme1-wellbeing", 3: "theme1-equity", 4: "theme2-care",
              5: "theme2-partnerships", 6: "theme3-pathways", 7: "theme3-safeguarding",
              8: "theme4-governance", 9: "theme4-learning"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]

routes = {}


def add_route(url, file, ctype="text/html; charset=utf-8"):
    routes[url] = {"file": file, "type": ctype}


def write_page(url, content):
    name = "pages/" + (url.strip("/").replace("/", "__") or "index") + ".html"
    path = os.path.join(SITE, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(content)
    add_route(url, name)


def fdate(d, variant):
    long = f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if variant == 1:
        return f'<time datetime="{d.isoformat()}">{long}</time>'
    if variant == 3:
        return f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}"
    return long


# ---------------------------------------------------------------- URL plan
def plan(f):
    """Return list of pages: dicts with key, url, title, statements."""
    slug = f["slug"]
    about = f"{BASE}/{slug}"
    pages = [{"key": "about", "url": about, "title": f"About {f['council']}", "stmts": []}]
    legacy = f["shape"] == "legacy"
    summ = f"{about}-summary" if legacy else f"{about}/overall-summary"
    pages.append({"key": "summary", "url": summ, "title": "Overall summary", "stmts": []})
    if f["grouping"] == "per":
        for s in range(1, 10):
            if legacy:
                u = f"{about}-{LEGACY_SEG[s]}"
            else:
                u = f"{about}/{THEME_SEG[THEME_OF[s]]}/{STMT_SEG[s]}"
            pages.append({"key": f"s{s}", "url": u, "title": STATEMENTS[s], "stmts": [s]})
    elif f["grouping"] == "theme":
        for t, tname, ss in THEMES:
            if legacy:
                u = f"{about}-theme{t}"
            elif f["kind"] == "pilot":
                u = f"{about}/{THEME_SEG[t]}"
            else:
                u = f"{about}/theme-{t}"
            pages.append({"key": f"t{t}", "url": u, "title": f"Theme {t}: {tname}", "stmts": ss, "theme": t})
    else:
        u = f"{about}-quality-statements" if legacy else f"{about}/quality-statements"
        pages.append({"key": "all", "url": u, "title": "Quality statements", "stmts": list(range(1, 10))})
    return pages


# ---------------------------------------------------------------- shared chrome
CSS = """body{font-family:Arial,sans-serif;margin:0;color:#0b0c0c}.govuk-width-container{max-width:960px;margin:0 auto;padding:0 15px}
.govuk-tag{display:inline-block;padding:2px 8px;background:#d2e2f1;font-weight:700}.govuk-visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.cqc-header{background:#1d2d5f;color:#fff;padding:10px 0}.cqc-header a{color:#fff}.govuk-summary-list{display:table;width:100%}.govuk-summary-list__row{display:table-row}
.govuk-summary-list__key,.govuk-summary-list__value{display:table-cell;padding:6px;border-bottom:1px solid #b1b4b6}table{border-collapse:collapse}td,th{border:1px solid #b1b4b6;padding:6px;text-align:left}
.govuk-panel{background:#00703c;color:#fff;padding:20px}.app-card{border:1px solid #b1b4b6;padding:12px;margin:8px 0}"""


def chrome(f, title, body, crumbs_extra=None):
    v = f["variant"]
    crumbs = [("Home", "/"), ("Local authority assessment reports", BASE)]
    if crumbs_extra:
        crumbs.append(crumbs_extra)
    crumb_html = "".join(
        f'<li class="govuk-breadcrumbs__list-item"><a class="govuk-breadcrumbs__link" href="{u}">{E(n)}</a></li>'
        for n, u in crumbs)
    legacy_body = v == 2
    main_cls = "layout-container" if legacy_body else "govuk-main-wrapper"
    return f"""<!DOCTYPE html>
<html lang="en-GB" class="govuk-template">
<head>
<meta charset="utf-8">
<title>{E(title)} | Care Quality Commission</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Drupal 10 (https://www.drupal.org)">
<style>{CSS}</style>
</head>
<body class="govuk-template__body path-node page-node-type-la-assessment">
<a href="#main-content" class="govuk-skip-link">Skip to main content</a>
<header class="cqc-header" role="banner"><div class="govuk-width-container">
<a href="/" class="cqc-header__logo">Care Quality Commission</a>
<nav aria-label="Menu"><ul class="cqc-header__nav"><li><a href="/">Home</a></li><li><a href="{BASE}">Local authority assessments</a></li><li><a href="https://www.gov.uk/government/organisations/care-quality-commission">CQC on GOV.UK</a></li></ul></nav>
</div></header>
<div class="govuk-width-container">
<nav class="govuk-breadcrumbs" aria-label="Breadcrumb"><ol class="govuk-breadcrumbs__list">{crumb_html}</ol></nav>
<main class="{main_cls}" id="main-content" role="main">
{body}
</main>
</div>
<footer class="govuk-footer" role="contentinfo"><div class="govuk-width-container">
<ul class="govuk-footer__inline-list"><li><a href="/">Home</a></li><li><a href="https://www.gov.uk/help/privacy-notice">Privacy</a></li></ul>
<p>&copy; Care Quality Commission</p></div></footer>
</body>
</html>
"""


def report_header(f, page, pdfinfo):
    v = f["variant"]
    pilot = f["kind"] == "pilot"
    title = f"{f['council']} assessment" if pilot else f"{f['council']}: local authority assessment"
    upd = f["last_updated"] if (f["updated_page"] and page["key"] == "summary") else f["published"]
    pub_s, upd_s = fdate(f["published"], v), fdate(upd, v)
    if pdfinfo:
        dl_items = f'<li><a href="{pdfinfo["url"]}" class="govuk-link">{E(title)} report (PDF, {pdfinfo["size"]})</a></li>'
    else:
        dl_items = None
    if v == 0:
        dates = f'<p class="govuk-body-s cqc-dates">Published: {pub_s} <span class="cqc-dates__sep">Page last updated: {upd_s}</span></p>'
        dl = (f'<aside class="app-downloads" aria-labelledby="dl-{page["key"]}"><h2 class="govuk-heading-s" id="dl-{page["key"]}">Downloads</h2>'
              + (f'<ul class="govuk-list">{dl_items}</ul>' if dl_items else '<p class="govuk-body-s">There are no downloads for this report yet.</p>') + "</aside>")
        return f'<div class="app-report-header"><span class="govuk-caption-l">Local authority assessment report</span><p class="govuk-heading-xl app-report-header__title">{E(title)}</p>{dates}{dl}</div>'
    if v == 1:
        dates = (f'<dl class="app-meta"><div><dt>Published:</dt> <dd>{pub_s}</dd></div> '
                 f'<div><dt>Page last updated:</dt> <dd>{upd_s}</dd></div></dl>')
        dl = ('<details class="govuk-details" open><summary class="govuk-details__summary"><span class="govuk-details__summary-text">Downloads</span></summary><div class="govuk-details__text">'
              + (f'<ul class="govuk-list govuk-list--bullet">{dl_items}</ul>' if dl_items else '<p>No downloads are available for this report.</p>') + "</div></details>")
        return f'<header class="app-report-header"><h1 class="govuk-heading-xl">{E(title)}</h1>{dates}{dl}</header>'
    if v == 2:
        dates = (f'<div class="field field--name-field-published"><span class="field__label">Published:</span> <span class="field__item">{pub_s}</span></div>'
                 f'<div class="field field--name-changed"><span class="field__label">Page last updated:</span> <span class="field__item">{upd_s}</span></div>')
        dl = ('<div class="block block-downloads"><h2 class="block__title">Downloads</h2>'
              + (f'<ul class="file-list">{dl_items.replace("govuk-link", "file file--mime-application-pdf")}</ul>' if dl_items else '<div class="field__item">No downloads</div>') + "</div>")
        return f'<div class="region region-header"><h1 class="page-title"><span class="field field--name-title">{E(title)}</span></h1>{dates}{dl}</div>'
    dates = f'<p class="app-dates"><strong>Published:</strong> {pub_s}<br><strong>Page last updated:</strong> {upd_s}</p>'
    dl = ('<section class="app-card app-downloads"><h2 class="app-card__heading">Downloads</h2>'
          + (f'<ul>{dl_items}</ul>' if dl_items else '<p>Downloads for this report will appear here.</p>') + "</section>")
    return f'<div class="app-hero"><h1>{E(title)}</h1>{dates}{dl}</div>'


def contents(f, pages, current):
    items = []
    for p in pages:
        label = "About this assessment" if p["key"] == "about" else p["title"]
        if p["key"] == current:
            items.append(f'<li class="govuk-contents__list-item govuk-contents__list-item--active" aria-current="page">{E(label)}</li>')
        else:
            items.append(f'<li class="govuk-contents__list-item"><a class="govuk-link" href="{p["url"]}">{E(label)}</a></li>')
    head = "Contents" if f["variant"] in (0, 3) else "In this report"
    return f'<nav class="govuk-contents" aria-label="{head}"><h2 class="govuk-contents__title">{head}</h2><ol class="govuk-contents__list">{"".join(items)}</ol></nav>'


def prevnext(pages, idx):
    out = '<nav class="govuk-pagination govuk-pagination--block" aria-label="Report pages">'
    if idx > 0:
        p = pages[idx - 1]
        out += f'<div class="govuk-pagination__prev"><a class="govuk-link govuk-pagination__link" href="{p["url"]}" rel="prev"><span class="govuk-pagination__link-title">Previous<span class="govuk-visually-hidden"> page</span></span><span class="govuk-visually-hidden">:</span> <span class="govuk-pagination__link-label">{E(p["title"])}</span></a></div>'
    if idx < len(pages) - 1:
        p = pages[idx + 1]
        out += f'<div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" href="{p["url"]}" rel="next"><span class="govuk-pagination__link-title">Next<span class="govuk-visually-hidden"> page</span></span><span class="govuk-visually-hidden">:</span> <span class="govuk-pagination__link-label">{E(p["title"])}</span></a></div>'
    return out + "</nav>"


def related(f, fams):
    others = [o for o in fams if o["slug"] != f["slug"] and o["special"] is None]
    idx = fams.index(f)
    pick = [others[(idx * 5 + k * 7) % len(others)] for k in range(3)]
    items = []
    for o in pick:
        if o["kind"] == "pilot":
            val = f"Indicative rating: {o['rating']}"
        elif f["variant"] in (0, 2):
            val = f"Rating: {o['rating']}, score {o['pct']}%"
        else:
            val = f"{o['rating']} ({o['pct']}%)"
        link = f"{o['council']}: local authority assessment" if o["kind"] == "formal" else f"{o['council']} assessment"
        items.append(f'<li class="app-related__item"><a class="govuk-link" href="{BASE}/{o["slug"]}">{E(link)}</a> <span class="app-related__meta">{E(val)}</span></li>')
    return f'<aside class="app-related" role="complementary"><h2 class="govuk-heading-m">Related content</h2><p>Other local authority assessments in {"the same region" if idx % 2 else "England"}:</p><ul class="govuk-list">{"".join(items)}</ul></aside>'


# ---------------------------------------------------------------- page bodies
def facts_block(items, v, heading, hl):
    out = f"<h{hl}>{E(heading)}</h{hl}>"
    labelled = [i for i in items if "label" in i]
    texts = [i for i in items if "text" in i]
    if labelled:
        if v in (0, 1):
            out += '<dl class="govuk-summary-list">' + "".join(
                f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{E(i["label"])}</dt><dd class="govuk-summary-list__value">{E(i["value"])}</dd></div>' for i in labelled) + "</dl>"
        elif v == 2:
            out += '<table class="app-facts"><thead><tr><th scope="col">Measure</th><th scope="col">Figure</th></tr></thead><tbody>' + "".join(
                f'<tr><th scope="row">{E(i["label"])}</th><td>{E(i["value"])}</td></tr>' for i in labelled) + "</tbody></table>"
        else:
            out += '<dl class="app-dl">' + "".join(f"<dt>{E(i['label'])}</dt><dd>{E(i['value'])}</dd>" for i in labelled) + "</dl>"
    if texts:
        out += '<ul class="govuk-list govuk-list--bullet">' + "".join(f"<li>{E(i['text'])}</li>" for i in texts) + "</ul>"
    return out


def about_body(f, v):
    pilot = f["kind"] == "pilot"
    hl = 2
    out = f'<h{hl} class="govuk-heading-l">About {E(f["council"])}</h{hl}>'
    out += f'<p class="govuk-body">Assessment published: {fdate(f["published"], v)}</p>'
    if pilot:
        sd = f["start_date"]
        out += f'<p class="govuk-body">Assessment start date: {fdate(sd, v)}</p>'
        out += '<div class="govuk-inset-text">This was one of five pilot assessments. The rating and scores are indicative.</div>'
    out += facts_block(f["demographics"], v, "Demographics", 3)
    out += facts_block(f["financial"], v, "Financial facts", 3)
    return out


def score_summary(f, v):
    """The nine statements with scores on the summary page."""
    pilot = f["kind"] == "pilot"
    sc = f["scores"]
    def val(s):
        if s not in sc:
            return "Score not available"
        return f"Indicative score: {sc[s]}" if pilot else f"Score: {sc[s]}"
    head = "Quality statement indicative scores" if pilot else "Quality statement scores"
    out = f"<h2>{head}</h2>"
    if v == 0:
        for t, tname, ss in THEMES:
            out += f'<h3 class="govuk-heading-s">{E(tname)}</h3><dl class="govuk-summary-list">'
            for s in ss:
                out += f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{E(STATEMENTS[s])}</dt><dd class="govuk-summary-list__value">{val(s)}</dd></div>'
            out += "</dl>"
    elif v == 1:
        out += '<table class="govuk-table"><caption class="govuk-table__caption govuk-visually-hidden">Scores for each quality statement, grouped by theme</caption><thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Theme</th><th scope="col" class="govuk-table__header">Quality statement</th><th scope="col" class="govuk-table__header">Score</th></tr></thead><tbody class="govuk-table__body">'
        for t, tname, ss in THEMES:
            for k, s in enumerate(ss):
                th = f'<th scope="rowgroup" rowspan="{len(ss)}" class="govuk-table__header">{E(tname)}</th>' if k == 0 else ""
                cell = (f'{sc[s]} <span class="govuk-visually-hidden">out of 4</span><span aria-hidden="true">/4</span>' if s in sc else "Not scored")
                out += f'<tr class="govuk-table__row">{th}<td class="govuk-table__cell">{E(STATEMENTS[s])}</td><td class="govuk-table__cell">{cell}</td></tr>'
        out += "</tbody></table>"
    elif v == 2:
        for t, tname, ss in THEMES:
            out += f'<div class="theme-scores"><h3>{E(tname)}</h3>'
            for s in ss:
                out += f'<div class="qs-score"><p class="qs-score__name">{E(STATEMENTS[s])}</p><p class="qs-score__value">{val(s)}</p></div>'
            out += "</div>"
    else:
        out += '<div class="app-card-group">'
        for s in range(1, 10):
            if s in sc:
                body = f'<strong class="govuk-tag">{sc[s]} - {SCORE_PHRASE[sc[s]]}</strong>'
            else:
                body = '<strong class="govuk-tag govuk-tag--grey">No score</strong>'
            out += f'<div class="app-card"><h3 class="app-card__heading">{E(STATEMENTS[s])}</h3><p>{body}</p></div>'
        out += "</div>"
    return out


def summary_body(f, v, pdfinfo):
    pilot = f["kind"] == "pilot"
    out = '<h2 class="govuk-heading-l">Overall summary</h2>'
    if pilot:
        out += f'<h3>Local authority indicative rating</h3><p>{E(f["council"])}</p><p><strong class="govuk-tag">{f["rating"]}: {RATING_PHRASE[f["rating"]]}</strong></p>'
    else:
        rword = f["rating"]
        if f["slug"] == "leicestercity-0725":
            rword = "Requires Improvement"
        if v == 0:
            out += f'<h3 class="govuk-heading-m">Local authority rating and score</h3><dl class="govuk-summary-list"><div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Local authority</dt><dd class="govuk-summary-list__value">{E(f["council"])}</dd></div><div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Rating</dt><dd class="govuk-summary-list__value"><strong class="govuk-tag">{rword}</strong></dd></div></dl><p class="govuk-body-l">Overall rating for {E(f["council"])}: <strong>{f["pct"]}%</strong></p>'
        elif v == 1:
            out += f'<div class="govuk-panel govuk-panel--confirmation"><h3 class="govuk-panel__title">Local authority rating and score</h3><div class="govuk-panel__body"><p>{E(f["council"])}</p><p class="app-rating">{rword}</p><p>Overall rating for {E(f["council"])}: {f["pct"]}%</p></div></div>'
        elif v == 2:
            out += f'<h3>Local authority rating and score</h3><p>{E(f["council"])}</p><p class="rating rating--{rword.lower().replace(" ", "-")}">{rword}</p><p>Overall rating for {E(f["council"])}: {f["pct"]}%</p>'
        else:
            out += f'<section class="app-card"><h3>Local authority rating and score</h3><p><strong>{E(f["council"])}</strong></p><p>Rating: <span class="govuk-tag">{rword}</span></p><p>Overall score: {f["pct"]}% <span class="govuk-visually-hidden">(the total of the nine quality statement scores as a percentage of the maximum)</span></p></section>'
    out += score_summary(f, v)
    if pdfinfo and v in (0, 3):
        out += f'<p class="govuk-body"><a class="govuk-link" href="{pdfinfo["url"]}">Download this report (PDF, {pdfinfo["size"]})</a></p>'
    out += "<h2>Summary of people's experiences</h2>" + "".join(f"<p>{E(p)}</p>" for p in f["people_experience"])
    out += "<h2>Summary of strengths, areas for development and next steps</h2>" + "".join(f"<p>{E(p)}</p>" for p in f["strengths"])
    return out


def stmt_score(f, s, v, hl):
    pilot = f["kind"] == "pilot"
    sc = f["scores"].get(s)
    if sc is None:
        return '<p class="app-score app-score--missing">Score: </p>'
    if pilot:
        return f'<p class="app-score__label">Indicative score:</p><p class="app-score__value">{sc} - {SCORE_PHRASE[sc]}</p>'
    if v == 0:
        return f'<p class="govuk-body-l app-score">Score: {sc}</p><p><strong class="govuk-tag">{sc} - {SCORE_PHRASE[sc]}</strong></p>'
    if v == 1:
        return (f'<dl class="govuk-summary-list app-score"><div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Score</dt><dd class="govuk-summary-list__value">{sc} out of 4</dd></div>'
                f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">What this score means</dt><dd class="govuk-summary-list__value">{SCORE_PHRASE[sc]}</dd></div></dl>')
    if v == 2:
        return f'<div class="field field--name-field-qs-score"><div class="field__label">Score:</div><div class="field__item">{sc}</div></div><p>{sc} - {SCORE_PHRASE[sc]}</p>'
    return (f'<table class="app-score-table"><caption>Score for this quality statement</caption><thead><tr><th scope="col">Score</th><th scope="col">Description</th></tr></thead>'
            f'<tbody><tr><td>{sc}</td><td>{SCORE_PHRASE[sc]}</td></tr></tbody></table>')


def findings_html(kf, hl):
    out = ""
    for block in kf:
        out += f"<h{hl}>{E(block['heading'])}</h{hl}>"
        paras = block["paragraphs"]
        i = 0
        while i < len(paras):
            p = paras[i]
            out += f"<p>{E(p)}</p>"
            if p.endswith(":"):
                out += '<ul class="govuk-list govuk-list--bullet">' + "".join(f"<li>{E(x)}</li>" for x in paras[i + 1:]) + "</ul>"
                break
            i += 1
    return out


def statement_html(f, s, v, hl, use_details=False, show_title=True):
    pilot = f["kind"] == "pilot"
    st = f["statements"][s]
    out = f'<h{hl} class="app-qs-title" id="qs-{s}">{E(STATEMENTS[s])}</h{hl}>' if show_title else ""
    out += stmt_score(f, s, v, hl)
    exp = '<ul class="govuk-list govuk-list--bullet">' + "".join(f"<li>{E(x)}</li>" for x in st["what_people_expect"]) + "</ul>"
    if use_details:
        out += f'<details class="govuk-details"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">What people expect</span></summary><div class="govuk-details__text">{exp}</div></details>'
    else:
        out += f"<h{hl + 1}>What people expect</h{hl + 1}>{exp}"
    ch = "The local authority commitment:" if pilot else "The local authority commitment"
    out += f'<h{hl + 1}>{ch}</h{hl + 1}><p class="app-commitment">{E(st["commitment"])}</p>'
    out += f"<h{hl + 1}>Key findings for this quality statement</h{hl + 1}>"
    out += findings_html(st["key_findings"], hl + 2)
    return out


def page_body(f, page, pages, idx, pdfinfo, fams):
    v = f["variant"]
    out = report_header(f, page, pdfinfo)
    layout_side = contents(f, pages, page["key"])
    k = page["key"]
    if k == "about":
        main = about_body(f, v)
    elif k == "summary":
        main = summary_body(f, v, pdfinfo)
    elif k.startswith("s"):
        s = page["stmts"][0]
        t = THEME_OF[s]
        main = f'<span class="govuk-caption-m">Theme {t}: {E(THEMES[t - 1][1])}</span>' + statement_html(f, s, v, 2, use_details=(v == 3))
    elif k.startswith("t"):
        t = page["theme"]
        main = f'<h2 class="govuk-heading-l">Theme {t}: {E(THEMES[t - 1][1])}</h2>'
        if v == 0:
            main += '<ul class="govuk-list app-jump">' + "".join(f'<li><a href="#qs-{s}">{E(STATEMENTS[s])}</a></li>' for s in page["stmts"]) + "</ul>"
        for s in page["stmts"]:
            main += f'<section class="app-qs">{statement_html(f, s, v, 3)}</section>'
    else:
        main = '<h2 class="govuk-heading-l">Quality statements</h2>'
        main += '<div class="govuk-accordion" data-module="govuk-accordion" id="accordion-qs">'
        for t, tname, ss in THEMES:
            main += f'<h3 class="app-theme-heading">{E(tname)}</h3>'
            for s in ss:
                main += (f'<div class="govuk-accordion__section"><div class="govuk-accordion__section-header">'
                         f'<h4 class="govuk-accordion__section-heading"><span class="govuk-accordion__section-button" id="accordion-qs-heading-{s}">{E(STATEMENTS[s])}</span></h4></div>'
                         f'<div class="govuk-accordion__section-content" id="accordion-qs-content-{s}">{statement_html(f, s, v, 5, show_title=False)}</div></div>')
        main += "</div>"
    if f["grouping"] == "per" or v == 1:
        main += prevnext(pages, idx)
    body = (f'{out}<div class="govuk-grid-row"><div class="govuk-grid-column-one-third">{layout_side}</div>'
            f'<div class="govuk-grid-column-two-thirds">{main}</div></div>{related(f, fams)}')
    crumb = None if k == "about" else (f["council"], pages[0]["url"])
    return chrome(f, page["title"] + " - " + f["council"], body, crumb)


# ---------------------------------------------------------------- listing
def listing(fams):
    formal = sorted([f for f in fams if f["kind"] == "formal"], key=lambda f: f["published"], reverse=True)
    pilots = [f for f in fams if f["kind"] == "pilot"]
    per = 6
    chunks = [formal[i:i + per] for i in range(0, len(formal), per)]
    n = len(chunks)
    in_progress = ["Cornwall Council", "Norfolk County Council", "Somerset Council", "Suffolk County Council"]
    for pi, chunk in enumerate(chunks):
        items = "".join(
            f'<li class="app-listing__item"><h3 class="govuk-heading-s"><a class="govuk-link" href="{BASE}/{f["slug"]}">{E(f["council"])}: local authority assessment</a></h3>'
            f'<p class="govuk-body-s">Published {f["published"].day} {["January","February","March","April","May","June","July","August","September","October","November","December"][f["published"].month-1]} {f["published"].year}</p></li>'
            for f in chunk)
        body = ('<h1 class="govuk-heading-xl">Local authority assessment reports</h1>'
                '<p class="govuk-body-l">Read our assessments of how local authorities meet their duties under Part 1 of the Care Act 2014.</p>'
                f'<h2 class="govuk-heading-l">Assessment reports</h2><p class="govuk-body-s">Showing {pi * per + 1} to {pi * per + len(chunk)} of {len(formal)} results, most recent first</p>'
                f'<ul class="govuk-list app-listing">{items}</ul>')
        if pi == n - 1:
            body += '<h2 class="govuk-heading-l">Assessments in progress</h2><ul class="govuk-list">' + "".join(f"<li>{E(x)}</li>" for x in in_progress) + "</ul>"
            body += '<h2 class="govuk-heading-l">Pilot assessments</h2><p>In 2023 we piloted our approach with five local authorities. Ratings were indicative.</p><ul class="govuk-list app-listing">' + "".join(
                f'<li><a class="govuk-link" href="{BASE}/{f["slug"]}">{E(f["council"])}: local authority assessment</a></li>' for f in pilots) + "</ul>"
        pag = '<nav class="govuk-pagination" aria-label="Pagination">'

        def href(i):
            return BASE if i == 0 else f"{BASE}?page={i}"
        if pi > 0:
            pag += f'<div class="govuk-pagination__prev"><a class="govuk-link govuk-pagination__link" href="{href(pi - 1)}" rel="prev"><span class="govuk-pagination__link-title">Previous<span class="govuk-visually-hidden"> page</span></span></a></div>'
        pag += '<ul class="govuk-pagination__list">'
        for i in range(n):
            if i == pi:
                pag += f'<li class="govuk-pagination__item govuk-pagination__item--current"><a class="govuk-link govuk-pagination__link" href="{href(i)}" aria-label="Page {i + 1}" aria-current="page">{i + 1}</a></li>'
            else:
                pag += f'<li class="govuk-pagination__item"><a class="govuk-link govuk-pagination__link" href="{href(i)}" aria-label="Page {i + 1}">{i + 1}</a></li>'
        pag += "</ul>"
        if pi < n - 1:
            pag += f'<div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" href="{href(pi + 1)}" rel="next"><span class="govuk-pagination__link-title">Next<span class="govuk-visually-hidden"> page</span></span></a></div>'
        pag += "</nav>"
        body += pag
        fake = {"variant": 0}
        page = chrome(fake, "Local authority assessment reports", body)
        url = BASE if pi == 0 else f"{BASE}?page={pi}"
        name = f"pages/listing-{pi}.html"
        with open(os.path.join(SITE, name), "w", encoding="utf-8") as fh:
            fh.write(page)
        add_route(url, name)
    home = chrome({"variant": 0}, "Care Quality Commission", f'<h1>Care Quality Commission</h1><p><a href="{BASE}">Local authority assessment reports</a></p>')
    with open(os.path.join(SITE, "pages/home.html"), "w", encoding="utf-8") as fh:
        fh.write(home)
    add_route("/", "pages/home.html")
    with open(os.path.join(SITE, "robots.txt"), "w") as fh:
        fh.write("User-agent: *\nDisallow: /search/\n")
    add_route("/robots.txt", "robots.txt", "text/plain; charset=utf-8")


# ---------------------------------------------------------------- keys
def key_for(f, pages, pdfinfo):
    pilot = f["kind"] == "pilot"
    if f["special"] == "pct_mismatch":
        expect = {"not_loaded": f"the summary prints {f['pct']}% (Good) but the nine scores sum to {f['total']}, i.e. {int(f['total'] / 36 * 100 + 0.5)}% (Requires improvement)"}
    elif f["special"] == "missing_score":
        expect = {"not_loaded": "Safe pathways, systems and transitions has no score: its page prints 'Score:' with no value and the summary card shows 'No score', so only eight of the nine scores are published and the printed 56% cannot be checked"}
    else:
        expect = "loads"
    stm = {str(s): f["statements"][s] for s in range(1, 10)}
    k = {
        "slug": f["slug"], "url": pages[0]["url"], "council": f["council"], "la_code": f["la_code"],
        "kind": f["kind"], "expect": expect, "published": f["published"].isoformat(),
        "last_updated": f["last_updated"].isoformat(), "rating": f["rating"],
        "overall_pct": None if pilot else f["pct"],
        "scores": {str(s): v for s, v in f["scores"].items()},
        "statements": stm, "people_experience": f["people_experience"],
        "demographics": f["demographics"], "financial_facts": f["financial"],
        "pdf": None,
    }
    if pdfinfo:
        k["pdf"] = {"url": pdfinfo["url"], "engine": pdfinfo["engine"], "carries": {
            "rating": f["rating"], "overall_pct": None if pilot else f["pct"],
            "scores": {str(s): v for s, v in f["scores"].items()},
            "statements": stm, "people_experience": f["people_experience"]}}
    return k


def main():
    from pdfs import make_pdf
    for d in ("pages", "pdf", "answers", "sites"):
        shutil.rmtree(os.path.join(SITE, d), ignore_errors=True)
    os.makedirs(os.path.join(SITE, "pages"))
    os.makedirs(os.path.join(SITE, "answers"))
    os.makedirs(SCRATCH, exist_ok=True)
    fams = build_families()
    for f in fams:
        pages = plan(f)
        pdfinfo = None
        if f["engine"]:
            pdfinfo = make_pdf(f, SITE, SCRATCH)
            add_route(pdfinfo["url"], pdfinfo["file"], "application/pdf")
        for i, p in enumerate(pages):
            write_page(p["url"], page_body(f, p, pages, i, pdfinfo, fams))
        with open(os.path.join(SITE, "answers", f["slug"] + ".json"), "w", encoding="utf-8") as fh:
            json.dump(key_for(f, pages, pdfinfo), fh, indent=2, ensure_ascii=False)
        f["_pages"] = pages
    listing(fams)
    with open(os.path.join(SITE, "routes.json"), "w") as fh:
        json.dump(routes, fh, indent=1, sort_keys=True)
    print(len(routes), "routes")


if __name__ == "__main__":
    main()
