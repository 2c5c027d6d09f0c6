"""Report PDFs for the blind 'static' site, made with WeasyPrint, headless Chromium and LibreOffice
(from .docx written with python-docx and from .odt written with odfpy)."""
import html
import os
import shutil
import subprocess
import tempfile

from content import STATEMENTS, THEMES, THEME_STATEMENTS, BAND_PHRASE, RATING_PHRASE

E = html.escape
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def dlong(d):
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def title_of(f):
    return f"{f['council']} assessment" if f["kind"] == "pilot" else f"{f['council']}: local authority assessment"


# ====================================================================================== HTML-based (WeasyPrint, Chromium)
PDF_CSS = """
@page {
  size: A4; margin: 24mm 17mm 22mm 17mm;
  @top-left { content: "%(running)s"; font: 8pt "Liberation Sans", sans-serif; color: #555; }
  @top-right { content: "Care Quality Commission"; font: 8pt "Liberation Sans", sans-serif; color: #555; }
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font: 8pt "Liberation Sans", sans-serif; }
}
@page :first { @top-left { content: none; } @top-right { content: none; } @bottom-center { content: none; } }
html { font-family: "Liberation Serif", "DejaVu Serif", serif; font-size: 10pt; }
body { margin: 0; }
p, li { hyphens: auto; text-align: justify; orphans: 2; widows: 2; }
.cover { page-break-after: always; padding-top: 55mm; }
.cover .org { font: bold 12pt "Liberation Sans", sans-serif; color: #1d2d52; letter-spacing: .05em; text-transform: uppercase; }
.cover h1 { font: bold 26pt "Liberation Sans", sans-serif; color: #1d2d52; margin: 10mm 0 4mm; }
.cover .sub { font: 14pt "Liberation Sans", sans-serif; }
.cover .date { margin-top: 30mm; font: 11pt "Liberation Sans", sans-serif; }
h2 { font: bold 15pt "Liberation Sans", sans-serif; color: #1d2d52; page-break-after: avoid; margin-top: 0; }
h3 { font: bold 12pt "Liberation Sans", sans-serif; color: #1d2d52; page-break-after: avoid; }
h4 { font: bold 10pt "Liberation Sans", sans-serif; page-break-after: avoid; margin-bottom: 1mm; }
.toc { page-break-after: always; }
.toc ol { list-style: none; padding: 0; }
.toc li { margin: 2mm 0; }
.toc a { color: #000; text-decoration: none; }
.toc a::after { content: leader('.') target-counter(attr(href), page); }
.chapter { page-break-before: always; }
table { border-collapse: collapse; width: 100%%; margin: 3mm 0 5mm; font: 9pt "Liberation Sans", sans-serif; }
th, td { border: 0.5pt solid #888; padding: 1.5mm 2mm; vertical-align: top; text-align: left; }
thead th { background: #1d2d52; color: #fff; }
th[scope=rowgroup] { background: #e8edf5; }
.keyfacts { background: #f1f3f7; padding: 3mm 4mm; }
.cols { columns: 2; column-gap: 7mm; }
.score { font: bold 10pt "Liberation Sans", sans-serif; background: #e8edf5; padding: 2mm 3mm; }
"""


def html_report(f, engine, summary_only=False):
    running = E(f"{f['council']} - local authority assessment")
    css = PDF_CSS % {"running": running.replace('"', "")}
    if engine == "chromium":
        # Chromium: no target-counter() leaders; the contents list is plain
        css = css.replace(".toc a::after { content: leader('.') target-counter(attr(href), page); }", "")
    pilot = f["kind"] == "pilot"
    out = [f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{E(title_of(f))}</title>'
           f"<style>{css}</style></head><body>"]
    cover_sub = "Summary of our local authority assessment" if summary_only else "Local authority assessment report"
    out.append(f'<section class="cover"><p class="org">Care Quality Commission</p><h1>{E(f["council"])}</h1>'
               f'<p class="sub">{cover_sub}</p>'
               f'<p class="sub">How the local authority meets its duties under Part 1 of the Care Act 2014</p>'
               f'<p class="date">Published {dlong(f["published"])}</p></section>')
    chapters = [("about", f"About {f['council']}"), ("summary", "Overall summary")]
    if not summary_only:
        chapters += [(f"theme-{t}", f"Theme {t}: {THEMES[t]}") for t in range(1, 5)]
    out.append('<section class="toc"><h2>Contents</h2><ol>' +
               "".join(f'<li><a href="#{cid}">{E(ct)}</a></li>' for cid, ct in chapters) + "</ol></section>")
    # About
    out.append(f'<section id="about"><h2>About {E(f["council"])}</h2><div class="keyfacts"><h3>Demographics</h3><table><tbody>')
    out += [f'<tr><th scope="row">{E(i["label"])}</th><td>{E(i["value"])}</td></tr>' for i in f["demographics"]]
    out.append("</tbody></table><h3>Financial facts</h3><table><tbody>")
    out += [f'<tr><th scope="row">{E(i["label"])}</th><td>{E(i["value"])}</td></tr>' for i in f["financial_facts"]]
    out.append("</tbody></table></div></section>")
    # Summary with key score table (theme column spanning rows)
    out.append('<section id="summary" class="chapter"><h2>Overall summary</h2>')
    if pilot:
        out.append(f'<p class="score">Local authority indicative rating: {E(f["rating"])}: {RATING_PHRASE[f["rating"].capitalize()]}</p>')
    else:
        out.append(f'<p class="score">Local authority rating and score: {E(f["rating"])} &ndash; Overall rating for {E(f["council"])}: {f["pct"]}%</p>')
    hdr = "Indicative score" if pilot else "Score"
    out.append(f'<table><thead><tr><th scope="col">Theme</th><th scope="col">Quality statement</th><th scope="col">{hdr}</th></tr></thead><tbody>')
    for t, ns in THEME_STATEMENTS.items():
        for i, n in enumerate(ns):
            th = f'<th scope="rowgroup" rowspan="{len(ns)}">{E(THEMES[t])}</th>' if i == 0 else ""
            s = f["scores"][str(n)]
            out.append(f"<tr>{th}<td>{E(STATEMENTS[n][0])}</td><td>{s} - {BAND_PHRASE[s]}</td></tr>")
    out.append("</tbody></table>")
    out.append("<h3>Summary of people's experiences</h3>" + "".join(f"<p>{E(p)}</p>" for p in f["people_experience"]))
    out.append("<h3>Summary of strengths, areas for development and next steps</h3>" + "".join(f"<p>{E(p)}</p>" for p in f["strengths"]))
    out.append("</section>")
    if not summary_only:
        for t, ns in THEME_STATEMENTS.items():
            out.append(f'<section id="theme-{t}" class="chapter"><h2>Theme {t}: {E(THEMES[t])}</h2>')
            for n in ns:
                st = f["statements"][str(n)]
                s = f["scores"][str(n)]
                lab = "Indicative score" if pilot else "Score"
                out.append(f'<h3>{E(STATEMENTS[n][0])}</h3><p class="score">{lab}: {s} - {BAND_PHRASE[s]}</p>')
                out.append("<h4>What people expect</h4><ul>" + "".join(f"<li>{E(x)}</li>" for x in st["what_people_expect"]) + "</ul>")
                out.append(f"<h4>The local authority commitment</h4><p>{E(st['commitment'])}</p>")
                out.append('<h4>Key findings for this quality statement</h4><div class="cols">')
                for kf in st["key_findings"]:
                    out.append(f"<h4>{E(kf['heading'])}</h4>" + "".join(f"<p>{E(p)}</p>" for p in kf["paragraphs"]))
                    if kf.get("list"):
                        out.append("<ul>" + "".join(f"<li>{E(x)}</li>" for x in kf["list"]) + "</ul>")
                out.append("</div>")
            out.append("</section>")
    out.append("</body></html>")
    return "\n".join(out)


def weasy_pdf(f, path):
    from weasyprint import HTML
    HTML(string=html_report(f, "weasy"), base_url="/").write_pdf(path)
    import weasyprint
    return f"WeasyPrint {weasyprint.__version__}"


def chromium_pdf(f, path, summary_only=False):
    with tempfile.TemporaryDirectory(dir="/tmp/blind-static") as td:
        src = os.path.join(td, "report.html")
        with open(src, "w") as fh:
            fh.write(html_report(f, "chromium", summary_only))
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--user-data-dir={td}/profile", f"--print-to-pdf={path}", "file://" + src],
                       check=True, capture_output=True, timeout=180)
    v = subprocess.run(["chromium", "--version"], capture_output=True, text=True).stdout.split()[1]
    return f"Chromium {v} (headless --print-to-pdf)"


# ====================================================================================== LibreOffice
def soffice_convert(src, path):
    outdir = os.path.dirname(src)
    subprocess.run(["soffice", "--headless", "-env:UserInstallation=file:///tmp/blind-static/lo-profile",
                    "--convert-to", "pdf", "--outdir", outdir, src], check=True, capture_output=True, timeout=300)
    shutil.move(os.path.splitext(src)[0] + ".pdf", path)


def docx_pdf(f, path):
    from docx import Document
    from docx.enum.section import WD_SECTION
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_BREAK, WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor, Mm

    doc = Document()
    # language + hyphenation
    st = doc.styles["Normal"]
    st.font.name = "Liberation Sans"
    st.font.size = Pt(10)
    rpr = st.element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "en-GB")
    rpr.append(lang)
    settings = doc.settings.element
    ah = OxmlElement("w:autoHyphenation")
    ah.set(qn("w:val"), "true")
    settings.append(ah)
    for name in ("Heading 1", "Heading 2", "Heading 3"):
        doc.styles[name].font.color.rgb = RGBColor(0x1D, 0x2D, 0x52)
        doc.styles[name].font.name = "Liberation Sans"

    sec = doc.sections[0]
    sec.page_height, sec.page_width = Mm(297), Mm(210)
    sec.different_first_page_header_footer = True

    def field(par, instr):
        r = par.add_run()
        b = OxmlElement("w:fldChar")
        b.set(qn("w:fldCharType"), "begin")
        r._r.append(b)
        r2 = par.add_run()
        it = OxmlElement("w:instrText")
        it.set(qn("xml:space"), "preserve")
        it.text = instr
        r2._r.append(it)
        r3 = par.add_run()
        s = OxmlElement("w:fldChar")
        s.set(qn("w:fldCharType"), "separate")
        r3._r.append(s)
        par.add_run("1")
        r4 = par.add_run()
        e = OxmlElement("w:fldChar")
        e.set(qn("w:fldCharType"), "end")
        r4._r.append(e)

    hp = sec.header.paragraphs[0]
    hp.text = f"{f['council']} | Local authority assessment"
    hp.runs[0].font.size = Pt(8)
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fp.add_run("Page ")
    field(fp, " PAGE ")
    fp.add_run(" of ")
    field(fp, " NUMPAGES ")

    # cover
    for _ in range(6):
        doc.add_paragraph()
    p = doc.add_paragraph()
    r = p.add_run("CARE QUALITY COMMISSION")
    r.bold = True
    p = doc.add_paragraph()
    r = p.add_run(f["council"])
    r.bold = True
    r.font.size = Pt(28)
    r.font.color.rgb = RGBColor(0x1D, 0x2D, 0x52)
    p = doc.add_paragraph()
    r = p.add_run("Local authority assessment")
    r.font.size = Pt(16)
    doc.add_paragraph(f"Assessment published: {dlong(f['published'])}")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    # contents
    doc.add_heading("Contents", level=1)
    toc = [f"About {f['council']}", "Overall summary"] + [f"Theme {t}: {THEMES[t]}" for t in range(1, 5)]
    for i, t in enumerate(toc, 1):
        doc.add_paragraph(f"{i}. {t}")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    # about
    doc.add_heading(f"About {f['council']}", level=1)
    doc.add_heading("Demographics", level=2)
    for i in f["demographics"]:
        doc.add_paragraph(i["text"], style="List Bullet")
    doc.add_heading("Financial facts", level=2)
    for i in f["financial_facts"]:
        doc.add_paragraph(i["text"], style="List Bullet")
    # summary
    doc.add_heading("Overall summary", level=1)
    doc.add_heading("Local authority rating and score", level=2)
    t = doc.add_table(rows=2, cols=2)
    t.style = "Table Grid"
    t.cell(0, 0).text, t.cell(0, 1).text = "Rating", f["rating"]
    t.cell(1, 0).text, t.cell(1, 1).text = "Overall score", f"{f['pct']}%"
    doc.add_heading("Quality statement scores", level=2)
    t = doc.add_table(rows=1, cols=3)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for c, h in zip(t.rows[0].cells, ["Theme", "Quality statement", "Score"]):
        c.text = h
        c.paragraphs[0].runs[0].bold = True
    for th, ns in THEME_STATEMENTS.items():
        first = None
        for n in ns:
            row = t.add_row().cells
            row[1].text = STATEMENTS[n][0]
            s = f["scores"][str(n)]
            row[2].text = f"{s} - {BAND_PHRASE[s]}"
            if first is None:
                first = row[0]
                row[0].text = THEMES[th]
            else:
                first.merge(row[0])
    doc.add_heading("Summary of people's experiences", level=2)
    for p in f["people_experience"]:
        doc.add_paragraph(p)
    doc.add_heading("Summary of strengths, areas for development and next steps", level=2)
    for p in f["strengths"]:
        doc.add_paragraph(p)
    # themes in two columns
    for th, ns in THEME_STATEMENTS.items():
        s2 = doc.add_section(WD_SECTION.NEW_PAGE)
        cols = s2._sectPr.xpath("./w:cols")
        c = cols[0] if cols else OxmlElement("w:cols")
        c.set(qn("w:num"), "2")
        c.set(qn("w:space"), "400")
        if not cols:
            s2._sectPr.append(c)
        doc.add_heading(f"Theme {th}: {THEMES[th]}", level=1)
        for n in ns:
            stt = f["statements"][str(n)]
            s = f["scores"][str(n)]
            doc.add_heading(STATEMENTS[n][0], level=2)
            p = doc.add_paragraph()
            p.add_run(f"Score: {s} - {BAND_PHRASE[s]}").bold = True
            doc.add_heading("What people expect", level=3)
            for x in stt["what_people_expect"]:
                doc.add_paragraph(x, style="List Bullet")
            doc.add_heading("The local authority commitment", level=3)
            doc.add_paragraph(stt["commitment"])
            doc.add_heading("Key findings for this quality statement", level=3)
            for kf in stt["key_findings"]:
                hp2 = doc.add_paragraph()
                hp2.add_run(kf["heading"]).bold = True
                for para in kf["paragraphs"]:
                    pp = doc.add_paragraph(para)
                    pp.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
                for x in kf.get("list", []):
                    doc.add_paragraph(x, style="List Bullet")
    with tempfile.TemporaryDirectory(dir="/tmp/blind-static") as td:
        src = os.path.join(td, f"{f['slug']}.docx")
        doc.save(src)
        soffice_convert(src, path)
    return "LibreOffice 7.4 (writer_pdf_Export, from .docx written by python-docx)"


def odt_pdf(f, path):
    from odf.opendocument import OpenDocumentText
    from odf.style import (Style, TextProperties, ParagraphProperties, MasterPage, PageLayout,
                           PageLayoutProperties, HeaderStyle, FooterStyle, HeaderFooterProperties,
                           TableColumnProperties, TableCellProperties)
    from odf.text import P, H, List, ListItem, PageNumber, PageCount
    from odf.table import Table, TableColumn, TableRow, TableCell, CoveredTableCell
    from odf.style import Header, Footer

    doc = OpenDocumentText()
    s = doc.styles
    a = doc.automaticstyles
    std = Style(name="Standard", family="paragraph")
    std.addElement(TextProperties(fontname="Liberation Serif", fontsize="10.5pt", language="en", country="GB",
                                  hyphenate="true", hyphenationremaincharcount="2", hyphenationpushcharcount="2"))
    std.addElement(ParagraphProperties(textalign="justify", marginbottom="2mm"))
    s.addElement(std)
    body = Style(name="Body", family="paragraph", parentstylename=std)
    s.addElement(body)
    for lvl, size in ((1, "17pt"), (2, "13pt"), (3, "11pt")):
        hs = Style(name=f"Heading {lvl}", family="paragraph", parentstylename=std)
        hs.addElement(TextProperties(fontsize=size, fontweight="bold", color="#1d2d52", fontname="Liberation Sans"))
        hs.addElement(ParagraphProperties(margintop="4mm", marginbottom="2mm", keepwithnext="always", textalign="left"))
        s.addElement(hs)
    big = Style(name="CoverTitle", family="paragraph", parentstylename=std)
    big.addElement(TextProperties(fontsize="26pt", fontweight="bold", color="#1d2d52", fontname="Liberation Sans"))
    big.addElement(ParagraphProperties(margintop="60mm", textalign="left"))
    s.addElement(big)
    brk = Style(name="Break", family="paragraph", parentstylename=std)
    brk.addElement(ParagraphProperties(breakbefore="page"))
    a.addElement(brk)
    hf = Style(name="HF", family="paragraph")
    hf.addElement(TextProperties(fontsize="8pt", fontname="Liberation Sans"))
    hf.addElement(ParagraphProperties(textalign="center"))
    s.addElement(hf)
    cell = Style(name="Cell", family="table-cell")
    cell.addElement(TableCellProperties(border="0.5pt solid #777777", padding="1.5mm"))
    a.addElement(cell)
    tstyle = Style(name="Tbl", family="table")
    from odf.style import TableProperties
    tstyle.addElement(TableProperties(width="17cm", align="left"))
    a.addElement(tstyle)
    for nm, w in (("C1", "5cm"), ("C2", "7cm"), ("C3", "5cm")):
        cs = Style(name=nm, family="table-column")
        cs.addElement(TableColumnProperties(columnwidth=w))
        a.addElement(cs)

    pl = PageLayout(name="PL")
    pl.addElement(PageLayoutProperties(pagewidth="21cm", pageheight="29.7cm", margintop="1.5cm", marginbottom="1.5cm",
                                       marginleft="2cm", marginright="2cm"))
    hst = HeaderStyle()
    hst.addElement(HeaderFooterProperties(minheight="0.8cm", marginbottom="0.4cm"))
    pl.addElement(hst)
    fst = FooterStyle()
    fst.addElement(HeaderFooterProperties(minheight="0.8cm", margintop="0.4cm"))
    pl.addElement(fst)
    a.addElement(pl)
    mp = MasterPage(name="Standard", pagelayoutname=pl)
    h = Header()
    h.addElement(P(stylename=hf, text=f"{f['council']} assessment (pilot) - Care Quality Commission"))
    mp.addElement(h)
    ft = Footer()
    fp = P(stylename=hf, text="Page ")
    fp.addElement(PageNumber(selectpage="current", text="1"))
    fp.addText(" of ")
    fp.addElement(PageCount(text="1"))
    ft.addElement(fp)
    mp.addElement(ft)
    doc.masterstyles.addElement(mp)

    T = doc.text

    def para(text, style=body):
        T.addElement(P(stylename=style, text=text))

    def head(text, lvl):
        T.addElement(H(outlinelevel=lvl, stylename=f"Heading {lvl}", text=text))

    def bullets(items):
        lst = List()
        for x in items:
            li = ListItem()
            li.addElement(P(stylename=body, text="\u2022 " + x))
            lst.addElement(li)
        T.addElement(lst)

    T.addElement(P(stylename=big, text=f["council"]))
    para("Local authority assessment: pilot report")
    para(f"Published: {dlong(f['published'])}")
    para(f"Assessment start date: {dlong(f['start'])}")
    T.addElement(P(stylename=brk, text="Contents"))
    for i, t in enumerate([f"About {f['council']}", "Overall summary"] + [THEMES[t] for t in range(1, 5)], 1):
        para(f"{i}  {t}")
    T.addElement(P(stylename=brk, text=""))
    head(f"About {f['council']}", 1)
    head("Demographics", 2)
    bullets([i["text"] for i in f["demographics"]])
    head("Financial facts", 2)
    bullets([i["text"] for i in f["financial_facts"]])
    T.addElement(P(stylename=brk, text=""))
    head("Overall summary", 1)
    head("Local authority indicative rating", 2)
    para(f"{f['rating']}: {RATING_PHRASE[f['rating'].capitalize()]}")
    head("Indicative quality statement scores", 2)
    tbl = Table(name="Scores", stylename=tstyle)
    for nm in ("C1", "C2", "C3"):
        tbl.addElement(TableColumn(stylename=nm))

    def tc(text, **kw):
        c = TableCell(stylename=cell, valuetype="string", **kw)
        c.addElement(P(stylename=body, text=text))
        return c

    tr = TableRow()
    for x in ("Theme", "Quality statement", "Indicative score"):
        tr.addElement(tc(x))
    tbl.addElement(tr)
    for th, ns in THEME_STATEMENTS.items():
        for i, n in enumerate(ns):
            tr = TableRow()
            if i == 0:
                tr.addElement(tc(THEMES[th], numberrowsspanned=str(len(ns))))
            else:
                tr.addElement(CoveredTableCell())
            tr.addElement(tc(STATEMENTS[n][0]))
            sc = f["scores"][str(n)]
            tr.addElement(tc(f"{sc} - {BAND_PHRASE[sc]}"))
            tbl.addElement(tr)
    T.addElement(tbl)
    head("Summary of people's experiences", 2)
    for p in f["people_experience"]:
        para(p)
    head("Summary of strengths, areas for development and next steps", 2)
    for p in f["strengths"]:
        para(p)
    for th, ns in THEME_STATEMENTS.items():
        T.addElement(P(stylename=brk, text=""))
        head(THEMES[th], 1)
        for n in ns:
            st = f["statements"][str(n)]
            sc = f["scores"][str(n)]
            head(STATEMENTS[n][0], 2)
            para("Indicative score:")
            para(f"{sc} - {BAND_PHRASE[sc]}")
            head("What people expect", 3)
            bullets(st["what_people_expect"])
            head("The local authority commitment:", 3)
            para(st["commitment"])
            head("Key findings for this quality statement", 3)
            for kf in st["key_findings"]:
                head(kf["heading"], 3)
                for p in kf["paragraphs"]:
                    para(p)
                if kf.get("list"):
                    bullets(kf["list"])
    with tempfile.TemporaryDirectory(dir="/tmp/blind-static") as td:
        src = os.path.join(td, f"{f['slug']}.odt")
        doc.save(src)
        soffice_convert(src, path)
    return "LibreOffice 7.4 (writer_pdf_Export, from .odt written by odfpy)"


def carries(f, summary_only=False):
    c = {"rating": f["rating"], "overall_pct": f["pct"],
         "scores": {k: v for k, v in f["scores"].items() if v is not None}}
    c["people_experience"] = f["people_experience"]
    if not summary_only:
        c["statements"] = {k: {"what_people_expect": v["what_people_expect"], "commitment": v["commitment"],
                               "key_findings": [{"heading": kf["heading"],
                                                 "paragraphs": kf["paragraphs"] + kf.get("list", [])}
                                                for kf in v["key_findings"]]}
                           for k, v in f["statements"].items()}
    else:
        c["statements"] = {}
    return c
