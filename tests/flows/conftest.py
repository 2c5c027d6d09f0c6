"""The classic mirror, served for the session and ingested once: the whole-run tests of
`test_ingest.py` and `test_skins.py` start from the same first run instead of each making it
(they run on one worker: one work unit in `tests/conftest.py`)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from mirror.server import MirrorServer
from pipeline.phases import IngestSummary
from tests.flows.classic import ClassicIngest


@pytest.fixture(scope="session")
def classic_ingest(
    prefect_server: None, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ClassicIngest]:
    from flows.ingest import nightly_ingest

    where = tmp_path_factory.mktemp("classic-ingest")
    db, archive = where / "cqc.duckdb", where / "raw"
    with MirrorServer() as server:
        summary = nightly_ingest(base_url=server.base_url, db=db, archive=archive, min_interval_s=0)
        assert isinstance(summary, IngestSummary)
        server.clear_requests()
        yield ClassicIngest(server, db, archive, summary)
