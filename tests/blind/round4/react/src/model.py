"""Turn families.py + content.py into one data record per family (what pages, PDFs and keys share)."""
import random

from content import (QS, THEMES, BAND, PEOPLE, STRENGTHS, Expander, statement_texts)
from families import FAMILIES

LIST = "/care-services/local-authority-assessment-reports"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def pct_of(scores):
    s = sum(scores)
    return int(s * 100 / 36 + 0.5)  # exact halves up (integer arithmetic on s*100/36)


def band_rating(pct):
    if pct >= 88:
        return "Outstanding"
    if pct >= 63:
        return "Good"
    if pct >= 39:
        return "Requires improvement"
    return "Inadequate"


def fmt_date(d, style):
    if style == "long":
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "short":
        return f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}"
    if style == "weekday":
        return d.strftime("%A") + f" {d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "slash":
        return d.strftime("%d/%m/%Y")
    raise ValueError(style)


def curl(s):
    return s.replace("'", "\u2019")


PILOT_SEG = {1: "assessing-needs", 2: "supporting-people-to-live-healthier-lives",
             3: "equity-in-experience-and-outcomes", 4: "care-provision-integration-continuity",
             5: "partnerships-communities", 6: "safe-pathways-systems-transitions", 7: "safeguarding",
             8: "governance-management-sustainability", 9: "learning-improvement-innovation"}
THEME_LONG_SLUG = {1: "how-the-local-authority-works-with-people", 2: "providing-support",
                   3: "how-the-local-authority-ensures-safety-within-the-system", 4: "leadership"}


def build_pages(f):
    """List of page dicts: key, path, title, kind, nums."""
    base = f"{LIST}/{f['slug']}"
    u = f["urls"]
    pages = [dict(key="about", path=base, title=f"About {f['council']}", kind="about", nums=[])]
    summ = {"pilot-seg": "/overall-summary", "pilot-theme": "/overall-summary", "pilot-all": "/overall-summary",
            "notes": "-summary", "theme-suffix": "-summary", "all-suffix": "-summary",
            "seg-flat": "/overall-summary", "seg-theme": "/summary", "theme-names": "/overall-summary",
            "qs-suffix": "-overall-summary", "all-seg": "/overall-summary", "theme-num": "/summary",
            "qs-dir": "/summary", "seg-theme2": "/overall-summary"}[u]
    pages.append(dict(key="summary", path=base + summ, title="Overall summary", kind="summary", nums=[]))
    g = f["grouping"]
    if g == "statement":
        for num, t, name, qslug, suffix in QS:
            if u == "pilot-seg":
                p = f"{base}/{t}-{THEMES[t][1]}/{PILOT_SEG[num]}"
            elif u == "notes":
                p = f"{base}-{suffix}"
            elif u == "seg-flat":
                p = f"{base}/{qslug}"
            elif u == "seg-theme":
                p = f"{base}/theme-{t}/{qslug}"
            elif u == "qs-suffix":
                p = f"{base}-qs{num}-{qslug}"
            elif u == "qs-dir":
                p = f"{base}/quality-statements/{qslug}"
            elif u == "seg-theme2":
                p = f"{base}/theme-{t}-{THEMES[t][1]}/{qslug}"
            else:
                raise ValueError(u)
            pages.append(dict(key=f"s{num}", path=p, title=f["qs_names"][num], kind="statement", nums=[num]))
    elif g == "theme":
        for t in (1, 2, 3, 4):
            if u == "pilot-theme":
                p = f"{base}/{t}-{THEMES[t][1]}"
            elif u == "theme-suffix":
                p = f"{base}-theme{t}"
            elif u == "theme-names":
                p = f"{base}/{THEME_LONG_SLUG[t]}"
            elif u == "theme-num":
                p = f"{base}/theme/{t}"
            else:
                raise ValueError(u)
            nums = [q[0] for q in QS if q[1] == t]
            pages.append(dict(key=f"theme{t}", path=p, title=THEMES[t][0], kind="theme", nums=nums))
    elif g == "all":
        p = {"pilot-all": base + "/quality-statements", "all-suffix": base + "-quality-statements",
             "all-seg": base + "/findings"}[u]
        title = "Findings" if u == "all-seg" else "Quality statements"
        pages.append(dict(key="all", path=p, title=title, kind="all", nums=list(range(1, 10))))
    for p in pages:
        p["updated"] = f["updated"].get(p["key"], f["published"])
    return pages


def money_m(v):
    return f"£{v / 1e6:.1f}m"


def demographics(f, exp):
    pc = exp.pct
    items = [
        ("Population", f"{f['pop']:,}", f"The local authority area has a population of {f['pop']:,} people."),
        ("Deprivation", f"Decile {f['decile']} (ranked {f['rank']} of 153, where 1 is the most deprived)",
         f"The area is in deprivation decile {f['decile']} and is ranked {f['rank']} out of 153 local authorities, where a rank of 1 is the most deprived."),
        ("People aged 65 and over", f"{pc(f['over65'])} (England: {pc(18.6)})",
         f"{pc(f['over65'])} of people in the area are aged 65 and over, compared with {pc(18.6)} in England."),
        ("People from ethnic minority groups", f"{pc(f['ethnic'])} (England: {pc(19.0)})",
         f"{pc(f['ethnic'])} of people are from ethnic minority groups, compared with {pc(19.0)} in England."),
        ("Political control", f["control"],
         "The council is under no overall control." if f["control"] == "No overall control"
         else f"The council is controlled by {f['control']}." if f["control"] != "Labour" and f["control"] != "Conservative"
         else f"The council has a {f['control']} majority."),
    ]
    return items


def financial(f, rng):
    s = f["slug"]
    pc = f["exp"].pct
    if f["kind"] == "pilot":
        total_est = round(f["pop"] * rng.uniform(2300, 3100), -3)
        total_act = round(total_est * rng.uniform(0.98, 1.04), -3)
        asc_est = round(total_est * rng.uniform(0.30, 0.38), -3)
        asc_act = round(asc_est * rng.uniform(0.97, 1.06), -3)
        share = asc_act / total_act * 100
        people = round(f["pop"] * rng.uniform(0.008, 0.012), -2)
        raised = rng.random() < 0.7
        return [
            ("Total budget 2022/23 (estimated)", f"£{int(total_est):,}",
             f"The local authority estimated that its total budget for 2022/23 would be £{int(total_est):,}."),
            ("Total budget 2022/23 (actual)", f"£{int(total_act):,}",
             f"Its actual total budget for 2022/23 was £{int(total_act):,}."),
            ("Adult social care spend 2022/23 (estimated)", f"£{int(asc_est):,}",
             f"It estimated that it would spend £{int(asc_est):,} on adult social care in 2022/23."),
            ("Adult social care spend 2022/23 (actual)", f"£{int(asc_act):,}",
             f"Its actual spend on adult social care in 2022/23 was £{int(asc_act):,}."),
            ("Share of total budget spent on adult social care", f"{share:.2f}%",
             f"It spent {share:.2f}% of its total budget on adult social care."),
            ("Adult social care precept", "Raised by 2% in 2022/23" if raised else "Not raised in 2022/23",
             "The local authority raised the adult social care precept by 2% in 2022/23." if raised
             else "The local authority did not raise the adult social care precept in 2022/23."),
            ("People receiving long-term support", f"Approximately {int(people):,}",
             f"Approximately {int(people):,} people were receiving long-term support."),
        ]
    if f["fin_style"] == "new":
        net = round(f["pop"] * rng.uniform(500, 600), -5)
        adults = f["pop"] * 0.8
        return [
            ("Net expenditure on adult social care 2024/25", f"£{net / 1e6:.1f} million", None),
            ("Spend per adult aged 18 and over", f"£{int(net / adults):,}", None),
            ("Requests for support from new clients", f"{round(f['pop'] * 0.043, -1):,.0f}", None),
            ("People accessing long-term support during the year", f"{round(f['pop'] * 0.022, -1):,.0f}", None),
            ("Carers supported by the local authority during the year", f"{round(f['pop'] * 0.0087, -1):,.0f}", None),
            (None, None, "Source: Adult Social Care Finance Return and Short and Long Term Support return, 2024/25, as published by the local authority."),
        ]
    if s == "leicestercity-0725":
        spend, share, diff, lt, st = "£172.5m", "22.89%", "£15.3m under estimate", "6,310", "1,640"
        sent = ["In 2023/24 the local authority spent £172.5m on adult social care.",
                "This was 22.89% of its total budget.",
                "Actual spend was £15.3m less than the local authority had estimated.",
                "6,310 people were receiving long-term support.",
                "1,640 people received short-term support during the year."]
    elif s == "lancashire-0825":
        spend, share, diff, lt, st = "About £496m", "About 45% of net budget", "£8.1m over estimate", "About 23,000", "Over 5,500"
        sent = ["In 2023/24 the local authority spent about £496m on adult social care.",
                "This was about 45% of its net budget.",
                "Actual spend was £8.1m more than the local authority had estimated.",
                "About 23,000 people were receiving long-term support.",
                "Over 5,500 people received short-term support during the year."]
    else:
        spendv = f["pop"] * rng.uniform(380, 470)
        sharev = rng.uniform(28, 44)
        diffv = rng.uniform(0.5, 14)
        under = rng.random() < 0.4
        ltv = round(f["pop"] * rng.uniform(0.009, 0.013), -1)
        stv = round(f["pop"] * rng.uniform(0.002, 0.004), -1)
        spend, share = money_m(spendv), f"{sharev:.2f}%"
        diff = f"£{diffv:.1f}m {'under' if under else 'over'} estimate"
        lt, st = f"{int(ltv):,}", f"{int(stv):,}"
        sent = [f"In 2023/24 the local authority spent {spend} on adult social care.",
                f"This was {share} of its total budget.",
                f"Actual spend was £{diffv:.1f}m {'less' if under else 'more'} than the local authority had estimated.",
                f"{lt} people were receiving long-term support.",
                f"{st} people received short-term support during the year."]
    labels = ["Adult social care spend 2023/24", "Share of total budget spent on adult social care",
              "Difference between actual and estimated spend", "People receiving long-term support",
              "People receiving short-term support"]
    return list(zip(labels, [spend, share, diff, lt, st], sent))


def prepare():
    fams = []
    for f in FAMILIES:
        f = dict(f)
        names = {q[0]: q[2] for q in QS}
        if f["qs5_name"]:
            names[5] = f["qs5_name"]
        if f["slug"] == "birmingham-cc":
            names[2] = "Supporting people to live healthier lives"
        f["qs_names"] = names
        f["sum"] = sum(f["scores"])
        f["pct"] = pct_of(f["scores"])
        f["pct_shown"] = f["pct_printed"] if f["pct_printed"] is not None else f["pct"]
        if f["kind"] == "formal":
            assert band_rating(f["pct"]) == f["rating"] or f.get("not_loaded"), f["slug"]
        else:
            assert band_rating(f["pct"]) == f["rating"], f["slug"]
        f["rating_shown"] = f["rating_case"] or f["rating"]
        exp = Expander(f["slug"], f["short"], f["council"], f["pct_style"])
        f["exp"] = exp
        rng = random.Random("kf:" + f["slug"])
        st = {}
        for num in range(1, 10):
            st[num] = statement_texts(exp, num, f["scores"][num - 1], rng)
        tone = "pos" if f["rating"] in ("Good", "Outstanding") else "neg"
        people = [exp.expand(p) for p in PEOPLE[tone]]
        strengths = [exp.expand(p) for p in STRENGTHS[tone]]
        demo = demographics(f, exp)
        fin = financial(f, random.Random("fin:" + f["slug"]))
        if f["curly"]:
            for num in st:
                d = st[num]
                d["what_people_expect"] = [curl(x) for x in d["what_people_expect"]]
                d["commitment"] = curl(d["commitment"])
                for kf in d["key_findings"]:
                    kf["paragraphs"] = [curl(x) for x in kf["paragraphs"]]
            people = [curl(x) for x in people]
            strengths = [curl(x) for x in strengths]
        f["statements"] = st
        f["people"] = people
        f["strengths"] = strengths
        f["demo"] = demo
        f["fin"] = fin
        f["pages"] = build_pages(f)
        f["last_updated"] = max(p["updated"] for p in f["pages"])
        f["base"] = f"{LIST}/{f['slug']}"
        f["header"] = (f"{f['council']} assessment" if f["kind"] == "pilot"
                       else f"{f['council']}: local authority assessment")
        fams.append(f)
    return fams
