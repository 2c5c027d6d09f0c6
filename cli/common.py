"""What every `cqc` command shares: the Typer app, the consoles, output formats, printing rows,
opening the warehouse, council and region lookup, and stopping a run on a signal.

No command module imports another; each imports this one (and `cli.main` registers them all).
"""

from __future__ import annotations

import difflib
import json
import os
import signal
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from pipeline.settings import Settings

if TYPE_CHECKING:
    import duckdb  # imported where used: the CLI starts faster without it

# The ephemeral Prefect server's telemetry heartbeat fails offline and floods the log.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")

app = typer.Typer(
    help="CQC local authority assessments into a DuckDB warehouse.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)
# Piped output (CI logs, `| less`) would otherwise be cut to 80 columns.
console = Console(width=None if Console().is_terminal else 140)
err_console = Console(stderr=True, width=None if Console(stderr=True).is_terminal else 140)

EXIT_RUN_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_REPORTS_NOT_LOADED = 3


class OutputFormat(StrEnum):
    """How a command prints rows. An Enum, so Typer refuses any other --format (exit 2,
    naming the choices) for every command that takes one."""

    table = "table"
    csv = "csv"
    json = "json"


class ExportFormat(StrEnum):
    """The files `cqc export` writes (publish.export.FORMATS)."""

    parquet = "parquet"
    csv = "csv"
    xlsx = "xlsx"


FormatOption = Annotated[
    OutputFormat, typer.Option("--format", help="How to print the rows", case_sensitive=False)
]
DbOption = Annotated[Path | None, typer.Option(help="DuckDB file (env CQC_DB)")]


def _print_version(wanted: bool) -> None:
    if not wanted:
        return
    from importlib.metadata import version

    import duckdb

    from transform.version import PARSER_VERSION

    typer.echo(
        f"cqc-warehouse {version('cqc-warehouse')} (parser {PARSER_VERSION}, "
        f"duckdb {duckdb.__version__})"
    )
    raise typer.Exit()


@app.callback()
def main(
    show_version: Annotated[
        bool,
        typer.Option(
            "--version",
            is_eager=True,
            callback=_print_version,
            help="Print the package and parser versions and exit",
        ),
    ] = False,
) -> None:
    """CQC local authority assessments into a DuckDB warehouse."""


class RunInterrupted(KeyboardInterrupt):
    """SIGTERM or SIGINT during a run, raised where the run is, so that it unwinds: the run
    row is closed, the warehouse lock released, Prefect's temporary server stopped."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


@contextmanager
def stopped_by_signals() -> Iterator[None]:
    """SIGTERM (timeout, cron wrappers, systemd) and SIGINT end a run like an exception."""

    def interrupt(signum: int, frame: object) -> None:
        raise RunInterrupted(signum)

    previous = {sig: signal.signal(sig, interrupt) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    except RunInterrupted as exc:
        err_console.print(
            f"[red]stopped by {signal.Signals(exc.signum).name}:[/red] the run is marked "
            "failed; the warehouse holds every report loaded before it",
            highlight=False,
        )
        raise typer.Exit(128 + exc.signum) from exc
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def council_code(name: str) -> str:
    """The GSS code of the council a name means, in any form `match_council` accepts; an
    unknown name is one line with the nearest names, exit 2."""
    from transform.councils import UnknownCouncilError, load_councils, match_council

    try:
        return match_council(name).la_code
    except UnknownCouncilError as exc:
        close = difflib.get_close_matches(name, [c.name for c in load_councils()], n=3)
        hint = f" Did you mean: {', '.join(close)}?" if close else ""
        err_console.print(f"[red]{exc}[/red].{hint}", highlight=False)
        raise typer.Exit(2) from exc


def region_named(conn: duckdb.DuckDBPyConnection, region: str) -> str:
    """The region as the warehouse names it, in any case and spacing; else one line naming
    the regions, exit 2."""
    from rich.markup import escape

    from warehouse.compare import region_names

    known = {name.lower(): name for name in region_names(conn)}
    wanted = known.get(" ".join(region.split()).lower())
    if wanted is None:
        err_console.print(
            f"[red]no region {escape(repr(region))}[/red]; the regions are: "
            + ", ".join(known.values()),
            highlight=False,
            soft_wrap=True,
        )
        raise typer.Exit(2)
    return wanted


@contextmanager
def read_only(db: Path | None, *, sandboxed: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """The warehouse, read-only (and `sandboxed`: no file, network or extension beyond it);
    a missing file, one a run is writing (DuckDB lets no reader beside a writer), or one
    that is no warehouse we can read is one line and exit status 1."""
    from warehouse.db import WarehouseBusyError, WarehouseOpenError, connect, sandbox

    path = settings_with(db=db).db
    try:
        conn = connect(path, read_only=True)
    except FileNotFoundError as exc:
        err_console.print(f"[red]{exc}[/red] (run `cqc ingest` or `cqc demo` first)")
        raise typer.Exit(1) from exc
    except (WarehouseBusyError, WarehouseOpenError) as exc:
        err_console.print(f"[red]{exc}[/red]", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from exc
    with conn:
        yield sandbox(conn) if sandboxed else conn


def settings_with(**overrides: object) -> Settings:
    return Settings().with_overrides(**overrides)


def print_rows(
    columns: Sequence[str], rows: Sequence[Sequence[object]], output: OutputFormat
) -> None:
    if output == "json":
        records = [dict(zip(columns, row, strict=True)) for row in rows]
        typer.echo(json.dumps(records, indent=2, default=_json_default, ensure_ascii=False))
    elif output == "csv":
        import csv
        import sys

        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
    else:
        table = Table(*columns, show_lines=False)
        for row in rows:
            # Text, not markup: a value such as "[placeholder]" is data, shown as it is.
            table.add_row(*(Text("" if value is None else str(value)) for value in row))
        console.print(table)
        console.print(f"{len(rows)} rows")


def _json_default(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def skin_named(name: str) -> str:
    """A known mirror skin's name; any other is one line naming the valid ones, exit 2."""
    from mirror.server import SKINS

    if name not in SKINS:
        err_console.print(
            f"[red]unknown skin {name!r}[/red]; the skins are: {', '.join(SKINS)}",
            highlight=False,
        )
        raise typer.Exit(2)
    return name


def writable(db: Path | None) -> duckdb.DuckDBPyConnection:
    """The warehouse open for writing, its schema current; busy or unreadable is one line,
    exit 1."""
    from warehouse.db import WarehouseBusyError, WarehouseOpenError, connect, init_schema

    settings = settings_with(db=db)
    try:
        conn = connect(settings.db, wait_s=settings.lock_wait_s, on_wait=err_console.print)
        init_schema(conn)
    except (WarehouseBusyError, WarehouseOpenError) as exc:
        err_console.print(f"[red]{exc}[/red]", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from exc
    return conn


def print_query(query: str, db: Path | None, output: OutputFormat) -> None:
    """Run read-only SQL in the sandbox and print the rows; an error is one line, exit 1."""
    import duckdb

    try:
        with read_only(db, sandboxed=True) as conn:
            cursor = conn.execute(query)
            columns = [d[0] for d in cursor.description or []]
            rows = cursor.fetchall()
    except duckdb.Error as exc:
        err_console.print(f"[red]SQL error:[/red] {exc}")
        raise typer.Exit(1) from exc
    print_rows(columns, rows, output)


def write_html_report(out: Path, db: Path | None, site_url: str | None = None) -> None:
    """Write the static HTML report and the feed, and say where they are."""
    from publish.html_report import write_report

    with read_only(db) as conn:
        written = write_report(conn, out, site_url)
    console.print(
        f"{sum(p.suffix == '.html' for p in written)} pages and the feed {out / 'feed.atom'} "
        f"written; open {out / 'index.html'} in a browser",
        highlight=False,
    )
