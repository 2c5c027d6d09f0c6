"""Generator for the round8 'redesign' blind site.

Run with the venv in /tmp/blind-redesign (weasyprint, python-docx) from this folder:
    /tmp/blind-redesign/venv/bin/python build.py
Writes pages/, pdf/, answers/, routes.json next to src/.
"""
import datetime as dt
import html
import json
import os
import re
import shutil
import subprocess

import content as C
from content import B, STATEMENTS, THEMES, THEME_OF, BAND, RATING_PHRASE

SITE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TMP = "/tmp/blind-redesign/work"
ROUTES = {}
E = html.escape


def slugify(s):
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def d(iso):
    return dt.date.fromisoformat(iso)


def fmt_date(iso, style):
    x = d(iso)
    if style == "long":
        return f"{x.day} {x:%B %Y}"
    if style == "short":
        return f"{x.day} {x:%b %Y}"
    if style == "numeric":
        return f"{x:%d/%m/%Y}"
    if style == "time":
        return f'<time datetime="{iso}">{x:%A} {x.day} {x:%B %Y}</time>'
    raise ValueError(style)


def plain_date(iso):
    x = d(iso)
    return f"{x.day} {x:%B %Y}"


def add_route(path, file, ctype="text/html; charset=utf-8"):
    assert path not in ROUTES, path
    ROUTES[path] = {"file": file, "type": ctype}


def write_page(path, body_html):
    fn = "pages" + (path if path != "/" else "/index")
    fn = fn.replace("?", "__q__").replace("=", "_") + ".html"
    full = os.path.join(SITE, fn)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8") as fh:
        fh.write(body_html)
    add_route(path, fn)


# ---------------------------------------------------------------- page chrome
def layout(title, main, breadcrumbs=None, phase=True):
    crumbs = ""
    if breadcrumbs:
        items = "".join(
            f'<li class="govuk-breadcrumbs__list-item"><a class="govuk-breadcrumbs__link" href="{h}">{E(t)}</a></li>'
            if h else f'<li class="govuk-breadcrumbs__list-item" aria-current="page">{E(t)}</li>'
            for t, h in breadcrumbs)
        crumbs = f'<nav class="govuk-breadcrumbs" aria-label="Breadcrumb"><ol class="govuk-breadcrumbs__list">{items}</ol></nav>'
    banner = ""
    if phase:
        banner = ('<div class="govuk-phase-banner"><p class="govuk-phase-banner__content">'
                  '<strong class="govuk-tag govuk-phase-banner__content__tag">Beta</strong>'
                  '<span class="govuk-phase-banner__text">This is our new website. '
                  '<a class="govuk-link" href="https://forms.office.com/e/cqc-website-feedback">Tell us what you think</a>.</span></p></div>')
    return f"""<!DOCTYPE html>
<html lang="en" class="govuk-template" dir="ltr">
<head>
<meta charset="utf-8">
<title>{E(title)} | Care Quality Commission</title>
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="Generator" content="Drupal 10 (https://www.drupal.org)">
<link rel="stylesheet" media="all" href="/themes/custom/cqc_gds/dist/css/cqc-gds.css?t4q2xv">
</head>
<body class="govuk-template__body path-node page-node-type-la-assessment">
<script>document.body.className += ' js-enabled govuk-frontend-supported';</script>
<a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>
<header class="govuk-header cqc-header" data-module="govuk-header">
  <div class="govuk-header__container govuk-width-container">
    <div class="govuk-header__logo"><a href="/" class="govuk-header__link govuk-header__link--homepage"><span class="cqc-logo">Care Quality Commission</span></a></div>
    <div class="govuk-header__content">
      <nav aria-label="Menu" class="govuk-header__navigation">
        <button type="button" class="govuk-header__menu-button govuk-js-header-toggle" aria-controls="navigation" hidden>Menu</button>
        <ul id="navigation" class="govuk-header__navigation-list">
          <li class="govuk-header__navigation-item govuk-header__navigation-item--active"><a class="govuk-header__link" href="/care-services">Find and compare services</a></li>
          <li class="govuk-header__navigation-item"><a class="govuk-header__link" href="/about-us">About us</a></li>
          <li class="govuk-header__navigation-item"><a class="govuk-header__link" href="/contact-us">Contact us</a></li>
        </ul>
      </nav>
    </div>
  </div>
</header>
<div class="govuk-width-container">
{banner}
{crumbs}
<main class="govuk-main-wrapper" id="main-content" role="main">
{main}
</main>
</div>
<footer class="govuk-footer" role="contentinfo">
  <div class="govuk-width-container">
    <div class="govuk-footer__meta">
      <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
        <h2 class="govuk-visually-hidden">Support links</h2>
        <ul class="govuk-footer__inline-list">
          <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/accessibility">Accessibility</a></li>
          <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/about-us/our-policies/privacy-statement">Privacy</a></li>
          <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/contact-us">Contact us</a></li>
        </ul>
        <p class="govuk-body-s">&copy; Care Quality Commission</p>
      </div>
    </div>
  </div>
</footer>
<script src="/themes/custom/cqc_gds/dist/js/govuk-frontend.min.js" type="module"></script>
</body>
</html>
"""


# ---------------------------------------------------------------- family page set
def pages_of(f):
    s, u = f["slug"], f["urls"]
    base = f"{B}/{s}"
    P = [("about", base, f"About {f['council']}")]

    def sumpath():
        return {"sibling": f"{base}-summary", "nested": f"{base}/overall-summary",
                "flat": f"{base}/summary", "pilot": f"{base}/overall-summary"}[u]

    P.append(("summary", sumpath(), "Overall summary"))
    if f["grouping"] == "statement":
        for n in range(1, 10):
            t = THEME_OF[n]
            p = {"sibling": f"{base}-theme{t}-{C.SHORT[n]}",
                 "nested": f"{base}/{slugify(STATEMENTS[n])}",
                 "flat": f"{base}/quality-statement-{n}",
                 "pilot": f"{base}/{C.PILOT_SEG[n]}"}[u]
            P.append((f"s{n}", p, STATEMENTS[n]))
    elif f["grouping"] == "theme":
        for t, name, _ in THEMES:
            p = {"sibling": f"{base}-theme{t}",
                 "nested": f"{base}/theme-{t}-{slugify(name)}",
                 "flat": f"{base}/theme/{t}",
                 "pilot": f"{base}/{C.PILOT_THEME_SEG[t]}"}[u]
            P.append((f"t{t}", p, name))
    else:
        p = {"sibling": f"{base}-quality-statements", "nested": f"{base}/quality-statements",
             "flat": f"{base}/assessment", "pilot": f"{base}/quality-statements"}[u]
        P.append(("all", p, "Quality statements"))
    return P


def header_title(f):
    return f"{f['council']} assessment" if f["kind"] == "pilot" else f"{f['council']}: local authority assessment"


def report_header(f, page_updated, downloads_html):
    m = f["markup"]
    pub = fmt_date(f["published"], f["datefmt"])
    upd = fmt_date(page_updated, f["datefmt"])
    title = E(header_title(f))
    if m in ("A", "C"):
        head = f'<h1 class="govuk-heading-xl cqc-report-header__title">{title}</h1>'
    elif m == "B":
        head = f'<p class="govuk-heading-l cqc-report-header__title">{title}</p>'
    else:
        head = f'<div class="field field--name-title"><h1 class="page-title">{title}</h1></div>'
    if m == "B":
        meta = (f'<dl class="cqc-report-meta"><dt>Published:</dt><dd>{pub}</dd>'
                f'<dt>Page last updated:</dt><dd>{upd}</dd></dl>')
    elif m == "C":
        meta = (f'<p class="govuk-body-s cqc-report-meta"><span>Published: {pub}</span> '
                f'<span class="cqc-report-meta__sep" aria-hidden="true">|</span> '
                f'<span>Page last updated: {upd}</span></p>')
    else:
        meta = f'<p class="govuk-body-s cqc-report-meta">Published: {pub} Page last updated: {upd}</p>'
    wrap_cls = "cqc-hero" if m == "C" else "cqc-report-header"
    return f'<div class="{wrap_cls}">{head}{meta}{downloads_html}</div>'


def downloads_block(f, pdfinfo):
    m = f["markup"]
    if not pdfinfo:
        return ('<aside class="cqc-downloads" aria-labelledby="downloads-heading">'
                '<h2 class="govuk-heading-s" id="downloads-heading">Downloads</h2>'
                '<p class="govuk-body-s">There are no downloads for this report.</p></aside>')
    url, size, pages = pdfinfo["url"], pdfinfo["size"], pdfinfo["pages"]
    name = E(pdfinfo["title"])
    if m == "B":
        return (f'<section class="cqc-downloads gem-c-attachment" aria-labelledby="downloads-heading">'
                f'<h2 class="govuk-heading-s" id="downloads-heading">Downloads</h2>'
                f'<div class="gem-c-attachment__thumbnail"><a class="govuk-link" href="{url}" tabindex="-1" aria-hidden="true">'
                f'<svg class="gem-c-attachment__thumbnail-image" viewBox="0 0 99 140" width="99" height="140" aria-hidden="true"><path d="M12 12h75v27H12z"/></svg></a></div>'
                f'<div class="gem-c-attachment__details"><h3 class="gem-c-attachment__title"><a class="govuk-link" href="{url}">{name}</a></h3>'
                f'<p class="gem-c-attachment__metadata"><span class="gem-c-attachment__attribute"><abbr title="Portable Document Format">PDF</abbr></span>, '
                f'<span class="gem-c-attachment__attribute">{size}</span>, <span class="gem-c-attachment__attribute">{pages} pages</span></p></div></section>')
    if m == "C":
        return (f'<details class="govuk-details cqc-downloads"><summary class="govuk-details__summary">'
                f'<span class="govuk-details__summary-text">Downloads</span></summary>'
                f'<div class="govuk-details__text"><ul class="govuk-list"><li><a class="govuk-link" href="{url}" download>{name} (PDF, {size})</a></li></ul></div></details>')
    return (f'<aside class="cqc-downloads" aria-labelledby="downloads-heading">'
            f'<h2 class="govuk-heading-s" id="downloads-heading">Downloads</h2>'
            f'<ul class="govuk-list cqc-downloads__list"><li><a class="govuk-link" href="{url}">{name} (PDF, {size})</a></li></ul></aside>')


def contents_nav(f, P, current):
    items = []
    for k, path, title in P:
        if k == current:
            items.append(f'<li class="gem-c-contents-list__list-item gem-c-contents-list__list-item--active" aria-current="true">{E(title)}</li>')
        else:
            items.append(f'<li class="gem-c-contents-list__list-item"><a class="gem-c-contents-list__link govuk-link" href="{path}">{E(title)}</a></li>')
    tag = "ol" if f["markup"] in ("A", "C") else "ul"
    return (f'<nav class="gem-c-contents-list" aria-label="Contents" role="navigation">'
            f'<h2 class="gem-c-contents-list__title">Contents</h2><{tag} class="gem-c-contents-list__list">{"".join(items)}</{tag}></nav>')


def prevnext(P, current):
    idx = [k for k, _, _ in P].index(current)
    out = []
    if idx > 0:
        _, p, t = P[idx - 1]
        out.append(f'<div class="govuk-pagination__prev"><a class="govuk-link govuk-pagination__link" href="{p}" rel="prev">'
                   f'<span class="govuk-pagination__link-title">Previous<span class="govuk-visually-hidden"> page</span></span>'
                   f'<span class="govuk-visually-hidden">:</span><span class="govuk-pagination__link-label">{E(t)}</span></a></div>')
    if idx < len(P) - 1:
        _, p, t = P[idx + 1]
        out.append(f'<div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" href="{p}" rel="next">'
                   f'<span class="govuk-pagination__link-title">Next<span class="govuk-visually-hidden"> page</span></span>'
                   f'<span class="govuk-visually-hidden">:</span><span class="govuk-pagination__link-label">{E(t)}</span></a></div>')
    return f'<nav class="govuk-pagination govuk-pagination--block" aria-label="Pagination">{"".join(out)}</nav>'


def related_block(f):
    same = [g for g in C.F if g is not f and g["kind"] == "formal" and g["expect"] == "loads"
            and (g["region"] == f["region"])][:3]
    if len(same) < 2:
        same = [g for g in C.F if g is not f and g["kind"] == "formal" and g["expect"] == "loads"][:3]
    others = C.OTHER_COUNCILS[(len(f["slug"]) % 5):(len(f["slug"]) % 5) + 2]
    cards = []
    for g in same:
        cards.append(f'<li class="cqc-related__item"><a class="govuk-link" href="{B}/{g["slug"]}">{E(g["council"])}: local authority assessment</a>'
                     f'<p class="govuk-body-s">Overall rating: <strong class="govuk-tag">{g["rating"]}</strong> Score: {g["pct"]}%</p></li>')
    for name, r, p in others:
        cards.append(f'<li class="cqc-related__item"><span>{E(name)}</span>'
                     f'<p class="govuk-body-s">Overall rating: <strong class="govuk-tag">{r}</strong> Score: {p}%</p></li>')
    return (f'<aside class="cqc-related" aria-labelledby="related-heading"><h2 class="govuk-heading-m" id="related-heading">Related assessments</h2>'
            f'<ul class="govuk-list cqc-related__list">{"".join(cards)}</ul></aside>')


def rating_word(f, where=0):
    r = f["rating"]
    if r == "Requires improvement" and (f["markup"] in ("B", "D")) and where:
        return "Requires Improvement"
    return r


# ---------------------------------------------------------------- statement block
def hx(level, text, cls=""):
    c = f' class="{cls}"' if cls else ""
    return f"<h{level}{c}>{text}</h{level}>"


def score_html(f, n):
    sc = f["scores"][n - 1]
    m = f["markup"]
    if f["kind"] == "pilot":
        return (f'<div class="cqc-score"><p class="govuk-body govuk-!-font-weight-bold">Indicative score:</p>'
                f'<p class="govuk-body">{sc} - {BAND[sc]}</p></div>')
    if f["missing_score"] == n:
        return '<div class="cqc-score"><p class="govuk-body-l">Score to be confirmed</p></div>'
    if m == "A":
        colour = {1: "red", 2: "yellow", 3: "green", 4: "turquoise"}[sc]
        return (f'<div class="cqc-score"><p class="govuk-body-l govuk-!-margin-bottom-1">Score: {sc}</p>'
                f'<p><strong class="govuk-tag govuk-tag--{colour}">{sc} - {BAND[sc]}</strong></p></div>')
    if m == "B":
        return (f'<dl class="govuk-summary-list cqc-score">'
                f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Score</dt><dd class="govuk-summary-list__value">{sc} out of 4</dd></div>'
                f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">What this score means</dt><dd class="govuk-summary-list__value">{BAND[sc]}</dd></div></dl>')
    if m == "C":
        return (f'<div class="cqc-score-card"><p class="cqc-score-card__label">Quality statement score</p>'
                f'<p class="cqc-score-card__value"><span class="cqc-score-card__number">{sc}</span><span class="govuk-visually-hidden"> out of 4</span></p>'
                f'<p class="cqc-score-card__band">{sc} - {BAND[sc]}</p></div>')
    return f'<p><strong>Score: {sc}</strong></p><p>{sc} - {BAND[sc]}</p>'


def findings_html(kf, level):
    out = []
    for sec in kf:
        out.append(hx(level, E(sec["heading"]), "govuk-heading-s"))
        ul = []
        for p in sec["paragraphs"]:
            if isinstance(p, tuple):
                ul.append(f"<li>{E(p[1])}</li>")
                continue
            if ul:
                out.append(f'<ul class="govuk-list govuk-list--bullet">{"".join(ul)}</ul>')
                ul = []
            out.append(f'<p class="govuk-body">{E(p)}</p>')
        if ul:
            out.append(f'<ul class="govuk-list govuk-list--bullet">{"".join(ul)}</ul>')
    return "".join(out)


def statement_body(f, n, lvl):
    """Body of one statement (without its own heading). lvl = level for its sub-headings."""
    st = C.statement_text(f, n)
    m = f["markup"]
    pilot = f["kind"] == "pilot"
    wpe_items = "".join(f"<li>{E(x)}</li>" for x in st["what_people_expect"])
    commit_label = "The local authority commitment:" if pilot else "The local authority commitment"
    parts = [score_html(f, n)]
    if m == "B":
        parts.append(f'<details class="govuk-details"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">What people expect</span></summary>'
                     f'<div class="govuk-details__text"><ul class="govuk-list govuk-list--bullet">{wpe_items}</ul></div></details>')
        parts.append(f'<div class="govuk-inset-text">{hx(lvl, commit_label, "govuk-heading-s")}<p class="govuk-body">{E(st["commitment"])}</p></div>')
    elif m == "C":
        quotes = "".join(f'<p class="cqc-quote">{E(x)}</p>' for x in st["what_people_expect"])
        parts.append(f'<div class="govuk-inset-text cqc-expect">{hx(lvl, "What people expect", "govuk-heading-s")}{quotes}</div>')
        parts.append(f'{hx(lvl, commit_label, "govuk-heading-s")}<blockquote class="cqc-commitment"><p>{E(st["commitment"])}</p></blockquote>')
    else:
        parts.append(f'{hx(lvl, "What people expect", "govuk-heading-s")}<ul class="govuk-list govuk-list--bullet">{wpe_items}</ul>')
        parts.append(f'{hx(lvl, commit_label, "govuk-heading-s")}<p class="govuk-body">{E(st["commitment"])}</p>')
    parts.append(hx(lvl, "Key findings for this quality statement", "govuk-heading-m"))
    parts.append(findings_html(st["key_findings"], min(lvl + 1, 6)))
    return "".join(parts)


# ---------------------------------------------------------------- page bodies
def demo_html(f):
    dm = C.demographics(f)
    m = f["markup"]
    items = demo_items(f)
    if m == "A":
        rows = "".join(f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{E(i["label"])}</dt><dd class="govuk-summary-list__value">{E(i["value"])}</dd></div>' for i in items)
        return f'<dl class="govuk-summary-list">{rows}</dl>'
    if m == "B":
        rows = "".join(f'<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">{E(i["label"])}</th><td class="govuk-table__cell">{E(i["value"])}</td></tr>' for i in items)
        return (f'<table class="govuk-table"><caption class="govuk-table__caption govuk-visually-hidden">Demographics</caption>'
                f'<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Measure</th><th scope="col" class="govuk-table__header">Value</th></tr></thead>'
                f'<tbody class="govuk-table__body">{rows}</tbody></table>')
    lis = "".join(f"<li>{E(i['text'])}</li>" for i in items)
    return f'<ul class="govuk-list govuk-list--bullet">{lis}</ul>'


def demo_items(f):
    dm = C.demographics(f)
    if f["markup"] in ("A", "B"):
        return [{"label": "Population", "value": dm["pop"]},
                {"label": "Deprivation decile", "value": str(dm["dec"])},
                {"label": "Deprivation rank", "value": f"{dm['rank']} of 153"},
                {"label": "People aged 65 and over", "value": f"{dm['old']}% (England: 18.4%)"},
                {"label": "People from ethnic minority groups", "value": f"{dm['eth']}% (England: 19.0%)"},
                {"label": "Political control", "value": dm["pol"]}]
    pol = ("The council has no overall political control." if dm["pol"] == "No overall control"
           else f"The council is under {dm['pol']} control.")
    return [{"text": f"The local authority has an estimated population of {dm['pop']}."},
            {"text": f"It is in deprivation decile {dm['dec']} and is ranked {dm['rank']} out of 153 local authorities, where 1 is the most deprived."},
            {"text": f"{dm['old']}% of people are aged 65 and over, compared with 18.4% in England."},
            {"text": f"{dm['eth']}% of people are from ethnic minority groups, compared with 19.0% in England."},
            {"text": pol}]


def fin_items(f):
    fi = C.finance(f)
    labelled = f["markup"] in ("A", "C")
    if f["fin"] == "pilot":
        if labelled:
            return [{"label": "Total budget 2022/23 (estimated)", "value": fi["est"]},
                    {"label": "Total budget 2022/23 (actual)", "value": fi["act"]},
                    {"label": "Adult social care budget 2022/23 (estimated)", "value": fi["asc_e"]},
                    {"label": "Adult social care spend 2022/23 (actual)", "value": fi["asc_a"]},
                    {"label": "Proportion of budget spent on adult social care", "value": fi["share"]},
                    {"label": "Adult social care precept raised in 2022/23", "value": fi["precept"]},
                    {"label": "People in long-term support (approximate)", "value": fi["lts"]}]
        prec = "did" if fi["precept"] == "Yes" else "did not"
        return [{"text": f"The total budget for 2022/23 was estimated at {fi['est']}. The actual spend was {fi['act']}."},
                {"text": f"The adult social care budget for 2022/23 was estimated at {fi['asc_e']}. The actual spend was {fi['asc_a']}."},
                {"text": f"The proportion of the budget spent on adult social care was {fi['share']}."},
                {"text": f"The local authority {prec} raise the adult social care precept in 2022/23."},
                {"text": f"Approximately {fi['lts']} people were receiving long-term support."}]
    if f["fin"] == "formal":
        if labelled:
            return [{"label": "Adult social care spend 2023/24", "value": fi["spend"]},
                    {"label": "Adult social care spend as a proportion of total budget", "value": fi["share"]},
                    {"label": "Difference between actual and estimated spend", "value": f"{fi['diff']} {fi['dir']} than estimated"},
                    {"label": "People in long-term support", "value": fi["lts"]},
                    {"label": "People in short-term support", "value": fi["sts"]}]
        return [{"text": f"The local authority spent {fi['spend']} on adult social care in 2023/24."},
                {"text": f"This was {fi['share']} of its total budget."},
                {"text": f"Actual spend was {fi['diff']} {fi['dir']} than the estimate."},
                {"text": f"Approximately {fi['lts']} people were receiving long-term support."},
                {"text": f"Approximately {fi['sts']} people received short-term support."}]
    if labelled:
        return [{"label": "Gross current expenditure on adult social care 2024/25", "value": fi["gross"]},
                {"label": "Net expenditure per adult aged 18 and over", "value": fi["per_adult"]},
                {"label": "People receiving long-term support at 31 March 2025", "value": fi["lts"]},
                {"label": "Requests for support from new clients 2024/25", "value": fi["req"]},
                {"label": "People who use services who say they have control over their daily life", "value": f"{fi['ctrl']} (England: {fi['ctrl_e']})"},
                {"label": "Carers supported directly by the local authority 2024/25", "value": fi["carers"]}]
    return [{"text": f"Gross current expenditure on adult social care in 2024/25 was {fi['gross']}."},
            {"text": f"Net expenditure per adult aged 18 and over was {fi['per_adult']}."},
            {"text": f"{fi['lts']} people were receiving long-term support at 31 March 2025."},
            {"text": f"There were {fi['req']} requests for support from new clients in 2024/25."},
            {"text": f"{fi['ctrl']} of people who use services said they have control over their daily life (England: {fi['ctrl_e']})."},
            {"text": "Figures from the local authority's published annual returns, adjusted for the local authority's own reporting period."}]


def fin_html(f):
    items = fin_items(f)
    if "label" in items[0]:
        if f["markup"] == "A":
            rows = "".join(f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{E(i["label"])}</dt><dd class="govuk-summary-list__value">{E(i["value"])}</dd></div>' for i in items)
            return f'<dl class="govuk-summary-list">{rows}</dl>'
        rows = "".join(f"<dt>{E(i['label'])}</dt><dd>{E(i['value'])}</dd>" for i in items)
        return f'<dl class="cqc-facts">{rows}</dl>'
    lis = "".join(f"<li>{E(i['text'])}</li>" for i in items)
    return f'<ul class="govuk-list govuk-list--bullet">{lis}</ul>'


def about_main(f, pdfinfo):
    m = f["markup"]
    h = 2 if m in ("A", "C", "D") else 1
    out = [hx(h, f"About {E(f['council'])}", "govuk-heading-l")]
    if f["kind"] == "pilot":
        start = d(f["published"]) - dt.timedelta(days=151)
        out.append(f'<p class="govuk-body">Assessment start date: {fmt_date(start.isoformat(), f["datefmt"])}</p>')
    out.append(f'<p class="govuk-body">Assessment published: {fmt_date(f["published"], f["datefmt"])}</p>')
    if pdfinfo and m in ("A", "D"):
        out.append(f'<p class="govuk-body"><a class="govuk-link" href="{pdfinfo["url"]}">Download this report (PDF, {pdfinfo["size"].replace(" ", "")})</a></p>')
    out.append(hx(h + 1, "Demographics", "govuk-heading-m"))
    out.append(demo_html(f))
    out.append(hx(h + 1, "Financial facts", "govuk-heading-m"))
    out.append(fin_html(f))
    if f["fin"] == "new":
        out.append('<p class="govuk-body-s">Source: Adult Social Care Finance Return and Short and Long Term Support returns, 2024/25 (NHS England).</p>')
    return "".join(out)


def scores_html(f, h):
    m = f["markup"]
    pilot = f["kind"] == "pilot"
    sc = f["scores"]

    def val(n):
        if f["missing_score"] == n:
            return "Score to be confirmed"
        if pilot:
            return f"Indicative score: {sc[n-1]}"
        return f"Score: {sc[n-1]}"

    title = hx(h, "Quality statement scores", "govuk-heading-m")
    if m == "A":
        rows = "".join(f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{E(STATEMENTS[n])}</dt><dd class="govuk-summary-list__value">{val(n)}</dd></div>' for n in range(1, 10))
        return title + f'<dl class="govuk-summary-list cqc-qs-scores">{rows}</dl>'
    if m == "B":
        rows = []
        for t, name, ss in THEMES:
            for i, n in enumerate(ss):
                th = f'<th scope="rowgroup" rowspan="{len(ss)}" class="govuk-table__header">{E(name)}</th>' if i == 0 else ""
                cell = ("Score to be confirmed" if f["missing_score"] == n
                        else f"{sc[n-1]} - {BAND[sc[n-1]]}")
                rows.append(f'<tr class="govuk-table__row">{th}<td class="govuk-table__cell">{E(STATEMENTS[n])}</td><td class="govuk-table__cell">{cell}</td></tr>')
        return (title + '<table class="govuk-table cqc-qs-table"><caption class="govuk-table__caption govuk-visually-hidden">Quality statement scores</caption>'
                '<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Theme</th>'
                '<th scope="col" class="govuk-table__header">Quality statement</th><th scope="col" class="govuk-table__header">Score</th></tr></thead>'
                f'<tbody class="govuk-table__body">{"".join(rows)}</tbody></table>')
    if m == "C":
        cards = []
        for n in range(1, 10):
            if f["missing_score"] == n:
                v = '<p class="cqc-card__score">Score to be confirmed</p>'
            else:
                v = (f'<p class="cqc-card__score">{sc[n-1]} out of 4</p>'
                     f'<p class="cqc-card__band">{BAND[sc[n-1]]}</p>')
            cards.append(f'<li class="cqc-card"><h{h+1} class="cqc-card__heading">{E(STATEMENTS[n])}</h{h+1}>{v}</li>')
        return title + f'<ul class="cqc-card-group">{"".join(cards)}</ul>'
    return title + "".join(f'<p class="govuk-body"><strong>{E(STATEMENTS[n])}</strong></p><p class="govuk-body">{val(n)}</p>' for n in range(1, 10))


def summary_main(f):
    m = f["markup"]
    h = 2 if m in ("A", "C", "D") else 1
    out = [hx(h, "Overall summary", "govuk-heading-l")]
    rw = rating_word(f, 1)
    if f["kind"] == "pilot":
        out.append(hx(h + 1, "Local authority indicative rating", "govuk-heading-m"))
        out.append(f'<p class="govuk-body">{E(f["council"])}</p>')
        out.append(f'<p class="govuk-body govuk-!-font-weight-bold">{rw}: {RATING_PHRASE[f["rating"]]}</p>')
    elif m == "A":
        out.append(hx(h + 1, "Local authority rating and score", "govuk-heading-m"))
        out.append(f'<div class="govuk-panel cqc-rating-panel"><p class="govuk-panel__title">{E(f["council"])}</p>'
                   f'<div class="govuk-panel__body"><strong class="govuk-tag cqc-rating-tag">{rw}</strong>'
                   f'<p>Overall rating for {E(f["council"])}: {f["pct"]}%</p></div></div>')
    elif m == "B":
        out.append(f'<table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--m">Local authority rating and score</caption>'
                   f'<tbody class="govuk-table__body">'
                   f'<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">Local authority</th><td class="govuk-table__cell">{E(f["council"])}</td></tr>'
                   f'<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">Rating</th><td class="govuk-table__cell">{rw}</td></tr>'
                   f'<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">Overall score</th><td class="govuk-table__cell">{f["pct"]}%</td></tr>'
                   f'</tbody></table>')
        out.append(f'<p class="govuk-body">Overall rating for {E(f["council"])}: {f["pct"]}%</p>')
    elif m == "C":
        out.append(hx(h + 1, "Local authority rating and score", "govuk-heading-m"))
        out.append(f'<div class="cqc-rating-card"><p class="cqc-rating-card__la">{E(f["council"])}</p>'
                   f'<p class="cqc-rating-card__rating">{rw}</p><p class="cqc-rating-card__phrase">{RATING_PHRASE[f["rating"]]}</p>'
                   f'<p class="cqc-rating-card__score"><span class="govuk-visually-hidden">Overall score: </span>{f["pct"]} per cent</p>'
                   f'<p class="govuk-body-s">Overall rating for {E(f["council"])}: {f["pct"]}%</p></div>')
    else:
        out.append(f'<h{h+1}>Local authority rating and score</h{h+1}><p>{E(f["council"])}</p><p>{rw}</p>'
                   f'<p>Overall rating for {E(f["council"])}: {f["pct"]}%</p>')
    out.append(scores_html(f, h + 1))
    out.append(hx(h + 1, "Summary of people's experiences", "govuk-heading-m"))
    out.extend(f'<p class="govuk-body">{E(p)}</p>' for p in C.people_experience(f))
    out.append(hx(h + 1, "Summary of strengths, areas for development and next steps", "govuk-heading-m"))
    out.extend(f'<p class="govuk-body">{E(p)}</p>' for p in C.summary_paras(f))
    return "".join(out)


def statement_main(f, n):
    m = f["markup"]
    h = 2 if m in ("A", "C", "D") else 1
    theme = [name for t, name, ss in THEMES if n in ss][0]
    cap = f'<span class="govuk-caption-m">{E(theme)}</span>' if m in ("A", "B") else ""
    return cap + hx(h, E(STATEMENTS[n]), "govuk-heading-l") + statement_body(f, n, h + 1)


def theme_main(f, t):
    m = f["markup"]
    h = 2 if m != "B" else 1
    tt, name, ss = THEMES[t - 1]
    lbl = f"Theme {t}: " if m == "C" else ""
    out = [hx(h, f"{lbl}{E(name)}", "govuk-heading-l")]
    for n in ss:
        out.append(f'<section class="cqc-qs" id="{slugify(STATEMENTS[n])}">')
        out.append(hx(h + 1, E(STATEMENTS[n]), "govuk-heading-l"))
        out.append(statement_body(f, n, h + 2))
        out.append("</section>")
    return "".join(out)


def all_main(f):
    m = f["markup"]
    out = [hx(2, "Quality statements", "govuk-heading-l")]
    if m in ("A", "B"):
        secs = []
        for n in range(1, 10):
            sc = f["scores"][n - 1]
            summ = ("Indicative score: " if f["kind"] == "pilot" else "Score: ") + str(sc)
            secs.append(f'<div class="govuk-accordion__section"><div class="govuk-accordion__section-header">'
                        f'<h3 class="govuk-accordion__section-heading"><span class="govuk-accordion__section-button" id="qs-heading-{n}">{E(STATEMENTS[n])}</span></h3>'
                        f'<div class="govuk-accordion__section-summary govuk-body" id="qs-summary-{n}">{summ}</div></div>'
                        f'<div id="qs-content-{n}" class="govuk-accordion__section-content">{statement_body(f, n, 4)}</div></div>')
        out.append(f'<div class="govuk-accordion" data-module="govuk-accordion" id="qs-accordion">{"".join(secs)}</div>')
    else:
        for t, name, ss in THEMES:
            out.append(f'<section class="cqc-theme" id="theme-{t}">{hx(3, E(name), "govuk-heading-l")}')
            for n in ss:
                out.append(f'<section class="cqc-qs" id="{slugify(STATEMENTS[n])}">{hx(4, E(STATEMENTS[n]), "govuk-heading-m")}{statement_body(f, n, 5)}</section>')
            out.append("</section>")
    return "".join(out)


def render_family(f, pdfinfo):
    P = pages_of(f)
    dl = downloads_block(f, pdfinfo)
    updated_keys = {"summary", "s7", "t3", "all"} if f["updated"] != f["published"] else set()
    for k, path, title in P:
        upd = f["updated"] if k in updated_keys else f["published"]
        if k == "about":
            main = about_main(f, pdfinfo)
        elif k == "summary":
            main = summary_main(f)
        elif k.startswith("s"):
            main = statement_main(f, int(k[1:]))
        elif k.startswith("t"):
            main = theme_main(f, int(k[1:]))
        else:
            main = all_main(f)
        body = (report_header(f, upd, dl)
                + '<div class="govuk-grid-row"><div class="govuk-grid-column-one-third">' + contents_nav(f, P, k) + '</div>'
                + f'<div class="govuk-grid-column-two-thirds"><article class="cqc-report-page">{main}</article>'
                + prevnext(P, k) + '</div></div>')
        if k in ("about", "summary"):
            body += related_block(f)
        crumbs = [("Home", "/"), ("Find and compare services", "/care-services"),
                  ("Local authority assessment reports", B)]
        if k != "about":
            crumbs.append((header_title(f), P[0][1]))
        crumbs.append((title, None))
        write_page(path, layout(f"{title} - {header_title(f)}", body, crumbs))
    return P


# ---------------------------------------------------------------- listing & stubs
def listing():
    formal = sorted([f for f in C.F if f["kind"] == "formal"], key=lambda f: f["published"], reverse=True)
    pilots = [f for f in C.F if f["kind"] == "pilot"]
    per = 6
    chunks = [formal[i:i + per] for i in range(0, len(formal), per)]
    for pi, chunk in enumerate(chunks):
        items = "".join(
            f'<li class="cqc-search-result"><h3 class="govuk-heading-s"><a class="govuk-link" href="{B}/{f["slug"]}">{E(f["council"])}: local authority assessment</a></h3>'
            f'<p class="govuk-body-s cqc-search-result__meta">Published: {plain_date(f["published"])}</p></li>' for f in chunk)
        pager = []
        if pi > 0:
            prev = B if pi == 1 else f"{B}?page={pi-1}"
            pager.append(f'<div class="govuk-pagination__prev"><a class="govuk-link govuk-pagination__link" href="{prev}" rel="prev"><span class="govuk-pagination__link-title">Previous<span class="govuk-visually-hidden"> page</span></span></a></div>')
        nums = []
        for j in range(len(chunks)):
            href = B if j == 0 else f"{B}?page={j}"
            if j == pi:
                nums.append(f'<li class="govuk-pagination__item govuk-pagination__item--current"><a class="govuk-link govuk-pagination__link" href="{href}" aria-label="Page {j+1}" aria-current="page">{j+1}</a></li>')
            else:
                nums.append(f'<li class="govuk-pagination__item"><a class="govuk-link govuk-pagination__link" href="{href}" aria-label="Page {j+1}">{j+1}</a></li>')
        pager.append(f'<ul class="govuk-pagination__list">{"".join(nums)}</ul>')
        if pi < len(chunks) - 1:
            pager.append(f'<div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" href="{B}?page={pi+1}" rel="next"><span class="govuk-pagination__link-title">Next<span class="govuk-visually-hidden"> page</span></span></a></div>')
        inprog = "".join(f"<li>{E(n)}</li>" for n in C.IN_PROGRESS)
        pil = "".join(f'<li><a class="govuk-link" href="{B}/{f["slug"]}">{E(f["council"])} assessment</a></li>' for f in pilots)
        main = f"""<h1 class="govuk-heading-xl">Local authority assessment reports</h1>
<p class="govuk-body-l">We assess how local authorities meet their duties under Part 1 of the Care Act 2014. Read our reports below.</p>
<p class="govuk-body"><a class="govuk-link" href="/about-us/how-we-do-our-job/assessing-local-authorities">How we assess local authorities</a></p>
<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
<h2 class="govuk-heading-l">Assessment reports</h2>
<p class="govuk-body-s">Showing {pi*per+1} to {pi*per+len(chunk)} of {len(formal)} results, most recent first</p>
<ol class="govuk-list cqc-search-results">{items}</ol>
<nav class="govuk-pagination" aria-label="Pagination">{"".join(pager)}</nav>
</div><div class="govuk-grid-column-one-third">
<h2 class="govuk-heading-m">Assessments in progress</h2>
<ul class="govuk-list">{inprog}</ul>
<h2 class="govuk-heading-m">Pilot assessments</h2>
<p class="govuk-body-s">In 2023 we carried out pilot assessments of 5 local authorities. Scores and ratings were indicative.</p>
<ul class="govuk-list">{pil}</ul>
</div></div>"""
        path = B if pi == 0 else f"{B}?page={pi}"
        crumbs = [("Home", "/"), ("Find and compare services", "/care-services"), ("Local authority assessment reports", None)]
        write_page(path, layout("Local authority assessment reports", main, crumbs))


def stubs():
    for path, title in [("/", "Care Quality Commission"), ("/care-services", "Find and compare services"),
                        ("/about-us", "About us"), ("/contact-us", "Contact us"), ("/accessibility", "Accessibility statement"),
                        ("/about-us/our-policies/privacy-statement", "Privacy statement"),
                        ("/about-us/how-we-do-our-job/assessing-local-authorities", "Assessing local authorities")]:
        extra = ""
        if path == "/care-services":
            extra = f'<p class="govuk-body"><a class="govuk-link" href="{B}">Local authority assessment reports</a></p>'
        write_page(path, layout(title, f'<h1 class="govuk-heading-xl">{E(title)}</h1><p class="govuk-body">This page is part of the Care Quality Commission website.</p>{extra}'))
    css = os.path.join(SITE, "static/cqc-gds.css")
    os.makedirs(os.path.dirname(css), exist_ok=True)
    open(css, "w").write(".govuk-visually-hidden{position:absolute!important;width:1px!important;height:1px!important;overflow:hidden!important;clip:rect(0 0 0 0)!important}\nbody{font-family:Arial,sans-serif}\n")
    add_route("/themes/custom/cqc_gds/dist/css/cqc-gds.css", "static/cqc-gds.css", "text/css")
    js = os.path.join(SITE, "static/govuk-frontend.min.js")
    open(js, "w").write("/* govuk-frontend placeholder */\n")
    add_route("/themes/custom/cqc_gds/dist/js/govuk-frontend.min.js", "static/govuk-frontend.min.js", "text/javascript")


# ---------------------------------------------------------------- answer keys
def key_statements(f):
    out = {}
    for n in range(1, 10):
        st = C.statement_text(f, n)
        out[str(n)] = {"what_people_expect": st["what_people_expect"], "commitment": st["commitment"],
                       "key_findings": [{"heading": k["heading"], "paragraphs": [p[1] if isinstance(p, tuple) else p for p in k["paragraphs"]]}
                                        for k in st["key_findings"]]}
    return out


def write_key(f, pdfinfo):
    scores = {str(i + 1): s for i, s in enumerate(f["scores"]) if f["missing_score"] != i + 1}
    key = {"slug": f["slug"], "url": f"{B}/{f['slug']}", "council": f["council"], "la_code": f["la_code"],
           "kind": f["kind"], "expect": f["expect"], "published": f["published"], "last_updated": f["updated"],
           "rating": f["rating"], "overall_pct": f["pct"], "scores": scores,
           "statements": key_statements(f), "people_experience": C.people_experience(f),
           "demographics": demo_items(f), "financial_facts": fin_items(f), "pdf": None}
    if pdfinfo:
        key["pdf"] = {"url": pdfinfo["url"], "engine": pdfinfo["engine"], "carries": pdfinfo["carries"]}
    os.makedirs(os.path.join(SITE, "answers"), exist_ok=True)
    with open(os.path.join(SITE, "answers", f"{f['slug']}.json"), "w", encoding="utf-8") as fh:
        json.dump(key, fh, indent=2, ensure_ascii=False)
        fh.write("\n")


# ---------------------------------------------------------------- main
def main():
    for sub in ("pages", "pdf", "answers", "static"):
        shutil.rmtree(os.path.join(SITE, sub), ignore_errors=True)
    os.makedirs(TMP, exist_ok=True)
    import pdfs
    stubs()
    listing()
    for f in C.F:
        info = pdfs.make_pdf(f, SITE, TMP) if f["pdf"] else None
        if info:
            add_route(info["url"], info["file"], "application/pdf")
        render_family(f, info)
        write_key(f, info)
    with open(os.path.join(SITE, "routes.json"), "w") as fh:
        json.dump(ROUTES, fh, indent=1, sort_keys=True)
    print(len(ROUTES), "routes")


if __name__ == "__main__":
    main()
