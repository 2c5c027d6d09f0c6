"""Self-checks for the blind site: routes, links, PDFs, keys' arithmetic and that key texts are printed."""
import html
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

SITE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
routes = json.load(open(os.path.join(SITE, "routes.json")))
errors = []


def norm(s):
    s = html.unescape(s)
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = s.replace("\u2013", "-").replace("\u2014", "-").replace("\xa0", " ")
    return re.sub(r"\s+", " ", s).strip()


class P(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.text, self.ids = [], [], set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for k in ("href", "src", "action"):
            if k in a and a[k] is not None and not (tag == "form"):
                self.links.append(a[k])
        if "id" in a:
            self.ids.add(a["id"])
        if tag in ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "td", "th", "div", "br", "summary", "span"):
            self.text.append(" ")

    def handle_data(self, d):
        self.text.append(d)


def resolve(path):
    sp = urlsplit(path)
    full = sp.path + ("?" + sp.query if sp.query else "")
    return full in routes or sp.path in routes


page_text = {}
for route, r in routes.items():
    f = os.path.join(SITE, r["file"])
    if not os.path.exists(f):
        errors.append(f"missing file for {route}: {r['file']}")
        continue
    if r["type"].startswith("text/html"):
        p = P()
        p.feed(open(f, encoding="utf-8").read())
        page_text[route] = norm("".join(p.text))
        for link in p.links:
            u = urljoin("http://127.0.0.1" + route, link)
            sp = urlsplit(u)
            if sp.netloc != "127.0.0.1":
                continue
            if sp.fragment and (sp.path + ("?" + sp.query if sp.query else "")) == route.split("#")[0] and sp.fragment not in p.ids:
                errors.append(f"{route}: missing anchor #{sp.fragment}")
            if not resolve(sp.path + ("?" + sp.query if sp.query else "")):
                errors.append(f"{route}: broken link {link}")
    elif r["type"] == "application/pdf":
        out = subprocess.run(["pdftotext", f, "-"], capture_output=True, text=True)
        if out.returncode or len(out.stdout) < 500:
            errors.append(f"PDF does not open or is empty: {route}")

BANDS = [(88, "Outstanding"), (63, "Good"), (39, "Requires improvement"), (25, "Inadequate")]
FIELDS = {"slug", "url", "council", "la_code", "kind", "expect", "published", "last_updated", "rating",
          "overall_pct", "scores", "statements", "people_experience", "demographics", "financial_facts", "pdf"}
codes = {l.split(",")[0] for l in open("/work/shared/ons/councils_with_social_care.csv").read().splitlines()[1:]}
for fn in sorted(os.listdir(os.path.join(SITE, "answers"))):
    k = json.load(open(os.path.join(SITE, "answers", fn)))
    slug = k["slug"]
    if set(k) != FIELDS:
        errors.append(f"{fn}: fields {set(k) ^ FIELDS}")
    if k["la_code"] not in codes:
        errors.append(f"{fn}: la_code")
    fam_routes = [r for r in page_text if r == k["url"] or r.startswith(k["url"] + "/") or r.startswith(k["url"] + "-")]
    text = " ".join(page_text[r] for r in fam_routes)
    if k["expect"] == "loads":
        sc = k["scores"]
        assert len(sc) == 9, fn
        if k["kind"] == "formal":
            pct = (sum(sc.values()) * 200 + 36) // 72
            if pct != k["overall_pct"]:
                errors.append(f"{fn}: pct {pct} != {k['overall_pct']}")
            want = next(r for lo, r in BANDS if pct >= lo)
            if want != k["rating"]:
                errors.append(f"{fn}: band")
        else:
            if k["overall_pct"] is not None:
                errors.append(f"{fn}: pilot pct")
    texts = [k["council"]] + k["people_experience"]
    for n, st in k["statements"].items():
        texts += st["what_people_expect"] + [st["commitment"]]
        for b in st["key_findings"]:
            texts += ([b["heading"]] if b["heading"] else []) + b["paragraphs"]
    for it in k["demographics"] + k["financial_facts"]:
        texts += [it["text"]] if "text" in it else [it["label"], it["value"]]
    for t in texts:
        if norm(t) not in text:
            errors.append(f"{fn}: text not printed: {t[:70]}")
    for lab in ("Published:", "Page last updated:", "Downloads"):
        for r in fam_routes:
            if lab not in page_text[r]:
                errors.append(f"{r}: no {lab}")
    if k["pdf"]:
        pr = routes.get(k["pdf"]["url"])
        if not pr:
            errors.append(f"{fn}: pdf route")
        else:
            pt = norm(subprocess.run(["pdftotext", os.path.join(SITE, pr["file"]), "-"], capture_output=True, text=True).stdout)
            c = k["pdf"]["carries"]
            if c["overall_pct"] is not None and f"{c['overall_pct']}%" not in pt:
                errors.append(f"{fn}: pdf pct")
            if c["rating"] not in pt:
                errors.append(f"{fn}: pdf rating")
            if k["kind"] == "pilot" and "%" in re.sub(r"\d+(\.\d+)?%", "", pt) and False:
                pass
print(len(routes), "routes,", len(page_text), "html pages")
print("\n".join(errors) if errors else "OK")
sys.exit(1 if errors else 0)
