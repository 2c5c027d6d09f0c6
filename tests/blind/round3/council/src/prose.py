"""Invented report prose for the blind 'council' corpus.

All wording here is written for this corpus (placeholder-quality, not copied from CQC reports).
Text is generated once per family (seeded by slug) and both the HTML pages, the PDFs and the
answer keys are rendered from the same generated structures.
"""
import random

STATEMENTS = {
    1: (1, "Assessing needs"),
    2: (1, "Supporting people to lead healthier lives"),
    3: (1, "Equity in experiences and outcomes"),
    4: (2, "Care provision, integration and continuity"),
    5: (2, "Partnerships and communities"),
    6: (3, "Safe pathways, systems and transitions"),
    7: (3, "Safeguarding"),
    8: (4, "Governance, management and sustainability"),
    9: (4, "Learning, improvement and innovation"),
}
# an older naming closer to the framework, used by one pilot
FRAMEWORK_NAMES = {
    2: "Supporting people to live healthier lives",
    6: "Safe systems, pathways and transitions",
}
THEMES = {
    1: "How the local authority works with people",
    2: "Providing support",
    3: "How the local authority ensures safety within the system",
    4: "Leadership",
}
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

I_STATEMENTS = {
    1: ["People listen to me about what matters most, and my support is planned around my own goals.",
        "I am told how long my assessment will take, and I am kept informed while I wait.",
        "The person who cares for me has their own needs understood and supported."],
    2: ["I can get information and advice that helps me stay well and independent for longer.",
        "After a spell in hospital I get short-term help so that I can get back to my own routines at home."],
    3: ["I am treated fairly, and my culture, faith and identity are respected.",
        "I can get support in a way that works for me, including in my own language or format."],
    4: ["I can choose from a range of good local services that suit my needs and that I can afford.",
        "My support carries on without gaps when the people or services looking after me change."],
    5: ["The services that support me talk to each other, so I only have to tell my story once.",
        "There are groups and activities near me that help me feel part of my community."],
    6: ["When I move between services, settings or areas, my support is planned so that I feel safe.",
        "I am involved in decisions about moving from children's to adult services."],
    7: ["I feel safe, and I am helped to understand and manage any risks in my life.",
        "When I raise a concern, people act quickly and keep me involved in what happens next."],
    8: ["I can trust that the people running my council understand the challenges I face and act on them."],
    9: ["I can share my views and ideas and see that they make a difference.",
        "I am treated as an equal partner when services are designed and reviewed."],
}
COMMITMENT = {
    1: "We find out what people need and what they want to achieve, and we work with them in a timely way to put the right support in place, including for unpaid carers.",
    2: "We help people to stay as independent and well as they can, working with partners to prevent, delay or reduce the need for care and support.",
    3: "We understand the diverse communities we serve, and we act to remove barriers so that everyone can get fair access to care and good outcomes.",
    4: "We plan and commission a range of local services that are affordable, of good quality and joined up with health and other partners, so that people have choice and continuity.",
    5: "We work with health partners, the voluntary and community sector and local people to design joined-up support that makes our communities stronger.",
    6: "We work with partners to keep people safe as they move between services, and we have clear ways of sharing information and managing risk.",
    7: "We work with partners to prevent abuse and neglect, and we respond quickly and in a person-centred way when concerns are raised.",
    8: "We have clear leadership, governance and accountability, and we use good information to manage risk and to make sure care and support are sustainable.",
    9: "We learn from people's feedback, from what goes wrong and from other areas, and we use that learning to improve and to try out new ideas.",
}

# per statement: heading -> (positive paragraph templates, negative paragraph templates)
FINDINGS = {
    1: {
        "Assessment, care planning and review arrangements": (
            ["Staff told us that assessments were strengths-based and started from what people could do and wanted to achieve. People we heard from said their social worker took time to understand their situation, and care plans we sampled were written in the person's own words.",
             "The local authority had moved to a single front door for adult social care in {yr}, and partners said this had made it simpler to ask for help. Around {n} contacts a month were resolved at first point of contact with information, advice or a referral to community support."],
            ["Some people told us that their assessment felt like a form-filling exercise and did not reflect what mattered to them. Care plans we reviewed were inconsistent in quality, and several did not record the person's own goals.",
             "Reviews of people's care and support were not always happening when they should. At the time of our assessment, {n} people had not had a review for more than 12 months, and leaders acknowledged that this was an area of risk."]),
        "Timeliness of assessments, care planning and reviews": (
            ["Waiting times for a Care Act assessment had fallen over the previous year. Data provided by the local authority showed a median wait of {w} weeks, and people with urgent needs were seen within 48 hours.",
             "A duty team screened all new requests daily, so that people whose needs were changing quickly were prioritised. Staff described clear escalation routes when a person's risk increased while they waited."],
            ["People waited too long for an assessment. Data provided by the local authority showed {n} people were waiting, and the longest wait was {w} weeks. Some people told us they had not heard anything from the local authority while they waited.",
             "Staff said that waiting lists were checked, but there was no consistent approach to making contact with people while they waited, so changes in their circumstances might not be picked up."]),
        "Support for unpaid carers": (
            ["{survey_carers}",
             "Carers' assessments were carried out by a commissioned carers' service as well as by the local authority, and carers told us this gave them a choice about who they spoke to. Short breaks were available at short notice."],
            ["{survey_carers}",
             "Carers we spoke with were not always aware they were entitled to an assessment of their own needs, and the number of carers' assessments completed had fallen since {yr}."]),
        "Eligibility decisions for care and support": (
            ["The local authority's framework for eligibility decisions was clear and published. Staff said that decisions were checked at panel only when a case was complex, which reduced delay.",],
            ["Some partners told us that decisions about eligibility were not always explained to people, and few people knew how to challenge a decision they disagreed with."]),
    },
    2: {
        "Arrangements to prevent, delay or reduce needs": (
            ["The local authority funded a network of community hubs and navigators, and people could drop in without an appointment. Leaders used population health data to focus preventative work on areas with the highest need.",
             "{survey_info}"],
            ["Preventative services were not consistently available across the area, and people in rural parts said it was hard to reach the community hubs. Leaders recognised that their prevention strategy had not yet been fully put into practice.",
             "{survey_info}"]),
        "Provision and impact of intermediate care and reablement services": (
            ["{survey_reablement}",
             "Reablement was provided by an in-house team working alongside therapists from the community health trust, and most people referred started their reablement within {d} days."],
            ["{survey_reablement}",
             "Capacity in the reablement service was limited, and some people were placed in short-term residential care while they waited, which staff said reduced their chances of returning home."]),
        "Access to equipment and home adaptations": (
            ["Equipment was usually delivered within {d} working days, and a trusted assessor scheme meant that small adaptations could be arranged without an occupational therapy assessment."],
            ["People waited a long time for major adaptations funded through the Disabled Facilities Grant, with a median wait of {w} weeks from referral to completion."]),
        "Direct payments": (
            ["The proportion of people using direct payments was higher than the England average, and a support service helped people to recruit and employ personal assistants."],
            ["Uptake of direct payments was low and had fallen since {yr}. People told us that the paperwork was confusing and that there were not enough personal assistants in the area."]),
    },
    3: {
        "Understanding and reducing barriers to care and support and reducing inequalities": (
            ["The local authority had analysed who was and was not contacting adult social care and had found that older people from some minority ethnic communities were under-represented. It had funded community organisations to reach these groups, and contacts from them had risen.",
             "{survey_control}"],
            ["The local authority did not have a full picture of who was not accessing adult social care. Data on ethnicity was missing for {p_missing} of the people it supported, which limited its ability to understand and tackle inequalities.",
             "{survey_control}"]),
        "Inclusion and accessibility arrangements": (
            ["Interpreters and British Sign Language interpreters were booked quickly, and key documents were available in easy read and in the most commonly spoken community languages."],
            ["Staff told us that booking interpreters could take several weeks, and some people relied on family members to interpret during assessments, which was not appropriate."]),
    },
    4: {
        "Understanding local needs for care and support": (
            ["The market position statement was up to date and set out expected demand to {yr2}. Providers told us it gave them a clear idea of where the local authority wanted services to grow."],
            ["The local authority's market position statement was out of date, and providers said they did not have a clear picture of what services the local authority would need in future."]),
        "Market shaping and commissioning to meet local needs": (
            ["{survey_satisfaction}",
             "Fee rates had been agreed with providers following a cost of care exercise, and providers described a constructive relationship with commissioners."],
            ["{survey_satisfaction}",
             "There were gaps in the supply of home care in rural areas and of nursing care for people living with dementia. At the time of our assessment {n} people were waiting for a home care package to start."]),
        "Ensuring quality of care and support provision": (
            ["The local authority's quality team visited providers regularly and shared information with CQC. Of the adult social care services in the area rated by CQC, {p_good} were rated good or outstanding."],
            ["The local authority placed people with providers rated inadequate when it had no alternative, and its own monitoring visits had been reduced because of vacancies in the quality team."]),
    },
    5: {
        "Partnership working to deliver shared local and national objectives": (
            ["Leaders from the local authority and the integrated care board described a shared plan for older people's services, and a joint commissioning team managed pooled budgets worth around £{m}m."],
            ["Partners told us that relationships with the integrated care board were improving but that joint plans were at an early stage and were not yet making a difference to people."]),
        "Working with voluntary and charity sector groups": (
            ["{survey_included}",
             "Voluntary sector organisations told us they were treated as equal partners and were involved early when services were redesigned."],
            ["{survey_included}",
             "Some voluntary sector organisations said that short-term grant funding made it hard to plan and to keep experienced staff."]),
    },
    6: {
        "Safety management": (
            ["{survey_feelsafe}",
             "Information was shared well between adult social care, health and housing partners through a multi-agency risk panel, which met {freq}."],
            ["{survey_feelsafe}",
             "Staff did not always have access to health records, and partners told us that information about risk was sometimes not passed on when a person's case was transferred between teams."]),
        "Safety during transitions": (
            ["A transitions team started working with young people from the age of 14, and young people and their families told us that they knew what to expect when they turned 18."],
            ["Young people and their families told us that planning for the move to adult services started too late, and some young people had no adult care plan in place when they turned 18."]),
        "Contingency planning": (
            ["The local authority had tested its business continuity plans with providers, and providers knew whom to contact if they could no longer deliver care."],
            ["When a large home care provider left the market in {yr}, the local authority found new care for people, but some people experienced missed visits while this happened."]),
    },
    7: {
        "Safeguarding systems, processes and practices": (
            ["The safeguarding adults board had a clear strategic plan and partners described strong shared ownership. The local authority's own audits of safeguarding practice showed improving quality."],
            ["There was a backlog of {n} safeguarding concerns awaiting initial screening at the time of our assessment. Leaders had introduced a recovery plan, but it was too early to see its impact."]),
        "Responding to concerns and undertaking Section 42 enquiries": (
            ["Concerns were screened on the day they were received, and {p_s42} of Section 42 enquiries were completed within the local authority's target timescale."],
            ["Some Section 42 enquiries took many months to complete, and people and their families were not always kept informed about the progress of the enquiry."]),
        "Making safeguarding personal": (
            ["{survey_safe}",
             "Records showed that people were asked what outcome they wanted at the start of an enquiry, and most said that their outcomes had been fully or partly met."],
            ["{survey_safe}",
             "Records did not consistently show that people had been asked what they wanted to happen, and advocacy was not always offered when it should have been."]),
    },
    8: {
        "Governance, accountability and risk management": (
            ["Elected members and senior leaders had a good understanding of adult social care, and performance was reported to the cabinet every quarter. Risks were recorded and reviewed regularly.",
             "{survey_carerinfo}"],
            ["Performance information was not always accurate or timely, and leaders told us that a new case management system, introduced in {yr}, had made it harder to report on waiting lists.",
             "{survey_carerinfo}"]),
        "Strategic planning": (
            ["The adult social care strategy had been written with people who use services and set out clear priorities for the next {k} years."],
            ["The local authority was forecasting an overspend of £{m}m on adult social care for the current year, and its savings plans depended on reducing the number of people in residential care."]),
    },
    9: {
        "Continuous learning, improvement and professional development": (
            ["Staff told us that they had good access to training and that a principal social worker led a programme of practice development. The local authority had used technology-enabled care to support {n} people to live at home."],
            ["Staff turnover was high, and staff said that pressure of work meant they struggled to take up training. Learning from complaints was not consistently shared across teams."]),
        "Co-production and learning from feedback": (
            ["A partnership board of people with lived experience co-produced the local authority's new carers' strategy, and members told us their ideas had been acted upon.",
             "{survey_asked}"],
            ["People with lived experience were consulted on some changes, but the local authority had not yet developed a consistent approach to co-production.",
             "{survey_asked}"]),
    },
}

SURVEYS = {
    "survey_carers": ("Survey of Adult Carers in England (SACE)", "carers", "were satisfied with social services", 36.8),
    "survey_info": ("Adult Social Care Survey (ASCS)", "people who use services", "found it easy to find information about support", 67.1),
    "survey_reablement": ("Adult Social Care Outcomes Framework (ASCOF)", "older people", "were still at home 91 days after leaving hospital into reablement or rehabilitation services", 83.8),
    "survey_control": ("Adult Social Care Survey (ASCS)", "people who use services", "said they had as much control as they wanted over their daily life", 77.6),
    "survey_satisfaction": ("Adult Social Care Survey (ASCS)", "people who use services", "were extremely or very satisfied with their care and support", 62.1),
    "survey_included": ("Survey of Adult Carers in England (SACE)", "carers", "felt involved or consulted in discussions about the person they care for", 64.7),
    "survey_feelsafe": ("Adult Social Care Survey (ASCS)", "people who use services", "said the services they receive help them to feel safe", 87.1),
    "survey_safe": ("Adult Social Care Survey (ASCS)", "people who use services", "said they feel safe", 71.1),
    "survey_carerinfo": ("Survey of Adult Carers in England (SACE)", "carers", "found it easy to find information about services", 57.7),
    "survey_asked": ("Adult Social Care Survey (ASCS)", "people who use services", "said they had been asked for their views about the services they receive", 48.3),
}

PEOPLE_POS = [
    "Most people we heard from were positive about the help they received from {c}. They described staff who listened, treated them with respect and helped them to stay in their own homes for as long as possible.",
    "{survey_satisfaction}",
    "Unpaid carers valued the short breaks and the carers' centre, although some said they only found out about this support by chance.",
    "People said that information and advice was easy to find online and by phone, and that community hubs were a helpful first stop.",
]
PEOPLE_NEG = [
    "People's experiences of {c} were mixed. Some people described caring and skilled staff, but many told us that they had waited too long for an assessment or for their care to start.",
    "{survey_satisfaction}",
    "Unpaid carers told us they often felt invisible and that they had to chase the local authority for updates. Several said they were close to breaking point.",
    "People told us it was hard to get through on the phone, and that they had to repeat their story to different workers.",
]
STRENGTHS = [
    "Staff were proud to work for {c} and described supportive managers and a culture of learning.",
    "Partnership working with health and the voluntary sector was a clear strength, and leaders had a shared ambition for the area.",
]
DEVELOPMENT = [
    "The local authority needs to reduce waiting times for assessments and reviews and to make sure people are kept informed while they wait.",
    "Leaders should make sure that data about who uses services is complete, so that inequalities in access and outcomes can be understood and tackled.",
    "The supply of home care in rural areas and of specialist dementia care needs to improve.",
]


class Fmt:
    """How a family writes numbers in its prose."""
    def __init__(self, pct="{:.1f}%"):
        self.pct_t = pct

    def pct(self, x):
        return self.pct_t.format(x)


def survey_sentence(rng, key, fmt, era):
    name, who, what, eng = SURVEYS[key]
    year = {"pilot": "2021-22", "early": "2022-23", "late": "2023-24", "new": "2024-25"}[era]
    delta = rng.choice([-9.4, -6.2, -3.8, -0.6, 0.9, 2.7, 5.1, 8.3])
    e = eng + rng.choice([-1.2, -0.4, 0.0, 0.5, 1.1])
    p = e + delta
    if abs(delta) < 1.5:
        cmp = "which was similar to"
    elif delta > 0:
        cmp = "which was higher than"
    else:
        cmp = "which was lower than"
    forms = [
        "Data from the {name} {year} showed that {p} of {who} {what}, {cmp} the England average of {e}.",
        "According to the {name} {year}, {p} of {who} {what}. This was {cmp2} the England average ({e}).",
        "In the {name} {year}, {p} of {who} {what}, compared with an England average of {e}.",
    ]
    f = rng.choice(forms)
    return f.format(name=name, year=year, p=fmt.pct(p), who=who, what=what, cmp=cmp,
                    cmp2=cmp.replace("which was ", ""), e=fmt.pct(e))


def _fill(rng, t, c, fmt, era, surveys_used):
    def sv(key):
        return survey_sentence(rng, key, fmt, era)
    if t.startswith("{survey_"):
        key = t.strip("{}")
        return sv(key)
    return t.format(
        c=c, n="{:,}".format(rng.choice([120, 184, 236, 312, 405, 517, 688, 940, 1210, 1480])),
        w=rng.choice([6, 9, 11, 14, 18, 23, 27, 34]), d=rng.choice([2, 3, 5, 7]),
        yr=rng.choice([2021, 2022, 2023]), yr2=rng.choice([2028, 2029, 2030]),
        k=rng.choice([3, 4, 5]), m=rng.choice([4.2, 7.8, 11.5, 18.9, 26.0, 41.3]),
        p_missing=fmt.pct(rng.choice([14.2, 19.8, 23.5, 31.0])),
        p_good=fmt.pct(rng.choice([79.4, 83.2, 86.7, 90.1])),
        p_s42=fmt.pct(rng.choice([71.0, 78.5, 84.3, 92.6])),
        freq=rng.choice(["weekly", "every fortnight", "monthly"]))


def statement_content(rng, n, score, c, fmt, era, bullets=False):
    heads = list(FINDINGS[n].items())
    k = min(len(heads), rng.choice([2, 3, 3]))
    chosen = heads[:1] + rng.sample(heads[1:], k - 1)
    findings = []
    for i, (h, (pos, neg)) in enumerate(chosen):
        # mostly follow the score, with some mixed evidence
        tone_pos = score >= 3 if rng.random() < 0.8 else score < 3
        pool = pos if tone_pos else neg
        blocks = [{"type": "p", "text": _fill(rng, t, c, fmt, era, None)} for t in pool]
        if bullets and i == 1:
            blocks.append({"type": "ul", "items": [
                "contacts resolved at the front door: " + fmt.pct(rng.choice([38.0, 44.5, 52.3, 61.9])),
                "assessments completed within 28 days: " + fmt.pct(rng.choice([41.2, 56.0, 63.4, 77.8])),
                "reviews completed on time: " + fmt.pct(rng.choice([48.9, 57.1, 66.6, 72.4])),
            ]})
        findings.append({"heading": h, "blocks": blocks})
    return {
        "expect": list(I_STATEMENTS[n]),
        "commitment": COMMITMENT[n],
        "findings": findings,
    }


def report_content(slug, c, scores, fmt, era, bullets_in=()):
    rng = random.Random("council-" + slug)
    stm = {}
    for n in range(1, 10):
        s = scores.get(n) or 2
        stm[n] = statement_content(rng, n, s, c, fmt, era, bullets=(n in bullets_in))
    good = sum(v for v in scores.values() if v) / max(1, len([v for v in scores.values() if v])) >= 2.6
    pool = PEOPLE_POS if good else PEOPLE_NEG
    people = [_fill(rng, t, c, fmt, era, None) for t in pool[:3]]
    strengths = [_fill(rng, t, c, fmt, era, None) for t in STRENGTHS]
    dev = [_fill(rng, t, c, fmt, era, None) for t in rng.sample(DEVELOPMENT, 2)]
    return {"statements": stm, "people": people, "strengths": strengths, "development": dev}
