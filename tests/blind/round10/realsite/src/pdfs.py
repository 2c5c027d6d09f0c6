"""Make the report PDFs: WeasyPrint (HTML) and LibreOffice (from python-docx .docx). Run with the venv python."""
import html
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
from data import STATEMENTS, THEMES, BAND, all_families, human_date  # noqa: E402
from render import SITE, pdf_url, title, RATING_PHRASE  # noqa: E402

E = lambda s: html.escape(s, quote=False)  # noqa: E731
WORK = "/tmp/blind-realsite10/pdfwork"
os.makedirs(WORK, exist_ok=True)
os.makedirs(f"{SITE}/pdf", exist_ok=True)

CSS = """
@page { size: A4; margin: 22mm 18mm 22mm 18mm;
  @top-left { content: "%(head)s"; font-size: 8pt; color: #555; }
  @top-right { content: "Care Quality Commission"; font-size: 8pt; color: #555; }
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font-size: 8pt; }
}
@page :first { @top-left { content: none } @top-right { content: none } @bottom-center { content: none } }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 9.5pt; line-height: 1.35; hyphens: auto; }
.cover { page-break-after: always; padding-top: 60mm; }
.cover h1 { font-size: 26pt; color: #3f1f6b; }
.cover p { font-size: 13pt; }
.toc { page-break-after: always; }
.toc a { color: black; text-decoration: none; }
.toc a::after { content: leader('.') target-counter(attr(href), page); }
table { border-collapse: collapse; width: 100%%; margin: 6pt 0; }
th, td { border: 0.5pt solid #888; padding: 3pt 5pt; text-align: left; vertical-align: top; }
thead th { background: #e8e1f2; }
.stmt { page-break-before: always; }
.findings { columns: 2; column-gap: 8mm; text-align: justify; }
h2 { color: #3f1f6b; font-size: 15pt; } h3 { font-size: 12pt; } h4 { font-size: 10pt; margin-bottom: 2pt; text-align: left; hyphens: manual; }
.score { border: 1pt solid #3f1f6b; padding: 4pt; display: inline-block; }
"""


def build_html(f):
    pilot = f["kind"] == "pilot"
    o = [f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{E(title(f))}</title>'
         f'<style>{CSS % {"head": title(f).replace(chr(34), "")}}</style></head><body>']
    o.append(f'<section class="cover"><p>Care Quality Commission</p><h1>{E(f["council"])}</h1>'
             f'<p>{"Pilot local authority assessment" if pilot else "Local authority assessment"}</p>'
             f'<p>Date of publication: {human_date(f["pub"])}</p></section>')
    o.append('<section class="toc"><h2>Contents</h2><ul><li><a href="#summary">Overall summary</a></li>'
             '<li><a href="#about">About the local authority</a></li>'
             + "".join(f'<li><a href="#s{s[0]}">{E(s[2])}</a></li>' for s in STATEMENTS) + "</ul></section>")
    o.append('<h2 id="summary">Overall summary</h2>')
    if pilot:
        o.append(f'<p>Local authority indicative rating</p><p><b>{f["rating"]}: {RATING_PHRASE[f["rating"]]}</b></p>')
    else:
        o.append(f'<table><tr><th>Local authority rating</th><td>{f["rating"]}</td></tr>'
                 f'<tr><th>Overall score</th><td>{f["shown_pct"]}%</td></tr></table>')
    lab = "Indicative score" if pilot else "Score"
    o.append(f'<table><thead><tr><th>Theme</th><th>Quality statement</th><th>{lab}</th></tr></thead><tbody>')
    for s in STATEMENTS:
        sc = f["scores"][s[0] - 1]
        th = f'<td rowspan="{ {0: 3, 1: 2, 2: 2, 3: 2}[s[1]] }">{E(THEMES[s[1]])}</td>' if s[0] in (1, 4, 6, 8) else ""
        o.append(f"<tr>{th}<td>{E(s[2])}</td><td>{sc}</td></tr>")
    o.append("</tbody></table>")
    o.append("<h3>Summary of people's experiences</h3>" + "".join(f"<p>{E(p)}</p>" for p in f["people"]))
    o.append('<h2 id="about">About the local authority</h2><h3>Key facts</h3><table>')
    for d in f["demographics"] + f["financial"]:
        if "label" in d:
            o.append(f"<tr><th>{E(d['label'])}</th><td>{E(d['value'])}</td></tr>")
        else:
            o.append(f"<tr><td colspan='2'>{E(d['text'])}</td></tr>")
    o.append("</table>")
    for t in range(4):
        for s in [x for x in STATEMENTS if x[1] == t]:
            d = f["statements"][s[0]]
            sc = f["scores"][s[0] - 1]
            o.append(f'<section class="stmt"><p>Theme {t+1}: {E(THEMES[t])}</p><h2 id="s{s[0]}">{E(s[2])}</h2>')
            o.append(f'<p class="score">{lab}: {sc} - {BAND[sc]}</p>')
            o.append("<h3>What people expect</h3><ul>" + "".join(f"<li>{E(x)}</li>" for x in d["expect"]) + "</ul>")
            o.append(f"<h3>The local authority commitment</h3><p>{E(d['commitment'])}</p>")
            o.append('<h3>Key findings for this quality statement</h3><div class="findings">')
            for kf in d["findings"]:
                o.append(f"<h4>{E(kf['heading'])}</h4>" + "".join(f"<p>{E(p)}</p>" for p in kf["paragraphs"]))
            o.append("</div></section>")
    o.append("</body></html>")
    return "".join(o)


def weasy(f):
    from weasyprint import HTML
    out = f"{SITE}/pdf/" + os.path.basename(pdf_url(f))
    HTML(string=build_html(f)).write_pdf(out)
    return out


def chrome(f):
    src = f"{WORK}/{f['slug']}.html"
    open(src, "w").write(build_html(f).replace("content: leader('.') target-counter(attr(href), page);", ""))
    out = f"{SITE}/pdf/" + os.path.basename(pdf_url(f))
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={out}", "file://" + src], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return out


def _field(par, code):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    run = par.add_run()
    for kind, txt in (("begin", None), (None, code), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
            run._r.append(el)
        elif txt == code:
            it = OxmlElement("w:instrText")
            it.set(qn("xml:space"), "preserve")
            it.text = f" {code} "
            run._r.append(it)
        else:
            t = OxmlElement("w:t")
            t.text = txt
            run._r.append(t)


def lo(f):
    from docx import Document
    from docx.shared import Pt, Mm
    from docx.enum.text import WD_BREAK, WD_ALIGN_PARAGRAPH
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = "Liberation Sans"
    st.font.size = Pt(10)
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Mm(297), Mm(210)
    sec.different_first_page_header_footer = True
    hp = sec.header.paragraphs[0]
    hp.text = f"{f['council']} – local authority assessment report"
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fp.add_run("Page ")
    _field(fp, "PAGE")
    fp.add_run(" of ")
    _field(fp, "NUMPAGES")
    doc.add_paragraph("Care Quality Commission")
    doc.add_heading(f"{f['council']}", 0)
    doc.add_paragraph("Local authority assessment under the Care Act 2014")
    doc.add_paragraph(f"Published {human_date(f['pub'])}")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_heading("Contents", 1)
    for i, name in enumerate(["Overall summary", "About the local authority"] + [s[2] for s in STATEMENTS], 1):
        doc.add_paragraph(f"{i}. {name}")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_heading("Overall summary", 1)
    doc.add_paragraph("Local authority rating and score")
    t = doc.add_table(rows=2, cols=2)
    t.style = "Table Grid"
    t.cell(0, 0).text, t.cell(0, 1).text = "Rating", f["rating"]
    t.cell(1, 0).text, t.cell(1, 1).text = "Overall score", f"{f['shown_pct']}%"
    doc.add_heading("Quality statement scores", 2)
    t = doc.add_table(rows=10, cols=3)
    t.style = "Table Grid"
    for c, h in enumerate(["Theme", "Quality statement", "Score"]):
        t.cell(0, c).text = h
    for s in STATEMENTS:
        r = s[0]
        t.cell(r, 1).text = s[2]
        t.cell(r, 2).text = f"{f['scores'][r-1]} - {BAND[f['scores'][r-1]]}"
    for first, span, th in ((1, 3, 0), (4, 2, 1), (6, 2, 2), (8, 2, 3)):
        m = t.cell(first, 0).merge(t.cell(first + span - 1, 0))
        m.text = THEMES[th]
    doc.add_heading("Summary of people's experiences", 2)
    for p in f["people"]:
        doc.add_paragraph(p)
    doc.add_heading("About the local authority", 1)
    for d in f["demographics"] + f["financial"]:
        doc.add_paragraph(d["text"] if "text" in d else f"{d['label']}: {d['value']}", style="List Bullet")
    for s in STATEMENTS:
        d = f["statements"][s[0]]
        sc = f["scores"][s[0] - 1]
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        doc.add_paragraph(f"Theme {s[1]+1}: {THEMES[s[1]]}")
        doc.add_heading(s[2], 1)
        doc.add_paragraph(f"Score: {sc}")
        doc.add_paragraph(f"{sc} - {BAND[sc]}")
        doc.add_heading("What people expect", 2)
        for x in d["expect"]:
            doc.add_paragraph(x, style="List Bullet")
        doc.add_heading("The local authority commitment", 2)
        doc.add_paragraph(d["commitment"])
        doc.add_heading("Key findings for this quality statement", 2)
        for kf in d["findings"]:
            doc.add_heading(kf["heading"], 3)
            for p in kf["paragraphs"]:
                q = doc.add_paragraph(p)
                q.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    base = os.path.splitext(os.path.basename(pdf_url(f)))[0]
    dx = f"{WORK}/{base}.docx"
    doc.save(dx)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{WORK}/lo-profile", "--headless",
                    "--convert-to", "pdf:writer_pdf_Export", "--outdir", f"{SITE}/pdf", dx], check=True,
                   stdout=subprocess.DEVNULL)
    return f"{SITE}/pdf/{base}.pdf"


if __name__ == "__main__":
    for f in all_families():
        if f["pdf"] == "weasyprint":
            print(weasy(f))
        elif f["pdf"] == "chromium":
            print(chrome(f))
        elif f["pdf"] == "libreoffice":
            print(lo(f))
