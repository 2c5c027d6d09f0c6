"""Report PDFs: WeasyPrint and Chromium (from HTML), LibreOffice (from a generated .docx)."""
import html
import os
import subprocess
import tempfile

from content import BAND, RATING_BAND
from model import fmt_date, theme_name

E = lambda s: html.escape(str(s), quote=False)

ENGINES = {
    "weasyprint": "WeasyPrint 70.0 (HTML + CSS paged media)",
    "chromium": "Chromium 156 headless --print-to-pdf (HTML + CSS @page margin boxes)",
    "libreoffice": "LibreOffice 7.4 (writer_pdf_Export from a python-docx .docx)",
}


def pdf_statement_blocks(s, pilot):
    lab = "Indicative score" if pilot else "Score"
    score = f"{lab}: {s['score']} - {BAND[s['score']]}"
    return score


# ------------------------------------------------------------------ HTML for WeasyPrint / Chromium
def report_html(f, engine, scope, two_col=False):
    pilot = f["kind"] == "pilot"
    c = f["council"]
    hdr = f["header"]
    date = fmt_date(f["published"], "long")
    css = f"""
@page {{ size: A4; margin: 22mm 18mm 22mm 18mm;
  @top-left {{ content: "{hdr}"; font: 8pt 'Liberation Sans', sans-serif; color: #505a5f; }}
  @top-right {{ content: "Care Quality Commission"; font: 8pt 'Liberation Sans', sans-serif; color: #505a5f; }}
  @bottom-center {{ content: "Page " counter(page) " of " counter(pages); font: 8pt 'Liberation Sans', sans-serif; }}
}}
@page cover {{ margin: 0; @top-left {{ content: none; }} @top-right {{ content: none; }} @bottom-center {{ content: none; }} }}
html {{ font: 10.5pt/1.45 'Liberation Sans', 'DejaVu Sans', sans-serif; color: #0b0c0c; }}
body {{ margin: 0; }}
.cover {{ page: cover; height: 297mm; box-sizing: border-box; padding: 60mm 22mm 0 22mm; background: #3c2a65; color: #fff; break-after: page; }}
.cover .org {{ font-size: 14pt; font-weight: bold; letter-spacing: .5pt; }}
.cover h1 {{ font-size: 30pt; margin: 30mm 0 6mm 0; line-height: 1.1; }}
.cover .la {{ font-size: 20pt; margin: 0 0 12mm 0; }}
.toc {{ break-after: page; }}
.toc ol {{ list-style: none; padding: 0; }}
.toc li {{ margin: 2mm 0; }}
.toc a {{ color: #0b0c0c; text-decoration: none; }}
h2 {{ font-size: 18pt; color: #3c2a65; break-before: page; margin-top: 0; }}
h2.first {{ break-before: auto; }}
h3 {{ font-size: 13.5pt; color: #3c2a65; margin: 7mm 0 2mm; break-after: avoid; }}
h4 {{ font-size: 11pt; margin: 4mm 0 1mm; break-after: avoid; }}
h5 {{ font-size: 10.5pt; font-style: italic; margin: 3mm 0 1mm; break-after: avoid; }}
p, li {{ text-align: justify; hyphens: auto; orphans: 2; widows: 2; }}
table {{ border-collapse: collapse; width: 100%; margin: 3mm 0 5mm; font-size: 9.5pt; }}
th, td {{ border: 0.6pt solid #b1b4b6; padding: 1.6mm 2mm; text-align: left; vertical-align: top; }}
thead th {{ background: #3c2a65; color: #fff; }}
tbody th {{ background: #f3f2f1; }}
.keyfacts {{ border: 1.5pt solid #3c2a65; padding: 3mm 5mm; margin: 4mm 0; }}
.keyfacts p {{ margin: 1mm 0; text-align: left; }}
.score {{ font-weight: bold; background: #f3f2f1; padding: 1.5mm 3mm; }}
"""
    if engine == "weasyprint":
        css += ".toc a::after { content: leader('.') target-counter(attr(href), page); }\n"
    if two_col:
        css += ".statements { column-count: 2; column-gap: 8mm; } .statements h3 { column-span: none; }\n"

    parts = [f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{E(hdr)}</title>'
             f'<style>{css}</style></head><body>']
    kind_line = "Pilot assessment, indicative ratings" if pilot else "Assessment of adult social care under the Care Act 2014"
    parts.append(f"""<section class="cover"><p class="org">Care Quality Commission</p>
<h1>{"Local authority assessment" if not pilot else "Local authority assessment (pilot)"}</h1>
<p class="la">{E(c)}</p><p>{E(kind_line)}</p><p>Published {E(date)}</p></section>""")
    toc = [("about", f"About {c}"), ("summary", "Overall summary")] if scope == "full" else [("summary", "Overall summary")]
    if scope == "full":
        toc += [(f"qs{n}", f["statements"][n]["name"]) for n in range(1, 10)]
    parts.append('<nav class="toc"><h2 class="first">Contents</h2><ol>' +
                 "".join(f'<li><a href="#{i}">{E(t)}</a></li>' for i, t in toc) + "</ol></nav>")
    if scope == "full":
        parts.append(f'<h2 id="about">About {E(c)}</h2>')
        parts.append(f"<p>Assessment published: {E(date)}</p>")
        parts.append("<h3>Demographics</h3>" + lv_table(f["demographics"]))
        parts.append("<h3>Financial facts</h3>" + lv_table(f["financial"]))
    parts.append('<h2 id="summary">Overall summary</h2>')
    if pilot:
        parts.append(f'<div class="keyfacts"><p><strong>Local authority indicative rating</strong></p><p>{E(c)}</p>'
                     f'<p>{E(f["rating"])}: {RATING_BAND[f["rating"]]}</p></div>')
    else:
        parts.append(f'<div class="keyfacts"><p><strong>Local authority rating and score</strong></p><p>{E(c)}</p>'
                     f'<p>Rating: {E(f["rating"])}</p><p>Overall rating for {E(c)}: {f["pct_printed"]}%</p></div>')
    parts.append("<h3>Quality statement scores</h3>" + score_table(f, pilot))
    parts.append("<h3>Summary of people's experiences</h3>" + "".join(f"<p>{E(x)}</p>" for x in f["people"]))
    parts.append("<h3>Summary of strengths, areas for development and next steps</h3>" + f"<p>{E(f['strengths'])}</p>")
    if scope == "full":
        for t in range(1, 5):
            parts.append(f'<h2>Theme {t}: {E(theme_name(f, t))}</h2><div class="statements">')
            for n in range(1, 10):
                s = f["statements"][n]
                if s["theme"] != t:
                    continue
                parts.append(f'<h3 id="qs{n}">{E(s["name"])}</h3>')
                parts.append(f'<p class="score">{E(pdf_statement_blocks(s, pilot))}</p>')
                parts.append("<h4>What people expect</h4><ul>" + "".join(f"<li>{E(x)}</li>" for x in s["wpe"]) + "</ul>")
                parts.append(f"<h4>The local authority commitment</h4><p>{E(s['commitment'])}</p>")
                parts.append("<h4>Key findings for this quality statement</h4>")
                for sec in s["sections"]:
                    if sec["heading"]:
                        parts.append(f"<h5>{E(sec['heading'])}</h5>")
                    for b in sec["blocks"]:
                        if b[0] == "p":
                            parts.append(f"<p>{E(b[1])}</p>")
                        else:
                            parts.append(f"<p>{E(b[1])}</p><ul>" + "".join(f"<li>{E(i)}</li>" for i in b[2]) + "</ul>")
            parts.append("</div>")
    parts.append("</body></html>")
    return "\n".join(parts)


def lv_table(items):
    rows = []
    for i in items:
        if "label" in i:
            rows.append(f"<tr><th>{E(i['label'])}</th><td>{E(i['value'])}</td></tr>")
        else:
            rows.append(f'<tr><td colspan="2">{E(i["text"])}</td></tr>')
    return "<table><tbody>" + "".join(rows) + "</tbody></table>"


def score_table(f, pilot):
    rows = []
    for t in range(1, 5):
        ss = [f["statements"][n] for n in range(1, 10) if f["statements"][n]["theme"] == t]
        for i, s in enumerate(ss):
            th = f'<th rowspan="{len(ss)}">{E(theme_name(f, t))}</th>' if i == 0 else ""
            rows.append(f"<tr>{th}<td>{E(s['name'])}</td><td>{s['score']}</td><td>{BAND[s['score']]}</td></tr>")
    head = "Indicative score" if pilot else "Score"
    return (f"<table><thead><tr><th>Theme</th><th>Quality statement</th><th>{head}</th><th>What the score means</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")


# ------------------------------------------------------------------ DOCX for LibreOffice
def report_docx(f, path, two_col):
    from docx import Document
    from docx.enum.section import WD_SECTION
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor, Mm

    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = "Liberation Sans"
    st.font.size = Pt(10.5)
    for name, size in (("Heading 1", 18), ("Heading 2", 14), ("Heading 3", 11.5), ("Heading 4", 10.5)):
        hs = doc.styles[name]
        hs.font.name = "Liberation Sans"
        hs.font.size = Pt(size)
        hs.font.color.rgb = RGBColor(0x3c, 0x2a, 0x65)
    # automatic hyphenation for the whole document
    ah = OxmlElement("w:autoHyphenation")
    doc.settings.element.append(ah)

    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.different_first_page_header_footer = True

    def field(par, code):
        r = par.add_run()
        b = OxmlElement("w:fldChar"); b.set(qn("w:fldCharType"), "begin"); r._r.append(b)
        r2 = par.add_run()
        t = OxmlElement("w:instrText"); t.set(qn("xml:space"), "preserve"); t.text = f" {code} "; r2._r.append(t)
        r3 = par.add_run()
        s = OxmlElement("w:fldChar"); s.set(qn("w:fldCharType"), "separate"); r3._r.append(s)
        par.add_run("1")
        r4 = par.add_run()
        e = OxmlElement("w:fldChar"); e.set(qn("w:fldCharType"), "end"); r4._r.append(e)

    def header_footer(section):
        from docx.enum.text import WD_TAB_ALIGNMENT
        hp = section.header.paragraphs[0]
        from docx.shared import Inches
        hp.paragraph_format.tab_stops.add_tab_stop(Inches(3.25), WD_TAB_ALIGNMENT.CLEAR)
        hp.paragraph_format.tab_stops.add_tab_stop(Inches(6.5), WD_TAB_ALIGNMENT.CLEAR)
        hp.paragraph_format.tab_stops.add_tab_stop(Mm(159), WD_TAB_ALIGNMENT.RIGHT)
        hp.text = f"{f['header']}\tCare Quality Commission"
        hp.runs[0].font.size = Pt(8)
        fp = section.footer.paragraphs[0]
        fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
        fp.add_run("Page ")
        field(fp, "PAGE")
        fp.add_run(" of ")
        field(fp, "NUMPAGES")

    header_footer(sec)

    def para(text, bold=False, size=None, align=None, style=None):
        p = doc.add_paragraph(style=style)
        r = p.add_run(text)
        r.bold = bold
        if size:
            r.font.size = Pt(size)
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY if align is None else align
        return p

    # cover
    para("Care Quality Commission", bold=True, size=14, align=WD_ALIGN_PARAGRAPH.LEFT)
    for _ in range(6):
        doc.add_paragraph()
    para("Local authority assessment", bold=True, size=28, align=WD_ALIGN_PARAGRAPH.LEFT)
    para(f["council"], size=20, align=WD_ALIGN_PARAGRAPH.LEFT)
    para(f"Published {fmt_date(f['published'], 'long')}", size=12, align=WD_ALIGN_PARAGRAPH.LEFT)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    doc.add_heading("Contents", level=1)
    for t in [f"About {f['council']}", "Overall summary"] + [f"Theme {t}: {theme_name(f, t)}" for t in range(1, 5)]:
        para(t, align=WD_ALIGN_PARAGRAPH.LEFT)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def lv(items):
        tb = doc.add_table(rows=0, cols=2)
        tb.style = "Table Grid"
        for i in items:
            cells = tb.add_row().cells
            if "label" in i:
                cells[0].text, cells[1].text = i["label"], i["value"]
                cells[0].paragraphs[0].runs[0].bold = True
            else:
                m = cells[0].merge(cells[1])
                m.text = i["text"]
        doc.add_paragraph()

    doc.add_heading(f"About {f['council']}", level=1)
    para(f"Assessment published: {fmt_date(f['published'], 'long')}")
    doc.add_heading("Demographics", level=2)
    lv(f["demographics"])
    doc.add_heading("Financial facts", level=2)
    lv(f["financial"])

    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_heading("Overall summary", level=1)
    doc.add_heading("Local authority rating and score", level=2)
    para(f["council"])
    para(f["rating"], bold=True)
    para(f"Overall rating for {f['council']}: {f['pct_printed']}%")
    doc.add_heading("Quality statement scores", level=2)
    tb = doc.add_table(rows=1, cols=3)
    tb.style = "Table Grid"
    tb.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, t in zip(tb.rows[0].cells, ("Theme", "Quality statement", "Score")):
        cell.text = t
        cell.paragraphs[0].runs[0].bold = True
    for t in range(1, 5):
        ss = [f["statements"][n] for n in range(1, 10) if f["statements"][n]["theme"] == t]
        first = None
        for i, s in enumerate(ss):
            cells = tb.add_row().cells
            if i == 0:
                cells[0].text = theme_name(f, t)
                first = cells[0]
            else:
                first = first.merge(cells[0])
            cells[1].text = s["name"]
            cells[2].text = f"{s['score']} - {BAND[s['score']]}"
    doc.add_paragraph()
    doc.add_heading("Summary of people's experiences", level=2)
    for x in f["people"]:
        para(x)
    doc.add_heading("Summary of strengths, areas for development and next steps", level=2)
    para(f["strengths"])

    new = doc.add_section(WD_SECTION.NEW_PAGE)
    new.different_first_page_header_footer = False
    if two_col:
        cols = new._sectPr.xpath("./w:cols")
        c = cols[0] if cols else OxmlElement("w:cols")
        c.set(qn("w:num"), "2")
        c.set(qn("w:space"), "454")
        if not cols:
            new._sectPr.append(c)
    for t in range(1, 5):
        doc.add_heading(f"Theme {t}: {theme_name(f, t)}", level=1)
        for n in range(1, 10):
            s = f["statements"][n]
            if s["theme"] != t:
                continue
            doc.add_heading(s["name"], level=2)
            para(f"Score: {s['score']}", bold=True)
            para(f"{s['score']} - {BAND[s['score']]}")
            doc.add_heading("What people expect", level=3)
            for x in s["wpe"]:
                para(x, style="List Bullet")
            doc.add_heading("The local authority commitment", level=3)
            para(s["commitment"])
            doc.add_heading("Key findings for this quality statement", level=3)
            for sec_ in s["sections"]:
                if sec_["heading"]:
                    doc.add_heading(sec_["heading"], level=4)
                for b in sec_["blocks"]:
                    para(b[1])
                    if b[0] == "ul":
                        for i in b[2]:
                            para(i, style="List Bullet")
    doc.save(path)


# ------------------------------------------------------------------ run the engines
def build_pdf(f, out_path, workdir, venv_python):
    engine, url, scope = f["pdf"]
    os.makedirs(os.path.dirname(out_path), exist_ok=True)
    base = os.path.join(workdir, f["slug"])
    if engine == "weasyprint":
        hp = base + ".html"
        open(hp, "w").write(report_html(f, engine, scope, two_col=(f["slug"] == "camden-0225")))
        subprocess.run([venv_python, "-c",
                        "import sys, weasyprint; weasyprint.HTML(sys.argv[1]).write_pdf(sys.argv[2])",
                        hp, out_path], check=True)
    elif engine == "chromium":
        hp = base + ".chromium.html"
        open(hp, "w").write(report_html(f, engine, scope))
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--print-to-pdf={out_path}", "file://" + hp], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
    elif engine == "libreoffice":
        dp = base + ".docx"
        subprocess.run([venv_python, "-c",
                        "import sys; sys.path.insert(0, sys.argv[3]); import model, pdfs;"
                        "fs={x['slug']:x for x in model.build_model()};"
                        "pdfs.report_docx(fs[sys.argv[1]], sys.argv[2], sys.argv[1]=='lancashire-0825')",
                        f["slug"], dp, os.path.dirname(os.path.abspath(__file__))], check=True)
        outdir = os.path.join(workdir, "lo-out")
        os.makedirs(outdir, exist_ok=True)
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{workdir}/lo-profile",
                        "--convert-to", "pdf:writer_pdf_Export", "--outdir", outdir, dp], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
        os.replace(os.path.join(outdir, f["slug"] + ".pdf"), out_path)
    else:
        raise ValueError(engine)


def pdf_carries(f):
    engine, url, scope = f["pdf"]
    scores = {str(n): f["scores"][n - 1] for n in range(1, 10)}
    out = {"rating": f["rating"], "overall_pct": f["pct_printed"], "scores": scores,
           "people_experience": list(f["people"])}
    if scope == "full":
        from model import statements_key
        out["statements"] = statements_key(f)
        out["demographics"] = f["demographics"]
        out["financial_facts"] = f["financial"]
    else:
        out["statements"] = {}
    return out
