"""Report PDFs for the wagtail site: WeasyPrint and Chromium from HTML, LibreOffice from a .docx."""
import html
import os
import subprocess
import tempfile

e = html.escape
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
DOC_IDS = {"camden-0225": 2231, "staffordshire-0525": 2587, "kent-0525": 2601, "stokeontrent-0625": 2690,
           "leicestercity-0725": 2744, "norfolk-0226": 3318}


def longdate(d):
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def pdf_location(f):
    s = f["slug"]
    if f["layout"] in ("v1", "pilot"):
        name = f["council"].replace(" ", "_")
        base = f"{name}_assessment_report_Nov_2023.pdf" if f["kind"] == "pilot" else f"{name}_LA_assessment_report_final.pdf"
        return f"/media/documents/{base}", f"documents/media/{base}"
    base = f"{s.split('-')[0]}-local-authority-assessment-report.pdf"
    i = DOC_IDS[s]
    return f"/documents/{i}/{base}", f"documents/{i}/{base}"


def build(f, site, ctx):
    url, rel = pdf_location(f)
    out = os.path.join(site, rel)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    eng = f["pdf"]
    if eng == "weasyprint":
        import weasyprint
        weasyprint.HTML(string=report_html(f, ctx, "weasyprint")).write_pdf(out)
        return url, rel, f"WeasyPrint {weasyprint.__version__}"
    if eng == "chromium":
        with tempfile.TemporaryDirectory(dir="/tmp/blind-wagtail") as td:
            src = os.path.join(td, "report.html")
            open(src, "w", encoding="utf-8").write(report_html(f, ctx, "chromium"))
            subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                            f"--print-to-pdf={out}", "file://" + src], check=True, capture_output=True, timeout=120)
        ver = subprocess.run(["chromium", "--version"], capture_output=True, text=True).stdout.split()[1]
        return url, rel, f"Chromium {ver} (headless --print-to-pdf)"
    if eng == "libreoffice":
        with tempfile.TemporaryDirectory(dir="/tmp/blind-wagtail") as td:
            src = os.path.join(td, os.path.splitext(os.path.basename(out))[0] + ".docx")
            report_docx(f, ctx, src)
            subprocess.run(["soffice", f"-env:UserInstallation=file://{td}/lo", "--headless", "--convert-to",
                            "pdf:writer_pdf_Export", "--outdir", td, src], check=True, capture_output=True, timeout=180)
            os.replace(src[:-5] + ".pdf", out)
        return url, rel, "LibreOffice 7.4.7.2 (writer_pdf_Export, from a python-docx .docx)"
    raise ValueError(eng)


# ---------------------------------------------------------------- HTML report (WeasyPrint / Chromium)
CSS = """
@page { size: A4; margin: 24mm 18mm 22mm 18mm;
  @top-left { content: "%(running)s"; font: 8pt Arial, sans-serif; color: #555; }
  @top-right { content: "Care Quality Commission"; font: 8pt Arial, sans-serif; color: #555; }
  @bottom-left { content: "%(footer)s"; font: 8pt Arial, sans-serif; color: #555; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt Arial, sans-serif; }
}
@page :first { @top-left { content: none; } @top-right { content: none; } @bottom-left { content: none; } @bottom-right { content: none; } }
html { font: 10pt/1.4 "DejaVu Sans", Arial, sans-serif; color: #111; }
body { margin: 0; }
.cover { page-break-after: always; padding-top: 60mm; }
.cover .org { font-size: 12pt; letter-spacing: .05em; text-transform: uppercase; color: #1e1e50; }
.cover h1 { font-size: 28pt; margin: 8mm 0 4mm; color: #1e1e50; }
.cover .sub { font-size: 16pt; }
.toc { page-break-after: always; }
.toc ol { list-style: none; padding: 0; }
.toc li { margin: 2mm 0; }
.toc a { color: #111; text-decoration: none; }
%(toc_css)s
h2 { color: #1e1e50; font-size: 15pt; page-break-after: avoid; }
h3 { font-size: 11.5pt; page-break-after: avoid; }
h4 { font-size: 10pt; margin: 3mm 0 1mm; page-break-after: avoid; }
.statement { page-break-before: always; }
.findings { columns: 2; column-gap: 8mm; hyphens: auto; text-align: justify; }
.findings h4 { break-after: avoid; }
table { border-collapse: collapse; width: 100%%; margin: 3mm 0; }
th, td { border: 0.5pt solid #999; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }
thead th { background: #1e1e50; color: #fff; }
tbody th[rowspan] { background: #eef; }
.keyfacts th { width: 45%%; background: #f2f2f2; }
.scoreline { font-weight: bold; }
.commitment { border-left: 3pt solid #1e1e50; padding-left: 3mm; font-style: italic; }
"""


def report_html(f, ctx, engine):
    STMT, THEMES, BANDS = ctx["STMT"], ctx["THEMES"], ctx["BANDS"]
    texts = ctx["statement_texts"](f)
    pilot = f["kind"] == "pilot"
    running = ctx["header_title"](f)
    footer = f"Published {longdate(f['published'])}"
    toc_css = (".toc a::after { content: leader('.') target-counter(attr(href), page); }" if engine == "weasyprint" else "")
    css = CSS % dict(running=running.replace('"', ''), footer=footer, toc_css=toc_css)
    p = []
    p.append(f'<section class="cover"><p class="org">Care Quality Commission</p><h1>{e(f["council"])}</h1>'
             f'<p class="sub">{"Pilot assessment of Care Act duties" if pilot else "Local authority assessment"}</p>'
             f'<p>Assessment published: {longdate(f["published"])}</p></section>')
    toc = [("#summary", "Overall summary")]
    for t in range(1, 5):
        toc.append((f"#theme{t}", THEMES[t]))
    p.append('<nav class="toc"><h2>Contents</h2><ol>' + "".join(f'<li><a href="{h}">{e(t)}</a></li>' for h, t in toc) + "</ol></nav>")
    # summary
    p.append('<section id="summary"><h2>Overall summary</h2>')
    if pilot:
        p.append(f'<table class="keyfacts"><tbody><tr><th scope="row">Local authority</th><td>{e(f["council"])}</td></tr>'
                 f'<tr><th scope="row">Indicative rating</th><td>{e(f["rating"])}</td></tr></tbody></table>')
    else:
        p.append(f'<table class="keyfacts"><tbody><tr><th scope="row">Local authority</th><td>{e(f["council"])}</td></tr>'
                 f'<tr><th scope="row">Rating</th><td>{e(f["rating"])}</td></tr>'
                 f'<tr><th scope="row">Overall score</th><td>{f["pct"]}%</td></tr></tbody></table>')
    rows = []
    for t in range(1, 5):
        ns = [n for n in range(1, 10) if STMT[n]["theme"] == t]
        for j, n in enumerate(ns):
            th = f'<th rowspan="{len(ns)}">{e(THEMES[t])}</th>' if j == 0 else ""
            sc = f["scores"][n]
            rows.append(f'<tr>{th}<td>{e(STMT[n]["name"])}</td><td>{sc}</td><td>{BANDS[sc]}</td></tr>')
    sh = "Indicative score" if pilot else "Score"
    p.append(f'<h3>Quality statement scores</h3><table class="scores"><thead><tr><th>Theme</th><th>Quality statement</th><th>{sh}</th><th>What the score means</th></tr></thead>'
             f'<tbody>{"".join(rows)}</tbody></table>')
    p.append("<h3>Summary of people's experiences</h3>" + "".join(f"<p>{e(x)}</p>" for x in ctx["people_experience"](f)))
    p.append("</section>")
    for t in range(1, 5):
        for j, n in enumerate([n for n in range(1, 10) if STMT[n]["theme"] == t]):
            tx = texts[n]
            sid = f' id="theme{t}"' if j == 0 else ""
            p.append(f'<section class="statement"{sid}>')
            if j == 0:
                p.append(f'<p class="theme-label">Theme {t}: {e(THEMES[t])}</p>')
            sc = f["scores"][n]
            lab = "Indicative score" if pilot else "Score"
            p.append(f'<h2>{e(STMT[n]["name"])}</h2><p class="scoreline">{lab}: {sc} - {BANDS[sc]}</p>')
            p.append("<h3>What people expect</h3><ul>" + "".join(f"<li>{e(x)}</li>" for x in tx["what_people_expect"]) + "</ul>")
            p.append(f'<h3>The local authority commitment</h3><p class="commitment">{e(tx["commitment"])}</p>')
            p.append('<h3>Key findings for this quality statement</h3><div class="findings">')
            for sec in tx["key_findings"]:
                if sec["heading"]:
                    p.append(f"<h4>{e(sec['heading'])}</h4>")
                lis = []
                for kind, text in sec["blocks"]:
                    if kind == "li":
                        lis.append(f"<li>{e(text)}</li>")
                    else:
                        if lis:
                            p.append("<ul>" + "".join(lis) + "</ul>")
                            lis = []
                        p.append(f"<p>{e(text)}</p>")
                if lis:
                    p.append("<ul>" + "".join(lis) + "</ul>")
            p.append("</div></section>")
    return (f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{e(running)}</title>'
            f"<style>{css}</style></head><body>{''.join(p)}</body></html>")


# ---------------------------------------------------------------- DOCX report (LibreOffice)
def report_docx(f, ctx, path):
    from docx import Document
    from docx.enum.section import WD_SECTION
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor, Mm

    STMT, THEMES, BANDS = ctx["STMT"], ctx["THEMES"], ctx["BANDS"]
    texts = ctx["statement_texts"](f)
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = "Liberation Sans"
    st.font.size = Pt(10)
    # automatic hyphenation
    settings = doc.settings.element
    ah = OxmlElement("w:autoHyphenation")
    ah.set(qn("w:val"), "true")
    settings.append(ah)
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Mm(297), Mm(210)
    sec.left_margin = sec.right_margin = Mm(20)
    sec.different_first_page_header_footer = True

    def field(par, instr):
        r = par.add_run()
        b = OxmlElement("w:fldChar"); b.set(qn("w:fldCharType"), "begin"); r._r.append(b)
        r2 = par.add_run()
        it = OxmlElement("w:instrText"); it.set(qn("xml:space"), "preserve"); it.text = f" {instr} "; r2._r.append(it)
        r3 = par.add_run()
        s = OxmlElement("w:fldChar"); s.set(qn("w:fldCharType"), "separate"); r3._r.append(s)
        par.add_run("1")
        r4 = par.add_run()
        en = OxmlElement("w:fldChar"); en.set(qn("w:fldCharType"), "end"); r4._r.append(en)

    hp = sec.header.paragraphs[0]
    hp.text = f"{f['council']} | Local authority assessment report"
    hp.runs[0].font.size = Pt(8)
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fp.add_run("Page ")
    field(fp, "PAGE")
    fp.add_run(" of ")
    field(fp, "NUMPAGES")

    # cover
    for _ in range(8):
        doc.add_paragraph()
    t = doc.add_paragraph()
    r = t.add_run("Care Quality Commission"); r.font.size = Pt(14); r.font.color.rgb = RGBColor(0x1E, 0x1E, 0x50)
    t = doc.add_paragraph()
    r = t.add_run(f["council"]); r.font.size = Pt(26); r.bold = True
    t = doc.add_paragraph()
    r = t.add_run("Local authority assessment: how the local authority meets its duties under Part 1 of the Care Act 2014"); r.font.size = Pt(13)
    doc.add_paragraph(f"Date of publication: {longdate(f['published'])}")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    # contents (static list, numbered sections)
    doc.add_heading("Contents", level=1)
    entries = ["1. Overall summary"] + [f"{t + 1}. {THEMES[t]}" for t in range(1, 5)]
    for x in entries:
        doc.add_paragraph(x)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    # summary
    doc.add_heading("1. Overall summary", level=1)
    kt = doc.add_table(rows=2, cols=2)
    kt.style = "Table Grid"
    kt.cell(0, 0).text, kt.cell(0, 1).text = "Local authority rating", f["rating"]
    kt.cell(1, 0).text, kt.cell(1, 1).text = "Overall score", f"{f['pct']}%"
    doc.add_heading("Quality statement scores", level=2)
    tb = doc.add_table(rows=10, cols=3)
    tb.style = "Table Grid"
    for i, h in enumerate(["Theme", "Quality statement", "Score"]):
        tb.cell(0, i).text = h
        tb.cell(0, i).paragraphs[0].runs[0].bold = True
    row = 1
    for th in range(1, 5):
        ns = [n for n in range(1, 10) if STMT[n]["theme"] == th]
        first = tb.cell(row, 0)
        if len(ns) > 1:
            first = first.merge(tb.cell(row + len(ns) - 1, 0))
        first.text = THEMES[th]
        for n in ns:
            tb.cell(row, 1).text = STMT[n]["name"]
            tb.cell(row, 2).text = f"{f['scores'][n]} - {BANDS[f['scores'][n]]}"
            row += 1
    doc.add_heading("Summary of people's experiences", level=2)
    for x in ctx["people_experience"](f):
        doc.add_paragraph(x)
    for th in range(1, 5):
        doc.add_page_break()
        doc.add_heading(f"{th + 1}. {THEMES[th]}", level=1)
        for n in [n for n in range(1, 10) if STMT[n]["theme"] == th]:
            tx = texts[n]
            doc.add_heading(STMT[n]["name"], level=2)
            p = doc.add_paragraph()
            p.add_run(f"Score: {f['scores'][n]} - {BANDS[f['scores'][n]]}").bold = True
            doc.add_heading("What people expect", level=3)
            for x in tx["what_people_expect"]:
                doc.add_paragraph(x, style="List Bullet")
            doc.add_heading("The local authority commitment", level=3)
            q = doc.add_paragraph(tx["commitment"])
            q.runs[0].italic = True
            doc.add_heading("Key findings for this quality statement", level=3)
            for s in tx["key_findings"]:
                if s["heading"]:
                    doc.add_heading(s["heading"], level=4)
                for kind, text in s["blocks"]:
                    par = doc.add_paragraph(text, style="List Bullet" if kind == "li" else None)
                    par.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    doc.save(path)
