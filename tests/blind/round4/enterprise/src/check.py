"""Self-checks: routes exist, in-site links resolve, PDFs open, keys follow the schema and CQC arithmetic,
and every key text occurs in the family's pages (normalised). Needs bs4 + html5lib."""
import json, re, subprocess, sys, unicodedata
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from bs4 import BeautifulSoup

SITE = Path(__file__).resolve().parent.parent
routes = json.loads((SITE / "routes.json").read_text())
bad = 0
def fail(msg):
    global bad; bad += 1; print("FAIL", msg)

for u, r in routes.items():
    if not (SITE / r["file"]).exists():
        fail(f"missing file {r['file']}")

def resolves(url):
    s = urlsplit(url)
    pq = s.path + ("?" + s.query if s.query else "")
    return pq in routes or s.path in routes

def norm(t):
    t = t.replace("\u00ad", "")
    for a, b in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("–", "-"), ("—", "-"), ("\u2010", "-")):
        t = t.replace(a, b)
    return re.sub(r"\s+", " ", t).strip()

texts = {}
for u, r in routes.items():
    if not r["type"].startswith("text/html"):
        continue
    soup = BeautifulSoup((SITE / r["file"]).read_text(encoding="utf-8"), "html5lib")
    base = "http://127.0.0.1" + u
    for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
        for el in soup.find_all(tag):
            h = el.get(attr)
            if not h or h.startswith("#") or h.startswith("mailto:"):
                continue
            full = urljoin(base, h)
            if urlsplit(full).netloc != "127.0.0.1":
                continue
            if not resolves(full):
                fail(f"{u}: unresolved {h}")
    texts[u] = norm(soup.get_text(" "))

for u, r in routes.items():
    if r["type"] == "application/pdf":
        p = subprocess.run(["pdftotext", str(SITE / r["file"]), "-"], capture_output=True, text=True)
        if p.returncode or len(p.stdout) < 2000:
            fail(f"pdf {u} does not open / too short")

BANDS = [(88, "Outstanding"), (63, "Good"), (39, "Requires improvement"), (25, "Inadequate")]
FIELDS = ["slug", "url", "council", "la_code", "kind", "expect", "published", "last_updated", "rating", "overall_pct",
          "scores", "statements", "people_experience", "demographics", "financial_facts", "pdf"]
codes = {l.split(",")[0] for l in Path("/work/shared/ons/councils_with_social_care.csv").read_text().splitlines()[1:]}
for kf in sorted((SITE / "answers").glob("*.json")):
    k = json.loads(kf.read_text())
    if list(k) != FIELDS:
        fail(f"{kf.name}: fields {list(k)}")
    if k["la_code"] not in codes:
        fail(f"{kf.name}: la_code")
    fam = [u for u in texts if u == k["url"] or u.startswith(k["url"] + "/") or u.startswith(k["url"] + "-") or u.startswith(k["url"] + "?")]
    alltext = " ".join(texts[u] for u in fam)
    if k["expect"] == "loads":
        sc = list(k["scores"].values())
        if k["kind"] == "formal":
            pct = round(sum(sc) / 36 * 100)
            if pct != k["overall_pct"]:
                fail(f"{kf.name}: pct {pct} != {k['overall_pct']}")
            band = next(b for lo, b in BANDS if pct >= lo)
            if band != k["rating"]:
                fail(f"{kf.name}: band {band} != {k['rating']}")
        elif k["overall_pct"] is not None:
            fail(f"{kf.name}: pilot with pct")
    def need(t, where):
        if norm(t) not in alltext:
            fail(f"{kf.name}: text not on pages ({where}): {t[:70]}")
    for n, st in k["statements"].items():
        for t in st["what_people_expect"]: need(t, f"qs{n} expect")
        need(st["commitment"], f"qs{n} commit")
        for b in st["key_findings"]:
            if b["heading"]: need(b["heading"], f"qs{n} heading")
            for t in b["paragraphs"]: need(t, f"qs{n} para")
    for t in k["people_experience"]: need(t, "people")
    for d in k["demographics"] + k["financial_facts"]:
        for v in d.values(): need(v, "facts")
    if k["pdf"]:
        if k["pdf"]["url"] not in routes:
            fail(f"{kf.name}: pdf url not routed")
        ptxt = norm(subprocess.run(["pdftotext", str(SITE / routes[k["pdf"]["url"]]["file"]), "-"], capture_output=True, text=True).stdout)
        c = k["pdf"]["carries"]
        for n, st in c["statements"].items():
            for t in [st["commitment"]] + [p for b in st["key_findings"] for p in b["paragraphs"]]:
                # hyphenation and columns break runs; compare on the first 5 words
                head = " ".join(norm(t).split()[:4])
                if head not in ptxt:
                    print(f"note {kf.name}: pdf lacks start of: {head}")
    print("ok " if True else "", kf.name, k["expect"] if k["expect"] == "loads" else "not_loaded")
print("problems:", bad)
sys.exit(1 if bad else 0)
