import json, os, re, sys, html, subprocess
from urllib.parse import urljoin, urlsplit
from html.parser import HTMLParser
SITE="/work/main/tests/blind/round9/realsite"
routes=json.load(open(f"{SITE}/routes.json"))
def resolve(u):
    s=urlsplit(u); full=s.path+("?"+s.query if s.query else "")
    return full in routes or s.path in routes
class P(HTMLParser):
    def __init__(s): super().__init__(); s.hrefs=[]; s.text=[]
    def handle_starttag(s,t,a):
        for k,v in a:
            if k in("href","src") and v: s.hrefs.append(v)
    def handle_data(s,d): s.text.append(d)
bad=0; texts={}
for url,r in routes.items():
    p=f"{SITE}/{r['file']}"
    assert os.path.exists(p), p
    if r["type"].startswith("text/html"):
        pr=P(); pr.feed(open(p,encoding="utf-8").read())
        texts[url]=" ".join(" ".join(pr.text).split())
        for h in pr.hrefs:
            a=urljoin("http://x"+url,h)
            if not a.startswith("http://x/"): continue
            if not resolve(a[len("http://x"):].split("#")[0]): print("BROKEN",url,h); bad+=1
def norm(s): return " ".join(s.replace("\u2019","'").replace("\u2013","-").replace("\u2010","-").split())
BANDS=[(88,"Outstanding"),(63,"Good"),(39,"Requires improvement"),(0,"Inadequate")]
for fn in sorted(os.listdir(f"{SITE}/answers")):
    k=json.load(open(f"{SITE}/answers/{fn}"))
    fam=[t for u,t in texts.items() if u==k["url"] or u.startswith(k["url"]+"/") or u.startswith(k["url"]+"-")]
    alltext=norm(" ".join(fam))
    need=[]
    for n,s in k["statements"].items():
        need+=s["what_people_expect"]+[s["commitment"]]+[h["heading"] for h in s["key_findings"]]+[p for h in s["key_findings"] for p in h["paragraphs"]]
    need+=k["people_experience"]+[d.get("text") or d["label"] for d in k["demographics"]]+[d.get("value","") for d in k["demographics"]]
    need+=[d.get("text") or d["label"] for d in k["financial_facts"]]+[d.get("value","") for d in k["financial_facts"]]
    miss=[x for x in need if norm(x) not in alltext]
    if miss: print("MISSING",fn,len(miss),miss[:2]); bad+=1
    if k["expect"]=="loads" and k["kind"]=="formal":
        sc=k["scores"]; assert len(sc)==9
        pct=(sum(sc.values())*200+36)//72
        band=[b for lo,b in BANDS if pct>=lo][0]
        if pct!=k["overall_pct"] or band!=k["rating"]: print("ARITH",fn); bad+=1
    if k["pdf"]:
        t=norm(subprocess.run(["pdftotext",f"{SITE}/"+routes[k["pdf"]["url"]]["file"],"-"],capture_output=True,text=True).stdout)
        if k["council"] not in t: print("PDF?",fn); bad+=1
    print(fn, k["expect"] if k["expect"]=="loads" else "NOT_LOADED", k["rating"], k["overall_pct"], len(fam), "pages", "pdf" if k["pdf"] else "-")
print("bad",bad)
