"""Generator for the wagtail blind site: pages, PDFs (pdfs.py), routes.json and answer keys.

Run: /tmp/blind-wagtail/venv/bin/python src/build.py   (from the site directory)
"""
import html
import json
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from content import BANDS, STATEMENTS, THEMES, statement_texts, people_experience, strengths_summary  # noqa: E402
from families import FAMILIES, demographics, financial_facts  # noqa: E402
import pdfs  # noqa: E402

SITE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BASE = "/care-services/local-authority-assessment-reports"
e = html.escape
ROUTES = {}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]

STMT = {n: dict(theme=t, name=nm, slug=sl, legacy=lg) for n, t, nm, sl, lg in STATEMENTS}
THEME_SLUGS = {
    "v2": {1: "how-the-local-authority-works-with-people", 2: "providing-support",
           3: "how-the-local-authority-ensures-safety-within-the-system", 4: "leadership"},
    "v3": {1: "theme-1-working-with-people", 2: "theme-2-providing-support",
           3: "theme-3-ensuring-safety", 4: "theme-4-leadership"},
    "pilot": {1: "1-working-with-people", 2: "2-providing-support", 3: "3-ensuring-safety", 4: "4-leadership"},
}


def fdate(f, d, style=None):
    style = style or f["date_style"]
    if style == "short":
        txt = f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}"
    elif style == "numeric":
        txt = d.strftime("%d/%m/%Y")
    else:
        txt = f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    return f'<time datetime="{d.isoformat()}">{txt}</time>'


def header_title(f):
    return f"{f['council']} assessment" if f["kind"] == "pilot" else f"{f['council']}: local authority assessment"


# ---------------------------------------------------------------- page plan
def plan(f):
    """[(key, path, nav title, statements on the page)]"""
    s, L = f["slug"], f["layout"]
    b = f"{BASE}/{s}"
    pages = [("about", b, f"About {f['council']}", [])]
    summ = {"v1": f"{b}-summary", "v2": f"{b}/overall-summary", "v3": f"{b}/summary", "pilot": f"{b}/overall-summary"}[L]
    pages.append(("summary", summ, "Overall summary", []))
    g = f["grouping"]
    if g == "statement":
        for n in range(1, 10):
            st = STMT[n]
            if L == "v1":
                p = f"{b}-{st['legacy']}"
            elif L == "pilot":
                p = f"{b}/{THEME_SLUGS['pilot'][st['theme']]}/{st['slug'].replace('-and-', '-')}"
            else:
                p = f"{b}/theme-{st['theme']}/{st['slug']}"
            pages.append((f"qs-{n}", p, st["name"], [n]))
    elif g == "theme":
        for t in range(1, 5):
            p = f"{b}/{THEME_SLUGS[L][t]}"
            pages.append((f"theme-{t}", p, THEMES[t], [n for n in range(1, 10) if STMT[n]["theme"] == t]))
    else:
        pages.append(("qs-all", f"{b}/quality-statements", "Quality statements", list(range(1, 10))))
    printp = {"v1": f"{b}-full-report", "v2": f"{b}/print", "v3": f"{b}/view-as-single-page", "pilot": f"{b}/print"}[L]
    pages.append(("print", printp, "View as single page", list(range(1, 10))))
    return pages


# ---------------------------------------------------------------- blocks
SVG_LOGO = ('<svg class="site-logo" role="img" aria-labelledby="logo-title" viewBox="0 0 120 40" width="120" height="40">'
            '<title id="logo-title">Care Quality Commission</title><rect width="120" height="40" fill="#1e1e50"/>'
            '<path d="M10 20h100" stroke="#fff" stroke-width="4"/></svg>')


def svg_icon(title, ident, shape="circle"):
    body = '<circle cx="12" cy="12" r="10"/>' if shape == "circle" else '<path d="M4 4h16v16H4z"/>'
    return (f'<svg class="icon icon--{shape}" role="img" aria-labelledby="{ident}" viewBox="0 0 24 24" width="24" height="24" focusable="false">'
            f'<title id="{ident}">{e(title)}</title>{body}</svg>')


def downloads_block(f):
    L = f["layout"]
    if f.get("pdf_url"):
        label = f"{f['council']} local authority assessment report"
        if L == "v1":
            return (f'<div class="block-downloads"><h2>Downloads</h2><ul><li><a href="{f["pdf_url"]}">{e(label)} (PDF)</a></li></ul></div>')
        if L == "v3":
            return ('<aside class="card card--downloads" aria-labelledby="downloads-title"><h2 id="downloads-title" class="card__title">Downloads</h2>'
                    f'<ul class="document-list"><li class="document-list__item">{svg_icon("PDF document", "pdf-icon", "square")}'
                    f'<a class="document-list__link" href="{f["pdf_url"]}">{e(label)}</a> '
                    f'<span class="document-list__meta">PDF, {f["pdf_size"]}</span></li></ul></aside>')
        return ('<aside class="downloads"><h2 class="downloads__title">Downloads</h2><ul class="document-list">'
                f'<li class="document-list__item">{svg_icon("PDF", "pdf-icon", "square")} <a href="{f["pdf_url"]}" class="document-list__link">{e(label)}</a>'
                f' <span class="document-list__meta">(PDF, {f["pdf_size"]})</span></li></ul></aside>')
    msg = "An accessible PDF version of this report will be added here."
    if L == "v1":
        return f'<div class="block-downloads"><h2>Downloads</h2><p>{msg}</p></div>'
    if L == "v3":
        return f'<aside class="card card--downloads"><h2 class="card__title">Downloads</h2><p>{msg}</p></aside>'
    return f'<aside class="downloads"><h2 class="downloads__title">Downloads</h2><p class="downloads__empty">{msg}</p></aside>'


def report_header(f, key):
    L = f["layout"]
    upd = f["page_updates"].get(key, f["updated"])
    if key == "print":
        upd = f["last_updated"]
    title = e(header_title(f))
    if L == "v1":
        dates = f'<p class="report-dates">Published: {fdate(f, f["published"])} Page last updated: {fdate(f, upd)}</p>'
        return f'<div class="report-header"><h1>{title}</h1>{dates}{downloads_block(f)}</div>'
    if L == "v2":
        dates = ('<dl class="report-meta"><div class="report-meta__item"><dt>Published:</dt>'
                 f'<dd>{fdate(f, f["published"])}</dd></div><div class="report-meta__item"><dt>Page last updated:</dt>'
                 f'<dd>{fdate(f, upd)}</dd></div></dl>')
        return (f'<header class="report-hero"><span class="report-hero__caption">Local authority assessment report</span>'
                f'<h1 class="report-hero__title">{title}</h1>{dates}{downloads_block(f)}</header>')
    if L == "v3":
        dates = (f'<ul class="masthead__meta"><li>Published: {fdate(f, f["published"])}</li>'
                 f'<li>Page last updated: {fdate(f, upd)}</li></ul>')
        return (f'<div class="masthead"><p class="masthead__title">{title}</p>{dates}</div>{downloads_block(f)}')
    dates = f'<p class="pilot-dates">Published: {fdate(f, f["published"])}<br>Page last updated: {fdate(f, upd)}</p>'
    return (f'<div class="report-header report-header--pilot"><h1>{title}</h1>'
            '<p class="report-header__note">This was a pilot assessment. Ratings and scores are indicative.</p>'
            f'{dates}{downloads_block(f)}</div>')


def breadcrumbs(f, key, ptitle):
    crumbs = [("/", "Home"), ("/care-services", "Care services"), (BASE, "Local authority assessment reports")]
    if key != "about":
        crumbs.append((f"{BASE}/{f['slug']}", f["council"]))
    items = "".join(f'<li class="breadcrumb__item"><a href="{h}">{e(t)}</a></li>' for h, t in crumbs)
    cur = f["council"] if key == "about" else ptitle
    return f'<nav class="breadcrumb" aria-label="Breadcrumb"><ol>{items}<li class="breadcrumb__item" aria-current="page">{e(cur)}</li></ol></nav>'


def contents_nav(f, key):
    items = []
    for k, p, t, _ in plan(f):
        if k == "print":
            continue
        if k == key:
            items.append(f'<li class="contents__item contents__item--active" aria-current="page">{e(t)}</li>')
        else:
            items.append(f'<li class="contents__item"><a href="{p}">{e(t)}</a></li>')
    pr = [p for k, p, _, _ in plan(f) if k == "print"][0]
    L = f["layout"]
    head = {"v1": "<h2>Contents</h2>", "v2": '<h2 class="contents__title">In this report</h2>',
            "v3": '<h2 class="visually-hidden">Report contents</h2>', "pilot": "<h2>Contents</h2>"}[L]
    tag = "ol" if L in ("v1", "pilot") else "ul"
    return (f'<nav class="contents" aria-label="Report contents">{head}<{tag}>{"".join(items)}</{tag}>'
            f'<p class="contents__print"><a href="{pr}">View as single page</a> (print-friendly)</p></nav>')


def prevnext(f, key):
    pl = [x for x in plan(f) if x[0] != "print"]
    idx = [i for i, x in enumerate(pl) if x[0] == key]
    if not idx:
        return ""
    i = idx[0]
    out = []
    if i > 0:
        out.append(f'<div class="pagination__prev"><a href="{pl[i - 1][1]}" rel="prev">Previous<span class="visually-hidden"> page</span>: {e(pl[i - 1][2])}</a></div>')
    if i < len(pl) - 1:
        out.append(f'<div class="pagination__next"><a href="{pl[i + 1][1]}" rel="next">Next<span class="visually-hidden"> page</span>: {e(pl[i + 1][2])}</a></div>')
    return f'<nav class="pagination pagination--report" aria-label="Report pages">{"".join(out)}</nav>'


def related(f):
    others = [o for o in FAMILIES if o is not f and o["kind"] == f["kind"]]
    others.sort(key=lambda o: (o["region"] != f["region"], abs((o["published"] - f["published"]).days)))
    others = others[:3]
    L = f["layout"]
    items = []
    for o in others:
        link = f'<a href="{BASE}/{o["slug"]}">{e(header_title(o))}</a>'
        if o["kind"] == "pilot":
            desc = f"Indicative rating: {o['rating']}"
        else:
            r = o["rating"].title() if L == "v3" else o["rating"]
            desc = f"Rated {r}, overall score {o['pct']}%"
        if L == "v2":
            items.append(f'<li class="card card--related"><h3 class="card__title">{link}</h3><p class="card__meta">{e(desc)}</p></li>')
        else:
            items.append(f"<li>{link} &ndash; {e(desc)}</li>")
    if f["kind"] == "pilot":
        items.append("<li>North Lincolnshire Council &ndash; indicative rating Good</li>")
        items.append("<li>Suffolk County Council &ndash; indicative rating Good</li>")
    else:
        items.append("<li>Cheshire East Council &ndash; Good (75%), published May 2025</li>")
    head = {"v1": "Related content", "v2": "Other local authority assessments", "v3": "You might also be interested in",
            "pilot": "Other pilot assessments"}[L]
    cls = "card-grid" if L == "v2" else "related-list"
    return f'<aside class="related" aria-labelledby="related-title"><h2 id="related-title">{head}</h2><ul class="{cls}">{"".join(items)}</ul></aside>'


# ---------------------------------------------------------------- statement sections
def blocks_html(blocks):
    out, lis = [], []
    for kind, text in blocks:
        if kind == "li":
            lis.append(f"<li>{e(text)}</li>")
            continue
        if lis:
            out.append(f'<ul>{"".join(lis)}</ul>')
            lis = []
        out.append(f"<p>{e(text)}</p>")
    if lis:
        out.append(f'<ul>{"".join(lis)}</ul>')
    return "".join(out)


def findings_html(kf, h, quirk=False):
    out = []
    for i, sec in enumerate(kf):
        if sec["heading"]:
            out.append(f"<h{h}>{e(sec['heading'])}</h{h}>")
        out.append(blocks_html(sec["blocks"]))
        if quirk and i < len(kf) - 1:
            out.append("<p>&nbsp;</p>")  # empty paragraphs left by the old rich-text editor
    return "".join(out)


def score_html(f, n):
    L = f["layout"]
    sc = f["scores"].get(n)
    if L == "pilot":
        return ('<p class="indicative-score__label"><strong>Indicative score:</strong></p>'
                f'<p class="indicative-score">{sc} - {BANDS[sc]}</p>')
    if L == "v1":
        return f'<p class="qs-score">Score:&nbsp;{sc}</p><p class="qs-score__label">{sc} - {BANDS[sc]}</p>'
    if L == "v2":
        if f["score_style"] == "band":
            return f'<dl class="qs-score"><dt>Score</dt><dd>{sc} - {BANDS[sc]}</dd></dl>'
        return (f'<p class="qs-score">Score: <strong>{sc}</strong></p>'
                f'<p class="qs-score__band"><span class="tag tag--score-{sc}">{BANDS[sc]}</span></p>')
    if sc is None:
        return '<p class="qs-card__score"><strong class="govuk-tag govuk-tag--grey">Score to follow</strong></p>'
    return (f'<p class="qs-card__score">{svg_icon("Quality statement score", f"score-icon-{n}")}'
            f'<span class="visually-hidden">Score: </span><strong>{sc} out of 4</strong> '
            f'<strong class="govuk-tag govuk-tag--score-{sc}">{BANDS[sc]}</strong></p>')


def statement_html(f, n, h, texts):
    L = f["layout"]
    st = STMT[n]
    t = texts[n]
    wpe = "".join(f"<li>{e(x)}</li>" for x in t["what_people_expect"])
    anchor = st["slug"]
    if L in ("v1", "pilot"):
        colon = ":" if L == "pilot" else ""
        return (f'<div class="block-rich_text qs" id="{anchor}"><h{h}>{e(st["name"])}</h{h}>{score_html(f, n)}'
                f'<h{h + 1}>What people expect</h{h + 1}><ul>{wpe}</ul>'
                f'<h{h + 1}>The local authority commitment{colon}</h{h + 1}><p>{e(t["commitment"])}</p>'
                f'<h{h + 1}>Key findings for this quality statement</h{h + 1}>{findings_html(t["key_findings"], h + 2, L == "v1")}</div>')
    if L == "v2":
        def acc(i, title, body):
            sid = f"{anchor}-{i}"
            return (f'<div class="govuk-accordion__section"><div class="govuk-accordion__section-header">'
                    f'<h{h + 1} class="govuk-accordion__section-heading"><span class="govuk-accordion__section-button" id="{sid}-heading">{title}</span></h{h + 1}></div>'
                    f'<div id="{sid}-content" class="govuk-accordion__section-content" aria-labelledby="{sid}-heading">{body}</div></div>')
        body = (acc(1, "What people expect", f'<ul class="i-statements">{wpe}</ul>')
                + acc(2, "The local authority commitment", f'<div class="block-callout callout--commitment"><p>{e(t["commitment"])}</p></div>')
                + acc(3, "Key findings for this quality statement", findings_html(t["key_findings"], h + 2)))
        return (f'<section class="qs block-quality_statement" id="{anchor}"><h{h} class="qs__title">{e(st["name"])}</h{h}>'
                f'{score_html(f, n)}<div class="govuk-accordion" data-module="govuk-accordion" id="accordion-{anchor}">{body}</div></section>')
    # v3
    return (f'<section class="card qs-card" id="{anchor}" aria-labelledby="{anchor}-title">'
            f'<h{h} class="qs-card__title" id="{anchor}-title">{e(st["name"])}</h{h}>{score_html(f, n)}'
            f'<details class="govuk-details" open><summary class="govuk-details__summary"><span class="govuk-details__summary-text">What people expect</span></summary>'
            f'<div class="govuk-details__text"><ul>{wpe}</ul></div></details>'
            f'<div class="callout callout--commitment"><h{h + 1}>The local authority commitment</h{h + 1}><blockquote><p>{e(t["commitment"])}</p></blockquote></div>'
            f'<h{h + 1}>Key findings for this quality statement</h{h + 1}>{findings_html(t["key_findings"], h + 2)}</section>')


# ---------------------------------------------------------------- page bodies
def kv_list(items, style):
    if style == "ul":
        return "<ul>" + "".join(f"<li>{e(i['text'])}</li>" for i in items) + "</ul>"
    if style == "summary":
        rows, notes = [], []
        for i in items:
            if "text" in i:
                notes.append(f'<p class="govuk-body-s summary-list-note">{e(i["text"])}</p>')
            else:
                rows.append(f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{e(i["label"])}</dt><dd class="govuk-summary-list__value">{e(i["value"])}</dd></div>')
        return f'<dl class="govuk-summary-list">{"".join(rows)}</dl>{"".join(notes)}'
    if style == "table":  # table block, first column is a header
        rows, notes = [], []
        for i in items:
            if "text" in i:
                notes.append(f'<p class="table-note">{e(i["text"])}</p>')
            else:
                rows.append(f'<tr><th scope="row">{e(i["label"])}</th><td>{e(i["value"])}</td></tr>')
        return f'<div class="block-table"><table class="table"><tbody>{"".join(rows)}</tbody></table></div>{"".join(notes)}'
    if style == "table-head":  # first row and first column are headers
        rows, notes = [], []
        for i in items:
            if "text" in i:
                notes.append(f"<li>{e(i['text'])}</li>")
            else:
                rows.append(f'<tr><th scope="row">{e(i["label"])}</th><td>{e(i["value"])}</td></tr>')
        nt = f'<ul class="table-notes">{"".join(notes)}</ul>' if notes else ""
        return (f'<div class="block-table"><table class="table"><thead><tr><th scope="col">Measure</th><th scope="col">Figure</th></tr></thead>'
                f'<tbody>{"".join(rows)}</tbody></table></div>{nt}')
    raise ValueError(style)


def about_html(f, h):
    L = f["layout"]
    c = f["council"]
    parts = [f"<h{h}>About {e(c)}</h{h}>"]
    if L == "pilot":
        parts.append(f'<p>Assessment start date: {fdate(f, f["started"])}</p><p>Assessment published: {fdate(f, f["published"])}</p>')
    elif L == "v2":
        parts.append(f'<div class="block-key_facts"><dl><dt>Assessment published:</dt><dd>{fdate(f, f["published"])}</dd></dl></div>')
    else:
        parts.append(f'<p class="assessment-date">Assessment published: {fdate(f, f["published"])}</p>')
    parts.append(f'<p>{e(c)} is one of 153 local authorities in England with responsibilities for adult social care under the Care Act 2014.</p>')
    dstyle = {"v1": "ul", "pilot": "ul", "v2": "summary", "v3": "table-head"}[L]
    fstyle = {"v1": "ul", "pilot": "ul", "v2": "table", "v3": "summary"}[L]
    parts.append(f"<h{h + 1}>Demographics</h{h + 1}>" + kv_list(demographics(f), dstyle))
    parts.append(f"<h{h + 1}>Financial facts</h{h + 1}>" + kv_list(financial_facts(f), fstyle))
    return "".join(parts)


def rating_block(f, h):
    L = f["layout"]
    c, r, p = e(f["council"]), e(f["rating"]), f["pct"]
    if L == "pilot":
        band = {"Good": BANDS[3], "Requires improvement": BANDS[2], "Outstanding": BANDS[4], "Inadequate": BANDS[1]}[f["rating"]]
        return f'<h{h}>Local authority indicative rating</h{h}><p class="indicative-rating">{r}: {band}</p>'
    if L == "v1":
        return (f'<h{h}>Local authority rating and score</h{h}><p class="la-name">{c}</p><p class="la-rating">{r}</p>'
                f'<p class="la-score">Overall rating for {c}: {p}%</p>')
    if L == "v2":
        return (f'<div class="block-callout callout--rating"><h{h} class="callout__title">Local authority rating and score</h{h}>'
                f'<p class="callout__org">{c}</p><p class="callout__rating">{svg_icon("Rating", "rating-icon")} <strong>{r}</strong></p>'
                f'<p class="callout__score">Overall rating for {c}: <strong>{p}%</strong></p></div>')
    frac = f" ({sum(f['scores'].values())} out of 36)" if f["expect"] == "loads" else ""
    return (f'<div class="key-facts card"><h{h} class="card__title">Local authority rating and score</h{h}><dl class="key-facts__list">'
            f'<div><dt>Local authority</dt><dd>{c}</dd></div>'
            f'<div><dt>Rating</dt><dd><strong class="govuk-tag govuk-tag--rating">{r}</strong></dd></div>'
            f'<div><dt>Overall score</dt><dd>{p}%{frac}</dd></div></dl></div>')


def scores_block(f, h):
    L = f["layout"]
    if L == "v1":
        items = "".join(f'<li class="qs-score-list__item"><h{h + 1}>{e(STMT[n]["name"])}</h{h + 1}><p>Score: {f["scores"][n]}</p></li>'
                        for n in range(1, 10))
        return f'<h{h}>Quality statement scores</h{h}><ul class="qs-score-list">{items}</ul>'
    if L in ("v2", "pilot"):
        rows = []
        for t in range(1, 5):
            ns = [n for n in range(1, 10) if STMT[n]["theme"] == t]
            for j, n in enumerate(ns):
                sc = f["scores"][n]
                cell = f"Score: {sc}" if (L == "v2" and f["score_style"] == "score") else f"{sc} - {BANDS[sc]}"
                th = f'<th scope="rowgroup" rowspan="{len(ns)}">{e(THEMES[t])}</th>' if j == 0 else ""
                rows.append(f'<tr>{th}<th scope="row">{e(STMT[n]["name"])}</th><td>{cell}</td></tr>')
        sh = "Indicative score" if L == "pilot" else "Score"
        title = "Quality statement scores" if L == "v2" else "Indicative quality statement scores"
        return (f'<h{h}>{title}</h{h}><div class="block-table"><table class="table table--scores">'
                f'<thead><tr><th scope="col">Theme</th><th scope="col">Quality statement</th><th scope="col">{sh}</th></tr></thead>'
                f'<tbody>{"".join(rows)}</tbody></table></div>')
    cards = []
    for t in range(1, 5):
        rows = []
        for n in [n for n in range(1, 10) if STMT[n]["theme"] == t]:
            sc = f["scores"].get(n)
            val = ('<span class="visually-hidden">Score: </span>Not scored' if sc is None else
                   f'<span class="visually-hidden">Score: </span>{sc} out of 4 <strong class="govuk-tag govuk-tag--score-{sc}">{BANDS[sc]}</strong>')
            rows.append(f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{e(STMT[n]["name"])}</dt>'
                        f'<dd class="govuk-summary-list__value">{val}</dd></div>')
        cards.append(f'<div class="card card--theme"><h{h + 1} class="card__title">{e(THEMES[t])}</h{h + 1}><dl class="govuk-summary-list">{"".join(rows)}</dl></div>')
    return f'<h{h}>Quality statement scores</h{h}>{"".join(cards)}'


def summary_html(f, h, in_print=False):
    L = f["layout"]
    parts = [f"<h{h}>Overall summary</h{h}>", rating_block(f, h + 1), scores_block(f, h + 1)]
    if f.get("pdf_url") and not in_print:
        parts.append(f'<p class="download-inline"><a href="{f["pdf_url"]}">Download this report (PDF, {f["pdf_size"]})</a></p>')
    pe = "".join(f"<p>{e(x)}</p>" for x in people_experience(f))
    if L == "v3":
        parts.append(f'<div class="callout callout--experience"><h{h + 1}>Summary of people\'s experiences</h{h + 1}>{pe}</div>')
    else:
        parts.append(f"<h{h + 1}>Summary of people's experiences</h{h + 1}>{pe}")
    ss = "".join(f"<p>{e(x)}</p>" for x in strengths_summary(f))
    parts.append(f"<h{h + 1}>Summary of strengths, areas for development and next steps</h{h + 1}>{ss}")
    return "".join(parts)


def theme_intro(f, t, h):
    return f'<h{h}>{e(THEMES[t])}</h{h}><p class="theme-intro">This theme covers {len([n for n in range(1, 10) if STMT[n]["theme"] == t])} quality statements.</p>'


CSS = {
    "v1": "/static/css/legacy.css",
    "v2": "/static/css/main.2025.css",
    "v3": "/static/css/main.2026.css",
    "pilot": "/static/css/legacy.css",
}


def frame(f, key, path, ptitle, main_html):
    L = f["layout"]
    title = f"{ptitle} - {header_title(f)} - Care Quality Commission"
    body_class = f"template-{ {'v1': 'reportpage-legacy', 'v2': 'reportpage', 'v3': 'reportpage reportpage--2026', 'pilot': 'pilotreportpage'}[L] }"
    side = contents_nav(f, key) if key != "print" else ""
    pn = prevnext(f, key) if key not in ("print",) else ""
    rel = related(f) if key in ("about", "summary") else ""
    wrap = main_html
    if key == "print":
        wrap = f'<div class="print-version"><p class="print-version__note"><button type="button" class="button button--secondary" data-module="print-page">Print this page</button></p>{main_html}</div>'
    return f"""<!DOCTYPE html>
<html lang="en-GB" class="no-js">
<head>
<meta charset="utf-8">
<title>{e(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="{CSS[L]}">
<link rel="canonical" href="https://www.cqc.org.uk{path}">
</head>
<body class="{body_class}">
<a href="#main-content" class="skip-link">Skip to main content</a>
<header class="site-header" role="banner"><div class="site-header__container"><a href="/" class="site-header__logo">{SVG_LOGO}</a>
<nav class="site-nav" aria-label="Main"><ul><li><a href="/care-services">Care services</a></li><li><a href="/search/">Search</a></li></ul></nav></div></header>
{breadcrumbs(f, key, ptitle)}
<main id="main-content" class="main" role="main">
{report_header(f, key)}
<div class="report-layout"><div class="report-layout__sidebar">{side}</div>
<div class="report-layout__content">
{wrap}
{pn}
</div></div>
{rel}
</main>
<footer class="site-footer" role="contentinfo"><p>&copy; Care Quality Commission</p><ul><li><a href="/">Home</a></li><li><a href="/care-services">Care services</a></li></ul></footer>
</body>
</html>
"""


def render_family(f):
    texts = statement_texts(f)
    L = f["layout"]
    hs = 1 if L == "v3" else 2  # page heading level
    for key, path, ptitle, ns in plan(f):
        if key == "about":
            body = about_html(f, hs)
        elif key == "summary":
            body = summary_html(f, hs)
        elif key.startswith("qs-") and key != "qs-all":
            body = statement_html(f, ns[0], hs, texts)
        elif key.startswith("theme-"):
            t = int(key.split("-")[1])
            body = theme_intro(f, t, hs) + "".join(statement_html(f, n, hs + 1, texts) for n in ns)
        elif key == "qs-all":
            body = f"<h{hs}>Quality statements</h{hs}>"
            for t in range(1, 5):
                body += f'<h{hs + 1} class="theme-heading">{e(THEMES[t])}</h{hs + 1}>'
                body += "".join(statement_html(f, n, hs + 2, texts) for n in range(1, 10) if STMT[n]["theme"] == t)
        else:  # print version
            body = (f'<section class="print-section">{about_html(f, hs)}</section>'
                    f'<section class="print-section">{summary_html(f, hs, in_print=True)}</section>'
                    f'<section class="print-section"><h{hs}>Quality statements</h{hs}>')
            for t in range(1, 5):
                body += f"<h{hs + 1}>{e(THEMES[t])}</h{hs + 1}>"
                body += "".join(statement_html(f, n, hs + 2, texts) for n in range(1, 10) if STMT[n]["theme"] == t)
            body += "</section>"
        write_page(path, frame(f, key, path, ptitle, body))


def write_page(path, text):
    rel = "pages" + (path.rstrip("/") or "/index") + ".html"
    rel = rel.replace("?", "__")
    full = os.path.join(SITE, rel)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8") as fh:
        fh.write(text)
    ROUTES[path] = {"file": rel, "type": "text/html; charset=utf-8"}


# ---------------------------------------------------------------- listing
IN_PROGRESS = ["Devon County Council", "Hampshire County Council", "Rutland County Council", "Sheffield City Council"]


def listing():
    formal = sorted([f for f in FAMILIES if f["kind"] == "formal"], key=lambda f: f["published"], reverse=True)
    pilots = [f for f in FAMILIES if f["kind"] == "pilot"]
    per = 7
    chunks = [formal[i:i + per] for i in range(0, len(formal), per)]
    npages = len(chunks)
    for pi, chunk in enumerate(chunks, start=1):
        items = []
        for f in chunk:
            d = f["published"]
            items.append(f'<li class="listing__item"><h3 class="listing__title"><a href="{BASE}/{f["slug"]}">{e(f["council"])}: local authority assessment</a></h3>'
                         f'<p class="listing__meta">Published {d.day} {MONTHS[d.month - 1]} {d.year}</p>'
                         f'<p class="listing__rating"><strong class="tag">{e(f["rating"].title() if f["rating"] != "Good" else "Good")}</strong></p></li>')
        parts = ["<h1>Local authority assessment reports</h1>",
                 "<p>We assess how local authorities meet their duties under Part 1 of the Care Act 2014. Read the reports below.</p>",
                 f'<p><a href="/search/?q=local+authority+assessment">Search all local authority assessments</a></p>',
                 f'<h2>Assessment reports</h2><p class="listing__count">Showing {per * (pi - 1) + 1} to {per * (pi - 1) + len(chunk)} of {len(formal)} reports</p>',
                 f'<ul class="listing">{"".join(items)}</ul>']
        if pi == 1:
            parts.append("<h2>Assessments in progress</h2><ul class=\"listing listing--plain\">"
                         + "".join(f"<li>{e(n)}</li>" for n in IN_PROGRESS) + "</ul>")
        if pi == npages:
            pl = "".join(f'<li class="listing__item"><h3 class="listing__title"><a href="{BASE}/{f["slug"]}">{e(f["council"])} assessment</a></h3>'
                         f'<p class="listing__meta">Pilot, published 17 November 2023. Indicative rating: {e(f["rating"])}</p></li>' for f in pilots)
            parts.append(f'<h2>Pilot assessments</h2><p>We piloted our approach with five local authorities in 2023.</p><ul class="listing">{pl}</ul>')
        # Django paginator style pager, 1-based ?page=N
        pg = []
        if pi > 1:
            pg.append(f'<div class="govuk-pagination__prev"><a class="govuk-link" href="{BASE}?page={pi - 1}" rel="prev">Previous<span class="visually-hidden"> page</span></a></div>')
        nums = "".join(
            (f'<li class="govuk-pagination__item govuk-pagination__item--current"><a href="{BASE}?page={k}" aria-current="page" aria-label="Page {k}">{k}</a></li>'
             if k == pi else f'<li class="govuk-pagination__item"><a href="{BASE}?page={k}" aria-label="Page {k}">{k}</a></li>')
            for k in range(1, npages + 1))
        pg.append(f'<ul class="govuk-pagination__list">{nums}</ul>')
        if pi < npages:
            pg.append(f'<div class="govuk-pagination__next"><a class="govuk-link" href="{BASE}?page={pi + 1}" rel="next">Next<span class="visually-hidden"> page</span></a></div>')
        parts.append(f'<nav class="govuk-pagination" aria-label="Pagination">{"".join(pg)}</nav>')
        page = f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Local authority assessment reports{f' (page {pi} of {npages})' if pi > 1 else ''} - Care Quality Commission</title>
<link rel="stylesheet" href="/static/css/main.2025.css"></head>
<body class="template-indexpage"><a href="#main-content" class="skip-link">Skip to main content</a>
<header class="site-header"><a href="/" class="site-header__logo">{SVG_LOGO}</a></header>
<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/care-services">Care services</a></li><li aria-current="page">Local authority assessment reports</li></ol></nav>
<main id="main-content">{"".join(parts)}</main>
<footer class="site-footer"><p>&copy; Care Quality Commission</p></footer></body></html>
"""
        if pi == 1:
            write_page(BASE, page)
        write_page(f"{BASE}?page={pi}", page)


def simple_pages():
    css = "body{font-family:Arial,sans-serif}.visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}"
    for p in set(CSS.values()):
        rel = "static" + p[len("/static"):]
        full = os.path.join(SITE, rel)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        open(full, "w").write(css)
        ROUTES[p] = {"file": rel, "type": "text/css"}
    for path, title, body in [
        ("/", "Care Quality Commission", f'<p><a href="/care-services">Care services</a></p><p><a href="{BASE}">Local authority assessment reports</a></p>'),
        ("/care-services", "Care services", f'<p><a href="{BASE}">Local authority assessment reports</a></p>'),
        ("/search/", "Search", f'<p>Search is not available in this copy. <a href="{BASE}">Browse local authority assessment reports</a></p>'),
    ]:
        write_page(path, f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{title}</title></head><body><main><h1>{title}</h1>{body}</main></body></html>')
    ROUTES["/robots.txt"] = {"file": "static/robots.txt", "type": "text/plain"}
    open(os.path.join(SITE, "static/robots.txt"), "w").write("User-agent: *\nDisallow: /admin/\n")


# ---------------------------------------------------------------- answer keys
def key_statements(f, texts, only_scored=False):
    out = {}
    for n in range(1, 10):
        t = texts[n]
        out[str(n)] = {
            "what_people_expect": t["what_people_expect"],
            "commitment": t["commitment"],
            "key_findings": [{"heading": s["heading"], "paragraphs": [b[1] for b in s["blocks"]]} for s in t["key_findings"]],
        }
    return out


def answer(f):
    texts = statement_texts(f)
    k = {
        "slug": f["slug"],
        "url": f"{BASE}/{f['slug']}",
        "council": f["council"],
        "la_code": f["la_code"],
        "kind": f["kind"],
        "expect": f["expect"],
        "published": f["published"].isoformat(),
        "last_updated": f["last_updated"].isoformat(),
        "rating": f["rating"],
        "overall_pct": f["pct"],
        "scores": {str(n): s for n, s in sorted(f["scores"].items())},
        "statements": key_statements(f, texts),
        "people_experience": people_experience(f),
        "demographics": demographics(f),
        "financial_facts": financial_facts(f),
        "pdf": None,
    }
    if f.get("pdf_url"):
        k["pdf"] = {
            "url": f["pdf_url"],
            "engine": f["pdf_engine"],
            "carries": {
                "rating": f["rating"],
                "overall_pct": f["pct"],
                "scores": k["scores"],
                "statements": k["statements"],
                "people_experience": k["people_experience"],
            },
        }
    return k


def main():
    for d in ("pages", "documents", "static", "answers", "media"):
        shutil.rmtree(os.path.join(SITE, d), ignore_errors=True)
    os.makedirs(os.path.join(SITE, "answers"))
    ctx = dict(STMT=STMT, THEMES=THEMES, BANDS=BANDS, statement_texts=statement_texts,
               people_experience=people_experience, demographics=demographics, financial_facts=financial_facts,
               header_title=header_title)
    for f in FAMILIES:
        if f["pdf"]:
            url, rel, engine = pdfs.build(f, SITE, ctx)
            size = os.path.getsize(os.path.join(SITE, rel))
            f["pdf_url"], f["pdf_engine"] = url, engine
            f["pdf_size"] = f"{size / 1024:.0f}KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f}MB"
            ROUTES[url] = {"file": rel, "type": "application/pdf"}
    for f in FAMILIES:
        render_family(f)
        with open(os.path.join(SITE, "answers", f"{f['slug']}.json"), "w", encoding="utf-8") as fh:
            json.dump(answer(f), fh, indent=2, ensure_ascii=False)
    listing()
    simple_pages()
    with open(os.path.join(SITE, "routes.json"), "w") as fh:
        json.dump(dict(sorted(ROUTES.items())), fh, indent=1)
    print(len(ROUTES), "routes")


if __name__ == "__main__":
    main()
