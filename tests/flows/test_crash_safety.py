"""A run killed mid-load, and a run that finds the warehouse in use, over the real CLI.

The first run is a real `cqc ingest` process killed with SIGKILL (with its Prefect server and
PDF workers) while it loads reports; the next normal run must leave the warehouse exactly as an
uninterrupted run does. DuckDB allows one writer: a run that finds the warehouse held waits
(up to CQC_LOCK_WAIT_S) or exits with one clear line.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from flows.ingest import nightly_ingest
from mirror.server import MirrorServer
from warehouse.db import BENCHMARK_TABLES, connect
from warehouse.load import TABLES

CQC = str(Path(sys.executable).parent / "cqc")
REPORTS = 20  # loading takes ~60 ms a report: room to kill it mid-load
# Tables compared between the interrupted-then-resumed warehouse and an uninterrupted one.
# assessment_version and report_change name the run that loaded each report, which differs by
# design (the resumed run is run 2), so they are compared without their run columns.
SAME = (*(t for t in TABLES if t != "local_authority"), *BENCHMARK_TABLES)


def snapshot(db: Path) -> dict[str, Any]:
    with connect(db, read_only=True) as conn:
        tables = {t: conn.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in SAME}
        tables["assessment_version"] = conn.execute(
            "SELECT assessment_id, version_no, content_sha256, valid_to_run IS NULL "
            "FROM assessment_version ORDER BY ALL"
        ).fetchall()
        tables["report_change"] = conn.execute(
            "SELECT assessment_id, change_kind, field, old_value, new_value "
            "FROM report_change ORDER BY ALL"
        ).fetchall()
    return tables


@pytest.fixture(scope="module")
def mirror() -> Iterator[MirrorServer]:
    with MirrorServer() as server:
        yield server


def cli_env(api_url: str, **extra: str) -> dict[str, str]:
    """The environment of a `cqc` process reporting to the session's Prefect server."""
    env = dict(os.environ)
    env.update(
        {
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
            "DO_NOT_TRACK": "1",
            "PREFECT_API_URL": api_url,
            **extra,
        }
    )
    return env


def test_a_run_killed_mid_load_then_a_normal_run_equals_an_uninterrupted_run(
    prefect_server: None, mirror: MirrorServer, tmp_path: Path, prefect_api_url: str
) -> None:
    db, archive = tmp_path / "killed" / "cqc.duckdb", tmp_path / "killed" / "raw"
    command = [
        CQC, "ingest", "--base-url", mirror.base_url, "--db", str(db), "--archive",
        str(archive), "--max-reports", str(REPORTS), "--min-interval", "0",
    ]  # fmt: skip
    log = tmp_path / "killed.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            command,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=cli_env(prefect_api_url),
            start_new_session=True,
        )
        try:
            deadline = time.monotonic() + 240
            # Kill it once it has loaded some reports and is loading more.
            while not re.search(r"\[3/\d+\] \S+ new", log.read_text(errors="replace")):
                assert process.poll() is None, log.read_text()[-3000:]
                assert time.monotonic() < deadline, log.read_text()[-3000:]
                time.sleep(0.05)
        finally:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)
    text = log.read_text(errors="replace")
    assert f"[{REPORTS}/{REPORTS}]" not in text, "the run finished before it was killed"

    run = partial(nightly_ingest, base_url=mirror.base_url, max_reports=REPORTS, min_interval_s=0.0)
    resumed = run(db=db, archive=archive)
    assert resumed.failed == 0 and resumed.reports_new >= REPORTS - 5
    with connect(db, read_only=True) as conn:
        runs = conn.execute("SELECT run_id, status FROM run_log ORDER BY run_id").fetchall()
    assert runs == [(1, "interrupted"), (2, "finished")]

    reference = tmp_path / "reference" / "cqc.duckdb"
    run(db=reference, archive=tmp_path / "reference" / "raw")
    assert snapshot(db) == snapshot(reference)
    with connect(db, read_only=True) as conn:
        assert conn.execute("SELECT count(*) FROM assessment").fetchone() == (REPORTS,)


@pytest.mark.e2e  # real cqc processes against the mirror
def test_a_run_that_finds_the_warehouse_in_use_waits_or_says_so(
    mirror: MirrorServer, tmp_path: Path, prefect_api_url: str
) -> None:
    db, archive = tmp_path / "cqc.duckdb", tmp_path / "raw"
    base = [
        CQC, "ingest", "--base-url", mirror.base_url, "--db", str(db), "--archive",
        str(archive), "--max-reports", "2", "--min-interval", "0",
    ]  # fmt: skip
    holder = connect(db)  # another writer: this test process
    try:
        refused = subprocess.run(
            base,
            capture_output=True,
            text=True,
            timeout=180,
            env=cli_env(prefect_api_url, CQC_LOCK_WAIT_S="0"),
        )
        assert refused.returncode == 1
        [message] = [line for line in refused.stderr.splitlines() if "ingest failed:" in line]
        assert f"is in use by {sys.executable}" in message or "is in use by " in message
        assert f"(PID {os.getpid()})" in message and "another run is writing it" in message
        assert "Traceback" not in refused.stderr

        log = tmp_path / "waiting.log"
        with log.open("w") as out:
            waiting = subprocess.Popen(
                base,
                stdout=out,
                stderr=subprocess.STDOUT,
                env=cli_env(prefect_api_url, CQC_LOCK_WAIT_S="120"),
            )
            deadline = time.monotonic() + 120
            while "waiting up to 120s" not in log.read_text(errors="replace"):
                assert waiting.poll() is None, log.read_text()[-3000:]
                assert time.monotonic() < deadline, log.read_text()[-3000:]
                time.sleep(0.1)
    finally:
        holder.close()  # the other writer finishes: the waiting run goes on
    assert waiting.wait(timeout=180) == 0, log.read_text()[-3000:]
    with connect(db, read_only=True) as conn:
        assert conn.execute("SELECT status, reports_new FROM run_log").fetchall() == [
            ("finished", 2)
        ]
