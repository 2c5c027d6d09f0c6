"""Generates the report texts of every family (deterministic, seeded by slug). Pages, PDFs and keys all use this."""
import datetime, random
from prose import (THEMES, THEME_OF, STATEMENTS, BAND, RATING_PHRASE, EXPECT, COMMIT, FINDINGS, INTROS,
                   PEOPLE_POS, PEOPLE_NEG, STRENGTHS)

ENG_OLD = "18.4%"
ENG_ETH = "26.5%"

def band_of(pct):
    if pct >= 88: return "Outstanding"
    if pct >= 63: return "Good"
    if pct >= 39: return "Requires improvement"
    return "Inadequate"

def pct_of(scores):
    s = sum(scores)
    return int(s * 100 / 36 + 0.5) if (s * 100) % 36 else s * 100 // 36

def _vals(rng, tone, f):
    pub = datetime.date.fromisoformat(f["published"])
    yr = "2022-23" if pub.year <= 2024 and pub.month < 9 else ("2023-24" if pub.year <= 2025 else "2024-25")
    if pub.year == 2023:
        yr = "2021-22"
    e = round(rng.uniform(38.0, 82.0), 1)
    delta = round(rng.uniform(2.1, 9.8), 1)
    p = round(e + delta, 1) if tone == "pos" else round(e - delta, 1)
    return dict(la="the local authority", LA="The local authority", c=f["short"], p=f"{p:.1f}", e=f"{e:.1f}",
                n=rng.randint(23, 880), n2=f"{rng.randint(1100, 3900):,}", w=rng.randint(2, 6),
                m=rng.randint(3, 14), d=rng.randint(2, 9), yr=yr, yr2=str(pub.year - 1), fy="2035")

def statement_texts(f, n, rng):
    score = f["scores"][n - 1]
    tone = "pos" if (score or 2) >= 3 else "neg"
    bank = FINDINGS[n]
    # always the first heading, then a random subset of the rest (kept in framework order)
    rest = bank[1:]
    k = min(len(rest), rng.choice([1, 2, 2, 3]))
    idx = sorted(rng.sample(range(len(rest)), k))
    chosen = [bank[0]] + [rest[i] for i in idx]
    findings = []
    if rng.random() < 0.25:
        findings.append({"heading": None, "blocks": [("p", INTROS[tone].format(**_vals(rng, tone, f)))]})
    for heading, pos, neg in chosen:
        paras = pos if tone == "pos" else neg
        take = paras if rng.random() < 0.7 else paras[:1]
        blocks = [("p", t.format(**_vals(rng, tone, f))) for t in take]
        if f.get("lists") and len(blocks) > 1:
            blocks = [blocks[0]] + [("li", t) for _, t in blocks[1:]]
        findings.append({"heading": heading, "blocks": blocks})
    return {
        "what_people_expect": list(EXPECT[n]),
        "commitment": COMMIT[n],
        "findings": findings,
    }

def demographics(f):
    d, s = f["demo"], f["short"]
    items = [
        ("Population", d["pop"], f"{s} has a population of about {d['pop']} people."),
        ("Deprivation", f"Decile {d['decile']} (ranked {d['rank']} of 153)",
         f"The area is in deprivation decile {d['decile']} and is ranked {d['rank']} out of 153 local authorities, where 1 is the most deprived."),
        ("People aged 65 and over", f"{d['old']}% (England: {ENG_OLD})",
         f"{d['old']}% of people in {s} are aged 65 or over, compared with {ENG_OLD} in England."),
        ("People from ethnic minority groups", f"{d['eth']}% (England: {ENG_ETH})",
         f"{d['eth']}% of people in {s} are from ethnic minority groups, compared with {ENG_ETH} in England."),
        ("Political control", d["politics"],
         "No party has overall control of the council." if d["politics"] == "No overall control"
         else f"The council is controlled by {d['politics']}." if d["politics"] != "Liberal Democrat"
         else "The council is controlled by the Liberal Democrats."),
    ]
    return items

def financial(f):
    x = f["fin"]
    if x["gen"] == "pilot":
        return [
            ("Total budget 2022/23: estimated", x["tb_est"], f"The local authority estimated its total budget for 2022/23 at {x['tb_est']}."),
            ("Total budget 2022/23: actual", x["tb_act"], f"Its actual total budget for 2022/23 was {x['tb_act']}."),
            ("Adult social care spend 2022/23: estimated", x["asc_est"], f"It estimated that it would spend {x['asc_est']} on adult social care in 2022/23."),
            ("Adult social care spend 2022/23: actual", x["asc_act"], f"Its actual adult social care spend for 2022/23 was {x['asc_act']}."),
            ("Share of total budget spent on adult social care", x["share"], f"It spent {x['share']} of its total budget on adult social care."),
            ("Adult social care precept", x["precept"], x["precept"] if x["precept"].startswith("The ") else f"Adult social care precept: {x['precept']}."),
            ("People receiving long-term support", x["lts"], f"The local authority provides long-term support to {x['lts']} people."),
        ]
    if x["gen"] == "old":
        if x.get("diff") is None:  # Lancashire style
            return [
                ("Adult social care spend 2023/24", x["spend"], f"The local authority spent {x['spend']} on adult social care in 2023/24."),
                ("Share of budget", x["share"], f"This was {x['share']}."),
                ("People in long-term support", x["lts"], f"It supported {x['lts']} people in long-term support."),
                ("People in short-term support", x["sts"], f"It supported {x['sts']} people in short-term support."),
            ]
        return [
            ("Adult social care spend 2023/24", x["spend"], f"The local authority spent {x['spend']} on adult social care in 2023/24."),
            ("Share of total budget spent on adult social care", x["share"], f"This was {x['share']} of its total budget."),
            ("Difference from estimated spend", x["diff"], f"Actual spend was {x['diff']}."),
            ("People in long-term support", x["lts"], f"{x['lts']} people were receiving long-term support."),
            ("People in short-term support", x["sts"], f"{x['sts']} people were receiving short-term support."),
        ]
    return [
        ("Gross current expenditure on adult social care, 2024/25", x["gce"], None),
        ("Net expenditure per adult aged 18 and over, 2024/25", x["per_adult"], None),
        ("Change in net expenditure from 2023/24", x["change"], None),
        ("Adult social care precept, 2025/26", x["precept"], None),
        ("Requests for support from new clients, 2024/25", x["requests"], None),
        ("Clients in long-term support at 31 March 2025", x["lts"], None),
    ]

NEW_FIN_NOTE = "Figures are taken from the local authority’s published Adult Social Care Finance Return and client level data for 2024/25."

def build(f):
    rng = random.Random("enterprise:" + f["slug"])
    c = dict(f)
    c["statements"] = {n: statement_texts(f, n, rng) for n in range(1, 10)}
    tone = "pos" if f["rating"] in ("Good", "Outstanding") else "neg"
    bank = PEOPLE_POS if tone == "pos" else PEOPLE_NEG
    k = rng.choice([2, 3, 4])
    c["people"] = [bank[i].format(**_vals(rng, tone, f)) for i in range(k)]
    c["strengths"] = [s.format(**_vals(rng, tone, f)) for s in STRENGTHS]
    c["demographics"] = demographics(f)
    c["financial"] = financial(f)
    if f["kind"] == "formal":
        sc = f["scores"]
        if None not in sc:
            c["pct_true"] = pct_of(sc)
            c["band_true"] = band_of(c["pct_true"])
        c["pct"] = f.get("pct_print", c.get("pct_true"))
    else:
        c["pct"] = None
    return c
