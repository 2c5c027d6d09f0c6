"""report_coverage on the mirror's warehouse: every fact of a loaded report with the page it
was read from, the facts a report lacks, and the reports that did not load with why."""

from __future__ import annotations

import duckdb


def coverage(conn: duckdb.DuckDBPyConnection, slug: str) -> dict[str, tuple[str, str | None]]:
    rows = conn.execute(
        "SELECT fact, status, page_kind FROM report_coverage WHERE assessment_id = ? "
        "ORDER BY fact_order",
        [slug],
    ).fetchall()
    return {fact: (status, kind) for fact, status, kind in rows}


def test_a_formal_report_has_every_fact_from_the_page_that_carries_it(
    mirror_warehouse: duckdb.DuckDBPyConnection,
) -> None:
    stoke = coverage(mirror_warehouse, "stokeontrent-0625")
    assert len(stoke) == 7 + 18
    assert {status for status, _ in stoke.values()} == {"found"}
    assert stoke["overall_rating"] == ("found", "summary")
    assert stoke["overall_score_pct"] == ("found", "summary")
    assert stoke["demographics"] == ("found", "about")
    assert stoke["qs3.texts"] == ("found", "quality_statement")


def test_texts_only_the_pdf_gave_are_shown_as_read_from_it(
    mirror_warehouse: duckdb.DuckDBPyConnection,
) -> None:
    """The mirror's Isles of Scilly pages leave the key findings to the PDF: the texts of
    its statements still come from their pages (what people expect, the commitment)."""
    rows = mirror_warehouse.execute(
        "SELECT field FROM field_source WHERE assessment_id = 'islesofscilly-0925' "
        "AND field LIKE 'qs%.key_findings'"
    ).fetchall()
    assert rows  # filled from the PDF, named in field_source
    scilly = coverage(mirror_warehouse, "islesofscilly-0925")
    assert scilly["qs1.texts"][0] == "found"


def test_a_pilot_has_no_pct_to_miss_and_reports_not_loaded_say_why(
    mirror_warehouse: duckdb.DuckDBPyConnection,
) -> None:
    birmingham = coverage(mirror_warehouse, "birmingham-cc")
    assert birmingham["overall_score_pct"] == ("not published (pilot)", None)
    ((status, reasons),) = mirror_warehouse.execute(
        "SELECT status, read_from FROM report_coverage WHERE assessment_id = 'lincolnshire-cc'"
    ).fetchall()
    assert status == "not loaded"
    assert "statement 1 (Assessing needs) printed without a score" in reasons
