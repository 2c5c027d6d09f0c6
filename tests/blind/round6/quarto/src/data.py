"""Report data for the 'quarto' blind site. Scores for real councils come from
shared/cqc_raw (published results); prose, figures and days of month are invented."""
import random

STMTS = {
    1: ("Assessing needs", 1, "assessing-needs", "needs"),
    2: ("Supporting people to lead healthier lives", 1, "supporting-people-to-lead-healthier-lives", "healthier-lives"),
    3: ("Equity in experience and outcomes", 1, "equity-in-experience-and-outcomes", "equity"),
    4: ("Care provision, integration and continuity", 2, "care-provision-integration-and-continuity", "care"),
    5: ("Partnerships and communities", 2, "partnerships-and-communities", "partnerships"),
    6: ("Safe pathways, systems and transitions", 3, "safe-pathways-systems-and-transitions", "pathways"),
    7: ("Safeguarding", 3, "safeguarding", "safeguarding"),
    8: ("Governance, management and sustainability", 4, "governance-management-and-sustainability", "governance"),
    9: ("Learning, improvement and innovation", 4, "learning-improvement-and-innovation", "learning"),
}
THEMES = {
    1: ("How the local authority works with people", "working-with-people"),
    2: ("Providing support", "providing-support"),
    3: ("How the local authority ensures safety within the system", "ensuring-safety"),
    4: ("Leadership", "leadership"),
}
BAND = {1: "Evidence shows significant shortfalls", 2: "Evidence shows some shortfalls",
        3: "Evidence shows a good standard", 4: "Evidence shows an exceptional standard"}


def pct_of(scores):
    s = sum(scores.values())
    return int(s * 100 / 36 + 0.5) if (s * 100) % 36 * 2 != 36 else (s * 100 // 36) + 1


def band_of(p):
    if p >= 88:
        return "Outstanding"
    if p >= 63:
        return "Good"
    if p >= 39:
        return "Requires improvement"
    return "Inadequate"


EXPECT = {
    1: ["I have care and support that is arranged around my needs and what matters to me, and I only have to tell my story once.",
        "I can get an assessment when I need one, and I know how long I will wait.",
        "I am told what my care will cost and how the charge was worked out."],
    2: ["I can get information and advice that helps me stay well and independent at home.",
        "I get help early, before small problems grow into a crisis.",
        "I can find out about equipment and adaptations without having to chase."],
    3: ["I am treated fairly whatever my background, and my culture and language are respected.",
        "I can get information in a format I can use, including Easy Read and community languages."],
    4: ["I have a choice of good quality care close to where I live.",
        "When I move between services, the people supporting me share what they know so that nothing is missed.",
        "My unpaid carer gets the support they need to keep caring and to have a life of their own."],
    5: ["I can rely on the council, health services and local groups to work together for me.",
        "Voluntary and community groups near me are able to help me when I need it."],
    6: ["I feel safe when I leave hospital and my support starts on time.",
        "When I turn 18 my support carries on and I do not fall through a gap."],
    7: ["I feel safe and I am supported to understand risks and to make my own decisions.",
        "If I raise a concern about abuse or neglect, I am listened to and kept informed."],
    8: ["I know who is in charge of adult social care and how decisions are made.",
        "I trust the council to spend money on care wisely and to plan ahead."],
    9: ["I am asked about my experience and I can see that things change because of what I said.",
        "People like me help to design the services I use."],
}
COMMIT = {
    1: "We maximise the effectiveness of people's care and treatment by assessing and reviewing their needs in a timely and consistent way, and we involve people in decisions about their support.",
    2: "We support people to manage their health and wellbeing so they can stay independent for as long as possible, and we act early to prevent, delay or reduce their need for care.",
    3: "We actively seek out and listen to people who are most likely to have a poor experience of care, and we remove barriers to accessing support.",
    4: "We understand local needs for care and support and we commission services that give people choice, continuity and value for money.",
    5: "We work with our partners and with communities to plan and deliver joined-up support that improves outcomes for people.",
    6: "We work with people and partners so that care is safe when people move between services, and we plan ahead for young people moving to adult services.",
    7: "We work with people and partners to keep people safe from abuse and neglect, and we make sure that safeguarding enquiries are carried out sensitively and without delay.",
    8: "We have clear responsibilities, roles and systems of accountability, and we use information about risk, performance and outcomes to plan a sustainable service.",
    9: "We focus on continuous learning, innovation and improvement, and we involve people who use services and staff in that work.",
}
FIND = {
    1: [("Assessment, care planning and review arrangements", [
            "People could ask for an assessment online, by telephone or through a partner organisation. At the time of our visit {wait} people were waiting for a Care Act assessment and the median wait was {weeks} weeks.",
            "In the Adult Social Care Survey, {p1} of people who use services said they were satisfied with their care and support, against an England average of {e1}.",
            "Reviews of long-term support were not always completed on time; leaders told us a dedicated review team had been set up to reduce the backlog."]),
        ("Arrangements for financial assessment and charging", [
            "Financial assessments were usually completed within {fweeks} weeks, and people said they understood the charges explained to them."]),
        ("Provision of independent advocacy", [
            "Independent advocacy was commissioned from a local charity and staff knew how to make a referral. Advocates told us referrals were appropriate and timely."])],
    2: [("Arrangements to prevent, delay or reduce needs for care and support", [
            "The reablement service helped people regain skills after illness. {p2} of older people were still at home 91 days after leaving hospital into reablement, compared with {e2} in England.",
            "Staff could refer people to community wellbeing workers who linked them with local activities and groups."]),
        ("Provision and impact of information and advice", [
            "{p3} of people who use services found it easy to find information about support, similar to the England average of {e3}.",
            "Unpaid carers were less positive; some told us they had found out about support by chance."]),
        ("Direct payments", [
            "{p4} of people receiving long-term support took a direct payment. Some people said it was hard to recruit personal assistants in rural areas."])],
    3: [("Understanding and reducing barriers to care and support and reducing inequalities", [
            "The council used census data and its joint strategic needs assessment to understand its communities, although staff said this was not yet used consistently to plan services.",
            "Interpreters were available for assessments, and information was offered in the most commonly spoken community languages."]),
        ("Inclusion and accessibility arrangements", [
            "People with a learning disability helped review letters and leaflets so they were easier to read."])],
    4: [("Understanding local needs for care and support", [
            "A market position statement set out where the council expected demand to grow, including support for people living with dementia."]),
        ("Market shaping and commissioning to meet local needs", [
            "There were {hours} hours of home care waiting to be picked up at the time of our visit, most of them in rural areas.",
            "{p5} of care homes in the area were rated good or outstanding by CQC, compared with {e5} nationally."]),
        ("Ensuring sufficiency, quality and diversity of care provision", [
            "Providers described a constructive relationship with commissioners and welcomed the council's fee uplift for the year."])],
    5: [("Partnership working to deliver shared local and national objectives", [
            "Leaders from the council and the integrated care board described shared priorities for ageing well and for hospital discharge.",
            "Joint funding arrangements through the Better Care Fund supported an integrated intermediate care service."]),
        ("Working with voluntary and charity sector groups", [
            "Voluntary sector partners valued the council's grants but said short-term contracts made it hard to plan and to keep staff."])],
    6: [("Safety management", [
            "Staff used a shared risk tool to prioritise people waiting for an assessment, and people on the waiting list were contacted every {contact} weeks."]),
        ("Safety during transitions", [
            "Young people preparing for adulthood were identified from age 14, but some families told us plans were made late and that they had felt anxious about the move.",
            "Hospital discharge was mostly timely and staff from health and social care worked in the same hub."]),
        ("Contingency planning", [
            "The council had plans for provider failure and had used them when a home care agency closed, moving people to new providers within a week."])],
    7: [("Safeguarding systems, processes and practices", [
            "The safeguarding adults board had a current strategy and published an annual report.",
            "{p6} of safeguarding concerns were triaged within 24 hours of being received, although enquiries sometimes took longer to complete than the council's own target of {target} days."]),
        ("Responding to local safeguarding risks and issues", [
            "Learning from safeguarding adults reviews had been shared with staff through briefings and practice workshops."]),
        ("Making safeguarding personal", [
            "{p7} of people who were asked said their desired outcomes had been fully or partially achieved, compared with {e7} in England."])],
    8: [("Governance, accountability and risk", [
            "There were clear lines of accountability from frontline teams to the director of adult social services and to elected members.",
            "Performance information was reviewed each month, although some data about waiting times had only recently become reliable."]),
        ("Strategic planning", [
            "The adult social care strategy was written together with people who use services and carers and linked to the council's financial plan for the next three years."]),
        ("Information security", [
            "Staff understood their responsibilities for data protection, and information sharing agreements were in place with health partners."])],
    9: [("Continuous learning, improvement and professional development", [
            "Staff had access to training and a principal social worker led a programme of practice development.",
            "Leaders sought peer reviews and used the findings to shape their improvement plan."]),
        ("Learning from feedback", [
            "Complaints were analysed for themes and reported to senior leaders every quarter.",
            "A group of people with lived experience met regularly with managers to review changes to services."])],
}
PEOPLE = [
    "Most people we spoke with told us that staff listened to them and treated them with respect, and that their care was arranged around what mattered to them.",
    "However, some people had waited a long time for an assessment or a review, and unpaid carers told us they did not always know what support was available to them.",
    "People who had used the reablement service described it positively and said it had helped them to regain confidence at home.",
    "Several people told us that information about charges had been confusing at first, though staff had taken time to explain it.",
]


def fmt_pct(v, style):
    if style == "percent":
        return f"{v:.1f} per cent" if v != int(v) else f"{int(v)} per cent"
    if style == "int":
        return f"{round(v)}%"
    return f"{v:.1f}%"


def gen_texts(fam):
    """Return statements dict (for keys and rendering) and people experience paragraphs."""
    rng = random.Random(fam["slug"])
    ps = fam.get("pct_style", "pct")
    vals = {
        "wait": f"{rng.randint(90, 1400):,}", "weeks": rng.randint(3, 22), "fweeks": rng.randint(2, 6),
        "hours": f"{rng.randint(120, 2100):,}", "contact": rng.choice([4, 6, 8]), "target": rng.choice([28, 56]),
    }
    for i in range(1, 8):
        e = round(rng.uniform(55, 85), 1)
        vals[f"e{i}"] = fmt_pct(e, ps)
        vals[f"p{i}"] = fmt_pct(round(e + rng.uniform(-6, 6), 1), ps)
    # sentence-start capitals for percent-led paragraphs are fine ("64.2% of ...")
    statements = {}
    for n in range(1, 10):
        exp = EXPECT[n][: 2 + (rng.random() < 0.5 and len(EXPECT[n]) > 2)]
        kf = []
        for h, paras in FIND[n]:
            kp = [p.format(**vals) for p in paras]
            kf.append({"heading": h, "paragraphs": kp})
        if n in fam.get("intro_para", ()):  # text before first sub-heading
            kf.insert(0, {"heading": None, "paragraphs": [
                f"We looked at how {fam['short']} meets its duties for this quality statement and spoke with people, staff and partners."]})
        statements[str(n)] = {"what_people_expect": list(exp), "commitment": COMMIT[n], "key_findings": kf}
    people = PEOPLE[: rng.choice([2, 3, 4])]
    return statements, people
