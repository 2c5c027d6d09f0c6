"""Invented prose for the wagtail blind corpus (placeholder quality, written for this corpus).

Everything here is the single source of truth: the page renderer, the PDF builders and the
answer-key writer all read the texts produced by `statement_texts()` etc.
"""
import random

BANDS = {
    1: "Evidence shows significant shortfalls",
    2: "Evidence shows some shortfalls",
    3: "Evidence shows a good standard",
    4: "Evidence shows an exceptional standard",
}

# (number, theme, name as report pages print it, url slug, legacy suffix)
STATEMENTS = [
    (1, 1, "Assessing needs", "assessing-needs", "theme1-needs"),
    (2, 1, "Supporting people to lead healthier lives", "supporting-people-to-lead-healthier-lives", "theme1-wellbeing"),
    (3, 1, "Equity in experiences and outcomes", "equity-in-experiences-and-outcomes", "theme1-equity"),
    (4, 2, "Care provision, integration and continuity", "care-provision-integration-and-continuity", "theme2-care"),
    (5, 2, "Partnerships and communities", "partnerships-and-communities", "theme2-partnerships"),
    (6, 3, "Safeguarding", "safeguarding", "theme3-safeguarding"),
    (7, 3, "Safe pathways, systems and transitions", "safe-pathways-systems-and-transitions", "theme3-pathways"),
    (8, 4, "Governance, management and sustainability", "governance-management-and-sustainability", "theme4-governance"),
    (9, 4, "Learning, improvement and innovation", "learning-improvement-and-innovation", "theme4-learning"),
]

THEMES = {
    1: "How the local authority works with people",
    2: "Providing support",
    3: "How the local authority ensures safety within the system",
    4: "Leadership",
}

# "What people expect": our own wording of person-centred expectations.
EXPECT = {
    1: ["I am listened to when my care and support is planned, and my own goals shape the plan.",
        "I get an assessment at a time that suits me and I know how long it will take.",
        "I understand how decisions about what I am entitled to are made."],
    2: ["I can get information and advice early, before things reach a crisis.",
        "I am helped to stay well and to keep doing the things that matter to me.",
        "I know where to go in my community when I need a bit of help."],
    3: ["I am treated fairly whoever I am and wherever I live.",
        "The support I get takes account of my culture, my language and my beliefs.",
        "I can reach the services I need even when I find it hard to ask."],
    4: ["I have a choice of good quality care close to where I live.",
        "My support joins up, so I do not have to tell my story again and again.",
        "When my needs change, my care changes with them without a long wait."],
    5: ["The people who support me work well together.",
        "Groups in my community are valued and helped to keep going.",
        "I can see that organisations share what they know to make my life better."],
    6: ["I feel safe and I am supported to understand and manage any risks.",
        "If I raise a concern, someone acts on it quickly and keeps me informed.",
        "I am involved in decisions about keeping me safe and my wishes are respected."],
    7: ["When I move between services, the move is planned and nobody drops the ball.",
        "When I turn 18, my support carries on without a gap.",
        "If my carer or provider cannot continue, there is a plan so I still get help."],
    8: ["I know who is responsible for the decisions about my care.",
        "The council spends money wisely and tells people how it is doing.",
        "Risks to services are spotted early and dealt with openly."],
    9: ["People like me help to shape how services change.",
        "When something goes wrong, lessons are learned and shared.",
        "I can see that the council tries new ideas and checks whether they work."],
}

COMMIT = {
    1: "We work with people to understand their strengths, needs and goals, and we assess, plan and review their care and support in a timely and consistent way.",
    2: "We help people to stay independent and well for as long as possible, by preventing, reducing and delaying their need for care and support.",
    3: "We take action to understand and remove inequalities in how people experience care and support and in the outcomes they achieve.",
    4: "We make sure there is a range of safe, good quality and affordable care locally, and we join up care with health and housing so that it is seamless for people.",
    5: "We build strong working relationships with partners, voluntary groups and communities so that together we improve people's lives.",
    6: "We work with partners to protect people from abuse and neglect, and we make sure safeguarding responses are timely and centred on the person.",
    7: "We plan moves between services carefully, keep people safe when they change services, and have plans ready for when care providers fail.",
    8: "We have clear roles, accountability and oversight, and we use good information to manage risk, performance and money.",
    9: "We learn from feedback, from people's experiences and from mistakes, and we use that learning to improve and to try new approaches.",
}


def _pct(f, x):
    style = f.get("pct_style", "int")
    if style == "words":
        return f"{x:.0f} per cent"
    if style == "dec":
        return f"{x:.1f}%"
    return f"{x:.0f}%"


def _fig(rng, good, lo=30, hi=80):
    """An invented local figure and an England average, local better when good."""
    e = rng.uniform(lo, hi)
    d = rng.uniform(2.5, 9.5)
    n = e + d if good else e - d
    return n, e


# Each statement: list of (sub-heading, [paragraph template, ...]). A template is a function
# taking (c, f, rng, good) and returning a text block (paragraph or list item marked "li:").
def _p_needs(c, f, rng, good):
    n, e = _fig(rng, good, 55, 75)
    wait = rng.randint(6, 14) if good else rng.randint(16, 40)
    return [
        ("Assessment, care planning and review", [
            f"People told us that staff at {c} listened to them and took their wishes into account during assessments. "
            f"In the national Adult Social Care Survey {_pct(f, n)} of people said they had been involved in decisions about their care, against an England average of {_pct(f, e)}.",
            ("Reviews were mostly carried out on time and focused on what people wanted to achieve." if good else
             "Too many reviews were overdue, and some people said their plan no longer reflected their needs."),
        ]),
        ("Timeliness of assessments", [
            f"At the time of our assessment the median wait for a Care Act assessment was about {wait} days. "
            + ("Leaders tracked the list weekly and prioritised people at greatest risk." if good else
               "Staff checked on people who were waiting, but leaders acknowledged the list had grown over the past year."),
            f"li:{rng.randint(120, 900)} people were waiting for an assessment.",
            f"li:{rng.randint(40, 400)} unpaid carers were waiting for a carer's assessment.",
        ]),
        ("Support for unpaid carers", [
            f"{_pct(f, n - 20)} of unpaid carers who answered the Survey of Adult Carers in England said they were satisfied with social services, compared with {_pct(f, e - 20)} in England. "
            + ("Carers valued the dedicated carers' hub and its direct payments." if good else
               "Carers told us it was hard to get a separate assessment of their own needs."),
        ]),
    ]


def _p_health(c, f, rng, good):
    n, e = _fig(rng, good, 70, 88)
    return [
        ("Arrangements to prevent, delay or reduce needs", [
            f"{c} funded a network of community hubs offering advice, equipment and short-term help. "
            f"{_pct(f, n)} of people who used reablement were still at home 91 days after leaving hospital, compared with an England average of {_pct(f, e)}.",
        ]),
        ("Information and advice", [
            ("People found the online directory easy to use and said staff at the front door resolved many questions at the first contact." if good else
             "Some people found information hard to find, and the online directory was out of date in places."),
            f"The council's own figures showed {rng.randint(35, 70)}% of contacts were resolved at the front door in 2023/24.",
        ]),
        ("Direct payments", [
            f"{_pct(f, rng.uniform(18, 35))} of people receiving long-term support used a direct payment. "
            + ("People said this gave them real choice and control." if good else
               "People told us the paperwork was off-putting and that there were too few personal assistants."),
        ]),
    ]


def _p_equity(c, f, rng, good):
    return [
        ("Understanding and reducing barriers to care and support", [
            ("Leaders used data about the local population to target outreach at groups who were less likely to ask for help, including older people from Black and South Asian communities." if good else
             "The council was at an early stage of using data to understand which groups were not getting support."),
            f"Staff had access to interpreters and {rng.randint(3, 12)} translated easy read leaflets, and told us these were used routinely.",
        ]),
        ("Inclusion and accessibility arrangements", [
            ("Partners described the council as open to challenge on equality and inclusion." if good else
             "People with a learning disability and autistic people told us they did not always receive information in a form they could use."),
        ]),
    ]


def _p_care(c, f, rng, good):
    n, e = _fig(rng, good, 70, 85)
    return [
        ("Understanding local needs for care and support", [
            f"The council's market position statement set out future demand for home care, nursing care and extra care housing in {c.replace(' Council', '')}. "
            + ("Commissioners had a clear plan to grow capacity." if good else "Plans to increase nursing capacity were behind schedule."),
        ]),
        ("Market shaping and commissioning to meet local needs", [
            f"{_pct(f, n)} of care homes and {_pct(f, n + 3)} of home care agencies in the area were rated good or outstanding by CQC, compared with England averages of {_pct(f, e)} and {_pct(f, e + 4)}.",
            ("There were no waits for home care at the time of the assessment." if good else
             f"About {rng.randint(20, 160)} hours of home care a week could not be sourced, mainly in rural areas."),
        ]),
        ("Integration and partnership working", [
            "Joint teams with the NHS trust supported people leaving hospital, and a shared care record was being introduced.",
        ]),
    ]


def _p_partner(c, f, rng, good):
    return [
        ("Partnership working to deliver shared local and national objectives", [
            ("Partners spoke highly of the council's leadership and its willingness to share risk." if good else
             "Partners said relationships had improved recently but that joint plans were not yet delivering change."),
            f"The council spent about £{rng.randint(20, 90)}m through pooled budgets with the integrated care board in 2023/24.",
        ]),
        ("Working with voluntary and charity sector groups", [
            f"Around {rng.randint(40, 250)} voluntary and community organisations received grants or contracts. "
            + ("Groups valued three-year funding, which let them plan." if good else "Groups told us one-year contracts made it hard to keep staff."),
        ]),
    ]


def _p_safeguard(c, f, rng, good):
    n, e = _fig(rng, good, 60, 75)
    return [
        ("Safeguarding systems, processes and practice", [
            ("Safeguarding concerns were screened on the day they arrived and decisions were recorded clearly." if good else
             f"At the time of our assessment {rng.randint(60, 300)} safeguarding concerns were waiting to be screened, some for more than four weeks."),
            f"{_pct(f, n)} of people who use services said they felt safe, compared with the England average of {_pct(f, e)}.",
        ]),
        ("Responding to concerns and undertaking section 42 enquiries", [
            "Staff understood thresholds for enquiries and had regular supervision.",
            ("Partners said the multi-agency safeguarding hub worked well." if good else
             "Partners reported inconsistent feedback after they had raised a concern."),
        ]),
        ("Making safeguarding personal", [
            f"{_pct(f, rng.uniform(70, 96))} of people asked about the outcomes they wanted from a safeguarding enquiry said those outcomes were fully or partly achieved.",
        ]),
    ]


def _p_pathways(c, f, rng, good):
    return [
        ("Care and support provided during transitions", [
            ("Young people moving to adult services had a named worker from the age of 14, and families said moves were well planned." if good else
             "Families of young people preparing for adulthood told us planning started too late and that there were gaps in support after 18."),
        ]),
        ("Hospital discharge", [
            f"On an average day around {rng.randint(8, 60)} people were in hospital while no longer needing to be there, "
            + ("which was lower than in similar areas." if good else "which was higher than in similar areas."),
        ]),
        ("Contingency planning", [
            "The council had plans for provider failure and had used them when a home care agency closed last year.",
        ]),
    ]


def _p_governance(c, f, rng, good):
    return [
        ("Governance, accountability and risk management", [
            ("Councillors and senior leaders had a shared understanding of adult social care and its risks." if good else
             "Performance reports to councillors were not always clear about the scale of waiting lists."),
            f"The director of adult social services reported directly to the chief executive and attended the corporate leadership team.",
        ]),
        ("Strategic planning", [
            f"The adult social care strategy for 2024 to {rng.choice([2027, 2028, 2029])} was co-produced with people and carers.",
        ]),
        ("Information security", [
            "Staff knew how to share information safely and the council had met the Data Security and Protection Toolkit standards.",
        ]),
    ]


def _p_learning(c, f, rng, good):
    return [
        ("Continuous learning, improvement and professional development", [
            ("There was a strong culture of learning, with a principal social worker who led regular practice forums." if good else
             "Staff said training was available but that caseloads left little time to attend."),
        ]),
        ("Learning from feedback", [
            f"The council received {rng.randint(60, 260)} complaints about adult social care in 2023/24 and upheld about a third. "
            + ("Lessons were shared through a monthly bulletin." if good else "It was not clear how learning from complaints changed practice."),
        ]),
    ]


FINDINGS = {1: _p_needs, 2: _p_health, 3: _p_equity, 4: _p_care, 5: _p_partner,
            6: _p_safeguard, 7: _p_pathways, 8: _p_governance, 9: _p_learning}


def statement_texts(f):
    """Returns {n: {"what_people_expect": [...], "commitment": str, "key_findings": [{"heading", "blocks": [(kind, text)]}]}}"""
    rng = random.Random(f["slug"])
    out = {}
    for n, theme, name, _, _ in STATEMENTS:
        score = f["scores"].get(n)
        good = (score or 2) >= 3
        secs = FINDINGS[n](f["short"], f, rng, good)
        kf = []
        if f.get("intro_findings") and n in (1, 4, 6, 8):
            kf.append({"heading": None, "blocks": [("p", f"This section summarises what we found about {name.lower()} in {f['short']}.")]})
        for heading, blocks in secs:
            bl = []
            for b in blocks:
                if b.startswith("li:"):
                    bl.append(("li", b[3:]))
                else:
                    bl.append(("p", b))
            kf.append({"heading": heading, "blocks": bl})
        out[n] = {"what_people_expect": list(EXPECT[n]), "commitment": COMMIT[n], "key_findings": kf}
    return out


def people_experience(f):
    rng = random.Random(f["slug"] + "px")
    c = f["short"]
    good = f["rating"] in ("Good", "Outstanding")
    a = (f"Most people we spoke to in {c} were positive about the staff who supported them, describing them as kind, patient and knowledgeable." if good else
         f"People in {c} had mixed experiences of adult social care. Many praised individual staff, but a number described long waits and having to chase for updates.")
    b = (f"Unpaid carers told us they valued the support available, although some wanted more short breaks. "
         f"In the Survey of Adult Carers in England {_pct(f, rng.uniform(30, 45))} of carers said they had as much social contact as they would like.")
    d = ("People who used direct payments generally felt in control of their support." if good else
         "Some people told us they did not know what would happen next after their first contact with the council.")
    return [a, b, d]


def strengths_summary(f):
    c = f["short"]
    return [
        f"Leaders in {c} had a clear understanding of the strengths and the areas for development in adult social care.",
        "Next steps identified by the council included reducing waits for assessment, improving support for unpaid carers and strengthening co-production.",
    ]
