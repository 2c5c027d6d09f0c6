"""`cqc search`: the reports' findings, ranked by BM25 (DuckDB's fts extension, offline).

Registered on `cli.common.app` when cli.common is imported (its last line imports this module).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Column, Table
from rich.text import Text

from cli.common import (
    DbOption,
    FormatOption,
    OutputFormat,
    console,
    err_console,
    print_rows,
    read_only,
    region_named,
)

if TYPE_CHECKING:
    from warehouse.search import SearchHit


def search(
    query: Annotated[str, typer.Argument(help='Words to look for, e.g. "waiting list"')],
    statement: Annotated[
        int | None, typer.Option(help="Only quality statement N (1 Assessing needs ... 9)")
    ] = None,
    region: Annotated[str | None, typer.Option(help='Only one region, e.g. "North East"')] = None,
    limit: Annotated[int, typer.Option(min=1, help="How many hits to show")] = 10,
    db: DbOption = None,
    output: FormatOption = OutputFormat.table,
) -> None:
    """Search the key findings, people's experience and statement texts of every report:
    the best matches first (BM25), each with its council, statement, a snippet with the
    matched words «marked», and the page to read it on."""
    from transform.quality_statements import BY_NUMBER, STATEMENTS
    from warehouse.db import sandbox
    from warehouse.search import EmptyQueryError, SearchUnavailableError, load_fts
    from warehouse.search import search as run_search

    if statement is not None and statement not in BY_NUMBER:
        err_console.print(
            f"[red]no quality statement {statement}[/red]; the statements are: "
            + ", ".join(f"{s.number} {s.name}" for s in STATEMENTS),
            highlight=False,
            soft_wrap=True,
        )
        raise typer.Exit(2)
    with read_only(db) as conn:
        try:
            load_fts(conn)  # before anything else: the sandbox forbids it afterwards
        except SearchUnavailableError as exc:
            err_console.print(
                f"[red]search is unavailable:[/red] {escape(str(exc))}",
                highlight=False,
                soft_wrap=True,
            )
            raise typer.Exit(1) from exc
        sandbox(conn)  # the query is data, not SQL; still, nothing beyond the warehouse
        wanted = None if region is None else region_named(conn, region)
        try:
            hits = run_search(conn, query, qs_number=statement, region=wanted, limit=limit)
        except EmptyQueryError as exc:
            err_console.print(f"[red]{escape(str(exc))}[/red]", highlight=False, soft_wrap=True)
            raise typer.Exit(2) from exc
        except SearchUnavailableError as exc:
            err_console.print(f"[red]{escape(str(exc))}[/red]", highlight=False, soft_wrap=True)
            raise typer.Exit(1) from exc
    if output is OutputFormat.table:
        _print_hits(hits)
    else:
        print_rows(list(RECORD_COLUMNS), [_record(n, hit) for n, hit in enumerate(hits, 1)], output)


RECORD_COLUMNS = (
    "rank",
    "score",
    "council",
    "region",
    "assessment_id",
    "published_on",
    "qs_number",
    "quality_statement",
    "kind",
    "heading",
    "snippet",
    "url",
)


def _record(rank: int, hit: SearchHit) -> tuple[object, ...]:
    """A hit as a CSV or JSON record: RECORD_COLUMNS in order."""
    return (
        rank,
        round(hit.score, 4),
        hit.council,
        hit.region,
        hit.assessment_id,
        hit.published_on,
        hit.qs_number,
        hit.quality_statement,
        hit.kind,
        hit.heading,
        hit.snippet,
        hit.url,
    )


def _print_hits(hits: list[SearchHit]) -> None:
    """The hits as a table whose links are printed whole (folded, never cut short)."""
    table = Table(
        Column("#", justify="right"),
        Column("score", justify="right"),
        Column("council", max_width=18),
        Column("statement", max_width=24),
        Column("kind", max_width=12),
        Column("snippet", ratio=3),
        Column("link", overflow="fold", ratio=2),
        show_lines=True,
    )
    for n, hit in enumerate(hits, start=1):
        statement = f"QS{hit.qs_number} {hit.quality_statement}" if hit.qs_number else ""
        table.add_row(
            *(
                Text(cell)
                for cell in (
                    str(n),
                    f"{hit.score:.2f}",
                    hit.council,
                    statement,
                    hit.kind.replace("_", " "),
                    hit.snippet,
                    hit.url,
                )
            )
        )
    console.print(table)
    console.print(f"{len(hits)} hit{'' if len(hits) == 1 else 's'}", highlight=False)
