"""Materialising the benchmark tables (`sql/benchmarks/`, one file each), when their inputs changed.

The benchmarks are tables, not views, so exports, the HTML report and DuckDB clients read one
consistent snapshot, stamped in `benchmark_refresh`. A refresh first takes a digest of what
they are built from (`inputs_digest`): when it is the last refresh's, the tables already hold
what a rebuild would write, and are left as they are. Otherwise they are rebuilt whole, in one
transaction: a reader sees the previous set or the new one, never a mix. The search index
(`warehouse.search`) is brought up to date in the same transaction, report by report; if it
cannot be, the benchmarks are refreshed without it and the previous index stays.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from warehouse import reference_data
from warehouse.db import BENCHMARK_FILES, BENCHMARK_TABLES, SQL_DIR, build_benchmarks
from warehouse.load import insert_rows, transaction
from warehouse.search import SearchUnavailableError, build_search_index, load_fts

__all__ = [
    "BENCHMARK_INPUTS",
    "BENCHMARK_TABLES",
    "BenchmarkRefresh",
    "inputs_digest",
    "refresh_benchmarks",
]

# Every table the benchmark SQL reads, itself or through the views it reads (views.sql):
# tests/warehouse/test_refresh_digest.py checks the SQL names no other. The reference tables
# are also written by a rebuild (warehouse.reference_data reloads them), so one changed by hand
# is reloaded by the next refresh.
BENCHMARK_INPUTS: tuple[str, ...] = (
    "assessment",
    "local_authority",
    "quality_statement_score",
    "demographic_fact",
    "council_neighbour_import",
    "council_population",
    "outcome_measure",
    "annual_performance_assessment",
)
# The files the tables are built from besides those rows: the SQL, and the extracts
# warehouse.reference_data loads (a new release's extracts rebuild the tables).
INPUT_FILES: tuple[Path, ...] = (
    *BENCHMARK_FILES,
    SQL_DIR / "views.sql",
    reference_data.POPULATION_CSV,
    reference_data.OUTCOME_VALUES_CSV,
    reference_data.OUTCOME_MEASURES_CSV,
    reference_data.ANNUAL_GRADES_CSV,
    reference_data.CODE_CHANGES_CSV,
    reference_data.COUNCILS_CSV,
)


@dataclass(frozen=True)
class BenchmarkRefresh:
    refresh_id: int
    councils_ranked: int
    pilots: int
    search_documents: int | None = None  # texts indexed for `cqc search`; None: not updated
    search_error: str | None = None  # why the search index was not brought up to date
    rebuilt: bool = True  # False: the inputs were the last refresh's, the tables were kept
    reports_indexed: int | None = None  # reports whose texts were indexed again


class _SearchIndexFailed(Exception):
    """The index update failed inside the refresh's transaction (so it was rolled back)."""


def refresh_benchmarks(
    conn: duckdb.DuckDBPyConnection, *, run_id: int | None = None, force: bool = False
) -> BenchmarkRefresh:
    """Rebuild every benchmark table if its inputs changed (or `force`), bring the search
    index up to date (whole, if `force`) and log the refresh, all in one transaction, on a
    warehouse whose schema is current (`init_schema`). An index that cannot be updated costs
    no benchmark: they are refreshed without it, the previous index stays, and `search_error`
    says why."""
    try:
        load_fts(conn)
    except SearchUnavailableError as exc:
        return _refresh(conn, run_id, force=force, index=False, search_error=str(exc))
    try:
        return _refresh(conn, run_id, force=force, index=True)
    except _SearchIndexFailed as exc:
        return _refresh(conn, run_id, force=force, index=False, search_error=str(exc))


def _refresh(
    conn: duckdb.DuckDBPyConnection,
    run_id: int | None,
    *,
    force: bool,
    index: bool,
    search_error: str | None = None,
) -> BenchmarkRefresh:
    documents = reports = None
    with transaction(conn):
        digest = inputs_digest(conn)
        rebuilt = force or digest != _last_digest(conn)
        if rebuilt:
            build_benchmarks(conn)
            digest = inputs_digest(conn)  # the reference tables as reloaded
        if index:
            try:
                update = build_search_index(conn, whole=force)
            except duckdb.Error as exc:
                reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
                raise _SearchIndexFailed(
                    f"the search index was not brought up to date: {reason}"
                ) from exc
            documents, reports = update.documents, update.reports
        ranked = _count(conn, "SELECT count(*) FROM league_table")
        pilots = _count(conn, "SELECT count(*) FROM pilot_assessment")
        refresh_id = _count(conn, "SELECT coalesce(max(refresh_id), 0) + 1 FROM benchmark_refresh")
        insert_rows(
            conn,
            "benchmark_refresh",
            (
                "refresh_id",
                "refreshed_at",
                "run_id",
                "councils_ranked",
                "pilots",
                "inputs_digest",
                "rebuilt",
            ),
            [(refresh_id, datetime.now(UTC), run_id, ranked, pilots, digest, rebuilt)],
        )
    return BenchmarkRefresh(refresh_id, ranked, pilots, documents, search_error, rebuilt, reports)


def inputs_digest(conn: duckdb.DuckDBPyConnection) -> str:
    """A digest of everything the benchmark tables are built from: every row of the input
    tables (a count and a sum of row hashes each: any row added, removed or changed changes
    it), the input files' bytes and DuckDB's version. Milliseconds, even at 100 times the
    demo's reports."""
    digest = hashlib.sha256(duckdb.__version__.encode())
    for path in INPUT_FILES:
        digest.update(f"\0{path.name}\0".encode())
        digest.update(path.read_bytes())
    rows = conn.execute(
        " UNION ALL ".join(
            f"SELECT '{table}', count(*), sum(hash(t)) FROM {table} AS t"
            for table in BENCHMARK_INPUTS
        )
    ).fetchall()
    digest.update(repr(sorted(rows)).encode())
    return digest.hexdigest()[:32]


def _last_digest(conn: duckdb.DuckDBPyConnection) -> str | None:
    row = conn.execute(
        "SELECT inputs_digest FROM benchmark_refresh ORDER BY refresh_id DESC LIMIT 1"
    ).fetchone()
    return row[0] if row else None


def _count(conn: duckdb.DuckDBPyConnection, sql: str) -> int:
    row = conn.execute(sql).fetchone()
    return int(row[0]) if row else 0
