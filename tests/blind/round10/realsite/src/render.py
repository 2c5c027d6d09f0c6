"""Render the realsite corpus: pages, routes.json, answers. PDFs are made by pdfs.py."""
import html
import re
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from data import STATEMENTS, THEMES, BAND, all_families, human_date  # noqa: E402

SITE = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
ROOT = "/care-services/local-authority-assessment-reports"
EXT = "https://www.cqc.org.uk"
E = lambda s: html.escape(s, quote=False)  # noqa: E731

RATING_PHRASE = {"Outstanding": "Evidence shows an exceptional standard", "Good": "Evidence shows a good standard",
                 "Requires improvement": "Evidence shows some shortfalls", "Inadequate": "Evidence shows significant shortfalls"}
THEME_SLUG = ["how-local-authority-works-people", "providing-support", "how-local-authority-ensures-safety", "leadership"]


def title(f):
    return f"{f['council']} assessment" if f["kind"] == "pilot" else f"{f['council']}: local authority assessment"


def pdf_url(f):
    if not f["pdf"]:
        return None
    y, m, _ = f["pub"].split("-")
    if f["pdf"] == "weasyprint":
        return f"/sites/default/files/{y}-{m}/{f['slug']}-local-authority-assessment-report.pdf"
    if f["pdf"] == "chromium":
        return f"/system/files/{y}-{m}/{f['council'].replace(' ', '_')}_local_authority_assessment.pdf"
    return f"/sites/default/files/documents/{f['slug'].lower()}_la_assessment_report_{y}{m}.pdf"


def pages_of(f):
    """List of (path, kind, title, payload)."""
    b = f"{ROOT}/{f['slug']}"
    out = [(b, "about", f"About {f['council']}", None)]
    g = f["group"]
    if f["kind"] == "pilot":
        out.append((b + "/overall-summary", "summary", "Overall summary", None))
        if g == "statement":
            for st in STATEMENTS:
                out.append((f"{b}/{st[4]}/{st[5]}", "stmt", st[2], [st]))
        elif g == "theme":
            for t in range(4):
                sts = [s for s in STATEMENTS if s[1] == t]
                out.append((f"{b}/{sts[0][4]}", "theme", THEMES[t], sts))
        else:
            out.append((b + "/quality-statements", "onepage", "Quality statements", list(STATEMENTS)))
        return out
    if g == "statement":
        out.append((b + "-summary", "summary", "Overall summary", None))
        for st in STATEMENTS:
            out.append((f"{b}-{st[3]}", "stmt", st[2], [st]))
    elif g == "theme":
        out.append((b + "/overall-summary", "summary", "Overall summary", None))
        for t in range(4):
            sts = [s for s in STATEMENTS if s[1] == t]
            out.append((f"{b}/theme-{t+1}-{THEME_SLUG[t]}", "theme", f"Theme {t+1}: {THEMES[t]}", sts))
    else:
        out.append((b + "/summary", "summary", "Overall summary", None))
        out.append((b + "/quality-statements", "onepage", "Quality statements", list(STATEMENTS)))
    return out


def fmt_date(f, iso):
    return human_date(iso, {"classic": "long", "summarylist": "long", "table": "short", "cards": "slash"}[f["tpl"]])


def meta_block(f, upd):
    p, u = f["pub"], upd
    t = f["tpl"]
    if t == "classic":
        return (f'<div class="field field--name-field-published"><p><span class="published">Published: {fmt_date(f, p)}</span>\n'
                f'<span class="updated">Page last updated: {fmt_date(f, u)}</span></p></div>')
    if t == "summarylist":
        return (f'<dl class="cqc-meta"><div><dt>Published:</dt> <dd><time datetime="{p}">{fmt_date(f, p)}</time></dd></div>'
                f'<div><dt>Page last updated:</dt> <dd><time datetime="{u}">{fmt_date(f, u)}</time></dd></div></dl>')
    if t == "table":
        return f'<p class="meta">Published: {fmt_date(f, p)} &nbsp; Page last updated: {fmt_date(f, u)}</p>'
    return (f'<p class="meta"><span>Published: <time datetime="{p}">{fmt_date(f, p)}</time></span> '
            f'<span class="sep" aria-hidden="true">|</span> <span>Page last updated: <time datetime="{u}">{fmt_date(f, u)}</time></span></p>')


def downloads(f):
    u = pdf_url(f)
    if u:
        size = "1.2 MB" if f["pdf"] == "weasyprint" else "864 KB"
        return (f'<div class="block block-downloads"><h2 class="block__title">Downloads</h2><ul class="file-list">'
                f'<li class="file file--mime-application-pdf"><a href="{u}" type="application/pdf">{E(title(f))} (PDF, {size})</a></li></ul></div>')
    return ('<div class="block block-downloads"><h2 class="block__title">Downloads</h2>'
            '<p>A downloadable version of this report is not available yet. '
            f'<a href="{EXT}/contact-us">Contact us</a> if you need it in another format.</p></div>')


def score_line(f, n, h):
    """Score markup for statement n on its own page."""
    s = f["scores"][n - 1]
    if s is None:
        return ""
    t = f["tpl"]
    if f["kind"] == "pilot":
        if t == "table":
            return (f'<table class="qs-score"><tr><th scope="row">Indicative score:</th><td>{s} - {BAND[s]}</td></tr></table>')
        return f'<div class="indicative-score"><p>Indicative score:</p><p>{s} - {BAND[s]}</p></div>'
    if t == "classic":
        return f'<p class="qs-score">Score: {s}</p>\n<p class="qs-band">{s} - {BAND[s]}</p>'
    if t == "summarylist":
        return (f'<dl class="govuk-summary-list"><div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Score</dt>'
                f'<dd class="govuk-summary-list__value"><strong class="govuk-tag">{s} out of 4</strong> {BAND[s]}</dd></div></dl>')
    if t == "table":
        return (f'<table class="qs-score"><thead><tr><th scope="col">Score</th><th scope="col">What this means</th></tr></thead>'
                f'<tbody><tr><td>{s}</td><td>{BAND[s]}</td></tr></tbody></table>')
    return f'<p class="qs-score"><strong><span class="visually-hidden">Score: </span>{s}/4</strong> &ndash; {BAND[s]}</p>'


def statement_block(f, st, h):
    n, _, name, *_ = st
    d = f["statements"][n]
    pilot = f["kind"] == "pilot"
    t = f["tpl"]
    o = [f'<h{h} id="qs-{n}">{E(name)}</h{h}>', score_line(f, n, h)]
    if t == "cards":
        o.append(f'<details class="cqc-details" open><summary>What people expect</summary><ul>'
                 + "".join(f"<li>{E(x)}</li>" for x in d["expect"]) + "</ul></details>")
        o.append(f'<details class="cqc-details" open><summary>The local authority commitment</summary><p>{E(d["commitment"])}</p></details>')
    elif t == "summarylist":
        o.append(f'<h{h+1}>What people expect</h{h+1}><div class="govuk-inset-text">'
                 + "".join(f"<p>{E(x)}</p>" for x in d["expect"]) + "</div>")
        o.append(f'<h{h+1}>The local authority commitment{":" if pilot else ""}</h{h+1}><blockquote><p>{E(d["commitment"])}</p></blockquote>')
    else:
        o.append(f'<h{h+1}>What people expect</h{h+1}><ul>' + "".join(f"<li>{E(x)}</li>" for x in d["expect"]) + "</ul>")
        o.append(f'<h{h+1}>The local authority commitment{":" if pilot else ""}</h{h+1}><p>{E(d["commitment"])}</p>')
    o.append(f'<h{h+1}>Key findings for this quality statement</h{h+1}>')
    for kf in d["findings"]:
        o.append(f'<h{h+2}>{E(kf["heading"])}</h{h+2}>' + "".join(f"<p>{E(p)}</p>" for p in kf["paragraphs"]))
    return "\n".join(x for x in o if x)


def summary_scores(f):
    t = f["tpl"]
    pilot = f["kind"] == "pilot"
    lab = "Indicative score" if pilot else "Score"
    rows = []
    if t == "table":
        r = ['<table class="qs-scores"><caption>Quality statement scores</caption><thead><tr><th scope="col">Theme</th>'
             f'<th scope="col">Quality statement</th><th scope="col">{lab}</th></tr></thead><tbody>']
        for st in STATEMENTS:
            s = f["scores"][st[0] - 1]
            first = st[0] in (1, 4, 6, 8)
            span = {0: 3, 1: 2, 2: 2, 3: 2}[st[1]]
            th = f'<th scope="rowgroup" rowspan="{span}">{E(THEMES[st[1]])}</th>' if first else ""
            r.append(f"<tr>{th}<td>{E(st[2])}</td><td>{s} - {BAND[s]}</td></tr>")
        r.append("</tbody></table>")
        return "\n".join(r)
    if t == "summarylist":
        r = ['<h3 class="govuk-heading-m">Quality statement scores</h3><dl class="govuk-summary-list">']
        for st in STATEMENTS:
            s = f["scores"][st[0] - 1]
            v = f'<strong class="govuk-tag">{lab}: {s}</strong>' if s is not None else '<span class="govuk-hint">Not published</span>'
            r.append(f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{E(st[2])}</dt>'
                     f'<dd class="govuk-summary-list__value">{v}</dd></div>')
        r.append("</dl>")
        return "\n".join(r)
    if t == "cards":
        r = ['<h3>Quality statement scores</h3><div class="card-grid">']
        for st in STATEMENTS:
            s = f["scores"][st[0] - 1]
            r.append(f'<div class="card card--score-{s}"><h4 class="card__title">{E(st[2])}</h4>'
                     f'<p class="card__score"><span class="visually-hidden">{lab}: </span>{s}</p><p class="card__band">{BAND[s]}</p></div>')
        r.append("</div>")
        return "\n".join(r)
    r = ['<h3>Quality statement scores</h3>']
    for st in STATEMENTS:
        s = f["scores"][st[0] - 1]
        r.append(f'<div class="qs-score-row"><p class="qs-name">{E(st[2])}</p><p class="qs-value">{lab}: {s}</p></div>')
    return "\n".join(r)


def summary_body(f):
    t = f["tpl"]
    o = []
    rating = f["rating"]
    if t == "table" and rating == "Requires improvement":
        rating_shown = "Requires Improvement"
    else:
        rating_shown = rating
    if f["kind"] == "pilot":
        o.append(f'<h3>Local authority indicative rating</h3><p class="la-name">{E(f["council"])}</p>'
                 f'<p class="la-rating">{rating_shown}: {RATING_PHRASE[rating]}</p>')
    else:
        pct = f["shown_pct"]
        pct_txt = f"{pct} per cent" if f["pct_style"] == "pc" else f"{pct}%"
        if t == "classic":
            o.append(f'<h3>Local authority rating and score</h3><p class="la-name">{E(f["council"])}</p><p class="la-rating">{rating_shown}</p>'
                     f'<p class="la-score">Overall rating for {E(f["council"])}: {pct_txt}</p>')
        elif t == "summarylist":
            o.append(f'<h3>Local authority rating and score</h3><div class="govuk-panel govuk-panel--confirmation">'
                     f'<p class="govuk-panel__body">{E(f["council"])}</p><h4 class="govuk-panel__title">{rating_shown}</h4>'
                     f'<p class="govuk-panel__body">Overall score: {pct_txt}</p></div>')
        elif t == "table":
            o.append(f'<h3>Local authority rating and score</h3><table class="la-rating"><tbody>'
                     f'<tr><th scope="row">Local authority</th><td>{E(f["council"])}</td></tr>'
                     f'<tr><th scope="row">Rating</th><td>{rating_shown}</td></tr>'
                     f'<tr><th scope="row">Overall score</th><td>{pct_txt}</td></tr></tbody></table>')
        else:
            o.append(f'<h3>Local authority rating and score</h3><div class="rating-card"><p>{E(f["council"])}</p>'
                     f'<p class="rating-badge rating-badge--{rating.split()[0].lower()}">{rating_shown}</p>'
                     f'<p class="overall-score"><span class="overall-score__value">{pct_txt}</span> overall score</p></div>')
    o.append(summary_scores(f))
    if f["pdf"]:
        o.append(f'<p><a href="{pdf_url(f)}">Download this report (PDF, 1.2MB)</a></p>')
    o.append("<h3>Summary of people's experiences</h3>" + "".join(f"<p>{E(p)}</p>" for p in f["people"]))
    o.append("<h3>Summary of strengths, areas for development and next steps</h3>" + "".join(f"<p>{E(p)}</p>" for p in f["strengths"]))
    return "\n".join(o)


def facts_list(f, items, heading):
    t = f["tpl"]
    if items and "label" in items[0]:
        if t == "table":
            return (f"<h3>{heading}</h3><table class='facts'><thead><tr><th>Measure</th><th>Value</th></tr></thead><tbody>"
                    + "".join(f"<tr><th scope='row'>{E(i['label'])}</th><td>{E(i['value'])}</td></tr>" for i in items) + "</tbody></table>")
        return (f"<h3>{heading}</h3><dl class='govuk-summary-list'>"
                + "".join(f"<div class='govuk-summary-list__row'><dt class='govuk-summary-list__key'>{E(i['label'])}</dt>"
                          f"<dd class='govuk-summary-list__value'>{E(i['value'])}</dd></div>" for i in items) + "</dl>")
    return f"<h3>{heading}</h3><ul>" + "".join(f"<li>{E(i['text'])}</li>" for i in items) + "</ul>"


def about_body(f):
    o = [f"<h2>About {E(f['council'])}</h2>"]
    if f["kind"] == "pilot":
        o.append(f"<p>Assessment start date: {fmt_date(f, f['start'])}</p>")
    o.append(f"<p>Assessment published: {fmt_date(f, f['pub'])}</p>")
    o.append(facts_list(f, f["demographics"], "Demographics"))
    o.append(facts_list(f, f["financial"], "Financial facts"))
    return "\n".join(o)


def related(f, fams):
    others = [g for g in fams if g["kind"] == f["kind"] and g["slug"] != f["slug"] and "notload" not in g]
    i = [g["slug"] for g in fams].index(f["slug"])
    picks = (others[i % len(others):] + others)[:3]
    li = []
    for g in picks:
        if g["kind"] == "pilot":
            txt = f"{g['council']}: indicative rating {g['rating']}"
        else:
            txt = f"{g['council']}: {g['rating']} ({g['pct']}%)"
        li.append(f'<li><a href="{ROOT}/{g["slug"]}">{E(txt)}</a></li>')
    li.append(f'<li><a href="{EXT}/publications/major-reports/local-authority-assessments-overview">Local authority assessments: what we found</a></li>')
    return ('<aside class="related-content" aria-labelledby="related-h"><h2 id="related-h">Related content</h2><ul>'
            + "".join(li) + "</ul></aside>")


def layout(f, fams, pages, idx, body):
    path, kind, ptitle, _ = pages[idx]
    upd = f["upd"] if kind == "summary" else f["pub"]
    t = f["tpl"]
    crumbs = (f'<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="{EXT}/">Home</a></li>'
              f'<li><a href="{EXT}/care-services">Care services</a></li>'
              f'<li><a href="{ROOT}">Local authority assessment reports</a></li>'
              + (f'<li><a href="{ROOT}/{f["slug"]}">{E(f["council"])}</a></li>' if idx else "") + "</ol></nav>")
    toc = ['<nav class="report-contents" aria-label="Report contents"><h2 class="visually-hidden">Contents</h2><ol>']
    for j, (p, k, tt, _) in enumerate(pages):
        if j == idx:
            toc.append(f'<li class="is-active"><span aria-current="page">{E(tt)}</span></li>')
        else:
            toc.append(f'<li><a href="{p}">{E(tt)}</a></li>')
    toc.append("</ol></nav>")
    pn = ['<nav class="pager-prevnext" aria-label="Pagination">']
    if idx > 0:
        pn.append(f'<a class="prev" rel="prev" href="{pages[idx-1][0]}">Previous<span class="visually-hidden">:</span> <span class="label">{E(pages[idx-1][2])}</span></a>')
    if idx < len(pages) - 1:
        pn.append(f'<a class="next" rel="next" href="{pages[idx+1][0]}">Next<span class="visually-hidden">:</span> <span class="label">{E(pages[idx+1][2])}</span></a>')
    pn.append("</nav>")
    htag = "h1"
    header = (f'<div class="la-report-header">' + (f'<{htag} class="page-title">{E(title(f))}</{htag}>' if t != "summarylist"
              else f'<p class="govuk-caption-xl">{E(title(f))}</p>') + meta_block(f, upd) + downloads(f) + "</div>")
    if t == "summarylist":
        body = re.sub(r"^<h2([^>]*)>(.*?)</h2>", r"<h1 class='govuk-heading-l'\1>\2</h1>", body, count=1, flags=re.S)
    css = {"classic": "cqc-classic", "summarylist": "govuk-template", "table": "cqc-2024", "cards": "cqc-2025"}[t]
    return f"""<!DOCTYPE html>
<html lang="en" dir="ltr" class="{css}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{E(ptitle)} - {E(title(f))} | Care Quality Commission</title>
<link rel="canonical" href="{EXT}{path}">
<meta name="Generator" content="Drupal 10 (https://www.drupal.org)">
</head>
<body class="path-node page-node-type-la-assessment">
<a href="#main-content" class="visually-hidden focusable skip-link">Skip to main content</a>
<header class="site-header" role="banner"><a href="{EXT}/" class="site-logo">Care Quality Commission</a>
<nav class="main-nav"><ul><li><a href="{EXT}/care-services">Find and compare services</a></li><li><a href="{EXT}/guidance-regulation">Guidance and regulation</a></li><li><a href="{EXT}/about-us">About us</a></li></ul></nav>
<form action="{EXT}/search" class="site-search"><label for="s" class="visually-hidden">Search</label><input id="s" name="keys"></form></header>
{crumbs}
<main id="main-content" role="main">
<div class="layout-content">
{header}
<div class="report-layout"><div class="report-layout__sidebar">{"".join(toc)}</div>
<div class="report-layout__main">
{body}
{''.join(pn)}
</div></div>
{related(f, fams)}
</div>
</main>
<footer class="site-footer"><ul><li><a href="{EXT}/accessibility">Accessibility</a></li><li><a href="{EXT}/about-us/our-policies/privacy-statement">Privacy</a></li></ul>
<p>&copy; Care Quality Commission</p></footer>
</body>
</html>
"""


def body_for(f, page):
    _, kind, ptitle, sts = page
    t = f["tpl"]
    if kind == "about":
        return about_body(f)
    if kind == "summary":
        return "<h2>Overall summary</h2>\n" + summary_body(f)
    if kind == "stmt":
        return statement_block(f, sts[0], 2)
    if kind == "theme":
        return f"<h2>{E(ptitle)}</h2>\n" + "\n".join(statement_block(f, s, 3) for s in sts)
    # onepage
    o = [f"<h2>Quality statements</h2>"]
    o.append('<nav class="contents-list" aria-label="On this page"><h3>On this page</h3><ol>'
             + "".join(f'<li><a href="#qs-{s[0]}">{E(s[2])}</a></li>' for s in sts) + "</ol></nav>")
    if t == "cards" or t == "summarylist":
        o.append('<div class="govuk-accordion" data-module="govuk-accordion" id="qs-accordion">')
        cur = None
        for s in sts:
            if s[1] != cur:
                cur = s[1]
                o.append(f'<h3 class="theme-heading">{E(THEMES[cur])}</h3>')
            o.append(f'<div class="govuk-accordion__section"><div class="govuk-accordion__section-content">'
                     f'{statement_block(f, s, 4)}</div></div>')
        o.append("</div>")
    else:
        for s in sts:
            o.append(f'<section class="qs-section">{statement_block(f, s, 3)}</section>')
    return "\n".join(o)


def listing(fams):
    formal = [f for f in fams if f["kind"] == "formal"]
    formal.sort(key=lambda f: f["pub"], reverse=True)
    pilots = [f for f in fams if f["kind"] == "pilot"]
    in_progress = ["Cornwall Council", "Hampshire County Council", "Norfolk County Council", "Sheffield City Council",
                   "Cumberland Council", "Plymouth City Council"]
    per = 7
    chunks = [formal[i:i + per] for i in range(0, len(formal), per)]
    npages = len(chunks)
    out = {}
    for p, ch in enumerate(chunks):
        o = ["<h2>Assessment reports</h2>", '<div class="view-content"><ul class="search-results">']
        for f in ch:
            o.append(f'<li class="views-row"><h3 class="result__title"><a href="{ROOT}/{f["slug"]}">{E(f["council"])}: local authority assessment</a></h3>'
                     f'<p class="result__meta">Published: {human_date(f["pub"])}</p></li>')
        o.append("</ul></div>")
        pg = ['<nav class="pager" role="navigation" aria-labelledby="pagination-heading"><h4 id="pagination-heading" class="visually-hidden">Pagination</h4><ul class="pager__items js-pager__items">']
        if p > 0:
            pg.append(f'<li class="pager__item pager__item--first"><a href="?page=0" title="Go to first page">&laquo; First</a></li>')
            pg.append(f'<li class="pager__item pager__item--previous"><a href="?page={p-1}" title="Go to previous page" rel="prev">&lsaquo; Previous</a></li>')
        for q in range(npages):
            if q == p:
                pg.append(f'<li class="pager__item is-active"><a href="?page={q}" title="Current page" aria-current="page"><span class="visually-hidden">Current page</span>{q+1}</a></li>')
            else:
                pg.append(f'<li class="pager__item"><a href="?page={q}" title="Go to page {q+1}"><span class="visually-hidden">Page</span>{q+1}</a></li>')
        if p < npages - 1:
            pg.append(f'<li class="pager__item pager__item--next"><a href="?page={p+1}" title="Go to next page" rel="next">Next &rsaquo;</a></li>')
            pg.append(f'<li class="pager__item pager__item--last"><a href="?page={npages-1}" title="Go to last page">Last &raquo;</a></li>')
        pg.append("</ul></nav>")
        o.append("".join(pg))
        if p == npages - 1:
            o.append("<h2>Assessments in progress</h2><ul class='in-progress'>" + "".join(f"<li>{n}</li>" for n in in_progress) + "</ul>")
            o.append("<h2>Pilot assessments</h2><p>We carried out pilot assessments of 5 local authorities in 2023. Their ratings and scores are indicative.</p><ul>"
                     + "".join(f'<li><a href="{ROOT}/{f["slug"]}">{E(f["council"])} assessment</a></li>' for f in pilots)
                     + "<li>North Lincolnshire Council</li><li>Suffolk County Council</li></ul>")
        body = "\n".join(o)
        out[p] = f"""<!DOCTYPE html>
<html lang="en" dir="ltr"><head><meta charset="utf-8"><title>Local authority assessment reports | Care Quality Commission</title>
<meta name="Generator" content="Drupal 10 (https://www.drupal.org)"></head>
<body class="path-care-services"><header class="site-header"><a href="{EXT}/">Care Quality Commission</a></header>
<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="{EXT}/">Home</a></li><li><a href="{EXT}/care-services">Care services</a></li></ol></nav>
<main id="main-content"><h1>Local authority assessment reports</h1>
<p>Read our reports on how local authorities meet their duties under Part 1 of the Care Act 2014.</p>
<p><a href="{EXT}/search/all?filters[]=archived:false&amp;filters[]=lat:1">Search all local authority assessments</a></p>
{body}
</main><footer class="site-footer"><p>&copy; Care Quality Commission</p></footer></body></html>
"""
    return out


def key_for(f):
    pages = pages_of(f)
    k = {"slug": f["slug"], "url": f"{ROOT}/{f['slug']}", "council": f["council"], "la_code": f["la"], "kind": f["kind"],
         "expect": "loads" if "notload" not in f else {"not_loaded": f["notload"]},
         "published": f["pub"], "last_updated": max(f["upd"], f["pub"]),
         "rating": f["rating"], "overall_pct": f["shown_pct"] if f["kind"] == "formal" else None,
         "scores": {str(i + 1): s for i, s in enumerate(f["scores"]) if s is not None},
         "statements": {}, "people_experience": f["people"],
         "demographics": f["demographics"], "financial_facts": f["financial"], "pdf": None}
    for n, d in f["statements"].items():
        k["statements"][str(n)] = {"what_people_expect": d["expect"], "commitment": d["commitment"],
                                  "key_findings": d["findings"]}
    return k


def main():
    fams = all_families()
    routes = {}
    os.makedirs(f"{SITE}/pages", exist_ok=True)
    os.makedirs(f"{SITE}/answers", exist_ok=True)
    lst = listing(fams)
    for p, h in lst.items():
        fn = f"pages/listing-page-{p}.html"
        open(f"{SITE}/{fn}", "w").write(h)
        routes[f"{ROOT}?page={p}"] = {"file": fn, "type": "text/html; charset=utf-8"}
        if p == 0:
            routes[ROOT] = {"file": fn, "type": "text/html; charset=utf-8"}
    for f in fams:
        pages = pages_of(f)
        for i, pg in enumerate(pages):
            fn = "pages/" + pg[0][len(ROOT) + 1:].replace("/", "__") + ".html"
            open(f"{SITE}/{fn}", "w").write(layout(f, fams, pages, i, body_for(f, pg)))
            routes[pg[0]] = {"file": fn, "type": "text/html; charset=utf-8"}
        k = key_for(f)
        if f["pdf"]:
            u = pdf_url(f)
            fn = "pdf/" + os.path.basename(u)
            routes[u] = {"file": fn, "type": "application/pdf"}
            eng = {"weasyprint": "WeasyPrint 70.0 (HTML to PDF)", "chromium": "Chromium 156 headless print-to-pdf (HTML)",
                   "libreoffice": "LibreOffice 7.4 (writer_pdf_Export, from a .docx made with python-docx)"}[f["pdf"]]
            carries = {"rating": f["rating"], "overall_pct": f["shown_pct"] if f["kind"] == "formal" else None,
                       "scores": k["scores"], "statements": k["statements"], "people_experience": k["people_experience"]}
            if f["pdf"] in ("weasyprint", "chromium"):
                carries["demographics"] = k["demographics"]
                carries["financial_facts"] = k["financial_facts"]
            k["pdf"] = {"url": u, "engine": eng, "carries": carries}
        json.dump(k, open(f"{SITE}/answers/{f['slug']}.json", "w"), indent=1, ensure_ascii=False)
    routes["/robots.txt"] = {"file": "robots.txt", "type": "text/plain"}
    open(f"{SITE}/robots.txt", "w").write("User-agent: *\nDisallow: /search/\nDisallow: /user/\n")
    json.dump(routes, open(f"{SITE}/routes.json", "w"), indent=1)
    json.dump([{k: v for k, v in f.items()} for f in fams], open("/tmp/blind-realsite10/fams.json", "w"), default=str)
    print(len(routes), "routes")


if __name__ == "__main__":
    main()
