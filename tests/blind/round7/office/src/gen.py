"""Generator for the round7/office blind copy of CQC's local authority assessment pages.

Run:  /tmp/blind-office/venv/bin/python src/gen.py   (from the site dir)
Writes pages/, pdf/ (sites/default/files/...), answers/, routes.json.
"""
import html
import json
import os
import random
import re
import shutil
import subprocess
import sys
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
SITE = os.path.dirname(HERE)
sys.path.insert(0, HERE)

from content import (STATEMENTS, THEMES, THEME_STATEMENTS, BAND, BAND_SHORT, statement_content,  # noqa: E402
                     people_experience, strengths)
from families import FAMILIES, OTHER_RESULTS, IN_PROGRESS  # noqa: E402

LIST = "/care-services/local-authority-assessment-reports"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ROUTES = {}
SCRATCH = "/tmp/blind-office/build"


# ---------------------------------------------------------------- helpers
def esc(s):
    return html.escape(s, quote=False)


def wesc(s):
    """Escape as Word's HTML export does (named/numbered entities for typographic characters)."""
    s = html.escape(s, quote=False)
    return (s.replace("\u2019", "&#8217;").replace("\u2018", "&#8216;").replace("\u201c", "&#8220;")
            .replace("\u201d", "&#8221;").replace("\u2013", "&#8211;").replace("£", "&#163;"))


def wwrap(s):
    """Word wraps its HTML source at about 76 columns."""
    return "\n".join(textwrap.wrap(s, 76, break_long_words=False, break_on_hyphens=False))


def fmt_date(d, style):
    if style == "slash":
        return d.strftime("%d/%m/%Y")
    if style == "weekday":
        return f"{DAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "short":
        return f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}"
    if style == "time":
        return f'<time datetime="{d.isoformat()}">{d.day} {MONTHS[d.month - 1]} {d.year}</time>'
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def pct_of(scores):
    tot = sum(scores.values())
    return int(tot * 100 / 36 + 0.5) if len(scores) == 9 else None


def band_of(p):
    if p >= 88:
        return "Outstanding"
    if p >= 63:
        return "Good"
    if p >= 39:
        return "Requires improvement"
    return "Inadequate"


def route(path, file, ctype="text/html; charset=utf-8"):
    ROUTES[path] = {"file": file, "type": ctype}


def write(rel, text):
    p = os.path.join(SITE, rel)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "w", encoding="utf-8") as f:
        f.write(text)


def toc_id(fam, n):
    h = sum(ord(c) for c in fam["slug"]) * 1000 + n * 37
    return f"_Toc{170000000 + h}"


# ---------------------------------------------------------------- URLs
STMT_SUFFIX_A = {1: "theme1-needs", 2: "theme1-healthier-lives", 3: "theme1-equity", 4: "theme2-care",
                 5: "theme2-partnerships", 6: "theme3-safe-pathways", 7: "theme3-safeguarding",
                 8: "theme4-governance", 9: "theme4-learning"}
THEME_SEG = {1: "1-working-with-people", 2: "2-providing-support", 3: "3-ensuring-safety", 4: "4-leadership"}
STMT_SEG = {1: "assessing-needs", 2: "supporting-people-lead-healthier-lives", 3: "equity-experiences-outcomes",
            4: "care-provision-integration-continuity", 5: "partnership-communities",
            6: "safe-pathways-systems-transitions", 7: "safeguarding", 8: "governance-management-sustainability",
            9: "learning-improvement-innovation"}


def urls(fam):
    base = f"{LIST}/{fam['slug']}"
    u = fam["urls"]
    out = {"about": base}
    if u in ("A", "TA", "AA"):
        out["summary"] = f"{base}-summary"
    elif u in ("B", "TB", "AB"):
        out["summary"] = f"{base}/overall-summary"
    else:
        out["summary"] = f"{base}/summary"
    pages = []  # (url, title, [statements])
    if fam["grouping"] == "statement":
        for n in range(1, 10):
            if u == "A":
                url = f"{base}-{STMT_SUFFIX_A[n]}"
            elif u == "B":
                url = f"{base}/{THEME_SEG[STATEMENTS[n][1]]}/{STMT_SEG[n]}"
            else:
                url = f"{base}/quality-statement-{n}-{STMT_SEG[n]}"
            pages.append((url, STATEMENTS[n][0], [n]))
    elif fam["grouping"] == "theme":
        for t in range(1, 5):
            url = f"{base}-theme{t}" if u == "TA" else f"{base}/{THEME_SEG[t]}"
            pages.append((url, THEMES[t], THEME_STATEMENTS[t]))
    else:
        url = {"AA": f"{base}-quality-statements", "AB": f"{base}/quality-statements", "AC": f"{base}/report"}[u]
        pages.append((url, "Quality statements", list(range(1, 10))))
    out["pages"] = pages
    return out


def file_for(url):
    rel = url.strip("/").replace("care-services/local-authority-assessment-reports", "pages/reports")
    return rel + ".html" if not rel.endswith(".html") else rel


# ---------------------------------------------------------------- per-family data
def pilot_fin(r):
    tb_e = r.randint(250_000_000, 1_400_000_000)
    tb_a = tb_e + r.randint(-9_000_000, 14_000_000)
    asc_e = int(tb_e * r.uniform(0.28, 0.4))
    asc_a = asc_e + r.randint(-4_000_000, 9_000_000)
    share = round(asc_a / tb_a * 100, 1)
    return [
        {"label": "Total budget 2022/23 (estimated)", "value": f"£{tb_e:,}"},
        {"label": "Total budget 2022/23 (actual)", "value": f"£{tb_a:,}"},
        {"label": "Adult social care budget 2022/23 (estimated)", "value": f"£{asc_e:,}"},
        {"label": "Adult social care spend 2022/23 (actual)", "value": f"£{asc_a:,}"},
        {"label": "Share of the total budget spent on adult social care", "value": f"{share}%"},
        {"label": "Adult social care precept raised in 2022/23", "value": r.choice(["Yes, 1%", "Yes, 2%", "No"])},
        {"label": "People receiving long-term support", "value": f"approximately {r.randint(35, 120) * 100:,}"},
    ]


def formal_fin(fam, r):
    if fam["slug"] == "leicestercity-0725":
        spend, share, diff, lt, st = "£172.5m", "22.89%", "£15.3m under estimate", "4,865", "1,240"
    elif fam["slug"] == "lancashire-0825":
        spend, share, diff, lt, st = "about £496m", "about 45%", "£8.1m over estimate", "about 23,000", "over 5,500"
    else:
        m = r.uniform(60, 480)
        spend = f"£{m:.1f}m" if r.random() < 0.7 else f"£{int(m * 1_000_000):,}"
        share = f"{r.uniform(21, 46):.2f}%"
        d = r.uniform(0.4, 19)
        diff = f"£{d:.1f}m {'under' if r.random() < 0.4 else 'over'} estimate"
        lt = f"{r.randint(18, 160) * 100 + r.randint(0, 99):,}"
        st = f"{r.randint(3, 40) * 100 + r.randint(0, 99):,}"
    return [
        {"label": "Adult social care spend 2023/24", "value": spend},
        {"label": "Adult social care spend as a share of the total budget", "value": share},
        {"label": "Actual spend compared with the estimate", "value": diff},
        {"label": "People receiving long-term support", "value": lt},
        {"label": "People receiving short-term support", "value": st},
    ]


def fin_sentences(fam, items):
    v = [i["value"] for i in items]
    sh = fam["short"]
    return [
        {"text": f"In 2023/24 {sh} spent {v[0]} on adult social care, which was {v[1]} of its total budget."},
        {"text": f"Actual spend on adult social care was {v[2].replace(' estimate', ' the estimate')}."},
        {"text": f"{v[3]} people were receiving long-term support and {v[4]} people short-term support."},
    ]


def new_fin(r):
    return [
        {"label": "Gross current expenditure on adult social care (2024/25)", "value": f"£{r.uniform(400, 700):.1f} million"},
        {"label": "Net expenditure per adult resident (2024/25)", "value": f"£{r.randint(520, 980)}"},
        {"label": "Requests for support from new clients", "value": f"{r.randint(18000, 42000):,}"},
        {"label": "Clients accessing long-term support during the year", "value": f"{r.randint(12000, 21000):,}"},
        {"label": "Adult social care precept, 2025/26", "value": "2%"},
        {"text": "Figures are taken from the local authority’s published annual returns to NHS England "
                 "(Adult Social Care Activity and Finance Report)."},
    ]


POLITICS = ["Labour", "Conservative", "Liberal Democrat", "No overall control", "Reform UK"]


def demographics(fam, r):
    pop = r.randint(60, 1500) * 1000 + r.randint(0, 9) * 100
    dec = r.randint(1, 9)
    rank = min(153, max(1, dec * 15 - r.randint(0, 14)))
    o65 = round(r.uniform(12, 26), 1)
    eth = round(r.uniform(3, 58), 1)
    pol = r.choice(POLITICS)
    items = [
        {"label": "Population", "value": f"{pop:,}"},
        {"label": "Index of multiple deprivation", "value": f"decile {dec}, ranked {rank} of 153 local authorities"},
        {"label": "People aged 65 and over", "value": f"{o65}% (England 18.7%)"},
        {"label": "People from Black, Asian, mixed or other ethnic groups", "value": f"{eth}% (England 26.5%)"},
        {"label": "Political control", "value": pol},
    ]
    if fam["demo"] == "sentences":
        return [
            {"text": f"About {pop:,} people live in {fam['short']}."},
            {"text": f"The area is in deprivation decile {dec}, ranked {rank} out of 153 local authorities, where 1 is the most deprived."},
            {"text": f"{o65}% of residents are aged 65 or over, compared with 18.7% in England."},
            {"text": f"{eth}% of residents are from Black, Asian, mixed or other ethnic groups, compared with 26.5% in England."},
            {"text": f"The council is under {pol} control." if pol != "No overall control"
             else "No party has overall control of the council."},
        ]
    return items


def build_data(fam):
    r = random.Random(fam["slug"])
    fam["demographics"] = demographics(fam, r)
    if fam["fin_gen"] == "pilot":
        fin = pilot_fin(r)
    elif fam["fin_gen"] == "new":
        fin = new_fin(r)
    else:
        fin = formal_fin(fam, r)
        if fam["fin"] == "sentences":
            fin = fin_sentences(fam, fin)
    fam["financial_facts"] = fin
    fam["statements"] = {str(n): statement_content(fam["slug"], fam["short"], n, fam["scores"][str(n)])
                         for n in range(1, 10)}
    fam["people_experience"] = people_experience(fam["slug"], fam["short"], fam["rating"])
    fam["strengths"] = strengths(fam["slug"], fam["short"], fam["rating"])
    if fam["kind"] == "pilot":
        fam["pct"] = None
    else:
        fam["pct"] = fam.get("pct_shown") or pct_of(fam["scores"])
    fam["u"] = urls(fam)
    fam["header"] = (f"{fam['council']} assessment" if fam["kind"] == "pilot"
                     else f"{fam['council']}: local authority assessment")
    ms = fam.get("missing_score")
    fam["printed_scores"] = {k: v for k, v in fam["scores"].items() if not ms or k != str(ms)}
    if "expect" not in fam:
        assert len(fam["printed_scores"]) == 9
        if fam["pct"] is not None:
            assert fam["pct"] == pct_of(fam["scores"]) and band_of(fam["pct"]) == fam["rating"], fam["slug"]


# ---------------------------------------------------------------- primitive blocks: Word export
BULLETS = {
    "symbol": ("·", "font-family:Symbol;mso-fareast-font-family:Symbol;mso-bidi-font-family:Symbol"),
    "wingdings": ("§", "font-family:Wingdings;mso-fareast-font-family:Wingdings;mso-bidi-font-family:Wingdings"),
    "dash": ("-", "font-family:\"Arial\",sans-serif;mso-fareast-font-family:Arial"),
}
_list_no = [0]


def w_p(inner, style="", cls="MsoNormal"):
    st = f" style='{style}'" if style else ""
    return f"<p class={cls}{st}><span lang=EN-GB style='font-size:11.0pt;font-family:\"Arial\",sans-serif'>{inner}<o:p></o:p></span></p>\n"


def w_text(s):
    return w_p(wwrap(wesc(s)))


def w_blank():
    return "<p class=MsoNormal><o:p>&nbsp;</o:p></p>\n"


def w_heading(level, text, fam, n=None, toc=True):
    if toc:
        tid = toc_id(fam, n if n is not None else len(text))
        return (f"<h{level}><a name=\"{tid}\"></a><span style='mso-bookmark:{tid}'><span lang=EN-GB>"
                f"{wesc(text)}</span></span><o:p></o:p></h{level}>\n")
    return f"<h{level}><span lang=EN-GB>{wesc(text)}</span><o:p></o:p></h{level}>\n"


def w_bold(text):
    return w_p(f"<b style='mso-bidi-font-weight:normal'>{wesc(text)}</b>", style="margin-top:12.0pt")


def w_bullets(items, fam, inner=None):
    if fam["bullet"] == "ul":
        return "<ul>\n" + "".join(f"<li>{wesc(i)}</li>\n" for i in items) + "</ul>\n"
    ch, font = BULLETS[fam["bullet"]]
    _list_no[0] += 1
    ln = _list_no[0] % 23
    out = []
    for k, it in enumerate(items):
        if len(items) == 1:
            cls = "MsoListParagraph"
        else:
            cls = ("MsoListParagraphCxSpFirst" if k == 0 else
                   "MsoListParagraphCxSpLast" if k == len(items) - 1 else "MsoListParagraphCxSpMiddle")
        body = inner(it) if inner else wwrap(wesc(it))
        out.append(
            f"<p class={cls} style='margin-left:36.0pt;mso-add-space:auto;text-indent:-18.0pt;mso-list:l{ln} level1 lfo{ln + 1}'>"
            f"<![if !supportLists]><span lang=EN-GB style='{font}'><span style='mso-list:Ignore'>{html.escape(ch)}"
            f"<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span>"
            f"<![endif]><span lang=EN-GB style='font-family:\"Arial\",sans-serif'>{body}<o:p></o:p></span></p>\n")
    return "".join(out)


TD = ("valign=top style='border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;"
      "padding:0cm 5.4pt 0cm 5.4pt'")


def w_table(rows, widths=(200, 400), caption=None):
    """rows: list of list of (text_html, attrs) cells."""
    out = ["<div align=center>\n<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 width=602 "
           "style='width:451.3pt;border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;"
           "mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>\n"]
    for i, row in enumerate(rows):
        fr = ";mso-yfti-firstrow:yes" if i == 0 else (";mso-yfti-lastrow:yes" if i == len(rows) - 1 else "")
        out.append(f" <tr style='mso-yfti-irow:{i}{fr}'>\n")
        for j, (cell, attrs) in enumerate(row):
            w = widths[min(j, len(widths) - 1)]
            out.append(f"  <td width={w} {attrs} {TD}>\n  <p class=MsoNormal>{cell}<o:p></o:p></p>\n  </td>\n")
        out.append(" </tr>\n")
    out.append("</table>\n</div>\n")
    return "".join(out)


def w_kv(items, style, fam, title):
    if style == "table":
        rows = [[(f"<b><span lang=EN-GB>{wesc(title)}</span></b>", "colspan=2 style='background:#1F3864;color:white'")]]
        for it in items:
            if "label" in it:
                rows.append([(f"<b><span lang=EN-GB>{wesc(it['label'])}</span></b>", "style='background:#D9E2F3'"),
                             (f"<span lang=EN-GB>{wesc(it['value'])}</span>", "")])
            else:
                rows.append([(f"<span lang=EN-GB>{wesc(it['text'])}</span>", "colspan=2")])
        return w_table(rows)
    if style == "dl":
        out = ["<dl class=\"facts\">\n"]
        for it in items:
            if "label" in it:
                out.append(f"<dt>{wesc(it['label'])}</dt>\n<dd>{wesc(it['value'])}</dd>\n")
            else:
                out.append(f"<dd class=\"facts__note\">{wesc(it['text'])}</dd>\n")
        out.append("</dl>\n")
        return "".join(out)
    # boldpara / sentences: bulleted list paragraphs
    def inner(it):
        if "label" in it:
            return f"<b>{wesc(it['label'])}:</b> {wesc(it['value'])}"
        return wwrap(wesc(it["text"]))
    return w_bullets(items, fam, inner=inner)


# ---------------------------------------------------------------- primitive blocks: GOV.UK-style redesign
def g_heading(level, text, fam=None, n=None, toc=False):
    size = {1: "xl", 2: "l", 3: "m", 4: "s"}.get(level, "s")
    return f'<h{level} class="govuk-heading-{size}">{esc(text)}</h{level}>\n'


def g_text(s):
    return f'<p class="govuk-body">{esc(s)}</p>\n'


def g_bullets(items, fam=None, inner=None):
    return ('<ul class="govuk-list govuk-list--bullet">\n'
            + "".join(f"  <li>{esc(i)}</li>\n" for i in items) + "</ul>\n")


def g_kv(items, style, fam, title):
    out = ['<dl class="govuk-summary-list">\n']
    for it in items:
        if "label" in it:
            out.append(f'  <div class="govuk-summary-list__row">\n    <dt class="govuk-summary-list__key">{esc(it["label"])}</dt>\n'
                       f'    <dd class="govuk-summary-list__value">{esc(it["value"])}</dd>\n  </div>\n')
        else:
            out.append(f'  <div class="govuk-summary-list__row govuk-summary-list__row--no-actions">\n'
                       f'    <dd class="govuk-summary-list__value">{esc(it["text"])}</dd>\n  </div>\n')
    out.append("</dl>\n")
    return "".join(out)


class W:
    heading = staticmethod(w_heading)
    text = staticmethod(w_text)
    bullets = staticmethod(w_bullets)
    kv = staticmethod(w_kv)


class G:
    heading = staticmethod(g_heading)
    text = staticmethod(g_text)
    bullets = staticmethod(g_bullets)
    kv = staticmethod(g_kv)


def P(fam):
    return W if fam["body"] == "word" else G


# ---------------------------------------------------------------- score blocks
TAGCOL = {1: "red", 2: "orange", 3: "green", 4: "blue"}


def score_block(fam, n):
    s = fam["printed_scores"].get(str(n))
    st = fam["score"]
    if s is None:
        # published without a score (the CMS field was left empty)
        return w_p("<b>Score: </b>") if fam["body"] == "word" else '<p class="govuk-body">Score:</p>\n'
    if st == "notes":
        return w_p(f"<b style='mso-bidi-font-weight:normal'>Score: </b>{s}") + w_text(f"{s} - {BAND[s]}")
    if st == "pilot":
        return w_p("<b>Indicative score:</b>") + w_text(f"{s} - {BAND[s]}")
    if st == "table":
        return w_table([[("<b><span lang=EN-GB>Score</span></b>", "style='background:#D9E2F3'"),
                         (f"<span lang=EN-GB>{s}</span>", "")],
                        [(f"<span lang=EN-GB>{s} - {wesc(BAND[s])}</span>", "colspan=2")]], widths=(150, 450))
    if st == "outof":
        return w_p(f"<b>Score:</b> {s} out of 4 ({BAND[s][0].lower()}{BAND[s][1:]})")
    if st == "band":
        return w_p(f"<b>Quality statement score:</b> {s} ({BAND_SHORT[s]})") + w_text(BAND[s])
    if st == "dots":
        dots = "●" * s + "○" * (4 - s)
        return (f'<div class="qs-score"><span class="qs-score__dots" aria-hidden="true">{dots}</span>'
                f'<span class="visually-hidden">Score: {s} out of 4</span>\n'
                f'<p class="qs-score__text">{esc(BAND[s])}</p></div>\n')
    if st == "tag":
        cls = "govuk-tag" if fam["body"] == "govuk" else "badge"
        return (f'<p class="qs-score">Score <strong class="{cls} {cls}--{TAGCOL[s]}">{s}'
                f'<span class="visually-hidden"> out of 4</span></strong> '
                f'<span class="qs-score__band">{esc(BAND[s])}</span></p>\n')
    raise ValueError(st)


def summary_scores(fam):
    st = fam["sumscores"]
    sc = fam["printed_scores"]
    out = []
    if st in ("pairs", "pilotpairs"):
        for n in range(1, 10):
            if str(n) not in sc:
                continue
            s = sc[str(n)]
            out.append(w_p(f"<b>{wesc(STATEMENTS[n][0])}</b>", style="margin-bottom:0cm"))
            out.append(w_text(f"Score: {s}") if st == "pairs" else w_text(f"{s} - {BAND[s]}"))
        return "".join(out)
    if st == "wordtable":
        rows = [[("<b>Theme</b>", "style='background:#D9E2F3'"), ("<b>Quality statement</b>", "style='background:#D9E2F3'"),
                 ("<b>Score</b>", "style='background:#D9E2F3'")]]
        for t in range(1, 5):
            ns = [n for n in THEME_STATEMENTS[t] if str(n) in sc]
            for k, n in enumerate(ns):
                row = []
                if k == 0:
                    row.append((f"<span lang=EN-GB>{wesc(THEMES[t])}</span>", f"rowspan={len(ns)}"))
                row.append((f"<span lang=EN-GB>{wesc(STATEMENTS[n][0])}</span>", ""))
                s = sc[str(n)]
                cell = f"{s} - {BAND[s]}" if fam["score"] == "table" else str(s)
                row.append((f"<span lang=EN-GB>{wesc(cell)}</span>", ""))
                rows.append(row)
        return w_table(rows, widths=(180, 300, 120))
    if st == "dl":
        out.append('<dl class="qs-scores">\n')
        for n in range(1, 10):
            s = sc[str(n)]
            out.append(f"<dt>{esc(STATEMENTS[n][0])}</dt>\n<dd>{s} out of 4</dd>\n")
        out.append("</dl>\n")
        return "".join(out)
    if st == "summarylist":
        for t in range(1, 5):
            out.append(f'<h3 class="govuk-heading-s">{esc(THEMES[t])}</h3>\n<dl class="govuk-summary-list">\n')
            for n in THEME_STATEMENTS[t]:
                s = sc[str(n)]
                out.append(f'  <div class="govuk-summary-list__row">\n    <dt class="govuk-summary-list__key">{esc(STATEMENTS[n][0])}</dt>\n'
                           f'    <dd class="govuk-summary-list__value"><strong class="govuk-tag govuk-tag--{TAGCOL[s]}">'
                           f'Score: {s}</strong> <span class="govuk-body-s">{esc(BAND[s])}</span></dd>\n  </div>\n')
            out.append("</dl>\n")
        return "".join(out)
    raise ValueError(st)


def pct_block(fam):
    p = fam["pct"]
    c = fam["council"]
    st = fam["pct_style"]
    if fam["kind"] == "pilot":
        return ""
    if st == "notes":
        return w_text(f"Overall rating for {c}: {p}%")
    if st == "percent_words":
        return w_text(f"Overall rating for {c}: {p} per cent")
    if st == "nbsp":
        return w_p(f"Overall rating for {wesc(c)}:&nbsp;{p}&nbsp;%")
    if st == "fraction":
        tot = sum(fam["printed_scores"].values())
        return w_p(f"<b>Overall score:</b> {p}% ({tot} out of a possible 36)")
    if st == "summarylist":
        return ""  # printed inside the panel
    raise ValueError(st)


# ---------------------------------------------------------------- page bodies
def sub_heading(fam, text, level):
    if fam["sub"] == "bold" and fam["body"] == "word":
        return w_bold(text)
    lv = {"h3": 3, "h4": 4}.get(fam["sub"], 4)
    lv = min(6, max(lv, level))
    return P(fam).heading(lv, text, fam, toc=False)


def statement_section(fam, n, level, wrap=None):
    pr = P(fam)
    d = fam["statements"][str(n)]
    pilot = fam["kind"] == "pilot"
    out = [pr.heading(level, STATEMENTS[n][0], fam, n)]
    out.append(score_block(fam, n))
    if fam["body"] == "word":
        out.append(w_blank())
    out.append(pr.heading(level + 1, "What people expect", fam, toc=False) if fam["sub"] != "bold"
               else w_bold("What people expect"))
    out.append(pr.bullets(d["what_people_expect"], fam))
    lab = "The local authority commitment:" if pilot else "The local authority commitment"
    out.append(pr.heading(level + 1, lab, fam, toc=False) if fam["sub"] != "bold" else w_bold(lab))
    out.append(pr.text(d["commitment"]))
    out.append(pr.heading(level + 1, "Key findings for this quality statement", fam, toc=False))
    for kf in d["key_findings"]:
        out.append(sub_heading(fam, kf["heading"], level + 2))
        paras = kf["paragraphs"]
        nl = kf.get("has_list", 0)
        body, items = (paras[:-nl], paras[-nl:]) if nl else (paras, [])
        for p in body:
            out.append(pr.text(p))
        if items:
            out.append(pr.bullets(items, fam))
    html_ = "".join(out)
    if wrap:
        return wrap(n, html_)
    return html_


def details_wrap(n, inner):
    name = STATEMENTS[n][0]
    return (f'<details class="qs-section" id="qs{n}">\n<summary><span class="visually-hidden">Show section: </span>'
            f'Quality statement {n}</summary>\n<div class="qs-section__body">\n{inner}</div>\n</details>\n')


def accordion_wrap_factory(fam):
    def wrap(n, inner):
        return (f'<div class="govuk-accordion__section" id="{STMT_SEG[n]}">\n'
                f'<div class="govuk-accordion__section-header"><span class="govuk-accordion__section-button">'
                f'Quality statement {n} of 9</span></div>\n'
                f'<div class="govuk-accordion__section-content">\n{inner}</div>\n</div>\n')
    return wrap


def statements_page_body(fam, title, ns):
    pr = P(fam)
    base = 2 if fam["heads"] != "h1h1" else 1
    out = []
    if fam["grouping"] == "statement":
        return statement_section(fam, ns[0], base)
    if fam["grouping"] == "theme":
        t = STATEMENTS[ns[0]][1]
        out.append(pr.heading(base, title, fam, 100 + t))
        if fam["body"] == "word":
            out.append(w_text(f"This section covers the quality statements for the theme ‘{title}’."))
        for n in ns:
            out.append(statement_section(fam, n, base + 1))
        return "".join(out)
    # all nine on one page
    out.append(pr.heading(base, "Quality statements", fam, 99))
    if fam.get("details"):
        out.append(w_text("Select a quality statement to show its score and findings."))
        for t in range(1, 5):
            out.append(pr.heading(base + 1, THEMES[t], fam, 100 + t))
            for n in THEME_STATEMENTS[t]:
                out.append(statement_section(fam, n, base + 2, wrap=details_wrap))
        return "".join(out)
    if fam["body"] == "govuk":
        out.append('<div class="govuk-accordion" data-module="govuk-accordion" id="accordion-qs">\n')
        wrap = accordion_wrap_factory(fam)
        for n in ns:
            out.append(statement_section(fam, n, base + 1, wrap=wrap))
        out.append("</div>\n")
        return "".join(out)
    # Word document with its own contents list of _Toc links, themes as sections
    out.append('<div class=MsoToc>\n' + w_p("<b>Contents</b>"))
    for t in range(1, 5):
        out.append(f"<p class=MsoToc1><span class=MsoHyperlink><a href=\"#{toc_id(fam, 100 + t)}\">"
                   f"<span lang=EN-GB>{wesc(THEMES[t])}</span></a></span></p>\n")
        for n in THEME_STATEMENTS[t]:
            out.append(f"<p class=MsoToc2 style='margin-left:11.0pt'><span class=MsoHyperlink><a href=\"#{toc_id(fam, n)}\">"
                       f"<span lang=EN-GB>{wesc(STATEMENTS[n][0])}</span></a></span></p>\n")
    out.append("</div>\n")
    for t in range(1, 5):
        out.append(f"<div class=WordSection{t + 1}>\n")
        out.append(pr.heading(base + 1, THEMES[t], fam, 100 + t))
        for n in THEME_STATEMENTS[t]:
            out.append(statement_section(fam, n, base + 2))
        out.append("</div>\n<span lang=EN-GB style='font-size:11.0pt;font-family:\"Arial\",sans-serif'>"
                   "<br clear=all style='page-break-before:always'></span>\n")
    return "".join(out)


def summary_body(fam):
    pr = P(fam)
    base = 2 if fam["heads"] != "h1h1" else 1
    out = [pr.heading(base, "Overall summary", fam, 90)]
    if fam.get("pdf_info") and fam["body"] == "word":
        pi = fam["pdf_info"]
        out.append(w_p(f"<a href=\"{pi['url']}\">Download this report (PDF, {pi['size']})</a>"))
    pilot = fam["kind"] == "pilot"
    if fam["body"] == "govuk":
        rs = fam["rating_shown"]
        out.append(f'<div class="govuk-panel govuk-panel--rating">\n<h{base + 1} class="govuk-panel__title">'
                   f'Local authority rating and score</h{base + 1}>\n<div class="govuk-panel__body">\n'
                   f'<p class="la-name">{esc(fam["council"])}</p>\n'
                   f'<p><strong class="govuk-tag govuk-tag--rating">{esc(rs)}</strong></p>\n'
                   f'<dl class="govuk-summary-list govuk-summary-list--no-border">\n'
                   f'  <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Overall score</dt>'
                   f'<dd class="govuk-summary-list__value">{fam["pct"]}%</dd></div>\n</dl>\n</div>\n</div>\n')
    else:
        if pilot:
            out.append(pr.heading(base + 1, "Local authority indicative rating", fam, 91))
            out.append(w_text(f"{fam['rating_shown']}: {BAND[{'Inadequate': 1, 'Requires improvement': 2, 'Good': 3, 'Outstanding': 4}[fam['rating']]]}"))
        else:
            out.append(pr.heading(base + 1, "Local authority rating and score", fam, 91))
            out.append(w_text(fam["council"]))
            out.append(w_p(f"<b>{wesc(fam['rating_shown'])}</b>"))
            out.append(pct_block(fam))
    out.append(pr.heading(base + 1, "Quality statement scores", fam, 92))
    out.append(summary_scores(fam))
    out.append(pr.heading(base + 1, "Summary of people’s experiences", fam, 93))
    for p in fam["people_experience"]:
        out.append(pr.text(p))
    out.append(pr.heading(base + 1, "Summary of strengths, areas for development and next steps", fam, 94))
    for p in fam["strengths"]:
        out.append(pr.text(p))
    return "".join(out)


def about_body(fam):
    pr = P(fam)
    base = 2 if fam["heads"] != "h1h1" else 1
    out = []
    if fam["body"] == "word":
        out.append(w_p(f"<b>Assessment published:</b> {fmt_date(fam['pub'], fam['date'])}"))
        if fam["kind"] == "pilot":
            out.append(w_p(f"<b>Assessment start date:</b> {fmt_date(fam['start'], fam['date'])}"))
    else:
        out.append(f'<p class="govuk-body">Assessment published: {fmt_date(fam["pub"], fam["date"])}</p>\n')
    out.append(pr.heading(base, f"About {fam['council']}", fam, 80))
    out.append(pr.heading(base + 1, "Demographics", fam, 81))
    out.append(pr.kv(fam["demographics"], fam["demo"], fam, "Demographics"))
    out.append(pr.heading(base + 1, "Financial facts", fam, 82))
    out.append(pr.kv(fam["financial_facts"], fam["fin"], fam, "Financial facts"))
    return "".join(out)


# ---------------------------------------------------------------- CMS chrome
HEAD_CONDITIONAL = """<!--[if gte mso 9]><xml>
 <o:OfficeDocumentSettings>
  <o:AllowPNG/>
 </o:OfficeDocumentSettings>
</xml><![endif]-->
"""


def word_wrap_body(inner, fam):
    return (HEAD_CONDITIONAL + "<div class=WordSection1>\n" + inner + "</div>\n"
            "<!--[if gte mso 10]>\n<style>\n /* Style Definitions */\n table.MsoNormalTable\n"
            "\t{mso-style-name:\"Table Normal\";mso-tstyle-rowband-size:0;}\n</style>\n<![endif]-->\n")


def related_block(fam, all_fams):
    if fam["related"] == "none":
        return ""
    r = random.Random(fam["slug"] + "-rel")
    others = [f for f in all_fams if f is not fam and f["kind"] == "formal" and "expect" not in f]
    picks = r.sample(others, 3)
    extra = r.choice(OTHER_RESULTS)
    st = fam["related"]
    if st == "list":
        items = "".join(
            f'<li><a href="{o["u"]["about"]}">{esc(o["council"])}: local authority assessment</a>'
            f' <span class="related__meta">Rated {esc(o["rating"].lower() if o["rating"] != "Good" else "good")}, {o["pct"]}%</span></li>\n'
            for o in picks)
        items += f"<li>{esc(extra[0])} <span class=\"related__meta\">Rated {esc(extra[1].lower())}, {extra[2]}%</span></li>\n"
        return (f'<aside class="block block-related-content" aria-labelledby="related-h">\n'
                f'<h2 id="related-h">Related content</h2>\n<ul class="related-links">\n{items}</ul>\n</aside>\n')
    if st == "cards":
        cards = "".join(
            f'<div class="card card--la"><h3 class="card__title"><a href="{o["u"]["about"]}">{esc(o["council"])}</a></h3>\n'
            f'<p class="card__rating"><span class="visually-hidden">Rating: </span>{esc(o["rating"])}</p>\n'
            f'<p class="card__score">Overall score {o["pct"]}%</p>\n'
            f'<p class="card__scores">Quality statement scores: {", ".join(str(o["scores"][str(i)]) for i in range(1, 10))}</p></div>\n'
            for o in picks)
        return (f'<section class="block block-views-related-assessments">\n<h2>Other local authority assessments</h2>\n'
                f'<div class="cards">\n{cards}</div>\n</section>\n')
    if st == "table":
        rows = "".join(
            f'<tr><td><a href="{o["u"]["about"]}">{esc(o["council"])}</a></td><td>{esc(o["rating"])}</td><td>{o["pct"]}%</td></tr>\n'
            for o in picks)
        rows += f"<tr><td>{esc(extra[0])}</td><td>{esc(extra[1])}</td><td>{extra[2]}%</td></tr>\n"
        return (f'<section class="block block-related-content">\n<h2>Compare with other councils</h2>\n'
                f'<table class="related-table"><thead><tr><th scope="col">Local authority</th><th scope="col">Rating</th>'
                f'<th scope="col">Score</th></tr></thead>\n<tbody>\n{rows}</tbody></table>\n</section>\n')
    raise ValueError(st)


def page_list(fam):
    u = fam["u"]
    lst = [(u["about"], f"About {fam['council']}"), (u["summary"], "Overall summary")]
    lst += [(p[0], p[1]) for p in u["pages"]]
    return lst


def side_nav(fam, current):
    items = []
    for url, title in page_list(fam):
        if url == current:
            items.append(f'<li class="side-nav__item side-nav__item--active"><a href="{url}" aria-current="page">{esc(title)}</a></li>\n')
        else:
            items.append(f'<li class="side-nav__item"><a href="{url}">{esc(title)}</a></li>\n')
    return (f'<nav class="side-nav" aria-label="Report sections">\n<h2 class="side-nav__title">In this report</h2>\n'
            f'<ul class="side-nav__list">\n{"".join(items)}</ul>\n</nav>\n')


def prev_next(fam, current):
    lst = page_list(fam)
    i = [u for u, _ in lst].index(current)
    out = ['<nav class="pagination pagination--report" role="navigation" aria-label="Report pages">\n<ul>\n']
    if i > 0:
        out.append(f'<li class="previous"><a href="{lst[i - 1][0]}" rel="prev"><span class="pagination__label">Previous</span> '
                   f'<span class="pagination__title">{esc(lst[i - 1][1])}</span></a></li>\n')
    if i < len(lst) - 1:
        out.append(f'<li class="next"><a href="{lst[i + 1][0]}" rel="next"><span class="pagination__label">Next</span> '
                   f'<span class="pagination__title">{esc(lst[i + 1][1])}</span></a></li>\n')
    out.append("</ul>\n</nav>\n")
    return "".join(out)


def downloads(fam):
    pi = fam.get("pdf_info")
    if pi:
        link = (f'<a href="{pi["url"]}" class="file-link" type="application/pdf">{esc(fam["council"])} local authority '
                f'assessment report <span class="file-meta">(PDF, {pi["size"]})</span></a>')
        return (f'<div class="block block-downloads">\n<h2 class="block__title">Downloads</h2>\n<ul class="downloads">\n'
                f'<li class="file file--application-pdf">{link}</li>\n</ul>\n</div>\n')
    return ('<div class="block block-downloads">\n<h2 class="block__title">Downloads</h2>\n'
            '<p class="downloads__empty">There are no downloads for this report.</p>\n</div>\n')


def report_header(fam, page_upd, is_about):
    d = fam["date"]
    h = esc(fam["header"])
    if fam["heads"] == "divh1":
        title = f'<div class="report-title field field--name-field-report-title">{h}</div>\n'
    else:
        title = f'<h1 class="page-title report-title">{h}</h1>\n'
    if fam["date"] == "time" or fam["body"] == "govuk":
        pub = (f'<p class="report-dates"><span class="report-dates__published">Published: {fmt_date(fam["pub"], d)}</span>\n'
               f'<span class="report-dates__updated">Page last updated: {fmt_date(page_upd, d)}</span></p>\n')
    else:
        pub = (f'<p class="report-dates">Published: {fmt_date(fam["pub"], d)} '
               f'Page last updated: {fmt_date(page_upd, d)}</p>\n')
    return f'<div class="report-header">\n{title}{pub}{downloads(fam)}</div>\n'


def breadcrumbs(fam, page_title, current):
    crumbs = [("/", "Home"), ("/care-services", "Care services"), (LIST, "Local authority assessment reports")]
    if current != fam["u"]["about"]:
        crumbs.append((fam["u"]["about"], fam["council"]))
        last = page_title
    else:
        last = fam["council"]
    lis = "".join(f'<li class="breadcrumb__item"><a href="{u}">{esc(t)}</a></li>\n' for u, t in crumbs)
    lis += f'<li class="breadcrumb__item" aria-current="page">{esc(last)}</li>\n'
    return f'<nav class="breadcrumb" role="navigation" aria-labelledby="system-breadcrumb">\n<h2 id="system-breadcrumb" class="visually-hidden">Breadcrumb</h2>\n<ol>\n{lis}</ol>\n</nav>\n'


SITE_HEADER = """<header class="site-header" role="banner">
  <a href="/" class="site-logo" rel="home"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="Care Quality Commission"></a>
  <nav class="main-nav" aria-label="Main">
    <ul>
      <li><a href="/">Home</a></li>
      <li><a href="/search">Find and compare services</a></li>
      <li><a href="/about-us">About us</a></li>
      <li><a href="/contact-us">Contact us</a></li>
    </ul>
  </nav>
  <form class="site-search" action="/search" method="get"><label for="q" class="visually-hidden">Search</label><input id="q" name="query" type="search"><button type="submit">Search</button></form>
</header>
"""
SITE_FOOTER = """<footer class="site-footer" role="contentinfo">
  <ul class="footer-links"><li><a href="/about-us">About us</a></li><li><a href="/contact-us">Contact us</a></li>
  <li><a href="https://www.gov.uk/government/organisations/care-quality-commission">CQC on GOV.UK</a></li></ul>
  <p>&copy; Care Quality Commission</p>
</footer>
"""


def chrome(title, inner, extra_head="", body_cls="", word=False):
    xmlns = (' xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
             'xmlns:w="urn:schemas-microsoft-com:office:word"') if word else ""
    return (f'<!DOCTYPE html>\n<html lang="en" dir="ltr"{xmlns}>\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1.0">\n'
            f'<title>{esc(title)} | Care Quality Commission</title>\n'
            f'<link rel="stylesheet" href="/themes/custom/cqc/css/style.css">\n{extra_head}</head>\n'
            f'<body class="{body_cls}">\n<a href="#main-content" class="visually-hidden focusable skip-link">Skip to main content</a>\n'
            f'{SITE_HEADER}{inner}{SITE_FOOTER}</body>\n</html>\n')


def family_page(fam, all_fams, url, page_title, body_html, page_upd):
    word = fam["body"] == "word"
    if word:
        body_html = word_wrap_body(body_html, fam)
    art_cls = "node node--type-la-assessment-report" + (" node--word-import" if word else " govuk-template")
    inner = (breadcrumbs(fam, page_title, url)
             + '<main id="main-content" class="main" role="main">\n<div class="layout-container">\n'
             + report_header(fam, page_upd, url == fam["u"]["about"])
             + '<div class="layout-row">\n<div class="layout-sidebar">\n' + side_nav(fam, url) + '</div>\n'
             + f'<article class="{art_cls}">\n<div class="field field--name-body field--type-text-with-summary">\n'
             + body_html + '</div>\n</article>\n</div>\n'
             + prev_next(fam, url)
             + related_block(fam, all_fams)
             + '</div>\n</main>\n')
    html_ = chrome(f"{page_title} - {fam['header']}", inner, body_cls="path-node page-node-type-la-assessment", word=word)
    f = file_for(url)
    write(f, html_)
    route(url, f)


# ---------------------------------------------------------------- PDFs
def pdf_url(fam):
    y, m = fam["pub"].year, fam["pub"].month
    slug = fam["slug"]
    if fam["pdf"] == "libreoffice":
        return f"/sites/default/files/{y}-{m:02d}/{y}{m:02d}{fam['pub'].day:02d}_{fam['short'].replace(' ', '_')}_LA_assessment_report_FINAL.pdf"
    if fam["pdf"] == "typst":
        return f"/sites/default/files/{y}-{m:02d}/{slug.lower()}-local-authority-assessment-report.pdf"
    return f"/sites/default/files/documents/{slug}_LA_assessment_report_{MONTHS[m - 1]}_{y}.pdf"


def typ_str(s):
    return '#"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def typst_source(fam):
    c = fam["council"]
    pilot = fam["kind"] == "pilot"
    title = "Local authority assessment" if not pilot else "Local authority assessment (pilot)"
    pub = fmt_date(fam["pub"], "long")
    L = []
    L.append('#set document(title: ' + json.dumps(f"{c} - local authority assessment") + ', author: "Care Quality Commission")')
    L.append('#set text(font: ("DejaVu Sans", "Liberation Sans"), size: 9.5pt, lang: "en", region: "gb", hyphenate: true)')
    L.append('#set par(justify: true, leading: 0.6em)')
    L.append('#set heading(numbering: none)')
    L.append('#show heading.where(level: 1): it => { pagebreak(weak: true); block(below: 1em, text(size: 16pt, fill: rgb("#3a1f5c"), it.body)) }')
    L.append('#show heading.where(level: 2): it => block(above: 1.2em, below: 0.6em, text(size: 12pt, fill: rgb("#3a1f5c"), it.body))')
    L.append('#show heading.where(level: 3): it => block(above: 1em, below: 0.4em, text(size: 10pt, weight: "bold", it.body))')
    L.append('#page(margin: 2.5cm, header: none, footer: none)[')
    L.append('  #v(3cm)')
    L.append('  #text(size: 26pt, weight: "bold", fill: rgb("#3a1f5c"))[' + typ_str(c) + ']')
    L.append('  #v(0.5cm)')
    L.append('  #text(size: 18pt)[' + typ_str(title) + ']')
    L.append('  #v(1cm)')
    L.append('  #text(size: 12pt)[' + typ_str(f"Date of publication: {pub}") + ']')
    L.append('  #v(1fr)')
    L.append('  #text(size: 10pt)[' + typ_str("Care Quality Commission") + ']')
    L.append(']')
    hdr = f"{c} | {title}"
    L.append('#set page(paper: "a4", margin: (x: 2cm, top: 2.5cm, bottom: 2.2cm), '
             'header: context { set text(size: 8pt, fill: gray); ' + typ_str(hdr).lstrip("#") + ' ; h(1fr); "CQC" ; line(length: 100%, stroke: 0.4pt + gray) }, '
             'footer: context { set text(size: 8pt); h(1fr); [Page #counter(page).display() of #counter(page).final().first()]; h(1fr) })')
    L.append('#counter(page).update(1)')
    L.append('#outline(title: [Contents], depth: 2)')
    # summary
    L.append('= Overall summary')
    if pilot:
        L.append('== Local authority indicative rating')
        b = {"Inadequate": 1, "Requires improvement": 2, "Good": 3, "Outstanding": 4}[fam["rating"]]
        L.append(typ_str(f"{fam['rating_shown']}: {BAND[b]}"))
    else:
        L.append('== Local authority rating and score')
        L.append('#table(columns: (1fr, 1fr), stroke: 0.5pt, inset: 6pt, fill: (x, y) => if x == 0 { rgb("#ece6f5") },')
        L.append('  [*Local authority*], [' + typ_str(c) + '],')
        L.append('  [*Overall rating*], [' + typ_str(fam["rating_shown"]) + '],')
        L.append('  [*Overall score*], [' + typ_str(f"{fam['pct']}%") + '],')
        L.append(')')
    L.append('== Quality statement scores')
    L.append('#table(columns: (3.2cm, 1fr, 2.2cm), stroke: 0.5pt, inset: 5pt,')
    L.append('  table.header([*Theme*], [*Quality statement*], [*' + ("Indicative score" if pilot else "Score") + '*]),')
    for t in range(1, 5):
        ns = THEME_STATEMENTS[t]
        for k, n in enumerate(ns):
            cells = []
            if k == 0:
                cells.append(f'table.cell(rowspan: {len(ns)})[' + typ_str(THEMES[t]) + ']')
            cells.append('[' + typ_str(STATEMENTS[n][0]) + ']')
            cells.append('[' + typ_str(f"{fam['scores'][str(n)]}") + ']')
            L.append('  ' + ", ".join(cells) + ',')
    L.append(')')
    L.append(typ_str("Scores: 1 = " + BAND[1] + "; 2 = " + BAND[2] + "; 3 = " + BAND[3] + "; 4 = " + BAND[4] + "."))
    L.append('== Summary of people’s experiences')
    for p in fam["people_experience"]:
        L.append(typ_str(p))
        L.append('')
    # key facts
    L.append('= About ' + typ_str(c).lstrip("#").join(["#(", ")"]))
    L.append('== Key facts')
    rows = []
    for it in fam["demographics"] + fam["financial_facts"]:
        if "label" in it:
            rows.append('[' + typ_str(it["label"]) + '], [' + typ_str(it["value"]) + ']')
        else:
            rows.append('table.cell(colspan: 2)[' + typ_str(it["text"]) + ']')
    L.append('#table(columns: (1fr, 1fr), stroke: 0.5pt, inset: 5pt,\n  ' + ",\n  ".join(rows) + ',\n)')
    # themes and statements, in two columns
    for t in range(1, 5):
        L.append('= ' + typ_str(THEMES[t]).lstrip("#").join(["#(", ")"]))
        for n in THEME_STATEMENTS[t]:
            d = fam["statements"][str(n)]
            s = fam["scores"][str(n)]
            L.append('== ' + typ_str(STATEMENTS[n][0]).lstrip("#").join(["#(", ")"]))
            L.append('#block(fill: rgb("#ece6f5"), inset: 6pt, width: 100%)[*' + ("Indicative score:" if pilot else "Score:") + '* ' + typ_str(f"{s} - {BAND[s]}") + ']')
            L.append('#columns(2, gutter: 0.8cm)[')
            L.append('=== What people expect')
            for w in d["what_people_expect"]:
                L.append('- ' + typ_str(w))
            L.append('')
            L.append('=== ' + ("The local authority commitment:" if pilot else "The local authority commitment"))
            L.append(typ_str(d["commitment"]))
            L.append('')
            L.append('=== Key findings for this quality statement')
            for kf in d["key_findings"]:
                L.append('#text(weight: "bold", style: "italic")[' + typ_str(kf["heading"]) + ']')
                L.append('')
                nl = kf.get("has_list", 0)
                paras = kf["paragraphs"]
                body, items = (paras[:-nl], paras[-nl:]) if nl else (paras, [])
                for p in body:
                    L.append(typ_str(p))
                    L.append('')
                for it in items:
                    L.append('- ' + typ_str(it))
                L.append('')
            L.append(']')
    return "\n".join(L) + "\n"


def chromium_html(fam):
    c = fam["council"]
    pub = fmt_date(fam["pub"], "long")
    css = f"""
@page {{ size: A4; margin: 22mm 18mm 20mm 18mm;
  @top-left {{ content: "{c}"; font: 8pt Arial, sans-serif; color: #555; }}
  @top-right {{ content: "Local authority assessment"; font: 8pt Arial, sans-serif; color: #555; }}
  @bottom-center {{ content: "Page " counter(page) " of " counter(pages); font: 8pt Arial, sans-serif; }} }}
@page cover {{ @top-left {{ content: none; }} @top-right {{ content: none; }} @bottom-center {{ content: none; }} }}
body {{ font-family: Arial, "Liberation Sans", sans-serif; font-size: 10pt; line-height: 1.35; hyphens: auto; }}
.cover {{ page: cover; break-after: page; }}
.cover h1 {{ font-size: 28pt; color: #4b1f6f; margin-top: 60mm; }}
h2 {{ color: #4b1f6f; break-before: page; font-size: 16pt; }}
h2.nobreak {{ break-before: auto; }}
h3 {{ color: #4b1f6f; font-size: 12.5pt; }}
h4 {{ font-size: 10.5pt; margin-bottom: 2pt; }}
.cols {{ columns: 2; column-gap: 8mm; text-align: justify; }}
table {{ border-collapse: collapse; width: 100%; margin: 6pt 0; }}
td, th {{ border: 0.5pt solid #333; padding: 3pt 5pt; vertical-align: top; text-align: left; }}
th {{ background: #e8e0f0; }}
.score {{ background: #e8e0f0; padding: 4pt 6pt; font-weight: bold; }}
.toc a {{ color: #000; text-decoration: none; }}
"""
    o = [f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{esc(c)}: local authority assessment</title><style>{css}</style></head><body>']
    o.append(f'<div class="cover"><h1>{esc(c)}</h1><p style="font-size:16pt">Local authority assessment</p>'
             f'<p>Assessment published: {pub}</p><p style="margin-top:70mm">Care Quality Commission</p></div>')
    o.append('<h2 class="nobreak">Contents</h2><ol class="toc"><li><a href="#summary">Overall summary</a></li><li><a href="#about">About the local authority</a></li>')
    for t in range(1, 5):
        o.append(f'<li><a href="#t{t}">{esc(THEMES[t])}</a><ol>' + "".join(
            f'<li><a href="#s{n}">{esc(STATEMENTS[n][0])}</a></li>' for n in THEME_STATEMENTS[t]) + '</ol></li>')
    o.append('</ol>')
    o.append('<h2 id="summary">Overall summary</h2><h3>Local authority rating and score</h3>')
    o.append(f'<table><tr><th>Local authority</th><td>{esc(c)}</td></tr><tr><th>Rating</th><td>{esc(fam["rating_shown"])}</td></tr>'
             f'<tr><th>Overall score</th><td>{fam["pct"]}%</td></tr></table>')
    o.append('<h3>Quality statement scores</h3><table><thead><tr><th>Theme</th><th>Quality statement</th><th>Score</th></tr></thead><tbody>')
    for t in range(1, 5):
        ns = THEME_STATEMENTS[t]
        for k, n in enumerate(ns):
            s = fam["scores"][str(n)]
            th = f'<td rowspan="{len(ns)}">{esc(THEMES[t])}</td>' if k == 0 else ""
            o.append(f'<tr>{th}<td>{esc(STATEMENTS[n][0])}</td><td>{s} - {esc(BAND[s])}</td></tr>')
    o.append('</tbody></table>')
    o.append('<h3>Summary of people’s experiences</h3>' + "".join(f"<p>{esc(p)}</p>" for p in fam["people_experience"]))
    o.append(f'<h2 id="about">About {esc(c)}</h2><h3>Demographics</h3><ul>')
    for it in fam["demographics"]:
        o.append(f'<li><b>{esc(it["label"])}:</b> {esc(it["value"])}</li>' if "label" in it else f'<li>{esc(it["text"])}</li>')
    o.append('</ul><h3>Financial facts</h3><ul>')
    for it in fam["financial_facts"]:
        o.append(f'<li><b>{esc(it["label"])}:</b> {esc(it["value"])}</li>' if "label" in it else f'<li>{esc(it["text"])}</li>')
    o.append('</ul>')
    for t in range(1, 5):
        o.append(f'<h2 id="t{t}">{esc(THEMES[t])}</h2>')
        for n in THEME_STATEMENTS[t]:
            d = fam["statements"][str(n)]
            s = fam["scores"][str(n)]
            o.append(f'<h3 id="s{n}">{esc(STATEMENTS[n][0])}</h3><p class="score">Score: {s} - {esc(BAND[s])}</p><div class="cols">')
            o.append('<h4>What people expect</h4><ul>' + "".join(f"<li>{esc(w)}</li>" for w in d["what_people_expect"]) + '</ul>')
            o.append(f'<h4>The local authority commitment</h4><p>{esc(d["commitment"])}</p>')
            o.append('<h4>Key findings for this quality statement</h4>')
            for kf in d["key_findings"]:
                o.append(f'<p><b><i>{esc(kf["heading"])}</i></b></p>')
                nl = kf.get("has_list", 0)
                paras = kf["paragraphs"]
                body, items = (paras[:-nl], paras[-nl:]) if nl else (paras, [])
                o.extend(f"<p>{esc(p)}</p>" for p in body)
                if items:
                    o.append("<ul>" + "".join(f"<li>{esc(i)}</li>" for i in items) + "</ul>")
            o.append('</div>')
    o.append('</body></html>')
    return "".join(o)


def human_size(n):
    return f"{n / 1024 / 1024:.1f} MB" if n > 1024 * 1024 else f"{max(1, round(n / 1024))} KB"


def make_pdf(fam):
    os.makedirs(SCRATCH, exist_ok=True)
    url = pdf_url(fam)
    rel = "files" + url.replace("/sites/default/files", "")
    out = os.path.join(SITE, rel)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    if fam["pdf"] == "typst":
        import typst
        src = os.path.join(SCRATCH, fam["slug"] + ".typ")
        with open(src, "w", encoding="utf-8") as f:
            f.write(typst_source(fam))
        typst.compile(src, output=out)
        engine = "Typst 0.15.1 (typst-py 0.15.2)"
        shutil.copy(src, os.path.join(HERE, "pdf_sources", fam["slug"] + ".typ"))
    elif fam["pdf"] == "libreoffice":
        from docx_report import build_docx
        src = os.path.join(SCRATCH, fam["slug"] + ".docx")
        build_docx(fam, src)
        prof = "file:///tmp/blind-office/lo-profile"
        subprocess.run(["soffice", f"-env:UserInstallation={prof}", "--headless", "--convert-to",
                        "pdf:writer_pdf_Export", "--outdir", SCRATCH, src], check=True, capture_output=True, timeout=180)
        shutil.copy(os.path.join(SCRATCH, fam["slug"] + ".pdf"), out)
        shutil.copy(src, os.path.join(HERE, "pdf_sources", fam["slug"] + ".docx"))
        engine = "LibreOffice 7.4 (writer_pdf_Export) from a python-docx .docx"
    else:
        src = os.path.join(SCRATCH, fam["slug"] + ".html")
        with open(src, "w", encoding="utf-8") as f:
            f.write(chromium_html(fam))
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--print-to-pdf={out}", "file://" + src], check=True, capture_output=True, timeout=120)
        shutil.copy(src, os.path.join(HERE, "pdf_sources", fam["slug"] + ".html"))
        engine = "Chromium 156 headless (--print-to-pdf, Skia/PDF)"
    size = os.path.getsize(out)
    fam["pdf_info"] = {"url": url, "size": human_size(size), "engine": engine}
    route(url, rel, "application/pdf")


# ---------------------------------------------------------------- listing
def listing(all_fams):
    formal = sorted([f for f in all_fams if f["kind"] == "formal"], key=lambda f: (f["pub"], f["slug"]), reverse=True)
    pilots = [f for f in all_fams if f["kind"] == "pilot"]
    per = 6
    chunks = [formal[i:i + per] for i in range(0, len(formal), per)]
    npages = len(chunks)
    for pi, chunk in enumerate(chunks):
        o = ['<main id="main-content" class="main" role="main">\n<div class="layout-container">\n'
             '<nav class="breadcrumb" aria-labelledby="system-breadcrumb"><h2 id="system-breadcrumb" class="visually-hidden">Breadcrumb</h2>'
             '<ol><li><a href="/">Home</a></li><li><a href="/care-services">Care services</a></li>'
             '<li aria-current="page">Local authority assessment reports</li></ol></nav>\n'
             '<h1 class="page-title">Local authority assessment reports</h1>\n'
             '<div class="field--name-body"><p>We assess how local authorities meet their duties under Part 1 of the Care Act 2014. '
             'Read the reports we have published so far.</p></div>\n']
        o.append('<div class="views-element-container"><div class="view view-la-assessments view-display-id-page_1">\n')
        o.append('<h2>Assessment reports</h2>\n<div class="view-content"><ul class="la-report-list">\n')
        for f in chunk:
            o.append(f'<li class="views-row"><a href="{f["u"]["about"]}" hreflang="en">{esc(f["council"])}: local authority assessment</a>'
                     f' <span class="views-field-published">Published: {fmt_date(f["pub"], "long")}</span></li>\n')
        o.append('</ul></div>\n')
        # Drupal full pager
        pg = ['<nav class="pager" role="navigation" aria-labelledby="pagination-heading">\n'
              '<h4 id="pagination-heading" class="visually-hidden">Pagination</h4>\n<ul class="pager__items js-pager__items">\n']
        if pi > 0:
            pg.append('<li class="pager__item pager__item--first"><a href="?page=0" title="Go to first page"><span class="visually-hidden">First page</span><span aria-hidden="true">« First</span></a></li>\n')
            pg.append(f'<li class="pager__item pager__item--previous"><a href="?page={pi - 1}" title="Go to previous page" rel="prev"><span class="visually-hidden">Previous page</span><span aria-hidden="true">‹ Previous</span></a></li>\n')
        for k in range(npages):
            if k == pi:
                pg.append(f'<li class="pager__item is-active"><a href="?page={k}" title="Current page" aria-current="page"><span class="visually-hidden">Current page</span>{k + 1}</a></li>\n')
            else:
                pg.append(f'<li class="pager__item"><a href="?page={k}" title="Go to page {k + 1}"><span class="visually-hidden">Page</span>{k + 1}</a></li>\n')
        if pi < npages - 1:
            pg.append(f'<li class="pager__item pager__item--next"><a href="?page={pi + 1}" title="Go to next page" rel="next"><span class="visually-hidden">Next page</span><span aria-hidden="true">Next ›</span></a></li>\n')
            pg.append(f'<li class="pager__item pager__item--last"><a href="?page={npages - 1}" title="Go to last page"><span class="visually-hidden">Last page</span><span aria-hidden="true">Last »</span></a></li>\n')
        pg.append('</ul>\n</nav>\n')
        o.append("".join(pg))
        o.append('</div></div>\n')
        if pi == npages - 1:
            o.append('<h2>Assessments in progress</h2>\n<p>We are currently assessing these local authorities:</p>\n<ul class="la-in-progress">\n'
                     + "".join(f"<li>{esc(n)}</li>\n" for n in IN_PROGRESS) + "</ul>\n")
            o.append('<h2>Pilot assessments</h2>\n<p>In 2023 we piloted our approach with a small number of local authorities. '
                     'These reports give indicative ratings.</p>\n<ul class="la-pilots">\n'
                     + "".join(f'<li><a href="{f["u"]["about"]}">{esc(f["header"])}</a></li>\n' for f in pilots) + "</ul>\n")
        o.append('</div>\n</main>\n')
        html_ = chrome("Local authority assessment reports", "".join(o), body_cls="path-care-services")
        fn = f"pages/listing/page-{pi}.html"
        write(fn, html_)
        route(f"{LIST}?page={pi}", fn)
        if pi == 0:
            route(LIST, fn)


def stubs():
    for path, title, text in [("/", "Home", "Care Quality Commission: the independent regulator of health and social care in England."),
                              ("/care-services", "Care services", "Find reports about care services."),
                              ("/search", "Find and compare services", "Search is not available in this copy."),
                              ("/about-us", "About us", "We make sure health and social care services provide people with safe, effective, compassionate, high-quality care."),
                              ("/contact-us", "Contact us", "National customer service centre.")]:
        inner = (f'<main id="main-content" class="main"><h1>{esc(title)}</h1><p>{esc(text)}</p>'
                 f'<p><a href="{LIST}">Local authority assessment reports</a></p></main>\n')
        fn = "pages/stub/" + (path.strip("/") or "home") + ".html"
        write(fn, chrome(title, inner))
        route(path, fn)
    write("pages/stub/style.css", "body{font-family:Arial,sans-serif}.visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}\n")
    route("/themes/custom/cqc/css/style.css", "pages/stub/style.css", "text/css")


# ---------------------------------------------------------------- keys
def key_for(fam):
    k = {
        "slug": fam["slug"],
        "url": fam["u"]["about"],
        "council": fam["council"],
        "la_code": fam["la"],
        "kind": fam["kind"],
        "expect": fam.get("expect", "loads"),
        "published": fam["pub"].isoformat(),
        "last_updated": fam["upd"].isoformat(),
        "rating": fam["rating"],
        "overall_pct": fam["pct"],
        "scores": {k_: v for k_, v in fam["printed_scores"].items()},
        "statements": {},
        "people_experience": fam["people_experience"],
        "demographics": fam["demographics"],
        "financial_facts": fam["financial_facts"],
        "pdf": None,
    }
    for n in range(1, 10):
        d = fam["statements"][str(n)]
        k["statements"][str(n)] = {
            "what_people_expect": d["what_people_expect"],
            "commitment": d["commitment"],
            "key_findings": [{"heading": kf["heading"], "paragraphs": kf["paragraphs"]} for kf in d["key_findings"]],
        }
    pi = fam.get("pdf_info")
    if pi:
        carries = {
            "rating": fam["rating"],
            "overall_pct": fam["pct"],
            "scores": dict(fam["scores"]),
            "statements": k["statements"],
            "people_experience": fam["people_experience"],
            "demographics": fam["demographics"],
            "financial_facts": fam["financial_facts"],
        }
        k["pdf"] = {"url": pi["url"], "engine": pi["engine"], "carries": carries}
    return k


# ---------------------------------------------------------------- main
def main():
    for d in ("pages", "files", "answers"):
        shutil.rmtree(os.path.join(SITE, d), ignore_errors=True)
    os.makedirs(os.path.join(HERE, "pdf_sources"), exist_ok=True)
    for fam in FAMILIES:
        fam["pct_style"] = fam["pct"] if fam["kind"] != "pilot" else None
        build_data(fam)
    for fam in FAMILIES:
        if fam["pdf"]:
            make_pdf(fam)
    for fam in FAMILIES:
        u = fam["u"]
        about_upd = fam["upd"]
        family_page(fam, FAMILIES, u["about"], f"About {fam['council']}", about_body(fam), about_upd)
        family_page(fam, FAMILIES, u["summary"], "Overall summary", summary_body(fam), fam["upd"])
        for i, (url, title, ns) in enumerate(u["pages"]):
            family_page(fam, FAMILIES, url, title, statements_page_body(fam, title, ns), fam["pub"])
        write(f"answers/{fam['slug']}.json", json.dumps(key_for(fam), indent=2, ensure_ascii=False) + "\n")
    listing(FAMILIES)
    stubs()
    with open(os.path.join(SITE, "routes.json"), "w") as f:
        json.dump(dict(sorted(ROUTES.items())), f, indent=1)
        f.write("\n")
    print(len(ROUTES), "routes")


if __name__ == "__main__":
    main()
