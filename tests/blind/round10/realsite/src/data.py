"""Family data for the round10 'realsite' blind copy. Everything printed and every key come from here."""
import random

THEMES = [
    "How the local authority works with people",
    "Providing support",
    "How the local authority ensures safety within the system",
    "Leadership",
]

# num, theme index, name, formal suffix, pilot theme seg, pilot stmt seg
STATEMENTS = [
    (1, 0, "Assessing needs", "theme1-needs", "1-working-with-people", "assessing-needs"),
    (2, 0, "Supporting people to lead healthier lives", "theme1-healthier-lives", "1-working-with-people", "supporting-people-lead-healthier-lives"),
    (3, 0, "Equity in experience and outcomes", "theme1-equity", "1-working-with-people", "equity-experience-outcomes"),
    (4, 1, "Care provision, integration and continuity", "theme2-care", "2-providing-support", "care-provision-integration-continuity"),
    (5, 1, "Partnerships and communities", "theme2-partnerships", "2-providing-support", "partnerships-communities"),
    (6, 2, "Safe pathways, systems and transitions", "theme3-pathways", "3-ensuring-safety", "safe-pathways-systems-transitions"),
    (7, 2, "Safeguarding", "theme3-safeguarding", "3-ensuring-safety", "safeguarding"),
    (8, 3, "Governance, management and sustainability", "theme4-governance", "4-leadership", "governance-management-sustainability"),
    (9, 3, "Learning, improvement and innovation", "theme4-learning", "4-leadership", "learning-improvement-innovation"),
]

EXPECT = {
    1: ["I get an assessment of my needs that looks at my whole life, not just my diagnosis.",
        "I am told how long things will take and what happens next."],
    2: ["I get help early so that small problems do not become crises.",
        "I know where to find information about staying well in my community."],
    3: ["I am treated fairly whoever I am and wherever I live.",
        "Barriers that stop people like me getting support are understood and removed."],
    4: ["I can choose from support that meets my needs, close to home.",
        "The people who support me talk to each other so that I only tell my story once."],
    5: ["Organisations in my area work together so that I get joined-up support."],
    6: ["When I move between services, or from children's to adult services, my care carries on safely.",
        "There is a plan for my care if my carer can no longer support me."],
    7: ["I feel safe and am supported to make my own choices about risk.",
        "When concerns about my safety are raised, they are dealt with quickly and I am kept informed."],
    8: ["I can see that leaders know what is happening for people like me.",
        "Decisions about my care are based on good information."],
    9: ["I can help shape how services are improved.",
        "My feedback makes a difference."],
}
COMMIT = {
    1: "We work with people to understand what matters to them and assess their needs in a timely and person-centred way.",
    2: "We help people to stay well and independent for as long as possible, and we act early to prevent needs from growing.",
    3: "We understand the diverse communities we serve and act to reduce inequalities in access, experience and outcomes.",
    4: "We make sure there is a range of safe, high-quality and affordable care and support available locally.",
    5: "We build strong partnerships with health, housing, the voluntary sector and communities to deliver joined-up care.",
    6: "We plan transitions carefully so that people's care is safe and continuous when they move between services.",
    7: "We work with partners to keep people safe from abuse and neglect, putting their wishes at the centre.",
    8: "We have clear and accountable leadership, good governance and the information we need to manage risk.",
    9: "We learn from feedback, data and best practice, and we involve people in improving how we work.",
}
BAND = {1: "Evidence shows significant shortfalls", 2: "Evidence shows some shortfalls",
        3: "Evidence shows a good standard", 4: "Evidence shows an exceptional standard"}

SUBHEADS = {
    1: ["Assessment, care planning and review arrangements", "Timeliness of assessments and reviews", "Support for unpaid carers"],
    2: ["Arrangements to prevent, delay or reduce needs", "Provision of information and advice", "Direct payments"],
    3: ["Understanding and reducing inequalities", "Inclusion and accessibility arrangements"],
    4: ["Understanding local needs for care and support", "Market shaping and commissioning", "Ensuring sufficiency of care"],
    5: ["Partnership working to deliver shared local and national objectives", "Arrangements for integration", "Work with voluntary and community groups"],
    6: ["Safety management", "Safety during transitions", "Contingency planning"],
    7: ["Safeguarding systems, processes and practices", "Responding to local safeguarding risks and issues", "Making safeguarding personal"],
    8: ["Governance, accountability and risk management", "Strategic planning", "Information security"],
    9: ["Continuous learning, improvement and professional development", "Co-production and learning from feedback"],
}


def _fmt_pct(x, style):
    if style == "pc":
        return f"{x} per cent"
    return f"{x}%"


def findings(n, score, short, rng, pct_style):
    """Return key_findings list for statement n."""
    heads = SUBHEADS[n][: 2 + (score % 2)]
    out = []
    tone = {1: "significant delays", 2: "delays for some people", 3: "generally timely responses", 4: "consistently prompt responses"}[score]
    for i, h in enumerate(heads):
        a = round(rng.uniform(35, 80), 1)
        b = round(a + rng.uniform(-9, 9), 1)
        cmp_word = "higher than" if a > b else "lower than"
        wait = rng.randint(60, 1400)
        days = rng.randint(12, 90)
        paras = []
        if i == 0:
            paras.append(f"Staff and partners in {short} described {tone} under this heading. "
                         f"At the time of our assessment {wait:,} people were waiting for an assessment or review, "
                         f"and the median wait was {days} days.")
            paras.append(f"The Adult Social Care Survey (ASCS) showed that {_fmt_pct(a, pct_style)} of people who use services "
                         f"were satisfied with their care and support, which was {cmp_word} the England average of {_fmt_pct(b, pct_style)}.")
        elif i == 1:
            paras.append(f"Leaders had a clear picture of the pressures in this area. Data provided by the local authority showed "
                         f"that {_fmt_pct(a, pct_style)} of people had their review completed on time, against a local target of {_fmt_pct(rng.choice([75, 80, 85, 90]), pct_style)}.")
            if score <= 2:
                paras.append("Some people told us they had chased the local authority several times before hearing back, "
                             "and partners said that communication about waiting times could be clearer.")
            else:
                paras.append("People we spoke with said they understood what would happen next and who to contact if things changed.")
        else:
            paras.append(f"The Survey of Adult Carers in England (SACE) found that {_fmt_pct(a, pct_style)} of carers "
                         f"felt they had as much social contact as they would like, compared with the England average of {_fmt_pct(b, pct_style)}.")
        out.append({"heading": h, "paragraphs": paras})
    return out


def band_of(pct):
    if pct >= 88:
        return "Outstanding"
    if pct >= 63:
        return "Good"
    if pct >= 39:
        return "Requires improvement"
    return "Inadequate"


def pct_of(scores):
    s = sum(scores)
    return int((s * 100 * 2 + 36) // (36 * 2))  # round half up of s/36*100


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


# slug, council, short, la_code, kind, published, last_updated(list of per-page extra dates), scores,
# template, grouping, pdf engine or None, expect override
FAMILIES = [
    # pilots
    dict(slug="birmingham-cc", council="Birmingham City Council", short="Birmingham", la="E08000025", kind="pilot",
         pub="2023-11-17", upd="2023-11-17", start="2023-05-15", scores=[2, 3, 3, 3, 3, 2, 2, 3, 3], rating="Good",
         tpl="classic", group="statement", pdf="weasyprint"),
    dict(slug="nottingham-city", council="Nottingham City Council", short="Nottingham", la="E06000018", kind="pilot",
         pub="2023-11-17", upd="2024-01-09", start="2023-06-05", scores=[2, 2, 2, 3, 2, 2, 3, 2, 3], rating="Requires improvement",
         tpl="summarylist", group="onepage", pdf=None),
    dict(slug="lincolnshire-cc", council="Lincolnshire County Council", short="Lincolnshire", la="E10000019", kind="pilot",
         pub="2023-11-17", upd="2023-11-17", start="2023-06-19", scores=[3, 3, 2, 3, 3, 3, 3, 3, 3], rating="Good",
         tpl="table", group="theme", pdf=None),
    # formal
    dict(slug="camden-0225", council="London Borough of Camden", short="Camden", la="E09000007", kind="formal",
         pub="2025-02-14", upd="2025-02-14", scores=[3, 3, 4, 3, 4, 4, 3, 4, 4], tpl="classic", group="statement", pdf="weasyprint"),
    dict(slug="staffordshire-0525", council="Staffordshire County Council", short="Staffordshire", la="E10000028", kind="formal",
         pub="2025-05-23", upd="2025-06-02", scores=[3] * 9, tpl="summarylist", group="statement", pdf="weasyprint"),
    dict(slug="stokeontrent-0625", council="Stoke-on-Trent City Council", short="Stoke-on-Trent", la="E06000021", kind="formal",
         pub="2025-06-13", upd="2025-06-20", scores=[2, 2, 2, 3, 3, 2, 3, 3, 3], tpl="classic", group="statement", pdf="libreoffice"),
    dict(slug="derbyshirecc-0824", council="Derbyshire County Council", short="Derbyshire", la="E10000007", kind="formal",
         pub="2024-08-16", upd="2024-08-16", scores=[2, 3, 2, 3, 3, 3, 2, 3, 3], tpl="table", group="theme", pdf=None),
    dict(slug="leicestercity-0725", council="Leicester City Council", short="Leicester", la="E06000016", kind="formal",
         pub="2025-07-11", upd="2025-07-18", scores=[2, 2, 2, 2, 3, 2, 2, 2, 3], tpl="cards", group="onepage", pdf="libreoffice"),
    dict(slug="WBerkshire-0524", council="West Berkshire Council", short="West Berkshire", la="E06000037", kind="formal",
         pub="2024-05-24", upd="2024-05-24", scores=[3, 2, 2, 2, 2, 3, 3, 3, 3], tpl="classic", group="statement", pdf=None),
    dict(slug="southendonsea-0825", council="Southend-on-Sea City Council", short="Southend-on-Sea", la="E06000033", kind="formal",
         pub="2025-08-08", upd="2025-08-29", scores=[3, 3, 3, 2, 3, 2, 3, 3, 3], tpl="summarylist", group="theme", pdf=None),
    dict(slug="durham-0824", council="Durham County Council", short="County Durham", la="E06000047", kind="formal",
         pub="2024-08-02", upd="2024-08-02", scores=[2, 3, 2, 3, 3, 3, 2, 3, 3], tpl="classic", group="statement", pdf=None),
    dict(slug="Hounslow-0524", council="London Borough of Hounslow", short="Hounslow", la="E09000018", kind="formal",
         pub="2024-05-24", upd="2024-07-05", scores=[2, 2, 3, 3, 3, 3, 3, 3, 3], tpl="table", group="statement", pdf=None),
    dict(slug="knowsley-0825", council="Knowsley Council", short="Knowsley", la="E08000011", kind="formal",
         pub="2025-08-22", upd="2025-08-22", scores=[3] * 9, tpl="cards", group="theme", pdf=None),
    dict(slug="essex-0625", council="Essex County Council", short="Essex", la="E10000012", kind="formal",
         pub="2025-06-27", upd="2025-06-27", scores=[2, 3, 3, 3, 3, 3, 3, 3, 3], tpl="summarylist", group="onepage", pdf=None),
    dict(slug="gateshead-0325", council="Gateshead Council", short="Gateshead", la="E08000037", kind="formal",
         pub="2025-03-21", upd="2025-03-21", scores=[2, 2, 2, 3, 3, 3, 3, 3, 3], tpl="classic", group="statement", pdf="chromium"),
    dict(slug="blackpool-0825", council="Blackpool Council", short="Blackpool", la="E06000009", kind="formal",
         pub="2025-08-15", upd="2025-09-03", scores=[1, 1, 1, 2, 2, 2, 1, 1, 1], tpl="table", group="statement", pdf="libreoffice"),
    dict(slug="lancashire-0825", council="Lancashire County Council", short="Lancashire", la="E10000017", kind="formal",
         pub="2025-08-01", upd="2025-08-01", scores=[2] * 9, tpl="cards", group="statement", pdf=None),
    dict(slug="thurrock-0825", council="Thurrock Council", short="Thurrock", la="E06000034", kind="formal",
         pub="2025-08-29", upd="2025-08-29", scores=[3, 3, 2, 3, 4, 3, 3, 3, 3], tpl="classic", group="theme", pdf=None),
    # refused: printed % contradicts nine scores (sum 24 -> 67), page prints 72%
    dict(slug="wiltshire-0125", council="Wiltshire Council", short="Wiltshire", la="E06000054", kind="formal",
         pub="2025-01-24", upd="2025-01-24", scores=[2, 3, 3, 3, 2, 3, 2, 3, 3], tpl="classic", group="statement", pdf=None,
         printed_pct=72, notload="The overall summary prints 72% but the nine statement scores sum to 24 of 36, which is 67%."),
    # refused: statement 7 (Safeguarding) prints no score
    dict(slug="surrey-1124", council="Surrey County Council", short="Surrey", la="E10000030", kind="formal",
         pub="2024-11-22", upd="2024-11-22", scores=[2, 3, 3, 3, 3, 3, None, 3, 3], tpl="summarylist", group="statement", pdf=None,
         printed_pct=69, printed_rating="Good",
         notload="Safeguarding (quality statement 7) prints no score, on the summary or its own page; the overall 69% cannot be checked against nine scores."),
]


def enrich(f):
    rng = random.Random(f["slug"])
    f["pct_style"] = "pc" if f["tpl"] == "table" else "sym"
    sc = f["scores"]
    if f["kind"] == "formal":
        if None not in sc:
            f["pct"] = pct_of(sc)
            f["rating"] = band_of(f["pct"])
        else:
            f["pct"] = None
            f["rating"] = f.get("printed_rating")
        if "printed_pct" in f:
            f["shown_pct"] = f["printed_pct"]
        else:
            f["shown_pct"] = f["pct"]
    else:
        f["pct"] = None
        f["shown_pct"] = None
    f["statements"] = {}
    for (n, t, name, suf, tseg, sseg) in STATEMENTS:
        s = sc[n - 1] if sc[n - 1] is not None else 2
        f["statements"][n] = dict(expect=EXPECT[n], commitment=COMMIT[n],
                                  findings=findings(n, s, f["short"], rng, f["pct_style"]))
    pop = rng.randint(90, 1500) * 1000 + rng.randint(0, 9) * 100
    dec = rng.randint(1, 10)
    rank = rng.randint(1, 153)
    f["demog_structured"] = f["tpl"] in ("summarylist", "table")
    if f["demog_structured"]:
        f["demographics"] = [
            {"label": "Population", "value": f"{pop:,}"},
            {"label": "Index of Multiple Deprivation (IMD) decile", "value": f"{dec} (rank {rank} of 153)"},
            {"label": "People aged 65 and over", "value": f"{round(rng.uniform(12, 24), 1)}% (England: 18.4%)"},
            {"label": "Ethnicity: White", "value": f"{round(rng.uniform(40, 96), 1)}% (England: 81.0%)"},
            {"label": "Political control", "value": rng.choice(["Labour", "Conservative", "No overall control", "Liberal Democrat"])},
        ]
    else:
        f["demographics"] = [
            {"text": f"The local authority has a population of approximately {pop:,} people."},
            {"text": f"{f['short']} is in deprivation decile {dec}, ranked {rank} of 153 local authorities (1 is the most deprived)."},
            {"text": f"{round(rng.uniform(12, 24), 1)}% of the population is aged 65 or over, compared with 18.4% in England."},
            {"text": f"{round(rng.uniform(40, 96), 1)}% of people identify as White, compared with 81.0% in England."},
            {"text": "Political control: " + rng.choice(["Labour", "Conservative", "No overall control", "Liberal Democrat"]) + "."},
        ]
    spend = round(rng.uniform(60, 520), 1)
    share = round(rng.uniform(20, 46), 2)
    diff = round(rng.uniform(0.5, 18), 1)
    lt = rng.randint(12, 230) * 100
    st = rng.randint(3, 60) * 100
    if f["kind"] == "pilot":
        tb_e = rng.randint(600_000_000, 3_500_000_000)
        tb_a = tb_e + rng.randint(-40_000_000, 60_000_000)
        asc_e = int(tb_e * share / 100)
        asc_a = asc_e + rng.randint(-9_000_000, 15_000_000)
        f["financial"] = [
            {"text": f"The total budget for 2022/23 was estimated at £{tb_e:,}; the actual budget was £{tb_a:,}."},
            {"text": f"The estimated adult social care spend for 2022/23 was £{asc_e:,}; the actual spend was £{asc_a:,}."},
            {"text": f"In 2022/23, {share}% of the budget was spent on adult social care."},
            {"text": "The local authority raised the adult social care precept in 2022/23" + rng.choice([".", ", by 1%.", ", by 2%."])},
            {"text": f"Approximately {lt:,} people were accessing long-term adult social care support in 2022/23."},
        ]
    elif f["demog_structured"]:
        f["financial"] = [
            {"label": "Adult social care spend 2023/24", "value": f"£{spend}m"},
            {"label": "Share of total budget", "value": f"{share}%"},
            {"label": "Difference from estimate", "value": f"£{diff}m " + rng.choice(["under", "over"])},
            {"label": "People in long-term support", "value": f"{lt:,}"},
            {"label": "People in short-term support", "value": f"{st:,}"},
        ]
    else:
        f["financial"] = [
            {"text": f"The local authority spent £{spend}m on adult social care in 2023/24. This was {share}% of its total budget."},
            {"text": f"This was £{diff}m " + rng.choice(["less", "more"]) + " than the estimated spend for 2023/24."},
            {"text": f"Approximately {lt:,} people were accessing long-term adult social care support, and approximately {st:,} people were accessing short-term adult social care support in 2023/24."},
        ]
    good = [STATEMENTS[i][2].lower() for i in range(9) if (sc[i] or 0) >= 3][:2]
    f["people"] = [
        f"People in {f['short']} told us they were mostly treated with kindness and respect by staff, and that once support was in place it made a real difference to their lives.",
        f"However, some people described long waits for assessments and said it was not always clear who to contact while they waited. Unpaid carers said respite was hard to arrange at short notice.",
    ]
    if good:
        f["people"].append("Feedback was most positive about " + " and ".join(good) + ".")
    f["strengths"] = [
        f"{f['short']} had a clear vision for adult social care that staff understood and supported.",
        "Areas for development included reducing waiting lists and improving how information is shared with people and carers.",
    ]
    return f


def all_families():
    return [enrich(dict(f)) for f in FAMILIES]


def human_date(iso, style="long"):
    y, m, d = (int(x) for x in iso.split("-"))
    if style == "long":
        return f"{d} {MONTHS[m-1]} {y}"
    if style == "short":
        return f"{d} {MONTHS[m-1][:3]} {y}"
    if style == "slash":
        return f"{d:02d}/{m:02d}/{y}"
    return iso
