"""A version is what CQC published: not the URLs it was read from. Real mirror reports, read
from their pages and PDF the way the ingest reads them (issue 11, item 6)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import duckdb
import pytest

from mirror.model import STATEMENTS, findings_only_in_pdf, load_reports, url_to_file
from transform.changes import ReportChange
from transform.links import download_links
from transform.pdf_report import PdfReading, read_report_pdf
from transform.pipeline import ArchivedPage, ReportOutcome, ReportSource, build_report
from transform.records import KeyFinding, ListingEntry, Report
from transform.version import PARSER_VERSION
from warehouse.load import save_outcome

SITE = Path(__file__).resolve().parents[2] / "mirror" / "site"
SLUG = "islesofscilly-0925"  # its statement pages leave the key findings to its PDF


@dataclass(frozen=True)
class Read:
    """One report as an ingest run over the mirror at `origin` reads it."""

    outcome: ReportOutcome  # pages and PDF folded together
    pages: list[ArchivedPage]
    pdf: ArchivedPage
    reading: PdfReading


def read_report(origin: str, reading: PdfReading | None = None) -> Read:
    """Build the report from its mirror files as served at `origin`; its PDF parsed (or the
    given parse of it used, as the ingest's PDF cache would)."""
    [r] = [r for r in load_reports() if r.slug == SLUG]
    assert findings_only_in_pdf(r)
    paths = [r.about_path, r.summary_path, *(r.statement_path(st) for st in STATEMENTS)]
    pages = [
        ArchivedPage(origin + p, (SITE / url_to_file(p)).read_bytes(), "text/html") for p in paths
    ]
    entry_url = origin + r.about_path
    entry = ListingEntry(
        la_name=r.name, section="report", slug=SLUG, url=entry_url, assessment_kind="formal"
    )
    links = list(dict.fromkeys(u for p in pages for u in download_links(p.body, p.url)))
    data = (SITE / links[0].removeprefix(origin + "/")).read_bytes()
    pdf = ArchivedPage(links[0], data, "application/pdf")
    if reading is None:
        reading = read_report_pdf(data, pdf.url)
    assert reading.facts is not None, reading.error
    merged = build_report(ReportSource(entry, pages, pdf=pdf, pdf_links=links), reading)
    assert merged.report is not None, merged.issues
    return Read(merged, pages, pdf, reading)


def save(
    conn: duckdb.DuckDBPyConnection, outcome: ReportOutcome, run_id: int
) -> list[ReportChange]:
    """Phase three for one report, as the ingest runs it."""
    return save_outcome(conn, outcome, parser_version=PARSER_VERSION, run_id=run_id)


@pytest.fixture(scope="module")
def first_read() -> Read:
    return read_report("http://127.0.0.1:8000")


@pytest.fixture
def warehouse(conn: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """A file warehouse with its schema and the 153 councils (the session's template)."""
    return conn


def versions(conn: duckdb.DuckDBPyConnection) -> list[tuple[object, ...]]:
    return conn.execute(
        "SELECT version_no, valid_from_run, valid_to_run FROM assessment_version "
        "WHERE assessment_id = ? ORDER BY version_no",
        [SLUG],
    ).fetchall()


def changes(conn: duckdb.DuckDBPyConnection, run: int) -> list[tuple[str, str]]:
    return conn.execute(
        "SELECT change_kind, field FROM report_change WHERE run_id = ? AND assessment_id = ? "
        "ORDER BY ALL",
        [run, SLUG],
    ).fetchall()


def every_version_has_a_change(conn: duckdb.DuckDBPyConnection) -> None:
    orphans = conn.execute(
        "SELECT assessment_id, version_no FROM assessment_version v WHERE NOT EXISTS ("
        "SELECT 1 FROM report_change c WHERE c.assessment_id = v.assessment_id "
        "AND c.run_id = v.valid_from_run)"
    ).fetchall()
    assert orphans == []


def test_the_same_report_read_from_other_urls_is_no_new_version(
    warehouse: duckdb.DuckDBPyConnection, first_read: Read
) -> None:
    """The demo serves the mirror on a free port: the next run reads the same report from
    other URLs (page_urls, report_url, each statement's page URL all differ)."""
    save(warehouse, first_read.outcome, 1)
    moved = read_report("http://127.0.0.1:8123", reading=first_read.reading)
    assert moved.outcome.report is not None and first_read.outcome.report is not None
    assert moved.outcome.report.page_urls != first_read.outcome.report.page_urls
    assert set(moved.outcome.filled) != set(first_read.outcome.filled)  # their source URLs

    assert save(warehouse, moved.outcome, 2) == []
    assert versions(warehouse) == [(1, 1, None)]
    assert changes(warehouse, 2) == []
    # The current rows do carry the URLs of the latest read.
    assert warehouse.execute(
        "SELECT report_url FROM assessment WHERE assessment_id = ?", [SLUG]
    ).fetchone() == (moved.outcome.report.report_url,)
    every_version_has_a_change(warehouse)


def test_page_urls_alone_are_no_new_version(
    warehouse: duckdb.DuckDBPyConnection, first_read: Read
) -> None:
    report = first_read.outcome.report
    assert report is not None
    save(warehouse, first_read.outcome, 1)
    fewer = report.model_copy(update={"page_urls": report.page_urls[:-1]})
    assert (
        save_outcome(
            warehouse,
            replace(first_read.outcome, report=fewer),
            parser_version=PARSER_VERSION,
            run_id=2,
        )
        == []
    )
    assert versions(warehouse) == [(1, 1, None)] and changes(warehouse, 2) == []


def with_pdf_finding(reading: PdfReading, number: int, text: str) -> PdfReading:
    """The same PDF with one more key finding under statement `number` (CQC re-issued it)."""
    assert reading.facts is not None
    statements = [
        s.model_copy(
            update={"key_findings": [*s.key_findings, KeyFinding(heading=None, text=text)]}
        )
        if s.number == number and s.has_text
        else s
        for s in reading.facts.statements
    ]
    facts = reading.facts.model_copy(update={"statements": statements})
    return PdfReading(reading.source, "f" * 64, facts, None, reading.page_count, reading.seconds)


def test_pdf_filled_findings_that_change_are_a_version_with_its_change(
    warehouse: duckdb.DuckDBPyConnection, first_read: Read
) -> None:
    save(warehouse, first_read.outcome, 1)
    assert "qs3.key_findings" in {f.field for f in first_read.outcome.filled}
    reissued = read_report(
        "http://127.0.0.1:8000",
        reading=with_pdf_finding(first_read.reading, 3, "A finding added on reissue."),
    )
    found = save(warehouse, reissued.outcome, 2)
    assert [(c.change_kind, c.field) for c in found] == [("findings_changed", "qs3")]
    assert found[0].new_value is not None and found[0].new_value.endswith(
        "\nA finding added on reissue."
    )
    assert versions(warehouse) == [(1, 1, 2), (2, 2, None)]
    assert changes(warehouse, 2) == [("findings_changed", "qs3")]
    every_version_has_a_change(warehouse)


PUBLISHED_EDITS = {
    "page_last_updated": lambda r: r.model_copy(update={"page_last_updated": date(2026, 2, 2)}),
    "published_on": lambda r: r.model_copy(update={"published_on": date(2026, 2, 1)}),
    "la_name": lambda r: r.model_copy(update={"la_name": r.la_name + " (renamed)"}),
    "overall_rating": lambda r: r.model_copy(update={"overall_rating": "Outstanding"}),
    "overall_score_pct": lambda r: r.model_copy(update={"overall_score_pct": 99}),
    "people_experience": lambda r: r.model_copy(
        update={"people_experience": [*r.people_experience, "One more thing people said."]}
    ),
    "qs2.what_people_expect": lambda r: edit_detail(
        r, 2, what_people_expect=["I expect something else."]
    ),
    "qs2.commitment": lambda r: edit_detail(r, 2, commitment="A reworded commitment."),
    "qs2.score_label": lambda r: edit_detail(r, 2, score_label="Evidence shows something"),
    "qs4": lambda r: edit_detail(r, 4, key_findings=[KeyFinding(heading="H", text="T.")]),
    "facts": lambda r: r.model_copy(update={"financial_facts": r.financial_facts[1:]}),
}


def edit_detail(report: Report, number: int, **update: object) -> Report:
    return report.model_copy(
        update={
            "statement_details": [
                d.model_copy(update=update) if d.statement.number == number else d
                for d in report.statement_details
            ]
        }
    )


@pytest.mark.parametrize("field", sorted(PUBLISHED_EDITS))
def test_every_published_field_that_changes_is_named_in_report_change(
    warehouse: duckdb.DuckDBPyConnection, first_read: Read, field: str
) -> None:
    report = first_read.outcome.report
    assert report is not None
    save(warehouse, first_read.outcome, 1)
    edited = PUBLISHED_EDITS[field](report)
    save_outcome(
        warehouse,
        replace(first_read.outcome, report=edited),
        parser_version=PARSER_VERSION,
        run_id=2,
    )
    assert versions(warehouse) == [(1, 1, 2), (2, 2, None)]
    assert field in {name for _, name in changes(warehouse, 2)}
    every_version_has_a_change(warehouse)


def test_a_version_hashed_the_old_way_is_not_renewed_for_nothing(
    warehouse: duckdb.DuckDBPyConnection, first_read: Read
) -> None:
    """Versions saved before the hash left out URLs hold another hash for the same content."""
    save(warehouse, first_read.outcome, 1)
    warehouse.execute("UPDATE assessment_version SET content_sha256 = ?", ["0" * 64])
    assert save(warehouse, first_read.outcome, 2) == []
    assert versions(warehouse) == [(1, 1, None)] and changes(warehouse, 2) == []
