"""Fixtures shared across the test packages."""

from __future__ import annotations

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

    path = tmp_path_factory.mktemp("mirror-warehouse") / "cqc.duckdb"
    with connect(path) as conn:
        load_mirror(conn)
    return path


@pytest.fixture(scope="session")
def mirror_warehouse(mirror_warehouse_file: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """`mirror_warehouse_file`, opened read-only."""
    from warehouse.db import connect

    with connect(mirror_warehouse_file, read_only=True) as conn:
        yield conn


# Hypothesis profiles for the markup-variation suite (tests/transform/test_variations.py).
# "ci", the default: a fixed budget, derandomized, so every run tries the same variants.
# "fuzz" (`make fuzz`, or --hypothesis-profile=fuzz): a large random budget to find new ones.
# The pytest plugin loads a --hypothesis-profile after this file, so the option wins.
settings.register_profile(
    "ci",
    max_examples=400,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=False,
)
settings.register_profile(
    "fuzz",
    max_examples=5000,
    derandomize=False,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
settings.load_profile("ci")
