"""Which held reports to revalidate tonight.

Revalidating every page of every report at a polite 1 s interval costs over half an hour a
night for nothing, so each run revalidates a slice: the reports checked longest ago first,
enough of them that every report is checked at least once every `cycle_runs` runs. Reports
new to the listing are always fetched; `--full` revalidates everything.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping


def due_for_revalidation(
    held: Collection[str],
    last_checked_run: Mapping[str, int | None],
    *,
    cycle_runs: int = 7,
) -> set[str]:
    """The slugs of held reports to revalidate this run: the oldest-checked ceil(n / cycle).

    A held report with no recorded check counts as oldest; ties go by slug, so the choice is
    deterministic.
    """
    if cycle_runs < 1:
        raise ValueError(f"cycle_runs must be at least 1, not {cycle_runs}")
    if not held:
        return set()
    count = math.ceil(len(held) / cycle_runs)

    def age_key(slug: str) -> tuple[int, int, str]:
        checked = last_checked_run.get(slug)
        return (0, 0, slug) if checked is None else (1, checked, slug)

    return set(sorted(held, key=age_key)[:count])
