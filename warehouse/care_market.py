"""Storing CQC's register of care locations month by month, and the council market built
from it (the tables of sql/care_market.sql).

Every function takes the connection and leaves the transaction to the caller: one month's
file is one unit (`pipeline.providers` wraps the replace, the issues, the source row and the
market rebuild in one `transaction`), so a crash mid-load leaves the month as it was.
Rows go in batches through `warehouse.load.insert_rows` (one JSON parameter a batch), so a
324,000-row ratings file is never held whole.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import astuple, dataclass
from datetime import date
from itertools import islice
from operator import attrgetter
from typing import Literal, NamedTuple, TypeVar

import duckdb

from transform.care_locations import CareLocation
from transform.care_ratings import CareRating
from transform.records import ReportIssue
from warehouse.db import SQL_DIR
from warehouse.load import insert_rows, replace_issues

SourceKind = Literal["active_locations", "latest_ratings", "api"]
MARKET_MODEL = SQL_DIR / "care_market" / "council_care_market.sql"
BATCH_ROWS = 5_000  # rows per insert: DuckDB's JSON reading takes about 30 KB a row

_LOCATION_COLUMNS = (
    "as_of_month",
    "location_id",
    "location_name",
    "provider_id",
    "provider_name",
    "brand_name",
    "la_name_cqc",
    "la_code",
    "location_type",
    "inspection_directorate",
    "adult_social_care",
    "care_home",
    "beds",
    "service_types",
    "user_bands",
    "dormant",
    "overall_rating",
    "overall_rating_published",
    "rated_on",
    "inherited",
    "source",
    "source_url",
)
_RATING_COLUMNS = (
    "as_of_month",
    "location_id",
    "service_group",
    "key_question",
    "rating",
    "rating_published",
    "published_on",
    "report_type",
    "inherited",
    "location_name",
    "provider_id",
    "la_name_cqc",
    "la_code",
    "care_home",
    "location_type",
)
T = TypeVar("T")
# A rating's values in _RATING_COLUMNS' order (dataclasses.astuple copies deeply: 4.4 s of
# the ratings file's 324,000 rows, where this takes 0.1 s).
_rating_values = attrgetter(*_RATING_COLUMNS[1:])


@dataclass(frozen=True)
class CareSource:
    """What one month's rows were loaded from (a `care_source` row)."""

    as_of_month: date
    kind: SourceKind
    part: str  # 'all' for a file; the council's la_code for an API fetch
    url: str
    sha256: str
    file_format: str | None
    sheet: str | None
    header_row: int | None
    rows_read: int
    rows_loaded: int
    issues: int
    run_id: int | None


def issue_slug(month: date, kind: SourceKind, part: str = "all") -> str:
    """The parse_issue slug of a month's file: 'providers:2026-09:active_locations'."""
    suffix = "" if part == "all" else f":{part}"
    return f"providers:{month:%Y-%m}:{kind}{suffix}"


def held_source(
    conn: duckdb.DuckDBPyConnection, month: date, kind: SourceKind, part: str = "all"
) -> str | None:
    """The SHA-256 the month's rows of this kind were loaded from, if any."""
    row = conn.execute(
        "SELECT sha256 FROM care_source WHERE as_of_month = ? AND kind = ? AND part = ?",
        [month, kind, part],
    ).fetchone()
    return str(row[0]) if row else None


class HeldFetch(NamedTuple):
    sha256: str
    etag: str | None
    last_modified: str | None


def provider_validators(conn: duckdb.DuckDBPyConnection) -> dict[str, HeldFetch]:
    """What the last successful request of each URL left (body SHA-256, ETag, Last-Modified),
    from fetch_log: provider files are no report's pages, so page_state does not hold them,
    and a month already held is then revalidated with a conditional GET."""
    rows = conn.execute(
        """
        SELECT url, sha256, etag, last_modified FROM fetch_log
        WHERE sha256 IS NOT NULL AND error IS NULL
        QUALIFY row_number() OVER (PARTITION BY url ORDER BY requested_at DESC, run_id DESC) = 1
        """
    ).fetchall()
    return {url: HeldFetch(sha256, etag, lm) for url, sha256, etag, lm in rows}


def replace_locations(
    conn: duckdb.DuckDBPyConnection,
    month: date,
    locations: Iterable[CareLocation],
    *,
    source: Literal["file", "api"],
    source_url: str,
    councils: Collection[str] | None = None,
) -> int:
    """Make `locations` the month's care_location rows: all of the month's rows (a file), or
    only those of `councils` and of the locations given (an API fetch of some councils: a
    location it lists stays one row whatever council it names). The rows written."""
    if councils is None:
        conn.execute("DELETE FROM care_location WHERE as_of_month = ?", [month])
    else:  # a few councils' locations: small enough to hold, and each replaces its own row
        locations = list(locations)
        conn.execute(
            "DELETE FROM care_location WHERE as_of_month = ? "
            "AND (list_contains(?, la_code) OR list_contains(?, location_id))",
            [month, sorted(councils), [location.location_id for location in locations]],
        )
    written = 0
    for batch in _batches(locations):
        insert_rows(
            conn,
            "care_location",
            _LOCATION_COLUMNS,
            [_location_row(month, location, source, source_url) for location in batch],
        )
        written += len(batch)
    return written


def replace_ratings(
    conn: duckdb.DuckDBPyConnection, month: date, ratings: Iterable[CareRating]
) -> int:
    """Make `ratings` the month's care_location_rating rows. A (location, group, key
    question) that comes twice is loaded once, the first; the rows written."""
    conn.execute("DELETE FROM care_location_rating WHERE as_of_month = ?", [month])
    written = 0
    for batch in _batches(ratings):
        insert_rows(
            conn,
            "care_location_rating",
            _RATING_COLUMNS,
            [(month, *_rating_values(rating)) for rating in batch],
            suffix=" ON CONFLICT DO NOTHING",
        )
        written += len(batch)
    row = conn.execute(
        "SELECT count(*) FROM care_location_rating WHERE as_of_month = ?", [month]
    ).fetchone()
    return int(row[0]) if row else 0


def save_care_source(conn: duckdb.DuckDBPyConnection, source: CareSource) -> None:
    """Record what the month's rows of a kind were loaded from (replacing the earlier row)."""
    conn.execute(
        "DELETE FROM care_source WHERE as_of_month = ? AND kind = ? AND part = ?",
        [source.as_of_month, source.kind, source.part],
    )
    insert_rows(conn, "care_source", _source_columns(), [astuple(source)])


def save_care_issues(
    conn: duckdb.DuckDBPyConnection,
    slug: str,
    issues: Sequence[ReportIssue],
    parser_version: str,
) -> None:
    """Make `issues` the recorded issues of a month's file (parse_issue, never blocking:
    the file's rows are loaded whatever they say)."""
    replace_issues(conn, slug, issues, parser_version)


def rebuild_council_care_market(conn: duckdb.DuckDBPyConnection) -> int:
    """Take each location's inherited flag from its month's ratings, then rebuild
    council_care_market from care_location (every month: a month loaded late fills in the
    12-month change of the month a year on). The rows it holds."""
    conn.execute(
        """
        UPDATE care_location SET inherited = r.inherited
        FROM care_location_rating r
        WHERE r.as_of_month = care_location.as_of_month
          AND r.location_id = care_location.location_id
          AND r.service_group = 'Overall' AND r.key_question = 'Overall'
          AND care_location.inherited IS DISTINCT FROM r.inherited
        """
    )
    conn.execute("DELETE FROM council_care_market")
    conn.execute("INSERT INTO council_care_market " + MARKET_MODEL.read_text(encoding="utf-8"))
    row = conn.execute("SELECT count(*) FROM council_care_market").fetchone()
    return int(row[0]) if row else 0


def _location_row(
    month: date, location: CareLocation, source: str, source_url: str
) -> tuple[object, ...]:
    return (
        month,
        location.location_id,
        location.location_name,
        location.provider_id,
        location.provider_name,
        location.brand_name,
        location.la_name_cqc,
        location.la_code,
        location.location_type,
        location.inspection_directorate,
        location.adult_social_care,
        location.care_home,
        location.beds,
        list(location.service_types),
        list(location.user_bands),
        location.dormant,
        location.overall_rating,
        location.overall_rating_published,
        location.rated_on,
        location.inherited,
        source,
        source_url,
    )


def _source_columns() -> tuple[str, ...]:
    return tuple(CareSource.__dataclass_fields__)


def _batches(items: Iterable[T]) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, BATCH_ROWS)):
        yield batch
