"""Benchmark: `cqc sql` over millions of rows, in each format: the process's peak resident
set (getrusage, from a small parent of its own) and wall time, the output thrown away.
Asserts nothing.

    python -m benchmarks.sql_memory [ROWS] [--checkout DIR]

`--checkout` runs the `cqc` of another copy of the code (e.g. `git archive HEAD~3 | tar -x
-C /tmp/before`) with the same Python, so the two can be measured side by side.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from warehouse.db import connect, init_schema

RUN_CQC = "import sys; from cli.main import app; sys.argv[0] = 'cqc'; app()"


# Runs its arguments, output thrown away, and prints their exit status and peak resident set
# (KB). A process of its own: Linux counts in a child's peak the memory of the process it was
# forked from, before its exec, so measured from here it would include this one's.
PEAK_PROBE = (
    "import resource, subprocess, sys\n"
    "status = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
    "print(status, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def measure(command: list[str], code: Path) -> tuple[int, float, float]:
    """Exit status, peak resident set (MB) and wall seconds of one process running `code`
    (its directory first on the path, as `python -c` puts the working directory)."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    started = time.perf_counter()
    probe = subprocess.run(
        [sys.executable, "-c", PEAK_PROBE, *command],
        capture_output=True,
        text=True,
        env=env,
        cwd=code,
        check=True,
    )
    wall = time.perf_counter() - started
    status, peak_kb = probe.stdout.split()
    return int(status), int(peak_kb) / 1024, wall


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("rows", nargs="?", type=int, default=3_000_000)
    parser.add_argument("--checkout", type=Path, help="the code to run (default: this one)")
    parser.add_argument("--formats", default="csv,json,table")
    args = parser.parse_args(argv)
    code = (args.checkout or Path(__file__).resolve().parents[1]).resolve()
    print(f"cqc sql over {args.rows:,} rows, code from {code}")
    print(f"{'format':<8}{'exit':>5}{'peak MB':>9}{'wall s':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "cqc.duckdb"
        with connect(db) as conn:
            init_schema(conn)
        query = f"select * from range({args.rows})"
        for fmt in args.formats.split(","):
            command = [sys.executable, "-c", RUN_CQC, "sql", "--db", str(db), "--format", fmt]
            status, peak, wall = measure([*command, query], code)
            print(f"{fmt:<8}{status:>5}{peak:>9.0f}{wall:>8.1f}")


if __name__ == "__main__":
    main()
