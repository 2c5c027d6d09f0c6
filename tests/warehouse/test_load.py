"""Saving records: upserts, whole-report replacement in one transaction, idempotency."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

import warehouse.load as load
from transform.councils import REGIONS, load_councils, match_council
from transform.records import Fact, ReportIssue
from warehouse.db import connect, init_schema
from warehouse.load import (
    SourcePage,
    clear_issues,
    delete_report,
    replace_issues,
    save_issue,
    save_local_authorities,
    save_report,
    table_counts,
)


def test_local_authorities_cover_153_councils_in_nine_regions(conn) -> None:
    assert conn.execute("SELECT count(*) FROM local_authority").fetchone() == (153,)
    regions = conn.execute("SELECT DISTINCT region FROM local_authority").fetchall()
    assert {r for (r,) in regions} == set(REGIONS)
    assert len(regions) == 9


def test_barnsley_has_its_2025_code_and_its_previous_one(conn) -> None:
    row = conn.execute(
        "SELECT la_code, previous_la_code, region FROM local_authority WHERE name = 'Barnsley'"
    ).fetchone()
    assert row == ("E08000038", "E08000016", "Yorkshire and The Humber")
    assert (
        conn.execute(
            "SELECT count(*) FROM local_authority WHERE previous_la_code IS NOT NULL"
        ).fetchone()[0]
        == 2
    )


def test_saving_councils_again_upserts(conn, snapshot) -> None:
    before = snapshot(conn)
    assert save_local_authorities(conn, load_councils()) == 153
    assert snapshot(conn) == before
    stoke = match_council("Stoke-on-Trent City Council")
    renamed = type(stoke)(stoke.la_code, "Renamed", stoke.region, stoke.la_type, None)
    save_local_authorities(conn, [renamed])
    assert conn.execute(
        "SELECT name FROM local_authority WHERE la_code = ?", [stoke.la_code]
    ).fetchone() == ("Renamed",)
    assert conn.execute("SELECT count(*) FROM local_authority").fetchone() == (153,)
    assert save_local_authorities(conn, []) == 0


def test_save_report_stores_every_part(loaded, reports) -> None:
    conn = loaded
    stoke = reports.stoke
    row = conn.execute(
        "SELECT assessment_id, la_code, slug, report_url, la_name_published, assessment_kind, "
        "indicative, published_on, overall_rating, overall_score_pct, score_total, "
        "people_experience, parser_version FROM assessment WHERE assessment_id = ?",
        [stoke.slug],
    ).fetchone()
    assert row == (
        "stokeontrent-0625",
        match_council("Stoke-on-Trent City Council").la_code,
        "stokeontrent-0625",
        stoke.report_url,
        "Stoke-on-Trent City Council",
        "formal",
        False,
        stoke.published_on,
        "Good",
        64,
        23,
        "People said one thing.\nPeople said another.",
        reports.parser_version,
    )
    statements = conn.execute(
        "SELECT qs_number, quality_statement, theme, score, score_label, what_people_expect, "
        "commitment, page_url FROM quality_statement_score WHERE assessment_id = ? "
        "ORDER BY qs_number",
        [stoke.slug],
    ).fetchall()
    assert [s[3] for s in statements] == [2, 2, 2, 3, 3, 2, 3, 3, 3]
    assert statements[0] == (
        1,
        "Assessing needs",
        "Working with people",
        2,
        "Label for 2",
        "I expect 1a.\nI expect 1b.",
        "We commit to assessing needs.",
        f"{stoke.report_url}/qs1",
    )
    findings = conn.execute(
        "SELECT qs_number, finding_no, heading, text FROM key_finding "
        "WHERE assessment_id = ? AND qs_number = 7 ORDER BY finding_no",
        [stoke.slug],
    ).fetchall()
    assert findings == [
        (7, 1, "Access", "Finding one on Safeguarding."),
        (7, 2, None, "Finding two on Safeguarding."),
    ]
    facts = conn.execute(
        "SELECT fact_no, kind, value, unit, period, raw_text FROM demographic_fact "
        "WHERE assessment_id = ? ORDER BY fact_no",
        [stoke.slug],
    ).fetchall()
    assert facts == [
        (1, "population", 1000.0, "people", "2023", "Population: 1,000 people"),
        (2, "unclassified", None, None, None, "Something we cannot read"),
    ]
    assert conn.execute(
        "SELECT fact_no, kind, value FROM financial_fact WHERE assessment_id = ?", [stoke.slug]
    ).fetchall() == [(1, "asc_spend", 1_000_000.0)]
    pages = conn.execute(
        "SELECT url, page_kind, byte_count FROM source_page WHERE assessment_id = ? ORDER BY url",
        [stoke.slug],
    ).fetchall()
    assert pages == [
        (stoke.report_url, "about", 1000),
        (f"{stoke.report_url}/summary", "summary", 1001),
    ]


def test_table_counts(loaded) -> None:
    assert table_counts(loaded) == {
        "local_authority": 153,
        "assessment": 4,
        "quality_statement_score": 36,
        "key_finding": 72,
        "financial_fact": 4,
        "demographic_fact": 8,
        "parse_issue": 0,
        "source_page": 8,
        "source_disagreement": 0,
        "field_source": 0,
        "fact_source": 0,
        "council_population": 153,  # reference data, loaded with the benchmarks
        "outcome_measure": 6376,
        "council_neighbour_import": 0,
        "annual_performance_assessment": 1,  # Birmingham 2009/10, shipped
        "care_location": 0,  # loaded by cqc providers, not by save_report
        "care_location_rating": 0,
        "council_care_market": 0,
        "page_state": 0,
        "report_status": 0,  # written by runs, not by save_report
        "pdf_parse": 0,
        "care_source": 0,
        "ingest_run": 0,
        "fetch_log": 0,
        "assessment_version": 4,
        "report_change": 4,
        "benchmark_refresh": 0,
    }


def test_pilot_is_indicative_without_a_percentage(loaded) -> None:
    row = loaded.execute(
        "SELECT assessment_kind, indicative, overall_rating, overall_score_pct, score_total "
        "FROM assessment WHERE assessment_id = 'birmingham-cc'"
    ).fetchone()
    assert row == ("pilot", True, "Good", None, 24)


def test_score_total_needs_all_nine_statements(conn, reports) -> None:
    partial = reports.stoke.model_copy(
        update={
            "quality_statements": reports.stoke.quality_statements[:8],
            "statement_details": [],
        }
    )
    save_report(conn, partial, la_code=reports.la_code(partial), parser_version="v")
    assert conn.execute("SELECT score_total FROM assessment").fetchone() == (None,)
    assert conn.execute("SELECT count(*) FROM quality_statement_score").fetchone() == (8,)
    assert conn.execute("SELECT count(*) FROM key_finding").fetchone() == (0,)


def test_statement_text_is_null_without_its_page(conn, reports) -> None:
    report = reports.make(
        "durham-0824",
        "Durham County Council",
        [2, 3, 2, 3, 3, 3, 2, 3, 3],
        rating="Good",
        pct=67,
        published_on=None,
        with_details=False,
    )
    save_report(conn, report, la_code=reports.la_code(report), parser_version="v")
    rows = conn.execute(
        "SELECT DISTINCT score_label, what_people_expect, commitment, page_url "
        "FROM quality_statement_score"
    ).fetchall()
    assert rows == [(None, None, None, None)]
    assert conn.execute("SELECT sum(score) FROM quality_statement_score").fetchone() == (24,)


def test_saving_the_same_reports_again_changes_nothing(loaded, save, reports, snapshot) -> None:
    before = snapshot(loaded)
    for report in reports.all:
        save(loaded, report)
    save_local_authorities(loaded, load_councils())
    assert snapshot(loaded) == before


def test_reloading_from_a_new_connection_changes_nothing(
    db_path: Path, loaded, save, reports, snapshot
) -> None:
    before = snapshot(loaded)
    loaded.close()
    with connect(db_path) as conn:
        init_schema(conn)
        for report in reports.all:
            save(conn, report)
        assert snapshot(conn) == before


def test_a_resave_replaces_the_old_version_entirely(loaded, save, reports) -> None:
    fewer = reports.stoke.model_copy(
        update={
            "overall_score_pct": 65,
            "demographics": [],
            "statement_details": reports.stoke.statement_details[:1],
            "page_urls": [reports.stoke.report_url],
        }
    )
    save(loaded, fewer)
    slug = reports.stoke.slug
    assert loaded.execute(
        "SELECT overall_score_pct FROM assessment WHERE assessment_id = ?", [slug]
    ).fetchone() == (65,)
    assert loaded.execute(
        "SELECT count(*) FROM demographic_fact WHERE assessment_id = ?", [slug]
    ).fetchone() == (0,)
    assert loaded.execute(
        "SELECT count(*) FROM key_finding WHERE assessment_id = ?", [slug]
    ).fetchone() == (2,)
    assert loaded.execute(
        "SELECT count(*), count(page_url) FROM quality_statement_score WHERE assessment_id = ?",
        [slug],
    ).fetchone() == (9, 1)
    assert loaded.execute(
        "SELECT count(*) FROM source_page WHERE assessment_id = ?", [slug]
    ).fetchone() == (1,)
    # the other reports are untouched
    assert loaded.execute("SELECT count(*) FROM assessment").fetchone() == (4,)
    assert loaded.execute("SELECT count(*) FROM key_finding").fetchone() == (3 * 18 + 2,)


def _failing_saves(reports):
    stoke = reports.stoke
    yield "assessment check", stoke.model_copy(update={"overall_score_pct": 150}), ()
    bad_fact = Fact(kind="population", raw_text="x")
    bad_fact = bad_fact.model_copy(update={"raw_text": None})  # NOT NULL violated late
    yield "late fact", stoke.model_copy(update={"demographics": [bad_fact]}), ()
    bad_page = SourcePage(url=stoke.report_url, sha256="NOT-A-HASH")
    yield "source page check", stoke.model_copy(update={"overall_score_pct": 70}), (bad_page,)


@pytest.mark.parametrize("case", [0, 1, 2])
def test_a_failed_save_leaves_the_previous_version_intact(
    case: int, loaded, reports, snapshot
) -> None:
    before = snapshot(loaded)
    _, report, pages = list(_failing_saves(reports))[case]
    with pytest.raises(duckdb.Error):
        save_report(
            loaded,
            report,
            la_code=reports.la_code(report),
            parser_version="v2",
            source_pages=pages,
        )
    assert snapshot(loaded) == before
    # the connection is usable afterwards, outside any transaction
    assert loaded.execute("SELECT count(*) FROM assessment").fetchone() == (4,)


def test_a_crash_in_python_mid_save_rolls_back(loaded, reports, snapshot, monkeypatch) -> None:
    before = snapshot(loaded)

    def boom(*args, **kwargs):
        raise RuntimeError("crash after the statements were written")

    monkeypatch.setattr(load, "_insert_facts", boom)
    changed = reports.stoke.model_copy(update={"overall_score_pct": 99})
    with pytest.raises(RuntimeError, match="crash"):
        save_report(loaded, changed, la_code=reports.la_code(changed), parser_version="v2")
    assert snapshot(loaded) == before


def test_duplicate_statement_numbers_are_refused(conn, reports, snapshot) -> None:
    before = snapshot(conn)
    twice = reports.stoke.model_copy(
        update={
            "quality_statements": [
                *reports.stoke.quality_statements,
                reports.stoke.quality_statements[0],
            ]
        }
    )
    with pytest.raises(ValueError, match="twice"):
        save_report(conn, twice, la_code="E06000021", parser_version="v")
    assert snapshot(conn) == before


def test_a_page_url_belongs_to_one_assessment(loaded, save, reports) -> None:
    shared = SourcePage(url=reports.stoke.report_url, page_kind="about")
    save(loaded, reports.durham, source_pages=[shared, shared])
    owners = loaded.execute(
        "SELECT assessment_id FROM source_page WHERE url = ?", [reports.stoke.report_url]
    ).fetchall()
    assert owners == [("durham-0824",)]


def test_delete_report(loaded, reports) -> None:
    delete_report(loaded, reports.stoke.slug)
    counts = table_counts(loaded)
    assert counts["assessment"] == 3 and counts["quality_statement_score"] == 27
    assert counts["source_page"] == 6 and counts["key_finding"] == 54


ISSUES = [
    ReportIssue(
        slug="lincolnshire-cc",
        stage="validate",
        reason="no score for Assessing needs",
        url="https://example.org/a",
        la_name="Lincolnshire County Council",
    ),
    ReportIssue(slug="lincolnshire-cc", stage="parse", reason="no summary page"),
]


def test_issues_are_replaced_and_reruns_change_nothing(conn, snapshot) -> None:
    replace_issues(conn, "lincolnshire-cc", ISSUES, "v1")
    first = snapshot(conn)
    replace_issues(conn, "lincolnshire-cc", [*ISSUES, ISSUES[0]], "v1")
    assert snapshot(conn) == first
    assert conn.execute(
        "SELECT slug, la_name, stage, reason, url, parser_version FROM parse_issue "
        "ORDER BY stage DESC"
    ).fetchall() == [
        (
            "lincolnshire-cc",
            "Lincolnshire County Council",
            "validate",
            "no score for Assessing needs",
            "https://example.org/a",
            "v1",
        ),
        ("lincolnshire-cc", None, "parse", "no summary page", None, "v1"),
    ]
    replace_issues(conn, "lincolnshire-cc", [], "v1")
    assert conn.execute("SELECT count(*) FROM parse_issue").fetchone() == (0,)


def test_clear_issues_only_touches_its_slug(conn) -> None:
    save_issue(conn, ISSUES[0], parser_version="v1")
    other = ReportIssue(slug="suffolk-cc", stage="fetch", reason="HTTP 500")
    save_issue(conn, other, parser_version="v1")
    clear_issues(conn, "lincolnshire-cc")
    assert conn.execute("SELECT slug FROM parse_issue").fetchall() == [("suffolk-cc",)]


def test_a_failed_issue_replacement_keeps_the_old_issues(conn, snapshot) -> None:
    replace_issues(conn, "lincolnshire-cc", ISSUES, "v1")
    before = snapshot(conn)
    with pytest.raises(duckdb.Error):
        replace_issues(conn, "lincolnshire-cc", ISSUES[:1], None)  # parser_version NOT NULL
    assert snapshot(conn) == before


def test_replace_issues_refuses_another_reports_issues(conn, snapshot) -> None:
    before = snapshot(conn)
    with pytest.raises(ValueError, match="suffolk-cc"):
        replace_issues(conn, "suffolk-cc", ISSUES, "v1")
    assert snapshot(conn) == before


def test_pdf_disagreements_are_saved_with_the_report_and_replaced_by_the_next_save(
    loaded, reports, save
) -> None:
    from transform.crosscheck import Disagreement

    stoke = reports.stoke
    disagreements = [
        Disagreement("overall_score_pct", "64", "61"),
        Disagreement("qs5", "3", "2"),
    ]
    save(loaded, stoke, disagreements=disagreements)
    query = (
        "SELECT field, html_value, pdf_value FROM source_disagreement "
        "WHERE assessment_id = ? ORDER BY field"
    )
    assert loaded.execute(query, [stoke.slug]).fetchall() == [
        ("overall_score_pct", "64", "61"),
        ("qs5", "3", "2"),
    ]
    save(loaded, stoke)  # the next save finds the sources agreeing
    assert loaded.execute(query, [stoke.slug]).fetchall() == []


def test_fields_filled_from_the_pdf_are_recorded_with_their_source(loaded, reports, save) -> None:
    from transform.crosscheck import FilledField

    stoke = reports.stoke
    pdf_url = "https://www.cqc.org.uk/sites/default/files/2025-06/stoke.pdf"
    filled = [FilledField("qs3.key_findings", pdf_url), FilledField("published_on", pdf_url)]
    save(loaded, stoke, filled_fields=filled)
    query = "SELECT field, source, source_url FROM field_source WHERE assessment_id = ?"
    assert sorted(loaded.execute(query, [stoke.slug]).fetchall()) == [
        ("published_on", "report_pdf", pdf_url),
        ("qs3.key_findings", "report_pdf", pdf_url),
    ]
    save(loaded, stoke)  # a later save whose pages had everything
    assert loaded.execute(query, [stoke.slug]).fetchall() == []


def test_nested_transactions_are_one_unit(loaded, reports, snapshot) -> None:
    from warehouse.load import transaction

    before = snapshot(loaded)
    with pytest.raises(RuntimeError), transaction(loaded):
        save_report(
            loaded,
            reports.stoke.model_copy(update={"overall_score_pct": 65}),
            la_code="E06000021",
            parser_version="v2",
        )
        replace_issues(loaded, reports.stoke.slug, [], "v2")
        raise RuntimeError("crash after both saves, before the outer commit")
    assert snapshot(loaded) == before


def test_warnings_are_stored_as_not_blocking(conn) -> None:
    warning = ReportIssue(
        slug="stokeontrent-0625", stage="parse", reason="report PDF: not a PDF", blocking=False
    )
    replace_issues(conn, "stokeontrent-0625", [warning], "v1")
    assert conn.execute("SELECT stage, blocking FROM parse_issue").fetchall() == [("parse", False)]
