"""What the session's first ingest of the classic mirror leaves (`tests/flows/conftest.py`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mirror.server import MirrorServer
from pipeline.phases import IngestSummary


@dataclass(frozen=True)
class ClassicIngest:
    """The session's classic mirror and its first ingest into an empty warehouse. Read it
    only; a test that goes on from it copies `db` and `archive` and keeps using `server`
    (its URLs are the ones the warehouse holds)."""

    server: MirrorServer
    db: Path
    archive: Path
    summary: IngestSummary
