"""Report PDFs from three engines: WeasyPrint (HTML), headless Chromium (HTML), LibreOffice (ODT via odfpy)."""
import html
import os
import subprocess
import shutil
import tempfile

from content import THEMES, STATEMENTS, BAND, RATING_BAND, fmt_date

e = lambda s: html.escape(s, quote=False)


def report_html(f, opts):
    """One HTML document of the report; `opts`: engine, statements (bool), columns (bool)."""
    pilot = f["kind"] == "pilot"
    c = f["council"]
    title = f"{c} assessment" if pilot else f"{c}: local authority assessment"
    running = f"{c} \u2013 {'pilot assessment' if pilot else 'local authority assessment'}"
    weasy = opts["engine"] == "weasyprint"
    toc_after = "content: leader('.') target-counter(attr(href), page);" if weasy else ""
    cols = "columns: 2; column-gap: 8mm;" if opts.get("columns") else ""
    css = f"""
@page {{ size: A4; margin: 22mm 18mm 20mm 18mm;
  @top-left {{ content: "{running}"; font: 8pt 'DejaVu Sans', sans-serif; color: #555; }}
  @top-right {{ content: "Care Quality Commission"; font: 8pt 'DejaVu Sans', sans-serif; color: #555; }}
  @bottom-center {{ content: "Page " counter(page) " of " counter(pages); font: 8pt 'DejaVu Sans', sans-serif; }} }}
@page cover {{ @top-left {{ content: none; }} @top-right {{ content: none; }} @bottom-center {{ content: none; }} }}
body {{ font: 10pt/1.4 'DejaVu Serif', serif; }}
.cover {{ page: cover; break-after: page; padding-top: 60mm; }}
.cover .org {{ font: bold 14pt 'DejaVu Sans', sans-serif; color: #5b2d86; }}
.cover h1 {{ font: bold 26pt 'DejaVu Sans', sans-serif; margin: 12mm 0 6mm; }}
.toc {{ break-after: page; }}
.toc a {{ color: black; text-decoration: none; }}
.toc a::after {{ {toc_after} }}
h2 {{ font: bold 15pt 'DejaVu Sans', sans-serif; color: #5b2d86; break-before: page; }}
h2.nobreak {{ break-before: auto; }}
h3 {{ font: bold 12pt 'DejaVu Sans', sans-serif; }}
h4 {{ font: bold 10pt 'DejaVu Sans', sans-serif; margin-bottom: 1mm; }}
p, li {{ text-align: justify; hyphens: auto; }}
.cols {{ {cols} }}
table {{ border-collapse: collapse; width: 100%; font-size: 9pt; }}
th, td {{ border: 0.5pt solid #777; padding: 2mm; vertical-align: top; text-align: left; }}
th {{ background: #eee3f5; }}
.keyfacts {{ border: 1pt solid #5b2d86; padding: 3mm 5mm; margin: 4mm 0; }}
.keyfacts p {{ margin: 1mm 0; }}
"""
    pub = fmt_date(f["pub_d"], "dmy")
    out = [f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{e(title)}</title><style>{css}</style></head><body>']
    out.append(f'<section class="cover"><p class="org">Care Quality Commission</p><h1>{e(c)}</h1>'
               f'<p>{"Pilot local authority assessment (indicative)" if pilot else "Local authority assessment"}</p>'
               f'<p>Date of publication: {pub}</p></section>')
    secs = [("s-rating", "Overall rating and scores"), ("s-people", "Summary of people's experiences")]
    if opts.get("statements"):
        for t in range(1, 5):
            secs.append((f"s-t{t}", f"Theme {t}: {THEMES[t][0]}"))
    out.append('<section class="toc"><h3>Contents</h3><ol>' + "".join(f'<li><a href="#{i}">{e(t)}</a></li>' for i, t in secs) + "</ol></section>")
    # rating and score table (theme column spanning rows)
    out.append('<h2 id="s-rating" class="nobreak">Overall rating and scores</h2>')
    r = f["rating"]
    if pilot:
        out.append(f'<div class="keyfacts"><p><strong>Indicative rating:</strong> {e(r)}</p><p>{e(RATING_BAND[r])}</p></div>')
    else:
        out.append(f'<div class="keyfacts"><p><strong>Overall rating:</strong> {e(r)}</p><p><strong>Overall score:</strong> {f["pct"]}%</p></div>')
    lab = "Indicative score" if pilot else "Score"
    rows = []
    for t in range(1, 5):
        mem = [n for n in range(1, 10) if STATEMENTS[n][1] == t]
        for i, n in enumerate(mem):
            th = f'<th rowspan="{len(mem)}">{e(THEMES[t][0])}</th>' if i == 0 else ""
            sc = f["score_map"][n]
            rows.append(f"<tr>{th}<td>{e(STATEMENTS[n][0])}</td><td>{sc}</td><td>{e(BAND[sc])}</td></tr>")
    out.append(f'<table><thead><tr><th>Theme</th><th>Quality statement</th><th>{lab}</th><th>Meaning</th></tr></thead><tbody>{"".join(rows)}</tbody></table>')
    out.append(f'<h2 id="s-people">Summary of people\'s experiences</h2>')
    out += [f"<p>{e(x)}</p>" for x in f["people"]]
    if opts.get("statements"):
        for t in range(1, 5):
            out.append(f'<h2 id="s-t{t}">Theme {t}: {e(THEMES[t][0])}</h2><div class="cols">')
            for n in [n for n in range(1, 10) if STATEMENTS[n][1] == t]:
                s = f["st"][n]
                sc = f["score_map"][n]
                out.append(f"<h3>{e(STATEMENTS[n][0])}</h3>")
                out.append(f"<p><strong>{lab}:</strong> {sc} - {e(BAND[sc])}</p>")
                out.append("<h4>What people expect</h4><ul>" + "".join(f"<li>{e(x)}</li>" for x in s["expect"]) + "</ul>")
                out.append(f"<h4>The local authority commitment</h4><p>{e(s['commit'])}</p>")
                out.append("<h4>Key findings for this quality statement</h4>")
                for k in s["findings"]:
                    out.append(f"<h4>{e(k['heading'])}</h4>")
                    for typ, v in k["blocks"]:
                        out.append(f"<p>{e(v)}</p>" if typ == "p" else "<ul>" + "".join(f"<li>{e(x)}</li>" for x in v) + "</ul>")
            out.append("</div>")
    out.append("</body></html>")
    return "\n".join(out)


def build_weasy(f, opts, dest):
    from weasyprint import HTML
    HTML(string=report_html(f, dict(opts, engine="weasyprint"))).write_pdf(dest)
    import weasyprint
    return f"WeasyPrint {weasyprint.__version__}"


def build_chromium(f, opts, dest):
    with tempfile.TemporaryDirectory(dir="/tmp/blind-cms") as td:
        src = os.path.join(td, "report.html")
        open(src, "w").write(report_html(f, dict(opts, engine="chromium")))
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--user-data-dir={td}/prof", f"--print-to-pdf={dest}", src],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    ver = subprocess.run(["chromium", "--version"], capture_output=True, text=True).stdout.strip().split("\n")[-1]
    return f"{ver.split(' built')[0]} (headless --print-to-pdf)"


def build_libreoffice(f, opts, dest):
    from odf.opendocument import OpenDocumentText
    from odf.style import (Style, TextProperties, ParagraphProperties, TableColumnProperties, TableCellProperties,
                           PageLayout, PageLayoutProperties, MasterPage, Header, Footer, TableProperties)
    from odf.text import P, H, Span, PageNumber, PageCount, List, ListItem
    from odf.table import Table, TableColumn, TableRow, TableCell, CoveredTableCell

    pilot = f["kind"] == "pilot"
    doc = OpenDocumentText()
    pl = PageLayout(name="A4")
    pl.addElement(PageLayoutProperties(pagewidth="21cm", pageheight="29.7cm", margintop="1.5cm", marginbottom="1.5cm",
                                       marginleft="2cm", marginright="2cm", printorientation="portrait"))
    doc.automaticstyles.addElement(pl)
    base = Style(name="Body", family="paragraph")
    base.addElement(TextProperties(fontsize="10pt", fontfamily="Liberation Sans", fontname="Liberation Sans",
                                   language="en", country="GB", hyphenate="true",
                                   hyphenationremaincharcount="2", hyphenationpushcharcount="2"))
    base.addElement(ParagraphProperties(textalign="justify", marginbottom="0.18cm"))
    doc.styles.addElement(base)
    hstyles = {}
    for lvl, size in ((1, "16pt"), (2, "13pt"), (3, "11pt")):
        hs = Style(name=f"Heading {lvl}", family="paragraph", defaultoutlinelevel=str(lvl))
        hs.addElement(TextProperties(fontsize=size, fontweight="bold", color="#4b2a7a", fontfamily="Liberation Sans", fontname="Liberation Sans"))
        hs.addElement(ParagraphProperties(margintop="0.35cm", marginbottom="0.15cm", keepwithnext="always",
                                          breakbefore="page" if lvl == 1 else "auto"))
        doc.styles.addElement(hs)
        hstyles[lvl] = hs
    title = Style(name="CoverTitle", family="paragraph")
    title.addElement(TextProperties(fontsize="26pt", fontweight="bold", fontfamily="Liberation Sans", fontname="Liberation Sans"))
    title.addElement(ParagraphProperties(margintop="6cm", marginbottom="0.6cm"))
    doc.styles.addElement(title)
    small = Style(name="HF", family="paragraph")
    small.addElement(TextProperties(fontsize="8pt", color="#555555", fontfamily="Liberation Sans", fontname="Liberation Sans"))
    small.addElement(ParagraphProperties(textalign="center"))
    doc.styles.addElement(small)
    bold = Style(name="Bold", family="text")
    bold.addElement(TextProperties(fontweight="bold"))
    doc.styles.addElement(bold)
    cell = Style(name="Cell", family="table-cell")
    cell.addElement(TableCellProperties(border="0.5pt solid #777777", padding="0.1cm"))
    doc.automaticstyles.addElement(cell)
    tstyle = Style(name="ScoreTable", family="table")
    tstyle.addElement(TableProperties(width="17cm", align="margins"))
    doc.automaticstyles.addElement(tstyle)
    widths = ["4.5cm", "6.5cm", "2cm", "4cm"]
    colstyles = []
    for i, w in enumerate(widths):
        cs = Style(name=f"Col{i}", family="table-column")
        cs.addElement(TableColumnProperties(columnwidth=w))
        doc.automaticstyles.addElement(cs)
        colstyles.append(cs)
    mp = MasterPage(name="Standard", pagelayoutname=pl)
    hd = Header()
    hd.addElement(P(stylename=small, text=f"{f['council']} \u2013 {'indicative assessment (pilot)' if pilot else 'local authority assessment'}"))
    mp.addElement(hd)
    ft = Footer()
    fp = P(stylename=small, text="Page ")
    fp.addElement(PageNumber(selectpage="current"))
    fp.addText(" of ")
    fp.addElement(PageCount())
    ft.addElement(fp)
    mp.addElement(ft)
    doc.masterstyles.addElement(mp)

    body = doc.text
    para = lambda t, st=base: body.addElement(P(stylename=st, text=t))
    body.addElement(P(stylename=small, text="Care Quality Commission"))
    body.addElement(P(stylename=title, text=f["council"]))
    para("Assessment of how the local authority meets its duties under Part 1 of the Care Act 2014" + (" (pilot)" if pilot else ""))
    para(f"Date of publication: {fmt_date(f['pub_d'], 'dmy')}")
    body.addElement(H(outlinelevel=1, stylename=hstyles[1], text="Contents"))
    secs = ["Overall rating and quality statement scores", "Summary of people's experiences"]
    if opts.get("statements"):
        secs += [f"Theme {t}: {THEMES[t][0]}" for t in range(1, 5)]
    for i, s in enumerate(secs, 1):
        para(f"{i}. {s}")
    body.addElement(H(outlinelevel=1, stylename=hstyles[1], text="Overall rating and quality statement scores"))
    r = f["rating"]
    if pilot:
        p = P(stylename=base)
        p.addElement(Span(stylename=bold, text="Indicative rating: "))
        p.addText(f"{r}: {RATING_BAND[r]}")
        body.addElement(p)
    else:
        p = P(stylename=base)
        p.addElement(Span(stylename=bold, text="Overall rating: "))
        p.addText(r)
        body.addElement(p)
        p = P(stylename=base)
        p.addElement(Span(stylename=bold, text="Overall score: "))
        p.addText(f"{f['pct']}%")
        body.addElement(p)
    tbl = Table(name="Scores", stylename=tstyle)
    for cs in colstyles:
        tbl.addElement(TableColumn(stylename=cs))

    def tc(text, boldp=False, **kw):
        c_ = TableCell(stylename=cell, valuetype="string", **kw)
        pp = P(stylename=base)
        if boldp:
            pp.addElement(Span(stylename=bold, text=text))
        else:
            pp.addText(text)
        c_.addElement(pp)
        return c_
    hr = TableRow()
    for h_ in ("Theme", "Quality statement", "Indicative score" if pilot else "Score", "What the score means"):
        hr.addElement(tc(h_, True))
    tbl.addElement(hr)
    for t in range(1, 5):
        mem = [n for n in range(1, 10) if STATEMENTS[n][1] == t]
        for i, n in enumerate(mem):
            row = TableRow()
            if i == 0:
                row.addElement(tc(THEMES[t][0], True, numberrowsspanned=str(len(mem))))
            else:
                row.addElement(CoveredTableCell())
            sc = f["score_map"][n]
            row.addElement(tc(STATEMENTS[n][0]))
            row.addElement(tc(str(sc)))
            row.addElement(tc(BAND[sc]))
            tbl.addElement(row)
    body.addElement(tbl)
    body.addElement(H(outlinelevel=1, stylename=hstyles[1], text="Summary of people's experiences"))
    for x in f["people"]:
        para(x)
    if opts.get("statements"):
        for t in range(1, 5):
            body.addElement(H(outlinelevel=1, stylename=hstyles[1], text=f"Theme {t}: {THEMES[t][0]}"))
            for n in [n for n in range(1, 10) if STATEMENTS[n][1] == t]:
                s = f["st"][n]
                sc = f["score_map"][n]
                body.addElement(H(outlinelevel=2, stylename=hstyles[2], text=STATEMENTS[n][0]))
                p = P(stylename=base)
                p.addElement(Span(stylename=bold, text=("Indicative score: " if pilot else "Score: ")))
                p.addText(f"{sc} - {BAND[sc]}")
                body.addElement(p)
                body.addElement(H(outlinelevel=3, stylename=hstyles[3], text="What people expect"))
                lst = List()
                for x in s["expect"]:
                    li = ListItem()
                    li.addElement(P(stylename=base, text="\u2022 " + x))
                    lst.addElement(li)
                body.addElement(lst)
                body.addElement(H(outlinelevel=3, stylename=hstyles[3], text="The local authority commitment"))
                para(s["commit"])
                body.addElement(H(outlinelevel=3, stylename=hstyles[3], text="Key findings for this quality statement"))
                for k in s["findings"]:
                    p = P(stylename=base)
                    p.addElement(Span(stylename=bold, text=k["heading"]))
                    body.addElement(p)
                    for typ, v in k["blocks"]:
                        if typ == "p":
                            para(v)
                        else:
                            for x in v:
                                para("\u2022 " + x)
    with tempfile.TemporaryDirectory(dir="/tmp/blind-cms") as td:
        odt = os.path.join(td, "report.odt")
        doc.save(odt)
        subprocess.run(["soffice", f"-env:UserInstallation=file://{td}/lo", "--headless", "--convert-to", "pdf:writer_pdf_Export",
                        "--outdir", td, odt], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
        shutil.copy(os.path.join(td, "report.pdf"), dest)
    return "LibreOffice 7.4 (writer_pdf_Export, from ODT written with odfpy)"


ENGINES = {"weasyprint": build_weasy, "chromium": build_chromium, "libreoffice": build_libreoffice}


def human_size(n):
    if n >= 1024 * 1024:
        return f"{n / 1024 / 1024:.1f}MB"
    return f"{max(1, round(n / 1024))}KB"
