"""End to end: the real flow against the offline mirror served over HTTP, into a real DuckDB."""

from __future__ import annotations

import csv
import itertools
import math
import re
import shutil
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import duckdb
import pytest

import pipeline.reports
from extract.http import SiteClient
from extract.warc import WarcArchive
from flows.ingest import IngestSummary, nightly_ingest
from mirror.model import findings_only_in_pdf, load_reports
from mirror.server import MirrorServer, ServedRequest
from pipeline.progress import listening
from tests.clock import VirtualClock
from tests.flows.classic import ClassicIngest
from transform.councils import load_councils, match_council
from transform.pages import read_page
from transform.report import assembled_report
from warehouse.db import BENCHMARK_TABLES, connect, init_schema
from warehouse.load import save_local_authorities, save_report

ROOT = Path(__file__).resolve().parents[2]
MIRROR_SITE = ROOT / "mirror" / "site"
FORMAL_RESULTS = ROOT / "mirror" / "data" / "bongo_twisty_league_tables_parsed.csv"
TABLES = (
    "local_authority",
    "assessment",
    "quality_statement_score",
    "key_finding",
    "financial_fact",
    "demographic_fact",
    "parse_issue",
    "source_page",
    "source_disagreement",
    "field_source",
    "assessment_version",
    "report_change",
    *BENCHMARK_TABLES,
)  # data and benchmark tables; ingest_run, fetch_log, page_state: logs and state that move
PILOTS_WITHOUT_SCORES = {"lincolnshire-cc", "northlincolnshire-cc", "suffolk-cc"}
PILOTS = {"birmingham-cc", "nottingham-city", *PILOTS_WITHOUT_SCORES}
HTML_PAGES = 851  # 4 listing pages and 11 pages for each of the 77 reports
PDFS = 72  # one per formal report; the pilots' PDFs are not mirrored
# Reports whose statement pages leave the key findings to the PDF.
FINDINGS_ONLY_IN_PDF = {r.slug for r in load_reports() if findings_only_in_pdf(r)}


def snapshot(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    with connect(db, read_only=True) as conn:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in TABLES}


def query(db: Path, sql: str, *params: object) -> list[tuple[Any, ...]]:
    with connect(db, read_only=True) as conn:
        return conn.execute(sql, list(params)).fetchall()


@dataclass
class CleanRuns:
    db: Path
    first: IngestSummary
    full: IngestSummary  # right after the first, --full
    nightly: IngestSummary  # then a normal night: only a slice revalidated
    after_first: dict[str, list[tuple[Any, ...]]]
    full_requests: list[ServedRequest]
    nightly_requests: list[ServedRequest]
    slugs: set[str]  # every report's slug


@pytest.fixture(scope="module")
def clean_runs(
    classic_ingest: ClassicIngest, tmp_path_factory: pytest.TempPathFactory
) -> CleanRuns:
    """The whole mirror ingested (the session's first run, copied), then again with --full,
    then once more as a normal night."""
    out = tmp_path_factory.mktemp("clean")
    db, archive = out / "cqc.duckdb", out / "raw"
    shutil.copyfile(classic_ingest.db, db)
    shutil.copytree(classic_ingest.archive, archive)
    server = classic_ingest.server
    run = partial(nightly_ingest, base_url=server.base_url, db=db, archive=archive)
    first = classic_ingest.summary
    after_first = snapshot(db)
    server.clear_requests()
    full = run(min_interval_s=0.0, full=True)
    full_requests = list(server.requests)
    server.clear_requests()
    nightly = run(min_interval_s=0.0)
    nightly_requests = list(server.requests)
    server.clear_requests()
    slugs = {
        slug
        for (slug,) in query(
            db, "SELECT DISTINCT assessment_id FROM page_state WHERE assessment_id IS NOT NULL"
        )
    }
    return CleanRuns(db, first, full, nightly, after_first, full_requests, nightly_requests, slugs)


def test_every_formal_report_loads_with_its_real_rating_pct_and_scores(clean_runs) -> None:
    db = clean_runs.db
    with FORMAL_RESULTS.open(encoding="utf-8") as fh:
        published = list(csv.DictReader(fh))
    assert len(published) == 72
    for row in published:
        slug = row["url"].rstrip("/").rsplit("/", 1)[1]
        loaded = query(
            db,
            "SELECT la_code, overall_rating, overall_score_pct, indicative FROM assessment "
            "WHERE assessment_id = ?",
            slug,
        )
        assert loaded == [
            (match_council(row["name"]).la_code, row["overall"], int(row["pct_calc"]), False)
        ], slug
        scores = query(
            db,
            "SELECT score FROM quality_statement_score WHERE assessment_id = ? ORDER BY qs_number",
            slug,
        )
        assert [s for (s,) in scores] == [int(row[f"qs{n}"]) for n in range(1, 10)], slug


def test_named_councils_hold_their_published_results(clean_runs) -> None:
    db = clean_runs.db
    rows = query(
        db,
        "SELECT a.la_name_published, a.overall_rating, a.overall_score_pct, a.published_on, "
        "list(q.score ORDER BY q.qs_number) FROM assessment a "
        "JOIN quality_statement_score q USING (assessment_id) "
        "WHERE a.assessment_id IN ('stokeontrent-0625', 'staffordshire-0525', 'durham-0824') "
        "GROUP BY ALL ORDER BY 1",
    )
    by_name = {row[0]: row[1:] for row in rows}
    stoke = by_name["Stoke-on-Trent City Council"]
    assert stoke[:2] == ("Good", 64) and str(stoke[2]) == "2025-06-13"
    assert stoke[3] == [2, 2, 2, 3, 3, 2, 3, 3, 3]
    assert by_name["Staffordshire County Council"][:2] == ("Good", 75)
    assert by_name["Staffordshire County Council"][3] == [3] * 9
    assert by_name["Durham County Council"][:2] == ("Good", 67)
    assert sum(by_name["Durham County Council"][3]) == 24


def test_pilots_load_as_indicative_and_unscored_pilots_are_recorded(clean_runs) -> None:
    db, first = clean_runs.db, clean_runs.first
    pilots = query(
        db,
        "SELECT assessment_id, overall_rating, overall_score_pct, score_total FROM assessment "
        "WHERE indicative ORDER BY 1",
    )
    assert pilots == [
        ("birmingham-cc", "Good", None, 24),
        ("nottingham-city", "Requires improvement", None, 21),
    ]
    assert not query(db, "SELECT * FROM league_table WHERE assessment_id LIKE '%-c%'")
    issue_slugs = {slug for (slug,) in query(db, "SELECT DISTINCT slug FROM parse_issue")}
    assert issue_slugs == PILOTS_WITHOUT_SCORES
    reasons = query(db, "SELECT reason FROM parse_issue WHERE slug = 'lincolnshire-cc'")
    assert any("Assessing needs" in reason for (reason,) in reasons)
    assert first.loaded == 74 and first.failed == 3 and first.listed == 77


def test_the_league_table_lists_every_formal_report(clean_runs) -> None:
    db = clean_runs.db
    assert query(db, "SELECT count(*), min(rank), max(overall_score_pct) FROM league_table") == [
        (72, 1, 89)
    ]
    top = query(db, "SELECT council FROM league_table WHERE rank = 1 ORDER BY council")
    assert top == [("Camden",), ("Kensington and Chelsea",)]


def test_regional_benchmark_ranks_the_west_midlands(clean_runs) -> None:
    db = clean_runs.db
    rows = query(
        db,
        "SELECT council, overall_score_pct, rank_in_region, region_avg_pct "
        "FROM regional_benchmark WHERE region = 'West Midlands' ORDER BY rank_in_region, council",
    )
    assert rows == [
        ("Staffordshire", 75, 1, 67.5),
        ("Telford and Wrekin", 67, 2, 67.5),
        ("Shropshire", 64, 3, 67.5),
        ("Stoke-on-Trent", 64, 3, 67.5),
    ]


def test_every_formal_reports_pdf_is_fetched_archived_parsed_and_cross_checked(
    clean_runs,
) -> None:
    db = clean_runs.db
    assert clean_runs.first.pdfs_parsed == PDFS
    pdf_sources = query(
        db,
        "SELECT assessment_id, url, sha256 FROM source_page WHERE page_kind = 'report_pdf'",
    )
    formal = {slug for (slug,) in query(db, "SELECT assessment_id FROM assessment")} - PILOTS
    assert {slug for slug, _, _ in pdf_sources} == formal and len(pdf_sources) == PDFS
    archive = WarcArchive(db.parent / "raw")
    for slug, url, sha256 in pdf_sources:
        assert url.endswith(f"/{slug}-local-authority-assessment.pdf")
        assert archive.read(sha256).startswith(b"%PDF-")
    # Each PDF was parsed once, in the first run: later runs found its bytes unchanged.
    parses = query(db, "SELECT count(*), count(report_json), count(error) FROM pdf_parse")
    assert parses == [(PDFS, PDFS, 0)]
    # The PDFs agree with the pages on rating, % and all nine scores, except the one the
    # mirror publishes with a slip; the pages' value is the one loaded.
    assert query(db, "SELECT * FROM source_disagreement") == [
        ("southendonsea-0825", "qs7", "3", "2")
    ]
    assert query(
        db,
        "SELECT score FROM quality_statement_score "
        "WHERE assessment_id = 'southendonsea-0825' AND qs_number = 7",
    ) == [(3,)]
    # Where the pages have no key findings, the PDF's are loaded, and say where they came from.
    filled = query(db, "SELECT assessment_id, field, source, source_url FROM field_source")
    assert {slug for slug, *_ in filled} == FINDINGS_ONLY_IN_PDF
    assert sorted({field for _, field, _, _ in filled}) == [
        f"qs{n}.key_findings" for n in range(1, 10)
    ]
    assert all(source == "report_pdf" and url.endswith(".pdf") for _, _, source, url in filled)
    findings = dict(
        query(
            db,
            "SELECT assessment_id, count(*) FROM key_finding "
            "WHERE assessment_id IN (SELECT assessment_id FROM field_source) GROUP BY ALL",
        )
    )
    assert findings.keys() == FINDINGS_ONLY_IN_PDF and min(findings.values()) >= 9 * 2 * 3
    assert query(db, "SELECT count(*) FROM parse_issue WHERE NOT blocking") == [(0,)]


def test_a_second_run_over_the_same_pages_changes_nothing(clean_runs) -> None:
    assert snapshot(clean_runs.db) == clean_runs.after_first
    assert len(clean_runs.after_first["local_authority"]) == 153
    assert len(clean_runs.after_first["quality_statement_score"]) == 74 * 9
    assert len(clean_runs.after_first["assessment_version"]) == 74
    runs = query(
        clean_runs.db,
        'SELECT run_id, mode, "full", status, reports_new, reports_unchanged, pages_fetched '
        "FROM ingest_run ORDER BY run_id",
    )
    assert [row[:4] for row in runs] == [
        (1, "ingest", False, "finished"),
        (2, "ingest", True, "finished"),
        (3, "ingest", False, "finished"),
    ]
    assert runs[0][4:] == (74, 0, HTML_PAGES + PDFS)
    # Each run ended by rebuilding the benchmark tables.
    assert query(
        clean_runs.db,
        "SELECT refresh_id, run_id, councils_ranked, pilots FROM benchmark_refresh ORDER BY 1",
    ) == [(1, 1, 72, 2), (2, 2, 72, 2), (3, 3, 72, 2)]


def test_a_full_revalidation_of_unchanged_pages_downloads_and_parses_nothing(clean_runs) -> None:
    full = clean_runs.full
    # The three pilots that never load still count as not loaded, though nothing re-read them.
    assert (full.reports_new, full.reports_changed, full.failed) == (0, 0, 3)
    assert full.reports_unchanged == 74 and full.loaded == 0  # nothing re-parsed or re-saved
    assert (full.pages_fetched, full.bytes_fetched) == (0, 0)
    assert full.pages_not_modified == HTML_PAGES + PDFS
    assert full.pdfs_parsed == 0
    page_requests = [r for r in clean_runs.full_requests if r.path != "/robots.txt"]
    assert len(page_requests) == HTML_PAGES + PDFS
    assert all("if-none-match" in r.headers for r in page_requests)
    assert {r.status for r in page_requests} == {304}
    logged = query(
        clean_runs.db,
        "SELECT count(*), bool_and(not_modified), sum(byte_count) FROM fetch_log WHERE run_id = 2",
    )
    assert logged == [(HTML_PAGES + PDFS, True, 0)]


def test_a_normal_night_revalidates_only_a_slice(clean_runs) -> None:
    nightly = clean_runs.nightly
    # Every listed report is held, the three pilots that never load among them: their bytes
    # were read whole and fail the same way each time, so they wait for their turn like any
    # other report (issue 22); a seventh of the 77 are revalidated.
    due = math.ceil(77 / 7)
    listing_pages = 4
    requested = {r.path for r in clean_runs.nightly_requests}
    due_slugs = {slug for slug in clean_runs.slugs if f"{REPORTS_PATH}/{slug}" in requested}
    assert len(due_slugs) == due
    due_pilots = due_slugs & PILOTS_WITHOUT_SCORES
    assert (nightly.reports_unchanged, nightly.reports_skipped) == (
        due - len(due_pilots),
        77 - due,
    )
    assert nightly.failed == len(PILOTS_WITHOUT_SCORES)  # still not loaded, fetched or not
    assert {n.slug for n in nightly.not_loaded} == PILOTS_WITHOUT_SCORES
    assert {n.since_run for n in nightly.not_loaded} == {1}
    formal_due = len(due_slugs - PILOTS)
    assert len(clean_runs.nightly_requests) == 1 + listing_pages + due * 11 + formal_due
    assert nightly.requests == {
        "listing": listing_pages,
        "new": 0,
        "retry": 0,
        "revalidation": due * 11 + formal_due,
    }
    assert len([path for path in requested if path.endswith(".pdf")]) == formal_due
    assert nightly.pdfs_parsed == 0
    assert all(
        r.headers.get("user-agent", "").startswith("cqc-warehouse/")
        for r in clean_runs.nightly_requests
    )


def test_a_new_parser_reads_the_reports_that_failed_from_the_archive_without_a_request(
    clean_runs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db, archive = tmp_path / "cqc.duckdb", tmp_path / "raw"
    shutil.copyfile(clean_runs.db, db)
    shutil.copytree(clean_runs.db.parent / "raw", archive)
    for module in ("pipeline.reports", "pipeline.loader"):
        monkeypatch.setattr(f"{module}.PARSER_VERSION", "next")
    with MirrorServer() as server:
        summary = nightly_ingest(base_url=server.base_url, db=db, archive=archive)
        requested = {r.path for r in server.requests}
    # The pilots that failed were read again from the archive; only tonight's slice was
    # requested, and none of the pilots' pages unless it was their turn.
    due_slugs = {slug for slug in clean_runs.slugs if f"{REPORTS_PATH}/{slug}" in requested}
    assert len(due_slugs) == math.ceil(77 / 7)
    read_from_archive = PILOTS_WITHOUT_SCORES - due_slugs
    assert read_from_archive
    versions = query(
        db,
        "SELECT DISTINCT slug, parser_version FROM parse_issue WHERE slug IN (SELECT unnest(?)) "
        "ORDER BY ALL",
        sorted(PILOTS_WITHOUT_SCORES),
    )
    assert versions == sorted((slug, "next") for slug in PILOTS_WITHOUT_SCORES)
    assert summary.failed == len(PILOTS_WITHOUT_SCORES)  # the same bytes fail the same way
    assert not any(slug in path for slug in read_from_archive for path in requested)


def test_every_fetched_page_is_archived(clean_runs) -> None:
    db, first = clean_runs.db, clean_runs.first
    archive = WarcArchive(db.parent / "raw")
    sources = query(db, "SELECT sha256 FROM source_page UNION SELECT sha256 FROM page_state")
    assert len(sources) >= 847 + PDFS and all(sha in archive for (sha,) in sources)
    # One WARC file per run; every request of it is a record, 304s included.
    files = archive.files()
    assert len(files) == 3
    first_run = [e for e in archive.entries() if e.file == files[0].name]
    bodies = [e for e in first_run if e.record_type == "response" and e.status == 200]
    assert len(bodies) == first.pages_fetched + 1 == HTML_PAGES + PDFS + 1  # and robots.txt
    second_run = [e for e in archive.entries() if e.file == files[1].name]
    assert sum(e.status == 304 for e in second_run) == HTML_PAGES + PDFS
    requests = sum(e.record_type == "request" for e in second_run)
    assert requests == len(clean_runs.full_requests)


def test_readme_sql_examples_run(clean_runs) -> None:
    db = clean_runs.db
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sql\n(.*?)```", readme, flags=re.S)
    assert len(blocks) >= 4
    with connect(db, read_only=True) as conn:
        results = [conn.execute(block).fetchall() for block in blocks]
    west_midlands = results[0]
    assert [row[0] for row in west_midlands] == [
        "Staffordshire",
        "Telford and Wrekin",
        "Shropshire",
        "Stoke-on-Trent",
    ]
    side_by_side = results[3]
    assert [row[:4] for row in side_by_side] == [
        ("Staffordshire", "West Midlands", "Good", 75),
        ("County Durham", "North East", "Good", 67),
        ("Stoke-on-Trent", "West Midlands", "Good", 64),
    ]


def test_the_warehouse_is_read_only_for_queries(clean_runs) -> None:
    db = clean_runs.db
    with connect(db, read_only=True) as conn, pytest.raises(duckdb.Error):
        conn.execute("DELETE FROM assessment")


REPORTS_DIR = Path("care-services/local-authority-assessment-reports")
REPORTS_PATH = "/" + REPORTS_DIR.as_posix()


def edit(site: Path, name: str, old: str, new: str, *, regex: bool = False) -> None:
    """Change one mirror page; fail if the text to change is not there (the test would lie)."""
    page = site / REPORTS_DIR / f"{name}.html"
    html = page.read_text(encoding="utf-8")
    changed = re.sub(old, new, html, count=1, flags=re.S) if regex else html.replace(old, new, 1)
    assert changed != html, f"{old!r} not found in {page}"
    page.write_text(changed, encoding="utf-8")


def seed_valid_durham(db: Path) -> None:
    """Load Durham's valid report first, as an earlier night's run would have."""
    base = "http://cqc.invalid" + REPORTS_PATH
    pages = [
        read_page(path.read_bytes(), f"{base}/{path.stem}")
        for path in sorted((MIRROR_SITE / REPORTS_DIR).glob("durham-0824*.html"))
    ]
    report = assembled_report("durham-0824", f"{base}/durham-0824", pages)  # valid, or raises
    with connect(db) as conn:
        init_schema(conn)
        save_local_authorities(conn, load_councils())
        save_report(conn, report, la_code="E06000047", parser_version="0.9.0")


def test_broken_reports_are_recorded_and_everything_else_loads(
    prefect_server: None, site_copy: Path, tmp_path: Path
) -> None:
    # Durham: the rating word contradicts its 67% (band: Good).
    edit(site_copy, "durham-0824-summary", "<strong>Good</strong>", "<strong>Outstanding</strong>")
    # Sunderland: the summary lacks the Safeguarding statement (its own page still scores it).
    edit(
        site_copy,
        "sunderland-0525-summary",
        r"<dt>Safeguarding</dt>\s*<dd>.*?</dd>",
        "",
        regex=True,
    )
    # Camden: a rating word CQC does not use.
    edit(
        site_copy,
        "camden-0225-summary",
        "<strong>Outstanding</strong>",
        "<strong>Excellent</strong>",
    )
    # Leicester: one statement page keeps failing with a server error.
    faults = {f"{REPORTS_PATH}/leicestercity-0725-theme2-care": 500}
    # Knowsley's PDF is cut short; Blackpool's "PDF" is an HTML error page: both still load.
    files = site_copy / "sites/default/files"
    knowsley_pdf = files / "2025-08/knowsley-0825-local-authority-assessment.pdf"
    knowsley_pdf.write_bytes(
        (files / "broken/truncated-local-authority-assessment.pdf").read_bytes()
    )
    blackpool_pdf = files / "2025-08/blackpool-0825-local-authority-assessment.pdf"
    blackpool_pdf.write_bytes(
        (files / "broken/not-a-pdf-local-authority-assessment.pdf").read_bytes()
    )
    db, archive = tmp_path / "cqc.duckdb", tmp_path / "raw"
    seed_valid_durham(db)

    with MirrorServer(site_copy, faults=faults) as server:
        summary = nightly_ingest(
            base_url=server.base_url, db=db, archive=archive, min_interval_s=0.0
        )

    broken = {"durham-0824", "camden-0225", "leicestercity-0725"}
    bad_pdfs = {"knowsley-0825", "blackpool-0825"}
    issues = query(db, "SELECT slug, stage, reason, url, blocking FROM parse_issue ORDER BY ALL")
    by_slug: dict[str, list[tuple[str, str, str | None]]] = {}
    for slug, stage, reason, url, blocking in issues:
        by_slug.setdefault(slug, []).append((stage, reason, url))
        assert blocking == (slug not in bad_pdfs), slug
    assert set(by_slug) == broken | PILOTS_WITHOUT_SCORES | bad_pdfs

    # A bad PDF is a warning naming the file and the reason; the report loads from its pages.
    [(stage, reason, url)] = by_slug["knowsley-0825"]
    assert stage == "parse" and url.endswith("knowsley-0825-local-authority-assessment.pdf")
    assert reason.startswith("report PDF: truncated or damaged PDF")
    [(stage, reason, url)] = by_slug["blackpool-0825"]
    assert stage == "parse" and url.endswith("blackpool-0825-local-authority-assessment.pdf")
    assert reason.startswith("report PDF: expected a PDF, got a body starting b'<!DOCTYPE html>")
    assert query(
        db,
        "SELECT assessment_id, overall_score_pct FROM assessment "
        "WHERE assessment_id IN ('knowsley-0825', 'blackpool-0825') ORDER BY ALL",
    ) == [("blackpool-0825", 33), ("knowsley-0825", 75)]
    assert query(
        db, "SELECT count(*) FROM pdf_parse WHERE error LIKE 'truncated or damaged PDF%'"
    ) == [(1,)]

    [(stage, reason, _)] = by_slug["durham-0824"]
    assert stage == "validate" and "Outstanding" in reason and "67" in reason
    # A report is judged whole: the score the summary leaves out, its statement page gives.
    assert query(
        db,
        "SELECT q.score, f.page_kind FROM quality_statement_score q JOIN fact_source f "
        "ON f.assessment_id = q.assessment_id AND f.fact = 'qs7.score' "
        "WHERE q.assessment_id = 'sunderland-0525' AND q.qs_number = 7",
    ) == [(3, "quality_statement")]
    [(stage, reason, url)] = by_slug["camden-0225"]
    assert stage == "validate" and "unknown rating: 'Excellent'" in reason
    assert url is not None and url.endswith("camden-0225")
    assert "camden-0225-summary" in reason  # the page that printed it
    [(stage, reason, url)] = by_slug["leicestercity-0725"]
    assert (stage, reason) == ("fetch", "HTTP 500") and url.endswith(
        "leicestercity-0725-theme2-care"
    )

    # Every other report loads; the broken ones are not loaded as valid...
    assert (summary.loaded, summary.failed) == (74 - 3, 3 + 3)
    loaded = {slug for (slug,) in query(db, "SELECT assessment_id FROM assessment")}
    assert not loaded & (broken - {"durham-0824"})
    assert len(loaded) == 72
    # ...and an invalid re-parse never replaces a valid version loaded before.
    assert query(
        db,
        "SELECT overall_rating, overall_score_pct, parser_version FROM assessment "
        "WHERE assessment_id = 'durham-0824'",
    ) == [("Good", 67, "0.9.0")]
    # The failing page's error body is archived like any other response, each retry too.
    failing = [
        e
        for e in WarcArchive(archive).entries()
        if e.url.endswith("leicestercity-0725-theme2-care") and e.record_type == "response"
    ]
    assert failing and {e.status for e in failing} == {500}


def test_reparse_rebuilds_the_parsed_tables_from_the_archive_alone(
    clean_runs, tmp_path: Path
) -> None:
    """The mirror is stopped by now and the warehouse is gone: only the WARC archive is left.
    A reparse into a new warehouse file gives the tables the ingest gave, PDFs included."""
    from flows.reparse import reparse

    db = tmp_path / "new.duckdb"
    summary = reparse(db=db, archive=clean_runs.db.parent / "raw")
    assert (summary.loaded, summary.failed, summary.reports_changed) == (74, 3, 0)
    assert summary.pdfs_parsed == PDFS
    assert snapshot(db) == clean_runs.after_first
    assert query(db, "SELECT mode, status FROM ingest_run ORDER BY run_id DESC LIMIT 1") == [
        ("reparse", "finished")
    ]


def test_polite_incremental_runs_follow_robots_survive_faults_and_keep_history(
    prefect_server: None, site_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Six reports, a 50 ms politeness interval, one report disallowed by robots.txt, one
    answering 429 then 503 before it works; then one report changes and a --full run sees it.
    The client runs on a clock of its own, so its spacing is checked on its own schedule."""
    clock = VirtualClock(start=1000.0)
    clients: list[SiteClient] = []

    def client_on_the_clock(*args: Any, **kwargs: Any) -> SiteClient:
        client = SiteClient(*args, **kwargs, clock=clock, sleep=clock.sleep)
        clients.append(client)
        return client

    monkeypatch.setattr(pipeline.reports, "SiteClient", client_on_the_clock)
    robots = f"User-agent: *\nDisallow: {REPORTS_PATH}/liverpool-0925\n"
    faults = {f"{REPORTS_PATH}/eastsussex-1025-summary": [429, 503]}
    db, archive = tmp_path / "cqc.duckdb", tmp_path / "raw"
    interval = 0.05
    with MirrorServer(site_copy, faults=faults, robots_txt=robots) as server:
        run = partial(
            nightly_ingest,
            base_url=server.base_url,
            db=db,
            archive=archive,
            max_reports=6,
            min_interval_s=interval,
        )
        progress: list[tuple[int, int, str]] = []
        with listening(lambda done, total, what: progress.append((done, total, what))):
            first = run()
        first_requests = list(server.requests)

        # Croydon's Assessing needs goes from 2 to 3: 64% -> 67%, still Good.
        edit(
            site_copy,
            "croydon-1025-summary",
            "<td>Assessing needs</td><td><strong>Score: 2</strong>",
            "<td>Assessing needs</td><td><strong>Score: 3</strong>",
        )
        edit(site_copy, "croydon-1025-summary", "Croydon: 64%", "Croydon: 67%")
        edit(site_copy, "croydon-1025-theme1-needs", "Score: 2", "Score: 3")
        edit(
            site_copy,
            "croydon-1025-theme1-needs",
            "2 - Evidence shows some shortfalls",
            "3 - Evidence shows a good standard",
        )
        server.clear_requests()
        second = run(full=True)
        second_requests = list(server.requests)

    assert progress[0] == (0, 6, "croydon-1025") and progress[-1] == (6, 6, "done")
    # Politeness: robots obeyed, honest User-Agent, never faster than the interval.
    assert not [r.path for r in first_requests + second_requests if "liverpool-0925" in r.path]
    assert all(r.headers["user-agent"].startswith("cqc-warehouse/") for r in first_requests)
    # Every request of both runs (robots.txt, listing, pages, PDFs, retries) started at least
    # the interval after the one before, on the client's own schedule.
    for client in clients:
        starts = [r.started_monotonic for r in client.request_log]
        assert len(starts) > 1
        assert min(b - a for a, b in itertools.pairwise(starts)) >= interval - 1e-9  # float sums
    assert sum(len(c.request_log) for c in clients) == len(first_requests + second_requests)
    issues = query(db, "SELECT slug, stage, reason FROM parse_issue")
    assert issues == [("liverpool-0925", "fetch", "disallowed by robots.txt")]
    # The 429 and the 503 were retried and East Sussex loaded.
    summary_hits = [r.status for r in first_requests if r.path.endswith("eastsussex-1025-summary")]
    assert summary_hits == [429, 503, 200]
    assert (first.reports_new, first.failed) == (5, 1)

    # The --full run downloaded Croydon's two changed pages and nothing else.
    downloaded = query(
        db,
        "SELECT url FROM fetch_log WHERE run_id = 2 AND NOT not_modified AND error IS NULL "
        "ORDER BY url",
    )
    assert [url.rsplit("/", 1)[1] for (url,) in downloaded] == [
        "croydon-1025-summary",
        "croydon-1025-theme1-needs",
    ]
    assert (second.reports_changed, second.reports_unchanged, second.pages_fetched) == (1, 4, 2)
    assert len([r for r in second_requests if r.status == 200 and r.path != "/robots.txt"]) == 2

    # The warehouse shows the new values, the old version stays queryable, the change is listed.
    assert query(
        db,
        "SELECT a.overall_rating, a.overall_score_pct, q.score FROM assessment a "
        "JOIN quality_statement_score q USING (assessment_id) "
        "WHERE assessment_id = 'croydon-1025' AND qs_number = 1",
    ) == [("Good", 67, 3)]
    versions = query(
        db,
        "SELECT version_no, valid_from_run, valid_to_run, overall_score_pct, qs1 "
        "FROM assessment_history WHERE assessment_id = 'croydon-1025' ORDER BY version_no",
    )
    assert versions == [(1, 1, 2, 64, 2), (2, 2, None, 67, 3)]
    changes = query(
        db,
        "SELECT change_kind, field, old_value, new_value FROM report_change "
        "WHERE run_id = 2 AND assessment_id = 'croydon-1025' ORDER BY ALL",
    )
    assert ("statement_score_changed", "qs1", "2", "3") in changes
    assert ("score_pct_changed", "overall_score_pct", "64", "67") in changes


def test_retries_happen_once_in_the_http_client_and_never_for_a_deterministic_failure(
    prefect_server: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One retry layer: a listing that always answers 503 is asked CQC_RETRIES times in all
    (the Prefect tasks add no attempts on top), and a report page that answers 404 once."""
    monkeypatch.setenv("CQC_RETRIES", "3")
    db, archive = tmp_path / "cqc.duckdb", tmp_path / "raw"
    with MirrorServer(faults={REPORTS_PATH: 503}) as server:
        with pytest.raises(Exception, match="503"):
            nightly_ingest(base_url=server.base_url, db=db, archive=archive, min_interval_s=0)
        listing_hits = [r.status for r in server.requests if r.path == REPORTS_PATH]
    assert listing_hits == [503, 503, 503]

    with MirrorServer(faults={f"{REPORTS_PATH}/croydon-1025-summary": 404}) as server:
        nightly_ingest(
            base_url=server.base_url, db=db, archive=archive, min_interval_s=0, max_reports=1
        )
        summary_hits = [
            r.status for r in server.requests if r.path.endswith("croydon-1025-summary")
        ]
    assert summary_hits == [404]


def test_a_changed_byte_in_the_archive_is_that_reports_issue_never_a_loaded_value(
    clean_runs, tmp_path: Path
) -> None:
    """One digit of Stoke-on-Trent's archived summary page changed (2 becomes 4, and the
    gzip member made valid again): the reparse reports that record and loads no Stoke."""
    import gzip

    from flows.reparse import reparse

    root = tmp_path / "raw"
    shutil.copytree(clean_runs.db.parent / "raw", root)
    archive = WarcArchive(root)
    [entry] = [
        e
        for e in archive.entries()
        if e.url.endswith("/stokeontrent-0625-summary") and e.status == 200
    ]
    path = archive.dir / entry.file
    data = path.read_bytes()
    member = gzip.decompress(data[entry.offset : entry.offset + entry.length])
    assert b"Score: 2" in member
    forged = gzip.compress(member.replace(b"Score: 2", b"Score: 4", 1))
    path.write_bytes(data[: entry.offset] + forged + data[entry.offset + entry.length :])
    archive.rebuild_index()  # the offsets after it moved; the index says what records claim

    db = tmp_path / "cqc.duckdb"
    summary = reparse(db=db, archive=root)
    assert (summary.loaded, summary.failed) == (73, 4)
    assert query(
        db, "SELECT count(*) FROM assessment WHERE assessment_id = 'stokeontrent-0625'"
    ) == [(0,)]
    [(stage, reason, url)] = query(
        db, "SELECT stage, reason, url FROM parse_issue WHERE slug = 'stokeontrent-0625'"
    )
    assert stage == "fetch" and url.endswith("/stokeontrent-0625-summary")
    assert "digest mismatch" in reason
