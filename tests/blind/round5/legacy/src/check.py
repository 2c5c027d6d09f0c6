"""Self-check of the site: routes exist, in-site links resolve, keys hold, key texts are on the pages."""
import glob
import html.parser
import json
import os
import re
import subprocess
import sys
from urllib.parse import urljoin, urlsplit

SITE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
routes = json.load(open(os.path.join(SITE, "routes.json")))
errors = []

for path, r in routes.items():
    if not os.path.exists(os.path.join(SITE, r["file"])):
        errors.append(f"missing file {r['file']}")


class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.text = [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("a", "link") and a.get("href"):
            self.links.append(a["href"])
        if tag in ("p", "li", "div", "td", "th", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "br", "tr", "summary", "section", "blockquote"):
            self.text.append("\n")

    def handle_endtag(self, tag):
        self.text.append("\n")

    def handle_data(self, d):
        self.text.append(d)


def norm(s):
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"').replace("\u2013", "-").replace("\u2014", "-")
    return re.sub(r"\s+", " ", s).strip()


page_text = {}
for path, r in routes.items():
    if not r["type"].startswith("text/html"):
        continue
    p = P()
    p.feed(open(os.path.join(SITE, r["file"]), encoding="utf-8").read())
    page_text[path] = norm("".join(p.text))
    base = "http://x" + path
    for href in p.links:
        u = urlsplit(urljoin(base, href))
        if u.netloc != "x":
            continue
        key = u.path + ("?" + u.query if u.query else "")
        if key not in routes and u.path not in routes:
            errors.append(f"{path}: dangling link {href}")


def band(p):
    return "Outstanding" if p >= 88 else "Good" if p >= 63 else "Requires improvement" if p >= 39 else "Inadequate"


for kf in sorted(glob.glob(os.path.join(SITE, "answers", "*.json"))):
    k = json.load(open(kf))
    slug = k["slug"]
    fam_paths = [p for p in page_text if p == k["url"] or p.startswith(k["url"] + "-") or p.startswith(k["url"] + "/")]
    txt = "\n".join(page_text[p] for p in fam_paths)
    if k["expect"] == "loads":
        sc = [k["scores"][str(n)] for n in range(1, 10)]
        if k["kind"] == "formal":
            pct = (sum(sc) * 100 + 18) // 36
            if pct != k["overall_pct"]:
                errors.append(f"{slug}: pct {k['overall_pct']} != {pct}")
            if band(pct) != k["rating"]:
                errors.append(f"{slug}: band")
        else:
            if k["overall_pct"] is not None or band((sum(sc) * 100 + 18) // 36) != k["rating"]:
                errors.append(f"{slug}: pilot band/pct")
    texts = []
    for n, st in k["statements"].items():
        texts += st.get("what_people_expect", []) + [st.get("commitment", "")]
        for f in st.get("key_findings", []):
            texts += ([f["heading"]] if f["heading"] else []) + f["paragraphs"]
    texts += k["people_experience"]
    for it in k["demographics"] + k["financial_facts"]:
        texts += [it["text"]] if "text" in it else [it["label"], it["value"]]
    texts += [k["council"]]
    for t in texts:
        if t and norm(t) not in txt:
            errors.append(f"{slug}: text not on pages: {t[:70]}")
    if k["pdf"]:
        r = routes.get(k["pdf"]["url"])
        if not r:
            errors.append(f"{slug}: pdf not routed")
            continue
        out = subprocess.run(["pdftotext", os.path.join(SITE, r["file"]), "-"], capture_output=True, text=True).stdout
        flat = norm(re.sub(r"-\n", "", out))
        flat2 = norm(out)
        c = k["pdf"]["carries"]
        ptexts = list(c.get("people_experience", []))
        for n, st in c.get("statements", {}).items():
            ptexts += st["what_people_expect"] + [st["commitment"]]
            for f in st["key_findings"]:
                ptexts += ([f["heading"]] if f["heading"] else []) + f["paragraphs"]
        miss = [t for t in ptexts if norm(t) not in flat and norm(t) not in flat2]
        if miss:
            print(f"  note {slug}: {len(miss)}/{len(ptexts)} pdf texts not verbatim after naive dehyphenation (hyphenation/column flow)")
        if c["overall_pct"] is not None and f"{c['overall_pct']}%" not in flat2:
            errors.append(f"{slug}: pdf pct missing")
        if c["rating"] not in flat2:
            errors.append(f"{slug}: pdf rating missing")
        if k["pdf"]["url"] not in "".join(open(os.path.join(SITE, routes[p]["file"])).read() for p in fam_paths):
            errors.append(f"{slug}: pdf not linked")

print("\n".join(errors) or "OK")
sys.exit(1 if errors else 0)
