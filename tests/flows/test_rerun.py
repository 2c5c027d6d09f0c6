"""A second run over unchanged pages leaves every data table as it was, also when it re-parses
them: 304s rebuild each page from the archive with the metadata it was first saved with
(issue 11, item 6). The real flow against the mirror, into a real DuckDB."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import pytest

import pipeline.reports
from flows.ingest import IngestSummary, nightly_ingest
from mirror.server import MirrorServer
from warehouse.db import BENCHMARK_TABLES, connect
from warehouse.load import TABLES as DATA_TABLES

MIRROR_SITE = Path(__file__).resolve().parents[2] / "mirror" / "site"
TABLES = (*DATA_TABLES, "assessment_version", "report_change", *BENCHMARK_TABLES)
# What page_state holds of a page besides when it was checked.
PAGE_STATE = (
    "url, assessment_id, page_kind, sha256, etag, last_modified, content_type, byte_count, "
    "first_seen_run, last_changed_run"
)
REPORTS = 5  # croydon, eastsussex, liverpool, islesofscilly (findings from its PDF), leicestershire
WARNED = "eastsussex-1025"  # its PDF is cut short: it loads with a warning
PAGES = 1 + 4 + REPORTS * 12  # robots.txt, the listing, 11 pages and a PDF per report


def snapshot(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    with connect(db, read_only=True) as conn:
        tables = {t: conn.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in TABLES}
        tables["page_state"] = conn.execute(
            f"SELECT {PAGE_STATE} FROM page_state ORDER BY ALL"
        ).fetchall()
    return tables


@dataclass
class Runs:
    db: Path
    first: IngestSummary
    warned: IngestSummary  # --full, unchanged: only the report with a warning re-parsed
    forced: IngestSummary  # --full, unchanged, every report held as parsed by an older parser
    after: dict[str, dict[str, list[tuple[Any, ...]]]]


@pytest.fixture(scope="module")
def runs(prefect_server: None, tmp_path_factory: pytest.TempPathFactory) -> Runs:
    out = tmp_path_factory.mktemp("rerun")
    site = out / "site"
    shutil.copytree(MIRROR_SITE, site)
    files = site / "sites/default/files"
    (files / f"2025-10/{WARNED}-local-authority-assessment.pdf").write_bytes(
        (files / "broken/truncated-local-authority-assessment.pdf").read_bytes()
    )
    db, archive = out / "cqc.duckdb", out / "raw"
    after: dict[str, dict[str, list[tuple[Any, ...]]]] = {}
    with MirrorServer(site) as server:
        run = partial(
            nightly_ingest,
            base_url=server.base_url,
            db=db,
            archive=archive,
            max_reports=REPORTS,
            min_interval_s=0.0,
        )
        first = run()
        after["first"] = snapshot(db)
        warned = run(full=True)
        after["warned"] = snapshot(db)
        # As after a parser upgrade: the flow finds every report parsed by another version.
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(
                pipeline.reports,
                "parsed_versions",
                lambda conn: dict.fromkeys(held_slugs(conn), "0.0.0-older"),
            )
            forced = run(full=True)
        after["forced"] = snapshot(db)
    return Runs(db, first, warned, forced, after)


def held_slugs(conn: Any) -> list[str]:
    return [slug for (slug,) in conn.execute("SELECT assessment_id FROM assessment").fetchall()]


def test_the_first_run_loads_the_reports_and_their_pages_content_types(runs: Runs) -> None:
    assert (runs.first.loaded, runs.first.failed, runs.first.pdfs_parsed) == (REPORTS, 0, REPORTS)
    tables = runs.after["first"]
    assert [(slug, stage) for slug, _, stage, *_ in tables["parse_issue"]] == [(WARNED, "parse")]
    assert {row[0] for row in tables["field_source"]} == {"islesofscilly-0925"}
    kinds = {(row[2], row[4]) for row in tables["source_page"]}
    assert kinds == {
        ("about", "text/html; charset=utf-8"),
        ("summary", "text/html; charset=utf-8"),
        ("quality_statement", "text/html; charset=utf-8"),
        ("report_pdf", "application/pdf"),
    }


def test_a_rerun_of_a_report_with_a_warning_over_304s_changes_no_table(runs: Runs) -> None:
    warned = runs.warned
    assert warned.pages_not_modified == PAGES - 1 and warned.pages_fetched == 0
    assert (warned.loaded, warned.reports_unchanged, warned.reports_changed) == (1, REPORTS, 0)
    for table, rows in runs.after["warned"].items():
        assert rows == runs.after["first"][table], table


def test_a_forced_reparse_of_every_report_over_304s_changes_no_table(runs: Runs) -> None:
    forced = runs.forced
    assert forced.pages_not_modified == PAGES - 1 and forced.pages_fetched == 0
    assert (forced.loaded, forced.reports_unchanged, forced.reports_changed) == (
        REPORTS,
        REPORTS,
        0,
    )
    assert forced.pdfs_parsed == REPORTS  # every PDF read again (no cache: a parse is fast)
    for table, rows in runs.after["forced"].items():
        assert rows == runs.after["first"][table], table
