"""Materialising the benchmark tables (`sql/benchmarks/`, one file each).

The benchmarks are tables, not views, so exports, the HTML report and DuckDB clients read one
consistent snapshot, stamped in `benchmark_refresh`. They are rebuilt whole, in one
transaction: a reader sees the previous set or the new one, never a mix.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import duckdb

from warehouse.db import BENCHMARK_TABLES, build_benchmarks
from warehouse.load import _insert_rows, transaction

__all__ = ["BENCHMARK_TABLES", "BenchmarkRefresh", "refresh_benchmarks"]


@dataclass(frozen=True)
class BenchmarkRefresh:
    refresh_id: int
    councils_ranked: int
    pilots: int


def refresh_benchmarks(
    conn: duckdb.DuckDBPyConnection, *, run_id: int | None = None
) -> BenchmarkRefresh:
    """Rebuild every benchmark table and log the refresh, all in one transaction."""
    with transaction(conn):
        build_benchmarks(conn)
        ranked = _count(conn, "SELECT count(*) FROM league_table")
        pilots = _count(conn, "SELECT count(*) FROM pilot_assessment")
        refresh_id = _count(conn, "SELECT coalesce(max(refresh_id), 0) + 1 FROM benchmark_refresh")
        _insert_rows(
            conn,
            "benchmark_refresh",
            ("refresh_id", "refreshed_at", "run_id", "councils_ranked", "pilots"),
            [(refresh_id, datetime.now(UTC), run_id, ranked, pilots)],
        )
    return BenchmarkRefresh(refresh_id, ranked, pilots)


def _count(conn: duckdb.DuckDBPyConnection, sql: str) -> int:
    row = conn.execute(sql).fetchone()
    return int(row[0]) if row else 0
