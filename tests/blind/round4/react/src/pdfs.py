"""Report PDFs for the round4/react blind site, from three engines (none of them fpdf2 or reportlab):
  weasyprint  HTML + CSS paged media (running header, Page N of M, contents with page numbers,
              hyphens:auto, two-column key findings)
  chromium    headless --print-to-pdf of HTML with @page margin boxes (not hyphenated: no dictionaries)
  odt         LibreOffice writer_pdf_Export from an .odt written with odfpy (header/footer fields,
              spanned theme cells, two-column sections, automatic hyphenation)
  docx        LibreOffice writer_pdf_Export from a .docx written with python-docx
"""
import html
import os
import re
import shutil
import subprocess
import tempfile

from content import QS, THEMES, BAND, RATING_BAND
from model import fmt_date

TMP = "/tmp/blind-react/pdfwork"


def e(s):
    return html.escape(str(s), quote=False)


def carries(f):
    c = {
        "rating": f["rating_shown"] if f["kind"] == "formal" else f["rating"],
        "overall_pct": None if f["kind"] == "pilot" else f["pct_shown"],
        "scores": {str(n): f["scores"][n - 1] for n in range(1, 10)},
        "statements": {str(n): f["statements"][n] for n in range(1, 10)},
        "people_experience": f["people"],
    }
    return c


def facts_rows(items):
    return [(l, v) if l is not None else (None, s) for l, v, s in items]


def facts_keys(items):
    return [{"label": l, "value": v} if l is not None else {"text": s} for l, v, s in items]


# ---------------------------------------------------------------------------- HTML engines
def soft_hyphens(text, dic):
    def rep(m):
        w = m.group(0)
        if len(w) < 9:
            return w
        return dic.inserted(w, hyphen="\u00ad")
    return re.sub(r"[A-Za-z]+", rep, text)


def html_doc(f, engine):
    pilot = f["kind"] == "pilot"
    title = f"{f['council']}" + (" assessment" if pilot else ": local authority assessment")
    pub = fmt_date(f["published"], "long")
    tx = e
    # Chromium here has no hyphenation dictionaries and keeps soft hyphens in its text layer,
    # so its PDFs are left unhyphenated (WeasyPrint and LibreOffice hyphenate).
    score_word = (lambda s: f"Score: {s}/4 \u2013 {BAND[s]}") if f["slug"] in ("blackpool-0825", "plymouth-0226") else (
        lambda s: (f"Indicative score: {s} - {BAND[s]}" if pilot else f"Score: {s} - {BAND[s]}"))
    toc = [("summary", "Overall summary"), ("about", f"About {f['council']}")]
    for t in (1, 2, 3, 4):
        toc.append((f"theme{t}", THEMES[t][0]))
        for n in range(1, 10):
            if QS[n - 1][1] == t:
                toc.append((f"qs{n}", f["qs_names"][n]))
    css_common = """
    body{font-family:'DejaVu Sans',sans-serif;font-size:9.5pt;line-height:1.35;color:#222}
    h1{font-size:22pt;color:#5a2d82;margin:0 0 8pt}
    h2{font-size:15pt;color:#5a2d82;break-before:page;string-set:section content()}
    h3{font-size:12pt;color:#333;margin:12pt 0 4pt}
    h4{font-size:10pt;margin:8pt 0 2pt}
    p{margin:0 0 5pt;text-align:justify}
    table{border-collapse:collapse;width:100%;margin:6pt 0}
    th,td{border:0.6pt solid #999;padding:3pt 5pt;vertical-align:top;text-align:left}
    thead th{background:#efe8f5}
    .cover{break-after:page;padding-top:60mm}
    .cover .org{font-size:12pt;letter-spacing:1px;text-transform:uppercase;color:#5a2d82}
    .cover .big{font-size:28pt;font-weight:bold;margin:10pt 0}
    .toc ol{list-style:none;padding:0}
    .toc li.t{font-weight:bold;margin-top:4pt}
    .toc li.s{margin-left:12pt}
    .kf{columns:2;column-gap:7mm}
    .score{font-weight:bold;background:#f3eef8;padding:4pt 6pt;border-left:3pt solid #5a2d82}
    .expect li{margin-bottom:2pt}
    """
    if engine == "chromium":
        css_common = css_common.replace("text-align:justify", "text-align:left")
    if engine == "weasyprint":
        css = css_common + f"""
        @page{{size:A4;margin:22mm 18mm 20mm 18mm;
          @top-left{{content:"{f['council']}";font-size:8pt;color:#666}}
          @top-right{{content:string(section);font-size:8pt;color:#666}}
          @bottom-center{{content:"Page " counter(page) " of " counter(pages);font-size:8pt}}}}
        @page:first{{@top-left{{content:none}} @top-right{{content:none}} @bottom-center{{content:none}}}}
        body{{hyphens:auto}}
        .toc a::after{{content:leader('.') target-counter(attr(href), page)}}
        .toc a{{color:#222;text-decoration:none}}
        """
    else:
        css = css_common + f"""
        @page{{size:A4;margin:22mm 18mm 20mm 18mm;
          @top-center{{content:"{f['council']} \u2014 local authority assessment";font-size:8pt;color:#666}}
          @bottom-right{{content:"Page " counter(page) " of " counter(pages);font-size:8pt}}}}
        @page:first{{@top-center{{content:none}}}}
        .toc a{{color:#222;text-decoration:none}}
        """
    o = [f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{e(title)}</title><style>{css}</style></head><body>']
    o.append(f'<div class="cover"><p class="org">Care Quality Commission</p><p class="big">{e(f["council"])}</p>'
             f'<p>{"Local authority assessment (pilot)" if pilot else "Local authority assessment"}</p>'
             f'<p>How {e(f["council"])} works to meet its duties under Part 1 of the Care Act (2014)</p>'
             f'<p>Date of publication: {pub}</p></div>')
    o.append('<div class="toc"><h1>Contents</h1><ol>')
    for anchor, label in toc:
        cls = "s" if anchor.startswith("qs") else "t"
        o.append(f'<li class="{cls}"><a href="#{anchor}">{e(label)}</a></li>')
    o.append("</ol></div>")
    # overall summary
    o.append('<h2 id="summary">Overall summary</h2>')
    if pilot:
        o.append(f'<h3>Local authority indicative rating</h3><p class="score">{f["rating"]}: {RATING_BAND[f["rating"]]}</p>')
    else:
        o.append(f'<h3>Local authority rating and score</h3><table><tbody><tr><th>Local authority</th><td>{e(f["council"])}</td></tr>'
                 f'<tr><th>Rating</th><td>{e(f["rating_shown"])}</td></tr><tr><th>Overall score</th><td>{f["pct_shown"]}%</td></tr></tbody></table>')
    o.append(f'<h3>Quality statement {"indicative " if pilot else ""}scores</h3><table><thead><tr><th>Theme</th><th>Quality statement</th>'
             f'<th>{"Indicative score" if pilot else "Score"}</th></tr></thead><tbody>')
    for t in (1, 2, 3, 4):
        nums = [n for n in range(1, 10) if QS[n - 1][1] == t]
        for i, n in enumerate(nums):
            th = f'<td rowspan="{len(nums)}">{e(THEMES[t][0])}</td>' if i == 0 else ""
            s = f["scores"][n - 1]
            o.append(f"<tr>{th}<td>{e(f['qs_names'][n])}</td><td>{s} - {BAND[s]}</td></tr>")
    o.append("</tbody></table>")
    o.append("<h3>Summary of people's experiences</h3>" + "".join(f"<p>{tx(p)}</p>" for p in f["people"]))
    o.append("<h3>Summary of strengths, areas for development and next steps</h3>" + "".join(f"<p>{tx(p)}</p>" for p in f["strengths"]))
    # about
    o.append(f'<h2 id="about">About {e(f["council"])}</h2>')
    for head, items in (("Demographics", f["demo"]), ("Financial facts", f["fin"])):
        o.append(f"<h3>{head}</h3><table><tbody>")
        for l, v in facts_rows(items):
            o.append(f"<tr><th>{e(l)}</th><td>{e(v)}</td></tr>" if l else f'<tr><td colspan="2">{e(v)}</td></tr>')
        o.append("</tbody></table>")
    for t in (1, 2, 3, 4):
        o.append(f'<h2 id="theme{t}">{e(THEMES[t][0])}</h2>')
        for n in range(1, 10):
            if QS[n - 1][1] != t:
                continue
            st = f["statements"][n]
            s = f["scores"][n - 1]
            o.append(f'<h3 id="qs{n}">{e(f["qs_names"][n])}</h3><p class="score">{score_word(s)}</p>')
            o.append('<h4>What people expect</h4><ul class="expect">' + "".join(f"<li>{tx(x)}</li>" for x in st["what_people_expect"]) + "</ul>")
            o.append(f'<h4>{"The local authority commitment:" if pilot else "The local authority commitment"}</h4><p>{tx(st["commitment"])}</p>')
            o.append('<h4>Key findings for this quality statement</h4><div class="kf">')
            for kf in st["key_findings"]:
                o.append(f'<h4>{e(kf["heading"])}</h4>' + "".join(f"<p>{tx(p)}</p>" for p in kf["paragraphs"]))
            o.append("</div>")
    o.append("</body></html>")
    return "".join(o)


def make_weasy(f, out):
    import weasyprint
    doc = html_doc(f, "weasyprint")
    weasyprint.HTML(string=doc).write_pdf(out)
    return f"WeasyPrint {weasyprint.__version__} (HTML + CSS paged media)"


def chromium_version():
    v = subprocess.run(["chromium", "--version"], capture_output=True, text=True).stdout.strip()
    return v.split(" built")[0]


def make_chromium(f, out):
    os.makedirs(TMP, exist_ok=True)
    src = os.path.join(TMP, f["slug"] + ".html")
    with open(src, "w", encoding="utf-8") as fh:
        fh.write(html_doc(f, "chromium"))
    prof = tempfile.mkdtemp(prefix="chr-", dir=TMP)
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={prof}",
                    "--no-pdf-header-footer", f"--print-to-pdf={out}", "file://" + src],
                   check=True, capture_output=True, timeout=120)
    shutil.rmtree(prof, ignore_errors=True)
    return f"{chromium_version()} (headless --print-to-pdf, @page margin boxes)"


# ---------------------------------------------------------------------------- LibreOffice engines
def soffice_convert(src, outdir):
    prof = tempfile.mkdtemp(prefix="lo-", dir=TMP)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{prof}", "--headless", "--convert-to",
                    "pdf:writer_pdf_Export", "--outdir", outdir, src], check=True, capture_output=True, timeout=180)
    shutil.rmtree(prof, ignore_errors=True)


def make_odt(f, out):
    from odf.opendocument import OpenDocumentText
    from odf.style import (Style, TextProperties, ParagraphProperties, PageLayout, PageLayoutProperties, MasterPage,
                           Header, Footer, TableColumnProperties, TableCellProperties, SectionProperties, Columns,
                           Column, TableProperties)
    from odf.text import P, H, Span, PageNumber, PageCount, List, ListItem, Section
    from odf.table import Table, TableColumn, TableRow, TableCell, CoveredTableCell

    pilot = f["kind"] == "pilot"
    doc = OpenDocumentText()
    # page layout + header/footer
    pl = PageLayout(name="pm1")
    pl.addElement(PageLayoutProperties(pagewidth="21cm", pageheight="29.7cm", margintop="1.5cm", marginbottom="1.5cm",
                                       marginleft="2cm", marginright="2cm", printorientation="portrait"))
    doc.automaticstyles.addElement(pl)
    hf = Style(name="HF", family="paragraph")
    hf.addElement(TextProperties(fontsize="8pt", color="#555555", fontname="Liberation Sans"))
    hf.addElement(ParagraphProperties(textalign="center"))
    doc.styles.addElement(hf)
    mp = MasterPage(name="Standard", pagelayoutname=pl)
    hdr = Header()
    hdr.addElement(P(stylename=hf, text=("Pilot assessment report: " if pilot else "Local authority assessment: ") + f["council"]))
    mp.addElement(hdr)
    ftr = Footer()
    fp = P(stylename=hf, text="Page ")
    fp.addElement(PageNumber(selectpage="current", text="1"))
    fp.addText(" of ")
    fp.addElement(PageCount(text="1"))
    ftr.addElement(fp)
    mp.addElement(ftr)
    doc.masterstyles.addElement(mp)

    def pstyle(name, size="10pt", bold=False, color=None, before=None, brk=False, align=None, parent=None):
        s = Style(name=name, family="paragraph")
        tp = dict(fontsize=size, fontname="Liberation Sans", hyphenate="true", language="en", country="GB",
                  hyphenationremaincharcount="2", hyphenationpushcharcount="2")
        if bold:
            tp["fontweight"] = "bold"
        if color:
            tp["color"] = color
        s.addElement(TextProperties(**tp))
        pp = dict(marginbottom="0.15cm")
        if before:
            pp["margintop"] = before
        if brk:
            pp["breakbefore"] = "page"
        pp["textalign"] = align or "justify"
        s.addElement(ParagraphProperties(**pp))
        doc.styles.addElement(s)
        return s

    body = pstyle("Body", "9.5pt")
    h1 = pstyle("H1x", "20pt", True, "#5a2d82", brk=True, align="left")
    h2 = pstyle("H2x", "13pt", True, "#5a2d82", before="0.4cm", align="left")
    h3 = pstyle("H3x", "10.5pt", True, before="0.25cm", align="left")
    score = pstyle("Score", "10pt", True, "#3b1d57", align="left")
    cover_big = pstyle("CoverBig", "28pt", True, "#5a2d82", before="6cm", align="left")
    cover = pstyle("Cover", "12pt", align="left")
    cellp = pstyle("Cell", "9pt", align="left")
    cellb = pstyle("CellB", "9pt", True, align="left")

    sec2 = Style(name="TwoCol", family="section")
    sp = SectionProperties()
    cols = Columns(columncount="2", columngap="0.6cm")
    cols.addElement(Column(relwidth="5000*", startindent="0cm", endindent="0.3cm"))
    cols.addElement(Column(relwidth="5000*", startindent="0.3cm", endindent="0cm"))
    sp.addElement(cols)
    sec2.addElement(sp)
    doc.automaticstyles.addElement(sec2)

    tstyle = Style(name="Tbl", family="table")
    tstyle.addElement(TableProperties(width="17cm", align="left"))
    doc.automaticstyles.addElement(tstyle)
    cstyle = Style(name="TblCell", family="table-cell")
    cstyle.addElement(TableCellProperties(border="0.5pt solid #888888", padding="0.08cm"))
    doc.automaticstyles.addElement(cstyle)

    t = doc.text
    t.addElement(P(stylename=cover, text="Care Quality Commission"))
    t.addElement(P(stylename=cover_big, text=f["council"]))
    t.addElement(P(stylename=cover, text="Local authority assessment" + (" (pilot)" if pilot else "")))
    t.addElement(P(stylename=cover, text=f"Published {fmt_date(f['published'], 'long')}"))

    t.addElement(P(stylename=h1, text="Contents"))
    for i, label in enumerate(["Overall summary", f"About {f['council']}"] + [THEMES[k][0] for k in (1, 2, 3, 4)], 1):
        t.addElement(P(stylename=body, text=f"{i}. {label}"))

    def table(rows, widths, spans=None):
        tb = Table(name=f"T{len(t.childNodes)}", stylename=tstyle)
        for w in widths:
            cs = Style(name=f"col{w}".replace(".", "_"), family="table-column")
            cs.addElement(TableColumnProperties(columnwidth=f"{w}cm"))
            doc.automaticstyles.addElement(cs)
            tb.addElement(TableColumn(stylename=cs))
        for r, row in enumerate(rows):
            tr = TableRow()
            for c, cell in enumerate(row):
                if cell is None:
                    tr.addElement(CoveredTableCell())
                    continue
                text, kw = cell if isinstance(cell, tuple) else (cell, {})
                tc = TableCell(stylename=cstyle, valuetype="string", **kw)
                tc.addElement(P(stylename=cellb if r == 0 or (c == 0 and len(row) == 2) else cellp, text=text))
                tr.addElement(tc)
            tb.addElement(tr)
        t.addElement(tb)

    t.addElement(P(stylename=h1, text="Overall summary"))
    if pilot:
        t.addElement(P(stylename=h2, text="Local authority indicative rating"))
        t.addElement(P(stylename=score, text=f"{f['rating']}: {RATING_BAND[f['rating']]}"))
    else:
        t.addElement(P(stylename=h2, text="Local authority rating and score"))
        table([("Local authority", f["council"]), ("Rating", f["rating_shown"]), ("Overall score", f"{f['pct_shown']}%")], [5, 12])
    t.addElement(P(stylename=h2, text="Quality statement indicative scores" if pilot else "Quality statement scores"))
    rows = [("Theme", "Quality statement", "Indicative score" if pilot else "Score")]
    for th in (1, 2, 3, 4):
        nums = [n for n in range(1, 10) if QS[n - 1][1] == th]
        for i, n in enumerate(nums):
            s = f["scores"][n - 1]
            first = (THEMES[th][0], {"numberrowsspanned": str(len(nums))}) if i == 0 else None
            rows.append((first, f["qs_names"][n], f"{s} - {BAND[s]}"))
    table(rows, [5, 7, 5])
    t.addElement(P(stylename=h2, text="Summary of people's experiences"))
    for p in f["people"]:
        t.addElement(P(stylename=body, text=p))
    t.addElement(P(stylename=h2, text="Summary of strengths, areas for development and next steps"))
    for p in f["strengths"]:
        t.addElement(P(stylename=body, text=p))
    t.addElement(P(stylename=h1, text=f"About {f['council']}"))
    for head, items in (("Demographics", f["demo"]), ("Financial facts", f["fin"])):
        t.addElement(P(stylename=h2, text=head))
        table([(l, v) if l else (("" , {}), v) for l, v in facts_rows(items)], [7, 10])
    for th in (1, 2, 3, 4):
        t.addElement(P(stylename=h1, text=THEMES[th][0]))
        for n in range(1, 10):
            if QS[n - 1][1] != th:
                continue
            st = f["statements"][n]
            s = f["scores"][n - 1]
            t.addElement(P(stylename=h2, text=f["qs_names"][n]))
            if pilot:
                t.addElement(P(stylename=h3, text="Indicative score:"))
                t.addElement(P(stylename=score, text=f"{s} - {BAND[s]}"))
            else:
                t.addElement(P(stylename=score, text=f"Score: {s}"))
                t.addElement(P(stylename=body, text=f"{s} - {BAND[s]}"))
            t.addElement(P(stylename=h3, text="What people expect"))
            lst = List()
            for x in st["what_people_expect"]:
                li = ListItem()
                li.addElement(P(stylename=body, text="\u2022 " + x))
                lst.addElement(li)
            t.addElement(lst)
            t.addElement(P(stylename=h3, text="The local authority commitment:" if pilot else "The local authority commitment"))
            t.addElement(P(stylename=body, text=st["commitment"]))
            t.addElement(P(stylename=h3, text="Key findings for this quality statement"))
            sec = Section(name=f"kf{n}", stylename=sec2)
            for kf in st["key_findings"]:
                sec.addElement(P(stylename=h3, text=kf["heading"]))
                for p in kf["paragraphs"]:
                    sec.addElement(P(stylename=body, text=p))
            t.addElement(sec)
    os.makedirs(TMP, exist_ok=True)
    src = os.path.join(TMP, f["slug"] + ".odt")
    doc.save(src)
    soffice_convert(src, TMP)
    shutil.move(os.path.join(TMP, f["slug"] + ".pdf"), out)
    return "LibreOffice 7.4 (writer_pdf_Export) from .odt written with odfpy"


def make_docx(f, out):
    import docx
    from docx.enum.section import WD_SECTION
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt, Cm, RGBColor

    d = docx.Document()
    st = d.styles["Normal"]
    st.font.name = "Liberation Serif"
    st.font.size = Pt(10)
    # automatic hyphenation for the whole document
    settings = d.settings.element
    ah = OxmlElement("w:autoHyphenation")
    ah.set(qn("w:val"), "true")
    settings.append(ah)
    lang_rpr = d.styles.element.find(qn("w:docDefaults"))
    sec = d.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21)
    sec.left_margin = sec.right_margin = Cm(2.2)
    sec.different_first_page_header_footer = True

    def field(par, instr):
        r = par.add_run()
        f1 = OxmlElement("w:fldChar"); f1.set(qn("w:fldCharType"), "begin")
        it = OxmlElement("w:instrText"); it.set(qn("xml:space"), "preserve"); it.text = instr
        f2 = OxmlElement("w:fldChar"); f2.set(qn("w:fldCharType"), "separate")
        t = OxmlElement("w:t"); t.text = "1"
        f3 = OxmlElement("w:fldChar"); f3.set(qn("w:fldCharType"), "end")
        for x in (f1, it, f2, t, f3):
            r._r.append(x)

    hp = sec.header.paragraphs[0]
    hp.text = f"CQC local authority assessment \u2013 {f['council']}"
    hp.runs[0].font.size = Pt(8)
    fp = sec.footer.paragraphs[0]
    fp.add_run("Page ")
    field(fp, "PAGE")
    fp.add_run(" of ")
    field(fp, "NUMPAGES")

    purple = RGBColor(0x5a, 0x2d, 0x82)
    p = d.add_paragraph()
    p.paragraph_format.space_before = Pt(160)
    r = p.add_run(f["council"]); r.bold = True; r.font.size = Pt(28); r.font.color.rgb = purple
    d.add_paragraph("Local authority assessment report")
    d.add_paragraph(f"Date of publication: {fmt_date(f['published'], 'long')}")
    d.add_paragraph("Care Quality Commission")
    d.add_page_break()
    d.add_heading("Contents", level=1)
    for label in ["Overall summary", f"About {f['council']}"] + [THEMES[k][0] for k in (1, 2, 3, 4)]:
        d.add_paragraph(label, style="List Number")
    d.add_page_break()
    d.add_heading("Overall summary", level=1)
    d.add_heading("Local authority rating and score", level=2)
    d.add_paragraph(f["council"])
    d.add_paragraph(f["rating_shown"])
    d.add_paragraph(f"Overall rating for {f['council']}: {f['pct_shown']}%")
    d.add_heading("Quality statement scores", level=2)
    tb = d.add_table(rows=10, cols=3)
    tb.style = "Table Grid"
    for i, h in enumerate(("Theme", "Quality statement", "Score")):
        tb.cell(0, i).text = h
        tb.cell(0, i).paragraphs[0].runs[0].bold = True
    r = 1
    for th in (1, 2, 3, 4):
        nums = [n for n in range(1, 10) if QS[n - 1][1] == th]
        top = tb.cell(r, 0)
        if len(nums) > 1:
            top = top.merge(tb.cell(r + len(nums) - 1, 0))
        top.text = THEMES[th][0]
        for n in nums:
            s = f["scores"][n - 1]
            tb.cell(r, 1).text = f["qs_names"][n]
            tb.cell(r, 2).text = f"Score: {s}"
            r += 1
    d.add_heading("Summary of people's experiences", level=2)
    for x in f["people"]:
        d.add_paragraph(x)
    d.add_heading("Summary of strengths, areas for development and next steps", level=2)
    for x in f["strengths"]:
        d.add_paragraph(x)
    d.add_page_break()
    d.add_heading(f"About {f['council']}", level=1)
    for head, items in (("Demographics", f["demo"]), ("Financial facts", f["fin"])):
        d.add_heading(head, level=2)
        for l, v in facts_rows(items):
            d.add_paragraph(f"{l}: {v}" if l else v, style="List Bullet")
    for th in (1, 2, 3, 4):
        # each theme in a new two-column section
        ns = d.add_section(WD_SECTION.NEW_PAGE)
        cols = ns._sectPr.xpath("./w:cols")
        c = cols[0] if cols else OxmlElement("w:cols")
        c.set(qn("w:num"), "2"); c.set(qn("w:space"), "454")
        if not cols:
            ns._sectPr.append(c)
        d.add_heading(THEMES[th][0], level=1)
        for n in range(1, 10):
            if QS[n - 1][1] != th:
                continue
            stt = f["statements"][n]
            s = f["scores"][n - 1]
            d.add_heading(f["qs_names"][n], level=2)
            pr = d.add_paragraph(); rr = pr.add_run(f"Score: {s}"); rr.bold = True
            d.add_paragraph(f"{s} - {BAND[s]}")
            d.add_heading("What people expect", level=3)
            for x in stt["what_people_expect"]:
                d.add_paragraph(x, style="List Bullet")
            d.add_heading("The local authority commitment", level=3)
            d.add_paragraph(stt["commitment"])
            d.add_heading("Key findings for this quality statement", level=3)
            for kf in stt["key_findings"]:
                hp2 = d.add_paragraph(); hr = hp2.add_run(kf["heading"]); hr.bold = True; hr.italic = True
                for x in kf["paragraphs"]:
                    d.add_paragraph(x)
    for sct in d.sections[1:]:
        sct.header.is_linked_to_previous = True
        sct.footer.is_linked_to_previous = True
    os.makedirs(TMP, exist_ok=True)
    src = os.path.join(TMP, f["slug"] + ".docx")
    d.save(src)
    soffice_convert(src, TMP)
    shutil.move(os.path.join(TMP, f["slug"] + ".pdf"), out)
    return "LibreOffice 7.4 (writer_pdf_Export) from .docx written with python-docx"


def make(f, out):
    os.makedirs(os.path.dirname(out), exist_ok=True)
    eng = f["pdf"]["engine"]
    engine = {"weasyprint": make_weasy, "chromium": make_chromium, "odt": make_odt, "docx": make_docx}[eng](f, out)
    c = carries(f)
    if eng == "docx":
        # the docx table prints "Score: N" per statement; statement pages print the band line too
        pass
    c["demographics"] = facts_keys(f["demo"])
    c["financial_facts"] = facts_keys(f["fin"])
    return engine, c
