"""Per-family choices: data (real published scores from shared/cqc_raw, invented where noted)
and rendering style."""
import random

def sc(s):
    return {str(i + 1): int(c) for i, c in enumerate(s.split())}

F = [
 # pilots
 dict(slug="birmingham-cc", council="Birmingham City Council", short="Birmingham", la="E08000025", kind="pilot",
      pub="2023-11-17", upd="2023-11-17", rating="Good", scores=sc("2 3 3 3 3 2 2 3 3"), grouping="theme",
      layout="pandoc", score_fmt="pilot", summary_fmt="table_rowspan", demo_fmt="dl", date_fmt="long",
      pdf="lo", start="2023-04-24"),
 dict(slug="nottingham-city", council="Nottingham City Council", short="Nottingham", la="E06000018", kind="pilot",
      pub="2023-11-17", upd="2024-01-09", rating="Requires improvement", scores=sc("2 2 2 3 2 2 3 2 3"), grouping="single",
      layout="quarto", score_fmt="pilot", summary_fmt="pairs", demo_fmt="text", date_fmt="long",
      pdf="chromium", start="2023-05-15"),
 # Lincolnshire: only QS9 = 3 is known; other scores are placeholders (see NOTES.md)
 dict(slug="lincolnshire-cc", council="Lincolnshire County Council", short="Lincolnshire", la="E10000019", kind="pilot",
      pub="2023-11-17", upd=None, rating="Good", scores=sc("3 3 2 3 3 3 3 3 3"), grouping="statement-pilot",
      layout="drupal", score_fmt="pilot", summary_fmt="pairs", demo_fmt="dl", date_fmt="long",
      pdf=None, start="2023-06-05"),
 # formal
 dict(slug="Hertfordshire-0524", council="Hertfordshire County Council", short="Hertfordshire", la="E10000015", kind="formal",
      pub="2024-05-24", upd="2024-05-24", rating="Good", scores=sc("3 3 3 3 4 3 3 3 3"), grouping="statement-sib",
      layout="drupal", score_fmt="notes", summary_fmt="pairs", demo_fmt="dl", date_fmt="long", pdf="lo"),
 dict(slug="WBerkshire-0524", council="West Berkshire Council", short="West Berkshire", la="E06000037", kind="formal",
      pub="2024-05-24", upd="2024-06-03", rating="Good", scores=sc("3 2 2 2 2 3 3 3 3"), grouping="statement-sib",
      layout="pandoc", score_fmt="notes", summary_fmt="pairs", demo_fmt="text", date_fmt="long", pdf=None,
      rating_case="Good"),
 dict(slug="derbyshirecc-0824", council="Derbyshire County Council", short="Derbyshire", la="E10000007", kind="formal",
      pub="2024-08-16", upd="2024-08-16", rating="Good", scores=sc("2 3 2 3 3 3 2 3 3"), grouping="theme",
      layout="quarto", score_fmt="callout", summary_fmt="table_rowspan", demo_fmt="table", date_fmt="long", pdf=None,
      pct_style="percent"),
 dict(slug="camden-0225", council="London Borough of Camden", short="Camden", la="E09000007", kind="formal",
      pub="2025-02-14", upd="2025-03-04", rating="Outstanding", scores=sc("3 3 4 3 4 4 3 4 4"), grouping="statement-nested",
      layout="quarto", score_fmt="summarylist", summary_fmt="cards", demo_fmt="dl", date_fmt="short", pdf="chromium",
      intro_para=(1, 7)),
 dict(slug="staffordshire-0525", council="Staffordshire County Council", short="Staffordshire", la="E10000028", kind="formal",
      pub="2025-05-09", upd="2025-05-09", rating="Good", scores=sc("3 3 3 3 3 3 3 3 3"), grouping="statement-sib",
      layout="drupal", score_fmt="notes", summary_fmt="pairs", demo_fmt="text", date_fmt="long", pdf=None),
 dict(slug="kent-0525", council="Kent County Council", short="Kent", la="E10000016", kind="formal",
      pub="2025-05-30", upd="2025-06-11", rating="Requires improvement", scores=sc("2 2 3 2 2 2 2 2 3"), grouping="single",
      layout="quarto", score_fmt="badge", summary_fmt="table_rowspan", demo_fmt="dl", date_fmt="long", pdf=None,
      rating_case="Requires Improvement", details=True),
 dict(slug="warrington-0525", council="Warrington Borough Council", short="Warrington", la="E06000007", kind="formal",
      pub="2025-05-16", upd="2025-05-16", rating="Requires improvement", scores=sc("2 3 2 2 3 2 1 2 2"), grouping="theme",
      layout="pandoc", score_fmt="table", summary_fmt="dl", demo_fmt="text", date_fmt="numeric", pdf=None, pct_style="int"),
 dict(slug="stokeontrent-0625", council="Stoke-on-Trent City Council", short="Stoke-on-Trent", la="E06000021", kind="formal",
      pub="2025-06-13", upd="2025-06-20", rating="Good", scores=sc("2 2 2 3 3 2 3 3 3"), grouping="statement-sib",
      layout="drupal", score_fmt="notes", summary_fmt="pairs", demo_fmt="dl", date_fmt="long", pdf=None),
 dict(slug="leicestercity-0725", council="Leicester City Council", short="Leicester", la="E06000016", kind="formal",
      pub="2025-07-11", upd="2025-07-11", rating="Requires improvement", scores=sc("2 2 2 2 3 2 2 2 3"), grouping="single",
      layout="quarto", score_fmt="callout", summary_fmt="table_rowspan", demo_fmt="table", date_fmt="long", pdf="chromium",
      intro_para=(4,)),
 dict(slug="blackpool-0825", council="Blackpool Council", short="Blackpool", la="E06000009", kind="formal",
      pub="2025-08-08", upd="2025-08-22", rating="Inadequate", scores=sc("1 1 1 2 2 2 1 1 1"), grouping="statement-nested",
      layout="pandoc", score_fmt="summarylist", summary_fmt="dl", demo_fmt="dl", date_fmt="long", pdf="lo"),
 dict(slug="lancashire-0825", council="Lancashire County Council", short="Lancashire", la="E10000017", kind="formal",
      pub="2025-08-15", upd="2025-08-15", rating="Requires improvement", scores=sc("2 2 2 2 2 2 2 2 2"), grouping="theme",
      layout="quarto", score_fmt="badge", summary_fmt="cards", demo_fmt="text", date_fmt="long", pdf="lo", pct_style="percent"),
 dict(slug="southendonsea-0825", council="Southend-on-Sea City Council", short="Southend-on-Sea", la="E06000033", kind="formal",
      pub="2025-08-22", upd="2025-08-22", rating="Good", scores=sc("3 3 3 2 3 2 3 3 3"), grouping="statement-sib",
      layout="drupal", score_fmt="notes", summary_fmt="pairs", demo_fmt="table", date_fmt="long", pdf=None),
 dict(slug="wokingham-0825", council="Wokingham Borough Council", short="Wokingham", la="E06000041", kind="formal",
      pub="2025-08-29", upd="2025-09-10", rating="Good", scores=sc("3 3 3 3 4 3 3 3 4"), grouping="single",
      layout="pandoc", score_fmt="table", summary_fmt="table_rowspan", demo_fmt="dl", date_fmt="numeric", pdf=None,
      details=True),
 dict(slug="eastsussex-1025", council="East Sussex County Council", short="East Sussex", la="E10000011", kind="formal",
      pub="2025-10-03", upd="2025-10-03", rating="Good", scores=sc("2 3 3 2 3 2 3 3 3"), grouping="theme",
      layout="drupal", score_fmt="callout", summary_fmt="pairs", demo_fmt="dl", date_fmt="long", pdf=None, pct_style="int"),
 # invented results below (real councils; figures invented, arithmetic checked or deliberately broken)
 dict(slug="rutland-1125", council="Rutland County Council", short="Rutland", la="E06000017", kind="formal",
      pub="2025-11-21", upd="2025-11-21", rating="Good", scores=sc("3 2 3 3 3 2 3 3 3"), grouping="statement-sib",
      layout="quarto", score_fmt="notes", summary_fmt="pairs", demo_fmt="text", date_fmt="long", pdf=None,
      printed_pct=78, not_loaded="The published overall score (78%) contradicts the nine statement scores, which sum to 25 of 36 (69%)."),
 dict(slug="isleofwight-0126", council="Isle of Wight Council", short="Isle of Wight", la="E06000046", kind="formal",
      pub="2026-01-23", upd="2026-02-02", rating="Requires improvement", scores=sc("2 2 3 2 3 0 2 2 3"), grouping="single",
      layout="pandoc", score_fmt="notes", summary_fmt="table_rowspan", demo_fmt="dl", date_fmt="long", pdf=None,
      printed_pct=58, fin="new", missing=6,
      not_loaded="Quality statement 6 (Safe pathways, systems and transitions) has no published score, so the overall score cannot be checked."),
 dict(slug="york-0326", council="City of York Council", short="York", la="E06000014", kind="formal",
      pub="2026-03-13", upd="2026-03-27", rating="Good", scores=sc("3 3 2 3 3 3 3 3 3"), grouping="theme",
      layout="quarto", score_fmt="summarylist", summary_fmt="table_rowspan", demo_fmt="table", date_fmt="long",
      pdf="chromium", fin="new"),
]


def demographics(f):
    rng = random.Random(f["slug"] + "demo")
    pop = rng.randint(36, 1200) * 1000 + rng.randint(0, 9) * 100
    dec = rng.randint(1, 10)
    rank = min(153, max(1, dec * 15 - rng.randint(0, 14)))
    o65 = round(rng.uniform(11, 26), 1)
    eth = round(rng.uniform(2, 45), 1)
    ctrl = rng.choice(["Labour", "Conservative", "Liberal Democrat", "No overall control"])
    if f["demo_fmt"] in ("dl", "table"):
        return [
            {"label": "Population", "value": f"{pop:,}"},
            {"label": "Deprivation decile", "value": f"{dec} (1 = most deprived)"},
            {"label": "Deprivation rank", "value": f"{rank} of 153"},
            {"label": "People aged 65 and over", "value": f"{o65}% (England 18.6%)"},
            {"label": "People from ethnic minority groups", "value": f"{eth}% (England 19.0%)"},
            {"label": "Political control", "value": ctrl},
        ]
    return [
        {"text": f"{f['short']} has a population of about {pop:,} people."},
        {"text": f"It is in deprivation decile {dec}, ranked {rank} out of 153 local authorities, where 1 is the most deprived."},
        {"text": f"{o65}% of residents are aged 65 or over, compared with 18.6% in England."},
        {"text": f"{eth}% of residents are from ethnic minority groups, compared with 19.0% in England."},
        {"text": f"The council is under {ctrl} control." if ctrl != "No overall control" else "No party has overall control of the council."},
    ]


def financial(f):
    rng = random.Random(f["slug"] + "fin")
    labelled = f["demo_fmt"] in ("dl", "table")
    if f["kind"] == "pilot":
        tb = rng.randint(400, 3200) * 1_000_000 + rng.randint(0, 999_999)
        ta = tb + rng.randint(-20_000_000, 25_000_000)
        ab = int(tb * rng.uniform(0.25, 0.4))
        aa = ab + rng.randint(-5_000_000, 9_000_000)
        share = round(aa / ta * 100, 2)
        lt = rng.randint(3, 18) * 500
        rows = [
            ("The total budget for 2022/23", f"Estimated £{tb:,}; actual £{ta:,}"),
            ("Adult social care spend for 2022/23", f"Estimated £{ab:,}; actual £{aa:,}"),
            ("Proportion of the budget spent on adult social care", f"{share}%"),
            ("Adult social care precept", rng.choice(["Raised in 2022/23", "Not raised in 2022/23"])),
            ("People in long-term support", f"Approximately {lt:,}"),
        ]
        if labelled:
            return [{"label": a, "value": b} for a, b in rows]
        return [{"text": f"{a}: {b}."} for a, b in rows]
    if f.get("fin") == "new":
        ex = round(rng.uniform(60, 480), 1)
        per = rng.randint(480, 820)
        req = rng.randint(4, 30) * 500
        ltc = rng.randint(2, 14) * 500
        car = rng.randint(600, 4000)
        rows = [
            ("Gross current expenditure on adult social care, 2024/25", f"£{ex}m"),
            ("Spend per adult aged 18 and over", f"£{per}"),
            ("Requests for support from new clients, 2024/25", f"{req:,}"),
            ("People receiving long-term support during the year", f"{ltc:,}"),
            ("Carers receiving direct support", f"{car:,}"),
        ]
        return [{"label": a, "value": b} for a, b in rows]
    spend = round(rng.uniform(60, 520), 1)
    share = round(rng.uniform(20, 46), 2)
    diff = round(rng.uniform(0.5, 18), 1)
    over = rng.random() < 0.5
    lt = rng.randint(3, 24) * 500
    st = rng.randint(4, 30) * 100
    if labelled:
        return [
            {"label": "Adult social care spend 2023/24", "value": f"£{spend}m"},
            {"label": "Share of total budget", "value": f"{share}%"},
            {"label": "Difference from estimate", "value": f"£{diff}m {'over' if over else 'under'} estimate"},
            {"label": "People in long-term support", "value": f"{lt:,}"},
            {"label": "People in short-term support", "value": f"{st:,}"},
        ]
    return [
        {"text": f"The local authority spent £{spend}m on adult social care in 2023/24. This was {share}% of its total budget."},
        {"text": f"This was £{diff}m {'more' if over else 'less'} than the estimated spend for the year."},
        {"text": f"Approximately {lt:,} people were accessing long-term support."},
        {"text": f"Approximately {st:,} people were accessing short-term support."},
    ]
