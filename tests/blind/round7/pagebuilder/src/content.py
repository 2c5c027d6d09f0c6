"""Content model for the 'pagebuilder' blind site (round7).

All prose is invented placeholder text written for this test corpus. Figures are invented
unless they are the published ratings/scores taken from shared/cqc_raw.
The answer keys are written from these same structures (never by reading HTML back).
"""
import datetime as dt
import random

BAND = {1: "Evidence shows significant shortfalls", 2: "Evidence shows some shortfalls",
        3: "Evidence shows a good standard", 4: "Evidence shows an exceptional standard"}

THEMES = {
    1: "How the local authority works with people",
    2: "Providing support",
    3: "How the local authority ensures safety within the system",
    4: "Leadership",
}

# number: (name as report pages print it, theme, formal suffix, pilot path, theme slug)
STATEMENTS = {
    1: ("Assessing needs", 1, "theme1-needs", "1-working-with-people/assessing-needs"),
    2: ("Supporting people to lead healthier lives", 1, "theme1-healthier-lives",
        "1-working-with-people/supporting-people-to-lead-healthier-lives"),
    3: ("Equity in experiences and outcomes", 1, "theme1-equity", "1-working-with-people/equity-in-experiences-and-outcomes"),
    4: ("Care provision, integration and continuity", 2, "theme2-care", "2-providing-support/care-provision-integration-and-continuity"),
    5: ("Partnerships and communities", 2, "theme2-partnerships", "2-providing-support/partnerships-and-communities"),
    6: ("Safe pathways, systems and transitions", 3, "theme3-pathways", "3-ensuring-safety/safe-pathways-systems-and-transitions"),
    7: ("Safeguarding", 3, "theme3-safeguarding", "3-ensuring-safety/safeguarding"),
    8: ("Governance, management and sustainability", 4, "theme4-governance", "4-leadership/governance-management-and-sustainability"),
    9: ("Learning, improvement and innovation", 4, "theme4-learning", "4-leadership/learning-improvement-innovation"),
}
THEME_SLUG = {1: "how-the-local-authority-works-with-people", 2: "providing-support",
              3: "ensuring-safety-within-the-system", 4: "leadership"}


def pct_of(scores):
    s = sum(scores.values())
    return int(s / 36 * 100 + 0.5)


def band_of(pct):
    if pct >= 88:
        return "Outstanding"
    if pct >= 63:
        return "Good"
    if pct >= 39:
        return "Requires improvement"
    return "Inadequate"


# ---------------------------------------------------------------- prose pools (own words)
WPE = {
    1: ["I can get an assessment of my needs when I ask for one, and I am kept informed while I wait.",
        "I am treated as the expert in my own life and my views shape the support I get.",
        "My carer can have their own assessment and it looks at what matters to them as well as to me.",
        "I understand how decisions about money and support are made, and I can challenge them."],
    2: ["I can find information and advice that helps me stay well and independent for longer.",
        "I get help early, before small problems become a crisis.",
        "I know which community groups and services near me could help, and how to reach them."],
    3: ["I am treated fairly whatever my background, and my culture and language are respected.",
        "I can get support in a way that works for me, including in my own language or format.",
        "The barriers I face are noticed and something is done about them."],
    4: ["I can choose from a range of good quality care and support close to where I live.",
        "My care and support is joined up, so I do not have to repeat my story to every service.",
        "I have continuity: the people supporting me know me and stay with me over time."],
    5: ["The organisations that support me talk to each other and work as one team around me.",
        "My community has groups and places that help me feel connected and less alone."],
    6: ["When I move between services, such as leaving hospital or turning 18, my support moves with me.",
        "I feel safe, and the people who support me plan ahead so that changes do not put me at risk.",
        "If my circumstances change suddenly, there is a plan in place and I know who to call."],
    7: ["I feel safe and I am supported to understand and manage the risks in my life.",
        "If I raise a concern about abuse or neglect, I am listened to and action is taken quickly.",
        "I am involved in decisions about keeping me safe, and what I want is respected."],
    8: ["I can trust that the council is well run and spends money where it makes a difference to people.",
        "Leaders know what my experience of care is like and act on it."],
    9: ["I am asked what I think of services and I can see that my feedback changes things.",
        "People like me are involved in designing and testing new ways of providing support."],
}

COMMIT = {
    1: "We work with people to understand their needs, strengths and goals, and we carry out assessments, care plans and reviews in a timely and person-centred way.",
    2: "We support people to manage their health and wellbeing so they can live as independently as possible for as long as possible, and we act early to prevent needs escalating.",
    3: "We take action to understand and reduce inequality, and we make sure people with protected characteristics get fair access to care, support and good outcomes.",
    4: "We understand our local population and plan and commission a range of safe, effective and affordable services, working with partners so that care is joined up.",
    5: "We work as equal partners with health, housing, the voluntary sector and local communities, and we share learning and resources to improve outcomes for people.",
    6: "We work with people and our partners to plan safe transitions between services, and we have clear arrangements for continuity of care when a provider fails or circumstances change.",
    7: "We work with people and partners to identify and respond to risks of abuse and neglect, we make enquiries without delay, and we learn from safeguarding reviews.",
    8: "We have clear and accountable leadership and governance, we understand the risks to adult social care, and we manage our resources so that services remain sustainable.",
    9: "We learn from people's feedback, from good practice elsewhere and from when things go wrong, and we use that learning to improve and innovate.",
}

HEADINGS = {
    1: ["Assessment, care planning and review arrangements", "Support for unpaid carers",
        "Direct payments and personal budgets", "Financial assessment and charging"],
    2: ["Arrangements to prevent, delay or reduce needs for care and support",
        "Provision and impact of accessible information and advice", "Direct payments"],
    3: ["Understanding and reducing barriers to care and support and reducing inequalities",
        "Inclusion and accessibility arrangements"],
    4: ["Understanding local needs for care and support", "Market shaping and commissioning to meet local needs",
        "Ensuring sufficiency of care and support", "Workforce capacity and capability"],
    5: ["Partnership working to deliver shared local and national objectives",
        "Arrangements to support effective partnership working", "Working with voluntary and community sector groups"],
    6: ["Safety management", "Safety during transitions", "Contingency planning"],
    7: ["Safeguarding systems, processes and practices", "Responding to concerns and undertaking section 42 enquiries",
        "Making safeguarding personal"],
    8: ["Governance, accountability and risk management", "Strategic planning", "Learning, improvement and innovation in governance"][:2] + ["Workforce equality, diversity and inclusion"],
    9: ["Continuous learning, improvement and professional development", "Co-production and engagement",
        "Learning from feedback"],
}

SURVEY = [
    ("Adult Social Care Survey", "of people who use services said they had as much control over their daily life as they wanted"),
    ("Adult Social Care Survey", "of people said they found it easy to find information about support"),
    ("Survey of Adult Carers in England", "of carers said they were satisfied with the support they received"),
    ("Survey of Adult Carers in England", "of carers said they had as much social contact as they would like"),
    ("Adult Social Care Survey", "of people who use services said they felt safe"),
    ("Adult Social Care Survey", "of people said care and support services helped them to feel safe"),
]


def fmt_pct(x, style):
    return f"{x}%" if style != "word" else f"{x} per cent"


def findings_for(rng, n, council, short, score, pct_style):
    """Return list of {heading, paragraphs} for statement n."""
    heads = list(HEADINGS[n])
    rng.shuffle(heads)
    k = 2 if score in (1, 4) else rng.choice([2, 3])
    out = []
    tone_good = score >= 3
    for i, h in enumerate(heads[:k]):
        paras = []
        surv, phrase = SURVEY[rng.randrange(len(SURVEY))]
        local = round(rng.uniform(35, 85), 2)
        eng = round(local + rng.uniform(-9, 9) * (1 if tone_good else -1) * -1, 2)
        topic = h[0].lower() + h[1:]
        if tone_good:
            paras.append(rng.choice([
                f"Staff and leaders told us that {short} had put people at the centre of its approach to {topic}, "
                f"and partners described the council as open and easy to work with. Feedback from people we spoke "
                f"to was mostly positive, although some said they had to chase for updates.",
                f"We found a settled and confident workforce. Practitioners in {short} described manageable caseloads, "
                f"regular supervision and a culture in which they felt able to try new approaches to {topic}.",
                f"Partners were positive about {topic}. A voluntary sector organisation told us the council "
                f"\u201clistens and then does what it says it will do\u201d, and health colleagues described shared "
                f"priorities and regular joint meetings.",
                f"The local authority had a clear understanding of its strengths and weaknesses in {topic}, and its "
                f"self-assessment matched what people, staff and partners told us.",
            ]))
        else:
            paras.append(rng.choice([
                f"People told us their experience of {topic} in {short} was inconsistent. Some described long "
                f"waits and having to repeat their story, and staff acknowledged that demand had outstripped the "
                f"capacity of teams over the past year.",
                f"Staff told us that high caseloads and vacancies in some teams meant work on {topic} was often "
                f"reactive. Managers were aware of this and had started a recruitment campaign, but it was too "
                f"early to see its impact.",
                f"Partners described arrangements for {topic} as fragmented. Information was not always shared "
                f"in good time, and some partners were unclear who to contact in the council.",
                f"The local authority recognised that {topic} needed to improve. Its own audits had found gaps in "
                f"recording, and an action plan was in place, although several actions were overdue.",
            ]))
        paras.append(f"The {surv} (2023 to 2024) showed {fmt_pct(local, pct_style)} {phrase}, compared with the England "
                     f"average of {fmt_pct(eng, pct_style)}.")
        if rng.random() < 0.6:
            w = rng.randint(120, 1400)
            days = rng.randint(18, 140)
            paras.append(f"At the time of our assessment there were {w:,} people waiting, and the median wait was "
                         f"{days} days. The local authority had a plan to reduce this, using additional agency "
                         f"staff and a triage process that prioritised people at highest risk.")
        if rng.random() < 0.35:
            paras.append(rng.choice([
                "Partners told us about recent improvements, including a joint duty desk and a shared "
                "case recording system, but these were too new for us to see their full impact.",
                f"Data from the Short and Long Term (SALT) return showed {rng.randint(60, 95)}% of reviews were "
                f"completed within 12 months, against a local target of 90%.",
                "Carers' assessments were offered at the same time as the cared-for person's assessment, and "
                "carers we spoke to said they felt recognised as partners in care.",
                f"There were {rng.randint(3, 40)} people in hospital who were medically fit to leave but were waiting "
                f"for care, a figure the local authority monitored daily with its NHS partners.",
            ]))
        out.append({"heading": h, "paragraphs": paras})
    if rng.random() < 0.25:
        lead = (f"This section sets out what we found about {STATEMENTS[n][0].lower()} in {short}.")
        out.insert(0, {"heading": None, "paragraphs": [lead]})
    return out


def statements_for(seed, council, short, scores, pct_style="num", wpe_cut=None):
    rng = random.Random(seed)
    res = {}
    for n in range(1, 10):
        w = list(WPE[n])
        if wpe_cut and len(w) > 2:
            w = w[: rng.choice([2, len(w)])]
        res[n] = {
            "what_people_expect": w,
            "commitment": COMMIT[n],
            "key_findings": findings_for(rng, n, council, short, scores.get(n) or 2, pct_style),
        }
    return res


def people_experience(seed, short, good):
    rng = random.Random(seed + 7)
    a = rng.randint(55, 80)
    out = [
        (f"Most people we heard from told us staff in {short} were kind and listened to them. "
         if good else f"People's experiences of care and support in {short} were mixed. ") +
        "Several people described their social worker as someone they could rely on, but others said it was hard to get through on the phone.",
        f"Unpaid carers told us they valued the carers' centre, yet only {a}% of the carers who responded to the survey said they had been offered a carer's assessment in the last year.",
    ]
    if rng.random() < 0.6:
        out.append("People from some communities, including people whose first language is not English, were less "
                   "aware of what support was available and how to ask for it.")
    return out


def strengths(short, good):
    return [
        f"{short} had a clear vision for adult social care that staff and partners understood and supported.",
        ("Leaders had made progress on reducing waiting lists, and plans to go further were realistic."
         if good else "Waiting lists for assessments and reviews remained too long, and plans to reduce them needed to go further and faster."),
        "Next steps: we will monitor the local authority's progress through our ongoing engagement.",
    ]


def d(s):
    return dt.date.fromisoformat(s)


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def fmt_date(date, style):
    if style == "long":
        return f"{date.day} {MONTHS[date.month-1]} {date.year}"
    if style == "wp":  # WordPress default
        return f"{MONTHS[date.month-1]} {date.day}, {date.year}"
    if style == "slash":
        return date.strftime("%d/%m/%Y")
    if style == "dow":
        return date.strftime("%A ") + f"{date.day} {MONTHS[date.month-1]} {date.year}"
    if style == "short":
        return f"{date.day} {MONTHS[date.month-1][:3]} {date.year}"
    raise ValueError(style)
