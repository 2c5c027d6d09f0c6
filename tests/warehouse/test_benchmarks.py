"""The benchmark tables, over real published results: rebuilt from the data tables by
`refresh_benchmarks`, as at the end of every run."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from transform.councils import match_council
from warehouse.benchmarks import refresh_benchmarks
from warehouse.load import delete_report

DATA_DICTIONARY = Path(__file__).resolve().parents[2] / "docs" / "data_dictionary.md"


def rows(conn, sql: str, *params: object) -> list[tuple]:
    """The query's rows. The tests rebuild the benchmark tables (`refresh_benchmarks`, as at
    the end of every run) whenever they have changed what the warehouse holds."""
    return conn.execute(sql, list(params)).fetchall()


def test_west_midlands_regional_benchmark(loaded) -> None:
    refresh_benchmarks(loaded)
    got = rows(
        loaded,
        "SELECT council, overall_rating, overall_score_pct, rank_in_region, region_assessed, "
        "region_avg_pct, region_min_pct, region_max_pct, pct_vs_region_avg "
        "FROM regional_benchmark WHERE region = 'West Midlands' ORDER BY rank_in_region",
    )
    assert got == [
        ("Staffordshire", "Good", 75, 1, 2, 69.5, 64, 75, 5.5),
        ("Stoke-on-Trent", "Good", 64, 2, 2, 69.5, 64, 75, -5.5),
    ]


def test_regional_benchmark_excludes_the_pilot_and_averages_england(loaded) -> None:
    refresh_benchmarks(loaded)
    got = rows(
        loaded,
        "SELECT region, la_code, council, rank_in_region, region_assessed, england_avg_pct "
        "FROM regional_benchmark ORDER BY region, rank_in_region",
    )
    durham = match_council("Durham County Council")
    assert got == [
        ("North East", durham.la_code, "County Durham", 1, 1, 68.7),
        ("West Midlands", match_council("Staffordshire").la_code, "Staffordshire", 1, 2, 68.7),
        ("West Midlands", match_council("Stoke").la_code, "Stoke-on-Trent", 2, 2, 68.7),
    ]
    assert not rows(loaded, "SELECT * FROM regional_benchmark WHERE council = 'Birmingham'")


def test_league_table(loaded, reports) -> None:
    refresh_benchmarks(loaded)
    got = rows(
        loaded,
        "SELECT rank, la_code, council, region, la_type, overall_rating, overall_score_pct, "
        "score_total, published_on, assessment_id, report_url FROM league_table ORDER BY rank",
    )
    stoke = match_council("Stoke-on-Trent City Council")
    assert stoke.region == "West Midlands"
    assert got == [
        (
            1,
            match_council("Staffordshire County Council").la_code,
            "Staffordshire",
            "West Midlands",
            "county",
            "Good",
            75,
            27,
            date(2025, 5, 16),
            "staffordshire-0525",
            reports.staffordshire.report_url,
        ),
        (
            2,
            match_council("Durham County Council").la_code,
            "County Durham",
            "North East",
            "unitary",
            "Good",
            67,
            24,
            date(2024, 8, 23),
            "durham-0824",
            reports.durham.report_url,
        ),
        (
            3,
            stoke.la_code,
            "Stoke-on-Trent",
            "West Midlands",
            "unitary",
            "Good",
            64,
            23,
            date(2025, 6, 13),
            "stokeontrent-0625",
            reports.stoke.report_url,
        ),
    ]


def test_league_table_statement_columns(loaded) -> None:
    refresh_benchmarks(loaded)
    qs = (
        "qs1_assessing_needs, qs2_healthier_lives, qs3_equity, qs4_care_provision, "
        "qs5_partnerships, qs6_safe_systems, qs7_safeguarding, qs8_governance, qs9_learning"
    )
    got = rows(loaded, f"SELECT assessment_id, {qs} FROM league_table ORDER BY assessment_id")
    assert got == [
        ("durham-0824", 2, 3, 2, 3, 3, 3, 2, 3, 3),
        ("staffordshire-0525", 3, 3, 3, 3, 3, 3, 3, 3, 3),
        ("stokeontrent-0625", 2, 2, 2, 3, 3, 2, 3, 3, 3),
    ]


def test_no_view_shows_an_indicative_pilot(loaded) -> None:
    refresh_benchmarks(loaded)
    assert rows(loaded, "SELECT count(*) FROM assessment WHERE indicative") == [(1,)]
    for view in ("latest_formal_assessment", "league_table", "regional_benchmark"):
        assert not rows(loaded, f"SELECT * FROM {view} WHERE assessment_id = 'birmingham-cc'")
        assert not rows(loaded, f"SELECT * FROM {view} WHERE la_code = ?", "E08000025")
    councils = rows(
        loaded, "SELECT max(councils) FROM quality_statement_benchmark WHERE scope = 'region'"
    )
    assert councils == [(2,)]
    assert rows(
        loaded,
        "SELECT min(councils), max(councils) FROM quality_statement_benchmark "
        "WHERE scope = 'england'",
    ) == [(3, 3)]
    assert rows(loaded, "SELECT count(*) FROM pilot_assessment") == [(1,)]
    assert not rows(
        loaded,
        "SELECT * FROM quality_statement_benchmark WHERE region = 'West Midlands' "
        "AND councils <> 2",
    )


def test_only_the_latest_formal_report_of_a_council_counts(loaded, save, reports) -> None:
    older = reports.make(
        "stokeontrent-0124",
        "Stoke-on-Trent City Council",
        [1, 1, 1, 1, 1, 1, 1, 1, 1],
        rating="Inadequate",
        pct=25,
        published_on=date(2024, 1, 10),
    )
    save(loaded, older)
    refresh_benchmarks(loaded)
    assert rows(loaded, "SELECT count(*) FROM league_table") == [(3,)]
    assert rows(
        loaded, "SELECT assessment_id, rank FROM league_table WHERE council = 'Stoke-on-Trent'"
    ) == [("stokeontrent-0625", 3)]
    assert rows(
        loaded,
        "SELECT DISTINCT region_avg_pct FROM regional_benchmark WHERE region = 'West Midlands'",
    ) == [(69.5,)]
    delete_report(loaded, "stokeontrent-0625")
    refresh_benchmarks(loaded)
    assert rows(
        loaded,
        "SELECT assessment_id, overall_score_pct FROM league_table "
        "WHERE council = 'Stoke-on-Trent'",
    ) == [("stokeontrent-0124", 25)]


def test_ties_share_a_rank(loaded, save, reports) -> None:
    shropshire = reports.make(
        "shropshire-0325",
        "Shropshire Council",
        [2, 3, 2, 3, 3, 2, 2, 3, 3],
        rating="Good",
        pct=64,
        published_on=date(2025, 3, 1),
    )
    save(loaded, shropshire)
    refresh_benchmarks(loaded)
    got = rows(
        loaded,
        "SELECT council, rank_in_region, region_assessed, region_avg_pct, region_min_pct "
        "FROM regional_benchmark WHERE region = 'West Midlands' ORDER BY rank_in_region, council",
    )
    assert got == [
        ("Staffordshire", 1, 3, 67.7, 64),
        ("Shropshire", 2, 3, 67.7, 64),
        ("Stoke-on-Trent", 2, 3, 67.7, 64),
    ]
    assert rows(loaded, "SELECT max(rank), count(*) FROM league_table") == [(3, 4)]


def test_quality_statement_benchmark(loaded) -> None:
    refresh_benchmarks(loaded)
    got = rows(
        loaded,
        "SELECT region, qs_number, quality_statement, theme, avg_score, councils, "
        "councils_scoring_1, councils_scoring_2, councils_scoring_3, councils_scoring_4, "
        "england_avg_score FROM quality_statement_benchmark "
        "WHERE scope = 'region' AND qs_number IN (1, 7) ORDER BY region, qs_number",
    )
    assert got == [
        ("North East", 1, "Assessing needs", "Working with people", 2.0, 1, 0, 1, 0, 0, 2.33),
        (
            "North East",
            7,
            "Safeguarding",
            "Ensuring safety within the system",
            2.0,
            1,
            0,
            1,
            0,
            0,
            2.67,
        ),
        ("West Midlands", 1, "Assessing needs", "Working with people", 2.5, 2, 0, 1, 1, 0, 2.33),
        (
            "West Midlands",
            7,
            "Safeguarding",
            "Ensuring safety within the system",
            3.0,
            2,
            0,
            0,
            2,
            0,
            2.67,
        ),
    ]
    assert rows(loaded, "SELECT count(*) FROM quality_statement_benchmark") == [(18 + 9,)]


def test_views_are_empty_on_an_empty_warehouse(conn) -> None:
    refresh_benchmarks(conn)
    for view in (
        "latest_formal_assessment",
        "league_table",
        "regional_benchmark",
        "quality_statement_benchmark",
    ):
        assert rows(conn, f"SELECT count(*) FROM {view}") == [(0,)]


def test_data_dictionary_examples_run(loaded) -> None:
    doc = DATA_DICTIONARY.read_text(encoding="utf-8")
    blocks = re.findall(r"```sql\n(.*?)```", doc, flags=re.S)
    assert len(blocks) >= 3
    refresh_benchmarks(loaded)
    results = [loaded.execute(block).fetchall() for block in blocks]
    west_midlands, below_average, scoring_one = results[:3]
    assert [row[:4] for row in west_midlands] == [
        ("Staffordshire", "Good", 75, 1),
        ("Stoke-on-Trent", "Good", 64, 2),
    ]
    assert below_average == [("West Midlands", "Stoke-on-Trent", 64, 69.5, -5.5)]
    assert scoring_one == []
    for block_result in results[3:]:
        assert isinstance(block_result, list)


def test_statements_scoring_1_example_finds_them(loaded, save, reports) -> None:
    doc = DATA_DICTIONARY.read_text(encoding="utf-8")
    scoring_one = re.findall(r"```sql\n(.*?)```", doc, flags=re.S)[2]
    weak = reports.make(
        "shropshire-0325",
        "Shropshire Council",
        [1, 3, 2, 3, 3, 2, 1, 3, 3],
        rating="Requires improvement",
        pct=58,
        published_on=date(2025, 3, 1),
    )
    save(loaded, weak)
    save(loaded, reports.birmingham_pilot.model_copy(update={"quality_statements": scores_one()}))
    refresh_benchmarks(loaded)
    got = [row[:4] for row in loaded.execute(scoring_one).fetchall()]
    assert got == [
        ("Shropshire", "West Midlands", 1, "Assessing needs"),
        ("Shropshire", "West Midlands", 7, "Safeguarding"),
    ]


def scores_one():
    from transform.quality_statements import STATEMENTS
    from transform.records import QualityStatementScore

    return [
        QualityStatementScore(number=s.number, name=s.name, theme=s.theme, score=1)
        for s in STATEMENTS
    ]


def test_an_in_memory_warehouse_gives_the_same_views(loaded, save, reports) -> None:
    from transform.councils import load_councils
    from warehouse.db import connect, init_schema
    from warehouse.load import save_local_authorities

    with connect(":memory:") as memory:
        init_schema(memory)
        save_local_authorities(memory, load_councils())
        for report in reports.all:
            save(memory, report)
        refresh_benchmarks(memory)
        refresh_benchmarks(loaded)
        for view in ("league_table", "regional_benchmark", "quality_statement_benchmark"):
            sql = f"SELECT * FROM {view} ORDER BY ALL"
            assert rows(memory, sql) == rows(loaded, sql), view
