"""export_warehouse over tables of raw JSON: read a slice at a time (publish.spreadsheet
in_slices), written whole and in the table's order, the workbook without the JSON, DuckDB's
settings set back."""

from __future__ import annotations

from pathlib import Path

import duckdb
import openpyxl
import pytest

from publish import dictionary, export
from publish.dictionary import render_data_dictionary
from publish.export import WORKBOOK, export_warehouse
from publish.spreadsheet import in_slices

# Eleven PDF parses of about 40 KB of JSON each; the first in key order could not be read.
PARSES = """
INSERT INTO pdf_parse
SELECT lpad(i::VARCHAR, 64, '0'), 't', 'http://x.test/report-' || i || '.pdf', 10 + i, i / 10,
       CASE WHEN i > 0 THEN '{"n": ' || i || ', "text": "' || repeat('word ', 8000) || '"}' END,
       CASE WHEN i = 0 THEN 'truncated: no end of file' END
FROM range(11) AS r(i)
"""


@pytest.fixture
def wide(
    loaded: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch
) -> duckdb.DuckDBPyConnection:
    """The four test reports and the eleven parses, read four rows a slice."""
    loaded.execute(PARSES)
    monkeypatch.setattr(export, "SLICE_ROWS", 4)
    monkeypatch.setattr(dictionary, "SLICE_ROWS", 4)
    return loaded


def test_a_table_of_raw_json_is_exported_whole_and_in_order_a_slice_at_a_time(
    wide: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    assert in_slices(wide, "pdf_parse", "SELECT * FROM pdf_parse", 4).count(" UNION ALL ") == 2
    export_warehouse(wide, tmp_path / "parquet", "parquet")
    export_warehouse(wide, tmp_path / "csv", "csv")
    rows = wide.execute("SELECT * FROM pdf_parse").fetchall()
    assert len(rows) == 11 and len(rows[5][5]) > 40_000
    parquet = tmp_path / "parquet" / "pdf_parse.parquet"
    assert wide.execute(f"SELECT * FROM '{parquet}'").fetchall() == rows
    whole = tmp_path / "whole.csv"
    wide.execute(f"COPY (SELECT * FROM pdf_parse) TO '{whole}' (FORMAT csv, HEADER)")
    assert (tmp_path / "csv" / "pdf_parse.csv").read_bytes() == whole.read_bytes()


def test_the_workbook_holds_every_row_of_a_raw_json_table_without_the_json(
    wide: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    export_warehouse(wide, tmp_path, "xlsx")
    sheet = openpyxl.load_workbook(tmp_path / WORKBOOK)["pdf_parse"]
    rows = list(sheet.iter_rows(values_only=True))
    query = wide.execute("SELECT * EXCLUDE (report_json) FROM pdf_parse")
    assert rows[0] == tuple(d[0] for d in query.description or [])
    assert rows[1:] == query.fetchall()


def test_examples_of_a_raw_json_table_read_in_slices_are_those_of_a_whole_scan(
    wide: duckdb.DuckDBPyConnection,
) -> None:
    sliced = render_data_dictionary(wide, examples=wide, wide={"pdf_parse"})
    assert sliced == render_data_dictionary(wide, examples=wide)
    section = sliced.split("### `pdf_parse`", 1)[1].split("### ", 1)[0]
    # The first row in key order holds no JSON: the column's first value is shown instead.
    assert '| {"n": 1, "text": "word word word word... |' in section
    assert "| truncated: no end of file |" in section


def test_the_export_sets_duckdbs_memory_and_threads_back(
    wide: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    query = "SELECT current_setting('memory_limit'), current_setting('threads')"
    wide.execute("RESET memory_limit")
    wide.execute("SET threads = 3")
    before = wide.execute(query).fetchone()
    export_warehouse(wide, tmp_path, "csv")
    assert wide.execute(query).fetchone() == before
    assert before is not None and before[1] == 3 and before[0] != export.DUCKDB_MEMORY_LIMIT
