"""An archive written before WARC (blobs/ + fetch_log.jsonl) is not stranded: importing it
gives WARC records and a manifest per report, and a reparse rebuilds the warehouse from it."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from extract.archive import RawArchive
from extract.http import FetchedPage, FetchError
from extract.warc import WarcArchive
from mirror.sample import SITE, url_for
from pipeline.legacy import LegacyImportError, has_legacy_archive, import_legacy
from warehouse.db import connect

WHEN = datetime(2026, 6, 1, 2, 0, tzinfo=UTC)
BROKEN = "/sites/default/files/broken/"


def legacy_archive(root: Path) -> RawArchive:
    """What the old ingest left after a run over the mirror: every page and PDF stored
    under its SHA-256 and logged, plus one failed request."""
    old = RawArchive(root)
    for file in sorted(SITE.rglob("*")):
        if not file.is_file() or file.name == "robots.txt" or BROKEN in f"/{file.as_posix()}":
            continue
        pdf = file.suffix == ".pdf"
        page = FetchedPage(
            url=url_for(file),
            status=200,
            body=file.read_bytes(),
            content_type="application/pdf" if pdf else "text/html; charset=utf-8",
            fetched_at=WHEN,
            elapsed_s=0.0,
            etag=f'"{file.stat().st_size}"',
        )
        old.record_page(page)
    gone = url_for(SITE / "care-services/local-authority-assessment-reports/gone.html")
    old.record_failure(FetchError(gone, "HTTP 500", 500, b"<h1>Server error</h1>"))
    return old


def test_an_old_archive_is_imported_and_reparsed(prefect_server: None, tmp_path: Path) -> None:
    from flows.reparse import reparse

    root = tmp_path / "raw"
    legacy_archive(root)
    assert has_legacy_archive(root)
    done = import_legacy(root)
    assert done.reports == 77 and not has_legacy_archive(root)
    archive = WarcArchive(root)
    [warc] = archive.files()
    check = subprocess.run(
        [sys.executable, "-m", "warcio.cli", "check", str(warc)], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout
    with pytest.raises(LegacyImportError, match="already holds WARC"):
        import_legacy(root)

    db = tmp_path / "cqc.duckdb"
    summary = reparse(db=db, archive=root)
    assert (summary.loaded, summary.failed, summary.pdfs_parsed) == (74, 3, 72)
    with connect(db, read_only=True) as conn:
        stoke = conn.execute(
            "SELECT overall_rating, overall_score_pct FROM assessment "
            "WHERE assessment_id = 'stokeontrent-0625'"
        ).fetchall()
        pdfs = conn.execute(
            "SELECT count(*) FROM source_page WHERE page_kind = 'report_pdf'"
        ).fetchall()
    assert stoke == [("Good", 64)] and pdfs == [(72,)]


def test_a_directory_without_an_old_log_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LegacyImportError, match="not a pre-WARC archive"):
        import_legacy(tmp_path)
