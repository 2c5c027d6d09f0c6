"""Generate the blind 'govuk' site: pages, PDFs, routes.json and answer keys.

Run:  /tmp/blind-govuk/venv/bin/python src/build.py   (from the site directory)
Keys are written from the same model the renderers use, never from the rendered files.
"""
import json
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
SITE = os.path.dirname(HERE)
WORK = "/tmp/blind-govuk/work"
VENV_PY = "/tmp/blind-govuk/venv/bin/python"

import model  # noqa: E402
import pdfs  # noqa: E402
import render  # noqa: E402
from content import IN_PROGRESS  # noqa: E402

PER_PAGE = 5


def file_for(url):
    path, _, query = url.partition("?")
    rel = "pages" + path.rstrip("/") if path != "/" else "pages/index"
    if query:
        rel += "__" + query.replace("=", "-").replace("&", "_")
    return rel + ".html"


def human_size(n):
    if n >= 1024 * 1024:
        return f"{n / 1024 / 1024:.1f} MB"
    return f"{round(n / 1024)} KB"


def main():
    for d in ("pages", "sites", "system", "assets", "answers"):
        shutil.rmtree(os.path.join(SITE, d), ignore_errors=True)
    os.makedirs(WORK, exist_ok=True)
    fams = model.build_model()
    routes = {}

    # ---- PDFs first: their sizes and page counts go into the download links
    pdfinfo = {}
    for f in fams:
        if not f["pdf"]:
            continue
        engine, url, scope = f["pdf"]
        out = os.path.join(SITE, url.lstrip("/"))
        pdfs.build_pdf(f, out, WORK, VENV_PY)
        info = subprocess.run(["pdfinfo", out], capture_output=True, text=True, check=True).stdout
        npages = int(next(l for l in info.splitlines() if l.startswith("Pages:")).split()[1])
        pdfinfo[f["slug"]] = {"url": url, "size": human_size(os.path.getsize(out)), "pages": npages,
                              "producer": next((l.split(":", 1)[1].strip() for l in info.splitlines() if l.startswith("Producer:")), "")}
        routes[url] = {"file": url.lstrip("/"), "type": "application/pdf"}
        print("pdf", f["slug"], engine, pdfinfo[f["slug"]])

    def write(url, text, ctype="text/html; charset=utf-8"):
        rel = file_for(url)
        p = os.path.join(SITE, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "w", encoding="utf-8") as fh:
            fh.write(text)
        routes[url] = {"file": rel, "type": ctype}

    # ---- listing
    base = model.BASE
    html, npages = render.render_listing(fams, 1, PER_PAGE, IN_PROGRESS)
    write(base, html)
    for n in range(2, npages + 1):
        html, _ = render.render_listing(fams, n, PER_PAGE, IN_PROGRESS)
        write(f"{base}?page={n}", html)

    # ---- families
    for f in fams:
        for page in f["pages"]:
            write(page["url"], render.render_family_page(f, page, fams, pdfinfo))

    # ---- stubs and assets
    stubs = {
        "/": ("Care Quality Commission", "The independent regulator of health and adult social care in England."),
        "/care-services": ("Find care services", "Search for care services and read inspection and assessment reports."),
        "/about-us": ("About us", "We make sure health and social care services provide people with safe, effective, compassionate, high-quality care."),
        "/contact-us": ("Contact us", "Call our National Customer Service Centre or use our online form."),
        "/accessibility": ("Accessibility statement", "We want as many people as possible to be able to use this website."),
        "/cookies": ("Cookies", "We use cookies to make this website work and to understand how it is used."),
        "/privacy-notice": ("Privacy notice", "How we use the personal information we hold."),
        "/search": ("Search", "Enter a search term to find pages and reports."),
    }
    for url, (t, x) in stubs.items():
        write(url, render.render_stub(t, x))
    css = os.path.join(SITE, "assets/css/cqc-frontend.css")
    os.makedirs(os.path.dirname(css), exist_ok=True)
    open(css, "w").write(CSS)
    routes["/assets/css/cqc-frontend.css"] = {"file": "assets/css/cqc-frontend.css", "type": "text/css"}
    js = os.path.join(SITE, "assets/js/cqc-frontend.js")
    os.makedirs(os.path.dirname(js), exist_ok=True)
    open(js, "w").write("// placeholder for govuk-frontend initAll()\n")
    routes["/assets/js/cqc-frontend.js"] = {"file": "assets/js/cqc-frontend.js", "type": "text/javascript"}
    svg = os.path.join(SITE, "assets/images/pub-cover-doc.svg")
    os.makedirs(os.path.dirname(svg), exist_ok=True)
    open(svg, "w").write('<svg xmlns="http://www.w3.org/2000/svg" width="99" height="140" viewBox="0 0 99 140"><path d="M12 12h75v116H12z" fill="#fff" stroke="#b1b4b6" stroke-width="3"/><text x="30" y="80" font-family="sans-serif" font-size="20" fill="#505a5f">PDF</text></svg>\n')
    routes["/assets/images/pub-cover-doc.svg"] = {"file": "assets/images/pub-cover-doc.svg", "type": "image/svg+xml"}
    rb = os.path.join(SITE, "robots.txt")
    open(rb, "w").write("User-agent: *\nDisallow: /search\n")
    routes["/robots.txt"] = {"file": "robots.txt", "type": "text/plain"}

    with open(os.path.join(SITE, "routes.json"), "w") as fh:
        json.dump(dict(sorted(routes.items())), fh, indent=1)

    # ---- answer keys
    os.makedirs(os.path.join(SITE, "answers"), exist_ok=True)
    for f in fams:
        scores = {str(n): f["scores"][n - 1] for n in range(1, 10) if f["scores"][n - 1] is not None}
        key = {
            "slug": f["slug"], "url": f["pages"][0]["url"], "council": f["council"], "la_code": f["la_code"],
            "kind": f["kind"],
            "expect": {"not_loaded": f["bad"]} if "bad" in f else "loads",
            "published": f["published"], "last_updated": f["last_updated"],
            "rating": f["rating"], "overall_pct": f["pct_printed"], "scores": scores,
            "statements": model.statements_key(f), "people_experience": list(f["people"]),
            "demographics": f["demographics"], "financial_facts": f["financial"],
            "pdf": None,
        }
        if f["pdf"]:
            key["pdf"] = {"url": f["pdf"][1], "engine": pdfs.ENGINES[f["pdf"][0]],
                          "carries": pdfs.pdf_carries(f)}
        with open(os.path.join(SITE, "answers", f["slug"] + ".json"), "w") as fh:
            json.dump(key, fh, indent=1, ensure_ascii=False)
    print(len(routes), "routes;", len(fams), "families")


CSS = """/* cut-down stand-in for govuk-frontend + CQC overrides */
body{margin:0;font-family:Arial,sans-serif;color:#0b0c0c}
.govuk-width-container{max-width:960px;margin:0 auto;padding:0 15px}
.govuk-header{background:#3c2a65;color:#fff;padding:10px 0}
.govuk-header__link,.govuk-footer__link{color:#fff}
.govuk-visually-hidden,.visually-hidden{position:absolute!important;width:1px!important;height:1px!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;white-space:nowrap!important}
.govuk-grid-row{display:flex;gap:30px}.govuk-grid-column-two-thirds{flex:2}.govuk-grid-column-one-third{flex:1}
.govuk-grid-column-one-quarter{flex:1}.govuk-grid-column-three-quarters{flex:3}.govuk-grid-column-full{flex:1}
.govuk-tag{display:inline-block;padding:2px 8px;font-weight:700;background:#d2e2f1}
.govuk-tag--green{background:#cce2d8}.govuk-tag--turquoise{background:#bfe3e0}.govuk-tag--yellow{background:#fff7bf}
.govuk-tag--orange{background:#fcd6c3}.govuk-tag--red{background:#f4cdc6}
.govuk-inset-text{border-left:10px solid #b1b4b6;padding:15px}
.govuk-panel{background:#3c2a65;color:#fff;padding:25px;text-align:center}
.govuk-panel__title{font-size:2em;font-weight:700}
.govuk-summary-card{border:1px solid #b1b4b6;margin-bottom:20px}
.govuk-summary-card__title-wrapper{background:#f3f2f1;padding:10px 20px}
.govuk-summary-list__row{display:flex;border-bottom:1px solid #b1b4b6}
.govuk-summary-list__key{flex:1;font-weight:700}.govuk-summary-list__value{flex:2;margin:0}
.govuk-table{border-collapse:collapse;width:100%}.govuk-table__header,.govuk-table__cell{border-bottom:1px solid #b1b4b6;padding:10px 20px 10px 0;text-align:left}
.field--label-inline .field__label,.field--label-inline .field__item{display:inline}
.app-report-meta dt,.app-report-meta dd{display:inline;margin:0}
.govuk-pagination__list{list-style:none;display:flex;gap:10px;padding:0}
"""

if __name__ == "__main__":
    main()
