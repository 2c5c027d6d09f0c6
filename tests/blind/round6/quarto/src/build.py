"""Generate the 'quarto' blind site: HTML pages (Pandoc/Quarto-style output), PDFs
(Chromium print-to-pdf and LibreOffice from .docx), routes.json and answer keys.
Run: /tmp/blind-quarto/venv/bin/python src/build.py   (from the site directory)"""
import datetime as dt
import html
import json
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
from data import STMTS, THEMES, BAND, band_of, gen_texts  # noqa: E402
from families import F, demographics, financial  # noqa: E402

SITE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BASE = "/care-services/local-authority-assessment-reports"
ROUTES = {}
E = html.escape


def smart(s):
    """Pandoc's smart extension: curly apostrophes and quotes."""
    s = re.sub(r"(\w)'(\w)", "\\1\u2019\\2", s)
    return s


def pct_of(scores):
    return int(sum(scores.values()) * 100 / 36 + 0.5)


def fdate(iso, style):
    d = dt.date.fromisoformat(iso)
    if style == "short":
        return f"{d.day} {d.strftime('%b')} {d.year}"
    if style == "numeric":
        return d.strftime("%d/%m/%Y")
    return f"{d.day} {d.strftime('%B')} {d.year}"


def tdate(iso, style):
    return f'<time datetime="{iso}">{fdate(iso, style)}</time>'


def write(path_url, content, ctype="text/html; charset=utf-8"):
    p = "/index" if path_url == "/" else path_url
    rel = "pages" + p.replace("?", "__").replace("=", "-") + ".html"
    full = os.path.join(SITE, rel)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8") as fh:
        fh.write(content)
    ROUTES[path_url] = {"file": rel, "type": ctype}


# ---------------------------------------------------------------- family model

def header_title(f):
    return f"{f['council']} assessment" if f["kind"] == "pilot" else f"{f['council']}: local authority assessment"


def pages_of(f):
    """List of (url, kind, payload) in reading order."""
    s, g = f["slug"], f["grouping"]
    out = [(f"{BASE}/{s}", "about", None)]
    if g == "statement-sib":
        out.append((f"{BASE}/{s}-summary", "summary", None))
        for n, (name, t, sl, short) in STMTS.items():
            out.append((f"{BASE}/{s}-theme{t}-{short}", "stmts", [n]))
    elif g == "statement-nested":
        out.append((f"{BASE}/{s}/overall-summary", "summary", None))
        for n, (name, t, sl, short) in STMTS.items():
            out.append((f"{BASE}/{s}/theme-{t}/{sl}", "stmts", [n]))
    elif g == "statement-pilot":
        out.append((f"{BASE}/{s}/overall-summary", "summary", None))
        for n, (name, t, sl, short) in STMTS.items():
            out.append((f"{BASE}/{s}/{t}-{THEMES[t][1].replace('working-with-people', 'working-with-people')}/{sl.replace('-and-', '-')}", "stmts", [n]))
    elif g == "theme":
        out.append((f"{BASE}/{s}/overall-summary" if f["kind"] == "pilot" else f"{BASE}/{s}/summary", "summary", None))
        for t, (tname, tsl) in THEMES.items():
            ns = [n for n, v in STMTS.items() if v[1] == t]
            url = f"{BASE}/{s}/{t}-{tsl}" if f["kind"] == "pilot" else f"{BASE}/{s}-theme{t}"
            out.append((url, "stmts", ns))
    elif g == "single":
        out.append((f"{BASE}/{s}/overall-summary", "summary", None))
        out.append((f"{BASE}/{s}/quality-statements", "stmts", list(range(1, 10))))
    return out


def page_label(f, kind, payload):
    if kind == "about":
        return f"About {f['council']}"
    if kind == "summary":
        return "Overall summary"
    if len(payload) == 1:
        return STMTS[payload[0]][0]
    if len(payload) == 9:
        return "Quality statements"
    return THEMES[STMTS[payload[0]][1]][0]


def pdf_url(f):
    if not f.get("pdf"):
        return None
    d = dt.date.fromisoformat(f["pub"])
    if f["pdf"] == "chromium":
        return f"/sites/default/files/{d.year}-{d.month:02d}/{f['slug'].lower()}-local-authority-assessment.pdf"
    return f"/sites/default/files/documents/{d.strftime('%Y%m%d')}_{f['short'].replace(' ', '_')}_LA_assessment_report.pdf"


# ---------------------------------------------------------------- HTML pieces

class Sec:
    """Section numbering helper (Quarto number-sections)."""

    def __init__(self, on, top=1):
        self.on = on
        self.c = [top - 1, 0, 0]

    def h(self, level, text, ident, tag_level=None):
        tl = tag_level or level + 1
        num = ""
        if self.on and level <= 2:
            if level == 1:
                self.c[0] += 1
                self.c[1] = 0
                num = f"{self.c[0]}"
            else:
                self.c[1] += 1
                num = f"{self.c[0]}.{self.c[1]}"
            return (f'<h{tl} data-number="{num}" class="anchored" data-anchor-id="{ident}">'
                    f'<span class="header-section-number">{num}</span> {E(text)}</h{tl}>')
        return f'<h{tl} class="anchored" data-anchor-id="{ident}">{E(text)}</h{tl}>'


def slugify(t):
    return re.sub(r"[^a-z0-9]+", "-", t.lower()).strip("-")


def score_block(f, n):
    sc = f["scores"][str(n)]
    fmt = f["score_fmt"]
    if f.get("missing") == n:
        return '<p class="qs-score">Score: </p>\n<p class="qs-score-label">Score to follow</p>'
    if fmt == "pilot":
        return (f'<p class="indicative-label"><strong>Indicative score:</strong></p>\n'
                f'<p class="indicative-value">{sc} - {BAND[sc]}</p>')
    if fmt == "notes":
        return f'<p class="qs-score">Score: {sc}</p>\n<p class="qs-score-label">{sc} - {BAND[sc]}</p>'
    if fmt == "callout":
        return (f'<div class="callout callout-style-default callout-note callout-titled">\n'
                f'<div class="callout-header d-flex align-content-center"><div class="callout-icon-container"><i class="callout-icon"></i></div>'
                f'<div class="callout-title-container flex-fill">Quality statement score</div></div>\n'
                f'<div class="callout-body-container callout-body">\n<p><strong>{sc} out of 4</strong>: {BAND[sc]}</p>\n</div>\n</div>')
    if fmt == "summarylist":
        return (f'<dl class="govuk-summary-list">\n<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Score</dt>'
                f'<dd class="govuk-summary-list__value">{sc}<span class="govuk-visually-hidden"> out of 4</span></dd></div>\n'
                f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">What this score means</dt>'
                f'<dd class="govuk-summary-list__value">{BAND[sc]}</dd></div>\n</dl>')
    if fmt == "badge":
        return (f'<p class="qs-score"><span class="badge rounded-pill score-badge score-badge--{sc}">'
                f'<span class="visually-hidden">Score: </span>{sc}/4</span> <span class="score-phrase">{BAND[sc]}</span></p>')
    if fmt == "table":
        name = STMTS[n][0]
        return (f'<table class="table score-table">\n<caption>Score for {E(name)}</caption>\n<colgroup><col style="width: 50%"><col style="width: 10%"><col style="width: 40%"></colgroup>\n'
                f'<thead>\n<tr class="header"><th style="text-align: left;">Quality statement</th><th style="text-align: center;">Score</th><th style="text-align: left;">Meaning</th></tr>\n</thead>\n'
                f'<tbody>\n<tr class="odd"><td style="text-align: left;">{E(name)}</td><td style="text-align: center;">{sc}</td><td style="text-align: left;">{BAND[sc]}</td></tr>\n</tbody>\n</table>')
    raise ValueError(fmt)


def statement_html(f, n, st, sec, lvl, q):
    """lvl: section level of the statement heading (1 -> h2 in page)."""
    name, t, sl, short = STMTS[n]
    ident = slugify(name)
    hl = lvl + 1  # html heading level of statement
    pilot = f["kind"] == "pilot"
    out = []
    inner = []
    detail_mode = f.get("details") and f["grouping"] == "single"
    head = None if detail_mode else sec.h(lvl, name, ident, hl)
    inner.append(score_block(f, n))
    inner.append(f'<section id="{ident}-expect" class="level{hl + 1}">')
    inner.append(sec.h(lvl + 1, "What people expect", f"{ident}-expect", hl + 1))
    inner.append('<ul>\n' + "\n".join(f"<li>{q(x)}</li>" for x in st["what_people_expect"]) + '\n</ul>\n</section>')
    ctitle = "The local authority commitment:" if pilot else "The local authority commitment"
    inner.append(f'<section id="{ident}-commitment" class="level{hl + 1}">')
    inner.append(sec.h(lvl + 1, ctitle, f"{ident}-commitment", hl + 1))
    inner.append(f'<blockquote class="commitment"><p>{q(st["commitment"])}</p></blockquote>\n</section>' if f["layout"] != "drupal"
                 else f'<p class="commitment">{q(st["commitment"])}</p>\n</section>')
    inner.append(f'<section id="{ident}-findings" class="level{hl + 1}">')
    inner.append(sec.h(lvl + 1, "Key findings for this quality statement", f"{ident}-findings", hl + 1))
    for kf in st["key_findings"]:
        if kf["heading"]:
            inner.append(f'<h{hl + 2} id="{ident}-{slugify(kf["heading"])[:40]}">{E(kf["heading"])}</h{hl + 2}>')
        for p in kf["paragraphs"]:
            inner.append(f"<p>{q(p)}</p>")
    inner.append("</section>")
    body = "\n".join(inner)
    if detail_mode:
        out.append(f'<details class="accordion-item" id="{ident}"{" open" if n == 1 else ""}>\n'
                   f'<summary class="accordion-button"><h{hl} class="accordion-header">{E(name)}</h{hl}></summary>\n'
                   f'<div class="accordion-body">\n{body}\n</div>\n</details>')
        sec.c[1] += 0
    else:
        out.append(f'<section id="{ident}" class="level{hl}" data-number="">')
        out.append(head)
        out.append(body)
        out.append("</section>")
    return "\n".join(out)


def rating_phrase(r):
    return {"Outstanding": BAND[4], "Good": BAND[3], "Requires improvement": BAND[2], "Inadequate": BAND[1]}[r]


def summary_scores_html(f, sec, q):
    fmt = f["summary_fmt"]
    pilot = f["kind"] == "pilot"
    lab = "Indicative score" if pilot else "Score"
    rows = []
    for n, (name, t, sl, short) in STMTS.items():
        rows.append((n, name, t, f["scores"][str(n)] if f.get("missing") != n else None))
    if fmt == "pairs":
        parts = []
        for n, name, t, sc in rows:
            parts.append(f'<div class="qs-score-pair"><h4>{E(name)}</h4>\n<p>{lab}: {sc if sc is not None else ""}</p></div>')
        return "\n".join(parts)
    if fmt == "table_rowspan":
        out = ['<table class="table table-sm scores-by-theme">',
               f'<caption>Table 1: {"Indicative q" if pilot else "Q"}uality statement scores for {E(f["council"])}</caption>',
               '<thead>\n<tr class="header"><th scope="col">Theme</th><th scope="col">Quality statement</th>'
               f'<th scope="col">{lab}</th></tr>\n</thead>\n<tbody>']
        for t, (tname, _) in THEMES.items():
            trs = [r for r in rows if r[2] == t]
            for i, (n, name, _, sc) in enumerate(trs):
                th = f'<th scope="rowgroup" rowspan="{len(trs)}">{E(tname)}</th>' if i == 0 else ""
                out.append(f'<tr>{th}<td>{E(name)}</td><td>{sc if sc is not None else "Not published"}</td></tr>')
        out.append("</tbody>\n</table>")
        return "\n".join(out)
    if fmt == "dl":
        out = ['<dl class="qs-scores">']
        for n, name, t, sc in rows:
            out.append(f"<dt>{E(name)}</dt>\n<dd>{sc} - {BAND[sc]}</dd>")
        out.append("</dl>")
        return "\n".join(out)
    if fmt == "cards":
        out = ['<div class="grid qs-cards">']
        for n, name, t, sc in rows:
            out.append(f'<div class="card g-col-12 g-col-md-4"><div class="card-body">'
                       f'<h4 class="card-title">{E(name)}</h4>'
                       f'<p class="card-text"><span class="score-value">{sc}</span> <span class="score-of">out of 4</span></p>'
                       f'<p class="card-text small">{BAND[sc]}</p></div></div>')
        out.append("</div>")
        return "\n".join(out)
    raise ValueError(fmt)


def score_figure(f):
    bars = []
    for i, (n, (name, t, sl, short)) in enumerate(STMTS.items()):
        sc = f["scores"][str(n)]
        y = 10 + i * 26
        bars.append(f'<text x="0" y="{y + 14}" font-size="11">QS{n}</text>'
                    f'<rect x="40" y="{y}" width="{sc * 60}" height="18" fill="#5c2d91"></rect>'
                    f'<text x="{46 + sc * 60}" y="{y + 14}" font-size="11">{sc}</text>')
    return ('<div id="fig-scores" class="quarto-figure quarto-figure-center anchored">\n<figure class="figure">\n'
            f'<svg role="img" aria-labelledby="fig-scores-cap" width="320" height="250" viewBox="0 0 320 250">{"".join(bars)}</svg>\n'
            f'<figcaption id="fig-scores-cap" class="figure-caption">Figure 1: Quality statement scores, {E(f["short"])} (QS1 to QS9, 1 to 4)</figcaption>\n'
            '</figure>\n</div>')


def related_html(f):
    others = [g for g in F if g["kind"] == "formal" and not g.get("not_loaded") and g["slug"] != f["slug"]]
    i = F.index(f)
    pick = [others[(i * 3 + k * 5) % len(others)] for k in range(3)]
    items = []
    for g in pick:
        items.append(f'<li class="related-item"><a href="{BASE}/{g["slug"]}">{E(g["council"])}: local authority assessment</a>'
                     f' <span class="related-meta">{g["rating"]}, {pct_of(g["scores"])}%</span></li>')
    return ('<aside class="related-content" aria-labelledby="related-heading">\n<h2 id="related-heading">Other local authority assessments</h2>\n<ul>\n'
            + "\n".join(items) + "\n</ul>\n</aside>")


def dl_or_list(items, fmt, caption):
    if all("label" in x for x in items) and fmt == "table":
        rows = "\n".join(f'<tr><th scope="row">{E(x["label"])}</th><td>{E(x["value"])}</td></tr>' for x in items)
        return f'<table class="table facts">\n<caption>{E(caption)}</caption>\n<tbody>\n{rows}\n</tbody>\n</table>'
    if all("label" in x for x in items):
        rows = "\n".join(f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{E(x["label"])}</dt>'
                         f'<dd class="govuk-summary-list__value">{E(x["value"])}</dd></div>' for x in items)
        return f'<dl class="govuk-summary-list facts">\n{rows}\n</dl>'
    return "<ul>\n" + "\n".join(f"<li>{E(x['text'])}</li>" for x in items) + "\n</ul>"


CSS_URL = "/themes/custom/cqc_theme/css/report.css"


def page(f, url, kind, payload, texts, people, allpages):
    lay = f["layout"]
    q = (lambda s: E(smart(s))) if lay in ("quarto", "pandoc") else E
    ds = f["date_fmt"]
    numbered = lay == "quarto"
    sec = Sec(numbered)
    pdf = pdf_url(f)
    title = header_title(f)
    label = page_label(f, kind, payload)
    pub = tdate(f["pub"], ds) if lay == "quarto" else fdate(f["pub"], ds)
    upd = ""
    if f["upd"]:
        upd = tdate(f["upd"], ds) if lay == "quarto" else fdate(f["upd"], ds)
    size = "1.2 MB" if f["pdf"] == "lo" else "860 KB"

    # --- report header (every page)
    if lay == "quarto":
        meta = (f'<div class="quarto-title-meta">\n<div><div class="quarto-title-meta-heading">Published:</div>'
                f'<div class="quarto-title-meta-contents"><p class="date">{pub}</p></div></div>\n')
        if upd:
            meta += (f'<div><div class="quarto-title-meta-heading">Page last updated:</div>'
                     f'<div class="quarto-title-meta-contents"><p class="date-modified">{upd}</p></div></div>\n')
        meta += "</div>"
        dl = (f'<div class="quarto-alternate-formats"><h2>Downloads</h2><ul><li><a href="{pdf}"><i class="bi bi-file-pdf"></i>'
              f'{E(f["council"])} report (PDF, {size})</a></li></ul></div>' if pdf else
              '<div class="quarto-alternate-formats"><h2>Downloads</h2><p>There are no downloads for this report.</p></div>')
        header = (f'<header id="title-block-header" class="quarto-title-block default">\n<div class="quarto-title">\n'
                  f'<div class="quarto-title-kicker">Local authority assessment reports</div>\n'
                  f'<h1 class="title">{E(title)}</h1>\n</div>\n{meta}\n{dl}\n</header>')
    elif lay == "pandoc":
        ups = f" Page last updated: {upd}" if upd else ""
        dl = (f'<div class="downloads"><h2 class="unnumbered">Downloads</h2><ul><li><a href="{pdf}">Download the full report (PDF, {size})</a></li></ul></div>'
              if pdf else '<div class="downloads"><h2 class="unnumbered">Downloads</h2><ul><li>No downloadable version is available.</li></ul></div>')
        header = (f'<header id="title-block-header">\n<h1 class="title">{E(title)}</h1>\n'
                  f'<p class="date">Published: {pub}{ups}</p>\n</header>\n{dl}')
    else:
        ups = f'<span class="page-dates__updated">Page last updated: {upd}</span>' if upd else ""
        dl = (f'<div class="block block--downloads"><h2 class="block__title">Downloads</h2><ul class="file-list"><li class="file file--pdf">'
              f'<a href="{pdf}" type="application/pdf">{E(f["short"])} local authority assessment report</a> <span class="file__size">(PDF, {size})</span></li></ul></div>'
              if pdf else '<div class="block block--downloads"><h2 class="block__title">Downloads</h2><p>No files available</p></div>')
        header = (f'<div class="report-header">\n<h1 class="page-title">{E(title)}</h1>\n'
                  f'<p class="page-dates"><span class="page-dates__published">Published: {pub}</span> {ups}</p>\n{dl}\n</div>')

    # --- body
    b = []
    if kind == "about":
        b.append(f'<section id="about" class="level2">')
        b.append(sec.h(1, f"About {f['council']}", "about", 2))
        b.append(f'<p class="assessment-date">Assessment published: {fdate(f["pub"], ds)}</p>')
        if f["kind"] == "pilot":
            b.append(f'<p class="assessment-date">Assessment start date: {fdate(f["start"], ds)}</p>')
        b.append(f'<section id="demographics" class="level3">')
        b.append(sec.h(2, "Demographics", "demographics", 3))
        if lay != "drupal":
            b.append(f'<p>Population and age figures are from the Office for National Statistics.<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a></p>')
        b.append(dl_or_list(demographics(f), f["demo_fmt"], "Table 1: Demographics"))
        b.append("</section>")
        b.append(f'<section id="financial-facts" class="level3">')
        b.append(sec.h(2, "Financial facts", "financial-facts", 3))
        b.append(dl_or_list(financial(f), f["demo_fmt"], "Table 2: Financial facts"))
        b.append("</section>\n</section>")
        if lay != "drupal":
            b.append('<section id="footnotes" class="footnotes footnotes-end-of-document" role="doc-endnotes"><hr>\n<ol>\n'
                     '<li id="fn1"><p>ONS mid-year population estimates and the English Indices of Deprivation 2019.'
                     '<a href="#fnref1" class="footnote-back" role="doc-backlink">\u21a9\ufe0e</a></p></li>\n</ol>\n</section>')
    elif kind == "summary":
        pilot = f["kind"] == "pilot"
        b.append('<section id="overall-summary" class="level2">')
        b.append(sec.h(1, "Overall summary", "overall-summary", 2))
        b.append('<section id="rating" class="level3">')
        if pilot:
            b.append(sec.h(2, "Local authority indicative rating", "rating", 3))
            b.append('<div class="callout callout-style-simple callout-important"><div class="callout-body-container">'
                     '<p>This was a pilot assessment. Ratings and scores are indicative.</p></div></div>')
            b.append(f'<p class="la-name">{E(f["council"])}</p>')
            b.append(f'<p class="la-rating"><strong>{f["rating"]}</strong>: {rating_phrase(f["rating"])}</p>')
        else:
            b.append(sec.h(2, "Local authority rating and score", "rating", 3))
            rc = f.get("rating_case", f["rating"])
            pct = f.get("printed_pct", pct_of(f["scores"]))
            pct_s = f"{pct} per cent" if f.get("pct_style") == "percent" else f"{pct}%"
            if f["summary_fmt"] == "cards":
                b.append(f'<div class="card rating-card"><div class="card-body"><p class="card-subtitle">{E(f["council"])}</p>'
                         f'<p class="card-title rating rating--{slugify(f["rating"])}">{rc}</p>'
                         f'<p class="card-text">Overall rating for {E(f["council"])}: <span class="pct">{pct_s}</span></p></div></div>')
            else:
                b.append(f'<p class="la-name">{E(f["council"])}</p>\n<p class="la-rating">{rc}</p>')
                b.append(f'<p class="la-pct">Overall rating for {E(f["council"])}: {pct_s}</p>')
        b.append("</section>")
        b.append('<section id="quality-statement-scores" class="level3">')
        b.append(sec.h(2, "Quality statement scores", "quality-statement-scores", 3))
        b.append(summary_scores_html(f, sec, q))
        if lay == "quarto" and f.get("missing") is None:
            b.append(score_figure(f))
        b.append("</section>")
        if pdf and lay != "quarto":
            b.append(f'<p class="download-inline"><a href="{pdf}">Download this report (PDF, {size})</a></p>')
        b.append('<section id="summary-of-peoples-experiences" class="level3">')
        b.append(sec.h(2, "Summary of people's experiences" if lay == "drupal" else "Summary of people\u2019s experiences",
                       "summary-of-peoples-experiences", 3))
        for p in people:
            b.append(f"<p>{q(p)}</p>")
        b.append("</section>")
        b.append('<section id="summary-of-strengths" class="level3">')
        b.append(sec.h(2, "Summary of strengths, areas for development and next steps", "summary-of-strengths", 3))
        b.append(f"<p>{q(f['short'] + ' has a clear vision for adult social care. The areas for development we identified are set out under each quality statement, and the council has begun to act on them.')}</p>")
        if lay != "drupal":
            b[-1] = b[-1][:-4] + '<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a></p>'
        b.append("</section>\n</section>")
        if lay != "drupal":
            b.append('<section id="footnotes" class="footnotes footnotes-end-of-document" role="doc-endnotes"><hr>\n<ol>\n'
                     '<li id="fn1"><p>Survey figures quoted in this report are from the Adult Social Care Survey and the Survey of Adult Carers in England.'
                     '<a href="#fnref1" class="footnote-back" role="doc-backlink">\u21a9\ufe0e</a></p></li>\n</ol>\n</section>')
    else:
        ns = payload
        if len(ns) == 1:
            sec.c[0] = 2 + ns[0] - 1
            b.append(statement_html(f, ns[0], texts[str(ns[0])], sec, 1, q))
        elif len(ns) == 9:
            b.append('<section id="quality-statements" class="level2">')
            b.append(sec.h(1, "Quality statements", "quality-statements", 2))
            if f.get("details"):
                b.append('<div class="accordion">')
            for n in ns:
                if not f.get("details") and STMTS[n][1] != STMTS.get(n - 1, (0, 0))[1]:
                    b.append(f'<p class="theme-label">Theme {STMTS[n][1]}: {E(THEMES[STMTS[n][1]][0])}</p>')
                b.append(statement_html(f, n, texts[str(n)], sec, 2, q))
            if f.get("details"):
                b.append("</div>")
            b.append("</section>")
        else:
            t = STMTS[ns[0]][1]
            sec.c[0] = 2 + t - 1
            b.append(f'<section id="theme-{t}" class="level2">')
            b.append(sec.h(1, THEMES[t][0], f"theme-{t}", 2))
            for n in ns:
                b.append(statement_html(f, n, texts[str(n)], sec, 2, q))
            b.append("</section>")

    # --- navigation: contents list, prev/next, breadcrumbs
    idx = [p[0] for p in allpages].index(url)
    toc_items = []
    for (u, k, pl) in allpages:
        lab = page_label(f, k, pl)
        if u == url:
            toc_items.append(f'<li class="active"><span aria-current="page">{E(lab)}</span></li>')
        else:
            toc_items.append(f'<li><a href="{u}">{E(lab)}</a></li>')
    contents = ('<nav class="report-contents" aria-labelledby="report-contents-title"><h2 id="report-contents-title">Contents</h2>'
                f'<ol>{"".join(toc_items)}</ol></nav>')
    prevnext = ['<nav class="page-navigation" aria-label="Previous and next pages">']
    if idx > 0:
        pu, pk, pp = allpages[idx - 1]
        prevnext.append(f'<div class="nav-page nav-page-previous"><a href="{pu}" class="pagination-link"><span class="nav-page-text">Previous: {E(page_label(f, pk, pp))}</span></a></div>')
    if idx < len(allpages) - 1:
        nu, nk, npl = allpages[idx + 1]
        prevnext.append(f'<div class="nav-page nav-page-next"><a href="{nu}" class="pagination-link"><span class="nav-page-text">Next: {E(page_label(f, nk, npl))}</span></a></div>')
    prevnext.append("</nav>")
    crumbs = (f'<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li>'
              f'<li><a href="{BASE}">Local authority assessment reports</a></li>'
              f'<li>{E(f["council"])}</li></ol></nav>')
    # on-page TOC (floating) built from section ids in body
    body_html = "\n".join(b)
    if lay == "pandoc":
        # pandoc pages: the body's top heading is an h1 under the title block's h1
        body_html = re.sub(r"<(/?)h([2-6])\b", lambda m: f"<{m.group(1)}h{int(m.group(2)) - 1}", body_html)
    if kind == "summary":
        body_html += "\n" + related_html(f)
    heads = re.findall(r'<h([23])[^>]*data-anchor-id="([^"]+)"[^>]*>(?:<span class="header-section-number">([^<]*)</span> )?([^<]*)</h\1>', body_html)
    SPAN = '<span class="header-section-number">'
    onpage = "".join(f'<li class="toc-l{lv}"><a href="#{i}" class="nav-link" data-scroll-target="#{i}">'
                     + ((SPAN + num + "</span> ") if num else "") + f'{t}</a></li>'
                     for lv, i, num, t in heads)
    ptitle = f"{label} - {title}"

    qcrumbs = crumbs.replace('class="breadcrumb"', 'class="quarto-page-breadcrumbs"')
    if lay == "quarto":
        main = (f'<div id="quarto-content" class="quarto-container page-columns page-rows-contents page-layout-article">\n'
                f'<div id="quarto-sidebar" class="sidebar collapse sidebar-navigation">{contents}</div>\n'
                f'<div id="quarto-margin-sidebar" class="sidebar margin-sidebar"><nav id="TOC" role="doc-toc" class="toc-active">'
                f'<h2 id="toc-title">On this page</h2><ul>{onpage}</ul></nav></div>\n'
                f'<main class="content" id="quarto-document-content">\n{qcrumbs}\n{header}\n{body_html}\n</main>\n{prevnext and chr(10).join(prevnext)}\n</div>')
    elif lay == "pandoc":
        main = (f'{crumbs}\n<main id="main-content">\n{header}\n'
                f'<nav id="TOC" role="doc-toc"><h2 id="toc-title">Contents</h2><ul>{"".join(toc_items)}</ul></nav>\n'
                f'{body_html}\n{chr(10).join(prevnext)}\n</main>')
    else:
        main = (f'{crumbs}\n<main id="main-content" class="layout-content" role="main">\n<div class="region region--content">\n'
                f'{header}\n<div class="layout-sidebar">{contents}</div>\n'
                f'<article class="node node--type-la-report"><div class="field field--name-body field--type-text-long">\n{body_html}\n</div></article>\n'
                f'{chr(10).join(prevnext)}\n</div>\n</main>')

    gen = '<meta name="generator" content="quarto-1.4.550">' if lay == "quarto" else (
        '<meta name="generator" content="pandoc">' if lay == "pandoc" else '<meta name="Generator" content="Drupal 10 (https://www.drupal.org)">')
    return f"""<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="en-GB" xml:lang="en-GB">
<head>
<meta charset="utf-8">
{gen}
<meta name="viewport" content="width=device-width, initial-scale=1.0, user-scalable=yes">
<title>{E(ptitle)} | Care Quality Commission</title>
<link rel="stylesheet" href="{CSS_URL}">
</head>
<body class="{'quarto-light floating' if lay == 'quarto' else 'path-care-services'}">
<a href="#{'quarto-document-content' if lay == 'quarto' else 'main-content'}" class="skip-link visually-hidden-focusable">Skip to main content</a>
<header class="site-header"><a href="/" class="site-logo">Care Quality Commission</a></header>
{main}
<footer class="site-footer"><p>&copy; Care Quality Commission</p></footer>
</body>
</html>
"""


# ---------------------------------------------------------------- listing

def listing():
    formal = sorted([f for f in F if f["kind"] == "formal"], key=lambda f: f["pub"], reverse=True)
    pilots = [f for f in F if f["kind"] == "pilot"]
    per = 6
    chunks = [formal[i:i + per] for i in range(0, len(formal), per)]
    npages = len(chunks)
    in_progress = ["Cornwall Council", "North Yorkshire Council", "Rotherham Metropolitan Borough Council", "Calderdale Council"]
    for pi, ch in enumerate(chunks):
        url = BASE if pi == 0 else f"{BASE}?page={pi}"
        items = []
        for f in ch:
            items.append(f'<li class="views-row"><article class="teaser"><h3 class="teaser__title"><a href="{BASE}/{f["slug"]}">'
                         f'{E(f["council"])}: local authority assessment</a></h3>'
                         f'<p class="teaser__meta">Published: {fdate(f["pub"], "long")}</p></article></li>')
        body = [f'<h2>Assessment reports</h2>\n<ul class="views-list">\n' + "\n".join(items) + "\n</ul>"]
        # pager
        pg = ['<nav class="pager" role="navigation" aria-labelledby="pagination-heading">',
              '<h4 id="pagination-heading" class="visually-hidden">Pagination</h4>', '<ul class="pager__items js-pager__items">']
        if pi > 0:
            prev = BASE if pi == 1 else f"{BASE}?page={pi - 1}"
            pg.append(f'<li class="pager__item pager__item--first"><a href="{BASE}" title="Go to first page"><span class="visually-hidden">First page</span><span aria-hidden="true">\u00ab First</span></a></li>')
            pg.append(f'<li class="pager__item pager__item--previous"><a href="{prev}" title="Go to previous page" rel="prev"><span class="visually-hidden">Previous page</span><span aria-hidden="true">\u2039 Previous</span></a></li>')
        for k in range(npages):
            href = BASE if k == 0 else f"{BASE}?page={k}"
            if k == pi:
                pg.append(f'<li class="pager__item is-active"><a href="{href}" title="Current page" aria-current="page"><span class="visually-hidden">Current page</span>{k + 1}</a></li>')
            else:
                pg.append(f'<li class="pager__item"><a href="{href}" title="Go to page {k + 1}"><span class="visually-hidden">Page</span>{k + 1}</a></li>')
        if pi < npages - 1:
            pg.append(f'<li class="pager__item pager__item--next"><a href="{BASE}?page={pi + 1}" title="Go to next page" rel="next"><span class="visually-hidden">Next page</span><span aria-hidden="true">Next \u203a</span></a></li>')
            pg.append(f'<li class="pager__item pager__item--last"><a href="{BASE}?page={npages - 1}" title="Go to last page"><span class="visually-hidden">Last page</span><span aria-hidden="true">Last \u00bb</span></a></li>')
        pg.append("</ul></nav>")
        body.append("\n".join(pg))
        if pi == npages - 1:
            body.append('<h2>Assessments in progress</h2>\n<ul class="plain-list">' + "".join(f"<li>{E(x)}</li>" for x in in_progress) + "</ul>")
            body.append('<h2>Pilot assessments</h2>\n<p>In 2023 we carried out pilot assessments of five local authorities. Ratings and scores from the pilots are indicative.</p>\n<ul class="views-list">'
                        + "".join(f'<li class="views-row"><a href="{BASE}/{f["slug"]}">{E(f["council"])}: local authority assessment</a> '
                                  f'<span class="teaser__meta">(pilot, published {fdate(f["pub"], "long")})</span></li>' for f in pilots)
                        + "</ul>")
        content = f"""<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="Generator" content="Drupal 10 (https://www.drupal.org)">
<title>Local authority assessment reports | Care Quality Commission</title>
<link rel="stylesheet" href="{CSS_URL}"></head>
<body class="path-care-services">
<a href="#main-content" class="skip-link visually-hidden-focusable">Skip to main content</a>
<header class="site-header"><a href="/" class="site-logo">Care Quality Commission</a></header>
<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li><li>Local authority assessment reports</li></ol></nav>
<main id="main-content" role="main">
<h1 class="page-title">Local authority assessment reports</h1>
<p>We assess how local authorities meet their duties under Part 1 of the Care Act 2014. Read the reports below.</p>
{chr(10).join(body)}
</main>
<footer class="site-footer"><p>&copy; Care Quality Commission</p></footer>
</body></html>
"""
        write(url, content)
        if pi == 0:
            pass


def home():
    write("/", f"""<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Care Quality Commission</title>
<link rel="stylesheet" href="{CSS_URL}"></head><body><header class="site-header"><a href="/" class="site-logo">Care Quality Commission</a></header>
<main><h1>Care Quality Commission</h1><p><a href="{BASE}">Local authority assessment reports</a></p></main></body></html>
""")
    css = os.path.join(SITE, "static", "report.css")
    os.makedirs(os.path.dirname(css), exist_ok=True)
    with open(css, "w") as fh:
        fh.write(".visually-hidden,.govuk-visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}\n"
                 "body{font-family:Arial,sans-serif;max-width:70em;margin:auto}.callout{border-left:4px solid #5c2d91;padding:.5em 1em}\n"
                 ".badge{background:#5c2d91;color:#fff;border-radius:1em;padding:0 .6em}.card{border:1px solid #ccc;padding:.5em;margin:.3em}\n")
    ROUTES[CSS_URL] = {"file": "static/report.css", "type": "text/css"}


# ---------------------------------------------------------------- keys

def key_for(f, texts, people, pdfinfo):
    scores = {k: v for k, v in f["scores"].items() if f.get("missing") != int(k)}
    formal = f["kind"] == "formal"
    k = {
        "slug": f["slug"], "url": f"{BASE}/{f['slug']}", "council": f["council"], "la_code": f["la"],
        "kind": f["kind"], "expect": {"not_loaded": f["not_loaded"]} if f.get("not_loaded") else "loads",
        "published": f["pub"], "last_updated": f["upd"], "rating": f["rating"],
        "overall_pct": (f.get("printed_pct", pct_of(f["scores"])) if formal else None),
        "scores": scores, "statements": texts, "people_experience": people,
        "demographics": demographics(f), "financial_facts": financial(f), "pdf": pdfinfo,
    }
    return k


def main():
    for d in ("pages", "pdf", "answers", "static"):
        shutil.rmtree(os.path.join(SITE, d), ignore_errors=True)
    os.makedirs(os.path.join(SITE, "answers"))
    home()
    listing()
    import pdfs  # noqa: E402
    for f in F:
        texts, people = gen_texts(f)
        allp = pages_of(f)
        for (u, k, pl) in allp:
            write(u, page(f, u, k, pl, texts, people, allp))
        pdfinfo = None
        if f.get("pdf"):
            url = pdf_url(f)
            rel = "pdf/" + url.rsplit("/", 1)[1]
            full = os.path.join(SITE, rel)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            engine, carries = pdfs.make(f, texts, people, full, pct_of)
            ROUTES[url] = {"file": rel, "type": "application/pdf"}
            pdfinfo = {"url": url, "engine": engine, "carries": carries}
        with open(os.path.join(SITE, "answers", f["slug"] + ".json"), "w") as fh:
            json.dump(key_for(f, texts, people, pdfinfo), fh, indent=2, ensure_ascii=False)
    with open(os.path.join(SITE, "routes.json"), "w") as fh:
        json.dump(dict(sorted(ROUTES.items())), fh, indent=1)
    print(len(ROUTES), "routes")


if __name__ == "__main__":
    main()
