"""Report PDFs for the blind 'council' corpus, made with three engines, none of them fpdf2 or
reportlab: LibreOffice (a flat ODT written here, converted headless), Chromium (headless
print-to-pdf of print-CSS HTML) and WeasyPrint."""
import os
import subprocess
import tempfile
from html import escape
from xml.sax.saxutils import escape as xesc

from content import fmt_date
from prose import STATEMENTS, THEMES, BAND_PHRASE, RATING_PHRASE

try:
    import pyphen
    _HY = pyphen.Pyphen(lang="en_GB")
except Exception:  # pragma: no cover
    _HY = None


def e(s):
    return escape(s, quote=False)


def soft_hyphens(text):
    """Optional hyphens in long words, as a word processor export leaves them (for Chromium,
    which does not hyphenate by itself on Linux)."""
    if not _HY:
        return e(text)
    out = []
    for w in text.split(" "):
        core = w.strip(".,;:()")
        if len(core) >= 12 and core.isalpha():
            pos = _HY.positions(core)
            if pos:
                k = min(pos, key=lambda i: abs(i - len(core) / 2))
                w = w.replace(core, core[:k] + "\u00ad" + core[k:])
        out.append(w)
    return e(" ".join(out)).replace("\u00ad", "&shy;")


def score_line(f, n):
    s = f.scores[n]
    if f.kind == "pilot":
        return f"Indicative score: {s} - {BAND_PHRASE[s]}"
    return f"Score: {s} - {BAND_PHRASE[s]}"


def contents_entries(f, kind):
    ent = [("summary", "Overall summary"), ("people", "Summary of people's experiences")]
    if kind == "full":
        ent += [(f"theme{t}", f"Theme {t}: {THEMES[t]}") for t in range(1, 5)]
    return ent


# ----------------------------------------------------------------------------- HTML engines
def pdf_html(f, engine, kind):
    T = soft_hyphens if engine == "chromium" else e
    two_col = f.slug.startswith("camden")
    date = fmt_date(f.published, "long")
    hdr = f.header()
    css = f"""
@page {{ size: A4; margin: 24mm 18mm 22mm 18mm;
  @top-left {{ content: "{hdr}"; font: 8pt 'Liberation Sans', sans-serif; color: #555; }}
  @top-right {{ content: "Care Quality Commission"; font: 8pt 'Liberation Sans', sans-serif; color: #555; }}
  @bottom-right {{ content: "Page " counter(page) " of " counter(pages); font: 8pt 'Liberation Sans', sans-serif; }}
  @bottom-left {{ content: "Published {date}"; font: 8pt 'Liberation Sans', sans-serif; color: #555; }} }}
@page :first {{ @top-left {{ content: none }} @top-right {{ content: none }} @bottom-right {{ content: none }} @bottom-left {{ content: none }} }}
body {{ font: 10pt/1.4 'Liberation Sans', 'DejaVu Sans', sans-serif; color: #111; }}
p, li {{ text-align: justify; hyphens: auto; -webkit-hyphens: auto; }}
.cover {{ page-break-after: always; padding-top: 60mm; }}
.cover .org {{ font-size: 12pt; color: #3e2d70; font-weight: bold; }}
.cover h1 {{ font-size: 28pt; color: #3e2d70; margin: 8mm 0 4mm; }}
.cover .sub {{ font-size: 16pt; }}
.keyfacts {{ border-collapse: collapse; margin-top: 20mm; width: 100%; }}
.keyfacts th, .keyfacts td, table.scores th, table.scores td {{ border: 0.5pt solid #888; padding: 2mm 3mm; text-align: left; vertical-align: top; }}
table.scores {{ border-collapse: collapse; width: 100%; margin: 4mm 0; }}
table.scores thead th {{ background: #e8e4f2; }}
.contents {{ page-break-after: always; }}
.contents li a {{ color: #111; text-decoration: none; }}
.contents li a::after {{ content: leader('.') target-counter(attr(href), page); }}
h1.section {{ page-break-before: always; color: #3e2d70; font-size: 18pt; }}
h2 {{ color: #3e2d70; font-size: 14pt; margin-top: 8mm; }}
h3 {{ font-size: 11pt; margin-bottom: 1mm; }}
h4 {{ font-size: 10pt; font-style: italic; margin-bottom: 1mm; }}
.score {{ font-weight: bold; border-left: 3pt solid #3e2d70; padding-left: 3mm; }}
.findings {{ {"columns: 2; column-gap: 7mm;" if two_col else ""} }}
"""
    rating_line = (f"Indicative rating: {f.rating}: {RATING_PHRASE[f.rating]}" if f.kind == "pilot"
                   else f"Overall rating: {f.rating}")
    kf = [("Local authority", f.council), ("Assessment published", date)]
    if f.kind == "pilot":
        kf.append(("Indicative rating", f"{f.rating}: {RATING_PHRASE[f.rating]}"))
    else:
        kf += [("Rating", f.rating), ("Overall score", f"{f.pct}%")]
    body = [f'<div class="cover"><p class="org">Care Quality Commission</p>'
            f'<h1>{e(f.council)}</h1><p class="sub">{"Local authority assessment" if f.kind == "formal" else "Local authority assessment (pilot)"}'
            f'{"" if kind == "full" else ": summary report"}</p>'
            f'<table class="keyfacts">' + "".join(f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in kf) + "</table></div>"]
    body.append('<div class="contents"><h2>Contents</h2><ol>' + "".join(
        f'<li><a href="#{i}">{e(t)}</a></li>' for i, t in contents_entries(f, kind)) + "</ol></div>")
    # summary
    body.append('<h1 class="section" id="summary" style="page-break-before:avoid">Overall summary</h1>')
    if f.kind == "pilot":
        body.append(f"<h2>Local authority indicative rating</h2><p>{e(f.council)}</p><p><strong>{e(f.rating)}: {RATING_PHRASE[f.rating]}</strong></p>")
    else:
        body.append(f"<h2>Local authority rating and score</h2><p>{e(f.council)}</p><p><strong>{e(f.rating)}</strong></p>"
                    f"<p>Overall rating for {e(f.council)}: {f.pct}%</p>")
    rows = []
    for t in range(1, 5):
        tn = [n for n in range(1, 10) if STATEMENTS[n][0] == t]
        for i, n in enumerate(tn):
            th = f'<th rowspan="{len(tn)}">{e(THEMES[t])}</th>' if i == 0 else ""
            rows.append(f"<tr>{th}<td>{e(f.st_name(n))}</td><td>{f.scores[n]}</td></tr>")
    body.append(f'<table class="scores"><thead><tr><th>Theme</th><th>Quality statement</th><th>{"Indicative score" if f.kind == "pilot" else "Score"}</th></tr></thead>'
                f'<tbody>{"".join(rows)}</tbody></table>')
    body.append(f'<h2 id="people">Summary of people\'s experiences</h2>' + "".join(f"<p>{T(x)}</p>" for x in f.c["people"]))
    body.append("<h2>Summary of strengths, areas for development and next steps</h2>" + "".join(
        f"<p>{T(x)}</p>" for x in f.c["strengths"] + f.c["development"]))
    if kind == "full":
        for t in range(1, 5):
            body.append(f'<h1 class="section" id="theme{t}">Theme {t}: {e(THEMES[t])}</h1>')
            for n in [m for m in range(1, 10) if STATEMENTS[m][0] == t]:
                c = f.c["statements"][n]
                body.append(f"<h2>{e(f.st_name(n))}</h2><p class=\"score\">{e(score_line(f, n))}</p>")
                body.append("<h3>What people expect</h3><ul>" + "".join(f"<li>{T(x)}</li>" for x in c["expect"]) + "</ul>")
                body.append(f"<h3>The local authority commitment</h3><p>{T(c['commitment'])}</p>")
                body.append("<h3>Key findings for this quality statement</h3><div class=\"findings\">")
                for fd in c["findings"]:
                    body.append(f"<h4>{e(fd['heading'])}</h4>")
                    for b in fd["blocks"]:
                        if b["type"] == "p":
                            body.append(f"<p>{T(b['text'])}</p>")
                        else:
                            body.append("<ul>" + "".join(f"<li>{T(x)}</li>" for x in b["items"]) + "</ul>")
                body.append("</div>")
    title = f"{f.council} - local authority assessment"
    return (f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{e(title)}</title>'
            f'<meta name="author" content="Care Quality Commission"><style>{css}</style></head><body>' + "\n".join(body) + "</body></html>")


def build_chromium(f, kind, out_pdf):
    html = pdf_html(f, "chromium", kind)
    with tempfile.TemporaryDirectory(dir="/tmp/blind-council") as d:
        src = os.path.join(d, "report.html")
        open(src, "w", encoding="utf-8").write(html)
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--print-to-pdf={out_pdf}", "file://" + src], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    return "Chromium headless print-to-pdf (Skia/PDF)"


def build_weasyprint(f, kind, out_pdf):
    import weasyprint
    weasyprint.HTML(string=pdf_html(f, "weasyprint", kind)).write_pdf(out_pdf)
    return f"WeasyPrint {weasyprint.__version__}"


# ----------------------------------------------------------------------------- LibreOffice
NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/" '
      'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"')


def x(s):
    return xesc(s)


def fodt(f, kind):
    two_col = f.slug.startswith("WBerkshire")
    date = fmt_date(f.published, "long")
    P = lambda style, t: f'<text:p text:style-name="{style}">{x(t)}</text:p>'
    H = lambda lvl, t: f'<text:h text:style-name="H{lvl}" text:outline-level="{lvl}">{x(t)}</text:h>'

    def bullets(items):
        return ('<text:list text:style-name="L1">' + "".join(
            f'<text:list-item>{P("Body", i)}</text:list-item>' for i in items) + "</text:list>")

    def cell(t, style="Cell", pstyle="TD", span=None):
        sp = f' table:number-rows-spanned="{span}"' if span else ""
        return f'<table:table-cell table:style-name="{style}" office:value-type="string"{sp}>{P(pstyle, t)}</table:table-cell>'
    b = []
    # cover
    b.append(P("CoverOrg", "Care Quality Commission"))
    b.append(P("CoverTitle", f.council))
    b.append(P("CoverSub", "Local authority assessment" if f.kind == "formal" else "Local authority assessment: pilot report"))
    kf = [("Local authority", f.council), ("Published", date)]
    if f.kind == "pilot":
        kf += [("Assessment start date", fmt_date(f.d["start"], "long")), ("Indicative rating", f"{f.rating}: {RATING_PHRASE[f.rating]}")]
    else:
        kf += [("Rating", f.rating), ("Overall score", f"{f.pct}%")]
    b.append('<table:table table:name="KeyFacts" table:style-name="TblKF"><table:table-column table:style-name="KF1"/><table:table-column table:style-name="KF2"/>'
             + "".join(f"<table:table-row>{cell(k, pstyle='TH')}{cell(v)}</table:table-row>" for k, v in kf) + "</table:table>")
    # contents
    b.append(P("BreakBefore", ""))
    b.append(H(1, "Contents"))
    for _, t in contents_entries(f, kind):
        b.append(P("Contents", t))
    # summary
    b.append(P("BreakBefore", ""))
    b.append(H(1, "Overall summary"))
    if f.kind == "pilot":
        b += [H(2, "Local authority indicative rating"), P("Body", f.council), P("Strong", f"{f.rating}: {RATING_PHRASE[f.rating]}")]
    else:
        b += [H(2, "Local authority rating and score"), P("Body", f.council), P("Strong", f.rating),
              P("Body", f"Overall rating for {f.council}: {f.pct}%")]
    b.append(H(2, "Quality statement scores" if f.kind == "formal" else "Indicative quality statement scores"))
    rows = []
    for t in range(1, 5):
        tn = [n for n in range(1, 10) if STATEMENTS[n][0] == t]
        for i, n in enumerate(tn):
            first = cell(THEMES[t], "CellTheme", "TD", span=len(tn)) if i == 0 else "<table:covered-table-cell/>"
            rows.append(f"<table:table-row>{first}{cell(f.st_name(n))}{cell(str(f.scores[n]), pstyle='TDC')}</table:table-row>")
    b.append('<table:table table:name="Scores" table:style-name="TblS"><table:table-column table:style-name="S1"/>'
             '<table:table-column table:style-name="S2"/><table:table-column table:style-name="S3"/>'
             f'<table:table-header-rows><table:table-row>{cell("Theme", "CellH", "TH")}{cell("Quality statement", "CellH", "TH")}'
             f'{cell("Score", "CellH", "TH")}</table:table-row></table:table-header-rows>' + "".join(rows) + "</table:table>")
    b.append(H(2, "Summary of people's experiences"))
    b += [P("Body", t) for t in f.c["people"]]
    b.append(H(2, "Summary of strengths, areas for development and next steps"))
    b += [P("Body", t) for t in f.c["strengths"] + f.c["development"]]
    if kind == "full":
        for t in range(1, 5):
            b.append(P("BreakBefore", ""))
            b.append(H(1, f"Theme {t}: {THEMES[t]}"))
            for n in [m for m in range(1, 10) if STATEMENTS[m][0] == t]:
                c = f.c["statements"][n]
                b += [H(2, f.st_name(n)), P("Score", score_line(f, n))]
                b += [H(3, "What people expect"), bullets(c["expect"])]
                b += [H(3, "The local authority commitment"), P("Body", c["commitment"])]
                b.append(H(3, "Key findings for this quality statement"))
                inner = []
                for fd in c["findings"]:
                    inner.append(H(4, fd["heading"]))
                    for bl in fd["blocks"]:
                        inner.append(P("Body", bl["text"]) if bl["type"] == "p" else bullets(bl["items"]))
                if two_col:
                    b.append(f'<text:section text:style-name="Sect2" text:name="Findings{n}">' + "".join(inner) + "</text:section>")
                else:
                    b += inner
    hdr = f.header()
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document {NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>{x(f.council)} - local authority assessment</dc:title><meta:initial-creator>Care Quality Commission</meta:initial-creator></office:meta>
<office:font-face-decls>
<style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" style:font-family-generic="swiss" style:font-pitch="variable"/>
</office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph">
<style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/>
<style:text-properties style:font-name="Liberation Sans" fo:font-size="10.5pt" fo:language="en" fo:country="GB" fo:hyphenate="true" fo:hyphenation-remain-char-count="3" fo:hyphenation-push-char-count="3"/>
</style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
<style:style style:name="Body" style:family="paragraph" style:parent-style-name="Standard">
<style:paragraph-properties fo:text-align="justify" fo:margin-top="0cm" fo:margin-bottom="0.2cm" fo:line-height="125%"/>
</style:style>
<style:style style:name="Strong" style:family="paragraph" style:parent-style-name="Body"><style:text-properties fo:font-weight="bold" fo:font-size="13pt"/></style:style>
<style:style style:name="Score" style:family="paragraph" style:parent-style-name="Body">
<style:paragraph-properties fo:border-left="2.5pt solid #3e2d70" fo:padding-left="0.25cm" fo:margin-top="0.1cm"/>
<style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Contents" style:family="paragraph" style:parent-style-name="Body"><style:paragraph-properties fo:margin-left="0.5cm"/></style:style>
<style:style style:name="TH" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-weight="bold" fo:font-size="9.5pt" fo:hyphenate="false"/></style:style>
<style:style style:name="TD" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="9.5pt"/></style:style>
<style:style style:name="TDC" style:family="paragraph" style:parent-style-name="TD"><style:paragraph-properties fo:text-align="center"/></style:style>
<style:style style:name="CoverOrg" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="13pt" fo:color="#3e2d70" fo:font-weight="bold"/></style:style>
<style:style style:name="CoverTitle" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-top="1cm"/><style:text-properties fo:font-size="28pt" fo:color="#3e2d70" fo:font-weight="bold" fo:hyphenate="false"/></style:style>
<style:style style:name="CoverSub" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-bottom="2cm"/><style:text-properties fo:font-size="16pt"/></style:style>
<style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:border-bottom="0.5pt solid #999999" fo:padding-bottom="0.1cm"/><style:text-properties fo:font-size="8pt" fo:color="#555555"/></style:style>
<style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="end"/><style:text-properties fo:font-size="8pt"/></style:style>
<style:style style:name="H1" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="1"><style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.3cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="18pt" fo:font-weight="bold" fo:color="#3e2d70" fo:hyphenate="false"/></style:style>
<style:style style:name="H2" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="2"><style:paragraph-properties fo:margin-top="0.5cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="14pt" fo:font-weight="bold" fo:color="#3e2d70" fo:hyphenate="false"/></style:style>
<style:style style:name="H3" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="3"><style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="11pt" fo:font-weight="bold" fo:hyphenate="false"/></style:style>
<style:style style:name="H4" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="4"><style:paragraph-properties fo:margin-top="0.2cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="10.5pt" fo:font-style="italic" fo:font-weight="bold" fo:hyphenate="false"/></style:style>
</office:styles>
<office:automatic-styles>
<style:style style:name="CoverFirst" style:family="paragraph" style:parent-style-name="CoverOrg" style:master-page-name="Cover"/>
<style:style style:name="BreakBefore" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:break-before="page"/></style:style>
<style:style style:name="TblKF" style:family="table"><style:table-properties style:width="17cm" table:align="margins"/></style:style>
<style:style style:name="KF1" style:family="table-column"><style:table-column-properties style:column-width="6cm"/></style:style>
<style:style style:name="KF2" style:family="table-column"><style:table-column-properties style:column-width="11cm"/></style:style>
<style:style style:name="TblS" style:family="table"><style:table-properties style:width="17cm" table:align="margins" fo:margin-top="0.2cm" fo:margin-bottom="0.3cm"/></style:style>
<style:style style:name="S1" style:family="table-column"><style:table-column-properties style:column-width="6.5cm"/></style:style>
<style:style style:name="S2" style:family="table-column"><style:table-column-properties style:column-width="8cm"/></style:style>
<style:style style:name="S3" style:family="table-column"><style:table-column-properties style:column-width="2.5cm"/></style:style>
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.12cm" fo:border="0.5pt solid #888888"/></style:style>
<style:style style:name="CellH" style:family="table-cell"><style:table-cell-properties fo:padding="0.12cm" fo:border="0.5pt solid #888888" fo:background-color="#e8e4f2"/></style:style>
<style:style style:name="CellTheme" style:family="table-cell"><style:table-cell-properties fo:padding="0.12cm" fo:border="0.5pt solid #888888" style:vertical-align="middle" fo:background-color="#f3f2f1"/></style:style>
<style:style style:name="Sect2" style:family="section"><style:section-properties text:dont-balance-text-columns="false"><style:columns fo:column-count="2" fo:column-gap="0.6cm"/></style:section-properties></style:style>
<text:list-style style:name="L1"><text:list-level-style-bullet text:level="1" text:bullet-char="•"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.6cm" fo:text-indent="-0.4cm" fo:margin-left="0.6cm"/></style:list-level-properties></text:list-level-style-bullet></text:list-style>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" fo:margin-left="2cm" fo:margin-right="2cm"/>
<style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.5cm"/></style:header-style>
<style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.5cm"/></style:footer-style></style:page-layout>
<style:page-layout style:name="pm2"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="5cm" fo:margin-bottom="2cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/></style:page-layout>
</office:automatic-styles>
<office:master-styles>
<style:master-page style:name="Standard" style:page-layout-name="pm1">
<style:header><text:p text:style-name="Header">{x(hdr)}<text:tab/>Care Quality Commission</text:p></style:header>
<style:footer><text:p text:style-name="Footer">Page <text:page-number text:select-page="current">1</text:page-number> of <text:page-count>1</text:page-count></text:p></style:footer>
</style:master-page>
<style:master-page style:name="Cover" style:page-layout-name="pm2" style:next-style-name="Standard"/>
</office:master-styles>
<office:body><office:text>
<text:p text:style-name="CoverFirst"></text:p>
{"".join(b)}
</office:text></office:body></office:document>
"""


def build_lo(f, kind, out_pdf):
    with tempfile.TemporaryDirectory(dir="/tmp/blind-council") as d:
        src = os.path.join(d, os.path.basename(out_pdf)[:-4] + ".fodt")
        open(src, "w", encoding="utf-8").write(fodt(f, kind))
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{d}/profile",
                        "--convert-to", "pdf:writer_pdf_Export", "--outdir", d, src],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
        os.replace(src[:-5] + ".pdf", out_pdf)
    return "LibreOffice 7.4 (writer_pdf_Export) from a flat ODT"


ENGINES = {"lo": build_lo, "chromium": build_chromium, "weasyprint": build_weasyprint}
