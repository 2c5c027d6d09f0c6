"""The 18 report families of the round7/office blind site and the markup choices for each."""
from datetime import date

S = lambda *v: {str(i + 1): x for i, x in enumerate(v)}

# Options:
#  grouping: statement | theme | all
#  urls: A (notes: <slug>-theme1-needs), B (<slug>/1-theme/statement), C (<slug>/quality-statement-N-x),
#        TA (<slug>-theme1), TB (<slug>/2-providing-support), AA (<slug>-quality-statements),
#        AB (<slug>/quality-statements), AC (<slug>/report)
#  body: word | govuk
#  heads: h1h2 (council h1, page h2) | h1h1 | divh1 (council in a div, page h1)
#  demo / fin: table | boldpara | sentences | dl | summarylist
#  score: notes | table | tag | outof | dots | pilot | band
#  sumscores: pairs | wordtable | dl | summarylist | pilotpairs
#  pct: notes | percent_words | fraction | nbsp | summarylist
#  date: long | slash | weekday | short | time
#  sub: h3 | h4 | bold  (key-finding sub-headings)
#  bullet: symbol | wingdings | dash | ul
#  related: list | cards | table | none-ish
FAMILIES = [
    dict(slug="stokeontrent-0625", council="Stoke-on-Trent City Council", short="Stoke-on-Trent", la="E06000021",
         kind="formal", pub=date(2025, 6, 13), upd=date(2025, 6, 20), rating="Good", rating_shown="Good",
         scores=S(2, 2, 2, 3, 3, 2, 3, 3, 3), grouping="statement", urls="A", body="word", heads="h1h2",
         demo="table", fin="boldpara", score="notes", sumscores="pairs", pct="notes", date="long", sub="h3",
         bullet="symbol", related="list", pdf="typst", fin_gen="formal"),
    dict(slug="derbyshirecc-0824", council="Derbyshire County Council", short="Derbyshire", la="E10000007",
         kind="formal", pub=date(2024, 8, 2), upd=date(2024, 8, 2), rating="Good", rating_shown="Good",
         scores=S(2, 3, 2, 3, 3, 3, 2, 3, 3), grouping="statement", urls="A", body="word", heads="h1h1",
         demo="boldpara", fin="boldpara", score="notes", sumscores="wordtable", pct="notes", date="long", sub="bold",
         bullet="symbol", related="cards", pdf="libreoffice", fin_gen="formal"),
    dict(slug="WBerkshire-0524", council="West Berkshire Council", short="West Berkshire", la="E06000037",
         kind="formal", pub=date(2024, 5, 24), upd=date(2024, 7, 3), rating="Good", rating_shown="Good",
         scores=S(3, 2, 2, 2, 2, 3, 3, 3, 3), grouping="statement", urls="A", body="word", heads="h1h2",
         demo="sentences", fin="sentences", score="table", sumscores="wordtable", pct="nbsp", date="slash", sub="bold",
         bullet="wingdings", related="table", pdf=None, fin_gen="formal"),
    dict(slug="leicestercity-0725", council="Leicester City Council", short="Leicester", la="E06000016",
         kind="formal", pub=date(2025, 7, 11), upd=date(2025, 7, 11), rating="Requires improvement",
         rating_shown="Requires Improvement",
         scores=S(2, 2, 2, 2, 3, 2, 2, 2, 3), grouping="statement", urls="C", body="word", heads="divh1",
         demo="dl", fin="boldpara", score="outof", sumscores="dl", pct="percent_words", date="weekday", sub="h4",
         bullet="symbol", related="list", pdf=None, fin_gen="formal"),
    dict(slug="southendonsea-0825", council="Southend-on-Sea City Council", short="Southend-on-Sea", la="E06000033",
         kind="formal", pub=date(2025, 8, 22), upd=date(2025, 9, 1), rating="Good", rating_shown="Good",
         scores=S(3, 3, 3, 2, 3, 2, 3, 3, 3), grouping="statement", urls="B", body="word", heads="h1h2",
         demo="table", fin="table", score="dots", sumscores="wordtable", pct="fraction", date="short", sub="h3",
         bullet="dash", related="cards", pdf=None, fin_gen="formal"),
    dict(slug="camden-0225", council="London Borough of Camden", short="Camden", la="E09000007",
         kind="formal", pub=date(2025, 2, 14), upd=date(2025, 3, 5), rating="Outstanding", rating_shown="Outstanding",
         scores=S(3, 3, 4, 3, 4, 4, 3, 4, 4), grouping="statement", urls="A", body="word", heads="h1h2",
         demo="table", fin="sentences", score="tag", sumscores="pairs", pct="notes", date="time", sub="h3",
         bullet="symbol", related="list", pdf="chromium", fin_gen="formal"),
    dict(slug="blackpool-0825", council="Blackpool Council", short="Blackpool", la="E06000009",
         kind="formal", pub=date(2025, 8, 8), upd=date(2025, 8, 8), rating="Inadequate", rating_shown="Inadequate",
         scores=S(1, 1, 1, 2, 2, 2, 1, 1, 1), grouping="statement", urls="C", body="word", heads="h1h1",
         demo="boldpara", fin="table", score="band", sumscores="wordtable", pct="notes", date="long", sub="h3",
         bullet="symbol", related="table", pdf="chromium", fin_gen="formal"),
    dict(slug="staffordshire-0525", council="Staffordshire County Council", short="Staffordshire", la="E10000028",
         kind="formal", pub=date(2025, 5, 16), upd=date(2025, 5, 30), rating="Good", rating_shown="Good",
         scores=S(3, 3, 3, 3, 3, 3, 3, 3, 3), grouping="theme", urls="TA", body="word", heads="h1h2",
         demo="table", fin="boldpara", score="notes", sumscores="pairs", pct="notes", date="long", sub="h4",
         bullet="symbol", related="list", pdf=None, fin_gen="formal"),
    dict(slug="lancashire-0825", council="Lancashire County Council", short="Lancashire", la="E10000017",
         kind="formal", pub=date(2025, 8, 15), upd=date(2025, 8, 15), rating="Requires improvement",
         rating_shown="Requires improvement",
         scores=S(2, 2, 2, 2, 2, 2, 2, 2, 2), grouping="theme", urls="TB", body="word", heads="divh1",
         demo="sentences", fin="sentences", score="table", sumscores="wordtable", pct="notes", date="slash", sub="bold",
         bullet="wingdings", related="cards", pdf="typst", fin_gen="formal"),
    dict(slug="merton-0825", council="London Borough of Merton", short="Merton", la="E09000024",
         kind="formal", pub=date(2025, 8, 29), upd=date(2025, 9, 12), rating="Good", rating_shown="Good",
         scores=S(2, 3, 2, 2, 3, 3, 3, 3, 3), grouping="theme", urls="TB", body="govuk", heads="h1h2",
         demo="summarylist", fin="summarylist", score="tag", sumscores="summarylist", pct="summarylist", date="long",
         sub="h4", bullet="ul", related="cards", pdf=None, fin_gen="formal"),
    dict(slug="Hertfordshire-0524", council="Hertfordshire County Council", short="Hertfordshire", la="E10000015",
         kind="formal", pub=date(2024, 5, 17), upd=date(2024, 6, 4), rating="Good", rating_shown="Good",
         scores=S(3, 3, 3, 3, 4, 3, 3, 3, 3), grouping="all", urls="AA", body="word", heads="h1h2",
         demo="table", fin="boldpara", score="notes", sumscores="wordtable", pct="notes", date="long", sub="h4",
         bullet="symbol", related="list", pdf="chromium", fin_gen="formal"),
    dict(slug="wiltshire-0125", council="Wiltshire Council", short="Wiltshire", la="E06000054",
         kind="formal", pub=date(2025, 1, 17), upd=date(2025, 1, 17), rating="Good", rating_shown="Good",
         scores=S(2, 3, 3, 3, 2, 3, 2, 3, 3), grouping="all", urls="AB", body="word", heads="h1h1",
         demo="dl", fin="dl", score="outof", sumscores="dl", pct="percent_words", date="weekday", sub="h4",
         bullet="dash", related="table", pdf=None, fin_gen="formal", details=True),
    dict(slug="norfolk-0326", council="Norfolk County Council", short="Norfolk", la="E10000020",
         kind="formal", pub=date(2026, 3, 20), upd=date(2026, 4, 2), rating="Good", rating_shown="good",
         scores=S(3, 2, 3, 3, 3, 2, 3, 3, 3), grouping="all", urls="AC", body="govuk", heads="divh1",
         demo="summarylist", fin="summarylist", score="tag", sumscores="summarylist", pct="summarylist", date="time",
         sub="h3", bullet="ul", related="list", pdf=None, fin_gen="new", invented=True),
    dict(slug="hammersmithfulham-0525", council="Hammersmith and Fulham Council", short="Hammersmith and Fulham",
         la="E09000013", kind="formal", pub=date(2025, 5, 23), upd=date(2025, 6, 6), rating="Requires improvement",
         rating_shown="Requires improvement", pct_shown=56,
         scores=S(2, 2, 2, 2, 2, 3, 2, 2, 2), grouping="statement", urls="A", body="word", heads="h1h2",
         demo="table", fin="boldpara", score="notes", sumscores="pairs", pct="notes", date="long", sub="h3",
         bullet="symbol", related="list", pdf=None, fin_gen="formal",
         expect={"not_loaded": "the summary prints an overall score of 56% but the nine printed quality statement "
                                "scores sum to 19 of 36, which is 53%"}),
    dict(slug="gateshead-0325", council="Gateshead Council", short="Gateshead", la="E08000037",
         kind="formal", pub=date(2025, 3, 7), upd=date(2025, 3, 7), rating="Good", rating_shown="Good",
         pct_shown=67, missing_score=6,
         scores=S(2, 2, 2, 3, 3, 3, 3, 3, 3), grouping="statement", urls="B", body="word", heads="h1h2",
         demo="boldpara", fin="table", score="notes", sumscores="pairs", pct="notes", date="short", sub="h3",
         bullet="symbol", related="cards", pdf=None, fin_gen="formal",
         expect={"not_loaded": "quality statement 6 (Safe pathways, systems and transitions) has no score on its page "
                                "or in the summary, so only eight scores are published"}),
    # pilots
    dict(slug="birmingham-cc", council="Birmingham City Council", short="Birmingham", la="E08000025",
         kind="pilot", pub=date(2023, 11, 17), upd=date(2023, 11, 24), start=date(2023, 6, 12),
         rating="Good", rating_shown="Good",
         scores=S(2, 3, 3, 3, 3, 2, 2, 3, 3), grouping="theme", urls="TB", body="word", heads="h1h2",
         demo="boldpara", fin="boldpara", score="pilot", sumscores="pilotpairs", pct=None, date="long", sub="h3",
         bullet="symbol", related="list", pdf=None, fin_gen="pilot"),
    dict(slug="nottingham-city", council="Nottingham City Council", short="Nottingham", la="E06000018",
         kind="pilot", pub=date(2023, 11, 17), upd=date(2023, 11, 17), start=date(2023, 5, 22),
         rating="Requires improvement", rating_shown="Requires improvement",
         scores=S(2, 2, 2, 3, 2, 2, 3, 2, 3), grouping="all", urls="AB", body="word", heads="h1h2",
         demo="table", fin="table", score="pilot", sumscores="pilotpairs", pct=None, date="long", sub="h4",
         bullet="symbol", related="none", pdf="typst", fin_gen="pilot"),
    dict(slug="lincolnshire-cc", council="Lincolnshire County Council", short="Lincolnshire", la="E10000019",
         kind="pilot", pub=date(2023, 11, 17), upd=date(2023, 11, 17), start=date(2023, 7, 3),
         rating="Good", rating_shown="Good", placeholder_scores=True,
         scores=S(3, 3, 2, 3, 3, 3, 3, 3, 3), grouping="statement", urls="B", body="word", heads="h1h2",
         demo="sentences", fin="boldpara", score="pilot", sumscores="pilotpairs", pct=None, date="long", sub="h3",
         bullet="symbol", related="list", pdf=None, fin_gen="pilot"),
]

# Extra councils only named (never linked) in related-content blocks and in "Assessments in progress".
OTHER_RESULTS = [
    ("Kent County Council", "Requires improvement", 56),
    ("Essex County Council", "Good", 72),
    ("Derby City Council", "Requires improvement", 53),
    ("Sefton Council", "Good", 69),
]
IN_PROGRESS = ["Cornwall Council", "Devon County Council", "Isle of Wight Council", "Rutland County Council",
               "Torbay Council"]
