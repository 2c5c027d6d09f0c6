"""Opening the warehouse and creating its schema."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

from transform.councils import REGIONS
from warehouse.db import (
    BENCHMARK_TABLES,
    SCORE_COLUMNS,
    SEARCH_TABLE,
    SQL_DIR,
    WarehouseOpenError,
    connect,
    init_schema,
)
from warehouse.load import ALL_TABLES

VIEWS = (
    "latest_formal_assessment",
    "statement_scores",
    "assessment_history",
    "report_coverage",
    "run_log",
    "council_outcome",
)
DATA_DICTIONARY = Path(__file__).resolve().parents[2] / "docs" / "data_dictionary.md"


def test_sql_scripts_ship_with_the_package() -> None:
    assert (SQL_DIR / "schema.sql").is_file()
    assert (SQL_DIR / "views.sql").is_file()


def test_connect_creates_the_parent_directory(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "cqc.duckdb"
    with connect(path) as conn:
        init_schema(conn)
    assert path.is_file()


def test_read_only_connect_to_a_missing_file_names_it(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "cqc.duckdb"
    with pytest.raises(FileNotFoundError, match=re.escape(str(path))):
        connect(path, read_only=True)
    assert not path.parent.exists()


def test_read_only_connection_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "cqc.duckdb"
    with connect(str(path)) as conn:
        init_schema(conn)
    with connect(path, read_only=True) as conn:
        assert conn.execute("SELECT count(*) FROM assessment").fetchone() == (0,)
        with pytest.raises(duckdb.Error):
            conn.execute("DELETE FROM assessment")


def test_init_schema_is_idempotent_and_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "cqc.duckdb"
    with connect(path) as conn:
        init_schema(conn)
        conn.execute(
            "INSERT INTO local_authority VALUES ('E06000021', 'Stoke-on-Trent', "
            "'West Midlands', 'unitary', NULL)"
        )
    with connect(path) as conn:
        init_schema(conn)
        init_schema(conn)
        assert conn.execute("SELECT count(*) FROM local_authority").fetchone() == (1,)


@pytest.mark.parametrize(
    ("modes_then", "new_mode"),
    [(", 'refresh', 'providers')", "refresh"), (", 'providers')", "providers")],
    ids=["before-refresh-runs", "before-providers-runs"],
)
def test_a_warehouse_from_before_refresh_runs_is_upgraded_keeping_its_runs(
    tmp_path: Path, modes_then: str, new_mode: str
) -> None:
    # Until refresh runs had rows of their own, ingest_run's CHECK allowed two modes, and
    # until providers runs, three; DuckDB cannot alter a CHECK, so init_schema rebuilds the
    # table around its rows.
    script = (SQL_DIR / "history.sql").read_text()
    create = script[script.index("CREATE TABLE IF NOT EXISTS ingest_run") :]
    create = create[: create.index(");") + 2]
    assert "'reparse', 'refresh', 'providers')" in create
    path = tmp_path / "cqc.duckdb"
    with connect(path) as conn:
        conn.execute(create.replace(modes_then, ")"))
        conn.execute(
            'INSERT INTO ingest_run (run_id, started_at, base_url, mode, "full", '
            "parser_version, status, reports_new) VALUES "
            "(1, '2026-01-05 02:00', 'https://www.cqc.org.uk/x', 'ingest', true, '1.0.0', "
            "'finished', 72), (2, '2026-01-06 02:00', 'archive:a', 'reparse', true, '1.0.0', "
            "'failed', 0)"
        )
        with pytest.raises(duckdb.ConstraintException):
            conn.execute(
                'INSERT INTO ingest_run (run_id, started_at, base_url, mode, "full", '
                "parser_version, status) VALUES (3, now(), 'w', ?, false, '1', 'running')",
                [new_mode],
            )
    with connect(path) as conn:
        init_schema(conn)
        init_schema(conn)
        assert conn.execute(
            "SELECT run_id, mode, status, reports_new FROM ingest_run ORDER BY run_id"
        ).fetchall() == [(1, "ingest", "finished", 72), (2, "reparse", "failed", 0)]
        conn.execute(
            'INSERT INTO ingest_run (run_id, started_at, base_url, mode, "full", '
            "parser_version, status) VALUES (3, now(), 'w', ?, false, '1', 'finished')",
            [new_mode],
        )
        assert conn.execute("SELECT count(*) FROM run_log").fetchone() == (3,)
        assert conn.execute(
            "SELECT comment FROM duckdb_tables() WHERE table_name = 'ingest_run'"
        ).fetchone() != (None,)
        leftovers = conn.execute(
            "SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'ingest_run%'"
        ).fetchall()
        assert leftovers == [("ingest_run",)]


def test_a_warehouse_whose_report_change_refuses_withdrawn_is_upgraded_in_place(
    tmp_path: Path,
) -> None:
    """Warehouses from before the listing was watched have a report_change whose CHECK refuses
    'withdrawn' and 'relisted', and an assessment without the withdrawn flag."""
    script = (SQL_DIR / "history.sql").read_text()
    create = script[script.index("CREATE TABLE IF NOT EXISTS report_change") :]
    create = create[: create.index(");") + 2]
    old_create = create.replace(", 'withdrawn',\n        'relisted'\n    ))", "\n    ))")
    assert old_create != create
    path = tmp_path / "cqc.duckdb"
    with connect(path) as conn:
        conn.execute(old_create)
        conn.execute(
            "INSERT INTO report_change VALUES (1, 'durham-0824', 'new_report', 'slug', NULL, "
            "'durham-0824')"
        )
        with pytest.raises(duckdb.ConstraintException):
            conn.execute(
                "INSERT INTO report_change VALUES (2, 'durham-0824', 'withdrawn', 'listed', "
                "'listed', 'withdrawn')"
            )
    with connect(path) as conn:
        init_schema(conn)
        init_schema(conn)
        conn.execute(
            "INSERT INTO report_change VALUES (2, 'durham-0824', 'withdrawn', 'listed', "
            "'listed', 'withdrawn')"
        )
        assert conn.execute(
            "SELECT run_id, change_kind FROM report_change ORDER BY run_id"
        ).fetchall() == [(1, "new_report"), (2, "withdrawn")]
        assert conn.execute(
            "SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'report_change%'"
        ).fetchall() == [("report_change",)]
        assert conn.execute(
            "SELECT comment IS NOT NULL FROM duckdb_columns() "
            "WHERE table_name = 'assessment' AND column_name = 'withdrawn'"
        ).fetchall() == [(True,)]


def test_a_file_that_is_no_duckdb_database_is_refused_untouched(tmp_path: Path) -> None:
    """DuckDB would open a Parquet or CSV file as a database holding a view of it."""
    parquet = tmp_path / "x.parquet"
    with connect(":memory:") as conn:
        conn.execute(f"COPY (SELECT 1 AS a) TO '{parquet}' (FORMAT parquet)")
    csv = tmp_path / "x.csv"
    csv.write_text("a\n1\n", encoding="utf-8")
    short = tmp_path / "short.duckdb"
    short.write_bytes(b"DUCK")
    for path, kind in ((parquet, "a Parquet file"), (csv, "a text file"), (short, "")):
        before = path.read_bytes()
        for read_only in (False, True):
            with pytest.raises(WarehouseOpenError, match="not a DuckDB database file") as err:
                connect(path, read_only=read_only)
            assert kind in str(err.value)
        assert path.read_bytes() == before
    empty = tmp_path / "empty.duckdb"
    empty.touch()
    with pytest.raises(WarehouseOpenError, match="not a valid DuckDB database file"):
        connect(empty)  # DuckDB's own refusal, as one line
    assert empty.read_bytes() == b""


def test_the_score_columns_are_the_statement_scores_views() -> None:
    with connect(":memory:") as conn:
        init_schema(conn)
        columns = [
            name
            for (name,) in conn.execute(
                "SELECT column_name FROM duckdb_columns() WHERE table_name = 'statement_scores' "
                "ORDER BY column_index"
            ).fetchall()
        ]
    assert tuple(columns) == ("assessment_id", *SCORE_COLUMNS)


def test_memory_connection() -> None:
    with connect(":memory:") as conn:
        init_schema(conn)
        names = {r[0] for r in conn.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        views = {
            r[0]
            for r in conn.execute(
                "SELECT view_name FROM duckdb_views() WHERE NOT internal"
            ).fetchall()
        }
    assert names == set(ALL_TABLES) | set(BENCHMARK_TABLES) | {SEARCH_TABLE}
    assert views == set(VIEWS)


def test_every_table_view_and_column_is_commented() -> None:
    with connect(":memory:") as conn:
        init_schema(conn)
        uncommented = conn.execute(
            "SELECT table_name, column_name FROM duckdb_columns() "
            "WHERE NOT internal AND (comment IS NULL OR comment = '')"
        ).fetchall()
        tables = conn.execute(
            "SELECT table_name, comment FROM duckdb_tables() "
            "UNION ALL SELECT view_name, comment FROM duckdb_views() WHERE NOT internal"
        ).fetchall()
    assert uncommented == []
    assert all(comment for _, comment in tables), tables


def test_the_data_dictionary_documents_every_column() -> None:
    doc = DATA_DICTIONARY.read_text(encoding="utf-8")
    with connect(":memory:") as conn:
        init_schema(conn)
        columns = conn.execute(
            "SELECT table_name, column_name FROM duckdb_columns() WHERE NOT internal"
        ).fetchall()
    sections = re.split(r"^### ", doc, flags=re.M)
    by_name = {section.split("`")[1]: section for section in sections[1:] if "`" in section}
    for table in (*ALL_TABLES, *BENCHMARK_TABLES, *VIEWS):
        assert table in by_name, f"no section for {table}"
    missing = [
        f"{table}.{column}" for table, column in columns if f"| `{column}` |" not in by_name[table]
    ]
    assert missing == []


def test_region_check_matches_the_councils_module() -> None:
    schema = (SQL_DIR / "schema.sql").read_text(encoding="utf-8")
    for region in REGIONS:
        assert f"'{region}'" in schema


def test_a_process_killed_after_creating_the_schema_leaves_a_file_that_opens(
    tmp_path: Path,
) -> None:
    """duckdb 1.5 cannot replay a WAL that creates a table with a function in a CHECK; the
    schema is checkpointed at once, so a killed run's file still opens with its commits."""
    import subprocess
    import sys

    db = tmp_path / "cqc.duckdb"
    script = (
        "import os\n"
        "from warehouse.db import connect, init_schema\n"
        f"conn = connect({str(db)!r})\n"
        "init_schema(conn)\n"
        'conn.execute("INSERT INTO source_page (url, assessment_id, sha256) '
        "VALUES ('u', 'a', repeat('a', 64))\")\n"
        "conn.execute('BEGIN')\n"
        "conn.execute(\"INSERT INTO source_page (url, assessment_id) VALUES ('v', 'b')\")\n"
        "os._exit(9)  # killed: no checkpoint, no close, one transaction open\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 9, done.stderr
    assert (tmp_path / "cqc.duckdb.wal").exists()
    with connect(db) as conn:
        init_schema(conn)
        assert conn.execute("SELECT url FROM source_page").fetchall() == [("u",)]
