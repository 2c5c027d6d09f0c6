"""Builds the data model of every family (texts, pages, URLs) from families.py + content.py.

Both the HTML/PDF renderers and the answer keys read this model; keys are never read back
from rendered output.
"""
import datetime as dt
import random

from content import (ALT_NAMES, COMMITMENT, EXCEPTIONAL, INTRO_BEFORE_SUBHEADINGS, KEY_FINDINGS,
                     PEOPLE, SIGNIFICANT, STATEMENTS, STRENGTHS, SURVEY_E, THEMES,
                     WHAT_PEOPLE_EXPECT)
from families import ENGLAND_65, ENGLAND_ETH, FAMILIES

BASE = "/care-services/local-authority-assessment-reports"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
PILOT_THEMES = {1: "Working with people", 2: "Providing support", 3: "Ensuring safety", 4: "Leadership"}
PILOT_THEME_SEG = {1: "1-working-with-people", 2: "2-providing-support", 3: "3-ensuring-safety",
                   4: "4-leadership"}
PILOT_QS_SEG = {1: "assessing-needs", 2: "supporting-people-lead-healthier-lives",
                3: "equity-experience-outcomes", 4: "care-provision-integration-continuity",
                5: "partnership-communities", 6: "safe-pathways-systems-transitions",
                7: "safeguarding", 8: "governance-management-sustainability",
                9: "learning-improvement-innovation"}
SIBLING_SUFFIX = {1: "theme1-needs", 2: "theme1-health", 3: "theme1-equity", 4: "theme2-care",
                  5: "theme2-partnerships", 6: "theme3-pathways", 7: "theme3-safeguarding",
                  8: "theme4-governance", 9: "theme4-learning"}
NAME_SLUG = {1: "assessing-needs", 2: "supporting-people-to-lead-healthier-lives",
             3: "equity-in-experience-and-outcomes", 4: "care-provision-integration-and-continuity",
             5: "partnership-and-communities", 6: "safe-pathways-systems-and-transitions",
             7: "safeguarding", 8: "governance-management-and-sustainability",
             9: "learning-improvement-and-innovation"}
THEME_LONG_SLUG = {1: "theme-1-how-the-local-authority-works-with-people",
                   2: "theme-2-providing-support",
                   3: "theme-3-how-the-local-authority-ensures-safety-within-the-system",
                   4: "theme-4-leadership"}
THEME_NAME_SLUG = {1: "working-with-people", 2: "providing-support", 3: "ensuring-safety",
                   4: "leadership"}


def d(s):
    return dt.date.fromisoformat(s)


def fmt_date(s, style):
    x = d(s)
    if style == "slash":
        return x.strftime("%d/%m/%Y")
    if style == "weekday":
        return f"{x.strftime('%A')} {x.day} {MONTHS[x.month - 1]} {x.year}"
    if style == "short_month":
        return f"{x.day} {MONTHS[x.month - 1][:3]} {x.year}"
    return f"{x.day} {MONTHS[x.month - 1]} {x.year}"


def band_for_pct(p):
    if p >= 88:
        return "Outstanding"
    if p >= 63:
        return "Good"
    if p >= 39:
        return "Requires improvement"
    return "Inadequate"


def pct_of(scores):
    s = sum(scores)
    return int((s * 100 * 2 + 36) // 72)  # round(s/36*100), halves up, integer arithmetic


# ---------------------------------------------------------------- prose
def _values(rng, tone, text):
    pos = tone == "pos"
    v = dict(
        n=f"{rng.randint(40, 180) if pos else rng.randint(300, 1400):,}",
        n2=f"{rng.randint(50, 250) if pos else rng.randint(400, 2100):,}",
        n3=rng.randint(3, 12) if pos else rng.randint(25, 90),
        n4=f"{rng.randint(50, 300) if pos else rng.randint(900, 3500):,}",
        n5=f"{rng.randint(10, 60) if pos else rng.randint(150, 700):,}",
        w=rng.randint(2, 5) if pos else rng.randint(12, 30),
        d=rng.randint(5, 14) if pos else rng.randint(28, 90),
        k=rng.randint(82, 96) if pos else rng.randint(42, 68),
        k2=f"{rng.uniform(27, 38):.1f}", k3=rng.randint(82, 93) if pos else rng.randint(60, 75),
        m=f"{rng.randint(400, 3200):,}", c=rng.randint(3, 15),
    )
    e = None
    for key, (lo, hi) in SURVEY_E.items():
        if key in text:
            e = rng.uniform(lo, hi)
    if e is not None:
        p = e + (rng.uniform(-1.0, 6.0) if pos else -rng.uniform(3.0, 11.0))
        v["e"], v["p"] = f"{e:.1f}", f"{p:.1f}"
    return v


def _fill(rng, tone, tpl, place, pct_fmt, published="2025-01-01"):
    def one(t):
        s = t.format(place=place, **_values(rng, tone, t))
        if published < "2024-12-01":  # the 2023-24 surveys were not out yet
            s = s.replace("ASCS 2023-24", "ASCS 2022-23").replace("SACE 2023-24", "SACE 2021-22")
        if pct_fmt == "per_cent":
            s = s.replace("%", " per cent")
        return s
    if isinstance(tpl, tuple):
        return ("ul", one(tpl[1]), [one(i) for i in tpl[2]])
    return ("p", one(tpl))


def block_texts(b):
    return [b[1]] if b[0] == "p" else [b[1]] + list(b[2])


def make_statement(f, n):
    score = f["scores"][n - 1]
    rng = random.Random(f"{f['slug']}/{n}")
    tone = "pos" if (score or 3) >= 3 else "neg"
    pool = KEY_FINDINGS[n]
    k = min(f["kf_n"], len(pool))
    idx = [0] + sorted(rng.sample(range(1, len(pool)), k - 1)) if k > 1 else [0]
    sections = []
    if f.get("intro_para"):
        sections.append({"heading": None, "blocks": [("p", INTRO_BEFORE_SUBHEADINGS)]})
    for j, i in enumerate(idx):
        heading, tones = pool[i]
        cands = list(tones[tone])
        nb = 1 if len(cands) == 1 else rng.choice([1, 2, 2])
        chosen = sorted(rng.sample(range(len(cands)), nb))
        blocks = [_fill(rng, tone, cands[c], f["place"], f["pct_fmt"], f["published"]) for c in chosen]
        if j == 0 and score == 4:
            blocks.append(("p", EXCEPTIONAL.format(place=f["place"])))
        if j == 0 and score == 1:
            blocks.append(("p", SIGNIFICANT))
        sections.append({"heading": heading, "blocks": blocks})
    return {
        "n": n, "score": score, "theme": STATEMENTS[n][0],
        "name": (ALT_NAMES.get(n) if f.get("alt_names") else None) or STATEMENTS[n][1],
        "wpe": list(WHAT_PEOPLE_EXPECT[n]), "commitment": COMMITMENT[n], "sections": sections,
    }


def make_people(f):
    rng = random.Random(f"{f['slug']}/people")
    tone = "pos" if f["rating"] in ("Good", "Outstanding") else "neg"
    out = [_fill(rng, tone, t, f["place"], f["pct_fmt"], f["published"])[1] for t in PEOPLE[tone]]
    if rng.random() < 0.5:
        out = [out[0], out[2], out[1]]
    return out


def make_demographics(f):
    pop, dec, rank, p65, eth, pol = f["demo"]
    if f["demo_mode"] == "text":
        ctl = "no overall control" if pol == "No overall control" else f"{pol} control"
        return [
            {"text": f"The population of {f['place']} is {pop}."},
            {"text": f"{f['place']} is in deprivation decile {dec} and is ranked {rank} of 153 local authorities for deprivation, where 1 is the most deprived."},
            {"text": f"{p65} of people are aged 65 and over, compared with {ENGLAND_65} across England."},
            {"text": f"{eth} of people are from ethnic minority groups, compared with {ENGLAND_ETH} across England."},
            {"text": f"The council is under {ctl}."},
        ]
    return [
        {"label": "Population", "value": pop},
        {"label": "Deprivation", "value": f"Decile {dec} (ranked {rank} of 153 local authorities, where 1 is the most deprived)"},
        {"label": "People aged 65 and over", "value": f"{p65} (England: {ENGLAND_65})"},
        {"label": "People from ethnic minority groups", "value": f"{eth} (England: {ENGLAND_ETH})"},
        {"label": "Political control", "value": pol},
    ]


def make_finance(f):
    x = f["fin"]
    text = f["fin_mode"] == "text"
    if x["kind"] == "old":
        if text:
            return [
                {"text": f"The local authority spent {x['spend']} on adult social care in 2023/24."},
                {"text": f"Adult social care spend was {x['share']} of the local authority's total budget."},
                {"text": f"Actual spend was {x['diff']}."},
                {"text": f"{x['lt']} people were accessing long-term support."},
                {"text": f"{x['st']} people were accessing short-term support."},
            ]
        return [
            {"label": "Adult social care spend 2023/24", "value": x["spend"]},
            {"label": "Adult social care spend as a share of the total budget", "value": x["share"]},
            {"label": "Difference between estimated and actual spend", "value": x["diff"]},
            {"label": "People accessing long-term support", "value": x["lt"]},
            {"label": "People accessing short-term support", "value": x["st"]},
        ]
    if x["kind"] == "pilot":
        if text:
            prec = (f"The local authority raised the adult social care precept by {x['precept'].split()[-1]} in 2022/23."
                    if x["precept"].startswith("Yes") else
                    "The local authority did not raise the adult social care precept in 2022/23.")
            return [
                {"text": f"The total budget for 2022/23 was estimated at {x['tb_est']}. The actual total budget was {x['tb_act']}."},
                {"text": f"Adult social care spend for 2022/23 was estimated at {x['asc_est']}. Actual spend was {x['asc_act']}."},
                {"text": f"{x['share']} of the budget was spent on adult social care."},
                {"text": prec},
                {"text": f"Approximately {x['lt']} people were receiving long-term support."},
            ]
        return [
            {"label": "Total budget 2022/23 (estimated)", "value": x["tb_est"]},
            {"label": "Total budget 2022/23 (actual)", "value": x["tb_act"]},
            {"label": "Adult social care spend 2022/23 (estimated)", "value": x["asc_est"]},
            {"label": "Adult social care spend 2022/23 (actual)", "value": x["asc_act"]},
            {"label": "Percentage of budget spent on adult social care", "value": x["share"]},
            {"label": "Adult social care precept raised in 2022/23", "value": x["precept"]},
            {"label": "Approximate number of people in long-term support", "value": x["lt"]},
        ]
    # new format (visits on or after 6 October 2025)
    return [
        {"label": "Net expenditure on adult social care, 2024/25", "value": x["net"]},
        {"label": "Adult social care as a share of net revenue expenditure", "value": x["share"]},
        {"label": "Gross expenditure on adult social care per adult aged 18 and over", "value": x["per_adult"]},
        {"label": "Requests for support from new clients, 2024/25", "value": x["requests"]},
        {"label": "People accessing long-term support during the year", "value": x["lt"]},
        {"label": "Data source", "value": "Local authority published data, 2024/25"},
    ]


# ---------------------------------------------------------------- pages and URLs
def make_pages(f):
    s, u = f["slug"], f["urls"]
    about = f"{BASE}/{s}"
    pages = [{"id": "about", "type": "about", "url": about}]
    if u == "sibling":
        summ = f"{BASE}/{s}-summary"
        qs = {n: f"{BASE}/{s}-{SIBLING_SUFFIX[n]}" for n in range(1, 10)}
    elif u == "nested_slugsuffix":
        summ = f"{about}/summary"
        qs = {n: f"{about}/{s}-{SIBLING_SUFFIX[n]}" for n in range(1, 10)}
    elif u == "nested_names":
        summ = f"{about}/overall-summary"
        qs = {n: f"{about}/{NAME_SLUG[n]}" for n in range(1, 10)}
    elif u == "pilot":
        summ = f"{about}/overall-summary"
        qs = {n: f"{about}/{PILOT_THEME_SEG[STATEMENTS[n][0]]}/{PILOT_QS_SEG[n]}" for n in range(1, 10)}
    elif u == "theme_long":
        summ = f"{about}/summary"
        th = {t: f"{about}/{THEME_LONG_SLUG[t]}" for t in range(1, 5)}
    elif u == "theme_sibling":
        summ = f"{BASE}/{s}-summary"
        th = {t: f"{BASE}/{s}-theme{t}" for t in range(1, 5)}
    elif u == "theme_names":
        summ = f"{about}/overall-summary"
        th = {t: f"{about}/{THEME_NAME_SLUG[t]}" for t in range(1, 5)}
    elif u == "pilot_theme":
        summ = f"{about}/overall-summary"
        th = {t: f"{about}/{PILOT_THEME_SEG[t]}" for t in range(1, 5)}
    elif u == "single_qs":
        summ = f"{about}/summary"
        one = f"{about}/quality-statements"
    elif u == "single_full":
        summ = f"{BASE}/{s}-summary"
        one = f"{BASE}/{s}-full-report"
    elif u == "pilot_single":
        summ = f"{about}/overall-summary"
        one = f"{about}/quality-statements"
    else:
        raise ValueError(u)
    pages.append({"id": "summary", "type": "summary", "url": summ})
    if f["grouping"] == "statement":
        for n in range(1, 10):
            pages.append({"id": f"qs{n}", "type": "qs", "url": qs[n], "statements": [n]})
    elif f["grouping"] == "theme":
        for t in range(1, 5):
            pages.append({"id": f"theme{t}", "type": "theme", "url": th[t], "theme": t,
                          "statements": [n for n in range(1, 10) if STATEMENTS[n][0] == t]})
    else:
        pages.append({"id": "statements", "type": "single", "url": one,
                      "statements": list(range(1, 10))})
    for p in pages:
        p["updated"] = f["updates"].get(p["id"], f["published"])
    return pages


def statements_key(f):
    out = {}
    for n in range(1, 10):
        s = f["statements"][n]
        kf = []
        for sec in s["sections"]:
            paras = []
            for b in sec["blocks"]:
                paras += block_texts(b)
            kf.append({"heading": sec["heading"], "paragraphs": paras})
        out[str(n)] = {"what_people_expect": list(s["wpe"]), "commitment": s["commitment"], "key_findings": kf}
    return out


def build_model():
    fams = []
    for f in FAMILIES:
        f = dict(f)
        f["statements"] = {n: make_statement(f, n) for n in range(1, 10)}
        f["people"] = make_people(f)
        f["demographics"] = make_demographics(f)
        f["financial"] = make_finance(f)
        f["pages"] = make_pages(f)
        f["last_updated"] = max(p["updated"] for p in f["pages"])
        f["header"] = (f"{f['council']} assessment" if f["kind"] == "pilot"
                       else f"{f['council']}: local authority assessment")
        f["strengths"] = STRENGTHS["pos" if f["rating"] in ("Good", "Outstanding") else "neg"].format(place=f["place"])
        sc = [x for x in f["scores"] if x is not None]
        if "bad" not in f:
            assert len(sc) == 9
            assert band_for_pct(pct_of(sc)) == f["rating"], f["slug"]
            if f["kind"] == "formal":
                assert pct_of(sc) == f["pct_printed"], (f["slug"], pct_of(sc))
        fams.append(f)
    return fams


def theme_name(f, t):
    return PILOT_THEMES[t] if f["kind"] == "pilot" else THEMES[t]
