"""Conditional fetching against what an earlier run already holds.

The caller passes in what it knows of each URL (validators and the sha256 of the body it
holds, read from the warehouse by `flows`; this module knows no database). A 304 costs no
body: the page comes back with the archived bytes and their metadata (a 304 carries no
Content-Type: the one held for the URL is kept), marked `not_modified`, so link-following,
parsing and saving work the same as for a 200. Every response, failures included, is archived and
recorded as a `FetchOutcome` for the caller to store.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from extract.archive import RawArchive
from extract.http import FetchedPage, FetchError, SiteClient


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
    byte_count: int | None
    sha256: str | None
    etag: str | None
    last_modified: str | None
    content_type: str | None
    duration_ms: int
    error: str | None = None
    changed: bool = False  # a body unlike the one held (or the first one)
    body_size: int | None = None  # of the body the page carries: received, or held for a 304


@dataclass
class ConditionalFetcher:
    """`get(url)` that revalidates what is held, archives what arrives, and logs it all."""

    client: SiteClient
    archive: RawArchive
    known: Mapping[str, KnownPage] = field(default_factory=dict)
    outcomes: list[FetchOutcome] = field(default_factory=list)

    def get(self, url: str) -> FetchedPage:
        url = self.client.absolute(url)
        held = self.known.get(url)
        if held is not None and held.sha256 not in self.archive:
            held = None  # validators without the bytes are useless: fetch the page whole
        requested_at = datetime.now(UTC)
        try:
            if held is None:
                page = self.client.get(url)
            else:
                page = self.client.get(url, etag=held.etag, last_modified=held.last_modified)
        except FetchError as exc:
            self.archive.record_failure(exc)
            self.outcomes.append(
                FetchOutcome(
                    url=url,
                    requested_at=requested_at,
                    status=exc.status,
                    not_modified=False,
                    byte_count=len(exc.body) if exc.body is not None else None,
                    sha256=None,
                    etag=None,
                    last_modified=None,
                    content_type=None,
                    duration_ms=_ms_since(requested_at),
                    error=exc.reason,
                )
            )
            raise
        if page.not_modified and held is not None:
            page = dataclasses.replace(
                page,
                body=self.archive.read(held.sha256),
                content_type=held.content_type or page.content_type,
                etag=page.etag or held.etag,
                last_modified=page.last_modified or held.last_modified,
            )
            sha256, changed, byte_count = held.sha256, False, 0
        else:
            sha256 = self.archive.record_page(page)
            changed = held is None or held.sha256 != sha256
            byte_count = len(page.body)
        self.outcomes.append(
            FetchOutcome(
                url=page.url,
                requested_at=requested_at,
                status=page.status,
                not_modified=page.not_modified,
                byte_count=byte_count,
                sha256=sha256,
                etag=page.etag,
                last_modified=page.last_modified,
                content_type=page.content_type,
                duration_ms=round(page.elapsed_s * 1000),
                changed=changed,
                body_size=len(page.body),
            )
        )
        return page

    def take_outcomes(self) -> list[FetchOutcome]:
        """The outcomes recorded since the last call (for saving per report)."""
        taken, self.outcomes = self.outcomes, []
        return taken


def _ms_since(started: datetime) -> int:
    return round((datetime.now(UTC) - started).total_seconds() * 1000)
