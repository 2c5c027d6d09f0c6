"""Report PDFs: Chromium (headless print-to-pdf from HTML) and LibreOffice (docx -> pdf)."""
import html
import os
import shutil
import subprocess

from data import STATEMENTS, THEMES, SCORE_PHRASE, RATING_PHRASE

E = html.escape
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def ld(d):
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def size_str(n):
    if n >= 1024 * 1024:
        return f"{n / 1024 / 1024:.1f}MB"
    return f"{max(1, round(n / 1024))}KB"


def findings_blocks(kf):
    """Yield ("h", text) / ("p", text) / ("li", text)."""
    for block in kf:
        yield ("h", block["heading"])
        paras = block["paragraphs"]
        listing = False
        for p in paras:
            yield ("li" if listing else "p", p)
            if p.endswith(":"):
                listing = True


# ------------------------------------------------------------------ Chromium
PDF_CSS = """
@page { size: A4; margin: 22mm 18mm 20mm 18mm;
  @top-left { content: "%(head)s"; font: 8pt Arial, sans-serif; color: #555; }
  @top-right { content: "Care Quality Commission"; font: 8pt Arial, sans-serif; color: #555; }
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font: 8pt Arial, sans-serif; } }
@page :first { @top-left { content: none; } @top-right { content: none; } @bottom-center { content: none; } }
body { font: 10.5pt/1.4 "DejaVu Sans", Arial, sans-serif; color: #111; }
.cover { page-break-after: always; padding-top: 60mm; }
.cover h1 { font-size: 28pt; color: #1d2d5f; margin: 0 0 8mm; }
.cover p { font-size: 13pt; }
.toc { page-break-after: always; } .toc li { margin: 2mm 0; }
table { border-collapse: collapse; width: 100%%; margin: 4mm 0; } th, td { border: 0.5pt solid #888; padding: 2mm; text-align: left; vertical-align: top; }
th { background: #e8ecf4; }
.qs { columns: 2; column-gap: 8mm; hyphens: auto; text-align: justify; }
.qs h2 { column-span: all; color: #1d2d5f; margin-top: 8mm; }
h3 { font-size: 11pt; margin: 3mm 0 1mm; } h4 { font-size: 10pt; margin: 3mm 0 1mm; }
.qs-block { page-break-before: always; }
"""


def chromium_html(f):
    pilot = f["kind"] == "pilot"
    head = f"{f['council']} assessment" if pilot else f"{f['council']}: local authority assessment"
    css = PDF_CSS % {"head": head.replace('"', "'")}
    out = [f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{E(head)}</title><style>{css}</style></head><body>']
    out.append(f'<section class="cover"><p>Care Quality Commission</p><h1>{E(f["council"])}</h1>'
               f'<p>{"Local authority assessment (pilot)" if pilot else "Local authority assessment"}</p>'
               f'<p>Care Act 2014 Part 1 duties</p><p>Published {ld(f["published"])}</p></section>')
    out.append('<section class="toc"><h2>Contents</h2><ol><li>Overall summary</li><li>Quality statement scores</li>'
               "<li>Summary of people's experiences</li>" + "".join(f"<li>{E(t)}</li>" for _, t, _ in THEMES) + "</ol></section>")
    out.append("<h2>Overall summary</h2>")
    if pilot:
        out.append(f'<table><tr><th scope="row">Local authority</th><td>{E(f["council"])}</td></tr>'
                   f'<tr><th scope="row">Local authority indicative rating</th><td>{f["rating"]}: {RATING_PHRASE[f["rating"]]}</td></tr></table>')
    else:
        out.append(f'<table><tr><th scope="row">Local authority</th><td>{E(f["council"])}</td></tr>'
                   f'<tr><th scope="row">Rating</th><td>{f["rating"]}</td></tr>'
                   f'<tr><th scope="row">Overall score</th><td>{f["pct"]}%</td></tr></table>')
    out.append("<h2>Quality statement scores</h2><table><thead><tr><th>Theme</th><th>Quality statement</th>"
               f"<th>{'Indicative score' if pilot else 'Score'}</th></tr></thead><tbody>")
    for t, tname, ss in THEMES:
        for k, s in enumerate(ss):
            th = f'<td rowspan="{len(ss)}">{E(tname)}</td>' if k == 0 else ""
            sc = f["scores"][s]
            out.append(f"<tr>{th}<td>{E(STATEMENTS[s])}</td><td>{sc} - {SCORE_PHRASE[sc]}</td></tr>")
    out.append("</tbody></table>")
    out.append("<h2>Summary of people's experiences</h2>" + "".join(f"<p>{E(p)}</p>" for p in f["people_experience"]))
    for t, tname, ss in THEMES:
        out.append(f'<div class="qs-block"><h2 style="color:#1d2d5f">Theme {t}: {E(tname)}</h2>')
        for s in ss:
            st = f["statements"][s]
            sc = f["scores"][s]
            lab = "Indicative score:" if pilot else "Score:"
            out.append(f'<div class="qs"><h2>{E(STATEMENTS[s])}</h2><p><strong>{lab}</strong> {sc} - {SCORE_PHRASE[sc]}</p>'
                       "<h3>What people expect</h3><ul>" + "".join(f"<li>{E(x)}</li>" for x in st["what_people_expect"]) + "</ul>"
                       f'<h3>The local authority commitment{":" if pilot else ""}</h3><p>{E(st["commitment"])}</p>'
                       "<h3>Key findings for this quality statement</h3>")
            inlist = False
            for kind, text in findings_blocks(st["key_findings"]):
                if kind != "li" and inlist:
                    out.append("</ul>")
                    inlist = False
                if kind == "h":
                    out.append(f"<h4>{E(text)}</h4>")
                elif kind == "p":
                    out.append(f"<p>{E(text)}</p>")
                else:
                    if not inlist:
                        out.append("<ul>")
                        inlist = True
                    out.append(f"<li>{E(text)}</li>")
            if inlist:
                out.append("</ul>")
            out.append("</div>")
        out.append("</div>")
    out.append("</body></html>")
    return "".join(out)


def run_chromium(html_path, pdf_path):
    cmd = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
           f"--print-to-pdf={pdf_path}", "file://" + html_path]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)


# ------------------------------------------------------------------ LibreOffice (docx)
def docx_report(f, path):
    from docx import Document
    from docx.enum.section import WD_SECTION
    from docx.enum.text import WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = "Liberation Sans"
    st.font.size = Pt(10.5)
    # automatic hyphenation (LibreOffice honours w:autoHyphenation on import)
    settings = doc.settings.element
    ah = OxmlElement("w:autoHyphenation")
    settings.append(ah)
    doc.core_properties.title = f"{f['council']} local authority assessment"
    doc.core_properties.author = "Care Quality Commission"

    sec = doc.sections[0]
    sec.different_first_page_header_footer = True
    hp = sec.header.paragraphs[0]
    hp.text = f"{f['council']} - local authority assessment report"
    fp = sec.footer.paragraphs[0]

    def field(par, instr):
        r = par.add_run()
        b = OxmlElement("w:fldChar"); b.set(qn("w:fldCharType"), "begin"); r._r.append(b)
        r2 = par.add_run()
        it = OxmlElement("w:instrText"); it.set(qn("xml:space"), "preserve"); it.text = instr; r2._r.append(it)
        r3 = par.add_run()
        s = OxmlElement("w:fldChar"); s.set(qn("w:fldCharType"), "separate"); r3._r.append(s)
        par.add_run("1")
        r4 = par.add_run()
        e = OxmlElement("w:fldChar"); e.set(qn("w:fldCharType"), "end"); r4._r.append(e)
    fp.add_run("Page ")
    field(fp, "PAGE")
    fp.add_run(" of ")
    field(fp, "NUMPAGES")

    # cover
    for _ in range(6):
        doc.add_paragraph("")
    p = doc.add_paragraph()
    r = p.add_run("Local authority assessment"); r.font.size = Pt(16)
    p = doc.add_paragraph()
    r = p.add_run(f["council"]); r.bold = True; r.font.size = Pt(30)
    doc.add_paragraph(f"Assessment published: {ld(f['published'])}")
    doc.add_paragraph("Care Quality Commission")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    # contents
    doc.add_heading("Contents", level=1)
    for i, t in enumerate(["Overall summary", "Quality statement scores", "Summary of people's experiences"] + [f"Theme {n}: {tn}" for n, tn, _ in THEMES], 1):
        doc.add_paragraph(f"{i}. {t}")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    doc.add_heading("Overall summary", level=1)
    t = doc.add_table(rows=3, cols=2)
    t.style = "Table Grid"
    for row, (a, b) in zip(t.rows, [("Local authority", f["council"]), ("Local authority rating", f["rating"]),
                                    ("Overall score", f"{f['pct']}%")]):
        row.cells[0].text = a
        row.cells[1].text = b
    doc.add_heading("Quality statement scores", level=2)
    t = doc.add_table(rows=10, cols=3)
    t.style = "Table Grid"
    for c, h in zip(t.rows[0].cells, ["Theme", "Quality statement", "Score"]):
        c.text = h
    r = 1
    for n, tname, ss in THEMES:
        top = t.cell(r, 0)
        if len(ss) > 1:
            top = top.merge(t.cell(r + len(ss) - 1, 0))
        top.text = tname
        for s in ss:
            t.cell(r, 1).text = STATEMENTS[s]
            t.cell(r, 2).text = f"Score: {f['scores'][s]}"
            r += 1
    doc.add_heading("Summary of people's experiences", level=2)
    for ptxt in f["people_experience"]:
        doc.add_paragraph(ptxt)

    # two-column section for the statements
    new = doc.add_section(WD_SECTION.NEW_PAGE)
    cols = new._sectPr.xpath("./w:cols")
    c = cols[0] if cols else OxmlElement("w:cols")
    c.set(qn("w:num"), "2"); c.set(qn("w:space"), "425")
    if not cols:
        new._sectPr.append(c)
    for n, tname, ss in THEMES:
        doc.add_heading(f"Theme {n}: {tname}", level=1)
        for s in ss:
            stt = f["statements"][s]
            sc = f["scores"][s]
            doc.add_heading(STATEMENTS[s], level=2)
            doc.add_paragraph(f"Score: {sc}")
            doc.add_paragraph(f"{sc} - {SCORE_PHRASE[sc]}")
            doc.add_heading("What people expect", level=3)
            for x in stt["what_people_expect"]:
                doc.add_paragraph(x, style="List Bullet")
            doc.add_heading("The local authority commitment", level=3)
            doc.add_paragraph(stt["commitment"])
            doc.add_heading("Key findings for this quality statement", level=3)
            for kind, text in findings_blocks(stt["key_findings"]):
                if kind == "h":
                    doc.add_heading(text, level=4)
                elif kind == "p":
                    doc.add_paragraph(text)
                else:
                    doc.add_paragraph(text, style="List Bullet")
    doc.save(path)


def run_lo(docx_path, outdir):
    subprocess.run(["soffice", "--headless", "-env:UserInstallation=file:///tmp/blind-redesign10/lo-profile",
                    "--convert-to", "pdf:writer_pdf_Export", "--outdir", outdir, docx_path],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)


def make_pdf(f, site, scratch):
    slug = f["slug"]
    y, m = f["published"].year, f["published"].month
    if f["engine"] == "chromium":
        hp = os.path.join(scratch, slug + ".html")
        with open(hp, "w", encoding="utf-8") as fh:
            fh.write(chromium_html(f))
        name = f"{slug}-local-authority-assessment.pdf"
        out = os.path.join(scratch, name)
        run_chromium(hp, out)
        engine = "Chromium 156 headless print-to-pdf (Skia/PDF), from HTML with CSS paged media"
    else:
        dp = os.path.join(scratch, f"{slug}_LA_assessment_report.docx")
        docx_report(f, dp)
        run_lo(dp, scratch)
        name = f"{slug}_LA_assessment_report.pdf"
        out = os.path.join(scratch, name)
        engine = "LibreOffice 7.4 (writer_pdf_Export) from a python-docx .docx"
    rel = f"sites/default/files/{y}-{m:02d}/{name}"
    dest = os.path.join(site, rel)
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    shutil.copy(out, dest)
    return {"url": "/" + rel, "file": rel, "engine": engine, "size": size_str(os.path.getsize(dest))}
