"""Self-check of the round4/react site (the author's own checks; not the project's parser)."""
import glob
import html
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from urllib.parse import urlsplit

SITE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
routes = json.load(open(os.path.join(SITE, "routes.json")))
errors = []

for path, r in routes.items():
    if not os.path.exists(os.path.join(SITE, r["file"])):
        errors.append(f"missing file for {path}: {r['file']}")


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []
        self.ids = set()
        self.stack = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for k in ("href", "src"):
            if k in a and a[k] is not None:
                self.links.append(a[k])
        if "id" in a:
            self.ids.add(a["id"])
        if tag not in ("meta", "link", "input", "br", "img", "hr", "source", "path", "circle", "rect"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in ("meta", "link", "input", "br", "img", "hr", "source", "path", "circle", "rect"):
            return
        if not self.stack or self.stack[-1] != tag:
            errors.append(f"unbalanced </{tag}> (open: {self.stack[-3:]})")
            return
        self.stack.pop()


def text_of(doc):
    doc = re.sub(r"<script.*?</script>|<style.*?</style>", " ", doc, flags=re.S)
    doc = re.sub(r"<[^>]+>", " ", doc)
    return re.sub(r"\s+", " ", html.unescape(doc)).strip()


page_texts = {}
for path, r in routes.items():
    if not r["type"].startswith("text/html"):
        continue
    doc = open(os.path.join(SITE, r["file"]), encoding="utf-8").read()
    p = Links()
    p.feed(doc)
    if p.stack:
        errors.append(f"{path}: unclosed {p.stack}")
    for h in p.links:
        if h.startswith("http") or h.startswith("mailto:"):
            continue
        u = urlsplit(h)
        if not u.path:
            if u.fragment and u.fragment not in p.ids:
                errors.append(f"{path}: dangling fragment #{u.fragment}")
            continue
        full = u.path + ("?" + u.query if u.query else "")
        if full not in routes and u.path not in routes:
            errors.append(f"{path}: broken link {h}")
    page_texts[path] = text_of(doc)

for path, r in routes.items():
    if r["type"] == "application/pdf":
        out = subprocess.run(["pdftotext", os.path.join(SITE, r["file"]), "-"], capture_output=True, text=True)
        if out.returncode or len(out.stdout) < 1000:
            errors.append(f"pdf {path} unreadable")


def norm(s):
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = s.replace("\u2013", "-").replace("\u2014", "-")
    return re.sub(r"\s+", " ", s).strip()


def band(p):
    return "Outstanding" if p >= 88 else "Good" if p >= 63 else "Requires improvement" if p >= 39 else "Inadequate"


counts = {"families": 0, "pilots": 0, "not_loaded": 0}
for kf in sorted(glob.glob(os.path.join(SITE, "answers", "*.json"))):
    k = json.load(open(kf))
    counts["families"] += 1
    counts["pilots"] += k["kind"] == "pilot"
    need = {"slug", "url", "council", "la_code", "kind", "expect", "published", "last_updated", "rating", "overall_pct",
            "scores", "statements", "people_experience", "demographics", "financial_facts", "pdf"}
    if set(k) != need:
        errors.append(f"{kf}: keys {set(k) ^ need}")
    fam_text = norm(" ".join(t for p, t in page_texts.items() if p == k["url"] or p.startswith(k["url"] + "/")
                             or p.startswith(k["url"] + "-")))
    if k["expect"] == "loads":
        sc = [k["scores"][str(n)] for n in range(1, 10)]
        pct = int(sum(sc) * 100 / 36 + 0.5)
        if k["kind"] == "formal" and pct != k["overall_pct"]:
            errors.append(f"{k['slug']}: pct {k['overall_pct']} != {pct}")
        if band(pct) != k["rating"].capitalize() and band(pct) != k["rating"][0] + k["rating"][1:].lower():
            errors.append(f"{k['slug']}: rating {k['rating']} vs band {band(pct)}")
    else:
        counts["not_loaded"] += 1
    texts = []
    for n, st in k["statements"].items():
        texts += st.get("what_people_expect", []) + [st.get("commitment", "")]
        for f in st.get("key_findings", []):
            texts += ([f["heading"]] if f["heading"] else []) + f["paragraphs"]
    texts += k["people_experience"]
    for d in k["demographics"] + k["financial_facts"]:
        texts += [d["text"]] if "text" in d else [d["label"], d["value"]]
    for t in texts:
        if norm(t) not in fam_text:
            errors.append(f"{k['slug']}: text not on pages: {t[:70]}")
    if k["pdf"]:
        pdfrel = routes[k["pdf"]["url"]]["file"]
        counts.setdefault("pdf:" + k["pdf"]["engine"].split(" (")[0], 0)
        counts["pdf:" + k["pdf"]["engine"].split(" (")[0]] += 1

print(json.dumps(counts, indent=1))
print("\n".join(errors[:60]) or "OK")
print(len(errors), "errors")
sys.exit(1 if errors else 0)
