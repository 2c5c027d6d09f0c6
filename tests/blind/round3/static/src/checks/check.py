"""Author's own checks: routes exist, in-site hrefs resolve, HTML well-formed-ish, text dump."""
import json, os, sys, re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit
SITE = "/work/main/tests/blind/round3/static"
routes = json.load(open(f"{SITE}/routes.json"))
BLOCK = {"p","li","h1","h2","h3","h4","h5","h6","dt","dd","tr","div","section","summary","caption","br","ul","ol","table","nav","aside","th","td"}
VOID = {"br","meta","link","input","img","hr"}
class P(HTMLParser):
    def __init__(s):
        super().__init__(); s.links=[]; s.text=[]; s.stack=[]; s.errors=[]; s.skip=0
    def handle_starttag(s, t, a):
        a=dict(a)
        if t in ("a","link","script") and (a.get("href") or a.get("src")): s.links.append(a.get("href") or a.get("src"))
        if t in ("script","style"): s.skip+=1
        if t in BLOCK: s.text.append("\n")
        if t in ("td","th","dd"): s.text.append(" | ")
        if t not in VOID: s.stack.append(t)
    def handle_endtag(s, t):
        if t in ("script","style"): s.skip-=1
        if t in BLOCK: s.text.append("\n")
        if t in VOID: return
        if not s.stack or s.stack[-1]!=t: s.errors.append(f"mismatch </{t}> open={s.stack[-3:]}")
        else: s.stack.pop()
    def handle_data(s, d):
        if not s.skip: s.text.append(d)
def parse(rel):
    p=P(); p.feed(open(f"{SITE}/{rel}",encoding="utf-8").read()); return p
def text(rel):
    t="".join(parse(rel).text); return re.sub(r"\n\s*\n+","\n",re.sub(r"[ \t]+"," ",t))
if __name__=="__main__":
    if len(sys.argv)>1:
        print(text(routes[sys.argv[1]]["file"])); sys.exit()
    bad=0
    for url,r in routes.items():
        if not os.path.exists(f"{SITE}/{r['file']}"): print("MISSING",url); bad+=1
        if r["type"].startswith("text/html"):
            p=parse(r["file"])
            if p.errors or p.stack: print("HTML", url, p.errors[:3], p.stack); bad+=1
            for h in p.links:
                if h.startswith("mailto:") or (h.startswith(("http://","https://")) and "cqc.org.uk" not in h): continue
                u=urlsplit(urljoin("http://x"+url, h))
                key=u.path+("?"+u.query if u.query else "")
                if key not in routes and u.path not in routes: print("BROKEN", url, "->", h); bad+=1
    print("routes", len(routes), "problems", bad)
