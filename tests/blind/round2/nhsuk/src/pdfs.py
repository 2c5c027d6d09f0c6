"""Report PDFs of the blind 'nhsuk' corpus: WeasyPrint, Chromium (headless print-to-pdf) and
LibreOffice (writer_pdf_Export from .odt made with odfpy and .docx made with python-docx)."""
import html, os, subprocess, shutil, tempfile
import bank
from model import BY_SLUG
from render import long_date

e = lambda t: html.escape(str(t), quote=False)

PDF_URLS = {
    "birmingham-cc": "/sites/default/files/2023-11/20231117-birmingham-city-council-la-assessment-report.pdf",
    "nottingham-city": "/sites/default/files/2023-11/nottingham-city-council-assessment-report.pdf",
    "derbyshirecc-0824": "/sites/default/files/2024-08/derbyshire-county-council-local-authority-assessment.pdf",
    "camden-0225": "/sites/default/files/2025-02/20250214_camden_la_assessment_report.pdf",
    "staffordshire-0525": "/sites/default/files/documents/staffordshire-0525-report.pdf",
    "leicestercity-0725": "/sites/default/files/2025-07/LA-assessment-Leicester-City-Council.pdf",
    "blackpool-0825": "/system/files/2025-08/blackpool-council-local-authority-assessment-report-august-2025.pdf",
    "manchester-0226": "/sites/default/files/2026-02/manchester_city_council_la_assessment_final.pdf",
}
PDF_TITLES = {
    "birmingham-cc": "Birmingham City Council assessment report",
    "nottingham-city": "Nottingham City Council assessment report",
    "derbyshirecc-0824": "Derbyshire County Council: local authority assessment summary",
    "camden-0225": "London Borough of Camden: local authority assessment report",
    "staffordshire-0525": "Download this report",
    "leicestercity-0725": "Leicester City Council local authority assessment",
    "blackpool-0825": "Blackpool Council: local authority assessment (full report)",
    "manchester-0226": "Manchester City Council: local authority assessment report",
}

WEASY_VERSION = None


def soffice_convert(src, outdir):
    prof = tempfile.mkdtemp(prefix="lo-prof-", dir="/tmp/blind-nhsuk")
    subprocess.run(["soffice", "-env:UserInstallation=file://" + prof, "--headless",
                    "--convert-to", "pdf:writer_pdf_Export", "--outdir", outdir, src],
                   check=True, capture_output=True, timeout=300)
    shutil.rmtree(prof, ignore_errors=True)


# ------------------------------------------------------------------ print HTML (WeasyPrint / Chromium)

def print_html(m, opts):
    pilot = m["kind"] == "pilot"
    head_txt = opts.get("running", m["header"])
    css = """
@page {{ size: A4; margin: 24mm 18mm 22mm 18mm;
  @top-left {{ content: "{run}"; font: 8pt {font}; color: #425563; }}
  @top-right {{ content: "{right}"; font: 8pt {font}; color: #425563; }}
  @bottom-center {{ content: "Page " counter(page) " of " counter(pages); font: 8pt {font}; }}
}}
@page :first {{ @top-left {{ content: none; }} @top-right {{ content: none; }} @bottom-center {{ content: none; }} }}
html {{ font: 10.5pt/1.45 {font}; color: #212b32; }}
.cover {{ height: 230mm; position: relative; }}
.cover .org {{ font-size: 13pt; color: #005eb8; font-weight: bold; }}
.cover h1 {{ font-size: 28pt; margin-top: 70mm; line-height: 1.15; }}
.cover .sub {{ font-size: 14pt; }}
.cover .date {{ position: absolute; bottom: 10mm; font-size: 11pt; }}
h2.part {{ break-before: page; font-size: 18pt; color: #005eb8; }}
h3 {{ font-size: 13pt; margin: 1.1em 0 .3em; }}
h4 {{ font-size: 11pt; margin: .9em 0 .2em; }}
table {{ border-collapse: collapse; width: 100%; margin: 6pt 0 12pt; }}
th, td {{ border: .6pt solid #aeb7bd; padding: 4pt 6pt; text-align: left; vertical-align: top; }}
thead th {{ background: #e8edee; }}
.toc a {{ color: inherit; text-decoration: none; }}
.toc li {{ margin: 3pt 0; }}
{extra}
"""
    extra = opts.get("css", "")
    if opts.get("toc_pages"):
        extra += ".toc a::after { content: leader('.') target-counter(attr(href), page); }\n"
    if opts.get("columns"):
        extra += ".stmt-body { column-count: 2; column-gap: 8mm; } .stmt-body h4 { break-after: avoid; }\n"
    if opts.get("hyphens"):
        extra += "p, li { hyphens: auto; text-align: justify; }\n"
    font = opts.get("font", "'DejaVu Sans', sans-serif")
    css = css.format(run=head_txt.replace('"', '\\"'), right=opts.get("right", "Care Quality Commission"), font=font, extra=extra)
    out = ['<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{}</title><style>{}</style></head><body>'.format(
        e(opts.get("doc_title", m["header"])), css)]
    # cover
    out.append('<section class="cover"><p class="org">Care Quality Commission</p><h1>{}</h1><p class="sub">{}</p><p class="date">{}</p></section>'.format(
        e(opts.get("cover_title", m["council"])), e(opts.get("cover_sub", "Local authority assessment")),
        e(opts.get("cover_date", "Published " + long_date(m["published"])))))
    # contents
    sections = [("facts", "Key facts and scores"), ("about", "About " + m["council"]), ("summary", "Overall summary")]
    if opts.get("statements", True):
        for t, (tname, nums) in enumerate(bank.THEMES):
            sections.append(("theme%d" % (t + 1), "Theme {}: {}".format(t + 1, tname)))
    out.append('<h2 class="part" id="contents">Contents</h2><ol class="toc">{}</ol>'.format(
        "".join('<li><a href="#{}">{}</a></li>'.format(i, e(t)) for i, t in sections)))
    # key facts
    out.append('<h2 class="part" id="facts">Key facts and scores</h2>')
    if pilot:
        out.append("<h3>Local authority indicative rating</h3><p><strong>{}: {}</strong></p>".format(e(m["rating"]), e(bank.RATING_BAND[m["rating"]])))
        col = "Indicative score"
    else:
        out.append("<h3>Local authority rating and score</h3><p>{}</p><p><strong>{}</strong></p><p>Overall rating for {}: {}</p>".format(
            e(m["council"]), e(m["rating"]), e(m["council"]), opts.get("pct_fmt", "%d%%") % m["pct"]))
        col = "Score"
    rows = []
    for tname, nums in bank.THEMES:
        for k, i in enumerate(nums):
            s = m["scores_d"][i]
            th = '<th rowspan="{}">{}</th>'.format(len(nums), e(tname)) if k == 0 else ""
            val = opts.get("score_fmt", "{s} - {band}").format(s=s, band=bank.BAND[s])
            rows.append("<tr>{}<td>{}</td><td>{}</td></tr>".format(th, e(bank.STATEMENTS[i]), e(val)))
    out.append('<table><thead><tr><th>Theme</th><th>Quality statement</th><th>{}</th></tr></thead><tbody>{}</tbody></table>'.format(col, "".join(rows)))
    # about
    out.append('<h2 class="part" id="about">About {}</h2>'.format(e(m["council"])))
    out.append("<h3>Demographics</h3><ul>{}</ul>".format("".join("<li>%s</li>" % e(x["text"]) for x in m["demo"])))
    out.append("<h3>Financial facts</h3>")
    if "label" in m["fin"][0]:
        out.append("<table><tbody>{}</tbody></table>".format("".join("<tr><th>{}</th><td>{}</td></tr>".format(e(x["label"]), e(x["value"])) for x in m["fin"])))
    else:
        out.append("<ul>{}</ul>".format("".join("<li>%s</li>" % e(x["text"]) for x in m["fin"])))
    # summary
    out.append('<h2 class="part" id="summary">Overall summary</h2>')
    out.append("<h3>Summary of people's experiences</h3>" + "".join("<p>%s</p>" % e(p) for p in m["people"]))
    out.append("<h3>Summary of strengths, areas for development and next steps</h3>" + "".join("<p>%s</p>" % e(p) for p in m["strengths"]))
    # statements
    if opts.get("statements", True):
        for t, (tname, nums) in enumerate(bank.THEMES):
            out.append('<h2 class="part" id="theme{}">Theme {}: {}</h2>'.format(t + 1, t + 1, e(tname)))
            for i in nums:
                st = m["statements"][i]
                s = st["score"]
                out.append('<h3>{}</h3>'.format(e(st["name"])))
                if pilot:
                    out.append("<p><strong>Indicative score:</strong><br>{} - {}</p>".format(s, e(bank.BAND[s])))
                else:
                    out.append("<p><strong>Score: {}</strong></p><p>{} - {}</p>".format(s, s, e(bank.BAND[s])))
                out.append('<div class="stmt-body">')
                out.append("<h4>What people expect</h4><ul>{}</ul>".format("".join("<li>%s</li>" % e(x) for x in st["expect"])))
                out.append("<h4>{}</h4><p>{}</p>".format("The local authority commitment:" if pilot else "The local authority commitment", e(st["commitment"])))
                out.append("<h4>Key findings for this quality statement</h4>")
                for head, blocks in st["findings"]:
                    if head:
                        out.append("<h4>%s</h4>" % e(head))
                    for kind, val in blocks:
                        out.append("<p>%s</p>" % e(val) if kind == "p" else "<ul>%s</ul>" % "".join("<li>%s</li>" % e(x) for x in val))
                out.append("</div>")
    out.append("</body></html>")
    return "\n".join(out)


def weasy(m, opts, dest):
    global WEASY_VERSION
    import weasyprint
    WEASY_VERSION = weasyprint.__version__
    src = os.path.join(os.path.dirname(dest), "_src_" + m["slug"] + ".html")
    with open(src, "w") as f:
        f.write(print_html(m, opts))
    weasyprint.HTML(filename=src).write_pdf(dest)
    return src


def chromium(m, opts, dest):
    src = os.path.join(os.path.dirname(dest), "_src_" + m["slug"] + ".html")
    with open(src, "w") as f:
        f.write(print_html(m, opts))
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    "--print-to-pdf=" + dest, "file://" + src], check=True, capture_output=True, timeout=300)
    return src


# ------------------------------------------------------------------ LibreOffice from .docx (python-docx)

def _field(paragraph, code):
    from docx.oxml.ns import qn
    from docx.oxml import OxmlElement
    run = paragraph.add_run()
    b = OxmlElement("w:fldChar"); b.set(qn("w:fldCharType"), "begin")
    t = OxmlElement("w:instrText"); t.set(qn("xml:space"), "preserve"); t.text = code
    s = OxmlElement("w:fldChar"); s.set(qn("w:fldCharType"), "separate")
    r2 = OxmlElement("w:t"); r2.text = "1"
    en = OxmlElement("w:fldChar"); en.set(qn("w:fldCharType"), "end")
    run._r.append(b); run._r.append(t); run._r.append(s); run._r.append(r2); run._r.append(en)


def docx_pdf(m, opts, dest, workdir):
    import docx
    from docx.shared import Pt, Mm, RGBColor
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.enum.section import WD_SECTION
    doc = docx.Document()
    st_ = doc.styles["Normal"]
    st_.font.name = "Liberation Sans"
    st_.font.size = Pt(10.5)
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Mm(297), Mm(210)
    sec.left_margin = sec.right_margin = Mm(20)
    sec.different_first_page_header_footer = True
    hp = sec.header.paragraphs[0]
    hp.text = opts.get("running", m["header"])
    hp.runs[0].font.size = Pt(8)
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fp.add_run("Page ")
    _field(fp, "PAGE")
    fp.add_run(" of ")
    _field(fp, "NUMPAGES")
    for r in fp.runs:
        r.font.size = Pt(8)
    # cover
    for _ in range(6):
        doc.add_paragraph()
    p = doc.add_paragraph("Care Quality Commission")
    p.runs[0].font.color.rgb = RGBColor(0, 0x5e, 0xb8); p.runs[0].bold = True
    doc.add_heading(opts.get("cover_title", m["council"]), level=0)
    doc.add_paragraph(opts.get("cover_sub", "Local authority assessment"))
    doc.add_paragraph("Published " + long_date(m["published"]))
    doc.add_page_break()
    # contents (static list)
    doc.add_heading("Contents", level=1)
    sections = ["Key facts and scores", "About " + m["council"], "Overall summary"]
    if opts.get("statements", True):
        sections += ["Theme {}: {}".format(t + 1, n) for t, (n, _) in enumerate(bank.THEMES)]
    for s in sections:
        doc.add_paragraph(s, style="List Number")
    doc.add_page_break()
    # key facts
    doc.add_heading("Key facts and scores", level=1)
    doc.add_heading("Local authority rating and score", level=2)
    doc.add_paragraph(m["council"])
    doc.add_paragraph().add_run(m["rating"]).bold = True
    doc.add_paragraph("Overall rating for {}: {}%".format(m["council"], m["pct"]))
    tbl = doc.add_table(rows=1, cols=3)
    tbl.style = "Table Grid"
    hdr = tbl.rows[0].cells
    hdr[0].text, hdr[1].text, hdr[2].text = "Theme", "Quality statement", "Score"
    for tname, nums in bank.THEMES:
        first = None
        for k, i in enumerate(nums):
            row = tbl.add_row().cells
            if k == 0:
                row[0].text = tname
                first = row[0]
            else:
                first = first.merge(row[0])
            row[1].text = bank.STATEMENTS[i]
            row[2].text = str(m["scores_d"][i])
    # about
    doc.add_page_break()
    doc.add_heading("About " + m["council"], level=1)
    doc.add_heading("Demographics", level=2)
    for x in m["demo"]:
        doc.add_paragraph(x["text"], style="List Bullet")
    doc.add_heading("Financial facts", level=2)
    for x in m["fin"]:
        doc.add_paragraph(x.get("text") or "{}: {}".format(x["label"], x["value"]), style="List Bullet")
    doc.add_page_break()
    doc.add_heading("Overall summary", level=1)
    doc.add_heading("Summary of people's experiences", level=2)
    for ptxt in m["people"]:
        doc.add_paragraph(ptxt)
    doc.add_heading("Summary of strengths, areas for development and next steps", level=2)
    for ptxt in m["strengths"]:
        doc.add_paragraph(ptxt)
    if opts.get("statements", True):
        for t, (tname, nums) in enumerate(bank.THEMES):
            doc.add_page_break()
            doc.add_heading("Theme {}: {}".format(t + 1, tname), level=1)
            for i in nums:
                st = m["statements"][i]
                doc.add_heading(st["name"], level=2)
                doc.add_paragraph().add_run("Score: %d" % st["score"]).bold = True
                doc.add_paragraph("{} - {}".format(st["score"], bank.BAND[st["score"]]))
                doc.add_heading("What people expect", level=3)
                for x in st["expect"]:
                    doc.add_paragraph(x, style="List Bullet")
                doc.add_heading("The local authority commitment", level=3)
                doc.add_paragraph(st["commitment"])
                doc.add_heading("Key findings for this quality statement", level=3)
                for head, blocks in st["findings"]:
                    if head:
                        doc.add_heading(head, level=4)
                    for kind, val in blocks:
                        if kind == "p":
                            doc.add_paragraph(val)
                        else:
                            for x in val:
                                doc.add_paragraph(x, style="List Bullet 2")
    src = os.path.join(workdir, os.path.basename(dest).replace(".pdf", ".docx"))
    doc.core_properties.title = opts.get("doc_title", m["header"])
    doc.core_properties.author = "Care Quality Commission"
    doc.save(src)
    soffice_convert(src, workdir)
    shutil.move(src[:-5] + ".pdf", dest)
    return src


# ------------------------------------------------------------------ LibreOffice from .odt (odfpy)

def odt_pdf(m, opts, dest, workdir):
    from odf.opendocument import OpenDocumentText
    from odf.style import (Style, TextProperties, ParagraphProperties, PageLayout, PageLayoutProperties,
                           MasterPage, Header, Footer, TableColumnProperties, TableCellProperties, TableProperties)
    from odf.text import P, H, List, ListItem, PageNumber, PageCount, Span
    from odf.table import Table, TableColumn, TableRow, TableCell, CoveredTableCell
    doc = OpenDocumentText()
    pl = PageLayout(name="A4")
    pl.addElement(PageLayoutProperties(pagewidth="210mm", pageheight="297mm", margintop="15mm", marginbottom="15mm",
                                       marginleft="20mm", marginright="20mm", printorientation="portrait"))
    doc.automaticstyles.addElement(pl)
    small = Style(name="Small", family="paragraph")
    small.addElement(TextProperties(fontsize="8pt", color="#425563"))
    doc.styles.addElement(small)
    mp = MasterPage(name="Standard", pagelayoutname=pl)
    hd = Header(); hp = P(stylename=small, text=opts.get("running", m["header"])); hd.addElement(hp); mp.addElement(hd)
    ft = Footer(); fp = P(stylename=small)
    fp.addText("Page "); fp.addElement(PageNumber(selectpage="current", text="1")); fp.addText(" of "); fp.addElement(PageCount(text="1"))
    ft.addElement(fp); mp.addElement(ft)
    doc.masterstyles.addElement(mp)
    # first page uses a master without header/footer
    mp1 = MasterPage(name="Cover", pagelayoutname=pl, nextstylename="Standard")
    doc.masterstyles.addElement(mp1)
    cover = Style(name="CoverP", family="paragraph", masterpagename="Cover")
    cover.addElement(TextProperties(fontsize="13pt", fontweight="bold", color="#005eb8"))
    cover.addElement(ParagraphProperties(margintop="60mm"))
    doc.automaticstyles.addElement(cover)
    big = Style(name="Big", family="paragraph")
    big.addElement(TextProperties(fontsize="26pt", fontweight="bold"))
    doc.automaticstyles.addElement(big)
    brk = Style(name="Break", family="paragraph")
    brk.addElement(ParagraphProperties(breakbefore="page"))
    doc.automaticstyles.addElement(brk)
    hs = {}
    for lvl, size in ((1, "17pt"), (2, "13pt"), (3, "11pt"), (4, "10.5pt")):
        s = Style(name="Heading_20_%d" % lvl, displayname="Heading %d" % lvl, family="paragraph")
        s.addElement(TextProperties(fontsize=size, fontweight="bold", color="#005eb8" if lvl == 1 else "#212b32"))
        s.addElement(ParagraphProperties(margintop="4mm", marginbottom="1.5mm", keepwithnext="always"))
        doc.styles.addElement(s)
        hs[lvl] = s
    h1b = Style(name="H1Break", family="paragraph", parentstylename=hs[1])
    h1b.addElement(ParagraphProperties(breakbefore="page"))
    doc.automaticstyles.addElement(h1b)
    body = Style(name="Body", family="paragraph")
    body.addElement(TextProperties(fontsize="10.5pt", fontname="Liberation Sans"))
    body.addElement(ParagraphProperties(marginbottom="2mm"))
    doc.styles.addElement(body)
    bold = Style(name="Bold", family="text"); bold.addElement(TextProperties(fontweight="bold")); doc.automaticstyles.addElement(bold)
    cell = Style(name="Cell", family="table-cell")
    cell.addElement(TableCellProperties(border="0.5pt solid #aeb7bd", padding="1.5mm"))
    doc.automaticstyles.addElement(cell)
    tstyle = Style(name="Tbl", family="table"); tstyle.addElement(TableProperties(width="170mm", align="left"))
    doc.automaticstyles.addElement(tstyle)
    colw = []
    for n, w in (("C1", "55mm"), ("C2", "75mm"), ("C3", "40mm")):
        cs = Style(name=n, family="table-column"); cs.addElement(TableColumnProperties(columnwidth=w))
        doc.automaticstyles.addElement(cs); colw.append(cs)
    T = doc.text
    def para(txt, style=body):
        T.addElement(P(stylename=style, text=txt))
    def heading(txt, lvl, style=None):
        T.addElement(H(outlinelevel=lvl, stylename=style or hs[lvl], text=txt))
    def bullets(items):
        L = List()
        for x in items:
            li = ListItem(); li.addElement(P(stylename=body, text="\u2022 " + x)); L.addElement(li)
        T.addElement(L)
    T.addElement(P(stylename=cover, text="Care Quality Commission"))
    T.addElement(P(stylename=big, text=opts.get("cover_title", m["council"])))
    para(opts.get("cover_sub", "Local authority assessment"))
    para("Published " + long_date(m["published"]))
    heading("Contents", 1, h1b)
    sections = ["Key facts and scores", "About " + m["council"], "Overall summary"] + [
        "Theme {}: {}".format(t + 1, n) for t, (n, _) in enumerate(bank.THEMES)]
    for k, s in enumerate(sections):
        para("%d. %s" % (k + 1, s))
    heading("Key facts and scores", 1, h1b)
    heading("Local authority indicative rating", 2)
    p = P(stylename=body); p.addElement(Span(stylename=bold, text="{}: {}".format(m["rating"], bank.RATING_BAND[m["rating"]]))); T.addElement(p)
    tb = Table(name="Scores", stylename=tstyle)
    for cs in colw:
        tb.addElement(TableColumn(stylename=cs))
    tr = TableRow()
    for txt in ("Theme", "Quality statement", "Indicative score"):
        tc = TableCell(stylename=cell); tc.addElement(P(stylename=body, text=txt)); tr.addElement(tc)
    tb.addElement(tr)
    for tname, nums in bank.THEMES:
        for k, i in enumerate(nums):
            tr = TableRow()
            if k == 0:
                tc = TableCell(stylename=cell, numberrowsspanned=len(nums)); tc.addElement(P(stylename=body, text=tname)); tr.addElement(tc)
            else:
                tr.addElement(CoveredTableCell())
            s = m["scores_d"][i]
            for txt in (bank.STATEMENTS[i], "{} - {}".format(s, bank.BAND[s])):
                tc = TableCell(stylename=cell); tc.addElement(P(stylename=body, text=txt)); tr.addElement(tc)
            tb.addElement(tr)
    T.addElement(tb)
    heading("About " + m["council"], 1, h1b)
    para("Assessment start date: " + long_date(m["start"]))
    heading("Demographics", 2); bullets([x["text"] for x in m["demo"]])
    heading("Financial facts", 2); bullets([x["text"] for x in m["fin"]])
    heading("Overall summary", 1, h1b)
    heading("Summary of people's experiences", 2)
    for x in m["people"]:
        para(x)
    heading("Summary of strengths, areas for development and next steps", 2)
    for x in m["strengths"]:
        para(x)
    for t, (tname, nums) in enumerate(bank.THEMES):
        heading("Theme {}: {}".format(t + 1, tname), 1, h1b)
        for i in nums:
            st = m["statements"][i]
            heading(st["name"], 2)
            para("Indicative score:")
            para("{} - {}".format(st["score"], bank.BAND[st["score"]]))
            heading("What people expect", 3); bullets(st["expect"])
            heading("The local authority commitment:", 3); para(st["commitment"])
            heading("Key findings for this quality statement", 3)
            for head, blocks in st["findings"]:
                if head:
                    heading(head, 4)
                for kind, val in blocks:
                    if kind == "p":
                        para(val)
                    else:
                        bullets(val)
    doc.meta.addElement(__import__("odf.dc", fromlist=["Title"]).Title(text=opts.get("doc_title", m["header"])))
    src = os.path.join(workdir, os.path.basename(dest).replace(".pdf", ".odt"))
    doc.save(src)
    soffice_convert(src, workdir)
    shutil.move(src[:-4] + ".pdf", dest)
    return src


# ------------------------------------------------------------------ per-family specs

SPECS = {
    "birmingham-cc": ("odt", dict(cover_title="Birmingham City Council", cover_sub="Local authority assessment (pilot): indicative findings",
                                  running="Birmingham City Council assessment")),
    "nottingham-city": ("chromium", dict(cover_sub="Assessment of how the local authority meets its Care Act duties (pilot)",
                                         running="Nottingham City Council assessment", right="Indicative findings")),
    "derbyshirecc-0824": ("docx", dict(cover_sub="Local authority assessment: summary report", statements=False)),
    "camden-0225": ("weasy", dict(toc_pages=True, font="'Liberation Serif', serif", right="CQC local authority assessment")),
    "staffordshire-0525": ("chromium", dict(running="Staffordshire County Council: local authority assessment", right="Published May 2025")),
    "leicestercity-0725": ("weasy", dict(toc_pages=True, pct_fmt="%d per cent", score_fmt="{s} \u2013 {band}",
                                         cover_title="Leicester City Council", cover_sub="Local authority assessment report",
                                         css="h3 { color: #005eb8; } .cover { background: #e8edee; padding: 10mm; }")),
    "blackpool-0825": ("docx", dict(running="Blackpool Council: local authority assessment")),
    "manchester-0226": ("weasy", dict(toc_pages=True, columns=True, hyphens=True, right="Care Quality Commission")),
}

ENGINE_NAMES = {
    "odt": "LibreOffice 7.4 (writer_pdf_Export) from an .odt written with odfpy",
    "docx": "LibreOffice 7.4 (writer_pdf_Export) from a .docx written with python-docx",
    "chromium": "Chromium 156 headless --print-to-pdf (Skia/PDF), CSS @page margin boxes",
    "weasy": "WeasyPrint {}",
}


def carries(m, engine, opts):
    pilot = m["kind"] == "pilot"
    c = {"rating": m["rating"], "overall_pct": None if pilot else m["pct"],
         "scores": {str(i): m["scores_d"][i] for i in range(1, 10)},
         "people_experience": list(m["people"]),
         "demographics": [{"text": x["text"]} for x in m["demo"]]}
    if "label" in m["fin"][0] and engine in ("weasy", "chromium"):
        c["financial_facts"] = [{"label": x["label"], "value": x["value"]} for x in m["fin"]]
    elif "text" in m["fin"][0]:
        c["financial_facts"] = [{"text": x["text"]} for x in m["fin"]]
    if opts.get("statements", True):
        from answers import statements_key
        c["statements"] = statements_key(m)
    else:
        c["statements"] = {}
    return c


def build_pdfs(site_dir, work_dir):
    os.makedirs(work_dir, exist_ok=True)
    manifest = {}
    for slug, (engine, opts) in SPECS.items():
        m = BY_SLUG[slug]
        url = PDF_URLS[slug]
        dest = os.path.join(site_dir, "files", url.lstrip("/"))
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        if engine == "weasy":
            weasy(m, opts, dest)
        elif engine == "chromium":
            chromium(m, opts, dest)
        elif engine == "docx":
            docx_pdf(m, opts, dest, work_dir)
        elif engine == "odt":
            odt_pdf(m, opts, dest, work_dir)
        for f in os.listdir(os.path.dirname(dest)):
            if f.startswith("_src_"):
                shutil.move(os.path.join(os.path.dirname(dest), f), os.path.join(work_dir, f))
        ename = ENGINE_NAMES[engine].format(WEASY_VERSION)
        manifest[slug] = dict(url=url, file=os.path.relpath(dest, site_dir), size=os.path.getsize(dest),
                              title=PDF_TITLES[slug], engine=ename, carries=carries(m, engine, opts))
    return manifest
