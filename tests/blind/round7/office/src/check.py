"""Self-check of the round7/office site: routes, links, keys against page text, PDFs, arithmetic."""
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


def norm(s):
    s = s.replace("\u00a0", " ")
    for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u2013", "-"),
                 ("\u2014", "-"), ("\u2010", "-"), ("\u2011", "-")):
        s = s.replace(a, b)
    s = re.sub(r"\s+", " ", s).strip()
    return re.sub(r"- ", "-", s)


def resolve(path_q):
    if path_q in routes:
        return True
    return urlsplit(path_q).path in routes


texts = {}
for path, r in routes.items():
    f = os.path.join(SITE, r["file"])
    if not os.path.exists(f):
        errors.append(f"missing file {f}")
        continue
    if r["type"].startswith("text/html"):
        soup = BeautifulSoup(open(f, encoding="utf-8").read(), "html5lib")
        base = "http://x" + path
        for a in soup.find_all("a", href=True):
            u = urljoin(base, a["href"])
            sp = urlsplit(u)
            if sp.netloc != "x":
                continue
            pq = sp.path + ("?" + sp.query if sp.query else "")
            if not resolve(pq):
                errors.append(f"{path}: broken link {a['href']}")
        texts[path] = norm(soup.get_text(" "))


def pdf_text(rel):
    out = subprocess.run(["pdftotext", os.path.join(SITE, rel), "-"], capture_output=True, text=True).stdout
    out = re.sub("\u00ad\\s*", "", out)
    return norm(out)


def check_texts(label, blob, key, fields):
    def need(t):
        nt = norm(t)
        if nt not in blob and (not label.endswith("[pdf]") or nt[:35] not in blob or nt[-35:] not in blob):
            errors.append(f"{label}: text not found: {t[:90]!r}")
    if "statements" in fields:
        for n, st in key["statements"].items():
            for w in st.get("what_people_expect", []):
                need(w)
            if "commitment" in st:
                need(st["commitment"])
            for kf in st.get("key_findings", []):
                if kf["heading"]:
                    need(kf["heading"])
                for p in kf["paragraphs"]:
                    need(p)
    for fld in ("people_experience",):
        if fld in fields:
            for p in key.get(fld) or []:
                need(p)
    for fld in ("demographics", "financial_facts"):
        if fld in fields:
            for it in key.get(fld) or []:
                if "text" in it:
                    need(it["text"])
                else:
                    need(it["label"])
                    need(it["value"])


adir = os.path.join(SITE, "answers")
n_fam = n_pilot = 0
for fn in sorted(os.listdir(adir)):
    key = json.load(open(os.path.join(adir, fn)))
    n_fam += 1
    n_pilot += key["kind"] == "pilot"
    url = key["url"]
    if url not in routes:
        errors.append(f"{fn}: url not routed")
    fam_pages = [p for p in texts if p == url or p.startswith(url + "-") or p.startswith(url + "/")]
    blob = " || ".join(texts[p] for p in fam_pages)
    check_texts(fn, blob, key, ("statements", "people_experience", "demographics", "financial_facts"))
    for p in fam_pages:
        t = texts[p]
        if "Published:" not in t or "Page last updated:" not in t or "Downloads" not in t:
            errors.append(f"{p}: header parts missing")
    sc = key["scores"]
    if key["expect"] == "loads":
        assert len(sc) == 9, fn
        tot = sum(sc.values())
        if key["kind"] == "formal":
            pct = int(tot * 100 / 36 + 0.5)
            band = ("Outstanding" if pct >= 88 else "Good" if pct >= 63 else "Requires improvement" if pct >= 39
                    else "Inadequate")
            if pct != key["overall_pct"] or band != key["rating"]:
                errors.append(f"{fn}: arithmetic {pct} {band} vs {key['overall_pct']} {key['rating']}")
        else:
            if key["overall_pct"] is not None:
                errors.append(f"{fn}: pilot with pct")
    if key["pdf"]:
        pu = key["pdf"]["url"]
        if pu not in routes:
            errors.append(f"{fn}: pdf not routed")
        else:
            pt = pdf_text(routes[pu]["file"])
            if len(pt) < 500:
                errors.append(f"{fn}: pdf text too short")
            check_texts(fn + " [pdf]", pt, key["pdf"]["carries"],
                        ("statements", "people_experience", "demographics", "financial_facts"))
    # every in-family page linked from somewhere in the family / listing
print(f"{n_fam} families, {n_pilot} pilots, {len(routes)} routes")
for e in errors:
    print("ERR", e)
print(len(errors), "errors")
sys.exit(1 if errors else 0)
