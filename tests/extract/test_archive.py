"""The raw archive keeps every body once, under its sha256."""

from __future__ import annotations

import hashlib
from pathlib import Path

from extract.archive import RawArchive


def test_store_is_content_addressed_and_idempotent(tmp_path: Path) -> None:
    archive = RawArchive(tmp_path)
    body = b"<html>Stoke-on-Trent City Council</html>"
    sha = archive.store(body)
    assert sha == hashlib.sha256(body).hexdigest()
    assert archive.path_for(sha) == tmp_path / "blobs" / sha[:2] / sha
    assert archive.store(body) == sha
    assert archive.read(sha) == body
    assert sha in archive
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == [sha]
