"""Report PDFs: LibreOffice (flat ODT -> writer_pdf_Export), Chromium headless print-to-pdf, WeasyPrint."""
import os, re, subprocess, shutil, datetime
from pathlib import Path
from html import escape as _e
from xml.sax.saxutils import escape as xe
from prose import THEMES, THEME_OF, STATEMENTS, BAND, RATING_PHRASE
from render import MONTHS

TMP = Path("/tmp/blind-enterprise/pdfwork")

def e(s):
    return _e(str(s), quote=True)

def month_year(iso):
    d = datetime.date.fromisoformat(iso)
    return f"{MONTHS[d.month-1]} {d.year}"

def human_size(n):
    if n >= 1024 * 1024:
        return f"{n/1024/1024:.1f}MB"
    return f"{round(n/1024)}KB"

def carries(f, c):
    k = {
        "rating": f["rating"],
        "overall_pct": c["pct"],
        "scores": {str(i + 1): f["scores"][i] for i in range(9)},
        "statements": {str(n): {
            "what_people_expect": c["statements"][n]["what_people_expect"],
            "commitment": c["statements"][n]["commitment"],
            "key_findings": [{"heading": b["heading"], "paragraphs": [t for _, t in b["blocks"]]}
                             for b in c["statements"][n]["findings"]]} for n in range(1, 10)},
        "people_experience": list(c["people"]),
        "demographics": [{"label": l, "value": v} for l, v, s in c["demographics"]],
        "financial_facts": [{"label": l, "value": v} for l, v, s in c["financial"]],
    }
    return k

def pdf_url(f, engine):
    d = datetime.date.fromisoformat(f["published"])
    if f["kind"] == "pilot" and engine == "lo":
        return f"/sites/default/files/{d.year}-{d.month:02d}/{d.strftime('%Y%m%d')}_{f['slug']}_la-assessment-pilot.pdf"
    if f["style"] == "opti":
        return f"/globalassets/documents/local-authority-assessments/{f['slug'].lower()}-assessment-report.pdf"
    name = f["council"].lower().replace(" ", "-")
    return f"/-/media/documents/local-authority-assessments/{d.year}/{name}-la-assessment-report.pdf"

# ------------------------------------------------------------------ HTML-based (Chromium, WeasyPrint)
SHY_RE = re.compile(r"[A-Za-z]{9,}")

def shy(text):
    """Soft hyphens in long words (Chromium has no hyphenation dictionaries here)."""
    def one(m):
        w = m.group(0)
        cut = [i for i in range(4, len(w) - 3, 4)]
        return "".join(w[a:b] + ("\u00ad" if b < len(w) else "") for a, b in zip([0] + cut, cut + [len(w)]))
    return SHY_RE.sub(one, text)

def report_html(f, c, engine):
    pilot = f["kind"] == "pilot"
    T = e
    head_txt = f"{f['council']} – local authority assessment" if not pilot else f"{f['council']} – pilot assessment (indicative)"
    toc = [("facts", "Key facts"), ("overall", "Overall summary")] + [(f"qs{n}", f"{n}. {STATEMENTS[n]}") for n in range(1, 10)]
    if engine == "weasy":
        toc_html = "".join(f'<li><a href="#{i}">{e(t)}</a></li>' for i, t in toc)
    else:
        toc_html = "".join(f"<li>{e(t)}</li>" for i, t in toc)
    rows = []
    for t in range(1, 5):
        ns = [n for n in range(1, 10) if THEME_OF[n] == t]
        for j, n in enumerate(ns):
            th = f'<th rowspan="{len(ns)}" class="theme">{e(THEMES[t])}</th>' if j == 0 else ""
            s = f["scores"][n - 1]
            rows.append(f"<tr>{th}<td>{e(STATEMENTS[n])}</td><td class='num'>{s}</td><td>{e(BAND[s])}</td></tr>")
    facts = "".join(f"<tr><th>{e(l)}</th><td>{e(v)}</td></tr>" for l, v, s in c["demographics"])
    fin = "".join(f"<tr><th>{e(l)}</th><td>{e(v)}</td></tr>" for l, v, s in c["financial"])
    if pilot:
        overall = f'<p class="big">Indicative rating: <strong>{e(f["rating"])}</strong></p><p>{e(RATING_PHRASE[f["rating"]])}</p>'
    else:
        overall = (f'<p class="big">Overall rating: <strong>{e(f["rating"])}</strong></p>'
                   f'<p class="big">Overall score: <strong>{c["pct"]}%</strong></p>')
    stm = []
    for n in range(1, 10):
        st = c["statements"][n]
        s = f["scores"][n - 1]
        lab = "Indicative score" if pilot else "Score"
        kf = []
        for b in st["findings"]:
            if b["heading"]:
                kf.append(f"<h4>{T(b['heading'])}</h4>")
            lis = [t for k, t in b["blocks"] if k == "li"]
            kf += [f"<p>{T(t)}</p>" for k, t in b["blocks"] if k == "p"]
            if lis:
                kf.append("<ul>" + "".join(f"<li>{T(t)}</li>" for t in lis) + "</ul>")
        stm.append(f"""<section class="qs" id="qs{n}">
<p class="theme-cap">Theme {THEME_OF[n]}: {e(THEMES[THEME_OF[n]])}</p>
<h2>{n}. {e(STATEMENTS[n])}</h2>
<p class="score"><strong>{lab}: {s}</strong> – {e(BAND[s])}</p>
<h3>What people expect</h3><ul class="istmt">{''.join(f'<li>{e(x)}</li>' for x in st['what_people_expect'])}</ul>
<h3>The local authority commitment</h3><p class="we">{T(st['commitment'])}</p>
<h3>Key findings for this quality statement</h3><div class="findings">{''.join(kf)}</div></section>""")
    cols = "column-count: 2; column-gap: 7mm;" if engine == "chromium" else ""
    hyph = "hyphens: auto;" if engine == "weasy" else "hyphens: manual;"
    toc_extra = ('.toc a::after { content: leader(".") target-counter(attr(href), page); } .toc a { color: inherit; text-decoration: none; }'
                 if engine == "weasy" else "")
    cover_sub = "Pilot assessment: indicative rating and scores" if pilot else "Assessment of how the local authority meets its Care Act 2014 duties"
    return f"""<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{e(head_txt)}</title>
<style>
@page {{ size: A4; margin: 22mm 17mm 20mm 17mm;
  @top-left {{ content: "{head_txt.replace('"', '')}"; font: 8pt 'Liberation Sans', sans-serif; color: #555; }}
  @top-right {{ content: "Care Quality Commission"; font: 8pt 'Liberation Sans', sans-serif; color: #555; }}
  @bottom-center {{ content: "Page " counter(page) " of " counter(pages); font: 8pt 'Liberation Sans', sans-serif; }} }}
@page :first {{ @top-left {{ content: none; }} @top-right {{ content: none; }} @bottom-center {{ content: none; }} }}
body {{ font: 10pt/1.35 'Liberation Sans', 'DejaVu Sans', sans-serif; color: #111; text-align: justify; {hyph} }}
.cover {{ page-break-after: always; padding-top: 70mm; }}
.cover .org {{ font-size: 12pt; color: #3d2b6b; }} .cover h1 {{ font-size: 26pt; color: #3d2b6b; margin: 8mm 0 4mm; }}
.cover .sub {{ font-size: 13pt; }} .cover .date {{ margin-top: 20mm; }}
.toc-page {{ page-break-after: always; }} .toc {{ list-style: none; padding: 0; }} .toc li {{ margin: 2mm 0; }}
h2 {{ color: #3d2b6b; font-size: 15pt; margin: 0 0 3mm; }} h3 {{ font-size: 11pt; margin: 4mm 0 1.5mm; }}
h4 {{ font-size: 10pt; margin: 3mm 0 1mm; break-after: avoid; }}
.qs {{ page-break-before: always; }} .theme-cap {{ color: #666; font-size: 9pt; margin: 0; }}
.findings {{ {cols} }}
table {{ border-collapse: collapse; width: 100%; margin: 3mm 0; font-size: 9pt; text-align: left; }}
th, td {{ border: 0.5pt solid #999; padding: 1.5mm 2mm; vertical-align: top; }} th.theme {{ background: #eee8f5; width: 28%; }}
td.num {{ text-align: center; font-weight: bold; }} .big {{ font-size: 13pt; margin: 1mm 0; }}
{toc_extra}
</style></head><body>
<div class="cover"><p class="org">Care Quality Commission</p><h1>{e(f['council'])}</h1><p class="sub">Local authority assessment report</p>
<p>{e(cover_sub)}</p><p class="date">Published {e(month_year(f['published']))}</p></div>
<div class="toc-page"><h2>Contents</h2><ul class="toc">{toc_html}</ul></div>
<section id="facts"><h2>Key facts</h2><h3>Demographics</h3><table>{facts}</table><h3>Financial facts</h3><table>{fin}</table></section>
<section id="overall" style="page-break-before: always"><h2>Overall summary</h2>{overall}
<h3>Quality statement scores</h3>
<table><thead><tr><th>Theme</th><th>Quality statement</th><th>{'Indicative score' if pilot else 'Score'}</th><th>What the score means</th></tr></thead><tbody>{''.join(rows)}</tbody></table>
<h3>Summary of people’s experiences</h3>{''.join(f'<p>{T(p)}</p>' for p in c['people'])}
<h3>Summary of strengths, areas for development and next steps</h3>{''.join(f'<p>{T(p)}</p>' for p in c['strengths'])}</section>
{''.join(stm)}
</body></html>"""

def chromium_pdf(html, out):
    TMP.mkdir(parents=True, exist_ok=True)
    src = TMP / (out.stem + ".html")
    src.write_text(html, encoding="utf-8")
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={out}", f"file://{src}"], check=True, capture_output=True, timeout=180)

def weasy_pdf(html, out):
    import weasyprint
    weasyprint.HTML(string=html, base_url=str(TMP)).write_pdf(str(out))

# ------------------------------------------------------------------ LibreOffice flat ODT
NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"')

def P(style, text):
    return f'<text:p text:style-name="{style}">{xe(text)}</text:p>'

def H(level, text, style=None):
    return f'<text:h text:style-name="{style or "H" + str(level)}" text:outline-level="{level}">{xe(text)}</text:h>'

def L(items):
    return '<text:list text:style-name="LB">' + "".join(f'<text:list-item>{P("ListP", t)}</text:list-item>' for t in items) + "</text:list>"

def fodt(f, c):
    pilot = f["kind"] == "pilot"
    head_txt = f"{f['council']} assessment (pilot)" if pilot else f"{f['council']}: local authority assessment"
    b = []
    b.append(P("CoverOrg", "Care Quality Commission"))
    b.append(P("CoverTitle", f["council"]))
    b.append(P("CoverSub", "Local authority assessment" + (" – pilot (indicative)" if pilot else " report")))
    b.append(P("CoverDate", f"Published {month_year(f['published'])}"))
    b.append(H(1, "Contents"))
    b.append(L(["About " + f["council"], "Overall summary"] + [f"{STATEMENTS[n]}" for n in range(1, 10)]))
    b.append(H(1, "About " + f["council"]))
    b.append(H(2, "Demographics"))
    b.append(kv_table("Facts", [(l, v) for l, v, s in c["demographics"]]))
    b.append(H(2, "Financial facts"))
    b.append(kv_table("Fin", [(l, v) for l, v, s in c["financial"]]))
    b.append(H(1, "Overall summary"))
    if pilot:
        b.append(H(2, "Local authority indicative rating"))
        b.append(P("Big", f"{f['rating']}: {RATING_PHRASE[f['rating']]}"))
    else:
        b.append(H(2, "Local authority rating and score"))
        b.append(P("Big", f"{f['rating']} – overall score {c['pct']}%"))
    b.append(H(2, "Quality statement scores"))
    b.append(score_table(f))
    b.append(H(2, "Summary of people’s experiences"))
    b += [P("Body", p) for p in c["people"]]
    b.append(H(2, "Summary of strengths, areas for development and next steps"))
    b += [P("Body", p) for p in c["strengths"]]
    for n in range(1, 10):
        st = c["statements"][n]
        s = f["scores"][n - 1]
        b.append(P("Caption" if n not in (1, 4, 6, 8) else "CaptionBreak", f"Theme {THEME_OF[n]}: {THEMES[THEME_OF[n]]}"))
        b.append(H(1, STATEMENTS[n], "H1nb"))
        b.append(P("Score", (f"Indicative score: {s} - {BAND[s]}" if pilot else f"Score: {s} - {BAND[s]}")))
        b.append(H(2, "What people expect"))
        b.append(L(st["what_people_expect"]))
        b.append(H(2, "The local authority commitment" + (":" if pilot else "")))
        b.append(P("Body", st["commitment"]))
        b.append(H(2, "Key findings for this quality statement"))
        inner = []
        for blk in st["findings"]:
            if blk["heading"]:
                inner.append(H(3, blk["heading"]))
            lis = [t for k, t in blk["blocks"] if k == "li"]
            inner += [P("Body", t) for k, t in blk["blocks"] if k == "p"]
            if lis:
                inner.append(L(lis))
        b.append(f'<text:section text:style-name="Sect2" text:name="kf{n}">' + "".join(inner) + "</text:section>")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document {NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>{xe(head_txt)}</dc:title><meta:initial-creator>Care Quality Commission</meta:initial-creator></office:meta>
<office:font-face-decls><style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" style:font-family-generic="swiss"/>
<style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'" style:font-family-generic="roman"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/>
<style:text-properties style:font-name="Liberation Serif" fo:font-size="10.5pt" fo:language="en" fo:country="GB" fo:hyphenate="true" fo:hyphenation-remain-char-count="3" fo:hyphenation-push-char-count="3"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph"/>
<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.16cm" fo:text-align="justify"/></style:style>
<style:style style:name="ListP" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.08cm"/></style:style>
<style:style style:name="H1" style:family="paragraph" style:default-outline-level="1"><style:paragraph-properties fo:break-before="page" fo:margin-bottom="0.3cm" fo:keep-with-next="always"/><style:text-properties style:font-name="Liberation Sans" fo:font-size="17pt" fo:font-weight="bold" fo:color="#3d2b6b" fo:hyphenate="false"/></style:style>
<style:style style:name="H1nb" style:family="paragraph" style:default-outline-level="1"><style:paragraph-properties fo:margin-bottom="0.3cm" fo:keep-with-next="always"/><style:text-properties style:font-name="Liberation Sans" fo:font-size="17pt" fo:font-weight="bold" fo:color="#3d2b6b" fo:hyphenate="false"/></style:style>
<style:style style:name="H2" style:family="paragraph" style:default-outline-level="2"><style:paragraph-properties fo:margin-top="0.35cm" fo:margin-bottom="0.15cm" fo:keep-with-next="always"/><style:text-properties style:font-name="Liberation Sans" fo:font-size="12.5pt" fo:font-weight="bold" fo:hyphenate="false"/></style:style>
<style:style style:name="H3" style:family="paragraph" style:default-outline-level="3"><style:paragraph-properties fo:margin-top="0.2cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"/><style:text-properties style:font-name="Liberation Sans" fo:font-size="10.5pt" fo:font-weight="bold" fo:hyphenate="false"/></style:style>
<style:style style:name="Caption" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.5cm"/><style:text-properties style:font-name="Liberation Sans" fo:font-size="9pt" fo:color="#666666"/></style:style>
<style:style style:name="CaptionBreak" style:family="paragraph"><style:paragraph-properties fo:break-before="page"/><style:text-properties style:font-name="Liberation Sans" fo:font-size="9pt" fo:color="#666666"/></style:style>
<style:style style:name="Score" style:family="paragraph"><style:paragraph-properties fo:padding="0.15cm" fo:background-color="#eee8f5" fo:margin-bottom="0.2cm"/><style:text-properties style:font-name="Liberation Sans" fo:font-weight="bold"/></style:style>
<style:style style:name="Big" style:family="paragraph"><style:text-properties style:font-name="Liberation Sans" fo:font-size="14pt" fo:font-weight="bold"/></style:style>
<style:style style:name="CoverOrg" style:family="paragraph"><style:paragraph-properties fo:margin-top="6cm"/><style:text-properties style:font-name="Liberation Sans" fo:font-size="13pt" fo:color="#3d2b6b"/></style:style>
<style:style style:name="CoverTitle" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.6cm"/><style:text-properties style:font-name="Liberation Sans" fo:font-size="28pt" fo:font-weight="bold" fo:color="#3d2b6b" fo:hyphenate="false"/></style:style>
<style:style style:name="CoverSub" style:family="paragraph"><style:text-properties style:font-name="Liberation Sans" fo:font-size="15pt"/></style:style>
<style:style style:name="CoverDate" style:family="paragraph"><style:paragraph-properties fo:margin-top="3cm"/><style:text-properties style:font-name="Liberation Sans" fo:font-size="11pt"/></style:style>
<style:style style:name="HF" style:family="paragraph"><style:text-properties style:font-name="Liberation Sans" fo:font-size="8pt" fo:color="#555555"/></style:style>
<style:style style:name="Cell" style:family="paragraph"><style:text-properties style:font-name="Liberation Sans" fo:font-size="9pt" fo:hyphenate="false"/></style:style>
<style:style style:name="CellB" style:family="paragraph"><style:text-properties style:font-name="Liberation Sans" fo:font-size="9pt" fo:font-weight="bold" fo:hyphenate="false"/></style:style>
<text:list-style style:name="LB"><text:list-level-style-bullet text:level="1" text:bullet-char="•"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.6cm" fo:text-indent="-0.4cm" fo:margin-left="0.6cm"/></style:list-level-properties></text:list-level-style-bullet></text:list-style>
</office:styles>
<office:automatic-styles>
<style:style style:name="CoverOrgM" style:family="paragraph" style:parent-style-name="CoverOrg" style:master-page-name="Cover"/>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.1cm" fo:margin-bottom="1.1cm" fo:margin-left="2cm" fo:margin-right="2cm"/>
<style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.5cm" fo:border-bottom="0.5pt solid #999999"/></style:header-style>
<style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.5cm"/></style:footer-style></style:page-layout>
<style:style style:name="Tbl" style:family="table"><style:table-properties style:width="17cm" table:align="left" fo:margin-top="0.2cm" fo:margin-bottom="0.3cm"/></style:style>
<style:style style:name="C1" style:family="table-column"><style:table-column-properties style:column-width="4.6cm"/></style:style>
<style:style style:name="C2" style:family="table-column"><style:table-column-properties style:column-width="6cm"/></style:style>
<style:style style:name="C3" style:family="table-column"><style:table-column-properties style:column-width="1.6cm"/></style:style>
<style:style style:name="C4" style:family="table-column"><style:table-column-properties style:column-width="4.8cm"/></style:style>
<style:style style:name="K1" style:family="table-column"><style:table-column-properties style:column-width="9cm"/></style:style>
<style:style style:name="K2" style:family="table-column"><style:table-column-properties style:column-width="8cm"/></style:style>
<style:style style:name="TC" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #999999"/></style:style>
<style:style style:name="TH" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #999999" fo:background-color="#eee8f5"/></style:style>
<style:style style:name="Sect2" style:family="section"><style:section-properties text:dont-balance-text-columns="false"><style:columns fo:column-count="2" fo:column-gap="0.6cm"/></style:section-properties></style:style>
</office:automatic-styles>
<office:master-styles>
<style:master-page style:name="Standard" style:page-layout-name="pm1">
<style:header><text:p text:style-name="HF">{xe(head_txt)}</text:p></style:header>
<style:footer><text:p text:style-name="HF">Page <text:page-number text:select-page="current">1</text:page-number> of <text:page-count>1</text:page-count></text:p></style:footer>
</style:master-page>
<style:master-page style:name="Cover" style:page-layout-name="pm1" style:next-style-name="Standard"/>
</office:master-styles>
<office:body><office:text>
{b[0].replace('text:style-name="CoverOrg"', 'text:style-name="CoverOrgM"', 1)}
{''.join(b[1:])}
</office:text></office:body></office:document>
"""

def cell(text, style="TC", p="Cell", extra=""):
    return f'<table:table-cell table:style-name="{style}" office:value-type="string"{extra}>{P(p, text)}</table:table-cell>'

def kv_table(name, rows):
    r = "".join(f"<table:table-row>{cell(l, 'TH', 'CellB')}{cell(v)}</table:table-row>" for l, v in rows)
    return (f'<table:table table:name="{name}" table:style-name="Tbl"><table:table-column table:style-name="K1"/><table:table-column table:style-name="K2"/>{r}</table:table>')

def score_table(f):
    pilot = f["kind"] == "pilot"
    hdr = ("<table:table-header-rows><table:table-row>" + cell("Theme", "TH", "CellB") + cell("Quality statement", "TH", "CellB")
           + cell("Indicative score" if pilot else "Score", "TH", "CellB") + cell("What the score means", "TH", "CellB")
           + "</table:table-row></table:table-header-rows>")
    rows = []
    for t in range(1, 5):
        ns = [n for n in range(1, 10) if THEME_OF[n] == t]
        for j, n in enumerate(ns):
            s = f["scores"][n - 1]
            first = (cell(THEMES[t], "TH", "CellB", f' table:number-rows-spanned="{len(ns)}"') if j == 0
                     else "<table:covered-table-cell/>")
            rows.append(f"<table:table-row>{first}{cell(STATEMENTS[n])}{cell(str(s), 'TC', 'CellB')}{cell(BAND[s])}</table:table-row>")
    return ('<table:table table:name="Scores" table:style-name="Tbl"><table:table-column table:style-name="C1"/><table:table-column table:style-name="C2"/>'
            '<table:table-column table:style-name="C3"/><table:table-column table:style-name="C4"/>' + hdr + "".join(rows) + "</table:table>")

def lo_pdf(xml, out):
    TMP.mkdir(parents=True, exist_ok=True)
    src = TMP / (out.stem + ".fodt")
    src.write_text(xml, encoding="utf-8")
    prof = TMP / "lo-profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{prof}", "--headless", "--convert-to", "pdf:writer_pdf_Export",
                    "--outdir", str(TMP), str(src)], check=True, capture_output=True, timeout=240)
    shutil.move(str(TMP / (out.stem + ".pdf")), str(out))

# ------------------------------------------------------------------ entry point
ENGINES = {"lo": "LibreOffice 7.4 (writer_pdf_Export, from a flat ODT)",
           "chromium": "Chromium 156 headless print-to-pdf (Skia/PDF)",
           "weasy": "WeasyPrint 70.0"}

def make(f, c, site):
    eng = f["pdf"]
    url = pdf_url(f, eng)
    rel = "pdf/" + url.rsplit("/", 1)[1]
    out = site / rel
    out.parent.mkdir(parents=True, exist_ok=True)
    if eng == "lo":
        lo_pdf(fodt(f, c), out)
    elif eng == "chromium":
        chromium_pdf(report_html(f, c, "chromium"), out)
    else:
        weasy_pdf(report_html(f, c, "weasy"), out)
    size = human_size(out.stat().st_size)
    label = (f"{f['council']} assessment report" if f["kind"] == "pilot"
             else f"{f['council']} local authority assessment report")
    info = {"url": url, "file": rel, "label": label, "size": size, "engine": ENGINES[eng]}
    return info, carries(f, c)
