"""Rebuild the parsed tables from the WARC archive alone, with no network.

When CQC changes its markup we fix the parser, bump `PARSER_VERSION` and run this. It is
phases two and three of the ingest (`flows.phases`) over everything the archive holds: the
latest listing manifest says which reports exist, each report's latest manifest says which
archived bodies it was read from, and those bodies (digest-checked) go through the same
per-report pipeline and the same load as in the ingest. It needs nothing from the warehouse,
so it works on an empty (or lost) warehouse file.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from extract.warc import WarcArchive
from flows.artifacts import publish_summary
from flows.benchmarks import refresh_benchmarks
from flows.crawl import ListingFetch, ReportFetch
from flows.pdf_guard import GuardedPdfParser
from flows.phases import IngestSummary, LoadedReport, load_report, parse_reports, summarise
from flows.progress import report_progress
from flows.run import Run, failed_if_busy, open_run
from flows.settings import Settings
from transform.pipeline import ReportOutcome


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


@task(name="load", cache_policy=NO_CACHE)
def load_phase(
    run: Run, replay: Sequence[ReportFetch], outcomes: Sequence[ReportOutcome]
) -> list[LoadedReport]:
    """Phase three, as in the ingest: each report in its own transaction."""
    loaded = []
    for fetched, outcome in zip(replay, outcomes, strict=True):
        done = load_report(run.conn, run.run_id, fetched, outcome)
        if done is not None:
            loaded.append(done)
    return loaded


parse_phase = task(name="parse", cache_policy=NO_CACHE)(parse_reports)


def run_reparse(settings: Settings) -> IngestSummary:
    with open_run(settings, "reparse") as run:
        listing, replay = archived_reports(run.archive)
        if listing is None:
            run.logger.warning(
                "the archive at %s holds no run manifest: nothing to reparse (an archive "
                "written before WARC: `cqc archive import-legacy` first)",
                settings.archive,
            )
        with GuardedPdfParser(settings.pdf_time_limit_s, settings.pdf_memory_limit_mb) as pdfs:
            outcomes = parse_phase(
                run.archive,
                replay,
                read_pdf=pdfs if settings.pdfs else None,
                progress=report_progress,
            )
        loaded = load_phase(run, replay, outcomes)
        slugs = {f.slug for f in replay}
        summary = summarise(
            run.run_id,
            run.seconds,
            listed=len(listing.entries) if listing else 0,
            in_progress=len(listing.in_progress) if listing else 0,
            fetches=[],
            loaded=loaded,
            unchanged_not_parsed=0,
            not_due=(len(listing.entries) - len(slugs)) if listing else 0,
        )
        run.record(summary.counts())
        report_progress(len(replay), len(replay), "done")
        run.logger.info(
            "reparse run %d: %d reports re-parsed from the archive (%d new, %d changed; %d "
            "PDFs parsed), %d with issues, %d never fetched, in %.1fs",
            run.run_id,
            summary.loaded,
            summary.reports_new,
            summary.reports_changed,
            summary.pdfs_parsed,
            summary.failed,
            summary.reports_skipped,
            summary.seconds,
        )
    return summary


@flow(name="reparse", log_prints=False)
def reparse(db: Path | None = None, archive: Path | None = None) -> IngestSummary:
    """Re-parse every archived report with the current parser and load what it gives."""
    settings = Settings().with_overrides(db=db, archive=archive)
    return failed_if_busy(lambda: reparse_and_refresh(settings))


def reparse_and_refresh(settings: Settings) -> IngestSummary:
    summary = run_reparse(settings)
    refresh_benchmarks(db=settings.db, run_id=summary.run_id)
    publish_summary(summary, title=f"Reparse, run {summary.run_id}")
    return summary
