"""Where each report stands after a run: loaded, not loaded (and since when), or withdrawn.

A run only re-reads the reports whose bytes changed, so what it parsed is not what the
warehouse holds. `save_report_status` looks at the whole: every report the listing names,
its blocking `parse_issue` rows and its `assessment` row, and keeps `report_status` (one row
per report, the run since which it has stood so). The run's counts and exit status are taken
from what it returns, so a report that could not be loaded is named every night until it
loads, not only on the night its bytes changed.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

import duckdb

from warehouse.load import insert_rows, transaction

ReportState = Literal["loaded", "not_loaded", "withdrawn"]
STATUS_COLUMNS = ("slug", "status", "since_run", "since", "checked_run", "stage", "reason", "url")


@dataclass(frozen=True)
class NotLoaded:
    """A listed report whose latest reading could not be loaded, and since which run."""

    slug: str
    since_run: int
    since: datetime  # when that run started (UTC)
    stage: str
    reason: str
    url: str | None

    def line(self) -> str:
        """E.g. "not loaded since 2026-11-02 (run 12): validate: unknown rating 'Excellent'"."""
        since = f"{self.since:%Y-%m-%d} (run {self.since_run})"
        return f"not loaded since {since}: {self.stage}: {self.reason}"


@dataclass(frozen=True)
class ReportStatuses:
    """What `save_report_status` found: every listed report not loaded (with its age), and the
    reports this run found gone from the listing or back in it."""

    not_loaded: list[NotLoaded]
    withdrawn: list[str]  # newly withdrawn this run
    relisted: list[str]  # listed again after being withdrawn


def save_report_status(
    conn: duckdb.DuckDBPyConnection,
    run_id: int,
    started_at: datetime,
    listed: Collection[str],
    *,
    watch_listing: bool,
) -> ReportStatuses:
    """Upsert `report_status` for every report in `listed` (and, when `watch_listing`, mark
    withdrawn every held report the listing no longer names: `assessment.withdrawn` and a
    `report_change` of kind withdrawn; its rows are kept). One transaction."""
    blocked = _first_blocking_issues(conn)
    loaded = {slug for (slug,) in conn.execute("SELECT assessment_id FROM assessment").fetchall()}
    before: dict[str, tuple[ReportState, int, datetime]] = {
        slug: (status, since_run, since)
        for slug, status, since_run, since in conn.execute(
            "SELECT slug, status, since_run, since FROM report_status"
        ).fetchall()
    }
    now: dict[str, ReportState] = {}
    for slug in listed:
        if slug in blocked:
            now[slug] = "not_loaded"
        elif slug in loaded:
            now[slug] = "loaded"
        # else: listed but never fetched (a trial capped by --max-reports): nothing to say
    if watch_listing:
        listed_set = set(listed)
        for slug in (loaded | set(blocked) | set(before)) - listed_set:
            now[slug] = "withdrawn"
    started = started_at.astimezone(UTC).replace(tzinfo=None)
    withdrawn, relisted = [], []
    not_loaded: list[NotLoaded] = []
    rows: list[tuple[object, ...]] = []
    with transaction(conn):
        for slug, status in sorted(now.items()):
            old = before.get(slug)
            since_run, since = (old[1], old[2]) if old and old[0] == status else (run_id, started)
            issue = blocked.get(slug) if status == "not_loaded" else None
            rows.append((slug, status, since_run, since, run_id, *(issue or (None, None, None))))
            if issue is not None:
                not_loaded.append(NotLoaded(slug, since_run, since.replace(tzinfo=UTC), *issue))
            was_withdrawn = old is not None and old[0] == "withdrawn"
            if status == "withdrawn" and not was_withdrawn:
                withdrawn.append(slug)
                _flag(conn, run_id, slug, withdrawn=True)
            elif status != "withdrawn" and was_withdrawn:
                relisted.append(slug)
                _flag(conn, run_id, slug, withdrawn=False)
        # one statement each, not one per report: the rows replace those of the same slugs
        conn.execute("DELETE FROM report_status WHERE list_contains(?, slug)", [sorted(now)])
        insert_rows(conn, "report_status", STATUS_COLUMNS, rows)
    return ReportStatuses(not_loaded, withdrawn, relisted)


def _first_blocking_issues(
    conn: duckdb.DuckDBPyConnection,
) -> Mapping[str, tuple[str, str, str | None]]:
    """Each report's first blocking issue (stage, reason, url): fetch before parse before
    validate before match, as a run meets them."""
    rows = conn.execute(
        """
        SELECT slug, stage, reason, url FROM parse_issue
        WHERE blocking IS NOT FALSE
        QUALIFY row_number() OVER (
            PARTITION BY slug
            ORDER BY list_position(['fetch', 'parse', 'validate', 'match'], stage), reason, url
        ) = 1
        """
    ).fetchall()
    return {slug: (stage, reason, url) for slug, stage, reason, url in rows}


def _flag(conn: duckdb.DuckDBPyConnection, run_id: int, slug: str, *, withdrawn: bool) -> None:
    """Set or clear a held report's withdrawn flag, with the report_change that says so."""
    updated = conn.execute(
        "UPDATE assessment SET withdrawn = ? WHERE assessment_id = ? RETURNING assessment_id",
        [withdrawn, slug],
    ).fetchall()
    if not updated:
        return  # never loaded: nothing in the data tables to flag
    old, new = ("listed", "withdrawn") if withdrawn else ("withdrawn", "listed")
    conn.execute(
        "INSERT INTO report_change (run_id, assessment_id, change_kind, field, old_value, "
        "new_value) VALUES (?, ?, ?, 'listed', ?, ?)",
        [run_id, slug, "withdrawn" if withdrawn else "relisted", old, new],
    )


def held_reports(conn: duckdb.DuckDBPyConnection) -> int:
    """How many reports the warehouse holds as listed (loaded and not withdrawn): what a
    listing is compared with before a run trusts it."""
    row = conn.execute(
        "SELECT count(*) FROM assessment WHERE NOT coalesce(withdrawn, FALSE)"
    ).fetchone()
    return int(row[0]) if row else 0
