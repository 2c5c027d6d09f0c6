"""Render docs/data_dictionary.md from the warehouse's own COMMENT ONs.

The column descriptions live once, in `sql/schema.sql` and `sql/views.sql`; the dictionary is
generated from a freshly initialised in-memory warehouse, so it cannot drift from them.

    python -m publish.dictionary > docs/data_dictionary.md
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

import duckdb

from publish.spreadsheet import CUT_MARKER, EXCEL_CELL_MAX, SLICE_ROWS, in_slices
from warehouse.db import BENCHMARK_TABLES, connect, init_schema
from warehouse.load import ALL_TABLES

TABLE_ORDER: tuple[str, ...] = ALL_TABLES
VIEW_ORDER: tuple[str, ...] = (
    "latest_formal_assessment",
    "statement_scores",
    "assessment_history",
    "report_coverage",
    "run_log",
    "council_outcome",
)
BENCHMARK_INTRO = (
    "Materialised from the data tables by the `refresh_benchmarks` flow after every ingest "
    "and reparse (`cqc refresh-benchmarks` on its own); `benchmark_refresh` logs each rebuild. "
    "Formal reports only, each council with its latest: the pilots are in `pilot_assessment`."
)

INTRO = """\
# Data dictionary

The warehouse is one DuckDB file (`data/cqc.duckdb` by default; `cqc sql "..."` queries it
read-only). It holds every CQC local authority adult social care assessment report that
parsed and validated cleanly, the 153 councils with adult social care duties, and a record of
what could not be loaded.

This file is generated from the `COMMENT ON` statements in `warehouse/sql/*.sql`, with an
example value per column from a sample warehouse loaded from the offline mirror (Stoke-on-Trent's
row where a table has one), by `make data-dictionary`; `tests/publish/test_dictionary.py`
fails if it is out of date. Edit the comments, not this file. Log and state tables are empty in
the sample (it records no runs), so they show no examples.

## Conventions

- **Keys.** `assessment_id` is the report's slug (e.g. `stokeontrent-0625`), stable across
  runs. `la_code` is the council's 2025 ONS GSS code; `local_authority.previous_la_code` holds
  the pre-2025 code of the two recoded councils (Barnsley, Sheffield).
- **References** are documented, not enforced by FOREIGN KEY constraints (DuckDB cannot
  update a referenced row); `warehouse.load` is the only writer and replaces a report and all
  its child rows in one transaction.
- **Formal vs pilot.** The five 2023 pilot reports (`assessment_kind = 'pilot'`) carry
  indicative ratings and no percentage. Every benchmark table but `pilot_assessment` excludes
  them (`indicative = TRUE`); query `assessment` or `pilot_assessment` to see them.
- **Latest only.** The benchmarks use each council's latest formal report by `published_on`.
- **Scores.** Quality statement scores are 1-4 (1 significant shortfalls, 2 some shortfalls,
  3 good standard, 4 exceptional standard); nine statements in four themes. The overall
  percentage is as published.
- **Re-runs** leave the data tables (`local_authority` ... `source_page`) identical: they
  hold no timestamps or generated ids.
- **Logs and state.** `ingest_run`, `fetch_log` and `report_change` are LOGS that grow with
  every run; `assessment_version` grows only when a report's content changes (the current
  version has `valid_to_run` NULL; `assessment_history` shows every version with its scores).
  `page_state` holds each URL's latest body hash and cache validators and is updated every run.
  `run_id` 0 marks rows saved outside a recorded run.
"""

EXAMPLES = """\
## Example queries

How do the West Midlands councils compare with each other and with their region?

```sql
SELECT council, overall_rating, overall_score_pct, rank_in_region, region_assessed,
       region_avg_pct, pct_vs_region_avg, england_avg_pct
FROM regional_benchmark
WHERE region = 'West Midlands'
ORDER BY rank_in_region, council;
```

Which councils score below their region's average?

```sql
SELECT region, council, overall_score_pct, region_avg_pct, pct_vs_region_avg
FROM regional_benchmark
WHERE pct_vs_region_avg < 0
ORDER BY region, pct_vs_region_avg, council;
```

On which quality statements does a council score 1 ("significant shortfalls")?

```sql
SELECT la.name AS council, la.region, q.qs_number, q.quality_statement, q.score,
       q.score_label, q.page_url
FROM latest_formal_assessment AS a
JOIN quality_statement_score AS q USING (assessment_id)
JOIN local_authority AS la USING (la_code)
WHERE q.score = 1
ORDER BY council, q.qs_number;
```

How does each region score, statement by statement, against England?

```sql
SELECT region, qs_number, quality_statement, avg_score, england_avg_score, councils,
       councils_scoring_1
FROM quality_statement_benchmark
ORDER BY qs_number, avg_score DESC, region;
```

The national league table with the nine statement scores:

```sql
SELECT rank, council, region, overall_rating, overall_score_pct, score_total,
       qs1_assessing_needs, qs2_healthier_lives, qs3_equity, qs4_care_provision,
       qs5_partnerships, qs6_safe_systems, qs7_safeguarding, qs8_governance, qs9_learning
FROM league_table
ORDER BY rank, council;
```

Which councils have no loaded assessment yet, and what went wrong for reports that failed?

```sql
SELECT la.region, la.name
FROM local_authority AS la
ANTI JOIN assessment AS a USING (la_code)
ORDER BY la.region, la.name;
```

```sql
SELECT slug, stage, reason, url, parser_version
FROM parse_issue
ORDER BY slug, stage, reason;
```

How have a council's published scores changed between versions of its report?

```sql
SELECT assessment_id, version_no, is_current, valid_from_run, valid_to_run,
       page_last_updated, overall_rating, overall_score_pct, qs1, qs2, qs3, qs4, qs5, qs6,
       qs7, qs8, qs9
FROM assessment_history
WHERE assessment_id = 'stokeontrent-0625'
ORDER BY version_no;
```

What did the latest ingest or reparse find changed? (A refresh run changes no report.)

```sql
SELECT c.assessment_id, c.change_kind, c.field, c.old_value, c.new_value
FROM report_change AS c
WHERE c.run_id = (SELECT max(run_id) FROM ingest_run WHERE mode <> 'refresh')
ORDER BY c.assessment_id, c.change_kind, c.field;
```
"""


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def _columns(conn: duckdb.DuckDBPyConnection, name: str) -> list[tuple[str, str, bool, str]]:
    return conn.execute(
        "SELECT column_name, data_type, is_nullable, comment FROM duckdb_columns() "
        "WHERE schema_name = current_schema() AND table_name = ? ORDER BY column_index",
        [name],
    ).fetchall()


def _primary_key(conn: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    row = conn.execute(
        "SELECT constraint_column_names FROM duckdb_constraints() "
        "WHERE table_name = ? AND constraint_type = 'PRIMARY KEY'",
        [table],
    ).fetchone()
    return list(row[0]) if row else []


def _section(
    conn: duckdb.DuckDBPyConnection,
    name: str,
    comment: str,
    *,
    is_view: bool,
    examples: duckdb.DuckDBPyConnection | None,
    wide: bool = False,
) -> list[str]:
    lines = [f"### `{name}`", "", comment, ""]
    if not is_view:
        key = _primary_key(conn, name)
        lines += [
            "Primary key: " + (", ".join(f"`{c}`" for c in key) if key else "none"),
            "",
        ]
    sample: dict[str, object] = {}
    if examples is not None:
        try:
            sample = _example_row(examples, name, wide=wide)
        except duckdb.CatalogException:  # the example warehouse lacks this table
            sample = {}
    head = ["Column", "Type"] + ([] if is_view else ["Null"]) + ["Description"]
    if examples is not None:
        head.append("Example")
    lines += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for column, data_type, nullable, description in _columns(conn, name):
        cells = [f"`{column}`", data_type]
        if not is_view:
            cells.append("yes" if nullable else "no")
        cells.append(_cell(description))
        if examples is not None:
            cells.append(_example_cell(sample.get(column)))
        lines.append("| " + " | ".join(cells) + " |")
    return [*lines, ""]


# The row shown as the example: Stoke-on-Trent's where a table has one.
_EXAMPLE_KEYS = (
    ("assessment_id", "stokeontrent-0625"),
    ("slug", "stokeontrent-0625"),
    ("la_code", "E06000021"),
    ("region", "West Midlands"),
)


def _example_row(
    conn: duckdb.DuckDBPyConnection, name: str, *, wide: bool = False
) -> dict[str, object]:
    """One row of `name` to show as examples: Stoke-on-Trent's if the table has it, else the
    first in key order; each column's value, or the first non-null one if that row's is null.
    `wide`: the table holds large texts, so its whole scans go a slice at a time (in_slices)."""
    cursor = conn.execute(f'SELECT * FROM "{name}" LIMIT 0')
    columns = [d[0] for d in cursor.description or []]
    if not columns:
        return {}
    source = f'"{name}"'
    if wide:
        source = f"({in_slices(conn, name, f'SELECT * FROM {source}', SLICE_ROWS)})"
    where = next(
        (
            (f'"{column}" = ?', [value])
            for column, value in _EXAMPLE_KEYS
            if column in columns
            and conn.execute(
                f'SELECT count(*) FROM "{name}" WHERE "{column}" = ?', [value]
            ).fetchone()
            != (0,)
        ),
        ("TRUE", []),
    )
    row = conn.execute(
        f"SELECT * FROM {source} WHERE {where[0]} ORDER BY ALL LIMIT 1", where[1]
    ).fetchone()
    values = dict(zip(columns, row or (), strict=False))
    for column in columns:
        if values.get(column) is None:
            found = conn.execute(
                f'SELECT "{column}" FROM {source} WHERE "{column}" IS NOT NULL '
                f'ORDER BY "{column}" LIMIT 1'
            ).fetchone()
            values[column] = found[0] if found else None
    return values


def _example_cell(value: object) -> str:
    if value is None:
        return ""
    text = str(value).replace("\n", " ")
    if len(text) > 40:
        text = text[:37] + "..."
    return _cell(text)


def render_data_dictionary(
    conn: duckdb.DuckDBPyConnection | None = None,
    examples: duckdb.DuckDBPyConnection | None = None,
    *,
    wide: Collection[str] = (),
) -> str:
    """The data dictionary as Markdown, from the comments of an initialised warehouse (a fresh
    one by default), with an example value per column from `examples` if given; the tables in
    `wide` hold large texts, and are read for examples a slice at a time."""
    if conn is None:
        with connect(":memory:") as fresh:
            init_schema(fresh)
            return render_data_dictionary(fresh, examples, wide=wide)
    # The warehouse's own schema only: the search index keeps its tables in another.
    tables = dict(
        conn.execute(
            "SELECT table_name, comment FROM duckdb_tables() WHERE schema_name = current_schema()"
        ).fetchall()
    )
    views = dict(
        conn.execute(
            "SELECT view_name, comment FROM duckdb_views() "
            "WHERE NOT internal AND schema_name = current_schema()"
        ).fetchall()
    )
    order = (*BENCHMARK_TABLES, *TABLE_ORDER)
    benchmark_names = [t for t in BENCHMARK_TABLES if t in tables]
    table_names = [t for t in TABLE_ORDER if t in tables] + sorted(set(tables) - set(order))
    view_names = [v for v in VIEW_ORDER if v in views] + sorted(set(views) - set(VIEW_ORDER))
    lines = [INTRO, "## Benchmark tables", "", BENCHMARK_INTRO, ""]
    for name in benchmark_names:
        lines += _section(conn, name, tables[name] or "", is_view=False, examples=examples)
    lines += ["## Views", ""]
    for name in view_names:
        lines += _section(conn, name, views[name] or "", is_view=True, examples=examples)
    lines += ["## Tables", ""]
    for name in table_names:
        lines += _section(
            conn, name, tables[name] or "", is_view=False, examples=examples, wide=name in wide
        )
    lines.append(EXAMPLES)
    return "\n".join(lines).rstrip("\n") + "\n"


def render_cut_values(
    fmt: str, cut: Mapping[str, Mapping[str, int]], left_out: Sequence[str] = ()
) -> str:
    """The export's section on values cut to fit its format: which columns can be cut and
    why, and (xlsx) which were in this workbook; `cut` maps a table to its columns' counts of
    cells cut (`publish.spreadsheet.WrittenSheet.cut`); `left_out`, the `table.column`s the
    workbook leaves out whole (`publish.export.RAW_COLUMNS`)."""
    # The workbook leaves the raw JSON columns out (publish.export.RAW_COLUMNS), and says so.
    longer = "a long finding or statement text"
    lines = [
        "## Values cut to fit a format",
        "",
        "Parquet and CSV hold every value whole. An Excel cell holds at most "
        f"{EXCEL_CELL_MAX:,} characters, so in the xlsx workbook any text, JSON or list "
        f"column can be cut: a value longer than that ({longer}) is cut to end, "
        "within the limit, with "
        f'"{CUT_MARKER.strip()}", never silently. The workbook\'s `data_dictionary` sheet says '
        "the same of each column cut.",
        "",
    ]
    if fmt != "xlsx":
        whole = f"This export is {fmt}: no value in it is cut."
        if left_out:
            named = ", ".join(f"`{column}`" for column in left_out)
            whole += f" The workbook leaves out {named} (raw JSON); they are whole here."
        return "\n".join([*lines, whole, ""])
    found = [
        (table, column, cells)
        for table, columns in cut.items()
        for column, cells in columns.items()
        if cells
    ]
    if not found:
        return "\n".join([*lines, "No value in this workbook was cut.", ""])
    lines += ["Cut in this workbook:", "", "| Column | Cells cut |", "|---|---|"]
    lines += [f"| `{table}.{column}` | {cells:,} |" for table, column, cells in found]
    return "\n".join([*lines, ""])


def render_workbook_scope(notes: Mapping[str, str]) -> str:
    """The xlsx export's section on the tables its workbook holds in part or not at all
    (`notes`: table -> why, and where the rest is), so no table is short without a word."""
    lines = [
        "## Tables the workbook holds in part",
        "",
        "Excel stops at 1,048,576 rows a sheet and 32,767 characters a cell. These tables are "
        "whole in the Parquet and CSV exports (`cqc export --format parquet|csv`); the "
        "workbook holds:",
        "",
        "| Table | In the workbook |",
        "|---|---|",
    ]
    lines += [f"| `{table}` | {_cell(note)}. |" for table, note in notes.items()]
    return "\n".join([*lines, ""])


def main(argv: list[str] | None = None) -> None:
    """`python -m publish.dictionary [--examples-from DB]`: print the dictionary."""
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--examples-from", type=str, help="warehouse to take example values from")
    args = parser.parse_args(argv)
    if args.examples_from is None:
        print(render_data_dictionary(), end="")
        return
    with connect(args.examples_from, read_only=True) as source:
        print(render_data_dictionary(examples=source), end="")


if __name__ == "__main__":
    main()
