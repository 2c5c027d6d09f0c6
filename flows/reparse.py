"""The reparse flow (the `reparse` deployment): `pipeline.reports.run_reports` over the WARC
archive alone, no network, then the benchmark refresh and the run's summary artifact.

When CQC changes its markup we fix the parser, bump `PARSER_VERSION` and run this: the latest
listing manifest says which reports exist, each report's manifests which archived bodies it
was read from, and those bodies (digest-checked) go through the same per-report pipeline and
the same load as in the ingest. It needs nothing from the warehouse, so it works on an empty
(or lost) warehouse file.
"""

from __future__ import annotations

from pathlib import Path

from prefect import State, flow

from flows.artifacts import publish_summary
from flows.benchmarks import refresh_benchmarks
from flows.states import STOPS_A_RUN, stopped
from pipeline.phases import IngestSummary
from pipeline.reports import ArchiveSource, run_reports
from pipeline.settings import Settings


@flow(name="reparse", log_prints=False)
def reparse(db: Path | None = None, archive: Path | None = None) -> IngestSummary | State[None]:
    """Re-parse every archived report with the current parser and load what it gives."""
    settings = Settings().with_overrides(db=db, archive=archive)
    try:
        summary = run_reports(settings, ArchiveSource())
    except STOPS_A_RUN as exc:
        return stopped(exc)
    refresh_benchmarks(db=settings.db, run_id=summary.run_id)
    publish_summary(summary, title=f"Reparse, run {summary.run_id}")
    return summary
