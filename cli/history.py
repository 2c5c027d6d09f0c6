"""`cqc history`: councils' grades from before the Care Act assessments (CQC's annual
performance assessments, 2008-10), which the project cannot crawl and a user may hold."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from cli.common import DbOption, console, err_console, say_failure, writable

history_app = typer.Typer(
    help="Councils' grades before the Care Act assessments (CQC's annual performance "
    "assessments, 2008-10)."
)
EXIT_NOT_IMPORTED = 1


@history_app.command("import")
def history_import(
    file: Annotated[
        Path,
        typer.Argument(
            help="CSV: council (name or GSS code), year, overall grade and the seven outcomes"
        ),
    ],
    db: DbOption = None,
) -> None:
    """Load a CSV of CQC's annual performance assessment grades into
    annual_performance_assessment: one row per council and year, header names in any case or
    spacing, grades as "performing well", "Well" or "excellent".

    All or nothing: if any row cannot be read (a council not among the 153, a grade or year
    it cannot place, a row given twice), every such row is listed, one a line, nothing is
    loaded and the exit status is 1. Otherwise each row replaces what its council and year
    held; importing the same file again changes nothing."""
    from transform.annual_grades import read_annual_grades
    from warehouse.annual_grades import imported_count, save_annual_grades

    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        say_failure(f"cannot read {file}: {exc.strerror or exc}")
        raise typer.Exit(EXIT_NOT_IMPORTED) from exc
    except UnicodeDecodeError as exc:
        say_failure(f"{file} is not UTF-8 text ({exc.reason}); nothing imported")
        raise typer.Exit(EXIT_NOT_IMPORTED) from exc
    reading = read_annual_grades(text, file.name)
    if reading.problems:
        for problem in reading.problems:
            say_failure(f"{file.name}: {problem}")
        err_console.print(
            Text(
                f"nothing imported: {len(reading.problems)} problems in {file.name} "
                f"({len(reading.records)} rows could be read); mend them and import again"
            ),
            highlight=False,
            soft_wrap=True,
        )
        raise typer.Exit(EXIT_NOT_IMPORTED)
    with writable(db) as conn:
        saved = save_annual_grades(conn, reading.records)
        held = imported_count(conn)
    console.print(
        Text(
            f"{len(reading.records)} rows loaded from {file.name} into "
            f"annual_performance_assessment: {saved.added} new, {saved.changed} changed, "
            f"{saved.unchanged} unchanged ({held} imported rows held)"
        ),
        highlight=False,
        soft_wrap=True,
    )
