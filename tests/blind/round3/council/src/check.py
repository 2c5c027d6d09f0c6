"""Self-checks for the blind 'council' site (run after build.py)."""
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
warnings = []


def lookup(u):
    s = urlsplit(u)
    key = s.path + ("?" + s.query if s.query else "")
    return routes.get(key) or routes.get(s.path)


class P(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links, self.text = [], []

    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            if k in ("href", "src") and v:
                self.links.append(v)

    def handle_data(self, d):
        self.text.append(d)


def squash(s):
    return re.sub(r"[^A-Za-z0-9]", "", norm(s))


def norm(s):
    s = s.replace("\u00ad", "").replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-").replace("\u2010", "-")
    return re.sub(r"\s+", " ", s).strip()


texts = {}
for url, r in routes.items():
    path = os.path.join(SITE, r["file"])
    if not os.path.exists(path):
        errors.append(f"missing file for {url}: {r['file']}")
        continue
    if r["type"].startswith("text/html"):
        p = P()
        p.feed(open(path, encoding="utf-8").read())
        texts[url] = norm(" ".join(p.text))
        for l in p.links:
            if l.startswith(("http://", "https://", "mailto:", "#")):
                continue
            full = urljoin("http://127.0.0.1" + url, l)
            if not lookup(full.split("#")[0]):
                errors.append(f"{url}: broken link {l}")
    elif r["type"] == "application/pdf":
        out = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True)
        if out.returncode or len(out.stdout) < 500:
            errors.append(f"pdf {url} unreadable")
        # join hyphenated line ends for the containment check
        lines = [l for l in out.stdout.splitlines()
                 if not re.match(r"^(Page \d+ of \d+|Care Quality Commission|Published \d+ \w+ \d{4}|.*: local authority assessment|.* assessment)$", l.strip())]
        texts[url] = squash("\n".join(lines))

BANDS = [(25, 38, "Inadequate"), (39, 62, "Requires improvement"), (63, 87, "Good"), (88, 100, "Outstanding")]
REQ = ["slug", "url", "council", "la_code", "kind", "expect", "published", "last_updated", "rating",
       "overall_pct", "scores", "statements", "people_experience", "demographics", "financial_facts", "pdf"]
codes = {l.split(",")[0] for l in open("/work/shared/ons/councils_with_social_care.csv").read().splitlines()[1:]}
n_pdf = {}
for fn in sorted(os.listdir(os.path.join(SITE, "answers"))):
    k = json.load(open(os.path.join(SITE, "answers", fn)))
    slug = k["slug"]
    for f in REQ:
        if f not in k:
            errors.append(f"{slug}: key lacks {f}")
    if k["la_code"] not in codes:
        errors.append(f"{slug}: bad la_code")
    if not lookup(k["url"]):
        errors.append(f"{slug}: url not routed")
    fam_pages = [u for u in texts if (u.startswith(k["url"]) or u.startswith(k["url"] + "-")) and not u.endswith(".pdf") and routes[u]["type"].startswith("text/html")]
    blob = " || ".join(texts[u] for u in fam_pages)
    if k["expect"] == "loads":
        s = sum(k["scores"].values())
        if len(k["scores"]) != 9:
            errors.append(f"{slug}: not nine scores")
        pct = int(s / 36 * 100 + 0.5)
        band = [b for lo, hi, b in BANDS if lo <= pct <= hi][0]
        if k["kind"] == "formal" and k["overall_pct"] != pct:
            errors.append(f"{slug}: pct {k['overall_pct']} != {pct}")
        if band != k["rating"]:
            errors.append(f"{slug}: rating {k['rating']} != band {band}")
    # every key text is printed on the family's pages
    items = []
    for n, st in k["statements"].items():
        items += st["what_people_expect"] + [st["commitment"]]
        for kf in st["key_findings"]:
            items += ([kf["heading"]] if kf["heading"] else []) + kf["paragraphs"]
    items += k["people_experience"]
    for d in k["demographics"] + k["financial_facts"]:
        items += [d["text"]] if "text" in d else [d["label"], d["value"]]
    for it in items:
        if norm(it) not in blob:
            errors.append(f"{slug}: text not on pages: {it[:60]}")
    if k["pdf"]:
        u = k["pdf"]["url"]
        pt = texts.get(u) or texts.get(urlsplit(u).path)
        c = k["pdf"]["carries"]
        n_pdf[k["pdf"]["engine"]] = n_pdf.get(k["pdf"]["engine"], 0) + 1
        its = list(c.get("people_experience", []))
        for n, st in c.get("statements", {}).items():
            its += st["what_people_expect"] + [st["commitment"]]
            for kf in st["key_findings"]:
                its += kf["paragraphs"]
        for it in its:
            if squash(it) not in pt:
                warnings.append(f"{slug}: text not found contiguously in pdftotext output (page break / column order): {it[:50]}")
print("pdf engines:", n_pdf)
print("\n".join("warning: " + w for w in warnings))
print("\n".join(errors) or "all checks passed")
sys.exit(1 if errors else 0)
