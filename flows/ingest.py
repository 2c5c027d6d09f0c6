"""The nightly ingest: discover every report, fetch its pages, parse, validate and load.

This module only composes the stages. Network work (`extract`) sits in tasks with retries;
parsing (`transform`) and loading (`warehouse`) are plain functions called from tasks without
retries, because re-running a parser on the same bytes cannot give a different answer.
Every response is archived before it is parsed, and a report that fails anywhere is recorded
in `parse_issue` with its slug and reason while the rest of the run goes on.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from extract.archive import RawArchive
from extract.crawl import CrawlResult, crawl
from extract.http import FetchedPage, FetchError, RetryPolicy, SiteClient
from flows.settings import LISTING_PATH, Settings
from transform.councils import UnknownCouncilError, load_councils, match_council
from transform.links import report_links
from transform.listing import parse_listing
from transform.pages import PageParseError, parse_page
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
from warehouse.db import connect, init_schema
from warehouse.load import SourcePage, replace_issues, save_local_authorities, save_report

# Any listing or report family larger than this means a crawl loop or a changed site.
MAX_LISTING_PAGES = 50
MAX_REPORT_PAGES = 60


@dataclass(frozen=True)
class ReportOutcome:
    """What one report's pages amounted to: a valid report to load, or the issues why not."""

    entry: ListingEntry
    report: Report | None
    la_code: str | None
    issues: list[ReportIssue]
    source_pages: list[SourcePage]


@dataclass
class IngestSummary:
    """Figures for the end-of-run log line and for callers (the CLI, tests)."""

    listed: int = 0
    in_progress: int = 0
    loaded: int = 0
    failed: int = 0
    pages_fetched: int = 0
    bytes_fetched: int = 0
    seconds: float = 0.0
    issues: list[ReportIssue] = field(default_factory=list)


def archiving(client: SiteClient, archive: RawArchive) -> Callable[[str], FetchedPage]:
    """A `get` that keeps every response in the archive, failures' bodies included."""

    def get(url: str) -> FetchedPage:
        try:
            page = client.get(url)
        except FetchError as exc:
            archive.record_failure(exc)
            raise
        archive.record_page(page)
        return page

    return get


def _is_html(page: FetchedPage) -> bool:
    return page.content_type is None or "html" in page.content_type.lower()


@task(retries=2, retry_delay_seconds=[5, 30], cache_policy=NO_CACHE)
def discover_reports(client: SiteClient, archive: RawArchive) -> tuple[list[ListingEntry], int]:
    """Follow the listing's pager to its last page; return the linked reports and the count of
    councils listed as in progress. A listing page that doesn't parse fails the run loudly."""
    get = archiving(client, archive)

    def next_page(page: FetchedPage) -> list[str]:
        listing = parse_listing(page.body, page.url)
        return [listing.next_url] if listing.next_url else []

    result = crawl(get, client.absolute(LISTING_PATH), next_page, max_pages=MAX_LISTING_PAGES)
    if result.failures:
        raise result.failures[0]
    entries: dict[str, ListingEntry] = {}
    in_progress: set[str] = set()
    for page in result.pages:
        for entry in parse_listing(page.body, page.url).entries:
            if entry.url is None:
                in_progress.add(entry.la_name)
            else:
                entries.setdefault(entry.url, entry)
    return list(entries.values()), len(in_progress)


@task(retries=2, retry_delay_seconds=[5, 30], cache_policy=NO_CACHE)
def fetch_report_pages(client: SiteClient, archive: RawArchive, entry: ListingEntry) -> CrawlResult:
    """Fetch a report's landing page and every page its own navigation links to."""
    assert entry.url is not None and entry.slug is not None
    slug = entry.slug

    def family_links(page: FetchedPage) -> list[str]:
        return report_links(page.body, page.url, slug) if _is_html(page) else []

    return crawl(archiving(client, archive), entry.url, family_links, max_pages=MAX_REPORT_PAGES)


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
            continue  # report PDFs are archived; their parser comes with the PDF issue
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


@flow(name="nightly_ingest", log_prints=False)
def nightly_ingest(
    base_url: str | None = None,
    db: Path | None = None,
    archive: Path | None = None,
    max_reports: int | None = None,
) -> IngestSummary:
    """Discover every published report, fetch, archive, parse, validate and load it."""
    settings = Settings()
    settings = settings.model_copy(
        update={
            key: value
            for key, value in {
                "base_url": base_url,
                "db": db,
                "archive": archive,
                "max_reports": max_reports,
            }.items()
            if value is not None
        }
    )
    return run_ingest(settings)


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
    )
    with client, connect(settings.db) as conn:
        init_schema(conn)
        save_local_authorities(conn, load_councils())
        entries, summary.in_progress = discover_reports(client, raw)
        if settings.max_reports is not None:
            entries = entries[: settings.max_reports]
        summary.listed = len(entries)
        logger.info(
            "%d reports listed at %s (%d councils in progress)",
            len(entries),
            settings.base_url,
            summary.in_progress,
        )
        for number, entry in enumerate(entries, start=1):
            fetched = fetch_report_pages(client, raw, entry)
            summary.pages_fetched += len(fetched.pages)
            summary.bytes_fetched += sum(len(page.body) for page in fetched.pages)
            outcome = parse_report(entry, fetched)
            save_outcome(conn, outcome)
            progress = f"[{number}/{len(entries)}] {entry.slug}"
            if outcome.report is not None:
                summary.loaded += 1
                report = outcome.report
                pct = f"{report.overall_score_pct}%" if report.overall_score_pct else "no %"
                logger.info("%s loaded: %s, %s", progress, report.overall_rating, pct)
            else:
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
    summary.seconds = round(time.monotonic() - started, 2)
    logger.info(
        "done in %.1fs: %d loaded, %d with issues, %d pages (%d bytes) fetched",
        summary.seconds,
        summary.loaded,
        summary.failed,
        summary.pages_fetched,
        summary.bytes_fetched,
    )
    return summary


def save_outcome_now(conn: object, outcome: ReportOutcome) -> None:
    """Load a valid report (one transaction) and replace the report's recorded issues."""
    slug = outcome.entry.slug or "(no slug)"
    if outcome.report is not None and outcome.la_code is not None:
        save_report(
            conn,
            outcome.report,
            la_code=outcome.la_code,
            parser_version=PARSER_VERSION,
            source_pages=outcome.source_pages,
        )
    replace_issues(conn, slug, outcome.issues, PARSER_VERSION)


save_outcome = task(save_outcome_now, name="save_outcome", cache_policy=NO_CACHE)
