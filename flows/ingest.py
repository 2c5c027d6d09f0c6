"""The nightly ingest flow (the `nightly-ingest` deployment): `pipeline.reports.run_reports`
over the site, then the benchmark refresh and the run's summary artifact."""

from __future__ import annotations

from pathlib import Path

from prefect import State, flow
from prefect.states import Completed

from flows.artifacts import publish_site_change, publish_summary
from flows.benchmarks import refresh_benchmarks
from flows.states import STOPS_A_RUN, stopped
from pipeline.phases import IngestSummary, SiteChangedError
from pipeline.reports import SiteSource, run_reports
from pipeline.settings import Settings

__all__ = ["IngestSummary", "nightly_ingest"]


@flow(name="nightly_ingest", log_prints=False)
def nightly_ingest(
    base_url: str | None = None,
    db: Path | None = None,
    archive: Path | None = None,
    max_reports: int | None = None,
    full: bool | None = None,
    min_interval_s: float | None = None,
) -> State[IngestSummary] | State[None]:
    """Crawl every published report into the archive, parse what changed, load it; then
    rebuild the benchmark tables and publish the run's summary. The run's state says how it
    went (the CLI says it with its exit status, for cron); its result is the summary."""
    settings = Settings().with_overrides(
        base_url=base_url,
        db=db,
        archive=archive,
        max_reports=max_reports,
        full=full,
        min_interval_s=min_interval_s,
    )
    try:
        summary = run_reports(settings, SiteSource())
    except SiteChangedError as exc:
        publish_site_change(exc.change, title=f"Nightly ingest, run {exc.run_id}: nothing loaded")
        return stopped(exc)
    except STOPS_A_RUN as exc:
        return stopped(exc)
    refresh_benchmarks(db=settings.db, run_id=summary.run_id)
    publish_summary(summary, title=f"Nightly ingest, run {summary.run_id}")
    return Completed(message=summary.outcome(), data=summary)
