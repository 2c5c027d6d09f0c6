"""A content-addressed store of every raw response body.

Bodies are written once under `blobs/<2 hex>/<sha256>`; the same bytes fetched twice take no
more space, and nothing fetched is ever thrown away, so parsers can be fixed and re-run on
the archive without going back to the site. `fetch_log.jsonl` says which URL gave which
bytes when (one JSON line per response, failures included), so the archive can be replayed.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from extract.http import FetchedPage, FetchError

FETCH_LOG = "fetch_log.jsonl"


class RawArchive:
    """Raw bodies keyed by their sha256."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    def path_for(self, sha256: str) -> Path:
        return self.root / "blobs" / sha256[:2] / sha256

    def store(self, body: bytes) -> str:
        """Write `body` if it is not already held; return its sha256."""
        sha256 = hashlib.sha256(body).hexdigest()
        target = self.path_for(sha256)
        if target.exists():
            return sha256
        target.parent.mkdir(parents=True, exist_ok=True)
        # Write then rename, so that a crash never leaves a truncated blob under a valid name.
        fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(body)
            os.replace(tmp_name, target)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise
        return sha256

    def read(self, sha256: str) -> bytes:
        return self.path_for(sha256).read_bytes()

    def __contains__(self, sha256: str) -> bool:
        return self.path_for(sha256).exists()

    def record_page(self, page: FetchedPage) -> str:
        """Store a fetched page's body and log where and when it came from; return its sha256."""
        sha256 = self.store(page.body)
        self._log(
            {
                "url": page.url,
                "status": page.status,
                "sha256": sha256,
                "byte_count": len(page.body),
                "content_type": page.content_type,
                "etag": page.etag,
                "last_modified": page.last_modified,
                "fetched_at": page.fetched_at.isoformat(),
                "attempts": page.attempts,
            }
        )
        return sha256

    def record_failure(self, error: FetchError) -> str | None:
        """Log a fetch that failed, keeping the error response's body if there was one."""
        sha256 = self.store(error.body) if error.body is not None else None
        self._log(
            {
                "url": error.url,
                "status": error.status,
                "sha256": sha256,
                "byte_count": len(error.body) if error.body is not None else None,
                "error": error.reason,
                "fetched_at": datetime.now(UTC).isoformat(),
            }
        )
        return sha256

    def fetch_log(self) -> Iterator[dict[str, object]]:
        """Every logged response, oldest first."""
        path = self.root / FETCH_LOG
        if not path.exists():
            return
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield json.loads(line)

    def _log(self, entry: dict[str, object]) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        line = json.dumps(entry, sort_keys=True) + "\n"
        # One write per line in append mode: lines from a crashed run are whole or absent.
        with (self.root / FETCH_LOG).open("a", encoding="utf-8") as fh:
            fh.write(line)
