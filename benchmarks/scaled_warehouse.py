"""A warehouse with `factor` times the reports of another, for benchmarks at a size the mirror
does not reach (issue 22: exports, reports and searches at 100x the 74 reports).

    python -m benchmarks.scaled_warehouse SOURCE TARGET [--factor 100]

The source is copied, then every row that belongs to a report gets factor-1 shifted copies,
in SQL (INSERT ... SELECT over range(1, factor)): copy k's report key is suffixed `-xKK`
(assessment_id, slug, doc ids), so keys stay unique; URLs that are keys get the same suffix,
the SHA-256 that keys a PDF's parse is hashed again with it, and the report's dates move back
k weeks, so each council's latest report is still the source's and the benchmark tables
rank the same councils. The councils, reference data, runs and the care market (per month,
not per report) stay as they are. The copy is first brought to this code's schema, and the
benchmark tables and the search index are rebuilt at the end, as a refresh outside any run
does.
"""

from __future__ import annotations

import argparse
import shutil
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import duckdb

from warehouse.benchmarks import refresh_benchmarks
from warehouse.db import connect, init_schema


@dataclass(frozen=True)
class Shifted:
    """How one table's copies differ from its rows: column -> how it is shifted, and which
    rows are copied (`where`: a condition on the original row; all of them when empty)."""

    columns: Mapping[str, str]
    where: str = ""


KEY, URL, SHA, DATE = "key", "url", "sha", "date"
# The report-level tables (warehouse/sql/schema.sql, history.sql, search.sql) and how a copy
# of a row is made. Every other table is council-level, a run log or the care market.
_REPORT_PAGE = "url IN (SELECT url FROM page_state WHERE assessment_id IS NOT NULL)"
SHIFTED: dict[str, Shifted] = {
    "assessment": Shifted(
        {
            "assessment_id": KEY,
            "slug": KEY,
            "report_url": URL,
            "published_on": DATE,
            "page_last_updated": DATE,
        }
    ),
    "quality_statement_score": Shifted({"assessment_id": KEY}),
    "key_finding": Shifted({"assessment_id": KEY}),
    "financial_fact": Shifted({"assessment_id": KEY}),
    "demographic_fact": Shifted({"assessment_id": KEY}),
    "parse_issue": Shifted({"slug": KEY, "url": URL}),
    "source_page": Shifted({"url": URL, "assessment_id": KEY, "sha256": SHA}),
    "source_disagreement": Shifted({"assessment_id": KEY}),
    "field_source": Shifted({"assessment_id": KEY}),
    "fact_source": Shifted({"assessment_id": KEY}),
    "report_status": Shifted({"slug": KEY, "url": URL}),
    "pdf_parse": Shifted({"sha256": SHA, "source_url": URL}),
    "assessment_version": Shifted({"assessment_id": KEY, "page_last_updated": DATE}),
    "report_change": Shifted({"assessment_id": KEY}),
    "page_state": Shifted(
        {"url": URL, "assessment_id": KEY, "sha256": SHA}, "assessment_id IS NOT NULL"
    ),
    # A report's requests (its pages' URLs); the listing's requests stay one run's.
    "fetch_log": Shifted({"url": URL, "sha256": SHA}, _REPORT_PAGE),
    "search_document": Shifted(
        {"doc_id": "doc", "assessment_id": KEY, "published_on": DATE}  # rebuilt by the refresh
    ),
}


def _suffix_sql(factor: int) -> str:
    """Copy k's suffix as SQL: '-x07' (as many digits as the largest k needs)."""
    width = len(str(max(factor - 1, 1)))
    return f"'-x' || lpad(copy.k::VARCHAR, {width}, '0')"


def _shifted(column: str, how: str, suffix: str) -> str:
    quoted = f'"{column}"'
    if how in (KEY, URL):
        return f"{quoted} || {suffix}"
    if how == SHA:  # still 64 lower-case hex digits, as the CHECKs ask
        return f"sha256({quoted} || {suffix})"
    if how == DATE:
        return f"{quoted} - to_weeks(copy.k::INTEGER)"
    if how == "doc":  # '<assessment_id>/qs1/finding-2' -> '<assessment_id>-x07/qs1/finding-2'
        return f"assessment_id || {suffix} || {quoted}[length(assessment_id) + 1:]"
    raise ValueError(f"unknown shift {how!r} of {column}")


def _copy_rows(conn: duckdb.DuckDBPyConnection, table: str, shift: Shifted, factor: int) -> None:
    columns = [
        name
        for (name,) in conn.execute(
            "SELECT column_name FROM duckdb_columns() WHERE schema_name = 'main' "
            "AND table_name = ? ORDER BY column_index",
            [table],
        ).fetchall()
    ]
    suffix = _suffix_sql(factor)
    select = ", ".join(
        _shifted(name, shift.columns[name], suffix) if name in shift.columns else f'"{name}"'
        for name in columns
    )
    where = f"WHERE {shift.where}" if shift.where else ""
    conn.execute(
        f'INSERT INTO "{table}" SELECT {select} FROM "{table}" '
        f"CROSS JOIN range(1, {factor}) AS copy(k) {where}"
    )


def build_scaled_warehouse(source: Path, target: Path, factor: int = 100) -> dict[str, int]:
    """Copy the warehouse at `source` to `target` with `factor` times its report-level rows
    (see the module's docstring); return the row count of every table of `target`."""
    if factor < 1:
        raise ValueError(f"factor must be at least 1, not {factor}")
    if target.exists():
        raise FileExistsError(f"{target} exists: give a new file")
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    wal = source.with_name(source.name + ".wal")
    if wal.exists():  # rows not yet checkpointed into the file
        shutil.copyfile(wal, target.with_name(target.name + ".wal"))
    with connect(target) as conn:
        init_schema(conn)  # a warehouse of older code: its tables as this code has them
        present = {
            name
            for (name,) in conn.execute(
                "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'"
            ).fetchall()
        }
        conn.execute("BEGIN TRANSACTION")
        try:
            for table, shift in SHIFTED.items():
                if table in present and factor > 1:
                    _copy_rows(conn, table, shift, factor)
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        refresh_benchmarks(conn)
        conn.execute("CHECKPOINT")
        return {name: _count(conn, name) for name in sorted(present)}


def _count(conn: duckdb.DuckDBPyConnection, table: str) -> int:
    row = conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()
    return int(row[0]) if row else 0


def build_and_report(source: Path, target: Path, factor: int, indent: str = "") -> Path:
    """`build_scaled_warehouse`, timed, with a line saying what was built; `target`."""
    started = time.perf_counter()
    counts = build_scaled_warehouse(source, target, factor)
    print(
        f"{indent}{factor}x warehouse: {counts.get('assessment', 0):,} assessments, "
        f"{counts.get('key_finding', 0):,} key findings "
        f"(built in {time.perf_counter() - started:.0f} s)",
        flush=True,
    )
    return target


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("source", type=Path, help="the warehouse to scale (read only)")
    parser.add_argument("target", type=Path, help="the new warehouse file")
    parser.add_argument("--factor", type=int, default=100)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    counts = build_scaled_warehouse(args.source, args.target, args.factor)
    print(f"{args.target}: {args.factor}x in {time.perf_counter() - started:.1f} s")
    for table, rows in counts.items():
        print(f"{table:<32}{rows:>12,}")


if __name__ == "__main__":
    main()
