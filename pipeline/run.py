"""One run against the warehouse, whatever its kind: ingest, reparse, refresh (benchmarks).

`open_run` is the one place that takes the warehouse (waiting while another run writes it),
numbers the run in `ingest_run`, opens the run's WARC file when the run fetches, and closes
the run row as finished or failed however the body ends.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Literal

import duckdb

from extract.http import RunStopError
from extract.warc import WarcArchive, WarcWriter
from pipeline.settings import Settings
from transform.councils import load_councils
from transform.version import PARSER_VERSION
from warehouse.db import WarehouseBusyError, WarehouseOpenError, connect, init_schema
from warehouse.load import save_local_authorities
from warehouse.state import finish_run, start_run

RunLogger = logging.Logger | logging.LoggerAdapter[logging.Logger]
RunMode = Literal["ingest", "reparse", "refresh", "providers"]

# What makes a run stop rather than crash: a warehouse held by another process or not a
# DuckDB file, a reason to stop the run (an archive that cannot be written, a site asking for
# more patience than allowed, a site whose pages changed under the parser). One line, no
# traceback: a flow ends Failed with it, a command run without Prefect prints it.
RUN_STOPS = (WarehouseBusyError, WarehouseOpenError, RunStopError)


def run_logger() -> RunLogger:
    """The Prefect run logger inside a flow or task, the plain `cqc` logger outside one.
    Prefect is only asked when something has imported it: a command run without Prefect
    never pays its import (about a second)."""
    if "prefect" in sys.modules:
        from prefect import get_run_logger
        from prefect.exceptions import MissingContextError

        try:
            return get_run_logger()
        except MissingContextError:
            pass
    return logging.getLogger("cqc")


@dataclass
class Run:
    """An open run: its warehouse connection, number, archive and logger."""

    settings: Settings
    mode: RunMode
    conn: duckdb.DuckDBPyConnection
    run_id: int
    archive: WarcArchive
    logger: RunLogger
    started: float  # time.monotonic() at the start
    started_at: datetime  # the same moment on the clock (UTC), as ingest_run keeps it
    writer: WarcWriter | None = None  # the run's WARC file, for runs that fetch
    counts: dict[str, int] = field(default_factory=dict)

    def record(self, counts: Mapping[str, int]) -> None:
        """The counters `ingest_run` gets when the run closes."""
        self.counts = dict(counts)

    @property
    def seconds(self) -> float:
        return round(time.monotonic() - self.started, 2)


def warc_name(run_id: int, when: datetime) -> str:
    """The run's WARC file name: a UTC stamp first, so names sort in time order."""
    return f"cqc-{when.astimezone(UTC):%Y%m%dT%H%M%SZ}-{run_id:06d}"


@contextmanager
def open_run(settings: Settings, mode: RunMode, *, fetches: bool | None = None) -> Iterator[Run]:
    """Take the warehouse, start a run row (and, for a run that fetches, its WARC file: an
    ingest, a providers run unless told `fetches=False`); on exit close the row as finished,
    or as failed if the body raised (and re-raise)."""
    fetching = mode in ("ingest", "providers") if fetches is None else fetches
    logger = run_logger()
    started = time.monotonic()
    with connect(settings.db, wait_s=settings.lock_wait_s, on_wait=logger.warning) as conn:
        init_schema(conn)
        save_local_authorities(conn, load_councils())
        now = datetime.now(UTC)
        base_url = {
            "ingest": settings.base_url,
            "reparse": f"archive:{settings.archive}",
            "refresh": f"warehouse:{settings.db}",
            "providers": settings.base_url if fetching else "file:",
        }[mode]
        run_id = start_run(
            conn,
            base_url=base_url,
            mode=mode,
            full=settings.full or mode == "reparse",
            parser_version=PARSER_VERSION,
            started_at=now,
        )
        archive = WarcArchive(settings.archive)
        if mode in ("ingest", "reparse"):
            _import_legacy_archive(settings, logger)
        run = Run(settings, mode, conn, run_id, archive, logger, started, now)
        status = "failed"
        try:
            if fetching:
                info = {"run": str(run_id), "base_url": settings.base_url, "mode": mode}
                run.writer = archive.writer(warc_name(run_id, now), info)
            yield run
            status = "finished"
        finally:
            if run.writer is not None:
                run.writer.close()
            finish_run(
                conn, run_id, finished_at=datetime.now(UTC), status=status, counts=run.counts
            )


def _import_legacy_archive(settings: Settings, logger: RunLogger) -> None:
    """An archive written before WARC is imported before a run reads it (the crawl machinery
    this needs is imported only by the runs that read the archive)."""
    from pipeline.legacy import has_legacy_archive, import_legacy

    if not has_legacy_archive(settings.archive):
        return
    done = import_legacy(settings.archive)
    logger.warning(
        "the archive at %s was written before WARC: %d responses and %d report "
        "manifests imported into %s (the old files are left as they were)",
        settings.archive,
        done.responses,
        done.reports,
        done.file,
    )
