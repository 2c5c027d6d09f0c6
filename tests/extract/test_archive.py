"""The raw archive keeps every body once, under its sha256."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

from extract.archive import RawArchive
from extract.http import FetchedPage, FetchError


def test_store_is_content_addressed_and_idempotent(tmp_path: Path) -> None:
    archive = RawArchive(tmp_path)
    body = b"<html>Stoke-on-Trent City Council</html>"
    sha = archive.store(body)
    assert sha == hashlib.sha256(body).hexdigest()
    assert archive.path_for(sha) == tmp_path / "blobs" / sha[:2] / sha
    assert archive.store(body) == sha
    assert archive.read(sha) == body
    assert sha in archive
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == [sha]


def test_record_page_and_failure_are_logged_with_their_bytes(tmp_path: Path) -> None:
    archive = RawArchive(tmp_path)
    page = FetchedPage(
        url="http://127.0.0.1/care-services/local-authority-assessment-reports/durham-0824",
        status=200,
        body=b"<html>Durham County Council</html>",
        content_type="text/html",
        fetched_at=datetime(2026, 11, 23, 2, 0, tzinfo=UTC),
        elapsed_s=0.01,
        etag='"abc"',
    )
    sha = archive.record_page(page)
    failure = FetchError(page.url + "-summary", "HTTP 500", 500, b"<h1>Server error</h1>")
    failure_sha = archive.record_failure(failure)

    log = list(archive.fetch_log())
    assert [entry["url"] for entry in log] == [page.url, page.url + "-summary"]
    assert log[0]["sha256"] == sha and log[0]["etag"] == '"abc"' and log[0]["status"] == 200
    assert log[1]["status"] == 500 and log[1]["error"] == "HTTP 500"
    assert failure_sha is not None and archive.read(failure_sha) == b"<h1>Server error</h1>"
