"""Data and prose model for the blind "cms" copy of CQC's local authority assessment pages.

Everything the pages, PDFs and answer keys print comes from `build_family()` here. The
prose is the author's own placeholder text (no CQC wording copied); scores of real councils
come from /work/shared/cqc_raw (league-table scrape, pilot press releases), the others are
invented and marked as such in NOTES.md.
"""
import random
import re
import datetime as dt

BASE = "/care-services/local-authority-assessment-reports"

THEMES = {
    1: ("How the local authority works with people", "1-working-with-people"),
    2: ("Providing support", "2-providing-support"),
    3: ("How the local authority ensures safety within the system", "3-ensuring-safety"),
    4: ("Leadership", "4-leadership"),
}

# num: (name as report pages print it, theme, suffix short name, path slug)
STATEMENTS = {
    1: ("Assessing needs", 1, "needs", "assessing-needs"),
    2: ("Supporting people to lead healthier lives", 1, "healthier-lives", "supporting-people-lead-healthier-lives"),
    3: ("Equity in experience and outcomes", 1, "equity", "equity-experience-outcomes"),
    4: ("Care provision, integration and continuity", 2, "care", "care-provision-integration-continuity"),
    5: ("Partnership and communities", 2, "partnership", "partnership-communities"),
    6: ("Safe pathways, systems and transitions", 3, "pathways", "safe-pathways-systems-transitions"),
    7: ("Safeguarding", 3, "safeguarding", "safeguarding"),
    8: ("Governance, management and sustainability", 4, "governance", "governance-management-sustainability"),
    9: ("Learning, improvement and innovation", 4, "learning", "learning-improvement-innovation"),
}

BAND = {
    1: "Evidence shows significant shortfalls",
    2: "Evidence shows some shortfalls",
    3: "Evidence shows a good standard",
    4: "Evidence shows an exceptional standard",
}
RATING_BAND = {
    "Outstanding": BAND[4], "Good": BAND[3],
    "Requires improvement": BAND[2], "Inadequate": BAND[1],
}


def pct_of(scores):
    s = sum(scores.values())
    return (200 * s + 36) // 72  # round(s / 36 * 100), halves up


def band_of(pct):
    if pct >= 88:
        return "Outstanding"
    if pct >= 63:
        return "Good"
    if pct >= 39:
        return "Requires improvement"
    return "Inadequate"


# ---------------------------------------------------------------- text helpers
def texturize(s):
    """What WordPress's wptexturize does to the few characters our prose uses."""
    s = re.sub(r"(\w)'(\w)", "\\1\u2019\\2", s)
    s = re.sub(r"(\w)s' ", "\\1s\u2019 ", s)
    s = re.sub(r'"(\w)', "\u201c\\1", s)
    s = re.sub(r'(\w[.,]?)"', "\\1\u201d", s)
    s = s.replace(" - ", " \u2013 ")
    return s


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def fmt_date(d, style):
    if style == "dmy":
        return f"{d.day} {MONTHS[d.month-1]} {d.year}"
    if style == "dmy0":
        return f"{d.day:02d} {MONTHS[d.month-1]} {d.year}"
    if style == "dmy_short":
        return f"{d.day} {MONTHS[d.month-1][:3]} {d.year}"
    if style == "mdy":
        return f"{MONTHS[d.month-1]} {d.day}, {d.year}"
    if style == "slash":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    raise ValueError(style)


def fmt_pct(x, style):
    if style == "word":
        return f"{x:.1f} per cent"
    return f"{x:.1f}%"


# ---------------------------------------------------------------- I and we statements (author's own)
EXPECT = {
    1: ["I am asked about what matters to me, and my care and support is planned around it.",
        "I get the information and advice I need to understand my options, when I need it.",
        "My needs are looked at again when things change, without me having to repeat my story."],
    2: ["I get help early so that my needs do not grow.",
        "I can find support in my community that helps me stay well and keep my independence."],
    3: ["I am treated fairly, and my background and identity are respected.",
        "I can get support in a way that works for me, whatever my circumstances."],
    4: ["I have a choice of good quality care that is there when and where I need it.",
        "My care is joined up, so there are no gaps when my services change."],
    5: ["The organisations that support me work together, so it feels like one service.",
        "I can use groups and activities in my community that help me live the life I want."],
    6: ["I feel safe when I move between services, and my information goes with me.",
        "When I leave hospital, I have the support I need at home."],
    7: ["I feel safe, and I am helped to understand and manage the risks in my life.",
        "When I raise a concern, I am listened to and something is done about it quickly."],
    8: ["I know who is responsible for decisions about my care and how to raise a concern.",
        "Leaders listen to people like me and use what we say when they plan services."],
    9: ["I can help shape how services are improved.",
        "I can see that changes are made when things have gone wrong."],
}
COMMIT = {
    1: "We work with people to assess and review their care, health, wellbeing and communication needs, and we make sure unpaid carers are offered an assessment of their own.",
    2: "We help people to look after their own health and wellbeing, and we act early to prevent, delay or reduce their need for care and support.",
    3: "We understand the needs of the different communities we serve, and we act to remove barriers to care and to reduce unequal outcomes.",
    4: "We understand our local care market and shape it so that people can choose from a range of safe, effective and affordable services.",
    5: "We work with our partners in health, housing and the voluntary sector to plan, commission and deliver joined-up support.",
    6: "We work with partners to keep people safe as they move between services, and we plan ahead for young people moving into adult care.",
    7: "We work with partners to prevent abuse and neglect, and we respond promptly and in proportion when people are at risk.",
    8: "We have clear governance and accountability, and we manage our money, people and risks to deliver care that is sustainable and of good quality.",
    9: "We learn from people's feedback and from what has gone wrong, and we back new ideas that improve care and support.",
}

KF_HEADINGS = {
    1: ["Assessment, care planning and review arrangements", "Timeliness of assessments, care planning and reviews",
        "Assessment and eligibility decisions", "Support for unpaid carers"],
    2: ["Arrangements to prevent, delay or reduce needs for care and support", "Provision and impact of information and advice",
        "Direct payments"],
    3: ["Understanding and reducing barriers to care and support and reducing inequalities", "Inclusion and accessibility arrangements"],
    4: ["Understanding local needs for care and support", "Market shaping and commissioning to meet local needs",
        "Ensuring sufficiency of care provision", "Ensuring quality of care provision"],
    5: ["Partnership working to deliver shared local and national objectives", "Arrangements to support effective partnership working",
        "Working with voluntary and community sector groups"],
    6: ["Safety management", "Safety during transitions", "Contingency planning"],
    7: ["Safeguarding systems, processes and practices", "Responding to local safeguarding risks and issues",
        "Responding to concerns and undertaking Section 42 enquiries", "Making safeguarding personal"],
    8: ["Governance, accountability and risk management", "Strategic planning", "Inclusive and diverse leadership"],
    9: ["Continuous learning, improvement and professional development", "Learning from feedback",
        "Co-production and innovation"],
}

# positive / negative paragraphs per statement: {c}=short council name, {n}=a count, {w}=weeks, {m}=months
POS = {
    1: ["People told us their assessments were carried out in a way that suited them, in person, by telephone or online, and that staff took time to understand what mattered to them.",
        "Staff described a strengths-based approach, and case records we reviewed showed people's own goals written into their care plans.",
        "Carers' assessments were usually completed within {w} weeks, and carers were offered a personal budget where they were eligible."],
    2: ["{c} had invested in a reablement service that helped people regain skills after a period of illness; most people who finished it needed no further support.",
        "Information about local support was easy to find on the council website and in libraries, and staff at the front door gave advice that helped people solve problems early.",
        "The number of people using direct payments had risen over the previous year, and a support service helped people to manage them."],
    3: ["Leaders had used local data to understand which communities were less likely to ask for support, and outreach workers had been appointed to reach them.",
        "Interpreters and easy read information were readily available, and staff said they were confident in arranging them."],
    4: ["Most people could get home care without a long wait, and the council had a good understanding of gaps in the local market.",
        "Commissioners worked closely with providers, and the proportion of care homes rated good or outstanding was higher than the national picture.",
        "Fee rates had been agreed with providers following an open cost of care exercise, which partners told us had built trust."],
    5: ["Partners described relationships with {c} as open and constructive, with shared priorities agreed through the health and wellbeing board.",
        "Voluntary and community sector groups were funded to provide low-level support, and they told us the council treated them as equal partners."],
    6: ["Hospital discharge arrangements were well coordinated, and most people went home with the right support on the day they were ready.",
        "Young people moving to adult services were identified from the age of 14, and transition planning started early."],
    7: ["Safeguarding concerns were screened on the day they were received, and there was no backlog of enquiries at the time of our assessment.",
        "People's wishes were recorded at the start of safeguarding enquiries and revisited at the end, in line with making safeguarding personal.",
        "The safeguarding adults board had a clear strategic plan, and partners shared learning from reviews through regular briefings."],
    8: ["Leaders had a clear vision for adult social care that staff understood and could describe to us.",
        "Elected members received regular performance reports and asked challenging questions about waiting times and outcomes.",
        "The budget for adult social care was balanced, and savings plans had been assessed for their impact on people."],
    9: ["Staff had access to a wide range of training, and social workers told us they had protected time for learning.",
        "Complaints were analysed for themes, and the council could show changes it had made as a result.",
        "People with lived experience were involved in designing services, for example in rewriting letters and leaflets."],
}
NEG = {
    1: ["At the time of our assessment, {n} people were waiting for a Care Act assessment, and some had waited more than {m} months.",
        "Reviews of care plans were not always carried out on time; staff told us they prioritised people by risk, but some people's needs had changed while they waited.",
        "Carers told us it was not always clear how to ask for an assessment of their own, and fewer carers' assessments were completed than in similar areas."],
    2: ["Access to reablement was limited, and people were sometimes offered longer-term home care instead because reablement staff were not available.",
        "People told us information on the council website was out of date or hard to find, and some did not know where to turn before they reached a crisis.",
        "Uptake of direct payments was low, and people told us the process for setting them up was slow and complicated."],
    3: ["Leaders acknowledged that they did not yet have a full understanding of the needs of some communities, including people from Gypsy, Roma and Traveller communities.",
        "Staff were not always aware of how to arrange an interpreter, and some people said they had to rely on family members to translate."],
    4: ["There was a shortage of nursing care and of care for people with complex needs, so some people were placed outside the area, away from family and friends.",
        "Waiting times for home care in rural parts of the area were long, and some people stayed in hospital or in short-term beds while care was found.",
        "Providers told us that fee levels did not meet their costs and that recruitment and retention of care staff remained difficult."],
    5: ["Partners told us that joint working relied on individual relationships rather than agreed arrangements, and that shared plans were not always followed through.",
        "Voluntary sector groups said short-term funding made it hard to plan, and that they were not always included in commissioning decisions."],
    6: ["Some people were discharged from hospital without the right equipment or support in place, and staff described a high number of readmissions.",
        "Young people moving into adult services did not always have a plan in place by their 18th birthday, and families told us this caused anxiety."],
    7: ["At the time of our assessment, {n} safeguarding concerns were waiting to be screened, and some had waited several weeks.",
        "Records did not consistently show that people were asked what outcomes they wanted from a safeguarding enquiry.",
        "Partners told us that feedback after raising a concern was inconsistent, so they did not always know what had happened."],
    8: ["Performance information was not always accurate or timely, which limited leaders' oversight of waiting lists and risk.",
        "There had been several changes in senior leadership, and staff told us the direction of adult social care was not always clear to them.",
        "The council faced a significant financial gap, and leaders had not yet set out how planned savings would affect people."],
    9: ["Learning from complaints and safeguarding reviews was not consistently shared with frontline teams.",
        "People with lived experience told us they were consulted late in the process, once decisions had largely been made.",
        "Staff said workloads meant it was difficult to take up training, and supervision did not always happen as planned."],
}

SURVEY = [
    ("people who use services said they found it easy to find information about support", 0.58, 0.70),
    ("carers said they felt involved or consulted in discussions about the person they care for", 0.55, 0.72),
    ("people who use services reported having as much social contact as they would like", 0.38, 0.50),
    ("carers reported being satisfied with the support and services they received", 0.30, 0.45),
    ("people who use services said the care and support they received helped them to have a better quality of life", 0.55, 0.70),
    ("people who use services said they felt safe", 0.62, 0.76),
    ("carers said they had as much social contact as they wanted", 0.22, 0.35),
    ("people who use services said they had control over their daily life", 0.70, 0.82),
]


def survey_para(rng, pstyle, src_name):
    subj, lo, hi = rng.choice(SURVEY)
    eng = rng.uniform(lo, hi) * 100
    diff = rng.choice([-8.2, -4.6, -1.1, 0.4, 3.7, 6.9])
    x = eng + diff
    if abs(diff) < 1.5:
        rel = "which was similar to"
    elif diff > 0:
        rel = "which was higher than"
    else:
        rel = "which was lower than"
    src_name = "Survey of Adult Carers in England" if subj.startswith("carers") else "Adult Social Care Survey"
    lead = rng.choice([f"Data from the {src_name} showed that ", "According to national survey data, ", ""])
    body = f"{fmt_pct(x, pstyle)} of {subj}, {rel} the England average of {fmt_pct(eng, pstyle)}."
    if lead:
        return lead + body
    return body[0].upper() + body[1:]


def statement_texts(num, score, rng, c, pstyle, want_list):
    heads = KF_HEADINGS[num][:]
    k = rng.choice([2, 2, 3]) if len(heads) > 2 else 2
    heads = heads[:k] if rng.random() < 0.6 else rng.sample(heads, k)
    heads = sorted(heads, key=KF_HEADINGS[num].index)
    pos, neg = POS[num][:], NEG[num][:]
    rng.shuffle(pos)
    rng.shuffle(neg)
    fill = dict(c=c, n=f"{rng.randint(120, 1900):,}", w=rng.choice([3, 4, 6]), m=rng.choice([3, 6, 9]))
    findings = []
    for i, h in enumerate(heads):
        blocks = []
        good = score >= 3
        src_p = pos if good else neg
        other = neg if good else pos
        if src_p:
            blocks.append(("p", src_p.pop().format(**fill)))
        if rng.random() < 0.55:
            blocks.append(("p", survey_para(rng, pstyle, rng.choice(["Adult Social Care Survey", "Survey of Adult Carers in England", "ASCOF"]))))
        if score in (2, 3) and other and rng.random() < 0.5:
            pre = "However, " if good else "There were some positive examples. "
            t = other.pop().format(**fill)
            blocks.append(("p", pre + t[0].lower() + t[1:] if good else pre + t))
        if want_list and i == 0 and rng.random() < 0.7:
            blocks.append(("ul", ["staff training on the Care Act and the Mental Capacity Act",
                                  "a single point of contact for partners",
                                  "regular case file audits with feedback to teams"][:rng.choice([2, 3])]))
        if not blocks:
            blocks.append(("p", survey_para(rng, pstyle, "")))
        if score == 4 and i == 0:
            blocks.append(("p", f"This was an area of notable practice, and {c} had shared its approach with other councils in the region."))
        findings.append({"heading": h, "blocks": blocks})
    return findings


def people_experience(rng, c, rating, pstyle):
    good = rating in ("Good", "Outstanding")
    paras = [
        (f"Most people we heard from were positive about the support they received from {c} once it was in place. "
         "They described staff as kind and respectful, and said they were treated as individuals.") if good else
        (f"People's experiences of adult social care in {c} were mixed. Some people described helpful and caring staff, "
         "but many told us about long waits to be assessed and to receive a service."),
        ("Unpaid carers told us they valued the breaks and advice available to them, although some were not aware they could ask for an assessment of their own.")
        if good else
        ("Unpaid carers said they often did not know who to contact, and several told us they only got help when they reached a crisis."),
        survey_para(rng, pstyle, "Adult Social Care Survey"),
    ]
    return paras


def strengths(rng, c, rating):
    return [f"{c} had a clear understanding of its strengths and of the areas it needed to improve, and leaders were open with us about the challenges they faced.",
            "Areas for development included the time people waited for assessments and reviews, and the consistency of information and advice." if rating != "Outstanding" else
            "Areas for development were limited; leaders were aware of them and plans were in place to address them.",
            "Next steps: the local authority should continue to act on its improvement plan and monitor its impact on people's experiences."]


# ---------------------------------------------------------------- families
# Real results: /work/shared/cqc_raw. Invented results are marked invented=True.
FAMILIES = [
    # pilots (kind, slug, council, short, la_code, published, scores, rating)
    dict(kind="pilot", slug="birmingham-cc", council="Birmingham City Council", short="Birmingham", la_code="E08000025",
         published="2023-11-17", updated={"summary": "2024-02-08"}, scores=[2, 3, 3, 3, 3, 2, 2, 3, 3], rating="Good",
         start="2023-05-22"),
    dict(kind="pilot", slug="nottingham-city", council="Nottingham City Council", short="Nottingham", la_code="E06000018",
         published="2023-11-17", updated={}, scores=[2, 2, 2, 3, 2, 2, 3, 2, 3], rating="Requires improvement",
         start="2023-06-12"),
    dict(kind="pilot", slug="lincolnshire-cc", council="Lincolnshire County Council", short="Lincolnshire", la_code="E10000019",
         published="2023-11-17", updated={"about": "2023-11-24"}, scores=[3, 3, 2, 3, 3, 2, 3, 2, 3], rating="Good",
         start="2023-05-30", placeholder_scores=True),
    # formal, real results
    dict(kind="formal", slug="WBerkshire-0524", council="West Berkshire Council", short="West Berkshire", la_code="E06000037",
         published="2024-05-21", updated={}, scores=[3, 2, 2, 2, 2, 3, 3, 3, 3], rating="Good"),
    dict(kind="formal", slug="Hertfordshire-0524", council="Hertfordshire County Council", short="Hertfordshire", la_code="E10000015",
         published="2024-05-22", updated={"summary": "2024-06-03"}, scores=[3, 3, 3, 3, 4, 3, 3, 3, 3], rating="Good"),
    dict(kind="formal", slug="derbyshirecc-0824", council="Derbyshire County Council", short="Derbyshire", la_code="E10000007",
         published="2024-08-09", updated={}, scores=[2, 3, 2, 3, 3, 3, 2, 3, 3], rating="Good"),
    dict(kind="formal", slug="camden-0225", council="London Borough of Camden", short="Camden", la_code="E09000007",
         published="2025-02-14", updated={"summary": "2025-03-04"}, scores=[3, 3, 4, 3, 4, 4, 3, 4, 4], rating="Outstanding"),
    dict(kind="formal", slug="staffordshire-0525", council="Staffordshire County Council", short="Staffordshire", la_code="E10000028",
         published="2025-05-16", updated={}, scores=[3] * 9, rating="Good"),
    dict(kind="formal", slug="warrington-0525", council="Warrington Borough Council", short="Warrington", la_code="E06000007",
         published="2025-05-30", updated={"s7": "2025-06-11"}, scores=[2, 3, 2, 2, 3, 2, 1, 2, 2], rating="Requires improvement"),
    dict(kind="formal", slug="stokeontrent-0625", council="Stoke-on-Trent City Council", short="Stoke-on-Trent", la_code="E06000021",
         published="2025-06-13", updated={"summary": "2026-01-20"}, scores=[2, 2, 2, 3, 3, 2, 3, 3, 3], rating="Good"),
    dict(kind="formal", slug="leicestercity-0725", council="Leicester City Council", short="Leicester", la_code="E06000016",
         published="2025-07-04", updated={}, scores=[2, 2, 2, 2, 3, 2, 2, 2, 3], rating="Requires improvement"),
    dict(kind="formal", slug="lancashire-0825", council="Lancashire County Council", short="Lancashire", la_code="E10000017",
         published="2025-08-15", updated={"about": "2025-09-02"}, scores=[2] * 9, rating="Requires improvement"),
    dict(kind="formal", slug="blackpool-0825", council="Blackpool Council", short="Blackpool", la_code="E06000009",
         published="2025-08-22", updated={}, scores=[1, 1, 1, 2, 2, 2, 1, 1, 1], rating="Inadequate"),
    dict(kind="formal", slug="southendonsea-0825", council="Southend-on-Sea City Council", short="Southend-on-Sea", la_code="E06000033",
         published="2025-08-29", updated={}, scores=[3, 3, 3, 2, 3, 2, 3, 3, 3], rating="Good"),
    # formal, invented results
    dict(kind="formal", slug="walsall-1125", council="Walsall Council", short="Walsall", la_code="E08000030",
         published="2025-11-14", updated={}, scores=[2, 3, 2, 2, 3, 2, 3, 3, 2], rating="Good", invented=True,
         printed_pct=64,
         refuse="The published overall score (64%) and rating (Good) do not match the nine published quality statement scores, which add up to 22 of 36 (61%, Requires improvement)."),
    dict(kind="formal", slug="torbay-0126", council="Torbay Council", short="Torbay", la_code="E06000027",
         published="2026-01-23", updated={}, scores=[2, 2, 3, 2, 3, None, 2, 2, 3], rating="Requires improvement", invented=True,
         printed_pct=58,
         refuse="Quality statement 6 (Safe pathways, systems and transitions) has no published score, so the overall score cannot be checked against nine scores."),
    dict(kind="formal", slug="norfolk-0226", council="Norfolk County Council", short="Norfolk", la_code="E10000020",
         published="2026-02-20", updated={"summary": "2026-03-02"}, scores=[3, 3, 2, 3, 3, 3, 3, 3, 3], rating="Good", invented=True,
         newfin=True),
    dict(kind="formal", slug="plymouth-0326", council="Plymouth City Council", short="Plymouth", la_code="E06000026",
         published="2026-03-13", updated={}, scores=[2, 2, 2, 2, 3, 2, 2, 3, 2], rating="Requires improvement", invented=True,
         newfin=True),
]

IN_PROGRESS = ["Cornwall Council", "Devon County Council", "Manchester City Council", "Sheffield City Council",
               "Somerset Council", "Wolverhampton City Council"]

POLITICS = {"Birmingham": "Labour", "Nottingham": "Labour", "Lincolnshire": "Conservative",
            "West Berkshire": "Conservative", "Hertfordshire": "Conservative", "Derbyshire": "Conservative",
            "Camden": "Labour", "Staffordshire": "Conservative", "Warrington": "Labour", "Stoke-on-Trent": "Labour",
            "Leicester": "Labour", "Lancashire": "Conservative", "Blackpool": "Labour", "Southend-on-Sea": "No overall control",
            "Walsall": "Conservative", "Torbay": "Liberal Democrat", "Norfolk": "Reform UK", "Plymouth": "Labour"}


DEMO = {
    "Birmingham": (1157600, 1, 7, 13.1, 51.4), "Nottingham": (328500, 1, 11, 11.6, 42.7),
    "Lincolnshire": (768400, 6, 84, 24.1, 4.9), "West Berkshire": (161600, 10, 147, 20.3, 7.6),
    "Hertfordshire": (1198800, 9, 139, 17.6, 19.1), "Derbyshire": (802700, 6, 88, 22.4, 4.2),
    "Camden": (218000, 4, 55, 12.3, 40.5), "Staffordshire": (881200, 7, 101, 22.1, 6.3),
    "Warrington": (211200, 6, 92, 19.5, 6.8), "Stoke-on-Trent": (258400, 1, 14, 17.1, 17.0),
    "Leicester": (373400, 2, 19, 11.4, 59.1), "Lancashire": (1235400, 4, 60, 20.9, 12.5),
    "Blackpool": (141100, 1, 1, 20.9, 5.1), "Southend-on-Sea": (180700, 4, 58, 18.8, 15.4),
    "Walsall": (286700, 1, 15, 16.4, 31.8), "Torbay": (139500, 3, 40, 26.6, 4.0),
    "Norfolk": (925300, 6, 82, 24.4, 5.8), "Plymouth": (266800, 3, 43, 18.3, 6.7),
}


def demographics(f, rng, style):
    """Return list of dicts: {label, value} or {text}; style in labelled|sentences|mixed."""
    # approximate, rounded figures (author's estimates; placeholders, not quoted from any report)
    pop, decile, rank, over65, eth = DEMO[f["short"]]
    pol = POLITICS[f["short"]]
    items = [
        ("Population", f"{pop:,}",
         f"The local authority has an estimated population of {pop:,} people."),
        ("Deprivation", f"Decile {decile} (rank {rank} of 153 local authorities, where 1 is the most deprived)",
         f"{f['short']} is in deprivation decile {decile}, ranked {rank} out of 153 local authorities."),
        ("Aged 65 and over", f"{over65:.1f}% (England: 18.4%)",
         f"{over65:.1f}% of the population is aged 65 and over, compared with 18.4% for England."),
        ("Ethnicity", f"{eth:.1f}% of people from ethnic minority groups (England: 19.0%)",
         f"{eth:.1f}% of people are from ethnic minority groups, compared with 19.0% for England."),
        ("Political control", pol, f"Political control: {pol}."),
    ]
    out = []
    for i, (lab, val, sent) in enumerate(items):
        if style == "labelled" or (style == "mixed" and i in (0, 4)):
            out.append({"label": lab, "value": val})
        else:
            out.append({"text": sent})
    return out


def money_m(x):
    return f"£{x:,.1f}m"


def financial(f, rng, style):
    if f["kind"] == "pilot":
        est = rng.randint(700, 3500) * 1_000_000 + rng.randint(0, 999_999)
        act = est + rng.randint(-40_000_000, 40_000_000)
        asc_e = int(est * rng.uniform(0.28, 0.42))
        asc_a = asc_e + rng.randint(-9_000_000, 15_000_000)
        share = asc_a / act * 100
        ppl = rng.randint(30, 140) * 100
        precept = rng.choice(["Yes", "No"])
        items = [
            ("Total budget 2022/23", f"Estimated £{est:,}; actual £{act:,}"),
            ("Adult social care spend 2022/23", f"Estimated £{asc_e:,}; actual £{asc_a:,}"),
            ("Share of total budget spent on adult social care", f"{share:.2f}%"),
            ("Adult social care precept raised in 2022/23", precept),
            ("People accessing long-term support", f"Approximately {ppl:,}"),
        ]
        sents = [f"The total budget for 2022/23 was estimated at £{est:,}; actual spend was £{act:,}.",
                 f"Adult social care spend in 2022/23 was estimated at £{asc_e:,}; the actual figure was £{asc_a:,}.",
                 f"Adult social care accounted for {share:.2f}% of the total budget.",
                 "The local authority " + ("raised" if precept == "Yes" else "did not raise") + " the adult social care precept in 2022/23.",
                 f"Approximately {ppl:,} people were accessing long-term support."]
    elif f.get("newfin"):
        gross = rng.uniform(250, 600)
        per_head = rng.randint(480, 760)
        pr = rng.uniform(1.5, 2.0)
        ppl = rng.randint(50, 160) * 100
        items = [
            ("Gross current expenditure on adult social care 2024/25", money_m(gross)),
            ("Net expenditure per adult (aged 18 and over)", f"£{per_head} (England: £612)"),
            ("Adult social care precept 2025/26", f"{pr:.1f}% of council tax"),
            ("People receiving long-term support during the year", f"{ppl:,}"),
            ("Source", "local authority revenue expenditure and financing returns, and adult social care activity data, 2024/25"),
        ]
        sents = [f"Gross current expenditure on adult social care in 2024/25 was {money_m(gross)}.",
                 f"Net expenditure per adult was £{per_head}, compared with £612 for England.",
                 f"The adult social care precept for 2025/26 was {pr:.1f}% of council tax.",
                 f"{ppl:,} people received long-term support during the year.",
                 "Figures are taken from published local authority returns for 2024/25."]
    else:
        if f["short"] == "Leicester":
            spend, share, diff, lt, st = 172.5, "22.89%", "£15.3m under", "5,870", "1,450"
        elif f["short"] == "Lancashire":
            spend, share, diff, lt, st = 496.0, "about 45%", "£7.9m over", "about 23,000", "over 5,500"
        else:
            spend = rng.uniform(60, 520)
            share = f"{rng.uniform(18, 46):.2f}%"
            diff = f"£{rng.uniform(0.4, 19):.1f}m " + rng.choice(["under", "over"])
            lt = f"{rng.randint(12, 190) * 100:,}"
            st = f"{rng.randint(3, 60) * 100:,}"
        items = [
            ("Adult social care spend 2023/24", money_m(spend) if f["short"] != "Lancashire" else "about £496m"),
            ("Share of total budget", share),
            ("Difference from estimated spend", diff + " estimate"),
            ("People accessing long-term support", lt),
            ("People accessing short-term support", st),
        ]
        spend_s = money_m(spend) if f["short"] != "Lancashire" else "about £496m"
        sents = [f"The local authority spent {spend_s} on adult social care in 2023/24.",
                 f"This was {share} of its total budget.",
                 f"Actual spend was {diff} the estimate for the year.",
                 f"{lt} people were accessing long-term support in 2023/24.",
                 f"{st} people were accessing short-term support in 2023/24."]
    out = []
    for (lab, val), s in zip(items, sents):
        out.append({"label": lab, "value": val} if style == "labelled" else {"text": s})
    return out


def D(s):
    return dt.date.fromisoformat(s)


def build_family(f, style):
    """Attach the full text model to family dict f. `style` holds the render knobs."""
    rng = random.Random("cms-" + f["slug"])
    T = texturize if style.get("texturize") else (lambda s: s)
    pstyle = style.get("pct", "sym")
    scores = {i + 1: s for i, s in enumerate(f["scores"])}
    f["score_map"] = scores
    if f["kind"] == "pilot" or f.get("printed_pct") is None:
        calc = pct_of(scores) if None not in scores.values() else None
        f["pct"] = calc if f["kind"] == "formal" else None
        if f["kind"] == "formal":
            assert band_of(calc) == f["rating"], (f["slug"], calc)
        else:
            assert band_of(pct_of(scores)) == f["rating"], f["slug"]
    else:
        f["pct"] = f["printed_pct"]
    st = {}
    for n in range(1, 10):
        sc = scores[n] if scores[n] is not None else 2
        kf = statement_texts(n, sc, rng, f["short"], pstyle, style.get("lists", False))
        for k in kf:
            k["heading"] = T(k["heading"])
            k["blocks"] = [(t, T(v) if t == "p" else [T(x) for x in v]) for t, v in k["blocks"]]
        st[n] = {"expect": [T(x) for x in EXPECT[n]], "commit": T(COMMIT[n]), "findings": kf}
    f["st"] = st
    f["people"] = [T(x) for x in people_experience(rng, f["short"], f["rating"], pstyle)]
    f["strengths"] = [T(x) for x in strengths(rng, f["short"], f["rating"])]
    f["demo"] = demographics(f, rng, style.get("demo", "labelled"))
    f["fin"] = financial(f, rng, style.get("fin", "labelled"))
    for lst in (f["demo"], f["fin"]):
        for d in lst:
            for k in d:
                d[k] = T(d[k])
    f["pub_d"] = D(f["published"])
    return f
