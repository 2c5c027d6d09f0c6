"""The rolling revalidation schedule: oldest first, a slice a night, everyone within a cycle."""

from __future__ import annotations

import pytest

from pipeline.schedule import due_for_revalidation


def test_oldest_checked_reports_come_first_and_never_checked_before_all() -> None:
    held = ["camden-0225", "durham-0824", "stokeontrent-0625", "staffordshire-0525"]
    checked = {"camden-0225": 5, "durham-0824": 2, "stokeontrent-0625": None}
    # 4 held, cycle of 2 -> 2 a night: the two without a recent check
    due = due_for_revalidation(held, checked, cycle_runs=2)
    assert due == {"stokeontrent-0625", "staffordshire-0525"}
    assert due_for_revalidation(held, checked, cycle_runs=4) == {"staffordshire-0525"}


def test_every_report_is_revalidated_within_one_cycle() -> None:
    held = [f"report-{n:03d}" for n in range(153)]
    checked: dict[str, int | None] = dict.fromkeys(held, 0)
    seen: set[str] = set()
    for run in range(1, 8):
        due = due_for_revalidation(held, checked, cycle_runs=7)
        assert len(due) == 22  # ceil(153 / 7)
        seen |= due
        checked.update(dict.fromkeys(due, run))
    assert seen == set(held)


def test_edge_cases() -> None:
    assert due_for_revalidation([], {}) == set()
    assert due_for_revalidation(["a"], {"a": 9}, cycle_runs=7) == {"a"}
    with pytest.raises(ValueError):
        due_for_revalidation(["a"], {}, cycle_runs=0)
