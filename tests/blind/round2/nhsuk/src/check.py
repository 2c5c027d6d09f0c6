"""Self-checks for the blind 'nhsuk' site (reads the output back only to verify it)."""
import json, os, re, html, subprocess, sys, glob
from fractions import Fraction
from urllib.parse import urlsplit

SITE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
routes = json.load(open(os.path.join(SITE, "routes.json")))
errors = []


def norm(t):
    t = html.unescape(t)
    t = t.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    t = t.replace("\u2013", "-").replace("\u2014", "-").replace("\u2010", "-").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", t).strip()


def page_text(raw):
    raw = re.sub(r"<(script|style|svg)[^>]*>.*?</\1>", " ", raw, flags=re.S)
    raw = re.sub(r"<[^>]+>", " ", raw)
    return norm(raw)


for url, r in routes.items():
    if not os.path.exists(os.path.join(SITE, r["file"])):
        errors.append("missing file for " + url)

texts = {}
for url, r in routes.items():
    if not r["type"].startswith("text/html"):
        continue
    raw = open(os.path.join(SITE, r["file"]), encoding="utf-8").read()
    texts[url] = page_text(raw)
    for href in re.findall(r'href="([^"]*)"', raw):
        href = html.unescape(href)
        if href.startswith("#") or href.startswith("http") or href.startswith("mailto:"):
            continue
        sp = urlsplit(href)
        full = sp.path + ("?" + sp.query if sp.query else "")
        if full not in routes and sp.path not in routes:
            errors.append("%s: broken href %s" % (url, href))
    if raw.count("<div") != raw.count("</div>"):
        errors.append("%s: unbalanced div" % url)

pdftext = {}
for url, r in routes.items():
    if r["type"] == "application/pdf":
        p = subprocess.run(["pdftotext", "-raw", os.path.join(SITE, r["file"]), "-"], capture_output=True, text=True)
        if p.returncode != 0 or len(p.stdout) < 500:
            errors.append("pdf does not open: " + url)
        # loose form for the check: no page furniture, no hyphens, no whitespace
        t = re.sub(r"Page \d+ of \d+|.*: local authority assessment\n|Care Quality Commission\n", "", p.stdout)
        pdftext[url] = re.sub(r"[\s\u2010-]", "", norm(t))


def pct(total):
    return int(Fraction(total * 100, 36) + Fraction(1, 2))


def band(p):
    return "Outstanding" if p >= 88 else "Good" if p >= 63 else "Requires improvement" if p >= 39 else "Inadequate"


FIELDS = ["slug", "url", "council", "la_code", "kind", "expect", "published", "last_updated", "rating",
          "overall_pct", "scores", "statements", "people_experience", "demographics", "financial_facts", "pdf"]
codes = {l.split(",")[0] for l in open("/work/shared/ons/councils_with_social_care.csv").read().splitlines()[1:]}


def texts_of_key(k):
    out = []
    for st in k.get("statements", {}).values():
        out += st.get("what_people_expect", [])
        if "commitment" in st:
            out.append(st["commitment"])
        for kf in st.get("key_findings", []):
            if kf["heading"]:
                out.append(kf["heading"])
            out += kf["paragraphs"]
    out += k.get("people_experience", [])
    for x in k.get("demographics", []) + k.get("financial_facts", []):
        out += [x["text"]] if "text" in x else [x["label"], x["value"]]
    return out


n = 0
for f in sorted(glob.glob(os.path.join(SITE, "answers", "*.json"))):
    k = json.load(open(f))
    n += 1
    slug = k["slug"]
    for fld in FIELDS:
        if fld not in k:
            errors.append("%s: missing field %s" % (slug, fld))
    if k["la_code"] not in codes:
        errors.append(slug + ": bad la_code")
    if k["url"] not in routes:
        errors.append(slug + ": url not routed")
    if k["expect"] == "loads":
        sc = k["scores"]
        if len(sc) != 9:
            errors.append(slug + ": not nine scores")
        total = sum(sc.values())
        if k["kind"] == "formal":
            if k["overall_pct"] != pct(total):
                errors.append(slug + ": pct mismatch")
        else:
            if k["overall_pct"] is not None:
                errors.append(slug + ": pilot with pct")
        if k["rating"] != band(pct(total)):
            errors.append(slug + ": band mismatch")
    fam_urls = [u for u in texts if u == k["url"] or u.startswith(k["url"] + "/") or u.startswith(k["url"] + "-")]
    blob = " ".join(texts[u] for u in fam_urls)
    for t in texts_of_key(k):
        if norm(t) not in blob:
            errors.append("%s: key text not on pages: %s" % (slug, t[:70]))
    if k["pdf"]:
        pt = pdftext[k["pdf"]["url"]]
        for t in texts_of_key({"statements": k["pdf"]["carries"].get("statements", {}),
                               "people_experience": k["pdf"]["carries"].get("people_experience", []),
                               "demographics": k["pdf"]["carries"].get("demographics", []),
                               "financial_facts": k["pdf"]["carries"].get("financial_facts", [])}):
            if re.sub(r"[\s-]", "", norm(t)) not in pt:
                errors.append("%s: pdf text missing: %s" % (slug, t[:70]))
        if k["pdf"]["url"] not in blob and not any(k["pdf"]["url"] in open(os.path.join(SITE, routes[u]["file"])).read() for u in fam_urls):
            errors.append(slug + ": pdf not linked")

print("families:", n, "routes:", len(routes), "errors:", len(errors))
for x in errors[:80]:
    print(" ", x)
sys.exit(1 if errors else 0)
