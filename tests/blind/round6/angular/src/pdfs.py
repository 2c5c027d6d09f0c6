"""Build the report PDFs: Chromium (HTML + print CSS) and LibreOffice (generated flat ODT).

Run after site.py: python3 src/pdfs.py  (work files go to /tmp/blind-angular/pdfwork)."""
import html
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
from data import BAND, RATING_PHRASE, STATEMENTS, THEMES  # noqa: E402
import build_site as S  # noqa: E402

E = lambda s: html.escape(s, quote=False)  # noqa: E731
WORK = "/tmp/blind-angular/pdfwork"
OUT = os.path.join(S.SITE, "pdf")
MONTHS = S.MONTHS


def long_date(d):
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def title(f):
    return S.header_title(f)


# ------------------------------------------------------------------ Chromium
CSS = """
@page { size: A4; margin: 22mm 18mm 24mm 18mm;
  @top-left { content: "%(running)s"; font: 8pt 'DejaVu Sans'; color: #555; }
  @top-right { content: "Care Quality Commission"; font: 8pt 'DejaVu Sans'; color: #555; }
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font: 8pt 'DejaVu Sans'; }
}
@page :first { @top-left { content: none } @top-right { content: none } @bottom-center { content: none } }
body { font: 10.5pt/1.45 'DejaVu Serif', serif; hyphens: auto; -webkit-hyphens: auto; text-align: justify; }
h1, h2, h3, h4 { font-family: 'DejaVu Sans', sans-serif; text-align: left; hyphens: manual; }
.cover { page-break-after: always; height: 240mm; display: flex; flex-direction: column; justify-content: center; }
.cover .org { font: bold 14pt 'DejaVu Sans'; color: #3c0e5a; }
.cover h1 { font-size: 26pt; margin: 12mm 0 4mm; }
.toc { page-break-after: always; } .toc li { margin: 2mm 0; }
table { border-collapse: collapse; width: 100%%; font: 9pt 'DejaVu Sans'; margin: 4mm 0; }
th, td { border: 0.6pt solid #777; padding: 1.5mm 2mm; vertical-align: top; text-align: left; }
thead th { background: #e8e2ee; }
.keyfacts td:first-child { width: 45%%; font-weight: bold; }
.qs { page-break-before: always; }
.cols { column-count: %(cols)s; column-gap: 7mm; }
.expect { background: #f3f2f1; padding: 2mm 4mm; }
"""


def chromium_html(f):
    pilot = f["kind"] == "pilot"
    cols = 2 if f["slug"].startswith("derbyshire") else 1
    css = CSS % {"running": title(f).replace('"', ""), "cols": cols}
    p = []
    p.append(f'<section class="cover"><div class="org">Care Quality Commission</div><h1>{E(f["council"])}</h1>'
             f'<p style="font:16pt DejaVu Sans">{"Local authority assessment (pilot)" if pilot else "Local authority assessment"}</p>'
             f'<p>Assessing how local authorities meet their duties under Part 1 of the Care Act 2014</p>'
             f'<p>Date of publication: {long_date(f["published"])}</p></section>')
    toc = ["Overall summary", "About the local authority", "Quality statement scores"] + [f"{n}. {STATEMENTS[n][0]}" for n in range(1, 10)]
    p.append('<section class="toc"><h2>Contents</h2><ol style="list-style:none;padding:0">' + "".join(f"<li>{E(x)}</li>" for x in toc) + "</ol></section>")
    p.append('<h2>Overall summary</h2>')
    if pilot:
        p.append(f'<h3>Local authority indicative rating</h3><p><b>{E(f["rating"])}</b>: {RATING_PHRASE[f["rating"]]}</p>')
    else:
        p.append(f'<h3>Local authority rating and score</h3><p>{E(f["council"])}</p><p><b>{E(f["rating"])}</b></p>'
                 f'<p>Overall score: {f["printed_pct"]}%</p><p>{RATING_PHRASE[f["rating"]]}</p>')
    p.append("<h3>Summary of people's experiences</h3>" + "".join(f"<p>{E(x)}</p>" for x in f["people"]))
    p.append('<h2>About the local authority</h2><table class="keyfacts"><tbody>' +
             "".join(f"<tr><td>{E(l)}</td><td>{E(v)}</td></tr>" for l, v in f["demographics"] + f["finance"]) + "</tbody></table>")
    rows = []
    for t in range(1, 5):
        ns = [n for n in range(1, 10) if STATEMENTS[n][1] == t]
        for i, n in enumerate(ns):
            sc = f["scores"][n - 1]
            th = f'<th rowspan="{len(ns)}">{E(THEMES[t])}</th>' if i == 0 else ""
            rows.append(f"<tr>{th}<td>{E(STATEMENTS[n][0])}</td><td>{sc}</td><td>{BAND[sc]}</td></tr>")
    p.append(f'<h2>Quality statement scores</h2><table><thead><tr><th>Theme</th><th>Quality statement</th><th>{"Indicative score" if pilot else "Score"}</th><th>What the score means</th></tr></thead>'
             f'<tbody>{"".join(rows)}</tbody></table>')
    for n in range(1, 10):
        st = f["statements"][n]
        sc = f["scores"][n - 1]
        lab = "Indicative score:" if pilot else "Score:"
        body = [f'<section class="qs"><h2>{n}. {E(STATEMENTS[n][0])}</h2><p><b>{lab}</b> {sc} - {BAND[sc]}</p>',
                '<div class="expect"><h3>What people expect</h3>' + "".join(f"<p>{E(x)}</p>" for x in st["expect"]) + "</div>",
                f'<h3>The local authority commitment{":" if pilot else ""}</h3><p>{E(st["commit"])}</p>',
                '<h3>Key findings for this quality statement</h3><div class="cols">']
        for head, blocks in st["findings"]:
            if head:
                body.append(f"<h4>{E(head)}</h4>")
            for b in blocks:
                if isinstance(b, tuple):
                    body.append("<ul>" + "".join(f"<li>{E(x)}</li>" for x in b[1]) + "</ul>")
                else:
                    body.append(f"<p>{E(b)}</p>")
        body.append("</div></section>")
        p.append("".join(body))
    return f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{E(title(f))}</title><style>{css}</style></head><body>{"".join(p)}</body></html>'


def build_chromium(f):
    src = os.path.join(WORK, f["slug"] + ".html")
    with open(src, "w") as fh:
        fh.write(chromium_html(f))
    out = os.path.join(OUT, f["slug"] + ".pdf")
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--user-data-dir={WORK}/chrome-profile", f"--print-to-pdf={out}", "file://" + src],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)


# ------------------------------------------------------------------ LibreOffice (flat ODT)
FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>%(title)s</dc:title><meta:initial-creator>CQC Publishing</meta:initial-creator></office:meta>
<office:font-face-decls><style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'"/><style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'"/></office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph"><style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="10.5pt" fo:language="en" fo:country="GB" fo:hyphenate="true" fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="2"/></style:default-style>
 <style:style style:name="Standard" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.18cm" fo:text-align="justify"/></style:style>
 <style:style style:name="Cover" style:family="paragraph"><style:paragraph-properties fo:margin-top="1cm"/><style:text-properties fo:font-size="28pt" fo:font-weight="bold" fo:color="#3c0e5a"/></style:style>
 <style:style style:name="CoverSub" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.5cm"/><style:text-properties fo:font-size="15pt"/></style:style>
 <style:style style:name="H1" style:family="paragraph" style:default-outline-level="1"><style:paragraph-properties fo:margin-top="0.5cm" fo:margin-bottom="0.3cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="17pt" fo:font-weight="bold" fo:color="#3c0e5a" fo:hyphenate="false"/></style:style>
 <style:style style:name="H2" style:family="paragraph" style:default-outline-level="2"><style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="13pt" fo:font-weight="bold" fo:hyphenate="false"/></style:style>
 <style:style style:name="H3" style:family="paragraph" style:default-outline-level="3"><style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.15cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="11pt" fo:font-weight="bold" fo:font-style="italic" fo:hyphenate="false"/></style:style>
 <style:style style:name="Cell" style:family="paragraph"><style:paragraph-properties fo:text-align="start"/><style:text-properties fo:font-size="9pt"/></style:style>
 <style:style style:name="HF" style:family="paragraph"><style:tab-stops/><style:text-properties fo:font-size="8pt" fo:color="#555555"/></style:style>
 <style:style style:name="Strong" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" fo:margin-left="2cm" fo:margin-right="2cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.4cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.4cm"/></style:footer-style></style:page-layout>
 <style:style style:name="T1" style:family="table"><style:table-properties style:width="17cm" table:align="margins" fo:margin-top="0.2cm" fo:margin-bottom="0.3cm"/></style:style>
 <style:style style:name="C1" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #777777"/></style:style>
 <style:style style:name="CH" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #777777" fo:background-color="#e8e2ee"/></style:style>
 <style:style style:name="Sect2" style:family="section"><style:section-properties><style:columns fo:column-count="2" fo:column-gap="0.6cm"/></style:section-properties></style:style>
 <style:style style:name="PB" style:family="paragraph" style:parent-style-name="H1"><style:paragraph-properties fo:break-before="page"/></style:style>
 <style:style style:name="PBC" style:family="paragraph" style:parent-style-name="Cover"><style:paragraph-properties fo:margin-top="7cm"/></style:style>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">
  <style:header><text:p text:style-name="HF">%(running)s<text:tab/>Care Quality Commission</text:p></style:header>
  <style:footer><text:p text:style-name="HF">Page <text:page-number text:select-page="current">1</text:page-number> of <text:page-count>1</text:page-count></text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
"""


def X(s):
    return html.escape(s, quote=False)


def para(text, style="Standard"):
    return f'<text:p text:style-name="{style}">{X(text)}</text:p>'


def cell(text, style="C1", span=None, pstyle="Cell"):
    sp = f' table:number-rows-spanned="{span}"' if span else ""
    return f'<table:table-cell table:style-name="{style}" office:value-type="string"{sp}><text:p text:style-name="{pstyle}">{X(text)}</text:p></table:table-cell>'


def fodt(f):
    pilot = f["kind"] == "pilot"
    b = []
    b.append(para("Care Quality Commission", "PBC"))
    b.append(para(f["council"], "Cover"))
    b.append(para("Local authority assessment report" + (" (pilot)" if pilot else ""), "CoverSub"))
    b.append(para(f"Published {long_date(f['published'])}", "CoverSub"))
    b.append(para("Contents", "PB"))
    for x in ["Overall summary", "Key facts", "Quality statement scores"] + [f"Theme {t}: {THEMES[t]}" for t in range(1, 5)]:
        b.append(para(x))
    b.append(para("Overall summary", "PB"))
    b.append(para("Local authority rating and score" if not pilot else "Local authority indicative rating", "H2"))
    b.append(para(f["council"]))
    b.append(para(f"{f['rating']}: {RATING_PHRASE[f['rating']]}"))
    if not pilot:
        b.append(para(f"Overall score: {f['printed_pct']}%"))
    b.append(para("Summary of people's experiences", "H2"))
    for x in f["people"]:
        b.append(para(x))
    b.append(para("Key facts", "H2"))
    rows = "".join(f"<table:table-row>{cell(l)}{cell(v)}</table:table-row>" for l, v in f["demographics"] + f["finance"])
    b.append(f'<table:table table:name="KeyFacts" table:style-name="T1"><table:table-column table:number-columns-repeated="2"/>{rows}</table:table>')
    b.append(para("Quality statement scores", "H2"))
    rows = [f'<table:table-header-rows><table:table-row>{cell("Theme", "CH")}{cell("Quality statement", "CH")}{cell("Score", "CH")}</table:table-row></table:table-header-rows>']
    for t in range(1, 5):
        ns = [n for n in range(1, 10) if STATEMENTS[n][1] == t]
        for i, n in enumerate(ns):
            sc = f["scores"][n - 1]
            first = cell(THEMES[t], span=len(ns)) if i == 0 else "<table:covered-table-cell/>"
            rows.append(f"<table:table-row>{first}{cell(STATEMENTS[n][0])}{cell(f'{sc} - {BAND[sc]}')}</table:table-row>")
    b.append(f'<table:table table:name="Scores" table:style-name="T1"><table:table-column table:number-columns-repeated="3"/>{"".join(rows)}</table:table>')
    for t in range(1, 5):
        b.append(para(f"Theme {t}: {THEMES[t]}", "PB"))
        for n in [n for n in range(1, 10) if STATEMENTS[n][1] == t]:
            st = f["statements"][n]
            sc = f["scores"][n - 1]
            b.append(para(STATEMENTS[n][0], "H2"))
            b.append(f'<text:p text:style-name="Standard"><text:span text:style-name="Strong">Score: {sc}</text:span></text:p>')
            b.append(para(f"{sc} - {BAND[sc]}"))
            b.append(para("What people expect", "H3"))
            for x in st["expect"]:
                b.append(para(x))
            b.append(para("The local authority commitment", "H3"))
            b.append(para(st["commit"]))
            b.append(para("Key findings for this quality statement", "H3"))
            sec = []
            for head, blocks in st["findings"]:
                if head:
                    sec.append(f'<text:p text:style-name="Standard"><text:span text:style-name="Strong">{X(head)}</text:span></text:p>')
                for bl in blocks:
                    if isinstance(bl, tuple):
                        sec.append("<text:list>" + "".join(f"<text:list-item>{para(x)}</text:list-item>" for x in bl[1]) + "</text:list>")
                    else:
                        sec.append(para(bl))
            if f["slug"].startswith("blackpool"):
                b.append(f'<text:section text:style-name="Sect2" text:name="F{n}">{"".join(sec)}</text:section>')
            else:
                b.extend(sec)
    head = FODT_HEAD % {"title": X(title(f)), "running": X(title(f))}
    return head + "\n".join(b) + "\n</office:text></office:body></office:document>\n"


def build_lo(f):
    src = os.path.join(WORK, f["slug"] + ".fodt")
    with open(src, "w") as fh:
        fh.write(fodt(f))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{WORK}/lo-profile", "--headless", "--convert-to", "pdf:writer_pdf_Export",
                    "--outdir", WORK, src], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
    shutil.copy(os.path.join(WORK, f["slug"] + ".pdf"), os.path.join(OUT, f["slug"] + ".pdf"))


def main():
    os.makedirs(WORK, exist_ok=True)
    os.makedirs(OUT, exist_ok=True)
    for f in S.FAMS:
        if f["pdf_engine"] == "chromium":
            build_chromium(f)
        elif f["pdf_engine"] == "lo":
            build_lo(f)
        else:
            continue
        print("built", f["slug"], f["pdf_engine"])


if __name__ == "__main__":
    main()
