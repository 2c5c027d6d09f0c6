"""Report PDFs from the same data: Chromium (headless print-to-pdf from a print HTML) and
LibreOffice (writer_pdf_Export from a .docx written with python-docx)."""
import datetime as dt
import html
import os
import subprocess

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, Mm, RGBColor

from data import STMTS, THEMES, BAND
from families import demographics, financial

E = html.escape
WORK = "/tmp/blind-quarto/pdfsrc"
SOFT = {"safeguarding": "safe\u00adguarding", "assessment": "assess\u00adment", "assessments": "assess\u00adments",
        "independent": "inde\u00adpendent", "commissioned": "commis\u00adsioned", "commissioners": "commis\u00adsioners",
        "information": "infor\u00admation", "arrangements": "arrange\u00adments", "reablement": "re\u00adablement",
        "improvement": "improve\u00adment", "partnerships": "partner\u00adships", "accountability": "account\u00adability",
        "responsibilities": "responsi\u00adbilities", "organisation": "organi\u00adsation", "communities": "commu\u00adnities",
        "development": "develop\u00adment", "professional": "profes\u00adsional", "experience": "experi\u00adence",
        "appropriate": "appro\u00adpriate", "constructive": "construc\u00adtive"}


def dlong(iso):
    d = dt.date.fromisoformat(iso)
    return f"{d.day} {d.strftime('%B')} {d.year}"


def hyph(text):
    out = []
    for w in text.split(" "):
        core = w.rstrip(".,;:")
        out.append(SOFT.get(core, core) + w[len(core):] if core in SOFT else w)
    return " ".join(out)


def make(f, texts, people, out, pct_of):
    os.makedirs(WORK, exist_ok=True)
    if f["pdf"] == "chromium":
        return chromium_pdf(f, texts, people, out, pct_of)
    return lo_pdf(f, texts, people, out, pct_of)


# ------------------------------------------------------------------ Chromium

def chromium_pdf(f, texts, people, out, pct_of):
    pilot = f["kind"] == "pilot"
    pct = None if pilot else pct_of(f["scores"])
    title = f"{f['council']} assessment" if pilot else f"{f['council']}: local authority assessment"
    rows = []
    for t, (tname, _) in THEMES.items():
        ns = [n for n, v in STMTS.items() if v[1] == t]
        for i, n in enumerate(ns):
            th = f'<td rowspan="{len(ns)}" class="theme">{E(tname)}</td>' if i == 0 else ""
            sc = f["scores"][str(n)]
            rows.append(f"<tr>{th}<td>{E(STMTS[n][0])}</td><td class=c>{sc}</td><td>{BAND[sc]}</td></tr>")
    stm = []
    for n, (name, t, sl, short) in STMTS.items():
        st = texts[str(n)]
        sc = f["scores"][str(n)]
        stm.append(f'<h3>{n}. {E(name)}</h3>')
        stm.append(f'<p class="score">{"Indicative score" if pilot else "Score"}: {sc} - {BAND[sc]}</p>')
        stm.append('<h4>What people expect</h4><ul>' + "".join(f"<li>{E(hyph(x))}</li>" for x in st["what_people_expect"]) + "</ul>")
        stm.append(f'<h4>The local authority commitment</h4><p>{E(hyph(st["commitment"]))}</p>')
        stm.append('<h4>Key findings for this quality statement</h4>')
        for kf in st["key_findings"]:
            if kf["heading"]:
                stm.append(f'<h5>{E(kf["heading"])}</h5>')
            stm.extend(f"<p>{E(hyph(p))}</p>" for p in kf["paragraphs"])
    rating_line = (f'<tr><th>Indicative rating</th><td>{f["rating"]}</td></tr>' if pilot else
                   f'<tr><th>Overall rating</th><td>{f["rating"]}</td></tr><tr><th>Overall score</th><td>{pct}%</td></tr>')
    demo = "".join(f"<li>{E(x['label'] + ': ' + x['value']) if 'label' in x else E(x['text'])}</li>" for x in demographics(f))
    fin = "".join(f"<li>{E(x['label'] + ': ' + x['value']) if 'label' in x else E(x['text'])}</li>" for x in financial(f))
    doc = f"""<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{E(title)}</title>
<style>
@page {{ size: A4; margin: 24mm 18mm 22mm 18mm;
  @top-left {{ content: "{E(title)}"; font: 8pt Helvetica, Arial, sans-serif; color: #555; }}
  @top-right {{ content: "Care Quality Commission"; font: 8pt Helvetica, Arial, sans-serif; color: #555; }}
  @bottom-right {{ content: "Page " counter(page) " of " counter(pages); font: 8pt Helvetica, Arial, sans-serif; }}
  @bottom-left {{ content: "Published {dlong(f['pub'])}"; font: 8pt Helvetica, Arial, sans-serif; }} }}
@page :first {{ @top-left {{ content: none; }} @top-right {{ content: none; }} @bottom-right {{ content: none; }} @bottom-left {{ content: none; }} }}
body {{ font: 10pt/1.35 "DejaVu Serif", Georgia, serif; hyphens: manual; }}
.cover {{ page-break-after: always; padding-top: 60mm; }}
.cover h1 {{ font: bold 26pt Helvetica, Arial, sans-serif; color: #5c2d91; }}
.cover .sub {{ font-size: 14pt; }}
h2 {{ font: bold 15pt Helvetica, Arial, sans-serif; color: #5c2d91; break-after: avoid; }}
h3 {{ font: bold 12pt Helvetica, Arial, sans-serif; break-after: avoid; column-span: none; }}
h4, h5 {{ font: bold 10pt Helvetica, Arial, sans-serif; break-after: avoid; margin: .6em 0 .2em; }}
table {{ border-collapse: collapse; width: 100%; margin: .5em 0 1em; }}
td, th {{ border: 1px solid #999; padding: 3px 5px; text-align: left; vertical-align: top; }}
td.c {{ text-align: center; }} td.theme {{ background: #f1ecf7; font-weight: bold; }}
.twocol {{ column-count: 2; column-gap: 8mm; text-align: justify; }}
.newpage {{ page-break-before: always; }}
.contents li {{ margin: .2em 0; }}
</style></head><body>
<section class="cover"><p class="sub">Care Quality Commission</p><h1>{E(f['council'])}</h1>
<p class="sub">{"Local authority assessment (pilot)" if pilot else "Local authority assessment"}</p>
<p>Published {dlong(f['pub'])}</p></section>
<section><h2>Contents</h2><ol class="contents"><li>Key facts and scores</li><li>About {E(f['council'])}</li>
<li>Summary of people's experiences</li><li>Quality statements</li></ol></section>
<section class="newpage"><h2>1. Key facts and scores</h2>
<table><tbody>{rating_line}<tr><th>Date published</th><td>{dlong(f['pub'])}</td></tr></tbody></table>
<table><thead><tr><th>Theme</th><th>Quality statement</th><th>{"Indicative score" if pilot else "Score"}</th><th>What the score means</th></tr></thead>
<tbody>{''.join(rows)}</tbody></table></section>
<section><h2>2. About {E(f['council'])}</h2><h3>Demographics</h3><ul>{demo}</ul><h3>Financial facts</h3><ul>{fin}</ul></section>
<section><h2>3. Summary of people's experiences</h2>{''.join(f'<p>{E(p)}</p>' for p in people)}</section>
<section class="newpage"><h2>4. Quality statements</h2><div class="twocol">{''.join(stm)}</div></section>
</body></html>"""
    src = os.path.join(WORK, f["slug"] + ".html")
    with open(src, "w", encoding="utf-8") as fh:
        fh.write(doc)
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={out}", "file://" + src], check=True, capture_output=True, timeout=120)
    carries = {"rating": f["rating"], "overall_pct": pct, "scores": dict(f["scores"]),
               "people_experience": list(people)}
    return "Chromium 156 headless print-to-pdf (Skia/PDF) from a print HTML; statement texts hyphenated at line ends", carries


# ------------------------------------------------------------------ LibreOffice

def add_field(par, instr, placeholder="1"):
    r = par.add_run()
    b = OxmlElement("w:fldChar"); b.set(qn("w:fldCharType"), "begin"); r._r.append(b)
    r2 = par.add_run()
    it = OxmlElement("w:instrText"); it.set(qn("xml:space"), "preserve"); it.text = f" {instr} "; r2._r.append(it)
    r3 = par.add_run()
    s = OxmlElement("w:fldChar"); s.set(qn("w:fldCharType"), "separate"); r3._r.append(s)
    par.add_run(placeholder)
    r5 = par.add_run()
    e = OxmlElement("w:fldChar"); e.set(qn("w:fldCharType"), "end"); r5._r.append(e)


def set_cols(section, n):
    sp = section._sectPr
    cols = sp.find(qn("w:cols"))
    if cols is None:
        cols = OxmlElement("w:cols"); sp.append(cols)
    cols.set(qn("w:num"), str(n)); cols.set(qn("w:space"), "425")


def shade(cell, hexcol):
    tcPr = cell._tc.get_or_add_tcPr()
    sh = OxmlElement("w:shd"); sh.set(qn("w:val"), "clear"); sh.set(qn("w:color"), "auto"); sh.set(qn("w:fill"), hexcol)
    tcPr.append(sh)


def lo_pdf(f, texts, people, out, pct_of):
    pilot = f["kind"] == "pilot"
    pct = None if pilot else pct_of(f["scores"])
    d = Document()
    st = d.styles["Normal"]; st.font.name = "Liberation Sans"; st.font.size = Pt(10)
    sec = d.sections[0]
    sec.page_height, sec.page_width = Mm(297), Mm(210)
    sec.different_first_page_header_footer = True
    hp = sec.header.paragraphs[0]
    hp.text = f"{f['council']} \u2013 {'pilot assessment' if pilot else 'local authority assessment'}"
    fp = sec.footer.paragraphs[0]
    fp.add_run("Care Quality Commission    ")
    fp.add_run("Page "); add_field(fp, "PAGE"); fp.add_run(" of "); add_field(fp, "NUMPAGES", "9")
    # cover
    for _ in range(6):
        d.add_paragraph()
    p = d.add_paragraph(); r = p.add_run(f["council"]); r.bold = True; r.font.size = Pt(28); r.font.color.rgb = RGBColor(0x5c, 0x2d, 0x91)
    p = d.add_paragraph(); r = p.add_run("Assessment of how the local authority meets its Care Act duties"); r.font.size = Pt(14)
    p = d.add_paragraph(f"{'Pilot assessment' if pilot else 'Local authority assessment'} report")
    p = d.add_paragraph(f"Date of publication: {dlong(f['pub'])}")
    p.add_run().add_break(WD_BREAK.PAGE)
    d.add_heading("Contents", level=1)
    for i, t in enumerate(["Overall summary", "About the local authority", "Theme 1: " + THEMES[1][0], "Theme 2: " + THEMES[2][0],
                           "Theme 3: " + THEMES[3][0], "Theme 4: " + THEMES[4][0]], 1):
        d.add_paragraph(f"{i}. {t}")
    d.add_page_break()
    d.add_heading("1. Overall summary", level=1)
    kt = d.add_table(rows=0, cols=2); kt.style = "Table Grid"
    kv = [("Local authority", f["council"]), ("Indicative rating" if pilot else "Rating", f["rating"])]
    if not pilot:
        kv.append(("Overall score", f"{pct}%"))
    for a, b in kv:
        c = kt.add_row().cells; c[0].text = a; c[1].text = b; shade(c[0], "EDE7F6")
    d.add_paragraph()
    d.add_heading("Quality statement scores", level=2)
    t = d.add_table(rows=1, cols=3); t.style = "Table Grid"; t.alignment = WD_TABLE_ALIGNMENT.CENTER
    h = t.rows[0].cells; h[0].text = "Theme"; h[1].text = "Quality statement"; h[2].text = "Indicative score" if pilot else "Score"
    for c in h:
        shade(c, "5C2D91")
        for r in c.paragraphs[0].runs:
            r.bold = True; r.font.color.rgb = RGBColor(0xff, 0xff, 0xff)
    for th, (tname, _) in THEMES.items():
        ns = [n for n, v in STMTS.items() if v[1] == th]
        first = None
        for n in ns:
            c = t.add_row().cells
            c[1].text = STMTS[n][0]; c[2].text = str(f["scores"][str(n)])
            if first is None:
                first = c[0]; c[0].text = tname
            else:
                first = first.merge(c[0])
        first.text = tname
    d.add_heading("Summary of people's experiences", level=2)
    for para in people:
        d.add_paragraph(para)
    d.add_heading("2. About the local authority", level=1)
    d.add_heading("Demographics", level=2)
    for x in demographics(f):
        d.add_paragraph(x["label"] + ": " + x["value"] if "label" in x else x["text"], style="List Bullet")
    d.add_heading("Financial facts", level=2)
    for x in financial(f):
        d.add_paragraph(x["label"] + ": " + x["value"] if "label" in x else x["text"], style="List Bullet")
    # statements, two columns
    ns2 = d.add_section(WD_SECTION.NEW_PAGE)
    set_cols(ns2, 2)
    for th, (tname, _) in THEMES.items():
        d.add_heading(f"{th + 2}. Theme {th}: {tname}", level=1)
        for n, (name, tt, sl, short) in STMTS.items():
            if tt != th:
                continue
            stx = texts[str(n)]
            sc = f["scores"][str(n)]
            d.add_heading(name, level=2)
            if pilot:
                d.add_paragraph("Indicative score:")
                d.add_paragraph(f"{sc} - {BAND[sc]}")
            else:
                p = d.add_paragraph(); r = p.add_run(f"Score: {sc}"); r.bold = True
                d.add_paragraph(f"{sc} - {BAND[sc]}")
            d.add_heading("What people expect", level=3)
            for x in stx["what_people_expect"]:
                d.add_paragraph(x, style="List Bullet")
            d.add_heading("The local authority commitment:" if pilot else "The local authority commitment", level=3)
            d.add_paragraph(stx["commitment"])
            d.add_heading("Key findings for this quality statement", level=3)
            for kf in stx["key_findings"]:
                if kf["heading"]:
                    p = d.add_paragraph(); r = p.add_run(kf["heading"]); r.bold = True
                for para in kf["paragraphs"]:
                    d.add_paragraph(para)
    src = os.path.join(WORK, f["slug"] + ".docx")
    d.save(src)
    subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{WORK}/lo-profile",
                    "--convert-to", "pdf:writer_pdf_Export", "--outdir", WORK, src], check=True, capture_output=True, timeout=180)
    os.replace(os.path.join(WORK, f["slug"] + ".pdf"), out)
    carries = {"rating": f["rating"], "overall_pct": pct, "scores": dict(f["scores"]),
               "statements": texts, "people_experience": list(people)}
    return "LibreOffice 7.4 (writer_pdf_Export) from a .docx written with python-docx", carries
