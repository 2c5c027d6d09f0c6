"""Generator for the round5 'legacy' blind site.

Run: python3 src/generate.py   (from the site dir, or anywhere: paths are relative to this file)
Writes pages/, pdf/, assets/, answers/, routes.json. PDFs are built by pdfs.py (Chromium, LibreOffice).
"""
import datetime as dt
import html
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SITE = os.path.dirname(HERE)
sys.path.insert(0, HERE)

from content import (THEMES, STATEMENTS, ST_NAME, ST_THEME, ST_KEY, BAND_PHRASE, RATING_PHRASE,
                     statement_texts, people_experience, NEXT_STEPS)
from families import FAMILIES, OTHERS, OTHER_PILOTS, IN_PROGRESS

BASE = "/care-services/local-authority-assessment-reports"
E = lambda s: html.escape(str(s), quote=True)

ROUTES = {}


def add_route(path, file, ctype="text/html; charset=utf-8"):
    ROUTES[path] = {"file": file, "type": ctype}


def write(rel, text, mode="w"):
    p = os.path.join(SITE, rel)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, mode, encoding=None if "b" in mode else "utf-8") as f:
        f.write(text)


# ---------------------------------------------------------------- data per family

def pct_of(scores):
    s = sum(scores)
    return int(s * 100 / 36 + 0.5) if False else int((s * 100 + 18) // 36)


def band(p):
    if p >= 88:
        return "Outstanding"
    if p >= 63:
        return "Good"
    if p >= 39:
        return "Requires improvement"
    return "Inadequate"


def fmt_date(d, style):
    if style == "long":
        return f"{d.day} {d.strftime('%B %Y')}"
    if style == "short":
        return f"{d.day} {d.strftime('%b %Y')}"
    if style == "slash":
        return d.strftime("%d/%m/%Y")
    raise ValueError(style)


def demographics(f):
    eng = f"{f['eng_old']}%"
    if f["demo_style"] == "pairs":
        items = [
            ("pair", "Population", f["pop"]),
            ("pair", "Deprivation decile", f"{f['decile']} (where 1 is most deprived)"),
            ("pair", "Deprivation rank", f"{f['rank']} of 153 local authorities"),
            ("pair", "People aged 65 and over", f"{f['old']}% (England: {eng})"),
            ("pair", "People from ethnic minority groups", f"{f['eth']}% (England: {f['eng_eth']}%)"),
            ("pair", "Political control", f["control"]),
        ]
        if f["slug"] in ("durham-0824", "stokeontrent-0625"):
            items.append(("text", "The local authority area includes a mix of urban centres and former mining and industrial communities."
                          if f["slug"] == "durham-0824" else "Life expectancy in the area is below the England average for both men and women."))
        return items
    return [
        ("text", f"{f['council']} has a population of about {f['pop']} people."),
        ("text", f"The area is in deprivation decile {f['decile']} and is ranked {f['rank']} out of 153 local authorities (1 is the most deprived)."),
        ("text", f"{f['old']}% of people are aged 65 and over, compared with {eng} in England."),
        ("text", f"{f['eth']}% of people are from ethnic minority groups, compared with {f['eng_eth']}% in England."),
        ("text", f"Political control: {f['control']}."),
    ]


def financial(f):
    if f["kind"] == "pilot":
        rng = random.Random(f["slug"] + "-fin")
        popn = int(f["pop"].replace(",", ""))
        total_est = int(popn * rng.uniform(1700, 2600)) // 1000 * 1000
        total_act = total_est + rng.randint(-9_000_000, 14_000_000) + rng.randint(0, 999)
        asc_est = int(total_est * rng.uniform(0.24, 0.4)) // 1000 * 1000
        asc_act = asc_est + rng.randint(-3_000_000, 6_000_000) + rng.randint(0, 999)
        share = f"{asc_act * 100 / total_act:.1f}%"
        people = f"{rng.randint(30, 95) * 100:,}"
        money = lambda v: f"£{v:,}"
        precept = rng.choice(["Yes", "No"])
        if f["fin_style"] == "pairs":
            return [
                ("pair", "Total budget 2022/23 (estimated)", money(total_est)),
                ("pair", "Total budget 2022/23 (actual)", money(total_act)),
                ("pair", "Adult social care spend 2022/23 (estimated)", money(asc_est)),
                ("pair", "Adult social care spend 2022/23 (actual)", money(asc_act)),
                ("pair", "Share of total budget spent on adult social care", share),
                ("pair", "Adult social care precept raised", precept),
                ("pair", "Approximate number of people in long-term support", people),
            ]
        return [
            ("text", f"The local authority estimated that its total budget for 2022/23 would be {money(total_est)}. Its actual spend for that year was {money(total_act)}."),
            ("text", f"It estimated that it would spend {money(asc_est)} on adult social care in 2022/23. Its actual spend was {money(asc_act)}."),
            ("text", f"In 2022/23, {share} of its budget was spent on adult social care."),
            ("text", "The local authority " + ("has" if precept == "Yes" else "has not") + " raised the adult social care precept, with a value of 2% in 2022/23." if precept == "Yes" else "The local authority has not raised the adult social care precept in 2022/23."),
            ("text", f"Approximately {people} people were accessing long-term adult social care support in 2022/23."),
        ]
    if f["fin_style"] == "lancs":
        return [
            ("text", "In 2023/24 the local authority spent about £496m on adult social care, about 45% of its net budget."),
            ("text", "Actual spend was £11.7m more than the local authority had estimated."),
            ("text", "About 23,000 people were receiving long-term support and over 5,500 people short-term support."),
        ]
    if f["fin_style"] == "pairs":
        return [
            ("pair", "Adult social care spend 2023/24", f["spend"]),
            ("pair", "Proportion of total budget spent on adult social care", f["share"]),
            ("pair", "Difference between actual and estimated spend", f["diff"]),
            ("pair", "People accessing long-term support", f["lts"]),
            ("pair", "People accessing short-term support", f["sts"]),
        ]
    return [
        ("text", f"The local authority spent {f['spend']} on adult social care in 2023/24."),
        ("text", f"This was {f['share']} of its total budget, and {f['diff']}."),
        ("text", f"{f['lts']} people were accessing long-term support and {f['sts']} people short-term support."),
    ]


def prepare(f):
    if "printed_pct" not in f:
        f["printed_pct"] = pct_of(f["scores"]) if f["kind"] == "formal" else None
    f["stmts"] = {n: statement_texts(f["slug"], n, f["scores"][n - 1]) for n in range(1, 10)}
    f["pe"] = people_experience(f["slug"])
    f["demo"] = demographics(f)
    f["fin"] = financial(f)
    f["pilot"] = f["kind"] == "pilot"
    f["header"] = f"{f['council']} assessment" if f["pilot"] else f"{f['council']}: local authority assessment"
    f["pages"] = plan_pages(f)
    dates = [f["updates"].get(p["id"], f["published"]) for p in f["pages"]]
    for p, d in zip(f["pages"], dates):
        p["updated"] = d
    f["last_updated"] = max(dates)


THEME_SEG = {1: "1-working-with-people", 2: "2-providing-support", 3: "3-ensuring-safety", 4: "4-leadership"}
ST_SEG = {1: "assessing-needs", 2: "supporting-people-lead-healthier-lives", 3: "equity-experiences-outcomes",
          4: "care-provision-integration-continuity", 5: "partnership-communities",
          6: "safe-pathways-systems-transitions", 7: "safeguarding", 8: "governance-management-sustainability",
          9: "learning-improvement-innovation"}
THEME_LONG = {1: "how-the-local-authority-works-with-people", 2: "providing-support",
              3: "how-the-local-authority-ensures-safety-within-the-system", 4: "leadership"}


def plan_pages(f):
    root = f"{BASE}/{f['slug']}"
    u = f["urls"]
    pages = [dict(id="about", url=root, title=f"About {f['council']}", stmts=[])]
    if u == "pilotpath":
        summ = root + "/overall-summary"
        theme_url = lambda t: f"{root}/{THEME_SEG[t]}"
        st_url = lambda n: f"{root}/{THEME_SEG[ST_THEME[n]]}/{ST_SEG[n]}"
        all_url = root + "/quality-statements"
    elif u == "suffix":
        summ = root + "-summary"
        theme_url = lambda t: f"{root}-theme{t}"
        st_url = lambda n: f"{root}-theme{ST_THEME[n]}-{ST_KEY[n]}"
        all_url = root + "-quality-statements"
    elif u == "sub":
        summ = root + "/overall-summary"
        theme_url = lambda t: f"{root}/{THEME_LONG[t]}"
        st_url = lambda n: f"{root}/{ST_SEG[n]}"
        all_url = root + "/quality-statements"
    elif u == "aspx":
        summ = root + "/overall-summary.aspx"
        theme_url = lambda t: f"{root}/theme-{t}.aspx"
        st_url = lambda n: f"{root}/statement-{n}.aspx"
        all_url = root + "/quality-statements.aspx"
    pages.append(dict(id="summary", url=summ, title="Overall summary", stmts=[]))
    if f["grouping"] == "statement":
        for n in range(1, 10):
            pages.append(dict(id=f"s{n}", url=st_url(n), title=ST_NAME[n], stmts=[n]))
    elif f["grouping"] == "theme":
        for t in range(1, 5):
            pages.append(dict(id=f"theme{t}", url=theme_url(t), title=THEMES[t],
                              stmts=[n for n in range(1, 10) if ST_THEME[n] == t]))
    else:
        pages.append(dict(id="all", url=all_url, title="Quality statements", stmts=list(range(1, 10))))
    return pages


# ---------------------------------------------------------------- markup helpers

def score_line(f, n):
    s = f["scores"][n - 1]
    return None if s is None else f"{s} - {BAND_PHRASE[s]}"


def related(f, fams):
    """Related content: other councils with their ratings and scores."""
    if f["pilot"]:
        items = [(o["header"], o["pages"][0]["url"], o["rating"], None) for o in fams if o["pilot"] and o is not f]
        items += [(f"{n} assessment", None, r, None) for n, r in OTHER_PILOTS]
        return "Other pilot assessments", items
    rng = random.Random(f["slug"] + "-rel")
    pool = [o for o in fams if not o["pilot"] and o is not f and "not_loaded" not in o]
    picks = rng.sample(pool, 2)
    items = [(o["header"], o["pages"][0]["url"], o["rating"], o["printed_pct"]) for o in picks]
    for n, r, p in rng.sample(OTHERS, 2):
        items.append((f"{n}: local authority assessment", None, r, p))
    return "Other local authority assessments", items


def pdf_size(f):
    return f"{random.Random(f['slug']).randint(8, 19) / 10:.1f}MB"


def pdf_link_text(f):
    return f"{f['header']} (PDF, {pdf_size(f)})"


# ---------------------------------------------------------------- legacy shell (ASP.NET / Umbraco 7)

def legacy_shell(f, page, fams, body):
    dstyle = {"LA": "long", "LB": "long", "LC": "slash"}[f["markup"]]
    pub = fmt_date(f["published"], dstyle)
    upd = fmt_date(page["updated"], dstyle)
    nav = []
    for p in f["pages"]:
        if p is page:
            nav.append(f'<li class="current"><span>{E(p["title"] if p["id"] != "about" else "About " + f["short"])}</span></li>')
        else:
            nav.append(f'<li><a href="{E(p["url"])}">{E(p["title"] if p["id"] != "about" else "About " + f["short"])}</a></li>')
    rel_head, rel_items = related(f, fams)
    rel = []
    for name, url, rating, pct in rel_items:
        label = f'<a href="{E(url)}">{E(name)}</a>' if url else E(name)
        if pct is None:
            rel.append(f"<tr><td>{label}</td><td>{E(rating)}</td></tr>")
        else:
            rel.append(f"<tr><td>{label}</td><td>{E(rating)}<br />{pct}%</td></tr>")
    if f["pdf"]:
        dl = (f'<table id="ctl00_ContentPlaceHolder1_tblDownloads" class="downloads" cellpadding="2" cellspacing="0">'
              f'<tr><td colspan="2"><b>Downloads</b></td></tr>'
              f'<tr><td><img src="/images/icons/pdf.gif" alt="" width="16" height="16" /></td>'
              f'<td><a id="ctl00_ContentPlaceHolder1_rptDownloads_ctl00_lnkFile" href="{E(f["pdf"]["name"])}">{E(pdf_link_text(f))}</a></td></tr></table>')
    else:
        dl = ('<table id="ctl00_ContentPlaceHolder1_tblDownloads" class="downloads" cellpadding="2" cellspacing="0">'
              '<tr><td><b>Downloads</b></td></tr><tr><td><i>A PDF version of this report will be added shortly.</i></td></tr></table>')
    if f["markup"] == "LB":
        pubhtml = (f'<table class="pubInfo" width="100%"><tr><td><font size="1" color="#666666">Published: {pub}</font></td>'
                   f'<td align="right"><font size="1" color="#666666">Page last updated: {upd}</font></td></tr></table>')
    elif f["markup"] == "LC":
        pubhtml = (f'<div class="pubInfo"><span class="dt">Published:</span> <span class="dd">{pub}</span> '
                   f'<span class="dt">Page last updated:</span> <span class="dd">{upd}</span></div>')
    else:
        pubhtml = f'<p class="pubInfo"><b>Published:</b> {pub} <b>Page last updated:</b> {upd}</p>'
    viewstate = "/wEPDwUKMTY1NDU2MTA1Mg9kFgJmD2QWAgIDD2QWBAIBD2QWAgIBDxYCHgRUZXh0BQ" + f["slug"].encode().hex()[:24]
    crumbs = (f'<a href="/">Home</a> &gt; <a href="/care-services">Care services</a> &gt; '
              f'<a href="{BASE}">Local authority assessment reports</a> &gt; ')
    if page["id"] == "about":
        crumbs += E(f["short"])
    else:
        crumbs += f'<a href="{E(f["pages"][0]["url"])}">{E(f["short"])}</a> &gt; {E(page["title"])}'
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
<head id="ctl00_Head1"><title>
	{E(page['title'])} - {E(f['header'])} | Care Quality Commission
</title><meta http-equiv="Content-Type" content="text/html; charset=utf-8" /><meta http-equiv="X-UA-Compatible" content="IE=8" />
<link href="/css/cqc-legacy.css" rel="stylesheet" type="text/css" media="screen" /><link href="/css/cqc-print.css" rel="stylesheet" type="text/css" media="print" />
<!--[if lt IE 8]><link href="/css/ie7.css" rel="stylesheet" type="text/css" /><![endif]-->
</head>
<body id="ctl00_body" class="reportPage">
<form name="aspnetForm" method="post" action="{E(page['url'])}" id="aspnetForm">
<div>
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="{viewstate}" />
</div>
<table id="ctl00_tblOuter" width="960" border="0" cellspacing="0" cellpadding="0" align="center">
<tr><td id="ctl00_tdHeader" colspan="2" class="header">
<table width="100%" cellpadding="0" cellspacing="0"><tr>
<td><a href="/" id="ctl00_lnkLogo"><img src="/images/cqc-logo.gif" alt="Care Quality Commission" width="180" height="60" border="0" /></a></td>
<td align="right" valign="bottom"><a href="/about-us">About us</a> | <a href="/contact-us">Contact us</a> | <a href="/accessibility">Accessibility</a>
<br /><input name="ctl00$txtSearch" type="text" id="ctl00_txtSearch" class="searchBox" /> <input type="submit" name="ctl00$btnSearch" value="Search" id="ctl00_btnSearch" /></td>
</tr></table></td></tr>
<tr><td id="ctl00_tdBreadcrumb" colspan="2" class="breadcrumb">You are here: {crumbs}</td></tr>
<tr>
<td id="ctl00_tdLeftNav" width="220" valign="top" class="leftNav">
<div class="navBox"><b>In this report</b>
<ul id="ctl00_ulReportNav">
{chr(10).join(nav)}
</ul></div>
<div class="navBox related"><b>{E(rel_head)}</b>
<table id="ctl00_tblRelated" cellpadding="2" cellspacing="0" width="100%">
{chr(10).join(rel)}
</table></div>
</td>
<td id="ctl00_ContentPlaceHolder1_tdMain" valign="top" class="mainContent">
<span id="ctl00_ContentPlaceHolder1_lblReportTitle" class="reportTitle"><h1>{E(f['header'])}</h1></span>
{pubhtml}
{dl}
<div id="ctl00_ContentPlaceHolder1_divBody" class="bodyText">
{body}
</div>
</td></tr>
<tr><td id="ctl00_tdFooter" colspan="2" class="footer"><font size="1">&copy; Care Quality Commission {f['published'].year} | <a href="/accessibility">Accessibility</a> | <a href="/about-us">About us</a></font></td></tr>
</table>
</form>
</body>
</html>
"""


def legacy_prevnext(f, page):
    idx = f["pages"].index(page)
    if page["id"] in ("about",):
        return ""
    prev = f["pages"][idx - 1] if idx > 0 else None
    nxt = f["pages"][idx + 1] if idx + 1 < len(f["pages"]) else None
    cells = []
    cells.append(f'<td align="left">{"<a href=" + chr(34) + E(prev["url"]) + chr(34) + ">&lt;&lt; Previous: " + E(prev["title"]) + "</a>" if prev else "&nbsp;"}</td>')
    cells.append(f'<td align="right">{"<a href=" + chr(34) + E(nxt["url"]) + chr(34) + ">Next: " + E(nxt["title"]) + " &gt;&gt;</a>" if nxt else "&nbsp;"}</td>')
    return f'<table class="prevNext" width="100%"><tr>{"".join(cells)}</tr></table>'


def legacy_about(f):
    m = f["markup"]
    out = [f"<h2>About {E(f['council'])}</h2>"]
    pub = fmt_date(f["published"], "long" if m != "LC" else "slash")
    if f["pilot"]:
        out.append(f"<p><b>Assessment start date:</b> {fmt_date(f['started'], 'long')}<br /><b>Assessment published:</b> {pub}</p>")
    else:
        out.append(f"<p><b>Assessment published:</b> {pub}</p>")
    for title, items in (("Demographics", f["demo"]), ("Financial facts", f["fin"])):
        if m == "LA":
            out.append(f"<h3>{title}</h3><ul>")
            for it in items:
                out.append(f"<li><b>{E(it[1])}</b><br />{E(it[2])}</li>" if it[0] == "pair" else f"<li>{E(it[1])}</li>")
            out.append("</ul>")
        elif m == "LB":
            out.append(f'<p><font size="3" color="#5b2c86"><b>{title}</b></font></p>')
            pairs = [it for it in items if it[0] == "pair"]
            texts = [it for it in items if it[0] == "text"]
            if pairs:
                out.append('<table class="factTable" border="1" cellpadding="4" cellspacing="0" width="100%">')
                for it in pairs:
                    out.append(f'<tr><td width="45%" bgcolor="#f2eef7"><b>{E(it[1])}</b></td><td>{E(it[2])}</td></tr>')
                out.append("</table>")
            if texts:
                out.append("<ul>" + "".join(f"<li>{E(it[1])}</li>" for it in texts) + "</ul>")
        else:
            out.append(f'<h3 class="sectionHead">{title}</h3><div class="factList">')
            for it in items:
                if it[0] == "pair":
                    out.append(f'<div class="factRow"><span class="dt">{E(it[1])}</span> <span class="dd">{E(it[2])}</span></div>')
                else:
                    out.append(f'<div class="factRow"><span class="text">{E(it[1])}</span></div>')
            out.append("</div>")
    return "\n".join(out)


def legacy_summary(f):
    m = f["markup"]
    out = ["<h2>Overall summary</h2>"]
    rating_word = f["rating"]
    if m == "LC" and rating_word == "Requires improvement":
        rating_word = "Requires Improvement"
    if f["pilot"]:
        if m == "LB":
            out.append('<table class="ratingBox" cellpadding="6" cellspacing="0" border="1" width="100%">'
                       '<tr><td bgcolor="#5b2c86"><font color="#ffffff"><b>Local authority indicative rating</b></font></td></tr>'
                       f'<tr><td><font size="4"><b>{E(f["rating"])}</b></font>: {RATING_PHRASE[f["rating"]]}</td></tr></table>')
        else:
            out.append(f'<p><b>Local authority indicative rating</b><br />{E(f["rating"])}: {RATING_PHRASE[f["rating"]]}</p>')
    else:
        pct = f["printed_pct"]
        if m == "LB":
            out.append('<table class="ratingBox" cellpadding="6" cellspacing="0" border="1" width="100%">'
                       '<tr><td bgcolor="#5b2c86"><font color="#ffffff"><b>Local authority rating and score</b></font></td></tr>'
                       f'<tr><td>{E(f["council"])}<br /><font size="4"><b>{E(rating_word)}</b></font></td></tr>'
                       f'<tr><td>Overall rating for {E(f["council"])}: {pct}%</td></tr></table>')
        elif m == "LC":
            out.append(f'<h3 class="sectionHead">Local authority rating and score</h3>'
                       f'<div class="ratingBox"><span class="dt">{E(f["council"])}</span> <span class="dd rating">{E(rating_word)}</span></div>'
                       f'<p>Overall rating for {E(f["council"])}: {pct} %</p>')
        else:
            out.append(f'<p><b>Local authority rating and score</b><br />{E(f["council"])}<br />'
                       f'<font size="4"><b>{E(rating_word)}</b></font></p><p>Overall rating for {E(f["council"])}: {pct}%</p>')
    # scores
    head = "Quality statement indicative scores" if f["pilot"] else "Quality statement scores"
    if m == "LB":
        col = "Indicative score" if f["pilot"] else "Score"
        out.append(f'<p><b>{head}</b></p><table class="scoreTable" border="1" cellpadding="4" cellspacing="0" width="100%">'
                   f'<tr bgcolor="#e5dff0"><th align="left">Theme</th><th align="left">Quality statement</th><th align="left">{col}</th></tr>')
        for t in range(1, 5):
            ns = [n for n in range(1, 10) if ST_THEME[n] == t]
            for i, n in enumerate(ns):
                th = f'<td rowspan="{len(ns)}" valign="top"><b>{E(THEMES[t])}</b></td>' if i == 0 else ""
                s = f["scores"][n - 1]
                out.append(f"<tr>{th}<td>{E(ST_NAME[n])}</td><td>{'' if s is None else s}</td></tr>")
        out.append("</table>")
    elif m == "LC":
        out.append(f'<h3 class="sectionHead">{head}</h3><div class="qsList">')
        for n in range(1, 10):
            s = f["scores"][n - 1]
            out.append(f'<div class="qsRow"><span class="dt">{E(ST_NAME[n])}</span> <span class="dd">Score: {s}</span></div>')
        out.append("</div>")
    else:
        out.append(f"<p><b>{head}</b></p>")
        for n in range(1, 10):
            s = f["scores"][n - 1]
            if f["pilot"]:
                out.append(f"<p>{E(ST_NAME[n])}<br />{s} - {BAND_PHRASE[s]}</p>")
            else:
                out.append(f"<p>{E(ST_NAME[n])}<br />Score: {s}</p>")
    out.append("<h3>Summary of people's experiences</h3>" if m != "LB" else "<p><b>Summary of people's experiences</b></p>")
    out += [f"<p>{E(t)}</p>" for t in f["pe"]]
    out.append("<h3>Summary of strengths, areas for development and next steps</h3>" if m != "LB"
               else "<p><b>Summary of strengths, areas for development and next steps</b></p>")
    out += [f"<p>{E(t)}</p>" for t in NEXT_STEPS[:2]]
    if f["pdf"]:
        out.append(f'<p>You can also <a href="{E(f["pdf"]["name"])}">download this report as a PDF ({pdf_size(f)})</a>.</p>')
    return "\n".join(out)


def legacy_statement(f, n, hl):
    m = f["markup"]
    st = f["stmts"][n]
    s = f["scores"][n - 1]
    h, h2 = f"h{hl}", f"h{hl + 1}"
    out = [f'<a name="qs{n}"></a><{h}>{E(ST_NAME[n])}</{h}>']
    lab = "Indicative score:" if f["pilot"] else "Score:"
    if m == "LA":
        if f["pilot"]:
            out.append(f"<p><b>{lab}</b><br />{score_line(f, n)}</p>")
        else:
            out.append(f"<p><b>Score: {s}</b><br />{score_line(f, n)}</p>")
    elif m == "LB":
        if f["pilot"]:
            out.append(f'<table class="qsScore" cellpadding="3" cellspacing="0" border="0"><tr><td><font color="#5b2c86"><b>{lab}</b></font></td></tr>'
                       f'<tr><td>{score_line(f, n)}</td></tr></table>')
        else:
            out.append(f'<table class="qsScore" cellpadding="3" cellspacing="0" border="0"><tr><td><font color="#5b2c86"><b>{lab}</b></font></td>'
                       f'<td><font size="4"><b>{s}</b></font></td></tr><tr><td colspan="2"><font size="2">{score_line(f, n)}</font></td></tr></table>')
    else:
        out.append(f'<div class="scoreBox"><span class="scoreLabel">{lab}</span> <span class="scoreValue">{s}</span><br />'
                   f'<span class="scoreText">{score_line(f, n)}</span></div>')
    # what people expect
    if m == "LB":
        out.append("<p><b>What people expect</b></p><p>" + "<br />\n".join(E(t) for t in st["what_people_expect"]) + "</p>")
    else:
        out.append(f"<{h2}>What people expect</{h2}><ul>" + "".join(f"<li>{E(t)}</li>" for t in st["what_people_expect"]) + "</ul>")
    com = "The local authority commitment:" if f["pilot"] else "The local authority commitment"
    if m == "LB":
        out.append(f"<p><b>{com}</b></p><p><i>{E(st['commitment'])}</i></p>")
    elif m == "LC":
        out.append(f"<{h2}>{com}</{h2}><blockquote><p>{E(st['commitment'])}</p></blockquote>")
    else:
        out.append(f"<{h2}>{com}</{h2}><p>{E(st['commitment'])}</p>")
    if m == "LB":
        out.append("<p><b>Key findings for this quality statement</b></p>")
    else:
        out.append(f"<{h2}>Key findings for this quality statement</{h2}>")
    h3 = f"h{hl + 2}"
    for kf in st["key_findings"]:
        if kf["heading"]:
            if m == "LB":
                out.append(f"<p><strong>{E(kf['heading'])}</strong></p>")
            else:
                out.append(f"<{h3}>{E(kf['heading'])}</{h3}>")
        for p in kf["paragraphs"]:
            out.append(f"<p>{E(p)}</p>")
    return "\n".join(out)


def legacy_page_body(f, page):
    if page["id"] == "about":
        return legacy_about(f)
    if page["id"] == "summary":
        return legacy_summary(f) + "\n" + legacy_prevnext(f, page)
    out = []
    if page["id"].startswith("s"):
        out.append(legacy_statement(f, page["stmts"][0], 2))
    elif page["id"].startswith("theme"):
        t = int(page["id"][5:])
        out.append(f"<h2>{E(THEMES[t])}</h2>")
        out.append("<p>" + " | ".join(f'<a href="#qs{n}">{E(ST_NAME[n])}</a>' for n in page["stmts"]) + "</p>")
        for n in page["stmts"]:
            out.append(legacy_statement(f, n, 3))
            out.append('<p class="toTop"><a href="#aspnetForm">Back to top</a></p>')
    else:
        out.append("<h2>Quality statements</h2>")
        out.append("<ol class=\"qsContents\">" + "".join(f'<li><a href="#qs{n}">{E(ST_NAME[n])}</a></li>' for n in range(1, 10)) + "</ol>")
        for t in range(1, 5):
            out.append(f'<h2 class="themeHead">{E(THEMES[t])}</h2>')
            for n in [n for n in range(1, 10) if ST_THEME[n] == t]:
                out.append(legacy_statement(f, n, 3))
                out.append("<hr />")
    out.append(legacy_prevnext(f, page))
    return "\n".join(out)


# ---------------------------------------------------------------- redesign shell

def tdate(d, style="long"):
    return f'<time datetime="{d.isoformat()}">{fmt_date(d, style)}</time>'


def redesign_shell(f, page, fams, body, contents_html, prevnext_html):
    m = f["markup"]
    ds = "short" if m == "RC" else "long"
    rel_head, rel_items = related(f, fams)
    rel = []
    for name, url, rating, pct in rel_items:
        label = f'<a href="{E(url)}" class="related__link">{E(name)}</a>' if url else f'<span class="related__name">{E(name)}</span>'
        meta = f'{E(rating)}' + (f", {pct}%" if pct is not None else "")
        if m == "RC":
            rel.append(f'<li class="card card--related">{label}<p class="card__meta"><strong class="tag">{E(rating)}</strong>'
                       + (f' <span class="card__score">{pct}%</span>' if pct is not None else "") + "</p></li>")
        else:
            rel.append(f'<li>{label} <span class="related__meta">({meta})</span></li>')
    if f["pdf"]:
        if m == "RA":
            dl = (f'<section class="downloads" aria-labelledby="downloads-title"><h2 class="downloads__title" id="downloads-title">Downloads</h2>'
                  f'<ul class="govuk-list"><li><a class="govuk-link download-link" href="{E(f["pdf"]["name"])}" download>'
                  f'{E(f["header"])}<span class="download-link__meta"> (PDF, {pdf_size(f)})</span></a></li></ul></section>')
        elif m == "RB":
            dl = (f'<aside class="downloads" aria-label="Downloads"><h2 class="visually-hidden">Downloads</h2>'
                  f'<p class="downloads__label" aria-hidden="true">Downloads</p><ul class="file-list"><li class="file">'
                  f'<a href="{E(f["pdf"]["name"])}" class="file__link">Download report<span class="visually-hidden"> {E(f["header"])}</span></a>'
                  f' <span class="file__meta">PDF, {pdf_size(f)}</span></li></ul></aside>')
        else:
            dl = (f'<div class="card card--downloads"><h2 class="card__title">Downloads</h2>'
                  f'<a href="{E(f["pdf"]["name"])}" class="card__link">{E(f["short"])} local authority assessment report (PDF, {pdf_size(f)})</a></div>')
    else:
        dl = ('<section class="downloads" aria-labelledby="downloads-title"><h2 id="downloads-title">Downloads</h2>'
              '<p>A PDF version of this report will be published soon.</p></section>')
    hdr_tag = "p" if page["id"] != "about" or m == "RB" else "h1"
    if m == "RA":
        header = (f'<div class="report-header govuk-width-container"><span class="govuk-caption-l">Local authority assessment</span>'
                  f'<{hdr_tag} class="report-header__title govuk-heading-xl">{E(f["header"])}</{hdr_tag}>'
                  f'<p class="report-header__meta govuk-body-s">Published: {tdate(f["published"])} <span aria-hidden="true">&middot;</span> '
                  f'Page last updated: {tdate(page["updated"])}</p></div>')
    elif m == "RB":
        header = (f'<header class="report-header"><{hdr_tag} class="report-header__title">{E(f["header"])}</{hdr_tag}>'
                  f'<dl class="report-header__dates"><dt>Published:</dt><dd>{tdate(f["published"])}</dd>'
                  f'<dt>Page last updated:</dt><dd>{tdate(page["updated"])}</dd></dl></header>')
    else:
        header = (f'<div class="hero hero--report"><div class="hero__inner"><{hdr_tag} class="hero__title">{E(f["header"])}</{hdr_tag}>'
                  f'<p class="hero__meta"><span class="hero__meta-item">Published: {tdate(f["published"], "short")}</span> '
                  f'<span class="hero__meta-item">Page last updated: {tdate(page["updated"], "short")}</span></p></div></div>')
    crumbs = [("Home", "/"), ("Care services", "/care-services"), ("Local authority assessment reports", BASE)]
    if page["id"] != "about":
        crumbs.append((f["short"], f["pages"][0]["url"]))
    crumb_html = "".join(f'<li class="breadcrumb__item"><a href="{E(u)}" class="breadcrumb__link">{E(t)}</a></li>' for t, u in crumbs)
    crumb_html += f'<li class="breadcrumb__item" aria-current="page">{E(page["title"] if page["id"] != "about" else f["short"])}</li>'
    rel_block = (f'<aside class="related" aria-labelledby="related-title"><h2 id="related-title" class="related__title">{E(rel_head)}</h2>'
                 f'<ul class="related__list{" card-grid" if m == "RC" else ""}">{"".join(rel)}</ul></aside>')
    return f"""<!DOCTYPE html>
<html lang="en-GB" dir="ltr" class="no-js">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{E(page['title'])} | {E(f['header'])} | Care Quality Commission</title>
<link rel="stylesheet" media="all" href="/themes/custom/cqc/css/main.css">
<link rel="canonical" href="https://www.cqc.org.uk{E(page['url'])}">
<meta name="dcterms.modified" content="{page['updated'].isoformat()}">
</head>
<body class="path-node page-node-type-la-assessment">
<a href="#main-content" class="skip-link visually-hidden focusable">Skip to main content</a>
<div class="dialog-off-canvas-main-canvas">
<header class="site-header" role="banner">
<a href="/" class="site-header__logo" rel="home"><span class="visually-hidden">Care Quality Commission home</span><svg aria-hidden="true" focusable="false" width="120" height="40"></svg></a>
<nav class="site-nav" aria-label="Main"><ul class="site-nav__list">
<li><a href="/care-services">Find and compare services</a></li><li><a href="/about-us">About us</a></li><li><a href="/contact-us">Contact us</a></li>
</ul></nav>
<form class="site-search" action="/search/all" method="get" role="search"><label for="edit-keys" class="visually-hidden">Search</label><input id="edit-keys" type="search" name="keys"><button type="submit">Search</button></form>
</header>
<nav class="breadcrumb" aria-label="Breadcrumb"><ol class="breadcrumb__list">{crumb_html}</ol></nav>
<main id="main-content" class="main" role="main" tabindex="-1">
{header}
<div class="layout layout--two-thirds">
<div class="layout__sidebar">
{dl}
{contents_html}
</div>
<article class="layout__main report-body">
{body}
{prevnext_html}
</article>
</div>
{rel_block}
</main>
<footer class="site-footer" role="contentinfo"><ul class="site-footer__links"><li><a href="/accessibility">Accessibility statement</a></li><li><a href="/about-us">About us</a></li></ul>
<p>&copy; Care Quality Commission</p></footer>
</div>
</body>
</html>
"""


def r_contents(f, page):
    m = f["markup"]
    items = []
    for p in f["pages"]:
        t = "About " + f["short"] if p["id"] == "about" else p["title"]
        if p is page:
            items.append(f'<li class="contents__item contents__item--active" aria-current="page">{E(t)}</li>')
        else:
            items.append(f'<li class="contents__item"><a class="contents__link" href="{E(p["url"])}">{E(t)}</a></li>')
    tag = "ol" if m != "RC" else "ul"
    return (f'<nav class="contents" aria-labelledby="contents-title"><h2 class="contents__title" id="contents-title">Report contents</h2>'
            f'<{tag} class="contents__list">{"".join(items)}</{tag}></nav>')


def r_prevnext(f, page):
    idx = f["pages"].index(page)
    prev = f["pages"][idx - 1] if idx > 0 else None
    nxt = f["pages"][idx + 1] if idx + 1 < len(f["pages"]) else None
    t = lambda p: "About " + f["short"] if p["id"] == "about" else p["title"]
    parts = []
    if prev:
        parts.append(f'<div class="pagination__prev"><a class="pagination__link" href="{E(prev["url"])}" rel="prev">'
                     f'<span class="pagination__link-title">Previous<span class="visually-hidden"> page</span></span>'
                     f'<span class="pagination__link-label">{E(t(prev))}</span></a></div>')
    if nxt:
        parts.append(f'<div class="pagination__next"><a class="pagination__link" href="{E(nxt["url"])}" rel="next">'
                     f'<span class="pagination__link-title">Next<span class="visually-hidden"> page</span></span>'
                     f'<span class="pagination__link-label">{E(t(nxt))}</span></a></div>')
    return f'<nav class="pagination pagination--stacked" role="navigation" aria-label="Report pages">{"".join(parts)}</nav>'


def r_about(f):
    m = f["markup"]
    tag = "h1" if m == "RB" else "h2"  # RB: report header is h1 on About pages too? no: see shell (p)
    tag = "h2" if m != "RB" else "h1"
    out = [f'<{tag} class="page-title">About {E(f["council"])}</{tag}>']
    out.append(f'<p class="lede">Assessment published: {tdate(f["published"], "short" if m == "RC" else "long")}</p>')
    for title, items in (("Demographics", f["demo"]), ("Financial facts", f["fin"])):
        out.append(f"<h2>{title}</h2>" if tag == "h2" else f"<h2>{title}</h2>")
        if m == "RA":
            pairs = [it for it in items if it[0] == "pair"]
            if pairs and len(pairs) == len(items):
                out.append('<dl class="govuk-summary-list">' + "".join(
                    f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{E(it[1])}</dt>'
                    f'<dd class="govuk-summary-list__value">{E(it[2])}</dd></div>' for it in items) + "</dl>")
            else:
                out.append('<ul class="govuk-list govuk-list--bullet">' + "".join(
                    (f'<li><span class="fact__label">{E(it[1])}</span>: <span class="fact__value">{E(it[2])}</span></li>'
                     if it[0] == "pair" else f"<li>{E(it[1])}</li>") for it in items) + "</ul>")
        elif m == "RB":
            pairs = [it for it in items if it[0] == "pair"]
            if pairs:
                out.append('<table class="responsive-table"><caption class="visually-hidden">' + title + '</caption>'
                           '<thead><tr><th scope="col">Measure</th><th scope="col">Value</th></tr></thead><tbody>' + "".join(
                               f'<tr><th scope="row" data-label="Measure">{E(it[1])}</th><td data-label="Value">{E(it[2])}</td></tr>'
                               for it in pairs) + "</tbody></table>")
            texts = [it for it in items if it[0] == "text"]
            if texts:
                out.append("<ul>" + "".join(f"<li>{E(it[1])}</li>" for it in texts) + "</ul>")
        else:
            out.append('<ul class="fact-cards">' + "".join(
                (f'<li class="fact-card"><p class="fact-card__label">{E(it[1])}</p><p class="fact-card__value">{E(it[2])}</p></li>'
                 if it[0] == "pair" else f'<li class="fact-card fact-card--text"><p>{E(it[1])}</p></li>') for it in items) + "</ul>")
    return "\n".join(out)


def r_summary(f):
    m = f["markup"]
    pct = f["printed_pct"]
    out = ['<h1 class="page-title">Overall summary</h1>']
    if m == "RA":
        out.append(f'<div class="govuk-panel govuk-panel--rating"><h2 class="govuk-panel__title">Local authority rating and score</h2>'
                   f'<div class="govuk-panel__body"><p>{E(f["council"])}</p><p><strong class="rating rating--{f["rating"].lower().replace(" ", "-")}">{E(f["rating"])}</strong></p>'
                   f'<p>Overall rating for {E(f["council"])}: {pct}%</p></div></div>')
    elif m == "RB":
        out.append(f'<section class="rating-card" aria-labelledby="rating-title"><h2 id="rating-title">Local authority rating and score</h2>'
                   f'<p class="rating-card__council">{E(f["council"])}</p><p class="rating-card__rating">{E(f["rating"])}</p>'
                   f'<p class="rating-card__score">Overall rating for {E(f["council"])}: <strong>{pct}<abbr title="per cent">%</abbr></strong></p></section>')
    else:
        out.append(f'<div class="card card--rating"><h2 class="card__title">Local authority rating and score</h2>'
                   f'<p class="card__subtitle">{E(f["council"])}</p><p class="card__rating"><span class="tag tag--large">{E(f["rating"])}</span></p>'
                   f'<p class="card__score">Overall rating for {E(f["short"])}: <data value="{pct}">{pct}%</data></p></div>')
    out.append("<h2>Quality statement scores</h2>")
    if m == "RA":
        out.append('<dl class="govuk-summary-list govuk-summary-list--scores">')
        for n in range(1, 10):
            s = f["scores"][n - 1]
            if s is None:
                continue
            out.append(f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{E(ST_NAME[n])}</dt>'
                       f'<dd class="govuk-summary-list__value">Score: {s}</dd></div>')
        out.append("</dl>")
    elif m == "RB":
        out.append('<table class="responsive-table responsive-table--scores"><caption class="visually-hidden">Quality statement scores by theme</caption>'
                   '<thead><tr><th scope="col">Quality statement</th><th scope="col">Score</th><th scope="col">What the score means</th></tr></thead>')
        for t in range(1, 5):
            out.append(f'<tbody><tr class="responsive-table__group"><th scope="rowgroup" colspan="3">{E(THEMES[t])}</th></tr>')
            for n in [n for n in range(1, 10) if ST_THEME[n] == t]:
                s = f["scores"][n - 1]
                if s is None:
                    continue
                out.append(f'<tr><td data-label="Quality statement">{E(ST_NAME[n])}</td><td data-label="Score">{s}</td>'
                           f'<td data-label="What the score means">{BAND_PHRASE[s]}</td></tr>')
            out.append("</tbody>")
        out.append("</table>")
    else:
        out.append('<ul class="score-cards">')
        for n in range(1, 10):
            s = f["scores"][n - 1]
            out.append(f'<li class="score-card score-card--{s}"><h3 class="score-card__title">{E(ST_NAME[n])}</h3>'
                       f'<p class="score-card__score"><span class="visually-hidden">Score: </span><strong class="tag">{s}</strong>'
                       f'<span class="visually-hidden"> out of 4</span> {s} - {BAND_PHRASE[s]}</p></li>')
        out.append("</ul>")
    out.append("<h2>Summary of people's experiences</h2>")
    out += [f"<p>{E(t)}</p>" for t in f["pe"]]
    out.append("<h2>Summary of strengths, areas for development and next steps</h2>")
    out += [f"<p>{E(t)}</p>" for t in NEXT_STEPS]
    if f["pdf"] and m != "RB":
        out.append(f'<p><a href="{E(f["pdf"]["name"])}">Download this report (PDF, {pdf_size(f)})</a></p>')
    return "\n".join(out)


def r_statement(f, n, hl, wrap=None):
    m = f["markup"]
    st = f["stmts"][n]
    s = f["scores"][n - 1]
    h, h2, h3 = f"h{hl}", f"h{hl + 1}", f"h{hl + 2}"
    out = []
    if wrap != "details":
        out.append(f'<{h} id="qs-{n}" class="qs-title">{E(ST_NAME[n])}</{h}>')
    if s is None:
        pass  # warrington: no score printed
    elif m == "RA":
        out.append(f'<dl class="govuk-summary-list govuk-summary-list--no-border qs-score"><div class="govuk-summary-list__row">'
                   f'<dt class="govuk-summary-list__key">Score</dt><dd class="govuk-summary-list__value">{s}</dd></div>'
                   f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">What this means</dt>'
                   f'<dd class="govuk-summary-list__value">{BAND_PHRASE[s]}</dd></div></dl>')
    elif m == "RB":
        out.append(f'<div class="score-panel"><p class="score-panel__label">Score:</p><p class="score-panel__value">{s}'
                   f'<span class="visually-hidden"> out of 4</span></p><p class="score-panel__band">{s} - {BAND_PHRASE[s]}</p></div>')
    else:
        out.append(f'<div class="card card--score"><div class="card__body"><p class="card__heading">Quality statement score</p>'
                   f'<p class="card__score"><span class="score-badge score-badge--{s}" aria-hidden="true">{s}/4</span>'
                   f'<span class="visually-hidden">Score: {s} out of 4.</span></p><p class="card__text">{s} - {BAND_PHRASE[s]}</p></div></div>')
    out.append(f"<{h2}>What people expect</{h2}>")
    if m == "RA":
        out.append('<div class="govuk-inset-text"><ul class="govuk-list">' + "".join(f"<li>{E(t)}</li>" for t in st["what_people_expect"]) + "</ul></div>")
    else:
        out.append('<ul class="i-statements">' + "".join(f'<li class="i-statement">{E(t)}</li>' for t in st["what_people_expect"]) + "</ul>")
    out.append(f"<{h2}>The local authority commitment</{h2}>")
    if m == "RC":
        out.append(f'<blockquote class="quote quote--commitment"><p>{E(st["commitment"])}</p></blockquote>')
    else:
        out.append(f'<p class="commitment">{E(st["commitment"])}</p>')
    out.append(f"<{h2}>Key findings for this quality statement</{h2}>")
    for kf in st["key_findings"]:
        if kf["heading"]:
            out.append(f"<{h3}>{E(kf['heading'])}</{h3}>")
        for p in kf["paragraphs"]:
            out.append(f"<p>{E(p)}</p>")
    inner = "\n".join(out)
    if wrap == "details":
        badge = f'<span class="badge badge--score">Score: {s}</span>' if s is not None else ""
        return (f'<details class="accordion__section" id="qs-{n}"><summary class="accordion__summary">'
                f'<{h} class="accordion__heading">{E(ST_NAME[n])}</{h}> {badge}</summary>'
                f'<div class="accordion__content">\n{inner}\n</div></details>')
    return f'<section class="quality-statement" aria-labelledby="qs-{n}">\n{inner}\n</section>'


def redesign_page_body(f, page):
    m = f["markup"]
    if page["id"] == "about":
        return r_about(f)
    if page["id"] == "summary":
        return r_summary(f)
    if page["id"].startswith("s"):
        return r_statement(f, page["stmts"][0], 1)
    if page["id"].startswith("theme"):
        t = int(page["id"][5:])
        out = [f'<h1 class="page-title">{E(THEMES[t])}</h1>',
               '<nav class="on-this-page" aria-label="On this page"><h2 class="on-this-page__title">On this page</h2><ul>' +
               "".join(f'<li><a href="#qs-{n}">{E(ST_NAME[n])}</a></li>' for n in page["stmts"]) + "</ul></nav>"]
        for n in page["stmts"]:
            out.append(r_statement(f, n, 2))
        return "\n".join(out)
    out = ['<h1 class="page-title">Quality statements</h1>']
    if m == "RB":
        out.append('<div class="accordion" data-module="accordion">')
        for t in range(1, 5):
            out.append(f'<h2 class="accordion__group-title">{E(THEMES[t])}</h2>')
            for n in [n for n in range(1, 10) if ST_THEME[n] == t]:
                out.append(r_statement(f, n, 3, wrap="details"))
        out.append("</div>")
    else:
        for t in range(1, 5):
            out.append(f"<h2>{E(THEMES[t])}</h2>")
            for n in [n for n in range(1, 10) if ST_THEME[n] == t]:
                out.append(r_statement(f, n, 3))
    return "\n".join(out)


# ---------------------------------------------------------------- listing and stubs

def listing(fams):
    formal = sorted([f for f in fams if not f["pilot"]], key=lambda f: (f["published"], f["slug"].lower()), reverse=True)
    pilots = [f for f in fams if f["pilot"]]
    per = 6
    chunks = [formal[i:i + per] for i in range(0, len(formal), per)]
    npages = len(chunks)
    for i, chunk in enumerate(chunks):
        items = "".join(
            f'<li class="views-row"><article class="teaser"><h3 class="teaser__title"><a href="{E(f["pages"][0]["url"])}">{E(f["council"])}: local authority assessment</a></h3>'
            f'<p class="teaser__meta">Published {tdate(f["published"])}</p></article></li>' for f in chunk)
        pager = []
        if i > 0:
            pager.append(f'<li class="pager__item pager__item--first"><a href="?page=0" title="Go to first page"><span class="visually-hidden">First page</span><span aria-hidden="true">« First</span></a></li>')
            pager.append(f'<li class="pager__item pager__item--previous"><a href="?page={i - 1}" title="Go to previous page" rel="prev"><span class="visually-hidden">Previous page</span><span aria-hidden="true">‹ Previous</span></a></li>')
        for j in range(npages):
            if j == i:
                pager.append(f'<li class="pager__item is-active"><a href="?page={j}" title="Current page" aria-current="page"><span class="visually-hidden">Current page</span>{j + 1}</a></li>')
            else:
                pager.append(f'<li class="pager__item"><a href="?page={j}" title="Go to page {j + 1}"><span class="visually-hidden">Page</span>{j + 1}</a></li>')
        if i < npages - 1:
            pager.append(f'<li class="pager__item pager__item--next"><a href="?page={i + 1}" title="Go to next page" rel="next"><span class="visually-hidden">Next page</span><span aria-hidden="true">Next ›</span></a></li>')
            pager.append(f'<li class="pager__item pager__item--last"><a href="?page={npages - 1}" title="Go to last page"><span class="visually-hidden">Last page</span><span aria-hidden="true">Last »</span></a></li>')
        extra = ""
        if i == 0:
            extra += ('<section class="in-progress" aria-labelledby="in-progress-title"><h2 id="in-progress-title">Assessments in progress</h2>'
                      '<p>We are currently assessing these local authorities. Reports will be published here when they are ready.</p><ul>'
                      + "".join(f"<li>{E(n)}</li>" for n in IN_PROGRESS) + "</ul></section>")
        if i == npages - 1:
            extra += ('<section class="pilots" aria-labelledby="pilots-title"><h2 id="pilots-title">Pilot assessments</h2>'
                      '<p>In 2023 we carried out pilot assessments of five local authorities. These gave indicative ratings.</p><ul>'
                      + "".join(f'<li><a href="{E(p["pages"][0]["url"])}">{E(p["council"])}: local authority assessment</a></li>' for p in pilots)
                      + "".join(f"<li>{E(n)}</li>" for n, _ in OTHER_PILOTS) + "</ul></section>")
        body = f"""<!DOCTYPE html>
<html lang="en-GB" dir="ltr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Local authority assessment reports{' - page ' + str(i + 1) if i else ''} | Care Quality Commission</title>
<link rel="stylesheet" media="all" href="/themes/custom/cqc/css/main.css"></head>
<body class="path-care-services">
<a href="#main-content" class="skip-link visually-hidden focusable">Skip to main content</a>
<header class="site-header" role="banner"><a href="/" class="site-header__logo" rel="home"><span class="visually-hidden">Care Quality Commission home</span></a>
<nav class="site-nav" aria-label="Main"><ul class="site-nav__list"><li><a href="/care-services">Find and compare services</a></li><li><a href="/about-us">About us</a></li></ul></nav></header>
<nav class="breadcrumb" aria-label="Breadcrumb"><ol class="breadcrumb__list"><li><a href="/">Home</a></li><li><a href="/care-services">Care services</a></li><li aria-current="page">Local authority assessment reports</li></ol></nav>
<main id="main-content" role="main">
<h1>Local authority assessment reports</h1>
<p>Read our assessments of how local authorities meet their duties under Part 1 of the Care Act 2014. You can also <a href="/search/local-authority-assessments">search local authority assessments</a>.</p>
<div class="view view-la-assessments">
<h2>Assessment reports</h2>
<ul class="views-list">{items}</ul>
<nav class="pager" role="navigation" aria-labelledby="pagination-heading"><h4 id="pagination-heading" class="visually-hidden">Pagination</h4><ul class="pager__items js-pager__items">{''.join(pager)}</ul></nav>
</div>
{extra}
</main>
<footer class="site-footer" role="contentinfo"><a href="/accessibility">Accessibility statement</a></footer>
</body></html>
"""
        rel = f"pages/listing/page-{i}.html"
        write(rel, body)
        add_route(f"{BASE}?page={i}", rel)
        if i == 0:
            add_route(BASE, rel)


def stubs():
    simple = {"/": "Care Quality Commission", "/care-services": "Care services", "/about-us": "About us",
              "/contact-us": "Contact us", "/accessibility": "Accessibility statement",
              "/search/local-authority-assessments": "Search local authority assessments"}
    for path, title in simple.items():
        name = path.strip("/").replace("/", "_") or "home"
        extra = ""
        if path == "/search/local-authority-assessments":
            extra = f'<p>Use the <a href="{BASE}">list of local authority assessment reports</a>.</p>'
        write(f"pages/stub/{name}.html",
              f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{E(title)} | Care Quality Commission</title></head>'
              f'<body><main><h1>{E(title)}</h1><p>This page is outside the local authority assessment reports.</p>{extra}'
              f'<p><a href="{BASE}">Local authority assessment reports</a></p></main></body></html>\n')
        add_route(path, f"pages/stub/{name}.html")
    write("assets/cqc-legacy.css", "body{font-family:Arial,Helvetica,sans-serif;font-size:12px}.dt{font-weight:bold}.pubInfo .dt:after,.factRow .dt:after{content:':'}\n")
    write("assets/cqc-print.css", "#ctl00_tdLeftNav,#ctl00_tdHeader{display:none}\n")
    write("assets/main.css", ".visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}"
          "@media (max-width:40em){.responsive-table thead{display:none}.responsive-table td:before{content:attr(data-label);font-weight:700;display:block}}\n")
    add_route("/css/cqc-legacy.css", "assets/cqc-legacy.css", "text/css")
    add_route("/css/cqc-print.css", "assets/cqc-print.css", "text/css")
    add_route("/themes/custom/cqc/css/main.css", "assets/main.css", "text/css")
    write("robots.txt", "User-agent: *\nDisallow: /search/\nDisallow: /admin/\n")
    add_route("/robots.txt", "robots.txt", "text/plain")


# ---------------------------------------------------------------- answer keys

def key_items(items):
    return [{"label": it[1], "value": it[2]} if it[0] == "pair" else {"text": it[1]} for it in items]


def answer(f):
    scores = {str(n): s for n, s in enumerate(f["scores"], 1) if s is not None}
    k = {
        "slug": f["slug"],
        "url": f["pages"][0]["url"],
        "council": f["council"],
        "la_code": f["la_code"],
        "kind": f["kind"],
        "expect": {"not_loaded": f["not_loaded"]} if f.get("not_loaded") else "loads",
        "published": f["published"].isoformat(),
        "last_updated": f["last_updated"].isoformat(),
        "rating": f["rating"],
        "overall_pct": f["printed_pct"],
        "scores": scores,
        "statements": {str(n): f["stmts"][n] for n in range(1, 10)},
        "people_experience": f["pe"],
        "demographics": key_items(f["demo"]),
        "financial_facts": key_items(f["fin"]),
        "pdf": None,
    }
    if f["pdf"]:
        carries = {"rating": f["rating"], "overall_pct": f["printed_pct"], "scores": scores,
                   "statements": {str(n): f["stmts"][n] for n in range(1, 10)} if f["pdf"]["full"] else {}}
        carries["people_experience"] = f["pe"]
        k["pdf"] = {"url": f["pdf"]["name"], "engine": f["pdf"].get("engine_name", f["pdf"]["engine"]), "carries": carries}
    return k


def main():
    fams = FAMILIES
    for f in fams:
        prepare(f)
    for f in fams:
        for page in f["pages"]:
            if f["markup"].startswith("L"):
                html_text = legacy_shell(f, page, fams, legacy_page_body(f, page))
            else:
                html_text = redesign_shell(f, page, fams, redesign_page_body(f, page), r_contents(f, page),
                                           r_prevnext(f, page) if page["id"] != "about" else r_prevnext(f, page))
            rel = f"pages/{f['slug']}/{page['id']}.html"
            write(rel, html_text)
            add_route(page["url"], rel)
    listing(fams)
    stubs()
    return fams


if __name__ == "__main__":
    fams = main()
    import pdfs
    engines = pdfs.build_all(fams, SITE)
    for f in fams:
        if f["pdf"]:
            f["pdf"]["engine_name"] = engines[f["slug"]]
            rel = f"pdf/{f['slug']}.pdf"
            ROUTES[f["pdf"]["name"]] = {"file": rel, "type": "application/pdf"}
        os.makedirs(os.path.join(SITE, "answers"), exist_ok=True)
        with open(os.path.join(SITE, "answers", f"{f['slug']}.json"), "w", encoding="utf-8") as fh:
            json.dump(answer(f), fh, indent=2, ensure_ascii=False)
            fh.write("\n")
    with open(os.path.join(SITE, "routes.json"), "w") as fh:
        json.dump(dict(sorted(ROUTES.items())), fh, indent=1)
        fh.write("\n")
    print("pages", len(ROUTES))
