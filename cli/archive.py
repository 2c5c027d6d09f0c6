"""`cqc archive`: the raw archive (WARC files under the archive directory)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.text import Text

from cli.common import EXIT_BAD_INPUT, console, err_console, settings_with

archive_app = typer.Typer(help="The raw archive (WARC files under the archive directory).")


@archive_app.command("import-legacy")
def archive_import_legacy(
    archive: Annotated[
        Path | None, typer.Option(help="Raw archive directory (env CQC_ARCHIVE)")
    ] = None,
) -> None:
    """Write an archive made before WARC (blobs/, fetch_log.jsonl) into a WARC file, with a
    manifest per report, so `cqc reparse` can rebuild from it (ingest does this by itself)."""
    from pipeline.legacy import LegacyImportError, import_legacy

    settings = settings_with(archive=archive)
    try:
        done = import_legacy(settings.archive)
    except LegacyImportError as exc:
        err_console.print(
            f"[red]nothing imported:[/red] {escape(str(exc))}", highlight=False, soft_wrap=True
        )
        raise typer.Exit(EXIT_BAD_INPUT) from exc
    console.print(
        Text(
            f"{done.responses} responses and {done.reports} report manifests written to "
            f"{settings.archive / 'warc' / done.file}"
        ),
        highlight=False,
    )


@archive_app.command("rebuild-index")
def archive_rebuild_index(
    archive: Annotated[
        Path | None, typer.Option(help="Raw archive directory (env CQC_ARCHIVE)")
    ] = None,
) -> None:
    """Write the archive's index anew from its WARC files alone (after it was lost)."""
    from extract.warc import WarcArchive

    settings = settings_with(archive=archive)
    count = WarcArchive(settings.archive).rebuild_index()
    console.print(
        Text(f"{count} records indexed from {settings.archive / 'warc'}"), highlight=False
    )
