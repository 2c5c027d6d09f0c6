"""HTML renderer: the six page templates of the blind 'nhsuk' corpus."""
import html, random
import bank
from model import MODELS, BY_SLUG, LISTING, d
from families import OTHERS, IN_PROGRESS


def e(t):
    return html.escape(str(t), quote=False)


def a(t):
    return html.escape(str(t), quote=True)


def long_date(iso):
    x = d(iso)
    return "{} {}".format(x.day, x.strftime("%B %Y"))


def short_date(iso):
    x = d(iso)
    return "{} {}".format(x.day, x.strftime("%b %Y"))


TAG = {"Outstanding": "green", "Good": "green", "Requires improvement": "yellow", "Inadequate": "red"}
SCORE_TAG = {1: "red", 2: "yellow", 3: "green", 4: "blue"}

ARROW_L = '<svg class="nhsuk-icon nhsuk-icon--arrow-left" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="16" height="16" focusable="false" aria-hidden="true"><path d="M10.7 6.3c.4.4.4 1 0 1.4L7.4 11H19a1 1 0 0 1 0 2H7.4l3.3 3.3c.4.4.4 1 0 1.4a1 1 0 0 1-1.4 0l-5-5A1 1 0 0 1 4 12c0-.3.1-.5.3-.7l5-5a1 1 0 0 1 1.4 0Z"/></svg>'
ARROW_R = '<svg class="nhsuk-icon nhsuk-icon--arrow-right" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="16" height="16" focusable="false" aria-hidden="true"><path d="m14.7 6.3 5 5c.2.2.3.4.3.7 0 .3-.1.5-.3.7l-5 5a1 1 0 0 1-1.4-1.4l3.3-3.3H5a1 1 0 0 1 0-2h11.6l-3.3-3.3a1 1 0 1 1 1.4-1.4Z"/></svg>'
ACTION_ARROW = '<svg class="nhsuk-icon nhsuk-icon--arrow-right-circle" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="36" height="36" focusable="false" aria-hidden="true"><path d="M12 2a10 10 0 0 0-10 9h11.7l-4-4a1 1 0 0 1 1.5-1.4l5.6 5.7a1 1 0 0 1 0 1.4l-5.6 5.7a1 1 0 0 1-1.5 0 1 1 0 0 1 0-1.4l4-4H2A10 10 0 1 0 12 2z"/></svg>'

STATIC_CSS = "/themes/custom/cqc_nhsuk/dist/css/main.css"
LEGACY_CSS = "/themes/custom/cqc/css/styles.css"


def pdf_size_text(size, style="MB"):
    if size >= 1024 * 1024:
        return "%.1fMB" % (size / 1024 / 1024)
    return "%dKB" % round(size / 1024)


# ---------------------------------------------------------------- chrome

def nhs_chrome(title, body, crumbs, variant="a"):
    crumb_html = ""
    if crumbs:
        items = "".join('<li class="nhsuk-breadcrumb__item"><a class="nhsuk-breadcrumb__link" href="{}">{}</a></li>'.format(a(u), e(t)) for u, t in crumbs)
        back_u, back_t = crumbs[-1]
        crumb_html = ('<nav class="nhsuk-breadcrumb" aria-label="Breadcrumb"><div class="nhsuk-width-container">'
                      '<ol class="nhsuk-breadcrumb__list">{}</ol>'
                      '<p class="nhsuk-breadcrumb__back"><a class="nhsuk-breadcrumb__backlink" href="{}"><span class="nhsuk-u-visually-hidden">Back to &nbsp;</span>{}</a></p>'
                      '</div></nav>').format(items, a(back_u), e(back_t))
    header_cls = "nhsuk-header nhsuk-header--white" if variant in ("a", "b", "c") else "nhsuk-header nhsuk-header--organisation nhsuk-header--white"
    return """<!DOCTYPE html>
<html lang="en" class="no-js">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} | Care Quality Commission</title>
<meta name="Generator" content="Drupal 10 (https://www.drupal.org)">
<link rel="stylesheet" media="all" href="{css}">
</head>
<body class="path-node page-node-type-la-assessment-report">
<a class="nhsuk-skip-link" href="#maincontent">Skip to main content</a>
<header class="{hcls}" role="banner">
  <div class="nhsuk-header__container">
    <div class="nhsuk-header__logo nhsuk-header__logo--only">
      <a class="nhsuk-header__link nhsuk-header__link--service" href="/" aria-label="Care Quality Commission homepage">
        <span class="nhsuk-organisation-name">Care Quality Commission</span>
      </a>
    </div>
  </div>
  <div class="nhsuk-navigation-container">
    <nav class="nhsuk-navigation" id="header-navigation" role="navigation" aria-label="Primary navigation">
      <ul class="nhsuk-header__navigation-list">
        <li class="nhsuk-header__navigation-item"><a class="nhsuk-header__navigation-link" href="/care-services">Care services</a></li>
        <li class="nhsuk-header__navigation-item"><a class="nhsuk-header__navigation-link" href="/about-us">About us</a></li>
        <li class="nhsuk-header__navigation-item"><a class="nhsuk-header__navigation-link" href="/contact-us">Contact us</a></li>
      </ul>
    </nav>
  </div>
</header>
{crumbs}
<div class="nhsuk-width-container">
<main class="nhsuk-main-wrapper" id="maincontent" role="main">
{body}
</main>
</div>
<footer role="contentinfo">
  <div class="nhsuk-footer-container">
    <div class="nhsuk-width-container">
      <h2 class="nhsuk-u-visually-hidden">Support links</h2>
      <div class="nhsuk-footer">
        <ul class="nhsuk-footer__list">
          <li class="nhsuk-footer__list-item nhsuk-footer-default__list-item"><a class="nhsuk-footer__list-item-link" href="/accessibility-statement">Accessibility statement</a></li>
          <li class="nhsuk-footer__list-item nhsuk-footer-default__list-item"><a class="nhsuk-footer__list-item-link" href="/privacy">Privacy</a></li>
          <li class="nhsuk-footer__list-item nhsuk-footer-default__list-item"><a class="nhsuk-footer__list-item-link" href="/contact-us">Contact us</a></li>
        </ul>
        <p class="nhsuk-footer__copyright">&copy; Care Quality Commission</p>
      </div>
    </div>
  </div>
</footer>
</body>
</html>
""".format(title=e(title), css=STATIC_CSS, hcls=header_cls, crumbs=crumb_html, body=body)


def legacy_chrome(title, body, crumbs):
    items = "".join('<li><a href="{}">{}</a></li>'.format(a(u), e(t)) for u, t in crumbs)
    return """<!DOCTYPE html>
<html lang="en" dir="ltr">
  <head>
    <meta charset="utf-8" />
    <meta name="Generator" content="Drupal 9 (https://www.drupal.org)" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <title>{title} | Care Quality Commission</title>
    <link rel="stylesheet" media="all" href="{css}" />
  </head>
  <body class="path-node page-node-type-local-authority-report">
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
              <li class="menu-item"><a href="/care-services">Care services</a></li>
              <li class="menu-item"><a href="/about-us">About us</a></li>
              <li class="menu-item"><a href="/contact-us">Contact us</a></li>
            </ul>
          </nav>
        </div>
      </header>
      <div class="region region-breadcrumb">
        <div id="block-cqc-breadcrumbs" class="block block-system block-system-breadcrumb-block">
          <nav class="breadcrumb" role="navigation" aria-labelledby="system-breadcrumb">
            <h2 id="system-breadcrumb" class="visually-hidden">Breadcrumb</h2>
            <ol>{items}</ol>
          </nav>
        </div>
      </div>
      <main role="main">
        <a id="main-content" tabindex="-1"></a>
        <div class="layout-content">
          <div class="region region-content">
{body}
          </div>
        </div>
      </main>
      <footer role="contentinfo" class="site-footer">
        <div class="region region-footer">
          <nav role="navigation" class="block block-menu navigation menu--footer">
            <ul class="menu">
              <li class="menu-item"><a href="/accessibility-statement">Accessibility</a></li>
              <li class="menu-item"><a href="/privacy">Privacy</a></li>
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
""".format(title=e(title), css=LEGACY_CSS, items=items, body=body)


def crumbs_for(m):
    return [("/", "Home"), ("/care-services", "Care services"),
            (LISTING, "Local authority assessment reports")]


def h(level, text, cls=None, id_=None):
    level = min(level, 6)
    attrs = ""
    if id_:
        attrs += ' id="%s"' % a(id_)
    if cls:
        attrs += ' class="%s"' % a(cls)
    return "<h{0}{1}>{2}</h{0}>".format(level, attrs, e(text))


def anchor_id(text):
    import re
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def blocks_html(blocks, ulcls="", pcls=""):
    out = []
    for kind, val in blocks:
        if kind == "p":
            out.append("<p{}>{}</p>".format(' class="%s"' % pcls if pcls else "", e(val)))
        else:
            out.append("<ul{}>{}</ul>".format(' class="%s"' % ulcls if ulcls else "",
                                              "".join("<li>%s</li>" % e(x) for x in val)))
    return "\n".join(out)


def related_families(m, n=3):
    rng = random.Random("rel" + m["slug"])
    pool = [x for x in MODELS if x["slug"] != m["slug"] and x["kind"] == m["kind"] and x["expect"] == "loads"]
    return rng.sample(pool, n)


# ---------------------------------------------------------------- base style (NHS.UK)

class NHSBase:
    variant = "a"
    pilot = False

    def __init__(self, m, pdf):
        self.m = m
        self.pdf = pdf  # dict(url, size, title) or None

    # --- helpers meant to be overridden
    def date(self, iso):
        return e(long_date(iso))

    def pct_text(self, pct):
        return "%d%%" % pct

    def rating_word(self, r):
        return r

    # --- page pieces
    def report_header(self, page):
        m = self.m
        return ('<span class="nhsuk-caption-l">Local authority assessment report</span>\n'
                '<h1 class="nhsuk-heading-xl">{}</h1>').format(e(m["header"]))

    def meta(self, page):
        m = self.m
        return ('<div class="nhsuk-review-date"><p class="nhsuk-body-s">Published: {}<br>'
                'Page last updated: {}</p></div>').format(self.date(m["published"]), self.date(page["updated"]))

    def downloads(self, page):
        if self.pdf:
            return ('<div class="nhsuk-card nhsuk-card--feature cqc-downloads"><div class="nhsuk-card__content nhsuk-card__content--feature">'
                    '<h2 class="nhsuk-card__heading nhsuk-card__heading--feature nhsuk-heading-m">Downloads</h2>'
                    '<ul class="nhsuk-list"><li><a href="{}">{}</a> (PDF, {})</li></ul></div></div>').format(
                        a(self.pdf["url"]), e(self.pdf["title"]), pdf_size_text(self.pdf["size"]))
        return ('<div class="nhsuk-card nhsuk-card--feature cqc-downloads"><div class="nhsuk-card__content nhsuk-card__content--feature">'
                '<h2 class="nhsuk-card__heading nhsuk-card__heading--feature nhsuk-heading-m">Downloads</h2>'
                '<p class="nhsuk-card__description">A PDF version of this report is not available yet. '
                'If you need this report in another format, <a href="/contact-us">contact us</a>.</p></div></div>')

    def contents(self, page):
        items = []
        for p in self.m["pages"]:
            if p is page:
                items.append('<li class="nhsuk-contents-list__item" aria-current="page"><span class="nhsuk-contents-list__current">{}</span></li>'.format(e(p["title"])))
            else:
                items.append('<li class="nhsuk-contents-list__item"><a class="nhsuk-contents-list__link" href="{}">{}</a></li>'.format(a(p["url"]), e(p["title"])))
        return ('<nav class="nhsuk-contents-list" role="navigation" aria-label="Pages in this report">'
                '<h2 class="nhsuk-u-visually-hidden">Contents</h2><ol class="nhsuk-contents-list__list">{}</ol></nav>').format("".join(items))

    def prevnext(self, page):
        pages = self.m["pages"]
        k = pages.index(page)
        out = ['<nav class="nhsuk-pagination" role="navigation" aria-label="Pagination"><ul class="nhsuk-list nhsuk-pagination__list">']
        if k > 0:
            p = pages[k - 1]
            out.append('<li class="nhsuk-pagination-item--previous"><a class="nhsuk-pagination__link nhsuk-pagination__link--prev" href="{}" rel="prev"><span class="nhsuk-pagination__title">Previous<span class="nhsuk-u-visually-hidden"> page</span></span><span class="nhsuk-u-visually-hidden">:</span><span class="nhsuk-pagination__page">{}</span>{}</a></li>'.format(a(p["url"]), e(p["title"]), ARROW_L))
        if k < len(pages) - 1:
            p = pages[k + 1]
            out.append('<li class="nhsuk-pagination-item--next"><a class="nhsuk-pagination__link nhsuk-pagination__link--next" href="{}" rel="next"><span class="nhsuk-pagination__title">Next<span class="nhsuk-u-visually-hidden"> page</span></span><span class="nhsuk-u-visually-hidden">:</span><span class="nhsuk-pagination__page">{}</span>{}</a></li>'.format(a(p["url"]), e(p["title"]), ARROW_R))
        out.append("</ul></nav>")
        return "".join(out)

    def related(self, page):
        rel = related_families(self.m)
        cards = []
        for r in rel:
            desc = "{} &ndash; {}".format(e(r["rating"]), self.pct_text(r["pct"])) if r["pct"] is not None else e(r["rating"] + " (indicative)")
            cards.append('<li class="nhsuk-grid-column-one-third nhsuk-card-group__item"><div class="nhsuk-card nhsuk-card--clickable"><div class="nhsuk-card__content">'
                         '<h3 class="nhsuk-card__heading nhsuk-heading-s"><a class="nhsuk-card__link" href="{}">{}</a></h3>'
                         '<p class="nhsuk-card__description">{}</p></div></div></li>'.format(a(r["url_about"]), e(r["header"]), desc))
        return ('<section class="cqc-related" aria-labelledby="related-heading"><h2 class="nhsuk-heading-m" id="related-heading">Other local authority assessments</h2>'
                '<ul class="nhsuk-grid-row nhsuk-card-group">{}</ul></section>').format("".join(cards))

    def label_value(self, items, form):
        """items: list of dict(label,value,text). form: 'summary'|'dl'|'table'|'bullets'."""
        if form == "summary":
            rows = "".join('<div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">{}</dt><dd class="nhsuk-summary-list__value">{}</dd></div>'.format(e(x["label"]), e(x["value"])) for x in items)
            return '<dl class="nhsuk-summary-list">{}</dl>'.format(rows)
        if form == "dl":
            return "<dl>{}</dl>".format("".join("<dt>{}</dt><dd>{}</dd>".format(e(x["label"]), e(x["value"])) for x in items))
        if form == "table":
            rows = "".join('<tr class="nhsuk-table__row"><th class="nhsuk-table__header" scope="row">{}</th><td class="nhsuk-table__cell">{}</td></tr>'.format(e(x["label"]), e(x["value"])) for x in items)
            return '<table class="nhsuk-table"><tbody class="nhsuk-table__body">{}</tbody></table>'.format(rows)
        return '<ul class="nhsuk-list nhsuk-list--bullet">{}</ul>'.format("".join("<li>%s</li>" % e(x["text"]) for x in items))

    demo_form = "summary"
    fin_form = "summary"

    def about_body(self, page, hl=2):
        m = self.m
        out = [h(hl, "About " + m["council"], "nhsuk-heading-l")]
        out.append('<p>Assessment published: {}</p>'.format(self.date(m["published"])))
        if m["kind"] == "pilot":
            out.append('<p>Assessment start date: {}</p>'.format(self.date(m["start"])))
        out.append(h(hl + 1, "Demographics", "nhsuk-heading-m"))
        out.append(self.label_value(m["demo"], self.demo_form))
        out.append(h(hl + 1, "Financial facts", "nhsuk-heading-m"))
        form = self.fin_form if "label" in m["fin"][0] else "bullets"
        out.append(self.label_value(m["fin"], form))
        return "\n".join(out)

    # summary
    def rating_block(self, hl):
        m = self.m
        return "\n".join([
            h(hl, "Local authority rating and score", "nhsuk-heading-m"),
            '<dl class="nhsuk-summary-list"><div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">{}</dt><dd class="nhsuk-summary-list__value">{}</dd></div></dl>'.format(e(m["council"]), e(self.rating_word(m["rating"]))),
            '<p class="nhsuk-body-l">Overall rating for {}: <strong>{}</strong></p>'.format(e(m["council"]), self.pct_text(m["pct"])),
        ])

    def score_cell(self, s):
        return "" if s is None else str(s)

    def scores_block(self, hl):
        m = self.m
        rows = "".join('<tr class="nhsuk-table__row"><td class="nhsuk-table__cell">{}</td><td class="nhsuk-table__cell">{}</td></tr>'.format(
            e(bank.STATEMENTS[i]), self.score_cell(m["scores_d"][i])) for i in range(1, 10))
        return h(hl, "Quality statement scores", "nhsuk-heading-m") + (
            '<table class="nhsuk-table"><caption class="nhsuk-table__caption nhsuk-u-visually-hidden">Quality statement scores</caption>'
            '<thead class="nhsuk-table__head"><tr class="nhsuk-table__row"><th class="nhsuk-table__header" scope="col">Quality statement</th>'
            '<th class="nhsuk-table__header" scope="col">Score</th></tr></thead><tbody class="nhsuk-table__body">{}</tbody></table>').format(rows)

    def summary_body(self, page, hl=2):
        m = self.m
        out = [h(hl, "Overall summary", "nhsuk-heading-l")]
        out.append(self.rating_block(hl + 1))
        out.append(self.scores_block(hl + 1))
        out.append(h(hl + 1, "Summary of people's experiences", "nhsuk-heading-m"))
        out.append("\n".join("<p>%s</p>" % e(p) for p in m["people"]))
        out.append(h(hl + 1, "Summary of strengths, areas for development and next steps", "nhsuk-heading-m"))
        out.append("\n".join("<p>%s</p>" % e(p) for p in m["strengths"]))
        return "\n".join(out)

    # statements
    def score_html(self, st):
        s = st["score"]
        if s is None:
            return ""
        return ('<div class="nhsuk-inset-text"><span class="nhsuk-u-visually-hidden">Information: </span>'
                '<p><strong>Score: {}</strong></p><p>{} - {}</p></div>').format(s, s, e(bank.BAND[s]))

    commit_label = "The local authority commitment"

    def stmt_block(self, i, hl):
        st = self.m["statements"][i]
        out = ['<section class="cqc-quality-statement" id="{}">'.format(anchor_id(st["name"]))]
        out.append(h(hl, st["name"], "nhsuk-heading-l" if hl <= 2 else "nhsuk-heading-m"))
        out.append(self.score_html(st))
        out.append(h(hl + 1, "What people expect", "nhsuk-heading-s"))
        out.append(self.expect_html(st))
        out.append(h(hl + 1, self.commit_label, "nhsuk-heading-s"))
        out.append("<p>%s</p>" % e(st["commitment"]))
        out.append(h(hl + 1, "Key findings for this quality statement", "nhsuk-heading-m"))
        out.append(self.findings_html(st, hl + 2))
        out.append("</section>")
        return "\n".join(x for x in out if x)

    def expect_html(self, st):
        return '<ul class="nhsuk-list nhsuk-list--bullet cqc-i-statements">{}</ul>'.format("".join("<li>%s</li>" % e(x) for x in st["expect"]))

    def findings_html(self, st, hl):
        out = []
        for head, blocks in st["findings"]:
            if head:
                out.append(h(hl, head, "nhsuk-heading-s"))
            out.append(blocks_html(blocks, "nhsuk-list nhsuk-list--bullet"))
        return "\n".join(out)

    def theme_body(self, page, hl=2):
        out = [h(hl, page["title"], "nhsuk-heading-l")]
        for i in page["stmts"]:
            out.append(self.stmt_block(i, hl + 1))
        return "\n".join(out)

    def single_body(self, page, hl=2):
        out = [h(hl, page["title"], "nhsuk-heading-l")]
        for t, (tname, nums) in enumerate(bank.THEMES):
            out.append('<section class="cqc-theme" id="theme-%d">' % (t + 1))
            out.append(h(hl + 1, "Theme {}: {}".format(t + 1, tname), "nhsuk-heading-l"))
            for i in nums:
                out.append(self.stmt_block(i, hl + 2))
            out.append("</section>")
        return "\n".join(out)

    def page_body(self, page):
        kind = page["id"]
        if kind == "about":
            return self.about_body(page)
        if kind == "summary":
            return self.summary_body(page)
        if kind.startswith("qs"):
            return self.stmt_block(page["stmts"][0], 2)
        if kind.startswith("theme"):
            return self.theme_body(page)
        return self.single_body(page)

    def render(self, page):
        m = self.m
        parts = ['<div class="nhsuk-grid-row"><div class="nhsuk-grid-column-full">',
                 self.report_header(page), self.meta(page), "</div></div>",
                 '<div class="nhsuk-grid-row"><div class="nhsuk-grid-column-two-thirds">',
                 self.contents(page), self.page_body(page), self.prevnext(page),
                 '</div><div class="nhsuk-grid-column-one-third">', self.downloads(page), "</div></div>"]
        if page["id"] in ("about", "summary"):
            parts.append(self.related(page))
        title = m["header"] if page["id"] == "about" else "{} - {}".format(page["title"], m["header"])
        return nhs_chrome(title, "\n".join(parts), crumbs_for(m) + [(m["url_about"], m["council"])], self.variant)


# ---------------------------------------------------------------- nhs_a: first roll-out (2024)

class NHSA(NHSBase):
    variant = "a"
    demo_form = "summary"
    fin_form = "summary"

    def report_header(self, page):
        # header as caption; the page's own heading is the h1 (set in page_body)
        return '<p class="nhsuk-caption-xl cqc-report-title">{}</p>'.format(e(self.m["header"]))

    def page_body(self, page):
        kind = page["id"]
        if kind == "about":
            return self.about_body(page, 1)
        if kind == "summary":
            return self.summary_body(page, 1)
        if kind.startswith("qs"):
            return self.stmt_block(page["stmts"][0], 1)
        return self.single_body(page, 1)

    def render(self, page):
        m = self.m
        parts = ['<div class="nhsuk-grid-row"><div class="nhsuk-grid-column-two-thirds">',
                 self.report_header(page), self.meta(page), self.downloads(page),
                 self.page_body(page), self.prevnext(page),
                 '</div><div class="nhsuk-grid-column-one-third"><aside class="cqc-report-nav">',
                 '<h2 class="nhsuk-heading-s">In this report</h2>', self.contents(page), "</aside></div></div>"]
        if page["id"] == "summary":
            parts.append(self.related_regional())
        title = "{} - {}".format(page["title"], m["header"])
        return nhs_chrome(title, "\n".join(parts), crumbs_for(m), self.variant)

    def related_regional(self):
        rel = related_families(self.m, 2)
        lis = ["<li><a href=\"{}\">{}</a> &ndash; {} ({}%)</li>".format(a(r["url_about"]), e(r["header"]), e(r["rating"]), r["pct"]) for r in rel]
        rng = random.Random("oth" + self.m["slug"])
        for name, rating, pct, month in rng.sample(OTHERS, 2):
            lis.append("<li>{} &ndash; {} ({}%), published {}</li>".format(e(name), e(rating), pct, e(month)))
        return ('<div class="nhsuk-inset-text cqc-related"><span class="nhsuk-u-visually-hidden">Information: </span>'
                '<h2 class="nhsuk-heading-s">Recently published assessments</h2><ul class="nhsuk-list">{}</ul></div>').format("".join(lis))


# ---------------------------------------------------------------- nhs_b: cards and tags (2025)

class NHSB(NHSBase):
    variant = "b"
    demo_form = "table"
    fin_form = "bullets"

    def date(self, iso):
        return '<time datetime="{}">{}</time>'.format(iso, e(long_date(iso)))

    def report_header(self, page):
        return '<h1 class="nhsuk-heading-xl cqc-report-header">{}</h1>'.format(e(self.m["header"]))

    def meta(self, page):
        return ('<p class="nhsuk-body-s cqc-page-dates">Published: {} Page last updated: {}</p>').format(
            self.date(self.m["published"]), self.date(page["updated"]))

    def downloads(self, page):
        if self.pdf:
            return ('<aside class="cqc-downloads" aria-labelledby="downloads-heading"><h2 class="nhsuk-heading-s" id="downloads-heading">Downloads</h2>'
                    '<ul class="nhsuk-list"><li><a href="{}" download>{}</a><br><span class="nhsuk-body-s">PDF, {}</span></li></ul></aside>').format(
                        a(self.pdf["url"]), e(self.pdf["title"]), pdf_size_text(self.pdf["size"]))
        return ('<aside class="cqc-downloads" aria-labelledby="downloads-heading"><h2 class="nhsuk-heading-s" id="downloads-heading">Downloads</h2>'
                '<p class="nhsuk-body-s">No downloads are available for this report. <a href="/contact-us">Ask us for a copy in another format</a>.</p></aside>')

    def rating_block(self, hl):
        m = self.m
        return ('<div class="nhsuk-card cqc-rating-card"><div class="nhsuk-card__content">'
                '{}<p class="nhsuk-card__description nhsuk-u-margin-bottom-2">{}</p>'
                '<p><strong class="nhsuk-tag nhsuk-tag--{}">{}</strong></p>'
                '<p class="nhsuk-body-l">Overall rating for {}: {}</p></div></div>').format(
                    h(hl, "Local authority rating and score", "nhsuk-card__heading nhsuk-heading-m"),
                    e(m["council"]), TAG[m["rating"]], e(m["rating"]), e(m["council"]), self.pct_text(m["pct"]))

    def scores_block(self, hl):
        m = self.m
        rows = []
        for tname, nums in bank.THEMES:
            for k, i in enumerate(nums):
                th = '<th class="nhsuk-table__header" scope="rowgroup" rowspan="{}">{}</th>'.format(len(nums), e(tname)) if k == 0 else ""
                rows.append('<tr class="nhsuk-table__row">{}<td class="nhsuk-table__cell">{}</td><td class="nhsuk-table__cell">Score: {}</td></tr>'.format(
                    th, e(bank.STATEMENTS[i]), m["scores_d"][i]))
        return h(hl, "Quality statement scores", "nhsuk-heading-m") + (
            '<table class="nhsuk-table"><thead class="nhsuk-table__head"><tr class="nhsuk-table__row">'
            '<th class="nhsuk-table__header" scope="col">Theme</th><th class="nhsuk-table__header" scope="col">Quality statement</th>'
            '<th class="nhsuk-table__header" scope="col">Score</th></tr></thead><tbody class="nhsuk-table__body">{}</tbody></table>').format("".join(rows))

    def score_html(self, st):
        s = st["score"]
        return ('<dl class="nhsuk-summary-list cqc-qs-score"><div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">Score</dt>'
                '<dd class="nhsuk-summary-list__value"><strong class="nhsuk-tag nhsuk-tag--{}">{} - {}</strong></dd></div></dl>').format(
                    SCORE_TAG[s], s, e(bank.BAND[s]))

    def expect_html(self, st):
        return "\n".join('<p class="cqc-i-statement">%s</p>' % e(x) for x in st["expect"])

    def render(self, page):
        m = self.m
        parts = ['<div class="nhsuk-grid-row"><div class="nhsuk-grid-column-full">',
                 self.report_header(page), self.meta(page), self.downloads(page), "</div></div>",
                 '<div class="nhsuk-grid-row"><div class="nhsuk-grid-column-one-third">', self.contents(page),
                 '</div><div class="nhsuk-grid-column-two-thirds">', self.page_body(page), self.prevnext(page), "</div></div>"]
        if page["id"] in ("about", "summary"):
            parts.append(self.related(page))
        title = m["header"] if page["id"] == "about" else "{} - {}".format(page["title"], m["header"])
        return nhs_chrome(title, "\n".join(parts), crumbs_for(m) + [(m["url_about"], m["council"])], self.variant)

    def theme_body(self, page, hl=2):
        out = [h(hl, page["title"], "nhsuk-heading-l")]
        # in-page contents for the theme
        out.append('<ul class="nhsuk-list cqc-on-this-page">{}</ul>'.format("".join(
            '<li><a href="#{}">{}</a></li>'.format(anchor_id(bank.STATEMENTS[i]), e(bank.STATEMENTS[i])) for i in page["stmts"])))
        for i in page["stmts"]:
            out.append(self.stmt_block(i, hl + 1))
        return "\n".join(out)


# ---------------------------------------------------------------- nhs_c: details, responsive tables (mid 2025)

class NHSC(NHSBase):
    variant = "c"
    demo_form = "bullets"
    fin_form = "bullets"

    def date(self, iso):
        return e(short_date(iso))

    def pct_text(self, pct):
        if self.m.get("pct_words"):
            return "%d per cent" % pct
        return "%d%%" % pct

    def rating_word(self, r):
        return r.replace("Requires improvement", "Requires Improvement")

    def report_header(self, page):
        return '<div class="cqc-report-header"><p class="nhsuk-heading-xl nhsuk-u-margin-bottom-2" role="heading" aria-level="1">{}</p></div>'.format(e(self.m["header"]))

    def meta(self, page):
        return '<p class="nhsuk-body-s"><span>Published: {}</span> <span>Page last updated: {}</span></p>'.format(
            self.date(self.m["published"]), self.date(page["updated"]))

    def downloads(self, page):
        inner = ('<p><a href="{}">{}</a> (PDF, {})</p>'.format(a(self.pdf["url"]), e(self.pdf["title"]), pdf_size_text(self.pdf["size"]))
                 if self.pdf else '<p>There are no files for this report. <a href="/contact-us">Contact us</a> to request an accessible copy.</p>')
        return ('<details class="nhsuk-details cqc-downloads" open><summary class="nhsuk-details__summary"><span class="nhsuk-details__summary-text">Downloads</span></summary>'
                '<div class="nhsuk-details__text">{}</div></details>').format(inner)

    def about_body(self, page, hl=1):
        return super().about_body(page, hl)

    def rating_block(self, hl):
        m = self.m
        return "\n".join([
            h(hl, "Local authority rating and score", "nhsuk-heading-m"),
            '<p class="nhsuk-u-margin-bottom-1">{}</p>'.format(e(m["council"])),
            '<p><strong class="nhsuk-tag nhsuk-tag--{}">{}</strong></p>'.format(TAG[m["rating"]], e(self.rating_word(m["rating"]))),
            '<p>Overall rating for {}: {}</p>'.format(e(m["council"]), self.pct_text(m["pct"])),
        ])

    def scores_block(self, hl):
        m = self.m
        rows = "".join(
            '<tr role="row" class="nhsuk-table__row"><td role="cell" class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading" aria-hidden="true">Quality statement </span>{}</td>'
            '<td role="cell" class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading" aria-hidden="true">Score </span>{} out of 4</td></tr>'.format(
                e(bank.STATEMENTS[i]), m["scores_d"][i]) for i in range(1, 10))
        return h(hl, "Quality statement scores", "nhsuk-heading-m") + (
            '<table role="table" class="nhsuk-table-responsive"><caption class="nhsuk-table__caption">Scores for each quality statement (1 to 4)</caption>'
            '<thead role="rowgroup" class="nhsuk-table__head"><tr role="row"><th role="columnheader" scope="col">Quality statement</th><th role="columnheader" scope="col">Score</th></tr></thead>'
            '<tbody class="nhsuk-table__body">{}</tbody></table>').format(rows)

    def summary_body(self, page, hl=1):
        return super().summary_body(page, hl)

    def score_html(self, st):
        s = st["score"]
        return ('<div class="nhsuk-card cqc-qs-score"><div class="nhsuk-card__content">'
                '<p class="nhsuk-card__heading nhsuk-heading-s">Quality statement score</p>'
                '<p class="nhsuk-body-l nhsuk-u-margin-bottom-1"><strong>Score: {}</strong> out of 4</p>'
                '<p class="nhsuk-card__description">{}</p></div></div>').format(s, e(bank.BAND[s]))

    def stmt_block_details(self, i, hl):
        st = self.m["statements"][i]
        body = "\n".join(x for x in [
            self.score_html(st),
            h(hl + 1, "What people expect", "nhsuk-heading-s"), self.expect_html(st),
            h(hl + 1, self.commit_label, "nhsuk-heading-s"), "<p>%s</p>" % e(st["commitment"]),
            h(hl + 1, "Key findings for this quality statement", "nhsuk-heading-s"),
            self.findings_html(st, hl + 2)] if x)
        return ('<details class="nhsuk-details nhsuk-expander" id="{}"><summary class="nhsuk-details__summary">'
                '<span class="nhsuk-details__summary-text">{}</span></summary><div class="nhsuk-details__text">{}</div></details>').format(
                    anchor_id(st["name"]), e(st["name"]), body)

    def single_body(self, page, hl=1):
        if self.m.get("single_plain"):
            return super().single_body(page, hl)
        out = [h(hl, page["title"], "nhsuk-heading-l"),
               '<p>Select a quality statement to read our findings.</p>']
        for t, (tname, nums) in enumerate(bank.THEMES):
            out.append(h(hl + 1, tname, "nhsuk-heading-m"))
            out.append('<div class="nhsuk-expander-group">')
            for i in nums:
                out.append(self.stmt_block_details(i, hl + 2))
            out.append("</div>")
        return "\n".join(out)

    def theme_body(self, page, hl=1):
        return super().theme_body(page, hl)

    def page_body(self, page):
        kind = page["id"]
        if kind == "about":
            return self.about_body(page)
        if kind == "summary":
            return self.summary_body(page)
        if kind.startswith("qs"):
            return self.stmt_block(page["stmts"][0], 1)
        if kind.startswith("theme"):
            return self.theme_body(page)
        return self.single_body(page)

    def contents(self, page):
        # contents as a plain list with "You are here"
        items = []
        for k, p in enumerate(self.m["pages"]):
            if p is page:
                items.append('<li><strong>{}</strong> <span class="nhsuk-u-visually-hidden">(you are here)</span></li>'.format(e(p["title"])))
            else:
                items.append('<li><a href="{}">{}</a></li>'.format(a(p["url"]), e(p["title"])))
        return '<nav class="cqc-report-contents" aria-label="Report sections"><p class="nhsuk-heading-xs">Report sections</p><ol class="nhsuk-list nhsuk-list--number">{}</ol></nav>'.format("".join(items))

    def render(self, page):
        m = self.m
        parts = [self.report_header(page), self.meta(page), self.downloads(page),
                 '<div class="nhsuk-grid-row"><div class="nhsuk-grid-column-one-quarter">', self.contents(page),
                 '</div><div class="nhsuk-grid-column-three-quarters">', self.page_body(page), self.prevnext(page)]
        if self.pdf and page["id"] == "summary":
            parts.append('<p><a href="{}">Download this report (PDF, {})</a></p>'.format(a(self.pdf["url"]), pdf_size_text(self.pdf["size"])))
        parts.append("</div></div>")
        if page["id"] == "about":
            parts.append(self.related(page))
        title = "{} - {}".format(page["title"], m["header"])
        return nhs_chrome(title, "\n".join(parts), crumbs_for(m) + [(m["url_about"], m["council"])], self.variant)


# ---------------------------------------------------------------- nhs_d: 2026 redesign

class NHSD(NHSBase):
    variant = "d"
    demo_form = "summary"
    fin_form = "table"

    def date(self, iso):
        return '<time datetime="{}">{}</time>'.format(iso, e(long_date(iso)))

    def report_header(self, page):
        return ('<section class="nhsuk-hero cqc-report-hero"><div class="nhsuk-width-container nhsuk-hero--border"><div class="nhsuk-hero-content">'
                '<h1 class="nhsuk-u-margin-bottom-3">{}</h1><p class="nhsuk-body-l nhsuk-u-margin-bottom-0">Assessment of how the council meets its duties under Part 1 of the Care Act 2014</p>'
                '</div></div></section>').format(e(self.m["header"]))

    def meta(self, page):
        return ('<ul class="nhsuk-list cqc-page-meta"><li>Published: {}</li><li>Page last updated: {}</li></ul>').format(
            self.date(self.m["published"]), self.date(page["updated"]))

    def downloads(self, page):
        if self.pdf:
            return ('<div class="nhsuk-card cqc-downloads"><div class="nhsuk-card__content"><h2 class="nhsuk-card__heading nhsuk-heading-s">Downloads</h2>'
                    '<div class="nhsuk-action-link"><a class="nhsuk-action-link__link" href="{}">{}<span class="nhsuk-action-link__text">{} <span class="nhsuk-body-s">(PDF, {})</span></span></a></div>'
                    '</div></div>').format(a(self.pdf["url"]), ACTION_ARROW, e(self.pdf["title"]), pdf_size_text(self.pdf["size"]))
        return ('<div class="nhsuk-card cqc-downloads"><div class="nhsuk-card__content"><h2 class="nhsuk-card__heading nhsuk-heading-s">Downloads</h2>'
                '<p class="nhsuk-card__description">The PDF of this report will be added shortly.</p></div></div>')

    def rating_block(self, hl):
        m = self.m
        return ('<div class="nhsuk-panel cqc-rating-panel">{}'
                '<p class="cqc-rating-panel__la">{}</p>'
                '<p class="cqc-rating-panel__rating"><strong class="nhsuk-tag nhsuk-tag--{}">{}</strong></p>'
                '<p class="cqc-rating-panel__score">Overall rating for {}: <strong>{}</strong></p>'
                '<p class="nhsuk-body-s">{}</p></div>').format(
                    h(hl, "Local authority rating and score", "nhsuk-heading-m"), e(m["council"]), TAG[m["rating"]],
                    e(m["rating"]), e(m["council"]), self.pct_text(m["pct"]), e(bank.RATING_BAND[m["rating"]]))

    def scores_block(self, hl):
        m = self.m
        out = [h(hl, "Quality statement scores", "nhsuk-heading-m"),
               '<p class="nhsuk-body-s">Each quality statement is scored from 1 (evidence shows significant shortfalls) to 4 (evidence shows an exceptional standard).</p>']
        for tname, nums in bank.THEMES:
            rows = []
            for i in nums:
                s = m["scores_d"][i]
                val = ('<strong class="nhsuk-tag nhsuk-tag--{}">Score: {}</strong> <span class="nhsuk-u-visually-hidden">out of 4</span>'.format(SCORE_TAG[s], s)
                       if s is not None else "")
                rows.append('<div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">{}</dt><dd class="nhsuk-summary-list__value">{}</dd></div>'.format(
                    e(bank.STATEMENTS[i]), val))
            out.append('<div class="nhsuk-card"><div class="nhsuk-card__content"><h{0} class="nhsuk-card__heading nhsuk-heading-s">{1}</h{0}>'
                       '<dl class="nhsuk-summary-list nhsuk-summary-list--no-border">{2}</dl></div></div>'.format(min(hl + 1, 6), e(tname), "".join(rows)))
        return "\n".join(out)

    def score_html(self, st):
        s = st["score"]
        if s is None:
            return ""
        pips = "".join('<span class="cqc-meter__pip{}"></span>'.format(" cqc-meter__pip--on" if k < s else "") for k in range(4))
        return ('<div class="cqc-meter" role="img" aria-label="Score: {0} out of 4">{1}</div>'
                '<p class="cqc-meter__text"><span class="nhsuk-u-visually-hidden">Score: </span>{0} &ndash; {2}</p>').format(s, pips, e(bank.BAND[s]))

    def expect_html(self, st):
        return '<div class="nhsuk-inset-text cqc-i-statements"><span class="nhsuk-u-visually-hidden">Information: </span>{}</div>'.format(
            "".join("<p>%s</p>" % e(x) for x in st["expect"]))

    def related(self, page):
        rel = related_families(self.m)
        rng = random.Random("oth" + self.m["slug"])
        items = ["<li><a href=\"{}\">{}</a><br><strong class=\"nhsuk-tag nhsuk-tag--{}\">{}</strong> Overall score {}%</li>".format(
            a(r["url_about"]), e(r["council"]), TAG[r["rating"]], e(r["rating"]), r["pct"]) for r in rel]
        for name, rating, pct, month in rng.sample(OTHERS, 1):
            items.append("<li>{}<br><strong class=\"nhsuk-tag nhsuk-tag--{}\">{}</strong> Overall score {}% ({})</li>".format(e(name), TAG[rating], e(rating), pct, e(month)))
        return ('<aside class="nhsuk-related-nav cqc-related" aria-labelledby="related-d"><h2 class="nhsuk-heading-s" id="related-d">Compare with other councils</h2>'
                '<ul class="nhsuk-list">{}</ul></aside>').format("".join(items))

    def render(self, page):
        m = self.m
        parts = [self.report_header(page),
                 '<div class="nhsuk-grid-row"><div class="nhsuk-grid-column-two-thirds">', self.meta(page)]
        parts += [self.contents(page), self.page_body(page), self.prevnext(page),
                  '</div><div class="nhsuk-grid-column-one-third">', self.downloads(page)]
        if page["id"] in ("about", "summary"):
            parts.append(self.related(page))
        parts.append("</div></div>")
        title = "{} - {}".format(page["title"], m["header"])
        return nhs_chrome(title, "\n".join(parts), crumbs_for(m) + [(m["url_about"], m["council"])], self.variant)


# ---------------------------------------------------------------- legacy (previous Drupal template)

class Legacy(NHSBase):
    demo_form = "dl"
    fin_form = "bullets"

    def report_header(self, page):
        return ('<div id="block-cqc-page-title" class="block block-core block-page-title-block">'
                '<h1 class="page-title"><span class="field field--name-title field--type-string field--label-hidden">{}</span></h1></div>').format(e(self.m["header"]))

    def meta(self, page):
        return ('<div class="field field--name-field-dates"><p class="node__meta">Published: {} <br />Page last updated: {}</p></div>').format(
            self.date(self.m["published"]), self.date(page["updated"]))

    def downloads(self, page):
        if self.pdf:
            inner = ('<div class="field__item"><span class="file file--mime-application-pdf file--application-pdf">'
                     '<a href="{}" type="application/pdf; length={}">{}</a></span> <span class="file-size">({})</span></div>').format(
                         a(self.pdf["url"]), self.pdf["size"], e(self.pdf["title"]), "%.2f KB" % (self.pdf["size"] / 1024))
        else:
            inner = '<div class="field__item">No documents available.</div>'
        return ('<div id="block-cqc-downloads" class="block block-cqc-downloads"><h2 class="block__title">Downloads</h2>'
                '<div class="field field--name-field-documents field--type-file field__items">{}</div></div>').format(inner)

    def contents(self, page):
        items = []
        for p in self.m["pages"]:
            cls = ' class="menu-item menu-item--active-trail is-active"' if p is page else ' class="menu-item"'
            items.append('<li{}><a href="{}">{}</a></li>'.format(cls, a(p["url"]), e(p["title"])))
        return ('<nav role="navigation" class="block block-menu navigation menu--report" aria-labelledby="report-menu">'
                '<h2 id="report-menu">In this report</h2><ul class="menu">{}</ul></nav>').format("".join(items))

    def prevnext(self, page):
        pages = self.m["pages"]
        k = pages.index(page)
        out = ['<ul class="pager-prev-next">']
        if k > 0:
            out.append('<li class="pager-prev"><a href="{}">&lsaquo; {}</a></li>'.format(a(pages[k - 1]["url"]), e(pages[k - 1]["title"])))
        if k < len(pages) - 1:
            out.append('<li class="pager-next"><a href="{}">{} &rsaquo;</a></li>'.format(a(pages[k + 1]["url"]), e(pages[k + 1]["title"])))
        out.append("</ul>")
        return "".join(out)

    def related(self, page):
        rel = related_families(self.m)
        lis = []
        for r in rel:
            extra = "{}, {}%".format(r["rating"], r["pct"]) if r["pct"] is not None else "indicative rating: " + r["rating"]
            lis.append('<div class="views-row"><a href="{}">{}</a> <span class="views-field-rating">({})</span></div>'.format(
                a(r["url_about"]), e(r["header"]), e(extra)))
        return ('<div class="block block-views block-views-blockrelated-content-block-1"><h2 class="block__title">Related content</h2>'
                '<div class="view-content">{}</div></div>').format("".join(lis))

    def about_body(self, page, hl=2):
        m = self.m
        out = ['<h2>About {}</h2>'.format(e(m["council"]))]
        out.append('<div class="field field--name-field-assessment-published field--label-inline"><div class="field__label">Assessment published</div>'
                   '<div class="field__item">{}</div></div>'.format(self.date(m["published"])))
        if m["kind"] == "pilot":
            out.append('<div class="field field--name-field-assessment-start field--label-inline"><div class="field__label">Assessment start date</div>'
                       '<div class="field__item">{}</div></div>'.format(self.date(m["start"])))
        out.append("<h3>Demographics</h3>")
        out.append(self.label_value_legacy(m["demo"], self.demo_form))
        out.append("<h3>Financial facts</h3>")
        out.append(self.label_value_legacy(m["fin"], self.fin_form))
        return "\n".join(out)

    def label_value_legacy(self, items, form):
        if form == "dl":
            return '<dl class="la-facts">{}</dl>'.format("".join("<dt>{}</dt>\n<dd>{}</dd>".format(e(x["label"]), e(x["value"])) for x in items))
        return "<ul>{}</ul>".format("".join("<li>%s</li>" % e(x["text"]) for x in items))

    def scores_block(self, hl):
        m = self.m
        rows = "".join('<div class="views-row"><div class="views-field views-field-title"><span class="field-content">{}</span></div>'
                       '<div class="views-field views-field-field-score"><span class="field-content">Score: {}</span></div></div>'.format(
                           e(bank.STATEMENTS[i]), m["scores_d"][i]) for i in range(1, 10))
        return '<h3>Quality statement scores</h3><div class="view view-qs-scores"><div class="view-content">{}</div></div>'.format(rows)

    def rating_block(self, hl):
        m = self.m
        return ('<h3>Local authority rating and score</h3><div class="la-rating"><p class="la-rating__name">{}</p>'
                '<p class="la-rating__value">{}</p></div><p>Overall rating for {}: {}</p>').format(
                    e(m["council"]), e(m["rating"]), e(m["council"]), self.pct_text(m["pct"]))

    def summary_body(self, page, hl=2):
        m = self.m
        out = ["<h2>Overall summary</h2>", self.rating_block(3), self.scores_block(3),
               "<h3>Summary of people's experiences</h3>",
               '<div class="field field--name-body field--type-text-with-summary">{}</div>'.format("".join("<p>%s</p>" % e(p) for p in m["people"])),
               "<h3>Summary of strengths, areas for development and next steps</h3>",
               "".join("<p>%s</p>" % e(p) for p in m["strengths"])]
        return "\n".join(out)

    def score_html(self, st):
        s = st["score"]
        return '<div class="qs-score"><p class="qs-score__value">Score: {}</p><p class="qs-score__label">{} - {}</p></div>'.format(s, s, e(bank.BAND[s]))

    def expect_html(self, st):
        return "<ul class=\"i-statements\">{}</ul>".format("".join("<li><em>%s</em></li>" % e(x) for x in st["expect"]))

    def findings_html(self, st, hl):
        out = []
        for head, blocks in st["findings"]:
            if head:
                out.append(h(hl, head))
            out.append(blocks_html(blocks))
        return "\n".join(out)

    def stmt_block(self, i, hl):
        st = self.m["statements"][i]
        out = ['<div class="paragraph paragraph--type--quality-statement" id="{}">'.format(anchor_id(st["name"])),
               h(hl, st["name"]), self.score_html(st),
               h(hl + 1, "What people expect"), self.expect_html(st),
               h(hl + 1, self.commit_label), "<p>%s</p>" % e(st["commitment"]),
               h(hl + 1, "Key findings for this quality statement"), self.findings_html(st, hl + 2), "</div>"]
        return "\n".join(x for x in out if x)

    def render(self, page):
        m = self.m
        parts = [self.report_header(page),
                 '<article role="article" class="node node--type-local-authority-report node--view-mode-full"><div class="node__content">',
                 self.meta(page), self.downloads(page), self.page_body(page), self.prevnext(page), "</div></article>",
                 '<aside class="layout-sidebar-second" role="complementary">', self.contents(page)]
        if page["id"] in ("about", "summary"):
            parts.append(self.related(page))
        parts.append("</aside>")
        title = m["header"] if page["id"] == "about" else "{} | {}".format(page["title"], m["header"])
        return legacy_chrome(title, "\n".join(parts), crumbs_for(m))


class LegacyPilot(Legacy):
    demo_form = "bullets"
    fin_form = "bullets"
    commit_label = "The local authority commitment:"

    def rating_block(self, hl):
        m = self.m
        return ('<h3>Local authority indicative rating</h3>'
                '<p class="la-rating__value"><strong>{}: {}</strong></p>').format(e(m["rating"]), e(bank.RATING_BAND[m["rating"]]))

    def scores_block(self, hl):
        m = self.m
        rows = []
        for tname, nums in bank.THEMES:
            rows.append('<tr class="theme-row"><th colspan="2">{}</th></tr>'.format(e(tname)))
            for i in nums:
                s = m["scores_d"][i]
                rows.append("<tr><td>{}</td><td>{} - {}</td></tr>".format(e(bank.STATEMENTS[i]), s, e(bank.BAND[s])))
        return ('<h3>Indicative quality statement scores</h3><table class="cols-2"><thead><tr><th>Quality statement</th><th>Indicative score</th></tr></thead>'
                '<tbody>{}</tbody></table>').format("".join(rows))

    def score_html(self, st):
        s = st["score"]
        return ('<div class="field field--name-field-indicative-score"><div class="field__label">Indicative score:</div>'
                '<div class="field__item">{} - {}</div></div>').format(s, e(bank.BAND[s]))

    def expect_html(self, st):
        return "".join("<p><em>%s</em></p>" % e(x) for x in st["expect"])


STYLES = {"legacy_pilot": LegacyPilot, "legacy_formal": Legacy, "nhs_a": NHSA, "nhs_b": NHSB,
          "nhs_c": NHSC, "nhs_d": NHSD}


# ---------------------------------------------------------------- listing and stubs

PER_PAGE = 8


def listing_pages():
    formal = sorted([x for x in MODELS if x["kind"] == "formal"], key=lambda x: x["published"], reverse=True)
    pilots = [x for x in MODELS if x["kind"] == "pilot"]
    chunks = [formal[k:k + PER_PAGE] for k in range(0, len(formal), PER_PAGE)]
    n = len(chunks)
    out = []
    for pi, chunk in enumerate(chunks):
        items = "".join(
            '<li class="cqc-report-list__item"><h3 class="nhsuk-heading-s nhsuk-u-margin-bottom-1"><a href="{}">{}</a></h3>'
            '<p class="nhsuk-body-s">Published: {}</p></li>'.format(a(x["url_about"]), e(x["header"]), e(long_date(x["published"])))
            for x in chunk)
        pager = ['<nav class="nhsuk-pagination nhsuk-pagination--numbered" role="navigation" aria-label="Pagination">']
        qs = lambda k: LISTING if k == 0 else LISTING + "?page=%d" % k
        if pi > 0:
            pager.append('<a href="{}" class="nhsuk-pagination__previous" rel="prev">{}<span class="nhsuk-pagination__title">Previous<span class="nhsuk-u-visually-hidden"> page</span></span></a>'.format(a(qs(pi - 1)), ARROW_L))
        pager.append('<ul class="nhsuk-pagination__list">')
        for k in range(n):
            if k == pi:
                pager.append('<li class="nhsuk-pagination__item nhsuk-pagination__item--current"><a class="nhsuk-pagination__link" href="{}" aria-label="Page {}" aria-current="page">{}</a></li>'.format(a(qs(k)), k + 1, k + 1))
            else:
                pager.append('<li class="nhsuk-pagination__item"><a class="nhsuk-pagination__link" href="{}" aria-label="Page {}">{}</a></li>'.format(a(qs(k)), k + 1, k + 1))
        pager.append("</ul>")
        if pi < n - 1:
            pager.append('<a href="{}" class="nhsuk-pagination__next" rel="next"><span class="nhsuk-pagination__title">Next<span class="nhsuk-u-visually-hidden"> page</span></span>{}</a>'.format(a(qs(pi + 1)), ARROW_R))
        pager.append("</nav>")
        inprog = "".join("<li>%s</li>" % e(x) for x in IN_PROGRESS)
        pil = "".join('<li><a href="{}">{}</a></li>'.format(a(x["url_about"]), e(x["header"])) for x in pilots)
        body = """<div class="nhsuk-grid-row"><div class="nhsuk-grid-column-two-thirds">
<h1>Local authority assessment reports</h1>
<p class="nhsuk-lede-text">We assess how local authorities meet their duties under Part 1 of the Care Act 2014. Read our published reports below.</p>
<h2 id="assessment-reports">Assessment reports</h2>
<p class="nhsuk-body-s">Showing {first} to {last} of {total} reports, most recent first.</p>
<ul class="nhsuk-list cqc-report-list">{items}</ul>
{pager}
<h2 id="in-progress">Assessments in progress</h2>
<p>We are currently assessing these local authorities:</p>
<ul class="nhsuk-list nhsuk-list--bullet">{inprog}</ul>
<h2 id="pilot-assessments">Pilot assessments</h2>
<p>In 2023 we carried out pilot assessments of 5 local authorities. These gave indicative ratings and scores.</p>
<ul class="nhsuk-list nhsuk-list--bullet">{pil}</ul>
<p>The pilot report for North Lincolnshire Council is available on request.</p>
</div></div>""".format(first=pi * PER_PAGE + 1, last=pi * PER_PAGE + len(chunk), total=len(formal), items=items,
                        pager="".join(pager), inprog=inprog, pil=pil)
        page_title = "Local authority assessment reports" + ("" if pi == 0 else " (page %d of %d)" % (pi + 1, n))
        out.append((None if pi == 0 else "page=%d" % pi, nhs_chrome(page_title, body, [("/", "Home"), ("/care-services", "Care services")])))
    return out


STUBS = {
    "/": ("Care Quality Commission", "<h1>Care Quality Commission</h1><p>The independent regulator of health and adult social care in England.</p><p><a href=\"/care-services/local-authority-assessment-reports\">Local authority assessment reports</a></p>"),
    "/care-services": ("Care services", "<h1>Care services</h1><ul class=\"nhsuk-list\"><li><a href=\"/care-services/local-authority-assessment-reports\">Local authority assessment reports</a></li></ul>"),
    "/about-us": ("About us", "<h1>About us</h1><p>We make sure health and social care services provide people with safe, effective, compassionate, high-quality care.</p>"),
    "/contact-us": ("Contact us", "<h1>Contact us</h1><p>Call our national customer service centre or write to us.</p>"),
    "/accessibility-statement": ("Accessibility statement", "<h1>Accessibility statement</h1><p>We want as many people as possible to be able to use this website.</p>"),
    "/privacy": ("Privacy", "<h1>Privacy</h1><p>How we use your information.</p>"),
}
