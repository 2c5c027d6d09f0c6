"""The runs a command makes when no Prefect server is configured: the same pipeline calls, in
the same order, as the flows in `flows/` make (less their Prefect artifacts).

Prefect is for the scheduled deployment and its UI. A person at a terminal should not wait
10-20 s for a temporary Prefect server to start (nor a second to import Prefect) before the
work begins, so `cqc` runs these directly unless a server is configured, and the flows there
(`flows.ingest.nightly_ingest` and the rest) when one is. Whatever makes a run stop
(`pipeline.run.RUN_STOPS`) is raised, for the command to say in one line. (`cqc
refresh-benchmarks` runs `pipeline.benchmarks.rebuild_benchmarks` itself.)
"""

from __future__ import annotations

from datetime import date

from pipeline.benchmarks import rebuild_benchmarks
from pipeline.phases import IngestSummary
from pipeline.providers import ProvidersSummary, ingest_providers
from pipeline.reports import ArchiveSource, SiteSource, run_reports
from pipeline.settings import Settings


def ingest(settings: Settings) -> IngestSummary:
    """The nightly ingest, then the benchmark refresh as part of its run."""
    summary = run_reports(settings, SiteSource())
    rebuild_benchmarks(settings, summary.run_id)
    return summary


def reparse(settings: Settings) -> IngestSummary:
    """Every archived report parsed again, then the benchmark refresh as part of its run."""
    summary = run_reports(settings, ArchiveSource())
    rebuild_benchmarks(settings, summary.run_id)
    return summary


def providers(
    settings: Settings, month: date | None, *, api: bool, councils: list[str] | None
) -> ProvidersSummary:
    """The month's provider files, or (with `api`) the named councils from CQC's API."""
    if api:
        from pipeline.providers_api import councils_named, ingest_providers_api

        return ingest_providers_api(settings, councils_named(councils or []), month)
    return ingest_providers(settings, month)
