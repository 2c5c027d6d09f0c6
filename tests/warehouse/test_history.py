"""Run bookkeeping, the fetch log, page state and report history, in a real DuckDB."""

from __future__ import annotations

from datetime import UTC, datetime

import duckdb
import pytest

from tests.publish.written import with_qs1
from transform.records import Report
from warehouse.load import LOG_TABLES, STATE_TABLES, save_report
from warehouse.state import (
    FetchRecord,
    PageState,
    PageValidators,
    SourceRef,
    finish_run,
    listing_states,
    load_validators,
    log_fetches,
    mark_checked,
    report_check_ages,
    save_page_states,
    source_bodies,
    start_run,
)

BASE = "https://www.cqc.org.uk/care-services/local-authority-assessment-reports"
T0 = datetime(2026, 11, 23, 2, 0, 0)


def sha(n: int) -> str:
    return f"{n:064x}"


def history(conn: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[object, ...]]]:
    return {
        t: conn.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
        for t in ("assessment_version", "report_change")
    }


# --- runs -------------------------------------------------------------------------------------


def test_runs_are_numbered_and_finished(conn) -> None:
    first = start_run(
        conn, base_url=BASE, mode="ingest", full=False, parser_version="p1", started_at=T0
    )
    second = start_run(
        conn,
        base_url=BASE,
        mode="reparse",
        full=True,
        parser_version="p2",
        started_at=datetime(2026, 11, 24, 2, 0, tzinfo=UTC),
    )
    assert (first, second) == (1, 2)
    finish_run(
        conn,
        first,
        finished_at=datetime(2026, 11, 23, 2, 5, 30),
        status="finished",
        counts={"pages_fetched": 40, "pages_not_modified": 100, "bytes_fetched": 123_456},
    )
    fin, zero = (40, 100, 0, 123_456, 0), (0, 0, 0, 0, 0)
    rows = conn.execute(
        'SELECT run_id, started_at, finished_at, mode, "full", parser_version, status, '
        "pages_fetched, pages_not_modified, pages_failed, bytes_fetched, reports_skipped "
        "FROM ingest_run ORDER BY run_id"
    ).fetchall()
    assert rows == [
        (1, T0, datetime(2026, 11, 23, 2, 5, 30), "ingest", False, "p1", "finished", *fin),
        (2, datetime(2026, 11, 24, 2, 0), None, "reparse", True, "p2", "running", *zero),
    ]


def test_finish_run_rejects_unknown_counters_and_runs(conn) -> None:
    run = start_run(
        conn, base_url=BASE, mode="ingest", full=False, parser_version="p", started_at=T0
    )
    with pytest.raises(ValueError, match="pages_eaten"):
        finish_run(conn, run, finished_at=T0, status="finished", counts={"pages_eaten": 1})
    with pytest.raises(KeyError):
        finish_run(conn, 99, finished_at=T0, status="failed", counts={})
    assert conn.execute("SELECT status FROM ingest_run").fetchall() == [("running",)]


def test_bad_mode_is_refused(conn) -> None:
    with pytest.raises(duckdb.ConstraintException):
        start_run(conn, base_url=BASE, mode="guess", full=False, parser_version="p", started_at=T0)
    assert conn.execute("SELECT count(*) FROM ingest_run").fetchone() == (0,)


# --- fetch log --------------------------------------------------------------------------------


def test_fetch_log_appends(conn) -> None:
    ok = FetchRecord(
        url=f"{BASE}/stokeontrent-0625",
        requested_at=T0,
        status=200,
        not_modified=False,
        byte_count=5120,
        sha256=sha(1),
        etag='"abc"',
        last_modified="Fri, 20 Jun 2025 10:00:00 GMT",
        duration_ms=85,
        error=None,
    )
    not_modified = FetchRecord(
        url=f"{BASE}/stokeontrent-0625",
        requested_at=datetime(2026, 11, 24, 2, 0, tzinfo=UTC),
        status=304,
        not_modified=True,
        byte_count=None,
        sha256=None,
        etag='"abc"',
        last_modified=None,
        duration_ms=12,
        error=None,
    )
    failed = FetchRecord(
        url=f"{BASE}/durham-0824",
        requested_at=T0,
        status=None,
        not_modified=False,
        byte_count=None,
        sha256=None,
        etag=None,
        last_modified=None,
        duration_ms=30_000,
        error="timed out",
    )
    log_fetches(conn, 1, [ok, failed])
    log_fetches(conn, 2, [not_modified])
    log_fetches(conn, 2, [])
    rows = conn.execute("SELECT * FROM fetch_log ORDER BY run_id, url").fetchall()
    lm, t1 = ("Fri, 20 Jun 2025 10:00:00 GMT", 85, None), datetime(2026, 11, 24, 2, 0)
    assert rows == [
        (1, f"{BASE}/durham-0824", T0, None, False, None, None, None, None, 30_000, "timed out"),
        (1, f"{BASE}/stokeontrent-0625", T0, 200, False, 5120, sha(1), '"abc"', *lm),
        (2, f"{BASE}/stokeontrent-0625", t1, 304, True, None, None, '"abc"', None, 12, None),
    ]


# --- page state -------------------------------------------------------------------------------


def state(url: str, n: int, *, changed: bool, kind: str = "about", owner: str | None = "a-1"):
    return PageState(
        url=url,
        assessment_id=owner,
        page_kind=kind,
        sha256=sha(n),
        etag=f'"e{n}"',
        last_modified=None,
        content_type="text/html",
        byte_count=100 + n,
        changed=changed,
    )


def runs_of(conn: duckdb.DuckDBPyConnection, url: str) -> tuple[object, ...] | None:
    return conn.execute(
        "SELECT sha256, etag, first_seen_run, last_checked_run, last_changed_run "
        "FROM page_state WHERE url = ?",
        [url],
    ).fetchone()


def test_page_state_upsert(conn) -> None:
    a, b = f"{BASE}/a-1", f"{BASE}/a-1-summary"
    save_page_states(conn, 1, [state(a, 1, changed=True), state(b, 2, changed=True)])
    assert runs_of(conn, a) == (sha(1), '"e1"', 1, 1, 1)
    # Same body in run 2: checked, not changed, first seen kept.
    save_page_states(conn, 2, [state(a, 1, changed=False)])
    assert runs_of(conn, a) == (sha(1), '"e1"', 1, 2, 1)
    # New body in run 3.
    save_page_states(conn, 3, [state(a, 3, changed=True)])
    assert runs_of(conn, a) == (sha(3), '"e3"', 1, 3, 3)
    # A different sha counts as a change even if the caller says otherwise.
    save_page_states(conn, 4, [state(a, 4, changed=False)])
    assert runs_of(conn, a) == (sha(4), '"e4"', 1, 4, 4)
    # A new URL is changed on its first run, whatever the flag.
    c = f"{BASE}/a-1-qs1"
    save_page_states(conn, 4, [state(c, 5, changed=False, kind="quality_statement")])
    assert runs_of(conn, c) == (sha(5), '"e5"', 4, 4, 4)
    assert runs_of(conn, b) == (sha(2), '"e2"', 1, 1, 1)


def test_mark_checked_and_validators(conn) -> None:
    a, b = f"{BASE}/a-1", f"{BASE}/a-1-summary"
    save_page_states(conn, 1, [state(a, 1, changed=True), state(b, 2, changed=True)])
    mark_checked(conn, 2, [a, a, f"{BASE}/never-seen"])
    mark_checked(conn, 3, [])
    assert runs_of(conn, a) == (sha(1), '"e1"', 1, 2, 1)
    assert runs_of(conn, b) == (sha(2), '"e2"', 1, 1, 1)
    assert load_validators(conn) == {
        a: PageValidators(a, '"e1"', None, sha(1), "text/html", "a-1", "about", 2),
        b: PageValidators(b, '"e2"', None, sha(2), "text/html", "a-1", "about", 1),
    }


def test_report_check_ages(loaded, reports) -> None:
    stoke, durham = reports.stoke.slug, reports.durham.slug
    save_page_states(
        loaded,
        1,
        [
            state(f"{BASE}/{stoke}", 1, changed=True, owner=stoke),
            state(f"{BASE}/{stoke}-summary", 2, changed=True, owner=stoke),
            state(f"{BASE}/{durham}", 3, changed=True, owner=durham),
            state(f"{BASE}/failed-1", 4, changed=True, owner="failed-1"),
            state(f"{BASE}?page=1", 5, changed=True, kind="listing", owner=None),
        ],
    )
    mark_checked(loaded, 2, [f"{BASE}/{stoke}", f"{BASE}/{durham}"])
    ages = report_check_ages(loaded)
    assert ages == {
        stoke: 1,  # its summary was last checked in run 1
        durham: 2,
        "failed-1": 1,
        reports.staffordshire.slug: None,
        reports.birmingham_pilot.slug: None,
    }


def test_listing_states_in_first_seen_order(conn) -> None:
    pages = [f"{BASE}?page={n}" for n in (1, 2, 10)]
    save_page_states(
        conn,
        1,
        [state(u, n, changed=True, kind="listing", owner=None) for n, u in enumerate(pages[:2])],
    )
    save_page_states(conn, 2, [state(pages[0], 0, changed=False, kind="listing", owner=None)])
    save_page_states(conn, 2, [state(pages[2], 7, changed=True, kind="listing", owner=None)])
    save_page_states(conn, 2, [state(f"{BASE}/a-1", 8, changed=True)])
    assert [v.url for v in listing_states(conn)] == pages


# --- history ----------------------------------------------------------------------------------


def test_first_save_is_version_one(conn, reports, save) -> None:
    save(conn, reports.stoke, run_id=1)
    rows = conn.execute(
        "SELECT assessment_id, version_no, is_current, valid_from_run, valid_to_run, "
        "overall_rating, overall_score_pct, qs1, qs2, qs3, qs4, qs5, qs6, qs7, qs8, qs9 "
        "FROM assessment_history"
    ).fetchall()
    assert rows == [(reports.stoke.slug, 1, True, 1, None, "Good", 64, 2, 2, 2, 3, 3, 2, 3, 3, 3)]
    assert conn.execute("SELECT * FROM report_change").fetchall() == [
        (1, reports.stoke.slug, "new_report", "slug", None, reports.stoke.slug)
    ]


def test_save_returns_the_changes(conn, reports) -> None:
    kwargs = {"la_code": reports.la_code(reports.stoke), "parser_version": "p"}
    first = save_report(conn, reports.stoke, run_id=1, **kwargs)
    assert [c.change_kind for c in first] == ["new_report"]
    assert save_report(conn, reports.stoke, run_id=2, **kwargs) == []
    changed = save_report(conn, with_qs1(reports.stoke, 3, 67), run_id=3, **kwargs)
    assert [(c.change_kind, c.field, c.old_value, c.new_value) for c in changed] == [
        ("score_pct_changed", "overall_score_pct", "64", "67"),
        ("statement_score_changed", "qs1", "2", "3"),
    ]


def test_same_report_twice_adds_no_version(conn, reports, save, snapshot) -> None:
    save(conn, reports.stoke, run_id=1)
    before, before_history = snapshot(conn), history(conn)
    save(conn, reports.stoke, run_id=2)
    assert snapshot(conn) == before
    assert history(conn) == before_history
    assert conn.execute("SELECT count(*) FROM assessment_version").fetchone() == (1,)
    assert conn.execute("SELECT count(*) FROM report_change WHERE run_id = 2").fetchone() == (0,)


def test_changed_qs1_makes_version_two(conn, reports, save) -> None:
    save(conn, reports.stoke, run_id=1)
    save(conn, with_qs1(reports.stoke, 3, 67), run_id=2)
    rows = conn.execute(
        "SELECT version_no, is_current, valid_from_run, valid_to_run, overall_score_pct, qs1, "
        "qs2 FROM assessment_history WHERE assessment_id = ? ORDER BY version_no",
        [reports.stoke.slug],
    ).fetchall()
    assert rows == [(1, False, 1, 2, 64, 2, 2), (2, True, 2, None, 67, 3, 2)]
    changes = conn.execute(
        "SELECT change_kind, field, old_value, new_value FROM report_change "
        "WHERE run_id = 2 AND assessment_id = ? ORDER BY change_kind",
        [reports.stoke.slug],
    ).fetchall()
    assert changes == [
        ("score_pct_changed", "overall_score_pct", "64", "67"),
        ("statement_score_changed", "qs1", "2", "3"),
    ]
    # The current rows are version 2's; version 1 stays whole in report_json.
    assert conn.execute(
        "SELECT overall_score_pct FROM assessment WHERE assessment_id = ?", [reports.stoke.slug]
    ).fetchone() == (67,)
    old_json = conn.execute(
        "SELECT report_json FROM assessment_version WHERE assessment_id = ? AND version_no = 1",
        [reports.stoke.slug],
    ).fetchone()
    assert old_json is not None
    assert Report.model_validate_json(old_json[0]) == reports.stoke
    assert conn.execute(
        "SELECT report_json->>'$.overall_score_pct' FROM assessment_version "
        "WHERE assessment_id = ? ORDER BY version_no",
        [reports.stoke.slug],
    ).fetchall() == [("64",), ("67",)]


def test_changing_back_is_a_third_version(conn, reports, save) -> None:
    save(conn, reports.stoke, run_id=1)
    save(conn, with_qs1(reports.stoke, 3, 67), run_id=2)
    save(conn, reports.stoke, run_id=3)
    rows = conn.execute(
        "SELECT version_no, valid_from_run, valid_to_run, qs1 FROM assessment_history "
        "ORDER BY version_no"
    ).fetchall()
    assert rows == [(1, 1, 2, 2), (2, 2, 3, 3), (3, 3, None, 2)]


def test_failed_save_leaves_history_untouched(loaded, reports, save, snapshot) -> None:
    before, before_history = snapshot(loaded), history(loaded)
    broken = with_qs1(reports.stoke, 3, 67).model_copy(
        update={
            "quality_statements": [
                *reports.stoke.quality_statements,
                reports.stoke.quality_statements[0],
            ]
        }
    )
    with pytest.raises(ValueError, match="appears twice"):
        save(loaded, broken, run_id=5)
    assert snapshot(loaded) == before
    assert history(loaded) == before_history


def test_log_and_state_tables_are_named(conn) -> None:
    assert STATE_TABLES == ("page_state", "report_status", "pdf_parse", "care_source")
    assert set(LOG_TABLES) == {
        "ingest_run",
        "fetch_log",
        "assessment_version",
        "report_change",
        "benchmark_refresh",
    }


# --- reparse ----------------------------------------------------------------------------------


def test_source_bodies_prefer_page_state(loaded, reports) -> None:
    stoke = reports.stoke
    about, summary = stoke.page_urls
    # The about page has a newer body in page_state; the summary is only in source_page.
    save_page_states(loaded, 2, [state(about, 99, changed=True, owner=stoke.slug)])
    # A page of a report that never loaded is still offered for reparsing.
    save_page_states(loaded, 2, [state(f"{BASE}/failed-1", 98, changed=True, owner="failed-1")])
    save_page_states(
        loaded, 2, [state(f"{BASE}?page=1", 97, changed=True, kind="listing", owner=None)]
    )
    bodies = source_bodies(loaded)
    assert bodies[stoke.slug] == [
        SourceRef(url=about, page_kind="about", sha256=sha(99), content_type="text/html"),
        SourceRef(
            url=summary,
            page_kind="summary",
            sha256=sha(1),
            content_type="text/html; charset=utf-8",
        ),
    ]
    assert bodies["failed-1"] == [
        SourceRef(
            url=f"{BASE}/failed-1", page_kind="about", sha256=sha(98), content_type="text/html"
        )
    ]
    assert set(bodies) == {r.slug for r in reports.all} | {"failed-1"}
    assert [v.sha256 for v in listing_states(loaded)] == [sha(97)]
