"""The pieces of a run between fetching and storing, for `pipeline.reports.run_reports`.

Parse: each report's archived bytes (read back and digest-checked) through the pure
per-report pipeline, `transform.pipeline.build_outcome`. The rows a run's requests and pages
leave in `fetch_log` and `page_state`; whether the site changed under the parser; the run's
summary, summed up from the values the run's steps returned.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field

from extract.http import RunStopError
from extract.incremental import FetchOutcome
from extract.warc import WarcArchive
from pipeline.crawl import ReportFetch, archived_source
from transform.changes import ReportChange
from transform.pipeline import PdfParser, ReportOutcome, build_outcome
from transform.records import ReportIssue
from warehouse.state import (
    FetchRecord,
    PageState,
)
from warehouse.status import NotLoaded, ReportStatuses

ProgressCallback = Callable[[int, int, str], None]


@dataclass(frozen=True)
class LoadedReport:
    """One report after phase three: what it amounted to and what changed in the warehouse."""

    outcome: ReportOutcome
    changes: list[ReportChange]

    @property
    def is_new(self) -> bool:
        return any(change.change_kind == "new_report" for change in self.changes)


@dataclass(frozen=True)
class IngestSummary:
    """What a run did, for the end-of-run log line, the run row, the artifact and callers."""

    run_id: int = 0
    listed: int = 0
    in_progress: int = 0
    loaded: int = 0  # valid reports written this run (new, changed or re-saved)
    failed: int = 0  # listed reports not loaded after the run, whether re-read or not
    reports_new: int = 0
    reports_changed: int = 0
    reports_unchanged: int = 0  # held and identical (whether or not re-parsed)
    reports_skipped: int = 0  # held but not due for revalidation this run
    reports_not_reached: int = 0  # due, but the run's deadline came first: the next run
    pages_fetched: int = 0  # bodies downloaded (200)
    pages_not_modified: int = 0  # 304: no body
    pages_failed: int = 0
    bytes_fetched: int = 0
    pdfs_parsed: int = 0  # PDFs parsed this run
    disagreements: int = 0  # headline fields on which a PDF contradicts its pages
    seconds: float = 0.0
    issues: list[ReportIssue] = field(default_factory=list)
    new_reports: list[str] = field(default_factory=list)  # slugs
    changed_reports: dict[str, list[str]] = field(default_factory=dict)  # slug -> fields
    not_loaded: list[NotLoaded] = field(default_factory=list)  # the `failed`, with their age
    withdrawn: list[str] = field(default_factory=list)  # gone from the listing this run
    relisted: list[str] = field(default_factory=list)  # back in the listing this run
    # requests by why they were made: the listing, new reports, reports whose last fetch
    # missed a page, held reports whose revalidation turn it was (an ingest only)
    requests: dict[str, int] = field(default_factory=dict)

    def outcome(self) -> str:
        """One line for the run's final state: how many loaded, how many not."""
        line = f"{self.loaded} reports loaded, {self.failed} not loaded"
        if self.withdrawn:
            line += f", {len(self.withdrawn)} withdrawn from the listing"
        if self.reports_not_reached:
            line += f", {self.reports_not_reached} not reached before the run's deadline"
        return line

    def requests_line(self) -> str | None:
        """The run's requests by why they were made (an ingest's; None for a reparse)."""
        if not self.requests:
            return None
        said = {
            "listing": "the listing",
            "new": "new reports",
            "retry": "retrying a failed fetch",
            "revalidation": "revalidating on their turn",
        }
        parts = [f"{count} {said.get(why, why)}" for why, count in self.requests.items()]
        return f"{sum(self.requests.values())} requests: " + ", ".join(parts)

    def counts(self) -> dict[str, int]:
        """The counters `ingest_run` keeps."""
        return {
            "pages_fetched": self.pages_fetched,
            "pages_not_modified": self.pages_not_modified,
            "pages_failed": self.pages_failed,
            "bytes_fetched": self.bytes_fetched,
            "reports_new": self.reports_new,
            "reports_changed": self.reports_changed,
            "reports_unchanged": self.reports_unchanged,
            "reports_failed": self.failed,
            "reports_skipped": self.reports_skipped,
        }


class ReportReader:
    """Phase two for one run: a report's archived bytes (read back and digest-checked) through
    the per-report pipeline, each report read once. The run's loader reads each report as
    soon as the crawl has archived it, while the soups the crawl built of its pages are still
    held (`transform.text.shared_soup`)."""

    def __init__(self, archive: WarcArchive, *, read_pdf: PdfParser | None) -> None:
        self.archive = archive
        self.read_pdf = read_pdf  # the run's guarded parser; None leaves PDFs unread
        # by id(): each outcome beside the fetch it came from, which keeps that id taken
        self._read: dict[int, tuple[ReportFetch, ReportOutcome]] = {}

    def read(self, fetched: ReportFetch) -> ReportOutcome:
        held = self._read.get(id(fetched))
        if held is None:
            source = archived_source(self.archive, fetched)
            held = (fetched, build_outcome(source, read_pdf=self.read_pdf))
            self._read[id(fetched)] = held
        return held[1]


# A listing that names fewer than this share of the reports held is not believed: a site
# that shows "no results" or loses a page of its pager must not withdraw our reports.
LISTING_KEEP_SHARE = 0.8


class ListingShrankError(RunStopError):
    """The listing names far fewer reports than the warehouse holds: the run stops before
    loading anything, and every table keeps what it holds."""


def listing_shrink(listed: int, held: int) -> str | None:
    """Why a listing of `listed` reports is not believed when `held` are held, or None."""
    if held == 0 or listed >= LISTING_KEEP_SHARE * held:
        return None
    return (
        f"the listing names {listed} reports where the warehouse holds {held} (a drop of "
        f"{1 - listed / held:.0%}, more than {1 - LISTING_KEEP_SHARE:.0%}): not believed, "
        "nothing loaded, nothing withdrawn; every table is kept"
    )


# A run that newly fails to load more than this share of the reports that loaded before (and
# at least SITE_CHANGE_MIN of them) reads a site it no longer understands: it loads nothing.
SITE_CHANGE_SHARE = 0.1
SITE_CHANGE_MIN = 2


class SiteChangedError(RunStopError):
    """The site's pages changed so that many reports that loaded no longer parse: the run
    keeps the last good tables rather than replace them with failures."""

    def __init__(self, change: SiteChange, run_id: int) -> None:
        super().__init__(change.line)
        self.change = change
        self.run_id = run_id


@dataclass(frozen=True)
class SiteChange:
    """Reports that loaded before and no longer do, and why, by how often each reason came."""

    failing: list[str]  # slugs
    held: int  # reports loaded before the run
    reasons: list[tuple[str, int]]  # (reason, how many reports), most common first

    @property
    def line(self) -> str:
        return (
            f"the site's pages changed: {len(self.failing)} of {self.held} reports no longer "
            "parse; the last good tables are kept"
        )


def site_change(outcomes: Sequence[ReportOutcome], held: Collection[str]) -> SiteChange | None:
    """The site change a run's outcomes show, if any: more than SITE_CHANGE_SHARE of the
    reports held (loaded before) now fail. A report or two failing is that report's issue."""
    failing = [o for o in outcomes if o.report is None and o.slug in held]
    if len(failing) < SITE_CHANGE_MIN or len(failing) <= SITE_CHANGE_SHARE * len(held):
        return None
    reasons: Counter[str] = Counter()
    for outcome in failing:
        reasons.update({_reason_kind(i.reason) for i in outcome.issues if i.blocking})
    ranked = sorted(reasons.items(), key=lambda item: (-item[1], item[0]))
    return SiteChange([o.slug for o in failing], len(held), ranked)


def _reason_kind(reason: str) -> str:
    """A reason without what is particular to one report (its URLs, quoted values, figures),
    so that the same failure on many reports counts as one."""
    reason = re.sub(r"\s*\(https?://[^)]*\)", "", reason)
    reason = re.sub(r"https?://\S+", "<url>", reason)
    reason = re.sub(r"'[^']*'", "'…'", reason)
    return re.sub(r"\d+(?:\.\d+)?", "N", reason)


def fetch_records(fetches: Sequence[FetchOutcome]) -> list[FetchRecord]:
    """The fetch_log rows for a run's requests, failed ones included."""
    return [_fetch_record(o) for o in fetches]


def _fetch_record(o: FetchOutcome) -> FetchRecord:
    return FetchRecord(
        url=o.url,
        requested_at=o.requested_at,
        status=o.status,
        not_modified=o.not_modified,
        byte_count=o.byte_count,
        sha256=o.sha256,
        etag=o.etag,
        last_modified=o.last_modified,
        duration_ms=o.duration_ms,
        error=o.error,
    )


def page_states(
    fetches: Sequence[FetchOutcome], slug: str | None, kinds: dict[str, str]
) -> list[PageState]:
    """The page_state rows for the pages a run received (failed requests move nothing)."""
    return [
        PageState(
            url=o.url,
            assessment_id=slug,
            page_kind="listing" if slug is None else kinds.get(o.url),
            sha256=o.sha256,
            etag=o.etag,
            last_modified=o.last_modified,
            content_type=o.content_type,
            byte_count=o.body_size,
            changed=o.changed,
        )
        for o in fetches
        if o.error is None
    ]


def summarise(
    run_id: int,
    seconds: float,
    *,
    listed: int,
    in_progress: int,
    fetches: Sequence[FetchOutcome],
    loaded: Sequence[LoadedReport],
    unchanged_not_parsed: Sequence[str],
    not_due: int,
    statuses: ReportStatuses,
    not_reached: int = 0,
    requests: dict[str, int] | None = None,
) -> IngestSummary:
    """The run's figures, from what its phases returned. A report counts as not loaded if,
    after the run, it is listed and its latest reading could not be loaded (`statuses`),
    whether this run read it again or its unchanged bytes kept last night's outcome."""
    ok = [f for f in fetches if f.error is None]
    valid = [r for r in loaded if r.outcome.report is not None]
    blocked = {n.slug for n in statuses.not_loaded}
    new = [r.outcome.slug for r in valid if r.is_new]
    changed = {
        r.outcome.slug: [c.field or c.change_kind for c in r.changes]
        for r in valid
        if r.changes and not r.is_new
    }
    issues = [issue for r in loaded for issue in r.outcome.issues]
    return IngestSummary(
        run_id=run_id,
        listed=listed,
        in_progress=in_progress,
        loaded=len(valid),
        failed=len(blocked),
        reports_new=len(new),
        reports_changed=len(changed),
        reports_unchanged=sum(1 for slug in unchanged_not_parsed if slug not in blocked)
        + len(valid)
        - len(new)
        - len(changed),
        reports_skipped=not_due,
        reports_not_reached=not_reached,
        pages_fetched=sum(1 for f in ok if not f.not_modified),
        pages_not_modified=sum(1 for f in ok if f.not_modified),
        pages_failed=len(fetches) - len(ok),
        bytes_fetched=sum(f.byte_count or 0 for f in ok if not f.not_modified),
        pdfs_parsed=sum(
            1 for r in loaded if r.outcome.pdf_reading and r.outcome.pdf_reading.finished
        ),
        disagreements=sum(len(r.outcome.disagreements) for r in valid),
        seconds=seconds,
        issues=issues,
        new_reports=new,
        changed_reports=changed,
        not_loaded=list(statuses.not_loaded),
        withdrawn=list(statuses.withdrawn),
        relisted=list(statuses.relisted),
        requests=dict(requests or {}),
    )
