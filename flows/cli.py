"""`cqc`: the command line. Thin: every command calls a flow or a stage function."""

from __future__ import annotations

import difflib
import json
import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any
from urllib.parse import urlsplit

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from extract.http import LIVE_BASE_URL, FetchError, RunStopError, SiteClient
from flows.settings import Settings

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

DEMO_DIR = Path("data/demo")
LEAGUE_TABLE_SQL = """
SELECT rank, council, region, overall_rating AS rating, overall_score_pct AS pct,
       strftime(published_on, '%Y-%m-%d') AS published
FROM league_table ORDER BY rank, council
"""


class OutputFormat(StrEnum):
    """How a command prints rows. An Enum, so Typer refuses any other --format (exit 2,
    naming the choices) for every command that takes one."""

    table = "table"
    csv = "csv"
    json = "json"


class ExportFormat(StrEnum):
    """The files `cqc export` writes (warehouse.export.FORMATS)."""

    parquet = "parquet"
    csv = "csv"
    xlsx = "xlsx"


FormatOption = Annotated[
    OutputFormat, typer.Option("--format", help="How to print the rows", case_sensitive=False)
]


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


@app.command()
def ingest(
    base_url: Annotated[
        str | None, typer.Option(help=f"Site to read (env CQC_BASE_URL; {LIVE_BASE_URL})")
    ] = None,
    db: Annotated[Path | None, typer.Option(help="DuckDB file (env CQC_DB)")] = None,
    archive: Annotated[
        Path | None, typer.Option(help="Raw archive directory (env CQC_ARCHIVE)")
    ] = None,
    max_reports: Annotated[
        int | None, typer.Option(help="Stop after this many reports (for trials)")
    ] = None,
    full: Annotated[
        bool, typer.Option("--full", help="Revalidate every held report, not tonight's slice")
    ] = False,
    min_interval: Annotated[
        float | None,
        typer.Option(help="Seconds between requests (env CQC_MIN_INTERVAL_S; default 1)"),
    ] = None,
) -> None:
    """Run the nightly ingest once: crawl into the archive, parse what changed, load it.

    Exit status: 0 every report listed and due is loaded (warnings allowed); 3 the run
    finished but some reports are not loaded (or not reached before the run's deadline);
    1 the run failed (listing unreadable, warehouse busy, archive unwritable, the site asking
    for more patience than allowed); 130 / 143 stopped by SIGINT / SIGTERM (the run is marked
    failed and the warehouse left consistent)."""
    summary = _run_ingest(
        base_url=base_url,
        db=db,
        archive=archive,
        max_reports=max_reports,
        full=full or None,
        min_interval_s=min_interval,
    )
    settings = _settings(base_url=base_url, db=db, archive=archive)
    _print_summary(summary, settings.db)
    if summary.failed or summary.reports_not_reached:
        raise typer.Exit(EXIT_REPORTS_NOT_LOADED)


@app.command()
def reparse(
    db: Annotated[Path | None, typer.Option(help="DuckDB file (env CQC_DB)")] = None,
    archive: Annotated[
        Path | None, typer.Option(help="Raw archive directory (env CQC_ARCHIVE)")
    ] = None,
) -> None:
    """Rebuild the parsed tables from the raw archive alone (no network)."""
    from prefect.exceptions import FailedRun

    from flows.reparse import reparse as reparse_flow
    from warehouse.db import WarehouseBusyError

    settings = _settings(db=db, archive=archive)
    try:
        with _stopped_by_signals():
            summary = reparse_flow(db=settings.db, archive=settings.archive)
    except (WarehouseBusyError, FailedRun) as exc:
        err_console.print(f"[red]reparse failed:[/red] {exc}", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from exc
    console.print(
        f"Run {summary.run_id} (reparse): {summary.loaded} reports re-parsed "
        f"({summary.pdfs_parsed} PDFs), {summary.reports_new} new, "
        f"{summary.reports_changed} changed by it, {summary.failed} with issues, "
        f"{summary.reports_skipped} listed but never fetched, in {summary.seconds:.1f}s",
        highlight=False,
    )


archive_app = typer.Typer(help="The raw archive (WARC files under the archive directory).")
app.add_typer(archive_app, name="archive")


@archive_app.command("import-legacy")
def archive_import_legacy(
    archive: Annotated[
        Path | None, typer.Option(help="Raw archive directory (env CQC_ARCHIVE)")
    ] = None,
) -> None:
    """Write an archive made before WARC (blobs/, fetch_log.jsonl) into a WARC file, with a
    manifest per report, so `cqc reparse` can rebuild from it (ingest does this by itself)."""
    from flows.legacy import LegacyImportError, import_legacy

    settings = _settings(archive=archive)
    try:
        done = import_legacy(settings.archive)
    except LegacyImportError as exc:
        err_console.print(f"[red]nothing imported:[/red] {exc}", highlight=False)
        raise typer.Exit(2) from exc
    console.print(
        f"{done.responses} responses and {done.reports} report manifests written to "
        f"{settings.archive / 'warc' / done.file}",
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

    settings = _settings(archive=archive)
    count = WarcArchive(settings.archive).rebuild_index()
    console.print(f"{count} records indexed from {settings.archive / 'warc'}", highlight=False)


@app.command()
def sql(
    query: Annotated[str, typer.Argument(help="SQL to run against the warehouse (read-only)")],
    db: Annotated[Path | None, typer.Option(help="DuckDB file (env CQC_DB)")] = None,
    output: FormatOption = OutputFormat.table,
) -> None:
    """Run read-only SQL against the warehouse and print the result. The query sees the
    warehouse and nothing else: no files, no network, no extensions."""
    import duckdb

    try:
        with _read_only(db, sandboxed=True) as conn:
            cursor = conn.execute(query)
            columns = [d[0] for d in cursor.description or []]
            rows = cursor.fetchall()
    except duckdb.Error as exc:
        err_console.print(f"[red]SQL error:[/red] {exc}")
        raise typer.Exit(1) from exc
    _print_rows(columns, rows, output)


@app.command("refresh-benchmarks")
def refresh_benchmarks_command(
    db: Annotated[Path | None, typer.Option(help="DuckDB file (env CQC_DB)")] = None,
) -> None:
    """Rebuild the benchmark tables from the loaded reports (every ingest ends with this)."""
    from prefect.exceptions import FailedRun

    from flows.benchmarks import refresh_benchmarks

    try:
        done = refresh_benchmarks(db=_settings(db=db).db)
    except FailedRun as exc:
        err_console.print(f"[red]refresh failed:[/red] {exc}", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from exc
    console.print(
        f"Benchmarks refreshed: {done.councils_ranked} councils ranked, "
        f"{done.pilots} pilots kept apart"
        + (
            f"; {done.search_documents} texts indexed for search." if not done.search_error else "."
        ),
        highlight=False,
    )
    if done.search_error:
        from rich.markup import escape

        err_console.print(
            f"[yellow]{escape(done.search_error)}[/yellow]; `cqc search` reads the previous index",
            highlight=False,
            soft_wrap=True,
        )


@app.command()
def compare(
    councils: Annotated[
        list[str], typer.Argument(help="Council names, e.g. Stoke-on-Trent Staffordshire Durham")
    ],
    db: Annotated[Path | None, typer.Option(help="DuckDB file (env CQC_DB)")] = None,
    output: FormatOption = OutputFormat.table,
) -> None:
    """Councils side by side: rating, %, ranks, and each statement against the means."""
    from warehouse.compare import compare_councils

    codes = [_council_code(name) for name in councils]
    with _read_only(db) as conn:
        labels, columns = compare_councils(conn, codes)
    header = ["", *[c.council for c in columns]]
    rows = [(label, *[c.values.get(label, "") for c in columns]) for label in labels]
    _print_rows(header, rows, output)


def _council_code(name: str) -> str:
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


@app.command()
def benchmark(
    region: Annotated[
        str | None, typer.Option(help='One region\'s table, e.g. "West Midlands"')
    ] = None,
    include_pilots: Annotated[
        bool, typer.Option("--include-pilots", help="List the indicative pilots too (unranked)")
    ] = False,
    db: Annotated[Path | None, typer.Option(help="DuckDB file (env CQC_DB)")] = None,
    output: FormatOption = OutputFormat.table,
) -> None:
    """A region's councils ranked against its mean and England's; without --region, the
    nine regions compared."""
    from warehouse.compare import region_table, regions_summary

    with _read_only(db) as conn:
        if region is None:
            columns, rows = regions_summary(conn)
        else:
            wanted = _region_named(conn, region)
            columns, rows = region_table(conn, wanted, include_pilots=include_pilots)
    _print_rows(columns, rows, output)


def _region_named(conn: duckdb.DuckDBPyConnection, region: str) -> str:
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


@app.command()
def export(
    out: Annotated[Path, typer.Option(help="Directory to write the files to")],
    fmt: Annotated[
        ExportFormat, typer.Option("--format", help="The files to write", case_sensitive=False)
    ] = ExportFormat.parquet,
    excel: Annotated[
        bool,
        typer.Option("--excel", help="CSV only: start each file with a UTF-8 BOM, for Excel"),
    ] = False,
    db: Annotated[Path | None, typer.Option(help="DuckDB file (env CQC_DB)")] = None,
) -> None:
    """Every table and view as Parquet, CSV or one Excel workbook (a sheet each, and one for
    the data dictionary), with data_dictionary.md and manifest.json."""
    from warehouse.export import WORKBOOK, export_warehouse

    if excel and fmt is not ExportFormat.csv:
        err_console.print("[red]--excel applies to --format csv only[/red]", highlight=False)
        raise typer.Exit(2)
    with _read_only(db) as conn:
        exported = export_warehouse(conn, out, fmt.value, excel=excel)
    rows = sum(table.rows for table in exported)
    where = f"{out / WORKBOOK}, a sheet each" if fmt is ExportFormat.xlsx else f"{out} as {fmt}"
    console.print(
        f"{len(exported)} tables ({rows} rows) written to {where}, "
        "with data_dictionary.md and manifest.json",
        highlight=False,
    )


@app.command()
def report(
    out: Annotated[Path, typer.Option(help="Directory to write the HTML report to")],
    db: Annotated[Path | None, typer.Option(help="DuckDB file (env CQC_DB)")] = None,
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
    from warehouse.feed import published_base
    from warehouse.html_report import write_report

    if site_url is not None:
        try:
            published_base(site_url)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--site-url") from exc
    with _read_only(db) as conn:
        written = write_report(conn, out, site_url)
    console.print(
        f"{sum(p.suffix == '.html' for p in written)} pages and the feed {out / 'feed.atom'} "
        f"written; open {out / 'index.html'} in a browser",
        highlight=False,
    )


@app.command()
def parse(
    source: Annotated[str, typer.Argument(help="A saved page (file path) or a page URL")],
    url: Annotated[
        str | None,
        typer.Option(help="The address a saved page came from (default: from its file path)"),
    ] = None,
) -> None:
    """Parse one page and print what the parser read, as JSON. A PDF is parsed within the
    limits the ingest applies (CQC_PDF_TIME_LIMIT_S, CQC_PDF_MEMORY_LIMIT_MB)."""
    from flows.pdf_guard import GuardedPdfParser
    from transform.decode import check_bounds, decode_page
    from transform.pages import PageParseError, parse_page

    def cannot_parse(reason: str) -> typer.Exit:
        err_console.print(
            f"[red]cannot parse {source}:[/red] {reason}", soft_wrap=True, highlight=False
        )
        return typer.Exit(2)

    try:
        body, page_url, content_type = _read_source(source)
        url = url or page_url
        if body.startswith(b"%PDF-") or source.lower().endswith(".pdf"):
            settings = _settings()
            limits = (settings.pdf_time_limit_s, settings.pdf_memory_limit_mb)
            with GuardedPdfParser(*limits) as parse_pdf:
                reading = parse_pdf(body, url)
            if reading.facts is None:
                raise cannot_parse(reading.error or "unreadable")
            typer.echo(json.dumps(page_as_json(reading.facts), indent=2, ensure_ascii=False))
            return
        decoded = decode_page(body, content_type, url)
        check_bounds(decoded.text, url)
        page = parse_page(decoded.text, url)
    except (FetchError, OSError, RunStopError) as exc:
        err_console.print(f"[red]cannot read {source}:[/red] {exc}", soft_wrap=True)
        raise typer.Exit(1) from exc
    except PageParseError as exc:
        raise cannot_parse(exc.reason) from exc
    except RecursionError as exc:
        raise cannot_parse("the page nests elements too deeply to read") from exc
    typer.echo(json.dumps(page_as_json(page), indent=2, ensure_ascii=False))
    if getattr(page, "page_kind", None) == "other":
        err_console.print(f"{source}: the page carries none of a report's facts", highlight=False)


@app.command()
def mirror(
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1 (0 picks a free one)")] = 8765,
    skin: Annotated[
        str, typer.Option(help="Markup and URL shapes: classic | drupal (same facts)")
    ] = "classic",
) -> None:
    """Serve the bundled offline mirror of the CQC report pages until interrupted."""
    from mirror.server import MirrorServer

    server = MirrorServer(port=port, skin=_skin(skin))
    server.start()
    console.print(
        f"Serving the offline CQC mirror ({skin} skin) at [bold]{server.base_url}[/bold] (Ctrl-C)"
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()


@app.command()
def demo(
    out: Annotated[Path, typer.Option(help="Where the demo warehouse and archive go")] = DEMO_DIR,
    skin: Annotated[
        str, typer.Option(help="Mirror skin: classic | drupal (same facts)")
    ] = "classic",
) -> None:
    """Serve the offline mirror on a free port, ingest all of it, print the league table and
    write the HTML report."""
    from mirror.server import MirrorServer

    db, archive = out / "cqc.duckdb", out / "raw"
    with MirrorServer(skin=_skin(skin)) as server:
        console.print(f"Offline mirror of cqc.org.uk serving at {server.base_url}")
        # Our own loopback server: no politeness interval needed.
        summary = _run_ingest(base_url=server.base_url, db=db, archive=archive, min_interval_s=0.0)
    _print_summary(summary, db)
    sql(LEAGUE_TABLE_SQL, db=db, output=OutputFormat.table)
    report(out=out / "report", db=db)
    console.print(f'Query it yourself: .venv/bin/cqc sql --db {db} "SELECT * FROM league_table"')


def _skin(name: str) -> str:
    """A known mirror skin's name; any other is one line naming the valid ones, exit 2."""
    from mirror.server import SKINS

    if name not in SKINS:
        err_console.print(
            f"[red]unknown skin {name!r}[/red]; the skins are: {', '.join(SKINS)}",
            highlight=False,
        )
        raise typer.Exit(2)
    return name


EXIT_RUN_FAILED = 1
EXIT_REPORTS_NOT_LOADED = 3


class RunInterrupted(KeyboardInterrupt):
    """SIGTERM or SIGINT during a run, raised where the run is, so that it unwinds: the run
    row is closed, the warehouse lock released, Prefect's temporary server stopped."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


@contextmanager
def _stopped_by_signals() -> Iterator[None]:
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


def _run_ingest(**arguments: Any) -> Any:
    """Run the flow; a run that cannot start (listing unreachable or unrecognisable) is one
    clear line and exit status 1, not a traceback."""
    from prefect.exceptions import FailedRun
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from flows.ingest import nightly_ingest
    from flows.progress import listening
    from transform.pages import PageParseError
    from warehouse.db import WarehouseBusyError

    bar = Progress(
        TextColumn("reports"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=err_console,
        transient=True,
    )
    task_id = bar.add_task("", total=None)

    def show(done: int, total: int, what: str) -> None:
        bar.update(task_id, completed=done, total=total, description=what)

    try:
        with _stopped_by_signals(), bar, listening(show):
            return nightly_ingest(**arguments)
    except (FetchError, PageParseError, WarehouseBusyError, FailedRun, RunStopError) as exc:
        err_console.print(f"[red]ingest failed:[/red] {exc}", highlight=False, soft_wrap=True)
        raise typer.Exit(EXIT_RUN_FAILED) from exc


def page_as_json(page: Any) -> dict[str, Any]:
    """A page's (or a report PDF's) reading as JSON, headed by the keys every page answers
    (null when absent): its kind, council, slug, kind of assessment, dates, rating, % and
    the statements it scores; then everything else it carried, with where each was read."""
    from transform.quality_statements import BY_NUMBER

    data: dict[str, Any] = page.model_dump(mode="json")
    pilot = data.pop("pilot", None)
    statements = data.get("statements") or []
    head = {
        "page_kind": data.pop("page_kind", "listing"),
        "la_name": data.pop("la_name", None),
        "slug": data.pop("slug", None),
        "assessment_kind": None if pilot is None else ("pilot" if pilot else "formal"),
        "indicative": data.pop("indicative", None),
        "published_on": data.pop("published_on", None),
        "overall_rating": data.pop("overall_rating", None),
        "overall_score_pct": data.pop("overall_score_pct", None),
        "quality_statements": [
            {
                "number": number,
                "name": BY_NUMBER[number].name,
                "theme": BY_NUMBER[number].theme,
                "score": score,
            }
            for number, score in sorted(
                {
                    s["number"]: s["score"] for s in reversed(statements) if s["score"] is not None
                }.items()
            )
        ],
    }
    return head | data


def _read_source(source: str) -> tuple[bytes, str, str | None]:
    """The page's bytes, its address and its Content-Type (None for a saved file: its
    `<meta>` charset or UTF-8 then decides); a saved page's address is its path, minus
    `.html` (mirror files and pages saved by `wget -E` keep the site's path that way)."""
    if source.startswith(("http://", "https://")):
        parts = urlsplit(source)
        with SiteClient(f"{parts.scheme}://{parts.netloc}") as client:
            page = client.get(source)
        return page.body, page.url, page.content_type
    path = Path(source).resolve()
    address = path.with_suffix("") if path.suffix in {".html", ".htm"} else path
    return path.read_bytes(), address.as_uri(), None


@contextmanager
def _read_only(db: Path | None, *, sandboxed: bool = False) -> Iterator[Any]:
    """The warehouse, read-only (and `sandboxed`: no file, network or extension beyond it);
    a missing file, one a run is writing (DuckDB lets no reader beside a writer), or one
    that is no warehouse we can read is one line and exit status 1."""
    from warehouse.db import WarehouseBusyError, WarehouseOpenError, connect, sandbox

    path = _settings(db=db).db
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


def _settings(**overrides: Any) -> Settings:
    return Settings().with_overrides(**overrides)


def _print_summary(summary: Any, db: Path) -> None:
    console.print(
        f"Run {summary.run_id}: of {summary.listed} reports listed "
        f"({summary.in_progress} councils in progress), [bold]{summary.reports_new}[/bold] new, "
        f"{summary.reports_changed} changed, {summary.reports_unchanged} unchanged, "
        f"[bold]{summary.failed}[/bold] with issues, {summary.reports_skipped} not due for "
        f"revalidation. Pages: {summary.pages_fetched} fetched "
        f"({summary.bytes_fetched / 1e6:.1f} MB), {summary.pages_not_modified} not modified, "
        f"{summary.pages_failed} failed; {summary.pdfs_parsed} PDFs parsed, "
        f"{summary.disagreements} PDF disagreements; {summary.seconds:.1f}s -> {db}",
        highlight=False,
    )
    by_slug: dict[str, list[Any]] = {}
    for issue in summary.issues:
        by_slug.setdefault(issue.slug, []).append(issue)
    for slug, issues in by_slug.items():
        first = issues[0]
        more = f" (and {len(issues) - 1} more)" if len(issues) > 1 else ""
        where = f" at {first.url}" if first.url else ""
        loaded = "" if first.blocking else " (loaded; a warning)"
        console.print(
            f"  [yellow]{slug}[/yellow] {first.stage}: {first.reason}{more}{where}{loaded}",
            highlight=False,
        )
    if by_slug:
        console.print("  (all of them: SELECT * FROM parse_issue)")


def _print_rows(columns: list[str], rows: list[tuple[Any, ...]], output: str) -> None:
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


from flows import cli_search  # noqa: E402, F401  (registers its commands)

# isort: split
from flows import cli_peers  # noqa: E402, F401  (registers its commands)
