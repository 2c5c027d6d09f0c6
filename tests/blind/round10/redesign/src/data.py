"""Family data and invented report prose for the round10 "redesign" blind site.

Everything the pages, PDFs and answer keys print comes from `build_families()`.
Scores for formal reports and Birmingham/Nottingham are CQC's published ones (shared/cqc_raw);
publication days, findings, survey figures, demographics and money are invented.
Lincolnshire's scores other than statement 9 are placeholders (see NOTES.md).
"""
import datetime as dt
import random

STATEMENTS = {
    1: "Assessing needs",
    2: "Supporting people to lead healthier lives",
    3: "Equity in experiences and outcomes",
    4: "Care provision, integration and continuity",
    5: "Partnerships and communities",
    6: "Safe pathways, systems and transitions",
    7: "Safeguarding",
    8: "Governance, management and sustainability",
    9: "Learning, improvement and innovation",
}
THEMES = [
    (1, "How the local authority works with people", [1, 2, 3]),
    (2, "Providing support", [4, 5]),
    (3, "How the local authority ensures safety within the system", [6, 7]),
    (4, "Leadership", [8, 9]),
]
THEME_OF = {s: t for t, _, ss in THEMES for s in ss}
SCORE_PHRASE = {
    1: "Evidence shows significant shortfalls",
    2: "Evidence shows some shortfalls",
    3: "Evidence shows a good standard",
    4: "Evidence shows an exceptional standard",
}
RATING_PHRASE = {
    "Inadequate": "Evidence shows significant shortfalls",
    "Requires improvement": "Evidence shows some shortfalls",
    "Good": "Evidence shows a good standard",
    "Outstanding": "Evidence shows an exceptional standard",
}

# Author-written I-statements and we-statements (paraphrases in my own words).
EXPECT = {
    1: ["I can get an assessment of my needs when I need one, and it looks at the whole of my life.",
        "I am told clearly what care and support I am entitled to and how any costs are worked out."],
    2: ["I can find advice and support early, before my situation gets worse.",
        "I know how to look after my own health and where to go for help to stay independent."],
    3: ["I am treated fairly and my background, culture and identity are respected.",
        "I can get support in a way that works for me, whatever my circumstances."],
    4: ["I can choose from good quality services near where I live.",
        "My care is joined up, so I do not have to repeat my story to every organisation."],
    5: ["The organisations supporting me work together and share what they know with my consent.",
        "I can take part in activities in my community that matter to me."],
    6: ["I feel safe when my care moves between services, including when I leave hospital.",
        "When I move from children's to adult services, the change is planned well ahead."],
    7: ["I feel safe and am supported to understand and manage any risks in my life.",
        "If I raise a concern about abuse, people act quickly and keep me informed."],
    8: ["I can see who is responsible for decisions about adult social care and how I can influence them."],
    9: ["My experiences and ideas are used to change how services are designed and delivered.",
        "I am involved as an equal partner when services are reviewed."],
}
COMMIT = {
    1: "We make sure people's needs are assessed in a timely way, and we plan care with them so it reflects their goals and what matters to them.",
    2: "We help people to stay well and independent for as long as possible, and we give clear information about what is available locally.",
    3: "We understand the barriers that some groups face and we act to remove them, so everyone gets fair outcomes.",
    4: "We shape a local market of safe, good quality and affordable care, and we work to make support joined up and continuous.",
    5: "We work openly with health partners, the voluntary sector and communities to plan and deliver support together.",
    6: "We keep people safe as they move between services and settings, with clear plans for transitions and for when things go wrong.",
    7: "We work with partners to prevent abuse and neglect, and we respond to concerns promptly in a way that puts the person first.",
    8: "We have clear leadership, accountability and oversight of adult social care, and we manage risk and resources responsibly.",
    9: "We learn from feedback, data and good practice elsewhere, and we use that learning to improve people's outcomes.",
}
HEADINGS = {
    1: ["Assessment, care planning and review arrangements", "Financial assessment and charging", "Access to independent advocacy"],
    2: ["Preventing, reducing or delaying needs", "Information and advice", "Direct payments"],
    3: ["Understanding and tackling barriers to care", "Accessibility and inclusion"],
    4: ["Understanding local needs", "Market shaping and commissioning", "Capacity and workforce in local services"],
    5: ["Joint working with health and other partners", "Working with the voluntary and community sector"],
    6: ["Managing safety across the system", "Moving from children's to adult services", "Contingency planning"],
    7: ["Safeguarding systems and processes", "Responding to concerns and section 42 enquiries", "Making safeguarding personal"],
    8: ["Governance and accountability", "Strategic planning and use of resources"],
    9: ["Learning and professional development", "Co-production and involving people"],
}
ENGLAND = {"control": "77.62%", "info": "67.12%", "carers": "14.33%", "safe": "71.06%", "quality": "63.95%"}


def _findings(stmt, score, short, rng, yr="2023-24"):
    """Return a list of {"heading": str|None, "paragraphs": [str]} for one statement."""
    good = score >= 3
    n = rng.randint(90, 1400)
    weeks = rng.randint(3, 26)
    pct = lambda: f"{rng.uniform(45, 92):.2f}%"
    out = []
    heads = HEADINGS[stmt]
    for i, h in enumerate(heads):
        paras = []
        if i == 0:
            if good:
                paras.append(f"Staff in {short} told us that assessments were carried out promptly and that people were involved in decisions about their care. At the time of our assessment {n} people were waiting for an assessment or review, and the median wait was {weeks} weeks, which leaders monitored every week.")
            else:
                paras.append(f"People in {short} did not always have their needs assessed in a timely way. At the time of our assessment {n} people were on waiting lists, and some had waited more than {weeks} weeks. Leaders had a recovery plan, but it was too early to see its impact.")
            paras.append(f"The Adult Social Care Survey (ASCS {yr}) showed that {pct()} of people who use services felt they had control over their daily life, compared with the England average of {ENGLAND['control']}.")
        elif i == 1:
            if good:
                paras.append(f"Partners described the local authority as open and responsive. Feedback from {rng.randint(12, 60)} voluntary sector organisations was mostly positive about how the local authority listened and shared information.")
            else:
                paras.append(f"Partners told us communication was inconsistent and that decisions were sometimes made without them. {rng.randint(5, 30)} complaints about this area were received in the last year, and themes from them had not yet been used to change practice.")
            if stmt in (2, 4, 7):
                paras.append("Areas the local authority was working on included:")
                paras.append(f"reducing the number of people waiting for occupational therapy equipment (about {rng.randint(40, 400)} people)")
                paras.append("making information available in easy read and community languages")
            else:
                paras.append(f"The Survey of Adult Carers in England (SACE {yr}) showed that {pct()} of carers found it easy to find information about support, against an England average of {ENGLAND['info']}.")
        else:
            if good:
                paras.append(f"We saw clear processes and good oversight in this area, and people we spoke with gave positive examples of support that made a difference to their lives.")
            else:
                paras.append(f"Leaders were aware of shortfalls in this area and told us about plans to address them, but people's experiences were mixed and the plans were not yet fully in place.")
        out.append({"heading": h, "paragraphs": paras})
    return out


def _people_experience(short, rng, rating):
    a = f"Most people we heard from in {short} were positive about the care and support they received once it was in place, and described staff as kind and respectful."
    if rating in ("Good", "Outstanding"):
        b = f"Unpaid carers told us they generally felt recognised, although {rng.randint(15, 40)}% of carers responding to the national survey said they had as much social contact as they would like, slightly below the England average."
    else:
        b = f"However, people and unpaid carers told us it was hard to get through to the right team, and that waits for assessments and reviews left them without support for too long."
    return [a, b]


def _demographics(rng, kind):
    pop = rng.randint(56, 1540) * 1000 + rng.randint(0, 9) * 100
    dec = rng.randint(1, 10)
    rank = rng.randint(1, 153)
    old = rng.uniform(11, 27)
    eth = rng.uniform(2, 60)
    ctrl = rng.choice(["Labour", "Conservative", "Liberal Democrat", "No overall control"])
    return [
        {"label": "Population", "value": f"{pop:,}"},
        {"label": "Deprivation", "value": f"{dec} (where 1 is most deprived and 10 is least deprived); ranked {rank} out of 153 local authorities"},
        {"label": "Age profile", "value": f"{old:.1f}% of people are aged 65 or over (England: 18.7%)"},
        {"label": "Ethnicity", "value": f"{eth:.1f}% of people are from Black, Asian, mixed or other ethnic groups (England: 19.0%)"},
        {"label": "Political control", "value": ctrl},
    ]


def _financial(rng, kind, short):
    if kind == "pilot":
        est = rng.randint(300, 1400) * 1_000_000 + rng.randint(0, 999_999)
        act = est + rng.randint(-9_000_000, 9_000_000)
        asc_est = int(est * rng.uniform(0.28, 0.45))
        asc_act = asc_est + rng.randint(-4_000_000, 6_000_000)
        return [
            {"label": "2022/23 total budget", "value": f"Estimated £{est:,}; actual £{act:,}"},
            {"label": "Adult social care spend 2022/23", "value": f"Estimated £{asc_est:,}; actual £{asc_act:,}"},
            {"label": "Share of budget spent on adult social care", "value": f"{asc_act / act * 100:.2f}%"},
            {"label": "Adult social care precept", "value": rng.choice(["Raised by 1% in 2022/23", "Raised by 2% in 2022/23"])},
            {"label": "People in long-term support", "value": f"Approximately {rng.randint(3, 14) * 500:,} people"},
        ]
    spend = rng.uniform(60, 520)
    share = rng.uniform(28, 48)
    diff = rng.uniform(0.5, 20)
    return [
        {"text": f"The local authority spent £{spend:.1f}m on adult social care in 2023/24. This was {share:.2f}% of its total budget."},
        {"text": f"Actual spend on adult social care was £{diff:.1f}m {rng.choice(['more', 'less'])} than the local authority estimated."},
        {"text": f"Approximately {rng.randint(18, 230) * 100:,} people were receiving long-term support."},
        {"text": f"Approximately {rng.randint(4, 60) * 100:,} people were receiving short-term support."},
    ]


# slug, council, short, la_code, kind, published, last_updated(extra days or 0), scores,
# grouping, urlshape, variant, pdf engine, special
RAW = [
    ("camden-0225", "London Borough of Camden", "Camden", "E09000007", "formal", "2025-02-14", 0, "334344344", "per", "path", 0, "chromium", None),
    ("wokingham-0825", "Wokingham Borough Council", "Wokingham", "E06000041", "formal", "2025-08-08", 12, "333343334", "theme", "path", 1, "lo", None),
    ("Hertfordshire-0524", "Hertfordshire County Council", "Hertfordshire", "E10000015", "formal", "2024-05-10", 40, "333343333", "per", "legacy", 2, "lo", None),
    ("staffordshire-0525", "Staffordshire County Council", "Staffordshire", "E10000028", "formal", "2025-05-16", 0, "333333333", "per", "legacy", 3, None, None),
    ("westminster-1124", "Westminster City Council", "Westminster", "E09000033", "formal", "2024-11-22", 5, "333333333", "all", "path", 2, "chromium", None),
    ("hartlepool-0525", "Hartlepool Borough Council", "Hartlepool", "E06000001", "formal", "2025-05-23", 0, "332233333", "per", "path", 1, None, None),
    ("southendonsea-0825", "Southend-on-Sea City Council", "Southend-on-Sea", "E06000033", "formal", "2025-08-29", 0, "333232333", "theme", "legacy", 0, None, None),
    ("derbyshirecc-0824", "Derbyshire County Council", "Derbyshire", "E10000007", "formal", "2024-08-16", 21, "232333233", "per", "legacy", 3, None, None),
    ("WBerkshire-0524", "West Berkshire Council", "West Berkshire", "E06000037", "formal", "2024-05-17", 0, "322223333", "per", "legacy", 2, None, None),
    ("stokeontrent-0625", "Stoke-on-Trent City Council", "Stoke-on-Trent", "E06000021", "formal", "2025-06-13", 7, "222332333", "per", "path", 0, "chromium", None),
    ("brent-0824", "London Borough of Brent", "Brent", "E09000005", "formal", "2024-08-30", 0, "222223333", "all", "legacy", 3, None, None),
    ("leicestercity-0725", "Leicester City Council", "Leicester", "E06000016", "formal", "2025-07-11", 0, "222232223", "per", "path", 1, None, None),
    ("lancashire-0825", "Lancashire County Council", "Lancashire", "E10000017", "formal", "2025-08-15", 3, "222222222", "theme", "path", 2, None, None),
    ("blackpool-0825", "Blackpool Council", "Blackpool", "E06000009", "formal", "2025-08-22", 0, "111222111", "per", "path", 0, "lo", None),
    ("medway-0125", "Medway Council", "Medway", "E06000035", "formal", "2025-01-24", 0, "232233222", "per", "path", 1, None, "pct_mismatch"),
    ("kent-0525", "Kent County Council", "Kent", "E10000016", "formal", "2025-05-30", 0, "223222223", "per", "legacy", 3, None, "missing_score"),
    ("birmingham-cc", "Birmingham City Council", "Birmingham", "E08000025", "pilot", "2023-11-17", 0, "233332233", "per", "pilot", 2, "chromium", None),
    ("nottingham-city", "Nottingham City Council", "Nottingham", "E06000018", "pilot", "2023-11-17", 30, "222322323", "theme", "pilot", 0, None, None),
    ("lincolnshire-cc", "Lincolnshire County Council", "Lincolnshire", "E10000019", "pilot", "2023-11-17", 0, "333333333", "all", "pilot", 1, None, None),
]


def band(pct):
    if pct >= 88:
        return "Outstanding"
    if pct >= 63:
        return "Good"
    if pct >= 39:
        return "Requires improvement"
    return "Inadequate"


def build_families():
    fams = []
    for (slug, council, short, code, kind, pub, extra, sc, grouping, shape, variant, engine, special) in RAW:
        rng = random.Random(slug)
        scores = {i + 1: int(c) for i, c in enumerate(sc)}
        total = sum(scores.values())
        pct = int(total / 36 * 100 + 0.5)
        if kind == "pilot":
            rating = {"birmingham-cc": "Good", "nottingham-city": "Requires improvement", "lincolnshire-cc": "Good"}[slug]
            printed_pct = None
        else:
            rating = band(pct)
            printed_pct = pct
        if special == "pct_mismatch":
            printed_pct = 64  # page prints 64% (Good) while the nine scores sum to 21 (58%)
            rating = "Good"
        pubd = dt.date.fromisoformat(pub)
        upd = pubd + dt.timedelta(days=extra)
        yr = "2021-22" if kind == "pilot" else ("2022-23" if pubd < dt.date(2024, 12, 1) else "2023-24")
        statements = {}
        for s in range(1, 10):
            statements[s] = {
                "what_people_expect": list(EXPECT[s]),
                "commitment": COMMIT[s],
                "key_findings": _findings(s, scores[s], short, rng, yr),
            }
        f = dict(
            slug=slug, council=council, short=short, la_code=code, kind=kind, published=pubd,
            last_updated=upd, updated_page="summary" if extra else None, scores=scores, rating=rating,
            pct=printed_pct, total=total, grouping=grouping, shape=shape, variant=variant, engine=engine,
            special=special, statements=statements,
            people_experience=_people_experience(short, rng, rating),
            strengths=[f"{short} had a clear vision for adult social care, and staff were proud to work there.",
                       "Next steps agreed with the local authority focus on waiting times, the quality of information for the public and the consistency of practice across teams."],
            demographics=_demographics(rng, kind),
            financial=_financial(rng, kind, short),
            start_date=dt.date(2023, 7, 3) if kind == "pilot" else None,
        )
        if special == "missing_score":
            f["scores"] = {k: v for k, v in scores.items() if k != 6}
        fams.append(f)
    return fams
