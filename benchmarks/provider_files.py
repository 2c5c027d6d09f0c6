"""Benchmark: loading the mirror's provider files, each the size of CQC's (the latest-ratings
file about 324,000 rows of 28 columns, the active-locations file about 39,000 rows): wall
time and peak resident set of the whole load (read, typed, inserted, the market rebuilt)
into a new warehouse, each file in a process of its own so neither counts the other or the
files' generation. Asserts nothing; the targets (issue 21) are printed beside the figures.

    python -m benchmarks.provider_files [--scale 1.0]

The files are the mirror's (`mirror.provider_files`, deterministic, .ods as CQC publishes
them), generated once into the mirror's cache directory.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from mirror.provider_files import (
    FULL_SCALE,
    LATEST_MONTH,
    ProviderFileName,
    cached_provider_file,
)

TARGET_SECONDS, TARGET_MB = 60.0, 1024.0
FILES: tuple[ProviderFileName, ...] = ("HSCA_Active_Locations", "Latest_ratings")


def load_once(path: Path, db: Path) -> dict[str, object]:
    """Load one file into `db` as of the mirror's latest month: rows, seconds, peak MB."""
    from pipeline.providers import load_provider_file
    from warehouse.db import connect, init_schema

    started = time.perf_counter()
    with connect(db) as conn:
        init_schema(conn)
        load = load_provider_file(
            conn, path.read_bytes(), url=f"file:{path.name}", month=date(2026, 9, 1), run_id=None
        )
    return {
        "file": path.name,
        "status": load.status,
        "rows": load.rows_read,
        "seconds": round(time.perf_counter() - started, 1),
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=FULL_SCALE)
    parser.add_argument("--load", type=Path, help=argparse.SUPPRESS)  # the child's part
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.load is not None:
        print(json.dumps(load_once(args.load, args.db)))
        return
    started = time.perf_counter()
    paths = [cached_provider_file(LATEST_MONTH, name, args.scale) for name in FILES]
    print(f"provider files ready in {time.perf_counter() - started:.1f} s (scale {args.scale})")
    with tempfile.TemporaryDirectory() as work:
        db = Path(work) / "bench.duckdb"
        for path in paths:
            child = subprocess.run(
                [sys.executable, "-m", "benchmarks.provider_files", "--load", str(path),
                 "--db", str(db)],
                check=True,
                capture_output=True,
                text=True,
            )  # fmt: skip
            done = json.loads(child.stdout.strip().splitlines()[-1])
            size = path.stat().st_size / 1e6
            within = done["seconds"] < TARGET_SECONDS and done["peak_mb"] < TARGET_MB
            print(
                f"{done['file']} ({size:.1f} MB): {done['rows']:,} rows {done['status']} in "
                f"{done['seconds']} s, peak {done['peak_mb']} MB "
                f"(target < {TARGET_SECONDS:.0f} s and < {TARGET_MB:.0f} MB: "
                f"{'met' if within else 'NOT met'})"
            )


if __name__ == "__main__":
    main()
