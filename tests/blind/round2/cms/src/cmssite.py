"""HTML rendering: a WordPress classic-editor theme ("cqc-classic") and a later GOV.UK-like redesign."""
import html
from content import (BASE, THEMES, STATEMENTS, BAND, RATING_BAND, IN_PROGRESS, fmt_date, texturize, D)


def e(s):
    return html.escape(s, quote=False)


def a(s):
    return html.escape(s, quote=True)


# ---------------------------------------------------------------- URL shapes
def family_pages(f, st):
    """Ordered list of (key, path, title, members) for a family. members: statement numbers on the page."""
    slug, shape, group = f["slug"], st["urls"], st["group"]
    root = f"{BASE}/{slug}"
    pages = [("about", root, None, [])]
    if shape == "suffix":
        summ = f"{root}-summary"
        st_url = lambda n: f"{root}-theme{STATEMENTS[n][1]}-{STATEMENTS[n][2]}"
        th_url = lambda t: f"{root}-theme{t}"
        all_url = f"{root}-quality-statements"
    elif shape == "path":          # pilot-like: <slug>/overall-summary, <slug>/<n-theme>/<statement>
        summ = f"{root}/overall-summary"
        st_url = lambda n: f"{root}/{THEMES[STATEMENTS[n][1]][1]}/{STATEMENTS[n][3]}"
        th_url = lambda t: f"{root}/{THEMES[t][1]}"
        all_url = f"{root}/quality-statements"
    elif shape == "path2":         # <slug>/summary, <slug>/<statement>, <slug>/theme-<t>
        summ = f"{root}/summary"
        st_url = lambda n: f"{root}/{STATEMENTS[n][3]}"
        th_url = lambda t: f"{root}/theme-{t}"
        all_url = f"{root}/findings"
    else:
        raise ValueError(shape)
    pages.append(("summary", summ, "Overall summary", []))
    if group == "statement":
        for n in range(1, 10):
            pages.append((f"s{n}", st_url(n), STATEMENTS[n][0], [n]))
    elif group == "theme":
        for t in range(1, 5):
            pages.append((f"t{t}", th_url(t), THEMES[t][0], [n for n in range(1, 10) if STATEMENTS[n][1] == t]))
    else:
        pages.append(("all", all_url, st.get("all_title", "Quality statements"), list(range(1, 10))))
    return pages


def page_updated(f, key, members):
    ds = [f["updated"].get(key)] + [f["updated"].get(f"s{n}") for n in members]
    ds = [x for x in ds if x]
    return max(ds) if ds else f["published"]


def report_title(f):
    return f"{f['council']} assessment" if f["kind"] == "pilot" else f"{f['council']}: local authority assessment"


# ---------------------------------------------------------------- shells
CLASSIC_CSS = "/wp-content/themes/cqc-classic/style.css?ver=2.3.1"
REDESIGN_CSS = "/assets/css/app.min.css"


def classic_shell(title, main, sidebar="", crumbs=None, body_class="page-template-default"):
    cr = ""
    if crumbs:
        parts = []
        for text, href in crumbs:
            parts.append(f'<a href="{a(href)}">{e(text)}</a>' if href else f'<span class="breadcrumb_last" aria-current="page">{e(text)}</span>')
        cr = '<p id="breadcrumbs"><span><span>' + " &raquo; ".join(parts) + "</span></span></p>\n"
    side = f'<aside id="secondary" class="widget-area" role="complementary">\n{sidebar}\n</aside>\n' if sidebar else ""
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)} &#8211; Care Quality Commission</title>
<link rel='stylesheet' id='cqc-classic-style-css' href='{CLASSIC_CSS}' type='text/css' media='all' />
<meta name="generator" content="WordPress 6.4.3" />
</head>
<body class="page {body_class}">
<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header id="masthead" class="site-header">
<div class="site-branding"><p class="site-title"><a href="/" rel="home">Care Quality Commission</a></p></div>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">
<li class="menu-item"><a href="/">Home</a></li>
<li class="menu-item current-menu-ancestor"><a href="{BASE}">Local authority assessment reports</a></li>
<li class="menu-item"><a href="https://www.gov.uk/government/organisations/care-quality-commission">About CQC on GOV.UK</a></li>
</ul></nav>
</header>
<div id="content" class="site-content">
{cr}<div id="primary" class="content-area"><main id="main" class="site-main">
{main}
</main></div>
{side}</div>
<footer id="colophon" class="site-footer"><div class="site-info">&copy; Care Quality Commission</div></footer>
</div>
</body>
</html>
"""


def redesign_shell(title, main, crumbs=None, related=""):
    cr = ""
    if crumbs:
        items = []
        for text, href in crumbs:
            if href:
                items.append(f'<li class="govuk-breadcrumbs__list-item"><a class="govuk-breadcrumbs__link" href="{a(href)}">{e(text)}</a></li>')
            else:
                items.append(f'<li class="govuk-breadcrumbs__list-item" aria-current="page">{e(text)}</li>')
        cr = '<nav class="govuk-breadcrumbs" aria-label="Breadcrumb"><ol class="govuk-breadcrumbs__list">\n' + "\n".join(items) + "\n</ol></nav>\n"
    rel = f'<div class="govuk-grid-column-one-third">\n{related}\n</div>' if related else ""
    col = "two-thirds" if related else "full"
    return f"""<!DOCTYPE html>
<html lang="en" class="govuk-template">
<head>
<meta charset="utf-8">
<title>{e(title)} | Care Quality Commission</title>
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<link rel="stylesheet" href="{REDESIGN_CSS}">
</head>
<body class="govuk-template__body">
<a href="#main-content" class="govuk-skip-link">Skip to main content</a>
<header class="cqc-header" role="banner"><div class="govuk-width-container">
<a href="/" class="cqc-header__logo"><span class="govuk-visually-hidden">Care Quality Commission home page</span>CQC</a>
<nav class="cqc-header__nav" aria-label="Menu"><ul>
<li><a href="{BASE}">Local authority assessments</a></li>
</ul></nav>
</div></header>
<div class="govuk-width-container">
{cr}<main class="govuk-main-wrapper" id="main-content" role="main">
<div class="govuk-grid-row">
<div class="govuk-grid-column-{col}">
{main}
</div>
{rel}
</div>
</main>
</div>
<footer class="govuk-footer" role="contentinfo"><div class="govuk-width-container"><p class="govuk-footer__meta-custom">&copy; Care Quality Commission</p></div></footer>
</body>
</html>
"""


# ---------------------------------------------------------------- shared blocks
def dates_block(f, st, updated, redesign):
    pub = fmt_date(f["pub_d"], st["date"])
    upd = fmt_date(D(updated), st["date"])
    m = st.get("dates", "br")
    if redesign:
        return (f'<p class="govuk-body-s app-report-dates">Published: <time datetime="{f["published"]}">{pub}</time> '
                f'<span class="app-report-dates__sep">|</span> Page last updated: <time datetime="{updated}">{upd}</time></p>')
    if m == "br":
        return f'<p class="report-dates">Published: {pub}<br />\nPage last updated: {upd}</p>'
    if m == "spans":
        return (f'<div class="entry-meta"><span class="posted-on">Published: <time class="entry-date published" datetime="{f["published"]}T09:00:00+00:00">{pub}</time></span> '
                f'<span class="updated-on">Page last updated: <time class="updated" datetime="{updated}T10:30:00+00:00">{upd}</time></span></div>')
    if m == "dl":
        return f'<dl class="report-dates"><dt>Published:</dt><dd>{pub}</dd><dt>Page last updated:</dt><dd>{upd}</dd></dl>'
    if m == "oneline":
        return f'<p class="meta"><em>Published: {pub} Page last updated: {upd}</em></p>'
    raise ValueError(m)


def pdf_label(f):
    p = f.get("pdf_info")
    if not p:
        return None
    return p


def downloads_block(f, st, redesign):
    p = f.get("pdf_info")
    if redesign:
        if p:
            return (f'<aside class="app-downloads" aria-labelledby="downloads-title"><h2 class="govuk-heading-s" id="downloads-title">Downloads</h2>\n'
                    f'<ul class="govuk-list"><li><a class="govuk-link" href="{a(p["url"])}" download>{e(report_title(f))}'
                    f' <span class="govuk-body-s">(PDF, {p["size"]})</span></a></li></ul></aside>')
        return ('<aside class="app-downloads"><h2 class="govuk-heading-s">Downloads</h2>\n'
                '<p class="govuk-body-s">A PDF version of this report is not available yet. '
                '<a class="govuk-link" href="mailto:enquiries@cqc.org.uk">Contact us</a> if you need it in another format.</p></aside>')
    m = st.get("downloads", "ul")
    if p:
        if m == "ul":
            return (f'<div class="downloads widget"><h2 class="widget-title">Downloads</h2>\n<ul>\n'
                    f'<li class="file file--pdf"><a href="{a(p["url"])}">{e(p["link_text"])}</a> <span class="file-meta">(PDF, {p["size"]})</span></li>\n</ul></div>')
        if m == "box":
            return (f'<div class="su-box su-box-style-default" id="downloads"><div class="su-box-title">Downloads</div>'
                    f'<div class="su-box-content su-u-clearfix su-u-trim"><p><a href="{a(p["url"])}" target="_blank" rel="noopener">'
                    f'{e(p["link_text"])}</a><br />\nPDF document, {p["size"]}</p></div></div>')
        if m == "table":
            return (f'<h4>Downloads</h4>\n<table class="downloads"><tbody><tr><td><a href="{a(p["url"])}">{e(p["link_text"])}</a></td>'
                    f'<td>PDF</td><td>{p["size"]}</td></tr></tbody></table>')
    # no PDF for this family
    if m == "box":
        return ('<div class="su-box su-box-style-default" id="downloads"><div class="su-box-title">Downloads</div>'
                '<div class="su-box-content su-u-clearfix su-u-trim"><p>There are no downloads for this report.</p></div></div>')
    return ('<div class="downloads widget"><h2 class="widget-title">Downloads</h2>\n'
            '<p>No files are attached to this report. <a href="mailto:enquiries@cqc.org.uk">Ask us</a> for an accessible version.</p></div>')


def contents_block(f, st, pages, current, redesign):
    items = []
    label = {"about": f"About {f['council']}"}
    for key, path, title, _ in pages:
        t = label.get(key, title)
        if key == current:
            items.append((t, None))
        else:
            items.append((t, path))
    if redesign:
        lis = "\n".join(
            '<li class="app-contents-list__item">' + (f'<a class="govuk-link" href="{a(h)}">{e(t)}</a>' if h else f'<span aria-current="page">{e(t)}</span>') + '</li>'
            for t, h in items)
        return f'<nav class="app-contents-list" aria-label="Report pages"><h2 class="govuk-heading-s">Contents</h2>\n<ol class="app-contents-list__list">\n{lis}\n</ol></nav>'
    m = st.get("contents", "ul")
    lis = "\n".join('<li>' + (f'<a href="{a(h)}">{e(t)}</a>' if h else f'<strong>{e(t)}</strong>') + '</li>' for t, h in items)
    if m == "ul":
        return f'<nav class="report-nav"><h2 class="screen-reader-text">In this report</h2>\n<ul class="report-nav__list">\n{lis}\n</ul></nav>'
    return f'<div class="su-list"><p><strong>In this report:</strong></p>\n<ol>\n{lis}\n</ol></div>'


def prevnext(pages, current, redesign):
    keys = [p[0] for p in pages]
    i = keys.index(current)
    prev = pages[i - 1] if i > 0 else None
    nxt = pages[i + 1] if i + 1 < len(pages) else None
    ptitle = lambda p: "About this council" if p[0] == "about" else p[2]
    if redesign:
        out = ['<nav class="govuk-pagination govuk-pagination--block" aria-label="Report pages">']
        if prev:
            out.append(f'<div class="govuk-pagination__prev"><a class="govuk-link govuk-pagination__link" href="{a(prev[1])}" rel="prev">'
                       f'<span class="govuk-pagination__link-title">Previous<span class="govuk-visually-hidden"> page</span></span>'
                       f'<span class="govuk-visually-hidden">:</span> <span class="govuk-pagination__link-label">{e(ptitle(prev))}</span></a></div>')
        if nxt:
            out.append(f'<div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" href="{a(nxt[1])}" rel="next">'
                       f'<span class="govuk-pagination__link-title">Next<span class="govuk-visually-hidden"> page</span></span>'
                       f'<span class="govuk-visually-hidden">:</span> <span class="govuk-pagination__link-label">{e(ptitle(nxt))}</span></a></div>')
        out.append("</nav>")
        return "\n".join(out)
    out = ['<nav class="navigation post-navigation" aria-label="Posts"><h2 class="screen-reader-text">Post navigation</h2><div class="nav-links">']
    if prev:
        out.append(f'<div class="nav-previous"><a href="{a(prev[1])}" rel="prev"><span class="meta-nav">&larr; Previous</span> {e(ptitle(prev))}</a></div>')
    if nxt:
        out.append(f'<div class="nav-next"><a href="{a(nxt[1])}" rel="next"><span class="meta-nav">Next &rarr;</span> {e(ptitle(nxt))}</a></div>')
    out.append("</div></nav>")
    return "\n".join(out)


def related_block(f, fams, redesign, st):
    """Other councils with their ratings and scores (some linked, some not)."""
    others = [g for g in fams if g["slug"] != f["slug"] and g["kind"] == "formal" and not g.get("refuse")]
    others = sorted(others, key=lambda g: abs(g["pub_d"].toordinal() - f["pub_d"].toordinal()))[:3]
    extra = [("Kent County Council", "Requires improvement", 56), ("Wokingham Borough Council", "Good", 81),
             ("Royal Borough of Kensington and Chelsea", "Outstanding", 89)]
    rows = [(g["council"], g["rating"], g["pct"], f"{BASE}/{g['slug']}") for g in others]
    rows += [(n, r, p, None) for n, r, p in extra[: 1 + len(f["slug"]) % 2]]
    if redesign:
        lis = []
        for n, r, p, h in rows:
            name = f'<a class="govuk-link" href="{a(h)}">{e(n)}: local authority assessment</a>' if h else e(n)
            lis.append(f'<li>{name}<br><strong class="govuk-tag govuk-tag--grey">{e(r)}</strong> <span class="govuk-body-s">Overall score {p}%</span></li>')
        return ('<aside class="app-related-items" role="complementary"><h2 class="govuk-heading-s" id="related">Related content</h2>\n'
                '<ul class="govuk-list govuk-!-font-size-16">\n' + "\n".join(lis) + "\n</ul></aside>")
    style = st.get("related", "widget")
    if style == "table":
        trs = "\n".join('<tr><td>' + (f'<a href="{a(h)}">{e(n)}</a>' if h else e(n)) + f'</td><td>{e(r)}</td><td>{p}%</td></tr>' for n, r, p, h in rows)
        return (f'<section class="widget widget_compare"><h2 class="widget-title">Compare with other councils</h2>\n'
                f'<table><thead><tr><th>Council</th><th>Rating</th><th>Score</th></tr></thead><tbody>\n{trs}\n</tbody></table></section>')
    lis = []
    for n, r, p, h in rows:
        name = f'<a href="{a(h)}">{e(n)}: local authority assessment</a>' if h else e(n)
        lis.append(f'<li>{name}<span class="post-rating"> &ndash; Rating: {e(r)} ({p}%)</span></li>')
    return ('<section class="widget widget_recent_entries"><h2 class="widget-title">Recently published assessments</h2>\n<ul>\n'
            + "\n".join(lis) + "\n</ul></section>")


# ---------------------------------------------------------------- statement blocks
def score_html(f, st, n, redesign):
    sc = f["score_map"][n]
    if sc is None:
        return ""
    T = texturize if st.get("texturize") else (lambda s: s)
    band = f"{sc} - {BAND[sc]}"
    m = st["score"]
    if f["kind"] == "pilot":
        if m == "pilot_br":
            return f"<p><strong>Indicative score:</strong><br />\n{e(T(band))}</p>"
        return f"<p>Indicative score:</p>\n<p>{e(T(band))}</p>"
    if redesign:
        if m == "gov_tag":
            return (f'<p class="govuk-body"><strong class="govuk-tag app-score-tag app-score-tag--{sc}">Score: {sc}</strong></p>\n'
                    f'<p class="govuk-body app-score-label">{e(band)}</p>')
        if m == "gov_list":
            return (f'<dl class="govuk-summary-list govuk-summary-list--no-border app-score"><div class="govuk-summary-list__row">'
                    f'<dt class="govuk-summary-list__key">Score</dt><dd class="govuk-summary-list__value">{sc}'
                    f'<span class="govuk-visually-hidden"> out of 4</span> &ndash; {e(BAND[sc])}</dd></div></dl>')
    if m == "score_label":
        return f"<p>Score: {sc}</p>\n<p>{e(T(band))}</p>"
    if m == "word_table":
        return ('<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;border:none">\n<tbody>\n'
                f'<tr><td width="151" valign="top" style="width:113.4pt;border:solid windowtext 1.0pt"><p class="MsoNormal"><b>Score</b></p></td>'
                f'<td width="450" valign="top" style="width:337.5pt;border:solid windowtext 1.0pt"><p class="MsoNormal">{e(T(band))}</p></td></tr>\n'
                '</tbody>\n</table>')
    if m == "su_box":
        return (f'<div class="su-box su-box-style-soft qs-score"><div class="su-box-title">Score: {sc}</div>'
                f'<div class="su-box-content su-u-clearfix su-u-trim">{e(T(band))}</div></div>')
    if m == "badge_sr":
        return (f'<div class="qs-score"><span class="qs-score__badge qs-score__badge--{sc}" aria-hidden="true">{sc}</span>'
                f'<span class="screen-reader-text">Score: {sc} out of 4.</span> <span class="qs-score__text">{e(BAND[sc])}</span></div>')
    if m == "out_of":
        return f"<p><strong>Quality statement score:</strong> {sc} out of 4</p>\n<p><em>{e(T(band))}</em></p>"
    if m == "su_note":
        return (f'<div class="su-note" style="border-color:#d8d8d8;border-radius:3px"><div class="su-note-inner su-u-clearfix su-u-trim" '
                f'style="background-color:#f2f2f2;border-color:#ffffff;color:#333333;border-radius:3px">Score: {sc}<br />\n{e(T(band))}</div></div>')
    if m == "dl":
        return f'<dl class="qs-score"><dt>Score</dt><dd>{sc}</dd><dt>What this score means</dt><dd>{e(BAND[sc])}</dd></dl>'
    if m == "th_table":
        return f'<table class="qs-score-table"><tbody><tr><th scope="row">Score</th><td>{e(T(band))}</td></tr></tbody></table>'
    raise ValueError(m)


def heading(level, text, cls=""):
    c = f' class="{cls}"' if cls else ""
    return f"<h{level}{c}>{e(text)}</h{level}>"


def statement_body(f, st, n, base_level, redesign):
    """Body of one quality statement (below its heading)."""
    s = f["st"][n]
    pilot = f["kind"] == "pilot"
    out = [score_html(f, st, n, redesign)]
    L = base_level + 1
    gh = (lambda t: f'<h{L} class="govuk-heading-m">{e(t)}</h{L}>') if redesign else (lambda t: heading(L, t))
    # what people expect
    out.append(gh("What people expect"))
    w = st.get("wpe")
    if redesign:
        out.append('<ul class="govuk-list govuk-list--bullet app-i-statements">\n' + "\n".join(f"<li>{e(x)}</li>" for x in s["expect"]) + "\n</ul>")
    elif w == "ul":
        out.append("<ul>\n" + "\n".join(f"<li>{e(x)}</li>" for x in s["expect"]) + "\n</ul>")
    elif w == "p_br":
        out.append("<p>" + "<br />\n".join(e(x) for x in s["expect"]) + "</p>")
    elif w == "quote":
        out.append('<blockquote class="i-statements">' + "".join(f"<p>{e(x)}</p>" for x in s["expect"]) + "</blockquote>")
    # commitment
    ctitle = "The local authority commitment:" if pilot else "The local authority commitment"
    cm = st.get("commit", "p")
    if redesign:
        out.append(gh(ctitle))
        out.append(f'<div class="govuk-inset-text">{e(s["commit"])}</div>')
    elif cm == "p":
        out.append(gh(ctitle))
        out.append(f"<p>{e(s['commit'])}</p>")
    elif cm == "strong_br":
        out.append(f"<p><strong>{e(ctitle)}</strong><br />\n{e(s['commit'])}</p>")
    elif cm == "quote":
        out.append(gh(ctitle))
        out.append(f"<blockquote><p>{e(s['commit'])}</p></blockquote>")
    # key findings
    out.append(gh("Key findings for this quality statement"))
    kh = st.get("kfh")
    for k in s["findings"]:
        if redesign:
            out.append(f'<h{L+1} class="govuk-heading-s">{e(k["heading"])}</h{L+1}>')
        elif kh == "p_strong":
            out.append(f"<p><strong>{e(k['heading'])}</strong></p>")
        elif kh == "h_next":
            out.append(heading(L + 1, k["heading"]))
        else:
            out.append(heading(int(kh[1]), k["heading"]))
        for t, v in k["blocks"]:
            if t == "p":
                out.append(f'<p class="govuk-body">{e(v)}</p>' if redesign else f"<p>{e(v)}</p>")
            else:
                cls = ' class="govuk-list govuk-list--bullet"' if redesign else ""
                out.append(f"<ul{cls}>\n" + "\n".join(f"<li>{e(x)}</li>" for x in v) + "\n</ul>")
    return "\n".join(x for x in out if x)


def statements_section(f, st, members, level, redesign, container):
    """Render several statements on one page: plain sections, su-accordion, details, or govuk-accordion."""
    out = []
    T = texturize if st.get("texturize") else (lambda s: s)
    if container == "govuk_accordion":
        out.append(f'<div class="govuk-accordion" data-module="govuk-accordion" id="accordion-qs">')
        for n in members:
            name = STATEMENTS[n][0]
            out.append(f'<div class="govuk-accordion__section">\n<div class="govuk-accordion__section-header">'
                       f'<h{level} class="govuk-accordion__section-heading"><span class="govuk-accordion__section-button" id="accordion-qs-heading-{n}">{e(name)}</span></h{level}></div>\n'
                       f'<div id="accordion-qs-content-{n}" class="govuk-accordion__section-content">\n{statement_body(f, st, n, level, True)}\n</div></div>')
        out.append("</div>")
    elif container == "su_accordion":
        out.append('<div class="su-accordion su-u-trim">')
        for n in members:
            name = STATEMENTS[n][0]
            out.append(f'<div class="su-spoiler su-spoiler-style-default su-spoiler-icon-plus su-spoiler-closed" data-scroll-offset="0">'
                       f'<div class="su-spoiler-title" tabindex="0" role="button"><span class="su-spoiler-icon"></span>{e(T(name))}</div>'
                       f'<div class="su-spoiler-content su-u-clearfix su-u-trim">\n{statement_body(f, st, n, level, False)}\n</div></div>')
        out.append("</div>")
    elif container == "details":
        for n in members:
            name = STATEMENTS[n][0]
            out.append(f'<details class="qs" id="qs-{n}"><summary><span class="qs-number">Quality statement {n}:</span> {e(T(name))}</summary>\n'
                       f'{statement_body(f, st, n, level, False)}\n</details>')
    else:  # sections with headings
        for n in members:
            name = STATEMENTS[n][0]
            hc = ' class="govuk-heading-l"' if redesign else ""
            out.append(f'<section id="{STATEMENTS[n][3]}">\n<h{level}{hc}>{e(T(name))}</h{level}>\n{statement_body(f, st, n, level, redesign)}\n</section>')
            if not redesign and st.get("hr"):
                out.append("<hr />")
    return "\n".join(out)


# ---------------------------------------------------------------- page bodies
def label_list(items, style, redesign, T):
    if redesign or style == "gov":
        rows = "\n".join(
            f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{e(d["label"])}</dt><dd class="govuk-summary-list__value">{e(d["value"])}</dd></div>'
            if "label" in d else
            f'<div class="govuk-summary-list__row govuk-summary-list__row--no-actions"><dd class="govuk-summary-list__value">{e(d["text"])}</dd></div>'
            for d in items)
        return f'<dl class="govuk-summary-list">\n{rows}\n</dl>'
    if style == "ul_strong":
        return "<ul>\n" + "\n".join(
            f"<li><strong>{e(d['label'])}:</strong> {e(d['value'])}</li>" if "label" in d else f"<li>{e(d['text'])}</li>"
            for d in items) + "\n</ul>"
    if style == "table":
        rows = "\n".join(
            f'<tr><td width="236" valign="top" style="width:177.2pt;border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt"><p class="MsoNormal"><b>{e(d["label"])}</b></p></td>'
            f'<td width="365" valign="top" style="width:273.8pt;border:solid windowtext 1.0pt;border-left:none;padding:0cm 5.4pt 0cm 5.4pt"><p class="MsoNormal">{e(d["value"])}</p></td></tr>'
            for d in items)
        return f'<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;border:none">\n<tbody>\n{rows}\n</tbody>\n</table>'
    if style == "dl":
        return '<dl class="facts">\n' + "\n".join(f"<dt>{e(d['label'])}</dt>\n<dd>{e(d['value'])}</dd>" for d in items) + "\n</dl>"
    if style == "p_br":
        return "<p>" + "<br />\n".join(
            f"<strong>{e(d['label'])}:</strong> {e(d['value'])}" if "label" in d else e(d["text"]) for d in items) + "</p>"
    raise ValueError(style)


def about_body(f, st, redesign, level):
    T = texturize if st.get("texturize") else (lambda s: s)
    out = []
    H = (lambda lv, t: f'<h{lv} class="govuk-heading-{"l" if lv == level else "m"}">{e(t)}</h{lv}>') if redesign else (lambda lv, t: heading(lv, T(t)))
    pubs = fmt_date(f["pub_d"], st["date"])
    if f["kind"] == "pilot":
        starts = fmt_date(D(f["start"]), st["date"])
        if st.get("about") == "table":
            out.append(f'<p class="MsoNormal"><b>Assessment start date:</b> {starts}</p>\n<p class="MsoNormal"><b>Assessment published:</b> {pubs}</p>')
        else:
            out.append(f"<p>Assessment start date: {starts}<br />\nAssessment published: {pubs}</p>")
    elif redesign:
        out.append(f'<p class="govuk-body">Assessment published: {pubs}</p>')
    else:
        out.append(f"<p><strong>Assessment published:</strong> {pubs}</p>")
    out.append(H(level, f"About {f['council']}"))
    out.append(H(level + 1, "Demographics"))
    out.append(label_list(f["demo"], st["about"], redesign, T))
    out.append(H(level + 1, "Financial facts"))
    out.append(label_list(f["fin"], st.get("about_fin", st["about"]), redesign, T))
    return "\n".join(out)


def rating_block(f, st, redesign, level):
    T = texturize if st.get("texturize") else (lambda s: s)
    c, r, p = f["council"], f["rating"], f["pct"]
    m = st.get("rating")
    if f["kind"] == "pilot":
        if m == "pilot_table":
            return (f'{heading(level, "Local authority indicative rating")}\n'
                    f'<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0"><tbody><tr><td><p class="MsoNormal">{e(c)}</p></td></tr>'
                    f'<tr><td><p class="MsoNormal"><b>{e(r)}: {e(RATING_BAND[r])}</b></p></td></tr></tbody></table>')
        return f'{heading(level, "Local authority indicative rating")}\n<p>{e(c)}</p>\n<p><strong>{e(r)}: {e(RATING_BAND[r])}</strong></p>'
    if redesign:
        return (f'<h{level} class="govuk-heading-m">Local authority rating and score</h{level}>\n'
                f'<div class="govuk-panel app-rating-panel app-rating-panel--{r.lower().replace(" ", "-")}">\n'
                f'<p class="govuk-panel__title-s">{e(c)}</p>\n<h{level+1} class="govuk-panel__title">{e(r)}</h{level+1}>\n'
                f'<div class="govuk-panel__body"><span class="govuk-visually-hidden">Overall score: </span>{p}%</div></div>')
    if m == "notes":
        return f'{heading(level, "Local authority rating and score")}\n<p>{e(c)}</p>\n<p><strong>{e(r)}</strong></p>\n<p>Overall rating for {e(c)}: {p}%</p>'
    if m == "caps":
        rr = r.title() if r == "Requires improvement" else r
        return f'{heading(level, "Local authority rating and score")}\n<p>{e(c)}</p>\n<p class="rating rating--{r.lower().replace(" ", "-")}">{e(rr)}</p>\n<p>Overall rating for {e(c)}: {p}%</p>'
    if m == "word_table":
        return (f'{heading(level, "Local authority rating and score")}\n'
                '<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;border:none"><tbody>\n'
                f'<tr><td colspan="2"><p class="MsoNormal"><b>{e(c)}</b></p></td></tr>\n'
                f'<tr><td><p class="MsoNormal">Overall rating</p></td><td><p class="MsoNormal">{e(r)}</p></td></tr>\n'
                f'<tr><td><p class="MsoNormal">Overall score</p></td><td><p class="MsoNormal">{p}%</p></td></tr>\n</tbody></table>')
    if m == "su_box":
        return (f'{heading(level, "Local authority rating and score")}\n<div class="su-box su-box-style-glass"><div class="su-box-title">{e(c)}</div>'
                f'<div class="su-box-content su-u-clearfix su-u-trim"><p>Rating: <strong>{e(r)}</strong></p>\n<p>Overall score: {p} per cent</p></div></div>')
    raise ValueError(m)


def scores_block(f, st, redesign, level):
    T = texturize if st.get("texturize") else (lambda s: s)
    pilot = f["kind"] == "pilot"
    title = "Quality statement scores" if not pilot else "Indicative quality statement scores"
    sm = f["score_map"]
    m = st.get("sumscores")
    lab = "Indicative score" if pilot else "Score"
    val = lambda n: "" if sm[n] is None else str(sm[n])
    if redesign:
        rows = []
        for n in range(1, 10):
            v = sm[n]
            dd = "" if v is None else (f'<strong class="govuk-tag app-score-tag app-score-tag--{v}">{v}</strong> '
                                       f'<span class="govuk-visually-hidden">out of 4: </span>{e(BAND[v])}')
            rows.append(f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{e(STATEMENTS[n][0])}</dt>'
                        f'<dd class="govuk-summary-list__value">{dd}</dd></div>')
        return f'<h{level} class="govuk-heading-m">{title}</h{level}>\n<dl class="govuk-summary-list app-scores">\n' + "\n".join(rows) + "\n</dl>"
    h = heading(level, title)
    if m == "pairs_p":
        return h + "\n" + "\n".join(f"<p><strong>{e(T(STATEMENTS[n][0]))}</strong></p>\n<p>{lab}: {val(n)}</p>" for n in range(1, 10))
    if m == "pairs_br":
        return h + "\n" + "\n".join(f"<p>{e(T(STATEMENTS[n][0]))}<br />\n{lab}: {val(n)}</p>" for n in range(1, 10))
    if m == "table_rowspan":
        rows = []
        for t in range(1, 5):
            mem = [n for n in range(1, 10) if STATEMENTS[n][1] == t]
            for i, n in enumerate(mem):
                th = f'<td rowspan="{len(mem)}" valign="top"><p class="MsoNormal"><b>{e(T(THEMES[t][0]))}</b></p></td>' if i == 0 else ""
                sv = "" if sm[n] is None else T(f"{sm[n]} - {BAND[sm[n]]}")
                rows.append(f'<tr>{th}<td valign="top"><p class="MsoNormal">{e(T(STATEMENTS[n][0]))}</p></td><td valign="top"><p class="MsoNormal">{e(sv)}</p></td></tr>')
        return (h + '\n<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;border:none">\n<tbody>\n'
                '<tr><td><p class="MsoNormal"><b>Theme</b></p></td><td><p class="MsoNormal"><b>Quality statement</b></p></td>'
                f'<td><p class="MsoNormal"><b>{lab}</b></p></td></tr>\n' + "\n".join(rows) + "\n</tbody>\n</table>")
    if m == "ul":
        return h + "\n<ul>\n" + "\n".join(f"<li>{e(T(STATEMENTS[n][0]))} &ndash; {lab.lower()} {val(n)}</li>" for n in range(1, 10)) + "\n</ul>"
    if m == "dl":
        return h + '\n<dl class="qs-scores">\n' + "\n".join(f"<dt>{e(T(STATEMENTS[n][0]))}</dt><dd>{lab}: {val(n)}</dd>" for n in range(1, 10)) + "\n</dl>"
    if m == "thead_table":
        rows = "\n".join(f'<tr><th scope="row">{e(T(STATEMENTS[n][0]))}</th><td>{val(n)}</td><td>{e(BAND[sm[n]]) if sm[n] else ""}</td></tr>' for n in range(1, 10))
        return h + f'\n<table class="qs-scores-table"><caption class="screen-reader-text">Scores for each quality statement, 1 to 4</caption>\n<thead><tr><th scope="col">Quality statement</th><th scope="col">Score (out of 4)</th><th scope="col">What the score means</th></tr></thead>\n<tbody>\n{rows}\n</tbody></table>'
    if m == "cards":
        out = [h, '<div class="su-row">']
        for t in range(1, 5):
            mem = [n for n in range(1, 10) if STATEMENTS[n][1] == t]
            inner = "".join(f'<div class="qs-card"><p class="qs-card__name">{e(T(STATEMENTS[n][0]))}</p><p class="qs-card__score">{lab}: {val(n)}</p></div>' for n in mem)
            out.append(f'<div class="su-column su-column-size-1-4"><div class="su-column-inner su-u-clearfix su-u-trim">'
                       f'<h{level+1}>{e(T(THEMES[t][0]))}</h{level+1}>{inner}</div></div>')
        out.append("</div>")
        return "\n".join(out)
    raise ValueError(m)


def summary_body(f, st, redesign, level):
    T = texturize if st.get("texturize") else (lambda s: s)
    hc = (lambda lv, t: f'<h{lv} class="govuk-heading-m">{e(t)}</h{lv}>') if redesign else (lambda lv, t: heading(lv, T(t)))
    pcls = ' class="govuk-body"' if redesign else ""
    out = [rating_block(f, st, redesign, level), scores_block(f, st, redesign, level)]
    p = f.get("pdf_info")
    if p and st.get("body_pdf_link"):
        out.append(f'<p{pcls}><a href="{a(p["url"])}">Download this report (PDF, {p["size"]})</a></p>')
    out.append(hc(level, "Summary of people's experiences"))
    out += [f"<p{pcls}>{e(x)}</p>" for x in f["people"]]
    out.append(hc(level, "Summary of strengths, areas for development and next steps"))
    out += [f"<p{pcls}>{e(x)}</p>" for x in f["strengths"]]
    return "\n".join(out)


# ---------------------------------------------------------------- full page
def render_page(f, st, fams, pages, key, redesign_override=False):
    redesign = st["theme"] == "redesign" or redesign_override
    T = texturize if (st.get("texturize") and not redesign) else (lambda s: s)
    page = next(p for p in pages if p[0] == key)
    _, path, title, members = page
    updated = page_updated(f, key, members)
    rt = report_title(f)
    hl = st.get("hlevel", 2)      # level of the page's own heading
    parts = []
    if redesign:
        parts.append('<div class="app-report-header">')
        if st.get("caption"):
            parts.append(f'<span class="govuk-caption-xl">{e(rt)}</span>')
        else:
            parts.append(f'<h1 class="govuk-heading-xl">{e(rt)}</h1>')
        parts.append(dates_block(f, st, updated, True))
        parts.append(downloads_block(f, st, True))
        parts.append("</div>")
        parts.append(contents_block(f, st, pages, key, True))
        hl = 1 if st.get("caption") else 2
    else:
        hdr = st.get("hdr", "h1")
        if hdr == "h1":
            parts.append(f'<header class="entry-header"><h1 class="entry-title">{e(T(rt))}</h1></header>')
        elif hdr == "p":
            parts.append(f'<div class="report-banner"><p class="report-banner__title">{e(T(rt))}</p></div>')
            hl = 1
        parts.append(dates_block(f, st, updated, False))
        if st.get("downloads_pos", "top") == "top":
            parts.append(downloads_block(f, st, False))
        if st.get("contents"):
            parts.append(contents_block(f, st, pages, key, False))
        parts.append('<div class="entry-content">')
    htitle = (f"About {f['council']}" if key == "about" else title)
    if key == "about":
        parts.append(about_body(f, st, redesign, hl))
    elif key == "summary":
        parts.append(f'<h{hl} class="govuk-heading-l">Overall summary</h{hl}>' if redesign else heading(hl, "Overall summary"))
        parts.append(summary_body(f, st, redesign, hl + 1))
    else:
        if key.startswith("s"):
            n = members[0]
            parts.append(f'<h{hl} class="govuk-heading-l">{e(STATEMENTS[n][0])}</h{hl}>' if redesign else heading(hl, T(STATEMENTS[n][0])))
            if st.get("theme_caption"):
                parts.append(f'<p class="theme-caption"><span class="screen-reader-text">Theme: </span>{e(T(THEMES[STATEMENTS[n][1]][0]))}</p>')
            parts.append(statement_body(f, st, n, hl, redesign))
        else:
            parts.append(f'<h{hl} class="govuk-heading-l">{e(title)}</h{hl}>' if redesign else heading(hl, T(title)))
            parts.append(statements_section(f, st, members, hl + 1, redesign, st.get("container", "sections")))
    if not redesign:
        parts.append("</div>")
        if st.get("downloads_pos") == "bottom":
            parts.append(downloads_block(f, st, False))
    if st.get("prevnext"):
        parts.append(prevnext(pages, key, redesign))
    crumbs = [("Home", "/"), ("Local authority assessment reports", BASE), (f["council"], None if key == "about" else pages[0][1])]
    if key != "about":
        crumbs.append((htitle, None))
    main = "\n".join(x for x in parts if x)
    related = related_block(f, fams, redesign, st) if st.get("related_block", True) else ""
    if redesign:
        return redesign_shell(f"{htitle} - {rt}", main, crumbs if st.get("crumbs", True) else None, related)
    return classic_shell(f"{htitle} - {rt}", main, related, crumbs if st.get("crumbs", True) else None)


# ---------------------------------------------------------------- listing
def listing_pages(fams, per_page=6):
    formal = sorted([f for f in fams if f["kind"] == "formal"], key=lambda f: f["published"], reverse=True)
    pilots = [f for f in fams if f["kind"] == "pilot"]
    chunks = [formal[i:i + per_page] for i in range(0, len(formal), per_page)]
    npages = len(chunks)
    url = lambda i: BASE if i == 1 else f"{BASE}/page/{i}/"
    out = []
    for i, chunk in enumerate(chunks, 1):
        items = []
        for f in chunk:
            items.append(f'<article class="la_report type-la_report status-publish hentry">\n'
                         f'<h3 class="entry-title"><a href="{BASE}/{f["slug"]}" rel="bookmark">{e(f["council"])}: local authority assessment</a></h3>\n'
                         f'<div class="entry-meta">Published: <time datetime="{f["published"]}">{fmt_date(f["pub_d"], "dmy")}</time></div>\n</article>')
        pag = ['<nav class="navigation pagination" aria-label="Assessment reports"><h2 class="screen-reader-text">Assessment reports navigation</h2><div class="nav-links">']
        if i > 1:
            pag.append(f'<a class="prev page-numbers" href="{url(i-1)}">&laquo; Previous</a>')
        for j in range(1, npages + 1):
            if j == i:
                pag.append(f'<span aria-current="page" class="page-numbers current">{j}</span>')
            else:
                pag.append(f'<a class="page-numbers" href="{url(j)}">{j}</a>')
        if i < npages:
            pag.append(f'<a class="next page-numbers" href="{url(i+1)}">Next &raquo;</a>')
        pag.append("</div></nav>")
        body = ['<header class="entry-header"><h1 class="entry-title">Local authority assessment reports</h1></header>',
                '<div class="entry-content">']
        if i == 1:
            body.append("<p>We assess how local authorities meet their duties under Part 1 of the Care Act 2014. "
                        "Find the reports we have published below, most recent first.</p>")
        body.append('<h2 id="assessment-reports">Assessment reports</h2>' if i == 1 else '<h2 id="assessment-reports">Assessment reports <span class="page-count">(page ' + str(i) + ' of ' + str(npages) + ')</span></h2>')
        body += items
        body.append("\n".join(pag))
        if i == npages:
            body.append('<h2 id="in-progress">Assessments in progress</h2>\n<p>We are currently assessing:</p>\n<ul>\n' +
                        "\n".join(f"<li>{e(n)}</li>" for n in IN_PROGRESS) + "\n</ul>")
            body.append('<h2 id="pilot-assessments">Pilot assessments</h2>\n<p>In 2023 we carried out pilot assessments of 5 local authorities. '
                        "These reports give indicative scores and ratings.</p>\n<ul>\n" +
                        "\n".join(f'<li><a href="{BASE}/{p["slug"]}">{e(p["council"])} assessment</a> &ndash; published {fmt_date(p["pub_d"], "dmy")}</li>' for p in pilots) +
                        "\n</ul>")
        else:
            body.append(f'<p class="more-link"><a href="{url(npages)}#pilot-assessments">Pilot assessments and assessments in progress</a></p>')
        body.append("</div>")
        title = "Local authority assessment reports" + ("" if i == 1 else f" &#8211; Page {i}")
        html_ = classic_shell("Local authority assessment reports" if i == 1 else f"Local authority assessment reports - Page {i}",
                              "\n".join(body), "", [("Home", "/"), ("Local authority assessment reports", None)], "page-template-template-la-reports")
        out.append((url(i), html_))
    return out




def home_page():
    main = ('<header class="entry-header"><h1 class="entry-title">Care Quality Commission</h1></header>\n<div class="entry-content">'
            f'<p>The independent regulator of health and adult social care in England.</p>\n<p><a href="{BASE}">Local authority assessment reports</a></p></div>')
    return classic_shell("Home", main, "", None, "home")
