"""The nightly ingest: discover every report, fetch its pages, parse, validate and load.

This module only composes the stages, in tasks without Prefect retries. There is one retry
layer: the HTTP client (`extract.http.SiteClient`) retries what is transient (timeouts, 429,
5xx, honouring Retry-After) with backoff; whatever still reaches a task (a 404, a crawl
limit, a listing that does not parse, a parser error) would fail the same way again, and
re-running a task would multiply the client's attempts against the site.
Every response is archived before it is parsed, and a report that fails anywhere is recorded
in `parse_issue` with its slug and reason while the rest of the run goes on.
"""

from __future__ import annotations

import dataclasses
import time
from collections import deque
from collections.abc import Mapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from duckdb import DuckDBPyConnection
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.states import Failed

from extract.archive import RawArchive
from extract.crawl import CrawlResult, crawl
from extract.http import FetchedPage, FetchError, RetryPolicy, SiteClient
from extract.incremental import ConditionalFetcher, FetchOutcome, KnownPage
from flows.artifacts import publish_summary
from flows.benchmarks import refresh_benchmarks
from flows.pdfs import PdfDownload, PdfReader, download_pdf, pdf_links
from flows.progress import report_progress
from flows.schedule import due_for_revalidation
from flows.settings import LISTING_PATH, Settings
from transform.changes import ReportChange
from transform.councils import UnknownCouncilError, load_councils, match_council
from transform.crosscheck import Disagreement, FilledField, compare_sources, fill_from_pdf
from transform.links import report_links
from transform.listing import parse_listing
from transform.pages import PageParseError, parse_page
from transform.pdf_report import PdfReading
from transform.records import (
    AboutPage,
    ListingEntry,
    QualityStatementPage,
    Report,
    ReportIssue,
    SummaryPage,
)
from transform.report import ReportAssemblyError, assemble_report
from transform.validate import validate_report
from transform.version import PARSER_VERSION
from warehouse.db import WarehouseBusyError, connect, init_schema
from warehouse.load import (
    SourcePage,
    replace_issues,
    save_local_authorities,
    save_report,
    transaction,
)
from warehouse.state import (
    FetchRecord,
    PageState,
    fetch_failed_reports,
    finish_run,
    held_pdf_parses,
    load_validators,
    log_fetches,
    mark_checked,
    parsed_versions,
    report_check_ages,
    reports_with_warnings,
    save_page_states,
    save_pdf_parse,
    start_run,
)

# Any listing or report family larger than this means a crawl loop or a changed site.
MAX_LISTING_PAGES = 50
MAX_REPORT_PAGES = 60


@dataclass(frozen=True)
class ReportOutcome:
    """What one report's pages amounted to: a valid report to load, or the issues why not.

    With a report, `issues` holds only warnings (`blocking=False`, e.g. a PDF that could not
    be read); `disagreements` and `filled` say where its PDF differed from or added to it.
    """

    entry: ListingEntry
    report: Report | None
    la_code: str | None
    issues: list[ReportIssue]
    source_pages: list[SourcePage]
    disagreements: list[Disagreement] = field(default_factory=list)
    filled: list[FilledField] = field(default_factory=list)


@dataclass
class IngestSummary:
    """Figures for the end-of-run log line and for callers (the CLI, tests)."""

    run_id: int = 0
    listed: int = 0
    in_progress: int = 0
    loaded: int = 0  # valid reports written this run (new, changed or re-saved)
    failed: int = 0
    reports_new: int = 0
    reports_changed: int = 0
    reports_unchanged: int = 0  # held and identical (whether or not re-parsed)
    reports_skipped: int = 0  # held but not due for revalidation this run
    pages_fetched: int = 0  # bodies downloaded (200)
    pages_not_modified: int = 0  # 304: no body
    pages_failed: int = 0
    bytes_fetched: int = 0
    pdfs_parsed: int = 0  # PDFs parsed this run (the rest were unchanged: parse cached)
    disagreements: int = 0  # headline fields on which a PDF contradicts its pages
    seconds: float = 0.0
    issues: list[ReportIssue] = field(default_factory=list)
    new_reports: list[str] = field(default_factory=list)  # slugs
    changed_reports: dict[str, list[str]] = field(default_factory=dict)  # slug -> fields


def _is_html(page: FetchedPage) -> bool:
    return page.content_type is None or "html" in page.content_type.lower()


@task(cache_policy=NO_CACHE)
def discover_reports(fetcher: ConditionalFetcher) -> tuple[list[ListingEntry], int]:
    """Follow the listing's pager to its last page; return the linked reports and the count of
    councils listed as in progress. A listing page that doesn't parse fails the run loudly."""

    entries: dict[str, ListingEntry] = {}
    in_progress: set[str] = set()

    def read_and_follow(page: FetchedPage) -> list[str]:
        listing = parse_listing(page.body, page.url)
        for entry in listing.entries:
            if entry.url is None:
                in_progress.add(entry.la_name)
            else:
                entries.setdefault(entry.url, entry)
        return [listing.next_url] if listing.next_url else []

    start = fetcher.client.absolute(LISTING_PATH)
    result = crawl(fetcher.get, start, read_and_follow, max_pages=MAX_LISTING_PAGES)
    if result.failures:
        raise result.failures[0]
    return list(entries.values()), len(in_progress)


@task(cache_policy=NO_CACHE)
def fetch_report_pages(fetcher: ConditionalFetcher, entry: ListingEntry) -> CrawlResult:
    """Fetch a report's landing page and every page its own navigation links to."""
    assert entry.url is not None and entry.slug is not None
    slug = entry.slug

    def family_links(page: FetchedPage) -> list[str]:
        return report_links(page.body, page.url, slug) if _is_html(page) else []

    return crawl(fetcher.get, entry.url, family_links, max_pages=MAX_REPORT_PAGES)


def build_report(entry: ListingEntry, fetched: CrawlResult) -> ReportOutcome:
    """Parse, assemble, validate and match one report; never raises for bad input."""
    slug = entry.slug or "(no slug)"
    url = entry.url or ""

    def issue(stage: str, reason: str, page_url: str | None = None) -> ReportIssue:
        return ReportIssue(
            slug=slug, stage=stage, reason=reason, url=page_url, la_name=entry.la_name
        )

    issues = [issue("fetch", failure.reason, failure.url) for failure in fetched.failures]
    pages: list[AboutPage | SummaryPage | QualityStatementPage] = []
    source_pages: list[SourcePage] = []
    for page in fetched.pages:
        if not _is_html(page):
            continue  # not a page of the report (its PDF comes through `add_pdf`)
        try:
            parsed = parse_page(page.body, page.url)
        except PageParseError as exc:
            issues.append(issue("parse", exc.reason, page.url))
            continue
        if not isinstance(parsed, AboutPage | SummaryPage | QualityStatementPage):
            issues.append(issue("parse", f"not a report page but a {parsed}", page.url))
            continue
        pages.append(parsed)
        source_pages.append(
            SourcePage(
                url=page.url,
                page_kind=parsed.page_kind,
                sha256=page.sha256,
                content_type=page.content_type,
                byte_count=len(page.body),
            )
        )
    if issues:
        return ReportOutcome(entry, None, None, issues, source_pages)

    try:
        report = assemble_report(slug, url, pages)
    except ReportAssemblyError as exc:
        return ReportOutcome(entry, None, None, [issue("parse", str(exc), url)], source_pages)

    problems = validate_report(report)
    if problems:
        issues = [issue("validate", problem, url) for problem in problems]
        return ReportOutcome(entry, None, None, issues, source_pages)

    try:
        council = match_council(report.la_name)
    except UnknownCouncilError as exc:
        return ReportOutcome(entry, None, None, [issue("match", str(exc), url)], source_pages)
    try:
        listed_as = match_council(entry.la_name)
    except UnknownCouncilError:
        listed_as = council  # the report's own header is the authority on its council
    if listed_as.la_code != council.la_code:
        reason = (
            f"listing names {entry.la_name!r} ({listed_as.la_code}) but the report is about "
            f"{report.la_name!r} ({council.la_code})"
        )
        return ReportOutcome(entry, None, None, [issue("match", reason, url)], source_pages)
    return ReportOutcome(entry, report, council.la_code, [], source_pages)


parse_report = task(build_report, name="parse_report", cache_policy=NO_CACHE)


@task(cache_policy=NO_CACHE)
def fetch_report_pdf(fetcher: ConditionalFetcher, fetched: CrawlResult) -> PdfDownload:
    """Follow the Downloads links of a report's pages to its PDF (archived like any page)."""
    return download_pdf(fetcher.get, pdf_links(fetched.pages))


def wants_pdf_parse(outcome: ReportOutcome) -> bool:
    """Parse the PDF of a formal report that loaded from its pages; the parser reads the
    formal layout only, so a pilot's PDF (if any) is archived, not parsed."""
    return outcome.report is not None and not outcome.report.indicative


def add_pdf(
    outcome: ReportOutcome, download: PdfDownload | None, reading: PdfReading | None
) -> ReportOutcome:
    """Fold the report's PDF into the report its pages gave: record its source page, the
    headline fields on which it disagrees, the gaps it fills, and why it failed if it did.

    PDF problems are warnings (`blocking=False`): the report still loads from its pages.
    """
    report = outcome.report
    if report is None or download is None:
        return outcome
    slug = outcome.entry.slug or report.slug

    def warn(stage: str, reason: str, url: str | None) -> ReportIssue:
        return ReportIssue.model_validate(
            {
                "slug": slug,
                "stage": stage,
                "reason": f"report PDF: {reason}",
                "url": url,
                "la_name": outcome.entry.la_name,
                "blocking": False,
            }
        )

    issues = list(outcome.issues)
    for problem in download.problems:
        stage = "parse" if problem.status == 200 else "fetch"  # 200: not a PDF
        issues.append(warn(stage, problem.reason, problem.url))
    if not download.links and not report.indicative:
        issues.append(warn("parse", "no link in the pages' Downloads block", report.report_url))
    page = download.page
    if page is None:
        return dataclasses.replace(outcome, issues=issues)
    pdf_source = SourcePage(
        url=page.url,
        page_kind="report_pdf",
        sha256=page.sha256,
        content_type=page.content_type,
        byte_count=len(page.body),
    )
    if reading is not None and reading.report is None:
        issues.append(warn("parse", reading.error or "unreadable", page.url))
    updated = dataclasses.replace(
        outcome, issues=issues, source_pages=[*outcome.source_pages, pdf_source]
    )
    if reading is None or reading.report is None:
        return updated
    merged, filled = fill_from_pdf(report, reading.report, page.url)
    return dataclasses.replace(
        updated,
        report=merged,
        disagreements=compare_sources(report, reading.report),
        filled=filled,
    )


@flow(name="nightly_ingest", log_prints=False)
def nightly_ingest(
    base_url: str | None = None,
    db: Path | None = None,
    archive: Path | None = None,
    max_reports: int | None = None,
    full: bool | None = None,
    min_interval_s: float | None = None,
) -> IngestSummary:
    """Discover every published report; fetch (conditionally), archive, parse, validate, load;
    then rebuild the benchmark tables."""
    settings = Settings().with_overrides(
        base_url=base_url,
        db=db,
        archive=archive,
        max_reports=max_reports,
        full=full,
        min_interval_s=min_interval_s,
    )
    try:
        summary = run_ingest(settings)
    except WarehouseBusyError as exc:
        # Not a crash: fail the run with the reason alone (no traceback in the logs).
        get_run_logger().error("%s", exc)
        return Failed(message=str(exc))  # type: ignore[return-value]
    refresh_benchmarks(db=settings.db, run_id=summary.run_id)
    publish_summary(summary, title=f"Nightly ingest, run {summary.run_id}")
    return summary


def run_ingest(settings: Settings) -> IngestSummary:
    """The body of `nightly_ingest`, separate so the settings object can be passed whole."""
    logger = get_run_logger()
    started = time.monotonic()
    summary = IngestSummary()
    raw = RawArchive(settings.archive)
    client = SiteClient(
        settings.base_url,
        timeout_s=settings.timeout_s,
        user_agent=settings.user_agent,
        retry=RetryPolicy(attempts=settings.retries),
        min_interval_s=settings.min_interval_s,
        obey_robots=settings.obey_robots,
    )
    with client, connect(settings.db, wait_s=settings.lock_wait_s, on_wait=logger.warning) as conn:
        init_schema(conn)
        save_local_authorities(conn, load_councils())
        run_id = start_run(
            conn,
            base_url=settings.base_url,
            mode="ingest",
            full=settings.full,
            parser_version=PARSER_VERSION,
            started_at=datetime.now(UTC),
        )
        summary.run_id = run_id
        try:
            _ingest(conn, run_id, client, raw, settings, summary, logger)
        except BaseException:
            finish_summary(conn, run_id, summary, started, "failed")
            raise
        finish_summary(conn, run_id, summary, started, "finished")
    logger.info(
        "run %d done in %.1fs: reports %d new, %d changed, %d unchanged, %d failed, %d not due; "
        "pages %d fetched, %d not modified, %d failed (%d bytes)",
        run_id,
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


def _ingest(
    conn: DuckDBPyConnection,
    run_id: int,
    client: SiteClient,
    raw: RawArchive,
    settings: Settings,
    summary: IngestSummary,
    logger: Any,
) -> None:
    held_pages = load_validators(conn)
    known = {
        url: KnownPage(v.sha256, v.etag, v.last_modified, v.content_type)
        for url, v in held_pages.items()
        if v.sha256 is not None
    }
    fetcher = ConditionalFetcher(client, raw, known)
    try:
        entries, summary.in_progress = discover_reports(fetcher)
    finally:
        _record_fetches(conn, run_id, fetcher.take_outcomes(), summary, kinds={}, slug=None)
    if settings.max_reports is not None:
        entries = entries[: settings.max_reports]
    summary.listed = len(entries)

    ages = report_check_ages(conn)
    held = [e.slug for e in entries if e.slug in ages]
    due = (
        set(held)
        if settings.full
        else due_for_revalidation(held, ages, cycle_runs=settings.revalidate_cycle)
    )
    parsed_with = parsed_versions(conn)
    incomplete = fetch_failed_reports(conn)
    logger.info(
        "%d reports listed at %s (%d councils in progress): %d new, %d held, %d of them due",
        len(entries),
        settings.base_url,
        summary.in_progress,
        len(entries) - len(held),
        len(held),
        len(due),
    )
    warned = reports_with_warnings(conn)
    with PdfReader(settings.pdf_workers, held_pdf_parses(conn, PARSER_VERSION)) as pdfs:
        # Reports wait here, in listing order, while their PDF is parsed in the pool.
        waiting: deque[PendingReport] = deque()
        for number, entry in enumerate(entries, start=1):
            slug = entry.slug or ""
            progress = f"[{number}/{len(entries)}] {slug}"
            report_progress(number - 1, len(entries), slug)
            if slug in ages and slug not in due:
                summary.reports_skipped += 1
                continue
            try:
                fetched = fetch_report_pages(fetcher, entry)
            except Exception as exc:  # a crawl loop or a bug: this report fails, the run goes on
                logger.exception("%s could not be crawled", progress)
                fetched = CrawlResult(
                    failures=[FetchError(entry.url or slug, f"{type(exc).__name__}: {exc}")]
                )
            download = None
            if settings.pdfs and not fetched.failures:
                try:
                    download = fetch_report_pdf(fetcher, fetched)
                except Exception:  # a bug: the report still loads from its pages
                    logger.exception("%s: its PDF could not be fetched", progress)
            outcomes = fetcher.take_outcomes()
            unchanged_pages = not fetched.failures and not any(o.changed for o in outcomes)
            if (
                unchanged_pages
                and parsed_with.get(slug) == PARSER_VERSION
                and slug not in incomplete
                and slug not in warned
            ):
                _record_fetches(conn, run_id, outcomes, summary, kinds={}, slug=slug, parsed=False)
                summary.reports_unchanged += 1
                logger.info("%s unchanged: nothing re-parsed", progress)
                continue
            try:
                outcome = parse_report(entry, fetched)
            except Exception as exc:  # a parser bug must not stop the other reports
                logger.exception("%s: the parser crashed", progress)
                reason = f"parser crashed: {type(exc).__name__}: {exc}"
                issue = ReportIssue(slug=slug, stage="parse", reason=reason, la_name=entry.la_name)
                outcome = ReportOutcome(entry, None, None, [issue], [])
            reading = None
            if download is not None and download.page is not None and wants_pdf_parse(outcome):
                reading = pdfs.read(download.page)
            waiting.append(PendingReport(progress, outcome, download, reading, outcomes))
            finish_ready(conn, run_id, waiting, pdfs, summary, logger)
        finish_ready(conn, run_id, waiting, pdfs, summary, logger, wait=True)
    report_progress(len(entries), len(entries), "done")


@dataclass
class PendingReport:
    """A report fetched and parsed from its pages, its PDF perhaps still being parsed."""

    progress: str
    outcome: ReportOutcome
    download: PdfDownload | None
    reading: Future[PdfReading] | None
    outcomes: list[FetchOutcome]

    def ready(self) -> bool:
        return self.reading is None or self.reading.done()


def finish_ready(
    conn: DuckDBPyConnection,
    run_id: int,
    waiting: deque[PendingReport],
    pdfs: PdfReader,
    summary: IngestSummary,
    logger: Any,
    *,
    wait: bool = False,
) -> None:
    """Save the reports at the head of `waiting` whose PDF is read, in listing order; with
    `wait`, all of them, waiting for their PDFs."""
    while waiting and (wait or waiting[0].ready()):
        finish_report(conn, run_id, waiting.popleft(), pdfs, summary, logger)


def finish_report(
    conn: DuckDBPyConnection,
    run_id: int,
    fetched: PendingReport,
    pdfs: PdfReader,
    summary: IngestSummary,
    logger: Any,
) -> None:
    """Fold in the PDF, save the report and its page states, count and log it."""
    progress = fetched.progress
    reading = None
    if fetched.reading is not None:
        assert fetched.download is not None and fetched.download.page is not None
        reading = pdfs.result(fetched.reading, fetched.download.page.url)
        if not reading.finished:
            logger.error("%s: the PDF was not parsed: %s", progress, reading.error)
        elif not pdfs.is_cached(reading):
            pdfs.remember(reading)
            save_pdf_parse(conn, reading, PARSER_VERSION)
            summary.pdfs_parsed += 1
    outcome = add_pdf(fetched.outcome, fetched.download, reading)
    changes = save_outcome(conn, outcome, run_id)
    kinds = {source.url: source.page_kind for source in outcome.source_pages}
    slug = outcome.entry.slug or ""
    _record_fetches(conn, run_id, fetched.outcomes, summary, kinds=kinds, slug=slug, parsed=True)
    if outcome.report is None:
        summary.failed += 1
        summary.issues.extend(outcome.issues)
        first, more = outcome.issues[0], len(outcome.issues) - 1
        logger.warning(
            "%s not loaded (%s): %s%s",
            progress,
            first.stage,
            first.reason,
            f" (and {more} more)" if more else "",
        )
        return
    summary.loaded += 1
    summary.issues.extend(outcome.issues)  # warnings only: the report loaded
    for issue in outcome.issues:
        logger.warning("%s loaded, with a warning (%s): %s", progress, issue.stage, issue.reason)
    for disagreement in outcome.disagreements:
        summary.disagreements += 1
        logger.warning(
            "%s: the PDF says %s = %s, the pages %s (the pages' value is loaded)",
            progress,
            disagreement.field,
            disagreement.pdf_value,
            disagreement.html_value,
        )
    if any(change.change_kind == "new_report" for change in changes):
        summary.reports_new += 1
        summary.new_reports.append(slug)
        what = "new"
    elif changes:
        summary.reports_changed += 1
        summary.changed_reports[slug] = [change.field for change in changes]
        what = "changed: " + ", ".join(change.field for change in changes)
    else:
        summary.reports_unchanged += 1
        what = "re-parsed, unchanged"
    report = outcome.report
    pct = f"{report.overall_score_pct}%" if report.overall_score_pct else "no %"
    logger.info("%s %s (%s, %s)", progress, what, report.overall_rating, pct)


def _record_fetches(
    conn: DuckDBPyConnection,
    run_id: int,
    outcomes: Sequence[FetchOutcome],
    summary: IngestSummary,
    *,
    kinds: Mapping[str, str],
    slug: str | None,
    parsed: bool = True,
) -> None:
    """Log every request, count it, and move the state of the pages that arrived."""
    log_fetches(conn, run_id, [_fetch_record(o) for o in outcomes])
    states = []
    for o in outcomes:
        if o.error is not None:
            summary.pages_failed += 1
            continue
        if o.not_modified:
            summary.pages_not_modified += 1
        else:
            summary.pages_fetched += 1
            summary.bytes_fetched += o.byte_count or 0
        states.append(
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
        )
    if not parsed:
        # Not re-parsed: the held page kinds stay; only the check is recorded.
        mark_checked(conn, run_id, [state.url for state in states])
    else:
        save_page_states(conn, run_id, states)


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


def finish_summary(
    conn: DuckDBPyConnection, run_id: int, summary: IngestSummary, started: float, status: str
) -> None:
    """Close the run in `ingest_run` with the summary's counts."""
    summary.seconds = round(time.monotonic() - started, 2)
    finish_run(
        conn,
        run_id,
        finished_at=datetime.now(UTC),
        status=status,
        counts={
            "pages_fetched": summary.pages_fetched,
            "pages_not_modified": summary.pages_not_modified,
            "pages_failed": summary.pages_failed,
            "bytes_fetched": summary.bytes_fetched,
            "reports_new": summary.reports_new,
            "reports_changed": summary.reports_changed,
            "reports_unchanged": summary.reports_unchanged,
            "reports_failed": summary.failed,
            "reports_skipped": summary.reports_skipped,
        },
    )


def save_outcome_now(
    conn: DuckDBPyConnection, outcome: ReportOutcome, run_id: int | None = None
) -> list[ReportChange]:
    """Load a valid report (history kept) and replace the report's issues, in one transaction."""
    slug = outcome.entry.slug or "(no slug)"
    changes: list[ReportChange] = []
    with transaction(conn):  # the report's rows and its issues, all or nothing
        if outcome.report is not None and outcome.la_code is not None:
            changes = save_report(
                conn,
                outcome.report,
                la_code=outcome.la_code,
                parser_version=PARSER_VERSION,
                source_pages=outcome.source_pages,
                run_id=run_id,
                disagreements=outcome.disagreements,
                filled_fields=outcome.filled,
            )
        replace_issues(conn, slug, outcome.issues, PARSER_VERSION)
    return changes


save_outcome = task(save_outcome_now, name="save_outcome", cache_policy=NO_CACHE)
