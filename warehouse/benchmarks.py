"""Materialising the benchmark tables (`sql/benchmarks/`, one file each).

The benchmarks are tables, not views, so exports, the HTML report and DuckDB clients read one
consistent snapshot, stamped in `benchmark_refresh`. They are rebuilt whole, in one
transaction: a reader sees the previous set or the new one, never a mix. The search index
(`warehouse.search`) is rebuilt in the same transaction; if it cannot be, the benchmarks are
rebuilt without it and the previous index stays.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import duckdb

from warehouse.db import BENCHMARK_TABLES, build_benchmarks
from warehouse.load import insert_rows, transaction
from warehouse.search import SearchUnavailableError, build_search_index, load_fts

__all__ = ["BENCHMARK_TABLES", "BenchmarkRefresh", "refresh_benchmarks"]


@dataclass(frozen=True)
class BenchmarkRefresh:
    refresh_id: int
    councils_ranked: int
    pilots: int
    search_documents: int | None = None  # texts indexed for `cqc search`; None: not rebuilt
    search_error: str | None = None  # why the search index was not rebuilt


class _SearchIndexFailed(Exception):
    """The index build failed inside the refresh's transaction (so it was rolled back)."""


def refresh_benchmarks(
    conn: duckdb.DuckDBPyConnection, *, run_id: int | None = None
) -> BenchmarkRefresh:
    """Rebuild every benchmark table and the search index and log the refresh, all in one
    transaction. An index that cannot be built costs no benchmark: they are rebuilt without
    it, the previous index stays, and `search_error` says why."""
    try:
        load_fts(conn)
    except SearchUnavailableError as exc:
        return _refresh(conn, run_id, index=False, search_error=str(exc))
    try:
        return _refresh(conn, run_id, index=True)
    except _SearchIndexFailed as exc:
        return _refresh(conn, run_id, index=False, search_error=str(exc))


def _refresh(
    conn: duckdb.DuckDBPyConnection,
    run_id: int | None,
    *,
    index: bool,
    search_error: str | None = None,
) -> BenchmarkRefresh:
    documents = None
    with transaction(conn):
        build_benchmarks(conn)
        if index:
            try:
                documents = build_search_index(conn)
            except duckdb.Error as exc:
                reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
                raise _SearchIndexFailed(f"the search index was not rebuilt: {reason}") from exc
        ranked = _count(conn, "SELECT count(*) FROM league_table")
        pilots = _count(conn, "SELECT count(*) FROM pilot_assessment")
        refresh_id = _count(conn, "SELECT coalesce(max(refresh_id), 0) + 1 FROM benchmark_refresh")
        insert_rows(
            conn,
            "benchmark_refresh",
            ("refresh_id", "refreshed_at", "run_id", "councils_ranked", "pilots"),
            [(refresh_id, datetime.now(UTC), run_id, ranked, pilots)],
        )
    return BenchmarkRefresh(refresh_id, ranked, pilots, documents, search_error)


def _count(conn: duckdb.DuckDBPyConnection, sql: str) -> int:
    row = conn.execute(sql).fetchone()
    return int(row[0]) if row else 0
