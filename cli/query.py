"""`cqc sql`, `compare`, `benchmark`, `export` and `report`: reading the warehouse. The SQL is
in `warehouse/` and the rendering in `publish/`; these only match names and print."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from cli.common import (
    EXIT_BAD_INPUT,
    TABLE_ROWS,
    DbOption,
    ExportFormat,
    FormatOption,
    OutputFormat,
    console,
    council_code,
    err_console,
    print_query,
    print_rows,
    read_only,
    region_named,
    write_html_report,
)


def sql(
    query: Annotated[str, typer.Argument(help="SQL to run against the warehouse (read-only)")],
    db: DbOption = None,
    output: FormatOption = OutputFormat.table,
    limit: Annotated[
        int | None,
        typer.Option(
            min=1,
            help=f"Print at most this many rows (a table shows {TABLE_ROWS:,} unless told; "
            "csv and json print every row, streamed)",
        ),
    ] = None,
) -> None:
    """Run read-only SQL against the warehouse and print the result. The query sees the
    warehouse and nothing else: no files, no network, no extensions. Ctrl-C stops it."""
    print_query(query, db, output, limit)


def compare(
    councils: Annotated[
        list[str], typer.Argument(help="Council names, e.g. Stoke-on-Trent Staffordshire Durham")
    ],
    db: DbOption = None,
    output: FormatOption = OutputFormat.table,
) -> None:
    """Councils side by side: rating, %, ranks, each statement against the means, and the
    local care market (latest month held) when it is loaded."""
    from warehouse.compare import compare_councils, has_market

    codes = [council_code(name) for name in councils]
    with read_only(db) as conn:
        labels, columns = compare_councils(conn, codes)
        market = has_market(conn)
    header = ["", *[c.council for c in columns]]
    rows = [(label, *[c.values.get(label, "") for c in columns]) for label in labels]
    print_rows(header, rows, output)
    if not market:  # on stderr for csv and json, so their output stays data alone
        note = "No care market data loaded (`cqc providers ingest` loads CQC's care locations)."
        (console if output == OutputFormat.table else err_console).print(
            Text(note), highlight=False
        )


def benchmark(
    region: Annotated[
        str | None, typer.Option(help='One region\'s table, e.g. "West Midlands"')
    ] = None,
    include_pilots: Annotated[
        bool, typer.Option("--include-pilots", help="List the indicative pilots too (unranked)")
    ] = False,
    db: DbOption = None,
    output: FormatOption = OutputFormat.table,
) -> None:
    """A region's councils ranked against its mean and England's; without --region, the
    nine regions compared."""
    from warehouse.compare import region_table, regions_summary

    with read_only(db) as conn:
        if region is None:
            columns, rows = regions_summary(conn)
        else:
            wanted = region_named(conn, region)
            columns, rows = region_table(conn, wanted, include_pilots=include_pilots)
    print_rows(columns, rows, output)


def export(
    out: Annotated[Path, typer.Option(help="Directory to write the files to")],
    fmt: Annotated[
        ExportFormat, typer.Option("--format", help="The files to write", case_sensitive=False)
    ] = ExportFormat.parquet,
    excel: Annotated[
        bool,
        typer.Option("--excel", help="CSV only: start each file with a UTF-8 BOM, for Excel"),
    ] = False,
    db: DbOption = None,
) -> None:
    """Every table and view as Parquet, CSV or one Excel workbook (a sheet each, and one for
    the data dictionary), with data_dictionary.md and manifest.json."""
    from publish.export import WORKBOOK, export_warehouse

    if excel and fmt is not ExportFormat.csv:
        err_console.print("[red]--excel applies to --format csv only[/red]", highlight=False)
        raise typer.Exit(EXIT_BAD_INPUT)
    with read_only(db) as conn:
        exported = export_warehouse(conn, out, fmt.value, excel=excel)
    rows = sum(table.rows for table in exported)
    where = f"{out / WORKBOOK}, a sheet each" if fmt is ExportFormat.xlsx else f"{out} as {fmt}"
    console.print(
        Text(
            f"{len(exported)} tables ({rows} rows) written to {where}, "
            "with data_dictionary.md and manifest.json"
        ),
        highlight=False,
    )


def report(
    out: Annotated[Path, typer.Option(help="Directory to write the HTML report to")],
    db: DbOption = None,
    site_url: Annotated[
        str | None,
        typer.Option(
            help="Where the directory will be published (e.g. https://example.org/cqc/): "
            "the feed's links become absolute, as feed readers want"
        ),
    ] = None,
) -> None:
    """A static HTML benchmarking report that works offline: league table, heatmap of the
    nine scores by region, score distributions, one page per region."""
    from publish.feed import published_base

    if site_url is not None:
        try:
            published_base(site_url)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--site-url") from exc
    write_html_report(out, db, site_url)
