"""Build the realsite corpus: python3 src/build.py (needs python-docx, chromium, soffice)."""
import json
import os
import random
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SITE = os.path.dirname(HERE)
sys.path.insert(0, HERE)
TMP = "/tmp/blind-realsite/work"

from families import build  # noqa: E402
from data import summary_strengths, STATEMENTS  # noqa: E402
import render  # noqa: E402
import pdfs  # noqa: E402

PDF_URLS = {
    "birmingham-cc": ("/sites/default/files/2023-11/20231117-birmingham-city-council-la-assessment-pilot.pdf",
                      "Birmingham City Council assessment report"),
    "camden-0225": ("/sites/default/files/2025-02/20250207_camden_local_authority_assessment_report.pdf",
                    "London Borough of Camden: local authority assessment report"),
    "stokeontrent-0625": ("/sites/default/files/2025-06/Stoke-on-Trent-City-Council-LA-assessment-report-June-2025.pdf",
                          "Stoke-on-Trent City Council: full report"),
    "staffordshire-0525": ("/sites/default/files/2025-05/staffordshire-0525-report.pdf",
                           "Staffordshire County Council: local authority assessment report"),
    "leicestercity-0725": ("/sites/default/files/2025-07/20250711%20Leicester%20City%20Council%20LA%20assessment.pdf",
                           "Leicester City Council: local authority assessment (full report)"),
    "kent-0525": ("/sites/default/files/2025-05/kent-county-council-local-authority-assessment-0525.pdf",
                  "Kent County Council: local authority assessment report"),
    "kensingtonchelsea-0725": ("/sites/default/files/2025-07/RBKC_local_authority_assessment_report_0725.pdf",
                               "Royal Borough of Kensington and Chelsea: local authority assessment report"),
    "norfolk-0326": ("/sites/default/files/2026-03/norfolk-0326-local-authority-assessment.pdf",
                     "Download this report"),
}


def size_label(n):
    if n >= 1024 * 1024:
        return f"{n / 1024 / 1024:.1f} MB"
    return f"{max(1, round(n / 1024))} KB"


def page_file(path):
    rel = path.strip("/").replace("/", "__")
    if "?" in rel:
        rel = rel.replace("?", "__q_").replace("=", "-")
    return f"pages/{rel}.html"


def main():
    for d in ("pages", "pdf", "answers", "assets"):
        shutil.rmtree(os.path.join(SITE, d), ignore_errors=True)
        os.makedirs(os.path.join(SITE, d))
    os.makedirs(TMP, exist_ok=True)
    fams = build()
    ctx = {"fams": fams, "pdfs": {}, "strengths": {}}
    for f in fams:
        ctx["strengths"][f["slug"]] = summary_strengths(random.Random(f["slug"] + "s"), f["short"], f["rating"])
    routes = {}
    # PDFs first (pages quote their sizes)
    for f in fams:
        if not f.get("pdf"):
            continue
        url, text = PDF_URLS[f["slug"]]
        fname = f"pdf/{f['slug']}.pdf"
        out = os.path.join(SITE, fname)
        engine = {"chromium": pdfs.build_chromium, "weasyprint": pdfs.build_weasyprint, "docx": pdfs.build_docx}[f["pdf"]](f, out, TMP)
        ctx["pdfs"][f["slug"]] = dict(url=url, link_text=text, size_label=size_label(os.path.getsize(out)), engine=engine)
        routes[url.replace("%20", " ")] = {"file": fname, "type": "application/pdf"}
        routes[url] = {"file": fname, "type": "application/pdf"}
    # pages
    for f in fams:
        for p in render.family_pages(f):
            fn = page_file(p["path"])
            with open(os.path.join(SITE, fn), "w", encoding="utf-8") as fh:
                fh.write(render.render_page(f, p, ctx))
            routes[p["path"]] = {"file": fn, "type": "text/html; charset=UTF-8"}
    lp = render.listing_pages(fams)
    for i, html in lp.items():
        fn = f"pages/listing-page-{i}.html"
        with open(os.path.join(SITE, fn), "w", encoding="utf-8") as fh:
            fh.write(html)
        routes[f"{render.LISTING}?page={i}"] = {"file": fn, "type": "text/html; charset=UTF-8"}
        if i == 0:
            routes[render.LISTING] = {"file": fn, "type": "text/html; charset=UTF-8"}
    for path, html, fn in (("/", render.home_page(), "pages/home.html"), ("/search/", render.search_page(), "pages/search.html")):
        with open(os.path.join(SITE, fn), "w", encoding="utf-8") as fh:
            fh.write(html)
        routes[path] = {"file": fn, "type": "text/html; charset=UTF-8"}
    with open(os.path.join(SITE, "robots.txt"), "w") as fh:
        fh.write("User-agent: *\nCrawl-delay: 1\nDisallow: /search/\nDisallow: /user/\n")
    os.makedirs(os.path.join(SITE, "assets"), exist_ok=True)
    with open(os.path.join(SITE, "assets", "main.css"), "w") as fh:
        fh.write(".visually-hidden{position:absolute!important;clip:rect(1px,1px,1px,1px);overflow:hidden;height:1px;width:1px}\n"
                 "body{font-family:Arial,sans-serif;color:#1d1d1b}.report-layout{display:flex;gap:2rem}\n"
                 ".govuk-tag{display:inline-block;padding:2px 8px;font-weight:700}.score-card{border:2px solid #4b2e83;padding:1rem}\n")
    routes["/themes/custom/cqc/dist/css/main.css"] = {"file": "assets/main.css", "type": "text/css"}
    routes["/robots.txt"] = {"file": "robots.txt", "type": "text/plain; charset=UTF-8"}
    with open(os.path.join(SITE, "routes.json"), "w") as fh:
        json.dump(routes, fh, indent=1, sort_keys=True)
    # answers
    for f in fams:
        key = answer_key(f, ctx)
        with open(os.path.join(SITE, "answers", f["slug"] + ".json"), "w", encoding="utf-8") as fh:
            json.dump(key, fh, indent=2, ensure_ascii=False)
    print(len(fams), "families,", len(ctx["pdfs"]), "pdfs,", len(routes), "routes")


def stmts(f):
    return {str(n): {"what_people_expect": list(S["what_people_expect"]), "commitment": S["commitment"],
                     "key_findings": [dict(heading=k["heading"], paragraphs=list(k["paragraphs"]) + list(k["bullets"])) for k in S["key_findings"]]}
            for n, S in f["statements"].items()}


def answer_key(f, ctx):
    scores = {str(i + 1): s for i, s in enumerate(f["scores"]) if s is not None}
    pdf = None
    if f["slug"] in ctx["pdfs"]:
        P = ctx["pdfs"][f["slug"]]
        pdf = {"url": P["url"], "engine": P["engine"],
               "carries": {"rating": f["rating"], "overall_pct": f["pct"], "scores": scores,
                           "statements": stmts(f), "people_experience": list(f["people"])}}
    return {
        "slug": f["slug"],
        "url": f"{render.BASE}/{f['slug']}",
        "council": f["council"],
        "la_code": f["la"],
        "kind": f["kind"],
        "expect": f["expect"],
        "published": f["pub"].isoformat(),
        "last_updated": render.last_updated(f).isoformat(),
        "rating": f["rating"],
        "overall_pct": f["pct"],
        "scores": scores,
        "statements": stmts(f),
        "people_experience": list(f["people"]),
        "demographics": f["demo"],
        "financial_facts": f["finfacts"],
        "pdf": pdf,
    }


if __name__ == "__main__":
    main()
