import json, os, re, html, glob, subprocess
from urllib.parse import urlsplit
S="/work/main/tests/blind/round10/realsite"
R=json.load(open(f"{S}/routes.json"))
bad=0
for p,v in R.items():
    if not os.path.exists(f"{S}/{v['file']}"): print("missing",p); bad+=1
paths={p for p in R}
for p,v in R.items():
    if not v["type"].startswith("text/html"): continue
    h=open(f"{S}/{v['file']}").read()
    base=urlsplit(p).path
    for href in re.findall(r'href="([^"]+)"',h):
        href=html.unescape(href)
        if href.startswith("http") or href.startswith("#"): continue
        if href.startswith("?"): href=base+href
        u=urlsplit(href)
        full=u.path+("?"+u.query if u.query else "")
        if full not in paths and u.path not in paths: print("dangling",p,href); bad+=1
def norm(t): return re.sub(r"\s+"," ",t).strip()
for k in glob.glob(f"{S}/answers/*.json"):
    a=json.load(open(k))
    sc=a["scores"]
    if a["expect"]=="loads":
        assert len(sc)==9
        if a["kind"]=="formal":
            s=sum(sc.values()); pct=(s*100+18)//36
            assert pct==a["overall_pct"],(k,pct)
            band="Outstanding" if pct>=88 else "Good" if pct>=63 else "Requires improvement" if pct>=39 else "Inadequate"
            assert band==a["rating"],k
        else: assert a["overall_pct"] is None
    # text presence
    fam=[v["file"] for p,v in R.items() if (p==a["url"] or p.startswith(a["url"]+"-") or p.startswith(a["url"]+"/")) and v["type"].startswith("text/html")]
    txt=norm(html.unescape(re.sub(r"<[^>]+>"," "," ".join(open(f"{S}/{f}").read() for f in fam))))
    texts=list(a["people_experience"])+[d.get("text") or d["label"] for d in a["demographics"]+a["financial_facts"]]+[d["value"] for d in a["demographics"]+a["financial_facts"] if "value" in d]
    for st in a["statements"].values():
        texts+=st["what_people_expect"]+[st["commitment"]]
        for kf in st["key_findings"]: texts+=[kf["heading"]]+kf["paragraphs"]
    for t in texts:
        if norm(t) not in txt: print("not printed",k,t[:60]); bad+=1
    if a["pdf"]:
        f=R[a["pdf"]["url"]]["file"]
        pt=norm(subprocess.run(["pdftotext",f"{S}/{f}","-"],capture_output=True,text=True).stdout)
        assert a["council"] in pt
print("families",len(glob.glob(f"{S}/answers/*.json")),"bad",bad)
