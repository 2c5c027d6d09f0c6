"""Report PDFs: WeasyPrint and Chromium from HTML, LibreOffice from a python-docx .docx."""
import datetime as dt
import html
import os
import re
import shutil
import subprocess

import content as C
from content import STATEMENTS, THEMES, BAND, RATING_PHRASE

E = html.escape

URLS = {
    "stokeontrent-0625": "/sites/default/files/2025-06/20250613-stoke-on-trent-local-authority-assessment.pdf",
    "camden-0225": "/sites/default/files/documents/camden-0225-la-assessment-report.pdf",
    "sheffield-0326": "/media/48213/download?attachment",
    "birmingham-cc": "/sites/default/files/2023-11/20231117_Birmingham_City_Council_LA_assessment_pilot.pdf",
    "staffordshire-0525": "/sites/default/files/2025-05/staffordshire-county-council-local-authority-assessment-report.pdf",
    "leicestercity-0725": "/system/files/documents/2025-07/leicestercity-0725.pdf",
    "durham-0824": "/sites/default/files/2024-08/20240816_durham-county-council_LA-assessment.pdf",
}
SUMMARY_ONLY = {"durham-0824"}


def long_date(iso):
    x = dt.date.fromisoformat(iso)
    return f"{x.day} {x:%B %Y}"


def title_of(f):
    return f"{f['council']} assessment" if f["kind"] == "pilot" else f"{f['council']}: local authority assessment"


def paras_html(kf):
    out = []
    for sec in kf:
        out.append(f"<h4>{E(sec['heading'])}</h4>")
        ul = []
        for p in sec["paragraphs"]:
            if isinstance(p, tuple):
                ul.append(f"<li>{E(p[1])}</li>")
                continue
            if ul:
                out.append(f"<ul>{''.join(ul)}</ul>")
                ul = []
            out.append(f"<p>{E(p)}</p>")
        if ul:
            out.append(f"<ul>{''.join(ul)}</ul>")
    return "".join(out)


def report_html(f, engine):
    pilot = f["kind"] == "pilot"
    wp = engine == "weasyprint"
    two_col = f["slug"] in ("stokeontrent-0625", "sheffield-0326")
    summary_only = f["slug"] in SUMMARY_ONLY
    council = E(f["council"])
    sections = [("summary", "Overall summary"), ("scores", "Quality statement scores"),
                ("experience", "Summary of people's experiences")]
    if not summary_only:
        sections += [(f"theme{t}", name) for t, name, _ in THEMES]
    toc = "".join(
        f'<li><a href="#{a}">{E(t)}</a></li>' for a, t in sections)
    css = f"""
@page {{ size: A4; margin: 24mm 18mm 22mm 18mm;
  @top-left {{ content: "{E(title_of(f))}"; font-size: 8pt; color: #555; }}
  @top-right {{ content: "Care Quality Commission"; font-size: 8pt; color: #555; }}
  @bottom-center {{ content: "Page " counter(page) " of " counter(pages); font-size: 8pt; }}
}}
@page :first {{ @top-left {{ content: none; }} @top-right {{ content: none; }} @bottom-center {{ content: none; }} }}
html {{ font-family: "Liberation Sans", Arial, sans-serif; font-size: 10.5pt; line-height: 1.4; }}
body {{ margin: 0; }}
p, li {{ text-align: justify; hyphens: auto; -webkit-hyphens: auto; }}
.cover {{ break-after: page; padding-top: 60mm; }}
.cover .org {{ color: #3a1b6e; font-weight: bold; font-size: 14pt; }}
.cover h1 {{ font-size: 26pt; color: #3a1b6e; margin: 10mm 0; }}
.toc {{ break-after: page; }}
.toc ol {{ list-style: none; padding: 0; }}
.toc a {{ color: black; text-decoration: none; }}
{'.toc a::after { content: leader(".") target-counter(attr(href), page); }' if wp else ''}
h2 {{ color: #3a1b6e; font-size: 16pt; break-before: page; }}
h2.first {{ break-before: auto; }}
h3 {{ font-size: 13pt; margin-top: 8mm; }}
h4 {{ font-size: 11pt; }}
table {{ border-collapse: collapse; width: 100%; margin: 4mm 0; }}
th, td {{ border: 0.5pt solid #888; padding: 2mm; vertical-align: top; text-align: left; }}
thead th {{ background: #e8e3f1; }}
.twocol {{ columns: 2; column-gap: 8mm; }}
.score {{ font-weight: bold; }}
"""
    # overall block
    if pilot:
        rating_rows = (f"<tr><th>Local authority</th><td>{council}</td></tr>"
                       f"<tr><th>Indicative rating</th><td>{f['rating']}: {RATING_PHRASE[f['rating']]}</td></tr>")
    else:
        rating_rows = (f"<tr><th>Local authority</th><td>{council}</td></tr>"
                       f"<tr><th>Rating</th><td>{f['rating']}</td></tr>"
                       f"<tr><th>Overall score</th><td>{f['pct']}%</td></tr>")
    rows = []
    for t, name, ss in THEMES:
        for i, n in enumerate(ss):
            th = f'<td rowspan="{len(ss)}">{E(name)}</td>' if i == 0 else ""
            s = f["scores"][n - 1]
            rows.append(f"<tr>{th}<td>{E(STATEMENTS[n])}</td><td>{s}</td><td>{BAND[s]}</td></tr>")
    score_head = "Indicative score" if pilot else "Score"
    body = [f'<section class="cover"><p class="org">Care Quality Commission</p><h1>{E(title_of(f))}</h1>'
            f'<p>Assessment published: {long_date(f["published"])}</p>'
            f'<p>Assessment of how the local authority meets its duties under Part 1 of the Care Act 2014.</p></section>',
            f'<section class="toc"><h2 class="first">Contents</h2><ol>{toc}</ol></section>',
            f'<h2 id="summary" class="first">Overall summary</h2>'
            f'<h3>{"Local authority indicative rating" if pilot else "Local authority rating and score"}</h3>'
            f'<table class="keyfacts"><tbody>{rating_rows}</tbody></table>'
            + ("" if pilot else f"<p>Overall rating for {council}: {f['pct']}%</p>"),
            f'<h3 id="scores">Quality statement scores</h3><table class="scores"><thead><tr><th>Theme</th><th>Quality statement</th><th>{score_head}</th><th>What the score means</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>',
            f'<h3 id="experience">Summary of people\'s experiences</h3>' + "".join(f"<p>{E(p)}</p>" for p in C.people_experience(f)),
            '<h3>Summary of strengths, areas for development and next steps</h3>' + "".join(f"<p>{E(p)}</p>" for p in C.summary_paras(f))]
    if not summary_only:
        for t, name, ss in THEMES:
            body.append(f'<h2 id="theme{t}">{E(name)}</h2>')
            for n in ss:
                st = C.statement_text(f, n)
                s = f["scores"][n - 1]
                lbl = "Indicative score:" if pilot else f"Score: {s}"
                body.append(f"<h3>{E(STATEMENTS[n])}</h3>")
                body.append(f'<p class="score">{lbl}</p><p>{s} - {BAND[s]}</p>')
                body.append('<div class="twocol">' if two_col else "<div>")
                body.append("<h4>What people expect</h4><ul>" + "".join(f"<li>{E(x)}</li>" for x in st["what_people_expect"]) + "</ul>")
                body.append(f"<h4>The local authority commitment{':' if pilot else ''}</h4><p>{E(st['commitment'])}</p>")
                body.append("<h4>Key findings for this quality statement</h4>")
                body.append(paras_html(st["key_findings"]))
                body.append("</div>")
    return f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{E(title_of(f))}</title><style>{css}</style></head><body>{"".join(body)}</body></html>'


def docx_report(f, path):
    from docx import Document
    from docx.enum.text import WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = Document()
    st_normal = doc.styles["Normal"]
    st_normal.font.name = "Liberation Sans"
    st_normal.font.size = Pt(10.5)
    st_normal.paragraph_format.alignment = 3  # justify
    settings = doc.settings.element
    ah = OxmlElement("w:autoHyphenation")
    ah.set(qn("w:val"), "true")
    settings.append(ah)
    sec = doc.sections[0]
    sec.different_first_page_header_footer = True
    hp = sec.header.paragraphs[0]
    hp.text = f"{title_of(f)}\tCare Quality Commission"
    fp = sec.footer.paragraphs[0]
    fp.alignment = 1

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
    field(fp, " PAGE ")
    fp.add_run(" of ")
    field(fp, " NUMPAGES ")

    # cover
    p = doc.add_paragraph(); r = p.add_run("Care Quality Commission"); r.bold = True; r.font.size = Pt(14)
    for _ in range(6):
        doc.add_paragraph()
    p = doc.add_paragraph(); r = p.add_run(title_of(f)); r.bold = True; r.font.size = Pt(26)
    doc.add_paragraph(f"Assessment published: {long_date(f['published'])}")
    doc.add_paragraph("Assessment of how the local authority meets its duties under Part 1 of the Care Act 2014.")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_heading("Contents", level=1)
    for t in ["Overall summary", "Quality statement scores", "Summary of people's experiences"] + [n for _, n, _ in THEMES]:
        doc.add_paragraph(t, style="List Number")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    doc.add_heading("Overall summary", level=1)
    doc.add_heading("Local authority rating and score", level=2)
    t = doc.add_table(rows=3, cols=2); t.style = "Table Grid"
    for i, (a, b) in enumerate([("Local authority", f["council"]), ("Rating", f["rating"]), ("Overall score", f"{f['pct']}%")]):
        t.cell(i, 0).text = a; t.cell(i, 1).text = b
    doc.add_paragraph(f"Overall rating for {f['council']}: {f['pct']}%")
    doc.add_heading("Quality statement scores", level=2)
    t = doc.add_table(rows=10, cols=3); t.style = "Table Grid"
    for j, h in enumerate(["Theme", "Quality statement", "Score"]):
        t.cell(0, j).text = h
    row = 1
    for _, name, ss in THEMES:
        first = row
        for n in ss:
            t.cell(row, 1).text = STATEMENTS[n]
            t.cell(row, 2).text = f"{f['scores'][n-1]} - {BAND[f['scores'][n-1]]}"
            row += 1
        m = t.cell(first, 0).merge(t.cell(row - 1, 0))
        m.text = name
    doc.add_heading("Summary of people's experiences", level=2)
    for p in C.people_experience(f):
        doc.add_paragraph(p)
    doc.add_heading("Summary of strengths, areas for development and next steps", level=2)
    for p in C.summary_paras(f):
        doc.add_paragraph(p)
    for _, name, ss in THEMES:
        h = doc.add_heading(name, level=1)
        h.paragraph_format.page_break_before = True
        for n in ss:
            st = C.statement_text(f, n)
            s = f["scores"][n - 1]
            doc.add_heading(STATEMENTS[n], level=2)
            p = doc.add_paragraph(); p.add_run(f"Score: {s}").bold = True
            doc.add_paragraph(f"{s} - {BAND[s]}")
            doc.add_heading("What people expect", level=3)
            for x in st["what_people_expect"]:
                doc.add_paragraph(x, style="List Bullet")
            doc.add_heading("The local authority commitment", level=3)
            doc.add_paragraph(st["commitment"])
            doc.add_heading("Key findings for this quality statement", level=3)
            for k in st["key_findings"]:
                doc.add_heading(k["heading"], level=4)
                for para in k["paragraphs"]:
                    if isinstance(para, tuple):
                        doc.add_paragraph(para[1], style="List Bullet")
                    else:
                        doc.add_paragraph(para)
    doc.core_properties.title = title_of(f)
    doc.core_properties.author = "Care Quality Commission"
    doc.save(path)


def human_size(n):
    if n >= 1024 * 1024:
        return f"{n / 1024 / 1024:.1f} MB"
    return f"{max(1, round(n / 1024))} KB"


def carries(f):
    c = {"rating": f["rating"], "overall_pct": f["pct"],
         "scores": {str(i + 1): s for i, s in enumerate(f["scores"])},
         "people_experience": C.people_experience(f)}
    if f["slug"] not in SUMMARY_ONLY:
        st = {}
        for n in range(1, 10):
            x = C.statement_text(f, n)
            st[str(n)] = {"what_people_expect": x["what_people_expect"], "commitment": x["commitment"],
                          "key_findings": [{"heading": k["heading"], "paragraphs": [p[1] if isinstance(p, tuple) else p for p in k["paragraphs"]]}
                                           for k in x["key_findings"]]}
        c["statements"] = st
    return c


def make_pdf(f, site, tmp):
    eng = f["pdf"]
    url = URLS[f["slug"]]
    rel = "pdf/" + f["slug"] + ".pdf"
    out = os.path.join(site, rel)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    if eng == "weasyprint":
        import weasyprint
        weasyprint.HTML(string=report_html(f, eng)).write_pdf(out)
        engine = f"WeasyPrint {weasyprint.__version__} (HTML/CSS, @page margin boxes, hyphens: auto)"
    elif eng == "chromium":
        src = os.path.join(tmp, f["slug"] + ".html")
        open(src, "w", encoding="utf-8").write(report_html(f, eng))
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--user-data-dir={tmp}/chrome-profile",
                        f"--print-to-pdf={out}", "file://" + src], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
        engine = "Chromium 156 headless --print-to-pdf (HTML with CSS @page margin boxes)"
    elif eng == "libreoffice":
        src = os.path.join(tmp, f["slug"] + ".docx")
        docx_report(f, src)
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/lo-profile", "--headless",
                        "--convert-to", "pdf", "--outdir", tmp, src], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
        shutil.copy(os.path.join(tmp, f["slug"] + ".pdf"), out)
        engine = "LibreOffice 7.4.7.2 (writer_pdf_Export) from a .docx written with python-docx"
    else:
        raise ValueError(eng)
    info = subprocess.run(["pdfinfo", out], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    return {"url": url, "file": rel, "size": human_size(os.path.getsize(out)), "pages": pages,
            "title": title_of(f) + (" report" if f["kind"] == "formal" else ""), "engine": engine,
            "carries": carries(f)}
