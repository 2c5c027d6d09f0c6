"""Benchmark: the refresh of the derived tables (the benchmark tables and the search index), as
`cqc refresh-benchmarks` does it, on the demo warehouse and on one with 100 times its reports
(issue 22): a refresh that does all the work (as the first does), a second with nothing
changed, and one after one report changed. Each in a process of its own, without Prefect
(`pipeline.benchmarks.rebuild_benchmarks`): the work's wall and CPU seconds, and the process's
peak resident set measured from a small parent of its own (`benchmarks.sql_memory`). Asserts
nothing: the figures are printed.

    python -m benchmarks.derived_tables [--source DEMO_WAREHOUSE] [--factor 100] [--checkout DIR]

`--checkout` runs another copy of the code (e.g. `git archive HEAD~3 | tar -x -C /tmp/before`)
on copies of the same warehouses, to set the two side by side; code from before issue 22 has
no incremental refresh, so its three figures are three whole rebuilds.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb

from benchmarks.exports import demo_warehouse
from benchmarks.sql_memory import measure
from warehouse.db import connect, init_schema

CHECKOUT = Path(__file__).resolve().parents[1]
STEPS: tuple[str, ...] = ("whole", "unchanged", "one report changed")

# One refresh, as `cqc refresh-benchmarks` runs it without Prefect (a refresh run of its own),
# `force`d when the code has the option (the "whole" step); its figures written to argv[2].
REFRESH = """
import inspect, json, resource, sys, time
from pathlib import Path
from pipeline.benchmarks import rebuild_benchmarks
from pipeline.settings import Settings

def cpu():
    used = resource.getrusage(resource.RUSAGE_SELF)
    return used.ru_utime + used.ru_stime

settings = Settings().with_overrides(db=Path(sys.argv[1]))
options = inspect.signature(rebuild_benchmarks).parameters
force = {"force": True} if sys.argv[3] == "force" and "force" in options else {}
started, spent = time.perf_counter(), cpu()
done = rebuild_benchmarks(settings, None, **force)
figures = {
    "seconds": time.perf_counter() - started,
    "cpu_seconds": cpu() - spent,
    "rebuilt": getattr(done, "rebuilt", True),
    "reports_indexed": getattr(done, "reports_indexed", None),
    "documents": done.search_documents,
}
Path(sys.argv[2]).write_text(json.dumps(figures))
"""


@dataclass(frozen=True)
class RefreshFigure:
    warehouse: str  # "demo", "100x"
    step: str  # one of STEPS
    seconds: float  # the refresh's work, wall (Python and the CLI's start-up left out)
    cpu_seconds: float  # the same work's CPU time, every thread (steadier on a busy machine)
    peak_mb: float  # the process's peak resident set
    rebuilt: bool  # whether the benchmark tables were rebuilt
    reports_indexed: int | None  # reports whose texts were indexed again (None: whole index)
    documents: int | None  # texts in the search index after it


def measure_refresh(db: Path, warehouse: str, step: str, code: Path = CHECKOUT) -> RefreshFigure:
    """One refresh of `db` by the code at `code`, in a process of its own."""
    with tempfile.TemporaryDirectory(prefix="cqc-refresh-") as tmp:
        out = Path(tmp) / "figures.json"
        force = "force" if step == STEPS[0] else "incremental"
        status, peak, _ = measure([sys.executable, "-c", REFRESH, str(db), str(out), force], code)
        if status != 0:
            raise RuntimeError(f"the refresh of {db} ({step}) exited {status}")
        figures = json.loads(out.read_text(encoding="utf-8"))
    return RefreshFigure(
        warehouse,
        step,
        round(figures["seconds"], 2),
        round(figures["cpu_seconds"], 2),
        round(peak),
        figures["rebuilt"],
        figures["reports_indexed"],
        figures["documents"],
    )


def change_one_report(db: Path) -> str:
    """Change one report as a re-published one changes: a key finding reworded and a score
    moved. Returns its id."""
    with duckdb.connect(str(db)) as conn:
        row = conn.execute(
            "SELECT assessment_id, qs_number, finding_no FROM key_finding "
            "ORDER BY assessment_id, qs_number, finding_no LIMIT 1"
        ).fetchone()
        if row is None:
            raise RuntimeError(f"{db} holds no key finding to change")
        report, qs_number, finding_no = row
        conn.execute(
            "UPDATE key_finding SET text = text || ' Waiting lists had grown since.' "
            "WHERE assessment_id = ? AND qs_number = ? AND finding_no = ?",
            [report, qs_number, finding_no],
        )
        conn.execute(
            "UPDATE quality_statement_score SET score = 5 - score "
            "WHERE assessment_id = ? AND qs_number = ?",
            [report, qs_number],
        )
    return str(report)


def measure_derived_tables(db: Path, warehouse: str, code: Path = CHECKOUT) -> list[RefreshFigure]:
    """The three steps on a copy of `db` (left as it is): a whole refresh, one with nothing
    changed, one after `change_one_report`."""
    with tempfile.TemporaryDirectory(prefix="cqc-derived-") as tmp:
        copy = Path(tmp) / db.name
        shutil.copyfile(db, copy)
        wal = db.with_name(db.name + ".wal")
        if wal.exists():
            shutil.copyfile(wal, copy.with_name(copy.name + ".wal"))
        figures = [measure_refresh(copy, warehouse, STEPS[0], code)]
        figures.append(measure_refresh(copy, warehouse, STEPS[1], code))
        change_one_report(copy)
        figures.append(measure_refresh(copy, warehouse, STEPS[2], code))
    return figures


def current_copy(source: Path, work: Path) -> Path:
    """A copy of `source` with this code's schema (`init_schema`: a demo warehouse from an
    older release lacks benchmark_refresh's newer columns), to scale and measure."""
    copy = work / "demo.duckdb"
    shutil.copyfile(source, copy)
    wal = source.with_name(source.name + ".wal")
    if wal.exists():
        shutil.copyfile(wal, copy.with_name(copy.name + ".wal"))
    with connect(copy) as conn:
        init_schema(conn)
    return copy


def render(figures: Sequence[RefreshFigure], label: str = "") -> str:
    """The figures as a table."""
    head = f"{'warehouse':<10}{'refresh':<20}{'seconds':>9}{'CPU s':>8}{'peak MB':>9}"
    lines = [f"{head}{'rebuilt':>9}{'reindexed':>11}{'texts':>10}  {label}".rstrip()]
    for f in figures:
        reindexed = "all" if f.reports_indexed is None else f"{f.reports_indexed:,}"
        documents = "-" if f.documents is None else f"{f.documents:,}"
        lines.append(
            f"{f.warehouse:<10}{f.step:<20}{f.seconds:>9.2f}{f.cpu_seconds:>8.2f}"
            f"{f.peak_mb:>9.0f}{'yes' if f.rebuilt else 'no':>9}{reindexed:>11}{documents:>10}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--source", type=Path, help="a demo warehouse (default: built here)")
    parser.add_argument("--factor", type=int, default=100, help="0: the demo warehouse only")
    parser.add_argument("--checkout", type=Path, help="also measure the code of this copy")
    args = parser.parse_args(argv)
    codes = [CHECKOUT, *([args.checkout.resolve()] if args.checkout else [])]
    with tempfile.TemporaryDirectory(prefix="cqc-derived-tables-") as tmp:
        work = Path(tmp)
        source = current_copy(args.source, work) if args.source else demo_warehouse(work)
        warehouses = [("demo", source)]
        if args.factor > 1:
            from benchmarks.scaled_warehouse import build_and_report

            scaled = build_and_report(source, work / f"cqc-{args.factor}x.duckdb", args.factor)
            warehouses.append((f"{args.factor}x", scaled))
        for code in codes:
            figures = [f for name, db in warehouses for f in measure_derived_tables(db, name, code)]
            print(render(figures, f"code: {code}"))


if __name__ == "__main__":
    main()
