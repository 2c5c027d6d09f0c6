"""The raw archive, in the web-archiving standard: WARC files (ISO 28500) and an index.

Every request the client makes and whatever came back (a 200, a 304, a 500, a timeout) is
written as WARC records, one gzip member each, into one `.warc.gz` file per run; what a run
made of a report (its pages, its PDF, the listing entry) goes in as a `metadata` record. The
WARC files alone are enough to rebuild everything: `index.jsonl` (one line per record: URL,
time, status, payload SHA-256, file and offset) only makes lookups fast and is rebuilt from
them when lost. Standard tools read the files (`warcio index`, `warcio extract`, pywb).

A body is read back by its SHA-256 and checked against the record's `WARC-Payload-Digest`
on every read: a changed byte raises `ArchiveRecordError`, never returns bytes.

Bodies are stored as the client decoded them; a content coding the server applied is undone
and named in `X-Archive-Orig-Content-Encoding` (as pywb does), so the headers match the bytes.
"""

from __future__ import annotations

import base64
import contextlib
import gzip
import hashlib
import io
import json
import logging
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.utils import Digester
from warcio.warcwriter import WARCWriter

from extract.http import Exchange, RunStopError

WARC_DIR = "warc"
INDEX = "index.jsonl"
METADATA_TYPE = "application/vnd.cqc-warehouse+json"
SOFTWARE = "cqc-warehouse (https://github.com/cqc-warehouse/cqc-warehouse)"
# Headers that describe the transfer, not the bytes kept: dropped from the stored response.
_TRANSFER_HEADERS = frozenset({"content-encoding", "transfer-encoding", "content-length"})
_PAYLOAD_TYPES = frozenset({"response", "resource", "metadata"})  # whose body the index keys
_FILE_NAME = re.compile(r"^[A-Za-z0-9._-]+\.warc\.gz$")

log = logging.getLogger(__name__)


class ArchiveRecordError(Exception):
    """An archived record that is missing, unreadable or not what its digest says."""


class ArchiveWriteError(RunStopError):
    """The archive cannot be written (disk full, read-only, gone): nothing fetched may go
    unarchived, so the run stops."""


@dataclass(frozen=True)
class IndexEntry:
    """Where one WARC record is, and what it says (one line of `index.jsonl`)."""

    file: str  # name of the .warc.gz under warc/
    offset: int  # of the record's gzip member in the file
    length: int  # of that member, compressed
    record_type: str  # 'response', 'request', 'metadata', 'resource', 'warcinfo'
    url: str
    date: str  # WARC-Date, ISO 8601 UTC
    status: int | None = None  # HTTP status of a response
    sha256: str | None = None  # of the payload (the body), hex
    content_type: str | None = None  # of the payload
    error: str | None = None  # a request that got no response
    etag: str | None = None  # validators a response carried, for the next conditional GET
    last_modified: str | None = None


def sha256_label(sha256_hex: str) -> str:
    """A hex SHA-256 as a WARC digest label: `sha256:` and base32 (what warcio writes)."""
    return "sha256:" + base64.b32encode(bytes.fromhex(sha256_hex)).decode("ascii")


def _hex_of_label(label: str | None) -> str | None:
    if not label or not label.lower().startswith("sha256:"):
        return None
    value = label.split(":", 1)[1]
    if len(value) == 64:
        return value.lower()
    try:
        return base64.b32decode(value).hex()
    except ValueError:
        return None


def _stored_headers(headers: tuple[tuple[str, str], ...], body: bytes) -> list[tuple[str, str]]:
    """The response headers as they describe the stored (decoded) bytes."""
    out: list[tuple[str, str]] = []
    for name, value in headers:
        low = name.lower()
        if low == "content-encoding" and value.strip().lower() != "identity":
            out.append(("X-Archive-Orig-Content-Encoding", value))
        elif low in _TRANSFER_HEADERS:
            out.append((f"X-Archive-Orig-{name}", value))
        else:
            out.append((name, value))
    out.append(("Content-Length", str(len(body))))
    return out


def _warc_date(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _request_target(url: str) -> str:
    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


class WarcArchive:
    """The archive directory: `warc/*.warc.gz` and `warc/index.jsonl`."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        self.dir = self.root / WARC_DIR
        self._index: dict[str, IndexEntry] | None = None  # sha256 -> a response holding it

    # ------------------------------------------------------------------ writing

    def writer(self, name: str, info: Mapping[str, str] | None = None) -> WarcWriter:
        """A writer for a new WARC file `<name>.warc.gz` (a run's), starting with warcinfo."""
        return WarcWriter(self, f"{name}.warc.gz", dict(info or {}))

    def _append_index(self, entries: list[IndexEntry]) -> None:
        """Append whole lines in one write: a crash leaves a line whole or absent, and a torn
        tail from an older crash is skipped on reading."""
        self.dir.mkdir(parents=True, exist_ok=True)
        data = "".join(json.dumps(asdict(e), sort_keys=True) + "\n" for e in entries)
        fd = os.open(self.dir / INDEX, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, data.encode("utf-8"))
        finally:
            os.close(fd)
        if self._index is not None:
            self._remember(entries)

    # ------------------------------------------------------------------ reading

    def entries(self) -> Iterator[IndexEntry]:
        """Every indexed record, in the order written; a torn last line is skipped."""
        path = self.dir / INDEX
        if not path.exists():
            return
        with path.open(encoding="utf-8") as fh:
            for number, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    yield IndexEntry(**json.loads(line))
                except (ValueError, TypeError):
                    log.warning("%s line %d is torn or not an index entry: skipped", path, number)

    def files(self) -> list[Path]:
        """The WARC files, oldest first (names start with a sortable run stamp)."""
        if not self.dir.is_dir():
            return []
        return sorted(p for p in self.dir.iterdir() if _FILE_NAME.match(p.name))

    def _remember(self, entries: list[IndexEntry]) -> None:
        assert self._index is not None
        for entry in entries:
            if entry.record_type in ("response", "resource") and entry.sha256:
                if entry.status == 304:
                    continue
                self._index.setdefault(entry.sha256, entry)

    def _by_sha256(self) -> dict[str, IndexEntry]:
        if self._index is None:
            self._index = {}
            self._remember(list(self.entries()))
        return self._index

    def __contains__(self, sha256: str) -> bool:
        return sha256 in self._by_sha256()

    def read(self, sha256: str) -> bytes:
        """The body whose SHA-256 is `sha256`, from the WARC record that holds it, checked."""
        entry = self._by_sha256().get(sha256)
        if entry is None:
            raise ArchiveRecordError(f"archive record for body {sha256[:12]}… not found")
        return self.read_entry(entry).body

    def read_entry(self, entry: IndexEntry) -> StoredRecord:
        """The record an index entry points at, its payload checked against its digest."""
        path = self.dir / entry.file
        try:
            with path.open("rb") as fh:
                fh.seek(entry.offset)
                member = fh.read(entry.length)
        except OSError as exc:
            raise ArchiveRecordError(
                f"archive record {entry.file}@{entry.offset} ({entry.url}) unreadable: {exc}"
            ) from exc
        record = _read_member(member, entry)
        if entry.sha256 is not None and record.sha256 != entry.sha256:
            raise ArchiveRecordError(
                f"archive record {entry.file}@{entry.offset} ({entry.url}) is not the body "
                f"the index names"
            )
        return record

    def rebuild_index(self) -> int:
        """Write `index.jsonl` anew from the WARC files alone; return the records indexed."""
        entries: list[IndexEntry] = []
        for path in self.files():
            with path.open("rb") as fh:
                iterator = ArchiveIterator(fh, check_digests=False)
                for record in iterator:
                    body = record.content_stream().read()
                    offset = iterator.get_record_offset()
                    iterator.read_to_end()
                    length = iterator.get_record_length()
                    stored = _stored(record, body, path.name, offset, verify=False)
                    entries.append(stored.entry(length))
        tmp = self.dir / f"{INDEX}.tmp"
        tmp.write_text(
            "".join(json.dumps(asdict(e), sort_keys=True) + "\n" for e in entries), "utf-8"
        )
        os.replace(tmp, self.dir / INDEX)
        self._index = None
        return len(entries)

    def metadata(self, kind: str) -> Iterator[tuple[IndexEntry, dict[str, Any]]]:
        """The metadata records of one kind, in the order written, with their JSON. A record
        that is damaged or lost is skipped with a warning: the one before it stands."""
        for entry in self.entries():
            if entry.record_type != "metadata" or entry.content_type != METADATA_TYPE:
                continue
            try:
                payload = json.loads(self.read_entry(entry).body)
            except (ArchiveRecordError, ValueError) as exc:
                log.warning("metadata record skipped: %s", exc)
                continue
            if payload.get("kind") == kind:
                yield entry, payload

    def unreadable_metadata(self) -> list[str]:
        """Why each metadata record that cannot be read back fails (empty for a sound
        archive): a reparse that finds no manifest tells a damaged archive from one written
        before WARC with these."""
        reasons = []
        for entry in self.entries():
            if entry.record_type != "metadata" or entry.content_type != METADATA_TYPE:
                continue
            try:
                json.loads(self.read_entry(entry).body)
            except (ArchiveRecordError, ValueError) as exc:
                reasons.append(f"{entry.file} at {entry.offset}: {exc}")
        return reasons


@dataclass(frozen=True)
class StoredRecord:
    """One WARC record read back: its headers and its payload, digest checked."""

    record_type: str
    url: str
    date: str
    status: int | None
    headers: tuple[tuple[str, str], ...]  # HTTP headers of a response or request
    body: bytes
    sha256: str
    content_type: str | None
    error: str | None
    file: str
    offset: int

    def header(self, name: str) -> str | None:
        low = name.lower()
        return next((v for k, v in self.headers if k.lower() == low), None)

    def entry(self, length: int) -> IndexEntry:
        return IndexEntry(
            file=self.file,
            offset=self.offset,
            length=length,
            record_type=self.record_type,
            url=self.url,
            date=self.date,
            status=self.status,
            sha256=self.sha256 if self.record_type in _PAYLOAD_TYPES else None,
            content_type=self.content_type,
            error=self.error,
            etag=self.header("ETag") if self.record_type == "response" else None,
            last_modified=self.header("Last-Modified") if self.record_type == "response" else None,
        )


def _stored(
    record: Any, body: bytes, file: str, offset: int, *, verify: bool = True
) -> StoredRecord:
    """A warcio record as a StoredRecord, its payload checked against WARC-Payload-Digest
    (unless `verify` is false: indexing says what a record claims, reading checks it)."""
    headers = record.rec_headers
    sha256 = hashlib.sha256(body).hexdigest()
    declared = headers.get_header("WARC-Payload-Digest")
    url = headers.get_header("WARC-Target-URI") or ""
    if not verify:
        sha256 = _hex_of_label(declared) or sha256
    elif declared is not None:
        expected = _hex_of_label(declared)
        if expected is None:  # another algorithm (a file written by another tool)
            algo, _, value = declared.partition(":")
            try:
                digest = hashlib.new(algo.lower(), body).digest()
            except ValueError as exc:
                raise ArchiveRecordError(
                    f"archive record {file}@{offset} ({url}): unknown digest {declared}"
                ) from exc
            if base64.b32encode(digest).decode() != value.upper() and digest.hex() != value:
                raise ArchiveRecordError(
                    f"archive record {file}@{offset} ({url}) digest mismatch: {declared}"
                )
        elif expected != sha256:
            raise ArchiveRecordError(
                f"archive record {file}@{offset} ({url}) digest mismatch: the body's SHA-256 "
                f"is {sha256[:12]}…, the record says {expected[:12]}…"
            )
    http = record.http_headers
    status = None
    http_items: tuple[tuple[str, str], ...] = ()
    content_type = headers.get_header("Content-Type")
    if http is not None:
        http_items = tuple(http.headers)
        if record.rec_type == "response":
            code = http.get_statuscode()
            status = int(code) if code and code.isdigit() else None
            content_type = http.get_header("Content-Type")
    return StoredRecord(
        record_type=record.rec_type,
        url=url,
        date=headers.get_header("WARC-Date") or "",
        status=status,
        headers=http_items,
        body=body,
        sha256=sha256,
        content_type=content_type,
        error=headers.get_header("WARC-Cqc-Error"),
        file=file,
        offset=offset,
    )


def _read_member(member: bytes, entry: IndexEntry) -> StoredRecord:
    try:
        iterator = ArchiveIterator(io.BytesIO(member), check_digests=False)
        record = next(iter(iterator))
        body = record.content_stream().read()
    except (StopIteration, OSError, EOFError, ValueError, gzip.BadGzipFile) as exc:
        raise ArchiveRecordError(
            f"archive record {entry.file}@{entry.offset} ({entry.url}) unreadable: "
            f"{type(exc).__name__}"
        ) from exc
    except Exception as exc:  # warcio raises its own ArchiveLoadFailed and others
        raise ArchiveRecordError(
            f"archive record {entry.file}@{entry.offset} ({entry.url}) unreadable: "
            f"{type(exc).__name__}: {exc}"
        ) from exc
    return _stored(record, body, entry.file, entry.offset)


class _Sha256WARCWriter(WARCWriter):  # type: ignore[misc]
    """warcio's writer with SHA-256 block and payload digests (its default is SHA-1): the
    archive keys bodies by SHA-256, so the digest every read checks is the key itself."""

    @staticmethod
    def _create_digester() -> Digester:
        return Digester("sha256")


class WarcWriter:
    """Appends records to one WARC file and indexes each once it is whole on disk."""

    def __init__(self, archive: WarcArchive, file_name: str, info: dict[str, str]) -> None:
        if not _FILE_NAME.match(file_name):
            raise ValueError(f"not a WARC file name: {file_name!r}")
        self.archive = archive
        self.file_name = file_name
        self.path = archive.dir / file_name
        try:
            archive.dir.mkdir(parents=True, exist_ok=True)
            self._fh = self.path.open("ab", buffering=0)  # a failed write is not held back
        except OSError as exc:
            raise ArchiveWriteError(
                f"the archive at {self.path} cannot be written ({exc.strerror or exc}): "
                "the run stops"
            ) from exc
        self._warc = _Sha256WARCWriter(self._fh, gzip=True, warc_version="1.1")
        info = {"software": SOFTWARE, "format": "WARC File Format 1.1", **info}
        self._write(self._warc.create_warcinfo_record(file_name, info), url="")

    def __enter__(self) -> WarcWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        if not self._fh.closed:
            self._fh.close()

    def _write(
        self, record: Any, *, url: str, status: int | None = None, error: str | None = None
    ) -> IndexEntry:
        try:
            return self._write_record(record, url=url, status=status, error=error)
        except OSError as exc:
            raise ArchiveWriteError(
                f"the archive at {self.path} cannot be written ({exc.strerror or exc}): "
                "the run stops"
            ) from exc

    def _write_record(
        self, record: Any, *, url: str, status: int | None, error: str | None
    ) -> IndexEntry:
        offset = self._fh.tell()
        try:
            self._warc.write_record(record)
            self._fh.flush()
            os.fsync(self._fh.fileno())
        except OSError:
            with contextlib.suppress(OSError):  # no torn record left, where the disk lets us
                os.ftruncate(self._fh.fileno(), offset)
            raise
        length = self._fh.tell() - offset
        body_digest = _hex_of_label(record.rec_headers.get_header("WARC-Payload-Digest"))
        content_type = record.rec_headers.get_header("Content-Type")
        etag = last_modified = None
        if record.http_headers is not None and record.rec_type == "response":
            content_type = record.http_headers.get_header("Content-Type")
            etag = record.http_headers.get_header("ETag")
            last_modified = record.http_headers.get_header("Last-Modified")
        entry = IndexEntry(
            file=self.file_name,
            offset=offset,
            length=length,
            record_type=record.rec_type,
            url=url,
            date=record.rec_headers.get_header("WARC-Date") or "",
            status=status,
            sha256=body_digest if record.rec_type in _PAYLOAD_TYPES else None,
            content_type=content_type,
            error=error,
            etag=etag,
            last_modified=last_modified,
        )
        self.archive._append_index([entry])
        return entry

    def write_exchange(self, exchange: Exchange) -> IndexEntry | None:
        """A request record and its response record (or, with no response, the request and
        a metadata record saying why); return the response's index entry."""
        date = _warc_date(exchange.started_at)
        target = _request_target(exchange.url)
        request_headers = StatusAndHeaders(
            f"{exchange.method} {target} HTTP/1.1",
            list(exchange.request_headers),
            is_http_request=True,
        )
        request = self._warc.create_warc_record(
            exchange.url,
            "request",
            payload=io.BytesIO(b""),
            http_headers=request_headers,
            warc_headers_dict={"WARC-Date": date},
        )
        self._write(request, url=exchange.url)
        if exchange.status is None:
            note = json.dumps({"kind": "no_response", "error": exchange.error}).encode()
            record = self._warc.create_warc_record(
                exchange.url,
                "metadata",
                payload=io.BytesIO(note),
                warc_headers_dict={
                    "WARC-Date": date,
                    "Content-Type": "application/json",
                    "WARC-Concurrent-To": request.rec_headers.get_header("WARC-Record-ID"),
                    "WARC-Cqc-Error": exchange.error or "no response",
                },
            )
            self._write(record, url=exchange.url, error=exchange.error or "no response")
            return None
        version = exchange.http_version if exchange.http_version.startswith("HTTP/") else "HTTP/1.1"
        status_line = f"{exchange.status} {exchange.reason_phrase}".strip()
        response_headers = StatusAndHeaders(
            status_line, _stored_headers(exchange.response_headers, exchange.body), protocol=version
        )
        warc_headers = {
            "WARC-Date": date,
            "WARC-Concurrent-To": request.rec_headers.get_header("WARC-Record-ID"),
        }
        if exchange.error:
            warc_headers["WARC-Cqc-Error"] = exchange.error
        if exchange.truncated:  # ISO 28500: the payload is shorter than what was sent
            warc_headers["WARC-Truncated"] = "length"
        response = self._warc.create_warc_record(
            exchange.url,
            "response",
            payload=io.BytesIO(exchange.body),
            http_headers=response_headers,
            warc_headers_dict=warc_headers,
        )
        return self._write(response, url=exchange.url, status=exchange.status, error=exchange.error)

    def write_metadata(self, url: str, kind: str, payload: Mapping[str, Any]) -> IndexEntry:
        """A metadata record (JSON) about `url`: what a run made of a report or the listing."""
        body = json.dumps({"kind": kind, **payload}, sort_keys=True, default=str).encode()
        record = self._warc.create_warc_record(
            url,
            "metadata",
            payload=io.BytesIO(body),
            warc_headers_dict={
                "Content-Type": METADATA_TYPE,
            },
        )
        return self._write(record, url=url)

    def write_reconstructed_response(
        self,
        url: str,
        status: int,
        headers: list[tuple[str, str]],
        body: bytes,
        date: datetime,
        note: str,
    ) -> IndexEntry:
        """A response known only from an older log (no request, headers in part), marked as
        reconstructed with `note`, e.g. a legacy archive's blob and its log line."""
        response_headers = StatusAndHeaders(
            str(status), [*headers, ("Content-Length", str(len(body)))], protocol="HTTP/1.1"
        )
        record = self._warc.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(body),
            http_headers=response_headers,
            warc_headers_dict={
                "WARC-Date": _warc_date(date),
                "WARC-Cqc-Reconstructed": note,
            },
        )
        return self._write(record, url=url, status=status)
