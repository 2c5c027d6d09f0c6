"""Generate the round4/react blind site: pages/, pdf/, routes.json, answers/, NOTES.md.

Run with the scratch venv (weasyprint, odfpy, python-docx):
    /tmp/blind-react/venv/bin/python src/build.py
The pages imitate the server-rendered output of a Next.js front end over a Drupal back end,
in three template generations (A: 2023-24 pages router + CSS modules; B: 2025 styled-components;
C: late 2025/2026 app router + emotion/utility classes).
"""
import hashlib
import html
import json
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(__file__))
from content import QS, THEMES, BAND, BAND_SHORT, RATING_BAND  # noqa: E402
from model import LIST, prepare, fmt_date  # noqa: E402
from families import IN_PROGRESS  # noqa: E402
import pdfs  # noqa: E402

SITE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROUTES = {}


def e(s):
    return html.escape(str(s), quote=False)


def ea(s):
    return html.escape(str(s), quote=True)


def hx(s, n=6):
    return hashlib.md5(s.encode()).hexdigest()[:n]


def alpha(s, n=6):
    """styled-components style ids: letters only."""
    abc = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    d = hashlib.md5(s.encode()).digest()
    return "".join(abc[b % 52] for b in d[:n])


def rc(s):
    """React SSR separates adjacent text nodes with empty comments."""
    return "<!-- -->"


# ----------------------------------------------------------------- per-family render choices
STYLE = {
    # slug: (statement score style, summary score style, overall style, key-findings style, what-people-expect style)
    "birmingham-cc": ("pilot", "pilot-list", "pilot", "plain", "ul"),
    "nottingham-city": ("pilot", "table", "pilot", "plain", "ul"),
    "lincolnshire-cc": ("pilot", "pilot-list", "pilot", "plain", "ul"),
    "stokeontrent-0625": ("dial", "summary-list", "dial", "plain", "ul"),
    "staffordshire-0525": ("s1", "notes", "notes", "plain", "ul"),
    "derbyshirecc-0824": ("s1", "table", "notes", "plain", "ul"),
    "leicestercity-0725": ("table", "table", "notes", "details", "ul"),
    "camden-0225": ("big", "cards", "panel", "accordion", "quotes"),
    "WBerkshire-0524": ("s1", "notes", "notes", "plain", "ul"),
    "durham-0824": ("dl", "notes", "notes", "plain", "ul"),
    "blackpool-0825": ("dial", "table", "dial", "details", "quotes"),
    "kent-0525": ("table", "table", "dial", "plain", "p"),
    "lancashire-0825": ("big", "summary-list", "notes", "accordion", "quotes"),
    "Hertfordshire-0524": ("s1", "notes", "notes", "plain", "ul"),
    "westminster-1124": ("dial", "cards", "dial", "accordion", "ul"),
    "plymouth-0226": ("fraction", "cards", "dial", "plain", "ul"),
    "wirral-0125": ("s1", "notes", "notes", "plain", "ul"),
    "croydon-1025": ("big", "summary-list", "panel", "plain", "quotes"),
}


class Gen:
    """Class-name generator and heading levels for one template generation."""

    def __init__(self, gen):
        self.gen = gen

    def c(self, comp, part="root"):
        if self.gen == "A":
            return f"{comp}_{part}__{hx(comp + part + 'A', 5)}"
        if self.gen == "B":
            return f"sc-{alpha(comp, 6)} {alpha(comp + part + 'B', 6)}"
        return f"css-{hx(comp + part + 'C', 7)}"

    @property
    def title_level(self):
        return 1 if self.gen == "B" else 2


# ----------------------------------------------------------------- helpers for pieces
def dial_svg(value, maximum):
    frac = value / maximum
    dash = round(frac * 100, 1)
    return ('<svg viewBox="0 0 36 36" width="72" height="72" aria-hidden="true" focusable="false">'
            '<circle cx="18" cy="18" r="15.9155" fill="none" stroke="#e5e5e5" stroke-width="3"></circle>'
            f'<circle cx="18" cy="18" r="15.9155" fill="none" stroke="#5a2d82" stroke-width="3" '
            f'stroke-dasharray="{dash} 100" transform="rotate(-90 18 18)"></circle></svg>')


def pdf_label(f):
    size = f["pdf_size"]
    if size >= 1024 * 1024:
        s = f"{size / 1024 / 1024:.1f}MB"
    else:
        s = f"{round(size / 1024)}KB"
    return s


def dates_line(f, page, g):
    df = f["date_fmt"]
    pub, upd = f["published"], page["updated"]
    if g.gen == "A":
        return (f'<p class="{g.c("ReportMeta", "dates")}"><span>Published: {e(fmt_date(pub, df))}</span> '
                f'<span>Page last updated: {e(fmt_date(upd, df))}</span></p>')
    if g.gen == "B":
        return (f'<dl class="{g.c("ReportMeta")}"><div class="{g.c("ReportMeta", "row")}"><dt>Published:</dt> '
                f'<dd><time dateTime="{pub.isoformat()}">{e(fmt_date(pub, df))}</time></dd></div> '
                f'<div class="{g.c("ReportMeta", "row")}"><dt>Page last updated:</dt> '
                f'<dd><time dateTime="{upd.isoformat()}">{e(fmt_date(upd, df))}</time></dd></div></dl>')
    return (f'<p class="{g.c("Meta")}"><span class="{g.c("Meta", "label")}">Published:</span> '
            f'<time dateTime="{pub.isoformat()}">{e(fmt_date(pub, df))}</time> '
            f'<span aria-hidden="true" class="{g.c("Meta", "sep")}">|</span> '
            f'<span class="{g.c("Meta", "label")}">Page last updated:</span> '
            f'<time dateTime="{upd.isoformat()}">{e(fmt_date(upd, df))}</time></p>')


def downloads(f, g):
    if f["pdf"]:
        href = ea(f["pdf"]["path"])
        size = pdf_label(f)
        if g.gen == "A":
            inner = (f'<ul class="{g.c("Downloads", "list")}"><li><a href="{href}" class="{g.c("Downloads", "link")}">'
                     f'{e(f["header"])} report</a> <span class="{g.c("Downloads", "meta")}">(PDF, {size})</span></li></ul>')
        elif g.gen == "B":
            inner = (f'<div class="{g.c("FileCard")}"><svg aria-hidden="true" width="24" height="30" viewBox="0 0 24 30">'
                     f'<path d="M0 0h16l8 8v22H0z" fill="#ddd"></path></svg><div><a href="{href}" class="{g.c("FileCard", "link")}">'
                     f'Local authority assessment report: {e(f["council"])}</a><p class="{g.c("FileCard", "meta")}">PDF{rc("")}, {size}</p></div></div>')
        else:
            inner = (f'<a href="{href}" class="{g.c("DownloadButton")}" download="">'
                     f'<span class="{g.c("DownloadButton", "icon")}" aria-hidden="true">⤓</span>Download report'
                     f'<span class="sr-only"> for {e(f["council"])}</span> <span class="{g.c("DownloadButton", "meta")}">(PDF, {size})</span></a>')
    else:
        inner = f'<p class="{g.c("Downloads", "empty")}">There are no downloads for this report yet.</p>'
    lvl = 2
    return (f'<section class="{g.c("Downloads")}" aria-labelledby="downloads-heading">'
            f'<h{lvl} id="downloads-heading" class="{g.c("Downloads", "heading")}">Downloads</h{lvl}>{inner}</section>')


def breadcrumbs(f, page, g):
    if g.gen == "A" and f["kind"] == "pilot":
        return ""
    items = [("/", "Home"), ("/care-services", "Care services"), (LIST, "Local authority assessment reports")]
    if page["kind"] != "about":
        items.append((f["base"], f["council"]))
    lis = "".join(f'<li class="{g.c("Breadcrumbs", "item")}"><a href="{ea(h)}" class="{g.c("Breadcrumbs", "link")}">{e(t)}</a></li>'
                  for h, t in items)
    cur = page["title"] if page["kind"] != "about" else f["council"]
    lis += f'<li class="{g.c("Breadcrumbs", "item")}" aria-current="page">{e(cur)}</li>'
    return f'<nav aria-label="Breadcrumb" class="{g.c("Breadcrumbs")}"><ol class="{g.c("Breadcrumbs", "list")}">{lis}</ol></nav>'


def report_nav(f, page, g):
    """Contents of the report (family pages)."""
    pages = f["pages"]
    def li(p, label=None):
        cur = ' aria-current="page"' if p is page else ""
        return f'<li class="{g.c("ReportNav", "item")}"><a href="{ea(p["path"])}"{cur}>{e(label or p["title"])}</a></li>'
    parts = [li(pages[0], "About " + f["council"] if g.gen != "C" else "About this local authority"), li(pages[1])]
    if f["grouping"] == "statement":
        for t in (1, 2, 3, 4):
            sub = "".join(li(p) for p in pages[2:] if QS[p["nums"][0] - 1][1] == t)
            parts.append(f'<li class="{g.c("ReportNav", "group")}"><span class="{g.c("ReportNav", "theme")}">{e(THEMES[t][0])}</span><ol>{sub}</ol></li>')
    else:
        parts += [li(p) for p in pages[2:]]
    title = {"A": "Contents", "B": "In this report", "C": "Report contents"}[g.gen]
    return (f'<nav aria-labelledby="report-nav-{page["key"]}" class="{g.c("ReportNav")}">'
            f'<h2 id="report-nav-{page["key"]}" class="{g.c("ReportNav", "title")}">{title}</h2>'
            f'<ol class="{g.c("ReportNav", "list")}">{"".join(parts)}</ol></nav>')


def prev_next(f, page, g):
    if g.gen == "B" and f["grouping"] != "statement":
        return ""
    pages = f["pages"]
    i = pages.index(page)
    out = []
    if i > 0:
        p = pages[i - 1]
        out.append(f'<a href="{ea(p["path"])}" rel="prev" class="{g.c("Pager", "prev")}">'
                   f'<span class="{g.c("Pager", "label")}">Previous<span class="sr-only"> page</span></span> '
                   f'<span class="{g.c("Pager", "title")}">{e(p["title"])}</span></a>')
    if i < len(pages) - 1:
        p = pages[i + 1]
        out.append(f'<a href="{ea(p["path"])}" rel="next" class="{g.c("Pager", "next")}">'
                   f'<span class="{g.c("Pager", "label")}">Next<span class="sr-only"> page</span></span> '
                   f'<span class="{g.c("Pager", "title")}">{e(p["title"])}</span></a>')
    return f'<nav aria-label="Pagination" class="{g.c("Pager")}">{"".join(out)}</nav>'


def related(f, fams, g, where):
    others = [o for o in fams if o is not f and o["kind"] == f["kind"]]
    # same region first, then most recent
    others.sort(key=lambda o: (o["region"] != f["region"], -o["published"].toordinal()))
    others = others[:3]
    same_region = all(o["region"] == f["region"] for o in others)
    if f["kind"] == "pilot":
        heading = "Other pilot assessments"
    else:
        heading = {"A": "Other local authority assessments", "B": "Related reports",
                   "C": f"More assessments in {f['region']}" if same_region else "Recently published assessments"}[g.gen]
    if g.gen == "A":
        lis = []
        for o in others:
            if o["kind"] == "pilot":
                extra = f' <span class="{g.c("Related", "meta")}">Indicative rating: {e(o["rating"])}</span>'
            else:
                extra = f' <span class="{g.c("Related", "meta")}">{e(o["rating_shown"])} ({o["pct_shown"]}%)</span>'
            lis.append(f'<li><a href="{ea(o["base"])}">{e(o["header"])}</a>{extra}</li>')
        return (f'<aside class="{g.c("Related")}"><h2 class="{g.c("Related", "title")}">{heading}</h2>'
                f'<ul class="{g.c("Related", "list")}">{"".join(lis)}</ul></aside>')
    cards = []
    for o in others:
        if g.gen == "B":
            body = (f'<p class="{g.c("Card", "tagline")}"><strong class="{g.c("Tag")}">{e(o["rating_shown"])}</strong></p>'
                    f'<p class="{g.c("Card", "meta")}">Overall score: {rc("")}{o["pct_shown"]}{rc("")}%</p>'
                    f'<p class="{g.c("Card", "meta")}">Published {e(fmt_date(o["published"], "long"))}</p>')
        else:
            body = (f'<div class="{g.c("MiniDial")}" role="img" aria-label="Overall score {o["pct_shown"]}%">'
                    f'{dial_svg(o["pct_shown"], 100)}<span aria-hidden="true">{o["pct_shown"]}%</span></div>'
                    f'<span class="{g.c("Badge")}">{e(o["rating_shown"])}</span>')
        cards.append(f'<article class="{g.c("Card")}"><h3 class="{g.c("Card", "title")}"><a href="{ea(o["base"])}" class="{g.c("Card", "link")}">'
                     f'{e(o["council"])}</a></h3>{body}</article>')
    return (f'<section class="{g.c("Related")}" aria-labelledby="related-{where}"><h2 id="related-{where}" class="{g.c("Related", "title")}">{e(heading)}</h2>'
            f'<div class="{g.c("CardGrid")}">{"".join(cards)}</div></section>')


def qs_related(f, fams, num, g, lvl):
    others = [o for o in fams if o is not f and o["kind"] == "formal" and o.get("missing_score") != num][:4]
    rows = "".join(f'<tr><td><a href="{ea(o["base"])}">{e(o["council"])}</a></td><td>Score: {o["scores"][num - 1]}</td></tr>'
                   for o in others)
    return (f'<aside class="{g.c("CompareScores")}"><h{lvl}>How other local authorities scored for {e(f["qs_names"][num])}</h{lvl}>'
            f'<table class="{g.c("CompareScores", "table")}"><thead><tr><th scope="col">Local authority</th><th scope="col">Score</th></tr></thead>'
            f'<tbody>{rows}</tbody></table></aside>')


def sid(num):
    return QS[num - 1][3]


# ----------------------------------------------------------------- statement block
def score_block(f, num, g, style):
    s = f["scores"][num - 1]
    if f["missing_score"] == num:
        return ""
    band = BAND[s]
    if style == "pilot":
        return (f'<div class="{g.c("Score")}"><p class="{g.c("Score", "label")}">Indicative score:</p>'
                f'<p class="{g.c("Score", "value")}">{s} - {band}</p></div>')
    if style == "s1":
        if g.gen == "B":
            return (f'<div class="{g.c("Score")}"><p class="{g.c("Score", "label")}">Score: {rc("")}{s}</p>'
                    f'<p class="{g.c("Score", "band")}">{s}{rc("")} - {rc("")}{band}</p></div>')
        return (f'<div class="{g.c("Score")}"><p>Score: {s}</p><p>{s} - {band}</p></div>')
    if style == "dl":
        return (f'<dl class="{g.c("Score")}"><dt>Score</dt><dd>{s}</dd>'
                f'<dt>What this score means</dt><dd>{band}</dd></dl>')
    if style == "dial":
        return (f'<div class="{g.c("ScoreDial")}"><div class="{g.c("ScoreDial", "graphic")}" role="img" '
                f'aria-label="Quality statement score: {s} out of 4">{dial_svg(s, 4)}'
                f'<span class="{g.c("ScoreDial", "value")}" aria-hidden="true">{s}</span></div>'
                f'<p class="{g.c("ScoreDial", "band")}"><strong>{band}</strong></p></div>')
    if style == "table":
        return (f'<table class="{g.c("ScoreTable")}"><caption class="sr-only">Score for this quality statement</caption>'
                f'<tbody><tr><th scope="row">Quality statement score</th><td>{s} out of 4</td></tr>'
                f'<tr><th scope="row">What the score means</th><td>{band}</td></tr></tbody></table>')
    if style == "big":
        return (f'<div class="{g.c("ScorePanel")}"><p class="{g.c("ScorePanel", "label")}">Quality statement score</p>'
                f'<p class="{g.c("ScorePanel", "value")}">{s}<span class="sr-only"> out of 4</span></p>'
                f'<span class="{g.c("Badge", "band" + str(s))}">{BAND_SHORT[s]}</span></div>')
    if style == "fraction":
        return (f'<div class="{g.c("ScoreInline")}"><p>Score <strong>{s}/4</strong></p>'
                f'<p class="{g.c("ScoreInline", "band")}">{band}</p></div>')
    raise ValueError(style)


def statement_block(f, fams, num, g, lvl, standalone):
    st = f["statements"][num]
    style, _, _, kfs, wpes = STYLE[f["slug"]]
    name = f["qs_names"][num]
    h = lambda n, text, extra="": f'<h{min(n, 6)}{extra} class="{g.c("Heading", "h" + str(min(n, 6)))}">{e(text)}</h{min(n, 6)}>'
    out = [h(lvl, name, f' id="{sid(num)}"')]
    out.append(score_block(f, num, g, style))
    # what people expect
    out.append(h(lvl + 1, "What people expect"))
    if wpes == "ul":
        out.append(f'<ul class="{g.c("IStatements")}">' + "".join(f"<li>{e(x)}</li>" for x in st["what_people_expect"]) + "</ul>")
    elif wpes == "quotes":
        out.append("".join(f'<blockquote class="{g.c("Quote")}"><p>{e(x)}</p></blockquote>' for x in st["what_people_expect"]))
    else:
        out.append("".join(f"<p>{e(x)}</p>" for x in st["what_people_expect"]))
    commit_h = "The local authority commitment:" if f["kind"] == "pilot" else "The local authority commitment"
    out.append(h(lvl + 1, commit_h))
    out.append(f'<p class="{g.c("Commitment")}">{e(st["commitment"])}</p>')
    out.append(h(lvl + 1, "Key findings for this quality statement"))
    for i, kf in enumerate(st["key_findings"]):
        paras = "".join(f"<p>{e(p)}</p>" for p in kf["paragraphs"])
        if kfs == "plain":
            out.append(h(lvl + 2, kf["heading"]) + paras)
        elif kfs == "details":
            out.append(f'<details class="{g.c("Details")}"{" open" if i == 0 else ""}><summary class="{g.c("Details", "summary")}">'
                       f'<span class="{g.c("Details", "text")}">{e(kf["heading"])}</span></summary>'
                       f'<div class="{g.c("Details", "body")}">{paras}</div></details>')
        else:
            pid = f"kf-{num}-{i}"
            out.append(f'<div class="{g.c("Accordion", "section")}"><h{min(lvl + 2, 6)} class="{g.c("Accordion", "heading")}">'
                       f'<button type="button" aria-expanded="false" aria-controls="{pid}" class="{g.c("Accordion", "button")}">'
                       f'{e(kf["heading"])}</button></h{min(lvl + 2, 6)}>'
                       f'<div id="{pid}" class="{g.c("Accordion", "panel")}">{paras}</div></div>')
    if f["qs_related"] and standalone:
        out.append(qs_related(f, fams, num, g, lvl + 1))
    return f'<section class="{g.c("Statement")}" aria-labelledby="{sid(num)}">' + "".join(out) + "</section>"


def in_page_nav(nums, f, g):
    lis = "".join(f'<li><a href="#{sid(n)}">{e(f["qs_names"][n])}</a></li>' for n in nums)
    return (f'<nav class="{g.c("OnThisPage")}" aria-labelledby="otp"><h2 id="otp" class="{g.c("OnThisPage", "title")}">On this page</h2>'
            f'<ul>{lis}</ul></nav>')


# ----------------------------------------------------------------- page bodies
def body_about(f, fams, page, g):
    L = g.title_level
    df = f["date_fmt"]
    out = [f'<h{L} class="{g.c("PageTitle")}">{e(page["title"])}</h{L}>']
    out.append(f'<p class="{g.c("About", "published")}">Assessment published: {e(fmt_date(f["published"], df))}</p>')
    if f["kind"] == "pilot":
        out.append(f'<p class="{g.c("About", "start")}">Assessment start date: {e(fmt_date(f["start"], df))}</p>')
    for title, items, style in (("Demographics", f["demo"], f["demo_style"]), ("Financial facts", f["fin"], f["fin_style"])):
        out.append(f'<h{L + 1} class="{g.c("About", "heading")}">{title}</h{L + 1}>')
        out.append(render_facts(items, style, g))
    out.append(related(f, fams, g, "about"))
    return "".join(out)


def fact_keys(items, style):
    out = []
    for label, value, sent in items:
        if label is None:
            out.append({"text": sent})
        elif style in ("text-ul",) and sent:
            out.append({"text": sent})
        else:
            out.append({"label": label, "value": value})
    return out


def render_facts(items, style, g):
    if style == "new":
        style = "dl"
    if style == "text-ul":
        return f'<ul class="{g.c("Facts", "list")}">' + "".join(
            f"<li>{e(sent if sent else value)}</li>" for label, value, sent in items) + "</ul>"
    rows = [(l, v, s) for l, v, s in items if l is not None]
    extra = "".join(f'<p class="{g.c("Facts", "note")}">{e(s)}</p>' for l, v, s in items if l is None)
    if style == "dl":
        return (f'<dl class="{g.c("Facts", "dl")}">' + "".join(
            f'<div class="{g.c("Facts", "row")}"><dt>{e(l)}</dt><dd>{e(v)}</dd></div>' for l, v, s in rows) + "</dl>" + extra)
    if style == "table":
        return (f'<table class="{g.c("Facts", "table")}"><thead><tr><th scope="col">Measure</th><th scope="col">Value</th></tr></thead><tbody>'
                + "".join(f'<tr><th scope="row">{e(l)}</th><td>{e(v)}</td></tr>' for l, v, s in rows) + "</tbody></table>" + extra)
    if style == "summary-list":
        return ('<dl class="govuk-summary-list">' + "".join(
            f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{e(l)}</dt>'
            f'<dd class="govuk-summary-list__value">{e(v)}</dd></div>' for l, v, s in rows) + "</dl>" + extra)
    if style == "cards":
        return (f'<ul class="{g.c("KeyFacts")}">' + "".join(
            f'<li class="{g.c("KeyFacts", "card")}"><span class="{g.c("KeyFacts", "value")}">{e(v)}</span>'
            f'<span class="{g.c("KeyFacts", "label")}">{e(l)}</span></li>' for l, v, s in rows) + "</ul>" + extra)
    raise ValueError(style)


def overall_block(f, g, L):
    _, _, ostyle, _, _ = STYLE[f["slug"]]
    if ostyle == "pilot":
        r = f["rating"]
        return (f'<section class="{g.c("Rating")}"><h{L + 1}>Local authority indicative rating</h{L + 1}>'
                f'<p class="{g.c("Rating", "value")}">{e(r)}: {RATING_BAND[r]}</p></section>')
    pct = f["pct_shown"]
    pstr = f"{pct} per cent" if f["pct_style"] == " per cent" else f"{pct}%"
    if ostyle == "notes":
        return (f'<section class="{g.c("Rating")}"><h{L + 1}>Local authority rating and score</h{L + 1}>'
                f'<p class="{g.c("Rating", "council")}">{e(f["council"])}</p>'
                f'<p class="{g.c("Rating", "value")}">{e(f["rating_shown"])}</p>'
                f'<p class="{g.c("Rating", "pct")}">Overall rating for {e(f["council"])}: {rc("") if g.gen != "A" else ""}{pstr}</p></section>')
    if ostyle == "dial":
        return (f'<section class="{g.c("RatingCard")}"><h{L + 1}>Local authority rating and score</h{L + 1}>'
                f'<div class="{g.c("RatingCard", "body")}"><p class="{g.c("RatingCard", "council")}">{e(f["council"])}</p>'
                f'<p><span class="{g.c("Tag", "rating")}">{e(f["rating_shown"])}</span></p>'
                f'<div class="{g.c("RatingCard", "dial")}" role="img" aria-label="Overall score: {pct}%">{dial_svg(pct, 100)}'
                f'<span aria-hidden="true" class="{g.c("RatingCard", "pct")}">{pct}%</span></div>'
                f'<p class="{g.c("RatingCard", "caption")}">{RATING_BAND[f["rating"]]}</p></div></section>')
    if ostyle == "panel":
        return (f'<section class="{g.c("Panel")}"><h{L + 1} class="{g.c("Panel", "title")}">Local authority rating and score</h{L + 1}>'
                f'<dl class="{g.c("Panel", "list")}"><div><dt>Local authority</dt><dd>{e(f["council"])}</dd></div>'
                f'<div><dt>Overall rating</dt><dd>{e(f["rating_shown"])}</dd></div>'
                f'<div><dt>Overall score</dt><dd>{pct}%</dd></div></dl></section>')
    raise ValueError(ostyle)


def scores_block(f, g, L):
    _, sstyle, _, _, _ = STYLE[f["slug"]]
    pilot = f["kind"] == "pilot"
    head = f'<h{L + 1}>{"Quality statement indicative scores" if pilot and sstyle == "table" else "Quality statement scores"}</h{L + 1}>'
    nums = [n for n in range(1, 10) if f["missing_score"] != n]
    name = lambda n: f["qs_names"][n]
    sc = lambda n: f["scores"][n - 1]
    if sstyle == "notes":
        if g.gen == "A":
            body = "".join(f'<div class="{g.c("QsScore")}"><h{L + 2} class="{g.c("QsScore", "name")}">{e(name(n))}</h{L + 2}>'
                           f'<p class="{g.c("QsScore", "score")}">Score: {sc(n)}</p></div>' for n in nums)
        else:
            body = (f'<ul class="{g.c("QsScores")}">' + "".join(
                f'<li class="{g.c("QsScores", "item")}"><a href="{ea(f["page_of"][n])}" class="{g.c("QsScores", "name")}">{e(name(n))}</a>'
                f'<span class="{g.c("QsScores", "score")}">Score: {rc("")}{sc(n)}</span></li>' for n in nums) + "</ul>")
    elif sstyle == "pilot-list":
        body = (f'<ul class="{g.c("QsScores")}">' + "".join(
            f'<li><span class="{g.c("QsScores", "name")}">{e(name(n))}</span> '
            f'<span class="{g.c("QsScores", "score")}">{sc(n)} - {BAND[sc(n)]}</span></li>' for n in nums) + "</ul>")
    elif sstyle == "table":
        rows = []
        for t in (1, 2, 3, 4):
            tn = [n for n in nums if QS[n - 1][1] == t]
            for i, n in enumerate(tn):
                th = f'<th scope="rowgroup" rowspan="{len(tn)}">{e(THEMES[t][0])}</th>' if i == 0 else ""
                val = f"{sc(n)} - {BAND[sc(n)]}" if pilot or g.gen == "A" else f"{sc(n)}"
                rows.append(f'<tr>{th}<td><a href="{ea(f["page_of"][n])}">{e(name(n))}</a></td><td>{val}</td></tr>')
        col = "Indicative score" if pilot else "Score"
        body = (f'<table class="{g.c("ScoresTable")}"><caption class="sr-only">Quality statement scores for {e(f["council"])}</caption>'
                f'<thead><tr><th scope="col">Theme</th><th scope="col">Quality statement</th><th scope="col">{col}</th></tr></thead>'
                f'<tbody>{"".join(rows)}</tbody></table>')
    elif sstyle == "summary-list":
        body = ('<dl class="govuk-summary-list">' + "".join(
            f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{e(name(n))}</dt>'
            f'<dd class="govuk-summary-list__value">{sc(n)}<span class="sr-only"> out of 4</span> '
            f'<strong class="govuk-tag">{BAND_SHORT[sc(n)]}</strong></dd>'
            f'<dd class="govuk-summary-list__actions"><a href="{ea(f["page_of"][n])}">Read more<span class="sr-only"> about {e(name(n))}</span></a></dd></div>'
            for n in nums) + "</dl>")
    elif sstyle == "cards":
        body = (f'<ul class="{g.c("ScoreCards")}">' + "".join(
            f'<li class="{g.c("ScoreCards", "card")}"><a href="{ea(f["page_of"][n])}" class="{g.c("ScoreCards", "link")}">{e(name(n))}</a>'
            f'<div role="img" aria-label="Score: {sc(n)} out of 4" class="{g.c("ScoreCards", "dial")}">{dial_svg(sc(n), 4)}'
            f'<span aria-hidden="true">{sc(n)}</span></div><p class="{g.c("ScoreCards", "band")}">{BAND[sc(n)]}</p></li>'
            for n in nums) + "</ul>")
    else:
        raise ValueError(sstyle)
    return f'<section class="{g.c("Scores")}" id="scores">{head}{body}</section>'


def body_summary(f, fams, page, g):
    L = g.title_level
    out = [f'<h{L} class="{g.c("PageTitle")}">Overall summary</h{L}>']
    if g.gen == "C":
        out.append(f'<nav class="{g.c("OnThisPage")}" aria-label="On this page"><ul>'
                   f'<li><a href="#scores">Quality statement scores</a></li><li><a href="#people">Summary of people\'s experiences</a></li>'
                   f'<li><a href="#strengths">Summary of strengths, areas for development and next steps</a></li></ul></nav>')
    out.append(overall_block(f, g, L))
    out.append(scores_block(f, g, L))
    out.append(f'<section id="people"><h{L + 1}>Summary of people\'s experiences</h{L + 1}>'
               + "".join(f"<p>{e(p)}</p>" for p in f["people"]) + "</section>")
    out.append(f'<section id="strengths"><h{L + 1}>Summary of strengths, areas for development and next steps</h{L + 1}>'
               + "".join(f"<p>{e(p)}</p>" for p in f["strengths"]) + "</section>")
    if f["pdf"] and g.gen != "A":
        out.append(f'<p class="{g.c("Inline", "download")}"><a href="{ea(f["pdf"]["path"])}">Download this report (PDF, {pdf_label(f)})</a></p>')
    out.append(related(f, fams, g, "summary"))
    return "".join(out)


def body_statement(f, fams, page, g):
    L = g.title_level
    return statement_block(f, fams, page["nums"][0], g, L, True)


def body_theme(f, fams, page, g):
    L = g.title_level
    out = [f'<h{L} class="{g.c("PageTitle")}">{e(page["title"])}</h{L}>']
    out.append(in_page_nav(page["nums"], f, g))
    for n in page["nums"]:
        out.append(statement_block(f, fams, n, g, L + 1, False))
    return "".join(out)


def body_all(f, fams, page, g):
    L = g.title_level
    out = [f'<h{L} class="{g.c("PageTitle")}">{e(page["title"])}</h{L}>']
    lis = []
    for t in (1, 2, 3, 4):
        sub = "".join(f'<li><a href="#{sid(n)}">{e(f["qs_names"][n])}</a></li>' for n in range(1, 10) if QS[n - 1][1] == t)
        lis.append(f'<li><a href="#theme-{t}">{e(THEMES[t][0])}</a><ul>{sub}</ul></li>')
    out.append(f'<nav class="{g.c("Contents")}" aria-labelledby="contents-h"><h{L + 1} id="contents-h">Contents</h{L + 1}><ol>{"".join(lis)}</ol></nav>')
    for t in (1, 2, 3, 4):
        out.append(f'<div class="{g.c("Theme")}" id="theme-{t}"><h{L + 1} class="{g.c("Theme", "title")}">{e(THEMES[t][0])}</h{L + 1}>')
        for n in range(1, 10):
            if QS[n - 1][1] == t:
                out.append(statement_block(f, fams, n, g, L + 2, False))
                out.append(f'<p class="{g.c("BackToTop")}"><a href="#contents-h">Back to top</a></p>')
        out.append("</div>")
    if f["pdf"]:
        out.append(f'<p><a href="{ea(f["pdf"]["path"])}">Download this report (PDF, {pdf_label(f)})</a></p>')
    return "".join(out)


BODY = {"about": body_about, "summary": body_summary, "statement": body_statement, "theme": body_theme, "all": body_all}


# ----------------------------------------------------------------- document shell
CSS = {g: f"/_next/static/css/{hx('css' + g, 16)}.css" for g in "ABC"}
JS = {g: [f"/_next/static/chunks/webpack-{hx('wp' + g, 16)}.js", f"/_next/static/chunks/main-{hx('main' + g, 16)}.js",
          f"/_next/static/chunks/pages/_app-{hx('app' + g, 16)}.js"] for g in "AB"}
JS["C"] = [f"/_next/static/chunks/webpack-{hx('wpC', 16)}.js", f"/_next/static/chunks/{hx('c1', 4)}-{hx('c1x', 16)}.js",
           f"/_next/static/chunks/main-app-{hx('mainC', 16)}.js"]
BUILD_ID = {"A": "x7Q2mVb0kzLp1sR9aT3fN", "B": "Hq8cW2nJd5eYv0LrK4tZp", "C": "pF3sD9gLk2WmXc7Vb1QaR"}


def site_header(g):
    links = [("/care-services", "Care services"), ("/about-us", "About us"), ("/contact-us", "Contact us")]
    nav = "".join(f'<li><a href="{h}" class="{g.c("SiteNav", "link")}">{t}</a></li>' for h, t in links)
    return (f'<a href="#main-content" class="{g.c("SkipLink")}">Skip to main content</a>'
            f'<header class="{g.c("SiteHeader")}" role="banner"><div class="{g.c("SiteHeader", "inner")}">'
            f'<a href="/" class="{g.c("SiteHeader", "logo")}" aria-label="Care Quality Commission home page">'
            f'<svg width="120" height="40" aria-hidden="true" focusable="false"><rect width="120" height="40" fill="#5a2d82"></rect></svg></a>'
            f'<form action="/search/all" method="get" role="search" class="{g.c("Search")}"><label for="site-search" class="sr-only">Search</label>'
            f'<input id="site-search" name="query" type="search" value=""/><button type="submit">Search</button></form>'
            f'<nav aria-label="Main" class="{g.c("SiteNav")}"><ul>{nav}</ul></nav></div></header>')


def site_footer(g):
    links = [("/accessibility", "Accessibility"), ("/privacy-notice", "Privacy"), ("/contact-us", "Contact us")]
    return (f'<footer class="{g.c("SiteFooter")}"><ul>' + "".join(f'<li><a href="{h}">{t}</a></li>' for h, t in links)
            + f'</ul><p>© Care Quality Commission</p></footer>')


def shell(g, title, main, route, extra_props=None):
    head = (f'<meta charSet="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/>'
            f'<title>{e(title)}</title>')
    if g.gen in "AB":
        head += (f'<meta name="next-head-count" content="3"/><link rel="preload" href="{CSS[g.gen]}" as="style"/>'
                 f'<link rel="stylesheet" href="{CSS[g.gen]}" data-n-g=""/><noscript data-n-css=""></noscript>'
                 + "".join(f'<script src="{s}" defer=""></script>' for s in JS[g.gen]))
        if g.gen == "B":
            head += f'<style data-styled="" data-styled-version="5.3.11">.{alpha("TagrootB", 6)}{{display:inline-block;padding:2px 8px;}}</style>'
        data = {"props": {"pageProps": extra_props or {}, "__N_SSP": True}, "page": "/[[...slug]]",
                "query": {"slug": [p for p in route.split("/") if p]}, "buildId": BUILD_ID[g.gen],
                "isFallback": False, "gssp": True, "scriptLoader": []}
        tail = f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(data, separators=(",", ":"))}</script>'
        body = f'<div id="__next">{site_header(g)}<main id="main-content" class="{g.c("Main")}">{main}</main>{site_footer(g)}</div>{tail}'
    else:
        head += (f'<link rel="stylesheet" href="{CSS["C"]}" data-precedence="next"/>'
                 + "".join(f'<script src="{s}" async=""></script>' for s in JS["C"]))
        flight = json.dumps(f'2:I["{hx("flight", 4)}",[],""]\n0:["{BUILD_ID["C"]}",[["",{{"children":["care-services",{{}}]}}]]]\n')
        tail = (f'<script>(self.__next_f=self.__next_f||[]).push([0]);self.__next_f.push([2,null])</script>'
                f'<script>self.__next_f.push([1,{flight}])</script>')
        body = (f'{site_header(g)}<!--$--><main id="main-content" class="{g.c("Main")}">{main}</main><!--/$-->'
                f'{site_footer(g)}{tail}')
    return f'<!DOCTYPE html><html lang="en-GB"><head>{head}</head><body>{body}</body></html>'


def report_page(f, fams, page):
    g = Gen(f["gen"])
    hdr_cls = g.c("ReportHeader", "title")
    if g.gen == "B":
        header = f'<p class="{hdr_cls}">{e(f["header"])}</p>'
    else:
        header = f'<h1 class="{hdr_cls}">{e(f["header"])}</h1>'
    top = (f'<div class="{g.c("ReportHeader")}">{header}{dates_line(f, page, g)}</div>{downloads(f, g)}')
    body = BODY[page["kind"]](f, fams, page, g)
    nav = report_nav(f, page, g)
    pn = prev_next(f, page, g)
    crumbs = breadcrumbs(f, page, g)
    if g.gen == "A":
        main = f'{crumbs}<div class="{g.c("Layout")}"><div class="{g.c("Layout", "content")}">{top}<article>{body}</article>{pn}</div><div class="{g.c("Layout", "sidebar")}">{nav}</div></div>'
    elif g.gen == "B":
        main = f'{crumbs}<div class="{g.c("Hero")}">{top}</div><div class="{g.c("Grid")}"><aside class="{g.c("Grid", "side")}">{nav}</aside><article class="{g.c("Grid", "main")}">{body}{pn}</article></div>'
    else:
        main = f'{crumbs}{top}<div class="{g.c("Columns")}">{nav}<article class="{g.c("Columns", "content")}">{body}</article></div>{pn}'
    title = f'{page["title"]} - {f["header"]} - Care Quality Commission'
    props = {"node": {"id": hx(page["path"], 8) + "-" + hx(page["path"] + "x", 4), "type": "node--la_assessment_page",
                      "title": page["title"], "path": {"alias": page["path"]}, "changed": page["updated"].isoformat() + "T09:00:00+00:00"}}
    return shell(g, title, main, page["path"], props)


# ----------------------------------------------------------------- listing
PER_PAGE = 6


def listing_pages(fams):
    g = Gen("C")
    formal = sorted([f for f in fams if f["kind"] == "formal"], key=lambda f: (f["published"], f["slug"]), reverse=True)
    pilots = [f for f in fams if f["kind"] == "pilot"]
    chunks = [formal[i:i + PER_PAGE] for i in range(0, len(formal), PER_PAGE)]
    n = len(chunks)
    out = []
    for i, chunk in enumerate(chunks, 1):
        cards = "".join(
            f'<li class="{g.c("ListingCard")}"><h3 class="{g.c("ListingCard", "title")}"><a href="{ea(f["base"])}">{e(f["council"])}: local authority assessment</a></h3>'
            f'<p class="{g.c("ListingCard", "meta")}">Published <time dateTime="{f["published"].isoformat()}">{e(fmt_date(f["published"], "long"))}</time></p></li>'
            for f in chunk)
        parts = [f'<h1 class="{g.c("PageTitle")}">Local authority assessment reports</h1>',
                 f'<p>We assess how local authorities meet their duties under Part 1 of the Care Act 2014. Read our reports below.</p>',
                 f'<section aria-labelledby="reports"><h2 id="reports">Assessment reports</h2>'
                 f'<p class="{g.c("Results")}">Showing {(i - 1) * PER_PAGE + 1} to {(i - 1) * PER_PAGE + len(chunk)} of {len(formal)} reports</p>'
                 f'<ul class="{g.c("ListingList")}">{cards}</ul></section>']
        # pager
        items = []
        if i > 1:
            prev = LIST if i == 2 else f"{LIST}?page={i - 1}"
            items.append(f'<li><a href="{prev}" rel="prev">Previous<span class="sr-only"> page</span></a></li>')
        for j in range(1, n + 1):
            href = LIST if j == 1 else f"{LIST}?page={j}"
            if j == i:
                items.append(f'<li><a href="{href}" aria-current="page"><span class="sr-only">Page </span>{j}</a></li>')
            else:
                items.append(f'<li><a href="{href}"><span class="sr-only">Page </span>{j}</a></li>')
        if i < n:
            items.append(f'<li><a href="{LIST}?page={i + 1}" rel="next">Next<span class="sr-only"> page</span></a></li>')
        parts.append(f'<nav aria-label="Results pages" class="{g.c("Pagination")}"><ul>{"".join(items)}</ul></nav>')
        parts.append(f'<section aria-labelledby="inprogress"><h2 id="inprogress">Assessments in progress</h2>'
                     f'<p>We are currently assessing these local authorities:</p><ul>'
                     + "".join(f"<li>{e(x)}</li>" for x in IN_PROGRESS) + "</ul></section>")
        if i == n:
            parts.append(f'<section aria-labelledby="pilots"><h2 id="pilots">Pilot assessments</h2>'
                         f'<p>In 2023 we piloted our assessment approach with a small number of local authorities. These reports give indicative ratings and scores.</p><ul>'
                         + "".join(f'<li><a href="{ea(f["base"])}">{e(f["council"])}: local authority assessment</a></li>' for f in pilots)
                         + "</ul></section>")
        main = (f'<nav aria-label="Breadcrumb" class="{g.c("Breadcrumbs")}"><ol><li><a href="/">Home</a></li>'
                f'<li><a href="/care-services">Care services</a></li><li aria-current="page">Local authority assessment reports</li></ol></nav>'
                + "".join(parts))
        title = "Local authority assessment reports - Care Quality Commission" + (f" (page {i} of {n})" if i > 1 else "")
        out.append((i, shell(g, title, main, LIST)))
    return out


def stub_page(path, title):
    g = Gen("C")
    main = f'<h1>{e(title)}</h1><p>This page is part of the wider Care Quality Commission website.</p><p><a href="{LIST}">Local authority assessment reports</a></p>'
    return shell(g, title + " - Care Quality Commission", main, path)


# ----------------------------------------------------------------- keys
def key_for(f):
    k = {
        "slug": f["slug"], "url": f["base"], "council": f["council"], "la_code": f["la_code"], "kind": f["kind"],
        "expect": {"not_loaded": f["not_loaded"]} if f.get("not_loaded") else "loads",
        "published": f["published"].isoformat(), "last_updated": f["last_updated"].isoformat(),
        "rating": f["rating_shown"], "overall_pct": None if f["kind"] == "pilot" else f["pct_shown"],
        "scores": {str(n): f["scores"][n - 1] for n in range(1, 10) if f["missing_score"] != n},
        "statements": {str(n): f["statements"][n] for n in range(1, 10)},
        "people_experience": f["people"],
        "demographics": fact_keys(f["demo"], f["demo_style"]),
        "financial_facts": fact_keys(f["fin"], f["fin_style"]),
        "pdf": None,
    }
    if f["pdf"]:
        k["pdf"] = {"url": f["pdf"]["path"], "engine": f["pdf_engine"], "carries": f["pdf_carries"]}
    return k


def write(rel, data, ctype):
    path = os.path.join(SITE, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(path, mode, **({} if mode == "wb" else {"encoding": "utf-8"})) as fh:
        fh.write(data)
    return rel


def route(path, rel, ctype):
    ROUTES[path] = {"file": rel, "type": ctype}


def main():
    for d in ("pages", "pdf", "answers", "static"):
        shutil.rmtree(os.path.join(SITE, d), ignore_errors=True)
    fams = prepare()
    # pdfs first (pages print their sizes)
    for f in fams:
        f["page_of"] = {}
        for p in f["pages"]:
            for n in p["nums"]:
                f["page_of"][n] = p["path"] + ("" if p["kind"] == "statement" else f"#{sid(n)}")
        for n in range(1, 10):
            f["page_of"].setdefault(n, f["pages"][1]["path"])
        if f["pdf"]:
            rel = f"pdf/{f['slug']}.pdf"
            engine, carries = pdfs.make(f, os.path.join(SITE, rel))
            f["pdf_engine"], f["pdf_carries"] = engine, carries
            f["pdf_size"] = os.path.getsize(os.path.join(SITE, rel))
            route(f["pdf"]["path"], rel, "application/pdf")
    for f in fams:
        for p in f["pages"]:
            rel = f"pages/{f['slug']}/{p['key']}.html"
            write(rel, report_page(f, fams, p), "text/html")
            route(p["path"], rel, "text/html; charset=utf-8")
        write(f"answers/{f['slug']}.json", json.dumps(key_for(f), indent=2, ensure_ascii=False) + "\n", "")
    for i, doc in listing_pages(fams):
        rel = write(f"pages/listing/page-{i}.html", doc, "")
        route(LIST if i == 1 else f"{LIST}?page={i}", rel, "text/html; charset=utf-8")
        if i == 1:
            route(f"{LIST}?page=1", rel, "text/html; charset=utf-8")
    for path, title in (("/", "Care Quality Commission"), ("/care-services", "Care services"), ("/about-us", "About us"),
                        ("/contact-us", "Contact us"), ("/accessibility", "Accessibility statement"),
                        ("/privacy-notice", "Privacy notice"), ("/search/all", "Search")):
        rel = write(f"pages/stubs/{path.strip('/').replace('/', '-') or 'home'}.html", stub_page(path, title), "")
        route(path, rel, "text/html; charset=utf-8")
    for g in "ABC":
        rel = write(f"static/{g}.css", f"/* generation {g} */ body{{font-family:Arial,sans-serif}} .sr-only{{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}}\n", "")
        route(CSS[g], rel, "text/css")
        for s in JS[g]:
            rel = write(f"static/{os.path.basename(s)}", "/* chunk */\n", "")
            route(s, rel, "application/javascript")
    write("robots.txt", "User-agent: *\nAllow: /\n", "")
    route("/robots.txt", "robots.txt", "text/plain")
    with open(os.path.join(SITE, "routes.json"), "w") as fh:
        json.dump(dict(sorted(ROUTES.items())), fh, indent=1)
        fh.write("\n")
    write_notes(fams)
    print(f"{len(fams)} families, {len(ROUTES)} routes")
    return fams


GEN_DESC = {"A": "A: Next.js pages router, CSS-module classes (`Comp_part__hash`); council header h1, page title h2",
            "B": "B: styled-components classes (`sc-xxxxxx yyyyyy`), React `<!-- -->` text separators; header is a `<p>` kicker, page title h1, dates in a `<dl>` with `<time>`",
            "C": "C: app router (`self.__next_f` flight scripts, `<!--$-->` markers), emotion `css-xxxxxxx` classes; header h1, page title h2, dates in one line with `<time>`"}


def write_notes(fams):
    rows = []
    for f in fams:
        pages = f["pages"]
        sub = pages[1]["path"].replace(f["base"], "…") + ", " + pages[2]["path"].replace(f["base"], "…")
        st = STYLE[f["slug"]]
        pdf = "-" if not f["pdf"] else f'{f["pdf_engine"].split(" (")[0]}{" " + f["pdf_engine"].split(" from ")[1] if " from " in f["pdf_engine"] else ""}: `{f["pdf"]["path"]}`'
        exp = "loads" if not f.get("not_loaded") else "**not_loaded**"
        rows.append(f'| `{f["slug"]}` | {f["kind"]} | {exp} | {f["gen"]} | {f["grouping"]} ({len(pages)} pages) | `{sub}` | '
                    f'{st[0]} / {st[1]} / {st[2]} | {st[3]}, I-statements {st[4]} | {f["date_fmt"]} | {f["demo_style"]} / {f["fin_style"]} | {pdf} |')
    table = "\n".join(rows)
    text = NOTES_TEMPLATE.replace("{TABLE}", table).replace("{GENS}", "\n".join("- " + v for v in GEN_DESC.values()))
    write("NOTES.md", text, "")


NOTES_TEMPLATE = open(os.path.join(os.path.dirname(__file__), "NOTES.template.md"), encoding="utf-8").read()


if __name__ == "__main__":
    main()
