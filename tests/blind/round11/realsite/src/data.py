"""Family data and invented prose for the round11 'realsite' blind copy."""
import random

BASE = "/care-services/local-authority-assessment-reports"

STATEMENTS = {
    1: ("Assessing needs", 1, "needs", "assessing-needs"),
    2: ("Supporting people to lead healthier lives", 1, "healthier-lives", "supporting-people-lead-healthier-lives"),
    3: ("Equity in experience and outcomes", 1, "equity", "equity-experience-outcomes"),
    4: ("Care provision, integration and continuity", 2, "care", "care-provision-integration-continuity"),
    5: ("Partnerships and communities", 2, "partnerships", "partnerships-communities"),
    6: ("Safe pathways, systems and transitions", 3, "pathways", "safe-pathways-systems-transitions"),
    7: ("Safeguarding", 3, "safeguarding", "safeguarding"),
    8: ("Governance, management and sustainability", 4, "governance", "governance-management-sustainability"),
    9: ("Learning, improvement and innovation", 4, "learning", "learning-improvement-innovation"),
}
THEMES = {
    1: ("How the local authority works with people", "1-working-with-people"),
    2: ("Providing support", "2-providing-support"),
    3: ("How the local authority ensures safety within the system", "3-ensuring-safety"),
    4: ("Leadership", "4-leadership"),
}
BAND_PHRASE = {1: "Evidence shows significant shortfalls", 2: "Evidence shows some shortfalls",
               3: "Evidence shows a good standard", 4: "Evidence shows an exceptional standard"}


def band(pct):
    if pct >= 88:
        return "Outstanding"
    if pct >= 63:
        return "Good"
    if pct >= 39:
        return "Requires improvement"
    return "Inadequate"


def pct_of(scores):
    s = sum(scores.values())
    return (s * 200 + 36) // 72


# slug, council, short, la_code, kind, published, updated, scores(list), grouping, style, pdf engine
FAMILIES = [
    # formal, from cqc_raw league table (days invented where only the month is known)
    dict(slug="camden-0225", council="London Borough of Camden", short="Camden", la_code="E09000007",
         published="2025-02-21", updated="2025-03-04", scores=[3, 3, 4, 3, 4, 4, 3, 4, 4],
         grouping="single", style="C", pdf="chromium", political="Labour"),
    dict(slug="stokeontrent-0625", council="Stoke-on-Trent City Council", short="Stoke-on-Trent", la_code="E06000021",
         published="2025-06-13", updated="2025-06-20", scores=[2, 2, 2, 3, 3, 2, 3, 3, 3],
         grouping="statement", style="B", pdf="chromium", political="Conservative"),
    dict(slug="staffordshire-0525", council="Staffordshire County Council", short="Staffordshire", la_code="E10000028",
         published="2025-05-16", updated=None, scores=[3] * 9,
         grouping="theme", style="B", pdf="chromium", political="Reform UK"),
    dict(slug="derbyshirecc-0824", council="Derbyshire County Council", short="Derbyshire", la_code="E10000007",
         published="2024-08-09", updated="2024-08-30", scores=[2, 3, 2, 3, 3, 3, 2, 3, 3],
         grouping="statement", style="A", pdf="libreoffice", political="Conservative"),
    dict(slug="kent-0525", council="Kent County Council", short="Kent", la_code="E10000016",
         published="2025-05-30", updated="2025-07-11", scores=[2, 2, 3, 2, 2, 2, 2, 2, 3],
         grouping="theme", style="C", pdf="libreoffice", political="Reform UK"),
    dict(slug="leicestercity-0725", council="Leicester City Council", short="Leicester", la_code="E06000016",
         published="2025-07-04", updated="2025-07-04", scores=[2, 2, 2, 2, 3, 2, 2, 2, 3],
         grouping="statement", style="B", pdf="libreoffice", political="Labour"),
    dict(slug="Hertfordshire-0524", council="Hertfordshire County Council", short="Hertfordshire", la_code="E10000015",
         published="2024-05-10", updated="2024-06-03", scores=[3, 3, 3, 3, 4, 3, 3, 3, 3],
         grouping="statement", style="A", pdf=None, political="Liberal Democrat minority"),
    dict(slug="kensingtonchelsea-0725", council="Royal Borough of Kensington and Chelsea", short="Kensington and Chelsea",
         la_code="E09000020", published="2025-07-25", updated=None, scores=[3, 4, 4, 3, 4, 3, 4, 4, 3],
         grouping="statement", style="B", pdf=None, political="Conservative"),
    dict(slug="surrey-1124", council="Surrey County Council", short="Surrey", la_code="E10000030",
         published="2024-11-22", updated="2024-12-05", scores=[2, 3, 3, 3, 3, 3, 2, 3, 3],
         grouping="statement", style="A", pdf=None, political="Conservative"),
    dict(slug="gateshead-0325", council="Gateshead Council", short="Gateshead", la_code="E08000037",
         published="2025-03-14", updated=None, scores=[2, 2, 2, 3, 3, 3, 3, 3, 3],
         grouping="statement", style="A", pdf=None, political="Labour"),
    dict(slug="warrington-0525", council="Warrington Borough Council", short="Warrington", la_code="E06000007",
         published="2025-05-23", updated="2025-06-02", scores=[2, 3, 2, 2, 3, 2, 1, 2, 2],
         grouping="statement", style="B", pdf=None, political="Labour"),
    dict(slug="essex-0625", council="Essex County Council", short="Essex", la_code="E10000012",
         published="2025-06-27", updated=None, scores=[2, 3, 3, 3, 3, 3, 3, 3, 3],
         grouping="theme", style="B", pdf=None, political="Conservative"),
    dict(slug="blackpool-0825", council="Blackpool Council", short="Blackpool", la_code="E06000009",
         published="2025-08-15", updated="2025-09-01", scores=[1, 1, 1, 2, 2, 2, 1, 1, 1],
         grouping="single", style="C", pdf=None, political="Labour"),
    # invented: published % contradicts the nine scores (sum 22 -> 61%, page says 64%)
    dict(slug="sheffield-1025", council="Sheffield City Council", short="Sheffield", la_code="E08000039",
         published="2025-10-17", updated=None, scores=[2, 3, 2, 2, 3, 2, 3, 2, 3], shown_pct=64,
         shown_rating="Good", grouping="statement", style="A", pdf=None, political="Labour",
         expect={"not_loaded": "the published overall score (64%, Good) does not match the nine statement scores "
                               "(sum 22 of 36 = 61%, Requires improvement)"}),
    # pilots (Nov 2023). Birmingham and Nottingham scores from pilot_results.csv; Lincolnshire's
    # statements 1-8 are invented placeholders (only statement 9 = 3 was seen)
    dict(slug="birmingham-cc", council="Birmingham City Council", short="Birmingham", la_code="E08000025",
         kind="pilot", published="2023-11-17", updated="2024-01-12", scores=[2, 3, 3, 3, 3, 2, 2, 3, 3],
         rating="Good", grouping="theme", style="P", pdf="chromium", political="Labour", start="2023-06-05"),
    dict(slug="nottingham-city", council="Nottingham City Council", short="Nottingham", la_code="E06000018",
         kind="pilot", published="2023-11-17", updated=None, scores=[2, 2, 2, 3, 2, 2, 3, 2, 3],
         rating="Requires improvement", grouping="single", style="P", pdf="libreoffice", political="Labour",
         start="2023-05-22"),
    dict(slug="lincolnshire-cc", council="Lincolnshire County Council", short="Lincolnshire", la_code="E10000019",
         kind="pilot", published="2023-11-17", updated="2023-11-24", scores=[3, 3, 2, 3, 3, 3, 2, 3, 3],
         rating="Good", grouping="statement", style="P", pdf=None, political="Conservative", start="2023-06-19"),
]

IN_PROGRESS = ["Cornwall Council", "Isle of Wight Council", "London Borough of Newham", "Norfolk County Council",
               "Rutland County Council"]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def long_date(iso):
    y, m, d = iso.split("-")
    return f"{int(d)} {MONTHS[int(m) - 1]} {y}"


def short_date(iso):
    y, m, d = iso.split("-")
    return f"{int(d)} {MONTHS[int(m) - 1][:3]} {y}"


# ---------- invented prose ----------

EXPECT = {
    1: ["I have care and support that is arranged around what matters to me, not around what services exist.",
        "I can get an assessment when I need one and I know what will happen next."],
    2: ["I can find good advice early, so that small problems do not become a crisis.",
        "I get help to stay well and as independent as I would like to be."],
    3: ["I am treated fairly whatever my background, and the support I get fits my culture and language.",
        "I can reach the same help as anyone else, even if I do not use the internet."],
    4: ["I have a choice of support near where I live, and it does not stop without warning.",
        "The people who help me talk to each other, so I do not have to repeat my story."],
    5: ["Local groups and services work together so that I can find help in my own community."],
    6: ["When I move between services, or from children's to adults' services, things are planned with me in advance.",
        "I feel safe when I leave hospital and I know who to contact."],
    7: ["I feel safe and I am supported to understand and manage risks in a way that suits me.",
        "If I raise a concern, it is taken seriously and I am told what happens."],
    8: ["I can see that the council knows what is happening for people like me and acts on it."],
    9: ["My views and experiences are used to make services better.",
        "I am involved when changes are planned, not just told afterwards."],
}
COMMIT = {
    1: "We work with people to understand their needs, strengths and goals, and we plan support with them in good time.",
    2: "We help people to stay well and independent for as long as possible, and we act early to reduce and delay the need for care.",
    3: "We understand the different communities we serve and act to remove unfair differences in access, experience and outcomes.",
    4: "We make sure there is enough good-quality, affordable care locally, and that it joins up around the person.",
    5: "We build strong partnerships with health services, the voluntary sector and communities to plan and deliver support together.",
    6: "We keep people safe as they move between services, and we plan ahead so that transitions are smooth and timely.",
    7: "We work with partners to prevent abuse and neglect, and we respond quickly and proportionately when people are at risk.",
    8: "We have clear leadership, sound governance and a realistic plan for money and the workforce, so that care is sustainable.",
    9: "We learn from people's feedback and from what goes wrong, and we use it to improve and to try new approaches.",
}
FIND_HEADS = {
    1: ["Assessment, care planning and review arrangements", "Timeliness of assessments, care planning and reviews"],
    2: ["Arrangements to prevent, delay or reduce needs for care and support", "Provision of accessible information and advice"],
    3: ["Understanding and reducing barriers to care and support", "Inclusion and accessibility arrangements"],
    4: ["Understanding local needs for care and support", "Ensuring sufficiency, quality and affordability of care provision"],
    5: ["Partnership working to deliver shared local and national objectives", "Working with voluntary and community sector groups"],
    6: ["Safety management", "Safety during transitions"],
    7: ["Safeguarding systems, processes and practices", "Responding to concerns and undertaking Section 42 enquiries"],
    8: ["Governance, accountability and risk management", "Strategic planning and financial sustainability"],
    9: ["Learning and improvement", "Co-production and involving people"],
}


def findings(n, fam, rnd):
    """Two sub-headings with one or two paragraphs each; figures vary by council and score."""
    s = fam["scores"][n - 1]
    c = fam["short"]
    good = s >= 3
    wait = rnd.randint(40, 900) if not good else rnd.randint(20, 180)
    weeks = rnd.randint(2, 6) if good else rnd.randint(8, 26)
    pct_a = round(rnd.uniform(55, 95), 1)
    eng_a = round(rnd.uniform(60, 85), 1)
    pct_b = round(rnd.uniform(15, 60), 1)
    eng_b = round(rnd.uniform(20, 45), 1)
    h1, h2 = FIND_HEADS[n]
    if good:
        p1 = (f"Staff told us that people in {c} were usually assessed within {weeks} weeks of first contact, and "
              f"that the front door resolved many requests with advice or short-term support. Leaders had a clear "
              f"picture of demand and reviewed it at a weekly meeting.")
        p2 = (f"In the Adult Social Care Survey (ASCS) 2023-24, {pct_a}% of people who use services said they found it "
              f"easy to find information about support, which was better than the England average of {eng_a}%.")
    else:
        p1 = (f"At the time of our assessment there were {wait} people waiting for an assessment or review in {c}, and "
              f"the longest wait was around {weeks} weeks. People and partners told us that delays left some people "
              f"without the right support, and that contact with the council during the wait was inconsistent.")
        p2 = (f"Only {pct_b}% of carers responding to the Survey of Adult Carers in England (SACE) 2023-24 said they "
              f"had been included or consulted in discussions about the person they care for, which was "
              f"{'below' if pct_b < eng_b else 'close to'} the England average of {eng_b}%.")
    p3 = (f"The council had plans to address this, including a review of its {rnd.choice(['commissioning strategy', 'workforce plan', 'digital offer', 'carers strategy'])}. "
          f"It was too early to see the full impact of this work.")
    p4 = (f"Partners described relationships with the council as {'open and constructive' if good else 'improving but still variable'}. "
          f"Feedback from {rnd.randint(12, 60)} voluntary sector organisations was used to shape the plans we saw.")
    kf = [{"heading": h1, "paragraphs": [p1, p2]}, {"heading": h2, "paragraphs": [p3, p4] if n % 2 else [p4]}]
    return kf


def enrich(fam):
    fam.setdefault("kind", "formal")
    fam.setdefault("expect", "loads")
    if not fam.get("updated"):
        fam["updated"] = fam["published"]
    rnd = random.Random(fam["slug"])
    sc = {str(i + 1): v for i, v in enumerate(fam["scores"])}
    fam["score_map"] = sc
    if fam["kind"] == "formal":
        fam["pct"] = pct_of(sc)
        fam["rating"] = band(fam["pct"])
        fam["shown_pct"] = fam.get("shown_pct", fam["pct"])
        fam["shown_rating"] = fam.get("shown_rating", fam["rating"])
    else:
        fam["pct"] = None
        fam["shown_pct"] = None
        fam["shown_rating"] = fam["rating"]
    st = {}
    for n in range(1, 10):
        st[str(n)] = {"what_people_expect": list(EXPECT[n]), "commitment": COMMIT[n],
                      "key_findings": findings(n, fam, rnd)}
    fam["statements"] = st
    c = fam["short"]
    r = fam["shown_rating"]
    fam["people_experience"] = [
        f"Most people we heard from in {c} said staff were kind and listened to them, and that once support was in place it "
        f"{'worked well' if r in ('Good', 'Outstanding') else 'usually met their needs, although getting it in place often took too long'}.",
        f"Unpaid carers told us they valued the carers' centre and respite options, but {rnd.choice(['some', 'many'])} did not know "
        f"they could ask for a carer's assessment. In the SACE 2023-24, {round(rnd.uniform(20, 45), 1)}% of carers said they "
        f"were satisfied with social services, against an England average of {round(rnd.uniform(33, 38), 1)}%.",
    ]
    pop = rnd.randint(60, 1600) * 1000 + rnd.randint(0, 9) * 100
    dec = rnd.randint(1, 10)
    rank = rnd.randint(1, 153)
    fam["demographics"] = [
        {"label": "Population", "value": f"{pop:,}"},
        {"label": "Deprivation", "value": f"Decile {dec} (ranked {rank} of 153 local authorities)"},
        {"text": f"The proportion of people aged 65 and over ({round(rnd.uniform(9, 24), 1)}%) is "
                 f"{rnd.choice(['higher than', 'lower than', 'similar to'])} the England average of 18.4%."},
        {"text": f"{round(rnd.uniform(4, 60), 1)}% of the population are from ethnic minority groups, "
                 f"compared with 19.0% across England."},
        {"label": "Political control", "value": fam["political"]},
    ]
    if fam["kind"] == "pilot":
        tb = rnd.randint(300, 3000) * 1000000 + rnd.randint(0, 999999)
        fam["financial_facts"] = [
            {"label": "The total budget for 2022/23 was estimated at", "value": f"£{tb:,}"},
            {"label": "The actual total spend for 2022/23 was", "value": f"£{tb + rnd.randint(-9000000, 9000000):,}"},
            {"label": "Adult social care spend as a share of the total budget", "value": f"{round(rnd.uniform(28, 45), 1)}%"},
            {"label": "Adult social care precept raised in 2022/23", "value": rnd.choice(["Yes (1%)", "Yes (2%)", "No"])},
            {"label": "Approximate number of people in long-term support", "value": f"{rnd.randint(25, 120) * 100:,}"},
        ]
    else:
        spend = round(rnd.uniform(60, 700), 1)
        fam["financial_facts"] = [
            {"label": "Adult social care spend 2023/24", "value": f"£{spend}m"},
            {"label": "Share of the council's total budget", "value": f"{round(rnd.uniform(20, 46), 2)}%"},
            {"text": f"Actual spend was £{round(rnd.uniform(0.5, 18), 1)}m {rnd.choice(['more', 'less'])} than estimated."},
            {"label": "People in long-term support", "value": f"{rnd.randint(9, 240) * 100:,}"},
            {"label": "People in short-term support", "value": f"{rnd.randint(2, 60) * 100:,}"},
        ]
    return fam


for _f in FAMILIES:
    enrich(_f)
