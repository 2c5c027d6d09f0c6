"""Fixtures shared across the test packages."""

from __future__ import annotations

from collections.abc import Iterator

import duckdb
import pytest


@pytest.fixture(scope="session")
def mirror_warehouse() -> Iterator[duckdb.DuckDBPyConnection]:
    """An in-memory warehouse holding every valid report of the offline mirror (three of them
    cross-checked with their PDFs), its benchmark tables built: `mirror.sample`. Read it only."""
    from mirror.sample import load_mirror
    from warehouse.db import connect

    with connect(":memory:") as conn:
        load_mirror(conn)
        yield conn
