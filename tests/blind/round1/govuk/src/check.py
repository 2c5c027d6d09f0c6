"""Self-check of the generated site (run after build.py). Reads the output only to verify it."""
import json
import os
import re
import subprocess
import sys
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

SITE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
routes = json.load(open(os.path.join(SITE, "routes.json")))
errors = []


def routable(u):
    p = urlsplit(u)
    full = p.path + ("?" + p.query if p.query else "")
    return full in routes or p.path in routes


def norm(s):
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = s.replace("\u2013", "-").replace("\u2014", "-")
    return re.sub(r"\s+", " ", s).strip()


texts = {}
for url, r in routes.items():
    fp = os.path.join(SITE, r["file"])
    if not os.path.exists(fp):
        errors.append(f"missing file {fp}")
        continue
    if r["type"].startswith("text/html"):
        soup = BeautifulSoup(open(fp, encoding="utf-8").read(), "html.parser")
        for tag, attr in (("a", "href"), ("link", "href"), ("img", "src"), ("script", "src"), ("form", "action")):
            for el in soup.find_all(tag):
                v = el.get(attr)
                if not v:
                    continue
                absu = urljoin("http://127.0.0.1:8000" + url, v)
                sp = urlsplit(absu)
                if sp.netloc != "127.0.0.1:8000":
                    continue
                if not routable(absu):
                    errors.append(f"{url}: dangling {tag} {v}")
        texts[url] = norm(soup.get_text(" "))
    elif r["type"] == "application/pdf":
        out = subprocess.run(["pdftotext", fp, "-"], capture_output=True, text=True)
        if out.returncode or len(out.stdout) < 200:
            errors.append(f"pdf does not open: {fp}")
        texts[url] = norm(out.stdout)


def band(p):
    return "Outstanding" if p >= 88 else "Good" if p >= 63 else "Requires improvement" if p >= 39 else "Inadequate"


ons = {l.split(",")[0] for l in open("/work/shared/ons/councils_with_social_care.csv").read().splitlines()[1:]}
REQ = ["slug", "url", "council", "la_code", "kind", "expect", "published", "last_updated", "rating", "overall_pct",
       "scores", "statements", "people_experience", "demographics", "financial_facts", "pdf"]
nkeys = 0
for fn in sorted(os.listdir(os.path.join(SITE, "answers"))):
    k = json.load(open(os.path.join(SITE, "answers", fn)))
    nkeys += 1
    for f in REQ:
        if f not in k:
            errors.append(f"{fn}: no {f}")
    if k["la_code"] not in ons:
        errors.append(f"{fn}: la_code {k['la_code']}")
    if k["url"] not in routes:
        errors.append(f"{fn}: url not routed")
    if k["expect"] == "loads":
        sc = list(k["scores"].values())
        if len(sc) != 9:
            errors.append(f"{fn}: {len(sc)} scores")
        p = (sum(sc) * 200 + 36) // 72
        if k["kind"] == "formal" and p != k["overall_pct"]:
            errors.append(f"{fn}: pct {k['overall_pct']} != {p}")
        if k["kind"] == "pilot" and k["overall_pct"] is not None:
            errors.append(f"{fn}: pilot with pct")
        if band(p) != k["rating"]:
            errors.append(f"{fn}: rating {k['rating']} != {band(p)}")
    # every keyed text is printed on one of the family's pages
    fam = [t for u, t in texts.items() if u == k["url"] or u.startswith(k["url"] + "/") or u.startswith(k["url"] + "-")]
    blob = " || ".join(fam)
    want = []
    for s in k["statements"].values():
        want += s.get("what_people_expect", []) + [s.get("commitment", "")]
        for kf in s.get("key_findings", []):
            want += ([kf["heading"]] if kf["heading"] else []) + kf["paragraphs"]
    want += k["people_experience"]
    for i in k["demographics"] + k["financial_facts"]:
        want += [i["text"]] if "text" in i else [i["label"], i["value"]]
    for w in want:
        if norm(w) not in blob:
            errors.append(f"{fn}: text not on pages: {w[:70]}")
    if k["pdf"]:
        if k["pdf"]["url"] not in routes:
            errors.append(f"{fn}: pdf not routed")
        pt = texts.get(k["pdf"]["url"], "")
        pt2 = re.sub(r"(\w)- (\w)", r"\1\2", pt)
        c = k["pdf"]["carries"]
        miss = 0
        for s in c.get("statements", {}).values():
            for x in s["what_people_expect"] + [s["commitment"]]:
                if norm(x) not in pt and norm(x) not in pt2:
                    miss += 1
        if miss:
            print(f"note {fn}: {miss} statement texts not found verbatim in pdftotext output (line breaks/hyphens)")
print(f"{len(routes)} routes, {nkeys} keys, {len(errors)} errors")
for e in errors[:80]:
    print("ERR", e)
sys.exit(1 if errors else 0)
