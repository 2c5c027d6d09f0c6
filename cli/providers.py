"""`cqc providers`: CQC's register of care locations, month by month (the local care market
beside each council's assessment)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from cli.common import (
    EXIT_BAD_INPUT,
    EXIT_REPORTS_NOT_LOADED,
    EXIT_RUN_FAILED,
    DbOption,
    err_console,
    ingest_session,
    print_providers,
    refuse_unless_warehouse,
    run_job,
    settings_with,
    stopped_by_signals,
)
from extract.http import LIVE_BASE_URL

providers_app = typer.Typer(
    help="CQC's register of care locations, month by month: the local care market."
)
MonthOption = Annotated[
    str | None,
    typer.Option(help="The month the figures describe, YYYY-MM (default: the newest linked)"),
]


def month_given(text: str | None) -> date | None:
    """--month YYYY-MM as the month's first day; one line and exit 2 when it is no month."""
    if text is None:
        return None
    try:
        return datetime.strptime(text.strip(), "%Y-%m").date()
    except ValueError:
        err_console.print(
            f"[red]--month {escape(text)!s}[/red] is no month: write it YYYY-MM, e.g. 2026-09",
            highlight=False,
        )
        raise typer.Exit(EXIT_BAD_INPUT) from None


@providers_app.command("ingest")
def providers_ingest(
    base_url: Annotated[
        str | None, typer.Option(help=f"Site to read (env CQC_BASE_URL; {LIVE_BASE_URL})")
    ] = None,
    db: DbOption = None,
    archive: Annotated[
        Path | None, typer.Option(help="Raw archive directory (env CQC_ARCHIVE)")
    ] = None,
    month: MonthOption = None,
    api: Annotated[
        bool,
        typer.Option(
            "--api",
            help="Read CQC's API instead (key in CQC_API_KEY): one request per location",
        ),
    ] = False,
    council: Annotated[
        list[str] | None,
        typer.Option(help="With --api: a council (name or ONS code); repeat it; default all"),
    ] = None,
    min_interval: Annotated[
        float | None,
        typer.Option(help="Seconds between requests (env CQC_MIN_INTERVAL_S; default 1)"),
    ] = None,
) -> None:
    """Fetch and load the month's provider files, found on CQC's "using CQC data" page.

    The files go into the raw archive first; a month already held costs 304s and changes
    nothing. Exit status: 0 every file loaded or unchanged (problems in rows are listed, the rows
    kept); 3 a file could not be loaded (a missing column, a failed download: named); 1 the
    run could not start or had to stop (page unreachable, no file linked, warehouse busy,
    no API key); 130 / 143 stopped by SIGINT / SIGTERM."""
    from pipeline import jobs
    from pipeline.providers import ProvidersSummary
    from transform.councils import UnknownCouncilError

    settings = settings_with(base_url=base_url, db=db, archive=archive, min_interval_s=min_interval)
    as_of = month_given(month)
    if api:
        from extract.cqc_api import MissingApiKeyError, api_key_from_env

        try:
            api_key_from_env()  # no key: one line, no request, no run
        except MissingApiKeyError as exc:
            err_console.print(f"[red]{escape(str(exc))}[/red]", highlight=False, soft_wrap=True)
            raise typer.Exit(EXIT_RUN_FAILED) from exc
    refuse_unless_warehouse(settings.db)

    def flow() -> object:
        from flows.providers import monthly_providers

        return monthly_providers(
            base_url=base_url,
            db=db,
            archive=archive,
            month=as_of,
            api=api,
            councils=council or None,
            min_interval_s=min_interval,
        )

    with ingest_session("providers", "files"):
        summary = run_job(
            lambda: jobs.providers(settings, as_of, api=api, councils=council or None),
            flow,
            ProvidersSummary,
            stops=(UnknownCouncilError,),
        )
    print_providers(summary, settings.db)
    if summary.failed:
        raise typer.Exit(EXIT_REPORTS_NOT_LOADED)


@providers_app.command("import")
def providers_import(
    file: Annotated[Path, typer.Argument(help="A provider file (.ods, .xlsx or .csv)")],
    db: DbOption = None,
    month: MonthOption = None,
) -> None:
    """Load a provider file you already have.

    Its kind is told by its columns; its month comes from --month, else from its name as
    CQC names them (01_September_2026_...). Exit status: 0 loaded or unchanged; 3 the
    file could not be read as a provider file (the reason named, nothing changed); 2 no
    such file, or no month; 1 warehouse busy."""
    from pipeline.providers import MonthUnknownError, import_provider_file
    from warehouse.db import WarehouseBusyError

    settings = settings_with(db=db)
    as_of = month_given(month)
    if not file.is_file():
        err_console.print(f"[red]no such file:[/red] {escape(str(file))}", highlight=False)
        raise typer.Exit(EXIT_BAD_INPUT)
    refuse_unless_warehouse(settings.db)
    try:
        with stopped_by_signals():
            summary = import_provider_file(settings, file, as_of)
    except MonthUnknownError as exc:
        err_console.print(f"[red]{escape(str(exc))}[/red]", highlight=False, soft_wrap=True)
        raise typer.Exit(EXIT_BAD_INPUT) from exc
    except WarehouseBusyError as exc:
        err_console.print(f"[red]{escape(str(exc))}[/red]", highlight=False, soft_wrap=True)
        raise typer.Exit(EXIT_RUN_FAILED) from exc
    print_providers(summary, settings.db)
    if summary.failed:
        raise typer.Exit(EXIT_REPORTS_NOT_LOADED)
