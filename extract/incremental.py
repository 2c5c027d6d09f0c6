"""Conditional fetching against what an earlier run already holds.

The caller passes in what it knows of each URL (validators and the SHA-256 of the body it
holds, read from the warehouse by `flows`; this module knows no database). A 304 costs no
body: the page comes back with the archived bytes and their metadata (a 304 carries no
Content-Type: the one held for the URL is kept), marked `not_modified`, so link-following,
parsing and saving work the same as for a 200. The archive itself is written by the client
(`SiteClient.on_exchange`), every exchange of it; this module only reads bodies back.

What a request amounted to, as the fetch log stores it, is a value made from the page or the
error (`outcome`, `failure`): nothing is buffered here.

A validator that cannot be true is never trusted: an ETag that is no entity-tag (RFC 9110
8.8.3: quoted, no control characters; and not absurdly long) or a Last-Modified that does not
parse or lies in the future is neither stored nor sent back, so the page is fetched whole
rather than "not modified" on the word of a header that is wrong. A server that sends such a
thing may answer any conditional request with 304.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Protocol

from extract.http import FetchedPage, FetchError, SiteClient

log = logging.getLogger(__name__)

MAX_ETAG_CHARS = 256  # a hash in hex is 64; a longer tag is no validator but a payload
CLOCK_SKEW = timedelta(minutes=5)  # how far ahead of ours a server's clock may run
# entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE; etagc = "!" / %x23-7E / obs-text
_ENTITY_TAG = re.compile(r'(?:W/)?"[\x21\x23-\x7e\xa0-\U0010ffff]*"')


def trusted_etag(etag: str | None) -> str | None:
    """The ETag if it is a well-formed entity-tag of sane length, else None."""
    if etag is None or len(etag) > MAX_ETAG_CHARS or not _ENTITY_TAG.fullmatch(etag):
        return None
    return etag


def trusted_last_modified(value: str | None, now: datetime | None = None) -> str | None:
    """The Last-Modified if it is an HTTP date no later than `now` (allowing for a server
    clock a little ahead), else None."""
    if value is None:
        return None
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    if when > (now or datetime.now(UTC)) + CLOCK_SKEW:
        return None
    return value


class BodyStore(Protocol):
    """Where held bodies are read back from, by SHA-256 (the WARC archive)."""

    def __contains__(self, sha256: str) -> bool: ...

    def read(self, sha256: str) -> bytes: ...


@dataclass(frozen=True)
class KnownPage:
    """What an earlier run stored about a URL."""

    sha256: str
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None  # of the held body: a 304 does not repeat it


@dataclass(frozen=True)
class FetchOutcome:
    """One request as the fetch log records it, and whether the page's bytes changed."""

    url: str
    requested_at: datetime
    status: int | None
    not_modified: bool
    byte_count: int | None  # received: 0 for a 304
    sha256: str | None
    etag: str | None
    last_modified: str | None
    content_type: str | None
    duration_ms: int | None
    error: str | None = None
    changed: bool = False  # a body unlike the one held (or the first one)
    body_size: int | None = None  # of the body the page carries: received, or held for a 304


@dataclass
class ConditionalFetcher:
    """`get(url)` that revalidates what is held and rebuilds a 304 from the archive."""

    client: SiteClient
    archive: BodyStore
    known: Mapping[str, KnownPage] = field(default_factory=dict)

    def get(self, url: str) -> FetchedPage:
        url = self.client.absolute(url)
        held = self._held(url)
        if held is None:
            return self.client.get(url)
        etag, last_modified = trusted_etag(held.etag), trusted_last_modified(held.last_modified)
        if etag is None and last_modified is None:
            return self.client.get(url)  # nothing believable to revalidate with
        page = self.client.get(url, etag=etag, last_modified=last_modified)
        if not page.not_modified:
            return page
        try:
            body = self.archive.read(held.sha256)
        except Exception as exc:  # a damaged or lost record: fetch the page whole instead
            log.warning("%s: held body unreadable (%s); fetching it again", url, exc)
            return self.client.get(url)
        return dataclasses.replace(
            page,
            body=body,
            content_type=held.content_type or page.content_type,
            etag=page.etag or etag,
            last_modified=page.last_modified or last_modified,
        )

    def _held(self, url: str) -> KnownPage | None:
        held = self.known.get(url)
        if held is not None and held.sha256 not in self.archive:
            return None  # validators without the bytes are useless: fetch the page whole
        return held

    def outcome(self, page: FetchedPage) -> FetchOutcome:
        """The fetch-log record of a page this fetcher returned; validators that cannot be
        true are left out, so no later run sends them back."""
        held = self.known.get(page.url)
        return FetchOutcome(
            url=page.url,
            requested_at=page.fetched_at,
            status=page.status,
            not_modified=page.not_modified,
            byte_count=0 if page.not_modified else len(page.body),
            sha256=page.sha256,
            etag=trusted_etag(page.etag),
            last_modified=trusted_last_modified(page.last_modified, page.fetched_at),
            content_type=page.content_type,
            duration_ms=round(page.elapsed_s * 1000),
            changed=held is None or held.sha256 != page.sha256,
            body_size=len(page.body),
        )

    @staticmethod
    def failure(error: FetchError) -> FetchOutcome:
        """The fetch-log record of a request that failed after its retries."""
        return FetchOutcome(
            url=error.url,
            requested_at=datetime.now(UTC),
            status=error.status,
            not_modified=False,
            byte_count=len(error.body) if error.body is not None else None,
            sha256=None,
            etag=None,
            last_modified=None,
            content_type=None,
            duration_ms=None,
            error=error.reason,
        )
