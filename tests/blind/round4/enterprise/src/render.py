"""HTML templates: an enterprise-CMS (Sitecore SXA / Optimizely) style redesign of cqc.org.uk report pages."""
import datetime
from html import escape as _e
from prose import THEMES, THEME_OF, STATEMENTS, BAND, RATING_PHRASE
from families import BASE

def e(s):
    return _e(str(s), quote=True)

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]

def fmt_date(iso, mode):
    d = datetime.date.fromisoformat(iso)
    if mode == "short":
        return d.strftime("%d/%m/%Y")
    if mode == "abbr":
        return f"{d.day} {MONTHS[d.month-1][:3]} {d.year}"
    if mode == "weekday":
        return f"{d.strftime('%A')} {d.day} {MONTHS[d.month-1]} {d.year}"
    return f"{d.day} {MONTHS[d.month-1]} {d.year}"

def tdate(iso, mode):
    return f'<time datetime="{iso}">{e(fmt_date(iso, mode))}</time>'

# ---------------------------------------------------------------- URL schemes
PILOT_THEME_SEG = {1: "1-working-with-people", 2: "2-providing-support", 3: "3-ensuring-safety", 4: "4-leadership"}
PILOT_STMT_SEG = {1: "assessing-needs", 2: "supporting-people-to-live-healthier-lives", 3: "equity-in-experience-and-outcomes",
                  4: "care-provision-integration-and-continuity", 5: "partnerships-and-communities",
                  6: "safe-pathways-systems-and-transitions", 7: "safeguarding",
                  8: "governance-management-and-sustainability", 9: "learning-improvement-innovation"}
SUFFIX = {1: "theme1-needs", 2: "theme1-healthier-lives", 3: "theme1-equity", 4: "theme2-care", 5: "theme2-partnerships",
          6: "theme3-safe-pathways", 7: "theme3-safeguarding", 8: "theme4-governance", 9: "theme4-learning"}
THEME_PATH = {1: "working-with-people", 2: "providing-support", 3: "ensuring-safety", 4: "leadership"}

def plan(f):
    """Ordered list of pages of a family: (kind, url, arg, nav label)."""
    b = f"{BASE}/{f['slug']}"
    u = f["urls"]
    about = ("about", b, None, "About " + ("the council" if f["style"] == "tabs" else f["council"]))
    if f["style"] == "tabs":
        about = ("about", b, None, "Overview")
    pages = [about]
    summ = {"pilot": b + "/overall-summary", "pilot-theme": b + "/overall-summary", "sibling": b + "-summary",
            "child": b + "/summary", "tabquery": b + "?tab=summary", "theme-path": b + "/overall-summary",
            "single": b + ("/overall-summary" if f["kind"] == "pilot" else "/summary"),
            "full-report": b + "/overall-summary"}[u]
    pages.append(("summary", summ, None, "Overall summary"))
    g = f["grouping"]
    if g == "statement":
        for n in range(1, 10):
            if u == "pilot":
                url = f"{b}/{PILOT_THEME_SEG[THEME_OF[n]]}/{PILOT_STMT_SEG[n]}"
            elif u == "sibling":
                url = f"{b}-{SUFFIX[n]}"
            else:
                url = f"{b}/{SUFFIX[n]}"
            pages.append(("statement", url, n, STATEMENTS[n]))
    elif g == "theme":
        for t in range(1, 5):
            if u == "pilot-theme":
                url = f"{b}/{PILOT_THEME_SEG[t]}"
            elif u == "tabquery":
                url = f"{b}?tab=theme-{t}"
            else:
                url = f"{b}/{THEME_PATH[t]}"
            pages.append(("theme", url, t, THEMES[t] if f["style"] != "tabs" else f"Theme {t}: {THEMES[t]}"))
    else:
        url = b + ("/full-report" if u == "full-report" else "/quality-statements")
        pages.append(("single", url, None, "Quality statements"))
    return pages

def header_title(f):
    if f["kind"] == "pilot":
        return f"{f['council']} assessment"
    return f"{f['council']}: local authority assessment"

# ---------------------------------------------------------------- chrome
NAV = [("/", "Home"), ("/care-services", "Care services"), ("/guidance-regulation", "Guidance and regulation"),
       ("/about-us", "About us"), ("/contact-us", "Contact us")]
FOOT = [("/accessibility", "Accessibility"), ("/cookies", "Cookies"), ("/privacy-notice", "Privacy notice"),
        ("/contact-us", "Contact us")]

def chrome(style, title, main_html, crumbs):
    crumb_html = "".join(
        f'<li class="breadcrumb__item"><a href="{e(h)}">{e(t)}</a></li>' if h else
        f'<li class="breadcrumb__item" aria-current="page">{e(t)}</li>' for h, t in crumbs)
    nav_html = "".join(f'<li class="nav__item"><a class="nav__link" href="{h}">{e(t)}</a></li>' for h, t in NAV)
    foot_html = "".join(f'<li><a href="{h}">{e(t)}</a></li>' for h, t in FOOT)
    if style == "opti":
        return f"""<!DOCTYPE html>
<html lang="en-GB" class="no-js">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)} | Care Quality Commission</title>
<link rel="stylesheet" href="/static/css/cqc-ds.min.css">
<meta name="generator" content="Optimizely CMS 12">
</head>
<body class="cqc-template cqc-template--report" data-epi-page-type="LocalAuthorityAssessmentReportPage">
<a class="cqc-skip-link" href="#main-content">Skip to main content</a>
<div class="site-wrapper">
<header class="cqc-header" role="banner">
 <div class="cqc-width-container cqc-header__container">
  <a class="cqc-header__logo" href="/"><span class="cqc-visually-hidden">Care Quality Commission home page</span><img src="/static/img/cqc-logo.svg" alt=""></a>
  <nav class="cqc-header__navigation" aria-label="Main"><ul class="nav__list">{nav_html}</ul></nav>
 </div>
</header>
<div class="cqc-width-container">
 <nav class="cqc-breadcrumbs" aria-label="Breadcrumb"><ol class="cqc-breadcrumbs__list">{crumb_html}</ol></nav>
 <main id="main-content" class="cqc-main-wrapper" role="main">
  <div class="ContentArea" data-epi-property-name="MainContentArea">
{main_html}
  </div>
 </main>
</div>
<footer class="cqc-footer" role="contentinfo"><div class="cqc-width-container"><ul class="cqc-footer__list">{foot_html}</ul>
<p class="cqc-footer__copyright">&copy; Care Quality Commission</p></div></footer>
</div>
<script src="/static/js/cqc-ds.min.js" defer></script>
</body>
</html>
"""
    # Sitecore SXA (sxa, tabs, legacy)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)} - Care Quality Commission</title>
<link href="/-/media/base-themes/main-theme/styles/optimized-min.css" rel="stylesheet">
<link href="/-/media/themes/cqc/cqc-2026/styles/pre-optimized-min.css" rel="stylesheet">
</head>
<body class="default-device bodyclass">
<div id="wrapper">
<header>
 <div id="header" class="container">
  <div class="row">
   <div class="component plain-html col-12"><div class="component-content"><a class="skip-link" href="#content">Skip to main content</a></div></div>
   <div class="component image file-type-icon-media-link col-6 col-md-3 site-logo"><div class="component-content"><a title="Care Quality Commission" href="/"><img src="/-/media/project/cqc/logo/cqc-logo.svg" alt="Care Quality Commission"></a></div></div>
   <div class="component navigation col-12 navigation-main navigation-main-horizontal"><div class="component-content"><nav><ul class="clearfix">{nav_html}</ul></nav></div></div>
  </div>
 </div>
</header>
<main>
 <div id="content" class="container">
  <div class="row">
   <div class="component breadcrumb navigation-title col-12"><div class="component-content"><nav aria-label="breadcrumb"><ol>{crumb_html}</ol></nav></div></div>
{main_html}
  </div>
 </div>
</main>
<footer>
 <div id="footer" class="container"><div class="row"><div class="component link-list col-12 footer-links"><div class="component-content"><ul>{foot_html}</ul></div></div>
 <div class="component rich-text col-12"><div class="component-content"><p>&copy; Care Quality Commission</p></div></div></div></div>
</footer>
</div>
</body>
</html>
"""

def crumbs_for(f, page_label=None):
    c = [("/", "Home"), ("/care-services", "Care services"), (BASE, "Local authority assessment reports")]
    if page_label:
        c.append((f"{BASE}/{f['slug']}", f["council"]))
        c.append((None, page_label))
    else:
        c.append((None, f["council"]))
    return c

# ---------------------------------------------------------------- report header + downloads
def downloads(f, pdfinfo):
    style = f["style"]
    if pdfinfo:
        link = f'<a href="{e(pdfinfo["url"])}" class="file-link file-link--pdf" download>{e(pdfinfo["label"])} <span class="file-meta">(PDF, {e(pdfinfo["size"])})</span></a>'
        body = f"<ul class=\"downloads__list\"><li>{link}</li></ul>"
    else:
        body = '<p class="downloads__empty">There are no documents to download for this report.</p>'
    if style == "opti":
        return f"""<div class="block DownloadsBlock"><div class="block__inner"><section class="cqc-downloads" aria-labelledby="downloads-heading">
<h2 class="cqc-downloads__heading" id="downloads-heading">Downloads</h2>{body}</section></div></div>"""
    return f"""<div class="component link-list file-list col-12 report-downloads"><div class="component-content">
<h3>Downloads</h3>{body}</div></div>"""

def meta_line(f, updated):
    m = f["date_fmt"]
    if f["style"] == "tabs":
        return (f'<dl class="report-meta"><dt>Published:</dt><dd>{tdate(f["published"], m)}</dd>'
                f'<dt>Page last updated:</dt><dd>{tdate(updated, m)}</dd></dl>')
    if f["style"] == "opti":
        return (f'<ul class="cqc-meta-list"><li class="cqc-meta-list__item"><span class="cqc-meta-list__label">Published:</span> {tdate(f["published"], m)}</li>'
                f'<li class="cqc-meta-list__item"><span class="cqc-meta-list__label">Page last updated:</span> {tdate(updated, m)}</li></ul>')
    return f'<p class="page-dates">Published: {tdate(f["published"], m)} Page last updated: {tdate(updated, m)}</p>'

def report_header(f, updated, pdfinfo):
    t = header_title(f)
    if f["style"] == "opti":
        return f"""<div class="block ReportHeaderBlock"><div class="block__inner">
<div class="cqc-report-hero"><div class="cqc-report-hero__content">
<span class="cqc-report-hero__caption">Assessment report</span>
<h1 class="cqc-report-hero__title">{e(t)}</h1>
{meta_line(f, updated)}
</div></div></div></div>
{downloads(f, pdfinfo)}"""
    return f"""<div class="component container report-header col-12"><div class="component-content"><div class="row">
<div class="component title col-12"><div class="component-content"><div class="field-title"><h1>{e(t)}</h1></div></div></div>
<div class="component rich-text col-12 report-dates"><div class="component-content">{meta_line(f, updated)}</div></div>
</div></div></div>
{downloads(f, pdfinfo)}"""

# ---------------------------------------------------------------- navigation pieces
def side_nav(f, pages, current):
    items = []
    for kind, url, arg, label in pages:
        if url == current:
            items.append(f'<li class="active"><span aria-current="page">{e(label)}</span></li>')
        else:
            items.append(f'<li><a href="{e(url)}">{e(label)}</a></li>')
    return f"""<div class="component navigation col-12 col-md-4 report-contents"><div class="component-content">
<nav aria-label="Report contents"><h2 class="report-contents__title">Report contents</h2><ul>{''.join(items)}</ul></nav></div></div>"""

def tab_nav(f, pages, current):
    items = []
    for kind, url, arg, label in pages:
        sel = "true" if url == current else "false"
        cls = ' class="active"' if url == current else ""
        items.append(f'<li role="presentation"{cls}><a role="tab" aria-selected="{sel}" href="{e(url)}">{e(label)}</a></li>')
    return f"""<div class="component tabs report-tabs col-12"><div class="component-content">
<div class="tabs-inner"><ul class="tabs-heading" role="tablist">{''.join(items)}</ul></div></div></div>"""

def opti_contents(f, pages, current):
    items = "".join(
        f'<li class="cqc-contents-list__item{" cqc-contents-list__item--active" if url == current else ""}">'
        + (f'<span>{e(label)}</span>' if url == current else f'<a class="cqc-contents-list__link" href="{e(url)}">{e(label)}</a>')
        + "</li>" for kind, url, arg, label in pages)
    return f"""<div class="block ContentsBlock"><div class="block__inner"><nav class="cqc-contents-list" aria-label="Contents">
<h2 class="cqc-contents-list__title">Contents</h2><ol class="cqc-contents-list__list">{items}</ol></nav></div></div>"""

def prev_next(f, pages, current):
    urls = [p[1] for p in pages]
    i = urls.index(current)
    parts = []
    if i > 0:
        parts.append(f'<li class="pagination__prev"><a href="{e(pages[i-1][1])}" rel="prev"><span class="pagination__label">Previous</span> <span class="pagination__title">{e(pages[i-1][3])}</span></a></li>')
    if i < len(pages) - 1:
        parts.append(f'<li class="pagination__next"><a href="{e(pages[i+1][1])}" rel="next"><span class="pagination__label">Next</span> <span class="pagination__title">{e(pages[i+1][3])}</span></a></li>')
    if f["style"] == "opti":
        return f'<div class="block PagerBlock"><nav class="cqc-pagination" aria-label="Report pages"><ul>{"".join(parts)}</ul></nav></div>'
    return f'<div class="component link-list col-12 prev-next"><div class="component-content"><nav aria-label="Report pages"><ul>{"".join(parts)}</ul></nav></div></div>'

def related(f, fams_by_slug, ctx):
    """Related-content block naming other councils with their ratings and scores."""
    import random
    rng = random.Random("related:" + f["slug"])
    pool = [g for g in fams_by_slug.values() if g["slug"] != f["slug"] and g["kind"] == "formal" and "expect" not in g]
    picks = rng.sample(pool, 3)
    if f["style"] == "opti":
        cards = "".join(
            f"""<li class="cqc-card"><div class="cqc-card__content"><h3 class="cqc-card__heading"><a class="cqc-card__link" href="{BASE}/{g['slug']}">{e(g['council'])}: local authority assessment</a></h3>
<p class="cqc-card__description">Rated <strong class="cqc-tag">{e(g['rating'])}</strong> &middot; Overall score {ctx[g['slug']]['pct']}%</p></div></li>""" for g in picks)
        return f"""<div class="block RelatedContentBlock"><aside class="cqc-related" aria-labelledby="related-h"><h2 id="related-h">You might also be interested in</h2><ul class="cqc-card-group">{cards}</ul></aside></div>"""
    if f["style"] == "tabs":
        rows = "".join(f"<tr><td><a href=\"{BASE}/{g['slug']}\">{e(g['council'])}</a></td><td>{e(g['rating'])}</td><td>{ctx[g['slug']]['pct']}%</td></tr>" for g in picks)
        return f"""<div class="component related-reports col-12"><div class="component-content"><h2>Other recently published assessments</h2>
<table class="table table--compact"><thead><tr><th scope="col">Local authority</th><th scope="col">Rating</th><th scope="col">Score</th></tr></thead><tbody>{rows}</tbody></table></div></div>"""
    lis = "".join(f"<li><a href=\"{BASE}/{g['slug']}\">{e(g['council'])}</a> &ndash; {e(g['rating'])} ({ctx[g['slug']]['pct']}%)</li>" for g in picks)
    return f"""<div class="component promo related-content col-12 col-md-4"><div class="component-content"><div class="promo-text"><h2 class="field-promotext">Related assessments</h2><ul>{lis}</ul></div></div></div>"""

# ---------------------------------------------------------------- score renderings
def score_block(f, n, score):
    fmt = f.get("score_fmt", "score_line")
    if f["kind"] == "pilot":
        return f'<p class="indicative-score-label"><strong>Indicative score:</strong></p>\n<p class="indicative-score">{score} - {e(BAND[score])}</p>'
    if score is None:
        return '<p class="qs-score qs-score--pending">Score: </p>'
    if fmt == "score_line":
        return f'<p class="qs-score">Score: {score}</p>\n<p class="qs-score-label">{score} - {e(BAND[score])}</p>'
    if fmt == "badge":
        return (f'<div class="qs-score"><strong class="badge badge--score badge--score-{score}">Score {score} of 4</strong> '
                f'<span class="qs-score__phrase">{e(BAND[score])}</span></div>')
    if fmt == "table":
        return (f'<table class="score-table"><thead><tr><th scope="col">Quality statement score</th><th scope="col">What the score means</th></tr></thead>'
                f'<tbody><tr><td class="score-table__score">{score}</td><td>{e(BAND[score])}</td></tr></tbody></table>')
    if fmt == "meter":
        pips = "".join(f'<span class="score-meter__pip{" score-meter__pip--on" if i <= score else ""}"></span>' for i in range(1, 5))
        return (f'<div class="score-meter" aria-hidden="true">{pips}</div>'
                f'<p class="score-meter__text"><span class="visually-hidden">Score: </span>{score}<span class="visually-hidden"> out of 4</span> &ndash; {e(BAND[score])}</p>')
    if fmt == "sentence":
        return f'<p class="qs-score-summary">We scored this quality statement <strong>{score} out of 4</strong>: {e(BAND[score][0].lower() + BAND[score][1:])}.</p>'
    raise ValueError(fmt)

def summary_scores(f, scores, hl):
    mode = f["sum_scores"]
    pilot = f["kind"] == "pilot"
    lab = "Indicative score" if pilot else "Score"
    if mode == "pairs":
        items = []
        for n in range(1, 10):
            s = scores[n - 1]
            val = f"{lab}: {s}" if s is not None else "Score: not available"
            items.append(f'<li class="qs-scores__item"><h{hl+1} class="qs-scores__name">{e(STATEMENTS[n])}</h{hl+1}><p class="qs-scores__score">{e(val)}</p></li>')
        return f'<ul class="qs-scores">{"".join(items)}</ul>'
    if mode == "table_theme":
        rows = []
        for t in range(1, 5):
            ns = [n for n in range(1, 10) if THEME_OF[n] == t]
            for j, n in enumerate(ns):
                s = scores[n - 1]
                th = f'<th scope="rowgroup" rowspan="{len(ns)}">{e(THEMES[t])}</th>' if j == 0 else ""
                cell = f"{s}" if s is not None else "&ndash;"
                phrase = e(BAND[s]) if s is not None else "Not scored"
                rows.append(f"<tr>{th}<td>{e(STATEMENTS[n])}</td><td class=\"num\">{cell}</td><td>{phrase}</td></tr>")
        return f"""<table class="table table--scores">
<caption class="visually-hidden">{'Indicative quality statement scores' if pilot else 'Quality statement scores'}, 1 to 4</caption>
<thead><tr><th scope="col" rowspan="2">Theme</th><th scope="colgroup" colspan="3">Quality statement</th></tr>
<tr><th scope="col">Name</th><th scope="col">{lab}</th><th scope="col">Meaning</th></tr></thead>
<tbody>{''.join(rows)}</tbody></table>"""
    if mode == "summary_list":
        rows = "".join(
            f'<div class="summary-list__row"><dt class="summary-list__key">{e(STATEMENTS[n])}</dt>'
            f'<dd class="summary-list__value">{scores[n-1]} &ndash; {e(BAND[scores[n-1]])}</dd></div>' for n in range(1, 10))
        return f'<dl class="summary-list summary-list--scores">{rows}</dl>'
    if mode == "cards":
        cards = "".join(
            f"""<li class="score-card score-card--{scores[n-1]}"><h{hl+1} class="score-card__title">{e(STATEMENTS[n])}</h{hl+1}>
<p class="score-card__value"><span class="visually-hidden">Score: </span><span class="score-card__number">{scores[n-1]}</span><span class="visually-hidden"> out of 4</span></p>
<p class="score-card__phrase">{e(BAND[scores[n-1]])}</p></li>""" for n in range(1, 10))
        return f'<ul class="score-cards">{cards}</ul>'
    raise ValueError(mode)

def rating_block(f, c, hl):
    council = f["council"]
    r = f.get("rating_print", f["rating"])
    if f["kind"] == "pilot":
        return (f'<h{hl} class="rating-heading">Local authority indicative rating</h{hl}>\n'
                f'<p class="rating-phrase"><strong>{e(r)}</strong>: {e(RATING_PHRASE[f["rating"]])}</p>')
    pf = f.get("pct_fmt", "notes")
    pct = c["pct"]
    if pf == "notes":
        pline = f'<p class="overall-score">Overall rating for {e(council)}: {pct}%</p>'
    elif pf == "per_cent":
        pline = f'<p class="overall-score">Overall score: <strong>{pct} per cent</strong></p>'
    else:
        pline = f'<p class="stat-tile"><span class="stat-tile__label">Overall score</span> <span class="stat-tile__value">{pct}<span class="stat-tile__unit">%</span></span></p>'
    return (f'<h{hl} class="rating-heading">Local authority rating and score</h{hl}>\n'
            f'<p class="rating-council">{e(council)}</p>\n'
            f'<p class="rating-word"><strong class="tag tag--rating tag--{e(f["rating"].lower().replace(" ", "-"))}">{e(r)}</strong></p>\n{pline}')

# ---------------------------------------------------------------- statement content
def findings_html(f, st, hl):
    out = []
    for blk in st["findings"]:
        if blk["heading"] is not None:
            if f.get("editor_headings"):
                out.append(f"<p><strong>{e(blk['heading'])}</strong></p>")
            else:
                out.append(f"<h{hl}>{e(blk['heading'])}</h{hl}>")
        lis = []
        for kind, text in blk["blocks"]:
            if kind == "li":
                lis.append(f"<li>{e(text)}</li>")
                continue
            if lis:
                out.append(f"<ul>{''.join(lis)}</ul>"); lis = []
            out.append(f"<p>{e(text)}</p>")
        if lis:
            out.append(f"<ul>{''.join(lis)}</ul>")
    return "\n".join(out)

def statement_body(f, n, c, hl, with_heading=True):
    """hl = level for the statement name."""
    st = c["statements"][n]
    pilot = f["kind"] == "pilot"
    score = f["scores"][n - 1]
    parts = []
    if with_heading:
        parts.append(f'<h{hl} class="qs-title" id="qs-{n}">{e(STATEMENTS[n])}</h{hl}>')
    parts.append(score_block(f, n, score))
    exp_h = "What people expect"
    com_h = "The local authority commitment:" if pilot else "The local authority commitment"
    if f["style"] == "legacy":
        parts.append(f"<h{hl+1}>{exp_h}</h{hl+1}>" + "".join(f"<p>{e(x)}</p>" for x in st["what_people_expect"]))
    elif f["slug"].startswith("camden"):
        parts.append(f"<h{hl+1}>{exp_h}</h{hl+1}>" + "".join(f'<blockquote class="cqc-i-statement"><p>{e(x)}</p></blockquote>' for x in st["what_people_expect"]))
    else:
        parts.append(f"<h{hl+1}>{exp_h}</h{hl+1}><ul class=\"i-statements\">" + "".join(f"<li>{e(x)}</li>" for x in st["what_people_expect"]) + "</ul>")
    parts.append(f"<h{hl+1}>{com_h}</h{hl+1}><p class=\"we-statement\">{e(st['commitment'])}</p>")
    parts.append(f"<h{hl+1}>Key findings for this quality statement</h{hl+1}>")
    parts.append(findings_html(f, st, hl + 2))
    return "\n".join(parts)

def wrap_rt(f, html, extra_cls=""):
    if f["style"] == "opti":
        return f'<div class="block RichTextBlock {extra_cls}"><div class="block__inner"><div class="cqc-rich-text">{html}</div></div></div>'
    if f["style"] == "legacy":
        return (f'<div class="component rich-text col-12 legacy-body {extra_cls}"><div class="component-content">'
                f'<div class="field field--name-body field--type-text-with-summary field--label-hidden field__item"><div class="clearfix text-formatted">{html}</div></div></div></div>')
    return f'<div class="component rich-text col-12 {extra_cls}"><div class="component-content">{html}</div></div>'

# ---------------------------------------------------------------- page bodies
def label_value_block(mode, items, sentence_ok=True, caption=None, extra_text=None):
    """items: list of (label, value, sentence). Returns html and the key entries."""
    key = []
    if mode in ("sentences", "sentences_lancs"):
        lis = []
        for lab, val, sent in items:
            lis.append(f"<li>{e(sent)}</li>"); key.append({"text": sent})
        if extra_text:
            lis.append(f"<li>{e(extra_text)}</li>"); key.append({"text": extra_text})
        return f"<ul>{''.join(lis)}</ul>", key
    if mode == "dl":
        rows = "".join(f"<dt>{e(l)}</dt><dd>{e(v)}</dd>" for l, v, s in items)
        key = [{"label": l, "value": v} for l, v, s in items]
        return f'<dl class="facts-list">{rows}</dl>', key
    if mode == "summary_list":
        rows = "".join(f'<div class="summary-list__row"><dt class="summary-list__key">{e(l)}</dt><dd class="summary-list__value">{e(v)}</dd></div>' for l, v, s in items)
        key = [{"label": l, "value": v} for l, v, s in items]
        return f'<dl class="summary-list">{rows}</dl>', key
    if mode == "table":
        rows = "".join(f'<tr><th scope="row">{e(l)}</th><td>{e(v)}</td></tr>' for l, v, s in items)
        key = [{"label": l, "value": v} for l, v, s in items]
        if extra_text:
            rows += f'<tr class="table__note"><td colspan="2">{e(extra_text)}</td></tr>'
            key.append({"text": extra_text})
        cap = f"<caption>{e(caption)}</caption>" if caption else ""
        return f'<table class="table table--facts">{cap}<thead><tr><th scope="col">Measure</th><th scope="col">Figure</th></tr></thead><tbody>{rows}</tbody></table>', key
    raise ValueError(mode)
