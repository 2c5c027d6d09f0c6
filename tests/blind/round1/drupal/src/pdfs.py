"""Report PDFs for the blind site, from three engines: WeasyPrint (HTML), Chromium headless
(print-to-pdf from HTML) and LibreOffice (a .docx written with python-docx, converted headless)."""
import html
import os
import shutil
import subprocess
import tempfile

from content import BAND, THEMES, STATEMENT_NAMES, STATEMENT_THEME

E = lambda s: html.escape(s, quote=False)


def long_date(d):
    return f"{d.day} {d.strftime('%B %Y')}"


def header_title(f):
    if f["kind"] == "pilot":
        return f"{f['council']} assessment"
    return f"{f['council']}: local authority assessment"


def score_cell(f, n):
    s = f["scores"][n]
    return "" if s is None else f"{s} - {BAND[s]}"


# ------------------------------------------------------------------------------------ HTML engines
CSS_COMMON = """
body { font-family: "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 10.2pt; line-height: 1.38;
       color: #1d1d1b; }
p, li { hyphens: auto; -webkit-hyphens: auto; text-align: justify; }
h1 { font-size: 19pt; color: #5a2580; margin: 0 0 6mm; break-before: page; }
h2 { font-size: 13.5pt; color: #5a2580; margin: 6mm 0 2mm; break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 1.5mm; break-after: avoid; }
.cover { break-after: page; padding-top: 55mm; }
.cover .org { font-size: 11pt; letter-spacing: .05em; text-transform: uppercase; color: #5a2580; }
.cover .t { font-size: 26pt; font-weight: bold; margin: 8mm 0 4mm; line-height: 1.15; }
.cover .sub { font-size: 13pt; }
.cover .date { margin-top: 30mm; font-size: 11pt; }
table { border-collapse: collapse; width: 100%; margin: 3mm 0 5mm; font-size: 9.5pt; }
th, td { border: .6pt solid #888; padding: 1.6mm 2mm; vertical-align: top; text-align: left; }
thead th { background: #eee5f3; }
.keyfacts { border: 1pt solid #5a2580; padding: 3mm 4mm; margin: 4mm 0; }
.keyfacts p { margin: 1mm 0; text-align: left; }
.toc ol { list-style: none; padding: 0; }
.toc li { margin: 1.4mm 0; text-align: left; }
.score { font-weight: bold; }
"""

CSS_WEASY = """
@page { size: A4; margin: 24mm 18mm 22mm 18mm;
  @top-left { content: string(doctitle); font-size: 8pt; color: #666; }
  @top-right { content: string(section); font-size: 8pt; color: #666; }
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font-size: 8pt; }
  @bottom-right { content: "Care Quality Commission"; font-size: 7pt; color: #999; } }
@page :first { @top-left { content: none; } @top-right { content: none; } @bottom-center { content: none; }
               @bottom-right { content: none; } }
.cover .t { string-set: doctitle content(); }
h1 { string-set: section content(); }
.toc a { color: inherit; text-decoration: none; }
.toc a::after { content: leader('.') target-counter(attr(href), page); }
.twocol { columns: 2; column-gap: 7mm; }
"""

CSS_CHROME = """
@page { size: A4; margin: 24mm 18mm 22mm 18mm;
  @top-center { content: "%(title)s"; font-size: 8pt; color: #666; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 8pt; }
  @bottom-left { content: "Published %(date)s"; font-size: 8pt; color: #666; } }
@page :first { @top-center { content: none; } @bottom-right { content: none; } @bottom-left { content: none; } }
.toc a { color: inherit; text-decoration: none; }
"""


def scores_table_html(f):
    pilot = f["kind"] == "pilot"
    rows = []
    for t in range(1, 5):
        ns = [n for n in range(1, 10) if STATEMENT_THEME[n] == t]
        for i, n in enumerate(ns):
            th = f'<td class="theme" rowspan="{len(ns)}">{E(THEMES[t])}</td>' if i == 0 else ""
            rows.append(f"<tr>{th}<td>{E(STATEMENT_NAMES[n])}</td><td>{E(score_cell(f, n))}</td></tr>")
    head = "Indicative score" if pilot else "Score"
    return (f'<table class="scores"><thead><tr><th>Theme</th><th>Quality statement</th><th>{head}</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>")


def kv_html(items):
    out = []
    for it in items:
        if "label" in it:
            out.append(f"<tr><th>{E(it['label'])}</th><td>{E(it['value'])}</td></tr>")
        else:
            out.append(f'<tr><td colspan="2">{E(it["text"])}</td></tr>')
    return f'<table class="kv"><tbody>{"".join(out)}</tbody></table>'


def report_html(f, engine, summary_only=False, twocol=False):
    pilot = f["kind"] == "pilot"
    title = header_title(f)
    secs = []  # (id, title, html)
    if not summary_only:
        about = (f"<h2>Demographics</h2>{kv_html(f['demographics'])}"
                 f"<h2>Financial facts</h2>{kv_html(f['financial'])}")
        secs.append(("about", f"About {f['council']}", about))
    if pilot:
        kf = (f'<div class="keyfacts"><p>Local authority indicative rating</p>'
              f'<p class="score">{E(f["rating"])}: {E(BAND[{"Outstanding": 4, "Good": 3, "Requires improvement": 2, "Inadequate": 1}[f["rating"]]])}</p></div>')
    else:
        kf = (f'<div class="keyfacts"><p>Local authority rating and score</p><p class="score">{E(f["rating"])}</p>'
              f'<p>Overall rating for {E(f["council"])}: <span class="score">{f["pct"]}%</span></p></div>')
    summ = (kf + "<h2>Quality statement scores</h2>" + scores_table_html(f)
            + "<h2>Summary of people's experiences</h2>" + "".join(f"<p>{E(p)}</p>" for p in f["people_experience"])
            + "<h2>Summary of strengths, areas for development and next steps</h2>"
            + "".join(f"<p>{E(p)}</p>" for p in f["strengths"] + f["development"]))
    secs.append(("summary", "Overall summary", summ))
    if not summary_only:
        for t in range(1, 5):
            parts = []
            for n in [n for n in range(1, 10) if STATEMENT_THEME[n] == t]:
                st = f["statements"][n]
                s = f["scores"][n]
                lab = "Indicative score:" if pilot else "Score:"
                sc = f'<p class="score">{lab} {s}</p><p>{s} - {E(BAND[s])}</p>' if s is not None else ""
                kfh = []
                for blk in st["key_findings"]:
                    if blk["heading"]:
                        kfh.append(f"<h3>{E(blk['heading'])}</h3>")
                    kfh += [f"<p>{E(p)}</p>" for p in blk["paragraphs"]]
                body = "".join(kfh)
                if twocol:
                    body = f'<div class="twocol">{body}</div>'
                parts.append(
                    f'<h2>{E(st["name"])}</h2>{sc}<h3>What people expect</h3><ul>'
                    + "".join(f"<li>{E(x)}</li>" for x in st["what_people_expect"]) + "</ul>"
                    + f'<h3>The local authority commitment{":" if pilot else ""}</h3><p>{E(st["commitment"])}</p>'
                    + "<h3>Key findings for this quality statement</h3>" + body)
            secs.append((f"theme{t}", f"Theme {t}: {THEMES[t]}", "".join(parts)))
    toc = "".join(f'<li><a href="#{i}">{E(t)}</a></li>' for i, t, _ in secs)
    sub = ("Indicative assessment of how the local authority meets its duties under Part 1 of the Care Act 2014"
           if pilot else "Assessment of how the local authority meets its duties under Part 1 of the Care Act 2014")
    if summary_only:
        sub = "Summary report"
    cover = (f'<div class="cover"><div class="org">Care Quality Commission</div><div class="t">{E(title)}</div>'
             f'<div class="sub">{E(sub)}</div><div class="date">Published {long_date(f["published"])}</div></div>')
    body = cover + f'<div class="toc"><h2>Contents</h2><ol>{toc}</ol></div>'
    body += "".join(f'<h1 id="{i}">{E(t)}</h1>{h}' for i, t, h in secs)
    if engine == "weasyprint":
        css = CSS_COMMON + CSS_WEASY
    else:
        css = CSS_COMMON + CSS_CHROME % {"title": title.replace('"', ''), "date": long_date(f["published"])}
    return (f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{E(title)}</title>'
            f"<style>{css}</style></head><body>{body}</body></html>")


def weasy_pdf(f, out, twocol=False):
    import weasyprint
    weasyprint.HTML(string=report_html(f, "weasyprint", twocol=twocol)).write_pdf(out)
    return f"WeasyPrint {weasyprint.__version__}"


def chrome_pdf(f, out, summary_only=False):
    with tempfile.TemporaryDirectory(dir="/tmp/blind-drupal") as td:
        src = os.path.join(td, "r.html")
        open(src, "w").write(report_html(f, "chromium", summary_only=summary_only))
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--user-data-dir={td}/prof", f"--print-to-pdf={out}", "file://" + src],
                       check=True, capture_output=True, timeout=120)
    return "Chromium 156 (headless --print-to-pdf)"


# ------------------------------------------------------------------------------------ LibreOffice
def _field(par, instr):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instr)
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    par._p.append(fld)


def docx_report(f, path):
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt, Mm, RGBColor

    pilot = f["kind"] == "pilot"
    title = header_title(f)
    d = docx.Document()
    sec = d.sections[0]
    sec.page_height, sec.page_width = Mm(297), Mm(210)
    sec.left_margin = sec.right_margin = Mm(20)
    sec.different_first_page_header_footer = True
    st = d.styles["Normal"]
    st.font.name = "Liberation Serif"
    st.font.size = Pt(10.5)
    rpr = st.element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "en-GB")
    rpr.append(lang)
    st.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    for hn in ("Heading 1", "Heading 2", "Heading 3"):
        d.styles[hn].font.color.rgb = RGBColor(0x5A, 0x25, 0x80)
    settings = d.settings.element
    ah = OxmlElement("w:autoHyphenation")
    ah.set(qn("w:val"), "true")
    settings.append(ah)

    hp = sec.header.paragraphs[0]
    hp.text = title
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    hp.runs[0].font.size = Pt(8)
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fp.add_run("Page ")
    _field(fp, "PAGE")
    fp.add_run(" of ")
    _field(fp, "NUMPAGES")

    # cover
    for _ in range(6):
        d.add_paragraph()
    p = d.add_paragraph()
    r = p.add_run("Care Quality Commission")
    r.font.size = Pt(12)
    p = d.add_paragraph()
    r = p.add_run(title)
    r.bold = True
    r.font.size = Pt(26)
    p.alignment = WD_ALIGN_PARAGRAPH.LEFT
    d.add_paragraph("How the local authority meets its duties under Part 1 of the Care Act 2014"
                    + (" (indicative, pilot assessment)" if pilot else ""))
    d.add_paragraph()
    d.add_paragraph(f"Date of publication: {long_date(f['published'])}")
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    d.add_heading("Contents", 1)
    heads = [f"About {f['council']}", "Overall summary"] + [f"Theme {t}: {THEMES[t]}" for t in range(1, 5)]
    for h in heads:
        d.add_paragraph(h, style="List Number")

    def kv(items):
        lab = [i for i in items if "label" in i]
        if lab:
            tb = d.add_table(rows=0, cols=2)
            tb.style = "Table Grid"
            for it in lab:
                c = tb.add_row().cells
                c[0].text, c[1].text = it["label"], it["value"]
                c[0].paragraphs[0].runs[0].bold = True
        for it in items:
            if "text" in it:
                d.add_paragraph(it["text"], style="List Bullet")

    h = d.add_heading(f"About {f['council']}", 1)
    h.paragraph_format.page_break_before = True
    d.add_heading("Demographics", 2)
    kv(f["demographics"])
    d.add_heading("Financial facts", 2)
    kv(f["financial"])

    h = d.add_heading("Overall summary", 1)
    h.paragraph_format.page_break_before = True
    if pilot:
        d.add_heading("Local authority indicative rating", 2)
        sc = {"Outstanding": 4, "Good": 3, "Requires improvement": 2, "Inadequate": 1}[f["rating"]]
        d.add_paragraph().add_run(f"{f['rating']}: {BAND[sc]}").bold = True
    else:
        d.add_heading("Local authority rating and score", 2)
        d.add_paragraph(f["council"])
        d.add_paragraph().add_run(f["rating"]).bold = True
        d.add_paragraph(f"Overall rating for {f['council']}: {f['pct']}%")
    d.add_heading("Quality statement scores", 2)
    tb = d.add_table(rows=1, cols=3)
    tb.style = "Table Grid"
    hdr = tb.rows[0].cells
    hdr[0].text, hdr[1].text, hdr[2].text = "Theme", "Quality statement", ("Indicative score" if pilot else "Score")
    for t in range(1, 5):
        ns = [n for n in range(1, 10) if STATEMENT_THEME[n] == t]
        for i, n in enumerate(ns):
            c = tb.add_row().cells
            if i == 0:
                c[0].text = THEMES[t]
            c[1].text = STATEMENT_NAMES[n]
            c[2].text = str(f["scores"][n])
        # vertical merge of the theme column
        rows = tb.rows[-len(ns):]
        if len(ns) > 1:
            rows[0].cells[0].merge(rows[-1].cells[0])
    d.add_heading("Summary of people's experiences", 2)
    for p in f["people_experience"]:
        d.add_paragraph(p)
    d.add_heading("Summary of strengths, areas for development and next steps", 2)
    for p in f["strengths"] + f["development"]:
        d.add_paragraph(p)

    for t in range(1, 5):
        h = d.add_heading(f"Theme {t}: {THEMES[t]}", 1)
        h.paragraph_format.page_break_before = True
        for n in [n for n in range(1, 10) if STATEMENT_THEME[n] == t]:
            stt = f["statements"][n]
            s = f["scores"][n]
            d.add_heading(stt["name"], 2)
            if pilot:
                d.add_paragraph("Indicative score:")
                d.add_paragraph().add_run(f"{s} - {BAND[s]}").bold = True
            else:
                d.add_paragraph().add_run(f"Score: {s}").bold = True
                d.add_paragraph(f"{s} - {BAND[s]}")
            d.add_heading("What people expect", 3)
            for x in stt["what_people_expect"]:
                d.add_paragraph(x, style="List Bullet")
            d.add_heading("The local authority commitment" + (":" if pilot else ""), 3)
            d.add_paragraph(stt["commitment"])
            d.add_heading("Key findings for this quality statement", 3)
            for blk in stt["key_findings"]:
                if blk["heading"]:
                    hp = d.add_paragraph()
                    rr = hp.add_run(blk["heading"])
                    rr.bold = True
                    rr.italic = True
                for para in blk["paragraphs"]:
                    d.add_paragraph(para)
    d.save(path)


def lo_pdf(f, out):
    with tempfile.TemporaryDirectory(dir="/tmp/blind-drupal") as td:
        src = os.path.join(td, "report.docx")
        docx_report(f, src)
        subprocess.run(["soffice", f"-env:UserInstallation=file://{td}/lo", "--headless", "--convert-to",
                        "pdf:writer_pdf_Export", "--outdir", td, src], check=True, capture_output=True, timeout=180)
        shutil.copy(os.path.join(td, "report.pdf"), out)
    return "LibreOffice 7.4.7.2 (writer_pdf_Export, from a .docx written with python-docx)"


def make_pdf(f, out):
    eng = f["pdf"]
    if eng == "weasyprint":
        return weasy_pdf(f, out), "full"
    if eng == "weasyprint_2col":
        return weasy_pdf(f, out, twocol=True), "full"
    if eng == "chromium":
        return chrome_pdf(f, out), "full"
    if eng == "chromium_summary":
        return chrome_pdf(f, out, summary_only=True), "summary"
    if eng == "libreoffice":
        return lo_pdf(f, out), "full"
    raise ValueError(eng)
