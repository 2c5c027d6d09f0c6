"""The monthly providers flow (the `monthly-providers` deployment): CQC's provider files of
the month (`pipeline.providers.ingest_providers`), or some councils from CQC's API
(`pipeline.providers_api.ingest_providers_api`), then the run's summary artifact. As with the
nightly ingest, a file that could not be loaded leaves the run Completed, saying so (the CLI
exits 3); a run that had to stop is Failed with the reason."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from prefect import State, flow
from prefect.states import Completed

from flows.artifacts import publish_providers
from flows.states import STOPS_A_RUN, stopped
from pipeline.providers import ProvidersSummary, ingest_providers
from pipeline.providers_api import councils_named, ingest_providers_api
from pipeline.settings import Settings
from transform.councils import UnknownCouncilError

__all__ = ["ProvidersSummary", "monthly_providers"]


@flow(name="monthly_providers", log_prints=False)
def monthly_providers(
    base_url: str | None = None,
    db: Path | None = None,
    archive: Path | None = None,
    month: date | None = None,
    api: bool = False,
    councils: list[str] | None = None,
    min_interval_s: float | None = None,
) -> State[ProvidersSummary] | State[None]:
    """Load the month's provider files (the newest CQC's page links, or `month`); with `api`,
    the named councils (all 153 when none is named) from CQC's API. The summary is the
    result."""
    settings = Settings().with_overrides(
        base_url=base_url, db=db, archive=archive, min_interval_s=min_interval_s
    )
    try:
        if api:
            summary = ingest_providers_api(settings, councils_named(councils or []), month)
            title = f"CQC API locations, run {summary.run_id}"
        else:
            summary = ingest_providers(settings, month)
            title = f"Provider files of {summary.month:%Y-%m}, run {summary.run_id}"
    except (*STOPS_A_RUN, UnknownCouncilError) as exc:
        return stopped(exc)
    publish_providers(summary, title)
    failed = len(summary.failed)
    message = f"{failed} of {len(summary.loads)} not loaded" if failed else "all loaded"
    return Completed(message=message, data=summary)
