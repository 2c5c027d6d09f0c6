"""Self-checks for the site: routes, links, PDFs, keys (arithmetic, schema, texts printed)."""
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from urllib.parse import urlsplit

SITE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BASE = "/care-services/local-authority-assessment-reports"


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs, self.text = [], []

    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            if k in ("href", "src") and v:
                self.hrefs.append(v)
        if tag in ("br", "p", "li", "td", "th", "dt", "dd", "div", "h1", "h2", "h3", "h4", "h5", "h6", "summary"):
            self.text.append(" ")

    def handle_data(self, d):
        self.text.append(d)


def norm(s):
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = s.replace("\u2013", "-").replace("\u2014", "-").replace("\xa0", " ")
    return re.sub(r"\s+", " ", s).strip()


def main():
    routes = json.load(open(os.path.join(SITE, "routes.json")))
    bad = 0
    texts = {}
    for path, r in routes.items():
        fp = os.path.join(SITE, r["file"])
        if not os.path.exists(fp):
            print("MISSING", path, fp)
            bad += 1
            continue
        if r["type"].startswith("text/html"):
            p = Links()
            p.feed(open(fp).read())
            texts[path] = norm("".join(p.text))
            for h in p.hrefs:
                u = urlsplit(h)
                if u.scheme or h.startswith("#") or h.startswith("mailto:"):
                    continue
                if u.path not in routes and (u.path + ("?" + u.query if u.query else "")) not in routes:
                    print("BROKEN LINK", path, "->", h)
                    bad += 1
    # PDFs
    pdftext = {}
    for path, r in routes.items():
        if r["type"] == "application/pdf":
            out = subprocess.run(["pdftotext", os.path.join(SITE, r["file"]), "-"], capture_output=True, text=True)
            if out.returncode != 0 or len(out.stdout) < 500:
                print("PDF FAIL", path)
                bad += 1
            pdftext[path] = norm(out.stdout)
            info = subprocess.run(["pdfinfo", os.path.join(SITE, r["file"])], capture_output=True, text=True).stdout
            prod = [l for l in info.splitlines() if l.startswith(("Producer", "Creator", "Pages"))]
            print("pdf", path, "|", "; ".join(prod))
    # keys
    adir = os.path.join(SITE, "answers")
    for fn in sorted(os.listdir(adir)):
        k = json.load(open(os.path.join(adir, fn)))
        slug = k["slug"]
        fam = {p: t for p, t in texts.items() if p == k["url"] or p.startswith(k["url"] + "/") or p.startswith(k["url"] + "-")}
        alltext = " ".join(fam.values())
        req = ["slug", "url", "council", "la_code", "kind", "expect", "published", "last_updated", "rating", "overall_pct",
               "scores", "statements", "people_experience", "demographics", "financial_facts", "pdf"]
        for r_ in req:
            if r_ not in k:
                print("KEY FIELD MISSING", slug, r_)
                bad += 1
        if k["url"] not in routes:
            print("KEY URL NOT ROUTED", slug)
            bad += 1
        sc = k["scores"]
        if k["expect"] == "loads":
            assert len(sc) == 9, slug
            s = sum(sc.values())
            pct = (200 * s + 36) // 72
            band = "Outstanding" if pct >= 88 else "Good" if pct >= 63 else "Requires improvement" if pct >= 39 else "Inadequate"
            if k["kind"] == "formal" and k["overall_pct"] != pct:
                print("PCT MISMATCH", slug, pct, k["overall_pct"])
                bad += 1
            if k["kind"] == "pilot" and k["overall_pct"] is not None:
                print("PILOT WITH PCT", slug)
                bad += 1
            if band != k["rating"]:
                print("BAND MISMATCH", slug, band, k["rating"])
                bad += 1
        else:
            s = sum(sc.values())
            pct = (200 * s + 36) // 72
            print("refuse", slug, "scores", len(sc), "sum", s, "calc", pct, "printed", k["overall_pct"], k["rating"])
        # texts printed
        checks = []
        for n, st in k["statements"].items():
            checks += st.get("what_people_expect", []) + [st.get("commitment", "")]
            for kf in st.get("key_findings", []):
                checks += ([kf["heading"]] if kf["heading"] else []) + kf["paragraphs"]
        checks += k["people_experience"]
        for d in k["demographics"] + k["financial_facts"]:
            checks += [d["label"], d["value"]] if "label" in d else [d["text"]]
        checks += [k["council"]]
        miss = [c for c in checks if norm(c) not in alltext]
        if miss:
            print("TEXT NOT PRINTED", slug, len(miss), miss[:3])
            bad += 1
        if k["pdf"]:
            pt = pdftext.get(k["pdf"]["url"])
            if pt is None:
                print("PDF NOT ROUTED", slug)
                bad += 1
            else:
                ca = k["pdf"]["carries"]
                if ca.get("overall_pct") is not None and f"{ca['overall_pct']}%" not in pt:
                    print("PDF PCT MISSING", slug)
                    bad += 1
                if ca["rating"] not in pt:
                    print("PDF RATING MISSING", slug)
                    bad += 1
                # texts (allowing for hyphenation at line ends)
                dehy = re.sub(r"(\w)[-\u2010\u00ad] (\w)", r"\1\2", re.sub(r"Page \d+ of \d+ [^.]*? Care Quality Commission ", "", pt))
                cs = list(ca.get("people_experience", []))
                for st in ca.get("statements", {}).values():
                    cs += st["what_people_expect"] + [st["commitment"]]
                    for kf in st["key_findings"]:
                        cs += kf["paragraphs"]
                pm = [c for c in cs if norm(c) not in pt and re.sub(r"(\w)- (\w)", r"\1\2", norm(c)) not in dehy]
                if pm:
                    print("PDF TEXT NOT FOUND (layout)", slug, len(pm), "of", len(cs), "e.g.", pm[0][:80])
                    if "-v" in sys.argv:
                        for x in pm:
                            print("   ", x)
        print("ok" if not miss else "--", slug, k["kind"], k["expect"] if k["expect"] == "loads" else "refuse",
              k["rating"], k["overall_pct"], "pages", len(fam), "last", k["last_updated"])
    print("problems:", bad)
    return bad


if __name__ == "__main__":
    sys.exit(1 if main() else 0)
