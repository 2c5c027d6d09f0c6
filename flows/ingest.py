"""The nightly ingest: crawl into the WARC archive, parse what changed, load it.

Three plain phases, composed here and nothing else:

1. crawl (`flows.crawl`): discover the listing, revalidate the reports due and fetch the new
   ones; every exchange is written to the run's WARC file, every report's manifest too;
2. parse (`flows.phases.parse_reports`): the reports whose pages changed (or whose last
   outcome came from another parser, or loaded with a warning, or missed a page) go through
   the pure per-report pipeline, on their archived bytes;
3. load (`flows.phases.load_report`): each report in one transaction, then the benchmark
   tables are rebuilt.

`cqc reparse` is phases 2 and 3 over everything the archive holds (`flows.reparse`).

There is one retry layer: the HTTP client (`extract.http.SiteClient`) retries what is
transient (timeouts, 429, 5xx, honouring Retry-After) with backoff. The tasks have no Prefect
retries: whatever still reaches them (a 404, a crawl limit, a listing that does not parse)
would fail the same way again, and re-running a task would multiply the client's attempts.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.states import Completed

from extract.http import RetryPolicy, RunStopError, SiteClient
from extract.incremental import ConditionalFetcher, KnownPage
from flows.artifacts import publish_site_change, publish_summary
from flows.benchmarks import refresh_benchmarks
from flows.crawl import ReportFetch, SiteCrawl, crawl_site
from flows.pdf_guard import GuardedPdfParser
from flows.phases import (
    IngestSummary,
    LoadedReport,
    SiteChange,
    SiteChangedError,
    load_listing,
    load_report,
    parse_reports,
    site_change,
    summarise,
)
from flows.progress import report_progress
from flows.run import Run, failed_if_busy, open_run
from flows.schedule import due_for_revalidation
from flows.settings import LISTING_PATH, Settings
from transform.pipeline import ReportOutcome
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

__all__ = ["IngestSummary", "nightly_ingest", "run_ingest"]


@task(name="crawl", cache_policy=NO_CACHE)
def crawl_phase(run: Run) -> SiteCrawl:
    """Phase one: fetch what is new or due, every exchange into the run's WARC file."""
    settings = run.settings
    assert run.writer is not None
    known = {
        url: KnownPage(v.sha256, v.etag, v.last_modified, v.content_type)
        for url, v in load_validators(run.conn).items()
        if v.sha256 is not None
    }
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
        return crawl_site(
            ConditionalFetcher(client, run.archive, known),
            run.writer,
            listing_url=client.absolute(LISTING_PATH),
            due=due,
            max_reports=settings.max_reports,
            pdfs=settings.pdfs,
            progress=report_progress,
            deadline=run.started + settings.run_deadline_s,
        )


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
        """Whether phase two must read this report: a page changed or failed, or its last
        outcome came from another parser version, missed a page or loaded with a warning."""
        slug = fetched.slug
        return bool(
            fetched.failures
            or fetched.changed
            or self.parser_versions.get(slug) != PARSER_VERSION
            or slug in self.incomplete
            or slug in self.warned
        )


parse_phase = task(name="parse", cache_policy=NO_CACHE)(parse_reports)


@task(name="load", cache_policy=NO_CACHE)
def load_phase(
    run: Run, crawl: SiteCrawl, outcomes: dict[str, ReportOutcome]
) -> list[LoadedReport]:
    """Phase three: the listing's state, then each report in its own transaction."""
    load_listing(run.conn, run.run_id, crawl)
    loaded = []
    for number, fetched in enumerate(crawl.reports, start=1):
        outcome = outcomes.get(fetched.slug)
        done = load_report(run.conn, run.run_id, fetched, outcome)
        progress = f"[{number}/{len(crawl.reports)}] {fetched.slug}"
        if done is None:
            run.logger.info("%s unchanged: nothing re-parsed", progress)
            continue
        log_outcome(run, progress, done)
        loaded.append(done)
    return loaded


def report_site_change(run: Run, change: SiteChange) -> None:
    """Say in the log and in the run's summary artifact why nothing was loaded, the reasons
    by how many reports gave each."""
    run.logger.error("%s", change.line)
    for reason, count in change.reasons:
        run.logger.error("  %d reports: %s", count, reason)
    publish_site_change(change, title=f"Nightly ingest, run {run.run_id}: nothing loaded")


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


def run_ingest(settings: Settings) -> IngestSummary:
    """The three phases in one run; the summary from what they returned."""
    with open_run(settings, "ingest") as run:
        crawl = crawl_phase(run)
        held = HeldOutcomes.read(run)
        to_parse = [r for r in crawl.reports if held.needs_parse(r)]
        with GuardedPdfParser(settings.pdf_time_limit_s, settings.pdf_memory_limit_mb) as pdfs:
            read_pdf = pdfs if settings.pdfs else None
            outcomes = parse_phase(run.archive, to_parse, read_pdf=read_pdf)
        changed_site = site_change(outcomes, loaded_reports(run.conn))
        if changed_site is not None:  # nothing is loaded: the last good tables stay
            report_site_change(run, changed_site)
            raise SiteChangedError(changed_site.line)
        by_slug = {outcome.slug: outcome for outcome in outcomes}
        loaded = load_phase(run, crawl, by_slug)
        summary = summarise(
            run.run_id,
            run.seconds,
            listed=len(crawl.reports) + len(crawl.not_due) + len(crawl.not_reached),
            in_progress=len(crawl.listing.in_progress),
            fetches=crawl.fetches,
            loaded=loaded,
            unchanged_not_parsed=len(crawl.reports) - len(to_parse),
            not_due=len(crawl.not_due),
            not_reached=len(crawl.not_reached),
        )
        if crawl.not_reached:
            run.logger.warning(
                "the run reached its deadline (CQC_RUN_DEADLINE_S, %.0f s): %d reports were "
                "not fetched and are first in line next run",
                settings.run_deadline_s,
                len(crawl.not_reached),
            )
        run.record(summary.counts())
        report_progress(summary.listed, summary.listed, "done")
        if crawl.stopped is not None:  # what it fetched is loaded; the run itself failed
            raise RunStopError(crawl.stopped)
        run.logger.info(
            "run %d done in %.1fs: reports %d new, %d changed, %d unchanged, %d failed, "
            "%d not due; pages %d fetched, %d not modified, %d failed (%d bytes)",
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
        )
    return summary


@flow(name="nightly_ingest", log_prints=False)
def nightly_ingest(
    base_url: str | None = None,
    db: Path | None = None,
    archive: Path | None = None,
    max_reports: int | None = None,
    full: bool | None = None,
    min_interval_s: float | None = None,
) -> IngestSummary:
    """Crawl every published report into the archive, parse what changed, load it; then
    rebuild the benchmark tables and publish the run's summary."""
    settings = Settings().with_overrides(
        base_url=base_url,
        db=db,
        archive=archive,
        max_reports=max_reports,
        full=full,
        min_interval_s=min_interval_s,
    )
    summary = failed_if_busy(lambda: ingest_and_refresh(settings))
    if not isinstance(summary, IngestSummary):
        return summary  # the Failed state of a busy warehouse
    # The run's state says how it went (the CLI says it with its exit status, for cron).
    return Completed(message=summary.outcome(), data=summary)  # type: ignore[return-value]


def ingest_and_refresh(settings: Settings) -> IngestSummary:
    summary = run_ingest(settings)
    refresh_benchmarks(db=settings.db, run_id=summary.run_id)
    publish_summary(summary, title=f"Nightly ingest, run {summary.run_id}")
    return summary
