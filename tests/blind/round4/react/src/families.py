"""The report families of the round4/react blind site (data only).

Scores and ratings of formal reports are the published ones from shared/cqc_raw
(bongo_twisty_league_tables_parsed.csv); pilots from pilot_results.csv. Lincolnshire's
first eight pilot scores and all of Plymouth's results are invented placeholders (only
Lincolnshire's QS9 = 3 was seen); their arithmetic holds. Demographic and financial
figures are invented unless the notes quote them (Leicester, Lancashire).
"""
import datetime as dt

D = dt.date


def fam(**kw):
    kw.setdefault("pct_printed", None)
    kw.setdefault("missing_score", None)
    kw.setdefault("pdf", None)
    kw.setdefault("updated", {})
    kw.setdefault("kind", "formal")
    kw.setdefault("curly", False)
    kw.setdefault("pct_style", "%")
    kw.setdefault("rating_case", None)
    kw.setdefault("qs5_name", None)
    kw.setdefault("qs_related", False)
    return kw


FAMILIES = [
    # ---------------- pilots (Nov 2023) ----------------
    fam(slug="birmingham-cc", council="Birmingham City Council", short="Birmingham", la_code="E08000025",
        kind="pilot", published=D(2023, 11, 17), start=D(2023, 6, 12), rating="Good",
        scores=[2, 3, 3, 3, 3, 2, 2, 3, 3], grouping="statement", urls="pilot-seg", gen="A",
        date_fmt="long", demo_style="text-ul", fin_style="text-ul", region="West Midlands",
        pop=1157600, decile=1, rank=7, over65=13.4, ethnic=51.4, control="Labour",
        updated={"summary": D(2024, 1, 10)},
        pdf=dict(engine="weasyprint", path="/sites/default/files/2023-11/20231117-birmingham-city-council-assessment-report.pdf")),
    fam(slug="nottingham-city", council="Nottingham City Council", short="Nottingham", la_code="E06000018",
        kind="pilot", published=D(2023, 11, 17), start=D(2023, 6, 5), rating="Requires improvement",
        scores=[2, 2, 2, 3, 2, 2, 3, 2, 3], grouping="theme", urls="pilot-theme", gen="A",
        date_fmt="long", demo_style="dl", fin_style="dl", region="East Midlands",
        pop=323700, decile=1, rank=11, over65=11.2, ethnic=42.7, control="Labour"),
    fam(slug="lincolnshire-cc", council="Lincolnshire County Council", short="Lincolnshire", la_code="E10000019",
        kind="pilot", published=D(2023, 11, 17), start=D(2023, 5, 22), rating="Good",
        scores=[3, 3, 2, 3, 3, 3, 2, 3, 3], grouping="all", urls="pilot-all", gen="A",
        date_fmt="long", demo_style="table", fin_style="text-ul", region="East Midlands",
        pop=768400, decile=6, rank=89, over65=24.1, ethnic=4.9, control="Conservative",
        curly=True,
        pdf=dict(engine="odt", path="/sites/default/files/2023-11/Lincolnshire_CC_assessment_report.pdf")),
    # ---------------- formal ----------------
    fam(slug="stokeontrent-0625", council="Stoke-on-Trent City Council", short="Stoke-on-Trent", la_code="E06000021",
        published=D(2025, 6, 13), rating="Good", scores=[2, 2, 2, 3, 3, 2, 3, 3, 3],
        grouping="statement", urls="notes", gen="B", date_fmt="long", demo_style="summary-list",
        fin_style="summary-list", region="West Midlands", pop=259200, decile=1, rank=14, over65=17.9,
        ethnic=17.3, control="Labour", updated={"summary": D(2025, 6, 20)}, qs_related=True),
    fam(slug="staffordshire-0525", council="Staffordshire County Council", short="Staffordshire", la_code="E10000028",
        published=D(2025, 5, 16), rating="Good", scores=[3] * 9, grouping="statement", urls="notes", gen="B",
        date_fmt="long", demo_style="cards", fin_style="text-ul", region="West Midlands", pop=891300, decile=7,
        rank=112, over65=22.4, ethnic=6.8, control="Reform UK", curly=True,
        pdf=dict(engine="chromium", path="/sites/default/files/documents/2025-05/staffordshire-0525-local-authority-assessment.pdf")),
    fam(slug="derbyshirecc-0824", council="Derbyshire County Council", short="Derbyshire", la_code="E10000007",
        published=D(2024, 8, 9), rating="Good", scores=[2, 3, 2, 3, 3, 3, 2, 3, 3], grouping="theme",
        urls="theme-suffix", gen="A", date_fmt="long", demo_style="text-ul", fin_style="text-ul",
        region="East Midlands", pop=802700, decile=6, rank=84, over65=22.0, ethnic=4.6, control="Conservative",
        updated={"theme3": D(2024, 9, 2)}),
    fam(slug="leicestercity-0725", council="Leicester City Council", short="Leicester", la_code="E06000016",
        published=D(2025, 7, 18), rating="Requires improvement", scores=[2, 2, 2, 2, 3, 2, 2, 2, 3],
        grouping="all", urls="all-suffix", gen="B", date_fmt="weekday", demo_style="table", fin_style="table",
        region="East Midlands", pop=372800, decile=2, rank=32, over65=11.5, ethnic=59.1, control="Labour",
        pdf=dict(engine="docx", path="/downloads/reports/leicestercity-0725.pdf")),
    fam(slug="camden-0225", council="London Borough of Camden", short="Camden", la_code="E09000007",
        published=D(2025, 2, 14), rating="Outstanding", scores=[3, 3, 4, 3, 4, 4, 3, 4, 4], grouping="statement",
        urls="seg-flat", gen="C", date_fmt="slash", demo_style="dl", fin_style="dl", region="London",
        pop=218000, decile=4, rank=58, over65=12.1, ethnic=40.3, control="Labour", curly=True,
        updated={"summary": D(2025, 3, 4), "about": D(2025, 2, 14)},
        pdf=dict(engine="weasyprint", path="/sites/default/files/2025-02/camden-local-authority-assessment-report.pdf")),
    fam(slug="WBerkshire-0524", council="West Berkshire Council", short="West Berkshire", la_code="E06000037",
        published=D(2024, 5, 23), rating="Good", scores=[3, 2, 2, 2, 2, 3, 3, 3, 3], grouping="statement",
        urls="notes", gen="A", date_fmt="long", demo_style="text-ul", fin_style="text-ul", region="South East",
        pop=162800, decile=10, rank=150, over65=20.3, ethnic=9.4, control="Liberal Democrat",
        qs5_name="Partnership and communities"),
    fam(slug="durham-0824", council="Durham County Council", short="County Durham", la_code="E06000047",
        published=D(2024, 8, 16), rating="Good", scores=[2, 3, 2, 3, 3, 3, 2, 3, 3], grouping="statement",
        urls="seg-theme", gen="A", date_fmt="short", demo_style="table", fin_style="text-ul", region="North East",
        pop=528100, decile=3, rank=41, over65=21.6, ethnic=3.4, control="No overall control",
        updated={"s7": D(2024, 10, 1)}),
    fam(slug="blackpool-0825", council="Blackpool Council", short="Blackpool", la_code="E06000009",
        published=D(2025, 8, 22), rating="Inadequate", scores=[1, 1, 1, 2, 2, 2, 1, 1, 1], grouping="theme",
        urls="theme-names", gen="C", date_fmt="long", demo_style="summary-list", fin_style="summary-list",
        region="North West", pop=141100, decile=1, rank=1, over65=20.8, ethnic=5.1, control="Labour",
        pdf=dict(engine="chromium", path="/media/48213/download?attachment")),
    fam(slug="kent-0525", council="Kent County Council", short="Kent", la_code="E10000016",
        published=D(2025, 5, 30), rating="Requires improvement", rating_case="Requires Improvement",
        scores=[2, 2, 3, 2, 2, 2, 2, 2, 3], grouping="statement", urls="qs-suffix", gen="B", date_fmt="short",
        demo_style="dl", fin_style="text-ul", region="South East", pop=1610300, decile=7, rank=101,
        over65=20.5, ethnic=10.6, control="Reform UK", qs_related=True),
    fam(slug="lancashire-0825", council="Lancashire County Council", short="Lancashire", la_code="E10000017",
        published=D(2025, 8, 8), rating="Requires improvement", scores=[2] * 9, grouping="all", urls="all-seg",
        gen="C", date_fmt="long", demo_style="cards", fin_style="text-ul", region="North West", pop=1253300,
        decile=5, rank=70, over65=20.6, ethnic=10.1, control="Reform UK", pct_style=" per cent",
        updated={"all": D(2025, 8, 27)}),
    fam(slug="Hertfordshire-0524", council="Hertfordshire County Council", short="Hertfordshire", la_code="E10000015",
        published=D(2024, 5, 23), rating="Good", scores=[3, 3, 3, 3, 4, 3, 3, 3, 3], grouping="statement",
        urls="notes", gen="A", date_fmt="long", demo_style="text-ul", fin_style="text-ul", region="East of England",
        pop=1198800, decile=9, rank=141, over65=17.6, ethnic=19.3, control="Conservative"),
    fam(slug="westminster-1124", council="Westminster City Council", short="Westminster", la_code="E09000033",
        published=D(2024, 11, 22), rating="Good", scores=[3] * 9, grouping="theme", urls="theme-num", gen="B",
        date_fmt="long", demo_style="summary-list", fin_style="dl", region="London", pop=204200, decile=4,
        rank=62, over65=13.0, ethnic=45.2, control="Labour",
        pdf=dict(engine="odt", path="/sites/default/files/2024-11/westminster-city-council-local-authority-assessment.pdf")),
    fam(slug="plymouth-0226", council="Plymouth City Council", short="Plymouth", la_code="E06000026",
        published=D(2026, 2, 20), rating="Good", scores=[3, 2, 3, 3, 3, 2, 3, 3, 3], grouping="statement",
        urls="qs-dir", gen="C", date_fmt="slash", demo_style="dl", fin_style="new", region="South West",
        pop=266800, decile=3, rank=45, over65=19.2, ethnic=6.3, control="Labour",
        pdf=dict(engine="weasyprint", path="/api/reports/plymouth-0226/pdf")),
    # ---------------- families a careful reader must refuse ----------------
    fam(slug="wirral-0125", council="Wirral Council", short="Wirral", la_code="E08000015",
        published=D(2025, 1, 24), rating="Requires improvement", scores=[2, 3, 2, 2, 3, 2, 2, 2, 3],
        pct_printed=61, grouping="statement", urls="notes", gen="B", date_fmt="long", demo_style="text-ul",
        fin_style="text-ul", region="North West", pop=322400, decile=3, rank=38, over65=22.3, ethnic=5.3,
        control="Labour",
        not_loaded="The summary prints an overall score of 61%, but the nine published statement scores add up to 21 of 36, which is 58%."),
    fam(slug="croydon-1025", council="London Borough of Croydon", short="Croydon", la_code="E09000008",
        published=D(2025, 10, 17), rating="Good", scores=[2, 2, 3, 2, 3, 2, 3, 3, 3], missing_score=6,
        grouping="statement", urls="seg-theme2", gen="C", date_fmt="long", demo_style="summary-list",
        fin_style="summary-list", region="London", pop=397700, decile=4, rank=55, over65=13.4, ethnic=55.1,
        control="Conservative",
        not_loaded="Quality statement 6 (Safe pathways, systems and transitions) has no published score: its page and the summary's score list omit it, so the overall 64% cannot be checked against nine scores."),
]

IN_PROGRESS = ["Cornwall Council", "Devon County Council", "Norfolk County Council",
               "Nottinghamshire County Council", "Somerset Council"]
