"""Report data for the realsite blind corpus (round8). All prose here is invented placeholder text."""
import random

THEMES = {
    1: "How the local authority works with people",
    2: "Providing support",
    3: "How the local authority ensures safety within the system",
    4: "Leadership",
}
# number -> (theme, name, short slug, pilot segment)
STATEMENTS = {
    1: (1, "Assessing needs", "theme1-needs", "assessing-needs"),
    2: (1, "Supporting people to lead healthier lives", "theme1-healthier-lives", "supporting-people-lead-healthier-lives"),
    3: (1, "Equity in experience and outcomes", "theme1-equity", "equity-experience-outcomes"),
    4: (2, "Care provision, integration and continuity", "theme2-care", "care-provision-integration-continuity"),
    5: (2, "Partnership and communities", "theme2-partnership", "partnership-communities"),
    6: (3, "Safe pathways, systems and transitions", "theme3-pathways", "safe-pathways-systems-transitions"),
    7: (3, "Safeguarding", "theme3-safeguarding", "safeguarding"),
    8: (4, "Governance, management and sustainability", "theme4-governance", "governance-management-sustainability"),
    9: (4, "Learning, improvement and innovation", "theme4-learning", "learning-improvement-innovation"),
}
PILOT_THEME_SEG = {1: "1-working-with-people", 2: "2-providing-support", 3: "3-ensuring-safety", 4: "4-leadership"}

BAND_PHRASE = {1: "Evidence shows significant shortfalls", 2: "Evidence shows some shortfalls",
               3: "Evidence shows a good standard", 4: "Evidence shows an exceptional standard"}
RATING_PHRASE = {"Inadequate": BAND_PHRASE[1], "Requires improvement": BAND_PHRASE[2],
                 "Good": BAND_PHRASE[3], "Outstanding": BAND_PHRASE[4]}

# Own-wording I-statements and we-statements (paraphrased in spirit, not copied).
EXPECT = {
    1: ["I can get help to understand my care and support needs, and the people helping me know what matters to me.",
        "I am treated as a whole person when my needs are looked at, and the people who care for me are listened to as well."],
    2: ["I can find out what is on offer locally to help me stay well and independent for as long as possible.",
        "I get advice that I can understand, at a time when it can still make a difference."],
    3: ["I am treated fairly and with respect, whatever my background, and I get support that fits who I am."],
    4: ["I can choose from support that is good quality, safe and close to home.",
        "I do not have to tell my story again every time a different service becomes involved."],
    5: ["The organisations that support me talk to each other and work towards the same goals as I do."],
    6: ["When I move between services, or from children's to adults' support, the change is planned and nobody drops the thread.",
        "I feel safe, and there is a plan in place if things go wrong or my carer cannot continue."],
    7: ["I feel safe and I am supported to understand and manage any risks in my life.",
        "If I raise a concern about my safety, I am listened to and the response is about what I want to happen."],
    8: ["I know who is responsible for decisions about my care, and I can see that those decisions are followed through."],
    9: ["I have a say in how services are shaped, and I can see what has changed because of what people like me said."],
}
COMMIT = {
    1: "We make sure people's care and support needs, and those of unpaid carers, are understood through assessments that focus on the person, and we plan and review support with them.",
    2: "We help people to look after their health and wellbeing, reduce future needs for care and support, and stay independent at home.",
    3: "We work to find out who is less well served, remove barriers that get in their way, and make sure people's outcomes are fair.",
    4: "We understand the care our population needs and commission a range of local services that are safe, joined up and affordable, so that people have real choice.",
    5: "We build strong relationships with health partners, the voluntary sector and communities so that support is planned and delivered together.",
    6: "We plan for safety across the whole system, particularly when people move between services, and we have clear arrangements for when things go wrong.",
    7: "We work with partners to keep people safe from abuse and neglect, respond quickly to concerns and put the person at the centre of every enquiry.",
    8: "We have clear lines of accountability, understand our performance and risks, and use that knowledge to plan care that is sustainable.",
    9: "We learn from feedback, good practice and research, involve people in improving services and try out new ways of working.",
}
HEADINGS = {
    1: ["Assessment, care planning and review arrangements", "Timeliness of assessments, care planning and reviews",
        "Assessment and care planning for unpaid carers", "Eligibility decisions for care and support",
        "Financial assessment and charging policy for care and support", "Provision of independent advocacy"],
    2: ["Arrangements to prevent, delay or reduce needs for care and support",
        "Provision and impact of intermediate care and reablement services",
        "Access to equipment and home adaptations", "Provision of accessible information and advice", "Direct payments"],
    3: ["Understanding and reducing barriers to care and support and reducing inequalities",
        "Inclusion and accessibility arrangements", "Support for people with protected characteristics"],
    4: ["Understanding local needs for care and support", "Market shaping and commissioning to meet local needs",
        "Ensuring sufficiency of care and support", "Ensuring quality of care and support provision",
        "Ensuring the sustainability of the market"],
    5: ["Partnership working to deliver shared local and national objectives",
        "Arrangements to support effective partnership working", "Impact of partnership working",
        "Working with voluntary and charity sector groups"],
    6: ["Safety management", "Safety during transitions", "Contingency planning"],
    7: ["Safeguarding systems, processes and practices", "Responding to local safeguarding risks and issues",
        "Responding to concerns and undertaking Section 42 enquiries", "Making safeguarding personal"],
    8: ["Governance, accountability and risk management", "Strategic planning", "Information security"],
    9: ["Learning, improvement and innovation", "Co-production with people who use services", "Learning from feedback"],
}
TOPIC = {1: "assessments", 2: "prevention and early help", 3: "fair access to support", 4: "the local care market",
         5: "joint working with partners", 6: "moves between services", 7: "safeguarding responses",
         8: "oversight of performance and risk", 9: "improvement work"}

SURVEYS = [
    ("of people who use services said they were satisfied with their care and support", "Adult Social Care Survey 2023-24"),
    ("of unpaid carers said they were satisfied with social services", "Survey of Adult Carers in England 2023-24"),
    ("of people who use services said they found it easy to find information about support", "Adult Social Care Survey 2023-24"),
    ("of carers said they had been included or consulted in discussions about the person they care for", "Survey of Adult Carers in England 2023-24"),
    ("of people who use services said they had as much social contact as they would like", "Adult Social Care Survey 2023-24"),
    ("of people aged 65 and over were still at home 91 days after leaving hospital into reablement", "Adult Social Care Outcomes Framework 2023-24"),
    ("of people who use services said they felt safe", "Adult Social Care Survey 2023-24"),
    ("of people who use services said that the services they receive help them feel safe", "Adult Social Care Survey 2023-24"),
]

OPEN = {
    "good": ["People and partners gave us consistently positive feedback about {t}. Staff described processes that were well understood across teams, and the records we reviewed were person-centred and up to date.",
             "We found that {t} in {c} worked well for most people. Leaders had a clear picture of what was working and acted on the areas that needed attention."],
    "mixed": ["Feedback about {t} was mixed. Some people described a timely and respectful response, while others told us they had waited too long or had to repeat their story several times.",
              "Staff told us that demand had grown faster than capacity, and this affected {t}. Leaders were aware of the pressures and had plans in place, although it was too early to see their full impact."],
    "poor": ["People consistently told us that {t} did not meet their needs. We heard that contact was hard to make, that responses were slow and that people were not kept informed.",
             "Leaders acknowledged significant weaknesses in {t}. Improvement plans were at an early stage and there was limited evidence that risks to people were being reduced."],
    "great": ["We saw innovative and well-embedded practice in {t}. People told us they were treated as equal partners, and partners described {c} as a leader in the region.",
              "Outcomes for people were strong. {c} used detailed data and direct feedback to shape {t}, and staff were proud of the difference their work made."],
}
EXTRA = ["Staff had manageable caseloads and said they received regular supervision and good access to training.",
         "Partners in health told us that communication had improved over the last 12 months, although some joint processes were still being developed.",
         "The local authority had recently introduced a new case management system, and staff said it was beginning to make information easier to find.",
         "Some people told us that information was not always available in accessible formats or in languages other than English.",
         "Unpaid carers told us they valued the carers' centre, but some were not aware that they were entitled to an assessment of their own.",
         "There were clear escalation routes when risks were identified, and managers reviewed waiting lists every week."]


BULLETS = ["a new carers' strategy written with local carers' groups",
           "a joint commissioning plan with the integrated care board for home care",
           "extra social work capacity to reduce the assessment waiting list",
           "a review of fees paid to residential and nursing homes",
           "a quarterly provider forum with care home and home care managers",
           "a digital front door so that people can request an assessment online",
           "an annual survey of people using direct payments"]


def tone(score):
    return {1: "poor", 2: "mixed", 3: "good", 4: "great"}[score]


def pct_of(scores):
    s = sum(scores)
    return (s * 200 + 36) // 72  # round(s/36*100), halves up


def band(p):
    if p >= 88:
        return "Outstanding"
    if p >= 63:
        return "Good"
    if p >= 39:
        return "Requires improvement"
    return "Inadequate"


def make_findings(rng, n, score, council_short, pilot=False):
    heads = HEADINGS[n][:]
    k = rng.randint(2, min(4, len(heads)))
    chosen = heads[:k]
    out = []
    for i, h in enumerate(chosen):
        paras = []
        t = TOPIC[n] if i == 0 else h[0].lower() + h[1:]
        paras.append(rng.choice(OPEN[tone(score)]).format(t=t, c=council_short))
        if rng.random() < 0.7:
            desc, src = rng.choice(SURVEYS)
            eng = round(rng.uniform(40, 80), 1)
            delta = {1: -8, 2: -3, 3: 1.5, 4: 6}[score] + rng.uniform(-2, 2)
            loc = round(eng + delta, 1)
            if pilot:
                src = src.replace('2023-24', '2022-23')
            rel = "lower than" if loc < eng else "higher than"
            if abs(loc - eng) < 1.2:
                rel = "similar to"
            paras.append(f"{loc}% {desc}, which was {rel} the England average of {eng}% ({src}).")
        if n == 1 and i == 1:
            w = {1: 1400, 2: 620, 3: 180, 4: 40}[score] + rng.randint(0, 90)
            d = {1: 160, 2: 74, 3: 21, 4: 9}[score] + rng.randint(0, 12)
            paras.append(f"At the time of our assessment, {w:,} people were waiting for a Care Act assessment. The median wait was {d} days, and people with urgent needs were seen the same or next working day.")
        if n == 7 and i >= 1:
            c = {1: 38, 2: 61, 3: 84, 4: 93}[score] + rng.randint(0, 5)
            paras.append(f"Data provided by the local authority showed that {c}% of safeguarding concerns were screened within 2 working days. {rng.randint(2,9)} Section 42 enquiries were awaiting allocation when we visited.")
        if rng.random() < 0.5:
            paras.append(rng.choice(EXTRA))
        item = {"heading": h, "paragraphs": paras, "bullets": []}
        if n in (4, 5, 9) and i == 0:
            paras.append("Actions the local authority had taken in the previous year included:")
            item["bullets"] = rng.sample(BULLETS, 3)
        out.append(item)
    return out


def people_experience(rng, short, rating):
    good = rating in ("Good", "Outstanding")
    a = (f"Most people we heard from told us that staff in {short} were kind, listened to them and treated them with dignity. "
         "People valued being able to speak to the same worker over time.") if good else (
        f"People's experiences of adult social care in {short} varied. Some told us staff were caring and knowledgeable, "
        "but many described delays, difficulty getting through on the phone and having to chase for updates.")
    b = ("Unpaid carers were positive about the support they received, although some said respite was hard to arrange at short notice."
         if good else "Unpaid carers told us they often felt forgotten, and that carers' assessments did not always lead to practical help.")
    c = f"Feedback from {rng.choice(['Healthwatch', 'local carers groups', 'a user-led organisation', 'the voluntary sector'])} matched what people told us directly."
    return [a, b, c]


def summary_strengths(rng, short, rating):
    return [f"{short} had a stable and experienced leadership team with a clear vision for adult social care.",
            "Partnership working with the NHS was well established, particularly around hospital discharge.",
            "Waiting times for assessments and for occupational therapy needed to reduce, and the local authority had funded extra capacity to address this."]
