"""Render the round9 'redesign' site: pages, listing, keys. PDFs are made by pdfs.py."""
import json
import os
import sys
from datetime import date
from html import escape as E

sys.path.insert(0, os.path.dirname(__file__))
import data
from data import STATEMENTS, THEMES, THEME_OF, BAND, BAND_SHORT

SITE = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
LIST = "/care-services/local-authority-assessment-reports"
ROUTES = {}

FAMS = data.build()
BYSLUG = {f["slug"]: f for f in FAMS}


def d(iso, style=0):
    dt = date.fromisoformat(iso)
    if style == 2:
        return f"{dt.day} {dt.strftime('%b')} {dt.year}"
    if style == 1:
        return f"{dt.strftime('%A')} {dt.day} {dt.strftime('%B')} {dt.year}"
    return f"{dt.day} {dt.strftime('%B')} {dt.year}"


def tdate(iso, style):
    return f'<time datetime="{iso}">{d(iso, style)}</time>'


STMT_SUFFIX = {1: "theme1-needs", 2: "theme1-wellbeing", 3: "theme1-equity", 4: "theme2-care",
               5: "theme2-partnerships", 6: "theme3-pathways", 7: "theme3-safeguarding",
               8: "theme4-governance", 9: "theme4-learning"}
PILOT_SEG = {1: "1-working-with-people/assessing-needs", 2: "1-working-with-people/supporting-people-lead-healthier-lives",
             3: "1-working-with-people/equity-experiences-outcomes",
             4: "2-providing-support/care-provision-integration-continuity", 5: "2-providing-support/partnerships-communities",
             6: "3-ensuring-safety/safe-pathways-systems-transitions", 7: "3-ensuring-safety/safeguarding",
             8: "4-leadership/governance-management-sustainability", 9: "4-leadership/learning-improvement-innovation"}
THEME_SEG = {1: "1-working-with-people", 2: "2-providing-support", 3: "3-ensuring-safety", 4: "4-leadership"}


def base(f):
    return f"{LIST}/{f['slug']}"


def header_title(f):
    return f"{f['council']} assessment" if f["kind"] == "pilot" else f"{f['council']}: local authority assessment"


def pdf_url(f):
    if not f["pdf"]:
        return None
    ym = f["pub"][:7]
    if f["pdf"] == "chromium":
        return f"/sites/default/files/{ym}/{f['slug']}-local-authority-assessment-report.pdf"
    return f"/sites/default/files/documents/{f['pub'].replace('-', '')}_LAA_{f['short'].replace(' ', '_').replace('-', '_')}.pdf"


def plan(f):
    """List of pages: dict(path, file, kind, title, stmts|theme)."""
    b, g, p = base(f), f["grouping"], f["kind"] == "pilot"
    pages = [dict(path=b, file=f"pages/{f['slug']}/index.html", kind="about", title=f"About {f['council']}")]
    summ = b + ("/overall-summary" if p else ("/summary" if f["style"] in (1, 2) else "-summary"))
    pages.append(dict(path=summ, file=f"pages/{f['slug']}/summary.html", kind="summary", title="Overall summary"))
    if g == "statement":
        for n in range(1, 10):
            path = f"{b}/{PILOT_SEG[n]}" if p else f"{b}-{STMT_SUFFIX[n]}"
            pages.append(dict(path=path, file=f"pages/{f['slug']}/qs{n}.html", kind="stmts", stmts=[n], title=STATEMENTS[n]))
    elif g == "theme":
        for t, tname, ns in THEMES:
            path = f"{b}/{THEME_SEG[t]}" if (p or f["style"] == 2) else f"{b}-theme{t}"
            pages.append(dict(path=path, file=f"pages/{f['slug']}/theme{t}.html", kind="stmts", stmts=ns, theme=t,
                              title=f"Theme {t}: {tname}"))
    else:
        path = f"{b}/quality-statements" if (p or f["style"] != 3) else f"{b}-quality-statements"
        pages.append(dict(path=path, file=f"pages/{f['slug']}/statements.html", kind="stmts", stmts=list(range(1, 10)),
                          title="Quality statements"))
    return pages


# ---------------------------------------------------------------- page chrome

CSS = "/themes/custom/cqc_govuk/dist/css/cqc-frontend.min.css?v=4.2.1"


def chrome(title, body, crumbs, style):
    crumb_html = ""
    if crumbs:
        items = "".join(f'<li class="govuk-breadcrumbs__list-item"><a class="govuk-breadcrumbs__link" href="{h}">{E(t)}</a></li>'
                        for t, h in crumbs)
        crumb_html = f'<nav class="govuk-breadcrumbs" aria-label="Breadcrumb"><ol class="govuk-breadcrumbs__list">{items}</ol></nav>'
    return f"""<!DOCTYPE html>
<html lang="en" class="govuk-template">
<head>
<meta charset="utf-8">
<title>{E(title)} | Care Quality Commission</title>
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="generator" content="Drupal 10 (https://www.drupal.org)">
<link rel="stylesheet" href="{CSS}">
</head>
<body class="govuk-template__body path-node page-node-type-la-assessment">
<a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>
<header class="cqc-header" role="banner">
  <div class="govuk-width-container cqc-header__container">
    <a href="/" class="cqc-header__logo"><span class="govuk-visually-hidden">Care Quality Commission home</span></a>
    <nav class="cqc-header__nav" aria-label="Menu"><ul class="cqc-header__navigation-list">
      <li><a href="{LIST}">Local authority assessments</a></li>
      <li><a href="https://www.cqc.org.uk/about-us">About us</a></li>
      <li><a href="https://www.cqc.org.uk/contact-us">Contact us</a></li>
    </ul></nav>
  </div>
</header>
<div class="govuk-width-container">
  <div class="govuk-phase-banner"><p class="govuk-phase-banner__content"><strong class="govuk-tag govuk-phase-banner__content__tag">Beta</strong>
  <span class="govuk-phase-banner__text">This is our new website. <a class="govuk-link" href="https://www.cqc.org.uk/feedback">Tell us what you think</a>.</span></p></div>
  {crumb_html}
  <main class="govuk-main-wrapper" id="main-content" role="main">
{body}
  </main>
</div>
<footer class="govuk-footer" role="contentinfo"><div class="govuk-width-container">
<h2 class="govuk-visually-hidden">Support links</h2>
<ul class="govuk-footer__inline-list">
<li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="https://www.cqc.org.uk/about-us/our-policies/accessibility-statement">Accessibility</a></li>
<li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="https://www.cqc.org.uk/about-us/our-policies/privacy-statement">Privacy</a></li>
</ul>
<p class="govuk-footer__licence-description">All content is available under the Open Government Licence v3.0, except where otherwise stated</p>
<p>&copy; Care Quality Commission</p>
</div></footer>
</body>
</html>
"""


def report_header(f, page):
    """Council header, published line, downloads block: always before the page heading."""
    st = f["style"]
    pub, upd = f["pub"], page_updated(f, page)
    if st == 1:
        h = f'<span class="govuk-caption-xl cqc-report-header">{E(header_title(f))}</span>'
    else:
        h = f'<h1 class="govuk-heading-xl cqc-report-header">{E(header_title(f))}</h1>'
    if st == 0:
        meta = f'<p class="cqc-meta">Published: {d(pub)} Page last updated: {d(upd)}</p>'
    elif st == 1:
        meta = (f'<p class="cqc-meta govuk-body-s">Published: {tdate(pub, 0)} <span class="cqc-meta__sep" aria-hidden="true">|</span> '
                f'Page last updated: {tdate(upd, 0)}</p>')
    elif st == 2:
        meta = (f'<dl class="cqc-meta cqc-meta--inline"><dt>Published:</dt><dd>{tdate(pub, 2)}</dd>'
                f'<dt>Page last updated:</dt><dd>{tdate(upd, 2)}</dd></dl>')
    else:
        meta = (f'<ul class="govuk-list cqc-meta"><li>Published: {d(pub)}</li><li>Page last updated: {d(upd)}</li></ul>')
    url = pdf_url(f)
    if url:
        size = f"{1 + (f['idx'] % 7) * 0.3:.1f}MB"
        dl = (f'<aside class="cqc-downloads" aria-labelledby="downloads-{page["kind"]}"><h2 class="govuk-heading-s" id="downloads-{page["kind"]}">Downloads</h2>'
              f'<ul class="govuk-list"><li><a class="govuk-link cqc-download-link" href="{url}" type="application/pdf">'
              f'{E(header_title(f))} report<span class="cqc-download-link__meta"> (PDF, {size})</span></a></li></ul></aside>')
    else:
        dl = ('<aside class="cqc-downloads"><h2 class="govuk-heading-s">Downloads</h2>'
              '<p class="govuk-body-s">A downloadable version of this report is not available. '
              '<a class="govuk-link" href="https://www.cqc.org.uk/contact-us">Contact us</a> if you need it in another format.</p></aside>')
    return f'<div class="cqc-report-masthead">\n{h}\n{meta}\n{dl}\n</div>'


def page_updated(f, page):
    # the summary page carries the family's latest update; others may keep the publication date
    if page["kind"] == "summary" or f["style"] in (0, 3):
        return f["upd"]
    return f["pub"]


def page_h(f, text, level_default=2):
    """The page's own heading: h1 when the report header is a caption (style 1), else h2."""
    lvl = 1 if f["style"] == 1 else level_default
    return f'<h{lvl} class="govuk-heading-l">{E(text)}</h{lvl}>', lvl


def side_nav(f, pages, current):
    items = []
    for p in pages:
        label = p["title"] if p["kind"] != "about" else "About this local authority"
        if p is current:
            items.append(f'<li class="cqc-subnav__item cqc-subnav__item--active" aria-current="page">{E(label)}</li>')
        else:
            items.append(f'<li class="cqc-subnav__item"><a class="govuk-link" href="{p["path"]}">{E(label)}</a></li>')
    return (f'<nav class="cqc-subnav" aria-label="Report contents"><h2 class="govuk-heading-s">Contents</h2>'
            f'<ol class="cqc-subnav__list">{"".join(items)}</ol></nav>')


def prev_next(pages, current):
    i = pages.index(current)
    out = []
    if i > 0:
        p = pages[i - 1]
        out.append(f'<div class="govuk-pagination__prev"><a class="govuk-link govuk-pagination__link" href="{p["path"]}" rel="prev">'
                   f'<span class="govuk-pagination__link-title">Previous<span class="govuk-visually-hidden"> page</span></span>'
                   f'<span class="govuk-visually-hidden">:</span> <span class="govuk-pagination__link-label">{E(p["title"])}</span></a></div>')
    if i < len(pages) - 1:
        p = pages[i + 1]
        out.append(f'<div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" href="{p["path"]}" rel="next">'
                   f'<span class="govuk-pagination__link-title">Next<span class="govuk-visually-hidden"> page</span></span>'
                   f'<span class="govuk-visually-hidden">:</span> <span class="govuk-pagination__link-label">{E(p["title"])}</span></a></div>')
    return f'<nav class="govuk-pagination govuk-pagination--block" aria-label="Pagination">{"".join(out)}</nav>'


OTHERS = [("Knowsley Council", "Good", 75), ("London Borough of Brent", "Requires improvement", 61),
          ("Wokingham Borough Council", "Good", 81), ("Medway Council", "Requires improvement", 58),
          ("Royal Borough of Kensington and Chelsea", "Outstanding", 89)]


def related(f):
    st = f["style"]
    others = [g for g in FAMS if g is not f]
    picks = [others[(f["idx"] * 5 + k * 7) % len(others)] for k in range(3)]
    ext = OTHERS[f["idx"] % len(OTHERS)]
    cards = []
    for g in picks:
        if g["kind"] == "pilot":
            val = f"Indicative rating: {g['rating']}"
        elif st == 2:
            val = f"{g['rating']} <span class=\"cqc-score\">{g['pct']}%</span>"
        else:
            val = f"Rating: {g['rating']}, score {g['pct']}%"
        cards.append(f'<li class="cqc-card"><h3 class="govuk-heading-s cqc-card__heading"><a class="govuk-link" href="{base(g)}">'
                     f'{E(header_title(g))}</a></h3><p class="govuk-body-s">{val}</p></li>')
    cards.append(f'<li class="cqc-card"><h3 class="govuk-heading-s cqc-card__heading">{E(ext[0])}</h3>'
                 f'<p class="govuk-body-s">{ext[1]} ({ext[2]}%)</p></li>')
    return (f'<aside class="cqc-related" role="complementary"><h2 class="govuk-heading-m">Other local authority assessments</h2>'
            f'<ul class="cqc-card-list">{"".join(cards)}</ul>'
            f'<p class="govuk-body-s"><a class="govuk-link" href="{LIST}">See all local authority assessment reports</a></p></aside>')


# ---------------------------------------------------------------- score writing

def score_block(f, n):
    sc = f["scores"][n - 1]
    st = f["style"]
    if f["kind"] == "pilot":
        return (f'<div class="cqc-score-block"><p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">Indicative score:</p>'
                f'<p class="govuk-body cqc-score-block__value">{sc} - {BAND[sc]}</p></div>')
    if sc is None:
        return ('<div class="cqc-score-block"><p class="govuk-body">Score: </p>'
                '<p class="govuk-body-s">The score for this quality statement will be shown here.</p></div>')
    if st == 0:
        return f'<div class="cqc-score-block"><p class="govuk-body"><strong>Score: {sc}</strong></p><p class="govuk-body">{sc} - {BAND[sc]}</p></div>'
    if st == 1:
        return (f'<p class="govuk-body cqc-score-block"><strong class="govuk-tag govuk-tag--score-{sc}">'
                f'<span class="govuk-visually-hidden">Score: </span>{sc} out of 4</strong> {BAND[sc]}</p>')
    if st == 2:
        return (f'<dl class="govuk-summary-list govuk-summary-list--no-border cqc-score-block"><div class="govuk-summary-list__row">'
                f'<dt class="govuk-summary-list__key">Score</dt><dd class="govuk-summary-list__value">{sc} &ndash; {BAND[sc]}</dd></div></dl>')
    return (f'<div class="govuk-inset-text cqc-score-block"><p class="govuk-body">Scored {sc} out of 4</p>'
            f'<p class="govuk-body-s">{BAND[sc]}</p></div>')


def statement_html(f, n, h):
    """Render one quality statement with its heading at level h."""
    s = f["statements"][n]
    st, pilot = f["style"], f["kind"] == "pilot"
    sub = min(h + 1, 6)
    subsub = min(h + 2, 6)
    out = [f'<section class="cqc-quality-statement" id="qs-{n}">',
           f'<h{h} class="govuk-heading-l">{E(STATEMENTS[n])}</h{h}>', score_block(f, n)]
    ex = "".join(f"<li>{E(t)}</li>" for t in s["what_people_expect"])
    if st == 3:
        out.append(f'<details class="govuk-details"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">'
                   f'What people expect</span></summary><div class="govuk-details__text"><ul class="govuk-list govuk-list--bullet">{ex}</ul></div></details>')
    elif st == 2:
        out.append(f'<h{sub} class="govuk-heading-m">What people expect</h{sub}>'
                   + "".join(f'<blockquote class="cqc-i-statement"><p>{E(t)}</p></blockquote>' for t in s["what_people_expect"]))
    else:
        out.append(f'<h{sub} class="govuk-heading-m">What people expect</h{sub}><ul class="govuk-list govuk-list--bullet">{ex}</ul>')
    ct = "The local authority commitment:" if pilot else "The local authority commitment"
    out.append(f'<h{sub} class="govuk-heading-m">{ct}</h{sub}><p class="govuk-body cqc-we-statement">{E(s["commitment"])}</p>')
    out.append(f'<h{sub} class="govuk-heading-m">Key findings for this quality statement</h{sub}>')
    for kf in s["key_findings"]:
        out.append(f'<h{subsub} class="govuk-heading-s">{E(kf["heading"])}</h{subsub}>')
        for p in kf["paragraphs"]:
            out.append(f'<p class="govuk-body">{E(p)}</p>')
    out.append("</section>")
    return "\n".join(out)


# ---------------------------------------------------------------- page bodies

def about_body(f, page, pages):
    st = f["style"]
    hh, lvl = page_h(f, f"About {f['council']}")
    parts = [hh]
    parts.append(f'<p class="govuk-body">Assessment published: {d(f["pub"], 1 if st == 1 else 0)}</p>')
    if f["kind"] == "pilot":
        parts.append(f'<p class="govuk-body">Assessment start date: {d(f["start"])}</p>')
        parts.append('<div class="govuk-inset-text">This was one of five pilot assessments. Ratings and scores from pilot assessments are indicative.</div>')
    sub = lvl + 1
    parts.append(f'<p class="govuk-body">{E(f["council"])} is one of 153 local authorities in England with responsibilities for adult social care under the Care Act 2014.</p>')
    for title, items, kind in (("Demographics", f["demo"], "demo"), ("Financial facts", f["fin"], "fin")):
        parts.append(f'<h{sub} class="govuk-heading-m">{title}</h{sub}>')
        mode = about_mode(f, kind)
        if mode == "summary":
            rows = "".join(f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{E(l)}</dt>'
                           f'<dd class="govuk-summary-list__value">{E(v)}</dd></div>' for l, v in items)
            parts.append(f'<dl class="govuk-summary-list">{rows}</dl>')
        elif mode == "table":
            rows = "".join(f'<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">{E(l)}</th>'
                           f'<td class="govuk-table__cell">{E(v)}</td></tr>' for l, v in items)
            parts.append(f'<table class="govuk-table"><caption class="govuk-table__caption govuk-visually-hidden">{title}</caption>'
                         f'<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Measure</th>'
                         f'<th scope="col" class="govuk-table__header">Value</th></tr></thead><tbody class="govuk-table__body">{rows}</tbody></table>')
        else:
            lis = "".join(f"<li>{E(t)}</li>" for t in about_texts(items))
            parts.append(f'<ul class="govuk-list govuk-list--bullet">{lis}</ul>')
    return parts


def about_mode(f, kind):
    st = f["style"]
    if kind == "demo":
        return ["summary", "table", "summary", "bullets"][st]
    return ["bullets", "summary", "table", "table"][st]


def about_texts(items):
    out = []
    for l, v in items:
        if v.startswith("The local authority"):
            out.append(v)
        else:
            out.append(f"{l}: {v}")
    return out


def about_key(f, kind):
    items = f["demo"] if kind == "demo" else f["fin"]
    if about_mode(f, kind) == "bullets":
        return [{"text": t} for t in about_texts(items)]
    return [{"label": l, "value": v} for l, v in items]


def score_cell(f, sc):
    st = f["style"]
    if sc is None:
        return ""
    if st == 0:
        return f"Score: {sc}"
    if st == 1:
        return f'<strong class="govuk-tag govuk-tag--score-{sc}">{sc}</strong> {BAND[sc]}'
    if st == 2:
        return f"{sc} out of 4"
    return f"{sc}/4"


def summary_body(f, page, pages):
    st, pilot = f["style"], f["kind"] == "pilot"
    hh, lvl = page_h(f, "Overall summary")
    sub = lvl + 1
    parts = [hh]
    if pilot:
        parts.append(f'<h{sub} class="govuk-heading-m">Local authority indicative rating</h{sub}>')
        parts.append(f'<div class="govuk-panel cqc-rating-panel"><p class="govuk-panel__body">{f["rating"]}: {BAND[{"Outstanding": 4, "Good": 3, "Requires improvement": 2, "Inadequate": 1}[f["rating"]]]}</p></div>')
    else:
        parts.append(f'<h{sub} class="govuk-heading-m">Local authority rating and score</h{sub}>')
        rw = f["rating"] if st != 3 else f["rating"].title().replace("Improvement", "Improvement")
        if st == 0:
            parts.append(f'<p class="govuk-body">{E(f["council"])}</p><p class="govuk-body govuk-!-font-size-36"><strong>{rw}</strong></p>'
                         f'<p class="govuk-body">Overall rating for {E(f["council"])}: {f["pct"]}%</p>')
        elif st == 1:
            parts.append(f'<div class="govuk-panel govuk-panel--confirmation cqc-rating-panel"><h{sub+1} class="govuk-panel__title">{E(f["council"])}</h{sub+1}>'
                         f'<div class="govuk-panel__body">{rw}<br><span class="cqc-rating-panel__score">Overall score: {f["pct"]}%</span></div></div>')
        elif st == 2:
            parts.append(f'<div class="cqc-card cqc-card--rating"><p class="govuk-body-s">{E(f["council"])}</p>'
                         f'<p class="cqc-rating cqc-rating--{rw.lower().replace(" ", "-")}">{rw}</p>'
                         f'<p class="govuk-body">Overall rating for {E(f["council"])}: {f["pct"]} per cent</p></div>')
        else:
            parts.append(f'<dl class="govuk-summary-list"><div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Local authority</dt>'
                         f'<dd class="govuk-summary-list__value">{E(f["council"])}</dd></div><div class="govuk-summary-list__row">'
                         f'<dt class="govuk-summary-list__key">Rating</dt><dd class="govuk-summary-list__value">{rw}</dd></div>'
                         f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Overall score</dt>'
                         f'<dd class="govuk-summary-list__value">{f["pct"]}%</dd></div></dl>')
    url = pdf_url(f)
    if url and st in (1, 3):
        parts.append(f'<p class="govuk-body"><a class="govuk-link" href="{url}">Download this report (PDF, {1 + (f["idx"] % 7) * 0.3:.1f}MB)</a></p>')
    parts.append(f'<h{sub} class="govuk-heading-m">Quality statement scores</h{sub}>' if not pilot else
                 f'<h{sub} class="govuk-heading-m">Quality statement indicative scores</h{sub}>')
    if pilot:
        lis = "".join(f'<li><span class="cqc-qs-name">{STATEMENTS[n]}</span><br>Indicative score: {f["scores"][n-1]}</li>' for n in range(1, 10))
        parts.append(f'<ul class="govuk-list cqc-score-list">{lis}</ul>')
    elif st in (1, 3):
        rows = []
        for t, tname, ns in THEMES:
            for k, n in enumerate(ns):
                th = f'<th scope="rowgroup" rowspan="{len(ns)}" class="govuk-table__header">{tname}</th>' if k == 0 else ""
                rows.append(f'<tr class="govuk-table__row">{th}<td class="govuk-table__cell">{STATEMENTS[n]}</td>'
                            f'<td class="govuk-table__cell">{score_cell(f, f["scores"][n-1])}</td></tr>')
        parts.append('<table class="govuk-table cqc-score-table"><thead class="govuk-table__head"><tr class="govuk-table__row">'
                     '<th scope="col" class="govuk-table__header">Theme</th><th scope="col" class="govuk-table__header">Quality statement</th>'
                     '<th scope="col" class="govuk-table__header">Score</th></tr></thead>'
                     f'<tbody class="govuk-table__body">{"".join(rows)}</tbody></table>')
    elif st == 0:
        rows = "".join(f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{STATEMENTS[n]}</dt>'
                       f'<dd class="govuk-summary-list__value">{score_cell(f, f["scores"][n-1])}</dd></div>' for n in range(1, 10))
        parts.append(f'<dl class="govuk-summary-list cqc-score-list">{rows}</dl>')
    else:
        cards = []
        for t, tname, ns in THEMES:
            lis = "".join(f'<li class="cqc-score-card__item"><span class="cqc-score-card__name">{STATEMENTS[n]}</span> '
                          f'<span class="cqc-score-card__value"><span class="govuk-visually-hidden">Score: </span>{score_cell(f, f["scores"][n-1])}</span></li>'
                          for n in ns)
            cards.append(f'<div class="cqc-card cqc-score-card"><h{sub+1} class="govuk-heading-s">{tname}</h{sub+1}><ul class="govuk-list">{lis}</ul></div>')
        parts.append(f'<div class="cqc-card-grid">{"".join(cards)}</div>')
    parts.append(f'<h{sub} class="govuk-heading-m">Summary of people\'s experiences</h{sub}>')
    parts += [f'<p class="govuk-body">{E(p)}</p>' for p in f["people"]]
    parts.append(f'<h{sub} class="govuk-heading-m">Summary of strengths, areas for development and next steps</h{sub}>')
    parts += [f'<p class="govuk-body">{E(p)}</p>' for p in f["strengths"]]
    return parts


def stmts_body(f, page, pages):
    st, ns = f["style"], page["stmts"]
    parts = []
    if len(ns) == 1:
        lvl = 1 if st == 1 else 2
        parts.append(f'<p class="govuk-caption-m">Theme {THEME_OF[ns[0]]}: {THEMES[THEME_OF[ns[0]] - 1][1]}</p>')
        parts.append(statement_html(f, ns[0], lvl))
        return parts
    hh, lvl = page_h(f, page["title"])
    parts.append(hh)
    # contents list
    lis = "".join(f'<li><a class="govuk-link" href="#qs-{n}">{STATEMENTS[n]}</a></li>' for n in ns)
    parts.append(f'<nav class="cqc-contents-list" aria-label="On this page"><h{lvl+1} class="govuk-heading-s">On this page</h{lvl+1}><ul class="govuk-list">{lis}</ul></nav>')
    if len(ns) == 9 and st in (0, 3):
        # accordion, grouped by theme
        for t, tname, tns in THEMES:
            parts.append(f'<h{lvl+1} class="govuk-heading-m">{tname}</h{lvl+1}>')
            parts.append(f'<div class="govuk-accordion" data-module="govuk-accordion" id="accordion-theme-{t}">')
            for n in tns:
                parts.append(f'<div class="govuk-accordion__section"><div class="govuk-accordion__section-content" id="accordion-qs-{n}">')
                parts.append(statement_html(f, n, lvl + 2))
                parts.append('</div></div>')
            parts.append('</div>')
    else:
        for n in ns:
            parts.append(statement_html(f, n, lvl + 1))
    return parts


def render_page(f, page, pages):
    body_fn = {"about": about_body, "summary": summary_body, "stmts": stmts_body}[page["kind"]]
    inner = body_fn(f, page, pages)
    st = f["style"]
    crumbs = [("Home", "/"), ("Local authority assessments", LIST)]
    if page["kind"] != "about":
        crumbs.append((header_title(f), base(f)))
    if st == 2:
        crumbs = crumbs[:2]
    body = [report_header(f, page),
            '<div class="govuk-grid-row"><div class="govuk-grid-column-one-third">', side_nav(f, pages, page), '</div>',
            '<div class="govuk-grid-column-two-thirds"><article class="cqc-report-content">',
            *inner, '</article>', prev_next(pages, page), '</div></div>', related(f)]
    if st == 3 and page["kind"] == "stmts" and f["grouping"] == "statement":
        # an editor's table left unclosed in a WYSIWYG field (real CMS wart)
        pass
    title = f"{page['title']} - {header_title(f)}"
    return chrome(title, "\n".join(body), crumbs, st)


def write(path, file, content, ctype="text/html; charset=utf-8"):
    full = os.path.join(SITE, file)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    mode = "wb" if isinstance(content, bytes) else "w"
    with open(full, mode) as fh:
        fh.write(content)
    ROUTES[path] = {"file": file, "type": ctype}


# ---------------------------------------------------------------- listing

IN_PROGRESS = ["Isle of Wight Council", "Rutland County Council"]
PER_PAGE = 6


def listing():
    formal = sorted([f for f in FAMS if f["kind"] == "formal"], key=lambda f: f["pub"], reverse=True)
    pilots = [f for f in FAMS if f["kind"] == "pilot"]
    npages = (len(formal) + PER_PAGE - 1) // PER_PAGE
    for p in range(npages):
        chunk = formal[p * PER_PAGE:(p + 1) * PER_PAGE]
        parts = ['<h1 class="govuk-heading-xl">Local authority assessment reports</h1>',
                 '<p class="govuk-body-l">Read our assessments of how local authorities meet their duties under Part 1 of the Care Act 2014.</p>',
                 f'<form class="cqc-search" action="/search/" method="get"><label class="govuk-label" for="q">Search reports</label>'
                 f'<input class="govuk-input" id="q" name="q" type="search"><input type="hidden" name="type" value="la_assessment">'
                 f'<button class="govuk-button" type="submit">Search</button></form>']
        if p == 0:
            parts.append('<h2 class="govuk-heading-l">Assessments in progress</h2><p class="govuk-body">We are currently assessing:</p>'
                         f'<ul class="govuk-list govuk-list--bullet">{"".join(f"<li>{E(n)}</li>" for n in IN_PROGRESS)}</ul>')
        parts.append(f'<h2 class="govuk-heading-l">Assessment reports</h2>'
                     f'<p class="govuk-body-s">Showing {p * PER_PAGE + 1} to {p * PER_PAGE + len(chunk)} of {len(formal)} reports, most recent first</p>')
        items = []
        for f in chunk:
            items.append(f'<li class="cqc-search-result"><h3 class="govuk-heading-s"><a class="govuk-link" href="{base(f)}">'
                         f'{E(f["council"])}: local authority assessment</a></h3>'
                         f'<p class="govuk-body-s">Published {tdate(f["pub"], 0)}</p></li>')
        parts.append(f'<ul class="govuk-list cqc-search-results">{"".join(items)}</ul>')
        # GOV.UK pagination component, Drupal 0-based ?page=
        pg = []
        if p > 0:
            href = LIST if p == 1 else f"{LIST}?page={p - 1}"
            pg.append(f'<div class="govuk-pagination__prev"><a class="govuk-link govuk-pagination__link" href="{href}" rel="prev">'
                      f'<span class="govuk-pagination__link-title">Previous<span class="govuk-visually-hidden"> page</span></span></a></div>')
        lis = []
        for q in range(npages):
            href = LIST if q == 0 else f"{LIST}?page={q}"
            cur = ' govuk-pagination__item--current' if q == p else ''
            ac = ' aria-current="page"' if q == p else ''
            lis.append(f'<li class="govuk-pagination__item{cur}"><a class="govuk-link govuk-pagination__link" href="{href}" aria-label="Page {q + 1}"{ac}>{q + 1}</a></li>')
        pg.append(f'<ul class="govuk-pagination__list">{"".join(lis)}</ul>')
        if p < npages - 1:
            pg.append(f'<div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" href="{LIST}?page={p + 1}" rel="next">'
                      f'<span class="govuk-pagination__link-title">Next<span class="govuk-visually-hidden"> page</span></span></a></div>')
        parts.append(f'<nav class="govuk-pagination" aria-label="Pagination">{"".join(pg)}</nav>')
        if p == npages - 1:
            lis = "".join(f'<li><a class="govuk-link" href="{base(f)}">{E(f["council"])}: local authority assessment</a> '
                          f'<span class="govuk-body-s">(pilot, published {d(f["pub"])})</span></li>' for f in pilots)
            parts.append('<h2 class="govuk-heading-l">Pilot assessments</h2>'
                         '<p class="govuk-body">In 2023 we piloted our approach with five local authorities. The ratings from these are indicative.</p>'
                         f'<ul class="govuk-list govuk-list--bullet">{lis}</ul>')
        html = chrome("Local authority assessment reports", "\n".join(parts), [("Home", "/")], 0)
        path = LIST if p == 0 else f"{LIST}?page={p}"
        write(path, f"pages/listing/page-{p}.html", html)


# ---------------------------------------------------------------- keys

def key_for(f):
    sc = f["scores"]
    k = {
        "slug": f["slug"], "url": base(f), "council": f["council"], "la_code": f["la"], "kind": f["kind"],
        "expect": {"not_loaded": f["not_loaded"]} if f.get("not_loaded") else "loads",
        "published": f["pub"], "last_updated": f["upd"], "rating": f["rating"], "overall_pct": f["pct"],
        "scores": {str(n): sc[n - 1] for n in range(1, 10) if sc[n - 1] is not None},
        "statements": {str(n): f["statements"][n] for n in range(1, 10)},
        "people_experience": f["people"],
        "demographics": about_key(f, "demo"),
        "financial_facts": about_key(f, "fin"),
        "pdf": None,
    }
    if f["pdf"]:
        eng = {"chromium": "Chromium 156 headless (Skia/PDF, print-to-pdf)",
               "libreoffice": "LibreOffice 7.4 (writer_pdf_Export) from a python-docx 1.2 .docx"}[f["pdf"]]
        k["pdf"] = {"url": pdf_url(f), "engine": eng, "carries": {
            "rating": f["rating"], "overall_pct": f["pct"], "scores": k["scores"], "statements": k["statements"],
            "people_experience": f["people"]}}
        if f["pdf"] == "libreoffice":
            k["pdf"]["carries"]["demographics"] = [{"text": t} for t in about_texts(f["demo"])]
            k["pdf"]["carries"]["financial_facts"] = [{"text": t} for t in about_texts(f["fin"])]
    return k


def main():
    fam_pages = {}
    for f in FAMS:
        pages = plan(f)
        fam_pages[f["slug"]] = pages
        for page in pages:
            write(page["path"], page["file"], render_page(f, page, pages))
        os.makedirs(os.path.join(SITE, "answers"), exist_ok=True)
        with open(os.path.join(SITE, "answers", f"{f['slug']}.json"), "w") as fh:
            json.dump(key_for(f), fh, indent=2, ensure_ascii=False)
        if f["pdf"]:
            url = pdf_url(f)
            ROUTES[url] = {"file": f"pdf/{f['slug']}.pdf", "type": "application/pdf"}
    listing()
    write("/", "pages/home.html", chrome("Care Quality Commission", '<h1 class="govuk-heading-xl">Care Quality Commission</h1>'
          f'<p class="govuk-body-l">The independent regulator of health and adult social care in England.</p>'
          f'<p class="govuk-body"><a class="govuk-link" href="{LIST}">Local authority assessment reports</a></p>', [], 0))
    write(CSS, "assets/cqc-frontend.min.css", ".govuk-visually-hidden{position:absolute!important;width:1px!important;height:1px!important;"
          "overflow:hidden!important;clip:rect(0 0 0 0)!important;white-space:nowrap!important}"
          ".cqc-card-list{list-style:none;padding:0}.govuk-tag{display:inline-block;padding:2px 8px;background:#1d70b8;color:#fff}\n",
          "text/css; charset=utf-8")
    write("/robots.txt", "robots.txt", "User-agent: *\nDisallow: /search/\n", "text/plain; charset=utf-8")
    with open(os.path.join(SITE, "routes.json"), "w") as fh:
        json.dump(ROUTES, fh, indent=1, sort_keys=True)
    with open(os.path.join(SITE, "src", "plan.json"), "w") as fh:
        json.dump({s: [p["path"] for p in ps] for s, ps in fam_pages.items()}, fh, indent=1)


if __name__ == "__main__":
    main()
