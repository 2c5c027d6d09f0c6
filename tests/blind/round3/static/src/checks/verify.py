import json, os, re, subprocess, sys, glob
sys.path.insert(0, os.path.dirname(__file__))
import check
SITE = check.SITE
routes = check.routes
def norm(s): return re.sub(r"\s+", " ", s.replace("\u2019","'").replace("\u2013","-")).strip()
def squash(s): return re.sub(r"[\s\-\u2010\u00ad]", "", s.replace("\u2019","'").replace("\u2013","-").replace("\u2022",""))
def strings(k, pdf=False):
    out = []
    for n, st in k["statements"].items():
        out += st.get("what_people_expect", []); out.append(st.get("commitment",""))
        for kf in st.get("key_findings", []):
            if kf["heading"]: out.append(kf["heading"])
            out += kf["paragraphs"]
    out += k.get("people_experience", [])
    if not pdf:
        for it in k["demographics"] + k["financial_facts"]:
            out += [it["text"]] if "text" in it else [it["label"], it["value"]]
    return [s for s in out if s]
bad = 0
for af in sorted(glob.glob(f"{SITE}/answers/*.json")):
    k = json.load(open(af))
    base = k["url"]
    urls = [u for u in routes if (u == base or u.startswith(base + "/") or u.startswith(base + "-")) and routes[u]["type"].startswith("text/html")]
    txt = norm(" ".join(check.text(routes[u]["file"]) for u in urls))
    miss = [s for s in strings(k) if norm(s) not in txt]
    # published / updated dates present? rating word present?
    if k["rating"] not in txt: miss.append("RATING " + k["rating"])
    if k["overall_pct"] is not None and not re.search(rf"\b{k['overall_pct']}( ?%| per cent)", txt): miss.append("PCT")
    print(k["slug"], len(urls), "pages", "missing:", len(miss), miss[:3]); bad += len(miss)
    if k["pdf"]:
        pdf = routes[k["pdf"]["url"]]["file"]
        pt = subprocess.run(["pdftotext", f"{SITE}/{pdf}", "-"], capture_output=True, text=True).stdout
        pt2 = "\n".join(l for l in pt.splitlines() if not re.match(r"^\s*(Page \d+ of \d+|.*local authority assessment.*Care Quality Commission|.*\| Local authority assessment|Care Quality Commission|.*- local authority assessment)\s*$", l))
        pt2 = pt2.replace("\f", "")
        sq = squash(pt2)
        c = k["pdf"]["carries"]
        pm = [s for s in strings(c, pdf=True) if squash(s) not in sq]
        if c["rating"] not in pt: pm.append("RATING")
        if c["overall_pct"] is not None and f"{c['overall_pct']}%" not in pt: pm.append("PCT")
        print("   pdf", os.path.basename(pdf), "missing:", len(pm), pm[:2]); bad += len(pm)
print("TOTAL missing", bad)
