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

Two columns hold a raw document, the whole parsed report or what a PDF says, as JSON of 15-50
KB a row (RAW_COLUMNS). A cell holds 32,767 characters, and JSON cut short is no JSON, so the
workbook leaves them out and says so (its dictionary sheet, `data_dictionary.md`,
`manifest.json`); Parquet and CSV hold them. They also set the export's memory: DuckDB holds
what a scan of such a column read until the scan ends, so their tables are read a slice of
rows at a time (`publish.spreadsheet.in_slices`) under a memory limit (DUCKDB_MEMORY_LIMIT)
and one thread, which keeps every export of a warehouse of 7,400 reports under 400 MB.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Mapping, Sequence
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
from publish.spreadsheet import (
    EXCEL_CELL_MAX,
    SLICE_ROWS,
    SheetPart,
    csv_select,
    in_slices,
    write_workbook,
)
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
# Columns holding a raw document as JSON (warehouse/sql/history.sql), what each holds.
RAW_COLUMNS: dict[str, dict[str, str]] = {
    "assessment_version": {"report_json": "the whole parsed report as JSON"},
    "pdf_parse": {"report_json": "what the PDF says as JSON"},
}
WORKBOOK = "cqc-warehouse.xlsx"
UTF8_BOM = b"\xef\xbb\xbf"
# DuckDB's memory for an export (its default is 80% of the machine's memory) and threads.
# Under the limit what a scan read gives way to the next slice (in_slices, SLICE_ROWS); at 100
# times the demo's reports (benchmarks/exports.py) the whole process peaks at about 280-300 MB
# with it, and at 980-1,270 MB without. One thread also writes the views' rows in one order.
DUCKDB_MEMORY_LIMIT = "128MB"
DUCKDB_THREADS = 1


@dataclass(frozen=True)
class ExportedTable:
    name: str
    file: str  # relative to the export directory
    rows: int
    sheet: str | None = None  # the workbook's sheet (xlsx)
    cut: dict[str, int] | None = None  # xlsx: column -> cells cut at Excel's cell limit
    note: str | None = None  # xlsx: why the sheet holds part of the table, or is several
    sheets: list[str] | None = None  # xlsx: every sheet holding the table, when several
    columns_left_out: list[str] | None = None  # xlsx: columns no sheet holds (RAW_COLUMNS)


def export_warehouse(
    conn: duckdb.DuckDBPyConnection, out_dir: Path, fmt: ExportFormat, *, excel: bool = False
) -> list[ExportedTable]:
    """Write every table and view of the warehouse to `out_dir` as `<name>.<fmt>` (xlsx: one
    workbook, WORKBOOK, a sheet each), plus `data_dictionary.md` and `manifest.json`; return
    what was written. `excel`: CSV files start with a UTF-8 BOM, so Excel reads them as UTF-8."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    out_dir.mkdir(parents=True, exist_ok=True)
    settings = _limit_memory(conn)
    try:
        conn.execute("BEGIN TRANSACTION")  # one snapshot for every file
        try:
            written = _write_files(conn, out_dir, fmt, excel=excel)
        finally:
            conn.execute("ROLLBACK")  # read only: nothing to keep
    finally:
        _set_back(conn, settings)
    exported = written.tables
    cut = {table.name: table.cut for table in exported if table.cut}
    dictionary = (
        written.dictionary
        + "\n"
        + render_cut_values(
            fmt,
            cut,
            [f"{table}.{column}" for table, columns in RAW_COLUMNS.items() for column in columns],
        )
    )
    if written.workbook_notes:
        dictionary += "\n" + render_workbook_scope(written.workbook_notes)
    # The sources' licences ask for attribution with every copy (publish.attribution).
    (out_dir / "data_dictionary.md").write_text(dictionary + attribution_markdown(), "utf-8")
    manifest = {
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "format": fmt,
        "tables": [
            {key: value for key, value in asdict(table).items() if value is not None}
            for table in exported
        ],
        **({"not_in_workbook": written.not_in_workbook} if written.not_in_workbook else {}),
        "data_dictionary": "data_dictionary.md",
        "attribution": OGL_STATEMENT,
        "licences": licences_json(),
    }
    (out_dir / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", "utf-8")
    return exported


@dataclass(frozen=True)
class _Written:
    tables: list[ExportedTable]
    dictionary: str  # the data dictionary of the tables, with examples from them
    workbook_notes: dict[str, str]  # xlsx: tables held in part or left out, and why
    not_in_workbook: list[dict[str, object]]  # xlsx: the tables left out, for the manifest


def _write_files(
    conn: duckdb.DuckDBPyConnection, out_dir: Path, fmt: ExportFormat, *, excel: bool
) -> _Written:
    """The export's files of tables (one workbook, or a file a table), in the snapshot of
    the transaction `conn` is in, and the data dictionary from the same snapshot."""
    present = {
        name
        for (name,) in conn.execute(
            "SELECT table_name FROM duckdb_tables() WHERE schema_name = current_schema() "
            "UNION ALL SELECT view_name FROM duckdb_views() WHERE schema_name = "
            "current_schema()"
        ).fetchall()
    }
    names = [name for name in EXPORTED if name in present]  # an older warehouse: fewer
    if fmt != "xlsx":
        options = "FORMAT parquet, COMPRESSION zstd" if fmt == "parquet" else "FORMAT csv, HEADER"
        exported: list[ExportedTable] = []
        for name in names:
            target = out_dir / f"{name}.{fmt}"
            path = str(target).replace("'", "''")
            select = csv_select(conn, name) if fmt == "csv" else f'SELECT * FROM "{name}"'
            if name in RAW_COLUMNS:
                select = in_slices(conn, name, select, SLICE_ROWS)
            conn.execute(f"COPY ({select}) TO '{path}' ({options})")
            if excel and fmt == "csv":
                _prepend_bom(target)
            exported.append(ExportedTable(name, target.name, _count(conn, name)))
        return _Written(exported, _dictionary(conn), {}, [])
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
            s.name,
            WORKBOOK,
            s.rows_written,
            s.sheet,
            dict(s.cut) or None,
            s.note or None,
            list(s.sheets) or None,
            list(s.columns_left_out) or None,
        )
        for s in sheets
    ]
    return _Written(
        exported,
        _dictionary(conn),
        {s.name: s.note for s in sheets if s.note} | left_out,
        [
            {"name": name, "rows": _count(conn, name), "note": note}
            for name, note in left_out.items()
        ],
    )


def _dictionary(conn: duckdb.DuckDBPyConnection) -> str:
    """The data dictionary with an example a column from the exported data (the tables of
    raw JSON read a slice at a time)."""
    return render_data_dictionary(conn, examples=conn, wide=RAW_COLUMNS)


def _limit_memory(conn: duckdb.DuckDBPyConnection) -> dict[str, object]:
    """Set DuckDB's memory limit and threads for the export; return what sets them back: a
    setting's value, or None where it was DuckDB's default (RESET: exactly as it was)."""
    wanted: dict[str, object] = {"memory_limit": DUCKDB_MEMORY_LIMIT, "threads": DUCKDB_THREADS}
    before: dict[str, object] = {}
    for setting, value in wanted.items():
        held = _setting(conn, setting)
        conn.execute(f"RESET {setting}")
        before[setting] = None if held == _setting(conn, setting) else held
        conn.execute(f"SET {setting} = ?", [value])
    return before


def _set_back(conn: duckdb.DuckDBPyConnection, settings: Mapping[str, object]) -> None:
    for setting, value in settings.items():
        if value is None:
            conn.execute(f"RESET {setting}")
        else:  # as DuckDB prints it: a memory limit to the tenth of a unit
            conn.execute(f"SET {setting} = ?", [value])


def _setting(conn: duckdb.DuckDBPyConnection, setting: str) -> object:
    row = conn.execute("SELECT current_setting(?)", [setting]).fetchone()
    return row[0] if row else None


def _count(conn: duckdb.DuckDBPyConnection, name: str) -> int:
    row = conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()
    return int(row[0]) if row else 0


def _workbook_parts(conn: duckdb.DuckDBPyConnection, names: Sequence[str]) -> dict[str, SheetPart]:
    """The tables the workbook holds in part: those with a raw JSON column (RAW_COLUMNS),
    without it; care_location, its latest month only (a month is about 100,000 rows; every
    month would soon pass Excel's rows a sheet)."""
    parts = {
        name: SheetPart(
            "",
            "This sheet leaves out "
            + "; ".join(
                f"{column}, {what} (often past the {EXCEL_CELL_MAX:,} characters a cell "
                "holds, and JSON cut short is no JSON)"
                for column, what in columns.items()
            )
            + f": the Parquet and CSV exports hold every value whole, {name}.parquet",
            tuple(columns),
        )
        for name, columns in RAW_COLUMNS.items()
        if name in names
    }
    if "care_location" not in names:
        return parts
    row = conn.execute("SELECT max(as_of_month), count(DISTINCT as_of_month) FROM care_location")
    month, months = row.fetchone() or (None, 0)
    if month is None or months < 2:  # one month or none: the sheet holds it whole
        return parts
    parts["care_location"] = SheetPart(
        f"SELECT * FROM care_location WHERE as_of_month = DATE '{month:%Y-%m-%d}' "
        "ORDER BY location_id",
        f"This sheet holds the latest month only, {month:%B %Y}, of the {months} months "
        "held; every month is in the Parquet and CSV exports, care_location.parquet",
    )
    return parts


def _prepend_bom(path: Path) -> None:
    """Put a UTF-8 byte order mark before the file's bytes (DuckDB's COPY writes none)."""
    partial = path.with_name(path.name + ".partial")
    with path.open("rb") as source, partial.open("wb") as target:
        target.write(UTF8_BOM)
        shutil.copyfileobj(source, target)
    os.replace(partial, path)
