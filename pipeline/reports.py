"""The one run path: reports from a source, parsed, each loaded in its own transaction.

`run_reports(settings, source)` is what `cqc ingest` and `cqc reparse` both run (the flows in
`flows/` are shells around it). The source says which reports the run reads:

- `SiteSource`, the nightly ingest: discover the listing, revalidate the reports due and fetch
  the new ones (`pipeline.crawl`), every exchange into the run's WARC file; a report is parsed
  again only if a page changed or failed, or its last outcome came from another parser
  version, missed a page or loaded with a warning;
- `ArchiveSource`, the reparse: the archive's manifests alone, every report parsed, no network.

Then both go the same way: every report's archived bytes through the pure per-report
pipeline (`transform.pipeline.build_outcome`, PDFs in a guarded worker), and each report saved
in one transaction (`warehouse.load.save_outcome`) with its requests and page states.

There is one retry layer: the HTTP client (`extract.http.SiteClient`) retries what is
transient (timeouts, 429, 5xx, honouring Retry-After) with backoff. Nothing above it retries:
whatever still reaches the run (a 404, a crawl limit, a listing that does not parse) would
fail the same way again.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from extract.http import RetryPolicy, RunStopError, SiteClient
from extract.incremental import ConditionalFetcher, FetchOutcome, KnownPage
from extract.warc import WarcArchive
from pipeline.crawl import ListingFetch, ReportFetch, crawl_site
from pipeline.pdf_guard import GuardedPdfParser
from pipeline.phases import (
    IngestSummary,
    ListingShrankError,
    LoadedReport,
    ReportReader,
    SiteChangedError,
    fetch_records,
    listing_shrink,
    page_states,
    parse_reports,
    site_change,
    summarise,
)
from pipeline.progress import report_progress
from pipeline.run import Run, RunMode, open_run
from pipeline.schedule import due_for_revalidation
from pipeline.settings import LISTING_PATH, Settings
from transform.records import ListingEntry
from transform.version import PARSER_VERSION
from warehouse.load import save_outcome
from warehouse.state import (
    fetch_failed_reports,
    load_validators,
    loaded_reports,
    log_fetches,
    mark_checked,
    parsed_versions,
    report_check_ages,
    reports_with_warnings,
    save_page_states,
    save_pdf_parse,
)
from warehouse.status import held_reports, save_report_status

__all__ = ["ArchiveSource", "Gathered", "RunSource", "SiteSource", "run_reports"]


@dataclass(frozen=True)
class Gathered:
    """What a source gives a run: the reports to load, in order, each with whether it is
    parsed again, and the figures the run's summary needs."""

    reports: list[ReportFetch]
    reparse: list[bool]  # one per report: False only for an unchanged report (ingest)
    listed: int
    in_progress: int
    not_due: int
    not_reached: int = 0
    listing_fetches: list[FetchOutcome] = field(default_factory=list)
    stopped: str | None = None  # why the crawl stopped short: the run fails after loading
    keep_tables_on_site_change: bool = False  # a run that finds the site changed loads nothing
    listed_slugs: list[str] = field(default_factory=list)  # every report the listing names
    watch_listing: bool = False  # a held report the listing no longer names is withdrawn

    @property
    def fetches(self) -> list[FetchOutcome]:
        return [*self.listing_fetches, *(f for r in self.reports for f in r.fetches)]


class RunSource(Protocol):
    """Where a run's reports come from."""

    @property
    def mode(self) -> RunMode: ...

    def gather(self, run: Run, reader: ReportReader) -> Gathered:
        """The run's reports; a source may have `reader` read some as they come."""
        ...


def run_reports(settings: Settings, source: RunSource) -> IngestSummary:
    """Gather the source's reports, parse those that need it, load each in its own
    transaction; the summary from what that returned. Raises `SiteChangedError` (nothing
    loaded) when many reports that loaded before no longer parse, and `RunStopError` when
    the crawl had to stop short (after loading what it fetched)."""
    with (
        open_run(settings, source.mode) as run,
        GuardedPdfParser(settings.pdf_time_limit_s, settings.pdf_memory_limit_mb) as pdfs,
    ):
        reader = ReportReader(run.archive, read_pdf=pdfs if settings.pdfs else None)
        gathered = source.gather(run, reader)
        to_parse = [r for r, again in zip(gathered.reports, gathered.reparse, strict=True) if again]
        outcomes = parse_reports(reader, to_parse, progress=report_progress)
        if gathered.keep_tables_on_site_change:
            changed = site_change(outcomes, loaded_reports(run.conn))
            if changed is not None:  # nothing is loaded: the last good tables stay
                run.logger.error("%s", changed.line)
                for reason, count in changed.reasons:
                    run.logger.error("  %d reports: %s", count, reason)
                raise SiteChangedError(changed, run.run_id)
        log_fetches(run.conn, run.run_id, fetch_records(gathered.listing_fetches))
        save_page_states(run.conn, run.run_id, page_states(gathered.listing_fetches, None, {}))
        parsed = iter(outcomes)
        loaded: list[LoadedReport] = []
        unchanged: list[str] = []  # not re-parsed: their bytes and their outcome stand
        for number, (fetched, again) in enumerate(
            zip(gathered.reports, gathered.reparse, strict=True), start=1
        ):
            progress = f"[{number}/{len(gathered.reports)}] {fetched.slug}"
            log_fetches(run.conn, run.run_id, fetch_records(fetched.fetches))
            if not again:
                mark_checked(
                    run.conn, run.run_id, [o.url for o in fetched.fetches if o.error is None]
                )
                run.logger.info("%s unchanged: nothing re-parsed", progress)
                unchanged.append(fetched.slug)
                continue
            outcome = next(parsed)
            if outcome.pdf_reading is not None and outcome.pdf_reading.finished:
                save_pdf_parse(run.conn, outcome.pdf_reading, PARSER_VERSION)
            changes = save_outcome(
                run.conn, outcome, parser_version=PARSER_VERSION, run_id=run.run_id
            )
            kinds = {page.url: page.page_kind or "" for page in outcome.source_pages}
            states = page_states(fetched.fetches, fetched.entry.slug, kinds)
            save_page_states(run.conn, run.run_id, states)
            loaded.append(LoadedReport(outcome, changes))
            log_outcome(run, progress, loaded[-1])
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
            loaded=loaded,
            unchanged_not_parsed=unchanged,
            not_due=gathered.not_due,
            not_reached=gathered.not_reached,
            statuses=statuses,
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


def log_outcome(run: Run, progress: str, done: LoadedReport) -> None:
    """One line per report saved (a warning per problem), for the run's log."""
    outcome = done.outcome
    logger = run.logger
    if outcome.report is None:
        first, more = outcome.issues[0], len(outcome.issues) - 1
        logger.warning(
            "%s not loaded (%s): %s%s",
            progress,
            first.stage,
            first.reason,
            f" (and {more} more)" if more else "",
        )
        return
    for issue in outcome.issues:
        logger.warning("%s loaded, with a warning (%s): %s", progress, issue.stage, issue.reason)
    for d in outcome.disagreements:
        logger.warning(
            "%s: the PDF says %s = %s, the pages %s (the pages' value is loaded)",
            progress,
            d.field,
            d.pdf_value,
            d.html_value,
        )
    if done.is_new:
        what = "new"
    elif done.changes:
        what = "changed: " + ", ".join(c.field or c.change_kind for c in done.changes)
    else:
        what = "re-parsed, unchanged"
    report = outcome.report
    pct = f"{report.overall_score_pct}%" if report.overall_score_pct else "no %"
    logger.info("%s %s (%s, %s)", progress, what, report.overall_rating, pct)


@dataclass(frozen=True)
class SiteSource:
    """The nightly ingest's reports: crawled from the site (`settings.base_url`)."""

    mode: RunMode = "ingest"

    def gather(self, run: Run, reader: ReportReader) -> Gathered:
        """Crawl the site; each report that needs reading again is read as soon as it is
        archived (`ReportReader`)."""
        settings = run.settings
        assert run.writer is not None  # an ingest run has its WARC file
        held = HeldOutcomes.read(run)

        def read_if_needed(fetched: ReportFetch) -> None:
            if held.needs_parse(fetched):
                reader.read(fetched)

        known = {
            url: KnownPage(v.sha256, v.etag, v.last_modified, v.content_type)
            for url, v in load_validators(run.conn).items()
            if v.sha256 is not None
        }
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
                due=_due_reports(run),
                max_reports=settings.max_reports,
                pdfs=settings.pdfs,
                progress=report_progress,
                deadline=run.started + settings.run_deadline_s,
                on_report=read_if_needed,
            )
        listed_slugs = [e.slug for e in crawl.listing.entries if e.slug]
        if crawl.listing.pages:  # the listing was read (a listing that failed stops the run)
            shrank = listing_shrink(len(listed_slugs), held_reports(run.conn))
            if shrank is not None:
                raise ListingShrankError(shrank)
        return Gathered(
            reports=crawl.reports,
            reparse=[held.needs_parse(r) for r in crawl.reports],
            listed=len(crawl.reports) + len(crawl.not_due) + len(crawl.not_reached),
            in_progress=len(crawl.listing.in_progress),
            not_due=len(crawl.not_due),
            not_reached=len(crawl.not_reached),
            listing_fetches=list(crawl.listing.fetches),
            stopped=crawl.stopped,
            keep_tables_on_site_change=True,
            listed_slugs=listed_slugs,
            watch_listing=bool(crawl.listing.pages),
        )


def _due_reports(run: Run) -> Callable[[Sequence[ListingEntry]], Collection[str]]:
    """Which listed reports tonight's crawl fetches: the new ones, those to try again and the
    held ones whose revalidation turn it is (every held one with `--full`)."""
    settings = run.settings
    ages = report_check_ages(run.conn)
    # A report that never loaded, or whose last fetch missed a page, is tried again every run
    # (a 503 one night must not wait a week), whatever its revalidation turn.
    retry = (set(ages) - loaded_reports(run.conn)) | fetch_failed_reports(run.conn)

    def due(entries: Sequence[ListingEntry]) -> Collection[str]:
        slugs = [e.slug for e in entries if e.slug]
        held = [slug for slug in slugs if slug in ages and slug not in retry]
        chosen = (
            set(held)
            if settings.full
            else due_for_revalidation(held, ages, cycle_runs=settings.revalidate_cycle)
        )
        again = {slug for slug in slugs if slug in retry}
        run.logger.info(
            "%d reports listed at %s: %d new, %d to try again, %d held, %d of them due",
            len(slugs),
            settings.base_url,
            len(slugs) - len(held) - len(again),
            len(again),
            len(held),
            len(chosen),
        )
        return chosen | again | {slug for slug in slugs if slug not in ages}

    return due


@dataclass(frozen=True)
class HeldOutcomes:
    """What the warehouse holds of each report's last outcome, read once per run."""

    parser_versions: dict[str, str]
    incomplete: set[str]  # a page failed to fetch
    warned: set[str]  # loaded with a warning

    @classmethod
    def read(cls, run: Run) -> HeldOutcomes:
        conn = run.conn
        return cls(parsed_versions(conn), fetch_failed_reports(conn), reports_with_warnings(conn))

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


@dataclass(frozen=True)
class ArchiveSource:
    """The reparse's reports: what the archive's manifests say each was read from."""

    mode: RunMode = "reparse"

    def gather(self, run: Run, reader: ReportReader) -> Gathered:
        """Replay the archive's manifests (`run_reports` reads every report)."""
        listing, replay = archived_reports(run.archive)
        if listing is None:
            raise ArchiveWithoutListingError(_why_no_listing(run.archive))
        fetched = {f.slug for f in replay}
        return Gathered(
            reports=replay,
            reparse=[True] * len(replay),
            listed=len(listing.entries),
            in_progress=len(listing.in_progress),
            not_due=len(listing.entries) - len(fetched),
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
