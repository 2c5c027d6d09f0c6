"""`cqc neighbours` and `cqc outcomes`: councils against their statistical neighbours, and
ratings against Oflog's outcome measures. Registered on `cli.common.app` by importing this
module (the last line of cli/common.py); the SQL is in warehouse.neighbours and
warehouse.outcomes, this module only matches names and prints."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.text import Text

from cli.common import (
    EXIT_BAD_INPUT,
    DbOption,
    FormatOption,
    OutputFormat,
    console,
    council_code,
    err_console,
    print_rows,
    read_only,
    say_failure,
    writable,
)
from warehouse.neighbours import NEIGHBOURS_USED


def neighbours(
    council: Annotated[
        str | None, typer.Argument(help='A council, in any form compare takes: "Stoke on Trent"')
    ] = None,
    k: Annotated[
        int, typer.Option("--k", min=1, max=152, help="How many nearest neighbours to list")
    ] = NEIGHBOURS_USED,
    import_file: Annotated[
        Path | None,
        typer.Option(
            "--import",
            help="Load a comparator list you hold (CSV: council, neighbour, rank); for the "
            "councils it covers it replaces the computed neighbours",
        ),
    ] = None,
    clear_import: Annotated[
        bool, typer.Option("--clear-import", help="Forget every imported list")
    ] = False,
    db: DbOption = None,
    output: FormatOption = OutputFormat.table,
) -> None:
    """A council's nearest statistical neighbours (docs/neighbours.md): distance, rank, and
    their rating and % where assessed. With --import, load your own list instead."""
    chosen = [council is not None, import_file is not None, clear_import]
    if sum(chosen) != 1:
        err_console.print(
            "[red]give one of: a COUNCIL, --import FILE.csv or --clear-import[/red]",
            highlight=False,
        )
        raise typer.Exit(EXIT_BAD_INPUT)
    if import_file is not None:
        _import(import_file, db)
        return
    if clear_import:
        _clear(db)
        return
    assert council is not None
    _show(council, k, db, output)


def _show(council: str, k: int, db: Path | None, output: OutputFormat) -> None:
    from warehouse.neighbours import NEIGHBOUR_COLUMNS, council_neighbours

    code = council_code(council)
    with read_only(db) as conn:
        rows = council_neighbours(conn, code, k)
        name = conn.execute("SELECT name FROM local_authority WHERE la_code = ?", [code]).fetchone()
    if not rows:
        err_console.print(
            f"[red]no neighbours for {escape(repr(council))} in the warehouse[/red] "
            "(run `cqc refresh-benchmarks` to compute them)",
            highlight=False,
            soft_wrap=True,
        )
        raise typer.Exit(1)
    if output != OutputFormat.table:
        print_rows(NEIGHBOUR_COLUMNS, rows, output)
        return
    # On screen the method is said once, above the table, unless the rows differ in it.
    methods = sorted({str(row[-1]) for row in rows})
    console.print(
        Text(
            f"{name[0] if name else council}: {len(rows)} nearest neighbours ({', '.join(methods)})"
        ),
        highlight=False,
    )
    shown = [
        (*row[:4], f"{row[4]:.3f}" if isinstance(row[4], float) else row[4], *row[5:])
        for row in rows
    ]
    if len(methods) == 1:
        print_rows(NEIGHBOUR_COLUMNS[:-1], [row[:-1] for row in shown], output)
    else:
        print_rows(NEIGHBOUR_COLUMNS, shown, output)


def _import(path: Path, db: Path | None) -> None:
    from transform.neighbours import NeighbourFileError, parse_neighbour_file
    from warehouse.benchmarks import refresh_benchmarks
    from warehouse.neighbours import save_imported_neighbours

    try:
        text = path.read_text(encoding="utf-8")
        rows = parse_neighbour_file(text, path.name)
    except OSError as exc:
        say_failure(f"cannot read {path}: {exc.strerror or exc}")
        raise typer.Exit(EXIT_BAD_INPUT) from exc
    except UnicodeDecodeError as exc:
        say_failure(f"{path} is not UTF-8 text ({exc.reason})")
        raise typer.Exit(EXIT_BAD_INPUT) from exc
    except NeighbourFileError as exc:
        for line in str(exc).splitlines():
            say_failure(line)
        err_console.print("nothing imported", highlight=False)
        raise typer.Exit(EXIT_BAD_INPUT) from exc
    with writable(db) as conn:
        codes = save_imported_neighbours(conn, rows, path.name)
        refresh_benchmarks(conn)
    console.print(
        Text(
            f"{len(rows)} neighbours of {len(codes)} councils imported from {path.name}; "
            f"council_neighbour uses them for those councils (method 'imported:{path.name}')"
        ),
        highlight=False,
    )


def _clear(db: Path | None) -> None:
    from warehouse.benchmarks import refresh_benchmarks
    from warehouse.neighbours import clear_imported_neighbours

    with writable(db) as conn:
        cleared = clear_imported_neighbours(conn)
        refresh_benchmarks(conn)
    console.print(
        f"imported lists of {cleared} councils forgotten; their neighbours are computed again",
        highlight=False,
    )


def outcomes(
    db: DbOption = None,
    output: FormatOption = OutputFormat.table,
) -> None:
    """Per Oflog adult social care measure, and per care market measure (MKT1-4, the latest
    month held), its Spearman rank correlation with the overall % and with each statement
    score (rho, -1 to 1), over the n councils with both."""
    from warehouse.outcomes import market_month, outcome_correlations

    with read_only(db) as conn:
        columns, rows = outcome_correlations(conn)
        month = market_month(conn)
    print_rows(columns, rows, output)
    if month is None:  # on stderr for csv and json, so their output stays data alone
        note = "No care market data loaded: the MKT measures come with `cqc providers ingest`."
        (console if output == OutputFormat.table else err_console).print(
            Text(note), highlight=False
        )
    if output == OutputFormat.table and rows:
        n = max(row[3] for row in rows if isinstance(row[3], int))
        if n > 3:
            console.print(
                f"Each measure in its latest year. With n = {n}, |rho| below "
                f"{1.96 / (n - 1) ** 0.5:.2f} is within what chance alone gives (5% level).",
                highlight=False,
            )
