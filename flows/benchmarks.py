"""The `refresh_benchmarks` flow (also the `refresh-benchmarks` deployment): a shell around
`pipeline.benchmarks.rebuild_benchmarks`."""

from __future__ import annotations

from pathlib import Path

from prefect import State, flow

from flows.states import STOPS_A_RUN, stopped
from pipeline.benchmarks import rebuild_benchmarks
from pipeline.settings import Settings
from warehouse.benchmarks import BenchmarkRefresh


@flow(name="refresh_benchmarks", log_prints=False)
def refresh_benchmarks(
    db: Path | None = None, run_id: int | None = None, force: bool = False
) -> BenchmarkRefresh | State[None]:
    """Rebuild league_table, regional_benchmark and the other benchmark tables in one go, and
    the search index of the reports that changed, when their inputs changed (or `force`)."""
    settings = Settings().with_overrides(db=db)
    try:
        return rebuild_benchmarks(settings, run_id, force=force)
    except STOPS_A_RUN as exc:
        return stopped(exc)
