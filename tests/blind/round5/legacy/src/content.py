"""Invented prose for the blind corpus (written for this corpus; placeholder quality).

Every text here is original wording. Figures are filled in per family from a seeded RNG,
so each family's pages, PDF and answer key are rendered from the same data.
"""
import random

THEMES = {
    1: "How the local authority works with people",
    2: "Providing support",
    3: "How the local authority ensures safety within the system",
    4: "Leadership",
}

# number, theme, name as report pages print it, short key
STATEMENTS = [
    (1, 1, "Assessing needs", "needs"),
    (2, 1, "Supporting people to lead healthier lives", "wellbeing"),
    (3, 1, "Equity in experiences and outcomes", "equity"),
    (4, 2, "Care provision, integration and continuity", "care"),
    (5, 2, "Partnership and communities", "partnership"),
    (6, 3, "Safe pathways, systems and transitions", "pathways"),
    (7, 3, "Safeguarding", "safeguarding"),
    (8, 4, "Governance, management and sustainability", "governance"),
    (9, 4, "Learning, improvement and innovation", "learning"),
]
ST_NAME = {n: name for n, _, name, _ in STATEMENTS}
ST_THEME = {n: t for n, t, _, _ in STATEMENTS}
ST_KEY = {n: k for n, _, _, k in STATEMENTS}

BAND_PHRASE = {
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

EXPECT = {
    1: ["I can tell my story once and the people assessing me listen to what matters to me.",
        "I am involved in decisions about my support and I know how long each step will take.",
        "My carer's needs are looked at as well as mine, without a long wait.",
        "I get clear information about what I will pay and why."],
    2: ["I can find information and advice that help me stay independent for longer.",
        "I get support early, before things reach a crisis.",
        "I can use equipment and small changes to my home to keep doing things for myself."],
    3: ["I am treated fairly whatever my background, and my culture and language are respected.",
        "I can get information in a format I understand.",
        "The support I am offered works as well for people like me as it does for anyone else."],
    4: ["I can choose from a range of good quality care close to where I live.",
        "My care continues smoothly when a provider changes or closes.",
        "I have a choice of people to support me when I use a direct payment."],
    5: ["The groups and services in my community work together so I do not fall between them.",
        "Voluntary organisations I trust are part of planning my support.",
        "I know where to go locally when I need help."],
    6: ["When I move between services, my information moves with me and I do not have to start again.",
        "My move from children's to adults' services is planned well ahead of time.",
        "I feel safe when I leave hospital and go home."],
    7: ["I feel safe and I am supported to understand and manage risks in the way I choose.",
        "When I raise a concern, people act on it quickly and keep me informed.",
        "I am asked what outcome I want from a safeguarding enquiry."],
    8: ["I know who makes decisions about care in my area and how to influence them.",
        "The people in charge understand what life is like for people who draw on care.",
        "Money is spent in a way that keeps the care I rely on stable."],
    9: ["My feedback, good or bad, leads to changes I can see.",
        "I can help design the services I use.",
        "New ideas are tried out and the ones that work are kept."],
}

COMMITMENT = {
    1: "We work with people to understand their needs, strengths and goals, and we assess them in a timely way that puts their wellbeing first.",
    2: "We support people to manage their health and wellbeing so they stay independent, and we act early to prevent or delay the need for care.",
    3: "We actively seek out and listen to people who are less well served, and we remove the barriers that stop them getting fair outcomes.",
    4: "We make sure there is enough safe, affordable, good quality care locally, and we join it up with health and housing so people get continuity.",
    5: "We build trusted partnerships with health, the voluntary sector and communities so that people get joined-up support.",
    6: "We plan safe moves between services and between ages, and we share information so nobody is lost along the way.",
    7: "We work with partners to keep people safe from abuse and neglect, and we put their wishes at the centre of every enquiry.",
    8: "We have clear leadership, accountability and oversight of adult social care, and we manage risk and money to keep services sustainable.",
    9: "We learn from people's experiences, from data and from others, and we use what we learn to improve and try new ways of working.",
}

# heading -> (text when the statement scored 3-4, text when it scored 1-2); {..} filled per family
FINDINGS = {
    1: [("Assessment, care planning and review arrangements",
         ["Most people we spoke with said staff took time to understand what mattered to them. In the Adult Social Care Survey, {p}% of people said they felt in control of their daily lives, compared with an England average of {e}%.",
          "People described waits for a Care Act assessment of up to {w} weeks. Around {n} people were waiting at the time of our visit, and staff told us the backlog had grown since the previous year."],
         ["Reviews were usually completed on time and plans were shared with people and their families.",
          "Reviews of care plans were often late; leaders told us {r}% of people in long-term support had not had a review in the last 12 months."]),
        ("Carers' assessments",
         ["Unpaid carers were offered their own assessment and told us it helped. In the Survey of Adult Carers, {p}% of carers said they were satisfied with support, against {e}% nationally.",
          "Carers told us they were not always offered an assessment. Only {p}% of carers said they had been included in discussions about the person they cared for, below the England average of {e}%."]),
        ("Financial assessment and charging",
         ["Financial assessments were completed within about {d} days and people understood what they would pay.",
          "Delays in financial assessments of up to {w} weeks meant some people received unexpected bills for care that had already started."]),
        ],
    2: [("Arrangements to prevent, delay or reduce needs",
         ["The local authority funded a wide early help offer, including falls prevention and community activities. {p}% of people who used reablement were still at home 91 days after leaving hospital, compared with {e}% in England.",
          "Preventative services were patchy across the area and staff said people were often referred only once a crisis had happened. {p}% of people were still at home 91 days after reablement, below the England average of {e}%."]),
        ("Provision and impact of intermediate care and reablement",
         ["Reablement was available within {d} days of referral and most people needed less long-term care afterwards.",
          "People waited up to {w} weeks to start reablement, and capacity was often taken up by people waiting for home care."]),
        ("Access to equipment and home adaptations",
         ["Small items of equipment were usually delivered within {d} working days.",
          "There were long waits for occupational therapy, with {n} people on the waiting list and some waiting more than {w} weeks."]),
        ],
    3: [("Understanding and reducing barriers to care and support",
         ["Leaders used data on age, ethnicity and disability to see who was and was not using services, and acted on gaps they found.",
          "The local authority did not yet have a full picture of which groups were under-represented in services, and staff said this work had only recently started."]),
        ("Inclusion and accessibility arrangements",
         ["Interpreters and easy read information were readily available. In the Adult Social Care Survey, {p}% of people said information was easy to find, compared with {e}% nationally.",
          "People told us information was hard to find and was not always available in community languages. {p}% of people said finding information was easy, compared with {e}% in England."]),
        ],
    4: [("Understanding local needs for care and support",
         ["The market position statement was up to date and based on what people had told the local authority about their needs.",
          "Commissioning plans were out of date and did not reflect the growing number of people with complex needs."]),
        ("Ensuring sufficiency, quality and continuity of care",
         ["{p}% of care homes in the area were rated good or outstanding, compared with {e}% in England, and home care was usually available within {d} days.",
          "There was not enough home care in rural areas and {n} hours of care a week were unmet at the time of our assessment. {p}% of care homes were rated good or outstanding, compared with {e}% in England."]),
        ("Ensuring the care market is sustainable",
         ["Providers said fee setting was open and fair and that the local authority responded when they raised concerns.",
          "Providers told us fee increases had not kept pace with costs, and some had handed back contracts in the past year."]),
        ],
    5: [("Partnership working to deliver shared local and national objectives",
         ["Partners described a strong and honest relationship with the local authority, with shared plans through the health and wellbeing board.",
          "Partners said joint work with the local authority depended on individuals and was not always joined up at a strategic level."]),
        ("Working with voluntary and charity sector groups",
         ["The local authority funded around {n} voluntary organisations and involved them in designing services.",
          "Voluntary groups told us short-term grants made it hard for them to plan and to keep staff."]),
        ],
    6: [("Safety management",
         ["Risks to people waiting for an assessment were checked regularly and people were told who to contact if things changed.",
          "There was no consistent way of checking on people while they waited, and staff were not always aware when a person's risks increased."]),
        ("Safety during transitions",
         ["Young people moving into adult services were known to the local authority from age {a} and plans were in place well before their eighteenth birthday.",
          "Young people and their families said the move to adult services started too late and felt rushed. The local authority knew of {n} young people due to move over the next year."]),
        ("Contingency planning",
         ["Contingency plans were in place for provider failure and had worked well when a home care provider closed.",
          "Contingency planning relied on a few experienced staff, and providers were not sure what would happen if a service closed."]),
        ],
    7: [("Safeguarding systems, processes and practice",
         ["Safeguarding concerns were screened within {d} working days and enquiries were usually completed on time. In the Adult Social Care Survey, {p}% of people said they felt safe, compared with {e}% in England.",
          "At the time of our assessment, {n} safeguarding concerns were waiting to be screened, and some had waited more than {w} weeks. {p}% of people said they felt safe, compared with the England average of {e}%."]),
        ("Responding to concerns and undertaking Section 42 enquiries",
         ["People were asked what outcome they wanted and most said their outcomes had been fully or partly met.",
          "People were not always asked what they wanted from an enquiry, and feedback to the person raising the concern was inconsistent."]),
        ("Making safeguarding personal",
         ["Staff used advocacy well and people's own words were recorded in their safeguarding records.",
          "Staff said high workloads meant they did not always have time to involve people fully in decisions about their safety."]),
        ],
    8: [("Governance, accountability and risk management",
         ["Councillors and senior leaders had a clear view of performance and risks in adult social care, supported by regular reports.",
          "Performance information was limited and leaders did not always know about risks, such as waiting lists, until they had become serious."]),
        ("Strategic planning",
         ["The adult social care strategy had been written with people who draw on care and had clear priorities.",
          "The strategy had only recently been agreed and staff were not yet clear how it would change their work."]),
        ("Information security",
         ["Staff knew how to share information safely and systems allowed partners to see what they needed.",
          "Case recording systems did not link with health partners, which meant staff spent time chasing information."]),
        ],
    9: [("Continuous learning, improvement and professional development",
         ["Staff said they had good access to training, and {p}% of staff in a recent survey said they would recommend the local authority as a place to work.",
          "Staff turnover was high at {p}% and agency staff made up a large share of some teams, which made learning hard to sustain."]),
        ("Learning from feedback",
         ["Complaints and compliments were reviewed every quarter and led to changes, for example in how letters were written.",
          "There was limited evidence that complaints or feedback led to changes in practice."]),
        ("Co-production and innovation",
         ["A group of people with lived experience worked with leaders to design new services, including a carers' hub.",
          "Co-production was at an early stage and people said they were consulted after decisions had been made."]),
        ],
}

PEOPLE_EXPERIENCE = [
    ["Most people told us they were treated with kindness and respect by staff who knew them well.",
     "People said getting the first contact right was difficult: phone lines were busy and some people waited {w} weeks or more for an assessment.",
     "Unpaid carers valued the support they received once it was in place, but many found it hard to find out what was available."],
    ["People's experiences were mixed. Many praised the front door service and said staff listened, while others described delays and having to repeat their story.",
     "In the Adult Social Care Survey {p}% of people said they were satisfied with their care and support, compared with {e}% in England.",
     "Carers said respite was hard to arrange at short notice."],
    ["Feedback from people who draw on care and support was largely positive.",
     "People described staff who helped them to stay independent and to remain in their own homes.",
     "Some people from minority ethnic communities told us information was not available in their language."],
]

NEXT_STEPS = [
    "Leaders had a realistic view of where improvement was needed and plans to reduce waiting times were under way.",
    "The local authority's own self-assessment matched many of our findings, and partners were committed to improvement.",
    "Key areas for development were waiting lists for assessment, the pace of reviews and the sufficiency of home care.",
]


def _num(rng, lo, hi):
    return rng.randint(lo, hi)


def fill(text, rng, better=None):
    vals = {
        "p": _num(rng, 52, 91),
        "w": _num(rng, 4, 20),
        "n": f"{_num(rng, 90, 1450):,}",
        "r": _num(rng, 18, 46),
        "d": _num(rng, 2, 14),
        "a": _num(rng, 14, 16),
    }
    if better is None:
        better = rng.random() < 0.5
    gap = rng.choice([2, 3, 4, 5, 7])
    vals["e"] = max(40, min(95, vals["p"] - gap if better else vals["p"] + gap))
    vals["e"] = f"{vals['e']}" if rng.random() < 0.7 else f"{vals['e']}.{_num(rng, 1, 9)}"
    return text.format(**vals)


def statement_texts(seed, n, score):
    """Texts one statement page prints: I-statements, we-statement, findings."""
    rng = random.Random(f"{seed}-{n}")
    exp = EXPECT[n]
    k = rng.randint(2, len(exp))
    expect = exp[:k]
    findings = []
    heads = FINDINGS[n]
    count = rng.randint(2, len(heads))
    good = (score or 2) >= 3
    for entry in heads[:count]:
        heading, pairs = entry[0], entry[1:]
        paras = []
        for i, (g, b) in enumerate(pairs):
            use_good = good if (i == 0 or rng.random() < 0.7) else not good
            paras.append(fill(g if use_good else b, rng, use_good))
        findings.append({"heading": heading, "paragraphs": paras})
    # sometimes an opening paragraph before the first sub-heading
    lead = None
    if rng.random() < 0.3:
        lead = {"heading": None, "paragraphs": [
            f"This quality statement scored {score} out of 4. The findings below explain why."
            if rng.random() < 0.5 and score is not None else "We looked at how well the local authority met this statement across the whole of its area."]}
    if lead:
        findings.insert(0, lead)
    return {"what_people_expect": list(expect), "commitment": COMMITMENT[n], "key_findings": findings}


def people_experience(seed):
    rng = random.Random(f"{seed}-pe")
    base = PEOPLE_EXPERIENCE[rng.randrange(len(PEOPLE_EXPERIENCE))]
    return [fill(t, rng) for t in base]
