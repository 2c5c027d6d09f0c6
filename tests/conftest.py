"""Fixtures shared across the test packages: the mirror's warehouse, the one Prefect test server
of the session (starting one costs 10-20 s), copies of the mirror site, hypothesis profiles."""

from __future__ import annotations

import fcntl
import gzip
import json
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import pytest
from hypothesis import HealthCheck, settings

if TYPE_CHECKING:
    from tests.publish.written import Written

# Records built from CQC's published results and warehouses to load them into (the warehouse
# and publish tests use them).
pytest_plugins = ["tests.warehouse_fixtures"]

# The test server's telemetry heartbeat only produces "database is locked" noise in the logs.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")


def built_once(
    tmp_path_factory: pytest.TempPathFactory, name: str, build: Callable[[Path], None]
) -> Path:
    """A directory `build` fills once for the whole session: with `-n auto`, once for every
    worker (the others wait on a file lock while one builds it). Read what is in it only."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):  # the workers' temp dirs share this parent
        root = root.parent
    where = root / name
    with (root / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (root / f"{name}.built").exists():
            shutil.rmtree(where, ignore_errors=True)
            where.mkdir()
            build(where)
            (root / f"{name}.built").touch()
    return where


@pytest.fixture(scope="session")
def mirror_warehouse_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A warehouse file holding every valid report of the offline mirror (three of them
    cross-checked with their PDFs), its benchmark tables built: `mirror.sample`. Read it only."""

    def build(where: Path) -> None:
        from mirror.sample import load_mirror
        from warehouse.db import connect

        with connect(where / "cqc.duckdb") as conn:
            load_mirror(conn)

    return built_once(tmp_path_factory, "mirror-warehouse", build) / "cqc.duckdb"


@pytest.fixture(scope="session")
def mirror_report(mirror_warehouse_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Written:
    """The HTML report of a copy of the mirror's warehouse (`write_mirror_report`), written
    once for the session. Read it only."""
    from tests.publish.written import Written, write_mirror_report

    def build(where: Path) -> None:
        written = write_mirror_report(mirror_warehouse_file, where)
        names = [path.relative_to(written.out).as_posix() for path in written.paths]
        (where / "written.json").write_text(json.dumps(names), encoding="utf-8")

    where = built_once(tmp_path_factory, "mirror-report", build)
    names = json.loads((where / "written.json").read_text(encoding="utf-8"))
    return Written(where / "cqc.duckdb", where / "report", [where / "report" / n for n in names])


@pytest.fixture(scope="session")
def mirror_warehouse(mirror_warehouse_file: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """`mirror_warehouse_file`, opened read-only."""
    from warehouse.db import connect

    with connect(mirror_warehouse_file, read_only=True) as conn:
        yield conn


# Hypothesis profiles for the markup-variation suite (tests/transform/test_variations.py).
# "ci", the default: a fixed budget, derandomized, so every run tries the same variants.
# "fast" (`make test-fast`): a tenth of the budget, for the edit-test loop.
# "fuzz" (`make fuzz`, or --hypothesis-profile=fuzz): a large random budget to find new ones.
# The pytest plugin loads a --hypothesis-profile after this file, so the option wins.
_VARIANTS = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}
# ci and fast try the same variants every run, so they keep no example database; fuzz keeps
# hypothesis's own, so a failure it finds is tried first next time.
_FIXED = {"derandomize": True, "database": None, "print_blob": False, **_VARIANTS}
settings.register_profile("ci", max_examples=400, **_FIXED)
settings.register_profile("fast", max_examples=40, **_FIXED)  # a tenth of the budget
settings.register_profile(
    "fuzz", max_examples=5000, derandomize=False, print_blob=True, **_VARIANTS
)
settings.load_profile("ci")


MIRROR_SITE = Path(__file__).resolve().parents[1] / "mirror" / "site"
DUCKDB_FIXTURES = Path(__file__).resolve().parent / "fixtures" / "duckdb"


# The modules that share the session's first ingest of the classic mirror: one work unit.
SHARE_CLASSIC_INGEST = {"tests/flows/test_ingest.py", "tests/flows/test_skins.py"}


def work_unit(nodeid: str) -> str:
    """What one xdist worker runs whole: a test's module (its module fixtures built once),
    the modules that share the classic ingest together."""
    module = nodeid.split("::", 1)[0]
    return "classic-ingest" if module in SHARE_CLASSIC_INGEST else module


@pytest.hookimpl(optionalhook=True)  # an xdist hook: pytest without xdist (-p no:xdist) too
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object | None:
    """`-n auto --dist loadscope` hands out `work_unit`s, in collection order. (xdist's own
    `loadgroup` marks cannot do it: under pytest 9 they leave every test a unit of its own,
    so each worker built the module fixtures again.)"""
    if config.getvalue("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling

    config.option.loadscopereorder = False  # keep the order the collection hook gave them

    class ModuleScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return work_unit(nodeid)

    return ModuleScheduling(config, log)


# Each work unit's seconds in the last run that ran it, kept in pytest's cache.
UNIT_SECONDS_KEY = "cqc/work-unit-seconds"
# A unit the cache has no time for is guessed by its kind: end to end, slow, the rest.
GUESSED_SECONDS = {"e2e": 60.0, "slow": 20.0, "": 1.0}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Every test that runs a flow needs the Prefect server: end to end. Every test that reads
    the mirror's whole warehouse or report waits for it to be built (about 10 s, once per
    session): the whole-mirror tier. Neither is in `make test-fast`.

    Then the work units are put longest first, by their time in the last run (guessed by
    their kind when the cache has none, as on a fresh clone): on every core (`-n auto`, a
    unit on one worker) the short ones fill in at the end, instead of one long module
    running alone while the other cores wait."""
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "prefect_server" in fixtures:
            item.add_marker(pytest.mark.e2e)
        if "mirror_warehouse_file" in fixtures:  # mirror_warehouse and mirror_report need it
            item.add_marker(pytest.mark.mirror)

    cache = getattr(config, "cache", None)  # None under -p no:cacheprovider
    last: dict[str, float] = cache.get(UNIT_SECONDS_KEY, {}) if cache is not None else {}

    def guess(item: pytest.Item) -> float:
        kind = next((k for k in ("e2e", "slow") if item.get_closest_marker(k)), "")
        return GUESSED_SECONDS[kind]

    seconds: dict[str, float] = {}
    for item in items:
        unit = work_unit(item.nodeid)
        seconds[unit] = max(seconds.get(unit, 0.0), last.get(unit) or guess(item))
    items.sort(key=lambda item: -seconds[work_unit(item.nodeid)])  # a stable sort


def _is_worker(config: pytest.Config) -> bool:
    return hasattr(config, "workerinput")


_unit_seconds: dict[str, float] = {}


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Add up each work unit's time (in the process that sees every report: the xdist
    controller, or pytest itself without workers)."""
    unit = work_unit(report.nodeid)
    _unit_seconds[unit] = _unit_seconds.get(unit, 0.0) + report.duration


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Keep this run's unit times for the next run's order (units it did not run keep
    theirs: `make test-fast` leaves the end-to-end ones as `make test` found them)."""
    config = session.config
    cache = getattr(config, "cache", None)
    if cache is None or _is_worker(config) or not _unit_seconds:
        return
    kept: dict[str, float] = cache.get(UNIT_SECONDS_KEY, {})
    kept.update({unit: round(s, 2) for unit, s in _unit_seconds.items()})
    cache.set(UNIT_SECONDS_KEY, kept)


@pytest.fixture(scope="session")
def prefect_server() -> Iterator[None]:
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def prefect_api_url(prefect_server: None) -> str:
    """The session's Prefect server, for the `cqc` processes a test starts: given as
    PREFECT_API_URL, a run reports to it instead of starting a temporary server of its own
    (10-20 s each). Tests of the temporary server itself leave it out."""
    from prefect.settings import PREFECT_API_URL

    url = PREFECT_API_URL.value()
    assert url, "the Prefect test harness set no API URL"
    return str(url)


@pytest.fixture()
def site_copy(tmp_path: Path) -> Path:
    """A private copy of the mirror site that a test may break."""
    target = tmp_path / "site"
    shutil.copytree(MIRROR_SITE, target)
    return target


@pytest.fixture()
def newer_duckdb_file(tmp_path: Path) -> Path:
    """A warehouse file written by duckdb 2.0.1, which this program's duckdb cannot read."""
    newer = tmp_path / "v2.duckdb"
    packed = DUCKDB_FIXTURES / "written-by-duckdb-2.0.1.duckdb.gz"
    newer.write_bytes(gzip.decompress(packed.read_bytes()))
    return newer
