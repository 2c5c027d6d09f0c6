"""Where each report stands after a run (`warehouse.status`): loaded, not loaded since a run,
or withdrawn from the listing and back."""

from __future__ import annotations

from datetime import UTC, datetime

import duckdb

from warehouse.status import held_reports, save_report_status

STOKE, STAFFS, DURHAM = "stokeontrent-0625", "staffordshire-0525", "durham-0824"
PILOT = "birmingham-cc"
LISTED = [STOKE, STAFFS, DURHAM, PILOT]


def night(day: int) -> datetime:
    return datetime(2026, 11, day, 2, 0, tzinfo=UTC)


def block(conn: duckdb.DuckDBPyConnection, slug: str, reason: str) -> None:
    conn.execute(
        "INSERT INTO parse_issue (slug, stage, reason, parser_version, blocking) "
        "VALUES (?, 'validate', ?, 'test', TRUE)",
        [slug, reason],
    )


def statuses(conn: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, int, int]]:
    rows = conn.execute("SELECT slug, status, since_run, checked_run FROM report_status")
    return {slug: (status, since, checked) for slug, status, since, checked in rows.fetchall()}


def test_a_report_not_loaded_is_counted_every_run_since_the_run_it_first_failed(
    loaded: duckdb.DuckDBPyConnection,
) -> None:
    first = save_report_status(loaded, 1, night(1), LISTED, watch_listing=True)
    assert first.not_loaded == [] and first.withdrawn == []
    block(loaded, DURHAM, "unknown rating: 'Excellent'")
    block(loaded, "newcastle-0126", "statement 1 printed without a score")  # never loaded
    listed = [*LISTED, "newcastle-0126"]
    second = save_report_status(loaded, 2, night(2), listed, watch_listing=True)
    third = save_report_status(loaded, 3, night(3), listed, watch_listing=True)
    for done in (second, third):  # the same two, with the same age, on both nights
        assert [(n.slug, n.since_run, n.since) for n in done.not_loaded] == [
            (DURHAM, 2, night(2)),
            ("newcastle-0126", 2, night(2)),
        ]
    assert third.not_loaded[0].line() == (
        "not loaded since 2026-11-02 (run 2): validate: unknown rating: 'Excellent'"
    )
    assert statuses(loaded)[DURHAM] == ("not_loaded", 2, 3)
    assert statuses(loaded)[STOKE] == ("loaded", 1, 3)

    loaded.execute("DELETE FROM parse_issue WHERE slug = ?", [DURHAM])  # it loads again
    fourth = save_report_status(loaded, 4, night(4), listed, watch_listing=True)
    assert [n.slug for n in fourth.not_loaded] == ["newcastle-0126"]
    assert statuses(loaded)[DURHAM] == ("loaded", 4, 4)


def test_a_report_gone_from_the_listing_is_withdrawn_flagged_kept_and_back_when_listed(
    loaded: duckdb.DuckDBPyConnection,
) -> None:
    save_report_status(loaded, 1, night(1), LISTED, watch_listing=True)
    assert held_reports(loaded) == 4
    gone = save_report_status(loaded, 2, night(2), [STOKE, DURHAM, PILOT], watch_listing=True)
    assert gone.withdrawn == [STAFFS]
    again = save_report_status(loaded, 3, night(3), [STOKE, DURHAM, PILOT], watch_listing=True)
    assert again.withdrawn == []  # said once, on the night it went
    assert held_reports(loaded) == 3
    assert loaded.execute(
        "SELECT withdrawn, overall_rating FROM assessment WHERE assessment_id = ?", [STAFFS]
    ).fetchall() == [(True, "Good")]
    assert loaded.execute(
        "SELECT count(*) FROM latest_formal_assessment WHERE assessment_id = ?", [STAFFS]
    ).fetchall() == [(0,)]
    assert statuses(loaded)[STAFFS] == ("withdrawn", 2, 3)

    back = save_report_status(loaded, 4, night(4), LISTED, watch_listing=True)
    assert back.relisted == [STAFFS]
    assert loaded.execute(
        "SELECT run_id, change_kind, old_value, new_value FROM report_change "
        "WHERE assessment_id = ? AND change_kind IN ('withdrawn', 'relisted') ORDER BY run_id",
        [STAFFS],
    ).fetchall() == [
        (2, "withdrawn", "listed", "withdrawn"),
        (4, "relisted", "withdrawn", "listed"),
    ]
    assert loaded.execute(
        "SELECT withdrawn FROM assessment WHERE assessment_id = ?", [STAFFS]
    ).fetchall() == [(False,)]


def test_a_run_that_does_not_watch_the_listing_withdraws_nothing(
    loaded: duckdb.DuckDBPyConnection,
) -> None:
    """A reparse, or an ingest whose listing could not be read, names only part of it."""
    done = save_report_status(loaded, 1, night(1), [STOKE], watch_listing=False)
    assert done.withdrawn == []
    assert set(statuses(loaded)) == {STOKE}
    assert held_reports(loaded) == 4
