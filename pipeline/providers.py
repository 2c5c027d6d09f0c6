"""CQC's monthly provider files into the warehouse, month by month (`cqc providers`).

`ingest_providers` reads CQC's "using CQC data" page, takes the newest month it links (or the
month asked for), fetches that month's active-locations and latest-ratings files through the
same polite client as the nightly ingest (conditional GETs: a month already held costs two
304s and loads nothing), every exchange into the run's WARC file, and loads each.
`import_provider_file` loads a file a user already has. Both end in `load_provider_file`:

- the file is told by its header's columns, not by its name or link (ProviderFileError names
  the column that is missing, and the month's rows stay as they were);
- the same bytes for the same month are not loaded again, so re-running changes no table;
- otherwise the month's rows of that kind are replaced, the problems met are recorded as
  non-blocking `parse_issue` rows (one per unmatched council or unknown word, counted), the
  `care_source` row is written and `council_care_market` rebuilt, all in one transaction.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Generic, Literal, TypeVar

import duckdb

from extract.http import FetchError, RetryPolicy, RunStopError, SiteClient
from extract.incremental import ConditionalFetcher, FetchOutcome, KnownPage
from pipeline.phases import fetch_records
from pipeline.run import Run, open_run
from pipeline.settings import PROVIDER_FILES_PATH, Settings
from transform.care_locations import (
    CareLocation,
    IssueSummary,
    LocationIssue,
    iter_locations,
    summarise_issues,
)
from transform.care_ratings import CareRating, iter_ratings
from transform.provider_files import (
    ACTIVE_LOCATIONS,
    DEACTIVATED_LOCATIONS,
    LATEST_RATINGS,
    FileKind,
    ProviderFileError,
    identify_provider_file,
)
from transform.provider_listing import (
    ProviderFileLink,
    ProviderPageError,
    month_files,
    month_of,
    provider_file_links,
)
from transform.records import ReportIssue
from transform.version import PARSER_VERSION
from warehouse.care_market import (
    CareSource,
    SourceKind,
    held_source,
    issue_slug,
    provider_validators,
    rebuild_council_care_market,
    replace_locations,
    replace_ratings,
    save_care_issues,
    save_care_source,
)
from warehouse.load import transaction
from warehouse.state import log_fetches

FileStatus = Literal["loaded", "unchanged", "failed"]
KINDS: dict[SourceKind, FileKind] = {
    "active_locations": ACTIVE_LOCATIONS,
    "latest_ratings": LATEST_RATINGS,
}
R = TypeVar("R")


class ProvidersStopError(RunStopError):
    """The providers run cannot go on: the page could not be fetched or links no month."""


class MonthUnknownError(ValueError):
    """An imported file whose name names no month, and no --month given."""


@dataclass(frozen=True)
class FileLoad:
    """What became of one provider file."""

    kind: SourceKind | None  # None when the file could not be told
    month: date
    url: str
    status: FileStatus
    rows_read: int = 0
    rows_loaded: int = 0
    issues: tuple[IssueSummary, ...] = ()
    error: str | None = None
    seconds: float = 0.0


@dataclass(frozen=True)
class ProvidersSummary:
    """A providers run: each file's load, the month's links left aside, the requests made."""

    run_id: int
    month: date
    loads: list[FileLoad]
    set_aside: list[ProviderFileLink] = field(default_factory=list)
    councils: int = 0  # council_care_market rows of the month after the run
    fetches: list[FetchOutcome] = field(default_factory=list)

    @property
    def failed(self) -> list[FileLoad]:
        return [load for load in self.loads if load.status == "failed"]


def fetch_counts(fetches: Iterable[FetchOutcome]) -> dict[str, int]:
    """ingest_run's request counters for a providers run's requests."""
    done = list(fetches)
    return {
        "pages_fetched": sum(1 for f in done if f.status == 200),
        "pages_not_modified": sum(1 for f in done if f.not_modified),
        "pages_failed": sum(1 for f in done if f.error is not None),
        "bytes_fetched": sum(f.byte_count or 0 for f in done),
    }


def ingest_providers(settings: Settings, month: date | None = None) -> ProvidersSummary:
    """Fetch and load the month's provider files (the newest the page links, or `month`)."""
    with open_run(settings, "providers") as run:
        assert run.writer is not None  # a providers run that fetches has its WARC file
        client = SiteClient(
            settings.base_url,
            timeout_s=settings.timeout_s,
            user_agent=settings.user_agent,
            retry=RetryPolicy(attempts=settings.retries, max_delay_s=settings.max_retry_after_s),
            deadline_s=max(settings.request_deadline_s, 600.0),  # a 20 MB file, slowly
            max_crawl_delay_s=settings.max_crawl_delay_s,
            min_interval_s=settings.min_interval_s,
            obey_robots=settings.obey_robots,
            max_bytes=settings.provider_file_max_mb * 1_000_000,
            on_exchange=run.writer.write_exchange,
        )
        fetches: list[FetchOutcome] = []
        try:
            with client:
                summary = _fetch_and_load(run, client, month, fetches)
        finally:
            log_fetches(run.conn, run.run_id, fetch_records(fetches))
            run.record(fetch_counts(fetches))
        return summary


def _fetch_and_load(
    run: Run, client: SiteClient, month: date | None, fetches: list[FetchOutcome]
) -> ProvidersSummary:
    page_url = client.absolute(PROVIDER_FILES_PATH)
    known = {url: KnownPage(*held) for url, held in provider_validators(run.conn).items()}
    fetcher = ConditionalFetcher(client, run.archive, known)
    try:
        page = fetcher.get(page_url)
    except FetchError as exc:
        fetches.append(fetcher.failure(exc))
        raise ProvidersStopError(f"the provider files page {page_url}: {exc.reason}") from exc
    fetches.append(fetcher.outcome(page))
    try:
        files = month_files(provider_file_links(page.body, page.url), month)
    except ProviderPageError as exc:
        raise ProvidersStopError(f"{page.url}: {exc}") from exc
    run.logger.info("provider files of %s at %s", f"{files.month:%Y-%m}", page.url)
    loads: list[FileLoad] = []
    wanted: tuple[tuple[SourceKind, ProviderFileLink | None], ...] = (
        ("active_locations", files.active_locations),
        ("latest_ratings", files.latest_ratings),
    )
    for kind, link in wanted:
        if link is None:
            reason = f"the page links no {KINDS[kind].name} file for {files.month:%Y-%m}"
            loads.append(FileLoad(kind, files.month, page.url, "failed", error=reason))
            continue
        try:
            got = fetcher.get(link.url)
        except FetchError as exc:
            fetches.append(fetcher.failure(exc))
            loads.append(FileLoad(kind, files.month, link.url, "failed", error=exc.reason))
            continue
        fetches.append(fetcher.outcome(got))
        loads.append(
            load_provider_file(
                run.conn, got.body, url=got.url, month=files.month, run_id=run.run_id, link=kind
            )
        )
        log_load(run, loads[-1])
    set_aside = [link for link in (files.deactivated_locations, *files.unknown) if link]
    return ProvidersSummary(
        run.run_id, files.month, loads, set_aside, _councils(run.conn, files.month), fetches
    )


def import_provider_file(
    settings: Settings, path: Path, month: date | None = None
) -> ProvidersSummary:
    """Load a provider file from disk (its kind told by its header; its month from `month`,
    else from its name); MonthUnknownError before anything is opened when neither says."""
    chosen = month or month_of(path.name)
    if chosen is None:
        raise MonthUnknownError(
            f"{path.name}: the name names no month (CQC's do: 01_September_2026_...): give "
            "the month the file describes with --month YYYY-MM"
        )
    data = path.read_bytes()
    with open_run(settings, "providers", fetches=False) as run:
        load = load_provider_file(
            run.conn, data, url=f"file:{path.name}", month=chosen, run_id=run.run_id
        )
        log_load(run, load)
        return ProvidersSummary(run.run_id, chosen, [load], councils=_councils(run.conn, chosen))


def load_provider_file(
    conn: duckdb.DuckDBPyConnection,
    data: bytes,
    *,
    url: str,
    month: date,
    run_id: int | None,
    link: SourceKind | None = None,
) -> FileLoad:
    """Load one provider file as of `month` (see the module's docstring); a file that cannot
    be read is a failed FileLoad naming why, and changes nothing. `link` is what the page's
    link called it: the file's own header decides, but a file that cannot be told is
    reported under the link's kind."""
    started = time.monotonic()
    sha256 = hashlib.sha256(data).hexdigest()
    try:
        kind_spec, table = identify_provider_file(
            data, url, (DEACTIVATED_LOCATIONS, *KINDS.values())
        )
    except ProviderFileError as exc:
        return FileLoad(link, month, url, "failed", error=str(exc))
    if kind_spec is DEACTIVATED_LOCATIONS:
        reason = (
            f"{url}: a deactivated-locations file (it has 'Location HSCA End Date'): this "
            "program loads the active-locations and latest-ratings files"
        )
        return FileLoad(link, month, url, "failed", error=reason)
    kind: SourceKind = "active_locations" if kind_spec is ACTIVE_LOCATIONS else "latest_ratings"
    if held_source(conn, month, kind) == sha256:
        return FileLoad(kind, month, url, "unchanged", seconds=_since(started))
    try:
        with transaction(conn):
            if kind == "active_locations":
                locations = _Split[CareLocation](iter_locations(table.rows))
                loaded = replace_locations(conn, month, locations, source="file", source_url=url)
                split: _Split[CareLocation] | _Split[CareRating] = locations
            else:
                ratings = _Split[CareRating](iter_ratings(table.rows))
                loaded = replace_ratings(conn, month, ratings)
                split = ratings
            summaries = summarise_issues(split.issues)
            record_load(
                conn,
                CareSource(
                    month,
                    kind,
                    "all",
                    url,
                    sha256,
                    table.file_format,
                    table.sheet,
                    table.header_row,
                    split.rows,
                    loaded,
                    len(split.issues),
                    run_id,
                ),
                summaries,
            )
    except ProviderFileError as exc:  # a sheet damaged past its header
        return FileLoad(kind, month, url, "failed", error=str(exc), seconds=_since(started))
    return FileLoad(
        kind, month, url, "loaded", split.rows, loaded, tuple(summaries), seconds=_since(started)
    )


class _Split(Generic[R]):
    """The records of a stream of records and issues, as an iterator; the issues collected
    on the side and the rows counted (a row is one record, or one issue of kind missing)."""

    def __init__(self, items: Iterable[R | LocationIssue]) -> None:
        self._items = items
        self.issues: list[LocationIssue] = []
        self.rows = 0

    def __iter__(self) -> Iterator[R]:
        for item in self._items:
            if isinstance(item, LocationIssue):
                self.issues.append(item)
                self.rows += item.kind == "missing"
            else:
                self.rows += 1
                yield item


def record_load(
    conn: duckdb.DuckDBPyConnection, source: CareSource, summaries: Sequence[IssueSummary]
) -> None:
    """What a load leaves beside its rows, inside its transaction: its problems as
    non-blocking parse_issue rows, its care_source row, and council_care_market rebuilt."""
    slug = issue_slug(source.as_of_month, source.kind, source.part)
    save_care_issues(conn, slug, _report_issues(slug, source.url, summaries), PARSER_VERSION)
    save_care_source(conn, source)
    rebuild_council_care_market(conn)


def _report_issues(slug: str, url: str, summaries: Iterable[IssueSummary]) -> list[ReportIssue]:
    return [
        ReportIssue(
            slug=slug,
            stage="match" if s.kind == "council" else "parse",
            reason=s.line,
            url=url,
            la_name=s.value if s.kind == "council" else None,
            blocking=False,
        )
        for s in summaries
    ]


def _councils(conn: duckdb.DuckDBPyConnection, month: date) -> int:
    row = conn.execute(
        "SELECT count(*) FROM council_care_market WHERE as_of_month = ?", [month]
    ).fetchone()
    return int(row[0]) if row else 0


def log_load(run: Run, load: FileLoad) -> None:
    what = (load.kind or "file").replace("_", " ")
    if load.status == "failed":
        run.logger.error("%s of %s not loaded: %s", what, f"{load.month:%Y-%m}", load.error)
        return
    run.logger.info(
        "%s of %s %s: %d rows read, %d loaded, %d problems (%.1f s)",
        what,
        f"{load.month:%Y-%m}",
        load.status,
        load.rows_read,
        load.rows_loaded,
        sum(s.count for s in load.issues),
        load.seconds,
    )
    for summary in load.issues:
        run.logger.warning("%s: %s", what, summary.line)


def _since(started: float) -> float:
    return round(time.monotonic() - started, 1)
