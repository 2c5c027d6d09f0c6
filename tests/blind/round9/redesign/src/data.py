"""Family data for the round9 'redesign' blind site. Keys and pages are both rendered from this."""
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
THEME_OF = {n: t for t, _, ns in THEMES for n in ns}
BAND = {1: "Evidence shows significant shortfalls", 2: "Evidence shows some shortfalls",
        3: "Evidence shows a good standard", 4: "Evidence shows an exceptional standard"}
BAND_SHORT = {1: "significant shortfalls", 2: "some shortfalls", 3: "a good standard", 4: "an exceptional standard"}


def rating_for(pct):
    if pct >= 88:
        return "Outstanding"
    if pct >= 63:
        return "Good"
    if pct >= 39:
        return "Requires improvement"
    return "Inadequate"


def pct_for(scores):
    s = sum(scores)
    return (200 * s + 36) // 72  # round half up of s/36*100


# Own wording (not CQC's) for the I-statements and commitments.
EXPECT = {
    1: ["I can get advice and an assessment when I need one, without having to tell my story again and again.",
        "I am treated as the expert on my own life and my care plan reflects what matters to me."],
    2: ["I can find help early, before small problems turn into a crisis.",
        "I get information I understand about what is available in my area and what it costs."],
    3: ["I am treated fairly whatever my background, and the support I get fits my culture and my language.",
        "Barriers that make it harder for people like me to get help are noticed and removed."],
    4: ["I can choose from good quality care that is available when and where I need it.",
        "The people who support me talk to each other, so my care joins up."],
    5: ["Services in my community work together so that I can stay connected to the people and places I value."],
    6: ["When I move between services, or from children's to adult services, nothing important gets lost.",
        "I know who to contact if my support stops or changes at short notice."],
    7: ["I feel safe and am supported to understand and manage risks in my life.",
        "If I am at risk of abuse or neglect, people act quickly and keep me involved in decisions."],
    8: ["I can trust that the council is well run and knows how well its services work for people like me."],
    9: ["My experience and feedback are used to make services better for everyone.",
        "I can see that things change when people speak up."],
}
COMMIT = {
    1: "We work with people to understand their strengths and needs, and we plan and review their care and support with them in a timely way.",
    2: "We help people to stay well and independent for as long as possible, and we make information and advice easy to find.",
    3: "We understand the make-up of our communities and act to reduce differences in people's access to care, experience and outcomes.",
    4: "We commission a range of good quality, affordable services and make sure people's care is joined up across health, housing and social care.",
    5: "We work with partners, the voluntary sector and local communities to improve outcomes and to use our shared resources well.",
    6: "We keep people safe when they move between services and plan ahead so that support continues when providers fail or circumstances change.",
    7: "We work with partners to prevent abuse and neglect, respond promptly to concerns, and put the person at the centre of every safeguarding enquiry.",
    8: "We have clear leadership, accountability and oversight of risk and performance, and we plan our budgets so that services are sustainable.",
    9: "We learn from feedback, from what goes wrong and from others, and we use that learning to improve and to try new ways of working.",
}
HEADINGS = {
    1: ["Assessment, care planning and review arrangements", "Timeliness of assessments, care planning and reviews",
        "Assessment and eligibility decisions", "Support for unpaid carers"],
    2: ["Arrangements to prevent, delay or reduce needs for care and support", "Provision of accessible information and advice",
        "Direct payments"],
    3: ["Understanding and reducing barriers to care and support", "Inclusion and accessibility arrangements"],
    4: ["Understanding local needs for care and support", "Market shaping and commissioning to meet local needs",
        "Ensuring sufficiency of services", "Ensuring quality of services"],
    5: ["Partnership working to deliver shared local and national objectives", "Arrangements to support effective partnership working",
        "Impact of partnership working", "Working with voluntary and charity sector groups"],
    6: ["Safety management", "Safety during transitions", "Contingency planning"],
    7: ["Safeguarding systems, processes and practices", "Responding to local safeguarding risks and issues",
        "Responding to concerns and undertaking Section 42 enquiries", "Making safeguarding personal"],
    8: ["Governance, accountability and risk management", "Strategic planning", "Information security"],
    9: ["Learning and improvement", "Co-production", "Innovation"],
}
GOOD_LINES = [
    "Staff told us they had the time and training to carry out strength-based work, and people we spoke with said they felt listened to.",
    "Leaders had a clear picture of what was working well and where pressure was building, and partners confirmed this.",
    "Feedback from people and their families was mostly positive, and several described staff who went out of their way to help.",
    "Practice audits showed consistent recording of people's views and outcomes, with managers checking quality each month.",
]
WEAK_LINES = [
    "People told us they had waited too long for contact after first asking for help, and some had to chase for updates.",
    "Staff described high caseloads and said this limited the time they could spend with people and their carers.",
    "Leaders knew about the gaps but the actions taken had not yet made a difference that people could feel.",
    "Records did not always show how decisions had been reached or how risks were managed while people were waiting.",
]
SURVEYS = [
    ("Adult Social Care Survey (ASCS) 2023/24", "of people who use services said they had as much control over their daily life as they wanted"),
    ("Survey of Adult Carers in England (SACE) 2023/24", "of carers said they were satisfied with the support they received"),
    ("Adult Social Care Survey (ASCS) 2023/24", "of people said they found it easy to find information about support"),
    ("Survey of Adult Carers in England (SACE) 2023/24", "of carers said they had been included or consulted in discussions about the person they care for"),
    ("Adult Social Care Survey (ASCS) 2023/24", "of people who use services said they felt safe"),
    ("Adult Social Care Outcomes Framework (ASCOF) 2023/24", "of people aged 65 and over were still at home 91 days after leaving hospital into reablement"),
]


def make_statement(rng, council_short, n, score, yr="2023/24"):
    heads = HEADINGS[n][:]
    rng.shuffle(heads)
    heads = heads[: rng.choice([2, 3]) if len(heads) > 2 else 2]
    findings = []
    for i, h in enumerate(heads):
        paras = []
        lead = (f"{council_short} performed well in this area." if score >= 3 else
                f"This was an area where {council_short} still needed to improve.")
        pool = (GOOD_LINES if score >= 3 else WEAK_LINES)[:]
        rng.shuffle(pool)
        paras.append(lead + " " + pool.pop())
        if i == 0 or rng.random() < 0.6:
            src, what = rng.choice(SURVEYS)
            local = round(rng.uniform(40, 85), 1)
            eng = round(local + rng.choice([-1, 1]) * rng.uniform(0.5, 9), 1)
            comp = "higher than" if local > eng else "lower than"
            src = src.replace("2023/24", yr)
            paras.append(f"Data from the {src} showed {local}% {what}. This was {comp} the England average of {eng}%.")
        if rng.random() < 0.4:
            wait = rng.randint(8, 160)
            paras.append(f"At the time of our assessment, {wait * 3} people were waiting for a Care Act assessment, "
                         f"and the median wait was {rng.randint(9, 70)} days.")
        if rng.random() < 0.3:
            paras.append(pool.pop())
        findings.append({"heading": h, "paragraphs": paras})
    return {
        "what_people_expect": EXPECT[n],
        "commitment": COMMIT[n],
        "key_findings": findings,
    }


def people_experience(rng, short, pct):
    good = pct is None or pct >= 63
    out = [
        (f"Most people we heard from said staff in {short} treated them with kindness and respect, and that their views shaped their support."
         if good else f"People's experiences of adult social care in {short} were mixed, and too many described long waits and having to repeat their story."),
        "Unpaid carers valued the carers' centre and short breaks, but some said they only learned about their right to an assessment by chance.",
        (f"Around {rng.randint(55, 85)}% of people who responded to our local survey said they knew how to contact the council if their needs changed."),
    ]
    return out


# fid, slug, council, short, la_code, kind, published, last_updated, scores, grouping, style, pdf engine
# grouping: statement | theme | all
FAMILIES = [
    # pilots (2023)
    dict(slug="birmingham-cc", council="Birmingham City Council", short="Birmingham", la="E08000025", kind="pilot",
         pub="2023-11-17", upd="2024-01-09", scores=[2, 3, 3, 3, 3, 2, 2, 3, 3], grouping="statement", style=0, pdf="chromium",
         start="2023-06-12"),
    dict(slug="nottingham-city", council="Nottingham City Council", short="Nottingham", la="E06000018", kind="pilot",
         pub="2023-11-17", upd="2023-11-17", scores=[2, 2, 2, 3, 2, 2, 3, 2, 3], grouping="theme", style=1, pdf="libreoffice",
         start="2023-05-22"),
    dict(slug="suffolk-cc", council="Suffolk County Council", short="Suffolk", la="E10000029", kind="pilot",
         pub="2023-11-17", upd="2024-02-14", scores=[3, 3, 3, 3, 3, 2, 3, 3, 3], grouping="all", style=2, pdf=None,
         start="2023-06-05"),
    # formal
    dict(slug="WBerkshire-0524", council="West Berkshire Council", short="West Berkshire", la="E06000037", kind="formal",
         pub="2024-05-16", upd="2024-05-16", scores=[3, 2, 2, 2, 2, 3, 3, 3, 3], grouping="statement", style=0, pdf=None),
    dict(slug="durham-0824", council="Durham County Council", short="County Durham", la="E06000047", kind="formal",
         pub="2024-08-09", upd="2024-09-02", scores=[2, 3, 2, 3, 3, 3, 2, 3, 3], grouping="statement", style=1, pdf="chromium"),
    dict(slug="derbyshirecc-0824", council="Derbyshire County Council", short="Derbyshire", la="E10000007", kind="formal",
         pub="2024-08-22", upd="2024-08-22", scores=[2, 3, 2, 3, 3, 3, 2, 3, 3], grouping="statement", style=3, pdf=None),
    dict(slug="hillingdon-1224", council="London Borough of Hillingdon", short="Hillingdon", la="E09000017", kind="formal",
         pub="2024-12-12", upd="2025-01-21", scores=[3, 3, 2, 3, 3, 3, 3, 3, 3], grouping="theme", style=2, pdf="libreoffice"),
    dict(slug="gloucestershire-0125", council="Gloucestershire County Council", short="Gloucestershire", la="E10000013", kind="formal",
         pub="2025-01-24", upd="2025-01-24", scores=[2, 2, 2, 2, 2, 2, 2, 2, 2], grouping="statement", style=1, pdf=None,
         bad_pct=53, not_loaded="The published overall score (53%) does not match the nine statement scores (sum 18, which gives 50%)."),
    dict(slug="camden-0225", council="London Borough of Camden", short="Camden", la="E09000007", kind="formal",
         pub="2025-02-27", upd="2025-03-11", scores=[3, 3, 4, 3, 4, 4, 3, 4, 4], grouping="statement", style=2, pdf="chromium"),
    dict(slug="staffordshire-0525", council="Staffordshire County Council", short="Staffordshire", la="E10000028", kind="formal",
         pub="2025-05-09", upd="2025-05-09", scores=[3] * 9, grouping="statement", style=3, pdf="libreoffice"),
    dict(slug="kent-0525", council="Kent County Council", short="Kent", la="E10000016", kind="formal",
         pub="2025-05-30", upd="2025-06-04", scores=[2, 2, 3, 2, 2, 2, None, 2, 3], grouping="all", style=1, pdf=None,
         shown_pct=56,
         not_loaded="The Safeguarding statement is printed without a score, so the nine scores cannot be checked against the published 56%."),
    dict(slug="warrington-0525", council="Warrington Borough Council", short="Warrington", la="E06000007", kind="formal",
         pub="2025-05-21", upd="2025-07-02", scores=[2, 3, 2, 2, 3, 2, 1, 2, 2], grouping="all", style=0, pdf="chromium"),
    dict(slug="stokeontrent-0625", council="Stoke-on-Trent City Council", short="Stoke-on-Trent", la="E06000021", kind="formal",
         pub="2025-06-13", upd="2025-06-20", scores=[2, 2, 2, 3, 3, 2, 3, 3, 3], grouping="statement", style=0, pdf=None),
    dict(slug="leicestercity-0725", council="Leicester City Council", short="Leicester", la="E06000016", kind="formal",
         pub="2025-07-17", upd="2025-07-17", scores=[2, 2, 2, 2, 3, 2, 2, 2, 3], grouping="theme", style=3, pdf="chromium"),
    dict(slug="lancashire-0825", council="Lancashire County Council", short="Lancashire", la="E10000017", kind="formal",
         pub="2025-08-28", upd="2025-09-15", scores=[2] * 9, grouping="theme", style=0, pdf=None),
    dict(slug="blackpool-0825", council="Blackpool Council", short="Blackpool", la="E06000009", kind="formal",
         pub="2025-08-14", upd="2025-08-14", scores=[1, 1, 1, 2, 2, 2, 1, 1, 1], grouping="statement", style=1, pdf="libreoffice"),
    dict(slug="devon-0326", council="Devon County Council", short="Devon", la="E10000008", kind="formal",
         pub="2026-03-18", upd="2026-04-02", scores=[3, 2, 3, 3, 3, 2, 3, 3, 2], grouping="all", style=3, pdf="libreoffice",
         newfin=True),
]


def build():
    for i, f in enumerate(FAMILIES):
        rng = random.Random(f["slug"])
        f["idx"] = i
        sc = f["scores"]
        if f["kind"] == "pilot":
            f["pct"] = None
            f["rating"] = rating_for(pct_for(sc))
        elif None in sc:
            f["pct"] = f["shown_pct"]
            f["rating"] = rating_for(f["pct"])
        else:
            real = pct_for(sc)
            f["pct"] = f.get("bad_pct", real)
            f["rating"] = rating_for(real if "bad_pct" not in f else f["pct"])
        yr = "2022/23" if f["kind"] == "pilot" else ("2024/25" if f["pub"] >= "2026" else "2023/24")
        f["statements"] = {n: make_statement(rng, f["short"], n, sc[n - 1] or 2, yr) for n in range(1, 10)}
        f["people"] = people_experience(rng, f["short"], f["pct"])
        f["strengths"] = [
            f"Leaders in {f['short']} had a shared vision for adult social care and staff spoke positively about it.",
            "Next steps include reducing waiting times for assessments and reviews and improving the experience of unpaid carers.",
        ]
        f["demo"], f["fin"] = demographics(rng, f)
    return FAMILIES


def demographics(rng, f):
    pop = rng.randint(90, 1500) * 1000 + rng.randint(0, 9) * 100
    dec = rng.randint(1, 10)
    rank = rng.randint(1, 153)
    old = round(rng.uniform(12, 27), 1)
    eth = round(rng.uniform(2, 55), 1)
    ctrl = rng.choice(["Labour", "Conservative", "Liberal Democrat", "No overall control", "Reform UK"])
    demo = [
        ("Population", f"{pop:,}"),
        ("Deprivation", f"{dec} (1 is most deprived, 10 is least); ranked {rank} of 153 local authorities"),
        ("People aged 65 and over", f"{old}% (England average 18.7%)"),
        ("People from a Black, Asian or other ethnic minority background", f"{eth}% (England average 19.0%)"),
        ("Political control", ctrl),
    ]
    if f["kind"] == "pilot":
        tot = rng.randint(300, 3000) * 1000000 + rng.randint(0, 999999)
        act = tot + rng.randint(-20000000, 20000000)
        asc = rng.randint(100, 600) * 1000000 + rng.randint(0, 999999)
        asca = asc + rng.randint(-9000000, 15000000)
        fin = [
            ("Estimated total budget 2022/23", f"£{tot:,}"),
            ("Actual total budget 2022/23", f"£{act:,}"),
            ("Estimated adult social care spend 2022/23", f"£{asc:,}"),
            ("Actual adult social care spend 2022/23", f"£{asca:,}"),
            ("Percentage of budget spent on adult social care", f"{asca * 100 / act:.2f}%"),
            ("Adult social care precept", rng.choice(["The local authority raised the adult social care precept by 2% in 2022/23.",
                                                        "The local authority did not raise the adult social care precept in 2022/23."])),
            ("People in long-term support", f"approximately {rng.randint(30, 120) * 100:,} people"),
        ]
    elif f.get("newfin"):
        fin = [
            ("Gross current expenditure on adult social care 2024/25", f"£{rng.randint(300, 700)}.{rng.randint(0, 9)}m"),
            ("Spend per adult resident 2024/25", f"£{rng.randint(480, 720)}"),
            ("Requests for support from new clients 2024/25", f"{rng.randint(15, 40) * 1000 + rng.randint(0, 999):,}"),
            ("Adults receiving long-term support during the year", f"{rng.randint(9, 20) * 1000 + rng.randint(0, 999):,}"),
            ("Carers receiving direct support", f"{rng.randint(2, 6) * 1000 + rng.randint(0, 999):,}"),
        ]
    else:
        spend = f"£{rng.randint(90, 500)}.{rng.randint(0, 9)}m"
        share = f"{rng.uniform(18, 46):.2f}%"
        diff = rng.choice(["under", "over"])
        fin = [
            ("Adult social care spend 2023/24", spend),
            ("Share of total budget spent on adult social care", share),
            ("Difference from estimated spend", f"£{rng.randint(1, 20)}.{rng.randint(0, 9)}m {diff} the estimate"),
            ("People in long-term support", f"{rng.randint(2, 23) * 1000 + rng.randint(0, 999):,}"),
            ("People in short-term support", f"{rng.randint(4, 55) * 100:,}"),
        ]
    return demo, fin
