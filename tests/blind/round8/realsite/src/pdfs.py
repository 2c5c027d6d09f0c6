"""Report PDFs: Chromium (headless print-to-pdf from HTML with CSS paged media) and LibreOffice (docx -> pdf)."""
import os
import subprocess
from html import escape as e

from data import STATEMENTS, THEMES, BAND_PHRASE, RATING_PHRASE


def _date(d):
    return f"{d.day} {d.strftime('%B %Y')}"


def score_rows(f):
    rows = []
    for t, tname in THEMES.items():
        ns = [n for n, v in STATEMENTS.items() if v[0] == t]
        for i, n in enumerate(ns):
            rows.append((tname if i == 0 else None, len(ns), STATEMENTS[n][1], f["scores"][n - 1]))
    return rows


# ------------------------------------------------------------------ Chromium
CSS = """
@page { size: A4; margin: 22mm 18mm 20mm 18mm;
  @top-left { content: "%(council)s"; font: 8.5pt Arial, sans-serif; color: #555; }
  @top-right { content: "Local authority assessment"; font: 8.5pt Arial, sans-serif; color: #555; }
  @bottom-left { content: "Care Quality Commission"; font: 8.5pt Arial, sans-serif; color: #555; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8.5pt Arial, sans-serif; color: #555; }
}
@page :first { @top-left { content: none } @top-right { content: none } @bottom-left { content: none } @bottom-right { content: none } }
body { font: 10.5pt/1.45 Arial, Helvetica, sans-serif; color: #1d1d1b; hyphens: auto; -webkit-hyphens: auto; }
.cover { height: 200mm; box-sizing: border-box; page-break-after: always; border-top: 14mm solid #4b2e83; padding-top: 30mm; }
.cover h1 { font-size: 28pt; color: #4b2e83; margin: 0 0 8mm; }
.cover .sub { font-size: 16pt; }
.toc { page-break-after: always; } .toc li { margin: 2mm 0; }
h2 { color: #4b2e83; font-size: 17pt; page-break-before: always; }
h2.first { page-break-before: auto; }
h3 { font-size: 13pt; color: #4b2e83; } h4 { font-size: 11pt; margin-bottom: 1mm; }
table { border-collapse: collapse; width: 100%%; margin: 4mm 0; }
th, td { border: 0.4pt solid #999; padding: 2mm; text-align: left; vertical-align: top; }
thead th { background: #4b2e83; color: #fff; }
.findings { column-count: 2; column-gap: 8mm; text-align: justify; }
.findings h4 { break-after: avoid; }
.keyfacts { background: #f1edf7; padding: 4mm; }
"""


def chromium_html(f):
    pct = f["pct"]
    o = [f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{e(f["council"])}: local authority assessment</title>'
         f'<style>{CSS % {"council": f["council"]}}</style></head><body>']
    o.append(f'<div class="cover"><p class="sub">Care Quality Commission</p><h1>Local authority assessment</h1>'
             f'<p class="sub">{e(f["council"])}</p><p>Assessment published {_date(f["pub"])}</p>'
             f'<p>Local authority assessments under Part 1 of the Care Act 2014</p></div>')
    o.append('<div class="toc"><h2 class="first">Contents</h2><ol><li>Overall summary</li><li>Summary of people\'s experiences</li>')
    for t, tname in THEMES.items():
        o.append(f"<li>Theme {t}: {e(tname)}</li>")
    o.append("</ol></div>")
    o.append('<h2 class="first">Overall summary</h2><div class="keyfacts">')
    o.append(f'<p><strong>Local authority rating and score</strong></p><p>{e(f["council"])}: {f["rating"]}</p>'
             f'<p>{RATING_PHRASE[f["rating"]]}</p><p>Overall rating for {e(f["council"])}: {pct}%</p></div>')
    o.append('<table><thead><tr><th>Theme</th><th>Quality statement</th><th>Score</th></tr></thead><tbody>')
    for tname, span, name, s in score_rows(f):
        th = f'<th rowspan="{span}">{e(tname)}</th>' if tname else ""
        o.append(f"<tr>{th}<td>{e(name)}</td><td>{s} - {BAND_PHRASE[s]}</td></tr>")
    o.append("</tbody></table>")
    o.append("<h3>Summary of people's experiences</h3>" + "".join(f"<p>{e(x)}</p>" for x in f["people"]))
    for t, tname in THEMES.items():
        o.append(f"<h2>Theme {t}: {e(tname)}</h2>")
        for n, v in STATEMENTS.items():
            if v[0] != t:
                continue
            S = f["statements"][n]
            s = f["scores"][n - 1]
            o.append(f"<h3>{e(v[1])}</h3><p><strong>Score: {s}</strong></p><p>{s} - {BAND_PHRASE[s]}</p>")
            o.append("<h4>What people expect</h4>" + "".join(f"<p>{e(x)}</p>" for x in S["what_people_expect"]))
            o.append(f"<h4>The local authority commitment</h4><p>{e(S['commitment'])}</p>")
            o.append('<h4>Key findings for this quality statement</h4><div class="findings">')
            for kf in S["key_findings"]:
                o.append(f"<h4>{e(kf['heading'])}</h4>" + "".join(f"<p>{e(p)}</p>" for p in kf["paragraphs"]))
                if kf["bullets"]:
                    o.append("<ul>" + "".join(f"<li>{e(b)}</li>" for b in kf["bullets"]) + "</ul>")
            o.append("</div>")
    o.append(f'<p style="margin-top:10mm;font-size:9pt">© Care Quality Commission {f["pub"].year}</p></body></html>')
    return "".join(o)


def build_chromium(f, out_pdf, tmp):
    src = os.path.join(tmp, f["slug"] + ".html")
    with open(src, "w", encoding="utf-8") as fh:
        fh.write(chromium_html(f))
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--user-data-dir={tmp}/chrome-profile", f"--print-to-pdf={out_pdf}", "file://" + src],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    return "Chromium 156 (headless print-to-pdf, Skia/PDF)"


def build_weasyprint(f, out_pdf, tmp):
    import weasyprint
    html = chromium_html(f).replace("Skia", "")
    weasyprint.HTML(string=html, base_url=tmp).write_pdf(out_pdf)
    return f"WeasyPrint {weasyprint.__version__} (HTML + CSS paged media)"


# ------------------------------------------------------------------ LibreOffice from docx
def build_docx(f, out_pdf, tmp):
    from docx import Document
    from docx.shared import Pt, RGBColor, Mm
    from docx.enum.text import WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    pilot = f["kind"] == "pilot"
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = "Arial"
    st.font.size = Pt(10.5)
    for hn, sz in (("Heading 1", 18), ("Heading 2", 14), ("Heading 3", 12)):
        doc.styles[hn].font.name = "Arial"
        doc.styles[hn].font.size = Pt(sz)
        doc.styles[hn].font.color.rgb = RGBColor(0x4B, 0x2E, 0x83)
    # auto hyphenation
    settings = doc.settings.element
    ah = OxmlElement("w:autoHyphenation")
    ah.set(qn("w:val"), "true")
    settings.append(ah)

    sec = doc.sections[0]
    sec.page_height, sec.page_width = Mm(297), Mm(210)
    sec.different_first_page_header_footer = True

    def field(par, instr):
        r = par.add_run()
        b = OxmlElement("w:fldChar"); b.set(qn("w:fldCharType"), "begin"); r._r.append(b)
        r2 = par.add_run()
        it = OxmlElement("w:instrText"); it.set(qn("xml:space"), "preserve"); it.text = instr; r2._r.append(it)
        r3 = par.add_run()
        s = OxmlElement("w:fldChar"); s.set(qn("w:fldCharType"), "separate"); r3._r.append(s)
        par.add_run("1")
        r4 = par.add_run()
        en = OxmlElement("w:fldChar"); en.set(qn("w:fldCharType"), "end"); r4._r.append(en)

    title = f"{f['council']} assessment" if pilot else f"{f['council']}: local authority assessment"
    hp = sec.header.paragraphs[0]
    hp.text = title
    hp.runs[0].font.size = Pt(8.5)
    fp = sec.footer.paragraphs[0]
    fp.add_run("Care Quality Commission    ")
    fp.add_run("Page ")
    field(fp, "PAGE")
    fp.add_run(" of ")
    field(fp, "NUMPAGES")
    for r in fp.runs:
        r.font.size = Pt(8.5)

    # cover
    p = doc.add_paragraph()
    p.paragraph_format.space_before = Pt(140)
    r = p.add_run("Care Quality Commission"); r.font.size = Pt(14)
    p = doc.add_paragraph(); r = p.add_run(title); r.bold = True; r.font.size = Pt(26); r.font.color.rgb = RGBColor(0x4B, 0x2E, 0x83)
    if pilot:
        doc.add_paragraph("Pilot assessment of how the local authority meets its duties under Part 1 of the Care Act 2014")
        doc.add_paragraph(f"Assessment start date: {_date(f['start'])}")
    doc.add_paragraph(f"Published: {_date(f['pub'])}")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    doc.add_heading("Contents", 1)
    for i, x in enumerate(["Overall summary", "Summary of people's experiences"] + [f"Theme {t}: {n}" for t, n in THEMES.items()], 1):
        doc.add_paragraph(f"{i}. {x}")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    doc.add_heading("Overall summary", 1)
    if pilot:
        doc.add_heading("Local authority indicative rating", 2)
        doc.add_paragraph(f"{f['rating']}: {RATING_PHRASE[f['rating']]}")
    else:
        doc.add_heading("Local authority rating and score", 2)
        doc.add_paragraph(f"{f['council']}")
        doc.add_paragraph(f"{f['rating']}")
        doc.add_paragraph(f"Overall rating for {f['council']}: {f['pct']}%")
    doc.add_heading("Quality statement scores", 2)
    rows = score_rows(f)
    tbl = doc.add_table(rows=1 + len(rows), cols=3)
    tbl.style = "Table Grid"
    hdr = ["Theme", "Quality statement", "Indicative score" if pilot else "Score"]
    for i, h in enumerate(hdr):
        tbl.cell(0, i).text = h
        tbl.cell(0, i).paragraphs[0].runs[0].bold = True
    start = None
    for i, (tname, span, name, s) in enumerate(rows, 1):
        if tname:
            tbl.cell(i, 0).text = tname
            if span > 1:
                tbl.cell(i, 0).merge(tbl.cell(i + span - 1, 0))
        tbl.cell(i, 1).text = name
        tbl.cell(i, 2).text = f"{s} - {BAND_PHRASE[s]}"
    doc.add_heading("Summary of people's experiences", 2)
    for x in f["people"]:
        doc.add_paragraph(x)

    if f.get("pdf_cols") == 2:
        from docx.enum.section import WD_SECTION
        body = doc.add_section(WD_SECTION.NEW_PAGE)
        cols = body._sectPr.xpath("./w:cols")
        c = cols[0] if cols else OxmlElement("w:cols")
        c.set(qn("w:num"), "2"); c.set(qn("w:space"), "425")
        if not cols:
            body._sectPr.append(c)
    for t, tname in THEMES.items():
        if not (f.get("pdf_cols") == 2 and t == 1):
            doc.add_page_break()
        doc.add_heading(f"Theme {t}: {tname}", 1)
        for n, v in STATEMENTS.items():
            if v[0] != t:
                continue
            S = f["statements"][n]
            s = f["scores"][n - 1]
            doc.add_heading(v[1], 2)
            if pilot:
                doc.add_paragraph("Indicative score:")
                doc.add_paragraph(f"{s} - {BAND_PHRASE[s]}")
            else:
                doc.add_paragraph(f"Score: {s}")
                doc.add_paragraph(f"{s} - {BAND_PHRASE[s]}")
            doc.add_heading("What people expect", 3)
            for x in S["what_people_expect"]:
                doc.add_paragraph(x)
            doc.add_heading("The local authority commitment:" if pilot else "The local authority commitment", 3)
            doc.add_paragraph(S["commitment"])
            doc.add_heading("Key findings for this quality statement", 3)
            for kf in S["key_findings"]:
                hp2 = doc.add_paragraph()
                rr = hp2.add_run(kf["heading"]); rr.bold = True
                for para in kf["paragraphs"]:
                    doc.add_paragraph(para).paragraph_format.alignment = 3  # justify
                for b in kf["bullets"]:
                    doc.add_paragraph(b, style="List Bullet")
    docx_path = os.path.join(tmp, f["slug"] + ".docx")
    doc.save(docx_path)
    outdir = os.path.join(tmp, "lo-out")
    os.makedirs(outdir, exist_ok=True)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/lo-profile", "--headless", "--convert-to",
                    "pdf:writer_pdf_Export", "--outdir", outdir, docx_path], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
    os.replace(os.path.join(outdir, f["slug"] + ".pdf"), out_pdf)
    return "LibreOffice 7.4 (writer_pdf_Export) from a python-docx .docx"
