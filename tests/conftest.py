"""Fixtures shared across the test packages."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, settings


@pytest.fixture(scope="session")
def mirror_warehouse_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A warehouse file holding every valid report of the offline mirror (three of them
    cross-checked with their PDFs), its benchmark tables built: `mirror.sample`. Read it only."""
    from mirror.sample import load_mirror
    from warehouse.db import connect

    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):  # `make test-fast`: built once for every worker
        root = root.parent
    path = root / "mirror-warehouse" / "cqc.duckdb"
    path.parent.mkdir(exist_ok=True)
    with (root / "mirror-warehouse.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # the others wait here while one worker builds it
        built = path.parent / "built"
        if not built.exists():
            path.unlink(missing_ok=True)
            with connect(path) as conn:
                load_mirror(conn)
            built.touch()
    return path


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
