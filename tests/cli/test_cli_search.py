"""`cqc search` over the mirror's sample warehouse file, run in-process."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from transform.councils import load_councils
from warehouse.db import connect, init_schema
from warehouse.load import save_local_authorities
from warehouse.search import fts_extension_resource

runner = CliRunner()


@pytest.fixture(scope="module")
def warehouse(mirror_warehouse_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the mirror's warehouse: a search sandboxes the DuckDB instance it opens, and
    in one process that instance is shared with every open connection to the same file."""
    copy = tmp_path_factory.mktemp("search") / "cqc.duckdb"
    shutil.copy(mirror_warehouse_file, copy)
    return copy


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_search_prints_ranked_hits_as_json_csv_and_a_table(warehouse: Path) -> None:
    db = str(warehouse)
    code, out, err = invoke(
        "search", "timeliness", "--statement", "1", "--limit", "3", "--db", db, "--format", "json"
    )
    assert code == 0, err
    hits = json.loads(out)
    assert [h["rank"] for h in hits] == [1, 2, 3]
    assert all(h["qs_number"] == 1 and h["kind"] == "key_finding" for h in hits)
    assert all(h["snippet"].startswith("Access and «timeliness»:") for h in hits)
    assert all(h["url"].startswith("http://127.0.0.1:8000/care-services/") for h in hits)
    assert hits[0]["score"] >= hits[1]["score"] >= hits[2]["score"]
    code, out, err = invoke(
        "search", "timeliness", "--region", "west midlands", "--db", db, "--format", "csv"
    )
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and {row["region"] for row in rows} == {"West Midlands"}
    code, out, err = invoke("search", "access timeliness", "--limit", "2", "--db", db)
    assert code == 0, err
    assert "«Access» and «timeliness»" in out and "2 hits" in out
    assert "[placeholder]" in out  # data, not rich markup


def test_unknown_statement_region_or_empty_query_is_one_line(warehouse: Path) -> None:
    db = str(warehouse)
    for args, says in (
        (["--statement", "12"], "no quality statement 12; the statements are: 1 Assessing needs"),
        (["--region", "Midlands"], "no region 'Midlands'; the regions are: East Midlands"),
    ):
        code, _, err = invoke("search", "timeliness", *args, "--db", db)
        assert code == 2 and err.startswith(says), err
        assert len(err.strip().splitlines()) == 1
    code, _, err = invoke("search", "the of and", "--db", db)
    assert code == 2 and "nothing to search for" in err and len(err.strip().splitlines()) == 1
    code, _, err = invoke("search", "timeliness", "--limit", "0", "--db", db)
    assert code == 2


def test_a_warehouse_without_an_index_is_one_line(tmp_path: Path) -> None:
    db = tmp_path / "cqc.duckdb"
    with connect(db) as conn:
        init_schema(conn)
        save_local_authorities(conn, load_councils())
    code, _, err = invoke("search", "waiting", "--db", str(db))
    assert code == 1 and "no search index yet: run `cqc refresh-benchmarks`" in err
    assert "Traceback" not in err


def test_cqc_sql_keeps_its_sandbox_beside_the_index(warehouse: Path) -> None:
    """Typed SQL may read the index tables but cannot load the extension to rank with them."""
    db = str(warehouse)
    code, _, _ = invoke("sql", "SELECT count(*) AS n FROM search_index.doc", "--db", db)
    assert code == 0
    path = str(fts_extension_resource())
    for query in (f"LOAD '{path}'", "SELECT * FROM search_index.bm25('timeliness')"):
        code, _, err = invoke("sql", query, "--db", db)
        assert code == 1 and "SQL error" in err, query
