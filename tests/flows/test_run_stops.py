"""How a run ends when it must stop: a signal, an archive it cannot write, a site that asks
for more patience than a run has. Real `cqc ingest` processes against the mirror."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mirror.server import Fault, MirrorServer
from warehouse.db import connect

CQC = str(Path(sys.executable).parent / "cqc")
REPORTS = "/care-services/local-authority-assessment-reports"

pytestmark = pytest.mark.e2e


def cli_env(tmp_path: Path, api_url: str | None, **extra: str) -> dict[str, str]:
    """The environment of a `cqc` process: with `api_url` it reports to the session's Prefect
    server, without one it runs the pipeline without Prefect, as on a fresh machine."""
    env = dict(os.environ)
    env.update(
        {
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
            "DO_NOT_TRACK": "1",
            "PREFECT_HOME": str(tmp_path / "prefect"),
            **extra,
        }
    )
    if api_url is not None:
        env["PREFECT_API_URL"] = api_url
    return env


def ingest(server: MirrorServer, tmp_path: Path, *extra: str) -> list[str]:
    return [
        CQC, "ingest", "--base-url", server.base_url, "--db", str(tmp_path / "cqc.duckdb"),
        "--archive", str(tmp_path / "raw"), "--min-interval", "0", *extra,
    ]  # fmt: skip


def session_processes(sid: int) -> list[str]:
    """The processes still alive in a session (the CLI started one of its own)."""
    out = subprocess.run(
        ["ps", "-eo", "sid=,pid=,args="], capture_output=True, text=True, check=True
    ).stdout
    return [line for line in out.splitlines() if line.split(None, 1)[0] == str(sid)]


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_ends_the_run_cleanly_and_leaves_no_process(
    tmp_path: Path, signum: signal.Signals
) -> None:
    """Stopped while it waits on a slow page: it exits 128 + the signal, its run row is
    closed as failed (not left running), the lock is released, and neither it nor its
    PDF worker process is left behind."""
    slow = f"{REPORTS}/croydon-1025-summary"
    with MirrorServer(faults={slow: Fault(0, delay_s=60)}) as server:
        process = subprocess.Popen(
            ingest(server, tmp_path, "--max-reports", "2"),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env=cli_env(tmp_path, None),  # no Prefect: its PDF worker may not be left behind
            start_new_session=True,
        )
        deadline = time.monotonic() + 120
        while slow not in server.arrivals:
            assert process.poll() is None, process.communicate()[0][-3000:]
            assert time.monotonic() < deadline
            time.sleep(0.05)
        process.send_signal(signum)
        output, _ = process.communicate(timeout=60)
    text = output.decode(errors="replace")
    assert process.returncode == 128 + signum, text[-3000:]
    assert f"stopped by {signum.name}" in text
    time.sleep(1)  # a child that outlived its parent would still be here
    assert session_processes(process.pid) == []
    with connect(tmp_path / "cqc.duckdb") as conn:  # writable: the lock is free
        runs = conn.execute("SELECT run_id, status, finished_at IS NOT NULL FROM run_log")
        assert runs.fetchall() == [(1, "failed", True)]


def test_an_archive_that_cannot_be_written_stops_the_run_with_one_line(
    tmp_path: Path, prefect_api_url: str
) -> None:
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "warc").write_text("a file where the WARC directory should be")
    with MirrorServer() as server:
        done = subprocess.run(
            ingest(server, tmp_path, "--max-reports", "1"),
            capture_output=True,
            text=True,
            env=cli_env(tmp_path, prefect_api_url),
            timeout=300,
        )
        assert not server.requests  # nothing fetched that could not be archived
    assert done.returncode == 1, done.stdout + done.stderr
    assert "cannot be written" in done.stderr and "Traceback" not in done.stderr
    with connect(tmp_path / "cqc.duckdb", read_only=True) as conn:
        assert conn.execute("SELECT status FROM run_log").fetchall() == [("failed",)]


def test_a_crawl_delay_above_the_cap_stops_the_run_naming_it(
    tmp_path: Path, prefect_api_url: str
) -> None:
    with MirrorServer(robots_txt="User-agent: *\nCrawl-delay: 99999\n") as server:
        done = subprocess.run(
            ingest(server, tmp_path),
            capture_output=True,
            text=True,
            env=cli_env(tmp_path, prefect_api_url),
            timeout=300,
        )
        assert [r.path for r in server.requests] == ["/robots.txt"]
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Crawl-delay: 99999 s, above the 60 s" in done.stderr
    assert "Traceback" not in done.stderr
    with connect(tmp_path / "cqc.duckdb", read_only=True) as conn:
        assert conn.execute("SELECT status FROM run_log").fetchall() == [("failed",)]


def test_a_run_with_reports_not_loaded_says_so_in_its_exit_status_every_night(
    tmp_path: Path, prefect_api_url: str
) -> None:
    """The mirror's three pilots without scores never load: exit 3, for cron to see, on the
    first night and on the next, when their bytes have not changed and nothing re-reads
    them; both nights count and name them, with the run since which they have not loaded."""
    with MirrorServer() as server:
        nights = [
            subprocess.run(
                ingest(server, tmp_path),
                capture_output=True,
                text=True,
                env=cli_env(tmp_path, prefect_api_url, CQC_PDFS="false"),
                timeout=600,
            )
            for _ in range(2)
        ]
    for night, done in enumerate(nights, start=1):
        assert done.returncode == 3, done.stdout[-2000:] + done.stderr[-2000:]
        assert "3 not loaded" in done.stdout
        for pilot in ("lincolnshire-cc", "northlincolnshire-cc", "suffolk-cc"):
            assert re.search(
                rf"{pilot} not loaded since \d{{4}}-\d\d-\d\d \(run 1\): validate: ", done.stdout
            ), (night, done.stdout)
    assert "0 new" in nights[1].stdout and "0 changed" in nights[1].stdout
    with connect(tmp_path / "cqc.duckdb", read_only=True) as conn:
        assert conn.execute(
            "SELECT run_id, reports_failed FROM ingest_run ORDER BY run_id"
        ).fetchall() == [(1, 3), (2, 3)]


def test_a_warehouse_in_a_place_that_cannot_be_written_is_one_line(
    tmp_path: Path, prefect_api_url: str
) -> None:
    with MirrorServer() as server:
        command = ingest(server, tmp_path)
        command[command.index("--db") + 1] = "/proc/self/no-such-dir/cqc.duckdb"
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            env=cli_env(tmp_path, prefect_api_url),
            timeout=300,
        )
        assert not server.requests
    assert done.returncode == 1, done.stdout + done.stderr
    assert "cannot be opened" in done.stderr and "Traceback" not in done.stderr


def test_a_warehouse_written_by_a_newer_duckdb_is_one_line_for_ingest_and_refresh(
    tmp_path: Path, newer_duckdb_file: Path, prefect_api_url: str
) -> None:
    """Real processes, as cron runs them: one line naming both versions, exit 1, the site
    never asked, the file untouched."""
    size = newer_duckdb_file.stat().st_size
    with MirrorServer() as server:
        command = ingest(server, tmp_path)
        command[command.index("--db") + 1] = str(newer_duckdb_file)
        refresh = [CQC, "refresh-benchmarks", "--db", str(newer_duckdb_file)]
        for args in (command, refresh):
            done = subprocess.run(
                args,
                capture_output=True,
                text=True,
                env=cli_env(tmp_path, prefect_api_url),
                timeout=300,
            )
            assert done.returncode == 1, done.stdout + done.stderr
            assert "written by a newer DuckDB than this program's 1.5.5" in done.stderr
            assert "Traceback" not in done.stdout + done.stderr
        assert not server.requests
    assert newer_duckdb_file.stat().st_size == size


def data_tables(db: Path) -> dict[str, list[tuple[object, ...]]]:
    from warehouse.load import TABLES

    with connect(db, read_only=True) as conn:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in TABLES}


def test_a_site_whose_pages_changed_keeps_the_last_good_tables_and_says_so(
    tmp_path: Path, site_copy: Path, prefect_api_url: str
) -> None:
    """Every summary page rewritten so that no report can be read: the run loads nothing,
    exits 1 with one line naming how many reports no longer parse, and every data table is
    as the last good run left it."""
    env = cli_env(tmp_path, prefect_api_url, CQC_PDFS="false")
    with MirrorServer(site_copy) as server:
        first = subprocess.run(
            ingest(server, tmp_path, "--max-reports", "12"),
            capture_output=True, text=True, env=env, timeout=600,
        )  # fmt: skip
    assert first.returncode == 0, first.stdout[-2000:] + first.stderr[-2000:]
    before = data_tables(tmp_path / "cqc.duckdb")
    assert len(before["assessment"]) == 12
    for page in site_copy.rglob("*summary.html"):
        page.write_text(
            "<html><head><title>Overall summary</title></head><body><main>"
            "<h1>This page has moved</h1><p>Our reports have a new home.</p></main></body></html>"
        )
    with MirrorServer(site_copy) as server:
        second = subprocess.run(
            ingest(server, tmp_path, "--max-reports", "12", "--full"),
            capture_output=True, text=True, env=env, timeout=600,
        )  # fmt: skip
    assert second.returncode == 1, second.stdout[-2000:] + second.stderr[-2000:]
    assert "the site's pages changed: 12 of 12 reports no longer parse" in second.stderr
    assert "Traceback" not in second.stderr
    assert data_tables(tmp_path / "cqc.duckdb") == before
    with connect(tmp_path / "cqc.duckdb", read_only=True) as conn:
        statuses = conn.execute("SELECT status FROM run_log ORDER BY run_id").fetchall()
    assert statuses[-1] == ("failed",)
