"""Exporting the warehouse: every table and view as Parquet, CSV or one Excel workbook, with
its data dictionary.

For people who work in R, Excel or pandas rather than SQL. DuckDB writes the Parquet and CSV
files itself (`COPY ... TO`), from one read snapshot; the workbook (`publish.spreadsheet`)
is written from the same snapshot, a sheet per table. A `manifest.json` lists each file with
its row count, and `data_dictionary.md` documents every column, with an example from the
exported data. Text that a spreadsheet would run as a formula is escaped in CSV and xlsx. CSV
and Parquet hold every value as the warehouse does; the workbook's cells are cut at Excel's
limit with a marker, and the dictionary says which columns were (`render_cut_values`).

The care market (issue 21) grows by a month at a time: `care_location_rating` alone has about
324,000 rows a month, past Excel's 1,048,576 rows a sheet within four months. So the workbook
holds `care_location` of the latest month only and leaves `care_location_rating` out, and its
dictionary sheet, `data_dictionary.md` and `manifest.json` say so and where every row is (the
Parquet and CSV exports); `council_care_market` and `care_source` are whole.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

import duckdb

from publish.attribution import OGL_STATEMENT, attribution_markdown, licences_json
from publish.dictionary import (
    VIEW_ORDER,
    render_cut_values,
    render_data_dictionary,
    render_workbook_scope,
)
from publish.spreadsheet import SheetPart, csv_select, write_workbook
from warehouse.db import BENCHMARK_TABLES, SEARCH_TABLE
from warehouse.load import ALL_TABLES

ExportFormat = Literal["parquet", "csv", "xlsx"]
FORMATS: tuple[ExportFormat, ...] = ("parquet", "csv", "xlsx")
# CQC's register of care locations and the council market built from it (sql/care_market.sql),
# and the 2008-10 annual grades (sql/annual_grades.sql): tables warehouse.load does not write.
MARKET_TABLES: tuple[str, ...] = (
    "council_care_market",
    "care_location",
    "care_location_rating",
    "care_source",
)
OTHER_TABLES: tuple[str, ...] = (*MARKET_TABLES, "annual_performance_assessment")
EXPORTED: tuple[str, ...] = tuple(
    dict.fromkeys((*BENCHMARK_TABLES, *VIEW_ORDER, *ALL_TABLES, *OTHER_TABLES, SEARCH_TABLE))
)
# Left out of the workbook, with the note its dictionary sheet gives (never a cut sheet).
WORKBOOK_LEFT_OUT: dict[str, str] = {
    "care_location_rating": (
        "Not in this workbook: CQC's ratings file has about 324,000 rows a month, and a sheet "
        "stops at Excel's 1,048,576 rows. Every row is in the Parquet and CSV exports: "
        "`cqc export --format parquet` writes care_location_rating.parquet"
    ),
}
WORKBOOK = "cqc-warehouse.xlsx"
UTF8_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class ExportedTable:
    name: str
    file: str  # relative to the export directory
    rows: int
    sheet: str | None = None  # the workbook's sheet (xlsx)
    cut: dict[str, int] | None = None  # xlsx: column -> cells cut at Excel's cell limit
    note: str | None = None  # xlsx: why the sheet holds part of the table


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
    workbook_notes: dict[str, str] = {}  # xlsx: tables held in part or left out, and why
    not_in_workbook: list[dict[str, object]] = []  # xlsx: the tables left out, for the manifest
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
            left_out = {n: note for n, note in WORKBOOK_LEFT_OUT.items() if n in names}
            sheets = write_workbook(
                conn,
                out_dir / WORKBOOK,
                [name for name in names if name not in left_out],
                kinds=kinds,
                parts=_workbook_parts(conn, names),
                left_out=left_out,
            )
            exported = [
                ExportedTable(
                    s.name, WORKBOOK, s.rows_written, s.sheet, dict(s.cut) or None, s.note or None
                )
                for s in sheets
            ]
            workbook_notes = {s.name: s.note for s in sheets if s.note} | left_out
            not_in_workbook = [
                {"name": name, "rows": _count(conn, name), "note": note}
                for name, note in left_out.items()
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
    if workbook_notes:
        dictionary += "\n" + render_workbook_scope(workbook_notes)
    # The sources' licences ask for attribution with every copy (publish.attribution).
    (out_dir / "data_dictionary.md").write_text(dictionary + attribution_markdown(), "utf-8")
    manifest = {
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "format": fmt,
        "tables": [
            {key: value for key, value in asdict(table).items() if value is not None}
            for table in exported
        ],
        **({"not_in_workbook": not_in_workbook} if not_in_workbook else {}),
        "data_dictionary": "data_dictionary.md",
        "attribution": OGL_STATEMENT,
        "licences": licences_json(),
    }
    (out_dir / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", "utf-8")
    return exported


def _count(conn: duckdb.DuckDBPyConnection, name: str) -> int:
    row = conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()
    return int(row[0]) if row else 0


def _workbook_parts(conn: duckdb.DuckDBPyConnection, names: Sequence[str]) -> dict[str, SheetPart]:
    """The tables the workbook holds in part: care_location, its latest month only (a month
    is about 100,000 rows; every month would soon pass Excel's rows a sheet)."""
    if "care_location" not in names:
        return {}
    row = conn.execute("SELECT max(as_of_month), count(DISTINCT as_of_month) FROM care_location")
    month, months = row.fetchone() or (None, 0)
    if month is None or months < 2:  # one month or none: the sheet holds it whole
        return {}
    return {
        "care_location": SheetPart(
            f"SELECT * FROM care_location WHERE as_of_month = DATE '{month:%Y-%m-%d}' "
            "ORDER BY location_id",
            f"This sheet holds the latest month only, {month:%B %Y}, of the {months} months "
            "held; every month is in the Parquet and CSV exports, care_location.parquet",
        )
    }


def _prepend_bom(path: Path) -> None:
    """Put a UTF-8 byte order mark before the file's bytes (DuckDB's COPY writes none)."""
    partial = path.with_name(path.name + ".partial")
    with path.open("rb") as source, partial.open("wb") as target:
        target.write(UTF8_BOM)
        shutil.copyfileobj(source, target)
    os.replace(partial, path)
