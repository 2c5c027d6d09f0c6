"""`benchmarks.exports.measure_exports` over the mirror's sample warehouse: each format's
`cqc export` measured in a process of its own. Run in a child from the checkout
(`benchmarks/` is no installed package)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb

from publish.export import EXPORTED

CHECKOUT = Path(__file__).resolve().parents[2]
MEASURE = (
    "import dataclasses, json, sys\n"
    "from pathlib import Path\n"
    "from benchmarks.exports import measure_exports\n"
    "figures = measure_exports(Path(sys.argv[1]))\n"
    "print(json.dumps([dataclasses.asdict(f) for f in figures]))\n"
)


def test_every_format_is_measured_with_what_it_wrote(
    mirror_warehouse_file: Path, mirror_warehouse: duckdb.DuckDBPyConnection
) -> None:
    child = subprocess.run(
        [sys.executable, "-c", MEASURE, str(mirror_warehouse_file)],
        cwd=CHECKOUT,
        check=True,
        capture_output=True,
        text=True,
    )
    figures = {f["format"]: f for f in json.loads(child.stdout.splitlines()[-1])}
    assert list(figures) == ["parquet", "csv", "xlsx"]
    present = {
        name
        for (name,) in mirror_warehouse.execute(
            "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' "
            "UNION ALL SELECT view_name FROM duckdb_views() WHERE schema_name = 'main'"
        ).fetchall()
    }
    names = [name for name in EXPORTED if name in present]
    rows = sum(
        int((mirror_warehouse.execute(f'SELECT count(*) FROM "{n}"').fetchone() or (0,))[0])
        for n in names
    )
    for fmt in ("parquet", "csv"):  # a file a table, the dictionary, the manifest
        assert (figures[fmt]["files"], figures[fmt]["rows"]) == (len(names) + 2, rows), fmt
    assert figures["xlsx"]["files"] == 3 and 0 < figures["xlsx"]["rows"] < rows
    for figure in figures.values():  # a whole Python process with DuckDB: tens of MB at least
        assert figure["seconds"] > 0 and figure["peak_mb"] > 50, figure
