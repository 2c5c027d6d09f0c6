"""Report PDFs: groff (ms + tbl, -Tpdf via gropdf) and LibreOffice (python-docx .docx -> soffice)."""
import os
import subprocess
import tempfile

from content import BAND, STATEMENTS, THEMES, fmt_date

TMP = "/tmp/blind-pagebuilder/pdfwork"


def _title(f):
    return f"{f['council']} assessment" if f["kind"] == "pilot" else f"{f['council']}: local authority assessment"


def _score_line(f, n):
    v = f["scores"][n]
    if f["kind"] == "pilot":
        return f"Indicative score: {v} - {BAND[v]}"
    return f"Score: {v} - {BAND[v]}"


def _rating_word(f):
    return {"requires improvement": "Requires improvement"}.get(f["rating_text"].lower(), f["rating_text"])


# ------------------------------------------------------------------ groff
def _esc(t):
    t = t.replace("\\", "\\e")
    lines = []
    for ln in t.split("\n"):
        if ln.startswith((".", "'")):
            ln = "\\&" + ln
        lines.append(ln)
    return "\n".join(lines)


def _groff_src(f, total):
    pilot = f["kind"] == "pilot"
    L = []
    a = L.append
    a('.nr PS 10\n.nr VS 12\n.nr PO 1i\n.nr LL 6.3i\n.nr HM 0.9i\n.nr FM 0.9i\n.nr PD 0.4v\n.hy 14\n.hla en\n')
    a(f'.ds LH {_esc(f["council"])}\n.ds CH\n.ds RH {"Indicative assessment" if pilot else "Local authority assessment"}\n')
    a(f'.ds LF Care Quality Commission\n.ds CF\n.ds RF Page \\\\n% of {total}\n')
    # cover
    a('.sp 2i\n.ce 20\n.ps 26\n.vs 30\n.B "Care Quality Commission"\n.sp 0.6i\n.ps 20\n.vs 24\n')
    a(f'{_esc(f["council"])}\n.sp 0.3i\n')
    a(f'{"Local authority assessment (pilot)" if pilot else "Local authority assessment"}\n.sp 0.3i\n.ps 13\n.vs 16\n')
    a(f'Assessing how the local authority meets its duties under Part 1 of the Care Act 2014\n.sp 0.5i\n')
    a(f'Published {fmt_date(f["pub"], "long")}\n.ce 0\n.ps 10\n.vs 12\n.bp\n')
    # contents
    a('.SH 1\nContents\n.IP 1. 3n\nKey facts and figures\n.IP 2. 3n\nSummary of people\'s experiences\n')
    for t in range(1, 5):
        a(f'.IP {t + 2}. 3n\nTheme {t}: {_esc(THEMES[t])}\n')
    a('.bp\n')
    # key facts
    a('.SH 1\nKey facts and figures\n.LP\n')
    if pilot:
        rv = {"Good": 3, "Requires improvement": 2, "Outstanding": 4, "Inadequate": 1}[_rating_word(f)]
        a(f'Local authority indicative rating: {_esc(_rating_word(f))}: {BAND[rv]}\n.LP\n')
        a('Scores and the rating from the pilot assessments are indicative. No overall percentage score was calculated.\n')
    else:
        a(f'Local authority rating: {_esc(_rating_word(f))}\n.br\nOverall rating for {_esc(f["council"])}: {f["pct"]}%\n')
    a('.TS\ncenter box tab(|);\ncb | cb | cb\nl | l | c .\n')
    a(f'Theme|Quality statement|{"Indicative score" if pilot else "Score"}\n=\n')
    for t in range(1, 5):
        ns = [n for n in STATEMENTS if STATEMENTS[n][1] == t]
        for j, n in enumerate(ns):
            a(('T{\n' + _esc(THEMES[t]) + '\nT}') if j == 0 else '\\^')
            a(f'|{_esc(STATEMENTS[n][0])}|{f["scores"][n]}\n')
        if t < 4:
            a('_\n')
    a('.TE\n')
    # people's experiences, two columns
    a('.SH 1\nSummary of people\'s experiences\n.2C\n')
    for p in f["pe"]:
        a(f'.PP\n{_esc(p)}\n')
    a('.1C\n')
    for t in range(1, 5):
        a(('' if t == 1 else '.bp\n') + f'.SH 1\nTheme {t}: {_esc(THEMES[t])}\n')
        for n in [n for n in STATEMENTS if STATEMENTS[n][1] == t]:
            st = f["st"][n]
            a(f'.SH 2\n{_esc(STATEMENTS[n][0])}\n.LP\n.B "{_score_line(f, n)}"\n')
            a('.SH 3\nWhat people expect\n')
            for w in st["what_people_expect"]:
                a(f'.IP \\(bu 2\n{_esc(w)}\n')
            a(f'.SH 3\n{"The local authority commitment:" if pilot else "The local authority commitment"}\n.QP\n{_esc(st["commitment"])}\n')
            a('.SH 3\nKey findings for this quality statement\n')
            for blk in st["key_findings"]:
                if blk["heading"]:
                    a(f'.LP\n.I "{_esc(blk["heading"])}"\n')
                for p in blk["paragraphs"]:
                    a(f'.PP\n{_esc(p)}\n')
    return "".join(L)


def _run_groff(src):
    os.makedirs(TMP, exist_ok=True)
    p = subprocess.run(["groff", "-k", "-t", "-ms", "-Tpdf", "-P-pa4", "-dpaper=a4"], input=src.encode("utf-8"),
                       capture_output=True, check=True)
    return p.stdout


def _pages(data):
    with tempfile.NamedTemporaryFile(suffix=".pdf", dir=TMP, delete=False) as t:
        t.write(data)
    out = subprocess.run(["pdfinfo", t.name], capture_output=True, text=True).stdout
    os.unlink(t.name)
    for ln in out.splitlines():
        if ln.startswith("Pages:"):
            return int(ln.split()[1])


def groff_pdf(f):
    data = _run_groff(_groff_src(f, 99))
    n = _pages(data)
    data = _run_groff(_groff_src(f, n))
    assert _pages(data) == n
    carries = {"rating": _rating_word(f), "overall_pct": f["pct"],
               "scores": {str(k): v for k, v in f["scores"].items()},
               "statements": {str(k): {"what_people_expect": f["st"][k]["what_people_expect"],
                                       "commitment": f["st"][k]["commitment"],
                                       "key_findings": f["st"][k]["key_findings"]} for k in range(1, 10)},
               "people_experience": f["pe"]}
    return data, "groff 1.22.4 (ms + tbl, gropdf)", carries


# ------------------------------------------------------------------ LibreOffice via python-docx
def _field(run, instr):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    for kind, text in (("begin", None), (None, instr), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
            run._r.append(el)
        elif text == instr:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {instr} "
            run._r.append(el)
        else:
            el = OxmlElement("w:t")
            el.text = text
            run._r.append(el)


def _cols(section, n):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    sp = section._sectPr
    for c in sp.findall(qn("w:cols")):
        sp.remove(c)
    cols = OxmlElement("w:cols")
    cols.set(qn("w:num"), str(n))
    cols.set(qn("w:space"), "425")
    sp.append(cols)


def docx_pdf(f):
    from docx import Document
    from docx.enum.section import WD_SECTION
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Pt, Cm, RGBColor
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    full = f["slug"] != "leicestercity-0725"  # Leicester's PDF is a short summary version
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = "Liberation Sans"
    st.font.size = Pt(10.5)
    # ask for automatic hyphenation
    settings = doc.settings.element
    ah = OxmlElement("w:autoHyphenation")
    ah.set(qn("w:val"), "true")
    settings.append(ah)
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.different_first_page_header_footer = True
    hp = sec.header.paragraphs[0]
    hp.text = f"{f['council']} | Local authority assessment"
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fp.add_run("Page ")
    _field(fp.add_run(), "PAGE")
    fp.add_run(" of ")
    _field(fp.add_run(), "NUMPAGES")
    # cover
    for _ in range(6):
        doc.add_paragraph()
    p = doc.add_paragraph()
    r = p.add_run("Care Quality Commission")
    r.font.size = Pt(14)
    r.font.color.rgb = RGBColor(0x6E, 0x2C, 0x8C)
    p = doc.add_paragraph()
    r = p.add_run(f["council"])
    r.bold = True
    r.font.size = Pt(28)
    p = doc.add_paragraph()
    r = p.add_run("Local authority assessment" + ("" if full else " - summary of findings"))
    r.font.size = Pt(18)
    doc.add_paragraph(f"Date of publication: {fmt_date(f['pub'], 'long')}")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    # contents
    doc.add_heading("Contents", level=1)
    items = ["Overall rating and quality statement scores", "Summary of people's experiences"]
    if full:
        items += [f"{THEMES[t]}" for t in range(1, 5)]
    for it in items:
        doc.add_paragraph(it, style="List Number")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    # key facts
    doc.add_heading("Overall rating and quality statement scores", level=1)
    tbl = doc.add_table(rows=2, cols=2)
    tbl.style = "Table Grid"
    tbl.cell(0, 0).text = "Local authority rating"
    tbl.cell(0, 1).text = _rating_word(f)
    tbl.cell(1, 0).text = "Overall score"
    tbl.cell(1, 1).text = f"{f['pct']}%"
    doc.add_paragraph()
    tbl = doc.add_table(rows=10, cols=3)
    tbl.style = "Table Grid"
    for i, h in enumerate(("Theme", "Quality statement", "Score")):
        tbl.cell(0, i).text = h
        tbl.cell(0, i).paragraphs[0].runs[0].bold = True
    row = 1
    for t in range(1, 5):
        ns = [n for n in STATEMENTS if STATEMENTS[n][1] == t]
        first = row
        for n in ns:
            tbl.cell(row, 1).text = STATEMENTS[n][0]
            tbl.cell(row, 2).text = f"{f['scores'][n]}"
            row += 1
        c = tbl.cell(first, 0).merge(tbl.cell(row - 1, 0)) if len(ns) > 1 else tbl.cell(first, 0)
        c.text = THEMES[t]
    doc.add_paragraph("Scores: 1 = evidence shows significant shortfalls; 2 = some shortfalls; 3 = a good standard; "
                      "4 = an exceptional standard.").runs[0].italic = True
    # people's experiences in two columns
    s2 = doc.add_section(WD_SECTION.CONTINUOUS)
    _cols(s2, 2)
    s2.different_first_page_header_footer = False
    doc.add_heading("Summary of people's experiences", level=1)
    for ptxt in f["pe"]:
        doc.add_paragraph(ptxt)
    s3 = doc.add_section(WD_SECTION.NEW_PAGE)
    _cols(s3, 1)
    s3.different_first_page_header_footer = False
    if full:
        for t in range(1, 5):
            doc.add_heading(THEMES[t], level=1)
            for n in [n for n in STATEMENTS if STATEMENTS[n][1] == t]:
                sx = f["st"][n]
                doc.add_heading(STATEMENTS[n][0], level=2)
                pp = doc.add_paragraph()
                pp.add_run(_score_line(f, n)).bold = True
                doc.add_heading("What people expect", level=3)
                for w in sx["what_people_expect"]:
                    doc.add_paragraph(w, style="List Bullet")
                doc.add_heading("The local authority commitment", level=3)
                doc.add_paragraph(sx["commitment"], style="Quote")
                doc.add_heading("Key findings for this quality statement", level=3)
                for blk in sx["key_findings"]:
                    if blk["heading"]:
                        hp = doc.add_paragraph()
                        hp.add_run(blk["heading"]).bold = True
                    for ptxt in blk["paragraphs"]:
                        doc.add_paragraph(ptxt)
    os.makedirs(TMP, exist_ok=True)
    base = os.path.join(TMP, f["slug"])
    doc.save(base + ".docx")
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{TMP}/lo-profile", "--convert-to",
                    "pdf:writer_pdf_Export", "--outdir", TMP, base + ".docx"], check=True, capture_output=True, timeout=180)
    with open(base + ".pdf", "rb") as fh:
        data = fh.read()
    ver = subprocess.run(["soffice", "--version"], capture_output=True, text=True).stdout.split()
    engine = f"LibreOffice {ver[1] if len(ver) > 1 else ''} (writer_pdf_Export from a python-docx .docx)".replace("  ", " ")
    carries = {"rating": _rating_word(f), "overall_pct": f["pct"],
               "scores": {str(k): v for k, v in f["scores"].items()}, "people_experience": f["pe"]}
    if full:
        carries["statements"] = {str(k): {"what_people_expect": f["st"][k]["what_people_expect"],
                                          "commitment": f["st"][k]["commitment"],
                                          "key_findings": f["st"][k]["key_findings"]} for k in range(1, 10)}
    return data, engine, carries


def make(f):
    if f["pdf"] == "groff":
        return groff_pdf(f)
    return docx_pdf(f)
