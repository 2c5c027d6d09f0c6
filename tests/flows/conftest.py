"""One Prefect test server for the whole session: starting one costs 10-20 s."""

from __future__ import annotations

import gzip
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

# The test server's telemetry heartbeat only produces "database is locked" noise in the logs.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

MIRROR_SITE = Path(__file__).resolve().parents[2] / "mirror" / "site"
DUCKDB_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "duckdb"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that runs a flow needs the Prefect server: end to end, not `make test-fast`."""
    for item in items:
        if "prefect_server" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def prefect_server() -> Iterator[None]:
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


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
