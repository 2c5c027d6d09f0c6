"""Exporting the warehouse: every table and view as Parquet or CSV, with its data dictionary.

For people who work in R, Excel or pandas rather than SQL. DuckDB writes the files itself
(`COPY ... TO`), from one read snapshot; a `manifest.json` lists each file with its row count,
and `data_dictionary.md` documents every column, with an example from the exported data.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

import duckdb

from warehouse.attribution import OGL_STATEMENT, attribution_markdown, licences_json
from warehouse.db import BENCHMARK_TABLES
from warehouse.dictionary import VIEW_ORDER, render_data_dictionary
from warehouse.load import ALL_TABLES

ExportFormat = Literal["parquet", "csv"]
FORMATS: tuple[ExportFormat, ...] = ("parquet", "csv")
EXPORTED: tuple[str, ...] = (*BENCHMARK_TABLES, *VIEW_ORDER, *ALL_TABLES)


@dataclass(frozen=True)
class ExportedTable:
    name: str
    file: str  # relative to the export directory
    rows: int


def export_warehouse(
    conn: duckdb.DuckDBPyConnection, out_dir: Path, fmt: ExportFormat
) -> list[ExportedTable]:
    """Write every table and view of the warehouse to `out_dir` as `<name>.<fmt>`, plus
    `data_dictionary.md` and `manifest.json`; return what was written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    out_dir.mkdir(parents=True, exist_ok=True)
    options = "FORMAT parquet, COMPRESSION zstd" if fmt == "parquet" else "FORMAT csv, HEADER"
    exported: list[ExportedTable] = []
    conn.execute("BEGIN TRANSACTION")  # one snapshot for every file
    try:
        for name in EXPORTED:
            target = out_dir / f"{name}.{fmt}"
            path = str(target).replace("'", "''")
            conn.execute(f"COPY (SELECT * FROM \"{name}\") TO '{path}' ({options})")
            row = conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()
            exported.append(ExportedTable(name, target.name, int(row[0]) if row else 0))
        dictionary = render_data_dictionary(conn, examples=conn)
    finally:
        conn.execute("ROLLBACK")  # read only: nothing to keep
    # The sources' licences ask for attribution with every copy (warehouse.attribution).
    (out_dir / "data_dictionary.md").write_text(dictionary + attribution_markdown(), "utf-8")
    manifest = {
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "format": fmt,
        "tables": [asdict(table) for table in exported],
        "data_dictionary": "data_dictionary.md",
        "attribution": OGL_STATEMENT,
        "licences": licences_json(),
    }
    (out_dir / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", "utf-8")
    return exported
