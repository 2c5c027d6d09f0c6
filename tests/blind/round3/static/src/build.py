"""Build the blind 'static' site: pages, PDFs, routes.json and answer keys.

Run: /tmp/blind-static/venv/bin/python src/build.py   (from the site directory)
"""
import json
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SITE = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import content  # noqa: E402
import pdfs  # noqa: E402
import render as S  # noqa: E402

PDF_URLS = {
    "stokeontrent-0625": "/sites/default/files/2025-06/20250613-stokeontrent-0625-local-authority-assessment.pdf",
    "durham-0824": "/media/documents/durham-0824-report.pdf",
    "lancashire-0825": "/assets/downloads/lancashire-0825/summary-report.pdf",
    "birmingham-cc": "/sites/default/files/2023-11/Birmingham_City_Council_assessment_report.pdf",
    "camden-0225": "/files/reports/camden-0225.pdf",
    "kensingtonchelsea-0725": "/sites/default/files/2025-07/RBKC-local-authority-assessment-report.pdf",
    "blackpool-0825": "/sites/default/files/2025-08/blackpool-0825-la-assessment.pdf",
    "sheffield-0226": "/assets/pdf/sheffield-0226.pdf",
}


def url_to_file(url, ext="html"):
    path = url.strip("/")
    if ext == "html":
        return f"pages/{path}/index.html" if path else "pages/index.html"
    return path


def size_label(n):
    if n >= 1024 * 1024:
        return f"{n / 1024 / 1024:.1f}MB"
    return f"{max(1, round(n / 1024))}KB"


def main(skip_pdf=False):
    for d in ("pages", "pdf", "answers", "assets"):
        shutil.rmtree(os.path.join(SITE, d), ignore_errors=True)
    os.makedirs(os.path.join(SITE, "answers"))
    fams = content.build_all()
    routes = {}

    # ---- PDFs
    for f in fams:
        f["pdfinfo"] = None
        kind = f["pdf"]
        if not kind:
            continue
        url = PDF_URLS[f["slug"]]
        rel = "pdf/" + os.path.basename(url)
        path = os.path.join(SITE, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        summary_only = kind == "chromium-summary"
        if kind == "weasy":
            eng = pdfs.weasy_pdf(f, path)
        elif kind.startswith("chromium"):
            eng = pdfs.chromium_pdf(f, path, summary_only)
        elif kind == "docx":
            eng = pdfs.docx_pdf(f, path)
        else:
            eng = pdfs.odt_pdf(f, path)
        sz = size_label(os.path.getsize(path))
        what = "summary report" if summary_only else "full report"
        f["pdfinfo"] = {
            "url": url, "engine": eng, "file": rel, "summary_only": summary_only,
            "link_text": (f"{f['council']} assessment: pilot report (PDF, {sz})" if f["kind"] == "pilot" else
                          f"{f['council']}: local authority assessment {what} (PDF, {sz})"),
            "inline_text": f"download this report (PDF, {sz})",
        }
        routes[url] = {"file": rel, "type": "application/pdf"}
        print("pdf", f["slug"], eng, sz)

    # ---- pages
    for f in fams:
        for url, page in S.render_family(f, fams).items():
            rel = url_to_file(url)
            write(rel, page)
            routes[url] = {"file": rel, "type": "text/html; charset=utf-8"}
    for url, page in S.listing_pages(fams).items():
        rel = url_to_file(url)
        write(rel, page)
        routes[url] = {"file": rel, "type": "text/html; charset=utf-8"}
    write("pages/index.html", S.home_page())
    routes["/"] = {"file": "pages/index.html", "type": "text/html; charset=utf-8"}
    write("assets/css/site.css", S.SITE_CSS)
    routes[S.CSS] = {"file": "assets/css/site.css", "type": "text/css"}
    write("assets/js/components.js", S.COMPONENTS_JS)
    routes["/assets/js/components.js"] = {"file": "assets/js/components.js", "type": "application/javascript"}
    write("pages/robots.txt", "User-agent: *\nDisallow: /search/\n")
    routes["/robots.txt"] = {"file": "pages/robots.txt", "type": "text/plain"}

    with open(os.path.join(SITE, "routes.json"), "w") as fh:
        json.dump(dict(sorted(routes.items())), fh, indent=1)

    # ---- answer keys (from the data, never from the HTML)
    for f in fams:
        write(f"answers/{f['slug']}.json", json.dumps(answer_key(f), indent=1, ensure_ascii=False) + "\n")
    write("src/families.json", json.dumps([{k: (str(v) if k in ("published", "updated", "start") else v)
                                            for k, v in f.items() if k in (
                                                "slug", "tmpl", "grouping", "urls", "engine", "date_fmt", "pdf",
                                                "related", "pctstyle", "typo")} for f in fams], indent=1) + "\n")
    print(len(routes), "routes,", len(fams), "families")


def write(rel, text):
    p = os.path.join(SITE, rel)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "w", encoding="utf-8") as fh:
        fh.write(text)


def answer_key(f):
    pages = S.family_pages(f)
    last = max(S.page_updated(f, k, st) for k, _, _, st in pages)
    dp, fp = S.about_modes(f)

    def facts(items, pairs):
        return [{"label": i["label"], "value": i["value"]} if pairs else {"text": i["text"]} for i in items]

    stm = {}
    for k, v in f["statements"].items():
        stm[k] = {"what_people_expect": v["what_people_expect"], "commitment": v["commitment"],
                  "key_findings": [{"heading": kf["heading"], "paragraphs": kf["paragraphs"] + kf.get("list", [])}
                                   for kf in v["key_findings"]]}
    key = {
        "slug": f["slug"],
        "url": S.base(f),
        "council": f["council"],
        "la_code": f["la_code"],
        "kind": f["kind"],
        "expect": {"not_loaded": f["not_loaded"]} if f.get("not_loaded") else "loads",
        "published": f["published"].isoformat(),
        "last_updated": last.isoformat(),
        "rating": f["rating"],
        "overall_pct": f["pct"],
        "scores": {k: v for k, v in f["scores"].items() if v is not None},
        "statements": stm,
        "people_experience": f["people_experience"],
        "demographics": facts(f["demographics"], dp),
        "financial_facts": facts(f["financial_facts"], fp),
        "pdf": None,
    }
    if f["pdfinfo"]:
        pi = f["pdfinfo"]
        key["pdf"] = {"url": pi["url"], "engine": pi["engine"], "carries": pdfs.carries(f, pi["summary_only"])}
    return key


if __name__ == "__main__":
    main()
