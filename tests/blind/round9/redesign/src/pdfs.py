"""Report PDFs: Chromium headless print-to-pdf from HTML, and LibreOffice from python-docx .docx.
Run with the scratch venv (python-docx): /tmp/blind-redesign9/venv/bin/python src/pdfs.py"""
import os
import subprocess
import sys
from html import escape as E

sys.path.insert(0, os.path.dirname(__file__))
import render
from render import FAMS, SITE, d, header_title
from data import STATEMENTS, THEMES, BAND

TMP = "/tmp/blind-redesign9/pdfwork"
os.makedirs(TMP, exist_ok=True)
os.makedirs(os.path.join(SITE, "pdf"), exist_ok=True)

RATING_BAND = {"Outstanding": 4, "Good": 3, "Requires improvement": 2, "Inadequate": 1}


def score_text(f, n):
    sc = f["scores"][n - 1]
    if f["kind"] == "pilot":
        return f"Indicative score: {sc} - {BAND[sc]}"
    return f"Score: {sc} - {BAND[sc]}"


# ------------------------------------------------------------------ Chromium

def chromium_html(f):
    pilot = f["kind"] == "pilot"
    title = header_title(f)
    css = """
@page { size: A4; margin: 22mm 18mm 20mm 18mm;
  @top-left { content: "%s"; font: 8pt Arial, sans-serif; color: #555; }
  @top-right { content: "Care Quality Commission"; font: 8pt Arial, sans-serif; color: #555; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt Arial, sans-serif; }
  @bottom-left { content: "Published %s"; font: 8pt Arial, sans-serif; color: #555; } }
@page :first { @top-left { content: none; } @top-right { content: none; } @bottom-left { content: none; } @bottom-right { content: none; } }
body { font: 10pt/1.4 Arial, Helvetica, sans-serif; color: #111; }
.cover { page-break-after: always; padding-top: 60mm; }
.cover h1 { font-size: 28pt; color: #1a3c6e; margin: 0 0 8mm; }
.cover p { font-size: 13pt; }
.toc { page-break-after: always; }
.toc li { margin: 2mm 0; }
h2 { color: #1a3c6e; font-size: 16pt; border-bottom: 1px solid #1a3c6e; }
h3 { font-size: 12pt; margin-bottom: 1mm; }
h4 { font-size: 10.5pt; margin: 3mm 0 1mm; }
table { border-collapse: collapse; width: 100%%; margin: 4mm 0; }
th, td { border: 1px solid #999; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }
thead th { background: #1a3c6e; color: #fff; }
.cols { column-count: 2; column-gap: 8mm; text-align: justify; hyphens: auto; -webkit-hyphens: auto; }
.qs { break-before: page; }
.score { font-weight: bold; background: #eef2f7; padding: 1.5mm 2mm; }
""" % (title.replace('"', ''), d(f["pub"]))
    o = [f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{E(title)}</title><style>{css}</style></head><body>']
    o.append(f'<div class="cover"><p>Care Quality Commission</p><h1>{E(f["council"])}</h1>'
             f'<p>{"Pilot assessment of" if pilot else "Local authority assessment:"} how the local authority meets its duties under Part 1 of the Care Act 2014</p>'
             f'<p>Date of publication: {d(f["pub"])}</p></div>')
    toc = ["Overall summary", "Key facts and scores"] + [f"Theme {t}: {n}" for t, n, _ in THEMES]
    o.append('<div class="toc"><h2>Contents</h2><ol>' + "".join(f"<li>{E(t)}</li>" for t in toc) + "</ol></div>")
    o.append('<h2>Overall summary</h2>')
    if pilot:
        o.append(f'<p><b>Local authority indicative rating</b></p><p>{f["rating"]}: {BAND[RATING_BAND[f["rating"]]]}</p>')
    else:
        o.append(f'<p><b>Local authority rating and score</b></p><p>{E(f["council"])}: {f["rating"]}</p>'
                 f'<p>Overall rating for {E(f["council"])}: {f["pct"]}%</p>')
    o.append("<h3>Summary of people's experiences</h3>" + "".join(f"<p>{E(p)}</p>" for p in f["people"]))
    o.append('<h2>Key facts and scores</h2><table><thead><tr><th>Theme</th><th>Quality statement</th><th>'
             + ("Indicative score" if pilot else "Score") + '</th></tr></thead><tbody>')
    for t, tname, ns in THEMES:
        for k, n in enumerate(ns):
            th = f'<th rowspan="{len(ns)}">{E(tname)}</th>' if k == 0 else ""
            o.append(f'<tr>{th}<td>{STATEMENTS[n]}</td><td>{f["scores"][n-1]}</td></tr>')
    o.append('</tbody></table>')
    for t, tname, ns in THEMES:
        o.append(f'<div class="qs"><h2>Theme {t}: {E(tname)}</h2>')
        for n in ns:
            s = f["statements"][n]
            o.append(f'<h3>{STATEMENTS[n]}</h3><p class="score">{score_text(f, n)}</p><div class="cols">')
            o.append('<h4>What people expect</h4>' + "".join(f"<p>{E(x)}</p>" for x in s["what_people_expect"]))
            o.append(f'<h4>The local authority commitment{":" if pilot else ""}</h4><p>{E(s["commitment"])}</p>')
            o.append('<h4>Key findings for this quality statement</h4>')
            for kf in s["key_findings"]:
                o.append(f'<h4>{E(kf["heading"])}</h4>' + "".join(f"<p>{E(p)}</p>" for p in kf["paragraphs"]))
            o.append('</div>')
        o.append('</div>')
    o.append('</body></html>')
    return "\n".join(o)


def make_chromium(f):
    src = os.path.join(TMP, f"{f['slug']}.html")
    open(src, "w").write(chromium_html(f))
    out = os.path.join(SITE, "pdf", f"{f['slug']}.pdf")
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--user-data-dir={TMP}/chrome-profile", f"--print-to-pdf={out}", "file://" + src],
                   check=True, capture_output=True, timeout=120)


# ------------------------------------------------------------------ LibreOffice via docx

def make_docx(f):
    from docx import Document
    from docx.enum.section import WD_SECTION
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    pilot = f["kind"] == "pilot"
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = "Liberation Sans"
    st.font.size = Pt(10)
    rpr = st.element.get_or_add_rPr()
    lang = OxmlElement("w:lang"); lang.set(qn("w:val"), "en-GB"); rpr.append(lang)
    ah = OxmlElement("w:autoHyphenation"); ah.set(qn("w:val"), "true")
    doc.settings.element.append(ah)
    two_cols = f["idx"] % 2 == 1

    def field(par, instr):
        r = par.add_run()
        b = OxmlElement("w:fldChar"); b.set(qn("w:fldCharType"), "begin"); r._r.append(b)
        r2 = par.add_run()
        it = OxmlElement("w:instrText"); it.set(qn("xml:space"), "preserve"); it.text = instr; r2._r.append(it)
        r3 = par.add_run()
        e = OxmlElement("w:fldChar"); e.set(qn("w:fldCharType"), "end"); r3._r.append(e)

    # cover (first section without header/footer)
    sec = doc.sections[0]
    sec.different_first_page_header_footer = True
    for _ in range(8):
        doc.add_paragraph()
    p = doc.add_paragraph(); r = p.add_run("Care Quality Commission"); r.font.size = Pt(14)
    p = doc.add_paragraph(); r = p.add_run(f["council"]); r.bold = True; r.font.size = Pt(30); r.font.color.rgb = RGBColor(0x1a, 0x3c, 0x6e)
    p = doc.add_paragraph(); r = p.add_run("Local authority assessment" if not pilot else "Pilot local authority assessment (indicative)"); r.font.size = Pt(16)
    doc.add_paragraph(f"Published {d(f['pub'])}")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    hdr = sec.header.paragraphs[0]
    hdr.text = f"{f['council']} \u2013 local authority assessment"
    ftr = sec.footer.paragraphs[0]
    ftr.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    ftr.add_run("Page ")
    field(ftr, "PAGE")
    ftr.add_run(" of ")
    field(ftr, "NUMPAGES")

    doc.add_heading("Contents", level=1)
    for t in ["Overall summary", "Scores at a glance"] + [f"{n}" for _, n, _ in THEMES] + ["About the local authority"]:
        doc.add_paragraph(t, style="List Number")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    doc.add_heading("Overall summary", level=1)
    if pilot:
        doc.add_heading("Local authority indicative rating", level=2)
        doc.add_paragraph(f"{f['rating']}: {BAND[RATING_BAND[f['rating']]]}")
    else:
        doc.add_heading("Local authority rating and score", level=2)
        doc.add_paragraph(f"{f['council']}")
        p = doc.add_paragraph(); p.add_run(f["rating"]).bold = True
        doc.add_paragraph(f"Overall rating for {f['council']}: {f['pct']}%")
    doc.add_heading("Summary of people's experiences", level=2)
    for x in f["people"]:
        doc.add_paragraph(x).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

    doc.add_heading("Scores at a glance", level=1)
    tbl = doc.add_table(rows=1, cols=3)
    tbl.style = "Table Grid"
    h = tbl.rows[0].cells
    h[0].text, h[1].text, h[2].text = "Theme", "Quality statement", ("Indicative score" if pilot else "Score")
    for t, tname, ns in THEMES:
        first = None
        for k, n in enumerate(ns):
            row = tbl.add_row().cells
            if k == 0:
                row[0].text = tname
                first = row[0]
            else:
                first = first.merge(row[0])
            row[1].text = STATEMENTS[n]
            row[2].text = f"{f['scores'][n-1]} - {BAND[f['scores'][n-1]]}"

    for t, tname, ns in THEMES:
        ns_sec = doc.add_section(WD_SECTION.NEW_PAGE)
        if two_cols:
            cols = OxmlElement("w:cols"); cols.set(qn("w:num"), "2"); cols.set(qn("w:space"), "454")
            ns_sec._sectPr.append(cols)
        doc.add_heading(f"Theme {t}: {tname}", level=1)
        for n in ns:
            s = f["statements"][n]
            doc.add_heading(STATEMENTS[n], level=2)
            p = doc.add_paragraph(); p.add_run(score_text(f, n)).bold = True
            doc.add_heading("What people expect", level=3)
            for x in s["what_people_expect"]:
                doc.add_paragraph(x, style="List Bullet")
            doc.add_heading("The local authority commitment" + (":" if pilot else ""), level=3)
            doc.add_paragraph(s["commitment"])
            doc.add_heading("Key findings for this quality statement", level=3)
            for kf in s["key_findings"]:
                doc.add_heading(kf["heading"], level=4)
                for x in kf["paragraphs"]:
                    doc.add_paragraph(x).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    doc.add_section(WD_SECTION.NEW_PAGE)
    doc.add_heading("About the local authority", level=1)
    doc.add_heading("Demographics", level=2)
    for l, v in f["demo"]:
        doc.add_paragraph(f"{l}: {v}", style="List Bullet")
    doc.add_heading("Financial facts", level=2)
    for l, v in f["fin"]:
        doc.add_paragraph(v if v.startswith("The local authority") else f"{l}: {v}", style="List Bullet")
    docx = os.path.join(TMP, f"{f['slug']}.docx")
    doc.save(docx)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{TMP}/lo-profile", "--headless", "--convert-to",
                    "pdf:writer_pdf_Export", "--outdir", TMP, docx], check=True, capture_output=True, timeout=180)
    os.replace(os.path.join(TMP, f"{f['slug']}.pdf"), os.path.join(SITE, "pdf", f"{f['slug']}.pdf"))


if __name__ == "__main__":
    for f in FAMS:
        if f["pdf"] == "chromium":
            make_chromium(f)
        elif f["pdf"] == "libreoffice":
            make_docx(f)
        if f["pdf"]:
            print(f["slug"], f["pdf"], "ok")
