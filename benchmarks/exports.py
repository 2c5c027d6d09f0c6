"""Benchmark: `cqc export` in each format over a warehouse with 100 times the demo's reports
(issue 22): wall time and peak resident set of the whole `cqc export` process, each format in
a process of its own, measured from a small parent of its own (`benchmarks.sql_memory`).
Asserts nothing; the targets are printed beside the figures.

    python -m benchmarks.exports [--db WAREHOUSE | --source DEMO_WAREHOUSE] [--factor 100]

Without `--db` it builds the scaled warehouse in a temporary directory
(`benchmarks.scaled_warehouse`) from `--source`, or from a demo warehouse it builds first
(`cqc demo --provider-scale 0.01`, about a minute).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.scaled_warehouse import build_and_report
from benchmarks.sql_memory import RUN_CQC, measure

CHECKOUT = Path(__file__).resolve().parents[1]
FORMATS: tuple[str, ...] = ("parquet", "csv", "xlsx")
# Issue 22, on the 100x warehouse: every export under 400 MB, the workbook under a minute.
TARGET_MB = 400.0
TARGET_SECONDS: dict[str, float] = {"xlsx": 60.0}


@dataclass(frozen=True)
class ExportFigure:
    format: str
    seconds: float  # wall time of the `cqc export` process
    peak_mb: float  # its peak resident set
    files: int  # files written (the workbook, or a file a table; the dictionary, the manifest)
    rows: int  # rows written, summed over the manifest's tables


def measure_export(db: Path, fmt: str, out: Path) -> ExportFigure:
    """Run `cqc export --format fmt --out out --db db` in a process of its own."""
    command = [sys.executable, "-c", RUN_CQC, "export", "--format", fmt]
    status, peak, seconds = measure([*command, "--out", str(out), "--db", str(db)], CHECKOUT)
    if status != 0:
        raise RuntimeError(f"cqc export --format {fmt} exited {status}")
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    rows = sum(int(table["rows"]) for table in manifest["tables"])
    files = sum(1 for path in out.rglob("*") if path.is_file())
    return ExportFigure(fmt, round(seconds, 1), round(peak), files, rows)


def measure_exports(db: Path, formats: Sequence[str] = FORMATS) -> list[ExportFigure]:
    """Every format's export of `db`, each into a fresh temporary directory."""
    figures = []
    for fmt in formats:
        with tempfile.TemporaryDirectory(prefix=f"cqc-export-{fmt}-") as out:
            figures.append(measure_export(db, fmt, Path(out)))
    return figures


def render(figures: Sequence[ExportFigure]) -> str:
    """The figures as a table, each against its target."""
    lines = [f"{'format':<8}{'seconds':>9}{'peak MB':>9}{'files':>7}{'rows':>12}  target"]
    for f in figures:
        seconds = TARGET_SECONDS.get(f.format)
        met = f.peak_mb < TARGET_MB and (seconds is None or f.seconds < seconds)
        target = f"< {TARGET_MB:.0f} MB" + (f", < {seconds:.0f} s" if seconds else "")
        lines.append(
            f"{f.format:<8}{f.seconds:>9.1f}{f.peak_mb:>9.0f}{f.files:>7}{f.rows:>12,}  "
            f"{target}: {'met' if met else 'NOT met'}"
        )
    return "\n".join(lines)


def demo_warehouse(work: Path) -> Path:
    """A demo warehouse built in `work` (the mirror ingested, a hundredth of the care market)."""
    out = work / "demo"
    subprocess.run(
        [sys.executable, "-c", RUN_CQC, "demo", "--out", str(out), "--provider-scale", "0.01"],
        cwd=CHECKOUT,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return out / "cqc.duckdb"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--db", type=Path, help="the warehouse to export (default: built)")
    parser.add_argument("--source", type=Path, help="the warehouse to scale (default: a demo)")
    parser.add_argument("--factor", type=int, default=100)
    parser.add_argument("--formats", default=",".join(FORMATS))
    args = parser.parse_args(argv)
    formats = args.formats.split(",")
    with tempfile.TemporaryDirectory(prefix="cqc-exports-") as tmp:
        db = args.db
        if db is None:
            work = Path(tmp)
            source = args.source or demo_warehouse(work)
            db = build_and_report(source, work / f"cqc-{args.factor}x.duckdb", args.factor)
        print(f"cqc export of {db}")
        print(render(measure_exports(db, formats)))


if __name__ == "__main__":
    main()
