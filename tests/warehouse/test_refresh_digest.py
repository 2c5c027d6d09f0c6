"""A refresh rebuilds the benchmark tables only when their inputs changed (warehouse.benchmarks:
the digest of the inputs in benchmark_refresh), and says so in its row."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest

from transform.neighbours import ImportedNeighbour
from warehouse import benchmarks
from warehouse.benchmarks import BENCHMARK_INPUTS, inputs_digest, refresh_benchmarks
from warehouse.db import BENCHMARK_FILES, BENCHMARK_TABLES, init_schema
from warehouse.neighbours import save_imported_neighbours

STOKE, WOLVERHAMPTON = "E06000021", "E08000031"


def benchmark_rows(conn: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[Any, ...]]]:
    return {t: conn.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in BENCHMARK_TABLES}


def refreshes(conn: duckdb.DuckDBPyConnection) -> list[tuple[Any, ...]]:
    return conn.execute(
        "SELECT refresh_id, councils_ranked, pilots, inputs_digest, rebuilt "
        "FROM benchmark_refresh ORDER BY refresh_id"
    ).fetchall()


def test_a_refresh_with_nothing_changed_rebuilds_nothing(loaded: duckdb.DuckDBPyConnection) -> None:
    first = refresh_benchmarks(loaded)
    tables = benchmark_rows(loaded)
    # A mark no rebuild would keep: the tables are left as they are.
    loaded.execute("UPDATE council_type_benchmark SET councils = -1")
    again = refresh_benchmarks(loaded)
    assert (again.rebuilt, again.refresh_id) == (False, first.refresh_id + 1)
    # The figures `cqc refresh-benchmarks` prints are the same, read from the tables.
    assert (again.councils_ranked, again.pilots, again.search_documents) == (
        first.councils_ranked,
        first.pilots,
        first.search_documents,
    )
    assert loaded.execute("SELECT DISTINCT councils FROM council_type_benchmark").fetchall() == [
        (-1,)
    ]
    (_, *rebuilt), (_, *kept) = refreshes(loaded)
    assert rebuilt[:3] == kept[:3] and rebuilt[3:] == [True] and kept[3:] == [False]
    assert len(rebuilt[2]) == 32
    loaded.execute("UPDATE council_type_benchmark SET councils = 0")
    assert refresh_benchmarks(loaded, force=True).rebuilt  # forced: rebuilt all the same
    assert benchmark_rows(loaded) == tables


def test_a_changed_input_rebuilds(
    loaded: duckdb.DuckDBPyConnection, save: Callable[..., None], reports: Any
) -> None:
    refresh_benchmarks(loaded)
    barnsley = reports.make(
        "barnsley-0125",
        "Barnsley Metropolitan Borough Council",
        [3] * 9,
        rating="Good",
        pct=75,
        published_on=date(2025, 1, 10),
    )
    save(loaded, barnsley)
    done = refresh_benchmarks(loaded)
    assert done.rebuilt and done.councils_ranked == 4
    assert done.reports_indexed == 1
    assert refresh_benchmarks(loaded).rebuilt is False


def _change(conn: duckdb.DuckDBPyConnection, table: str) -> None:
    """One row of `table` removed, or one added to an empty table."""
    if table == "council_neighbour_import":
        save_imported_neighbours(conn, [ImportedNeighbour(STOKE, WOLVERHAMPTON, 1, 2)], "x.csv")
        return
    conn.execute(f"DELETE FROM {table} WHERE rowid = (SELECT min(rowid) FROM {table})")


@pytest.mark.parametrize("table", BENCHMARK_INPUTS)
def test_any_input_row_changes_the_digest(loaded: duckdb.DuckDBPyConnection, table: str) -> None:
    refresh_benchmarks(loaded)  # the reference tables loaded
    before = inputs_digest(loaded)
    _change(loaded, table)
    assert inputs_digest(loaded) != before


def test_a_changed_value_changes_the_digest_and_changed_back_restores_it(
    loaded: duckdb.DuckDBPyConnection,
) -> None:
    before = inputs_digest(loaded)
    loaded.execute("UPDATE assessment SET overall_score_pct = overall_score_pct + 1")
    assert inputs_digest(loaded) != before
    loaded.execute("UPDATE assessment SET overall_score_pct = overall_score_pct - 1")
    assert inputs_digest(loaded) == before


def test_a_reference_table_changed_by_hand_is_reloaded(loaded: duckdb.DuckDBPyConnection) -> None:
    refresh_benchmarks(loaded)
    loaded.execute("DELETE FROM council_population")
    assert refresh_benchmarks(loaded).rebuilt
    assert loaded.execute("SELECT count(*) FROM council_population").fetchone() == (153,)
    assert refresh_benchmarks(loaded).rebuilt is False  # the digest of the reloaded tables


def test_a_changed_input_file_changes_the_digest(
    loaded: duckdb.DuckDBPyConnection, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new release's benchmark SQL or reference extract rebuilds the tables."""
    extract = tmp_path / "council_population.csv"
    extract.write_text("la_code,name\n", encoding="utf-8")
    monkeypatch.setattr(benchmarks, "INPUT_FILES", (*benchmarks.INPUT_FILES, extract))
    before = inputs_digest(loaded)
    extract.write_text("la_code,name\nE06000021,Stoke\n", encoding="utf-8")
    assert inputs_digest(loaded) != before


def test_the_benchmark_sql_reads_only_the_inputs_the_digest_covers(
    conn: duckdb.DuckDBPyConnection,
) -> None:
    """A table the SQL read and the digest did not cover would leave the tables stale when it
    changed: the files, and the views they read, name no other table."""
    tables = {
        t
        for (t,) in conn.execute(
            "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'"
        ).fetchall()
    }
    views = dict(
        conn.execute(
            "SELECT view_name, sql FROM duckdb_views() WHERE NOT internal AND schema_name = 'main'"
        ).fetchall()
    )
    sql = "\n".join(path.read_text(encoding="utf-8") for path in BENCHMARK_FILES)
    read = {name for name in views if re.search(rf"\b{name}\b", sql)}
    sql += "\n".join(views[name] for name in read)
    named = {t for t in tables if re.search(rf"\b{t}\b", sql)}
    assert read == {"latest_formal_assessment", "statement_scores"}
    assert named - set(BENCHMARK_TABLES) <= set(BENCHMARK_INPUTS)
    assert {"assessment", "council_population", "council_neighbour_import"} <= named


def test_an_older_log_is_upgraded_in_place(conn: duckdb.DuckDBPyConnection) -> None:
    """benchmark_refresh before issue 22: no digest, every row a rebuild."""
    conn.execute("ALTER TABLE benchmark_refresh DROP COLUMN inputs_digest")
    conn.execute("ALTER TABLE benchmark_refresh DROP COLUMN rebuilt")
    conn.execute("INSERT INTO benchmark_refresh VALUES (1, now(), NULL, 0, 0)")
    init_schema(conn)
    assert refreshes(conn) == [(1, 0, 0, None, True)]
    done = refresh_benchmarks(conn)
    assert (done.refresh_id, done.rebuilt) == (2, True)
    assert refresh_benchmarks(conn).rebuilt is False
