"""Report PDFs: Chromium (headless print-to-pdf from HTML) and LibreOffice (flat ODT -> writer_pdf_Export).

Sources are written to src/pdf-src/ (kept for provenance), PDFs to pdf/<slug>.pdf.
"""
import html
import os
import re
import shutil
import subprocess

from content import THEMES, ST_NAME, ST_THEME, BAND_PHRASE, RATING_PHRASE

E = lambda s: html.escape(str(s), quote=False)
TMP = "/tmp/blind-legacy"


def long_date(d):
    return f"{d.day} {d.strftime('%B %Y')}"


def shy(text):
    """Optional hyphens in long words, as a word processor's hyphenation would allow."""
    def rep(m):
        w = m.group(0)
        if len(w) < 10:
            return w
        cut = [i for i in range(4, len(w) - 3, 3)]
        out, last = [], 0
        for c in cut:
            out.append(w[last:c])
            last = c
        out.append(w[last:])
        return "\u00ad".join(out)
    return re.sub(r"[A-Za-z]{10,}", rep, text)


# ------------------------------------------------------------------ Chromium

CSS = """
@page { size: A4; margin: 22mm 16mm 20mm 16mm;
  @top-left { content: "%(header)s"; font: 8pt Arial, sans-serif; color: #555; }
  @top-right { content: "Care Quality Commission"; font: 8pt Arial, sans-serif; color: #555; }
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font: 8pt Arial, sans-serif; }
}
@page :first { @top-left { content: none; } @top-right { content: none; } @bottom-center { content: none; } }
body { font: 10pt/1.35 "DejaVu Serif", Georgia, serif; hyphens: auto; text-align: justify; }
h1, h2, h3, h4 { font-family: "DejaVu Sans", Arial, sans-serif; color: #3b1f5e; text-align: left; hyphens: manual; }
.cover { height: 245mm; display: flex; flex-direction: column; justify-content: center; break-after: page; }
.cover h1 { font-size: 26pt; } .cover .sub { font-size: 14pt; }
.toc { break-after: page; } .toc ol { line-height: 1.8; }
.keyfacts { border: 1px solid #3b1f5e; padding: 4mm; margin: 4mm 0; }
table.scores { border-collapse: collapse; width: 100%%; font-family: "DejaVu Sans", Arial, sans-serif; font-size: 9pt; }
table.scores th, table.scores td { border: 1px solid #999; padding: 2mm; vertical-align: top; text-align: left; }
table.scores th { background: #e9e2f2; }
.statement { break-before: page; }
.twocol { column-count: 2; column-gap: 7mm; }
.twocol h4 { break-after: avoid; }
.expect li { margin-bottom: 1mm; }
"""


def chromium_html(f):
    pilot = f["pilot"]
    hdr = f["header"]
    o = [f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{E(hdr)}</title>'
         f'<style>{CSS % {"header": hdr.replace(chr(34), "")}}</style></head><body>']
    o.append(f'<section class="cover"><p class="sub">Care Quality Commission</p><h1>{E(hdr)}</h1>'
             f'<p class="sub">{"Pilot assessment report" if pilot else "Local authority assessment report"}</p>'
             f'<p>Published: {long_date(f["published"])}</p></section>')
    full = f["pdf"]["full"]
    o.append('<section class="toc"><h2>Contents</h2><ol><li>Overall summary</li>')
    if full:
        for t in range(1, 5):
            o.append(f"<li>{E(THEMES[t])}<ol>" + "".join(f"<li>{E(ST_NAME[n])}</li>" for n in range(1, 10) if ST_THEME[n] == t) + "</ol></li>")
        o.append(f"<li>About {E(f['council'])}</li>")
    o.append("</ol></section>")
    o.append("<h2>Overall summary</h2><div class=\"keyfacts\">")
    if pilot:
        o.append(f"<p><strong>Local authority indicative rating</strong></p><p>{E(f['rating'])}: {RATING_PHRASE[f['rating']]}</p>")
    else:
        o.append(f"<p><strong>Local authority rating and score</strong></p><p>{E(f['council'])}</p><p><strong>{E(f['rating'])}</strong></p>"
                 f"<p>Overall rating for {E(f['council'])}: {f['printed_pct']}%</p>")
    o.append("</div>")
    col = "Indicative score" if pilot else "Score"
    o.append(f'<h3>Quality statement {"indicative " if pilot else ""}scores</h3><table class="scores"><thead><tr><th>Theme</th><th>Quality statement</th><th>{col}</th></tr></thead><tbody>')
    for t in range(1, 5):
        ns = [n for n in range(1, 10) if ST_THEME[n] == t]
        for i, n in enumerate(ns):
            th = f'<td rowspan="{len(ns)}">{E(THEMES[t])}</td>' if i == 0 else ""
            s = f["scores"][n - 1]
            o.append(f"<tr>{th}<td>{E(ST_NAME[n])}</td><td>{s} - {BAND_PHRASE[s]}</td></tr>")
    o.append("</tbody></table>")
    o.append("<h3>Summary of people's experiences</h3>" + "".join(f"<p>{E(t)}</p>" for t in f["pe"]))
    if full:
        for t in range(1, 5):
            for n in [n for n in range(1, 10) if ST_THEME[n] == t]:
                st = f["stmts"][n]
                s = f["scores"][n - 1]
                o.append(f'<section class="statement"><p class="theme">{E(THEMES[t])}</p><h2>{E(ST_NAME[n])}</h2>')
                if pilot:
                    o.append(f"<p><strong>Indicative score:</strong></p><p>{s} - {BAND_PHRASE[s]}</p>")
                else:
                    o.append(f"<p><strong>Score: {s}</strong></p><p>{s} - {BAND_PHRASE[s]}</p>")
                o.append("<h3>What people expect</h3><ul class=\"expect\">" + "".join(f"<li>{E(x)}</li>" for x in st["what_people_expect"]) + "</ul>")
                o.append(f"<h3>The local authority commitment{':' if pilot else ''}</h3><p>{E(st['commitment'])}</p>")
                o.append('<h3>Key findings for this quality statement</h3><div class="twocol">')
                for kf in st["key_findings"]:
                    if kf["heading"]:
                        o.append(f"<h4>{E(kf['heading'])}</h4>")
                    o += [f"<p>{E(p)}</p>" for p in kf["paragraphs"]]
                o.append("</div></section>")
        o.append(f'<section class="statement"><h2>About {E(f["council"])}</h2><h3>Demographics</h3><ul>')
        o += [f"<li>{E(it[1])}: {E(it[2])}</li>" if it[0] == "pair" else f"<li>{E(it[1])}</li>" for it in f["demo"]]
        o.append("</ul><h3>Financial facts</h3><ul>")
        o += [f"<li>{E(it[1])}: {E(it[2])}</li>" if it[0] == "pair" else f"<li>{E(it[1])}</li>" for it in f["fin"]]
        o.append("</ul></section>")
    o.append("</body></html>")
    return "\n".join(o)


def build_chromium(f, srcdir, out):
    src = os.path.join(srcdir, f"{f['slug']}.html")
    with open(src, "w", encoding="utf-8") as fh:
        fh.write(chromium_html(f))
    prof = os.path.join(TMP, "chrome-profile")
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={prof}",
                    "--no-pdf-header-footer", f"--print-to-pdf={out}", "file://" + src],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)


# ------------------------------------------------------------------ LibreOffice (flat ODT)

X = lambda s: html.escape(str(s), quote=True)

FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>%(title)s</dc:title><meta:initial-creator>CQC publishing</meta:initial-creator></office:meta>
<office:font-face-decls>
 <style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>
 <style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/>
  <style:text-properties style:font-name="Liberation Serif" fo:font-size="10.5pt" fo:language="en" fo:country="GB" fo:hyphenate="true" fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="3"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
 <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0.2cm" fo:text-align="justify"/>
 </style:style>
 <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="1">
  <style:paragraph-properties fo:margin-top="0.5cm" fo:margin-bottom="0.3cm" fo:keep-with-next="always"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="18pt" fo:font-weight="bold" fo:color="#3b1f5e" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="2">
  <style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="13pt" fo:font-weight="bold" fo:color="#3b1f5e" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="3">
  <style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="11pt" fo:font-weight="bold" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard">
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="8pt" fo:color="#555555"/>
 </style:style>
 <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="8pt"/>
 </style:style>
 <style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard">
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="9pt" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="List_20_Item" style:display-name="List Item" style:family="paragraph" style:parent-style-name="Text_20_body">
  <style:paragraph-properties fo:margin-left="0.6cm" fo:text-indent="-0.4cm" fo:margin-bottom="0.1cm" fo:text-align="start"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" fo:margin-left="2cm" fo:margin-right="2cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.4cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.4cm"/></style:footer-style>
 </style:page-layout>
 <style:page-layout style:name="pm2">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"/>
 </style:page-layout>
 <style:style style:name="PCover" style:family="paragraph" style:parent-style-name="Standard" style:master-page-name="Cover">
  <style:paragraph-properties fo:margin-top="6cm"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="24pt" fo:font-weight="bold" fo:color="#3b1f5e"/>
 </style:style>
 <style:style style:name="PCoverSub" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-top="0.5cm"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="14pt"/>
 </style:style>
 <style:style style:name="PBreak" style:family="paragraph" style:parent-style-name="Heading_20_1" style:master-page-name="Report">
  <style:paragraph-properties style:page-number="auto" fo:break-before="page"/>
 </style:style>
 <style:style style:name="PPage" style:family="paragraph" style:parent-style-name="Heading_20_1">
  <style:paragraph-properties fo:break-before="page"/>
 </style:style>
 <style:style style:name="TScores" style:family="table"><style:table-properties style:width="17cm" table:align="margins"/></style:style>
 <style:style style:name="TScores.A" style:family="table-column"><style:table-column-properties style:column-width="5cm"/></style:style>
 <style:style style:name="TScores.B" style:family="table-column"><style:table-column-properties style:column-width="6.5cm"/></style:style>
 <style:style style:name="TScores.C" style:family="table-column"><style:table-column-properties style:column-width="5.5cm"/></style:style>
 <style:style style:name="TCell" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #999999"/></style:style>
 <style:style style:name="THead" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:background-color="#e9e2f2" fo:border="0.5pt solid #999999"/></style:style>
 <style:style style:name="Sect2" style:family="section"><style:section-properties><style:columns fo:column-count="2" fo:column-gap="0.6cm"><style:column style:rel-width="1*" fo:start-indent="0cm" fo:end-indent="0.3cm"/><style:column style:rel-width="1*" fo:start-indent="0.3cm" fo:end-indent="0cm"/></style:columns></style:section-properties></style:style>
 <style:style style:name="TBold" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Cover" style:page-layout-name="pm2" style:next-style-name="Report"/>
 <style:master-page style:name="Report" style:page-layout-name="pm1">
  <style:header><text:p text:style-name="Header">%(title)s<text:tab/>Care Quality Commission</text:p></style:header>
  <style:footer><text:p text:style-name="Footer">Page <text:page-number text:select-page="current">1</text:page-number> of <text:page-count>1</text:page-count></text:p></style:footer>
 </style:master-page>
 <style:master-page style:name="Standard" style:page-layout-name="pm1"/>
</office:master-styles>
<office:body><office:text>
"""


def fodt(f):
    pilot = f["pilot"]
    full = f["pdf"]["full"]
    P = lambda t, st="Text_20_body": f'<text:p text:style-name="{st}">{X(t)}</text:p>'
    H = lambda t, lvl: f'<text:h text:style-name="Heading_20_{lvl}" text:outline-level="{lvl}">{X(t)}</text:h>'
    o = [FODT_HEAD % {"title": X(f["header"])}]
    o.append(f'<text:p text:style-name="PCover">{X(f["header"])}</text:p>')
    o.append(P("Pilot assessment report" if pilot else "Local authority assessment report", "PCoverSub"))
    o.append(P(f"Published: {long_date(f['published'])}", "PCoverSub"))
    o.append(f'<text:h text:style-name="PBreak" text:outline-level="1">Contents</text:h>')
    toc = ["Overall summary"]
    if full:
        toc += [f"{THEMES[t]}" for t in range(1, 5)] + [f"About {f['council']}"]
    o += [P(f"{i}. {t}", "List_20_Item") for i, t in enumerate(toc, 1)]
    o.append(f'<text:h text:style-name="PPage" text:outline-level="1">Overall summary</text:h>')
    if pilot:
        o.append(f'<text:p text:style-name="Text_20_body"><text:span text:style-name="TBold">Local authority indicative rating</text:span></text:p>')
        o.append(P(f"{f['rating']}: {RATING_PHRASE[f['rating']]}"))
    else:
        o.append(f'<text:p text:style-name="Text_20_body"><text:span text:style-name="TBold">Local authority rating and score</text:span></text:p>')
        o.append(P(f["council"]))
        o.append(P(f["rating"]))
        o.append(P(f"Overall rating for {f['council']}: {f['printed_pct']}%"))
    o.append(H("Quality statement indicative scores" if pilot else "Quality statement scores", 2))
    o.append('<table:table table:name="Scores" table:style-name="TScores"><table:table-column table:style-name="TScores.A"/>'
             '<table:table-column table:style-name="TScores.B"/><table:table-column table:style-name="TScores.C"/>')
    o.append('<table:table-header-rows><table:table-row>' + "".join(
        f'<table:table-cell table:style-name="THead" office:value-type="string">{P(h, "Table_20_Contents")}</table:table-cell>'
        for h in ("Theme", "Quality statement", "Indicative score" if pilot else "Score")) + "</table:table-row></table:table-header-rows>")
    for t in range(1, 5):
        ns = [n for n in range(1, 10) if ST_THEME[n] == t]
        for i, n in enumerate(ns):
            s = f["scores"][n - 1]
            first = (f'<table:table-cell table:style-name="TCell" table:number-rows-spanned="{len(ns)}" office:value-type="string">'
                     f'{P(THEMES[t], "Table_20_Contents")}</table:table-cell>') if i == 0 else "<table:covered-table-cell/>"
            o.append(f"<table:table-row>{first}"
                     f'<table:table-cell table:style-name="TCell" office:value-type="string">{P(ST_NAME[n], "Table_20_Contents")}</table:table-cell>'
                     f'<table:table-cell table:style-name="TCell" office:value-type="string">{P(f"{s} - {BAND_PHRASE[s]}", "Table_20_Contents")}</table:table-cell>'
                     "</table:table-row>")
    o.append("</table:table>")
    o.append(H("Summary of people's experiences", 2))
    o += [P(t) for t in f["pe"]]
    if full:
        for t in range(1, 5):
            o.append(f'<text:h text:style-name="PPage" text:outline-level="1">{X(THEMES[t])}</text:h>')
            for n in [n for n in range(1, 10) if ST_THEME[n] == t]:
                st = f["stmts"][n]
                s = f["scores"][n - 1]
                o.append(H(ST_NAME[n], 2))
                if pilot:
                    o.append(f'<text:p text:style-name="Text_20_body"><text:span text:style-name="TBold">Indicative score:</text:span></text:p>')
                else:
                    o.append(f'<text:p text:style-name="Text_20_body"><text:span text:style-name="TBold">Score: {s}</text:span></text:p>')
                o.append(P(f"{s} - {BAND_PHRASE[s]}"))
                o.append(H("What people expect", 3))
                o += [P("\u2022 " + x, "List_20_Item") for x in st["what_people_expect"]]
                o.append(H("The local authority commitment:" if pilot else "The local authority commitment", 3))
                o.append(P(st["commitment"]))
                o.append(H("Key findings for this quality statement", 3))
                o.append(f'<text:section text:style-name="Sect2" text:name="Findings{n}">')
                for kf in st["key_findings"]:
                    if kf["heading"]:
                        o.append(f'<text:p text:style-name="Text_20_body"><text:span text:style-name="TBold">{X(kf["heading"])}</text:span></text:p>')
                    o += [P(p) for p in kf["paragraphs"]]
                o.append("</text:section>")
        o.append(f'<text:h text:style-name="PPage" text:outline-level="1">About {X(f["council"])}</text:h>')
        o.append(H("Demographics", 2))
        o += [P("\u2022 " + (f"{it[1]}: {it[2]}" if it[0] == "pair" else it[1]), "List_20_Item") for it in f["demo"]]
        o.append(H("Financial facts", 2))
        o += [P("\u2022 " + (f"{it[1]}: {it[2]}" if it[0] == "pair" else it[1]), "List_20_Item") for it in f["fin"]]
    o.append("</office:text></office:body></office:document>\n")
    return "\n".join(o)


def build_libreoffice(f, srcdir, out):
    src = os.path.join(srcdir, f"{f['slug']}.fodt")
    with open(src, "w", encoding="utf-8") as fh:
        fh.write(fodt(f))
    tmpout = os.path.join(TMP, "lo-out")
    os.makedirs(tmpout, exist_ok=True)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{TMP}/lo-profile", "--headless",
                    "--convert-to", "pdf:writer_pdf_Export", "--outdir", tmpout, src],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
    shutil.move(os.path.join(tmpout, f"{f['slug']}.pdf"), out)


def producer(path):
    r = subprocess.run(["pdfinfo", path], capture_output=True, text=True)
    info = dict(line.split(":", 1) for line in r.stdout.splitlines() if ":" in line)
    return info.get("Creator", "").strip(), info.get("Producer", "").strip()


def build_all(fams, site):
    srcdir = os.path.join(site, "src", "pdf-src")
    os.makedirs(srcdir, exist_ok=True)
    os.makedirs(os.path.join(site, "pdf"), exist_ok=True)
    os.makedirs(TMP, exist_ok=True)
    engines = {}
    for f in fams:
        if not f["pdf"]:
            continue
        out = os.path.join(site, "pdf", f"{f['slug']}.pdf")
        if f["pdf"]["engine"] == "chromium":
            build_chromium(f, srcdir, out)
            c, p = producer(out)
            engines[f["slug"]] = f"Chromium 156 headless print-to-pdf from HTML (Creator: {c}; Producer: {p})"
        else:
            build_libreoffice(f, srcdir, out)
            c, p = producer(out)
            engines[f["slug"]] = f"LibreOffice 7.4 writer_pdf_Export from flat ODT (Creator: {c}; Producer: {p})"
    return engines
