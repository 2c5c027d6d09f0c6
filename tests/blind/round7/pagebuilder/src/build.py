"""Generator for the round7 'pagebuilder' blind site: a WordPress + Elementor/Divi + Gutenberg
microsite imitation of CQC's local authority assessment reports. Run with the venv python:
    /tmp/blind-pagebuilder/venv/bin/python src/build.py
"""
import datetime as dt
import hashlib
import html
import json
import os
import random
import shutil
import sys

sys.path.insert(0, os.path.dirname(__file__))
from content import (BAND, STATEMENTS, THEMES, THEME_SLUG, pct_of, band_of, statements_for,
                     people_experience, strengths, fmt_date, d)
from families import FAMILIES, IN_PROGRESS, OTHER_RESULTS

SITE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BASE = "/care-services/local-authority-assessment-reports"
E = html.escape

routes = {}


def write(path_url, rel, data, ctype="text/html; charset=utf-8"):
    full = os.path.join(SITE, rel)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(full, mode, **({} if mode == "wb" else {"encoding": "utf-8"})) as f:
        f.write(data)
    routes[path_url] = {"file": rel, "type": ctype}


def eid(*parts):
    return hashlib.md5("|".join(map(str, parts)).encode()).hexdigest()[:7]


# ------------------------------------------------------------------ family preparation
def prepare(f):
    f["pub"] = d(f["published"])
    sc = f["scores"]
    f["sum"] = sum(v for v in sc.values() if v)
    if f["kind"] == "formal":
        f["pct"] = f["printed_pct"] if "printed_pct" in f else pct_of(sc)
    else:
        f["pct"] = None
    f["st"] = statements_for(f["slug"], f["council"], f["short"], sc,
                             pct_style="word" if f["slug"] in ("Hounslow-0524", "blackpool-0825") else "num",
                             wpe_cut=f["slug"] in ("lancashire-0825", "devon-0426", "nottingham-city"))
    good = f["rating_text"].lower() in ("good", "outstanding")
    f["pe"] = people_experience(len(f["slug"]) * 31 + f["pub"].day, f["short"], good)
    f["strengths"] = strengths(f["short"], good)
    f["demo"] = demographics(f)
    f["fin"] = finance(f)
    f["pages"] = page_plan(f)
    rng = random.Random(f["slug"] + "upd")
    for p in f["pages"]:
        bump = rng.choice([0, 0, 0, 3, 7, 21, 45]) if f["pub"] < dt.date(2026, 1, 1) else rng.choice([0, 0, 5])
        p["updated"] = f["pub"] + dt.timedelta(days=bump)
    f["last_updated"] = max(p["updated"] for p in f["pages"])
    f["pdf_url"] = pdf_url(f) if f["pdf"] else None


def pdf_url(f):
    if f["pdf"] == "groff":
        return f"/wp-content/uploads/{f['pub'].year}/{f['pub'].month:02d}/{f['slug'].lower()}-local-authority-assessment-report.pdf"
    return f"/sites/default/files/{f['pub'].year}-{f['pub'].month:02d}/{f['short'].replace(' ', '_')}_LA_assessment_report.pdf"


def demographics(f):
    dec, rank = f["imd"]
    if f["slug"] in ("lancashire-0825", "nottingham-city", "blackpool-0825", "norfolk-0326"):
        return [
            {"text": f"{f['short']} has a population of about {f['pop']} people."},
            {"text": f"It is in deprivation decile {dec}, ranked {rank} out of 153 local authorities (1 is the most deprived)."},
            {"text": f"{f['age65']} of the population is aged 65 or over, compared with {f['eng65']} in England."},
            {"text": f["eth"][0].upper() + f["eth"][1:] + "."},
            {"text": f"Political control: {f['pol']}."},
        ]
    return [
        {"label": "Population", "value": f["pop"]},
        {"label": "Deprivation decile", "value": f"{dec} (ranked {rank} out of 153)"},
        {"label": "Aged 65 and over", "value": f"{f['age65']} (England {f['eng65']})"},
        {"label": "Ethnicity", "value": f["eth"]},
        {"label": "Political control", "value": f["pol"]},
    ]


def finance(f):
    rng = random.Random(f["slug"] + "fin")
    if f["finance"] == "pilot":
        tot = rng.randint(700, 3300) * 1_000_000 + rng.randint(0, 999) * 1000 + rng.randint(0, 999)
        act = tot + rng.randint(-40, 60) * 1_000_000 + rng.randint(0, 999_999)
        asc = int(tot * rng.uniform(0.28, 0.42))
        asca = asc + rng.randint(-9, 14) * 1_000_000 + rng.randint(0, 999_999)
        return [
            {"text": f"The total budget for 2022/23 was an estimated £{tot:,}. The actual budget was £{act:,}."},
            {"text": f"The adult social care budget for 2022/23 was an estimated £{asc:,}. The actual spend was £{asca:,}."},
            {"text": f"In 2022/23 adult social care accounted for {asca / act * 100:.2f}% of the local authority's budget."},
            {"text": "The local authority raised the adult social care precept for 2022/23, with a value of 1%."},
            {"text": f"Approximately {rng.randint(40, 110) * 100:,} people were accessing long-term adult social care support in 2022/23."},
        ]
    if f["finance"] in ("formal", "formal_text"):
        spend = round(rng.uniform(60, 420), 1)
        share = round(rng.uniform(21, 46), 2)
        diff = round(rng.uniform(0.4, 18), 1)
        over = rng.random() < 0.55
        lt = rng.randint(18, 120) * 100
        stt = rng.randint(4, 30) * 50
        if f["slug"] == "lancashire-0825":
            return [
                {"text": "The local authority spent about £496m on adult social care in 2023/24. This was about 45% of its net budget."},
                {"text": "Spend was about £11.6m more than the local authority had estimated."},
                {"text": "About 23,000 people were in long-term support and over 5,500 people received short-term support."},
            ]
        items = f.get("fin_override") or [
            ("Adult social care spend 2023/24", f"£{spend}m"),
            ("Share of total budget", f"{share}%"),
            ("Difference from estimated spend", f"£{diff}m {'over' if over else 'under'} estimate"),
        ]
        items = list(items) + [("People in long-term support", f"{lt:,}"), ("People in short-term support", f"{stt:,}")]
        return [{"label": a, "value": b} for a, b in items]
    # new format (visits on or after 6 October 2025): drawn from councils' annual data returns
    gce = rng.randint(250, 560)
    return [
        {"label": "Gross current expenditure on adult social care, 2024/25", "value": f"£{gce},{rng.randint(100, 999)},000"},
        {"label": "Net expenditure per adult aged 18 and over, 2024/25", "value": f"£{rng.randint(380, 720)}"},
        {"label": "Adults receiving long-term support at 31 March 2025", "value": f"{rng.randint(60, 190) * 100:,}"},
        {"label": "Requests for support from new clients, 2024/25", "value": f"{rng.randint(15, 48) * 1000:,}"},
        {"text": "The local authority applied the adult social care precept in 2025/26 (2% increase in council tax)."},
    ]


# ------------------------------------------------------------------ URL plan
def page_plan(f):
    s = f["slug"]
    pages = [{"id": "about", "url": f"{BASE}/{s}", "title": f"About {f['council']}"}]
    pilot = f["kind"] == "pilot"
    if f["shape"] == "sibling":
        pages.append({"id": "summary", "url": f"{BASE}/{s}-summary", "title": "Overall summary"})
    else:
        pages.append({"id": "summary", "url": f"{BASE}/{s}/overall-summary", "title": "Overall summary"})
    g = f["grouping"]
    if g == "stmt":
        for n, (name, th, suf, ppath) in STATEMENTS.items():
            if pilot:
                u = f"{BASE}/{s}/{ppath}"
            elif f["shape"] == "sibling":
                u = f"{BASE}/{s}-{suf}"
            else:
                u = f"{BASE}/{s}/{ppath.split('/', 1)[1]}"
            pages.append({"id": f"s{n}", "url": u, "title": name, "stmts": [n]})
    elif g == "theme":
        for t in range(1, 5):
            if pilot:
                u = f"{BASE}/{s}/{t}-{['working-with-people', 'providing-support', 'ensuring-safety', 'leadership'][t-1]}"
            elif f["shape"] == "sibling":
                u = f"{BASE}/{s}-theme{t}"
            else:
                u = f"{BASE}/{s}/{THEME_SLUG[t]}"
            pages.append({"id": f"t{t}", "url": u, "title": THEMES[t],
                          "stmts": [n for n in STATEMENTS if STATEMENTS[n][1] == t]})
    else:
        u = f"{BASE}/{s}-quality-statements" if f["shape"] == "sibling" else f"{BASE}/{s}/quality-statements"
        pages.append({"id": "all", "url": u, "title": "Quality statements", "stmts": list(range(1, 10))})
    return pages


# ------------------------------------------------------------------ small widgets
def el_widget(kind, inner, extra=""):
    return (f'<div class="elementor-element elementor-element-{eid(kind, inner[:40])} elementor-widget '
            f'elementor-widget-{kind}" data-id="{eid(kind, inner[:30])}" data-element_type="widget" '
            f'data-widget_type="{kind}.default"{extra}>\n<div class="elementor-widget-container">\n{inner}\n</div>\n</div>')


def el_section(inner, cols=None, cls=""):
    if cols is None:
        cols = [inner]
    width = {1: 100, 2: 50, 3: 33, 4: 25}[len(cols)]
    colhtml = "".join(
        f'<div class="elementor-column elementor-col-{width} elementor-top-column elementor-element '
        f'elementor-element-{eid("col", i, c[:40])}" data-element_type="column">\n'
        f'<div class="elementor-widget-wrap elementor-element-populated">\n{c}\n</div>\n</div>\n'
        for i, c in enumerate(cols))
    return (f'<section class="elementor-section elementor-top-section elementor-element elementor-element-'
            f'{eid("sec", colhtml[:60])} elementor-section-boxed elementor-section-height-default {cls}" '
            f'data-element_type="section">\n<div class="elementor-container elementor-column-gap-default">\n'
            f'{colhtml}</div>\n</section>')


_divi_n = [0]


def dv_module(kind, inner, extra_cls=""):
    _divi_n[0] += 1
    n = _divi_n[0]
    return (f'<div class="et_pb_module et_pb_{kind} et_pb_{kind}_{n} {extra_cls} et_pb_bg_layout_light">\n{inner}\n</div>')


def dv_text(inner):
    return dv_module("text", f'<div class="et_pb_text_inner">{inner}</div>', "et_pb_text_align_left")


def dv_section(inner, cols=None, cls=""):
    if cols is None:
        cols = [inner]
    frac = {1: "4_4", 2: "1_2", 3: "1_3"}[len(cols)]
    colhtml = "".join(f'<div class="et_pb_column et_pb_column_{frac} et_pb_column_{i}">\n{c}\n</div>\n'
                      for i, c in enumerate(cols))
    return (f'<div class="et_pb_section et_pb_section_{eid(colhtml[:50])[:2]} {cls} et_section_regular">\n'
            f'<div class="et_pb_row et_pb_row_{eid(colhtml[:20])[:2]}">\n{colhtml}</div>\n</div>')


def heading(f, tag, text, cls=""):
    if f["skin"] == "elementor":
        return el_widget("heading", f'<{tag} class="elementor-heading-title elementor-size-default {cls}">{E(text)}</{tag}>')
    return f'<{tag} class="et_pb_module_header {cls}">{E(text)}</{tag}>'


def block(f, inner):
    """Wrap a piece of content in the skin's container."""
    if f["skin"] == "elementor":
        return el_section(inner)
    return dv_section(dv_text(inner))


def score_html(f, n):
    v = f["scores"].get(n)
    st = f["score_style"]
    if v is None:  # sheffield: blank score field
        return el_widget("counter", '<div class="elementor-counter"><div class="elementor-counter-title">Score</div>'
                         '<div class="elementor-counter-number-wrapper"><span class="elementor-counter-number-prefix"></span>'
                         '<span class="elementor-counter-number" data-duration="1200" data-to-value="" data-from-value="0"></span>'
                         '<span class="elementor-counter-number-suffix"></span></div></div>')
    band = BAND[v]
    if st == "pilot":
        return (f'<div class="wp-block-group indicative-score"><p class="has-small-font-size"><strong>Indicative score:</strong></p>\n'
                f'<p class="score-value">{v} - {band}</p></div>')
    if st == "colon":
        return f'<p class="qs-score"><strong>Score: {v}</strong></p>\n<p class="qs-score-label">{v} - {band}</p>'
    if st == "counter":
        return el_widget("counter", (
            f'<div class="elementor-counter"><div class="elementor-counter-title">Score</div>'
            f'<div class="elementor-counter-number-wrapper"><span class="elementor-counter-number-prefix"></span>'
            f'<span class="elementor-counter-number" data-duration="1200" data-to-value="{v}" data-from-value="0" '
            f'data-delimiter=",">{v}</span><span class="elementor-counter-number-suffix"> out of 4</span></div></div>')) + \
            "\n" + el_widget("text-editor", f'<p>{v} - {band}</p>')
    if st == "divi_counter":
        return dv_module("number_counter", (
            f'<div class="percent" data-number-value="{v}" data-number-separator=""><p><span class="percent-value">{v}</span></p></div>'
            f'<h3 class="title">Score</h3>'), "et_pb_with_title") + f'\n<p class="band">{v} - {band}</p>'
    if st == "badge":
        return (f'<p class="score-wrap"><span class="screen-reader-text">Score: {v}. </span>'
                f'<span class="badge badge--score-{v}" aria-hidden="true">Score {v}/4</span> '
                f'<span class="badge-text">{band}</span></p>')
    if st == "dl":
        return (f'<dl class="qs-meta"><dt>Score</dt><dd>{v} – {band}</dd></dl>')
    if st == "table":
        return (f'<figure class="wp-block-table is-style-stripes"><table><tbody>'
                f'<tr><th scope="row">Score</th><td>{v}</td></tr>'
                f'<tr><th scope="row">What this means</th><td>{band}</td></tr></tbody></table></figure>')
    raise ValueError(st)


def wpe_html(f, n, items, pilot, hl="h3"):
    title = "What people expect"
    if f["skin"] == "elementor":
        lis = "".join(
            f'<li class="elementor-icon-list-item"><span class="elementor-icon-list-icon">'
            f'<i aria-hidden="true" class="fas fa-quote-left"></i></span><span class="elementor-icon-list-text">{E(t)}</span></li>\n'
            for t in items)
        return heading(f, hl, title) + "\n" + el_widget("icon-list", f'<ul class="elementor-icon-list-items">\n{lis}</ul>')
    lis = "".join(f"<li>{E(t)}</li>\n" for t in items)
    return f'<{hl}>{title}</{hl}>\n<ul class="wp-block-list">\n{lis}</ul>'


def commit_html(f, text, pilot, hl="h3"):
    label = "The local authority commitment:" if pilot else "The local authority commitment"
    if f["skin"] == "elementor":
        return el_widget("icon-box", (
            f'<div class="elementor-icon-box-wrapper"><div class="elementor-icon-box-icon"><span class="elementor-icon">'
            f'<i aria-hidden="true" class="fas fa-handshake"></i></span></div><div class="elementor-icon-box-content">'
            f'<{hl} class="elementor-icon-box-title"><span>{label}</span></{hl}>'
            f'<p class="elementor-icon-box-description">{E(text)}</p></div></div>'))
    return f'<{hl}>{label}</{hl}>\n<blockquote class="wp-block-quote"><p>{E(text)}</p></blockquote>'


def findings_html(f, n, kf, style, hl="h3"):
    out = [f'<{hl} class="kf-title">Key findings for this quality statement</{hl}>']
    sub = {"h2": "h3", "h3": "h4", "h4": "h5"}[hl]
    if style == "toggle":  # elementor toggle widget
        items = []
        pre = ""
        for i, blk in enumerate(kf):
            ps = "".join(f"<p>{E(p)}</p>" for p in blk["paragraphs"])
            if blk["heading"] is None:
                pre = f'<div class="kf-intro">{ps}</div>'
                continue
            tid = eid(f["slug"], n, i)
            items.append(
                f'<div class="elementor-toggle-item"><{sub} id="elementor-tab-title-{tid}" class="elementor-tab-title" '
                f'data-tab="{i+1}" role="button" aria-controls="elementor-tab-content-{tid}" aria-expanded="false">'
                f'<span class="elementor-toggle-icon elementor-toggle-icon-left" aria-hidden="true"><i class="fas fa-caret-right"></i></span>'
                f'<a class="elementor-toggle-title" tabindex="0">{E(blk["heading"])}</a></{sub}>'
                f'<div id="elementor-tab-content-{tid}" class="elementor-tab-content elementor-clearfix" data-tab="{i+1}" '
                f'role="region" aria-labelledby="elementor-tab-title-{tid}">{ps}</div></div>')
        out.append(pre + el_widget("toggle", '<div class="elementor-toggle">' + "\n".join(items) + '</div>'))
    elif style == "details":
        for blk in kf:
            ps = "\n".join(f"<p>{E(p)}</p>" for p in blk["paragraphs"])
            if blk["heading"] is None:
                out.append(ps)
            else:
                out.append(f'<details class="wp-block-details"><summary>{E(blk["heading"])}</summary>\n{ps}\n</details>')
    elif style == "divi_toggle":
        for i, blk in enumerate(kf):
            ps = "\n".join(f"<p>{E(p)}</p>" for p in blk["paragraphs"])
            if blk["heading"] is None:
                out.append(ps)
            else:
                out.append(dv_module("toggle", f'<h5 class="et_pb_toggle_title">{E(blk["heading"])}</h5>\n'
                                     f'<div class="et_pb_toggle_content clearfix">\n{ps}\n</div>',
                                     "et_pb_toggle_item " + ("et_pb_toggle_open" if i == 0 else "et_pb_toggle_close")))
    else:  # plain headings
        for blk in kf:
            if blk["heading"] is not None:
                out.append(f'<{sub}>{E(blk["heading"])}</{sub}>')
            out.extend(f"<p>{E(p)}</p>" for p in blk["paragraphs"])
    return "\n".join(out)


def kf_style(f):
    return {"Hertfordshire-0524": "toggle", "lancashire-0825": "toggle", "norfolk-0326": "toggle",
            "sheffield-0526": "toggle", "warrington-0525": "details", "staffordshire-0525": "divi_toggle",
            "eastsussex-1025": "details", "kensingtonchelsea-0725": "divi_toggle", "lincolnshire-cc": "details",
            }.get(f["slug"], "headings")


def statement_html(f, n, level="h2", with_theme=False):
    name = STATEMENTS[n][0]
    pilot = f["kind"] == "pilot"
    st = f["st"][n]
    hl = {"h1": "h2", "h2": "h3", "h3": "h4"}[level]
    parts = []
    if with_theme:
        parts.append(f'<p class="theme-label"><span class="screen-reader-text">Theme: </span>{E(THEMES[STATEMENTS[n][1]])}</p>')
    parts.append(heading(f, level, name, "qs-heading"))
    parts.append(score_html(f, n))
    parts.append(wpe_html(f, n, st["what_people_expect"], pilot, hl))
    parts.append(commit_html(f, st["commitment"], pilot, hl))
    parts.append(findings_html(f, n, st["key_findings"], kf_style(f), hl))
    if f["skin"] == "elementor":
        return el_section("\n".join(parts), cls=f"qs-section qs-{n}")
    return dv_section("\n".join(parts[:1]) + dv_text("\n".join(parts[1:])), cls=f"qs-section qs-{n}")


# ------------------------------------------------------------------ chrome
def head_html(title, f=None):
    return (f'<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="UTF-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<title>{E(title)} - Care Quality Commission</title>\n'
            f'<meta name="generator" content="WordPress 6.4.3">\n'
            f'<meta name="generator" content="{"Elementor 3.18.3; features: e_dom_optimization, e_optimized_assets_loading" if not f or f["skin"] == "elementor" else "Divi v.4.24.0"}">\n'
            f'<link rel="stylesheet" id="wp-block-library-css" href="/wp-includes/css/dist/block-library/style.min.css?ver=6.4.3" media="all">\n'
            f'<link rel="stylesheet" id="elementor-frontend-css" href="/wp-content/plugins/elementor/assets/css/frontend-lite.min.css?ver=3.18.3" media="all">\n'
            f'</head>\n')


def site_header():
    return ('<a class="skip-link screen-reader-text" href="#content">Skip to content</a>\n'
            '<header id="masthead" class="site-header" role="banner"><div class="site-branding">'
            '<a href="/" rel="home" class="custom-logo-link"><span class="site-title">Care Quality Commission</span></a>'
            '<p class="site-description">The independent regulator of health and social care in England</p></div>\n'
            '<nav id="site-navigation" class="main-navigation" aria-label="Main menu"><ul id="primary-menu" class="menu">'
            '<li class="menu-item"><a href="/">Home</a></li>'
            f'<li class="menu-item current-menu-ancestor"><a href="{BASE}">Local authority assessments</a></li>'
            '<li class="menu-item"><a href="https://www.cqc.org.uk/about-us">About us</a></li>'
            '<li class="menu-item"><a href="https://www.cqc.org.uk/contact-us">Contact us</a></li></ul></nav>\n'
            '</header>\n')


def site_footer():
    return ('<footer id="colophon" class="site-footer"><div class="footer-widgets">'
            '<section id="text-3" class="widget widget_text"><h2 class="widget-title">Contact us</h2>'
            '<div class="textwidget"><p>Call 03000 616161 or write to CQC National Customer Service Centre, Citygate, '
            'Gallowgate, Newcastle upon Tyne, NE1 4PA.</p></div></section></div>'
            '<div class="site-info">&copy; Care Quality Commission. Site by a digital agency. '
            '<a href="https://www.cqc.org.uk/about-us/our-policies/privacy-statement">Privacy</a> | '
            '<a href="https://www.cqc.org.uk/accessibility-statement">Accessibility</a></div></footer>\n'
            '<script src="/wp-content/plugins/elementor/assets/js/frontend.min.js?ver=3.18.3" id="elementor-frontend-js"></script>\n'
            '</body>\n</html>\n')


def breadcrumbs(f, page):
    hdr = report_title(f)
    crumbs = [("/", "Home"), (BASE, "Local authority assessment reports")]
    if page["id"] != "about":
        crumbs.append((f["pages"][0]["url"], hdr))
    lis = " <span class=\"sep\">»</span> ".join(f'<span><a href="{u}">{E(t)}</a></span>' for u, t in crumbs)
    cur = page["title"] if page["id"] != "about" else hdr
    return (f'<nav class="rank-math-breadcrumb" aria-label="Breadcrumbs"><p>{lis} <span class="sep">»</span> '
            f'<span class="last">{E(cur)}</span></p></nav>')


def report_title(f):
    return f"{f['council']} assessment" if f["kind"] == "pilot" else f"{f['council']}: local authority assessment"


def pub_line(f, page):
    ds = f["date_style"]
    pub = fmt_date(f["pub"], ds)
    upd = fmt_date(page["updated"], ds)
    if f["skin"] == "elementor":
        return el_widget("post-info", (
            '<ul class="elementor-inline-items elementor-icon-list-items elementor-post-info">'
            f'<li class="elementor-icon-list-item elementor-repeater-item-{eid("pi1")} elementor-inline-item" itemprop="datePublished">'
            f'<span class="elementor-icon-list-text elementor-post-info__item elementor-post-info__item--type-date">'
            f'<span class="elementor-post-info__item-prefix">Published: </span>{pub}</span></li> '
            f'<li class="elementor-icon-list-item elementor-repeater-item-{eid("pi2")} elementor-inline-item" itemprop="dateModified">'
            f'<span class="elementor-icon-list-text elementor-post-info__item elementor-post-info__item--type-custom">'
            f'<span class="elementor-post-info__item-prefix">Page last updated: </span>{upd}</span></li></ul>'))
    return (f'<p class="post-meta">Published: <span class="published"><time datetime="{f["pub"].isoformat()}">{pub}</time></span> '
            f'<span class="updated">Page last updated: <time datetime="{page["updated"].isoformat()}">{upd}</time></span></p>')


def downloads(f, page):
    if not f["pdf_url"]:
        inner = ('<h2 class="downloads-title">Downloads</h2>\n'
                 '<p class="no-downloads">There are no downloads for this report yet. An accessible PDF version will be added when it is ready.</p>')
    elif f["skin"] == "elementor":
        size = "1.2MB" if f["pdf"] == "groff" else "980KB"
        inner = (heading(f, "h2", "Downloads") + "\n" + el_widget("icon-list", (
            '<ul class="elementor-icon-list-items">'
            f'<li class="elementor-icon-list-item"><a href="{f["pdf_url"]}"><span class="elementor-icon-list-icon">'
            '<i aria-hidden="true" class="far fa-file-pdf"></i></span><span class="elementor-icon-list-text">'
            f'{E(report_title(f))} (PDF, {size})</span></a></li></ul>')))
    else:
        fname = f["pdf_url"].rsplit("/", 1)[1].rsplit(".", 1)[0]
        inner = ('<h2 class="downloads-title">Downloads</h2>\n'
                 f'<div class="wp-block-file"><a id="wp-block-file--media-{eid(fname)}" href="{f["pdf_url"]}">{E(fname)}</a>'
                 f'<a href="{f["pdf_url"]}" class="wp-block-file__button wp-element-button" download '
                 f'aria-describedby="wp-block-file--media-{eid(fname)}">Download</a></div>')
    if f["skin"] == "elementor":
        return el_section(inner, cls="downloads-block")
    return dv_section(dv_text(inner), cls="downloads-block")


def contents_nav(f, page):
    lis = []
    for p in f["pages"]:
        t = "About " + f["council"] if p["id"] == "about" else p["title"]
        if p is page:
            lis.append(f'<li class="current" aria-current="page">{E(t)}</li>')
        else:
            lis.append(f'<li><a href="{p["url"]}">{E(t)}</a></li>')
    return ('<nav class="report-contents" aria-label="Report contents"><h2 class="screen-reader-text">Contents</h2>'
            f'<ol class="wp-block-list">{"".join(lis)}</ol></nav>')


def prevnext(f, page):
    i = f["pages"].index(page)
    out = []
    if i > 0:
        p = f["pages"][i - 1]
        out.append(f'<a class="prev" rel="prev" href="{p["url"]}"><span class="meta-nav">Previous</span> '
                   f'<span class="post-title">{E(p["title"])}</span></a>')
    if i + 1 < len(f["pages"]):
        p = f["pages"][i + 1]
        out.append(f'<a class="next" rel="next" href="{p["url"]}"><span class="meta-nav">Next</span> '
                   f'<span class="post-title">{E(p["title"])}</span></a>')
    return '<nav class="navigation post-navigation" aria-label="Report pages"><div class="nav-links">' + " ".join(out) + '</div></nav>'


def related(f, allf):
    others = [g for g in allf if g is not f and g["kind"] == "formal" and "not_loaded" not in g]
    rng = random.Random(f["slug"] + "rel")
    pick = rng.sample(others, 3)
    ext = rng.sample(OTHER_RESULTS, 2)
    if f["skin"] == "elementor":
        cards = []
        for g in pick:
            cards.append(el_widget("icon-box", (
                f'<div class="elementor-icon-box-wrapper"><div class="elementor-icon-box-content">'
                f'<h3 class="elementor-icon-box-title"><a href="{g["pages"][0]["url"]}">{E(g["council"])}</a></h3>'
                f'<p class="elementor-icon-box-description">Rated {E(g["rating_text"])}. Overall score {g["pct"]}%. '
                f'Published {fmt_date(g["pub"], "long")}.</p></div></div>')))
        cards.append(el_widget("text-editor", "<p>Also recently published: " + "; ".join(
            f"{E(n)} ({r}, {p}%)" for n, r, p in ext) + ".</p>"))
        return (el_section(heading(f, "h2", "Related assessments"), cls="related-head") + "\n" +
                el_section("", cols=cards, cls="related-cards"))
    rows = "".join(f'<tr><td><a href="{g["pages"][0]["url"]}">{E(g["council"])}</a></td><td>{E(g["rating_text"])}</td>'
                   f'<td>{g["pct"]}%</td></tr>' for g in pick)
    rows += "".join(f'<tr><td>{E(n)}</td><td>{r}</td><td>{p}%</td></tr>' for n, r, p in ext)
    return dv_section(dv_text('<h2>You may also be interested in</h2><figure class="wp-block-table"><table>'
                              '<thead><tr><th>Local authority</th><th>Rating</th><th>Score</th></tr></thead>'
                              f'<tbody>{rows}</tbody></table></figure>'), cls="related")


def page_html(f, page, body, allf):
    hdr = report_title(f)
    skin_cls = ("elementor-default elementor-kit-6 elementor-page elementor-page-%d" if f["skin"] == "elementor"
                else "et_pb_pagebuilder_layout et_divi_theme et-db et_right_sidebar et_pb_gutters3 page-id-%d") % (
        1000 + int(eid(page["url"]), 16) % 9000)
    top = []
    if f["skin"] == "elementor":
        top.append(el_section(el_widget("heading", f'<h1 class="elementor-heading-title elementor-size-xl">{E(hdr)}</h1>')
                              if page["id"] in ("about",) or f["slug"] in ("Hertfordshire-0524", "lancashire-0825")
                              else el_widget("heading", f'<p class="elementor-heading-title elementor-size-xl report-title">{E(hdr)}</p>'),
                              cls="report-header"))
        top.append(el_section(pub_line(f, page)))
    else:
        top.append(dv_section(dv_module("post_title", f'<div class="et_pb_title_container"><h1 class="entry-title">{E(hdr)}</h1>'
                                        f'{pub_line(f, page)}</div>'), cls="report-header"))
    top.append(downloads(f, page))
    shortcode = ""
    if f["slug"] in ("durham-0824", "blackpool-0825") and page["id"] == "summary":
        shortcode = '<p>[cqc_feedback_form id="3"]</p>\n'
    if f["slug"] == "WBerkshire-0524" and page["id"] == "about":
        shortcode = '<p>[/et_pb_text][/et_pb_column][/et_pb_row]</p>\n'
    main_layout = ('<div class="content-with-sidebar"><aside class="widget-area" id="secondary">' + contents_nav(f, page) +
                   '</aside>\n<div class="entry-content">\n' + body + "\n" + shortcode + prevnext(f, page) + "\n</div></div>")
    if f["skin"] == "elementor":
        content = (f'<div data-elementor-type="wp-page" data-elementor-id="{eid(page["url"])}" class="elementor elementor-{eid(page["url"])}">\n'
                   + "\n".join(top) + "\n" + main_layout + "\n" + related(f, allf) + "\n</div>")
    else:
        content = ('<div id="et-main-area"><div id="main-content"><article class="page type-page status-publish hentry">'
                   '<div class="entry-content"><div class="et-l et-l--post"><div class="et_builder_inner_content et_pb_gutters3">\n'
                   + "\n".join(top) + "\n" + main_layout + "\n" + related(f, allf) + "\n</div></div></div></article></div></div>")
    return (head_html(page["title"] if page["id"] != "about" else hdr, f) +
            f'<body class="page-template-default page {skin_cls}">\n' + site_header() + breadcrumbs(f, page) +
            f'\n<main id="content" class="site-main">\n{content}\n</main>\n' + site_footer())


# ------------------------------------------------------------------ page bodies
def about_body(f):
    c = f["council"]
    pilot = f["kind"] == "pilot"
    parts = [heading(f, "h2", f"About {c}")]
    parts.append(f'<p class="assessment-date">Assessment published: {fmt_date(f["pub"], f["date_style"])}</p>')
    if pilot:
        parts.append(f'<p class="assessment-date">Assessment start date: {fmt_date(d(f["start"]), f["date_style"])}</p>')
    parts.append(f'<p>This page gives some background information about {E(f["short"])} to help you understand the context '
                 'of our assessment. The figures come from national data sources and the local authority itself.</p>')
    demo, fin = f["demo"], f["fin"]

    def render_list(title, items, style):
        h = heading(f, "h3", title)
        if all("text" in i for i in items) or style == "ul":
            lis = "".join(f"<li>{E(i['text'])}</li>" if "text" in i else f"<li>{E(i['label'])}: {E(i['value'])}</li>"
                          for i in items)
            return h + f'\n<ul class="wp-block-list">{lis}</ul>'
        if style == "table":
            rows = "".join(f'<tr><th scope="row">{E(i["label"])}</th><td>{E(i["value"])}</td></tr>' if "label" in i
                           else f'<tr><td colspan="2">{E(i["text"])}</td></tr>' for i in items)
            return h + f'\n<figure class="wp-block-table"><table class="has-fixed-layout"><tbody>{rows}</tbody></table></figure>'
        if style == "dl":
            dd = "".join(f'<div class="dl-row"><dt>{E(i["label"])}</dt><dd>{E(i["value"])}</dd></div>' if "label" in i
                         else f'<div class="dl-row"><dd class="full">{E(i["text"])}</dd></div>' for i in items)
            return h + f'\n<dl class="key-facts">{dd}</dl>'
        if style == "iconlist":
            lis = "".join(
                f'<li class="elementor-icon-list-item"><span class="elementor-icon-list-icon"><i aria-hidden="true" class="fas fa-check"></i></span>'
                f'<span class="elementor-icon-list-text"><span class="fact-label">{E(i["label"])}</span> '
                f'<span class="fact-value">{E(i["value"])}</span></span></li>' if "label" in i else
                f'<li class="elementor-icon-list-item"><span class="elementor-icon-list-text">{E(i["text"])}</span></li>'
                for i in items)
            return h + "\n" + el_widget("icon-list", f'<ul class="elementor-icon-list-items">{lis}</ul>')
        raise ValueError(style)

    style = {"elementor": "table", "divi": "dl"}[f["skin"]]
    if f["slug"] in ("Hertfordshire-0524", "norfolk-0326"):
        style = "iconlist"
    if f["slug"] in ("durham-0824",):
        style = "dl"
    if f["skin"] == "divi":
        parts.append('<div class="wp-block-columns is-layout-flex wp-container-core-columns-is-layout-1">'
                     f'<div class="wp-block-column is-layout-flow">{render_list("Demographics", demo, style)}</div>'
                     f'<div class="wp-block-column is-layout-flow">{render_list("Financial facts", fin, style)}</div></div>')
    else:
        parts.append(render_list("Demographics", demo, style))
        parts.append(render_list("Financial facts", fin, style))
    if f["skin"] == "elementor":
        return el_section("\n".join(parts), cols=None)
    return dv_section(dv_text("\n".join(parts)))


def scores_list(f):
    """'Quality statement scores' block on the summary page."""
    pilot = f["kind"] == "pilot"
    lab = "Indicative score" if pilot else "Score"
    sc = f["scores"]
    st = f["slug"]
    if st in ("staffordshire-0525", "leicestercity-0725", "derbyshirecc-0824", "eastsussex-1025", "devon-0426"):
        # table: theme column spanning rows
        rows = []
        for t in range(1, 5):
            ns = [n for n in STATEMENTS if STATEMENTS[n][1] == t]
            for j, n in enumerate(ns):
                th = f'<th scope="rowgroup" rowspan="{len(ns)}">{E(THEMES[t])}</th>' if j == 0 else ""
                v = sc[n]
                rows.append(f'<tr>{th}<td>{E(STATEMENTS[n][0])}</td><td>{lab}: {v}</td></tr>')
        return ('<figure class="wp-block-table qs-scores"><table><thead><tr><th>Theme</th><th>Quality statement</th>'
                f'<th>{lab}</th></tr></thead><tbody>' + "".join(rows) + '</tbody></table></figure>')
    if f["skin"] == "elementor" and st not in ("camden-0225", "birmingham-cc", "lincolnshire-cc"):
        # progress bars per statement: data-max = score * 25, text shows "Score: N"
        out = []
        for n in range(1, 10):
            v = sc[n]
            if v is None:
                out.append(el_widget("progress", f'<span class="elementor-title">{E(STATEMENTS[n][0])}</span>'
                                     '<div class="elementor-progress-wrapper" role="progressbar" aria-valuemin="0" aria-valuemax="100" '
                                     'aria-valuenow="0"><div class="elementor-progress-bar" data-max="0"><span class="elementor-progress-text">'
                                     'Score:</span></div></div>'))
                continue
            out.append(el_widget("progress", (
                f'<span class="elementor-title">{E(STATEMENTS[n][0])}</span>'
                f'<div class="elementor-progress-wrapper progress-info" role="progressbar" aria-valuemin="0" aria-valuemax="100" '
                f'aria-valuenow="{v*25}" aria-valuetext="Score {v} out of 4"><div class="elementor-progress-bar" data-max="{v*25}">'
                f'<span class="elementor-progress-text">Score: {v}</span><span class="elementor-progress-percentage">{v*25}%</span></div></div>')))
        return "\n".join(out)
    if f["skin"] == "elementor":  # name / "Score: N" pairs as plain paragraphs
        return "\n".join(f'<p class="qs-name"><strong>{E(STATEMENTS[n][0])}</strong></p>\n<p class="qs-score">{lab}: {sc[n]}</p>'
                         for n in range(1, 10))
    # divi: summary list with theme sub-headings
    out = []
    for t in range(1, 5):
        out.append(f"<h4>{E(THEMES[t])}</h4>")
        out.append('<dl class="summary-list">' + "".join(
            f'<div class="summary-list__row"><dt class="summary-list__key">{E(STATEMENTS[n][0])}</dt>'
            f'<dd class="summary-list__value">{lab}: {sc[n]}</dd></div>' for n in STATEMENTS if STATEMENTS[n][1] == t) + "</dl>")
    return "\n".join(out)


def summary_body(f):
    pilot = f["kind"] == "pilot"
    c = f["council"]
    parts = [heading(f, "h2" if f["skin"] == "divi" else "h1", "Overall summary")]
    if pilot:
        parts.append(heading(f, "h3", "Local authority indicative rating"))
        parts.append(f'<p class="rating rating--{f["rating_text"].lower().replace(" ", "-")}"><strong>{E(f["rating_text"])}: '
                     f'{BAND[{"Good": 3, "Requires improvement": 2, "Outstanding": 4, "Inadequate": 1}[f["rating_text"]]]}</strong></p>')
    else:
        parts.append(heading(f, "h3", "Local authority rating and score"))
        parts.append(f'<p class="la-name">{E(c)}</p>')
        parts.append(f'<p class="rating-word"><span class="tag tag--rating">{E(f["rating_text"])}</span></p>')
        pct = f["pct"]
        if f["slug"] in ("Hertfordshire-0524", "lancashire-0825", "norfolk-0326", "sheffield-0526", "durham-0824"):
            parts.append(el_widget("progress", (
                f'<span class="elementor-title">Overall rating for {E(c)}</span>'
                f'<div class="elementor-progress-wrapper" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow="{pct}" '
                f'aria-valuetext="{pct}% ({E(f["rating_text"])})"><div class="elementor-progress-bar" data-max="{pct}">'
                f'<span class="elementor-progress-text"></span><span class="elementor-progress-percentage">{pct}%</span></div></div>')))
        elif f["skin"] == "divi" and f["slug"] in ("kensingtonchelsea-0725", "blackpool-0825"):
            parts.append(dv_module("circle_counter", (
                f'<div class="et_pb_circle_counter_inner" data-number-value="{pct}" data-bar-bg-color="#00856a">'
                f'<div class="percent"><p><span class="percent-value">{pct}</span><span class="percent-sign">%</span></p></div>'
                f'<h3 class="et_pb_module_header">Overall rating for {E(c)}</h3></div>')))
        else:
            parts.append(f'<p class="overall-pct"><strong>Overall rating for {E(c)}: {pct}%</strong></p>')
    parts.append(heading(f, "h3", "Quality statement scores"))
    parts.append(scores_list(f))
    if f["pdf_url"] and f["slug"] in ("camden-0225", "stokeontrent-0625", "birmingham-cc"):
        parts.append(f'<p>The full report is also available to <a href="{f["pdf_url"]}">download this report (PDF, 1.2MB)</a>.</p>')
    parts.append(heading(f, "h3", "Summary of people's experiences"))
    parts.extend(f"<p>{E(p)}</p>" for p in f["pe"])
    parts.append(heading(f, "h3", "Summary of strengths, areas for development and next steps"))
    parts.extend(f"<p>{E(p)}</p>" for p in f["strengths"])
    if f["skin"] == "elementor":
        return el_section("\n".join(parts))
    return dv_section(dv_text("\n".join(parts)))


def theme_body(f, page):
    t = int(page["id"][1])
    parts = [heading(f, "h1" if f["skin"] == "elementor" else "h2", THEMES[t], "theme-heading")]
    parts.append(f'<p class="theme-intro">This theme covers {len(page["stmts"])} quality statements.</p>')
    intro = block(f, "\n".join(parts))
    secs = [statement_html(f, n, level="h2" if f["skin"] == "elementor" else "h3") for n in page["stmts"]]
    return intro + "\n" + "\n".join(secs)


def all_body(f):
    intro = block(f, heading(f, "h2", "Quality statements") +
                  '\n<ul class="wp-block-list toc">' + "".join(f'<li><a href="#qs-{n}">{E(STATEMENTS[n][0])}</a></li>' for n in range(1, 10))
                  + "</ul>")
    if f["slug"] == "warrington-0525":  # Elementor tabs widget, all panes in the HTML
        titles = "".join(f'<div id="elementor-tab-title-{n}" class="elementor-tab-title elementor-tab-desktop-title" '
                         f'aria-selected="{"true" if n == 1 else "false"}" data-tab="{n}" role="tab">'
                         f'<a href="#qs-{n}">{E(STATEMENTS[n][0])}</a></div>' for n in range(1, 10))
        panes = "".join(f'<div id="qs-{n}" class="elementor-tab-content elementor-clearfix" data-tab="{n}" role="tabpanel">'
                        f'{statement_html(f, n, level="h3")}</div>' for n in range(1, 10))
        return intro + "\n" + el_widget("tabs", f'<div class="elementor-tabs"><div class="elementor-tabs-wrapper" role="tablist">{titles}</div>'
                                        f'<div class="elementor-tabs-content-wrapper">{panes}</div></div>')
    secs = []
    cur = None
    for n in range(1, 10):
        t = STATEMENTS[n][1]
        if t != cur:
            cur = t
            secs.append(block(f, f'<h2 class="theme-heading">Theme {t}: {E(THEMES[t])}</h2>'))
        secs.append(f'<div id="qs-{n}" class="wp-block-group qs-anchor">' + statement_html(f, n, level="h3") + "</div>")
    return intro + "\n" + "\n".join(secs)


def stmt_body(f, page):
    n = page["stmts"][0]
    lvl = "h1" if f["skin"] == "elementor" and f["slug"] not in ("camden-0225",) else "h2"
    return statement_html(f, n, level=lvl, with_theme=True)


# ------------------------------------------------------------------ listing
def listing(allf):
    formal = sorted([g for g in allf if g["kind"] == "formal"], key=lambda g: g["pub"], reverse=True)
    pilots = [g for g in allf if g["kind"] == "pilot"]
    per = 6
    chunks = [formal[i:i + per] for i in range(0, len(formal), per)]
    npages = len(chunks)
    urls = [BASE] + [f"{BASE}/page/{i}/" for i in range(2, npages + 1)]
    for i, chunk in enumerate(chunks):
        posts = []
        for g in chunk:
            posts.append(
                f'<article class="elementor-post elementor-grid-item post type-page status-publish">'
                f'<div class="elementor-post__text"><h3 class="elementor-post__title">'
                f'<a href="{g["pages"][0]["url"]}">{E(g["council"])}: local authority assessment</a></h3>'
                f'<div class="elementor-post__meta-data"><span class="elementor-post-date">{fmt_date(g["pub"], "wp")}</span></div>'
                f'<div class="elementor-post__excerpt"><p>Read our assessment of how {E(g["short"])} meets its duties under Part 1 of the Care Act 2014.</p></div>'
                f'</div></article>')
        pager = ['<nav class="elementor-pagination" aria-label="Pagination">']
        if i > 0:
            pager.append(f'<a class="page-numbers prev" href="{urls[i-1]}">« Previous</a>')
        for j, u in enumerate(urls):
            if j == i:
                pager.append(f'<span aria-current="page" class="page-numbers current"><span class="elementor-screen-only">Page</span>{j+1}</span>')
            else:
                pager.append(f'<a class="page-numbers" href="{u}"><span class="elementor-screen-only">Page</span>{j+1}</a>')
        if i + 1 < npages:
            pager.append(f'<a class="page-numbers next" href="{urls[i+1]}">Next »</a>')
        pager.append("</nav>")
        body = [el_section(el_widget("heading", '<h1 class="elementor-heading-title elementor-size-xl">Local authority assessment reports</h1>') +
                           el_widget("text-editor", '<p>We assess how local authorities meet their duties under Part 1 of the Care Act 2014. '
                                     'Find the reports we have published below.</p>'))]
        body.append(el_section(el_widget("heading", '<h2 class="elementor-heading-title elementor-size-default">Assessment reports</h2>') +
                               el_widget("posts", '<div class="elementor-posts-container elementor-posts elementor-grid elementor-posts--skin-classic">'
                                         + "\n".join(posts) + "</div>\n" + "".join(pager)), cls="reports-loop"))
        if i == 0:
            lis = "".join(f'<li class="elementor-icon-list-item"><span class="elementor-icon-list-text">{E(n)}</span></li>' for n in IN_PROGRESS)
            body.append(el_section(el_widget("heading", '<h2 class="elementor-heading-title elementor-size-default">Assessments in progress</h2>') +
                                   el_widget("text-editor", '<p>We are currently assessing these local authorities. Reports will be published here when they are ready.</p>') +
                                   el_widget("icon-list", f'<ul class="elementor-icon-list-items">{lis}</ul>')))
        if i == npages - 1:
            pl = "".join(f'<li><a href="{g["pages"][0]["url"]}">{E(g["council"])}: local authority assessment</a></li>' for g in pilots)
            body.append(el_section('<div class="wp-block-group pilots"><h2 class="wp-block-heading">Pilot assessments</h2>'
                                   '<p>In 2023 we piloted our approach with 5 local authorities. Scores and ratings from the pilots are indicative.</p>'
                                   f'<ul class="wp-block-list">{pl}</ul></div>'))
        doc = (head_html("Local authority assessment reports") +
               '<body class="page-template-default page elementor-default elementor-page">\n' + site_header() +
               '<main id="content" class="site-main"><div data-elementor-type="wp-page" class="elementor">\n' +
               "\n".join(body) + "\n</div></main>\n" + site_footer())
        rel = "pages/listing/index.html" if i == 0 else f"pages/listing/page-{i+1}.html"
        write(urls[i], rel, doc)
    # home
    write("/", "pages/home.html", head_html("Home") + "<body class=\"home\">\n" + site_header() +
          f'<main id="content"><h1>Care Quality Commission</h1><p><a href="{BASE}">Local authority assessment reports</a></p></main>\n' + site_footer())
    write("/robots.txt", "pages/robots.txt", "User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n",
          "text/plain; charset=utf-8")


# ------------------------------------------------------------------ keys
def key_for(f, pdf_carries):
    sc = {str(n): v for n, v in f["scores"].items() if v is not None}
    stm = {}
    for n in range(1, 10):
        st = f["st"][n]
        stm[str(n)] = {"what_people_expect": st["what_people_expect"], "commitment": st["commitment"],
                       "key_findings": st["key_findings"]}
    rating = f["rating_text"]
    rating_norm = {"requires improvement": "Requires improvement"}.get(rating.lower(), rating)
    return {
        "slug": f["slug"], "url": f["pages"][0]["url"], "council": f["council"], "la_code": f["code"], "kind": f["kind"],
        "expect": {"not_loaded": f["not_loaded"]} if "not_loaded" in f else "loads",
        "published": f["published"], "last_updated": f["last_updated"].isoformat(),
        "rating": rating_norm, "overall_pct": f["pct"], "scores": sc, "statements": stm,
        "people_experience": f["pe"], "demographics": f["demo"], "financial_facts": f["fin"],
        "pdf": pdf_carries,
    }


def main():
    for sub in ("pages", "pdf", "answers", "wp-content", "sites"):
        shutil.rmtree(os.path.join(SITE, sub), ignore_errors=True)
    for f in FAMILIES:
        prepare(f)
        if "not_loaded" not in f and f["kind"] == "formal":
            assert f["pct"] == pct_of(f["scores"]), f["slug"]
            assert band_of(f["pct"]).lower() == f["rating_text"].lower(), (f["slug"], band_of(f["pct"]))
    listing(FAMILIES)
    import pdfs
    for f in FAMILIES:
        for p in f["pages"]:
            if p["id"] == "about":
                body = about_body(f)
            elif p["id"] == "summary":
                body = summary_body(f)
            elif p["id"].startswith("t"):
                body = theme_body(f, p)
            elif p["id"] == "all":
                body = all_body(f)
            else:
                body = stmt_body(f, p)
            rel = "pages/" + p["url"][len(BASE) + 1:].replace("/", "__") + ".html"
            write(p["url"], rel, page_html(f, p, body, FAMILIES))
        carries = None
        if f["pdf"]:
            data, engine, carries = pdfs.make(f)
            write(f["pdf_url"], "pdf/" + f["pdf_url"].rsplit("/", 1)[1], data, "application/pdf")
            carries = {"url": f["pdf_url"], "engine": engine, "carries": carries}
        key = key_for(f, carries)
        os.makedirs(os.path.join(SITE, "answers"), exist_ok=True)
        with open(os.path.join(SITE, "answers", f["slug"] + ".json"), "w", encoding="utf-8") as fh:
            json.dump(key, fh, indent=2, ensure_ascii=False)
    with open(os.path.join(SITE, "routes.json"), "w") as fh:
        json.dump(dict(sorted(routes.items())), fh, indent=1)
    print(len(routes), "routes")


if __name__ == "__main__":
    main()
