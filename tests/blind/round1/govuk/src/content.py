"""Content for the blind 'govuk' copy of CQC's local authority assessment pages.

All prose here is written for this test corpus (placeholder quality, invented figures).
The framework wording (I-statements, we-statements) is paraphrased, not CQC's own text.
"""

THEMES = {
    1: "How the local authority works with people",
    2: "Providing support",
    3: "How the local authority ensures safety within the system",
    4: "Leadership",
}

# number -> (theme, default report-page name)
STATEMENTS = {
    1: (1, "Assessing needs"),
    2: (1, "Supporting people to lead healthier lives"),
    3: (1, "Equity in experience and outcomes"),
    4: (2, "Care provision, integration and continuity"),
    5: (2, "Partnership and communities"),
    6: (3, "Safe pathways, systems and transitions"),
    7: (3, "Safeguarding"),
    8: (4, "Governance, management and sustainability"),
    9: (4, "Learning, improvement and innovation"),
}

# Older template spelt two names the framework's way.
ALT_NAMES = {
    3: "Equity in experiences and outcomes",
    5: "Partnerships and communities",
}

BAND = {
    1: "Evidence shows significant shortfalls",
    2: "Evidence shows some shortfalls",
    3: "Evidence shows a good standard",
    4: "Evidence shows an exceptional standard",
}
RATING_BAND = {
    "Outstanding": "Evidence shows an exceptional standard",
    "Good": "Evidence shows a good standard",
    "Requires improvement": "Evidence shows some shortfalls",
    "Inadequate": "Evidence shows significant shortfalls",
}

WHAT_PEOPLE_EXPECT = {
    1: [
        "I am listened to when my needs are assessed, and my views shape the support I get.",
        "My care and support helps me to live the way I want to, building on my own skills, strengths and goals.",
        "I know what to expect from an assessment and roughly how long it will take.",
    ],
    2: [
        "I get the help I need to stay well and independent for as long as possible.",
        "I can find clear, up-to-date information about the support available where I live.",
    ],
    3: [
        "I am treated fairly and with respect, whoever I am and wherever I live.",
        "The support I receive takes account of my culture, my language and my beliefs.",
    ],
    4: [
        "I can choose from a range of good quality care and support close to home.",
        "My care is joined up, and I do not have to repeat my story to every service I deal with.",
    ],
    5: [
        "The people and organisations who support me talk to each other and plan my care together.",
        "I can take part in the life of my community and use the local groups that matter to me.",
    ],
    6: [
        "When I move between services, my care carries on without delay or confusion.",
        "I feel safe and supported when my circumstances change.",
    ],
    7: [
        "I feel safe, and I know how to speak up if I am worried about abuse or neglect.",
        "When I raise a concern, it is taken seriously and I am kept informed about what happens next.",
    ],
    8: [
        "I can trust that the council knows how well care and support is working and acts when it is not.",
    ],
    9: [
        "I have chances to give feedback, and I can see how it has been used to make things better.",
    ],
}

COMMITMENT = {
    1: "We work with people to understand their health, care, wellbeing and communication needs, and we assess and review those needs in a timely and thorough way.",
    2: "We help people to look after their own health and wellbeing, and we act early to prevent, delay or reduce their need for care and support.",
    3: "We look for and act on unfairness in people's experience of care, and we design our services so that everyone can get the support they need.",
    4: "We understand the care and support our communities need, and we commission services that are good quality, sustainable and joined up.",
    5: "We work with our partners, including voluntary and community groups, to plan and deliver joined-up support that improves people's lives.",
    6: "We work with people and partners so that care is planned and organised safely, including when people move between services or settings.",
    7: "We work with partners to protect people's right to live in safety, free from abuse and neglect, and we act quickly when concerns are raised.",
    8: "We have clear leadership, governance and accountability, and we use what we know about risk and performance to keep care and support sustainable.",
    9: "We learn from people's feedback, from our own practice and from others, and we use that learning to improve and to try new things.",
}

# Paragraph templates. A block is a str (one paragraph) or ("list", intro, [items]).
# Placeholders: {place} {n} {n2} {n3} {w} {d} {k} {m} {c} {p} {e}
KEY_FINDINGS = {
    1: [
        ("Assessment, care planning and review arrangements", {
            "pos": [
                "People could get an assessment of their needs in a reasonable time. At the time of our assessment, {n} people were waiting for a Care Act assessment and the median wait was {w} weeks, which staff and partners told us was better than the year before.",
                "Assessments were strengths-based and focused on what mattered to people. Staff described using conversations with families, carers and other professionals to build a rounded picture of a person's needs before agreeing a plan.",
                "Reviews of care and support plans were mostly completed on time. Leaders told us {k}% of planned reviews had taken place within 12 months, and they had a clear view of the people whose review was overdue.",
            ],
            "neg": [
                "People did not always receive an assessment in a timely way. At the time of our assessment, {n} people were waiting for a Care Act assessment, and some had waited more than {w} weeks. Leaders had introduced a new triage process, but it was too early to see its impact.",
                "Reviews of people's care and support were not always completed when they should have been. Data provided by the local authority showed {n2} people were overdue a review, and only {k}% of planned reviews had taken place within 12 months.",
                "Staff told us that high caseloads made it difficult to spend enough time with people during assessments. Some people told us they had to repeat their story to different workers and that it was not always clear who was responsible for their case.",
            ],
        }),
        ("Support for unpaid carers", {
            "pos": [
                "Unpaid carers could get a carer's assessment through the local authority or through its commissioned carers' service. In the last year {m} carers' assessments had been completed, and carers told us they valued the breaks and emotional support on offer.",
                ("list", "Support available to carers included:", [
                    "short breaks and replacement care, booked through a single contact point",
                    "a carers' emergency card, backed by a 24-hour response service",
                    "peer support groups run by the local carers' centre",
                ]),
                "The Survey of Adult Carers in England (SACE 2023-24) showed {p}% of carers were satisfied with the support or services they received, compared with the England average of {e}%.",
            ],
            "neg": [
                "Unpaid carers told us they did not always know they were entitled to an assessment of their own needs. The Survey of Adult Carers in England (SACE 2023-24) showed {p}% of carers felt involved or consulted in discussions about the person they cared for, below the England average of {e}%.",
                "There were delays in completing carers' assessments, and respite options were limited, particularly for carers of people living with dementia. Carers described having to arrange replacement care themselves at short notice.",
            ],
        }),
        ("Eligibility, charging and financial assessments", {
            "pos": [
                "The local authority's framework for making eligibility decisions was clear and was applied consistently. People had information about how decisions were made and how to challenge them, and there had been {c} formal complaints about eligibility decisions in the last year.",
                "Financial assessments were completed promptly, usually within {d} days, and people were told how much they would need to contribute before their support started.",
            ],
            "neg": [
                "Financial assessments were not always completed before people's care started, and some people received large backdated invoices. At the time of our assessment there were {n2} financial assessments waiting to be completed.",
                "Some people told us they did not understand how their contribution towards the cost of their care had been worked out. Leaders recognised this and were reviewing the letters and information sent to people.",
            ],
        }),
        ("Access to independent advocacy", {
            "pos": [
                "Independent advocacy was available for people who needed help to take part in their assessment. Staff knew how to make a referral, and the advocacy provider told us referrals were usually picked up within {d} days.",
            ],
            "neg": [
                "Referrals for independent advocacy were not always made when they should have been. The commissioned advocacy service told us it had a waiting list of {n3} people at the time of our assessment.",
            ],
        }),
    ],
    2: [
        ("Arrangements to prevent, delay or reduce needs for care and support", {
            "pos": [
                "The local authority worked with partners to offer a range of preventative services, including falls prevention, assistive technology and community-based activities. Leaders could show how these services were reducing demand for long-term care.",
                "Reablement was effective in helping people regain their independence. Data showed {p}% of older people were still at home 91 days after leaving hospital into reablement, compared with the England average of {e}%.",
            ],
            "neg": [
                "Preventative services were not well developed across all parts of {place}. People told us they only received support once their needs had become urgent, and there was a waiting list for the reablement service.",
                "Data showed {p}% of people who received short-term support went on to need no further ongoing support, which was lower than the England average of {e}%.",
            ],
        }),
        ("Provision and impact of information and advice", {
            "pos": [
                "People could get information and advice through the local authority's website, its contact centre and a network of community hubs. The Adult Social Care Survey (ASCS 2023-24) showed {p}% of people found it easy to find information about support, compared with the England average of {e}%.",
            ],
            "neg": [
                "People told us information about care and support was hard to find and was not always up to date. The Adult Social Care Survey (ASCS 2023-24) showed {p}% of people found it easy to find information about support, which was worse than the England average of {e}%.",
            ],
        }),
        ("Direct payments", {
            "pos": [
                "Direct payments were promoted as a way for people to have choice and control over their support. At the time of our assessment {k2}% of people receiving long-term support used a direct payment, which was higher than the England average.",
            ],
            "neg": [
                "The number of people using direct payments had fallen over the last two years. Staff told us people were put off by the paperwork involved and by a shortage of personal assistants in some areas.",
            ],
        }),
    ],
    3: [
        ("Understanding and reducing barriers to care and support and reducing inequalities", {
            "pos": [
                "Leaders had a good understanding of the diverse communities in {place} and used data to identify groups who were less likely to ask for care and support. Targeted work with community and faith groups had increased referrals from people in ethnic minority communities.",
                "The local authority had carried out equality impact assessments on recent changes to services, and people's feedback had led to changes in how the front door service worked.",
            ],
            "neg": [
                "The local authority did not have a clear picture of which groups were under-represented among the people receiving care and support. Information about people's ethnicity, sexual orientation and disability was not recorded consistently.",
                "Partners told us some groups, including Gypsy, Roma and Traveller communities and people experiencing homelessness, found it hard to get an assessment, and outreach work had stopped when short-term funding ended.",
            ],
        }),
        ("Inclusion and accessibility arrangements", {
            "pos": [
                "Interpreters and British Sign Language services were easy to arrange, and key documents were available in easy read and in the languages most widely spoken locally.",
            ],
            "neg": [
                "People whose first language was not English told us they had difficulty getting information in a format they understood. Staff were not always aware of how to book an interpreter at short notice.",
            ],
        }),
    ],
    4: [
        ("Understanding local needs for care and support", {
            "pos": [
                "The local authority had an up-to-date market position statement and used it to plan for the care and support people would need in future, including housing with care and specialist dementia provision.",
            ],
            "neg": [
                "Commissioning plans did not fully reflect the needs of the local population. There were gaps in provision for people with complex needs, and some people had to move out of {place} to find a suitable care home place.",
            ],
        }),
        ("Market shaping and commissioning to meet local needs", {
            "pos": [
                "Relationships with care providers were positive. Providers told us the local authority listened to them and had agreed fee increases that reflected the real costs of care. Of the care homes in the area, {k3}% were rated good or outstanding by CQC.",
            ],
            "neg": [
                "Providers told us fee rates did not reflect the cost of delivering care, and several home care agencies had handed back contracts in the last year. At the time of our assessment, {n4} hours of home care a week were waiting to be picked up.",
            ],
        }),
        ("Ensuring sufficiency of workforce", {
            "pos": [
                "The local authority worked with providers on recruitment and retention, including a shared training offer and a local care academy. Vacancy rates in the care sector were lower than the regional average.",
            ],
            "neg": [
                "Recruitment and retention of care workers was a continuing challenge, particularly in rural areas. Providers told us they relied on agency staff, which affected the continuity of people's care.",
            ],
        }),
    ],
    5: [
        ("Partnership working to deliver shared local and national objectives", {
            "pos": [
                "Partners described a mature and trusting relationship with the local authority. Joint commissioning arrangements with the integrated care board were well established, and pooled budgets were used for hospital discharge and community equipment.",
            ],
            "neg": [
                "Partnership working was developing, but partners told us decisions could be slow and joint priorities were not always followed through. The integrated care board and the local authority were still agreeing shared outcome measures.",
            ],
        }),
        ("Working with voluntary and charitable sector groups", {
            "pos": [
                "Voluntary and community organisations were treated as equal partners. Grant funding had been agreed on a three-year basis, which organisations told us gave them the stability to plan ahead.",
            ],
            "neg": [
                "Voluntary sector organisations told us they valued their relationships with individual staff, but short-term funding made it hard to sustain services or to recruit volunteers.",
            ],
        }),
    ],
    6: [
        ("Safety management", {
            "pos": [
                "There were clear processes for managing risk while people waited for an assessment or a service. Staff contacted people on waiting lists regularly and prioritised those whose needs had changed.",
            ],
            "neg": [
                "The local authority did not always know about the risks to people who were waiting for support. Waiting lists were held in different systems and were not reviewed in a consistent way.",
            ],
        }),
        ("Safety during transitions", {
            "pos": [
                "Transitions from children's to adult services were planned from the age of 14, and young people and their families told us they knew what to expect. Hospital discharge arrangements worked well, with most people leaving hospital on the day they were ready.",
            ],
            "neg": [
                "Young people moving from children's services told us preparation for adulthood started too late, and some reached 18 without an agreed plan. Hospital staff told us delays in arranging home care meant people stayed in hospital longer than they needed to.",
            ],
        }),
        ("Contingency planning", {
            "pos": [
                "Business continuity plans were in place and had been tested, including arrangements for provider failure and severe weather.",
            ],
            "neg": [
                "Contingency plans for provider failure had not been reviewed recently, and staff were not clear about their role if a care provider closed at short notice.",
            ],
        }),
    ],
    7: [
        ("Safeguarding systems, processes and practices", {
            "pos": [
                "The safeguarding adults board had a clear strategy, and partners understood their roles. Safeguarding concerns were screened promptly, with {k}% of concerns receiving a decision within 2 working days.",
            ],
            "neg": [
                "There was a backlog of safeguarding concerns waiting to be screened. At the time of our assessment {n5} concerns were awaiting a decision, and some had waited more than {d} days, which meant the local authority could not be sure people were safe.",
                ("list", "Areas the safeguarding adults board had identified for improvement included:", [
                    "the timeliness of initial screening decisions",
                    "the quality of recording in section 42 enquiries",
                    "feedback to people who had raised a concern",
                ]),
            ],
        }),
        ("Responding to concerns and undertaking section 42 enquiries", {
            "pos": [
                "Section 42 enquiries were thorough and proportionate. Staff told us they had access to good training and regular supervision, and audits showed enquiries were completed in a timely way.",
            ],
            "neg": [
                "Section 42 enquiries were not always completed in a timely way, and the quality of recording varied. Audits had found the threshold guidance was not used consistently.",
            ],
        }),
        ("Making safeguarding personal", {
            "pos": [
                "People were asked what outcomes they wanted from a safeguarding enquiry. The Adult Social Care Survey (ASCS 2023-24) showed {p}% of people who use services felt safe, compared with the England average of {e}%.",
            ],
            "neg": [
                "People were not always asked about the outcomes they wanted from a safeguarding enquiry, and feedback was not routinely gathered once an enquiry had closed. The Adult Social Care Survey (ASCS 2023-24) showed {p}% of people felt safe, below the England average of {e}%.",
            ],
        }),
    ],
    8: [
        ("Governance, accountability and risk management", {
            "pos": [
                "There were clear lines of accountability from frontline teams to elected members. The Director of Adult Social Services was a visible leader, and the cabinet member for adult social care was well informed about performance and risk.",
            ],
            "neg": [
                "There had been several changes of senior leadership in the last two years, and staff told us this had slowed the pace of improvement. Performance information was not always reliable enough to support decisions.",
            ],
        }),
        ("Strategic planning", {
            "pos": [
                "The adult social care strategy had been co-produced with people and partners and was linked to a realistic medium-term financial plan. Leaders could explain how savings would be delivered without reducing the quality of care.",
            ],
            "neg": [
                "The local authority faced significant financial pressures, and its adult social care strategy was not yet linked to a clear delivery plan. Leaders acknowledged that savings targets had not been met in the previous year.",
            ],
        }),
    ],
    9: [
        ("Continuous learning, improvement and professional development", {
            "pos": [
                "Staff told us they were encouraged to learn and develop, and there was a strong principal social worker role. The local authority had used peer reviews and sector-led improvement to test its own practice.",
            ],
            "neg": [
                "Learning from complaints, safeguarding adults reviews and audits was not always shared across teams. Staff told us training opportunities had been cut back because of staff shortages.",
            ],
        }),
        ("Co-production and learning from people's feedback", {
            "pos": [
                "People with lived experience helped to design services through a co-production board, and they told us their views had led to real change, including a redesigned offer for carers.",
            ],
            "neg": [
                "Co-production was at an early stage. People told us they had been consulted about plans but did not always hear what had happened as a result.",
            ],
        }),
    ],
}

EXCEPTIONAL = "This was an area of exceptional practice, and other local authorities had visited {place} to learn from the approach."
SIGNIFICANT = "We found significant shortfalls in this area. Leaders were aware of the issues, but action taken so far had not yet made enough difference to people."

INTRO_BEFORE_SUBHEADINGS = "This section sets out what we found about this quality statement, drawing on what people told us, case tracking and the information the local authority sent us."

# Ranges for England averages, by template keyword.
SURVEY_E = {
    "carers were satisfied": (35.0, 38.5),
    "felt involved or consulted": (64.0, 68.0),
    "still at home 91 days": (80.0, 84.0),
    "no further ongoing support": (76.0, 79.5),
    "easy to find information": (65.5, 68.5),
    "felt safe": (69.5, 72.0),
    "were satisfied with their care": (60.0, 63.0),
}

PEOPLE = {
    "pos": [
        "Most people we spoke with told us they were happy with their care and support and that staff treated them with kindness and respect. People valued being able to stay in their own homes and keep their independence.",
        "Unpaid carers told us they felt recognised and supported, although some said it could take a while to get through to the right person.",
        "The Adult Social Care Survey (ASCS 2023-24) showed {p}% of people who use services were satisfied with their care and support, compared with the England average of {e}%.",
    ],
    "neg": [
        "People's experiences of care and support in {place} were mixed. Some people told us their social worker had made a real difference to their lives, but others described long waits and having to chase for updates.",
        "Unpaid carers told us they often felt overlooked, and several said they had reached crisis point before they got help.",
        "The Adult Social Care Survey (ASCS 2023-24) showed {p}% of people were satisfied with their care and support, which was below the England average of {e}%.",
    ],
}

STRENGTHS = {
    "pos": "Leaders had a clear vision for adult social care in {place} that staff and partners understood and shared. Areas for development included reducing waiting times for occupational therapy and improving the recording of people's outcomes. The local authority had plans in place to address these.",
    "neg": "There was a committed workforce and some good partnership working, but people were waiting too long for assessments, reviews and some services. Next steps for the local authority include improving the oversight of risk on waiting lists and making sure learning is shared across teams.",
}

IN_PROGRESS = [
    "Hampshire County Council", "Devon County Council", "Bradford Metropolitan District Council",
    "Norfolk County Council", "London Borough of Newham", "Coventry City Council",
    "Worcestershire County Council", "Cornwall Council",
]
