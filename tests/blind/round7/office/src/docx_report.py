"""Build a Word (.docx) report for one family with python-docx; LibreOffice turns it into the PDF."""
from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor, Cm

from content import STATEMENTS, THEMES, THEME_STATEMENTS, BAND

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
PURPLE = RGBColor(0x4B, 0x1F, 0x6F)


def _field(run, code):
    for kind, text in (("begin", None), (None, code), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
            run._r.append(el)
        elif text == code:
            it = OxmlElement("w:instrText")
            it.set(qn("xml:space"), "preserve")
            it.text = f" {code} "
            run._r.append(it)
        else:
            t = OxmlElement("w:t")
            t.text = text
            run._r.append(t)


def _cols(section, n):
    sp = section._sectPr
    cols = sp.find(qn("w:cols"))
    if cols is None:
        cols = OxmlElement("w:cols")
        sp.append(cols)
    cols.set(qn("w:num"), str(n))
    cols.set(qn("w:space"), "454")


def _shade(cell, fill):
    tcPr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcPr.append(shd)


def _hf(section, council):
    section.different_first_page_header_footer = True
    hp = section.header.paragraphs[0]
    hp.text = f"{council}: local authority assessment"
    hp.runs[0].font.size = Pt(8)
    hp.runs[0].font.color.rgb = RGBColor(0x55, 0x55, 0x55)
    fp = section.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = fp.add_run("Page ")
    r.font.size = Pt(8)
    r = fp.add_run()
    r.font.size = Pt(8)
    _field(r, "PAGE")
    r = fp.add_run(" of ")
    r.font.size = Pt(8)
    r = fp.add_run()
    r.font.size = Pt(8)
    _field(r, "NUMPAGES")


def build_docx(fam, path):
    c = fam["council"]
    d = Document()
    st = d.styles["Normal"]
    st.font.name = "Liberation Sans"
    st.font.size = Pt(10)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "en-GB")
    st.element.get_or_add_rPr().append(lang)
    for lvl, size in ((1, 16), (2, 13), (3, 11)):
        h = d.styles[f"Heading {lvl}"]
        h.font.name = "Liberation Sans"
        h.font.size = Pt(size)
        h.font.color.rgb = PURPLE
    # automatic hyphenation
    settings = d.settings.element
    ah = OxmlElement("w:autoHyphenation")
    ah.set(qn("w:val"), "true")
    settings.append(ah)
    sec = d.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.left_margin = sec.right_margin = Cm(2.0)
    _hf(sec, c)
    # cover
    for _ in range(8):
        d.add_paragraph()
    p = d.add_paragraph()
    r = p.add_run(c)
    r.bold = True
    r.font.size = Pt(26)
    r.font.color.rgb = PURPLE
    p = d.add_paragraph()
    p.add_run("Local authority assessment").font.size = Pt(18)
    pub = fam["pub"]
    d.add_paragraph(f"Published {pub.day} {MONTHS[pub.month - 1]} {pub.year}")
    d.add_paragraph("Care Quality Commission")
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    # contents (typed, not a TOC field)
    d.add_heading("Contents", 1)
    for t in ["Overall summary", f"About {c}"] + [THEMES[i] for i in range(1, 5)]:
        d.add_paragraph(t, style="List Number")
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    # summary
    d.add_heading("Overall summary", 1)
    d.add_heading("Local authority rating and score", 2)
    tb = d.add_table(rows=3, cols=2)
    tb.style = "Table Grid"
    for i, (a, b) in enumerate((("Local authority", c), ("Overall rating", fam["rating_shown"]),
                                ("Overall score", f"{fam['pct']}%"))):
        tb.cell(i, 0).text = a
        tb.cell(i, 1).text = b
        _shade(tb.cell(i, 0), "E8E0F0")
    d.add_heading("Quality statement scores", 2)
    tb = d.add_table(rows=10, cols=3)
    tb.style = "Table Grid"
    tb.alignment = WD_TABLE_ALIGNMENT.CENTER
    for j, h in enumerate(("Theme", "Quality statement", "Score")):
        tb.cell(0, j).text = h
        tb.cell(0, j).paragraphs[0].runs[0].bold = True
        _shade(tb.cell(0, j), "E8E0F0")
    row = 1
    for t in range(1, 5):
        ns = THEME_STATEMENTS[t]
        first = row
        for n in ns:
            tb.cell(row, 1).text = STATEMENTS[n][0]
            tb.cell(row, 2).text = str(fam["scores"][str(n)])
            row += 1
        merged = tb.cell(first, 0).merge(tb.cell(row - 1, 0))
        merged.text = THEMES[t]
    d.add_paragraph("Scores: 4 = " + BAND[4] + "; 3 = " + BAND[3] + "; 2 = " + BAND[2] + "; 1 = " + BAND[1] + ".")
    d.add_heading("Summary of people’s experiences", 2)
    for ptxt in fam["people_experience"]:
        d.add_paragraph(ptxt)
    # about
    d.add_heading(f"About {c}", 1)
    for title, items in (("Demographics", fam["demographics"]), ("Financial facts", fam["financial_facts"])):
        d.add_heading(title, 2)
        for it in items:
            p = d.add_paragraph(style="List Bullet")
            if "label" in it:
                p.add_run(it["label"] + ": ").bold = True
                p.add_run(it["value"])
            else:
                p.add_run(it["text"])
    # statements in a two-column section
    ns_sec = d.add_section(WD_SECTION.NEW_PAGE)
    ns_sec.different_first_page_header_footer = False
    _cols(ns_sec, 2)
    for t in range(1, 5):
        d.add_heading(THEMES[t], 1)
        for n in THEME_STATEMENTS[t]:
            sd = fam["statements"][str(n)]
            s = fam["scores"][str(n)]
            d.add_heading(STATEMENTS[n][0], 2)
            p = d.add_paragraph()
            p.add_run("Score: ").bold = True
            p.add_run(f"{s} - {BAND[s]}")
            d.add_heading("What people expect", 3)
            for w in sd["what_people_expect"]:
                d.add_paragraph(w, style="List Bullet")
            d.add_heading("The local authority commitment", 3)
            d.add_paragraph(sd["commitment"])
            d.add_heading("Key findings for this quality statement", 3)
            for kf in sd["key_findings"]:
                p = d.add_paragraph()
                r = p.add_run(kf["heading"])
                r.bold = True
                r.italic = True
                nl = kf.get("has_list", 0)
                paras = kf["paragraphs"]
                body, items = (paras[:-nl], paras[-nl:]) if nl else (paras, [])
                for ptxt in body:
                    pp = d.add_paragraph(ptxt)
                    pp.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
                for it in items:
                    d.add_paragraph(it, style="List Bullet 2")
    d.core_properties.title = f"{c} local authority assessment"
    d.core_properties.author = "CQC Publications"
    d.save(path)
