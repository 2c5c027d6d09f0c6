"""The report families of the blind site and all the data their pages and keys are made from."""
import csv
import datetime as dt
import random

from content import (STATEMENT_NAMES, STATEMENT_THEME, THEMES, EXPECT, COMMITMENT, PEOPLE_GOOD,
                     PEOPLE_BAD, STRENGTHS, DEVELOPMENT, make_findings)

ONS = "/work/shared/ons/councils_with_social_care.csv"
LA_CODES = {r["name"]: r["la_code"] for r in csv.DictReader(open(ONS))}

D = dt.date


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
    return (s * 200 + 36) // 72  # round(s / 36 * 100), halves up


# One row per family.  scores: CQC order 1..9 (real published results from cqc_raw for the real
# ones; pilots from pilot_results.csv; Lincolnshire 1-8 and the 2025-12..2026 families invented).
# tpl: template generation; grp: page grouping; url: URL shape; pdf: engine.
FAMILIES = [
    # ---- 2023 pilots -------------------------------------------------------------------------
    dict(slug="birmingham-cc", council="Birmingham City Council", ons="Birmingham", place="Birmingham",
         kind="pilot", published=D(2023, 11, 17), start=D(2023, 6, 5), scores=[2, 3, 3, 3, 3, 2, 2, 3, 3],
         tpl="pilot", grp="statement", url="pilot_segments", pdf="weasyprint",
         pop="1,157,600", decile=1, rank=7, over65=(13.1, 18.4), ethnic=(51.4, 19.0), control="Labour",
         updated={"*": D(2023, 11, 17), "summary": D(2023, 12, 4)},
         knobs=dict(summary_scores="table_rowspan", about="ul_colon", date="long")),
    dict(slug="nottingham-city", council="Nottingham City Council", ons="Nottingham", place="Nottingham",
         kind="pilot", published=D(2023, 11, 17), start=D(2023, 6, 19), scores=[2, 2, 2, 3, 2, 2, 3, 2, 3],
         tpl="pilot", grp="theme", url="pilot_segments", pdf="libreoffice",
         pop="328,500", decile=1, rank=11, over65=(11.2, 18.4), ethnic=(42.7, 19.0), control="Labour",
         updated={"*": D(2023, 11, 17)},
         knobs=dict(summary_scores="pairs_indicative", about="ul_sentence", date="long")),
    dict(slug="lincolnshire-cc", council="Lincolnshire County Council", ons="Lincolnshire", place="Lincolnshire",
         kind="pilot", published=D(2023, 11, 17), start=D(2023, 7, 3), scores=[3, 3, 2, 3, 3, 3, 3, 3, 3],
         tpl="pilot", grp="statement", url="pilot_segments", pdf="chromium",
         pop="775,000", decile=6, rank=88, over65=(24.3, 18.4), ethnic=(6.2, 19.0), control="Conservative",
         updated={"*": D(2023, 11, 17), "s9": D(2024, 1, 9)},
         knobs=dict(summary_scores="none", about="dl", date="long")),
    # ---- 2024 classic template ----------------------------------------------------------------
    dict(slug="WBerkshire-0524", council="West Berkshire Council", ons="West Berkshire", place="West Berkshire",
         kind="formal", published=D(2024, 5, 21), scores=[3, 2, 2, 2, 2, 3, 3, 3, 3],
         tpl="classic", grp="statement", url="suffix", pdf="chromium",
         pop="161,600", decile=10, rank=148, over65=(20.1, 18.4), ethnic=(8.9, 19.0), control="Liberal Democrat",
         updated={"*": D(2024, 5, 21)},
         knobs=dict(summary_scores="pairs", about="ul_colon", date="long", fin="formal_sentence")),
    dict(slug="Hertfordshire-0524", council="Hertfordshire County Council", ons="Hertfordshire", place="Hertfordshire",
         kind="formal", published=D(2024, 5, 21), scores=[3, 3, 3, 3, 4, 3, 3, 3, 3],
         tpl="classic", grp="statement", url="suffix", pdf="libreoffice",
         pop="1,198,800", decile=10, rank=146, over65=(18.0, 18.4), ethnic=(19.3, 19.0), control="Conservative",
         updated={"*": D(2024, 5, 21), "about": D(2024, 6, 3)},
         knobs=dict(summary_scores="pairs", about="ul_colon", date="long", fin="formal_labels")),
    dict(slug="derbyshirecc-0824", council="Derbyshire County Council", ons="Derbyshire", place="Derbyshire",
         kind="formal", published=D(2024, 8, 16), scores=[2, 3, 2, 3, 3, 3, 2, 3, 3],
         tpl="classic", grp="statement", url="suffix", pdf="weasyprint",
         pop="794,600", decile=6, rank=85, over65=(21.6, 18.4), ethnic=(4.1, 19.0), control="Conservative",
         updated={"*": D(2024, 8, 16)},
         knobs=dict(summary_scores="table_rowspan", about="dl", date="long", fin="formal_labels")),
    dict(slug="durham-0824", council="Durham County Council", ons="County Durham", place="County Durham",
         kind="formal", published=D(2024, 8, 9), scores=[2, 3, 2, 3, 3, 3, 2, 3, 3],
         tpl="classic", grp="statement", url="suffix", pdf="libreoffice", wysiwyg=True,
         pop="522,100", decile=3, rank=39, over65=(21.9, 18.4), ethnic=(3.2, 19.0), control="No overall control",
         updated={"*": D(2024, 8, 9), "s7": D(2024, 9, 2)},
         knobs=dict(summary_scores="ul_inline", about="ul_colon", date="long", fin="formal_sentence",
                    findings="strong_p")),
    dict(slug="westminster-1124", council="Westminster City Council", ons="Westminster", place="Westminster",
         kind="formal", published=D(2024, 11, 22), scores=[3, 3, 3, 3, 3, 3, 3, 3, 3],
         tpl="classic", grp="single", url="suffix", pdf="chromium_summary",
         pop="204,200", decile=5, rank=70, over65=(13.4, 18.4), ethnic=(44.8, 19.0), control="Labour",
         updated={"*": D(2024, 11, 22)},
         knobs=dict(summary_scores="dl", about="dl", date="long", fin="formal_labels", intro=True)),
    # ---- 2025 paragraphs template -------------------------------------------------------------
    dict(slug="camden-0225", council="London Borough of Camden", ons="Camden", place="Camden",
         kind="formal", published=D(2025, 2, 7), scores=[3, 3, 4, 3, 4, 4, 3, 4, 4],
         tpl="para", grp="theme", url="theme_suffix", pdf="weasyprint",
         pop="218,000", decile=4, rank=56, over65=(12.2, 18.4), ethnic=(40.5, 19.0), control="Labour",
         updated={"*": D(2025, 2, 7), "t2": D(2025, 2, 19)},
         knobs=dict(summary_scores="cards", about="dl", date="time_long", fin="formal_labels",
                    container="accordion")),
    dict(slug="kent-0525", council="Kent County Council", ons="Kent", place="Kent",
         kind="formal", published=D(2025, 5, 9), scores=[2, 2, 3, 2, 2, 2, 2, 2, 3],
         tpl="para", grp="theme", url="theme_segments", pdf="libreoffice",
         pop="1,576,100", decile=7, rank=103, over65=(20.7, 18.4), ethnic=(10.6, 19.0), control="Reform UK",
         updated={"*": D(2025, 5, 9)},
         knobs=dict(summary_scores="summary_list", about="ul_colon", date="time_long", fin="formal_labels",
                    container="sections")),
    dict(slug="staffordshire-0525", council="Staffordshire County Council", ons="Staffordshire", place="Staffordshire",
         kind="formal", published=D(2025, 5, 16), scores=[3, 3, 3, 3, 3, 3, 3, 3, 3],
         tpl="para", grp="statement", url="suffix", pdf="chromium",
         pop="876,100", decile=7, rank=99, over65=(22.0, 18.4), ethnic=(6.3, 19.0), control="Reform UK",
         updated={"*": D(2025, 5, 16), "s7": D(2025, 7, 2)},
         knobs=dict(summary_scores="pairs", about="table", date="time_long", fin="formal_labels",
                    expect_details=True)),
    dict(slug="warrington-0525", council="Warrington Borough Council", ons="Warrington", place="Warrington",
         kind="formal", published=D(2025, 5, 23), scores=[2, 3, 2, 2, 3, 2, 1, 2, 2],
         tpl="wysiwyg", grp="statement", url="suffix", pdf="weasyprint",
         pop="210,900", decile=6, rank=92, over65=(19.4, 18.4), ethnic=(7.5, 19.0), control="Labour",
         updated={"*": D(2025, 5, 23)},
         knobs=dict(summary_scores="table_rowspan_band", about="ul_colon", date="dow", fin="formal_sentence")),
    dict(slug="stokeontrent-0625", council="Stoke-on-Trent City Council", ons="Stoke-on-Trent", place="Stoke-on-Trent",
         kind="formal", published=D(2025, 6, 13), scores=[2, 2, 2, 3, 3, 2, 3, 3, 3],
         tpl="para", grp="statement", url="suffix", pdf="weasyprint_2col",
         pop="258,400", decile=1, rank=14, over65=(18.2, 18.4), ethnic=(17.0, 19.0), control="Labour",
         updated={"*": D(2025, 6, 13), "summary": D(2025, 6, 20)},
         knobs=dict(summary_scores="pairs", about="ul_colon", date="time_long", fin="formal_labels")),
    dict(slug="leicestercity-0725", council="Leicester City Council", ons="Leicester", place="Leicester",
         kind="formal", published=D(2025, 7, 11), scores=[2, 2, 2, 2, 3, 2, 2, 2, 3],
         tpl="wysiwyg", grp="statement", url="suffix", pdf="chromium",
         pop="368,600", decile=2, rank=25, over65=(11.9, 18.4), ethnic=(59.1, 19.0), control="Labour",
         updated={"*": D(2025, 7, 11), "s1": D(2025, 7, 24), "s4": D(2025, 7, 24)},
         fin_override=[{"text": "The local authority spent £172.5m on adult social care in 2023/24. This was 22.89% of its total budget for that year."},
                       {"text": "This was £15.3m less than the local authority had estimated it would spend."},
                       {"text": "Approximately 4,870 people were getting long-term adult social care support, and approximately 1,240 people were getting short-term support, in 2023/24."}],
         knobs=dict(summary_scores="table_simple", about="ul_sentence", date="short", fin="formal_sentence")),
    dict(slug="lancashire-0825", council="Lancashire County Council", ons="Lancashire", place="Lancashire",
         kind="formal", published=D(2025, 8, 1), scores=[2, 2, 2, 2, 2, 2, 2, 2, 2],
         tpl="para", grp="single", url="single_suffix", pdf="libreoffice",
         pop="1,235,400", decile=4, rank=60, over65=(20.9, 18.4), ethnic=(11.8, 19.0), control="Reform UK",
         updated={"*": D(2025, 8, 1)},
         fin_override=[{"text": "The local authority spent about £496m on adult social care in 2023/24, about 45% of its net budget."},
                       {"text": "About 23,000 people were in long-term support and over 5,500 people were in short-term support in 2023/24."},
                       {"label": "Difference from estimated spend", "value": "£11.2m more than estimated"}],
         knobs=dict(summary_scores="cards", about="ul_colon", date="time_long", fin="formal_sentence",
                    container="accordion")),
    dict(slug="southendonsea-0825", council="Southend-on-Sea City Council", ons="Southend-on-Sea", place="Southend-on-Sea",
         kind="formal", published=D(2025, 8, 22), scores=[3, 3, 3, 2, 3, 2, 3, 3, 3],
         tpl="redesign", grp="statement", url="suffix", pdf="libreoffice",
         pop="180,700", decile=4, rank=63, over65=(19.8, 18.4), ethnic=(16.2, 19.0), control="No overall control",
         updated={"*": D(2025, 8, 22)},
         knobs=dict(summary_scores="govuk_table", about="summary_list", date="long", fin="formal_labels",
                    score="out_of_4")),
    dict(slug="blackpool-0825", council="Blackpool Council", ons="Blackpool", place="Blackpool",
         kind="formal", published=D(2025, 8, 29), scores=[1, 1, 1, 2, 2, 2, 1, 1, 1],
         tpl="para", grp="statement", url="suffix", pdf="weasyprint",
         pop="141,100", decile=1, rank=1, over65=(21.2, 18.4), ethnic=(4.4, 19.0), control="Labour",
         updated={"*": D(2025, 8, 29), "summary": D(2025, 9, 5)},
         knobs=dict(summary_scores="summary_list", about="table", date="time_long", fin="formal_labels")),
    # ---- late 2025 / 2026 redesign (invented results) -----------------------------------------
    dict(slug="somerset-1225", council="Somerset Council", ons="Somerset", place="Somerset",
         kind="formal", published=D(2025, 12, 12), scores=[2, 3, 3, 2, 3, 3, 2, 3, 3], printed_pct=69,
         expect={"not_loaded": "The summary prints 69% but the nine published scores sum to 24 of 36, which is 67%: the figures contradict CQC's arithmetic."},
         tpl="redesign", grp="statement", url="segments_theme", pdf="chromium",
         pop="571,600", decile=6, rank=95, over65=(25.6, 18.4), ethnic=(3.9, 19.0), control="Liberal Democrat",
         updated={"*": D(2025, 12, 12)},
         knobs=dict(summary_scores="govuk_table", about="summary_list", date="long", fin="formal_labels",
                    score="slash")),
    dict(slug="hull-0126", council="Hull City Council", ons="Kingston upon Hull, City of", place="Hull",
         kind="formal", published=D(2026, 1, 23), scores=[2, 2, 2, 3, 3, 2, None, 3, 2], printed_pct=58,
         fill7=2,
         expect={"not_loaded": "Safeguarding (quality statement 7) has no score on any page, so the nine scores cannot be checked against the published 58%."},
         tpl="redesign", grp="single", url="single_segments", pdf=None,
         pop="267,000", decile=1, rank=4, over65=(15.1, 18.4), ethnic=(10.3, 19.0), control="Liberal Democrat",
         updated={"*": D(2026, 1, 23)},
         knobs=dict(summary_scores="summary_list", about="summary_list", date="long", fin="new",
                    score="tag")),
    dict(slug="sheffield-0226", council="Sheffield City Council", ons="Sheffield", place="Sheffield",
         kind="formal", published=D(2026, 2, 13), scores=[2, 3, 2, 2, 3, 3, 2, 3, 3],
         tpl="redesign", grp="single", url="single_segments2", pdf="libreoffice",
         pop="556,500", decile=3, rank=35, over65=(16.4, 18.4), ethnic=(21.3, 19.0), control="Labour",
         updated={"*": D(2026, 2, 13), "statements": D(2026, 3, 2)},
         knobs=dict(summary_scores="govuk_table", about="summary_list", date="long", fin="new",
                    score="out_of_4", pct="per_cent", container="details")),
    dict(slug="norfolk-0426", council="Norfolk County Council", ons="Norfolk", place="Norfolk",
         kind="formal", published=D(2026, 4, 17), scores=[3, 3, 3, 2, 3, 3, 3, 3, 4],
         tpl="redesign", grp="theme", url="theme_named", pdf="weasyprint",
         pop="916,100", decile=6, rank=90, over65=(25.1, 18.4), ethnic=(5.4, 19.0), control="Reform UK",
         updated={"*": D(2026, 4, 17)},
         knobs=dict(summary_scores="tags", about="summary_list", date="long", fin="new",
                    score="tag", container="sections")),
]

IN_PROGRESS = ["Cornwall Council", "Devon County Council", "Sandwell Metropolitan Borough Council",
               "Royal Borough of Greenwich", "Suffolk County Council", "North Yorkshire Council",
               "Plymouth City Council"]

# Councils from the real published results (cqc_raw) used in related-content blocks as plain text
# (not families of this site): name, rating, pct.
OTHERS = [("Wokingham Borough Council", "Good", 81), ("Cheshire East Council", "Good", 75),
          ("Hartlepool Borough Council", "Good", 69), ("Gateshead Borough Council", "Good", 67),
          ("Medway Council", "Requires improvement", 58), ("Derby City Council", "Requires improvement", 53),
          ("Gloucestershire County Council", "Requires improvement", 50), ("Royal Borough of Kensington and Chelsea", "Outstanding", 89)]


def fmt_money_exact(x):
    return f"£{x:,}"


def demographics(f, rng, style):
    p = f["place"]
    o65, e65 = f["over65"]
    eth, eeth = f["ethnic"]
    if style == "ul_sentence":
        return [
            {"text": f"The population of {p} is {f['pop']}."},
            {"text": f"{p} is in decile {f['decile']} for deprivation, where 1 is the most deprived, and is ranked {f['rank']} of 153 local authorities."},
            {"text": f"{o65}% of people are aged 65 and over, compared with {e65}% in England."},
            {"text": f"{eth}% of people are from an ethnic minority group, compared with {eeth}% in England."},
            {"text": f"The council is under {f['control']} political control." if f['control'] != "No overall control"
             else "No party has overall control of the council."},
        ]
    items = [
        {"label": "Population", "value": f["pop"]},
        {"label": "Deprivation", "value": f"Decile {f['decile']} (1 is most deprived), ranked {f['rank']} of 153"},
    ]
    if style in ("ul_colon",):
        items.append({"text": f"{o65}% of the population is aged 65 and over (England: {e65}%)."})
        items.append({"text": f"{eth}% of the population is from an ethnic minority group (England: {eeth}%)."})
    else:
        items.append({"label": "Aged 65 and over", "value": f"{o65}% (England {e65}%)"})
        items.append({"label": "Ethnic minority groups", "value": f"{eth}% (England {eeth}%)"})
    items.append({"label": "Political control", "value": f["control"]})
    return items


def financial(f, rng, style):
    if f.get("fin_override"):
        return f["fin_override"]
    popn = int(f["pop"].replace(",", ""))
    if f["kind"] == "pilot":
        asc_e = int(popn * rng.uniform(420, 560)) // 1000 * 1000
        tot_e = int(asc_e / rng.uniform(0.3, 0.42)) // 1000 * 1000
        tot_a = tot_e + rng.randrange(-20, 30) * 1_000_000 + rng.randrange(0, 999) * 1000
        asc_a = asc_e + rng.randrange(-6, 12) * 1_000_000 + rng.randrange(0, 999) * 1000
        share = round(asc_a / tot_a * 100, 2)
        people = f"{int(popn * rng.uniform(0.011, 0.02)) // 10 * 10:,}"
        return [
            {"text": f"The local authority estimated that its total budget for 2022/23 would be {fmt_money_exact(tot_e)}. Its actual total budget was {fmt_money_exact(tot_a)}."},
            {"text": f"It estimated that it would spend {fmt_money_exact(asc_e)} on adult social care in 2022/23. Its actual spend was {fmt_money_exact(asc_a)}."},
            {"text": f"Adult social care accounted for {share}% of the local authority's budget in 2022/23."},
            {"text": "The local authority raised the adult social care precept in 2022/23, with a value of 1%."},
            {"text": f"Approximately {people} people were accessing long-term adult social care support in 2022/23."},
        ]
    if style == "new":
        gross = int(popn * rng.uniform(520, 700)) // 1000 * 1000
        return [
            {"label": "Gross current expenditure on adult social care, 2024/25", "value": fmt_money_exact(gross)},
            {"label": "Net expenditure per adult aged 18 and over, 2024/25", "value": f"£{rng.randrange(420, 690)}"},
            {"label": "Adult social care share of net revenue budget", "value": f"{round(rng.uniform(30, 46), 1)}%"},
            {"label": "Adult social care precept, 2025/26", "value": "2%"},
            {"label": "Requests for support from new clients, 2024/25", "value": f"{int(popn * rng.uniform(0.03, 0.05)):,}"},
            {"label": "People receiving long-term support at 31 March 2025", "value": f"{int(popn * rng.uniform(0.011, 0.02)):,}"},
            {"text": "Figures are taken from the local authority's Adult Social Care Activity and Finance Report and Short and Long Term support returns for 2024/25."},
        ]
    spend = round(popn * rng.uniform(420, 560) / 1e6, 1)
    share = round(rng.uniform(25, 45), 2)
    diff = round(rng.uniform(0.5, 20), 1)
    over = rng.random() < 0.5
    lt = f"{int(popn * rng.uniform(0.011, 0.02)) // 10 * 10:,}"
    st = f"{int(popn * rng.uniform(0.002, 0.005)):,}"
    if style == "formal_sentence":
        return [
            {"text": f"In 2023/24, the local authority spent £{spend}m on adult social care. This was {share}% of its total budget."},
            {"text": f"This was £{diff}m {'more' if over else 'less'} than it had estimated."},
            {"text": f"Approximately {lt} people were receiving long-term support and {st} people short-term support in 2023/24."},
        ]
    return [
        {"label": "Adult social care spend, 2023/24", "value": f"£{spend}m"},
        {"label": "Share of total budget", "value": f"{share}%"},
        {"label": "Difference from estimate", "value": f"£{diff}m {'over' if over else 'under'} the estimated spend"},
        {"label": "People in long-term support", "value": lt},
        {"label": "People in short-term support", "value": st},
    ]


def build_families():
    out = []
    for f in FAMILIES:
        f = dict(f)
        rng = random.Random(f["slug"])
        f.setdefault("wysiwyg", f["tpl"] == "wysiwyg")
        k = dict(f["knobs"])
        f["knobs"] = k
        f["la_code"] = LA_CODES[f["ons"]]
        f["scores"] = {i + 1: s for i, s in enumerate(f["scores"])}
        full = {n: (s if s is not None else f.get("fill7")) for n, s in f["scores"].items()}
        if f["kind"] == "pilot":
            f["pct"] = None
            f["rating"] = band(pct_of(full))
        else:
            true = pct_of(full)
            f["pct"] = f.get("printed_pct", true)
            f["rating"] = band(f["pct"])
        f.setdefault("expect", "loads")
        f["statements"] = {}
        for n in range(1, 10):
            sc = f["scores"][n] if f["scores"][n] is not None else 2
            f["statements"][n] = {
                "name": STATEMENT_NAMES[n],
                "theme": STATEMENT_THEME[n],
                "what_people_expect": list(EXPECT[n]),
                "commitment": COMMITMENT[n],
                "key_findings": make_findings(rng, n, sc, f["place"], intro=k.get("intro", False) and n in (1, 5, 8)),
            }
        good = f["rating"] in ("Good", "Outstanding")
        f["people_experience"] = [p.format(place=f["place"]) for p in (PEOPLE_GOOD if good else PEOPLE_BAD)]
        f["strengths"] = [p.format(place=f["place"]) for p in STRENGTHS]
        f["development"] = list(DEVELOPMENT)
        f["demographics"] = demographics(f, rng, k["about"] if k["about"] == "ul_sentence" else
                                         ("ul_colon" if k["about"] == "ul_colon" else "labels"))
        fin_style = k.get("fin", "pilot")
        f["financial"] = financial(f, rng, fin_style)
        out.append(f)
    return out


THEME_OF = STATEMENT_THEME
__all__ = ["build_families", "band", "pct_of", "THEMES", "STATEMENT_NAMES", "THEME_OF", "IN_PROGRESS", "OTHERS"]
