"""Statistical neighbours: reading `council_neighbour`, and storing a user's own list.

The neighbours themselves are computed in SQL with the benchmarks
(`sql/benchmarks/00_council_neighbour.sql`, docs/neighbours.md). An imported list lives in
`council_neighbour_import`, which no refresh touches; the next refresh puts it in
`council_neighbour` in place of the computed list for each council it covers.
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

from transform.neighbours import ImportedNeighbour
from warehouse.load import insert_rows, transaction

# How many nearest neighbours the benchmarks average (as in 03_council_statement_benchmark.sql)
# and `cqc neighbours` lists by default: the number CIPFA's lists have.
NEIGHBOURS_USED = 15

NEIGHBOUR_COLUMNS = ["rank", "council", "region", "type", "distance", "rating", "pct", "method"]


def council_neighbours(
    conn: duckdb.DuckDBPyConnection, la_code: str, k: int = NEIGHBOURS_USED
) -> list[tuple[object, ...]]:
    """The council's `k` nearest neighbours (NEIGHBOUR_COLUMNS), with their latest formal
    rating and % where they have one."""
    return conn.execute(
        "SELECT n.rank, la.name, la.region, la.la_type, round(n.distance, 3), "
        "l.overall_rating, l.overall_score_pct, n.method "
        "FROM council_neighbour AS n "
        "JOIN local_authority AS la ON la.la_code = n.neighbour_la_code "
        "LEFT JOIN league_table AS l ON l.la_code = n.neighbour_la_code "
        "WHERE n.la_code = ? AND n.rank <= ? ORDER BY n.rank",
        [la_code, k],
    ).fetchall()


def save_imported_neighbours(
    conn: duckdb.DuckDBPyConnection, rows: Sequence[ImportedNeighbour], source: str
) -> list[str]:
    """Replace the imported lists of the councils `rows` cover (one transaction); return
    their codes. Lists of other councils imported before are kept."""
    codes = sorted({row.la_code for row in rows})
    with transaction(conn):
        conn.execute(
            "DELETE FROM council_neighbour_import WHERE list_contains(?, la_code)", [codes]
        )
        insert_rows(
            conn,
            "council_neighbour_import",
            ("la_code", "neighbour_la_code", "rank", "source"),
            [(row.la_code, row.neighbour_la_code, row.rank, source) for row in rows],
        )
    return codes


def clear_imported_neighbours(conn: duckdb.DuckDBPyConnection) -> int:
    """Forget every imported list; return how many councils had one."""
    with transaction(conn):
        row = conn.execute(
            "SELECT count(DISTINCT la_code) FROM council_neighbour_import"
        ).fetchone()
        conn.execute("DELETE FROM council_neighbour_import")
    return int(row[0]) if row else 0
