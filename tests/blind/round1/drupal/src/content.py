"""Invented prose for the blind copy of CQC's local authority assessment pages.

All wording here was written for this test corpus; none of it is copied from CQC.
Everything is deterministic: each family seeds its own random.Random(slug).
"""

STATEMENT_NAMES = {
    1: "Assessing needs",
    2: "Supporting people to lead healthier lives",
    3: "Equity in experiences and outcomes",
    4: "Care provision, integration and continuity",
    5: "Partnerships and communities",
    6: "Safe pathways, systems and transitions",
    7: "Safeguarding",
    8: "Governance, management and sustainability",
    9: "Learning, improvement and innovation",
}
STATEMENT_THEME = {1: 1, 2: 1, 3: 1, 4: 2, 5: 2, 6: 3, 7: 3, 8: 4, 9: 4}
THEMES = {
    1: "How the local authority works with people",
    2: "Providing support",
    3: "How the local authority ensures safety within the system",
    4: "Leadership",
}
BAND = {
    1: "Evidence shows significant shortfalls",
    2: "Evidence shows some shortfalls",
    3: "Evidence shows a good standard",
    4: "Evidence shows an exceptional standard",
}
SCORE_WORD = {1: "Inadequate", 2: "Requires improvement", 3: "Good", 4: "Outstanding"}

# "What people expect" (I-statements) and the commitment (we-statement): own wording.
EXPECT = {
    1: ["I can get an assessment of my needs when I need one, and the people assessing me listen to what matters to me.",
        "My care and support plan reflects what I want to achieve, and it is looked at again when my circumstances change.",
        "As an unpaid carer, I am offered my own assessment and the help I need to keep caring for as long as I choose to."],
    2: ["I can find clear information about the help available near me before things reach a crisis.",
        "I get support to regain my independence after a stay in hospital or a period of illness.",
        "I can choose how my support is arranged, including through a direct payment if I want one."],
    3: ["I am treated fairly, whoever I am and wherever I live.",
        "Information and support are offered to me in a way that I can understand and use."],
    4: ["I can get the care I need close to home, from people who know how to support me.",
        "My care carries on smoothly when the organisations involved in my support change."],
    5: ["The organisations that support me talk to each other, so I only have to tell my story once.",
        "I can get help from community groups that understand my background and my interests."],
    6: ["I feel safe when I move between services, for example when I leave hospital or turn 18.",
        "If something goes wrong with my care, there is a plan so that I am not left without support."],
    7: ["I feel safe, and I know whom to contact if I am worried about abuse or neglect.",
        "When a concern is raised about me, I am kept informed and my wishes shape what happens next."],
    8: ["I can see that the local authority is well run and spends its money on the things that matter to people like me.",
        "My views reach the people who make decisions about services."],
    9: ["People like me help to design the services we use.",
        "I see things change when I give feedback or make a complaint."],
}
COMMITMENT = {
    1: "We work with people to understand their strengths, needs and goals, and we plan support with them that is timely, fair and reviewed as things change.",
    2: "We help people to stay well, independent and connected, acting early so that needs for care are prevented, delayed or reduced wherever we can.",
    3: "We know who lives in our area, we seek out groups whose voices are seldom heard, and we act to remove the barriers that lead to unequal outcomes.",
    4: "We understand the care our communities need now and in future, and we commission a range of good quality, affordable services that work together around people.",
    5: "We work with the NHS, housing, the voluntary sector and others towards shared goals, and we pool our resources where that makes sense for people.",
    6: "We put people's safety first at every point of their journey, planning moves between services carefully and preparing for the unexpected.",
    7: "We work with partners to prevent abuse and neglect, respond quickly when concerns are raised and make sure that safeguarding is personal to each individual.",
    8: "We have clear responsibilities, accountability and oversight, so that we understand our risks, use reliable information and deliver sustainable, high quality care.",
    9: "We learn from people's experiences and from what goes well and badly, we try new ways of working, and we support our staff to develop.",
}


def cmp_word(a, b):
    if abs(a - b) < 1.5:
        return "similar to"
    return "higher than" if a > b else "lower than"


def p1(x):
    return f"{x:.1f}%"


# Topic banks: heading, good paragraph(s), shortfall paragraph(s), optional statistic template.
# Templates use {place} (the area name), {LA} (capitalised "The local authority"), {la}, and the
# numbers passed in by make_findings().
TOPICS = {
    1: [
        ("Assessment, care planning and review arrangements",
         ["Staff in the front door team used a strengths-based approach, starting conversations with what people could still do and the help already around them. People we spoke with said their social worker took time to understand their routines, their families and what they wanted from the future.",
          "Assessments were completed in people's homes, by telephone or online, depending on what each person preferred, and partners said the quality of assessments was consistently good."],
         ["People told us that assessments felt rushed and that they had to repeat their story to different workers. Practitioners described high caseloads, and audits carried out by {la} had found that records did not always show how people's own views had shaped their support plans.",
          "Reviews of care and support plans were not always carried out within 12 months, and some people waited a long time for a review even after their needs had changed."],
         "In the Adult Social Care Survey (ASCS) 2023/24, {a} of people who used services said they felt in control of their daily lives, which was {cmp} the England average of {b}."),
        ("Timeliness of assessments, care planning and reviews",
         ["Waiting times for a Care Act assessment were short. At the time of our assessment, {n} people were waiting, and the median wait was {w} days. Urgent referrals were seen the same day, and there was a clear process for checking on people while they waited.",
          "Leaders tracked waiting lists every week, and extra capacity was moved between teams when demand rose."],
         ["At the time of our assessment, {n} people were waiting for a Care Act assessment, and the longest wait was {w} weeks. {LA} used a risk tool to prioritise people, but some people on the waiting list were not contacted between their first call and their assessment.",
          "Waiting times for occupational therapy assessments were longer still, and people told us they had bought equipment themselves rather than wait."],
         None),
        ("Assessment and eligibility decisions",
         ["Decisions about eligibility were made consistently and were explained to people in writing. Staff had clear guidance on applying the eligibility criteria, and a panel checked a sample of decisions each month.",
          "People who were not eligible for support were given information about other help, such as community groups and the local carers' centre."],
         ["Some people did not understand why decisions about eligibility had been made, and letters did not always explain how to challenge a decision. Financial assessments took up to {w} weeks to complete, which meant some people received unexpected bills.",
          "Staff told us that guidance on eligibility had recently been rewritten and was not yet being applied in the same way across all teams."],
         None),
        ("Help for unpaid carers",
         ["Unpaid carers were identified early, and carers' assessments were carried out by a commissioned carers' service that had good links with GP practices. Carers we heard from valued the breaks, training and peer support they were offered.",
          "A carers' emergency card scheme gave carers confidence that the person they cared for would be supported if they suddenly became unwell."],
         ["Unpaid carers told us they found it hard to get a carer's assessment and that support, including short breaks, was limited. The number of carers' assessments completed had fallen over the previous year.",
          "Carers from Black and minority ethnic communities were less likely to be known to {la}, and leaders recognised that more outreach was needed."],
         "The Survey of Adult Carers in England (SACE) 2023/24 showed that {a} of carers were satisfied with social services, which was {cmp} the England average of {b}."),
    ],
    2: [
        ("Arrangements to prevent, delay or reduce needs for care and support",
         ["{LA} worked with community partners to offer early help, including befriending, falls prevention classes and social prescribing through GP practices. Staff described these services as easy to refer into, and people told us they helped them stay independent for longer.",
          "Prevention was a clear priority in the adult social care strategy, with funding ring-fenced for community projects."],
         ["There was no overall prevention strategy, and partners said early help was patchy across {place}. People often first contacted {la} when they were already in crisis.",
          "Some preventative services had been decommissioned because of budget pressures, and the impact of these decisions had not yet been evaluated."],
         "Data from the ASCS 2023/24 showed that {a} of people who used services found it easy to find information about support, {cmp} the England average of {b}."),
        ("Provision and impact of intermediate care and reablement services",
         ["Reablement was offered to everyone leaving hospital who could benefit from it. Data showed that {a} of older people were still at home 91 days after discharge into reablement, compared with an England average of {b}.",
          "A therapy-led reablement team worked with people for up to six weeks, and most people needed less ongoing care afterwards."],
         ["Reablement capacity did not meet demand, so some people went straight into long-term home care without the chance to regain their independence. {LA} knew this and had commissioned additional capacity, but it was too early to see the impact.",
          "Data showed that {a} of older people were still at home 91 days after leaving hospital into reablement, compared with an England average of {b}."],
         None),
        ("Access to equipment and home adaptations",
         ["Equipment was usually delivered within 7 days, and a joint equipment service with the NHS meant that people got what they needed without being passed between organisations.",
          "Minor adaptations such as grab rails were installed quickly, often by a handyperson scheme run by a local charity."],
         ["People told us that they waited many months for major adaptations funded by Disabled Facilities Grants. At the time of our assessment, {n} people were waiting for an adaptation.",
          "Staff said that the equipment service often delivered the wrong items, which delayed hospital discharges."],
         None),
        ("Provision of accessible information and advice",
         ["The online directory of local services was up to date and easy to use, and an advice line run with a local charity offered help to people who preferred to speak to someone.",
          "Information was available in easy read and in the most commonly spoken community languages."],
         ["People said information on the website was hard to find and sometimes out of date. Printed information was not always available for people who did not use the internet.",
          "Staff were not confident about where to signpost people who were not eligible for funded care and support."],
         None),
        ("Direct payments",
         ["Direct payments were promoted well, and {a} of people who received long-term support used a direct payment, compared with the England average of {b}. A personal assistant register helped people find staff.",
          "People who used direct payments told us they valued the flexibility and the support of the direct payments team."],
         ["Take-up of direct payments was low, at {a} of people who received long-term support, compared with the England average of {b}. People described the processes as complicated, and there were few personal assistants available.",
          "{LA} had started a review of its direct payments offer, but this was at an early stage."],
         None),
    ],
    3: [
        ("Understanding and reducing barriers to care and support and reducing inequalities",
         ["{LA} used its joint strategic needs assessment and data on who was using services to spot groups that were under-represented. It worked with faith and community organisations to reach people who did not usually ask for help.",
          "Staff had training on cultural awareness, and equality impact assessments were completed for all major service changes."],
         ["{LA} did not routinely analyse data on people's protected characteristics, so it could not be sure that everyone had fair access to care and support. Some community groups told us they did not feel listened to.",
          "Equality impact assessments were not always completed when services changed."],
         None),
        ("Inclusion and accessibility arrangements",
         ["Interpreters, British Sign Language support and easy read materials were available when needed, and staff knew how to arrange them quickly.",
          "People with a learning disability had helped to test the accessibility of the website and letters."],
         ["People whose first language was not English told us that interpreters were not always booked for assessments, and family members were sometimes asked to interpret.",
          "Staff were not aware of the accessible information standard and how it applied to their work."],
         "The ASCS 2023/24 showed that {a} of people from ethnic minority groups said they were satisfied with their care and support, {cmp} the England average of {b}."),
        ("Understanding local communities",
         ["Leaders had a detailed understanding of {place}'s diverse communities, including rural areas with poor transport, and services were designed with those communities.",
          "A community champions network brought the views of seldom-heard groups into planning."],
         ["Leaders acknowledged that their understanding of some communities, including Gypsy, Roma and Traveller communities and people who were homeless, was limited.",
          "There was little evidence that what people had told {la} had changed the way services were designed."],
         None),
    ],
    4: [
        ("Understanding local needs for care and support",
         ["{LA} had a current market position statement and used demographic data and the views of people and providers to plan for future need.",
          "Commissioners knew where gaps in provision were likely to arise and had plans to address them."],
         ["The market position statement was out of date, and commissioners did not have a clear picture of future demand for specialist care, such as dementia nursing care.",
          "Providers said they did not know what {la} wanted to buy in future."],
         None),
        ("Market shaping and commissioning to meet local needs",
         ["Commissioning was done jointly with the integrated care board where it made sense, and contracts encouraged providers to work flexibly around people.",
          "Fees were agreed following open discussion with providers, who told us the relationship with {la} was constructive."],
         ["Providers told us that fee rates did not cover the cost of care, and some had handed back contracts. {LA} relied heavily on out-of-area placements for people with complex needs.",
          "There were not enough home care workers in rural parts of {place}, and people sometimes waited in hospital for a package of care."],
         "{a} of people who used services said they had as much social contact as they would like, {cmp} the England average of {b} (ASCS 2023/24)."),
        ("Ensuring sufficiency of care and support",
         ["At the time of our assessment, there was no waiting list for home care, and people could usually choose from more than one care home.",
          "Extra care housing schemes gave people more choice about where they lived."],
         ["At the time of our assessment, {n} hours of home care per week were unmet, and {la} was using short-term placements in care homes to bridge the gap.",
          "Respite care was hard to find at short notice."],
         None),
        ("Ensuring quality of care and support provision",
         ["A quality assurance team visited providers regularly and shared concerns with CQC and health partners. Most care services in {place} were rated good or outstanding.",
          "Support for providers whose quality was poor was timely and effective."],
         ["The quality assurance team was small and mainly responded to concerns rather than visiting providers routinely. Fewer care homes in {place} were rated good or outstanding than the national average.",
          "Providers said that information about quality was not always shared with them."],
         None),
    ],
    5: [
        ("Partnership working to deliver shared local and national objectives",
         ["Leaders across {la}, the NHS and the voluntary sector had a shared vision for health and care, agreed through the health and wellbeing board. Partners described relationships as open and honest.",
          "Pooled budgets through the Better Care Fund were used well, with clear oversight of outcomes."],
         ["Partnership arrangements with the NHS had been affected by changes in leadership, and partners described a lack of shared priorities.",
          "Joint commissioning was limited, and opportunities to pool budgets had not been taken up."],
         None),
        ("Arrangements to support effective partnership working",
         ["Social workers were based in hospitals and alongside community health teams, which helped people move smoothly between services.",
          "Information sharing agreements were in place and worked well in practice."],
         ["Staff told us that information technology systems did not allow them to see health records, which slowed down decision making.",
          "Partners were not always clear who to contact within {la}."],
         None),
        ("Impact of partnership working",
         ["Joint work on hospital discharge had reduced the number of people delayed in hospital. Partners shared data to track how people were doing after leaving hospital.",
          "A joint dementia strategy had improved diagnosis rates and access to post-diagnosis support."],
         ["It was hard to see the impact of partnership working on people's outcomes, as shared measures had not been agreed.",
          "Some joint projects had stalled when short-term funding ended."],
         None),
        ("Working with voluntary and community sector groups",
         ["The voluntary sector was treated as an equal partner and had secure, multi-year funding for key services. Community groups said {la} involved them early in plans.",
          "Small grants helped community groups to set up lunch clubs, walking groups and carers' cafés."],
         ["Voluntary sector organisations said funding was short-term and uncertain, which made it hard for them to plan and keep staff.",
          "Community groups felt they were consulted late, after decisions had already been made."],
         None),
    ],
    6: [
        ("Safety management",
         ["Risks to people were identified early and managed well. Staff shared information about risks with partners, and there were clear processes for escalating concerns.",
          "{LA} had a good understanding of people's experiences of moving between services."],
         ["Staff did not always have the information they needed to manage risks, and records of risk assessments were inconsistent.",
          "There was no shared approach to managing risk with health partners."],
         None),
        ("Safety during transitions",
         ["Young people moving from children's to adult services were identified from age 14, and a preparing for adulthood team worked with them and their families to plan a smooth move.",
          "Hospital discharge arrangements were well planned, and people were supported to return home safely."],
         ["Young people and their families told us that planning for the move to adult services started late and that they felt anxious and unprepared. {LA} recognised this and had set up a new transitions panel.",
          "Some people had been discharged from hospital without the support they needed being in place."],
         "{a} of people who used services said they felt safe, {cmp} the England average of {b} (ASCS 2023/24)."),
        ("Contingency planning",
         ["Business continuity plans were in place and had been tested. When a large home care provider closed, {la} moved people to new providers within a week without any break in their care.",
          "There were clear plans to support people if an unpaid carer became unwell."],
         ["Contingency plans for provider failure had not been tested, and staff were not sure what would happen if a large provider closed.",
          "Carers told us that there was no plan for what would happen if they suddenly could not provide care."],
         None),
    ],
    7: [
        ("Safeguarding systems, processes and practices",
         ["The safeguarding adults board was well established, with strong links to the community safety partnership and the children's partnership. Safeguarding concerns were screened within 24 hours.",
          "Staff knew how to raise a concern and received regular training and supervision."],
         ["At the time of our assessment, {n} safeguarding concerns were waiting to be screened, some for several weeks. Leaders were aware of this and had added staff to the team.",
          "Partners said that feedback on the concerns they raised was rare."],
         None),
        ("Responding to local safeguarding risks and issues",
         ["The safeguarding adults board had a clear picture of local risks, including exploitation, self-neglect and hoarding, and learning from safeguarding adults reviews had led to real changes in practice.",
          "A multi-agency self-neglect protocol helped staff support people with complex needs."],
         ["Learning from safeguarding adults reviews had not been shared widely, and staff could not describe how practice had changed as a result.",
          "Data on safeguarding was not analysed in enough detail to identify trends."],
         None),
        ("Responding to concerns and undertaking Section 42 enquiries",
         ["Section 42 enquiries were completed promptly, and people and their families were kept informed throughout.",
          "Audits showed that the quality of enquiries was good and that decisions were clearly recorded."],
         ["Section 42 enquiries were not always completed in a timely way, and people were not always told the outcome.",
          "Thresholds for deciding whether an enquiry was needed were applied inconsistently between teams."],
         None),
        ("Making safeguarding personal",
         ["People were asked what they wanted to happen at the start of a safeguarding enquiry, and data showed that {a} of people fully or partly achieved the outcomes they wanted.",
          "Staff used advocates where people needed help to take part."],
         ["People's wishes were not always recorded at the start of an enquiry, and only {a} of people were asked about the outcomes they wanted, compared with {b} nationally.",
          "Advocates were not always offered when they should have been."],
         None),
    ],
    8: [
        ("Governance, accountability and risk management",
         ["There were clear lines of accountability from frontline teams to elected members. A performance framework gave leaders timely information on waiting times, quality and spending.",
          "Risks were recorded on a corporate risk register and reviewed regularly by senior leaders and members."],
         ["Governance arrangements had not kept pace with changes in the service, and leaders did not always have accurate data on waiting lists. There had been several changes of director of adult social services in 2 years.",
          "Members told us they did not always receive the information they needed to scrutinise adult social care."],
         None),
        ("Strategic planning",
         ["The adult social care strategy was co-produced with people and set out clear priorities and measurable outcomes.",
          "Medium-term financial plans had been agreed, and savings targets were being met without reducing the quality of care."],
         ["The adult social care strategy was out of date, and staff could not describe how their work linked to its priorities.",
          "The service had overspent its budget for 2 years in a row, and plans to make savings were at an early stage."],
         None),
        ("Information security",
         ["Information governance arrangements were effective, and staff understood their responsibilities for keeping people's information safe."],
         ["Staff told us that they often had to re-enter information into more than one system, and some records were incomplete."],
         None),
    ],
    9: [
        ("Continuous learning, improvement and professional development",
         ["Staff had good access to training and professional development, including apprenticeships for social workers and occupational therapists. A principal social worker led a strong practice development programme.",
          "Staff told us they felt valued and supported by their managers."],
         ["Staff said they had limited time for training because of caseload pressures, and supervision did not always take place as often as it should.",
          "There was no clear workforce strategy, and recruitment of experienced social workers was difficult."],
         None),
        ("Co-production with people",
         ["People with lived experience were involved in designing services, for example through a co-production board that advised on the new carers' strategy.",
          "Experts by experience took part in staff recruitment and training."],
         ["Co-production was at an early stage, and people told us they were consulted on plans rather than involved in shaping them.",
          "{LA} had started to build a network of people with lived experience, but it was too early to see the impact."],
         None),
        ("Learning from feedback",
         ["Complaints were handled well, and learning from complaints was shared with teams. {LA} published an annual report setting out what had changed as a result of feedback.",
          "Leaders welcomed external challenge, including peer reviews."],
         ["Complaints were not always responded to on time, and learning from complaints was not routinely shared with staff.",
          "{LA} had not yet acted on all the recommendations of a recent peer review."],
         "In the ASCS 2023/24, {a} of people who used services said they were satisfied with their care and support, {cmp} the England average of {b}."),
        ("Innovation",
         ["{LA} used technology creatively, for example through sensors that alerted carers to changes in a person's routine. Innovation was evaluated before being rolled out more widely.",
          "Staff were encouraged to suggest new ways of working."],
         ["There was little evidence of innovation, and new ideas were not always evaluated.",
          "Staff said they did not have time to try new approaches."],
         None),
    ],
}

PEOPLE_GOOD = [
    "Most people we heard from had positive experiences of care and support in {place}. They told us that staff were kind and respectful and took the time to understand what mattered to them.",
    "People said they could get information and advice when they needed it, and that they were helped to stay independent for as long as possible. Unpaid carers valued the support they received, including short breaks.",
    "Some people said that they had waited longer than they expected for an assessment or a review, and that communication while they waited could be better.",
]
PEOPLE_BAD = [
    "People's experiences of care and support in {place} were mixed. Some people told us that staff were caring and helpful, but many said they had to wait too long for an assessment, a review or a package of care.",
    "Unpaid carers told us they felt unsupported and did not know where to go for help. People whose first language was not English said information was not always available in a way they could understand.",
    "People who had moved from children's services to adult services, or who had left hospital, described a lack of planning and said they had to chase for updates.",
]
STRENGTHS = [
    "Staff were passionate about their work and proud of the support they gave to people in {place}.",
    "Partnership working with the NHS and the voluntary sector was strong, particularly around hospital discharge.",
    "Leaders had a clear understanding of the challenges they faced and realistic plans to address them.",
]
DEVELOPMENT = [
    "Waiting times for assessments and reviews needed to reduce, and people on waiting lists needed regular contact.",
    "Support for unpaid carers needed to improve, including access to short breaks.",
    "The local authority needed a better understanding of the experiences of people from seldom-heard groups.",
]


def _fill(t, ctx):
    return t.format(**ctx)


def make_findings(rng, n, score, place, intro=False):
    """Return a list of {heading, paragraphs} for statement n."""
    bank = TOPICS[n]
    k = min(len(bank), rng.choice([2, 3, 3, 4]))
    idx = sorted(rng.sample(range(len(bank)), k))
    out = []
    if intro:
        word = {1: "significant shortfalls", 2: "some shortfalls", 3: "a good standard",
                4: "an exceptional standard"}[score]
        out.append({"heading": None, "paragraphs": [
            f"Overall, the evidence we reviewed for this quality statement showed {word} in {place}."]})
    for i in idx:
        heading, good, bad, stat = bank[i]
        a = round(rng.uniform(35, 92), 1)
        b = round(a + rng.uniform(-7, 7), 1)
        ctx = {"place": place, "LA": "The local authority", "la": "the local authority",
               "a": p1(a), "b": p1(b), "cmp": cmp_word(a, b),
               "n": f"{rng.randint(40, 1900):,}", "w": rng.randint(3, 30)}
        first = not any(b["heading"] for b in out)
        if score == 4:
            tone_bad = False
        elif score == 3:
            tone_bad = (not first) and rng.random() < 0.2
        elif score == 2:
            tone_bad = first or rng.random() < 0.6
        else:
            tone_bad = True
        paras = list(bad if tone_bad else good)
        paras = paras[: rng.choice([1, 2, 2])]
        if stat and rng.random() < 0.8:
            paras.append(stat)
        out.append({"heading": heading, "paragraphs": [_fill(p, ctx) for p in paras]})
    return out
