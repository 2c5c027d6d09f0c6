"""Report PDFs: Chromium (headless print-to-pdf) and LibreOffice Writer (HTML import -> writer_pdf_Export)."""
import html
import os
import re
import subprocess
import zipfile

from data import STATEMENTS, THEMES, BAND_PHRASE, FAMILIES, long_date

E = html.escape
SCRATCH = "/tmp/blind-realsite11/pdfwork"
ENGINES = {}


def facts_rows(items):
    out = []
    for it in items:
        if "label" in it:
            out.append(f"<tr><th scope='row'>{E(it['label'])}</th><td>{E(it['value'])}</td></tr>")
        else:
            out.append(f"<tr><td colspan='2'>{E(it['text'])}</td></tr>")
    return "".join(out)


def score_table(f, pilot):
    rows = []
    for t, (tname, _) in THEMES.items():
        nums = [n for n in STATEMENTS if STATEMENTS[n][1] == t]
        for i, n in enumerate(nums):
            th = f"<td rowspan='{len(nums)}' class='theme'>{E(tname)}</td>" if i == 0 else ""
            sc = f["scores"][n - 1]
            rows.append(f"<tr>{th}<td>{E(STATEMENTS[n][0])}</td><td class='num'>{sc}</td><td>{BAND_PHRASE[sc]}</td></tr>")
    head = "Indicative score" if pilot else "Score"
    return ("<table class='scores'><thead><tr><th>Theme</th><th>Quality statement</th>"
            f"<th>{head}</th><th>What the score means</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")


def statements_html(f, pilot):
    out = []
    for t, (tname, _) in THEMES.items():
        out.append(f"<h2 class='theme'>{E(tname)}</h2>")
        for n in [n for n in STATEMENTS if STATEMENTS[n][1] == t]:
            d = f["statements"][str(n)]
            sc = f["scores"][n - 1]
            lab = "Indicative score:" if pilot else "Score:"
            out.append(f"<h3>{E(STATEMENTS[n][0])}</h3><p class='score'><b>{lab}</b> {sc} - {BAND_PHRASE[sc]}</p>")
            out.append("<h4>What people expect</h4><ul>" + "".join(f"<li>{E(x)}</li>" for x in d["what_people_expect"]) + "</ul>")
            out.append(f"<h4>The local authority commitment</h4><p>{E(d['commitment'])}</p>")
            out.append("<h4>Key findings for this quality statement</h4>")
            for kf in d["key_findings"]:
                out.append(f"<h5>{E(kf['heading'])}</h5>" + "".join(f"<p>{E(p)}</p>" for p in kf["paragraphs"]))
    return "".join(out)


def body(f):
    pilot = f["kind"] == "pilot"
    title = f"{f['council']} assessment" if pilot else f"{f['council']}: local authority assessment"
    rating_lines = (f"<p><b>Local authority indicative rating:</b> {f['rating']}</p>" if pilot else
                    f"<p><b>Local authority rating:</b> {f['rating']}</p><p><b>Overall score:</b> {f['pct']}%</p>")
    return title, f"""
<section class='cover'>
<p class='org'>Care Quality Commission</p>
<h1>{E(title)}</h1>
<p class='sub'>{'Pilot assessment (indicative)' if pilot else 'Local authority assessment under the Care Act 2014'}</p>
<p class='date'>Published {long_date(f['published'])}</p>
</section>
<section class='contents'>
<h2>Contents</h2>
<ol><li>About {E(f['council'])}</li><li>Overall summary</li><li>Theme 1: How the local authority works with people</li>
<li>Theme 2: Providing support</li><li>Theme 3: How the local authority ensures safety within the system</li><li>Theme 4: Leadership</li></ol>
</section>
<section class='about'>
<h2>About {E(f['council'])}</h2>
<h3>Demographics</h3><table class='facts'>{facts_rows(f['demographics'])}</table>
<h3>Financial facts</h3><table class='facts'>{facts_rows(f['financial_facts'])}</table>
</section>
<section class='summary'>
<h2>Overall summary</h2>
{rating_lines}
{score_table(f, pilot)}
<h3>Summary of people's experiences</h3>
{''.join(f'<p>{E(p)}</p>' for p in f['people_experience'])}
</section>
<section class='statements'>
{statements_html(f, pilot)}
</section>
"""


CHROME_CSS = """
@page { size: A4; margin: 22mm 16mm 20mm 16mm;
  @top-left { content: "%(title)s"; font: 8pt Arial, sans-serif; color: #555; }
  @top-right { content: "Care Quality Commission"; font: 8pt Arial, sans-serif; color: #555; }
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font: 8pt Arial, sans-serif; } }
@page:first { @top-left { content: none; } @top-right { content: none; } @bottom-center { content: none; } }
body { font: 10pt/1.4 Arial, Helvetica, sans-serif; color: #1d1d1b; }
.cover { height: 200mm; page-break-after: always; border-left: 8mm solid #4e2680; padding-left: 10mm; padding-top: 60mm; }
.cover h1 { font-size: 26pt; color: #4e2680; } .cover .org { font-weight: bold; }
.contents { page-break-after: always; }
.statements { columns: 2; column-gap: 8mm; hyphens: auto; text-align: justify; }
.statements h2.theme { column-span: all; color: #4e2680; border-bottom: 1px solid #4e2680; }
table { border-collapse: collapse; width: 100%%; margin: 4mm 0; } th, td { border: 0.5pt solid #999; padding: 2mm; vertical-align: top; text-align: left; }
thead th { background: #4e2680; color: #fff; } td.theme { background: #efeaf5; font-weight: bold; } td.num { text-align: center; }
h3 { break-after: avoid; } .summary { page-break-before: always; }
"""


def chromium_pdf(f, out):
    title, b = body(f)
    src = os.path.join(SCRATCH, f["slug"] + ".html")
    css = CHROME_CSS % {"title": title.replace('"', "'")}
    open(src, "w", encoding="utf-8").write(f"<!DOCTYPE html><html lang='en-GB'><head><meta charset='utf-8'><title>{E(title)}</title>"
                                           f"<style>{css}</style></head><body>{b}</body></html>")
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--user-data-dir={SCRATCH}/chrome-profile", f"--print-to-pdf={out}", "file://" + src],
                   check=True, capture_output=True, timeout=120)


def lo_pdf(f, out):
    title, b = body(f)
    # LibreOffice's HTML filter maps <div title="header|footer"> to page header/footer and <sdfield> to fields
    hdr = (f"<div title='header'><p style='font-size:8pt'>{E(title)}</p></div>"
           "<div title='footer'><p align='center' style='font-size:8pt'>Page <sdfield type=PAGE subtype=RANDOM format=PAGE>1</sdfield>"
           " of <sdfield type=DOCSTAT subtype=PAGE format=PAGE>1</sdfield></p></div>")
    b = b.replace("<h2>Contents</h2>", "<h2 style='page-break-before: always'>Contents</h2>")
    b = b.replace("<h2>About ", "<h2 style='page-break-before: always'>About ")
    b = b.replace("<h2>Overall summary</h2>", "<h2 style='page-break-before: always'>Overall summary</h2>")
    src = os.path.join(SCRATCH, f["slug"] + "-lo.html")
    open(src, "w", encoding="utf-8").write(
        f"<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.0 Transitional//EN\"><html lang='en-GB'><head><meta charset='utf-8'><title>{E(title)}</title>"
        "<style>body{font-family:'Liberation Sans',Arial;font-size:10pt} p{text-align:justify} "
        "td.theme{background:#efeaf5;font-weight:bold} thead th{background:#4e2680;color:#ffffff}</style></head>"
        f"<body lang='en-GB'>{hdr}{b.replace('<table ', '<table border=1 cellpadding=4 width=100% ')}</body></html>")
    odir = os.path.join(SCRATCH, "lo-out")
    os.makedirs(odir, exist_ok=True)
    # pass 1: HTML -> ODT (Writer); then switch hyphenation on in the default paragraph style, as an
    # editor would in the template; pass 2: ODT -> PDF
    subprocess.run(["soffice", f"-env:UserInstallation=file://{SCRATCH}/lo-profile", "--headless",
                    "--infilter=HTML (StarWriter)", "--convert-to", "odt:writer8", "--outdir", odir, src],
                   check=True, capture_output=True, timeout=180)
    odt = os.path.join(odir, f["slug"] + "-lo.odt")
    zin = zipfile.ZipFile(odt)
    items = [(i, zin.read(i.filename)) for i in zin.infolist()]
    zin.close()
    odt2 = os.path.join(odir, f["slug"].replace("-", "_") + "_report.odt")
    with zipfile.ZipFile(odt2, "w") as zout:
        for info, data in items:
            if info.filename == "styles.xml":
                t = data.decode("utf-8")
                a = t.index('<style:default-style style:family="paragraph">')
                b = t.index("</style:default-style>", a)
                t = t[:a] + t[a:b].replace('fo:hyphenate="false"', 'fo:hyphenate="true"') + t[b:]
                data = t.encode("utf-8")
            zout.writestr(info, data, compress_type=zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{SCRATCH}/lo-profile", "--headless",
                    "--convert-to", "pdf:writer_pdf_Export", "--outdir", odir, odt2],
                   check=True, capture_output=True, timeout=180)
    os.replace(odt2[:-4] + ".pdf", out)


def build(allu, write):
    os.makedirs(SCRATCH, exist_ok=True)
    site = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for f in FAMILIES:
        u = allu[f["slug"]]
        if not u["pdf"]:
            continue
        rel = "sites" + u["pdf"][len("/sites"):]
        out = os.path.join(site, rel)
        os.makedirs(os.path.dirname(out), exist_ok=True)
        if f["pdf"] == "chromium":
            chromium_pdf(f, out)
            ENGINES[f["slug"]] = "Chromium 156 headless (print-to-pdf, Skia/PDF)"
        else:
            lo_pdf(f, out)
            ENGINES[f["slug"]] = "LibreOffice 7.4 Writer (HTML import, writer_pdf_Export)"
        write(u["pdf"], rel, open(out, "rb").read(), "application/pdf")
