"""Fixtures shared across the test packages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest


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
