"""Bring an archive written before WARC (blobs/ + fetch_log.jsonl) into the WARC archive.

Every logged response becomes a WARC `response` record, marked as reconstructed (the old
log kept no request headers and only some response headers), in one file of its own. Then
the crawl is replayed over those bodies, offline, with the same link-following as a live run,
so that the listing and every report get the manifest a reparse reads. Nothing is fetched
and nothing of the old archive is changed or deleted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from extract.archive import FETCH_LOG, RawArchive
from extract.http import FetchedPage, FetchError, RunStopError
from extract.incremental import FetchOutcome
from extract.warc import WarcArchive
from pipeline.crawl import crawl_site
from pipeline.settings import LISTING_PATH
from transform.records import ListingEntry

NOTE = "from a pre-WARC archive (blobs/ and fetch_log.jsonl): request and most headers unknown"


class LegacyImportError(RunStopError):
    """An old archive that cannot be imported (no log, no listing, already imported)."""


@dataclass(frozen=True)
class LegacyImport:
    """What an import wrote: records, reports with a manifest, and the WARC file's name."""

    responses: int
    reports: int
    file: str


def has_legacy_archive(root: Path) -> bool:
    """Whether `root` holds a pre-WARC archive that was never imported."""
    return (root / FETCH_LOG).is_file() and not WarcArchive(root).files()


class ReplayFetcher:
    """A fetcher that answers from the last logged response of each URL, offline."""

    def __init__(self, latest: dict[str, dict[str, object]], old: RawArchive) -> None:
        self._latest = latest
        self._old = old

    def get(self, url: str) -> FetchedPage:
        line = self._latest.get(url)
        if line is None:
            raise FetchError(url, "not in the legacy archive")
        if line.get("error") is not None:
            raise FetchError(url, str(line["error"]), _int(line.get("status")))
        return FetchedPage(
            url=url,
            status=_int(line.get("status")) or 200,
            body=self._old.read(str(line["sha256"])),
            content_type=_str(line.get("content_type")),
            fetched_at=datetime.fromisoformat(str(line["fetched_at"])),
            elapsed_s=0.0,
            etag=_str(line.get("etag")),
            last_modified=_str(line.get("last_modified")),
        )

    def outcome(self, page: FetchedPage) -> FetchOutcome:
        return FetchOutcome(
            page.url, page.fetched_at, page.status, False, len(page.body), page.sha256,
            page.etag, page.last_modified, page.content_type, None, changed=True,
            body_size=len(page.body),
        )  # fmt: skip

    @staticmethod
    def failure(error: FetchError) -> FetchOutcome:
        return FetchOutcome(
            error.url, datetime.now(UTC), error.status, False, None, None, None, None, None,
            None, error=error.reason,
        )  # fmt: skip


def _int(value: object) -> int | None:
    return int(value) if isinstance(value, int | str) and str(value).isdigit() else None


def _str(value: object) -> str | None:
    return None if value is None else str(value)


def import_legacy(root: Path) -> LegacyImport:
    """Write the old archive under `root` into a WARC file of its own, with manifests."""
    old = RawArchive(root)
    archive = WarcArchive(root)
    if archive.files():
        raise LegacyImportError(f"{root} already holds WARC files: nothing to import")
    lines = [dict(line) for line in old.fetch_log()]
    if not lines:
        raise LegacyImportError(f"no {FETCH_LOG} under {root}: not a pre-WARC archive")
    listing_urls = [str(x["url"]) for x in lines if urlsplit(str(x["url"])).path == LISTING_PATH]
    if not listing_urls:
        raise LegacyImportError(f"the legacy log under {root} never fetched the listing")
    parts = urlsplit(listing_urls[-1])
    base_url = f"{parts.scheme}://{parts.netloc}"
    first = min(datetime.fromisoformat(str(x["fetched_at"])) for x in lines)
    name = f"cqc-{first.astimezone(UTC):%Y%m%dT%H%M%SZ}-000000-legacy"
    latest: dict[str, dict[str, object]] = {}
    responses = 0
    failed: RunStopError | None = None
    with archive.writer(name, {"note": NOTE, "base_url": base_url}) as writer:
        for line in lines:
            url, sha256 = str(line["url"]), line.get("sha256")
            if sha256 is not None and str(sha256) in old:
                headers = [
                    (name, str(line[key]))
                    for name, key in (
                        ("Content-Type", "content_type"),
                        ("ETag", "etag"),
                        ("Last-Modified", "last_modified"),
                    )
                    if line.get(key) is not None
                ]
                writer.write_reconstructed_response(
                    url,
                    _int(line.get("status")) or 200,
                    headers,
                    old.read(str(sha256)),
                    datetime.fromisoformat(str(line["fetched_at"])),
                    NOTE,
                )
                responses += 1
            latest[url] = line
        replay = ReplayFetcher(latest, old)

        def everything(entries: Sequence[ListingEntry]) -> set[str]:
            return {e.slug for e in entries if e.slug}

        listing_url = urljoin(base_url + "/", LISTING_PATH)
        try:
            crawl = crawl_site(replay, writer, listing_url=listing_url, due=everything)
            reports = len(crawl.reports)
        except RunStopError as exc:
            failed = exc
    if failed is not None:  # no half import left behind to block the next try
        (archive.dir / f"{name}.warc.gz").unlink(missing_ok=True)
        archive.rebuild_index()
        raise LegacyImportError(f"{failed} (in the pre-WARC archive under {root})") from failed
    return LegacyImport(responses, reports, name + ".warc.gz")
