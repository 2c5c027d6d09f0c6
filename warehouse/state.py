"""Run bookkeeping, the fetch log and per-URL page state, for incremental ingests.

Every function takes an open DuckDB connection. `ingest_run` and `fetch_log` are LOG tables
(they grow each run); `page_state` is a STATE table (upserted each run). The report history
(`assessment_version`, `report_change`) is written by `warehouse.load.save_report`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import duckdb

from transform.pdf_report import PdfReading
from transform.records import PageReading
from warehouse.load import insert_rows, transaction

RUN_COUNTERS: tuple[str, ...] = (
    "pages_fetched",
    "pages_not_modified",
    "pages_failed",
    "bytes_fetched",
    "reports_new",
    "reports_changed",
    "reports_unchanged",
    "reports_failed",
    "reports_skipped",
)


@dataclass(frozen=True)
class FetchRecord:
    """One request, as `fetch_log` stores it."""

    url: str
    requested_at: datetime
    status: int | None  # None on a network error
    not_modified: bool
    byte_count: int | None
    sha256: str | None
    etag: str | None
    last_modified: str | None
    duration_ms: int | None
    error: str | None


@dataclass(frozen=True)
class PageValidators:
    """What is held about a URL: validators for a conditional request, the body's archive key."""

    url: str
    etag: str | None
    last_modified: str | None
    sha256: str | None
    content_type: str | None
    assessment_id: str | None
    page_kind: str | None
    last_checked_run: int


@dataclass(frozen=True)
class PageState:
    """A successful fetch (200, or 304 rebuilt from the archive) to record in `page_state`."""

    url: str
    assessment_id: str | None
    page_kind: str | None
    sha256: str | None
    etag: str | None
    last_modified: str | None
    content_type: str | None
    byte_count: int | None
    changed: bool


@dataclass(frozen=True)
class SourceRef:
    """Where to find a page's latest body in the archive."""

    url: str
    page_kind: str | None
    sha256: str
    content_type: str | None


def _iso(value: datetime | None) -> str | None:
    """A TIMESTAMP literal; an aware datetime is converted to naive UTC."""
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.isoformat(sep=" ")


# --- runs -------------------------------------------------------------------------------------


def start_run(
    conn: duckdb.DuckDBPyConnection,
    *,
    base_url: str,
    mode: str,
    full: bool,
    parser_version: str,
    started_at: datetime,
) -> int:
    """Insert a 'running' ingest_run row with run_id = max + 1 (1 for the first); return it.

    A run still 'running' here was interrupted (the process died: only one process can hold
    the warehouse, and it is this one): it becomes 'failed' with no finished_at, so the
    `run_log` view shows it as interrupted.
    """
    with transaction(conn):
        conn.execute("UPDATE ingest_run SET status = 'failed' WHERE status = 'running'")
        row = conn.execute("SELECT coalesce(max(run_id), 0) + 1 FROM ingest_run").fetchone()
        run_id = int(row[0]) if row else 1
        conn.execute(
            'INSERT INTO ingest_run (run_id, started_at, base_url, mode, "full", parser_version, '
            "status) VALUES (?, ?::TIMESTAMP, ?, ?, ?, ?, 'running')",
            [run_id, _iso(started_at), base_url, mode, full, parser_version],
        )
    return run_id


def finish_run(
    conn: duckdb.DuckDBPyConnection,
    run_id: int,
    *,
    finished_at: datetime,
    status: str,
    counts: Mapping[str, int],
) -> None:
    """Set the run's finished_at, status and the given counters (others keep their value).

    Unknown counter names raise ValueError; so does an unknown run_id (KeyError).
    """
    unknown = sorted(set(counts) - set(RUN_COUNTERS))
    if unknown:
        raise ValueError(f"unknown ingest_run counters: {unknown}")
    if status not in ("running", "finished", "failed"):
        raise ValueError(f"unknown run status {status!r}")
    names = [name for name in RUN_COUNTERS if name in counts]
    sets = "".join(f", {name} = ?" for name in names)
    with transaction(conn):
        found = conn.execute(
            "SELECT count(*) FROM ingest_run WHERE run_id = ?", [run_id]
        ).fetchone()
        if not found or found[0] == 0:
            raise KeyError(f"no ingest_run {run_id}")
        conn.execute(
            f"UPDATE ingest_run SET finished_at = ?::TIMESTAMP, status = ?{sets} WHERE run_id = ?",
            [_iso(finished_at), status, *(int(counts[n]) for n in names), run_id],
        )


# --- fetch log --------------------------------------------------------------------------------


def log_fetches(
    conn: duckdb.DuckDBPyConnection, run_id: int, records: Sequence[FetchRecord]
) -> None:
    """Append one fetch_log row per record (in one statement)."""
    insert_rows(
        conn,
        "fetch_log",
        (
            "run_id",
            "url",
            "requested_at",
            "status",
            "not_modified",
            "byte_count",
            "sha256",
            "etag",
            "last_modified",
            "duration_ms",
            "error",
        ),
        [
            (
                run_id,
                r.url,
                r.requested_at,
                r.status,
                r.not_modified,
                r.byte_count,
                r.sha256,
                r.etag,
                r.last_modified,
                r.duration_ms,
                r.error,
            )
            for r in records
        ],
    )


# --- page state -------------------------------------------------------------------------------

_VALIDATOR_COLUMNS = (
    "url, etag, last_modified, sha256, content_type, assessment_id, page_kind, last_checked_run"
)


def load_validators(conn: duckdb.DuckDBPyConnection) -> dict[str, PageValidators]:
    """Every page_state row by URL (validators, archive key, owner, last check)."""
    rows = conn.execute(f"SELECT {_VALIDATOR_COLUMNS} FROM page_state ORDER BY url").fetchall()
    return {row[0]: PageValidators(*row) for row in rows}


def save_page_states(
    conn: duckdb.DuckDBPyConnection, run_id: int, states: Sequence[PageState]
) -> None:
    """Upsert page_state rows by URL (the last state given for a URL wins), in one transaction.

    A new URL gets first_seen_run = last_checked_run = last_changed_run = run_id and the next
    first_seen_order values, in the order given. A known URL keeps first_seen_run and
    first_seen_order, takes every other column from the state, gets last_checked_run = run_id,
    and last_changed_run = run_id only if `changed` is true or its sha256 differs from the
    stored one.
    """
    by_url = {state.url: state for state in states}
    if not by_url:
        return
    with transaction(conn):
        row = conn.execute("SELECT coalesce(max(first_seen_order), 0) FROM page_state").fetchone()
        base = int(row[0]) if row else 0
        insert_rows(
            conn,
            "page_state",
            (
                "url",
                "assessment_id",
                "page_kind",
                "sha256",
                "etag",
                "last_modified",
                "content_type",
                "byte_count",
                "first_seen_run",
                "first_seen_order",
                "last_checked_run",
                "last_changed_run",
            ),
            [
                (
                    s.url,
                    s.assessment_id,
                    s.page_kind,
                    s.sha256,
                    s.etag,
                    s.last_modified,
                    s.content_type,
                    s.byte_count,
                    run_id,
                    base + position,
                    run_id,
                    run_id if s.changed else -1,
                )
                for position, s in enumerate(by_url.values(), start=1)
            ],
            suffix="""
            ON CONFLICT (url) DO UPDATE SET
                assessment_id = excluded.assessment_id,
                page_kind = excluded.page_kind,
                etag = excluded.etag,
                last_modified = excluded.last_modified,
                content_type = excluded.content_type,
                byte_count = excluded.byte_count,
                last_checked_run = excluded.last_checked_run,
                last_changed_run = CASE
                    WHEN excluded.last_changed_run >= 0
                        OR excluded.sha256 IS DISTINCT FROM page_state.sha256
                    THEN excluded.last_checked_run
                    ELSE page_state.last_changed_run
                END,
                sha256 = excluded.sha256""",
        )
        # A URL seen for the first time has changed, whatever the caller said.
        conn.execute(
            "UPDATE page_state SET last_changed_run = first_seen_run WHERE last_changed_run < 0"
        )


def mark_checked(conn: duckdb.DuckDBPyConnection, run_id: int, urls: Iterable[str]) -> None:
    """Set last_checked_run = run_id for the given URLs (304 Not Modified); unknown URLs are
    ignored. Nothing else changes."""
    given = list(dict.fromkeys(urls))
    if not given:
        return
    conn.execute(
        "UPDATE page_state SET last_checked_run = ? WHERE list_contains(?, url)", [run_id, given]
    )


def report_check_ages(conn: duckdb.DuckDBPyConnection) -> dict[str, int | None]:
    """Per assessment_id (in `assessment` or page_state), the oldest last_checked_run among its
    pages in page_state; None for an assessment none of whose pages is in page_state.

    The rolling revalidation schedule checks the smallest (oldest) values first.
    """
    rows = conn.execute(
        """
        WITH ids AS (
            SELECT assessment_id FROM assessment
            UNION
            SELECT assessment_id FROM page_state WHERE assessment_id IS NOT NULL
        )
        SELECT ids.assessment_id, min(p.last_checked_run)
        FROM ids
        LEFT JOIN page_state AS p USING (assessment_id)
        GROUP BY ids.assessment_id
        ORDER BY ids.assessment_id
        """
    ).fetchall()
    return {row[0]: None if row[1] is None else int(row[1]) for row in rows}


# --- reparse ----------------------------------------------------------------------------------


def source_bodies(conn: duckdb.DuckDBPyConnection) -> dict[str, list[SourceRef]]:
    """Per assessment_id, the archived bodies to reparse it from, ordered by URL.

    The pages are the assessment's source_page rows plus any page_state row naming the
    assessment; for each URL page_state's sha256, page_kind and content_type (the latest
    body) are preferred, source_page's used when page_state has no body for it. Pages with
    no sha256 at all are left out, and so are listing pages.
    """
    rows = conn.execute(
        """
        WITH pages AS (
            SELECT
                coalesce(p.assessment_id, s.assessment_id) AS assessment_id,
                url,
                CASE WHEN p.sha256 IS NOT NULL THEN p.page_kind ELSE s.page_kind END
                    AS page_kind,
                coalesce(p.sha256, s.sha256) AS sha256,
                CASE WHEN p.sha256 IS NOT NULL THEN p.content_type ELSE s.content_type END
                    AS content_type
            FROM source_page AS s
            FULL OUTER JOIN (
                SELECT * FROM page_state WHERE assessment_id IS NOT NULL
            ) AS p USING (url)
        )
        SELECT assessment_id, url, page_kind, sha256, content_type
        FROM pages
        WHERE sha256 IS NOT NULL AND page_kind IS DISTINCT FROM 'listing'
        ORDER BY assessment_id, url
        """
    ).fetchall()
    bodies: dict[str, list[SourceRef]] = {}
    for assessment_id, url, page_kind, sha256, content_type in rows:
        bodies.setdefault(assessment_id, []).append(
            SourceRef(url=url, page_kind=page_kind, sha256=sha256, content_type=content_type)
        )
    return bodies


def listing_states(conn: duckdb.DuckDBPyConnection) -> list[PageValidators]:
    """The listing pages' page_state rows (page_kind 'listing', no assessment_id), in the order
    they were first seen (first_seen_run, then first_seen_order: pager order)."""
    rows = conn.execute(
        f"SELECT {_VALIDATOR_COLUMNS} FROM page_state "
        "WHERE page_kind = 'listing' AND assessment_id IS NULL "
        "ORDER BY first_seen_run, first_seen_order"
    ).fetchall()
    return [PageValidators(*row) for row in rows]


def parsed_versions(conn: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Per report slug, the parser version of its latest outcome: the loaded assessment's, or
    that of the issues recorded for it. A report whose pages are unchanged and whose outcome
    came from the current parser needs no re-parse."""
    rows = conn.execute(
        """
        SELECT slug, max(parser_version) FROM (
            SELECT assessment_id AS slug, parser_version FROM assessment
            UNION ALL
            SELECT slug, parser_version FROM parse_issue WHERE stage <> 'fetch'
        ) GROUP BY slug
        """
    ).fetchall()
    return {slug: version for slug, version in rows}


def fetch_failed_reports(conn: duckdb.DuckDBPyConnection) -> set[str]:
    """Slugs whose latest run could not fetch every page: a reparse must not load them from
    the pages that did arrive."""
    rows = conn.execute(
        "SELECT DISTINCT slug FROM parse_issue WHERE stage = 'fetch' AND blocking IS NOT FALSE"
    ).fetchall()
    return {slug for (slug,) in rows}


def loaded_reports(conn: duckdb.DuckDBPyConnection) -> set[str]:
    """Slugs with a loaded assessment."""
    return {slug for (slug,) in conn.execute("SELECT assessment_id FROM assessment").fetchall()}


def reports_with_warnings(conn: duckdb.DuckDBPyConnection) -> set[str]:
    """Slugs that loaded with a non-blocking issue (e.g. their PDF failed): worth re-parsing
    the next time they are checked, even if their pages are unchanged."""
    rows = conn.execute("SELECT DISTINCT slug FROM parse_issue WHERE NOT blocking").fetchall()
    return {slug for (slug,) in rows}


def held_pdf_parses(conn: duckdb.DuckDBPyConnection, parser_version: str) -> dict[str, PdfReading]:
    """Every PDF parse cached for this parser version (`pdf_parse`), by the PDF's sha256."""
    rows = conn.execute(
        "SELECT sha256, source_url, page_count, seconds, report_json, error FROM pdf_parse "
        "WHERE parser_version = ?",
        [parser_version],
    ).fetchall()
    return {
        sha256: PdfReading(
            source=source_url,
            sha256=sha256,
            facts=None if report_json is None else PageReading.model_validate_json(report_json),
            error=error,
            page_count=page_count,
            seconds=seconds,
        )
        for sha256, source_url, page_count, seconds, report_json, error in rows
    }


def save_pdf_parse(
    conn: duckdb.DuckDBPyConnection, reading: PdfReading, parser_version: str
) -> None:
    """Cache one finished PDF parse (replacing any for the same bytes and parser version)."""
    if not reading.finished:
        raise ValueError(f"{reading.source}: a parse that never finished is not cached")
    report_json = None if reading.facts is None else reading.facts.model_dump_json()
    insert_rows(
        conn,
        "pdf_parse",
        ("sha256", "parser_version", "source_url", "page_count", "seconds", "report_json", "error"),
        [
            (
                reading.sha256,
                parser_version,
                reading.source,
                reading.page_count,
                reading.seconds,
                report_json,
                reading.error,
            )
        ],
        suffix=" ON CONFLICT (sha256, parser_version) DO UPDATE SET source_url = "
        "excluded.source_url, page_count = excluded.page_count, seconds = excluded.seconds, "
        "report_json = excluded.report_json, error = excluded.error",
    )
