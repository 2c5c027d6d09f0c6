"""prefect.yaml, deployed for real: a Prefect server and a process worker as subprocesses.

The other flow tests call the flows in-process; only this one proves that `prefect deploy --all`
accepts prefect.yaml, that a worker can load and run the deployed code from this checkout, that
deployment parameters reach the flow, that the server's scheduler creates the 02:00 runs, and
that the concurrency limit holds an overlapping run back until the first has finished (rather
than letting it start and block on the DuckDB file lock). It costs one full ingest of the
offline mirror (~2.5-3 min) plus ~1 min of server, deploy, worker and the two later runs.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from itertools import pairwise
from pathlib import Path
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

import httpx
import pytest
from prefect.client.orchestration import SyncPrefectClient
from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterDeploymentId
from prefect.client.schemas.objects import FlowRun, StateType

from mirror.server import MirrorServer
from warehouse.db import connect

pytestmark = pytest.mark.e2e  # a real Prefect server, worker and deployment

REPO = Path(__file__).resolve().parents[2]
PREFECT = Path(sys.executable).parent / "prefect"  # the venv's CLI, beside the test's python
NIGHTLY = "nightly_ingest/nightly-ingest"
DEPLOYMENTS = {  # deployment name -> (flow name, entrypoint, parameters in prefect.yaml)
    "nightly-ingest": (
        "nightly_ingest",
        "flows/ingest.py:nightly_ingest",
        {"base_url": None, "db": None, "archive": None},
    ),
    "reparse": ("reparse", "flows/reparse.py:reparse", {"db": None, "archive": None}),
    "refresh-benchmarks": (
        "refresh_benchmarks",
        "flows/benchmarks.py:refresh_benchmarks",
        {"db": None},
    ),
    "monthly-providers": (
        "monthly_providers",
        "flows/providers.py:monthly_providers",
        {"base_url": None, "db": None, "archive": None},
    ),
}
SCHEDULES = {  # deployment name -> (cron, timezone); the others run when asked
    "nightly-ingest": ("0 2 * * *", "Europe/London"),
    "monthly-providers": ("0 4 3 * *", "Europe/London"),
}
# Data tables a re-run of the unchanged mirror must leave exactly as they were.
DATA_TABLES = (
    "assessment",
    "quality_statement_score",
    "key_finding",
    "assessment_version",
    "league_table",
    "regional_benchmark",
)
SERVER_START_S = 120.0
FIRST_RUN_S = 600.0
LATER_RUN_S = 300.0
FINAL = {StateType.COMPLETED, StateType.FAILED, StateType.CRASHED, StateType.CANCELLED}


def free_port() -> int:
    """A port nothing listens on now (the server binds it a moment later)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def clean_env(**extra: str) -> dict[str, str]:
    """This environment without any PREFECT_* or CQC_* setting of the caller's, plus `extra`,
    so the subprocesses talk only to the test's server and write only under tmp_path."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "CQC_"))}
    env.update(
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        DO_NOT_TRACK="1",
        PYTHONUNBUFFERED="1",
        COLUMNS="200",  # keep rich's output (the flow run id) on one line
    )
    env.update(extra)
    return env


@dataclass
class Background:
    """A subprocess in its own session (so it is ended with all its children), logged to a
    file."""

    name: str
    log: Path
    process: subprocess.Popen[bytes]

    @classmethod
    def start(cls, name: str, args: list[str], env: dict[str, str], log: Path) -> Background:
        with log.open("wb") as out:
            process = subprocess.Popen(
                args,
                cwd=REPO,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        return cls(name, log, process)

    def stop(self) -> None:
        """SIGTERM to the whole process group, SIGKILL if it is still there after 20 s."""
        for sig, wait_s in ((signal.SIGTERM, 20.0), (signal.SIGKILL, 10.0)):
            try:
                os.killpg(self.process.pid, sig)
            except ProcessLookupError:
                break
            try:
                self.process.wait(timeout=wait_s)
                # The leader is gone; its children may not be.
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                break
            except subprocess.TimeoutExpired:
                continue
            break

    def tail(self, lines: int = 60) -> str:
        text = self.log.read_text(encoding="utf-8", errors="replace").splitlines()
        return f"----- {self.name} ({self.log}), last {lines} lines -----\n" + "\n".join(
            text[-lines:]
        )


@dataclass
class Stack:
    """The running server and worker, the mirror they ingest, and where the runs write."""

    api_url: str
    env: dict[str, str] = field(repr=False)
    mirror_url: str
    db: Path
    archive: Path
    decoy: Path  # where the worker's CQC_* env points: parameters must win over it
    server: Background
    worker: Background | None = None
    scheduled: list[datetime] = field(default_factory=list)  # seen before the pause
    command_log: list[str] = field(default_factory=list, repr=False)

    def client(self) -> SyncPrefectClient:
        return SyncPrefectClient(self.api_url)

    def logs(self) -> str:
        """Everything needed to see why a run went wrong: CLI output, server and worker logs."""
        parts = [*self.command_log[-6:], self.server.tail()]
        if self.worker:
            parts.append(self.worker.tail(120))
        return "\n".join(parts)

    def prefect(self, *args: str, timeout: float = 120.0) -> str:
        """Run the prefect CLI against the test server; fail with its output if it fails."""
        done = subprocess.run(
            [str(PREFECT), *args],
            cwd=REPO,
            env=self.env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        out = done.stdout + done.stderr
        self.command_log.append(f"----- prefect {' '.join(args)} -> {done.returncode}\n{out}")
        assert done.returncode == 0, self.logs()
        return out

    def trigger_nightly(self) -> UUID:
        """`prefect deployment run` with every path as a parameter; the new flow run's id."""
        return flow_run_id(self.prefect(*self.nightly_args()))

    def nightly_args(self) -> list[str]:
        return [
            "deployment",
            "run",
            NIGHTLY,
            "--param",
            f"base_url={self.mirror_url}",
            "--param",
            f"db={self.db}",
            "--param",
            f"archive={self.archive}",
            "--param",
            "min_interval_s=0",  # our own loopback mirror: no politeness gap needed
        ]

    def wait_final(self, run_id: UUID, timeout_s: float) -> FlowRun:
        """Poll the API until the flow run is in a final state."""
        deadline = time.monotonic() + timeout_s
        with self.client() as client:
            while True:
                run = client.read_flow_run(run_id)
                if run.state is not None and run.state.type in FINAL:
                    return run
                assert self.worker and self.worker.process.poll() is None, (
                    "the worker died\n" + self.logs()
                )
                assert time.monotonic() < deadline, (
                    f"flow run {run_id} still {run.state_name} after {timeout_s:.0f} s\n"
                    + self.logs()
                )
                time.sleep(2.0)


def flow_run_id(cli_output: str) -> UUID:
    """The id `prefect deployment run` prints as `UUID: ...`."""
    match = re.search(r"UUID:\s*([0-9a-f-]{36})", cli_output)
    assert match, cli_output
    return UUID(match.group(1))


def wait_healthy(api_url: str, server: Background) -> None:
    """Prefect's server takes 10-20 s (more on a busy machine) to answer /health."""
    deadline = time.monotonic() + SERVER_START_S
    while time.monotonic() < deadline:
        assert server.process.poll() is None, "the server exited\n" + server.tail()
        try:
            if httpx.get(f"{api_url}/health", timeout=2.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"no /health after {SERVER_START_S:.0f} s\n" + server.tail())


def scheduled_starts(stack: Stack, deployment_id: UUID, wait_s: float) -> list[datetime]:
    """The start times of the runs the server's scheduler created, waiting up to `wait_s`."""
    deadline = time.monotonic() + wait_s
    with stack.client() as client:
        while True:
            runs = client.read_flow_runs(
                flow_run_filter=FlowRunFilter(
                    deployment_id=FlowRunFilterDeploymentId(any_=[deployment_id])
                )
            )
            starts = sorted(r.expected_start_time for r in runs if r.auto_scheduled)
            if starts or time.monotonic() > deadline:
                return starts
            time.sleep(1.0)


def snapshot(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the data tables; the connection is closed again at once, because DuckDB
    lets no other process write the file while we hold it open."""
    with connect(db, read_only=True) as conn:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in DATA_TABLES}


def query(db: Path, sql: str) -> list[tuple[Any, ...]]:
    with connect(db, read_only=True) as conn:
        return conn.execute(sql).fetchall()


@pytest.fixture(scope="module")
def stack(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[Stack]:
    """Server up, pool created, `prefect deploy --all` done, mirror and worker running.

    The nightly schedule is switched off once the scheduler has been seen to create its runs,
    so no 02:00 run can start in the middle of the test.
    """
    tmp = tmp_path_factory.mktemp("prefect-deploy")
    port = free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    env = clean_env(PREFECT_HOME=str(tmp / "prefect-home"), PREFECT_API_URL=api_url)
    server_env = {
        **env,
        # A run refused a slot is retried after this long (default 30 s): keeps the test short.
        "PREFECT_SERVER_DEPLOYMENTS_CONCURRENCY_SLOT_WAIT_SECONDS": "5",
    }
    server = Background.start(
        "prefect server",
        [str(PREFECT), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        server_env,
        tmp / "server.log",
    )
    mirror = MirrorServer()
    stack = Stack(
        api_url=api_url,
        env=env,
        mirror_url="",
        db=tmp / "warehouse" / "cqc.duckdb",
        archive=tmp / "raw",
        decoy=tmp / "decoy",
        server=server,
    )
    failed_before = request.session.testsfailed
    try:
        wait_healthy(api_url, server)
        stack.prefect("work-pool", "create", "cqc", "--type", "process")
        stack.prefect("--no-prompt", "deploy", "--all", timeout=300.0)

        with stack.client() as client:
            nightly = client.read_deployment_by_name(NIGHTLY)
        stack.scheduled = scheduled_starts(stack, nightly.id, wait_s=30.0)
        with stack.client() as client:
            for schedule in nightly.schedules:
                client.update_deployment_schedule(nightly.id, schedule.id, active=False)

        mirror.start()
        stack.mirror_url = mirror.base_url
        worker_env = {
            **env,
            "PREFECT_WORKER_QUERY_SECONDS": "2",
            # A run that ignored its parameters would write here (or fail to reach this URL).
            "CQC_BASE_URL": "http://127.0.0.1:9",
            "CQC_DB": str(stack.decoy / "cqc.duckdb"),
            "CQC_ARCHIVE": str(stack.decoy / "raw"),
        }
        stack.worker = Background.start(
            "prefect worker",
            [str(PREFECT), "worker", "start", "--pool", "cqc", "--name", "test-worker"],
            worker_env,
            tmp / "worker.log",
        )
        yield stack
    finally:
        if stack.worker:
            stack.worker.stop()
        server.stop()
        mirror.stop()
        if request.session.testsfailed > failed_before:
            capture = request.config.pluginmanager.getplugin("capturemanager")
            with capture.global_and_fixture_disabled():
                print("\n" + stack.logs(), file=sys.stderr)


@dataclass
class FirstRun:
    run: FlowRun
    tables: dict[str, list[tuple[Any, ...]]]


@pytest.fixture(scope="module")
def first_run(stack: Stack) -> FirstRun:
    """One nightly-ingest run of the whole mirror, triggered by hand, run by the worker."""
    run = stack.wait_final(stack.trigger_nightly(), FIRST_RUN_S)
    assert run.state_type == StateType.COMPLETED, f"{run.state}\n{stack.logs()}"
    return FirstRun(run, snapshot(stack.db))


def test_prefect_yaml_deploys_four_deployments_limited_to_one_run_each(stack: Stack) -> None:
    with stack.client() as client:
        for name, (flow_name, entrypoint, parameters) in DEPLOYMENTS.items():
            deployment = client.read_deployment_by_name(f"{flow_name}/{name}")
            assert deployment.entrypoint == entrypoint
            assert deployment.work_pool_name == "cqc"
            assert deployment.parameters == parameters
            # The worker changes into this checkout ({{ $PWD }} filled in at deploy time).
            assert deployment.pull_steps == [
                {"prefect.deployments.steps.set_working_directory": {"directory": str(REPO)}}
            ]
            limit = deployment.global_concurrency_limit
            assert limit is not None and limit.limit == 1, name
            options = deployment.concurrency_options
            assert options is not None and options.collision_strategy == "ENQUEUE", name
            if name in SCHEDULES:
                (schedule,) = deployment.schedules
                assert (schedule.schedule.cron, schedule.schedule.timezone) == SCHEDULES[name]
            else:
                assert deployment.schedules == [], name
        pool = client.read_work_pool("cqc")
        assert pool.type == "process"


def test_the_scheduler_creates_the_nightly_runs_at_two_in_london(stack: Stack) -> None:
    scheduled = stack.scheduled
    assert scheduled, (
        "the server's scheduler created no run for nightly-ingest within 30 s: look for "
        "`schedule_recent_deployments` errors in the server log (prefect 3.8.8's scheduler "
        "fails on SQLAlchemy 2.1: 'Can't evaluate bulk DML statement')\n" + stack.server.tail()
    )
    london = [start.astimezone(ZoneInfo("Europe/London")) for start in scheduled]
    assert {(t.hour, t.minute) for t in london} == {(2, 0)}
    assert len({t.date() for t in london}) == len(london)  # one a day


def test_a_deployed_nightly_ingest_loads_the_whole_mirror(
    stack: Stack, first_run: FirstRun
) -> None:
    db = stack.db
    assert len(first_run.tables["assessment"]) == 74
    assert len(first_run.tables["league_table"]) == 72
    assert query(
        db,
        "SELECT overall_score_pct, overall_rating FROM league_table "
        "WHERE council = 'Stoke-on-Trent'",
    ) == [(64, "Good")]
    assert query(db, "SELECT run_id, mode, status, reports_new FROM ingest_run") == [
        (1, "ingest", "finished", 74)
    ]
    # refresh_benchmarks ran as the ingest's subflow, for that run.
    assert query(db, "SELECT run_id, councils_ranked FROM benchmark_refresh") == [(1, 72)]
    # The parameters won over the worker's CQC_* environment.
    assert query(db, "SELECT base_url FROM ingest_run") == [(stack.mirror_url,)]
    assert not stack.decoy.exists()


def test_overlapping_runs_wait_for_each_other_and_change_nothing(
    stack: Stack, first_run: FirstRun
) -> None:
    # Both created while the pool is paused, so the worker picks both up in one poll however
    # slowly each `prefect deployment run` starts on a busy machine (one created after the
    # other had finished would overlap nothing); the server gives one the slot and sends the
    # other back to Scheduled ("AwaitingConcurrencySlot") until the first is done.
    stack.prefect("work-pool", "pause", "cqc")
    triggers = [
        subprocess.Popen(
            [str(PREFECT), *stack.nightly_args()],
            cwd=REPO,
            env=stack.env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=120)[0] for p in triggers]
    stack.prefect("work-pool", "resume", "cqc")
    assert [p.returncode for p in triggers] == [0, 0], "\n".join(outputs)
    ids = [flow_run_id(out) for out in outputs]
    runs = sorted(
        (stack.wait_final(run_id, LATER_RUN_S) for run_id in ids),
        key=lambda r: r.start_time or datetime.max,
    )
    assert [r.state_type for r in runs] == [StateType.COMPLETED] * 2, stack.logs()

    first, second = runs
    assert first.end_time and second.start_time and first.end_time <= second.start_time, (
        f"runs overlapped: {first.start_time}..{first.end_time} and "
        f"{second.start_time}..{second.end_time}"
    )
    assert first_run.run.end_time and first_run.run.end_time <= first.start_time
    with stack.client() as client:
        waited = {
            run.id
            for run in runs
            if any(s.name == "AwaitingConcurrencySlot" for s in client.read_flow_run_states(run.id))
        }
    assert waited, "neither run was held back by the concurrency limit"

    assert snapshot(stack.db) == first_run.tables
    ingest_runs = query(
        stack.db,
        "SELECT run_id, status, reports_new, reports_changed, started_at, finished_at "
        "FROM ingest_run ORDER BY run_id",
    )
    assert [row[:2] for row in ingest_runs] == [(1, "finished"), (2, "finished"), (3, "finished")]
    assert [row[2:4] for row in ingest_runs[1:]] == [(0, 0), (0, 0)]
    # The warehouse's own log agrees: each run started after the one before it finished.
    for before, after in pairwise(ingest_runs):
        assert before[5] <= after[4]
    assert query(stack.db, "SELECT run_id FROM benchmark_refresh ORDER BY 1") == [(1,), (2,), (3,)]
