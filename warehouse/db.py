"""Opening the warehouse and creating its tables and views.

The SQL lives in `sql/schema.sql` (tables, every column commented) and `sql/views.sql`
(benchmarking views). Both scripts are idempotent, so `init_schema` is safe to call on every
connection, on a new file or on one that already holds data.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path

import duckdb

SQL_DIR = Path(__file__).parent / "sql"
SCRIPTS: tuple[str, ...] = ("schema.sql", "history.sql", "views.sql")
# Materialised by benchmarks.sql (see warehouse.benchmarks).
BENCHMARK_TABLES: tuple[str, ...] = (
    "league_table",
    "regional_benchmark",
    "council_statement_benchmark",
    "quality_statement_benchmark",
    "council_type_benchmark",
    "pilot_assessment",
)
MEMORY = ":memory:"
STORAGE_COMPATIBILITY = "v1.0.0"  # files readable by every DuckDB client since 1.0


class WarehouseBusyError(RuntimeError):
    """Another process has the warehouse open for writing (DuckDB allows one writer)."""

    def __init__(self, path: Path, holder: str, waited_s: float) -> None:
        waited = f" after waiting {waited_s:.0f}s" if waited_s else ""
        super().__init__(
            f"the warehouse {path} is in use by {holder}{waited}: another run is writing it. "
            "Try again when it has finished (runs wait up to CQC_LOCK_WAIT_S seconds)."
        )
        self.path, self.holder, self.waited_s = path, holder, waited_s


_HOLDER = re.compile(r"Conflicting lock is held in (.+?)(?:\. See also|$)")


def connect(
    path: str | Path,
    *,
    read_only: bool = False,
    wait_s: float = 0.0,
    poll_s: float = 1.0,
    on_wait: Callable[[str], None] | None = None,
) -> duckdb.DuckDBPyConnection:
    """Open the DuckDB warehouse at `path` (or ":memory:").

    A writable connection creates the file's parent directory if need be. A read-only
    connection never creates anything: a missing file raises FileNotFoundError naming it.
    If another process holds the file (DuckDB: one writer, and no reader beside it), retry for
    up to `wait_s` seconds, telling `on_wait` once who holds it, then raise WarehouseBusyError.
    """
    if str(path) == MEMORY:
        return duckdb.connect(MEMORY, read_only=False)
    path = Path(path)
    if read_only and not path.is_file():
        raise FileNotFoundError(f"no DuckDB warehouse at {path}")
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    told = False
    while True:
        try:
            if read_only:
                return duckdb.connect(str(path), read_only=True)
            # Pinned, so that a newer duckdb never writes a file the 1.x clients (the DuckDB
            # CLI, DBeaver) cannot open; it applies when the file is created.
            return duckdb.connect(
                str(path), config={"storage_compatibility_version": STORAGE_COMPATIBILITY}
            )
        except duckdb.IOException as exc:
            match = _HOLDER.search(str(exc))
            if "Could not set lock" not in str(exc):
                raise
            holder = match.group(1) if match else "another process"
            waited = time.monotonic() - started
            if waited >= wait_s:
                raise WarehouseBusyError(path, holder, waited) from exc
            if on_wait is not None and not told:
                on_wait(f"the warehouse {path} is in use by {holder}; waiting up to {wait_s:g}s")
                told = True
            time.sleep(min(poll_s, max(0.0, wait_s - waited)))


def read_script(name: str) -> str:
    """The text of one of the warehouse's SQL scripts."""
    return (SQL_DIR / name).read_text(encoding="utf-8")


def init_schema(conn: duckdb.DuckDBPyConnection) -> None:
    """Create every table, comment and view (SCRIPTS, in order) in one transaction, and the
    benchmark tables (benchmarks.sql) if the warehouse lacks any of them, so they can always
    be queried; `warehouse.benchmarks.refresh_benchmarks` rebuilds them after each run."""
    conn.execute("BEGIN TRANSACTION")
    try:
        for name in SCRIPTS:
            conn.execute(read_script(name))
        present = {
            table
            for (table,) in conn.execute(
                "SELECT table_name FROM duckdb_tables() WHERE schema_name = current_schema()"
            ).fetchall()
        }
        if not set(BENCHMARK_TABLES) <= present:
            build_benchmarks(conn)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    # Write the schema into the file now, not only into the write-ahead log: duckdb 1.5
    # cannot replay a WAL that creates a table whose CHECK calls a function (here
    # regexp_full_match), so a process killed before its first checkpoint would leave a file
    # that no longer opens ("Failure while replaying WAL file"). Checkpointing here keeps the
    # WAL down to row changes, which replay fine (tests/flows/test_crash_safety.py).
    if conn.execute("SELECT current_setting('access_mode')").fetchone() != ("read_only",):
        conn.execute("CHECKPOINT")


def build_benchmarks(conn: duckdb.DuckDBPyConnection) -> None:
    """Run benchmarks.sql (inside the caller's transaction), first dropping the views that
    older warehouses had in place of some of its tables."""
    old_views = conn.execute(
        "SELECT view_name FROM duckdb_views() WHERE NOT internal AND schema_name = "
        "current_schema() AND list_contains(?, view_name)",
        [list(BENCHMARK_TABLES)],
    ).fetchall()
    for (view,) in old_views:
        conn.execute(f'DROP VIEW "{view}"')
    conn.execute(read_script("benchmarks.sql"))
