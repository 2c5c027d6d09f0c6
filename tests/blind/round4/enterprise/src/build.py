"""Builds the 'enterprise' blind site: pages/, pdf/, routes.json, answers/. Run: python build.py (PDF engines needed)."""
import json, os, sys, shutil
from pathlib import Path
from families import FAMILIES, BASE, IN_PROGRESS
from prose import THEMES, THEME_OF, STATEMENTS
import content as C
import render as R
from render import e

SITE = Path(__file__).resolve().parent.parent
ROUTES = {}

def put(url, rel, data, ctype="text/html; charset=utf-8"):
    p = SITE / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    p.write_bytes(data)
    assert url not in ROUTES, url
    ROUTES[url] = {"file": rel, "type": ctype}

def page_file(url):
    path, _, q = url.partition("?")
    rel = path.strip("/").replace("care-services/local-authority-assessment-reports", "la-reports") or "index"
    if q:
        rel += "__" + q.replace("=", "-").replace("&", "_")
    return f"pages/{rel}.html"

COMPARE = [("Halton Borough Council", [2, 3, 3, 2, 2, 3, 3, 2, 3]),
           ("St Helens Borough Council", [3, 3, 2, 2, 3, 2, 3, 3, 3]),
           ("Metropolitan Borough of Wirral", [2, 3, 2, 2, 3, 2, 2, 2, 3])]

PARTIAL_UPDATE = {"stokeontrent-0625", "durham-0824", "warrington-0525", "hampshire-0326", "camden-0225", "bolton-0426"}

def page_updated(f, kind, idx):
    if f["slug"] in PARTIAL_UPDATE:
        return f["updated"] if kind == "summary" else f["published"]
    return f["updated"]

def compose(f, c, pages, url, kind, body_html, pdfinfo, ctx, fams, updated, with_related=False):
    st = f["style"]
    hdr = R.report_header(f, updated, pdfinfo)
    label = [p[3] for p in pages if p[1] == url][0]
    crumbs = R.crumbs_for(f, None if kind == "about" else label)
    title = f"{R.header_title(f)} - {label}" if kind != "about" else R.header_title(f)
    rel = R.related(f, fams, ctx) if with_related else ""
    pn = R.prev_next(f, pages, url) if kind != "about" or st != "tabs" else ""
    if st == "opti":
        main = "\n".join([hdr, R.opti_contents(f, pages, url), body_html, pn, rel])
    elif st == "tabs":
        main = "\n".join([hdr, R.tab_nav(f, pages, url),
                          f'<div class="component container col-12 tab-panel-content" role="tabpanel"><div class="component-content"><div class="row">{body_html}</div></div></div>',
                          pn, rel])
    else:
        main = "\n".join([hdr, R.side_nav(f, pages, url),
                          f'<div class="component container col-12 col-md-8 report-body"><div class="component-content"><div class="row">{body_html}</div></div></div>',
                          pn, rel])
    return R.chrome("opti" if st == "opti" else "sxa", title, main, crumbs)

def hbase(f):
    return 1 if f["style"] == "legacy" else 2

def about_page(f, c, key):
    h = hbase(f)
    parts = [f'<h{h} class="page-heading">About {e(f["council"])}</h{h}>']
    parts.append(f'<p class="assessment-published">Assessment published: {R.tdate(f["published"], f["date_fmt"])}</p>')
    if f["kind"] == "pilot":
        parts.append(f'<p class="assessment-start">Assessment start date: {R.tdate(f["start"], f["date_fmt"])}</p>')
    dh, dkey = R.label_value_block(f["demo_mode"], c["demographics"])
    extra = C.NEW_FIN_NOTE if (f["fin"]["gen"] == "new" and f["fin_mode"] == "table") else None
    fh, fkey = R.label_value_block(f["fin_mode"], c["financial"], extra_text=extra)
    parts.append(f"<h{h+1}>Demographics</h{h+1}>{dh}")
    parts.append(f"<h{h+1}>Financial facts</h{h+1}>{fh}")
    key["demographics"] = dkey
    key["financial_facts"] = fkey
    return R.wrap_rt(f, "\n".join(parts), "about-la")

def summary_page(f, c, key, pdfinfo):
    h = hbase(f)
    apos = "’" if f["style"] == "opti" else "'"
    parts = [f'<h{h} class="page-heading">Overall summary</h{h}>']
    parts.append(R.rating_block(f, c, h + 1))
    parts.append(f"<h{h+1}>Quality statement scores</h{h+1}>")
    parts.append(R.summary_scores(f, f["scores"], h + 1))
    parts.append(f"<h{h+1}>Summary of people{apos}s experiences</h{h+1}>")
    parts += [f"<p>{e(p)}</p>" for p in c["people"]]
    parts.append(f"<h{h+1}>Summary of strengths, areas for development and next steps</h{h+1}>")
    parts += [f"<p>{e(p)}</p>" for p in c["strengths"]]
    if pdfinfo and f.get("body_pdf", True):
        parts.append(f'<p class="download-report"><a href="{e(pdfinfo["url"])}">Download this report (PDF, {e(pdfinfo["size"])})</a></p>')
    key["people_experience"] = list(c["people"])
    return R.wrap_rt(f, "\n".join(parts), "overall-summary")

def compare_aside(n):
    rows = "".join(f"<tr><td>{e(name)}</td><td>{sc[n-1]}</td></tr>" for name, sc in COMPARE)
    return (f'<aside class="compare-similar"><h5>How similar councils scored for {e(STATEMENTS[n])}</h5>'
            f'<table class="table table--compact"><thead><tr><th scope="col">Local authority</th><th scope="col">Score</th></tr></thead><tbody>{rows}</tbody></table></aside>')

def statement_page(f, c, n):
    h = hbase(f)
    cap = f'<span class="page-caption">Theme {THEME_OF[n]}: {e(THEMES[THEME_OF[n]])}</span>'
    return R.wrap_rt(f, cap + "\n" + R.statement_body(f, n, c, h), f"quality-statement qs-{n}")

def theme_page(f, c, t):
    h = hbase(f)
    parts = [f'<h{h} class="page-heading">{e(THEMES[t])}</h{h}>']
    for n in [n for n in range(1, 10) if THEME_OF[n] == t]:
        parts.append(f'<section class="qs-section" aria-labelledby="qs-{n}">')
        parts.append(R.statement_body(f, n, c, h + 1))
        if f.get("compare_aside"):
            parts.append(compare_aside(n))
        parts.append("</section>")
    return R.wrap_rt(f, "\n".join(parts), f"theme theme-{t}")

def single_page(f, c):
    h = hbase(f)
    if f.get("tabs_panels"):
        tabs = "".join(f'<li class="cqc-tabs__item{" cqc-tabs__item--selected" if n == 1 else ""}" role="presentation"><a class="cqc-tabs__tab" href="#qs-panel-{n}" role="tab">{n}. {e(STATEMENTS[n])}</a></li>' for n in range(1, 10))
        panels = []
        for n in range(1, 10):
            hid = "" if n == 1 else " hidden"
            panels.append(f'<section class="cqc-tabs__panel" id="qs-panel-{n}" role="tabpanel"{hid}>\n<p class="cqc-caption">{e(THEMES[THEME_OF[n]])}</p>\n{R.statement_body(f, n, c, h + 1)}\n</section>')
        body = (f'<h{h} class="page-heading">Quality statements</h{h}>\n<div class="cqc-tabs" data-module="cqc-tabs"><ul class="cqc-tabs__list" role="tablist">{tabs}</ul>\n'
                + "\n".join(panels) + "</div>")
        return R.wrap_rt(f, body, "all-statements")
    if f["slug"].startswith("camden"):
        secs = []
        for t in range(1, 5):
            secs.append(f'<h{h+1} class="cqc-theme-heading">{e(THEMES[t])}</h{h+1}><div class="cqc-accordion" data-module="cqc-accordion">')
            for n in [n for n in range(1, 10) if THEME_OF[n] == t]:
                secs.append(f"""<details class="cqc-accordion__section" id="qs-{n}"><summary class="cqc-accordion__summary"><h{h+2} class="cqc-accordion__heading">{e(STATEMENTS[n])}</h{h+2}></summary>
<div class="cqc-accordion__content">{R.statement_body(f, n, c, h + 2, with_heading=False)}</div></details>""")
            secs.append("</div>")
        return R.wrap_rt(f, f'<h{h} class="page-heading">Quality statements</h{h}>\n' + "\n".join(secs), "all-statements")
    parts = [f'<h{h} class="page-heading">Quality statements</h{h}>']
    for t in range(1, 5):
        parts.append(f'<h{h+1} class="theme-heading">Theme {t}: {e(THEMES[t])}</h{h+1}>')
        for n in [n for n in range(1, 10) if THEME_OF[n] == t]:
            parts.append(f'<section class="qs-section">{R.statement_body(f, n, c, h + 2)}</section>')
    return R.wrap_rt(f, "\n".join(parts), "all-statements")

def key_for(f, c, pdfinfo, pdf_carries):
    sc = f["scores"]
    k = {
        "slug": f["slug"],
        "url": f"{BASE}/{f['slug']}",
        "council": f["council"],
        "la_code": f["la_code"],
        "kind": f["kind"],
        "expect": f.get("expect", "loads"),
        "published": f["published"],
        "last_updated": f["updated"],
        "rating": f["rating"],
        "overall_pct": c["pct"],
        "scores": {str(i + 1): sc[i] for i in range(9)},
        "statements": {},
    }
    for n in range(1, 10):
        st = c["statements"][n]
        k["statements"][str(n)] = {
            "what_people_expect": st["what_people_expect"],
            "commitment": st["commitment"],
            "key_findings": [{"heading": b["heading"], "paragraphs": [t for _, t in b["blocks"]]} for b in st["findings"]],
        }
    return k

def main():
    import pdfs
    for d in ("pages", "pdf", "static", "answers"):
        shutil.rmtree(SITE / d, ignore_errors=True)
    fams = {f["slug"]: f for f in FAMILIES}
    ctx = {f["slug"]: C.build(f) for f in FAMILIES}
    pdfinfos = {}
    pdf_carries = {}
    only = set(sys.argv[1:])
    for f in FAMILIES:
        if f.get("pdf"):
            info, carries = pdfs.make(f, ctx[f["slug"]], SITE)
            pdfinfos[f["slug"]] = info
            pdf_carries[f["slug"]] = carries
            put(info["url"], info["file"], (SITE / info["file"]).read_bytes(), "application/pdf")
    for f in FAMILIES:
        c = ctx[f["slug"]]
        pages = R.plan(f)
        key = key_for(f, c, pdfinfos.get(f["slug"]), pdf_carries.get(f["slug"]))
        pi = pdfinfos.get(f["slug"])
        for idx, (kind, url, arg, label) in enumerate(pages):
            upd = page_updated(f, kind, idx)
            if kind == "about":
                body = about_page(f, c, key)
            elif kind == "summary":
                body = summary_page(f, c, key, pi)
            elif kind == "statement":
                body = statement_page(f, c, arg)
            elif kind == "theme":
                body = theme_page(f, c, arg)
            else:
                body = single_page(f, c)
            html = compose(f, c, pages, url, kind, body, pi, ctx, fams, upd,
                           with_related=kind in ("about", "summary") or (kind == "single" and f["style"] == "opti"))
            put(url, page_file(url), html)
        if pi:
            key["pdf"] = {"url": pi["url"], "engine": pi["engine"], "carries": pdf_carries[f["slug"]]}
        else:
            key["pdf"] = None
        order = ["slug", "url", "council", "la_code", "kind", "expect", "published", "last_updated", "rating",
                 "overall_pct", "scores", "statements", "people_experience", "demographics", "financial_facts", "pdf"]
        key = {k: key[k] for k in order}
        (SITE / "answers").mkdir(exist_ok=True)
        (SITE / "answers" / f"{f['slug']}.json").write_text(json.dumps(key, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    listing(fams, ctx)
    stubs()
    (SITE / "routes.json").write_text(json.dumps(dict(sorted(ROUTES.items())), indent=1) + "\n")
    print(len(ROUTES), "routes")

def listing(fams, ctx):
    formal = sorted([f for f in FAMILIES if f["kind"] == "formal"], key=lambda f: f["published"], reverse=True)
    pilots = [f for f in FAMILIES if f["kind"] == "pilot"]
    per = 6
    npages = (len(formal) + per - 1) // per
    for p in range(1, npages + 1):
        chunk = formal[(p - 1) * per: p * per]
        cards = []
        for f in chunk:
            r = f.get("rating_print", f["rating"])
            cards.append(f"""<li class="search-result"><div class="search-result__inner">
<h3 class="search-result__title"><a href="{BASE}/{f['slug']}">{e(f['council'])}: local authority assessment</a></h3>
<p class="search-result__meta">Published {e(R.fmt_date(f['published'], 'long'))}</p>
<p class="search-result__tags"><span class="tag tag--rating">{e(r)}</span></p></div></li>""")
        pager = []
        if p > 1:
            pager.append(f'<li class="pagination__prev"><a href="?page={p-1}" rel="prev">Previous<span class="visually-hidden"> page</span></a></li>')
        for q in range(1, npages + 1):
            if q == p:
                pager.append(f'<li class="pagination__item pagination__item--current"><a href="?page={q}" aria-current="page">{q}</a></li>')
            else:
                pager.append(f'<li class="pagination__item"><a href="?page={q}" aria-label="Page {q}">{q}</a></li>')
        if p < npages:
            pager.append(f'<li class="pagination__next"><a href="?page={p+1}" rel="next">Next<span class="visually-hidden"> page</span></a></li>')
        first, last = (p - 1) * per + 1, (p - 1) * per + len(chunk)
        prog = "".join(f"<li>{e(n)}</li>" for n in IN_PROGRESS)
        pil = "".join(f'<li><a href="{BASE}/{f["slug"]}">{e(R.header_title(f))}</a></li>' for f in pilots)
        main = f"""<div class="component title col-12"><div class="component-content"><div class="field-title"><h1>Local authority assessment reports</h1></div></div></div>
<div class="component rich-text col-12"><div class="component-content"><p>We assess how local authorities meet their duties under Part 1 of the Care Act 2014. Read the reports we have published so far.</p></div></div>
<div class="component search-results col-12 la-report-listing"><div class="component-content">
<h2>Assessment reports</h2>
<p class="search-result-count">Showing {first} to {last} of {len(formal)} reports</p>
<ul class="search-result-list">{''.join(cards)}</ul>
<nav class="pagination" aria-label="Results pages"><ul class="pagination__list">{''.join(pager)}</ul></nav>
</div></div>
<div class="component rich-text col-12 la-in-progress"><div class="component-content"><h2>Assessments in progress</h2><p>We are finalising reports for:</p><ul>{prog}</ul></div></div>
<div class="component rich-text col-12 la-pilots"><div class="component-content"><h2>Pilot assessments</h2><p>We piloted our approach in 2023. These reports give indicative ratings and scores, not formal ratings.</p><ul>{pil}</ul></div></div>"""
        crumbs = [("/", "Home"), ("/care-services", "Care services"), (None, "Local authority assessment reports")]
        html = R.chrome("sxa", "Local authority assessment reports" + (f" (page {p} of {npages})" if p > 1 else ""), main, crumbs)
        fn = f"pages/la-reports/index-page-{p}.html"
        if p == 1:
            put(BASE, fn, html)
            put(BASE + "?page=1", fn, html)
        else:
            put(f"{BASE}?page={p}", fn, html)

def stubs():
    simple = {"/": "Care Quality Commission", "/care-services": "Care services",
              "/guidance-regulation": "Guidance and regulation", "/about-us": "About us", "/contact-us": "Contact us",
              "/accessibility": "Accessibility statement", "/cookies": "Cookies", "/privacy-notice": "Privacy notice"}
    for url, t in simple.items():
        extra = f'<p><a href="{BASE}">Local authority assessment reports</a></p>' if url in ("/", "/care-services") else ""
        main = f'<div class="component title col-12"><div class="component-content"><h1>{e(t)}</h1></div></div><div class="component rich-text col-12"><div class="component-content"><p>This page is part of a test copy of the site.</p>{extra}</div></div>'
        crumbs = [("/", "Home"), (None, t)] if url != "/" else [(None, "Home")]
        put(url, "pages/" + ("index" if url == "/" else url.strip("/")) + ".html", R.chrome("sxa", t, main, crumbs))
    put("/robots.txt", "static/robots.txt", "User-agent: *\nDisallow: /search/\n", "text/plain; charset=utf-8")
    assets = {
        "/-/media/base-themes/main-theme/styles/optimized-min.css": ("static/sxa-main.css", "body{font-family:Arial,sans-serif}\n", "text/css"),
        "/-/media/themes/cqc/cqc-2026/styles/pre-optimized-min.css": ("static/sxa-cqc.css", ".visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}\n", "text/css"),
        "/-/media/project/cqc/logo/cqc-logo.svg": ("static/cqc-logo.svg", '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><text x="0" y="28">CQC</text></svg>\n', "image/svg+xml"),
        "/static/css/cqc-ds.min.css": ("static/cqc-ds.css", ".cqc-visually-hidden,.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden}\n", "text/css"),
        "/static/js/cqc-ds.min.js": ("static/cqc-ds.js", "document.documentElement.className='js';\n", "application/javascript"),
        "/static/img/cqc-logo.svg": ("static/cqc-logo-ds.svg", '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><text x="0" y="28">CQC</text></svg>\n', "image/svg+xml"),
    }
    for url, (rel, data, ct) in assets.items():
        put(url, rel, data, ct)

if __name__ == "__main__":
    main()
