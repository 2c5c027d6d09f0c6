"""The WARC archive: every exchange the client makes is written, read back checked, and
readable by warcio's own tools."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from extract.http import Exchange, FetchError, RetryPolicy, SiteClient
from extract.warc import INDEX, ArchiveRecordError, ArchiveWriteError, WarcArchive

BASE = "https://site.test"
HTML = b"<html><body><h1>Stoke-on-Trent</h1></body></html>"
WARCIO = [sys.executable, "-m", "warcio.cli"]


def _handler(request: httpx.Request) -> httpx.Response:
    path = request.url.path
    if path == "/robots.txt":
        return httpx.Response(200, text="User-agent: *\nAllow: /\n")
    if path == "/page":
        if request.headers.get("if-none-match") == '"v1"':
            return httpx.Response(304, headers={"ETag": '"v1"'})
        return httpx.Response(
            200,
            content=gzip.compress(HTML),
            headers={"Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip",
                     "ETag": '"v1"'},
        )  # fmt: skip
    if path == "/broken":
        return httpx.Response(500, content=b"<h1>Internal error</h1>")
    if path == "/slow":
        raise httpx.ReadTimeout("timed out", request=request)
    return httpx.Response(404)


@pytest.fixture
def archive(tmp_path: Path) -> WarcArchive:
    """An archive holding one run: robots.txt, a 200, a 304, a 500 twice, a timeout twice."""
    archive = WarcArchive(tmp_path / "raw")
    with archive.writer("cqc-000001", {"run": "1"}) as writer:
        client = SiteClient(
            BASE,
            transport=httpx.MockTransport(_handler),
            min_interval_s=0,
            retry=RetryPolicy(attempts=2, backoff_s=0),
            sleep=lambda _: None,
            on_exchange=writer.write_exchange,
        )
        with client:
            client.get("/page")
            client.get("/page", etag='"v1"')
            for path in ("/broken", "/slow"):
                with pytest.raises(FetchError):
                    client.get(path)
    return archive


def test_every_request_and_response_is_a_record(archive: WarcArchive) -> None:
    responses = [
        (e.url, e.status, e.error) for e in archive.entries() if e.record_type != "request"
    ]
    assert responses == [
        ("", None, None),  # warcinfo
        (f"{BASE}/robots.txt", 200, None),
        (f"{BASE}/page", 200, None),
        (f"{BASE}/page", 304, None),
        (f"{BASE}/broken", 500, None),
        (f"{BASE}/broken", 500, None),  # the retry is a request of its own
        (f"{BASE}/slow", None, "ReadTimeout: timed out"),
        (f"{BASE}/slow", None, "ReadTimeout: timed out"),
    ]
    assert sum(e.record_type == "request" for e in archive.entries()) == 7


def test_a_body_is_read_back_by_its_sha256_with_its_headers(archive: WarcArchive) -> None:
    entry = next(e for e in archive.entries() if e.url.endswith("/page") and e.status == 200)
    assert archive.read(entry.sha256 or "") == HTML
    record = archive.read_entry(entry)
    assert record.content_type == "text/html; charset=utf-8"
    assert record.header("ETag") == '"v1"'
    # The stored bytes are decoded; the coding the server used is named, not claimed.
    assert record.header("Content-Encoding") is None
    assert record.header("X-Archive-Orig-Content-Encoding") == "gzip"
    assert record.header("Content-Length") == str(len(HTML))
    assert (entry.etag, entry.content_type) == ('"v1"', "text/html; charset=utf-8")


def test_request_headers_are_kept(archive: WarcArchive) -> None:
    conditional = [e for e in archive.entries() if e.record_type == "request"][2]
    record = archive.read_entry(conditional)
    assert record.header("If-None-Match") == '"v1"'
    assert (record.header("User-Agent") or "").startswith("cqc-warehouse/")


def test_error_bodies_are_kept(archive: WarcArchive) -> None:
    entry = next(e for e in archive.entries() if e.status == 500)
    assert archive.read_entry(entry).body == b"<h1>Internal error</h1>"


def _tamper_last_record(archive: WarcArchive, old: bytes, new: bytes) -> None:
    """Change bytes inside the payload of the file's last record, recompressed as a valid
    gzip member, so only the digest can tell."""
    last = list(archive.entries())[-1]
    path = archive.dir / last.file
    data = path.read_bytes()
    member = gzip.decompress(data[last.offset :])
    assert old in member
    patched = gzip.compress(member.replace(old, new))
    path.write_bytes(data[: last.offset] + patched)
    lines = (archive.dir / INDEX).read_text().splitlines()
    lines[-1] = json.dumps({**json.loads(lines[-1]), "length": len(patched)})
    (archive.dir / INDEX).write_text("\n".join(lines) + "\n")


def test_a_changed_byte_is_a_digest_mismatch_never_bytes(tmp_path: Path) -> None:
    archive = WarcArchive(tmp_path)
    with archive.writer("cqc-000001") as writer:
        entry = writer.write_exchange(
            Exchange(f"{BASE}/summary", "GET", (), datetime.now(UTC), 200, "OK", body=b"Score: 3")
        )
    assert entry is not None and archive.read(entry.sha256 or "") == b"Score: 3"
    _tamper_last_record(archive, b"Score: 3", b"Score: 4")
    fresh = WarcArchive(tmp_path)
    with pytest.raises(ArchiveRecordError, match="digest mismatch"):
        fresh.read(entry.sha256 or "")
    check = subprocess.run(
        [*WARCIO, "check", str(archive.dir / entry.file)], capture_output=True, text=True
    )
    assert check.returncode != 0  # warcio's own checker agrees


def test_a_missing_or_damaged_file_is_an_archive_error(archive: WarcArchive) -> None:
    entry = next(e for e in archive.entries() if e.status == 200 and e.url.endswith("/page"))
    path = archive.dir / entry.file
    data = bytearray(path.read_bytes())
    data[entry.offset + 20] ^= 0xFF
    path.write_bytes(bytes(data))
    # Damaged bytes are caught either way: the member no longer inflates ("unreadable"), or it
    # inflates to other bytes (warcio reads on past some damage) that fail the digest check.
    with pytest.raises(ArchiveRecordError, match=r"unreadable|is not the body the index names"):
        WarcArchive(archive.root).read(entry.sha256 or "")
    path.unlink()
    with pytest.raises(ArchiveRecordError, match="unreadable"):
        WarcArchive(archive.root).read(entry.sha256 or "")
    with pytest.raises(ArchiveRecordError, match="not found"):
        archive.read("0" * 64)


def test_a_torn_index_line_is_skipped_and_the_index_rebuilds_from_the_warc(
    archive: WarcArchive, caplog: pytest.LogCaptureFixture
) -> None:
    before = list(archive.entries())
    with (archive.dir / INDEX).open("a") as fh:
        fh.write('{"file": "cqc-000001.warc.gz", "offs')
    assert list(WarcArchive(archive.root).entries()) == before
    assert "torn" in caplog.text
    (archive.dir / INDEX).unlink()
    assert list(WarcArchive(archive.root).entries()) == []
    assert archive.rebuild_index() == len(before)
    assert list(WarcArchive(archive.root).entries()) == before


def test_metadata_records_hold_json(tmp_path: Path) -> None:
    archive = WarcArchive(tmp_path)
    with archive.writer("cqc-000002") as writer:
        writer.write_metadata(f"{BASE}/r", "report_crawl", {"slug": "r", "pages": [1, 2]})
        writer.write_metadata(f"{BASE}/l", "listing_crawl", {"entries": []})
    found = [(e.url, p) for e, p in archive.metadata("report_crawl")]
    assert found == [(f"{BASE}/r", {"kind": "report_crawl", "slug": "r", "pages": [1, 2]})]


def test_warcio_index_lists_every_request_and_extract_gives_the_body(
    archive: WarcArchive,
) -> None:
    [path] = archive.files()
    listed = subprocess.run(
        [*WARCIO, "index", "-f", "warc-type,warc-target-uri,offset", str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    rows = [json.loads(line) for line in listed]
    requests = [r["warc-target-uri"] for r in rows if r["warc-type"] == "request"]
    assert requests == [
        f"{BASE}/robots.txt",
        f"{BASE}/page",
        f"{BASE}/page",
        *[f"{BASE}/broken"] * 2,
        *[f"{BASE}/slow"] * 2,
    ]
    assert [int(r["offset"]) for r in rows] == [e.offset for e in archive.entries()]
    page = next(e for e in archive.entries() if e.url.endswith("/page") and e.status == 200)
    body = subprocess.run(
        [*WARCIO, "extract", "--payload", str(path), str(page.offset)],
        capture_output=True,
        check=True,
    ).stdout
    assert body == HTML
    check = subprocess.run([*WARCIO, "check", str(path)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


def test_an_exchange_without_a_status_line_phrase_is_still_valid(tmp_path: Path) -> None:
    archive = WarcArchive(tmp_path)
    base = Exchange(f"{BASE}/x", "GET", (), datetime.now(UTC), 200, "", body=b"x")
    with archive.writer("cqc-000003") as writer:
        writer.write_exchange(replace(base, http_version="HTTP/2"))
    [entry] = [e for e in archive.entries() if e.record_type == "response"]
    assert archive.read_entry(entry).status == 200


def test_a_full_disk_is_an_archive_write_error(tmp_path: Path) -> None:
    """Writing to /dev/full fails with ENOSPC, as a full disk does."""
    archive = WarcArchive(tmp_path)
    archive.dir.mkdir(parents=True)
    (archive.dir / "cqc-full.warc.gz").symlink_to("/dev/full")
    with pytest.raises(ArchiveWriteError, match=r"cannot be written .*No space left"):
        archive.writer("cqc-full")
