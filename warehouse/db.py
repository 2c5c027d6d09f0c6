"""Opening the warehouse and creating its tables and views.

The SQL lives in `sql/schema.sql` (tables, every column commented), `sql/history.sql`,
`sql/views.sql` and `sql/benchmarks/` (one file per benchmark table). Every script is
idempotent, so `init_schema` is safe to call on every connection, on a new file or on one
that already holds data.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path

import duckdb

from warehouse.reference_data import load_reference_data

SQL_DIR = Path(__file__).parent / "sql"
SCRIPTS: tuple[str, ...] = ("schema.sql", "history.sql", "views.sql", "reference.sql")
BENCHMARK_DIR = SQL_DIR / "benchmarks"
# One file per benchmark table, `NN_<table>.sql`, run in name order (see warehouse.benchmarks).
BENCHMARK_FILES: tuple[Path, ...] = tuple(sorted(BENCHMARK_DIR.glob("[0-9][0-9]_*.sql")))
BENCHMARK_TABLES: tuple[str, ...] = tuple(p.stem.split("_", 1)[1] for p in BENCHMARK_FILES)
# The nine score columns of the statement_scores view (sql/views.sql), in statement order, as
# league_table, pilot_assessment and council_type_benchmark (with _avg) carry them;
# tests/warehouse/test_db.py checks they agree with the view.
SCORE_COLUMNS: tuple[str, ...] = (
    "qs1_assessing_needs",
    "qs2_healthier_lives",
    "qs3_equity",
    "qs4_care_provision",
    "qs5_partnerships",
    "qs6_safe_systems",
    "qs7_safeguarding",
    "qs8_governance",
    "qs9_learning",
)
# The texts `cqc search` ranks, rebuilt and indexed with the benchmarks (warehouse.search).
SEARCH_TABLE, SEARCH_SCRIPT = "search_document", "search.sql"
# How a table's qsN_ columns are described, from the statement_scores view's comment.
_SCORE_COLUMN_NOTES: dict[str, str] = {
    "pilot_assessment": "Indicative: {view}; NULL where the pilot report printed none.",
    "council_type_benchmark": "Mean across the type's councils, 2 decimal places: {view}.",
}
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


class WarehouseOpenError(RuntimeError):
    """The warehouse file cannot be opened: not a DuckDB file, written by a DuckDB this one
    cannot read, or in a place that cannot be written."""

    def __init__(self, path: Path, reason: str) -> None:
        hint = ""
        if "database file with version number" in reason:
            hint = (
                f" (written by a newer DuckDB than this program's {duckdb.__version__}: open "
                "it with that DuckDB, or have it written with storage_compatibility_version "
                f"'{STORAGE_COMPATIBILITY}', as this program writes its own)"
            )
        super().__init__(f"the warehouse {path} cannot be opened: {reason}{hint}")
        self.path, self.reason = path, reason


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def sandbox(conn: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """No file, network or extension beyond the warehouse itself, for good: for SQL that
    users type (`cqc sql`), so `COPY ... TO '/etc/x'`, `read_text('/etc/passwd')` or
    `INSTALL httpfs` are refused, and the settings cannot be turned back."""
    for setting in (
        "SET enable_external_access = false",
        "SET autoinstall_known_extensions = false",
        "SET autoload_known_extensions = false",
        "SET lock_configuration = true",
    ):
        conn.execute(setting)
    return conn


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
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise WarehouseOpenError(path, exc.strerror or _first_line(exc)) from exc
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
                raise WarehouseOpenError(path, _first_line(exc)) from exc
            holder = match.group(1) if match else "another process"
            waited = time.monotonic() - started
            if waited >= wait_s:
                raise WarehouseBusyError(path, holder, waited) from exc
            if on_wait is not None and not told:
                on_wait(f"the warehouse {path} is in use by {holder}; waiting up to {wait_s:g}s")
                told = True
            time.sleep(min(poll_s, max(0.0, wait_s - waited)))
        except duckdb.Error as exc:  # another storage version, a damaged file
            raise WarehouseOpenError(path, _first_line(exc)) from exc


def read_script(name: str) -> str:
    """The text of one of the warehouse's SQL scripts."""
    return (SQL_DIR / name).read_text(encoding="utf-8")


def init_schema(conn: duckdb.DuckDBPyConnection) -> None:
    """Create every table, comment and view (SCRIPTS, in order) in one transaction, and the
    benchmark tables (sql/benchmarks/) if the warehouse lacks any of them, so they can always
    be queried; `warehouse.benchmarks.refresh_benchmarks` rebuilds them after each run."""
    conn.execute("BEGIN TRANSACTION")
    try:
        old_runs = _set_aside_run_table_without_refresh(conn)
        for name in SCRIPTS:
            conn.execute(read_script(name))
        if old_runs:
            conn.execute(f"INSERT INTO ingest_run BY NAME SELECT * FROM {old_runs}")
            conn.execute(f"DROP TABLE {old_runs}")
        present = {
            table
            for (table,) in conn.execute(
                "SELECT table_name FROM duckdb_tables() WHERE schema_name = current_schema()"
            ).fetchall()
        }
        if not set(BENCHMARK_TABLES) <= present:
            build_benchmarks(conn)
        if SEARCH_TABLE not in present:  # its index comes with the next refresh
            conn.execute(read_script(SEARCH_SCRIPT))
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


def _set_aside_run_table_without_refresh(conn: duckdb.DuckDBPyConnection) -> str | None:
    """Warehouses written before refresh runs had a row of their own have an `ingest_run`
    whose CHECK refuses mode 'refresh'. DuckDB cannot alter a CHECK, so the table is renamed
    here (inside init_schema's transaction), history.sql creates the current one and
    init_schema copies the rows over; the name set aside, or None when nothing needs it."""
    checks = conn.execute(
        "SELECT constraint_text FROM duckdb_constraints() WHERE schema_name = current_schema() "
        "AND table_name = 'ingest_run' AND constraint_type = 'CHECK' "
        "AND constraint_text LIKE '%''reparse''%'"
    ).fetchall()
    if not checks or any("'refresh'" in text for (text,) in checks):
        return None
    conn.execute("ALTER TABLE ingest_run RENAME TO ingest_run_before_refresh_mode")
    return "ingest_run_before_refresh_mode"


def build_benchmarks(conn: duckdb.DuckDBPyConnection) -> None:
    """Run the benchmark files (inside the caller's transaction), first dropping the views that
    older warehouses had in place of some of its tables."""
    old_views = conn.execute(
        "SELECT view_name FROM duckdb_views() WHERE NOT internal AND schema_name = "
        "current_schema() AND list_contains(?, view_name)",
        [list(BENCHMARK_TABLES)],
    ).fetchall()
    for (view,) in old_views:
        conn.execute(f'DROP VIEW "{view}"')
    load_reference_data(conn)  # council_population, outcome_measure: council_neighbour reads them
    for path in BENCHMARK_FILES:
        conn.execute(path.read_text(encoding="utf-8"))
    _comment_score_columns(conn)


def _comment_score_columns(conn: duckdb.DuckDBPyConnection) -> None:
    """Give every benchmark table's qsN_ column the comment of the statement_scores column
    it comes from (qsN_name, or qsN_name_avg), so the nine are described in one place."""
    described = dict(
        conn.execute(
            "SELECT column_name, comment FROM duckdb_columns() "
            "WHERE table_name = 'statement_scores' AND starts_with(column_name, 'qs')"
        ).fetchall()
    )
    rows = conn.execute(
        "SELECT table_name, column_name FROM duckdb_columns() "
        "WHERE list_contains(?, table_name) AND regexp_matches(column_name, '^qs[1-9]_')",
        [list(BENCHMARK_TABLES)],
    ).fetchall()
    for table, column in rows:
        view = described[column.removesuffix("_avg")]
        note = _SCORE_COLUMN_NOTES.get(table, "{view}.").format(view=view.rstrip("."))
        literal = "'" + note.replace("'", "''") + "'"  # COMMENT takes no parameters
        conn.execute(f"COMMENT ON COLUMN {table}.{column} IS {literal}")
