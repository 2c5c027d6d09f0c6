"""Generate the blind 'nhsuk' site: python3 src/build.py (from the site folder, in a venv
with weasyprint, python-docx and odfpy; needs chromium and soffice on PATH)."""
import json, os, shutil, sys

HERE = os.path.dirname(os.path.abspath(__file__))
SITE = os.path.dirname(HERE)
WORK = "/tmp/blind-nhsuk/work"
sys.path.insert(0, HERE)

import render
from model import MODELS, LISTING
from pdfs import build_pdfs
from answers import key_for


def url_file(url, suffix=""):
    p = url.strip("/") or "index"
    return "pages/" + p + suffix + ".html"


def write(rel, text):
    path = os.path.join(SITE, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    for sub in ("pages", "files", "answers", "static"):
        shutil.rmtree(os.path.join(SITE, sub), ignore_errors=True)
    routes = {}
    manifest = build_pdfs(SITE, WORK)
    for slug, info in manifest.items():
        routes[info["url"]] = {"file": info["file"], "type": "application/pdf"}
    for m in MODELS:
        cls = render.STYLES[m["style"]]
        pdf = manifest.get(m["slug"])
        r = cls(m, pdf)
        for page in m["pages"]:
            rel = url_file(page["url"])
            write(rel, r.render(page))
            routes[page["url"]] = {"file": rel, "type": "text/html; charset=utf-8"}
        key = key_for(m, cls, pdf)
        write("answers/%s.json" % m["slug"], json.dumps(key, indent=2, ensure_ascii=False) + "\n")
    for q, text in render.listing_pages():
        rel = url_file(LISTING, "" if q is None else "-" + q.replace("=", "-"))
        write(rel, text)
        routes[LISTING + ("" if q is None else "?" + q)] = {"file": rel, "type": "text/html; charset=utf-8"}
        if q is None:
            routes[LISTING + "?page=0"] = {"file": rel, "type": "text/html; charset=utf-8"}
    for url, (title, body) in render.STUBS.items():
        rel = url_file(url)
        write(rel, render.nhs_chrome(title, body, [], "a"))
        routes[url] = {"file": rel, "type": "text/html; charset=utf-8"}
    css = "/* placeholder stylesheet for the blind corpus */\nbody{font-family:Frutiger,Arial,sans-serif}\n"
    for u in (render.STATIC_CSS, render.LEGACY_CSS):
        rel = "static" + u
        write(rel, css)
        routes[u] = {"file": rel, "type": "text/css"}
    write("robots.txt", "User-agent: *\nDisallow: /search/\n")
    routes["/robots.txt"] = {"file": "robots.txt", "type": "text/plain"}
    with open(os.path.join(SITE, "routes.json"), "w") as f:
        json.dump(dict(sorted(routes.items())), f, indent=1)
        f.write("\n")
    print(len(routes), "routes;", len(MODELS), "families;", len(manifest), "pdfs")


if __name__ == "__main__":
    main()
