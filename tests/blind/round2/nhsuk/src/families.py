"""Report families of the blind 'nhsuk' corpus. Scores, ratings and months of the formal
reports published May 2024 - Oct 2025 are the real published results (shared/cqc_raw);
days of the month, update dates, demographics, financial facts and every 2026 report are
invented placeholders (see NOTES.md)."""

def F(slug, council, short, la_code, kind, published, scores, style, grouping, scheme,
      updated=None, page_updates=None, pct=None, rating=None, pdf=None, expect="loads",
      pop=None, imd=None, pol=None, fin=None, start=None, **kw):
    d = dict(slug=slug, council=council, short=short, la_code=la_code, kind=kind,
             published=published, scores=scores, style=style, grouping=grouping, scheme=scheme,
             updated=updated or published, page_updates=page_updates or {}, printed_pct=pct,
             printed_rating=rating, pdf=pdf, expect=expect, pop=pop, imd=imd, pol=pol,
             fin=fin, start=start)
    d.update(kw)
    return d

FAMILIES = [
    # ---------------- pilots (Nov 2023), previous template ----------------
    F("birmingham-cc", "Birmingham City Council", "Birmingham", "E08000025", "pilot", "2023-11-17",
      [2, 3, 3, 3, 3, 2, 2, 3, 3], "legacy_pilot", "statement", "path",
      updated="2024-01-09", pdf="odt", pop="1,144,900", imd=(1, 7), pol="Labour",
      start="2023-05-15", eth=(51.4, 19.0), age65=(13.0, 18.4)),
    F("nottingham-city", "Nottingham City Council", "Nottingham", "E06000018", "pilot", "2023-11-17",
      [2, 2, 2, 3, 2, 2, 3, 2, 3], "legacy_pilot", "theme", "path",
      pdf="chromium_pilot", pop="323,700", imd=(1, 11), pol="Labour",
      start="2023-06-05", eth=(42.7, 19.0), age65=(11.7, 18.4)),
    F("lincolnshire-cc", "Lincolnshire County Council", "Lincolnshire", "E10000019", "pilot", "2023-11-17",
      [3, 3, 2, 3, 3, 3, 2, 3, 3], "legacy_pilot", "single", "path",
      pop="768,400", imd=(7, 101), pol="Conservative", start="2023-05-22",
      eth=(4.2, 19.0), age65=(23.6, 18.4)),
    F("suffolk-cc", "Suffolk County Council", "Suffolk", "E10000029", "pilot", "2023-11-17",
      [3, 2, 3, 2, 3, 3, 3, 3, 2], "legacy_pilot", "statement", "path",
      updated="2023-11-24", pop="760,700", imd=(7, 104), pol="Conservative", start="2023-06-12",
      eth=(7.0, 19.0), age65=(23.1, 18.4)),
    # ---------------- formal 2024, previous template ----------------
    F("WBerkshire-0524", "West Berkshire Council", "West Berkshire", "E06000037", "formal", "2024-05-16",
      [3, 2, 2, 2, 2, 3, 3, 3, 3], "legacy_formal", "statement", "suffix",
      pop="161,600", imd=(10, 148), pol="Liberal Democrats", eth=(9.4, 19.0), age65=(19.5, 18.4)),
    F("Hounslow-0524", "London Borough of Hounslow", "Hounslow", "E09000018", "formal", "2024-05-16",
      [2, 2, 3, 3, 3, 3, 3, 3, 3], "legacy_formal", "theme", "suffix",
      updated="2024-06-03", pop="288,200", imd=(5, 69), pol="Labour", eth=(61.7, 19.0), age65=(11.1, 18.4)),
    F("derbyshirecc-0824", "Derbyshire County Council", "Derbyshire", "E10000007", "formal", "2024-08-22",
      [2, 3, 2, 3, 3, 3, 2, 3, 3], "legacy_formal", "statement", "suffix",
      pdf="docx", pop="794,600", imd=(7, 98), pol="Conservative", eth=(4.6, 19.0), age65=(21.7, 18.4)),
    # ---------------- formal 2024, NHS.UK frontend (first roll-out) ----------------
    F("durham-0824", "Durham County Council", "County Durham", "E06000047", "formal", "2024-08-29",
      [2, 3, 2, 3, 3, 3, 2, 3, 3], "nhs_a", "statement", "suffix",
      pop="522,100", imd=(3, 41), pol="Joint administration (Conservative, Liberal Democrat and Independent)",
      eth=(3.3, 19.0), age65=(21.5, 18.4)),
    F("harrow-0824", "London Borough of Harrow", "Harrow", "E09000015", "formal", "2024-08-09",
      [2, 2, 3, 2, 3, 2, 2, 2, 3], "nhs_a", "single", "suffix",
      updated="2024-09-02", pop="261,300", imd=(8, 121), pol="Conservative", eth=(69.0, 19.0), age65=(15.0, 18.4)),
    F("westminster-1124", "Westminster City Council", "Westminster", "E09000033", "formal", "2024-11-22",
      [3, 3, 3, 3, 3, 3, 3, 3, 3], "nhs_a", "statement", "flat",
      pop="204,300", imd=(5, 74), pol="Labour", eth=(44.8, 19.0), age65=(13.6, 18.4)),
    # ---------------- formal 2025, NHS.UK cards/tags ----------------
    F("camden-0225", "London Borough of Camden", "Camden", "E09000007", "formal", "2025-02-14",
      [3, 3, 4, 3, 4, 4, 3, 4, 4], "nhs_b", "theme", "path",
      pdf="weasy_camden", pop="210,100", imd=(4, 62), pol="Labour", eth=(40.5, 19.0), age65=(12.7, 18.4)),
    F("staffordshire-0525", "Staffordshire County Council", "Staffordshire", "E10000028", "formal", "2025-05-23",
      [3, 3, 3, 3, 3, 3, 3, 3, 3], "nhs_b", "statement", "suffix",
      pdf="chromium_formal", pop="876,100", imd=(7, 103), pol="Reform UK", eth=(6.8, 19.0), age65=(21.9, 18.4)),
    F("warrington-0525", "Warrington Borough Council", "Warrington", "E06000007", "formal", "2025-05-09",
      [2, 3, 2, 2, 3, 2, 1, 2, 2], "nhs_b", "statement", "suffix",
      pop="210,900", imd=(7, 106), pol="Labour", eth=(6.7, 19.0), age65=(19.4, 18.4)),
    F("stokeontrent-0625", "Stoke-on-Trent City Council", "Stoke-on-Trent", "E06000021", "formal", "2025-06-13",
      [2, 2, 2, 3, 3, 2, 3, 3, 3], "nhs_b", "statement", "suffix",
      updated="2025-06-20", page_updates={"summary": "2025-06-20"}, pop="258,400", imd=(1, 14), pol="Labour",
      eth=(17.0, 19.0), age65=(18.1, 18.4)),
    # ---------------- formal mid 2025, NHS.UK details/responsive tables ----------------
    F("leicestercity-0725", "Leicester City Council", "Leicester", "E06000016", "formal", "2025-07-18",
      [2, 2, 2, 2, 3, 2, 2, 2, 3], "nhs_c", "single", "suffix",
      pdf="weasy_leicester", pct_words=True, pop="368,600", imd=(2, 32), pol="Labour", eth=(59.1, 19.0), age65=(11.4, 18.4),
      fin_fixed=dict(spend="£172.5m", share="22.89%", diff="£15.3m", diff_dir="less", lt="5,780", st="1,240")),
    F("lancashire-0825", "Lancashire County Council", "Lancashire", "E10000017", "formal", "2025-08-15",
      [2, 2, 2, 2, 2, 2, 2, 2, 2], "nhs_c", "statement", "suffix",
      pop="1,235,300", imd=(6, 80), pol="Reform UK", eth=(11.9, 19.0), age65=(20.6, 18.4), lead_para=True,
      fin_text=[
          "In 2023/24 the local authority spent about £496m on adult social care, which was about 45% of its net budget.",
          "Actual spend on adult social care was about £11m more than the local authority had estimated.",
          "About 23,000 people were receiving long-term adult social care support in 2023/24.",
          "Over 5,500 people were receiving short-term adult social care support in 2023/24.",
      ]),
    F("blackpool-0825", "Blackpool Council", "Blackpool", "E06000009", "formal", "2025-08-28",
      [1, 1, 1, 2, 2, 2, 1, 1, 1], "nhs_c", "theme", "suffix",
      pdf="docx", pop="141,000", imd=(1, 1), pol="Labour", eth=(5.4, 19.0), age65=(20.8, 18.4)),
    F("southendonsea-0825", "Southend-on-Sea City Council", "Southend-on-Sea", "E06000033", "formal", "2025-08-08",
      [3, 3, 3, 2, 3, 2, 3, 3, 3], "nhs_c", "statement", "suffix",
      updated="2025-09-01", page_updates={"about": "2025-09-01"}, pop="180,700", imd=(5, 77),
      pol="Labour", eth=(15.9, 19.0), age65=(19.3, 18.4), lead_para=True),
    F("eastsussex-1025", "East Sussex County Council", "East Sussex", "E10000011", "formal", "2025-10-03",
      [2, 3, 3, 2, 3, 2, 3, 3, 3], "nhs_c", "single", "flat",
      pop="545,800", imd=(6, 86), pol="Conservative", eth=(8.0, 19.0), age65=(26.1, 18.4), single_plain=True),
    # ---------------- 2026 reports, redesign (invented results) ----------------
    F("manchester-0226", "Manchester City Council", "Manchester", "E08000003", "formal", "2026-02-20",
      [2, 2, 3, 2, 3, 2, 3, 3, 3], "nhs_d", "theme", "path",
      pdf="weasy_manchester", pop="551,900", imd=(1, 6), pol="Labour", eth=(43.2, 19.0), age65=(9.2, 18.4),
      newfin=True),
    F("norfolk-0426", "Norfolk County Council", "Norfolk", "E10000020", "formal", "2026-04-17",
      [3, 3, 3, 2, 3, 3, 3, 3, 3], "nhs_d", "statement", "flat",
      updated="2026-05-05", pop="916,100", imd=(6, 84), pol="Reform UK", eth=(5.3, 19.0), age65=(25.0, 18.4),
      newfin=True),
    # ---------------- families a careful reader must refuse ----------------
    F("sandwell-0126", "Sandwell Metropolitan Borough Council", "Sandwell", "E08000028", "formal", "2026-01-23",
      [2, 3, 2, 3, 3, 2, 2, 3, 3], "nhs_d", "statement", "suffix", pct=69, rating="Good",
      expect={"not_loaded": "The published overall score (69%) does not match the nine quality statement scores, which total 23 out of 36 (64%)."},
      pop="341,900", imd=(1, 13), pol="Labour", eth=(42.9, 19.0), age65=(14.5, 18.4), newfin=True),
    F("rotherham-0326", "Rotherham Metropolitan Borough Council", "Rotherham", "E08000018", "formal", "2026-03-13",
      [2, 2, 2, 3, 3, 2, None, 3, 2], "nhs_d", "single", "suffix", pct=58, rating="Requires improvement",
      expect={"not_loaded": "The Safeguarding quality statement has no published score, so the overall score cannot be checked against nine scores."},
      pop="265,800", imd=(2, 44), pol="Labour", eth=(8.4, 19.0), age65=(19.7, 18.4), newfin=True),
]

IN_PROGRESS = [
    "Bradford Metropolitan District Council", "Coventry City Council", "Devon County Council",
    "Hampshire County Council", "Kirklees Council", "Sheffield City Council", "Tower Hamlets Council",
]

# Real results of councils not built as families here (from shared/cqc_raw), named in
# related-content blocks without links.
OTHERS = [
    ("Royal Borough of Kensington and Chelsea", "Outstanding", 89, "July 2025"),
    ("Hertfordshire County Council", "Good", 78, "May 2024"),
    ("Gloucestershire County Council", "Requires improvement", 50, "January 2025"),
    ("Kent County Council", "Requires improvement", 56, "May 2025"),
    ("Wokingham Borough Council", "Good", 81, "August 2025"),
    ("Cheshire East Council", "Good", 75, "May 2025"),
]
