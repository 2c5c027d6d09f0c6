"""Rebuild the parsed tables from the raw archive alone, with no network.

When CQC changes its markup we fix the parser, bump `PARSER_VERSION` and run this: every
report is re-parsed from the bytes the last ingest archived (the listing pages included, for
the council names they give), validated and saved exactly as the ingest would have.
"""

from __future__ import annotations

import time
from collections import deque
from datetime import UTC, datetime
from pathlib import Path

from prefect import flow, get_run_logger
from prefect.states import Failed

from extract.archive import RawArchive
from extract.crawl import CrawlResult
from extract.http import FetchedPage, FetchError
from flows.artifacts import publish_summary
from flows.benchmarks import refresh_benchmarks
from flows.ingest import (
    IngestSummary,
    PendingReport,
    build_report,
    finish_ready,
    finish_summary,
    wants_pdf_parse,
)
from flows.pdfs import PdfDownload, PdfReader, pdf_links
from flows.settings import Settings
from transform.listing import parse_listing
from transform.records import ListingEntry
from transform.version import PARSER_VERSION
from warehouse.db import WarehouseBusyError, connect, init_schema
from warehouse.state import (
    SourceRef,
    fetch_failed_reports,
    held_pdf_parses,
    listing_states,
    source_bodies,
    start_run,
)


def archived_page(
    archive: RawArchive, url: str, sha256: str, content_type: str | None
) -> FetchedPage:
    """A page as the ingest saw it, its bytes read back from the archive."""
    return FetchedPage(
        url=url,
        status=200,
        body=archive.read(sha256),
        content_type=content_type,
        fetched_at=datetime.now(UTC),
        elapsed_s=0.0,
    )


def archived_pdf(raw: RawArchive, sources: list[SourceRef], links: list[str]) -> PdfDownload:
    """The report's PDF as the ingest archived it; a problem if its pages link one that never
    arrived (its fetch failed), so the warning survives the reparse."""
    download = PdfDownload(links=links)
    for ref in sources:
        if ref.page_kind == "report_pdf":
            download.page = archived_page(raw, ref.url, ref.sha256, ref.content_type)
            return download
    if links:
        download.problems.append(FetchError(links[0], "not in the archive: its fetch failed"))
    return download


@flow(name="reparse", log_prints=False)
def reparse(db: Path | None = None, archive: Path | None = None) -> IngestSummary:
    """Re-parse every archived report with the current parser and save what it gives."""
    settings = Settings().with_overrides(db=db, archive=archive)
    db_path = settings.db
    raw = RawArchive(settings.archive)
    logger = get_run_logger()
    started = time.monotonic()
    summary = IngestSummary()
    try:
        conn = connect(db_path, wait_s=settings.lock_wait_s, on_wait=logger.warning)
    except WarehouseBusyError as exc:
        logger.error("%s", exc)  # not a crash: the reason alone, no traceback
        return Failed(message=str(exc))  # type: ignore[return-value]
    with conn:
        init_schema(conn)
        run_id = start_run(
            conn,
            base_url=f"archive:{raw.root}",
            mode="reparse",
            full=True,
            parser_version=PARSER_VERSION,
            started_at=datetime.now(UTC),
        )
        summary.run_id = run_id
        status = "failed"
        try:
            entries: dict[str, ListingEntry] = {}
            for state in listing_states(conn):
                if state.sha256 is None:
                    continue
                page = archived_page(raw, state.url, state.sha256, state.content_type)
                for entry in parse_listing(page.body, page.url).entries:
                    if entry.slug is not None:
                        entries.setdefault(entry.slug, entry)
            bodies = source_bodies(conn)
            incomplete = fetch_failed_reports(conn)
            summary.listed = len(entries)
            workers = settings.pdf_workers if settings.pdfs else 0
            with PdfReader(workers, held_pdf_parses(conn, PARSER_VERSION)) as pdfs:
                waiting: deque[PendingReport] = deque()
                for number, (slug, entry) in enumerate(entries.items(), start=1):
                    if slug not in bodies or slug in incomplete:
                        summary.reports_skipped += 1  # never fully fetched: its issues stay
                        continue
                    pages = [
                        archived_page(raw, r.url, r.sha256, r.content_type)
                        for r in bodies[slug]
                        if r.page_kind != "report_pdf"
                    ]
                    outcome = build_report(entry, CrawlResult(pages=pages))
                    download, reading = None, None
                    if settings.pdfs:
                        download = archived_pdf(raw, bodies[slug], pdf_links(pages))
                        if download.page is not None and wants_pdf_parse(outcome):
                            reading = pdfs.read(download.page)
                    progress = f"[{number}/{len(entries)}] {slug}"
                    waiting.append(PendingReport(progress, outcome, download, reading, []))
                    finish_ready(conn, run_id, waiting, pdfs, summary, logger)
                finish_ready(conn, run_id, waiting, pdfs, summary, logger, wait=True)
            status = "finished"
        finally:
            finish_summary(conn, run_id, summary, started, status)
    refresh_benchmarks(db=db_path, run_id=run_id)
    publish_summary(summary, title=f"Reparse, run {run_id}")
    logger.info(
        "reparse run %d: %d reports re-parsed from the archive (%d new, %d changed; %d PDFs "
        "parsed), %d with issues, %d skipped, in %.1fs",
        run_id,
        summary.loaded,
        summary.reports_new,
        summary.reports_changed,
        summary.pdfs_parsed,
        summary.failed,
        summary.reports_skipped,
        summary.seconds,
    )
    return summary
