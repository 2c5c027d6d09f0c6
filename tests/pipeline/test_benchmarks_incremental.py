"""`cqc refresh-benchmarks` without Prefect (pipeline.benchmarks.rebuild_benchmarks): a refresh
run whose inputs had not changed keeps the tables, logs its refresh, and reports the same
figures; one forced rebuilds."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from pipeline.benchmarks import rebuild_benchmarks
from pipeline.settings import Settings
from warehouse.db import connect


@pytest.fixture
def settings(templates: dict[str, Path], tmp_path: Path) -> Settings:
    """A copy of the four-report warehouse, never refreshed."""
    db = tmp_path / "cqc.duckdb"
    shutil.copyfile(templates["loaded"], db)
    return Settings(db=db, archive=tmp_path / "raw")


def test_a_refresh_run_with_nothing_changed_keeps_the_tables(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="cqc")
    first = rebuild_benchmarks(settings, None)
    caplog.clear()
    second = rebuild_benchmarks(settings, None)
    assert (first.rebuilt, second.rebuilt) == (True, False)
    assert (second.councils_ranked, second.pilots, second.search_documents) == (
        first.councils_ranked,
        first.pilots,
        first.search_documents,
    )
    assert (first.reports_indexed, second.reports_indexed) == (4, 0)
    said = [record.getMessage() for record in caplog.records]
    assert said == [
        f"benchmarks kept, their inputs unchanged (#2, run 2): {first.councils_ranked} "
        f"councils ranked, {first.pilots} pilots kept apart",
        f"search index up to date: {first.search_documents} texts, 0 reports indexed again",
    ]
    forced = rebuild_benchmarks(settings, None, force=True)
    assert (forced.rebuilt, forced.reports_indexed) == (True, 4)
    with connect(settings.db, read_only=True) as conn:
        logged = conn.execute(
            "SELECT r.run_id, i.mode, i.status, r.rebuilt FROM benchmark_refresh AS r "
            "JOIN ingest_run AS i USING (run_id) ORDER BY r.refresh_id"
        ).fetchall()
    assert logged == [
        (1, "refresh", "finished", True),
        (2, "refresh", "finished", False),
        (3, "refresh", "finished", True),
    ]
