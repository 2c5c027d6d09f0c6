"""Build the blind 'council' site: python src/build.py (from the site directory, with a Python
that has weasyprint and pyphen installed; chromium and soffice on PATH)."""
import json
import os
import shutil
import sys
from urllib.parse import unquote

HERE = os.path.dirname(os.path.abspath(__file__))
SITE = os.path.dirname(HERE)
sys.path.insert(0, HERE)

from content import Family  # noqa: E402
from data import B, FAMILIES, OTHERS, IN_PROGRESS  # noqa: E402
from pdfs import ENGINES  # noqa: E402
import render  # noqa: E402

HTML = "text/html; charset=utf-8"


def fname(url):
    p = url.strip("/").replace("/", "__").replace("?", "--").replace("=", "-") or "index"
    return "pages/" + p + ".html"


def size_txt(n):
    return f"{n / 1024:.0f}KB" if n < 1024 * 1024 else f"{n / 1024 / 1024:.1f}MB"


def main():
    for d in ("pages", "pdf", "answers", "static"):
        shutil.rmtree(os.path.join(SITE, d), ignore_errors=True)
        os.makedirs(os.path.join(SITE, d))
    os.makedirs("/tmp/blind-council", exist_ok=True)
    fams = [Family(d) for d in FAMILIES]
    routes = {}

    def put(url, content, ctype=HTML, file=None):
        file = file or fname(url)
        path = os.path.join(SITE, file)
        if content is not None:
            mode = "wb" if isinstance(content, bytes) else "w"
            with open(path, mode, **({} if mode == "wb" else {"encoding": "utf-8"})) as fh:
                fh.write(content)
        routes[url] = {"file": file, "type": ctype}

    # PDFs first (their sizes appear in the pages)
    pdf_info = {}
    for f in fams:
        p = f.d.get("pdf")
        if not p:
            continue
        out = os.path.join(SITE, "pdf", f.slug + ".pdf")
        engine = ENGINES[p["engine"]](f, p["kind"], out)
        n = os.path.getsize(out)
        pdf_info[f.slug] = dict(p, engine_name=engine, size=size_txt(n))
        put(p["url"], None, "application/pdf", file=f"pdf/{f.slug}.pdf")
        if "%" in p["url"]:
            put(unquote(p["url"]), None, "application/pdf", file=f"pdf/{f.slug}.pdf")
        print("pdf", f.slug, engine, n)

    for f in fams:
        p = pdf_info.get(f.slug)
        for pid in f.pages:
            put(f.u[pid], render.family_page(f, pid, fams, OTHERS, p, p["size"] if p else ""))

    pages, total = render.listing_pages(fams, IN_PROGRESS)
    for i, html in pages.items():
        if i == 1:
            put(B, html)
        put(f"{B}?page={i}", html, file=fname(f"{B}?page={i}"))
    put("/", render.simple_page("Home", "The independent regulator of health and social care in England.",
                                [("Local authority assessment reports", B)]))
    put("/care-services", render.simple_page("Care services", "Find and compare care services, and read our assessments of local authorities.",
                                             [("Local authority assessment reports", B)]))
    put("/search", render.simple_page("Search", "Enter a search term to find services, reports and guidance."))
    put("/about-us/accessibility-statement", render.simple_page("Accessibility statement", "We want as many people as possible to be able to use this website."))
    put("/contact-us", render.simple_page("Contact us", "Call our National Customer Service Centre on 03000 616161."))
    put(render.CSS.split("?")[0], "body{font-family:Arial,sans-serif}.govuk-visually-hidden{position:absolute!important;width:1px!important;height:1px!important;overflow:hidden!important;clip:rect(0 0 0 0)!important}\n",
        "text/css; charset=utf-8", file="static/main.css")
    put("/themes/custom/cqc_frontend/dist/js/govuk-frontend.min.js", "/* placeholder */\n",
        "text/javascript; charset=utf-8", file="static/govuk-frontend.min.js")
    put("/robots.txt", "User-agent: *\nDisallow: /search\n", "text/plain; charset=utf-8", file="static/robots.txt")

    # answer keys
    layouts = {}
    for f in fams:
        key = {
            "slug": f.slug,
            "url": f.u["about"],
            "council": f.council,
            "la_code": f.d["code"],
            "kind": f.kind,
            "expect": f.expect,
            "published": f.published,
            "last_updated": f.last_updated(),
            "rating": f.rating,
            "overall_pct": f.pct,
            "scores": {str(n): v for n, v in f.scores.items() if v is not None},
            "statements": {str(n): statement_key(f, n) for n in range(1, 10)},
            "people_experience": list(f.c["people"]),
            "demographics": f.facts_key("demographics"),
            "financial_facts": f.facts_key("financial"),
            "pdf": None,
        }
        p = pdf_info.get(f.slug)
        if p:
            carries = {"rating": f.rating, "overall_pct": f.pct,
                       "scores": {str(n): v for n, v in f.scores.items()},
                       "people_experience": list(f.c["people"])}
            if p["kind"] == "full":
                carries["statements"] = {str(n): statement_key(f, n) for n in range(1, 10)}
            key["pdf"] = {"url": p["url"], "engine": p["engine_name"], "carries": carries}
            layouts[f.slug] = pdf_layout(f, p)
        with open(os.path.join(SITE, "answers", f.slug + ".json"), "w", encoding="utf-8") as fh:
            json.dump(key, fh, indent=2, ensure_ascii=False)
            fh.write("\n")

    with open(os.path.join(SITE, "routes.json"), "w", encoding="utf-8") as fh:
        json.dump(dict(sorted(routes.items())), fh, indent=1)
        fh.write("\n")
    with open("/tmp/blind-council/pdf_layouts.json", "w", encoding="utf-8") as fh:
        json.dump(layouts, fh, indent=1)
    print(len(routes), "routes,", len(fams), "families")


def statement_key(f, n):
    c = f.c["statements"][n]
    kf = []
    for fd in c["findings"]:
        paras = []
        for b in fd["blocks"]:
            paras += [b["text"]] if b["type"] == "p" else list(b["items"])
        kf.append({"heading": fd["heading"], "paragraphs": paras})
    return {"what_people_expect": list(c["expect"]), "commitment": c["commitment"], "key_findings": kf}


def pdf_layout(f, p):
    parts = ["cover page with a key-facts table", "contents list",
             "running header (council, 'Care Quality Commission') and footer 'Page N of M' from page 2",
             "score table with a Theme column spanning rows"]
    if p["kind"] == "summary":
        parts.append("summary report only: rating, scores, people's experiences, strengths; no statement texts")
    else:
        parts.append("every statement: score line, what people expect, commitment, key findings")
    if p["engine"] == "lo":
        parts.append("justified text hyphenated by LibreOffice (en-GB)")
    if p["engine"] == "weasyprint":
        parts.append("justified text hyphenated by WeasyPrint (pyphen); contents with page numbers")
    if p["engine"] == "chromium":
        parts.append("soft hyphens in long words, so some line ends are hyphenated")
    if f.slug.startswith(("camden", "WBerkshire")):
        parts.append("key findings set in two columns")
    if f.kind == "pilot":
        parts.append("pilot: indicative rating and scores, no overall percentage")
    return "; ".join(parts)


if __name__ == "__main__":
    main()
