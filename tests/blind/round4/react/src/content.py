"""Invented report prose for the round4/react blind corpus.

All wording here is the author's own placeholder prose. Figures are invented; they are
written the way reports quote survey results against England averages.
Templates use tokens expanded per family with a seeded RNG:
  {C}        council short name          {CF} council full name
  {P:a-b}    a percentage between a and b (one decimal, family style)
  {E:x}      an England average x (family style)
  {N:a-b}    an integer between a and b (thousands separators)
  {W:a-b}    an integer between a and b (weeks/days)
"""
import random
import re

QS = [
    # num, theme, name, path slug, notes-style suffix
    (1, 1, "Assessing needs", "assessing-needs", "theme1-needs"),
    (2, 1, "Supporting people to lead healthier lives", "supporting-people-to-lead-healthier-lives", "theme1-healthier-lives"),
    (3, 1, "Equity in experience and outcomes", "equity-in-experience-and-outcomes", "theme1-equity"),
    (4, 2, "Care provision, integration and continuity", "care-provision-integration-and-continuity", "theme2-care"),
    (5, 2, "Partnerships and communities", "partnerships-and-communities", "theme2-partnerships"),
    (6, 3, "Safe pathways, systems and transitions", "safe-pathways-systems-and-transitions", "theme3-pathways"),
    (7, 3, "Safeguarding", "safeguarding", "theme3-safeguarding"),
    (8, 4, "Governance, management and sustainability", "governance-management-and-sustainability", "theme4-governance"),
    (9, 4, "Learning, improvement and innovation", "learning-improvement-and-innovation", "theme4-learning"),
]

THEMES = {
    1: ("How the local authority works with people", "working-with-people"),
    2: ("Providing support", "providing-support"),
    3: ("How the local authority ensures safety within the system", "ensuring-safety"),
    4: ("Leadership", "leadership"),
}

BAND = {
    1: "Evidence shows significant shortfalls",
    2: "Evidence shows some shortfalls",
    3: "Evidence shows a good standard",
    4: "Evidence shows an exceptional standard",
}
BAND_SHORT = {1: "Significant shortfalls", 2: "Some shortfalls", 3: "Good standard", 4: "Exceptional standard"}
RATING_BAND = {
    "Outstanding": BAND[4],
    "Good": BAND[3],
    "Requires improvement": BAND[2],
    "Inadequate": BAND[1],
}

EXPECT = {
    1: ["I can get an assessment of my needs without a long wait.",
        "People listen to what matters to me and plan my support around it.",
        "I know what support I am entitled to and why decisions about it were made."],
    2: ["I get help early, before my needs become harder to manage.",
        "I can find information about staying well in a way that I understand.",
        "I am helped to stay independent in my own home for as long as I can."],
    3: ["I am treated fairly, whoever I am and wherever I live.",
        "The support I get respects my culture, my language and my identity."],
    4: ["I can choose from a range of good-quality care close to where I live.",
        "My care carries on smoothly when my circumstances change.",
        "The people who support me work together, so I only have to tell my story once."],
    5: ["Organisations in my area work together to support me.",
        "There are groups and places in my community that help me stay connected.",
        "As an unpaid carer, I am recognised and I get the help I need."],
    6: ["I feel safe when I move between services.",
        "Information about me is shared with the right people at the right time.",
        "Moving from children's services to adult services does not leave me without support."],
    7: ["I feel safe, and I am helped to understand and manage the risks in my life.",
        "When I raise a concern, I am listened to and kept informed about what happens.",
        "I am involved in decisions about how I am kept safe."],
    8: ["The people who lead adult social care understand what matters to people like me.",
        "I can see how decisions about care and support are made and paid for."],
    9: ["My feedback is used to make services better.",
        "I can help shape the way services change.",
        "New ideas are tried, and the council learns from what works and what does not."],
}

COMMIT = {
    1: "We work with people to understand their needs, strengths and goals, and we plan their support with them in a timely and fair way.",
    2: "We help people to stay well and independent for longer by investing in prevention, early help and clear information.",
    3: "We understand the different communities we serve and we act to reduce inequalities in people's access to care and in their outcomes.",
    4: "We make sure there is enough safe, good-quality and affordable care in our area, and we join it up with health, housing and other partners.",
    5: "We work with partners, voluntary groups and local communities to plan and deliver support that reflects what people in our area need.",
    6: "We plan moves between services carefully and share information well, so that people stay safe throughout their care.",
    7: "We work with our partners to prevent abuse and neglect, respond quickly when concerns are raised and keep people's wishes at the centre of safeguarding.",
    8: "We have clear leadership, sound governance and a sustainable budget, and we use data and feedback to understand and manage risks to care.",
    9: "We learn from people's experiences, from our mistakes and from others, and we use that learning to improve and to try new ways of working.",
}

# Key findings: per statement, a list of (heading, positive paragraphs, negative paragraphs).
KF = {
    1: [
        ("Assessment, care planning and review arrangements",
         ["People told us that staff took time to understand their lives and what they wanted to achieve, and that care plans reflected their own words. Assessments used a strengths-based approach and staff were confident to involve families and advocates where people wanted this.",
          "In the Adult Social Care Survey, {P:78-84} of people who use services said they felt they had control over their daily life, compared with the England average of {E:77.6}."],
         ["Some people told us they had to repeat their story several times before a care plan was agreed, and plans did not always record what mattered to them. Staff said that high caseloads meant reviews were often done by telephone rather than face to face.",
          "In the Adult Social Care Survey, {P:60-70} of people who use services said they felt they had control over their daily life, which was lower than the England average of {E:77.6}."]),
        ("Timeliness of assessments, care planning and reviews",
         ["At the time of our assessment, {N:40-180} people were waiting for a Care Act assessment and the median wait was {W:8-20} days. People with urgent needs were seen within two working days, and a duty team reviewed the waiting list each week.",
          "Annual reviews were up to date for most people, and {P:72-86} of people receiving long-term support had been reviewed in the last 12 months."],
         ["At the time of our assessment, {N:600-2400} people were waiting for a Care Act assessment, and some people with lower-level needs had waited more than {W:5-9} months. Leaders knew about the backlog and had brought in extra staff, but it had not yet reduced.",
          "Only {P:40-55} of people receiving long-term support had been reviewed in the last 12 months, and there was no consistent way of checking on people while they waited."]),
        ("Assessment and eligibility processes for unpaid carers",
         ["Unpaid carers were offered their own assessment, and most said the process was straightforward. In the Survey of Adult Carers in England, {P:40-48} of carers said they were satisfied with social services, compared with the England average of {E:36.3}."],
         ["Unpaid carers were not always offered an assessment in their own right, and some carers told us they did not know they could ask for one. In the Survey of Adult Carers in England, {P:25-33} of carers said they were satisfied with social services, compared with the England average of {E:36.3}."]),
        ("Financial assessment and charging policy for care and support",
         ["Financial assessments were completed quickly, usually within {W:10-20} working days, and people said the charging policy was explained clearly before their care started."],
         ["Delays in financial assessments meant that some people received large backdated invoices, which caused worry. Staff told us that the charging team had a waiting list of around {N:150-500} cases."]),
    ],
    2: [
        ("Arrangements to prevent, delay or reduce needs for care and support",
         ["{C} had invested in a range of early help services, including community connectors and falls prevention classes. Partners told us these services were well known and easy to reach.",
          "{P:82-90} of people aged 65 and over were still at home 91 days after leaving hospital into reablement, compared with the England average of {E:82.3}."],
         ["Preventative services were limited and were not spread evenly across the area. Partners told us that people often reached adult social care only when their needs had become urgent.",
          "{P:70-79} of people aged 65 and over were still at home 91 days after leaving hospital into reablement, lower than the England average of {E:82.3}."]),
        ("Provision and impact of intermediate care and reablement services",
         ["The reablement service had capacity to take most referrals on the day of discharge, and {P:78-88} of people who completed short-term support needed no further long-term care."],
         ["People sometimes waited for reablement in a care home bed because the community service did not have enough capacity. Only {P:55-70} of people who completed short-term support needed no further long-term care, compared with the England average of {E:77.5}."]),
        ("Access to equipment and home adaptations",
         ["Small pieces of equipment were usually delivered within a week. Waits for major adaptations funded through the Disabled Facilities Grant had fallen to around {W:12-20} weeks."],
         ["People waited a long time for home adaptations: the average wait for a major adaptation was {W:30-52} weeks, and some people had to stay in hospital or residential care while they waited."]),
        ("Provision of accessible information and advice",
         ["Information about care and support was available online, by telephone and in community hubs. {P:68-76} of people who use services said they found it easy to find information about support, compared with the England average of {E:67.1}."],
         ["People told us that information was hard to find and that the website was out of date. {P:55-63} of people who use services said they found it easy to find information about support, compared with the England average of {E:67.1}."]),
        ("Direct payments",
         ["{P:28-36} of people receiving long-term support used a direct payment, above the England average of {E:26.2}. A support service helped people to recruit and manage personal assistants."],
         ["Uptake of direct payments was low: {P:12-19} of people receiving long-term support used a direct payment, compared with the England average of {E:26.2}. People said the process was complicated and slow."]),
    ],
    3: [
        ("Understanding and reducing barriers to care and support and reducing inequalities",
         ["Leaders used population data to understand which groups were less likely to contact adult social care, and had worked with faith and community organisations to reach them. Staff had training on cultural awareness, and interpreters were easy to book."],
         ["The local authority had not yet analysed who used its services against the make-up of its population, so it could not be sure which groups were missing out. Staff told us that interpreters were sometimes hard to arrange at short notice."]),
        ("Inclusion and accessibility arrangements",
         ["Easy read and translated information was available, and the contact centre offered British Sign Language video calls. People from Gypsy, Roma and Traveller communities told us staff had made an effort to build trust."],
         ["Information in easy read or other languages was only available on request, and people told us this took weeks. Some people with sensory impairments said they could not contact the service without help from a relative."]),
        ("Outcomes for different groups",
         ["In the Adult Social Care Survey, {P:62-70} of people from minority ethnic groups said they were satisfied with their care and support, close to the figure for all people who use services in {C}."],
         ["Outcomes were not the same for everyone. In the Adult Social Care Survey, people from minority ethnic groups were less likely to say they were satisfied with their care, at {P:48-56} compared with {P:60-66} for all people who use services."]),
    ],
    4: [
        ("Understanding local needs for care and support",
         ["The market position statement set out current and future needs clearly, using data from health partners and from people's own feedback. Providers said it helped them plan."],
         ["The market position statement was several years old and did not reflect the growth in demand for support for people with complex needs. Providers told us they did not know what the local authority planned to buy."]),
        ("Market shaping and commissioning to meet local needs",
         ["Commissioners had good relationships with providers and met them regularly. Home care was available in most areas within a few days, and there were {N:0-40} people waiting for a package of care."],
         ["There were gaps in home care in rural areas, and {N:90-300} people were waiting for a package of care at the time of our assessment. Some people were placed in care homes outside the area because there was no local option."]),
        ("Ensuring quality of local services",
         ["{P:78-88} of adult social care providers in the area were rated good or outstanding, and a quality team supported providers that needed to improve."],
         ["{P:65-74} of adult social care providers in the area were rated good or outstanding, lower than in similar areas. The quality team was small and mostly reacted to problems once they had happened."]),
        ("Partnership working to deliver integrated care",
         ["Health and social care staff worked side by side in neighbourhood teams, and people told us this meant their care was better joined up."],
         ["Joint working with health partners was improving but was still at an early stage, and people told us they had to contact several teams to sort out their care."]),
    ],
    5: [
        ("Partnership working to deliver shared local and national objectives",
         ["The local authority had strong partnerships with the NHS, housing and the voluntary sector. Partners described a culture of trust and told us that senior leaders were visible and open."],
         ["Partners said relationships with the local authority had been strained, although they had improved over the last year. Shared plans were not always followed through."]),
        ("Arrangements to support effective partnership working",
         ["Pooled budgets under the Better Care Fund were used to fund joint services, and there were clear agreements about who was responsible for what."],
         ["Joint funding arrangements were complex, and partners told us that decisions about shared budgets took too long."]),
        ("Working with voluntary and charity sector groups",
         ["Voluntary organisations were commissioned on longer contracts, which gave them stability. Unpaid carers told us that the local carers centre was a lifeline; {P:38-46} of carers said they had as much social contact as they wanted, against the England average of {E:30.0}."],
         ["Voluntary organisations were funded on short contracts, which made it hard for them to plan. {P:20-27} of unpaid carers said they had as much social contact as they wanted, against the England average of {E:30.0}."]),
    ],
    6: [
        ("Safety management",
         ["Risks to people were managed well across teams, and there was a clear process for escalating concerns about people waiting for support."],
         ["Risks to people on waiting lists were not always understood, because not everyone waiting had been contacted to check whether their needs had changed."]),
        ("Safety during transitions",
         ["Young people preparing for adulthood were known to adult services from the age of 14, and transition plans were in place well before their 18th birthday.",
          "Hospital discharge worked well: most people were discharged on the day they were medically fit to leave."],
         ["Young people moving to adult services told us that planning started late, and some had no agreed plan when they turned 18.",
          "People sometimes stayed in hospital longer than they needed to because care was not available for them to go home."]),
        ("Contingency planning",
         ["There were tested plans for provider failure, and these had been used when a home care provider closed at short notice. People's care carried on without a break."],
         ["Business continuity plans had not been tested recently, and staff were not sure what would happen if a large provider left the market."]),
    ],
    7: [
        ("Safeguarding systems, processes and practice",
         ["Safeguarding concerns were screened on the day they were received and there was no waiting list. The safeguarding adults board had clear priorities, and partners understood their roles.",
          "{P:72-80} of people who use services said they felt safe, compared with the England average of {E:71.1}."],
         ["At the time of our assessment there was a backlog of around {N:150-600} safeguarding concerns waiting to be screened, and some concerns had waited several weeks. Leaders had a plan to clear the backlog but it was too early to see an impact.",
          "{P:60-67} of people who use services said they felt safe, compared with the England average of {E:71.1}."]),
        ("Responding to local safeguarding risks and issues",
         ["Learning from safeguarding adults reviews was shared widely, and staff could describe changes to their practice as a result."],
         ["Learning from safeguarding adults reviews was not always shared with front-line staff, and some staff could not describe recent learning."]),
        ("Making safeguarding personal",
         ["People were asked what outcomes they wanted from a safeguarding enquiry, and {P:88-96} of those who expressed an outcome said it had been fully or partly achieved."],
         ["People were not always asked what they wanted to happen at the start of a safeguarding enquiry, and some families told us they were not kept informed."]),
    ],
    8: [
        ("Governance, accountability and risk management",
         ["There were clear lines of accountability from front-line teams to elected members. Performance reports were used to challenge and improve practice."],
         ["Governance arrangements had been strengthened recently, but leaders did not yet have reliable data on waiting times and outcomes, so risks were not always visible."]),
        ("Strategic planning",
         ["The adult social care strategy had been written with people who use services and carers, and its priorities were well understood by staff."],
         ["There was no up-to-date strategy for adult social care, and staff were unclear about the local authority's priorities."]),
        ("Information security",
         ["Staff understood how to share information safely, and data protection training was up to date."],
         ["Several case recording systems were in use, and staff told us they could not always see the information they needed."]),
    ],
    9: [
        ("Continuous learning, improvement and professional development",
         ["Staff told us they had good access to training and that a practice development team supported newly qualified social workers. The local authority took part in regional peer reviews and acted on their findings."],
         ["Staff said training had been cut back and that it was hard to find time to learn. Recommendations from an earlier peer review had not all been acted on."]),
        ("Learning from feedback",
         ["Complaints were analysed for themes and the lessons were shared with teams. People who use services sat on a co-production board that helped design new services."],
         ["Complaints were handled one by one and themes were not drawn out. People told us they did not know whether their feedback had made any difference."]),
        ("Innovation",
         ["The local authority had tried new approaches, such as technology-enabled care and a community micro-enterprise scheme, and evaluated them before scaling them up."],
         ["There was some interest in new ways of working, but little capacity to try them out or to evaluate what worked."]),
    ],
}

PEOPLE = {
    "pos": [
        "Most people we heard from told us that staff were kind and listened to them, and that their care and support helped them to live the lives they wanted.",
        "Unpaid carers said they felt recognised by the local authority and could get a break when they needed one. In the Survey of Adult Carers in England, {P:66-74} of carers said they had been included or consulted in discussions about the person they care for, compared with the England average of {E:64.7}.",
        "Some people told us it could be hard to get through to the contact centre at busy times, and a few said they had waited longer than they expected for a review.",
    ],
    "neg": [
        "People's experiences were mixed. Some people praised individual workers, but many told us they had waited a long time for an assessment or review and did not know who to contact while they waited.",
        "Unpaid carers told us they felt exhausted and that respite was hard to arrange. In the Survey of Adult Carers in England, {P:22-30} of carers said they were satisfied with social services, compared with the England average of {E:36.3}.",
        "People from some communities told us information was not available in a way they could understand, and that this made it harder to ask for help.",
    ],
}

STRENGTHS = {
    "pos": [
        "The local authority had a clear vision for adult social care, and staff were proud to work there. Partnerships with health and the voluntary sector were strong.",
        "Areas for development included reducing the time people waited for some reviews and making information easier to find. Leaders knew about these issues and had plans in place.",
    ],
    "neg": [
        "Leaders were open about the challenges they faced and had started to make changes. Staff were committed and worked hard to support people.",
        "There were significant areas for development, including waiting times for assessments, the sufficiency of home care and the timeliness of safeguarding enquiries. The next steps are to show that recent changes are improving people's experiences.",
    ],
}


class Expander:
    def __init__(self, seed, short, full, pct_style="%"):
        self.rng = random.Random(seed)
        self.short = short
        self.full = full
        self.pct_style = pct_style

    def pct(self, v):
        s = f"{v:.1f}"
        if self.pct_style == " per cent":
            return s + " per cent"
        return s + "%"

    def expand(self, text):
        def rep(m):
            kind, arg = m.group(1), m.group(2)
            if kind == "C":
                return self.short
            if kind == "CF":
                return self.full
            if kind == "E":
                return self.pct(float(arg))
            a, b = arg.split("-")
            if kind == "P":
                return self.pct(self.rng.uniform(float(a), float(b)))
            if kind == "N":
                return f"{self.rng.randint(int(a), int(b)):,}"
            if kind == "W":
                return str(self.rng.randint(int(a), int(b)))
            raise ValueError(kind)
        return re.sub(r"\{(CF|C|P|E|N|W)(?::([^}]*))?\}", rep, text)


def statement_texts(exp, num, score, rng):
    """Return dict(what_people_expect, commitment, key_findings) for one statement."""
    heads = KF[num]
    k = 3 if len(heads) >= 3 and rng.random() < 0.6 else 2
    chosen = sorted(rng.sample(range(len(heads)), k))
    kfs = []
    for i in chosen:
        h, pos, neg = heads[i]
        paras = pos if score >= 3 else neg
        kfs.append({"heading": h, "paragraphs": [exp.expand(p) for p in paras]})
    return {
        "what_people_expect": list(EXPECT[num]),
        "commitment": COMMIT[num],
        "key_findings": kfs,
    }
