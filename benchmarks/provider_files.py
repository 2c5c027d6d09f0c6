"""Benchmark: reading a provider file the size of CQC's latest-ratings file (about 324,000 rows
of 28 columns) with `transform.provider_files`: wall time and peak resident set of the read,
in a process of its own so the writing does not count. Asserts nothing.

    python -m benchmarks.provider_files [ROWS]

The file is synthetic (CQC's cannot be fetched here): the required columns and fifteen more,
short strings, written once as .xlsx (xlsxwriter, constant memory) under the system's temp
directory and kept for the next run.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import xlsxwriter

from transform.provider_files import LATEST_RATINGS, read_provider_file

EXTRA_COLUMNS = 15  # the ratings file has 28 columns; 13 of them are required


def synthetic_ratings(rows: int) -> Path:
    """A latest-ratings-shaped .xlsx of `rows` rows, made once per size."""
    path = Path(tempfile.gettempdir()) / f"cqc-bench-latest-ratings-{rows}.xlsx"
    if path.exists():
        return path
    columns = [*LATEST_RATINGS.required, *(f"Extra column {i}" for i in range(EXTRA_COLUMNS))]
    partial = path.with_suffix(".partial.xlsx")
    book = xlsxwriter.Workbook(str(partial), {"constant_memory": True})
    sheet = book.add_worksheet("Locations")
    for col, name in enumerate(columns):
        sheet.write_string(0, col, name)
    for row in range(1, rows + 1):
        for col in range(len(columns)):
            sheet.write_string(row, col, f"1-{row % 9973}-{col}")
    book.close()
    partial.rename(path)
    return path


def read_once(path: Path) -> None:
    """Read every row; print rows, seconds and this process's peak resident set."""
    started = time.perf_counter()
    table = read_provider_file(path.read_bytes(), path.name, LATEST_RATINGS)
    count = sum(1 for _ in table.rows)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{count} rows read in {seconds:.1f} s, peak {peak_mb:.0f} MB")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rows", nargs="?", type=int, default=324_000)
    parser.add_argument("--read", type=Path, help=argparse.SUPPRESS)  # the child's part
    args = parser.parse_args(argv)
    if args.read is not None:
        read_once(args.read)
        return
    started = time.perf_counter()
    path = synthetic_ratings(args.rows)
    size_mb = path.stat().st_size / 1e6
    print(
        f"provider file: {path} ({size_mb:.1f} MB, ready in {time.perf_counter() - started:.1f} s)"
    )
    subprocess.run(
        [sys.executable, "-m", "benchmarks.provider_files", "--read", str(path)], check=True
    )


if __name__ == "__main__":
    main()
