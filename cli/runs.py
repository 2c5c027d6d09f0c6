"""`cqc ingest`, `cqc reparse`, `cqc refresh-benchmarks` and `cqc demo`: the commands that run
a run and write the warehouse (through Prefect's flows when a Prefect server is configured,
else the pipeline itself: `cli.common.run_job`)."""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from cli.common import (
    EXIT_REPORTS_NOT_LOADED,
    DbOption,
    OutputFormat,
    RunFailed,
    console,
    err_console,
    ingest_session,
    print_providers,
    print_query,
    refuse_unless_warehouse,
    run_job,
    settings_with,
    skin_named,
    stopped_by_signals,
    write_html_report,
)
from extract.http import LIVE_BASE_URL

if TYPE_CHECKING:
    from mirror.server import MirrorServer
    from pipeline.phases import IngestSummary
    from transform.records import ReportIssue

DEMO_DIR = Path("data/demo")
MARKET_SQL = """
SELECT a.name AS council, l.overall_rating AS rating, l.overall_score_pct AS pct,
       m.locations, m.care_home_beds AS beds, m.good_or_outstanding_pct AS "good+ %",
       m.good_or_outstanding_pct_12m_change AS "12m pp", m.region_good_or_outstanding_pct
       AS "region %", m.england_good_or_outstanding_pct AS "England %"
FROM council_care_market m
JOIN local_authority a USING (la_code)
LEFT JOIN league_table l USING (la_code)
WHERE m.as_of_month = (SELECT max(as_of_month) FROM council_care_market)
  AND a.name IN ('Stoke-on-Trent', 'Staffordshire', 'County Durham', 'Birmingham')
ORDER BY a.name
"""
LEAGUE_TABLE_SQL = """
SELECT rank, council, region, overall_rating AS rating, overall_score_pct AS pct,
       strftime(published_on, '%Y-%m-%d') AS published
FROM league_table ORDER BY rank, council
"""


def ingest(
    base_url: Annotated[
        str | None, typer.Option(help=f"Site to read (env CQC_BASE_URL; {LIVE_BASE_URL})")
    ] = None,
    db: DbOption = None,
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
    from pipeline import jobs
    from pipeline.phases import IngestSummary

    settings = settings_with(
        base_url=base_url,
        db=db,
        archive=archive,
        max_reports=max_reports,
        full=full or None,
        min_interval_s=min_interval,
    )
    refuse_unless_warehouse(settings.db)

    def flow() -> object:
        from flows.ingest import nightly_ingest

        return nightly_ingest(
            base_url=base_url,
            db=db,
            archive=archive,
            max_reports=max_reports,
            full=full or None,
            min_interval_s=min_interval,
        )

    with ingest_session():
        summary = run_job(lambda: jobs.ingest(settings), flow, IngestSummary)
    print_summary(summary, settings.db)
    if summary.failed or summary.reports_not_reached:
        raise typer.Exit(EXIT_REPORTS_NOT_LOADED)


def reparse(
    db: DbOption = None,
    archive: Annotated[
        Path | None, typer.Option(help="Raw archive directory (env CQC_ARCHIVE)")
    ] = None,
) -> None:
    """Rebuild the parsed tables from the raw archive alone (no network).

    Exit status: 0 every report the archive's listing names is loaded; 3 some are not
    (records that fail their digest check included: see the lines printed); 1 the reparse
    failed (warehouse busy or not a DuckDB file, an archive with no readable manifest)."""
    from pipeline import jobs
    from pipeline.phases import IngestSummary

    settings = settings_with(db=db, archive=archive)
    refuse_unless_warehouse(settings.db)

    def flow() -> object:
        from flows.reparse import reparse as reparse_flow

        return reparse_flow(db=settings.db, archive=settings.archive)

    try:
        with stopped_by_signals():
            summary = run_job(lambda: jobs.reparse(settings), flow, IngestSummary)
    except RunFailed as exc:
        err_console.print(
            f"[red]reparse failed:[/red] {escape(str(exc))}", highlight=False, soft_wrap=True
        )
        raise typer.Exit(1) from exc
    console.print(
        f"Run {summary.run_id} (reparse): {summary.loaded} reports re-parsed "
        f"({summary.pdfs_parsed} PDFs), {summary.reports_new} new, "
        f"{summary.reports_changed} changed by it, {summary.failed} not loaded, "
        f"{summary.reports_skipped} listed but never fetched, in {summary.seconds:.1f}s",
        highlight=False,
    )
    print_not_loaded(summary)
    if summary.failed:
        raise typer.Exit(EXIT_REPORTS_NOT_LOADED)


def refresh_benchmarks_command(
    db: DbOption = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Rebuild even if the tables' inputs are unchanged"),
    ] = False,
) -> None:
    """Rebuild the benchmark tables and the search index from the loaded reports, if their
    inputs changed since the last refresh (every ingest ends with this)."""
    from pipeline.benchmarks import rebuild_benchmarks
    from warehouse.benchmarks import BenchmarkRefresh

    settings = settings_with(db=db)
    refuse_unless_warehouse(settings.db)

    def flow() -> object:
        from flows.benchmarks import refresh_benchmarks

        return refresh_benchmarks(db=settings.db, force=force)

    try:
        done = run_job(
            lambda: rebuild_benchmarks(settings, None, force=force), flow, BenchmarkRefresh
        )
    except RunFailed as exc:
        err_console.print(
            f"[red]refresh failed:[/red] {escape(str(exc))}", highlight=False, soft_wrap=True
        )
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
        err_console.print(
            f"[yellow]{escape(done.search_error)}[/yellow]; `cqc search` reads the previous index",
            highlight=False,
            soft_wrap=True,
        )


def demo(
    out: Annotated[Path, typer.Option(help="Where the demo warehouse and archive go")] = DEMO_DIR,
    skin: Annotated[
        str, typer.Option(help="Mirror skin: classic | drupal (same facts)")
    ] = "classic",
    provider_scale: Annotated[
        float,
        typer.Option(
            min=0.001,
            max=1.0,
            help="Size of the mirror's provider files: 1 is CQC's (324,000 ratings rows)",
        ),
    ] = 1.0,
) -> None:
    """Serve the offline mirror on a free port, ingest all of it, print the league table and
    write the HTML report."""
    from mirror.server import MirrorServer
    from pipeline import jobs
    from pipeline.phases import IngestSummary

    db, archive = out / "cqc.duckdb", out / "raw"
    refuse_unless_warehouse(db)
    with MirrorServer(skin=skin_named(skin), provider_scale=provider_scale) as server:
        console.print(f"Offline mirror of cqc.org.uk serving at {server.base_url}", highlight=False)
        # Our own loopback server: no politeness interval needed.
        settings = settings_with(
            base_url=server.base_url, db=db, archive=archive, min_interval_s=0.0
        )

        def flow() -> object:
            from flows.ingest import nightly_ingest

            return nightly_ingest(
                base_url=server.base_url, db=db, archive=archive, min_interval_s=0.0
            )

        with ingest_session():
            summary = run_job(lambda: jobs.ingest(settings), flow, IngestSummary)
        print_summary(summary, db)
        markets = demo_providers(server, db, archive)
    print_query(LEAGUE_TABLE_SQL, db, OutputFormat.table)
    print_query(MARKET_SQL, db, OutputFormat.table)
    write_html_report(out / "report", db)
    console.print(
        f"Provider data of {', '.join(markets)}: every council's page has its local care "
        f"market, and {escape(str(out / 'report' / 'market.html'))} sets it beside each "
        "assessment",
        highlight=False,
    )
    console.print(
        f'Query it yourself: .venv/bin/cqc sql --db {escape(str(db))} "SELECT * FROM league_table"',
        highlight=False,
    )


def demo_providers(server: MirrorServer, db: Path, archive: Path) -> list[str]:
    """The mirror's provider files of every month it links, oldest first (as a monthly run
    would have met them), so the market has its 12-month change; the months loaded."""
    from mirror.provider_files import PROVIDER_MONTHS
    from pipeline import jobs
    from pipeline.providers import ProvidersSummary

    settings = settings_with(base_url=server.base_url, db=db, archive=archive, min_interval_s=0.0)

    console.print(
        "Preparing the mirror's provider files (at CQC's size about 20 s the first time) ...",
        highlight=False,
    )
    server.prepare_provider_files()
    months = []
    for month in sorted(PROVIDER_MONTHS, key=lambda m: m.snapshot):
        with ingest_session("providers", "files"):
            summary = run_job(
                partial(jobs.providers, settings, month.snapshot, api=False, councils=None),
                partial(
                    monthly_providers_flow,
                    base_url=server.base_url,
                    db=db,
                    archive=archive,
                    month=month.snapshot,
                ),
                ProvidersSummary,
            )
        print_providers(summary, db)
        if summary.failed:
            raise typer.Exit(EXIT_REPORTS_NOT_LOADED)
        months.append(month.label)
    return months


def monthly_providers_flow(base_url: str, db: Path, archive: Path, month: date) -> object:
    """The monthly providers flow over the mirror, imported (with Prefect) only when run."""
    from flows.providers import monthly_providers

    return monthly_providers(
        base_url=base_url, db=db, archive=archive, month=month, min_interval_s=0.0
    )


def print_summary(summary: IngestSummary, db: Path) -> None:
    """The run's figures in one paragraph; then a line per report not loaded (with the run
    since which it has not loaded, whether or not this run read it again), per report loaded
    with a warning, and per report withdrawn from the listing. Site text is printed as text,
    never read as console markup."""
    console.print(
        f"Run {summary.run_id}: of {summary.listed} reports listed "
        f"({summary.in_progress} councils in progress), [bold]{summary.reports_new}[/bold] new, "
        f"{summary.reports_changed} changed, {summary.reports_unchanged} unchanged, "
        f"[bold]{summary.failed}[/bold] not loaded, {summary.reports_skipped} not due for "
        f"revalidation. Pages: {summary.pages_fetched} fetched "
        f"({summary.bytes_fetched / 1e6:.1f} MB), {summary.pages_not_modified} not modified, "
        f"{summary.pages_failed} failed; {summary.pdfs_parsed} PDFs parsed, "
        f"{summary.disagreements} PDF disagreements; {summary.seconds:.1f}s -> "
        f"{escape(str(db))}",
        highlight=False,
    )
    requests = summary.requests_line()
    if requests is not None:
        console.print(f"  {requests}", highlight=False)
    print_not_loaded(summary)
    blocked = {report.slug for report in summary.not_loaded}
    for slug, issues in _issues_by_slug(summary).items():
        warnings = [issue for issue in issues if not issue.blocking]
        if slug in blocked or not warnings:
            continue
        first = warnings[0]
        more = f" (and {len(warnings) - 1} more)" if len(warnings) > 1 else ""
        where = f" at {first.url}" if first.url else ""
        _report_line(slug, f"loaded, with a warning: {first.stage}: {first.reason}{more}{where}")
    for slug in summary.withdrawn:
        _report_line(
            slug,
            "no longer in the listing: marked withdrawn (its rows are kept, out of the rankings)",
        )
    for slug in summary.relisted:
        console.print(f"  {escape(slug)} is listed again", highlight=False)
    if summary.not_loaded or summary.issues:
        console.print(
            "  (all of them: SELECT * FROM report_status WHERE status <> 'loaded', "
            "and SELECT * FROM parse_issue)",
            highlight=False,
            soft_wrap=True,
        )


def _report_line(slug: str, text: str) -> None:
    """One indented line about a report: its slug highlighted, the rest (site text) as typed."""
    console.print(
        f"  [yellow]{escape(slug)}[/yellow] " + escape(text), highlight=False, soft_wrap=True
    )


def print_not_loaded(summary: IngestSummary) -> None:
    """A line per listed report not loaded, with the run since which it has not loaded (and
    how many more issues this run met in it), for an ingest and a reparse alike."""
    more_issues = {slug: len(issues) - 1 for slug, issues in _issues_by_slug(summary).items()}
    for report in summary.not_loaded:
        extra = more_issues.get(report.slug, 0)
        where = f" at {report.url}" if report.url else ""
        _report_line(
            report.slug, f"{report.line()}{f' (and {extra} more)' if extra else ''}{where}"
        )


def _issues_by_slug(summary: IngestSummary) -> dict[str, list[ReportIssue]]:
    by_slug: dict[str, list[ReportIssue]] = {}
    for issue in summary.issues:
        by_slug.setdefault(issue.slug, []).append(issue)
    return by_slug
