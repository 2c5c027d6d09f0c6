"""The report families of the wagtail site. Scores and months of the formal reports are CQC's
published results (shared/cqc_raw); days of the month, demographics, money and all prose are
invented. norfolk-0226, bexley-0126 and sutton-1125 are invented outright."""
import datetime as dt

D = dt.date


def fam(**kw):
    kw.setdefault("page_updates", {})
    kw.setdefault("pct_style", "int")
    kw.setdefault("pdf", None)
    kw.setdefault("expect", "loads")
    kw["scores"] = {i + 1: s for i, s in enumerate(kw.pop("qs")) if s is not None}
    return kw


FAMILIES = [
    # ---- pilots (Nov 2023) ----
    fam(slug="birmingham-cc", council="Birmingham City Council", short="Birmingham", la_code="E08000025",
        region="West Midlands", kind="pilot", layout="pilot", grouping="single",
        published=D(2023, 11, 17), updated=D(2023, 11, 17), started=D(2023, 6, 26),
        rating="Good", qs=[2, 3, 3, 3, 3, 2, 2, 3, 3], pdf="weasyprint",
        pop="1,145,000", decile=1, rank=7, age65="13.0%", age65_eng="18.4%", eth="51.4%", eth_eng="19.0%",
        control="Labour"),
    fam(slug="nottingham-city", council="Nottingham City Council", short="Nottingham", la_code="E06000018",
        region="East Midlands", kind="pilot", layout="pilot", grouping="theme",
        published=D(2023, 11, 17), updated=D(2024, 1, 9), started=D(2023, 7, 3),
        rating="Requires improvement", qs=[2, 2, 2, 3, 2, 2, 3, 2, 3],
        pop="323,600", decile=1, rank=11, age65="11.4%", age65_eng="18.4%", eth="42.7%", eth_eng="19.0%",
        control="Labour"),
    fam(slug="lincolnshire-cc", council="Lincolnshire County Council", short="Lincolnshire", la_code="E10000019",
        region="East Midlands", kind="pilot", layout="pilot", grouping="statement",
        published=D(2023, 11, 17), updated=D(2023, 11, 17), started=D(2023, 6, 12),
        rating="Good", qs=[3, 3, 2, 3, 3, 3, 3, 3, 3],
        pop="768,400", decile=6, rank=89, age65="24.2%", age65_eng="18.4%", eth="6.8%", eth_eng="19.0%",
        control="Conservative"),
    # ---- formal, legacy block layout (2024) ----
    fam(slug="WBerkshire-0524", council="West Berkshire Council", short="West Berkshire", la_code="E06000037",
        region="South East", kind="formal", layout="v1", grouping="statement",
        published=D(2024, 5, 2), updated=D(2024, 5, 2), rating="Good", qs=[3, 2, 2, 2, 2, 3, 3, 3, 3],
        pop="161,600", decile=10, rank=148, age65="19.9%", age65_eng="18.4%", eth="10.1%", eth_eng="19.0%",
        control="Liberal Democrats", spend="£78.4m", share="36.1%", diff="£2.1m over estimate",
        lt="1,820", st="640"),
    fam(slug="Hounslow-0524", council="London Borough of Hounslow", short="Hounslow", la_code="E09000018",
        region="London", kind="formal", layout="v1", grouping="statement",
        published=D(2024, 5, 9), updated=D(2024, 6, 3), rating="Good", qs=[2, 2, 3, 3, 3, 3, 3, 3, 3],
        pop="289,000", decile=4, rank=63, age65="11.3%", age65_eng="18.4%", eth="63.2%", eth_eng="19.0%",
        control="Labour", spend="£103.6m", share="31.4%", diff="£4.8m over estimate", lt="3,210", st="870",
        page_updates={"summary": D(2024, 6, 3)}),
    fam(slug="derbyshirecc-0824", council="Derbyshire County Council", short="Derbyshire", la_code="E10000007",
        region="East Midlands", kind="formal", layout="v1", grouping="statement",
        published=D(2024, 8, 2), updated=D(2024, 8, 2), rating="Good", qs=[2, 3, 2, 3, 3, 3, 2, 3, 3],
        pop="802,700", decile=6, rank=92, age65="22.1%", age65_eng="18.4%", eth="4.3%", eth_eng="19.0%",
        control="Conservative", spend="£298.7m", share="40.2%", diff="£6.4m under estimate", lt="7,950",
        st="2,140", pdf="libreoffice", pct_style="words"),
    fam(slug="durham-0824", council="Durham County Council", short="County Durham", la_code="E06000047",
        region="North East", kind="formal", layout="v1", grouping="statement",
        published=D(2024, 8, 16), updated=D(2024, 8, 16), rating="Good", qs=[2, 3, 2, 3, 3, 3, 2, 3, 3],
        pop="522,100", decile=3, rank=43, age65="21.8%", age65_eng="18.4%", eth="2.6%", eth_eng="19.0%",
        control="Reform UK", spend="£184.2m", share="38.7%", diff="£1.2m under estimate", lt="5,420", st="1,760"),
    # ---- formal, 2025 StreamField layout ----
    fam(slug="camden-0225", council="London Borough of Camden", short="Camden", la_code="E09000007",
        region="London", kind="formal", layout="v2", grouping="single", score_style="score",
        published=D(2025, 2, 21), updated=D(2025, 3, 4), rating="Outstanding", qs=[3, 3, 4, 3, 4, 4, 3, 4, 4],
        pop="210,100", decile=5, rank=76, age65="12.6%", age65_eng="18.4%", eth="40.5%", eth_eng="19.0%",
        control="Labour", spend="£131.9m", share="34.8%", diff="£0.9m under estimate", lt="2,690", st="910",
        pdf="weasyprint"),
    fam(slug="gateshead-0325", council="Gateshead Council", short="Gateshead", la_code="E08000037",
        region="North East", kind="formal", layout="v2", grouping="theme", score_style="band",
        published=D(2025, 3, 14), updated=D(2025, 3, 14), rating="Good", qs=[2, 2, 2, 3, 3, 3, 3, 3, 3],
        pop="196,200", decile=3, rank=39, age65="20.3%", age65_eng="18.4%", eth="4.9%", eth_eng="19.0%",
        control="Labour", spend="£96.3m", share="41.0%", diff="£3.3m over estimate", lt="3,080", st="1,020",
        intro_findings=True),
    fam(slug="staffordshire-0525", council="Staffordshire County Council", short="Staffordshire", la_code="E10000028",
        region="West Midlands", kind="formal", layout="v2", grouping="statement", score_style="band",
        published=D(2025, 5, 9), updated=D(2025, 5, 9), rating="Good", qs=[3, 3, 3, 3, 3, 3, 3, 3, 3],
        pop="883,600", decile=7, rank=104, age65="22.5%", age65_eng="18.4%", eth="7.1%", eth_eng="19.0%",
        control="Reform UK", spend="£318.4m", share="43.6%", diff="£5.0m over estimate", lt="8,420", st="2,610",
        pdf="weasyprint", pct_style="dec"),
    fam(slug="kent-0525", council="Kent County Council", short="Kent", la_code="E10000016",
        region="South East", kind="formal", layout="v2", grouping="theme", score_style="band",
        published=D(2025, 5, 16), updated=D(2025, 6, 2), rating="Requires improvement", qs=[2, 2, 3, 2, 2, 2, 2, 2, 3],
        pop="1,610,300", decile=7, rank=101, age65="20.6%", age65_eng="18.4%", eth="10.6%", eth_eng="19.0%",
        control="Reform UK", spend="£610.2m", share="43.9%", diff="£29.7m over estimate", lt="16,300", st="4,900",
        pdf="chromium", page_updates={"theme-2": D(2025, 6, 2)}),
    fam(slug="warrington-0525", council="Warrington Borough Council", short="Warrington", la_code="E06000007",
        region="North West", kind="formal", layout="v2", grouping="statement", score_style="score",
        published=D(2025, 5, 30), updated=D(2025, 5, 30), rating="Requires improvement", qs=[2, 3, 2, 2, 3, 2, 1, 2, 2],
        pop="212,100", decile=7, rank=98, age65="19.4%", age65_eng="18.4%", eth="6.2%", eth_eng="19.0%",
        control="Labour", spend="£88.0m", share="35.5%", diff="£2.6m over estimate", lt="2,330", st="780"),
    fam(slug="stokeontrent-0625", council="Stoke-on-Trent City Council", short="Stoke-on-Trent", la_code="E06000021",
        region="West Midlands", kind="formal", layout="v2", grouping="statement", score_style="band",
        published=D(2025, 6, 13), updated=D(2025, 6, 20), rating="Good", qs=[2, 2, 2, 3, 3, 2, 3, 3, 3],
        pop="258,400", decile=1, rank=14, age65="17.9%", age65_eng="18.4%", eth="14.4%", eth_eng="19.0%",
        control="Labour", spend="£101.5m", share="39.3%", diff="£1.9m under estimate", lt="3,360", st="1,150",
        pdf="libreoffice", page_updates={"about": D(2025, 6, 20)}),
    fam(slug="leicestercity-0725", council="Leicester City Council", short="Leicester", la_code="E06000016",
        region="East Midlands", kind="formal", layout="v2", grouping="theme", score_style="score",
        published=D(2025, 7, 11), updated=D(2025, 7, 11), rating="Requires improvement", qs=[2, 2, 2, 2, 3, 2, 2, 2, 3],
        pop="373,400", decile=2, rank=30, age65="11.6%", age65_eng="18.4%", eth="59.1%", eth_eng="19.0%",
        control="Labour", spend="£172.5m", share="22.89%", diff="£15.3m under estimate", lt="4,410", st="1,380",
        pdf="chromium", pct_style="dec"),
    fam(slug="southendonsea-0825", council="Southend-on-Sea City Council", short="Southend-on-Sea", la_code="E06000033",
        region="East of England", kind="formal", layout="v2", grouping="theme", score_style="band",
        published=D(2025, 8, 1), updated=D(2025, 8, 1), rating="Good", qs=[3, 3, 3, 2, 3, 2, 3, 3, 3],
        pop="182,700", decile=5, rank=71, age65="19.6%", age65_eng="18.4%", eth="14.8%", eth_eng="19.0%",
        control="Labour", spend="£71.2m", share="35.0%", diff="£0.4m over estimate", lt="2,050", st="690",
        date_style="short"),
    fam(slug="blackpool-0825", council="Blackpool Council", short="Blackpool", la_code="E06000009",
        region="North West", kind="formal", layout="v2", grouping="single", score_style="band",
        published=D(2025, 8, 22), updated=D(2025, 9, 5), rating="Inadequate", qs=[1, 1, 1, 2, 2, 2, 1, 1, 1],
        pop="141,900", decile=1, rank=1, age65="20.9%", age65_eng="18.4%", eth="4.1%", eth_eng="19.0%",
        control="Labour", spend="£84.9m", share="44.2%", diff="£7.7m over estimate", lt="2,640", st="720"),
    fam(slug="lancashire-0825", council="Lancashire County Council", short="Lancashire", la_code="E10000017",
        region="North West", kind="formal", layout="v2", grouping="single", score_style="score",
        published=D(2025, 8, 29), updated=D(2025, 8, 29), rating="Requires improvement", qs=[2, 2, 2, 2, 2, 2, 2, 2, 2],
        pop="1,253,000", decile=5, rank=66, age65="21.4%", age65_eng="18.4%", eth="11.3%", eth_eng="19.0%",
        control="Reform UK", spend="about £496m", share="about 45% of net budget", diff="£11.8m over estimate",
        lt="about 23,000", st="over 5,500", date_style="short"),
    # ---- formal, 2025/26 redesign ----
    fam(slug="sutton-1125", council="London Borough of Sutton", short="Sutton", la_code="E09000029",
        region="London", kind="formal", layout="v3", grouping="single",
        published=D(2025, 11, 28), updated=D(2025, 11, 28), rating="Good", qs=[3, 2, 3, 2, 3, 2, 3, 2, 3],
        printed_pct=69,
        expect={"not_loaded": "the published overall score (69%) contradicts the nine statement scores, "
                               "which sum to 23 of 36 (64%)"},
        pop="211,400", decile=8, rank=121, age65="17.0%", age65_eng="18.4%", eth="29.4%", eth_eng="19.0%",
        control="Liberal Democrats", spend="£79.9m", share="37.4%", diff="£1.4m over estimate", lt="2,240", st="610"),
    fam(slug="bexley-0126", council="London Borough of Bexley", short="Bexley", la_code="E09000004",
        region="London", kind="formal", layout="v3", grouping="single", newfin=True,
        published=D(2026, 1, 23), updated=D(2026, 2, 6), rating="Good", qs=[3, 2, 3, 3, 3, 3, None, 3, 3],
        printed_pct=67,
        expect={"not_loaded": "statement 7 (Safe pathways, systems and transitions) has no published score, "
                               "so the overall score cannot be checked"},
        page_updates={"summary": D(2026, 2, 6)},
        pop="248,300", decile=7, rank=108, age65="17.2%", age65_eng="18.4%", eth="27.8%", eth_eng="19.0%",
        control="Conservative"),
    fam(slug="norfolk-0226", council="Norfolk County Council", short="Norfolk", la_code="E10000020",
        region="East of England", kind="formal", layout="v3", grouping="theme", newfin=True,
        published=D(2026, 2, 20), updated=D(2026, 3, 2), rating="Good", qs=[3, 2, 3, 3, 3, 2, 3, 3, 3],
        page_updates={"theme-3": D(2026, 3, 2)}, pdf="libreoffice", intro_findings=True,
        pop="925,300", decile=6, rank=95, age65="25.6%", age65_eng="18.4%", eth="4.7%", eth_eng="19.0%",
        control="Reform UK"),
]


def pct_of(scores):
    s = sum(scores.values())
    return int(s / 36 * 100 + 0.5)


def band(pct):
    if pct >= 88:
        return "Outstanding"
    if pct >= 63:
        return "Good"
    if pct >= 39:
        return "Requires improvement"
    return "Inadequate"


for f in FAMILIES:
    if f["kind"] == "pilot":
        f["pct"] = None
    elif "printed_pct" in f:
        f["pct"] = f["printed_pct"]
    else:
        f["pct"] = pct_of(f["scores"])
        assert len(f["scores"]) == 9 and band(f["pct"]) == f["rating"], (f["slug"], f["pct"], f["rating"])
    f.setdefault("date_style", "long" if f["layout"] != "v3" else "numeric")
    f["last_updated"] = max([f["updated"], *f["page_updates"].values()])


def demographics(f):
    """Items as the About page prints them: label/value where shown apart, else text."""
    c = f["short"]
    if f["layout"] in ("v1", "pilot"):
        items = [
            {"text": f"Population: about {f['pop']} people live in {c}."},
            {"text": f"Deprivation: {c} is in deprivation decile {f['decile']} and is ranked {f['rank']} of 153 local authorities (1 is the most deprived)."},
            {"text": f"Age: {f['age65']} of people are aged 65 or over, compared with {f['age65_eng']} in England."},
            {"text": f"Ethnicity: {f['eth']} of people are from ethnic minority groups, compared with {f['eth_eng']} in England."},
            {"text": f"Political control: {f['control']}."},
        ]
    else:
        items = [
            {"label": "Population", "value": f["pop"]},
            {"label": "Deprivation", "value": f"Decile {f['decile']} (ranked {f['rank']} of 153)"},
            {"label": "Aged 65 and over", "value": f"{f['age65']} (England: {f['age65_eng']})"},
            {"label": "Ethnic minority groups", "value": f"{f['eth']} (England: {f['eth_eng']})"},
            {"label": "Political control", "value": f["control"]},
        ]
    return items


def financial_facts(f):
    c = f["short"]
    if f["kind"] == "pilot":
        import random
        r = random.Random(f["slug"] + "fin")
        est = r.randint(400_000_000, 1_200_000_000)
        act = est + r.randint(-9_000_000, 14_000_000)
        asc_e = int(est * r.uniform(0.3, 0.42))
        asc_a = asc_e + r.randint(-3_000_000, 6_000_000)
        return [
            {"text": f"The total budget for 2022/23 was estimated at £{est:,}. The actual total was £{act:,}."},
            {"text": f"The adult social care budget for 2022/23 was estimated at £{asc_e:,}. Actual spend was £{asc_a:,}."},
            {"text": f"Adult social care accounted for {asc_a / act * 100:.2f}% of the total budget."},
            {"text": "The local authority raised the adult social care precept in 2022/23." if r.random() < 0.7
             else "The local authority did not raise the adult social care precept in 2022/23."},
            {"text": f"Approximately {r.randint(30, 140) * 100:,} people were receiving long-term support."},
        ]
    if f.get("newfin"):
        import random
        r = random.Random(f["slug"] + "fin")
        gross = r.uniform(150, 600)
        return [
            {"label": "Gross current expenditure on adult social care, 2024/25", "value": f"£{gross:.1f}m"},
            {"label": "Net expenditure per adult aged 18 and over", "value": f"£{r.randint(420, 720)}"},
            {"label": "Income from client contributions", "value": f"£{gross * r.uniform(0.09, 0.14):.1f}m"},
            {"label": "Requests for support from new clients", "value": f"{r.randint(6000, 26000):,}"},
            {"label": "People receiving long-term support during the year", "value": f"{r.randint(2500, 14000):,}"},
            {"text": "Figures are taken from the council's published annual data returns for 2024/25 and have not been audited by CQC."},
        ]
    if f["layout"] == "v1":
        return [
            {"text": f"The local authority spent {f['spend']} on adult social care in 2023/24."},
            {"text": f"This was {f['share']} of the local authority's total budget for 2023/24."},
            {"text": f"Actual spend was {f['diff']}."},
            {"text": f"{f['lt']} people were receiving long-term support."},
            {"text": f"{f['st']} people were receiving short-term support."},
        ]
    return [
        {"label": "Adult social care spend, 2023/24", "value": f["spend"]},
        {"label": "Proportion of total budget", "value": f["share"]},
        {"label": "Difference from estimated spend", "value": f["diff"]},
        {"label": "People receiving long-term support", "value": f["lt"]},
        {"label": "People receiving short-term support", "value": f["st"]},
    ]
