"""Invented prose for the blind copy (round7/office). All wording is the author's own."""
import random

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
BAND = {
    1: "Evidence shows significant shortfalls",
    2: "Evidence shows some shortfalls",
    3: "Evidence shows a good standard",
    4: "Evidence shows an exceptional standard",
}
BAND_SHORT = {1: "Significant shortfalls", 2: "Some shortfalls", 3: "Good standard", 4: "Exceptional standard"}

# The author's own paraphrases of what people should be able to expect.
EXPECT = {
    1: ["I can get an assessment of my needs when I need one, and it looks at my whole life.",
        "My care plan is written with me and says what matters most to me.",
        "People caring for me are offered their own assessment and help."],
    2: ["I get help early, before my needs grow, so I can stay independent for longer.",
        "I am told about support in my community that helps me stay well.",
        "I can choose how my support is arranged, including through a direct payment."],
    3: ["I am treated fairly whatever my background, and my culture is respected.",
        "Information is given to me in a way I can understand and use."],
    4: ["I can get care and support that is close to home and right for me.",
        "My support does not stop or change suddenly when services change.",
        "The people who support me talk to each other so I do not repeat my story."],
    5: ["Local organisations work together so that my support makes sense as a whole.",
        "Groups in my community are part of how I am supported."],
    6: ["I stay safe when I move between hospital, home and other services.",
        "My support continues if something goes wrong with a provider."],
    7: ["I feel safe and I am listened to when I raise a worry.",
        "If I am at risk, action is taken quickly and I am involved in decisions."],
    8: ["I can see who is responsible for decisions about my care and support.",
        "The council plans ahead so that support will be there in future."],
    9: ["My views and experiences help to change how services work.",
        "The people who support me keep learning and improving."],
}
COMMIT = {
    1: "We work with people to understand their strengths, needs and goals, and we plan support around what matters to them and to their carers.",
    2: "We help people to stay well and independent for as long as possible by acting early and making good use of community resources.",
    3: "We seek out and remove the barriers that stop some groups getting fair access to care and support and fair outcomes from it.",
    4: "We make sure there is enough good quality care locally, and we join it up with health and housing so that people get continuous support.",
    5: "We build strong partnerships with health, the voluntary sector and communities so that people get the right help in the right place.",
    6: "We keep people safe as they move through the system, and we plan for the times when things go wrong.",
    7: "We work with partners to prevent abuse and neglect, to respond well when it happens, and to keep the person at the centre of every enquiry.",
    8: "We have clear leadership, governance and oversight of risk and resources, so that adult social care is sustainable and accountable.",
    9: "We learn from people’s feedback, from data and from each other, and we use that learning to improve and to try new approaches.",
}
PILOT_COMMIT_SUFFIX = ""  # pilot pages print the same we-statement

HEADINGS = {
    1: ["Arrangements for assessment, care planning and review", "How quickly people are assessed", "Help for unpaid carers", "Information and advice"],
    2: ["Preventing and delaying needs", "Reablement and short-term support", "Equipment and adaptations", "Direct payments"],
    3: ["Knowing the local population", "Reducing barriers to support", "Accessible information and communication"],
    4: ["Understanding local needs", "Commissioning and market shaping", "Sufficiency and quality of care", "Working with health partners"],
    5: ["Joint working with the NHS and others", "The voluntary and community sector", "What partnership working achieves"],
    6: ["Managing safety across services", "Moving between services and into adulthood", "Planning for provider failure"],
    7: ["Safeguarding arrangements and practice", "Handling concerns and section 42 enquiries", "Keeping the person at the centre"],
    8: ["Leadership and accountability", "Strategy and planning", "Money and sustainability", "Data and information governance"],
    9: ["Learning and staff development", "Working alongside people with lived experience", "Trying new ideas"],
}

SURVEYS = [
    ("Adult Social Care Survey", "people who use services"),
    ("Survey of Adult Carers in England", "unpaid carers"),
]

MEASURES = {
    1: ["said they found it easy to find information about support", "were satisfied with their care and support"],
    2: ["of people aged 65 and over were still at home 91 days after leaving hospital into reablement", "said the support they received helped them to have control over their daily life"],
    3: ["from minority ethnic groups said they felt their needs were understood", "said information was available in a format they could use"],
    4: ["said they had as much social contact as they would like", "of care homes in the area were rated good or outstanding"],
    5: ["of carers said they had been included or consulted in discussions about the person they care for", "said services worked well together"],
    6: ["said they felt safe", "of hospital discharges took place on the day the person was ready to leave"],
    7: ["said the services they use helped them to feel safe and secure", "of safeguarding concerns were screened within one working day"],
    8: ["of staff said they understood the council’s priorities for adult social care", "of the adult social care budget was spent on community-based support"],
    9: ["of carers said they were satisfied with support overall", "said they had been asked for feedback in the last year"],
}

GOOD_LINES = [
    "Staff told us they had the time and the training to do their jobs well, and people’s feedback to us was mostly positive.",
    "Partners described the local authority as open, reliable and willing to share risk.",
    "People told us that staff listened to them and that their support had made a real difference to their lives.",
    "Leaders had a clear picture of what was working well and of where practice needed to improve.",
    "We saw examples of creative, strengths-based practice that helped people to stay connected to their communities.",
    "Front-line teams knew their local area well and could point people to groups and services close to home.",
    "Feedback from providers showed that fees were agreed on time and that quality concerns were followed up quickly.",
    "Performance data was reviewed every month, and leaders could show us how it had changed what teams did.",
]
WEAK_LINES = [
    "Some people told us they had waited many months for contact and had not been kept informed while they waited.",
    "Staff described high caseloads and said that some reviews were being put off to manage urgent work.",
    "Partners said that communication was inconsistent and that decisions were sometimes slow to be made.",
    "Records did not always show how risks were being managed while people waited for an assessment.",
    "Leaders acknowledged that the improvements were recent and had not yet been tested over time.",
    "Some carers said they had to tell their story several times to different teams before anything changed.",
    "Providers told us that home care hours were hard to find in some rural parts of the area.",
    "Audits had identified gaps in recording, but the actions from them had not yet been completed.",
]
WAITING = [
    "At the time of our assessment {n:,} people were waiting for a Care Act assessment, and the median wait was {w} days.",
    "Data provided by the local authority showed {n:,} people on the waiting list for a review, with the longest wait at {w} weeks.",
    "There were {n:,} carers waiting for a carer’s assessment, and {w}% of them had waited more than 3 months.",
]


def _pct(r, lo, hi):
    return round(r.uniform(lo, hi), 1)


def survey_sentence(r, qs, score):
    survey, who = r.choice(SURVEYS)
    meas = r.choice(MEASURES[qs])
    eng = _pct(r, 45, 85)
    if score >= 3:
        val = round(eng + r.uniform(0.6, 6.5), 1)
        cmp_ = r.choice(["which was higher than", "which was better than", "compared with"])
    else:
        val = round(eng - r.uniform(0.8, 9.0), 1)
        cmp_ = r.choice(["which was lower than", "which was worse than", "compared with"])
    year = r.choice(["2023-24", "2023/24", "2024"])
    return (f"The {survey} ({year}) showed that {val}% of {who} {meas}, "
            f"{cmp_} the England average of {eng}%." if not meas.startswith("of ") else
            f"Local performance data ({year}) showed that {val}% {meas}, "
            f"{cmp_} the England average of {eng}%.")


def key_findings(r, short, qs, score):
    heads = list(HEADINGS[qs])
    r.shuffle(heads)
    n = r.choice([2, 3, 3])
    out = []
    pool = list(GOOD_LINES if score >= 3 else WEAK_LINES)
    r.shuffle(pool)
    for i, h in enumerate(heads[:n]):
        paras = []
        p1 = f"{pool.pop()} {survey_sentence(r, qs, score)}"
        paras.append(p1)
        if i == 0 and score <= 2:
            paras.append(r.choice(WAITING).format(n=r.randint(120, 2400), w=r.randint(9, 70)))
        if r.random() < 0.6:
            line = pool.pop()
            paras.append(f"In {short}, {line[0].lower()}{line[1:]}")
        out.append({"heading": h, "paragraphs": paras})
    return out


def list_items(r, qs):
    """A short bullet list used inside some key findings."""
    pools = {
        1: ["a single front door for advice and referrals", "trusted assessors in the hospital teams", "a new carers’ hub run with a local charity"],
        2: ["a falls prevention service", "a technology-enabled care offer", "social prescribing in every primary care network"],
        4: ["a home care framework with fixed fees", "a new extra care housing scheme", "joint quality visits with the integrated care board"],
        7: ["a daily safeguarding triage meeting", "a multi-agency risk panel", "quarterly audits of section 42 enquiries"],
        9: ["a practice forum for social workers", "an annual co-production week", "a principal occupational therapist post"],
    }
    pool = pools.get(qs)
    if not pool:
        return None
    return list(pool)


def statement_content(slug, short, qs, score):
    r = random.Random(f"{slug}-{qs}")
    kf = key_findings(r, short, qs, score)
    items = list_items(r, qs)
    if items and r.random() < 0.5:
        kf[-1]["paragraphs"].append("Developments described to us included:")
        kf[-1]["paragraphs"].extend(items)
        kf[-1]["has_list"] = len(items)
    return {
        "what_people_expect": list(EXPECT[qs]),
        "commitment": COMMIT[qs],
        "key_findings": kf,
    }


def people_experience(slug, short, rating):
    r = random.Random(slug + "-pe")
    good = rating in ("Good", "Outstanding")
    first = (f"Most people we heard from in {short} were positive about the support they received, and described staff as kind, respectful and easy to reach."
             if good else
             f"People in {short} gave us a mixed picture. Many valued the staff who supported them, but too many described long waits and having to chase for updates.")
    eng = _pct(r, 60, 75)
    val = round(eng + (r.uniform(1, 5) if good else -r.uniform(1, 7)), 1)
    second = (f"The Adult Social Care Survey showed that {val}% of people who use services were satisfied with their care and support, against an England average of {eng}%.")
    third = ("Unpaid carers told us that they did not always know where to go for help, and some had only learned about a carer’s assessment by chance."
             if r.random() < 0.5 else
             "Carers told us that respite was hard to arrange at short notice, although those who had a direct payment said it gave them more flexibility.")
    return [first, second, third]


def strengths(slug, short, rating):
    r = random.Random(slug + "-st")
    return [
        f"{short} had a clear vision for adult social care that staff and partners understood. "
        + r.choice(["Work with the NHS on hospital discharge was a strength.", "Its prevention offer was wide and well used.", "The voluntary sector was treated as an equal partner."]),
        "Areas for development included "
        + r.choice(["waiting times for assessments and reviews", "the consistency of support for unpaid carers", "oversight of people waiting for support", "the range of care available in rural areas"])
        + ". Leaders had plans in place, but some were at an early stage.",
    ]
