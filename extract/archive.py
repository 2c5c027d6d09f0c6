"""A content-addressed store of every raw response body.

Bodies are written once under `blobs/<2 hex>/<sha256>`; the same bytes fetched twice take no
more space, and nothing fetched is ever thrown away, so parsers can be fixed and re-run on
the archive without going back to the site.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


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
