"""Report data and invented prose for the blind 'realsite' corpus (round 9).

Everything the pages, PDFs and answer keys print comes from build_family() here,
so the keys are written from the same data the renderers use.
"""
import random

THEMES = {
    1: "How the local authority works with people",
    2: "Providing support",
    3: "How the local authority ensures safety within the system",
    4: "Leadership",
}

# number, theme, name
STATEMENTS = [
    (1, 1, "Assessing needs"),
    (2, 1, "Supporting people to lead healthier lives"),
    (3, 1, "Equity in experience and outcomes"),
    (4, 2, "Care provision, integration and continuity"),
    (5, 2, "Partnerships and communities"),
    (6, 3, "Safe pathways, systems and transitions"),
    (7, 3, "Safeguarding"),
    (8, 4, "Governance, management and sustainability"),
    (9, 4, "Learning, improvement and innovation"),
]
STMT = {n: (t, name) for n, t, name in STATEMENTS}

BAND = {
    1: "Evidence shows significant shortfalls",
    2: "Evidence shows some shortfalls",
    3: "Evidence shows a good standard",
    4: "Evidence shows an exceptional standard",
}


def pct_of(scores):
    s = sum(scores)
    return (s * 200 + 36) // 72  # round(s/36*100), halves up


def band_of(pct):
    if pct >= 88:
        return "Outstanding"
    if pct >= 63:
        return "Good"
    if pct >= 39:
        return "Requires improvement"
    return "Inadequate"


EXPECT = {
    1: ["I can get an assessment of my needs when I ask for one, and it looks at what matters to me.",
        "I am involved in decisions about my care and I understand how my personal budget was worked out.",
        "My carer's needs are looked at as well as mine."],
    2: ["I get help early so that my needs do not grow.",
        "I can find clear information about the support available in my area, in a format I can use."],
    3: ["I am treated fairly, and my culture, identity and language are respected.",
        "I get the same quality of support as anyone else, wherever I live in the area."],
    4: ["I can choose from a range of good quality services that meet my needs.",
        "My care is joined up and I do not have to repeat my story to every new person."],
    5: ["The organisations that support me work well together.",
        "I can take part in activities in my community that help me stay connected."],
    6: ["I feel safe when I move between services, such as leaving hospital or turning 18.",
        "My support carries on if I move to a different area."],
    7: ["I feel safe and I am supported to understand and manage the risks in my life.",
        "When I raise a concern, people listen to me and act quickly."],
    8: ["I trust the council to spend money wisely on care and support.",
        "Leaders listen to people who use services and act on what they hear."],
    9: ["My feedback is used to make services better.",
        "I can help to shape new ways of delivering care and support."],
}

COMMIT = {
    1: "We work with people to understand their strengths, needs and goals, and we plan support around the outcomes they want to achieve.",
    2: "We help people to stay well and independent for as long as possible, and we act early to prevent, delay or reduce the need for care.",
    3: "We understand the diverse needs of our communities and we act to remove the barriers that lead to unequal outcomes.",
    4: "We make sure there is enough good quality care in our area, and we work with partners so that care is coordinated around each person.",
    5: "We build lasting relationships with health partners, the voluntary sector and communities so that people get the right support at the right time.",
    6: "We plan moves between services carefully and share information safely, so that people are not put at risk when their circumstances change.",
    7: "We work with partners to protect people from abuse and neglect, and we put people's wishes at the centre of every safeguarding enquiry.",
    8: "We have clear leadership and governance, we manage the risks to our budget and our services, and we plan for the future.",
    9: "We learn from people's experiences, from our data and from other councils, and we use what we learn to improve and to try new ideas.",
}

HEADINGS = {
    1: ["Assessment, care planning and review arrangements",
        "Timeliness of assessments, care planning and reviews",
        "Support for unpaid carers"],
    2: ["Arrangements to prevent, delay or reduce needs for care and support",
        "Provision of accessible information and advice",
        "Direct payments"],
    3: ["Understanding and reducing barriers to care and support",
        "Inclusion and accessibility arrangements"],
    4: ["Understanding local needs for care and support",
        "Ensuring sufficiency, quality and diversity of care provision",
        "Workforce"],
    5: ["Partnership working to deliver shared local and national objectives",
        "Working with voluntary and community sector groups"],
    6: ["Safety management",
        "Safety during transitions",
        "Contingency planning"],
    7: ["Safeguarding systems, processes and practices",
        "Responding to local safeguarding risks and issues",
        "Making safeguarding personal"],
    8: ["Governance, accountability and risk management",
        "Strategic planning and use of resources"],
    9: ["Continuous learning, improvement and professional development",
        "Learning from feedback"],
}


def _f(r, lo, hi):
    return round(r.uniform(lo, hi), 1)


def findings(n, short, s, r, pilot):
    """Return [(heading, [paragraphs])] for statement n with score s."""
    good = s >= 3
    out = []
    h = HEADINGS[n]
    survey = "Adult Social Care Survey 2022/23" if pilot else "Adult Social Care Survey 2023/24"
    carers = "Survey of Adult Carers in England 2021/22" if pilot else "Survey of Adult Carers in England 2023/24"
    if n == 1:
        wk = r.randint(3, 9) if good else r.randint(14, 38)
        waiting = r.randint(40, 180) if good else r.randint(420, 1350)
        a, b = _f(r, 60, 72), _f(r, 65, 69)
        out.append((h[0], [
            (f"People told us that assessments in {short} were person-centred and that staff took time to understand what mattered to them. "
             f"Practitioners used a strengths-based approach and recorded people's own words in their care and support plans."
             if good else
             f"Feedback about assessments in {short} was mixed. Some people said staff listened to them, but others told us they had to explain their "
             f"situation several times and did not receive a copy of their care and support plan."),
            f"In the {survey}, {a}% of people said they had as much control over their daily life as they wanted, compared with the England average of {b}%.",
        ]))
        out.append((h[1], [
            (f"Most people received an assessment within {wk} weeks of first contact. At the time of our assessment {waiting} people were waiting for an "
             f"assessment, and leaders had a clear plan to keep this number low."
             if good else
             f"People could wait a long time for an assessment. Data provided by the local authority showed {waiting} people were waiting, and the "
             f"longest waits were around {wk} weeks. Staff contacted people on the waiting list, but these checks were not always recorded."),
        ]))
        c1, c2 = _f(r, 28, 42), _f(r, 35, 37)
        out.append((h[2], [
            f"Unpaid carers could ask for a carer's assessment online, by telephone or through a local carers' organisation.",
            f"In the {carers}, {c1}% of carers said they were satisfied with social services, against an England average of {c2}%.",
        ]))
    elif n == 2:
        a, b = _f(r, 58, 74), _f(r, 66, 68)
        dp, dpe = _f(r, 18, 34), _f(r, 25, 27)
        out.append((h[0], [
            (f"The local authority invested in reablement, equipment and technology-enabled care, which helped people to regain skills after a period of ill health."
             if good else
             f"Preventative services were not consistently available across {short}. Partners told us that the reablement service had capacity problems and people sometimes went straight to long-term home care."),
        ]))
        out.append((h[1], [
            f"In the {survey}, {a}% of people who use services found it easy to find information about support, compared with the England average of {b}%.",
            ("Information was available in easy read and in the most common community languages." if good else
             "Some people told us the council's website was hard to use and that printed information was out of date."),
        ]))
        out.append((h[2], [
            f"{dp}% of people who received long-term support used a direct payment, compared with the England average of {dpe}%.",
        ]))
    elif n == 3:
        out.append((h[0], [
            (f"Leaders understood the make-up of their communities and used data to find groups who were less likely to ask for support."
             if good else
             f"The local authority had limited data about the people who did not come forward for support, and there was no plan to close the gaps it had identified."),
            f"Staff described work with faith groups and community organisations to reach people from Black, Asian and minority ethnic communities.",
        ]))
        out.append((h[1], [
            ("Interpreters and British Sign Language support were easy to book, and staff received training in equality and inclusion." if good else
             "People told us that interpreters were not always booked for assessments, and some relied on family members to translate."),
        ]))
    elif n == 4:
        hc = r.randint(2, 9) if good else r.randint(60, 240)
        out.append((h[0], [
            f"The market position statement set out expected demand for residential, nursing and home care over the next five years.",
        ]))
        out.append((h[1], [
            (f"There was enough home care to meet demand, and {hc} people were waiting for a package of care at the time of our assessment."
             if good else
             f"There was not enough home care in rural parts of {short}. At the time of our assessment {hc} people were waiting for a home care package, "
             f"and some people were placed in care homes outside the area."),
            f"{r.randint(72, 88)}% of care homes and {r.randint(78, 92)}% of home care agencies in the area were rated good or outstanding by CQC.",
        ]))
        out.append((h[2], [
            (f"The local authority worked with providers on recruitment and paid at least the real living wage in its home care contracts." if good else
             f"Providers told us that fee levels made it hard to recruit and keep care workers, and staff turnover remained high."),
        ]))
    elif n == 5:
        out.append((h[0], [
            ("Partners described a mature relationship with the integrated care board and shared priorities for hospital discharge and prevention." if good else
             "Partnership arrangements were developing. Health partners told us that joint plans had been agreed but were not yet making a difference to people."),
            f"The Better Care Fund was used to fund {r.randint(4, 12)} joint schemes, including a falls response service.",
        ]))
        out.append((h[1], [
            f"The voluntary and community sector was seen as an equal partner, and {r.randint(20, 90)} local groups received small grants during the year.",
        ]))
    elif n == 6:
        ts = r.randint(20, 45)
        out.append((h[0], [
            ("Risks to people waiting for support were reviewed every week by team managers." if good else
             "There was no consistent way of checking on the safety of people waiting for a review, and some reviews were more than two years overdue."),
        ]))
        out.append((h[1], [
            f"The preparing for adulthood team worked with young people from the age of 14. {ts} young people moved to adult services in the last year.",
            ("Hospital discharge worked well, with a discharge to assess model in place." if good else
             "Some young people and their families told us the move to adult services was confusing and that plans were made late."),
        ]))
        out.append((h[2], [
            "Business continuity plans were in place and had been tested with providers during periods of severe weather.",
        ]))
    elif n == 7:
        conc = r.randint(1800, 5200)
        pct = _f(r, 60, 98) if good else _f(r, 30, 60)
        msp, mspe = _f(r, 86, 96), _f(r, 88, 92)
        out.append((h[0], [
            f"The safeguarding adults board had clear priorities and an annual report that partners understood.",
            (f"The local authority received {conc:,} safeguarding concerns in the last year. {pct}% were screened within 24 hours."
             if good else
             f"The local authority received {conc:,} safeguarding concerns in the last year, but only {pct}% were screened within the 24-hour target, and there was a backlog of enquiries."),
        ]))
        out.append((h[1], [
            ("Partners knew how to raise a concern and received feedback about what happened next." if good else
             "Some partners said they did not hear back after raising a concern, and were unsure whether action had been taken."),
        ]))
        out.append((h[2], [
            f"In the Safeguarding Adults Collection, {msp}% of people who were asked said their desired outcomes were fully or partly met, compared with the England average of {mspe}%.",
        ]))
    elif n == 8:
        out.append((h[0], [
            ("Leaders were visible and staff told us that the director of adult social services was approachable and knew the challenges they faced." if good else
             "There had been several changes of senior leaders, and staff told us that the pace of change had affected morale."),
            "Performance reports went to the cabinet member and to scrutiny committee every quarter.",
        ]))
        out.append((h[1], [
            ("The medium-term financial plan was realistic and savings plans had been delivered as planned." if good else
             f"The local authority faced significant financial pressure and relied on reserves to balance the adult social care budget."),
        ]))
    elif n == 9:
        out.append((h[0], [
            ("Staff had good access to training, and there was a programme for newly qualified social workers in their first year." if good else
             "Staff had access to training, but learning from complaints and reviews was not shared widely across teams."),
        ]))
        out.append((h[1], [
            f"People with lived experience were members of a co-production board that met {r.choice(['every month', 'every 2 months', 'quarterly'])}.",
            ("The local authority used feedback to redesign its carers' offer, which people told us had made a real difference." if good else
             "People said they were asked for feedback but did not hear what had changed as a result."),
        ]))
    return out


def people_experience(short, scores, r, pilot):
    good = sum(scores.values()) >= 23 if scores else True
    a, b = _f(r, 58, 72), _f(r, 63, 65)
    yr = "2022/23" if pilot else "2023/24"
    return [
        (f"Most people we spoke with in {short} told us staff were kind and listened to them. People valued being able to stay in their own homes "
         f"with support, and unpaid carers described a good relationship with their social worker."
         if good else
         f"People in {short} had mixed experiences of adult social care. Some people praised individual staff, but many told us it was hard to get "
         f"through to the right team and that they waited too long for an assessment or review."),
        f"In the Adult Social Care Survey {yr}, {a}% of people said they were extremely or very satisfied with their care and support, against an England average of {b}%.",
        ("Carers told us they wanted more breaks and clearer information about respite options." if good else
         "Carers told us they felt left to cope alone and did not know how to ask for a carer's assessment."),
    ]


def strengths(short, scores):
    low = [STMT[n][1] for n in range(1, 10) if scores.get(n) is not None and scores[n] <= 2]
    high = [STMT[n][1] for n in range(1, 10) if scores.get(n) is not None and scores[n] >= 3]
    out = []
    if high:
        out.append(f"Areas of strength included {', '.join(x.lower() for x in high[:3])}.")
    if low:
        out.append(f"The local authority should focus on {', '.join(x.lower() for x in low[:3])}, where we found shortfalls.")
    out.append("We will monitor progress through our regular engagement with the local authority.")
    return out


# ---------------------------------------------------------------- families

def fam(**kw):
    return kw


FAMILIES = [
    # formal, per statement, notes-style markup (Drupal "classic" template 2024-25)
    fam(slug="stokeontrent-0625", council="Stoke-on-Trent City Council", short="Stoke-on-Trent", code="E06000021",
        kind="formal", published="2025-06-13", updated={"about": "2025-06-20"}, scores=[2, 2, 2, 3, 3, 2, 3, 3, 3],
        grouping="statement", urls="suffix", style="classic", pdf="chromium", region="West Midlands",
        pop="258,400", depr=(2, 14), control="Labour"),
    fam(slug="staffordshire-0525", council="Staffordshire County Council", short="Staffordshire", code="E10000028",
        kind="formal", published="2025-05-16", updated={}, scores=[3] * 9,
        grouping="statement", urls="suffix", style="classic", pdf="chromium", region="West Midlands",
        pop="884,000", depr=(7, 101), control="Reform UK"),
    fam(slug="derbyshirecc-0824", council="Derbyshire County Council", short="Derbyshire", code="E10000007",
        kind="formal", published="2024-08-23", updated={"summary": "2024-09-02"}, scores=[2, 3, 2, 3, 3, 3, 2, 3, 3],
        grouping="theme", urls="path", style="table", pdf="libreoffice", region="East Midlands",
        pop="802,700", depr=(6, 88), control="Conservative"),
    fam(slug="leicestercity-0725", council="Leicester City Council", short="Leicester", code="E06000016",
        kind="formal", published="2025-07-11", updated={}, scores=[2, 2, 2, 2, 3, 2, 2, 2, 3],
        grouping="statement", urls="suffix", style="dl", pdf="libreoffice", region="East Midlands",
        pop="368,600", depr=(2, 20), control="Labour",
        finance=["The local authority spent £172.5m on adult social care in 2023/24.",
                 "This was 22.89% of its total budget.",
                 "Spending was £15.3m less than the local authority had estimated.",
                 "About 3,900 people were in long-term support and around 1,150 people in short-term support during the year."]),
    fam(slug="camden-0225", council="London Borough of Camden", short="Camden", code="E09000007",
        kind="formal", published="2025-02-14", updated={"all": "2025-03-03"}, scores=[3, 3, 4, 3, 4, 4, 3, 4, 4],
        grouping="onepage", urls="path", style="redesign", pdf="weasyprint", region="London",
        pop="210,100", depr=(4, 48), control="Labour"),
    fam(slug="WBerkshire-0524", council="West Berkshire Council", short="West Berkshire", code="E06000037",
        kind="formal", published="2024-05-21", updated={}, scores=[3, 2, 2, 2, 2, 3, 3, 3, 3],
        grouping="statement", urls="suffix", style="classic", pdf=None, region="South East",
        pop="161,500", depr=(10, 148), control="Liberal Democrat"),
    fam(slug="durham-0824", council="Durham County Council", short="County Durham", code="E06000047",
        kind="formal", published="2024-08-16", updated={"s7": "2024-10-01"}, scores=[2, 3, 2, 3, 3, 3, 2, 3, 3],
        grouping="statement", urls="suffix", style="table", pdf="chromium", region="North East",
        pop="522,100", depr=(3, 44), control="Conservative-led coalition"),
    fam(slug="lancashire-0825", council="Lancashire County Council", short="Lancashire", code="E10000017",
        kind="formal", published="2025-08-29", updated={}, scores=[2] * 9,
        grouping="theme", urls="path", style="redesign", pdf="weasyprint", region="North West",
        pop="1,235,400", depr=(5, 66), control="Reform UK",
        finance=["Adult social care spend in 2023/24 was about £496m.",
                 "This was about 45% of the local authority's net budget.",
                 "Spending was close to the original estimate, at £2.1m above it.",
                 "About 23,000 people were in long-term support and over 5,500 people received short-term support."]),
    fam(slug="blackpool-0825", council="Blackpool Council", short="Blackpool", code="E06000009",
        kind="formal", published="2025-08-08", updated={}, scores=[1, 1, 1, 2, 2, 2, 1, 1, 1],
        grouping="statement", urls="path", style="tag", pdf="chromium", region="North West",
        pop="141,100", depr=(1, 1), control="Labour"),
    fam(slug="southendonsea-0825", council="Southend-on-Sea City Council", short="Southend-on-Sea", code="E06000033",
        kind="formal", published="2025-08-22", updated={}, scores=[3, 3, 3, 2, 3, 2, 3, 3, 3],
        grouping="onepage", urls="suffix", style="dl", pdf="weasyprint", region="East of England",
        pop="182,500", depr=(5, 70), control="Labour-led coalition"),
    fam(slug="Hounslow-0524", council="London Borough of Hounslow", short="Hounslow", code="E09000018",
        kind="formal", published="2024-05-21", updated={"summary": "2024-05-28"}, scores=[2, 2, 3, 3, 3, 3, 3, 3, 3],
        grouping="statement", urls="suffix", style="classic", pdf="chromium", region="London",
        pop="289,400", depr=(4, 52), control="Labour"),
    fam(slug="wirral-0125", council="Wirral Council", short="Wirral", code="E08000015",
        kind="formal", published="2025-01-24", updated={}, scores=[2, 3, 2, 2, 3, 2, 2, 2, 3],
        grouping="theme", urls="suffix", style="tag", pdf=None, region="North West",
        pop="322,200", depr=(3, 39), control="No overall control"),
    fam(slug="croydon-1025", council="London Borough of Croydon", short="Croydon", code="E09000008",
        kind="formal", published="2025-10-03", updated={"all": "2025-10-10"}, scores=[2, 2, 3, 2, 3, 2, 3, 3, 3],
        grouping="onepage", urls="path", style="table", pdf="chromium", region="London",
        pop="397,700", depr=(5, 75), control="Conservative (directly elected mayor)"),
    fam(slug="norfolk-0226", council="Norfolk County Council", short="Norfolk", code="E10000020",
        kind="formal", published="2026-02-13", updated={}, scores=[3, 2, 3, 3, 3, 2, 3, 3, 3],
        grouping="statement", urls="path", style="redesign", pdf="libreoffice", region="East of England",
        pop="925,300", depr=(6, 86), control="Reform UK", newfin=True, invented=True),
    # refused families
    fam(slug="somerset-0326", council="Somerset Council", short="Somerset", code="E06000066",
        kind="formal", published="2026-03-20", updated={}, scores=[2, 3, 2, 3, 3, 2, 3, 2, 2],
        printed_pct=64, printed_rating="Good",
        grouping="statement", urls="suffix", style="classic", pdf="chromium", region="South West",
        pop="576,900", depr=(6, 92), control="Liberal Democrat", newfin=True, invented=True,
        not_loaded="The page prints 64% and Good, but the nine published scores sum to 22, which is 61% (Requires improvement) under CQC's formula."),
    fam(slug="cornwall-1125", council="Cornwall Council", short="Cornwall", code="E06000052",
        kind="formal", published="2025-11-28", updated={}, scores=[3, 2, 2, 3, 3, 2, None, 3, 2],
        printed_pct=61, printed_rating="Requires improvement",
        grouping="statement", urls="suffix", style="dl", pdf=None, region="South West",
        pop="577,700", depr=(4, 58), control="Liberal Democrat and Independent", invented=True,
        not_loaded="Quality statement 7 (Safeguarding) has no published score, so the overall 61% cannot be checked against nine scores."),
    # pilots
    fam(slug="birmingham-cc", council="Birmingham City Council", short="Birmingham", code="E08000025",
        kind="pilot", published="2023-11-17", updated={}, scores=[2, 3, 3, 3, 3, 2, 2, 3, 3], rating="Good",
        grouping="theme", urls="pilot", style="pilot", pdf="libreoffice", region="West Midlands",
        pop="1,144,900", depr=(1, 7), control="Labour", start="2023-06-05"),
    fam(slug="nottingham-city", council="Nottingham City Council", short="Nottingham", code="E06000018",
        kind="pilot", published="2023-11-17", updated={"about": "2024-01-09"}, scores=[2, 2, 2, 3, 2, 2, 3, 2, 3],
        rating="Requires improvement",
        grouping="onepage", urls="pilot", style="pilot", pdf=None, region="East Midlands",
        pop="323,700", depr=(1, 11), control="Labour", start="2023-06-12"),
    fam(slug="lincolnshire-cc", council="Lincolnshire County Council", short="Lincolnshire", code="E10000019",
        kind="pilot", published="2023-11-17", updated={}, scores=[3, 3, 2, 3, 3, 3, 3, 2, 3], rating="Good",
        grouping="statement", urls="pilot", style="pilot", pdf="chromium", region="East Midlands",
        pop="768,400", depr=(7, 96), control="Conservative", start="2023-06-19", placeholder_scores=True),
]


def build_family(f):
    r = random.Random(f["slug"])
    pilot = f["kind"] == "pilot"
    scores = {i + 1: s for i, s in enumerate(f["scores"])}
    known = [s for s in f["scores"] if s is not None]
    if pilot:
        pct = None
        rating = f["rating"]
    else:
        pct = f.get("printed_pct", pct_of(known))
        rating = f.get("printed_rating", band_of(pct))
    stm = {}
    for n in range(1, 10):
        s = scores[n] if scores[n] is not None else 2
        stm[n] = {
            "expect": EXPECT[n][: 3 if n == 1 and not pilot else 2],
            "commitment": COMMIT[n],
            "findings": findings(n, f["short"], s, r, pilot),
        }
    pe = people_experience(f["short"], {k: v for k, v in scores.items() if v is not None}, r, pilot)
    d = f["depr"]
    older, olderE = _f(r, 14, 26), 18.6
    minority, minorityE = _f(r, 3, 62), 19.0
    demo_text = [
        f"The population of {f['short']} is about {f['pop']}.",
        f"{f['short']} is in deprivation decile {d[0]} and is ranked {d[1]} out of 153 local authorities, where 1 is the most deprived.",
        f"{older}% of the population is aged 65 or over, compared with {olderE}% in England.",
        f"{minority}% of people are from ethnic minority groups, compared with {minorityE}% in England.",
        ("No party has overall control of the council." if f["control"] == "No overall control"
         else f"The local authority is under {f['control']} political control."),
    ]
    demographics = [
        ("Population", f["pop"]),
        ("Deprivation", f"Decile {d[0]} (ranked {d[1]} of 153 local authorities, where 1 is the most deprived)"),
        ("Age", f"{older}% of people are aged 65 and over (England: {olderE}%)"),
        ("Ethnicity", f"{minority}% of people are from an ethnic minority group (England: {minorityE}%)"),
        ("Political control", f["control"]),
    ]
    if pilot:
        tb = r.randint(900, 3200) * 1_000_000 + r.randint(0, 999_999)
        ta = tb + r.randint(-30_000_000, 45_000_000)
        ab = r.randint(180, 420) * 1_000_000 + r.randint(0, 999_999)
        aa = ab + r.randint(-8_000_000, 14_000_000)
        share = round(aa * 100 / ta, 1)
        finance = [
            f"The local authority estimated its total budget for 2022/23 to be £{tb:,}. Its actual spend for that year was £{ta:,}.",
            f"It estimated that it would spend £{ab:,} on adult social care in 2022/23. Its actual spend was £{aa:,}.",
            f"In 2022/23, {share}% of the budget was spent on adult social care.",
            ("The local authority has raised the adult social care precept for 2023/24, at 2%. Nationally the average was 1.9%."
             if r.random() < 0.6 else "The local authority has not raised the adult social care precept for 2023/24."),
            f"Approximately {r.randint(4, 14):,},{r.randint(100, 999)} people were accessing long-term adult social care support in 2022/23.",
        ]
        finance_kv = None
    elif f.get("newfin"):
        finance = None
        spend = _f(r, 300, 700)
        finance_kv = [
            ("Gross current expenditure on adult social care, 2024/25", f"£{spend}m"),
            ("Expenditure per adult aged 18 and over", f"£{r.randint(520, 780)}"),
            ("Adult social care as a share of core spending power", f"{_f(r, 38, 52)}%"),
            ("People receiving long-term support during the year", f"{r.randint(9000, 19000):,}"),
            ("Requests for support from new clients", f"{r.randint(18000, 42000):,}"),
        ]
    else:
        finance_kv = None
        finance = f.get("finance") or [
            f"The local authority spent £{_f(r, 140, 480)}m on adult social care in 2023/24.",
            f"This was {round(r.uniform(24, 44), 2)}% of its total budget.",
            (f"Spending was £{_f(r, 0.5, 12)}m more than the local authority had estimated." if r.random() < 0.5 else
             f"Spending was £{_f(r, 0.5, 9)}m less than the local authority had estimated."),
            f"{r.randint(2500, 12000):,} people were getting long-term support and {r.randint(600, 3500):,} people were getting short-term support.",
        ]
    return dict(f, pilot=pilot, scoremap=scores, pct=pct, rating=rating, stm=stm, people=pe,
                strengths=strengths(f["short"], scores), demographics=demographics, demo_text=demo_text,
                finance=finance, finance_kv=finance_kv)
