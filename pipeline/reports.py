"""The one run path: reports from a source, parsed, each loaded in its own transaction.

`run_reports(settings, source)` is what `cqc ingest` and `cqc reparse` both run (the flows in
`flows/` are shells around it). The source says which reports the run reads:

- `SiteSource`, the nightly ingest: discover the listing, revalidate the reports due and fetch
  the new ones (`pipeline.crawl`), every exchange into the run's WARC file; a report is parsed
  again only if a page changed or failed, or its last outcome came from another parser
  version, missed a page or loaded with a warning;
- `ArchiveSource`, the reparse: the archive's manifests alone, every report parsed, no network.

Then both go the same way: each report, as the source hands it over, goes to the run's
loader (`pipeline.loader`): its archived bytes through the pure per-report pipeline
(`transform.pipeline.build_outcome`, PDFs in a guarded worker), and the report saved in one
transaction (`warehouse.load.save_outcome`) with its requests and page states. For the
ingest the loader works on a thread of its own, behind the crawl, so the parse and the load
fall in the crawl's politeness waits.

There is one retry layer: the HTTP client (`extract.http.SiteClient`) retries what is
transient (timeouts, 429, 5xx, honouring Retry-After) with backoff. Nothing above it retries:
whatever still reaches the run (a 404, a crawl limit, a listing that does not parse) would
fail the same way again.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from extract.http import RetryPolicy, RunStopError, SiteClient
from extract.incremental import ConditionalFetcher, FetchOutcome, KnownPage
from extract.warc import WarcArchive
from pipeline.crawl import ListingFetch, ReportFetch, crawl_site
from pipeline.loader import ReportLoader, ReportSink, SiteChangeGate, loading_behind
from pipeline.pdf_guard import GuardedPdfParser
from pipeline.phases import (
    IngestSummary,
    ListingShrankError,
    ReportReader,
    listing_shrink,
    summarise,
)
from pipeline.progress import report_progress
from pipeline.run import Run, RunMode, open_run
from pipeline.schedule import due_for_revalidation
from pipeline.settings import LISTING_PATH, Settings
from transform.records import ListingEntry
from transform.version import PARSER_VERSION
from warehouse.state import (
    fetch_failed_reports,
    load_validators,
    loaded_reports,
    parsed_versions,
    report_check_ages,
    reports_with_warnings,
)
from warehouse.status import held_reports, save_report_status

__all__ = ["ArchiveSource", "Gathered", "RunSource", "SiteSource", "run_reports"]


@dataclass(frozen=True)
class Gathered:
    """What a source did, for the run's summary: the reports it handed over, in order, and
    the figures the summary needs."""

    reports: list[ReportFetch]
    listed: int
    in_progress: int
    not_due: int
    not_reached: int = 0
    listing_fetches: list[FetchOutcome] = field(default_factory=list)
    stopped: str | None = None  # why the crawl stopped short: the run fails after loading
    listed_slugs: list[str] = field(default_factory=list)  # every report the listing names
    watch_listing: bool = False  # a held report the listing no longer names is withdrawn
    requests: dict[str, int] = field(default_factory=dict)  # requests by why they were made

    @property
    def fetches(self) -> list[FetchOutcome]:
        return [*self.listing_fetches, *(f for r in self.reports for f in r.fetches)]


class RunSource(Protocol):
    """Where a run's reports come from."""

    @property
    def mode(self) -> RunMode: ...

    @property
    def streams(self) -> bool:
        """Whether it waits on the network between reports (the loader then works behind
        it, on a thread of its own)."""
        ...

    @property
    def watches_site(self) -> bool:
        """Whether a run that finds the site changed under the parser loads nothing."""
        ...

    def gather(self, run: Run, sink: ReportSink) -> Gathered:
        """Hand the run's reports to `sink` as they come (the listing first)."""
        ...


def run_reports(settings: Settings, source: RunSource) -> IngestSummary:
    """Hand the source's reports, as they come, to a loader that parses those that need it
    and loads each in its own transaction (behind the crawl, in its politeness waits); the
    summary from what that returned. Raises `SiteChangedError` (nothing loaded) when many
    reports that loaded before no longer parse, and `RunStopError` when the crawl had to stop
    short (after loading what it fetched)."""
    with (
        open_run(settings, source.mode) as run,
        GuardedPdfParser(settings.pdf_time_limit_s, settings.pdf_memory_limit_mb) as pdfs,
    ):
        reader = ReportReader(run.archive, read_pdf=pdfs if settings.pdfs else None)
        gate = SiteChangeGate(frozenset(loaded_reports(run.conn)), watching=source.watches_site)
        loader = ReportLoader(run, reader, gate)
        with loading_behind(loader, background=source.streams) as sink:
            gathered = source.gather(run, sink)
        loaded = loader.finish()
        statuses = save_report_status(
            run.conn,
            run.run_id,
            run.started_at,
            gathered.listed_slugs,
            watch_listing=gathered.watch_listing,
        )
        for slug in statuses.withdrawn:
            run.logger.warning("%s is no longer in the listing: marked withdrawn", slug)
        for slug in statuses.relisted:
            run.logger.warning("%s is listed again: no longer withdrawn", slug)
        summary = summarise(
            run.run_id,
            run.seconds,
            listed=gathered.listed,
            in_progress=gathered.in_progress,
            fetches=gathered.fetches,
            loaded=loaded.reports,
            unchanged_not_parsed=loaded.unchanged,
            not_due=gathered.not_due,
            not_reached=gathered.not_reached,
            statuses=statuses,
            requests=gathered.requests,
        )
        run.record(summary.counts())
        report_progress(summary.listed, summary.listed, "done")
        if gathered.not_reached:
            run.logger.warning(
                "the run reached its deadline (CQC_RUN_DEADLINE_S, %.0f s): %d reports were "
                "not fetched and are first in line next run",
                settings.run_deadline_s,
                gathered.not_reached,
            )
        if gathered.stopped is not None:  # what it fetched is loaded; the run itself failed
            raise RunStopError(gathered.stopped)
        run.logger.info(
            "%s run %d done in %.1fs: reports %d new, %d changed, %d unchanged, %d failed, "
            "%d not due; pages %d fetched, %d not modified, %d failed (%d bytes); %d PDFs parsed",
            source.mode,
            run.run_id,
            summary.seconds,
            summary.reports_new,
            summary.reports_changed,
            summary.reports_unchanged,
            summary.failed,
            summary.reports_skipped,
            summary.pages_fetched,
            summary.pages_not_modified,
            summary.pages_failed,
            summary.bytes_fetched,
            summary.pdfs_parsed,
        )
    return summary


# Why a report is fetched tonight, for the run's count of requests by reason.
NEW, RETRY, REVALIDATION, LISTING = "new", "retry", "revalidation", "listing"


@dataclass(frozen=True)
class SiteSource:
    """The nightly ingest's reports: crawled from the site (`settings.base_url`)."""

    mode: RunMode = "ingest"
    streams: bool = True
    watches_site: bool = True

    def gather(self, run: Run, sink: ReportSink) -> Gathered:
        """Crawl the site, handing each report over as soon as it is archived (parsed again
        only if it needs it); then a report that could not be loaded, is not due tonight and
        was read by another parser version is handed over from the archive, no request."""
        settings = run.settings
        assert run.writer is not None  # an ingest run has its WARC file
        held = HeldOutcomes.read(run)
        held_count = held_reports(run.conn)
        reasons = _due_reports(run)
        known = {
            url: KnownPage(v.sha256, v.etag, v.last_modified, v.content_type)
            for url, v in load_validators(run.conn).items()
            if v.sha256 is not None
        }

        def on_listing(listing: ListingFetch, chosen: Sequence[str]) -> None:
            if listing.pages:  # read (a listing that failed stops the run before this)
                listed = sum(1 for e in listing.entries if e.slug)
                shrank = listing_shrink(listed, held_count)
                if shrank is not None:
                    raise ListingShrankError(shrank)
            sink.listing(listing.fetches, chosen)

        def on_report(fetched: ReportFetch) -> None:
            sink.report(fetched, held.needs_parse(fetched))

        client = SiteClient(
            settings.base_url,
            timeout_s=settings.timeout_s,
            user_agent=settings.user_agent,
            retry=RetryPolicy(attempts=settings.retries, max_delay_s=settings.max_retry_after_s),
            deadline_s=settings.request_deadline_s,
            max_crawl_delay_s=settings.max_crawl_delay_s,
            min_interval_s=settings.min_interval_s,
            obey_robots=settings.obey_robots,
            on_exchange=run.writer.write_exchange,
        )
        with client:
            crawl = crawl_site(
                ConditionalFetcher(client, run.archive, known),
                run.writer,
                listing_url=client.absolute(LISTING_PATH),
                due=reasons.due,
                max_reports=settings.max_reports,
                pdfs=settings.pdfs,
                progress=report_progress,
                deadline=run.started + settings.run_deadline_s,
                on_listing=on_listing,
                on_report=on_report,
            )
        listed_slugs = [e.slug for e in crawl.listing.entries if e.slug]
        fetched = {r.slug for r in crawl.reports}
        stale = [s for s in listed_slugs if s not in fetched and held.stale_failure(s)]
        replayed = latest_manifests(run.archive, stale) if stale else []
        for report in replayed:
            run.logger.info(
                "%s: not loaded, read by parser %s: read again from the archive (no request)",
                report.slug,
                held.parser_versions.get(report.slug),
            )
            sink.report(report, True)
        requests = Counter({LISTING: len(crawl.listing.fetches)})
        for report in crawl.reports:
            requests[reasons.chosen.get(report.slug, NEW)] += len(report.fetches)
        return Gathered(
            reports=[*crawl.reports, *replayed],
            listed=len(crawl.reports) + len(crawl.not_due) + len(crawl.not_reached),
            in_progress=len(crawl.listing.in_progress),
            not_due=len(crawl.not_due),
            not_reached=len(crawl.not_reached),
            listing_fetches=list(crawl.listing.fetches),
            stopped=crawl.stopped,
            listed_slugs=listed_slugs,
            watch_listing=bool(crawl.listing.pages),
            requests={reason: requests[reason] for reason in (LISTING, NEW, RETRY, REVALIDATION)},
        )


@dataclass
class DueReports:
    """Which listed reports tonight's crawl fetches, and why: the new ones, those whose last
    fetch missed a page (tried again every run: a 503 one night must not wait a week) and the
    held ones whose revalidation turn it is (every held one with `--full`). A report that
    could not be loaded from complete bytes waits for its turn like any other: the same bytes
    would fail the same way, and a new parser reads them from the archive."""

    run: Run
    ages: dict[str, int | None]
    fetch_failed: set[str]
    chosen: dict[str, str] = field(default_factory=dict)  # slug -> why, once `due` is called

    def due(self, entries: Sequence[ListingEntry]) -> Collection[str]:
        settings = self.run.settings
        slugs = [e.slug for e in entries if e.slug]
        again = [slug for slug in slugs if slug in self.fetch_failed and slug in self.ages]
        held = [slug for slug in slugs if slug in self.ages and slug not in self.fetch_failed]
        turn = (
            set(held)
            if settings.full
            else due_for_revalidation(held, self.ages, cycle_runs=settings.revalidate_cycle)
        )
        self.chosen = {slug: NEW for slug in slugs if slug not in self.ages}
        self.chosen |= {slug: RETRY for slug in again}
        self.chosen |= {slug: REVALIDATION for slug in turn}
        self.run.logger.info(
            "%d reports listed at %s: %d new, %d to try again, %d held, %d of them due",
            len(slugs),
            settings.base_url,
            len(slugs) - len(held) - len(again),
            len(again),
            len(held),
            len(turn),
        )
        return self.chosen


def _due_reports(run: Run) -> DueReports:
    return DueReports(run, report_check_ages(run.conn), fetch_failed_reports(run.conn))


@dataclass(frozen=True)
class HeldOutcomes:
    """What the warehouse holds of each report's last outcome, read once per run."""

    parser_versions: dict[str, str]
    incomplete: set[str]  # a page failed to fetch
    warned: set[str]  # loaded with a warning
    loaded: set[str]

    @classmethod
    def read(cls, run: Run) -> HeldOutcomes:
        conn = run.conn
        return cls(
            parsed_versions(conn),
            fetch_failed_reports(conn),
            reports_with_warnings(conn),
            loaded_reports(conn),
        )

    def needs_parse(self, fetched: ReportFetch) -> bool:
        """Whether the run must read this report again: a page changed or failed, or its last
        outcome came from another parser version, missed a page or loaded with a warning."""
        slug = fetched.slug
        return bool(
            fetched.failures
            or fetched.changed
            or self.parser_versions.get(slug) != PARSER_VERSION
            or slug in self.incomplete
            or slug in self.warned
        )

    def stale_failure(self, slug: str) -> bool:
        """A report read whole that could not be loaded, by another parser version: the
        current one may load it from the bytes the archive holds."""
        version = self.parser_versions.get(slug)
        return (
            version is not None
            and version != PARSER_VERSION
            and slug not in self.loaded
            and slug not in self.incomplete
        )


@dataclass(frozen=True)
class ArchiveSource:
    """The reparse's reports: what the archive's manifests say each was read from."""

    mode: RunMode = "reparse"
    streams: bool = False
    watches_site: bool = False

    def gather(self, run: Run, sink: ReportSink) -> Gathered:
        """Replay the archive's manifests, every report parsed."""
        listing, replay = archived_reports(run.archive)
        if listing is None:
            raise ArchiveWithoutListingError(_why_no_listing(run.archive))
        sink.listing([], [f.slug for f in replay])
        for number, fetched in enumerate(replay):
            report_progress(number, len(replay), fetched.slug)
            sink.report(fetched, True)
        slugs = {f.slug for f in replay}
        return Gathered(
            reports=replay,
            listed=len(listing.entries),
            in_progress=len(listing.in_progress),
            not_due=len(listing.entries) - len(slugs),
            listed_slugs=[e.slug for e in listing.entries if e.slug],
        )


class ArchiveWithoutListingError(RunStopError):
    """A reparse found no listing manifest it can read: nothing to reparse."""


def _why_no_listing(archive: WarcArchive) -> str:
    """Why an archive gives no listing: damaged, empty, or never given one."""
    damaged = archive.unreadable_metadata()
    if damaged:
        return (
            f"the archive at {archive.root} is damaged: {len(damaged)} run manifests cannot "
            f"be read (the first: {damaged[0]}), and no listing manifest can: nothing "
            "reparsed (`cqc archive rebuild-index` if its index is torn)"
        )
    if not any(True for _ in archive.entries()):
        return (
            f"the archive at {archive.root} holds no WARC records: nothing to reparse (an "
            "archive written before WARC is imported by `cqc archive import-legacy`)"
        )
    return (
        f"the archive at {archive.root} holds no listing manifest (no ingest has read the "
        "listing into it): nothing to reparse"
    )


def archived_reports(archive: WarcArchive) -> tuple[ListingFetch | None, list[ReportFetch]]:
    """The latest listing the archive holds, and the manifests to replay for each report it
    lists, in listing order: the latest one, preceded (when the latest missed a page) by the
    latest complete one, so a report that loaded before a failed night loads again and then
    gets that night's issues, as the ingest left it."""
    listing: ListingFetch | None = None
    for _, payload in archive.metadata("listing"):
        listing = ListingFetch.from_manifest(payload)
    if listing is None:
        return None, []
    by_slug: dict[str, list[ReportFetch]] = {}
    for _, payload in archive.metadata("report"):
        fetched = ReportFetch.from_manifest(payload)
        by_slug.setdefault(fetched.slug, []).append(fetched)
    replay: list[ReportFetch] = []
    for entry in listing.entries:
        history = by_slug.get(entry.slug or "")
        if not history:
            continue  # listed, never fetched (a run capped by --max-reports)
        latest = history[-1]
        if latest.failures:
            complete = [f for f in history if not f.failures]
            if complete:
                replay.append(complete[-1])
        replay.append(latest)
    return listing, replay


def latest_manifests(archive: WarcArchive, slugs: Collection[str]) -> list[ReportFetch]:
    """The latest manifest the archive holds of each report in `slugs`, in archive order."""
    latest: dict[str, ReportFetch] = {}
    for _, payload in archive.metadata("report"):
        if payload.get("slug") in slugs:
            fetched = ReportFetch.from_manifest(payload)
            latest[fetched.slug] = fetched
    return list(latest.values())
