"""Rebuild the benchmark tables from the loaded reports, as part of a run or as a run of its own.

At the end of every ingest and reparse (as part of that run), and on its own (`cqc
refresh-benchmarks`) as a run of mode 'refresh' in `ingest_run`, e.g. after loading reports
by hand or a change to the benchmark SQL.
"""

from __future__ import annotations

import duckdb

from pipeline.run import RunLogger, open_run, run_logger
from pipeline.settings import Settings
from warehouse.benchmarks import BenchmarkRefresh, refresh_benchmarks
from warehouse.db import connect, init_schema


def rebuild_benchmarks(settings: Settings, run_id: int | None) -> BenchmarkRefresh:
    """Rebuild for the ingest or reparse run `run_id` that just loaded reports, or, on its own
    (`run_id` None), as a refresh run with its own `ingest_run` row."""
    if run_id is None:
        with open_run(settings, "refresh") as run:
            return _rebuild(run.conn, run.run_id, run.logger)
    logger = run_logger()
    with connect(settings.db, wait_s=settings.lock_wait_s, on_wait=logger.warning) as conn:
        init_schema(conn)
        return _rebuild(conn, run_id, logger)


def _rebuild(conn: duckdb.DuckDBPyConnection, run_id: int, logger: RunLogger) -> BenchmarkRefresh:
    done = refresh_benchmarks(conn, run_id=run_id)
    logger.info(
        "benchmarks refreshed (#%d, run %d): %d councils ranked, %d pilots kept apart",
        done.refresh_id,
        run_id,
        done.councils_ranked,
        done.pilots,
    )
    if done.search_error:
        logger.warning("%s; `cqc search` reads the previous index", done.search_error)
    else:
        logger.info("search index rebuilt: %d texts", done.search_documents)
    return done
