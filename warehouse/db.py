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
SCRIPTS: tuple[str, ...] = (
    "schema.sql",
    "history.sql",
    "views.sql",
    "reference.sql",
    "annual_grades.sql",
    "care_market.sql",
)
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
    """Another process holds the warehouse: DuckDB allows one writer, and no writer beside a
    reader. `reader` is True when DuckDB says the holder only reads the file (its lock error
    then adds that a read-only open would succeed)."""

    def __init__(self, path: Path, holder: str, waited_s: float, *, reader: bool = False) -> None:
        waited = f" after waiting {waited_s:.0f}s" if waited_s else ""
        if reader:
            why = (
                "it is open for reading there (a `cqc sql`, a DuckDB client), and DuckDB "
                "lets no writer beside a reader. Try again when it is closed"
            )
        else:
            why = "another run is writing it. Try again when it has finished"
        super().__init__(
            f"the warehouse {path} is in use by {holder}{waited}: {why} (runs wait up to "
            "CQC_LOCK_WAIT_S seconds)."
        )
        self.path, self.holder, self.waited_s, self.reader = path, holder, waited_s, reader


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


_HOLDER = re.compile(r"Conflicting lock is held in (.+?)(?:\. However,|\. See also|$)")


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
    refuse_if_not_duckdb(path)
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
                reader = "read-only mode" in str(exc)  # DuckDB: the holder only reads
                raise WarehouseBusyError(path, holder, waited, reader=reader) from exc
            if on_wait is not None and not told:
                on_wait(f"the warehouse {path} is in use by {holder}; waiting up to {wait_s:g}s")
                told = True
            time.sleep(min(poll_s, max(0.0, wait_s - waited)))
        except duckdb.Error as exc:  # another storage version, a damaged file
            raise WarehouseOpenError(path, _first_line(exc)) from exc


# A DuckDB database file starts with an 8-byte checksum and then these magic bytes.
DUCKDB_MAGIC = b"DUCK"
DUCKDB_MAGIC_OFFSET = 8


def refuse_if_not_duckdb(path: Path) -> None:
    """Raise WarehouseOpenError if `path` exists and is not a DuckDB database file.

    DuckDB's `connect` opens a Parquet, CSV or JSON file as a database holding a view of it:
    an ingest into such a `--db` would report success and store nothing. Checked before any
    connection, so the file is never touched. A missing file is a new warehouse (an empty
    one DuckDB refuses itself)."""
    if path.is_dir():
        raise WarehouseOpenError(path, "it is a directory, not a DuckDB database file")
    try:
        with path.open("rb") as file:
            head = file.read(DUCKDB_MAGIC_OFFSET + len(DUCKDB_MAGIC))
    except FileNotFoundError:
        return
    except OSError as exc:
        raise WarehouseOpenError(path, exc.strerror or _first_line(exc)) from exc
    if head and head[DUCKDB_MAGIC_OFFSET:] != DUCKDB_MAGIC:
        kind = _file_kind(head)
        raise WarehouseOpenError(
            path, f"it is not a DuckDB database file{f' ({kind})' if kind else ''}; left untouched"
        )


def _file_kind(head: bytes) -> str:
    """What a file that is no DuckDB database looks like it is, for the error line."""
    if head.startswith(b"PAR1"):
        return "a Parquet file"
    if head.startswith(b"SQLite format 3"[: len(head)]) and len(head) >= 6:
        return "an SQLite database"
    if head.startswith(b"PK\x03\x04"):
        return "a zip archive (an xlsx workbook?)"
    if all(32 <= b < 127 or b in b"\t\r\n" for b in head):
        return "a text file: CSV or JSON?"
    return ""


def read_script(name: str) -> str:
    """The text of one of the warehouse's SQL scripts."""
    return (SQL_DIR / name).read_text(encoding="utf-8")


def init_schema(conn: duckdb.DuckDBPyConnection) -> None:
    """Create every table, comment and view (SCRIPTS, in order) in one transaction, and the
    benchmark tables (sql/benchmarks/) if the warehouse lacks any of them, so they can always
    be queried; `warehouse.benchmarks.refresh_benchmarks` rebuilds them after each run."""
    conn.execute("BEGIN TRANSACTION")
    try:
        set_aside = _set_aside_tables_with_narrow_checks(conn)
        for name in SCRIPTS:
            conn.execute(read_script(name))
        for table, old in set_aside:
            conn.execute(f"INSERT INTO {table} BY NAME SELECT * FROM {old}")
            conn.execute(f"DROP TABLE {old}")
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


# Tables whose CHECK older warehouses wrote narrower: (table, a value the old CHECK already
# lists, the value the current one adds). DuckDB cannot alter a CHECK.
_WIDENED_CHECKS = (
    ("ingest_run", "reparse", "refresh"),  # refresh runs got a row of their own
    ("report_change", "new_report", "withdrawn"),  # the listing is watched (issue 20)
    ("ingest_run", "refresh", "providers"),  # CQC's provider files (issue 21)
)


def _set_aside_tables_with_narrow_checks(conn: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """Rename each table whose CHECK refuses a value the current schema allows (inside
    init_schema's transaction), so the scripts create the current table and init_schema
    copies the rows over; the (table, name set aside) pairs."""
    set_aside = []
    for table, old_value, new_value in _WIDENED_CHECKS:
        checks = conn.execute(
            "SELECT constraint_text FROM duckdb_constraints() WHERE schema_name = "
            "current_schema() AND table_name = ? AND constraint_type = 'CHECK' "
            "AND constraint_text LIKE ?",
            [table, f"%'{old_value}'%"],
        ).fetchall()
        if not checks or any(f"'{new_value}'" in text for (text,) in checks):
            continue
        old = f"{table}_before_{new_value}"
        conn.execute(f"ALTER TABLE {table} RENAME TO {old}")
        set_aside.append((table, old))
    return set_aside


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
