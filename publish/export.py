"""Exporting the warehouse: every table and view as Parquet, CSV or one Excel workbook, with
its data dictionary.

For people who work in R, Excel or pandas rather than SQL. DuckDB writes the Parquet and CSV
files itself (`COPY ... TO`), from one read snapshot; the workbook (`publish.spreadsheet`)
is written from the same snapshot, a sheet per table. A `manifest.json` lists each file with
its row count, and `data_dictionary.md` documents every column, with an example from the
exported data. Text that a spreadsheet would run as a formula is escaped in CSV and xlsx. CSV
and Parquet hold every value as the warehouse does; the workbook's cells are cut at Excel's
limit with a marker, and the dictionary says which columns were (`render_cut_values`).
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

import duckdb

from publish.attribution import OGL_STATEMENT, attribution_markdown, licences_json
from publish.dictionary import VIEW_ORDER, render_cut_values, render_data_dictionary
from publish.spreadsheet import csv_select, write_workbook
from warehouse.db import BENCHMARK_TABLES, SEARCH_TABLE
from warehouse.load import ALL_TABLES

ExportFormat = Literal["parquet", "csv", "xlsx"]
FORMATS: tuple[ExportFormat, ...] = ("parquet", "csv", "xlsx")
EXPORTED: tuple[str, ...] = (*BENCHMARK_TABLES, *VIEW_ORDER, *ALL_TABLES, SEARCH_TABLE)
WORKBOOK = "cqc-warehouse.xlsx"
UTF8_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class ExportedTable:
    name: str
    file: str  # relative to the export directory
    rows: int
    sheet: str | None = None  # the workbook's sheet (xlsx)
    cut: dict[str, int] | None = None  # xlsx: column -> cells cut at Excel's cell limit


def export_warehouse(
    conn: duckdb.DuckDBPyConnection, out_dir: Path, fmt: ExportFormat, *, excel: bool = False
) -> list[ExportedTable]:
    """Write every table and view of the warehouse to `out_dir` as `<name>.<fmt>` (xlsx: one
    workbook, WORKBOOK, a sheet each), plus `data_dictionary.md` and `manifest.json`; return
    what was written. `excel`: CSV files start with a UTF-8 BOM, so Excel reads them as UTF-8."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    out_dir.mkdir(parents=True, exist_ok=True)
    options = "FORMAT parquet, COMPRESSION zstd" if fmt == "parquet" else "FORMAT csv, HEADER"
    exported: list[ExportedTable] = []
    conn.execute("BEGIN TRANSACTION")  # one snapshot for every file
    try:
        present = {
            name
            for (name,) in conn.execute(
                "SELECT table_name FROM duckdb_tables() WHERE schema_name = current_schema() "
                "UNION ALL SELECT view_name FROM duckdb_views() WHERE schema_name = "
                "current_schema()"
            ).fetchall()
        }
        names = [name for name in EXPORTED if name in present]  # an older warehouse: fewer
        if fmt == "xlsx":
            kinds = {name: "benchmark table" for name in BENCHMARK_TABLES}
            kinds |= {name: "view" for name in VIEW_ORDER}
            sheets = write_workbook(conn, out_dir / WORKBOOK, names, kinds=kinds)
            exported = [
                ExportedTable(s.name, WORKBOOK, s.rows_written, s.sheet, dict(s.cut) or None)
                for s in sheets
            ]
        else:
            for name in names:
                target = out_dir / f"{name}.{fmt}"
                path = str(target).replace("'", "''")
                select = csv_select(conn, name) if fmt == "csv" else f'SELECT * FROM "{name}"'
                conn.execute(f"COPY ({select}) TO '{path}' ({options})")
                if excel and fmt == "csv":
                    _prepend_bom(target)
                row = conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()
                exported.append(ExportedTable(name, target.name, int(row[0]) if row else 0))
        dictionary = render_data_dictionary(conn, examples=conn)
    finally:
        conn.execute("ROLLBACK")  # read only: nothing to keep
    cut = {table.name: table.cut for table in exported if table.cut}
    dictionary += "\n" + render_cut_values(fmt, cut)
    # The sources' licences ask for attribution with every copy (publish.attribution).
    (out_dir / "data_dictionary.md").write_text(dictionary + attribution_markdown(), "utf-8")
    manifest = {
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "format": fmt,
        "tables": [
            {key: value for key, value in asdict(table).items() if value is not None}
            for table in exported
        ],
        "data_dictionary": "data_dictionary.md",
        "attribution": OGL_STATEMENT,
        "licences": licences_json(),
    }
    (out_dir / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", "utf-8")
    return exported


def _prepend_bom(path: Path) -> None:
    """Put a UTF-8 byte order mark before the file's bytes (DuckDB's COPY writes none)."""
    partial = path.with_name(path.name + ".partial")
    with path.open("rb") as source, partial.open("wb") as target:
        target.write(UTF8_BOM)
        shutil.copyfileobj(source, target)
    os.replace(partial, path)
