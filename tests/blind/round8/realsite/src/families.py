"""The report families of the realsite corpus. Scores of real councils come from shared/cqc_raw;
Lincolnshire's pilot scores (except statement 9), Norfolk, Hampshire and Sheffield are invented."""
import datetime as dt
import random
from data import (STATEMENTS, EXPECT, COMMIT, make_findings, people_experience, pct_of, band)

D = dt.date

FAMS = [
    # pilots
    dict(slug="birmingham-cc", council="Birmingham City Council", short="Birmingham", la="E08000025", kind="pilot",
         pub=D(2023, 11, 17), upd=D(2024, 1, 9), start=D(2023, 5, 22), scores=[2, 3, 3, 3, 3, 2, 2, 3, 3], rating="Good",
         group="single", style="classic", pdf="docx", pop="1,145,300", dep=(1, 7), old=(13.1, 18.4), eth=(51.4, 19.0), pol="Labour"),
    dict(slug="nottingham-city", council="Nottingham City Council", short="Nottingham", la="E06000018", kind="pilot",
         pub=D(2023, 11, 17), upd=D(2023, 11, 17), start=D(2023, 6, 5), scores=[2, 2, 2, 3, 2, 2, 3, 2, 3],
         rating="Requires improvement", group="theme", style="table", pdf=None, pop="323,700", dep=(1, 11), old=(11.6, 18.4), eth=(42.7, 19.0), pol="Labour"),
    dict(slug="lincolnshire-cc", council="Lincolnshire County Council", short="Lincolnshire", la="E10000019", kind="pilot",
         pub=D(2023, 11, 17), upd=D(2023, 12, 1), start=D(2023, 6, 12), scores=[3, 3, 3, 2, 3, 3, 3, 3, 3], rating="Good",
         group="statement", style="govuk", pdf=None, pop="768,400", dep=(6, 96), old=(24.6, 18.4), eth=(5.9, 19.0), pol="Conservative"),
    # formal
    dict(slug="camden-0225", council="London Borough of Camden", short="Camden", la="E09000007", kind="formal",
         pub=D(2025, 2, 7), upd=D(2025, 2, 14), scores=[3, 3, 4, 3, 4, 4, 3, 4, 4], group="statement", style="classic",
         summary="-summary", pdf="chromium", pop="218,000", dep=(4, 61), old=(11.9, 18.4), eth=(40.5, 19.0), pol="Labour",
         fin=("£172.3m", "31.2%", "£4.1m more than", "2,310", "640")),
    dict(slug="stokeontrent-0625", council="Stoke-on-Trent City Council", short="Stoke-on-Trent", la="E06000021", kind="formal",
         pub=D(2025, 6, 13), upd=D(2025, 6, 20), scores=[2, 2, 2, 3, 3, 2, 3, 3, 3], group="statement", style="classic",
         summary="-summary", pdf="docx", pop="258,400", dep=(1, 14), old=(17.6, 18.4), eth=(17.1, 19.0), pol="Labour",
         fin=("£118.6m", "38.4%", "£2.9m more than", "3,420", "910")),
    dict(slug="staffordshire-0525", council="Staffordshire County Council", short="Staffordshire", la="E10000028", kind="formal",
         pub=D(2025, 5, 16), upd=D(2025, 5, 16), scores=[3] * 9, group="statement", style="govuk",
         summary="/overall-summary", pdf="weasyprint", pop="884,000", dep=(7, 112), old=(22.1, 18.4), eth=(6.4, 19.0), pol="Reform UK",
         fin=("£362.0m", "43.7%", "£1.2m less than", "7,950", "2,140")),
    dict(slug="derbyshirecc-0824", council="Derbyshire County Council", short="Derbyshire", la="E10000007", kind="formal",
         pub=D(2024, 8, 9), upd=D(2024, 8, 9), upd_summary=D(2024, 10, 3), scores=[2, 3, 2, 3, 3, 3, 2, 3, 3], group="statement",
         style="table", summary="-summary", pdf=None, pop="802,700", dep=(6, 88), old=(22.4, 18.4), eth=(4.1, 19.0), pol="Conservative",
         fin=("£341.8m", "41.6%", "£6.0m more than", "8,210", "1,930")),
    dict(slug="leicestercity-0725", council="Leicester City Council", short="Leicester", la="E06000016", kind="formal",
         pub=D(2025, 7, 11), upd=D(2025, 7, 18), scores=[2, 2, 2, 2, 3, 2, 2, 2, 3], group="statement", style="govuk",
         summary="-overall-summary", pdf="docx", pop="373,400", dep=(2, 32), old=(11.8, 18.4), eth=(59.1, 19.0), pol="Labour",
         fin=("£172.5m", "22.89%", "£15.3m less than", "4,870", "1,120")),
    dict(slug="blackpool-0825", council="Blackpool Council", short="Blackpool", la="E06000009", kind="formal",
         pub=D(2025, 8, 22), upd=D(2025, 9, 4), scores=[1, 1, 1, 2, 2, 2, 1, 1, 1], group="statement", style="cards",
         summary="-summary", pdf=None, pop="141,100", dep=(1, 1), old=(21.5, 18.4), eth=(4.9, 19.0), pol="Labour",
         fin=("£92.4m", "46.1%", "£3.8m more than", "2,650", "720")),
    dict(slug="durham-0824", council="Durham County Council", short="County Durham", la="E06000047", kind="formal",
         pub=D(2024, 8, 2), upd=D(2024, 8, 2), scores=[2, 3, 2, 3, 3, 3, 2, 3, 3], group="statement", style="table",
         summary="-summary", pdf=None, pop="527,500", dep=(3, 38), old=(21.9, 18.4), eth=(3.2, 19.0), pol="Reform UK",
         fin=("£229.7m", "40.3%", "£0.6m less than", "6,380", "1,470")),
    dict(slug="WBerkshire-0524", council="West Berkshire Council", short="West Berkshire", la="E06000037", kind="formal",
         pub=D(2024, 5, 31), upd=D(2024, 6, 7), scores=[3, 2, 2, 2, 2, 3, 3, 3, 3], group="statement", style="classic",
         summary="-summary", pdf=None, editor_quirks=True, pop="162,300", dep=(10, 149), old=(20.3, 18.4), eth=(9.6, 19.0), pol="Liberal Democrat",
         fin=("£62.1m", "39.8%", "£1.9m more than", "1,540", "380")),
    dict(slug="kent-0525", council="Kent County Council", short="Kent", la="E10000016", kind="formal",
         pub=D(2025, 5, 30), upd=D(2025, 6, 12), scores=[2, 2, 3, 2, 2, 2, 2, 2, 3], group="theme", style="accordion",
         theme_path="-theme{t}", summary="-summary", pdf="chromium", pop="1,590,100", dep=(6, 95), old=(20.7, 18.4), eth=(12.9, 19.0),
         pol="Reform UK", fin=("£618.9m", "44.2%", "£21.4m more than", "16,900", "3,610")),
    dict(slug="warrington-0525", council="Warrington Borough Council", short="Warrington", la="E06000007", kind="formal",
         pub=D(2025, 5, 23), upd=D(2025, 5, 23), scores=[2, 3, 2, 2, 3, 2, 1, 2, 2], group="single", style="table",
         single="-quality-statements", summary="-summary", pdf=None, pop="211,200", dep=(7, 105), old=(19.4, 18.4), eth=(6.8, 19.0),
         pol="Labour", fin=("£86.7m", "36.5%", "£2.2m more than", "2,120", "560"), numdate=True),
    dict(slug="kensingtonchelsea-0725", council="Royal Borough of Kensington and Chelsea", short="Kensington and Chelsea", la="E09000020",
         kind="formal", pub=D(2025, 7, 25), upd=D(2025, 8, 1), scores=[3, 4, 4, 3, 4, 3, 4, 4, 3], group="single", style="accordion",
         single="/quality-statements", summary="/overall-summary", pdf="docx", pdf_cols=2, pop="143,400", dep=(5, 72), old=(17.2, 18.4),
         eth=(34.6, 19.0), pol="Conservative", fin=("£88.2m", "29.7%", "£0.4m less than", "1,760", "450")),
    dict(slug="lancashire-0825", council="Lancashire County Council", short="Lancashire", la="E10000017", kind="formal",
         pub=D(2025, 8, 15), upd=D(2025, 8, 15), scores=[2] * 9, group="theme", style="govuk",
         theme_path="-theme{t}-{tslug}", summary="-summary", pdf=None, pop="1,235,400", dep=(4, 57), old=(20.8, 18.4),
         eth=(11.3, 19.0), pol="Reform UK", fin=("about £496m", "about 45%", "about £19m more than", "about 23,000", "over 5,500")),
    dict(slug="norfolk-0326", council="Norfolk County Council", short="Norfolk", la="E10000020", kind="formal",
         pub=D(2026, 3, 20), upd=D(2026, 4, 2), scores=[3, 2, 3, 3, 3, 2, 3, 3, 3], group="theme", style="cards",
         theme_path="/theme/{t}-{tslug}", summary="/summary", pdf="chromium", pop="925,300", dep=(6, 91), old=(25.3, 18.4),
         eth=(5.8, 19.0), pol="Reform UK", newfin=True),
    # not loaded
    dict(slug="hampshire-1125", council="Hampshire County Council", short="Hampshire", la="E10000014", kind="formal",
         pub=D(2025, 11, 14), upd=D(2025, 11, 14), scores=[2, 3, 2, 3, 3, 3, 2, 3, 3], printed_pct=72, rating="Good",
         group="statement", style="govuk", summary="-summary", pdf=None, pop="1,410,300", dep=(9, 139), old=(22.6, 18.4),
         eth=(8.7, 19.0), pol="Conservative", fin=("£561.0m", "47.9%", "£12.6m more than", "13,400", "2,980"),
         expect={"not_loaded": "The summary prints an overall score of 72%, but its nine statement scores add up to 24 of 36, which is 67%."}),
    dict(slug="sheffield-0226", council="Sheffield City Council", short="Sheffield", la="E08000039", kind="formal",
         pub=D(2026, 2, 13), upd=D(2026, 2, 13), scores=[2, 2, 2, 3, 3, 2, None, 2, 3], printed_pct=58,
         rating="Requires improvement", group="single", style="classic", single="-quality-statements", summary="-summary",
         pdf=None, pop="556,500", dep=(3, 40), old=(16.1, 18.4), eth=(24.3, 19.0), pol="No overall control", newfin=True,
         expect={"not_loaded": "Safeguarding (quality statement 7) has no published score, so only eight of the nine scores are printed and the overall 58% cannot be checked."}),
]

THEME_SLUG = {1: "working-with-people", 2: "providing-support", 3: "ensuring-safety", 4: "leadership"}


def month_pub(d):
    return d.strftime("%B %Y")


def build():
    for f in FAMS:
        rng = random.Random(f["slug"])
        f.setdefault("expect", "loads")
        sc = f["scores"]
        if f["kind"] == "formal":
            if "printed_pct" not in f:
                f["pct"] = pct_of(sc)
                f["rating"] = band(f["pct"])
            else:
                f["pct"] = f["printed_pct"]
        else:
            f["pct"] = None
        f["statements"] = {}
        for n in range(1, 10):
            s = sc[n - 1] if sc[n - 1] is not None else 2
            f["statements"][n] = {
                "what_people_expect": EXPECT[n],
                "commitment": COMMIT[n],
                "key_findings": make_findings(rng, n, s, f["short"], f["kind"] == "pilot"),
            }
        f["people"] = people_experience(rng, f["short"], f["rating"])
        f["demo"] = demographics(f)
        f["finfacts"] = financial(f)
    return FAMS


def labelled(f):
    return f["style"] in ("table", "govuk", "accordion", "cards")


def demographics(f):
    dec, rank = f["dep"]
    old, eng_old = f["old"]
    eth, eng_eth = f["eth"]
    if labelled(f):
        return [
            {"label": "Population", "value": f["pop"]},
            {"label": "Deprivation", "value": f"Decile {dec}, ranked {rank} of 153 local authorities (1 is most deprived)"},
            {"label": "Age profile", "value": f"{old}% of people are aged 65 or over (England: {eng_old}%)"},
            {"label": "Ethnicity", "value": f"{eth}% of people are from Black, Asian, mixed or other ethnic groups (England: {eng_eth}%)"},
            {"label": "Political control", "value": f["pol"]},
        ]
    return [
        {"text": f"The population of {f['short']} is approximately {f['pop']}."},
        {"text": f"{f['short']} is in deprivation decile {dec}, where 1 is the most deprived. It is ranked {rank} out of 153 local authorities."},
        {"text": f"{old}% of the population are aged 65 and over, compared with {eng_old}% in England."},
        {"text": f"{eth}% of the population are from Black, Asian, mixed or other ethnic minority groups, compared with {eng_eth}% in England."},
        {"text": "No party has overall control of the council." if f["pol"] == "No overall control" else f"The council is under {f['pol']} control."},
    ]


def financial(f):
    if f["kind"] == "pilot":
        rng = random.Random(f["slug"] + "fin")
        tot = rng.randint(600, 3200) * 1_000_000 + rng.randint(0, 999) * 1000
        act = tot + rng.randint(-9000, 9000) * 1000 + rng.randint(0, 999)
        asc = int(tot * 0.36) // 1000 * 1000
        asca = asc + rng.randint(1000, 9000) * 1000 + rng.randint(0, 999)
        share = round(asca / act * 100, 1)
        ppl = f"{rng.randint(3, 12) * 1000:,}"
        items = [
            ("Total budget 2022/23 (estimated)", f"£{tot:,}"),
            ("Total budget 2022/23 (actual)", f"£{act:,}"),
            ("Adult social care spend 2022/23 (estimated)", f"£{asc:,}"),
            ("Adult social care spend 2022/23 (actual)", f"£{asca:,}"),
            ("Share of total budget spent on adult social care", f"{share}%"),
            ("Adult social care precept raised in 2022/23", "Yes, by 1%"),
            ("Approximate number of people in long-term support", ppl),
        ]
        if labelled(f):
            return [{"label": a, "value": b} for a, b in items]
        return [{"text": f"The total budget for 2022/23 was estimated at £{tot:,}. The actual spend was £{act:,}."},
                {"text": f"Adult social care spend was estimated at £{asc:,}. The actual spend was £{asca:,}."},
                {"text": f"{share}% of the total budget was spent on adult social care."},
                {"text": "The local authority raised the adult social care precept by 1% in 2022/23."},
                {"text": f"Approximately {ppl} people were receiving long-term support."}]
    if f.get("newfin"):
        rng = random.Random(f["slug"] + "fin")
        net = round(rng.uniform(250, 520), 1)
        items = [
            ("Net current expenditure on adult social care, 2024/25", f"£{net}m"),
            ("Adult social care as a share of the council's net revenue budget", f"{rng.randint(36, 48)}%"),
            ("Gross current expenditure per adult aged 18 and over", f"£{rng.randint(520, 760)}"),
            ("Requests for support received from new clients, 2024/25", f"{rng.randint(18, 34)},{rng.randint(100, 999)}"),
            ("People receiving long-term support at 31 March 2025", f"{rng.randint(7, 14)},{rng.randint(100, 999)}"),
        ]
        if labelled(f):
            out = [{"label": a, "value": b} for a, b in items]
        else:
            v = [b for a, b in items]
            out = [{"text": f"Net current expenditure on adult social care in 2024/25 was {v[0]}."},
                   {"text": f"This was {v[1]} of the council's net revenue budget."},
                   {"text": f"Gross current expenditure per adult aged 18 and over was {v[2]}."},
                   {"text": f"The council received {v[3]} requests for support from new clients in 2024/25."},
                   {"text": f"{v[4]} people were receiving long-term support at 31 March 2025."}]
        out.append({"text": "Figures are taken from the local authority's published Adult Social Care Finance Return and Short and Long Term support data for 2024/25."})
        return out
    spend, share, diff, lt, st = f["fin"]
    if labelled(f):
        return [
            {"label": "Adult social care spend 2023/24", "value": spend},
            {"label": "Share of total budget", "value": share},
            {"label": "Difference from estimated spend", "value": f"{diff} estimated".replace(" than estimated", " than estimated")},
            {"label": "People in long-term support", "value": lt},
            {"label": "People in short-term support", "value": st},
        ]
    return [
        {"text": f"The local authority spent {spend} on adult social care in 2023/24."},
        {"text": f"This was {share} of the local authority's total budget for 2023/24."},
        {"text": f"Adult social care spend was {diff} the local authority estimated."},
        {"text": f"There were {lt} people receiving long-term support during 2023/24."},
        {"text": f"There were {st} people receiving short-term support during 2023/24."},
    ]
