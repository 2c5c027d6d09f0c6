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


@pytest.mark.e2e  # a real `cqc` process, and the whole mirror written as an old archive
def test_an_old_archive_whose_listing_cannot_be_read_is_one_line_and_leaves_nothing(
    tmp_path: Path,
) -> None:
    """The listing logged with a charset that is no text encoding: the import stops with one
    line naming it, and leaves no half-written WARC file that would refuse the next try."""
    import json

    root = tmp_path / "raw"
    legacy_archive(root)
    log = root / "fetch_log.jsonl"
    lines = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    for line in lines:
        if line["url"].endswith("/care-services/local-authority-assessment-reports"):
            line["content_type"] = "text/html; charset=base64"
    log.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    for _ in range(2):  # and again: the first try left nothing in the way
        with pytest.raises(LegacyImportError, match="charset 'base64' is not a text encoding"):
            import_legacy(root)
        assert WarcArchive(root).files() == [] and has_legacy_archive(root)
    cqc = Path(sys.executable).parent / "cqc"
    done = subprocess.run(
        [str(cqc), "archive", "import-legacy", "--archive", str(root)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("nothing imported: the listing cannot be read:")
    assert line.endswith(f"(in the pre-WARC archive under {root})")
