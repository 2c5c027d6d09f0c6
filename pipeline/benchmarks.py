"""Refresh the benchmark tables from the loaded reports, as part of a run or as a run of its own.

At the end of every ingest and reparse (as part of that run), and on its own (`cqc
refresh-benchmarks`) as a run of mode 'refresh' in `ingest_run`, e.g. after loading reports
by hand or a change to the benchmark SQL. The tables are rebuilt only when their inputs
changed, and the search index is updated only for the reports that did
(`warehouse.benchmarks`): a run that loaded nothing new costs next to nothing here.
"""

from __future__ import annotations

import duckdb

from pipeline.run import RunLogger, open_run, run_logger
from pipeline.settings import Settings
from warehouse.benchmarks import BenchmarkRefresh, refresh_benchmarks
from warehouse.db import connect, init_schema


def rebuild_benchmarks(
    settings: Settings, run_id: int | None, *, force: bool = False
) -> BenchmarkRefresh:
    """Refresh for the ingest or reparse run `run_id` that just loaded reports, or, on its own
    (`run_id` None), as a refresh run with its own `ingest_run` row. `force` rebuilds the
    tables and the whole search index even if no input changed."""
    if run_id is None:
        with open_run(settings, "refresh") as run:
            return _rebuild(run.conn, run.run_id, run.logger, force)
    logger = run_logger()
    with connect(settings.db, wait_s=settings.lock_wait_s, on_wait=logger.warning) as conn:
        init_schema(conn)
        return _rebuild(conn, run_id, logger, force)


def _rebuild(
    conn: duckdb.DuckDBPyConnection, run_id: int, logger: RunLogger, force: bool
) -> BenchmarkRefresh:
    done = refresh_benchmarks(conn, run_id=run_id, force=force)
    logger.info(
        "benchmarks %s (#%d, run %d): %d councils ranked, %d pilots kept apart",
        "rebuilt" if done.rebuilt else "kept, their inputs unchanged",
        done.refresh_id,
        run_id,
        done.councils_ranked,
        done.pilots,
    )
    if done.search_error:
        logger.warning("%s; `cqc search` reads the previous index", done.search_error)
    else:
        logger.info(
            "search index up to date: %d texts, %d reports indexed again",
            done.search_documents,
            done.reports_indexed,
        )
    return done
