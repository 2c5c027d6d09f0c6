"""HTML renderer: GOV.UK Design System markup, varied per family style.

Styles: A gds-classic, B gds-table, C gds-tags, D legacy-drupal, E gds-accordion,
F gds-sections, G gds-theme-cards, P pilot (2023 template).
"""
import html
import random

from content import BAND, RATING_BAND, STATEMENTS
from model import BASE, fmt_date, theme_name

E = lambda s: html.escape(str(s), quote=False)
A = lambda s: html.escape(str(s), quote=True)

TAG_SCORE = {1: "red", 2: "yellow", 3: "green", 4: "turquoise"}
TAG_RATING = {"Outstanding": "turquoise", "Good": "green", "Requires improvement": "orange",
              "Inadequate": "red"}

CSS = "/assets/css/cqc-frontend.css"


# ------------------------------------------------------------------ chrome
def gds_head(title):
    return f"""<!DOCTYPE html>
<html lang="en" class="govuk-template">
<head>
<meta charset="utf-8">
<title>{E(title)} | Care Quality Commission</title>
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="theme-color" content="#0b0c0c">
<link rel="stylesheet" href="{CSS}">
</head>
"""


def gds_header():
    return """<body class="govuk-template__body">
<script>document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');</script>
<a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>
<header class="govuk-header" data-module="govuk-header">
  <div class="govuk-header__container govuk-width-container">
    <div class="govuk-header__logo">
      <a href="/" class="govuk-header__link govuk-header__link--homepage">
        <span class="govuk-header__logotype-text">Care Quality Commission</span>
      </a>
    </div>
    <div class="govuk-header__content">
      <nav aria-label="Menu" class="govuk-header__navigation">
        <button type="button" class="govuk-header__menu-button govuk-js-header-toggle" aria-controls="navigation" hidden>Menu</button>
        <ul id="navigation" class="govuk-header__navigation-list">
          <li class="govuk-header__navigation-item"><a class="govuk-header__link" href="/care-services">Find care services</a></li>
          <li class="govuk-header__navigation-item govuk-header__navigation-item--active"><a class="govuk-header__link" href="/care-services/local-authority-assessment-reports">Local authority assessments</a></li>
          <li class="govuk-header__navigation-item"><a class="govuk-header__link" href="/about-us">About us</a></li>
          <li class="govuk-header__navigation-item"><a class="govuk-header__link" href="/contact-us">Contact us</a></li>
        </ul>
      </nav>
    </div>
  </div>
</header>
"""


def gds_footer():
    return """<footer class="govuk-footer">
  <div class="govuk-width-container">
    <div class="govuk-footer__meta">
      <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
        <h2 class="govuk-visually-hidden">Support links</h2>
        <ul class="govuk-footer__inline-list">
          <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/accessibility">Accessibility</a></li>
          <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/cookies">Cookies</a></li>
          <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/privacy-notice">Privacy notice</a></li>
          <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/contact-us">Contact us</a></li>
        </ul>
        <span class="govuk-footer__licence-description">All content is available under the <a class="govuk-footer__link" href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/" rel="license">Open Government Licence v3.0</a>, except where otherwise stated</span>
      </div>
      <div class="govuk-footer__meta-item">&copy; Care Quality Commission</div>
    </div>
  </div>
</footer>
<script type="module" src="/assets/js/cqc-frontend.js"></script>
</body>
</html>
"""


def legacy_head_header(title):
    return f"""<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8" />
<meta name="Generator" content="Drupal 10 (https://www.drupal.org)" />
<meta name="MobileOptimized" content="width" />
<meta name="viewport" content="width=device-width, initial-scale=1.0" />
<title>{E(title)} | Care Quality Commission</title>
<link rel="stylesheet" media="all" href="{CSS}" />
</head>
<body class="path-node page-node-type-local-authority-assessment">
<a href="#main-content" class="visually-hidden focusable skip-link">Skip to main content</a>
<div class="dialog-off-canvas-main-canvas" data-off-canvas-main-canvas>
<div class="layout-container">
<header role="banner" class="site-header">
  <div class="region region-header">
    <div id="block-cqc-branding" class="block block-system block-system-branding-block">
      <a href="/" rel="home" class="site-logo">Care Quality Commission</a>
    </div>
    <nav role="navigation" aria-labelledby="block-cqc-main-menu-menu" id="block-cqc-main-menu" class="block block-menu navigation menu--main">
      <h2 class="visually-hidden" id="block-cqc-main-menu-menu">Main navigation</h2>
      <ul class="menu">
        <li class="menu-item"><a href="/care-services">Find care services</a></li>
        <li class="menu-item menu-item--active-trail"><a href="/care-services/local-authority-assessment-reports">Local authority assessments</a></li>
        <li class="menu-item"><a href="/about-us">About us</a></li>
      </ul>
    </nav>
    <form action="/search" method="get" class="search-block-form" role="search">
      <label for="edit-keys" class="visually-hidden">Search</label>
      <input type="search" id="edit-keys" name="keys" value="" size="15" maxlength="128" />
      <input type="submit" value="Search" class="button" />
    </form>
  </div>
</header>
"""


def legacy_footer():
    return """<footer role="contentinfo" class="site-footer">
  <div class="region region-footer">
    <nav role="navigation" class="block block-menu menu--footer">
      <ul class="menu">
        <li class="menu-item"><a href="/accessibility">Accessibility</a></li>
        <li class="menu-item"><a href="/cookies">Cookies</a></li>
        <li class="menu-item"><a href="/privacy-notice">Privacy notice</a></li>
        <li class="menu-item"><a href="/contact-us">Contact us</a></li>
      </ul>
    </nav>
    <p>&copy; Care Quality Commission</p>
  </div>
</footer>
</div>
</div>
</body>
</html>
"""


def breadcrumbs(f, page):
    items = [("/", "Home"), ("/care-services", "Care services"),
             (BASE, "Local authority assessment reports")]
    if page["type"] != "about":
        items.append((f["pages"][0]["url"], f["council"]))
    lis = "\n".join(f'    <li class="govuk-breadcrumbs__list-item"><a class="govuk-breadcrumbs__link" href="{A(h)}">{E(t)}</a></li>' for h, t in items)
    return f"""<nav class="govuk-breadcrumbs" aria-label="Breadcrumb">
  <ol class="govuk-breadcrumbs__list">
{lis}
  </ol>
</nav>
"""


def legacy_breadcrumbs(f, page):
    items = [("/", "Home"), ("/care-services", "Care services"),
             (BASE, "Local authority assessment reports")]
    lis = " ".join(f'<li><a href="{A(h)}">{E(t)}</a></li>' for h, t in items)
    return f'<nav class="breadcrumb" role="navigation" aria-labelledby="system-breadcrumb"><h2 id="system-breadcrumb" class="visually-hidden">Breadcrumb</h2><ol>{lis}</ol></nav>\n'


# ------------------------------------------------------------------ report header pieces
def pub_block(f, page):
    fm = f["date_fmt"]
    p, u = f["published"], page["updated"]
    tp = f'<time datetime="{p}">{E(fmt_date(p, fm))}</time>'
    tu = f'<time datetime="{u}">{E(fmt_date(u, fm))}</time>'
    st = f["style"]
    if st in ("A", "P"):
        return f'<p class="govuk-body-s app-report-dates"><span class="app-report-dates__item">Published: {tp}</span> <span class="app-report-dates__item">Page last updated: {tu}</span></p>\n'
    if st == "B":
        return f'<dl class="app-report-meta govuk-body-s"><dt>Published:</dt> <dd>{tp}</dd> <dt>Page last updated:</dt> <dd>{tu}</dd></dl>\n'
    if st == "C":
        return f'<ul class="govuk-list govuk-body-s app-meta">\n  <li>Published: {tp}</li>\n  <li>Page last updated: {tu}</li>\n</ul>\n'
    if st == "D":
        return f'<div class="field field--name-field-dates"><p class="published-date">Published: {E(fmt_date(p, fm))} Page last updated: {E(fmt_date(u, fm))}</p></div>\n'
    return f'<p class="govuk-body-s govuk-!-margin-bottom-1">Published: {tp}</p>\n<p class="govuk-body-s">Page last updated: {tu}</p>\n'


def downloads_block(f, pdfinfo):
    st = f["style"]
    info = pdfinfo.get(f["slug"])
    if not info:
        if st == "D":
            return '<div class="block block--downloads"><h2 class="block__title">Downloads</h2><p>The PDF version of this report will be added soon.</p></div>\n'
        return ('<div class="app-downloads">\n<h2 class="govuk-heading-m">Downloads</h2>\n'
                '<p class="govuk-body">A PDF version of this report is not available yet. '
                '<a class="govuk-link" href="/contact-us">Contact us</a> if you need this report in another format.</p>\n</div>\n')
    url, size, pages = info["url"], info["size"], info["pages"]
    if st == "D":
        return (f'<div class="block block--downloads"><h2 class="block__title">Downloads</h2><ul class="downloads-list">'
                f'<li class="file file--mime-application-pdf file--application-pdf"><a href="{A(url)}" type="application/pdf">Download this report</a> '
                f'<span class="file-size">(PDF, {size.replace(" ", "")})</span></li></ul></div>\n')
    if st in ("C", "G"):
        return f"""<section class="app-downloads" aria-labelledby="downloads-title">
  <h2 id="downloads-title" class="govuk-heading-s">Downloads</h2>
  <div class="gem-c-attachment">
    <div class="gem-c-attachment__thumbnail"><a class="govuk-link" href="{A(url)}" tabindex="-1" aria-hidden="true"><img src="/assets/images/pub-cover-doc.svg" alt=""></a></div>
    <div class="gem-c-attachment__details">
      <h3 class="gem-c-attachment__title"><a class="govuk-link gem-c-attachment__link" href="{A(url)}">{E(f["header"])}: full report</a></h3>
      <p class="gem-c-attachment__metadata"><span class="gem-c-attachment__attribute"><abbr title="Portable Document Format" class="gem-c-attachment__abbr">PDF</abbr></span>, <span class="gem-c-attachment__attribute">{E(size)}</span>, <span class="gem-c-attachment__attribute">{pages} pages</span></p>
    </div>
  </div>
</section>
"""
    if st == "B":
        return f"""<details class="govuk-details app-downloads">
  <summary class="govuk-details__summary"><span class="govuk-details__summary-text">Downloads</span></summary>
  <div class="govuk-details__text"><a class="govuk-link" href="{A(url)}" download>Download the full report</a> (PDF, {E(size)})</div>
</details>
"""
    return f"""<div class="app-downloads">
<h2 class="govuk-heading-m">Downloads</h2>
<ul class="govuk-list">
  <li><a class="govuk-link" href="{A(url)}">{E(f["header"])} report (PDF, {E(size)})</a></li>
</ul>
</div>
"""


def page_title(f, page):
    if page["type"] == "about":
        return f"About {f['council']}"
    if page["type"] == "summary":
        return "Overall summary"
    if page["type"] == "qs":
        return f["statements"][page["statements"][0]]["name"]
    if page["type"] == "theme":
        t = page["theme"]
        return f"Theme {t}: {theme_name(f, t)}"
    return "Quality statements" if f["style"] != "F" else "Full report"


def report_nav(f, page):
    st = f["style"]
    items = []
    for p in f["pages"]:
        label = "About this assessment" if p["type"] == "about" else page_title(f, p)
        if p["type"] == "qs" and st in ("B",):
            label = f"{STATEMENTS[p['statements'][0]][0]}.{sum(1 for m in range(1, p['statements'][0]) if STATEMENTS[m][0] == STATEMENTS[p['statements'][0]][0]) + 1} {label}"
        items.append((p, label))
    if st == "C":
        lis = "\n".join(
            (f'    <li class="gem-c-contents-list__list-item gem-c-contents-list__list-item--dashed gem-c-contents-list__list-item--active" aria-current="true">{E(lbl)}</li>'
             if p is page else
             f'    <li class="gem-c-contents-list__list-item gem-c-contents-list__list-item--dashed"><a class="gem-c-contents-list__link govuk-link" href="{A(p["url"])}">{E(lbl)}</a></li>')
            for p, lbl in items)
        return f"""<nav class="gem-c-contents-list" aria-label="Contents" role="navigation">
  <h2 class="gem-c-contents-list__title">Contents</h2>
  <ol class="gem-c-contents-list__list">
{lis}
  </ol>
</nav>
"""
    if st == "D":
        act = ' class="is-active"'
        lis = "\n".join(
            f'<li class="menu-item{" menu-item--active" if p is page else ""}"><a href="{A(p["url"])}"{act if p is page else ""}>{E(lbl)}</a></li>'
            for p, lbl in items)
        return f'<nav class="block block-menu menu--report" aria-label="Report navigation"><h2 class="block__title">In this report</h2><ul class="menu">\n{lis}\n</ul></nav>\n'
    if st == "B":
        lis = []
        for p, lbl in items:
            cur = ' aria-current="page"' if p is page else ""
            cls = " app-subnav__section-item--current" if p is page else ""
            lis.append(f'    <li class="app-subnav__section-item{cls}"><a class="app-subnav__link govuk-link govuk-link--no-visited-state" href="{A(p["url"])}"{cur}>{E(lbl)}</a></li>')
        return f"""<nav class="app-subnav" aria-labelledby="app-subnav-heading">
  <h2 class="govuk-visually-hidden" id="app-subnav-heading">Pages in this report</h2>
  <ul class="app-subnav__section">
{chr(10).join(lis)}
  </ul>
</nav>
"""
    # A, E, F, G, P
    title = "In this report" if st == "P" else "Report contents"
    lis = "\n".join(
        (f'  <li><span class="app-report-nav__current" aria-current="page">{E(lbl)}</span></li>' if p is page else
         f'  <li><a class="govuk-link" href="{A(p["url"])}">{E(lbl)}</a></li>')
        for p, lbl in items)
    return f"""<nav class="app-report-nav" aria-labelledby="report-nav-title">
<h2 class="govuk-heading-s" id="report-nav-title">{title}</h2>
<ol class="govuk-list govuk-list--number">
{lis}
</ol>
</nav>
"""


def prev_next(f, page):
    seq = [p for p in f["pages"] if p["type"] != "about"]
    if page not in seq:
        return ""
    i = seq.index(page)
    prev = seq[i - 1] if i > 0 else None
    nxt = seq[i + 1] if i + 1 < len(seq) else None
    if f["style"] == "D":
        out = '<div class="report-pager">'
        if prev:
            out += f'<a class="report-pager__prev" href="{A(prev["url"])}" rel="prev">&laquo; {E(page_title(f, prev))}</a> '
        if nxt:
            out += f'<a class="report-pager__next" href="{A(nxt["url"])}" rel="next">{E(page_title(f, nxt))} &raquo;</a>'
        return out + "</div>\n"
    out = '<nav class="govuk-pagination govuk-pagination--block" aria-label="Pagination">\n'
    if prev:
        out += (f'  <div class="govuk-pagination__prev"><a class="govuk-link govuk-pagination__link" href="{A(prev["url"])}" rel="prev">'
                '<svg class="govuk-pagination__icon govuk-pagination__icon--prev" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13"><path d="m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z"></path></svg>'
                '<span class="govuk-pagination__link-title">Previous<span class="govuk-visually-hidden"> page</span></span>'
                f'<span class="govuk-visually-hidden">:</span><span class="govuk-pagination__link-label">{E(page_title(f, prev))}</span></a></div>\n')
    if nxt:
        out += (f'  <div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" href="{A(nxt["url"])}" rel="next">'
                '<svg class="govuk-pagination__icon govuk-pagination__icon--next" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13"><path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z"></path></svg>'
                '<span class="govuk-pagination__link-title">Next<span class="govuk-visually-hidden"> page</span></span>'
                f'<span class="govuk-visually-hidden">:</span><span class="govuk-pagination__link-label">{E(page_title(f, nxt))}</span></a></div>\n')
    return out + "</nav>\n"


# ------------------------------------------------------------------ related content
def related(f, page, allf):
    kind = f.get("related")
    if not kind:
        return ""
    others = [g for g in allf if g["slug"] != f["slug"] and g["kind"] == "formal" and "bad" not in g]
    rng = random.Random(f"{f['slug']}/{page['id']}/related")
    pick = rng.sample(others, 4)
    if kind == "statement_scores" and page["type"] == "qs":
        n = page["statements"][0]
        lis = "\n".join(
            f'  <li><a class="govuk-link" href="{A(g["pages"][0]["url"])}">{E(g["council"])}</a>: Score: {g["scores"][n - 1]}</li>'
            for g in pick)
        return f"""<aside class="app-related-items" role="complementary">
<h2 class="govuk-heading-s">How other local authorities scored</h2>
<p class="govuk-body-s">Scores for {E(STATEMENTS[n][1].lower() if n != 7 else "safeguarding")} in recently published assessments.</p>
<ul class="govuk-list govuk-body-s">
{lis}
</ul>
</aside>
"""
    if kind in ("sidebar_ratings", "statement_scores"):
        lis = "\n".join(
            f'  <li><a class="govuk-link" href="{A(g["pages"][0]["url"])}">{E(g["council"])}</a><br>'
            f'<span class="govuk-body-s">Rating: {E(g["rating"])}<br>Overall score: {g["pct_printed"]}%</span></li>'
            for g in pick)
        return f"""<aside class="app-related-items" role="complementary">
<h2 class="govuk-heading-s" id="related-title">Other local authority assessments</h2>
<ul class="govuk-list">
{lis}
</ul>
<p class="govuk-body-s"><a class="govuk-link" href="{BASE}">See all local authority assessment reports</a></p>
</aside>
"""
    if kind == "region_table":
        rows = "\n".join(
            f'    <tr class="govuk-table__row"><td class="govuk-table__cell"><a class="govuk-link" href="{A(g["pages"][0]["url"])}">{E(g["council"])}</a></td>'
            f'<td class="govuk-table__cell">{E(g["rating"])}</td><td class="govuk-table__cell govuk-table__cell--numeric">{g["pct_printed"]}%</td></tr>'
            for g in pick)
        return f"""<table class="govuk-table app-related-table">
  <caption class="govuk-table__caption govuk-table__caption--s">Recently published local authority assessments</caption>
  <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Local authority</th><th scope="col" class="govuk-table__header">Rating</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Score</th></tr></thead>
  <tbody class="govuk-table__body">
{rows}
  </tbody>
</table>
"""
    if kind == "latest_ratings":
        lis = "\n".join(f'<li><a href="{A(g["pages"][0]["url"])}">{E(g["council"])}</a> - {E(g["rating"])}</li>' for g in pick)
        return f'<div class="block block--latest-assessments"><h2 class="block__title">Latest local authority assessments</h2><ul>\n{lis}\n</ul></div>\n'
    if kind == "cards_bottom":
        cards = []
        for g in pick[:3]:
            cards.append(f"""<div class="govuk-summary-card">
  <div class="govuk-summary-card__title-wrapper"><h3 class="govuk-summary-card__title"><a class="govuk-link" href="{A(g["pages"][0]["url"])}">{E(g["council"])}</a></h3></div>
  <div class="govuk-summary-card__content"><dl class="govuk-summary-list">
    <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Overall rating</dt><dd class="govuk-summary-list__value">{E(g["rating"])}</dd></div>
    <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Score</dt><dd class="govuk-summary-list__value">{g["pct_printed"]}%</dd></div>
  </dl></div>
</div>""")
        return '<div class="app-related-cards">\n<h2 class="govuk-heading-m">Related local authority assessments</h2>\n' + "\n".join(cards) + "\n</div>\n"
    return ""


# ------------------------------------------------------------------ content pieces
def h(level, text, cls=None, id_=None):
    cls = cls or {1: "govuk-heading-xl", 2: "govuk-heading-l", 3: "govuk-heading-m", 4: "govuk-heading-s",
                  5: "govuk-heading-s", 6: "govuk-heading-s"}[level]
    ida = f' id="{A(id_)}"' if id_ else ""
    return f'<h{level} class="{cls}"{ida}>{E(text)}</h{level}>\n'


def label_value_block(items, mode, caption, style):
    if mode == "text":
        lis = "\n".join(f"  <li>{E(i['text'])}</li>" for i in items)
        cls = "" if style == "D" else ' class="govuk-list govuk-list--bullet"'
        return f"<ul{cls}>\n{lis}\n</ul>\n"
    if mode == "dl":
        rows = "\n".join(f"  <dt>{E(i['label'])}</dt>\n  <dd>{E(i['value'])}</dd>" for i in items)
        return f'<dl class="facts-list">\n{rows}\n</dl>\n'
    if mode == "table":
        rows = "\n".join(f'    <tr class="govuk-table__row"><th scope="row" class="govuk-table__header">{E(i["label"])}</th><td class="govuk-table__cell">{E(i["value"])}</td></tr>' for i in items)
        return f"""<table class="govuk-table">
  <caption class="govuk-table__caption govuk-table__caption--s govuk-visually-hidden">{E(caption)}</caption>
  <tbody class="govuk-table__body">
{rows}
  </tbody>
</table>
"""
    rows = "\n".join(f'  <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{E(i["label"])}</dt><dd class="govuk-summary-list__value">{E(i["value"])}</dd></div>' for i in items)
    return f'<dl class="govuk-summary-list">\n{rows}\n</dl>\n'


def render_blocks(blocks, style):
    out = []
    ul = "<ul>" if style == "D" else '<ul class="govuk-list govuk-list--bullet">'
    p = "<p>" if style == "D" else '<p class="govuk-body">'
    for b in blocks:
        if b[0] == "p":
            out.append(f"{p}{E(b[1])}</p>")
        else:
            out.append(f"{p}{E(b[1])}</p>\n{ul}\n" + "\n".join(f"  <li>{E(i)}</li>" for i in b[2]) + "\n</ul>")
    return "\n".join(out) + "\n"


def score_html(f, s):
    st, sc = f["style"], s["score"]
    if sc is None:
        return ""
    band = BAND[sc]
    if st == "A":
        return (f'<p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">Score: {sc}</p>\n'
                f'<p class="govuk-body">{sc} - {band}</p>\n')
    if st == "B":
        return (f'<dl class="govuk-summary-list govuk-summary-list--no-border app-score">\n'
                f'  <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Score</dt><dd class="govuk-summary-list__value">{sc} - {band}</dd></div>\n</dl>\n')
    if st == "C":
        return (f'<p class="govuk-body"><strong class="govuk-tag govuk-tag--{TAG_SCORE[sc]}">Score: {sc}</strong></p>\n'
                f'<p class="govuk-body govuk-hint">{band}</p>\n')
    if st == "D":
        return (f'<div class="field field--name-field-qs-score field--label-inline clearfix"><div class="field__label">Score:</div>\n<div class="field__item">{sc}</div></div>\n'
                f'<div class="field field--name-field-qs-score-text"><div class="field__item">{sc} - {band}</div></div>\n')
    if st == "E":
        return (f'<p class="govuk-body app-score"><span class="govuk-!-font-weight-bold">Score:</span> {sc} out of 4 '
                f'<span class="govuk-!-display-block govuk-hint govuk-!-margin-bottom-0">{band}</span></p>\n')
    if st == "F":
        return (f'<div class="govuk-inset-text app-score"><p class="govuk-body govuk-!-margin-bottom-0">'
                f'<span class="govuk-visually-hidden">Quality statement score: </span>{sc} - {band}</p></div>\n')
    if st == "G":
        return ""  # in the card
    if st == "P":
        return (f'<p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-0">Indicative score:</p>\n'
                f'<p class="govuk-body">{sc} - {band}</p>\n')
    raise ValueError(st)


def statement_html(f, s, lvl, anchor=False):
    """One statement: its heading at level lvl, sub-parts at lvl+1, key-finding sub-headings at lvl+2."""
    st = f["style"]
    out = []
    hid = f"qs{s['n']}" if anchor else None
    if st == "G":
        sc = s["score"]
        out.append(f"""<div class="govuk-summary-card app-qs-card"{f' id="{hid}"' if hid else ""}>
  <div class="govuk-summary-card__title-wrapper"><h{lvl} class="govuk-summary-card__title">{E(s["name"])}</h{lvl}></div>
  <div class="govuk-summary-card__content"><dl class="govuk-summary-list">
    <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Score</dt><dd class="govuk-summary-list__value">{sc} out of 4</dd></div>
    <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">What this means</dt><dd class="govuk-summary-list__value">{BAND[sc]}</dd></div>
  </dl></div>
</div>
""")
    elif st == "D":
        ida = f' id="{hid}"' if hid else ""
        out.append(f'<h{lvl}{ida}>{E(s["name"])}</h{lvl}>\n')
    else:
        out.append(h(lvl, s["name"], id_=hid))
    out.append(score_html(f, s))
    sub = lvl + 1
    hh = (lambda lv, t: f"<h{lv}>{E(t)}</h{lv}>\n") if st == "D" else h
    # What people expect
    if st == "C":
        lis = "\n".join(f"      <li>{E(x)}</li>" for x in s["wpe"])
        out.append(f"""<details class="govuk-details">
  <summary class="govuk-details__summary"><span class="govuk-details__summary-text">What people expect</span></summary>
  <div class="govuk-details__text">
    <ul class="govuk-list govuk-list--bullet">
{lis}
    </ul>
  </div>
</details>
""")
    elif st == "E":
        out.append(hh(sub, "What people expect"))
        out.append("".join(f'<p class="govuk-body app-i-statement">{E(x)}</p>\n' for x in s["wpe"]))
    else:
        out.append(hh(sub, "What people expect"))
        ulc = "<ul>" if st == "D" else '<ul class="govuk-list govuk-list--bullet">'
        out.append(ulc + "\n" + "\n".join(f"  <li>{E(x)}</li>" for x in s["wpe"]) + "\n</ul>\n")
    # Commitment
    label = "The local authority commitment:" if st == "P" else "The local authority commitment"
    out.append(hh(sub, label))
    if st in ("A", "C", "G"):
        out.append(f'<div class="govuk-inset-text">{E(s["commitment"])}</div>\n')
    elif st == "D":
        out.append(f'<p>{E(s["commitment"])}</p>\n')
    else:
        out.append(f'<p class="govuk-body">{E(s["commitment"])}</p>\n')
    # Key findings
    out.append(hh(sub, "Key findings for this quality statement"))
    for sec in s["sections"]:
        if sec["heading"] is not None:
            out.append(hh(min(sub + 1, 6), sec["heading"]))
        out.append(render_blocks(sec["blocks"], st))
    return "".join(out)


def rating_html(f, lvl):
    st, c = f["style"], f["council"]
    r = f.get("rating_case") or f["rating"]
    pct = f["pct_printed"]
    pcts = f"{pct} per cent" if f["pct_fmt"] == "per_cent" else f"{pct}%"
    if st == "P":
        return (h(lvl, "Local authority indicative rating") + f'<p class="govuk-body govuk-!-margin-bottom-1">{E(c)}</p>\n'
                f'<p class="govuk-body govuk-!-font-weight-bold">{E(r)}: {RATING_BAND[f["rating"]]}</p>\n')
    if st == "D":
        return (f"<h{lvl}>Local authority rating and score</h{lvl}>\n<div class=\"field field--name-field-la-name\"><div class=\"field__item\">{E(c)}</div></div>\n"
                f'<div class="field field--name-field-rating"><div class="field__item">{E(r)}</div></div>\n'
                f'<div class="field field--name-field-overall-score"><div class="field__item">Overall rating for {E(c)}: {pcts}</div></div>\n')
    if st == "B":
        return (h(lvl, "Local authority rating and score") + f"""<table class="govuk-table">
  <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Local authority</th><th scope="col" class="govuk-table__header">Rating</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Score</th></tr></thead>
  <tbody class="govuk-table__body"><tr class="govuk-table__row"><td class="govuk-table__cell">{E(c)}</td><td class="govuk-table__cell"><strong class="govuk-tag govuk-tag--{TAG_RATING[f["rating"]]}">{E(r)}</strong></td><td class="govuk-table__cell govuk-table__cell--numeric">{pcts}</td></tr></tbody>
</table>
""")
    if st == "C":
        return (h(lvl, "Local authority rating and score") + f"""<div class="govuk-panel app-rating-panel app-rating-panel--{TAG_RATING[f["rating"]]}">
  <p class="govuk-body app-rating-panel__la">{E(c)}</p>
  <p class="govuk-panel__title">{E(r)}</p>
  <div class="govuk-panel__body">Overall rating for {E(c)}: {pcts}</div>
</div>
""")
    if st == "E":
        return (h(lvl, "Local authority rating and score") + f'<p class="govuk-body govuk-!-margin-bottom-1">{E(c)}</p>\n'
                f'<p class="govuk-body"><strong class="govuk-tag govuk-tag--{TAG_RATING[f["rating"]]}">{E(r)}</strong></p>\n'
                f'<p class="govuk-body">Overall rating for {E(c)}: {pcts}</p>\n')
    if st == "G":
        return (h(lvl, "Local authority rating and score") + f"""<dl class="govuk-summary-list">
  <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Local authority</dt><dd class="govuk-summary-list__value">{E(c)}</dd></div>
  <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Rating</dt><dd class="govuk-summary-list__value"><strong class="govuk-tag govuk-tag--{TAG_RATING[f["rating"]]}">{E(r)}</strong></dd></div>
  <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Overall score</dt><dd class="govuk-summary-list__value">{pcts}</dd></div>
</dl>
""")
    # A, F
    return (h(lvl, "Local authority rating and score") + f'<p class="govuk-body govuk-!-margin-bottom-1">{E(c)}</p>\n'
            f'<p class="govuk-body govuk-!-font-weight-bold govuk-!-font-size-24">{E(r)}</p>\n'
            f'<p class="govuk-body">Overall rating for {E(c)}: {pcts}</p>\n')


def scores_html(f, lvl):
    st = f["style"]
    ss = [f["statements"][n] for n in range(1, 10)]
    title = "Quality statement scores"
    if st == "A":
        out = h(lvl, title)
        for s in ss:
            if s["score"] is None:
                continue
            out += f'<div class="app-qs-score">\n{h(lvl + 1, s["name"], "govuk-heading-s govuk-!-margin-bottom-1")}<p class="govuk-body">Score: {s["score"]}</p>\n</div>\n'
        return out
    if st == "D":
        rows = "\n".join(f"  <dt>{E(s['name'])}</dt>\n  <dd>Score: {s['score']}</dd>" for s in ss if s["score"] is not None)
        return f"<h{lvl}>{title}</h{lvl}>\n<dl class=\"quality-statement-scores\">\n{rows}\n</dl>\n"
    if st in ("B", "G", "P"):
        rows = []
        for t in range(1, 5):
            inth = [s for s in ss if s["theme"] == t and s["score"] is not None]
            for i, s in enumerate(inth):
                if st == "B":
                    cell = f'{s["score"]}<span class="govuk-visually-hidden"> out of 4</span>'
                elif st == "G":
                    cell = f'{s["score"]} out of 4'
                else:
                    cell = f'{s["score"]} - {BAND[s["score"]]}'
                th = (f'<th scope="rowgroup" rowspan="{len(inth)}" class="govuk-table__header">{E(theme_name(f, t))}</th>' if i == 0 else "")
                rows.append(f'    <tr class="govuk-table__row">{th}<td class="govuk-table__cell">{E(s["name"])}</td><td class="govuk-table__cell">{cell}</td></tr>')
        head = "Indicative score" if st == "P" else "Score"
        return h(lvl, title) + f"""<table class="govuk-table app-qs-table">
  <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Theme</th><th scope="col" class="govuk-table__header">Quality statement</th><th scope="col" class="govuk-table__header">{head}</th></tr></thead>
  <tbody class="govuk-table__body">
{chr(10).join(rows)}
  </tbody>
</table>
"""
    if st == "C":
        out = h(lvl, title)
        for t in range(1, 5):
            rows = "\n".join(
                f'    <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{E(s["name"])}</dt><dd class="govuk-summary-list__value"><strong class="govuk-tag govuk-tag--{TAG_SCORE[s["score"]]}">Score: {s["score"]}</strong></dd></div>'
                for s in ss if s["theme"] == t)
            out += f"""<div class="govuk-summary-card">
  <div class="govuk-summary-card__title-wrapper"><h{lvl + 1} class="govuk-summary-card__title">{E(theme_name(f, t))}</h{lvl + 1}></div>
  <div class="govuk-summary-card__content"><dl class="govuk-summary-list">
{rows}
  </dl></div>
</div>
"""
        return out
    if st == "E":
        rows = "\n".join(f'  <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{E(s["name"])}</dt><dd class="govuk-summary-list__value">{s["score"]} - {BAND[s["score"]]}</dd></div>' for s in ss)
        return h(lvl, title) + f'<dl class="govuk-summary-list">\n{rows}\n</dl>\n'
    if st == "F":
        one = next(p for p in f["pages"] if p["type"] == "single")["url"]
        lis = "\n".join(f'  <li><a class="govuk-link" href="{A(one)}#qs{s["n"]}">{E(s["name"])}</a>: {s["score"]} - {BAND[s["score"]]}</li>' for s in ss)
        return h(lvl, title) + f'<ul class="govuk-list">\n{lis}\n</ul>\n'
    raise ValueError(st)


# ------------------------------------------------------------------ page bodies
def body_about(f, lvl, pdfinfo):
    st = f["style"]
    hh = (lambda lv, t: f"<h{lv}>{E(t)}</h{lv}>\n") if st == "D" else h
    p = "<p>" if st == "D" else '<p class="govuk-body">'
    out = hh(lvl, f"About {f['council']}")
    out += f'{p}Assessment published: {E(fmt_date(f["published"], f["date_fmt"]))}</p>\n'
    if f["kind"] == "pilot":
        out += f'{p}Assessment start date: {E(fmt_date(f["start"], f["date_fmt"]))}</p>\n'
        out += (f"{p}This was one of five pilot assessments we carried out in 2023 to test our approach. "
                "The ratings and scores are indicative.</p>\n")
    else:
        out += (f"{p}We assessed how {E(f['council'])} meets its duties under Part 1 of the Care Act (2014). "
                "The report is set out by quality statement, grouped under four themes.</p>\n")
    summ = f["pages"][1]["url"]
    if st == "D":
        out += f'<p><a href="{A(summ[summ.rfind("/") + 1:])}">Read the overall summary</a></p>\n'
    else:
        out += f'<p class="govuk-body"><a class="govuk-link" href="{A(summ)}">Read the overall summary</a></p>\n'
    out += hh(lvl + 1, "Demographics")
    out += label_value_block(f["demographics"], f["demo_mode"], "Demographics", st)
    out += hh(lvl + 1, "Financial facts")
    out += label_value_block(f["financial"], f["fin_mode"], "Financial facts", st)
    return out


def body_summary(f, lvl, pdfinfo):
    st = f["style"]
    hh = (lambda lv, t: f"<h{lv}>{E(t)}</h{lv}>\n") if st == "D" else h
    p = "<p>" if st == "D" else '<p class="govuk-body">'
    out = hh(lvl, "Overall summary")
    out += rating_html(f, lvl + 1)
    out += scores_html(f, lvl + 1)
    out += hh(lvl + 1, "Summary of people's experiences")
    out += "".join(f"{p}{E(x)}</p>\n" for x in f["people"])
    out += hh(lvl + 1, "Summary of strengths, areas for development and next steps")
    out += f"{p}{E(f['strengths'])}</p>\n"
    info = pdfinfo.get(f["slug"])
    if info and f["slug"] in ("stokeontrent-0625", "lancashire-0825", "sheffield-0126"):
        out += f'<p class="govuk-body"><a class="govuk-link" href="{A(info["url"])}">Download this report (PDF, {E(info["size"].replace(" ", ""))})</a></p>\n'
    return out


def body_qs(f, page, lvl):
    return statement_html(f, f["statements"][page["statements"][0]], lvl)


def body_theme(f, page, lvl):
    st = f["style"]
    t = page["theme"]
    out = ""
    if st == "G":
        out += f'<span class="govuk-caption-l">Theme {t}</span>\n' + h(lvl, theme_name(f, t))
    else:
        out += h(lvl, page_title(f, page))
    for n in page["statements"]:
        out += f'<section class="app-quality-statement" id="qs{n}">\n' + statement_html(f, f["statements"][n], lvl + 1) + "</section>\n"
    return out


def body_single(f, page, lvl):
    st = f["style"]
    ss = [f["statements"][n] for n in range(1, 10)]
    if st == "E":
        sections = []
        for i, s in enumerate(ss, 1):
            inner = statement_html(f, s, 3)
            # the accordion section heading carries the name; drop the inner h3 name
            inner = inner.split("\n", 1)[1]
            sections.append(f"""  <div class="govuk-accordion__section" id="qs{s["n"]}">
    <div class="govuk-accordion__section-header">
      <h2 class="govuk-accordion__section-heading"><span class="govuk-accordion__section-button" id="accordion-qs-heading-{i}">{E(s["name"])}</span></h2>
      <div class="govuk-accordion__section-summary govuk-body" id="accordion-qs-summary-{i}">Theme {s["theme"]}: {E(theme_name(f, s["theme"]))}</div>
    </div>
    <div id="accordion-qs-content-{i}" class="govuk-accordion__section-content">
{inner}    </div>
  </div>""")
        return (h(2, "Quality statements") +
                '<p class="govuk-body">Each section sets out the score we gave, what people expect, the local authority commitment and our key findings.</p>\n'
                '<div class="govuk-accordion" data-module="govuk-accordion" id="accordion-qs">\n' + "\n".join(sections) + "\n</div>\n")
    if st == "F":
        toc = "\n".join(f'  <li><a class="govuk-link" href="#qs{s["n"]}">{E(s["name"])}</a></li>' for s in ss)
        out = h(2, "Full report") + f"""<nav class="app-on-this-page" aria-label="On this page">
<h3 class="govuk-heading-s">On this page</h3>
<ul class="govuk-list">
{toc}
</ul>
</nav>
"""
        for t in range(1, 5):
            out += h(2, f"Theme {t}: {theme_name(f, t)}", "govuk-heading-l app-theme-heading")
            for s in ss:
                if s["theme"] == t:
                    out += statement_html(f, s, 3, anchor=True)
                    out += '<p class="govuk-body-s"><a class="govuk-link" href="#main-content">Back to top</a></p>\n'
        return out
    # pilot single page: sections, all at h2
    out = h(2, "Quality statements")
    for s in ss:
        out += f'<section class="app-quality-statement" id="qs{s["n"]}">\n' + statement_html(f, s, 2) + "</section>\n<hr class=\"govuk-section-break govuk-section-break--l govuk-section-break--visible\">\n"
    return out


# ------------------------------------------------------------------ page assembly
def render_family_page(f, page, allf, pdfinfo):
    st = f["style"]
    title = page_title(f, page)
    caption_mode = st == "C"
    lvl = 1 if caption_mode else 2
    if page["type"] == "about":
        body = body_about(f, lvl, pdfinfo)
    elif page["type"] == "summary":
        body = body_summary(f, lvl, pdfinfo)
    elif page["type"] == "qs":
        body = body_qs(f, page, lvl)
    elif page["type"] == "theme":
        body = body_theme(f, page, lvl)
    else:
        body = body_single(f, page, lvl)
    rel = related(f, page, allf)
    nav = report_nav(f, page)
    pn = prev_next(f, page)
    hdr = (f'<span class="govuk-caption-xl">{E(f["header"])}</span>\n' if caption_mode
           else (f'<h1 class="page-title">{E(f["header"])}</h1>\n' if st == "D" else h(1, f["header"], "govuk-heading-xl govuk-!-margin-bottom-3")))
    top = hdr + pub_block(f, page) + downloads_block(f, pdfinfo)
    full_title = f"{title} - {f['header']}"
    if st == "D":
        return (legacy_head_header(full_title) + legacy_breadcrumbs(f, page) +
                f"""<main role="main" id="main-content">
<div class="region region-content">
<article class="node node--type-la-assessment-report node--view-mode-full">
{top}<div class="node__content">
{body}{pn}</div>
</article>
</div>
<aside class="layout-sidebar-second" role="complementary">
{nav}{rel}</aside>
</main>
""" + legacy_footer())
    if st == "B":
        # left sub-navigation first in source order, content to the right; related table at the end of main
        return (gds_head(full_title) + gds_header() + '<div class="govuk-width-container">\n' + breadcrumbs(f, page) +
                f"""<main class="govuk-main-wrapper" id="main-content" role="main">
{top}<div class="govuk-grid-row">
<div class="govuk-grid-column-one-quarter">
{nav}</div>
<div class="govuk-grid-column-three-quarters">
{body}{pn}{rel}</div>
</div>
</main>
</div>
""" + gds_footer())
    if st == "C":
        # contents list above the page heading, as on GOV.UK publications; related block after the body
        return (gds_head(full_title) + gds_header() + '<div class="govuk-width-container">\n' + breadcrumbs(f, page) +
                f"""<main class="govuk-main-wrapper" id="main-content" role="main">
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{top}{nav}{body}{pn}</div>
<div class="govuk-grid-column-one-third">
{rel}</div>
</div>
</main>
</div>
""" + gds_footer())
    # A, E, F, G, P: header full width, two-thirds body, one-third nav + related
    return (gds_head(full_title) + gds_header() + '<div class="govuk-width-container">\n' + breadcrumbs(f, page) +
            f"""<main class="govuk-main-wrapper" id="main-content" role="main">
<div class="govuk-grid-row">
<div class="govuk-grid-column-full">
{top}</div>
</div>
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{body}{pn}</div>
<div class="govuk-grid-column-one-third">
{nav}{rel if st != "E" else ""}</div>
</div>
{rel if st == "E" else ""}</main>
</div>
""" + gds_footer())


# ------------------------------------------------------------------ listing and stubs
def render_listing(allf, page_no, per_page, in_progress):
    formal = sorted([g for g in allf if g["kind"] == "formal"], key=lambda g: (g["published"], g["slug"]), reverse=True)
    pilots = [g for g in allf if g["kind"] == "pilot"]
    npages = (len(formal) + per_page - 1) // per_page
    chunk = formal[(page_no - 1) * per_page: page_no * per_page]
    lis = "\n".join(
        f"""  <li class="app-report-list__item">
    <h3 class="govuk-heading-s govuk-!-margin-bottom-1"><a class="govuk-link" href="{BASE}/{A(g["slug"])}">{E(g["council"])}: local authority assessment</a></h3>
    <p class="govuk-body-s govuk-!-margin-bottom-0">Published {E(fmt_date(g["published"], "long"))}</p>
  </li>""" for g in chunk)
    # GOV.UK pagination component, 1-based ?page=N (page 1 is the bare URL)
    def href(n):
        return BASE if n == 1 else f"{BASE}?page={n}"
    pag = '<nav class="govuk-pagination" aria-label="Pagination">\n'
    if page_no > 1:
        pag += f'  <div class="govuk-pagination__prev"><a class="govuk-link govuk-pagination__link" href="{href(page_no - 1)}" rel="prev"><span class="govuk-pagination__link-title">Previous<span class="govuk-visually-hidden"> page</span></span></a></div>\n'
    pag += '  <ul class="govuk-pagination__list">\n'
    for n in range(1, npages + 1):
        if n == page_no:
            pag += f'    <li class="govuk-pagination__item govuk-pagination__item--current"><a class="govuk-link govuk-pagination__link" href="{href(n)}" aria-label="Page {n}" aria-current="page">{n}</a></li>\n'
        else:
            pag += f'    <li class="govuk-pagination__item"><a class="govuk-link govuk-pagination__link" href="{href(n)}" aria-label="Page {n}">{n}</a></li>\n'
    pag += '  </ul>\n'
    if page_no < npages:
        pag += f'  <div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" href="{href(page_no + 1)}" rel="next"><span class="govuk-pagination__link-title">Next<span class="govuk-visually-hidden"> page</span></span></a></div>\n'
    pag += "</nav>\n"
    prog = "\n".join(f"  <li>{E(x)}</li>" for x in in_progress)
    pil = "\n".join(f'  <li><a class="govuk-link" href="{BASE}/{A(g["slug"])}">{E(g["council"])} assessment</a></li>' for g in pilots)
    start, end = (page_no - 1) * per_page + 1, (page_no - 1) * per_page + len(chunk)
    crumbs = """<nav class="govuk-breadcrumbs" aria-label="Breadcrumb">
  <ol class="govuk-breadcrumbs__list">
    <li class="govuk-breadcrumbs__list-item"><a class="govuk-breadcrumbs__link" href="/">Home</a></li>
    <li class="govuk-breadcrumbs__list-item"><a class="govuk-breadcrumbs__link" href="/care-services">Care services</a></li>
  </ol>
</nav>
"""
    t = "Local authority assessment reports" + (f" (page {page_no} of {npages})" if page_no > 1 else "")
    return (gds_head(t) + gds_header() + '<div class="govuk-width-container">\n' + crumbs + f"""<main class="govuk-main-wrapper" id="main-content" role="main">
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<h1 class="govuk-heading-xl">Local authority assessment reports</h1>
<p class="govuk-body-l">We assess how local authorities meet their duties under Part 1 of the Care Act 2014. Read the reports we have published so far.</p>
<p class="govuk-body"><a class="govuk-link" href="/search?type=local-authority-assessment">Search local authority assessments</a></p>
<h2 class="govuk-heading-l">Assessment reports</h2>
<p class="govuk-body-s">Showing {start} to {end} of {len(formal)} reports, most recent first</p>
<ul class="govuk-list app-report-list">
{lis}
</ul>
{pag}<h2 class="govuk-heading-l">Assessments in progress</h2>
<p class="govuk-body">We are currently assessing these local authorities:</p>
<ul class="govuk-list govuk-list--bullet">
{prog}
</ul>
<h2 class="govuk-heading-l">Pilot assessments</h2>
<p class="govuk-body">In 2023 we carried out pilot assessments of 5 local authorities. Their ratings are indicative.</p>
<ul class="govuk-list">
{pil}
</ul>
</div>
</div>
</main>
</div>
""" + gds_footer()), npages


def render_stub(title, text):
    return (gds_head(title) + gds_header() + '<div class="govuk-width-container">\n' + f"""<main class="govuk-main-wrapper" id="main-content" role="main">
<h1 class="govuk-heading-xl">{E(title)}</h1>
<p class="govuk-body">{E(text)}</p>
<p class="govuk-body"><a class="govuk-link" href="{BASE}">Local authority assessment reports</a></p>
</main>
</div>
""" + gds_footer())
