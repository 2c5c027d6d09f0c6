"""Report data and invented prose for the blind 'static' site (round3).

Everything the pages, PDFs and answer keys print comes from the dicts built here.
The prose is invented placeholder text written for this corpus.
"""
import datetime as dt
import random

D = dt.date

STATEMENTS = {
    1: ("Assessing needs", 1),
    2: ("Supporting people to lead healthier lives", 1),
    3: ("Equity in experiences and outcomes", 1),
    4: ("Care provision, integration and continuity", 2),
    5: ("Partnership and communities", 2),
    6: ("Safe pathways, systems and transitions", 3),
    7: ("Safeguarding", 3),
    8: ("Governance, management and sustainability", 4),
    9: ("Learning, improvement and innovation", 4),
}
THEMES = {
    1: "How the local authority works with people",
    2: "Providing support",
    3: "How the local authority ensures safety within the system",
    4: "Leadership",
}
THEME_STATEMENTS = {1: [1, 2, 3], 2: [4, 5], 3: [6, 7], 4: [8, 9]}
BAND_PHRASE = {
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


def pct_of(scores):
    s = sum(scores.values())
    # round half up
    return int((s * 100 * 2 + 36) // (36 * 2))


def band(pct):
    if pct >= 88:
        return "Outstanding"
    if pct >= 63:
        return "Good"
    if pct >= 39:
        return "Requires improvement"
    return "Inadequate"


# --------------------------------------------------------------------------------------
# I-statements and we-statements (written for this corpus; not the framework wording)
EXPECT = {
    1: ["I have an assessment that looks at my whole life, including my wellbeing and what matters to me.",
        "I only have to tell my story once, and the people supporting me share what they know with each other.",
        "I understand how decisions about my care and support are made, and I can have my say in them."],
    2: ["I can find out about, and get, the help I need to stay well and independent for as long as possible.",
        "I get support early, so that small problems do not turn into a crisis."],
    3: ["I am treated fairly, whatever my background, and the support I get reflects who I am.",
        "The things that stop people like me from getting care are noticed and taken away."],
    4: ["I can choose from a range of good quality care and support close to where I live.",
        "My care is joined up, so I do not have to repeat myself each time a new service is involved.",
        "I know my support will carry on if a provider I rely on closes or changes."],
    5: ["The organisations around me work together so that my support fits my life.",
        "Local groups and voluntary services are part of how my needs are met."],
    6: ["I feel safe when I move between services, for example when I leave hospital.",
        "When my life changes, the plans for my support change with it, without gaps."],
    7: ["I feel safe, and I am helped to understand risks in a way that respects my choices.",
        "If I raise a concern about abuse or neglect, I am listened to and something is done quickly."],
    8: ["I can see that the council is run well, by leaders who know what care and support is like here.",
        "I trust that money for care and support is planned and spent carefully."],
    9: ["What I say about my care is used to make services better.",
        "I am involved in shaping new ways of providing care and support."],
}
COMMIT = {
    1: "We work with people to understand their strengths, needs and goals, and we plan their care and support with them in a timely and joined-up way, including for unpaid carers.",
    2: "We help people to stay healthy, active and independent, and we act early to prevent, delay or reduce their need for care and support.",
    3: "We understand the different communities we serve, and we act to tackle inequalities in how people experience care and in the outcomes they achieve.",
    4: "We make sure there is enough safe, good quality and affordable care and support locally, and we work with partners so that it is joined up and continuous.",
    5: "We work alongside health partners, the voluntary sector and local communities to plan and deliver support that leads to better outcomes for people.",
    6: "We plan for safe moves between services and settings, we share information securely, and we keep people safe when services change or fail.",
    7: "We work with partners to prevent abuse and neglect, we respond quickly and in proportion to concerns, and we let people's own wishes guide what we do.",
    8: "We have clear leadership, governance and accountability, we understand the risks to meeting our duties, and we use our resources in a sustainable way.",
    9: "We learn from feedback, complaints and good practice, and we work with people and partners to improve and to try new approaches.",
}

# Sub-headings used under "Key findings for this quality statement"
SUBHEADS = {
    1: ["Assessment, care planning and review arrangements",
        "Arrangements to assess carers' needs and plan for them",
        "Help for people to meet their non-eligible care and support needs",
        "Eligibility decisions for care and support",
        "Financial assessment and charging for care and support",
        "Provision of independent advocacy"],
    2: ["Arrangements to prevent, delay or reduce needs for care and support",
        "Intermediate care and reablement",
        "Equipment and home adaptations",
        "Accessible information and advice"],
    3: ["Understanding and reducing barriers to care and support",
        "Inclusion and accessibility arrangements",
        "Working with diverse communities"],
    4: ["Understanding local needs for care and support",
        "Market shaping and commissioning",
        "Sufficiency and quality of care provision",
        "Sustainability of the care market",
        "Workforce capacity"],
    5: ["Partnership working to deliver shared objectives",
        "Arrangements that support joint working",
        "Working with voluntary and community sector groups"],
    6: ["Safety management",
        "Safety during transitions",
        "Contingency planning"],
    7: ["Section 42 safeguarding enquiries",
        "Responding to local safeguarding risks and issues",
        "Making safeguarding personal",
        "Deprivation of Liberty Safeguards"],
    8: ["Governance, accountability and risk management",
        "Strategic planning",
        "Information security",
        "Workforce equality, diversity and inclusion"],
    9: ["Continuous learning, improvement and professional development",
        "Learning from feedback",
        "Co-production and involving people"],
}

POS = {
    1: ["Staff described a strengths-based approach, and the care records we sampled showed that people's own goals were written down in their words.",
        "People told us their assessments were thorough and that they were treated with respect by the practitioners who visited them.",
        "Reviews of long-term support were mostly completed on time, and a dedicated review team had reduced the number of overdue reviews over the past year.",
        "Unpaid carers could have a separate assessment, and a commissioned carers' service offered wellbeing checks, training and short breaks.",
        "Decisions about eligibility were recorded clearly and checked by senior practitioners, and people knew how to challenge a decision they disagreed with."],
    2: ["A broad offer of early help, including community wellbeing hubs and a social prescribing service, helped people to stay independent at home.",
        "The reablement service was well regarded by partners, and most people who used it needed less support, or none, when it ended.",
        "Occupational therapists worked at the front door, so that simple equipment could be delivered within days of a first contact.",
        "Information about care and support was available online, in print and by telephone, and it had been checked for accessibility by local people."],
    3: ["Leaders knew the make-up of local communities and used data on protected characteristics to check who was, and was not, reaching services.",
        "Interpreters and translated materials were routinely available, and staff could describe how they adapted assessments for people with communication needs.",
        "Work with faith groups and community champions had improved how many people from Black and minority ethnic communities asked for help."],
    4: ["Commissioners had a good understanding of the local care market, set out in a market position statement that providers said was useful.",
        "Most home care packages started within a week of being agreed, and there were few people waiting for a provider to be found.",
        "Providers described constructive relationships with commissioners and said fee uplifts had been agreed openly and on time.",
        "A high proportion of local care services were rated good or outstanding, and quality monitoring was targeted at services where risks were rising."],
    5: ["Partners described mature relationships with the local authority and shared priorities set out in a joint health and wellbeing strategy.",
        "Joint commissioning arrangements with the integrated care board were in place for hospital discharge, mental health and learning disability services.",
        "Voluntary and community sector organisations were funded on multi-year agreements, which they said gave them stability to plan."],
    6: ["Hospital discharge arrangements worked well, with a single team coordinating discharges and few people delayed for social care reasons.",
        "Young people moving to adult services were known early, and transition planning usually began from the age of 14.",
        "Business continuity plans were tested, and the local authority had stepped in promptly when a home care provider closed last year."],
    7: ["Safeguarding concerns were screened promptly by a multi-agency hub, and urgent concerns were responded to on the same day.",
        "People who had been through a safeguarding enquiry told us they were kept informed and asked what outcome they wanted.",
        "The safeguarding adults board had a clear plan, and partners said learning from reviews was shared widely and acted on."],
    8: ["Political and officer leaders had a shared understanding of adult social care and its risks, and members scrutinised performance regularly.",
        "The adult social care strategy was co-produced and linked to a clear delivery plan with measurable objectives.",
        "Budgets were closely monitored, and savings plans had been delivered without reducing people's access to support."],
    9: ["Staff had good access to training and development, and newly qualified social workers were supported through an assessed first year.",
        "Feedback from complaints and compliments was analysed each quarter and used to change practice.",
        "People with lived experience sat on the adult social care partnership board and had helped to redesign the carers' offer."],
}
NEG = {
    1: ["At the time of our assessment, {wait_n} people were waiting for a Care Act assessment, and the median wait was {wait_w} weeks.",
        "Some people told us they had waited a long time to hear back after first contact, and that they had to chase the local authority for updates.",
        "Reviews were not always completed on time, and {rev_n} people had not had a review of their support for more than 12 months.",
        "Carers told us they did not always know they could have an assessment of their own, and the number of carers' assessments had fallen.",
        "Waiting times for financial assessments were long, and some people received backdated invoices that caused them worry."],
    2: ["The range of preventative services was limited in some parts of the area, and people in rural communities found them harder to reach.",
        "There were waits for occupational therapy assessments of up to {ot_w} weeks, which delayed equipment and adaptations.",
        "People told us information about care and support was hard to find, and the website did not always explain what help was available.",
        "Reablement capacity was mostly used for people leaving hospital, so fewer people could use it to avoid a hospital admission."],
    3: ["Data on equality was not consistently collected, so the local authority could not be sure which groups were under-represented in services.",
        "Some people whose first language was not English told us they had struggled to arrange an interpreter for their assessment.",
        "Leaders recognised that work to understand the needs of people from Gypsy, Roma and Traveller communities was at an early stage."],
    4: ["There were gaps in the supply of nursing care and of support for people with complex needs, and some people had to move out of the area to get it.",
        "Recruitment and retention of care workers remained difficult, and providers said fee levels did not reflect the true cost of care.",
        "Some home care packages took more than {hc_w} weeks to start, and people relied on family members or short-term placements in the meantime.",
        "The market position statement was out of date, and providers were not clear what the local authority wanted to commission in future."],
    5: ["Joint working with health partners was still developing, and pooled budget arrangements were limited to the Better Care Fund.",
        "Voluntary sector partners told us short-term contracts made it hard to keep staff and to plan ahead.",
        "Partners were not always clear about the local authority's priorities, and some joint plans lacked measures of impact."],
    6: ["Some young people moving to adult services did not have a plan in place by their 18th birthday, which caused them and their families anxiety.",
        "Information sharing between the local authority and health partners relied on several systems that did not link, which risked gaps when people moved between services.",
        "Hospital discharge worked less well at weekends, and some people stayed in hospital longer than they needed to."],
    7: ["At the time of our assessment, {sg_n} safeguarding concerns were waiting to be screened, some for several weeks.",
        "Safeguarding records did not always show that people had been asked what outcomes they wanted, and feedback was not gathered consistently.",
        "There was a backlog of Deprivation of Liberty Safeguards applications, with {dols_n} applications waiting to be allocated."],
    8: ["Performance data was not always reliable, which limited leaders' ability to understand demand, waiting times and outcomes.",
        "The adult social care strategy had not been refreshed, and staff were not clear how their work linked to it.",
        "There were significant financial pressures, and leaders recognised that the current overspend could not be sustained."],
    9: ["Learning from complaints and safeguarding reviews was not shared consistently across teams.",
        "Co-production was at an early stage, and people with lived experience told us they were consulted late in the process.",
        "Staff told us that high caseloads limited their time for training and reflective supervision."],
}
SURVEYS = [
    ("Adult Social Care Survey", "of people who use services said they had as much control over their daily life as they wanted", 77.6, 1),
    ("Adult Social Care Survey", "of people who use services found it easy to find information about support", 67.1, 2),
    ("Survey of Adult Carers in England", "of carers said they were satisfied with the support or services they and the person they care for received", 36.8, 1),
    ("Survey of Adult Carers in England", "of carers found it easy to find information about services", 57.4, 2),
    ("Adult Social Care Survey", "of people who use services said they felt safe", 71.1, 7),
    ("Adult Social Care Survey", "of people who use services reported having as much social contact as they would like", 45.6, 3),
    ("Adult Social Care Outcomes Framework", "of older people were still at home 91 days after leaving hospital into reablement", 83.8, 6),
    ("Adult Social Care Survey", "of people said the services they receive helped them to feel safe", 87.1, 7),
    ("Survey of Adult Carers in England", "of carers felt involved or consulted as much as they wanted in discussions about the person they care for", 64.7, 1),
    ("Adult Social Care Survey", "of people who use services were extremely or very satisfied with their care and support", 62.2, 4),
    ("Adult Social Care Outcomes Framework", "of people who received short-term support needed no further long-term support", 77.5, 2),
]

EXPERIENCE_POS = [
    "People told us that once they were in touch with the local authority, staff were kind, listened to them and focused on what mattered to them.",
    "Most people we heard from said their care and support helped them to live the lives they wanted, and that they were involved in decisions about it.",
    "Unpaid carers spoke positively about the carers' centre and about short breaks that gave them time for themselves.",
    "People valued community groups and day opportunities, which helped them to stay connected and less isolated.",
]
EXPERIENCE_NEG = [
    "Some people told us it was hard to get through to the local authority by phone, and that they had waited too long for an assessment.",
    "Carers told us they did not always feel recognised, and that they were not told about the support they could have in their own right.",
    "People described delays in getting equipment and adaptations, which affected their independence while they waited.",
    "Some people said they had to repeat their story to different teams and did not always know who to contact.",
]
STRENGTHS_TXT = [
    "Leaders had a clear vision for adult social care and staff were proud to work for the local authority.",
    "Partnership working with health and the voluntary sector was a strength, particularly around hospital discharge.",
    "The local authority knew where it needed to improve and had credible plans in place, although some were at an early stage.",
    "Areas for development included waiting times for assessments and reviews, support for unpaid carers and the reliability of performance data.",
    "Next steps agreed with leaders included refreshing the carers' strategy and reducing the backlog of safeguarding concerns.",
]


SURVEY_YEARS = ["2023/24", "2022/23", "2023 to 2024"]

POPULATION = {
    "stokeontrent-0625": (258400, "Labour"), "staffordshire-0525": (886700, "Reform UK"),
    "derbyshirecc-0824": (805700, "Conservative"), "durham-0824": (527900, "No overall control"),
    "leicestercity-0725": (374000, "Labour"), "southendonsea-0825": (182500, "No overall control"),
    "lancashire-0825": (1236300, "Reform UK"), "islesofscilly-0925": (2100, "Independent"),
    "rotherham-1125": (268400, "Labour"), "birmingham-cc": (1145000, "Labour"),
    "nottingham-city": (323600, "Labour"), "camden-0225": (210400, "Labour"),
    "WBerkshire-0524": (161800, "Conservative"), "warrington-0525": (210900, "Labour"),
    "lincolnshire-cc": (768400, "Conservative"), "hampshire-0426": (1400900, "Reform UK"),
    "tameside-0126": (231100, "Labour"), "kensingtonchelsea-0725": (143400, "Conservative"),
    "Hertfordshire-0524": (1198800, "Conservative"), "blackpool-0825": (141100, "Labour"),
    "eastsussex-1025": (545800, "No overall control"), "suffolk-cc": (760700, "Conservative"),
    "sheffield-0226": (556500, "No overall control"),
}


def _fmt_pct(x, style):
    s = f"{x:.1f}"
    if style == "per cent":
        return f"{s} per cent"
    if style == "pct-space":
        return f"{s} %"
    return f"{s}%"


def _survey_sentence(rng, score, pctstyle, variant, n=None):
    near = [s for s in SURVEYS if s[3] == n]
    src, metric, eng, _ = rng.choice(near if near and rng.random() < 0.7 else SURVEYS)
    delta = {1: -9.0, 2: -4.0, 3: 0.5, 4: 6.0}[score] + rng.uniform(-2.2, 2.2)
    local = round(eng + delta, 1)
    eng_s = _fmt_pct(eng, pctstyle)
    loc_s = _fmt_pct(local, pctstyle)
    d = local - eng
    if abs(d) < 2.5:
        cmp = "which was similar to the England average of"
        cmp2 = "in line with the England average"
    elif d > 0:
        cmp = "which was higher than the England average of"
        cmp2 = "better than the England average"
    else:
        cmp = "which was lower than the England average of"
        cmp2 = "worse than the England average"
    yr = rng.choice(SURVEY_YEARS)
    if variant == 0:
        return f"Data from the {src} ({yr}) showed that {loc_s} {metric}, {cmp} {eng_s}."
    if variant == 1:
        return f"In the {src} {yr}, {loc_s} {metric}. This was {cmp2} ({eng_s})."
    return f"{loc_s} {metric} (England average {eng_s}), according to the {src} for {yr}."


def build_statement(rng, n, score, pctstyle, typo):
    nheads = {1: 3, 2: 3, 3: 3, 4: 3}[score] if n in (1, 4, 7) else rng.choice([2, 3])
    heads = SUBHEADS[n][:]
    # keep the first sub-heading first (as real reports do), pick the rest
    chosen = [heads[0]] + rng.sample(heads[1:], min(nheads - 1, len(heads) - 1))
    fill = dict(wait_n=f"{rng.randint(180, 1400):,}", wait_w=rng.randint(5, 22), rev_n=f"{rng.randint(300, 2600):,}",
                ot_w=rng.randint(10, 30), hc_w=rng.randint(3, 8), sg_n=f"{rng.randint(40, 420):,}",
                dols_n=f"{rng.randint(250, 1900):,}")
    pos, neg = POS[n][:], NEG[n][:]
    rng.shuffle(pos)
    rng.shuffle(neg)
    # the tone of the findings follows the score: mostly one pool, a little of the other
    if score >= 4:
        sents = pos
    elif score == 3:
        sents = pos + neg[:rng.choice([1, 2])]
    elif score == 2:
        sents = neg + pos[:rng.choice([1, 2])]
    else:
        sents = neg
    sents = [s.format(**fill) for s in sents]
    nsurv = rng.choice([1, 2, 2, 3])
    for _ in range(nsurv):
        sents.insert(rng.randint(1, len(sents)), _survey_sentence(rng, score, pctstyle, rng.randint(0, 2), n))
    # share the sentences out over the sub-headings, 1-3 sentences a paragraph
    per = max(1, len(sents) // len(chosen))
    findings = []
    for i, h in enumerate(chosen):
        mine = sents[i * per:(i + 1) * per] if i < len(chosen) - 1 else sents[i * per:]
        if not mine:
            mine = [_survey_sentence(rng, score, pctstyle, 0, n)]
        paras, cur = [], []
        for s in mine:
            cur.append(s)
            if len(cur) >= rng.choice([1, 2, 2, 3]):
                paras.append(" ".join(cur))
                cur = []
        if cur:
            paras.append(" ".join(cur))
        findings.append({"heading": h, "paragraphs": paras})
    # some findings carry a bulleted list under the sub-heading
    if n in (1, 5) and rng.random() < 0.45:
        f = findings[-1]
        f["list"] = [
            f"{fill['wait_n']} people waiting for an assessment",
            f"median wait of {fill['wait_w']} weeks",
            f"{fill['rev_n']} reviews overdue",
        ] if n == 1 else [
            "a single point of contact for partners",
            "shared case records for people with complex needs",
            "monthly joint review meetings",
        ]
    st = {"what_people_expect": EXPECT[n][:], "commitment": COMMIT[n], "key_findings": findings}
    if typo:
        st = _typo(st)
    return st


def _typo(obj):
    if isinstance(obj, str):
        return obj.replace("'", "\u2019")
    if isinstance(obj, list):
        return [_typo(x) for x in obj]
    if isinstance(obj, dict):
        return {k: _typo(v) for k, v in obj.items()}
    return obj


# --------------------------------------------------------------------------------------
# About page facts
def demographics(rng, fam):
    pop, ctrl = POPULATION[fam["slug"]]
    dec = rng.randint(1, 10)
    rank = max(1, min(153, dec * 15 - rng.randint(0, 14)))
    o65 = round(rng.uniform(11.0, 26.5), 1)
    diverse = fam["la_code"].startswith("E09") or fam["slug"] in ("birmingham-cc", "leicestercity-0725", "sheffield-0226")
    white = round(rng.uniform(38.0, 66.0) if diverse else rng.uniform(78.0, 97.5), 1)
    popf = f"{pop:,}"
    items = [
        {"label": "Population", "value": popf,
         "text": f"The local authority has an estimated population of {popf} people."},
        {"label": "Deprivation", "value": f"Decile {dec} (rank {rank} of 153)",
         "text": f"It is in deprivation decile {dec} (where 1 is the most deprived) and ranks {rank} of 153 local authorities for deprivation."},
        {"label": "Age profile", "value": f"{o65}% aged 65 or over (England: 18.6%)",
         "text": f"{o65}% of people are aged 65 or over, compared with 18.6% across England."},
        {"label": "Ethnicity", "value": f"{white}% White (England: 81.0%)",
         "text": f"{white}% of people describe their ethnicity as White, compared with 81.0% across England; {round(100 - white, 1)}% belong to other ethnic groups."},
        {"label": "Political control", "value": ctrl,
         "text": (f"The local authority is under {ctrl} control." if ctrl not in ("No overall control", "Independent")
                  else "No party has overall control of the council." if ctrl == "No overall control"
                  else "The council is made up of independent members.")},
    ]
    return items


def financial(rng, fam):
    gen = fam["fin_gen"]
    if "fin" in fam:
        return fam["fin"]
    if gen == "pilot":
        tot = rng.randint(250, 1900) * 1000000 + rng.randint(0, 999999)
        act = tot + rng.randint(-4000000, 9000000)
        asc = rng.randint(90, 420) * 1000000 + rng.randint(0, 999999)
        asca = asc + rng.randint(-3000000, 12000000)
        share = round(asca / act * 100, 1)
        lt = rng.randint(2, 12) * 1000 + rng.choice([0, 250, 500, 750])
        return [
            {"label": "Total budget 2022/23 (estimated)", "value": f"£{tot:,}",
             "text": f"The local authority estimated that its total budget for 2022/23 would be £{tot:,}."},
            {"label": "Total budget 2022/23 (actual)", "value": f"£{act:,}",
             "text": f"Its actual spend for that year was £{act:,}."},
            {"label": "Adult social care spend 2022/23 (estimated)", "value": f"£{asc:,}",
             "text": f"It estimated that it would spend £{asc:,} on adult social care in 2022/23."},
            {"label": "Adult social care spend 2022/23 (actual)", "value": f"£{asca:,}",
             "text": f"Its actual spend on adult social care in 2022/23 was £{asca:,}."},
            {"label": "Share of budget spent on adult social care", "value": f"{share}%",
             "text": f"In 2022/23, {share}% of its budget was spent on adult social care."},
            {"label": "Adult social care precept", "value": "Raised in 2022/23",
             "text": "The local authority has raised the adult social care precept for 2022/23."},
            {"label": "People in long-term support", "value": f"About {lt:,}",
             "text": f"Approximately {lt:,} people were receiving long-term support."},
        ]
    if gen == "formal":
        spend = round(rng.uniform(45, 520), 1)
        share = round(rng.uniform(24, 48), 2)
        diff = round(rng.uniform(0.4, 18), 1)
        over = rng.random() < 0.55
        lt = rng.randint(900, 14000)
        st = rng.randint(150, 4200)
        return [
            {"label": "Adult social care spend 2023/24", "value": f"£{spend}m",
             "text": f"In 2023/24, the local authority spent £{spend}m on adult social care."},
            {"label": "Share of total budget", "value": f"{share}%",
             "text": f"This was {share}% of its total budget."},
            {"label": "Difference from estimated spend", "value": f"£{diff}m {'more' if over else 'less'} than estimated",
             "text": f"This was £{diff}m {'more' if over else 'less'} than it had estimated."},
            {"label": "People in long-term support", "value": f"{lt:,}",
             "text": f"{lt:,} people were receiving long-term support."},
            {"label": "People in short-term support", "value": f"{st:,}",
             "text": f"{st:,} people were receiving short-term support."},
        ]
    # new format (visits on or after 6 October 2025)
    gross = round(rng.uniform(120, 780), 1)
    perhead = rng.randint(380, 720)
    share = round(rng.uniform(30, 46), 1)
    req = rng.randint(4000, 31000)
    lt = rng.randint(2500, 19000)
    carers = rng.randint(400, 5200)
    return [
        {"label": "Gross current expenditure on adult social care (2024/25)", "value": f"£{gross}m",
         "text": f"Gross current expenditure on adult social care in 2024/25 was £{gross}m."},
        {"label": "Net expenditure per adult aged 18 and over", "value": f"£{perhead}",
         "text": f"Net expenditure per adult aged 18 and over was £{perhead}."},
        {"label": "Adult social care as a share of net revenue budget", "value": f"{share}%",
         "text": f"Adult social care made up {share}% of the council's net revenue budget."},
        {"label": "Requests for support from new clients", "value": f"{req:,}",
         "text": f"The council received {req:,} requests for support from new clients during the year."},
        {"label": "People accessing long-term support during the year", "value": f"{lt:,}",
         "text": f"{lt:,} people accessed long-term support during the year."},
        {"label": "Carers supported directly", "value": f"{carers:,}",
         "text": f"{carers:,} carers were supported directly by the council."},
        {"label": "Adult social care precept 2025/26", "value": "2% (maximum permitted)",
         "text": "The council applied the maximum adult social care precept of 2% for 2025/26."},
    ]


# --------------------------------------------------------------------------------------
# Families
def S(*xs):
    return {str(i + 1): x for i, x in enumerate(xs)}


FAMILIES = [
    # ---- one page per statement -------------------------------------------------------
    dict(slug="stokeontrent-0625", council="Stoke-on-Trent City Council", la_code="E06000021", kind="formal",
         published=D(2025, 6, 13), updated=D(2025, 6, 13), extra_update=("7", D(2025, 6, 20)),
         rating="Good", scores=S(2, 2, 2, 3, 3, 2, 3, 3, 3), tmpl="classic", grouping="statement",
         urls="sibling", date_fmt="long", pdf="docx", related="list", engine="hugo"),
    dict(slug="staffordshire-0525", council="Staffordshire County Council", la_code="E10000028", kind="formal",
         published=D(2025, 5, 9), updated=D(2025, 5, 9), rating="Good", scores=S(3, 3, 3, 3, 3, 3, 3, 3, 3),
         tmpl="classic", grouping="statement", urls="sibling", date_fmt="long", related="table", engine="hugo",
         pctstyle="per cent"),
    dict(slug="derbyshirecc-0824", council="Derbyshire County Council", la_code="E10000007", kind="formal",
         published=D(2024, 8, 16), updated=D(2024, 9, 2), rating="Good", scores=S(2, 3, 2, 3, 3, 3, 2, 3, 3),
         tmpl="classic", grouping="statement", urls="nested-slash", date_fmt="time", related="cards",
         engine="hugo", h1_statement=False),
    dict(slug="durham-0824", council="Durham County Council", la_code="E06000047", kind="formal",
         published=D(2024, 8, 2), updated=D(2024, 8, 2), rating="Good", scores=S(2, 3, 2, 3, 3, 3, 2, 3, 3),
         tmpl="govuk", grouping="statement", urls="nested", date_fmt="long", pdf="weasy", related="list",
         engine="eleventy"),
    dict(slug="leicestercity-0725", council="Leicester City Council", la_code="E06000016", kind="formal",
         published=D(2025, 7, 11), updated=D(2025, 7, 25), rating="Requires improvement",
         scores=S(2, 2, 2, 2, 3, 2, 2, 2, 3), tmpl="govuk", grouping="statement", urls="nested",
         date_fmt="numeric", related="table", engine="eleventy",
         fin=[{"label": "Adult social care spend 2023/24", "value": "£172.5m",
               "text": "The local authority spent £172.5m on adult social care in 2023/24."},
              {"label": "Share of total budget", "value": "22.89%",
               "text": "This was 22.89% of its total budget."},
              {"label": "Difference from estimated spend", "value": "£15.3m less than estimated",
               "text": "This was £15.3m less than it had estimated."},
              {"label": "People in long-term support", "value": "4,310",
               "text": "4,310 people were receiving long-term support."},
              {"label": "People in short-term support", "value": "1,085",
               "text": "1,085 people were receiving short-term support."}]),
    dict(slug="southendonsea-0825", council="Southend-on-Sea City Council", la_code="E06000033", kind="formal",
         published=D(2025, 8, 22), updated=D(2025, 8, 22), rating="Good", scores=S(3, 3, 3, 2, 3, 2, 3, 3, 3),
         tmpl="nhs", grouping="statement", urls="nested", date_fmt="short", related="cards", engine="hugo",
         typo=True),
    dict(slug="lancashire-0825", council="Lancashire County Council", la_code="E10000017", kind="formal",
         published=D(2025, 8, 8), updated=D(2025, 8, 8), extra_update=("summary", D(2025, 8, 14)),
         rating="Requires Improvement", scores=S(2, 2, 2, 2, 2, 2, 2, 2, 2), tmpl="nhs", grouping="statement",
         urls="nested", date_fmt="long", pdf="chromium-summary", related="list", engine="hugo",
         fin=[{"label": "Adult social care spend 2023/24", "value": "About £496m",
               "text": "The local authority spent about £496m on adult social care in 2023/24."},
              {"label": "Share of net budget", "value": "About 45%",
               "text": "This was about 45% of its net budget."},
              {"label": "People in long-term support", "value": "About 23,000",
               "text": "About 23,000 people were receiving long-term support."},
              {"label": "People in short-term support", "value": "Over 5,500",
               "text": "Over 5,500 people were receiving short-term support."}]),
    dict(slug="islesofscilly-0925", council="Council of the Isles of Scilly", la_code="E06000053", kind="formal",
         published=D(2025, 9, 19), updated=D(2025, 9, 19), rating="Good", scores=S(3, 3, 2, 3, 3, 3, 3, 2, 3),
         tmpl="classic", grouping="statement", urls="nested", date_fmt="weekday", related=None, engine="jekyll",
         h1_statement=True, population=2100),
    dict(slug="rotherham-1125", council="Rotherham Metropolitan Borough Council", la_code="E08000018",
         kind="formal", published=D(2025, 11, 21), updated=D(2025, 11, 21), rating="Good",
         scores=S(3, 3, 2, 3, 3, 2, 3, 3, 3), printed_pct=72, tmpl="govuk", grouping="statement",
         urls="nested", date_fmt="long", related="list", engine="eleventy",
         not_loaded="The overall score is printed as 72%, but the nine published statement scores sum to 25, "
                    "which gives round(25/36 x 100) = 69%."),
    dict(slug="birmingham-cc", council="Birmingham City Council", la_code="E08000025", kind="pilot",
         published=D(2023, 11, 17), updated=D(2023, 11, 17), rating="Good", scores=S(2, 3, 3, 3, 3, 2, 2, 3, 3),
         tmpl="pilot", grouping="statement", urls="pilot", date_fmt="long", pdf="odt", related="pilots",
         engine="jekyll", start=D(2023, 6, 5), pilot_score_style="heading"),
    dict(slug="nottingham-city", council="Nottingham City Council", la_code="E06000018", kind="pilot",
         published=D(2023, 11, 17), updated=D(2024, 1, 8), rating="Requires improvement",
         scores=S(2, 2, 2, 3, 2, 2, 3, 2, 3), tmpl="pilot", grouping="statement", urls="pilot",
         date_fmt="long", related="pilots", engine="jekyll", start=D(2023, 6, 12), pilot_score_style="br"),
    # ---- one page per theme -----------------------------------------------------------
    dict(slug="camden-0225", council="London Borough of Camden", la_code="E09000007", kind="formal",
         published=D(2025, 2, 14), updated=D(2025, 2, 14), rating="Outstanding", scores=S(3, 3, 4, 3, 4, 4, 3, 4, 4),
         tmpl="nhs", grouping="theme", urls="nested", date_fmt="long", pdf="weasy", related="cards",
         engine="hugo"),
    dict(slug="WBerkshire-0524", council="West Berkshire Council", la_code="E06000037", kind="formal",
         published=D(2024, 5, 24), updated=D(2024, 6, 3), rating="Good", scores=S(3, 2, 2, 2, 2, 3, 3, 3, 3),
         tmpl="classic", grouping="theme", urls="sibling", date_fmt="long", related="table", engine="hugo"),
    dict(slug="warrington-0525", council="Warrington Borough Council", la_code="E06000007", kind="formal",
         published=D(2025, 5, 30), updated=D(2025, 5, 30), rating="Requires improvement",
         scores=S(2, 3, 2, 2, 3, 2, 1, 2, 2), tmpl="govuk", grouping="theme", urls="nested", date_fmt="time",
         related="cards", engine="eleventy", pctstyle="pct-space"),
    dict(slug="lincolnshire-cc", council="Lincolnshire County Council", la_code="E10000019", kind="pilot",
         published=D(2023, 11, 17), updated=D(2023, 11, 17), rating="Good", scores=S(3, 3, 2, 3, 3, 3, 3, 2, 3),
         placeholder_scores=True, tmpl="pilot", grouping="theme", urls="pilot", date_fmt="long",
         related="pilots", engine="jekyll", start=D(2023, 6, 19), pilot_score_style="heading"),
    dict(slug="hampshire-0426", council="Hampshire County Council", la_code="E10000014", kind="formal",
         published=D(2026, 4, 17), updated=D(2026, 4, 17), rating="Good", scores=S(3, 3, 3, 3, 4, 3, 3, 4, 3),
         invented=True, fin_gen="new", tmpl="govuk", grouping="theme", urls="nested-slash", date_fmt="long",
         related="table", engine="eleventy"),
    dict(slug="tameside-0126", council="Tameside Metropolitan Borough Council", la_code="E08000008",
         kind="formal", published=D(2026, 1, 23), updated=D(2026, 1, 23), rating="Requires improvement",
         scores=S(2, 2, 2, 3, 3, 2, None, 2, 3), printed_pct=58, invented=True, fin_gen="new", tmpl="classic",
         grouping="theme", urls="nested", date_fmt="long", related="list", engine="hugo",
         not_loaded="Safeguarding (quality statement 7) has no published score: the summary lists eight scores "
                    "and the statement section prints none, so the overall 58% cannot be checked."),
    # ---- all nine statements on one page -----------------------------------------------
    dict(slug="kensingtonchelsea-0725", council="Royal Borough of Kensington and Chelsea", la_code="E09000020",
         kind="formal", published=D(2025, 7, 18), updated=D(2025, 7, 18), rating="Outstanding",
         scores=S(3, 4, 4, 3, 4, 3, 4, 4, 3), tmpl="tabs", grouping="single", urls="nested",
         date_fmt="long", pdf="chromium", related="cards", engine="jekyll", typo=True),
    dict(slug="Hertfordshire-0524", council="Hertfordshire County Council", la_code="E10000015", kind="formal",
         published=D(2024, 5, 10), updated=D(2024, 5, 10), rating="Good", scores=S(3, 3, 3, 3, 4, 3, 3, 3, 3),
         tmpl="accordion", grouping="single", urls="nested", date_fmt="long", related="table", engine="eleventy"),
    dict(slug="blackpool-0825", council="Blackpool Council", la_code="E06000009", kind="formal",
         published=D(2025, 8, 29), updated=D(2025, 9, 5), rating="Inadequate", scores=S(1, 1, 1, 2, 2, 2, 1, 1, 1),
         tmpl="details", grouping="single", urls="nested", date_fmt="long", pdf="docx", related="list",
         engine="hugo"),
    dict(slug="eastsussex-1025", council="East Sussex County Council", la_code="E10000011", kind="formal",
         published=D(2025, 10, 3), updated=D(2025, 10, 3), rating="Good", scores=S(2, 3, 3, 2, 3, 2, 3, 3, 3),
         tmpl="classic", grouping="single", urls="nested-slash", date_fmt="short", related="cards",
         engine="hugo", pctstyle="per cent"),
    dict(slug="suffolk-cc", council="Suffolk County Council", la_code="E10000029", kind="pilot",
         published=D(2023, 11, 17), updated=D(2023, 11, 17), rating="Good", scores=S(3, 3, 3, 3, 3, 2, 3, 3, 3),
         placeholder_scores=True, tmpl="pilot", grouping="single", urls="pilot", date_fmt="long",
         related="pilots", engine="jekyll", start=D(2023, 7, 3), pilot_score_style="br"),
    dict(slug="sheffield-0226", council="Sheffield City Council", la_code="E08000039", kind="formal",
         published=D(2026, 2, 13), updated=D(2026, 2, 13), rating="Good", scores=S(3, 2, 2, 3, 3, 2, 3, 3, 3),
         invented=True, fin_gen="new", tmpl="tabs", grouping="single", urls="nested", date_fmt="long",
         pdf="weasy", related="table", engine="jekyll"),
]


def build_all():
    out = []
    for fam in FAMILIES:
        fam = dict(fam)
        rng = random.Random("blind-static/" + fam["slug"])
        global SURVEY_YEARS
        SURVEY_YEARS = (["2021/22", "2022/23", "2021 to 2022"] if fam["kind"] == "pilot" else
                        ["2023/24", "2022/23", "2023 to 2024"] if fam["published"].year < 2026 else
                        ["2024/25", "2023/24", "2024 to 2025"])
        fam.setdefault("pctstyle", "pct")
        fam.setdefault("typo", False)
        fam.setdefault("fin_gen", "pilot" if fam["kind"] == "pilot" else "formal")
        fam.setdefault("extra_update", None)
        fam.setdefault("pdf", None)
        scores = {k: v for k, v in fam["scores"].items() if v is not None}
        if fam["kind"] == "formal":
            calc = pct_of(scores) if len(scores) == 9 else None
            fam["pct"] = fam.get("printed_pct", calc)
            if not fam.get("not_loaded"):
                assert calc == fam["pct"], fam["slug"]
                assert band(calc) == fam["rating"].capitalize(), (fam["slug"], calc, fam["rating"])
        else:
            fam["pct"] = None
            assert band(pct_of(scores)) == fam["rating"].capitalize(), fam["slug"]
        fam["statements"] = {
            str(n): build_statement(rng, n, fam["scores"][str(n)] or 2, fam["pctstyle"], fam["typo"])
            for n in range(1, 10)
        }
        k = max(1, sum(scores.values()) // 9)
        exp = []
        pos = EXPERIENCE_POS[:]
        neg = EXPERIENCE_NEG[:]
        rng.shuffle(pos)
        rng.shuffle(neg)
        for i in range(rng.choice([3, 4])):
            good = rng.random() < {1: 0.2, 2: 0.45, 3: 0.7, 4: 0.9}[k]
            exp.append((pos if good else neg).pop(0) if (pos if good else neg) else (neg or pos).pop(0))
        exp.append(_survey_sentence(rng, k, fam["pctstyle"], 1))
        fam["people_experience"] = _typo(exp) if fam["typo"] else exp
        fam["strengths"] = STRENGTHS_TXT[:]
        fam["demographics"] = demographics(rng, fam)
        fam["financial_facts"] = financial(rng, fam)
        if fam["typo"]:
            fam["demographics"] = _typo(fam["demographics"])
            fam["financial_facts"] = _typo(fam["financial_facts"])
        out.append(fam)
    return out


if __name__ == "__main__":
    for f in build_all():
        print(f["slug"], f["pct"], f["rating"], sum(v for v in f["scores"].values() if v))
