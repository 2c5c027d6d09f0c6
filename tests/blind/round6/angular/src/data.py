"""Data for the round6 'angular' blind site. Every text printed on pages, PDFs and keys comes from here."""
import datetime as dt
import random

THEMES = {
    1: "How the local authority works with people",
    2: "Providing support",
    3: "How the local authority ensures safety within the system",
    4: "Leadership",
}

# number -> (name, theme, slug piece for URLs)
STATEMENTS = {
    1: ("Assessing needs", 1, "needs"),
    2: ("Supporting people to lead healthier lives", 1, "healthier-lives"),
    3: ("Equity in experiences and outcomes", 1, "equity"),
    4: ("Care provision, integration and continuity", 2, "care"),
    5: ("Partnerships and communities", 2, "partnerships"),
    6: ("Safe pathways, systems and transitions", 3, "pathways"),
    7: ("Safeguarding", 3, "safeguarding"),
    8: ("Governance, management and sustainability", 4, "governance"),
    9: ("Learning, improvement and innovation", 4, "learning"),
}

BAND = {
    1: "Evidence shows significant shortfalls",
    2: "Evidence shows some shortfalls",
    3: "Evidence shows a good standard",
    4: "Evidence shows an exceptional standard",
}
RATING_PHRASE = {
    "Outstanding": "Evidence shows an exceptional standard",
    "Good": "Evidence shows a good standard",
    "Requires improvement": "Evidence shows some shortfalls",
    "Inadequate": "Evidence shows significant shortfalls",
}

EXPECT = {
    1: ["I have care and support that is coordinated, and everyone works well together and with me.",
        "I have care and support that enables me to live as I want to, seeing me as a unique person with skills, strengths and goals."],
    2: ["I can get information and advice about my health, care and support and how I can be as well as possible - physically, mentally and emotionally.",
        "I am supported to plan ahead for important changes in my life that I can anticipate."],
    3: ["I have care and support that enables me to live as I want to, seeing me as a unique person with skills, strengths and goals.",
        "I feel that my background, identity and culture are understood and respected by the people who support me."],
    4: ["I have care and support that is coordinated, and everyone works well together and with me.",
        "I can get the right support when I need it, close to where I live, from people who know me."],
    5: ["I have care and support that is coordinated, and everyone works well together and with me.",
        "I can take part in activities in my neighbourhood that matter to me."],
    6: ["When I move between services, settings or areas, there is a plan for what happens next and who will do what, and all the practical arrangements are in place.",
        "I feel safe and am supported to understand and manage any risks."],
    7: ["I feel safe and am supported to understand and manage any risks.",
        "People who support me listen when I raise a worry and tell me what they are doing about it."],
    8: ["I know who is responsible for decisions about my care and how to raise a concern about them.",
        "I can see that the people running local services understand what matters to people like me."],
    9: ["I am asked about my experience of care and support and I can see that it makes a difference.",
        "I can help shape how services change in my area if I want to."],
}

COMMIT = {
    1: "We maximise the effectiveness of people's care and treatment by assessing and reviewing their health, care, wellbeing and communication needs with them.",
    2: "We support people to manage their health and wellbeing so they can maximise their independence, choice and control, live healthier lives and where possible, reduce future needs for care and support.",
    3: "We actively seek out and listen to information about people who are most likely to experience inequality in experience or outcomes. We tailor the care, support and treatment in response to this.",
    4: "We understand the diverse health and care needs of people and our local communities, so care is joined-up, flexible and supports choice and continuity.",
    5: "We understand our duty to collaborate and work in partnership, so our services work seamlessly for people. We share information and learning with partners and collaborate for improvement.",
    6: "We work with people and our partners to establish and maintain safe systems of care, in which safety is managed, monitored and assured. We ensure continuity of care, including when people move between different services.",
    7: "We work with people to understand what being safe means to them and work with our partners to develop the best way to achieve this. We concentrate on improving people's lives while protecting their right to live in safety, free from bullying, harassment, abuse, discrimination, avoidable harm and neglect.",
    8: "We have clear responsibilities, roles, systems of accountability and good governance to manage and deliver good quality, sustainable care, treatment and support. We act on the best information about risk, performance and outcomes, and we share this securely with others when appropriate.",
    9: "We focus on continuous learning, innovation and improvement across our organisation and the local system. We encourage creative ways of delivering equality of experience, outcome and quality of life for people. We actively contribute to safe, effective practice and research.",
}

FINDING_HEADINGS = {
    1: ["Assessment, care planning and review arrangements", "Timeliness of assessments, care planning and reviews", "Eligibility decisions for care and support"],
    2: ["Arrangements to prevent, delay or reduce needs for care and support", "Provision and impact of intermediate care and reablement services", "Accessible information and advice"],
    3: ["Understanding and reducing barriers to care and support and reducing inequalities", "Inclusion and accessibility arrangements"],
    4: ["Understanding local needs for care and support", "Market shaping and commissioning to meet local needs", "Ensuring sufficiency of provision", "Ensuring quality of provision"],
    5: ["Partnership working to deliver shared local and national objectives", "Arrangements to support effective partnership working", "Working with voluntary and charity sector groups"],
    6: ["Safety management", "Safety during transitions", "Contingency planning"],
    7: ["Safeguarding systems, processes and practices", "Responding to local safeguarding risks and issues", "Responding to concerns and undertaking Section 42 enquiries", "Making safeguarding personal"],
    8: ["Governance, accountability and risk management", "Strategic planning", "Information security"],
    9: ["Continuous learning, improvement and professional development", "Learning from feedback"],
}


def _pc(rng, lo, hi):
    return round(rng.uniform(lo, hi), 1)


def findings(n, score, council, short, rng):
    """Key findings for statement n: list of (heading or None, [blocks]); blocks are str or ('li', [items])."""
    H = FINDING_HEADINGS[n]
    a, e = _pc(rng, 52, 84), _pc(rng, 55, 78)
    wk = rng.randint(3, 19)
    wait = rng.randint(140, 1650)
    good = score >= 3
    out = []
    if n == 1:
        out.append((H[0], [
            f"People told us that practitioners from {short} listened to them during assessments and that their views were reflected in their support plans. Assessments we reviewed were strengths-based and recorded what mattered to the person as well as their eligible needs.",
            f"Data from the Adult Social Care Survey showed {a}% of people who use services felt they had control over their daily life, compared with the England average of {e}%.",
        ]))
        if good:
            out.append((H[1], [f"At the time of our assessment {wait} people were waiting for a Care Act assessment. The median wait was {wk} days, and staff contacted people waiting to check whether their needs had changed."]))
        else:
            out.append((H[1], [f"At the time of our assessment {wait} people were waiting for a Care Act assessment, and some had waited over {wk} months. Risk screening of the waiting list was not consistent across teams and people were not always told how long they might wait.",
                               "Reviews of care and support plans were frequently overdue, which leaders recognised as a priority in their improvement plan."]))
        out.append((H[2], ["Eligibility decisions were made in line with the Care Act and people were told how decisions had been reached. Staff said that panel processes were clear and did not cause delay."]))
    elif n == 2:
        out.append((H[0], [f"The local authority funded a range of community-based prevention services, including falls prevention, social prescribing and a handyperson scheme. Partners described the prevention offer in {short} as well known and easy to refer into.",
                           f"{a}% of people who used reablement were still at home 91 days after leaving hospital, compared with the England average of {e}%."]))
        out.append((H[1], [f"Reablement was delivered by an in-house team working alongside therapists. The service accepted referrals from the community as well as from hospital, and waits were around {wk} days at the time of our assessment." if good else
                           f"Demand for reablement exceeded capacity and some people who would have benefited from it went straight to long-term home care. Waits for the service were around {wk} weeks at the time of our assessment."]))
        out.append((H[2], [f"Information and advice were available online, by phone and face to face. The Survey of Adult Carers in England showed {_pc(rng, 45, 70)}% of carers found it easy to find information about support, compared with the England average of {_pc(rng, 52, 62)}%."]))
    elif n == 3:
        out.append((H[0], [f"Leaders had a good understanding of the demographics of {short} and used data to identify groups who were less likely to ask for support, including some minority ethnic communities and people who were digitally excluded." if good else
                           f"The local authority had started to collect equality data but did not yet use it to understand which groups were under-represented in its services. Staff and partners gave us mixed views about how well it reached seldom-heard communities.",
                           "Unpaid carers from minority ethnic communities told us they had not always been offered a carer's assessment."]))
        out.append((H[1], ["Interpreting and translation services were available and staff knew how to arrange them. Easy read versions of key documents had been produced with people with a learning disability."]))
    elif n == 4:
        out.append((H[0], [f"The market position statement described current and future demand, including a projected rise of {rng.randint(12, 34)}% in the number of people aged 85 and over by 2035."]))
        out.append((H[1], ["Commissioners worked with providers to develop the market, including through a provider forum that met every quarter. Providers told us fee rates had been set after open discussion of costs."]))
        out.append((H[2], [f"There was enough home care to meet demand in most areas, though some rural areas relied on a small number of providers. {rng.randint(60, 380)} hours of home care a week were waiting to be allocated at the time of our assessment." if good else
                           f"There was not enough nursing care or specialist dementia provision in the area, and some people were placed out of area as a result. {rng.randint(60, 380)} hours of home care a week were waiting to be allocated at the time of our assessment."]))
        out.append((H[3], [f"{rng.randint(70, 92)}% of adult social care providers in the area were rated good or outstanding by CQC, compared with the England average of {rng.randint(78, 84)}%. The quality assurance team visited providers and shared findings with commissioners."]))
    elif n == 5:
        out.append((H[0], [f"{council} worked with the integrated care board and NHS trusts on shared priorities, including hospital discharge and support for people with complex needs. Partners told us about:",
                           ("li", ["a jointly funded discharge to assess service", "shared workforce training across health and social care", "joint commissioning of mental health supported housing"]),
                           "Pooled budgets under the Better Care Fund were used to fund community services and were monitored through a joint board."]))
        out.append((H[1], ["Partnership governance was clear and partners said relationships were open and constructive." if good else
                           "Partners described relationships that depended on individuals rather than agreed arrangements, and some joint plans had not been reviewed for several years."]))
        out.append((H[2], [f"The voluntary and community sector was seen as an equal partner. Grant funding of around £{rng.randint(1, 9)}.{rng.randint(1, 9)}m a year supported local organisations to deliver information, advocacy and carers' services."]))
    elif n == 6:
        out.append((H[0], ["The local authority used data and feedback to identify risks to people's safety, and staff knew how to escalate concerns about a provider."]))
        out.append((H[1], [f"Young people moving to adult services were identified from the age of 14. Parents told us planning started early and they knew who to contact." if good else
                           f"Young people moving to adult services were not always identified early enough, and some parents told us planning began only a few weeks before their child's 18th birthday.",
                           f"{a}% of people were discharged from hospital on the day they were ready to leave, compared with an England average of {e}%."]))
        out.append((H[2], ["Contingency plans were in place for provider failure, and the local authority had recently supported people to move safely when a care home closed."]))
    elif n == 7:
        out.append((H[0], [f"The Safeguarding Adults Board had a clear strategic plan and an independent chair. Partners understood their roles and attended the board regularly."]))
        out.append((H[1], ["Learning from Safeguarding Adults Reviews was shared with staff through briefings and practice workshops."]))
        out.append((H[2], [f"Safeguarding concerns were screened within 24 hours and enquiries were allocated promptly. At the time of our assessment {rng.randint(12, 60)} enquiries were waiting for allocation." if good else
                           f"There were delays in screening safeguarding concerns at the front door. At the time of our assessment {rng.randint(60, 420)} concerns were waiting to be screened, some for longer than {wk} weeks, and the local authority could not be assured that risks to people were being managed.",
                           f"{a}% of people who use services said they felt safe, compared with the England average of {e}%."]))
        out.append((H[3], ["People were asked what outcomes they wanted from a safeguarding enquiry and most said these were met."]))
    elif n == 8:
        out.append((H[0], ["There were clear lines of accountability from frontline staff to elected members. The Director of Adult Social Services was a member of the corporate leadership team and reported regularly to the cabinet member." if good else
                           "There had been several changes of senior leader in the past two years, and staff told us this had slowed improvement. Performance reports did not always reach elected members in time for them to challenge progress."]))
        out.append((H[1], [f"The adult social care strategy ran to 2028 and was co-produced with people who draw on care and support. Leaders had a realistic view of the budget pressures facing {short}."]))
        out.append((H[2], ["Staff completed information governance training and data sharing agreements were in place with health partners."]))
    elif n == 9:
        out.append((None, [f"Staff told us {short} was a good place to work and that they had time for learning and reflective supervision." if good else
                           "Staff said caseloads made it difficult to find time for training, though most had regular supervision."]))
        out.append((H[0], ["The principal social worker led a practice development programme and an annual practice conference. Newly qualified social workers were well supported through their first year."]))
        out.append((H[1], [f"Complaints were used to improve services. The local authority received {rng.randint(80, 260)} complaints about adult social care in the last year and upheld {rng.randint(20, 45)}% of them."]))
    if score == 4:
        out[0][1].append(f"We saw exceptional practice in this area that other local authorities could learn from.")
    if score == 1:
        out[0][1].append("We found significant shortfalls in this area and people were at risk of harm as a result.")
    return out


def people_experience(council, short, rating, rng):
    a, e = _pc(rng, 55, 80), _pc(rng, 58, 70)
    return [
        f"Most people we spoke with told us that staff in {short} were kind and that they were treated with dignity. People valued being able to speak to the same worker and said their care was arranged around what mattered to them.",
        f"Some people told us they had waited a long time for an assessment or review, and unpaid carers said it was not always easy to get a break. {a}% of carers were satisfied with social services, compared with the England average of {e}%.",
        "People said they could get information and advice in different ways, although some found the website hard to use.",
    ]


def strengths(council, short, rating):
    return [
        f"{council} had a clear vision for adult social care that staff and partners understood.",
        f"The local authority should continue to reduce waiting times for assessments and reviews, and check that the risk of people who are waiting is reviewed regularly.",
    ]


def demographics(rng, pop, decile, rank, control, region):
    over65 = _pc(rng, 11, 24)
    bme = _pc(rng, 4, 55)
    return [
        ("Population", f"{pop:,}"),
        ("Deprivation", f"decile {decile} (rank {rank} of 153 local authorities, where 1 is the most deprived)"),
        ("Age profile", f"{over65}% of people are aged 65 and over (England: 18.4%)"),
        ("Ethnicity", f"{bme}% of people are from Black, Asian, mixed or other ethnic groups (England: 19.0%)"),
        ("Political control", control),
    ]


def finance_formal(rng):
    spend = round(rng.uniform(60, 520), 1)
    share = round(rng.uniform(22, 46), 2)
    diff = round(rng.uniform(0.4, 16), 1)
    under = rng.random() < 0.5
    lt = rng.randint(1500, 23000)
    st = rng.randint(300, 5500)
    return [
        ("Adult social care spend 2023/24", f"£{spend}m"),
        ("Share of the council's total budget spent on adult social care", f"{share}%"),
        ("Difference from the 2023/24 estimate", f"£{diff}m {'under' if under else 'over'} the estimate"),
        ("People in long-term support", f"{lt:,}"),
        ("People in short-term support", f"{st:,}"),
    ]


def finance_pilot(rng):
    est = rng.randint(700_000_000, 1_400_000_000)
    act = est + rng.randint(-9_000_000, 25_000_000)
    asc_e = rng.randint(280_000_000, 420_000_000)
    asc_a = asc_e + rng.randint(-4_000_000, 18_000_000)
    return [
        ("Total budget 2022/23 (estimated)", f"£{est:,}"),
        ("Total budget 2022/23 (actual)", f"£{act:,}"),
        ("Adult social care budget 2022/23 (estimated)", f"£{asc_e:,}"),
        ("Adult social care spend 2022/23 (actual)", f"£{asc_a:,}"),
        ("Share of the budget spent on adult social care", f"{round(asc_a / act * 100, 1)}%"),
        ("Adult social care precept raised in 2022/23", "Yes, by 1%"),
        ("Approximate number of people in long-term support", f"{rng.randint(4000, 12000):,}"),
    ]


def pct_of(scores):
    s = sum(scores)
    return int(s * 100 // 36 + (1 if (s * 100) % 36 * 2 >= 36 else 0))


def band_of(p):
    return "Inadequate" if p <= 38 else "Requires improvement" if p <= 62 else "Good" if p <= 87 else "Outstanding"


# family definitions ---------------------------------------------------------------
# skin: 0 classic label lines, 1 role=table grid + score cards, 2 real tables + summary lists, 3 cards/badges/accordions
# shape: 'suffix' (<slug>-theme1-needs), 'path' (<slug>/theme-1/needs), 'qs' (<slug>/quality-statement/needs)
# grouping: 'statement', 'theme', 'single'
F = [
    # slug, council, short, la_code, kind, published, updated, scores, grouping, shape, skin, pdf engine, extra
    ("camden-0225", "London Borough of Camden", "Camden", "E09000007", "formal", "2025-02-14", "2025-02-14", [3,3,4,3,4,4,3,4,4], "statement", "suffix", 3, "chromium", {}),
    ("staffordshire-0525", "Staffordshire County Council", "Staffordshire", "E10000028", "formal", "2025-05-09", "2025-05-22", [3]*9, "theme", "path", 1, "lo", {}),
    ("stokeontrent-0625", "Stoke-on-Trent City Council", "Stoke-on-Trent", "E06000021", "formal", "2025-06-13", "2025-06-20", [2,2,2,3,3,2,3,3,3], "statement", "suffix", 0, None, {}),
    ("derbyshirecc-0824", "Derbyshire County Council", "Derbyshire", "E10000007", "formal", "2024-08-16", "2024-09-03", [2,3,2,3,3,3,2,3,3], "single", "suffix", 2, "chromium", {}),
    ("leicestercity-0725", "Leicester City Council", "Leicester", "E06000016", "formal", "2025-07-18", "2025-07-18", [2,2,2,2,3,2,2,2,3], "statement", "qs", 1, "lo", {}),
    ("WBerkshire-0524", "West Berkshire Council", "West Berkshire", "E06000037", "formal", "2024-05-24", "2024-06-11", [3,2,2,2,2,3,3,3,3], "theme", "suffix", 0, None, {}),
    ("southendonsea-0825", "Southend-on-Sea City Council", "Southend-on-Sea", "E06000033", "formal", "2025-08-08", "2025-08-08", [3,3,3,2,3,2,3,3,3], "statement", "path", 2, None, {}),
    ("blackpool-0825", "Blackpool Council", "Blackpool", "E06000009", "formal", "2025-08-22", "2025-09-02", [1,1,1,2,2,2,1,1,1], "single", "qs", 3, "lo", {}),
    ("lancashire-0825", "Lancashire County Council", "Lancashire", "E10000017", "formal", "2025-08-29", "2025-08-29", [2]*9, "statement", "suffix", 1, None, {}),
    ("warrington-0525", "Warrington Borough Council", "Warrington", "E06000007", "formal", "2025-05-30", "2025-06-04", [2,3,2,2,3,2,1,2,2], "theme", "qs", 3, None, {}),
    ("kensingtonchelsea-0725", "Royal Borough of Kensington and Chelsea", "Kensington and Chelsea", "E09000020", "formal", "2025-07-04", "2025-07-04", [3,4,4,3,4,3,4,4,3], "statement", "path", 0, None, {}),
    ("durham-0824", "Durham County Council", "County Durham", "E06000047", "formal", "2024-08-09", "2024-08-09", [2,3,2,3,3,3,2,3,3], "statement", "qs", 2, None, {}),
    ("Hounslow-0524", "London Borough of Hounslow", "Hounslow", "E09000018", "formal", "2024-05-17", "2024-05-17", [2,2,3,3,3,3,3,3,3], "single", "path", 1, None, {}),
    ("wirral-0125", "Wirral Council", "Wirral", "E08000015", "formal", "2025-01-24", "2025-01-24", [2,3,2,2,3,2,2,2,3], "statement", "suffix", 0, None,
     {"printed_pct": 61, "not_loaded": "The summary prints an overall score of 61%, but its nine quality statement scores sum to 21, which is 58% by CQC's formula."}),
    ("medway-0125", "Medway Council", "Medway", "E06000035", "formal", "2025-01-31", "2025-02-07", [2,3,2,2,3,3,2,2,2], "theme", "path", 2, None,
     {"missing_score": 8, "not_loaded": "Quality statement 8 (Governance, management and sustainability) has no score on the summary or on its own page; only eight of the nine scores are published."}),
    # pilots
    ("birmingham-cc", "Birmingham City Council", "Birmingham", "E08000025", "pilot", "2023-11-17", "2023-11-17", [2,3,3,3,3,2,2,3,3], "theme", "pilot", 0, "chromium", {}),
    ("nottingham-city", "Nottingham City Council", "Nottingham", "E06000018", "pilot", "2023-11-17", "2024-01-09", [2,2,2,3,2,2,3,2,3], "single", "pilot", 2, None, {}),
    ("lincolnshire-cc", "Lincolnshire County Council", "Lincolnshire", "E10000019", "pilot", "2023-11-17", "2023-11-17", [3,3,2,3,3,3,2,3,3], "statement", "pilot", 1, None, {}),
]

CONTROL = ["Labour", "Conservative", "No overall control", "Liberal Democrat", "Reform UK", "Labour", "Conservative"]
REGIONS = {}


def build():
    fams = []
    for i, (slug, council, short, code, kind, pub, upd, scores, grouping, shape, skin, pdf, extra) in enumerate(F):
        rng = random.Random(slug)
        pct = pct_of(scores)
        rating = band_of(pct)
        fam = dict(slug=slug, council=council, short=short, la_code=code, kind=kind,
                   published=dt.date.fromisoformat(pub), updated=dt.date.fromisoformat(upd),
                   scores=scores, pct=pct, printed_pct=extra.get("printed_pct", pct), rating=rating,
                   grouping=grouping, shape=shape, skin=skin, pdf_engine=pdf, extra=extra)
        fam["statements"] = {}
        for n in range(1, 10):
            fam["statements"][n] = dict(expect=EXPECT[n], commit=COMMIT[n],
                                        findings=findings(n, scores[n - 1], council, short, rng))
        fam["people"] = people_experience(council, short, rating, rng)
        fam["strengths"] = strengths(council, short, rating)
        decile = rng.randint(1, 10)
        fam["demographics"] = demographics(rng, rng.randint(95, 1200) * 1000 + rng.randint(0, 999),
                                           decile, rng.randint((decile - 1) * 153 // 10 + 1, decile * 153 // 10),
                                           CONTROL[i % len(CONTROL)], None)
        fam["finance"] = finance_pilot(rng) if kind == "pilot" else finance_formal(rng)
        if kind == "pilot":
            fam["start_date"] = dt.date(2023, 6, 5) + dt.timedelta(days=7 * (i % 3))
        fams.append(fam)
    return fams
