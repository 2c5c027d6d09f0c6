"""Undoing a response's content coding with a bound on what comes out.

A server may compress a body, and a hostile one may stack codings (`gzip, gzip`) or send a
few kilobytes that expand to gigabytes. httpx would undo every coding in full before our size
cap saw a byte, so the client reads the raw bytes and decodes them here: one coding at most
(anything else is refused), and the output counted against the cap as it is produced.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass

ACCEPT_ENCODING = "gzip, deflate"  # what we ask for: what this module can undo


class ContentCodingError(ValueError):
    """A coding we refuse (stacked, unknown) or a body that does not decode."""


class DecodedTooLargeError(ValueError):
    """The decoded body would exceed the size cap."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"response larger than {limit} bytes once decoded")
        self.limit = limit


def codings_of(header: str | None) -> list[str]:
    """The codings a Content-Encoding header names, identity left out."""
    if not header:
        return []
    names = [part.strip().lower() for part in header.split(",")]
    return [name for name in names if name and name != "identity"]


@dataclass
class BoundedDecoder:
    """Feed raw chunks, get decoded chunks; raises once more than `limit` bytes come out, or
    with `truncate` cuts the output there instead (`truncated` then says so, and nothing more
    comes out): for a body of which only the start is wanted."""

    coding: str | None
    limit: int
    produced: int = 0
    truncate: bool = False
    truncated: bool = False

    def __post_init__(self) -> None:
        self._raw_deflate_tried = False
        if self.coding in ("gzip", "x-gzip"):
            self._zlib: zlib._Decompress | None = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif self.coding == "deflate":
            self._zlib = zlib.decompressobj()
        elif self.coding is None:
            self._zlib = None
        else:
            raise ContentCodingError(f"content coding {self.coding!r} is not supported")
        self._pending = b""

    def _count(self, data: bytes) -> bytes:
        room = self.limit - self.produced
        self.produced += len(data)
        if self.produced > self.limit:
            if not self.truncate:
                raise DecodedTooLargeError(self.limit)
            self.truncated, self.produced = True, self.limit
            return data[:room]
        return data

    def feed(self, chunk: bytes) -> Iterator[bytes]:
        if self.truncated:
            return
        if self._zlib is None:
            yield self._count(chunk)
            return
        data = chunk
        while data and not self.truncated:
            room = self.limit - self.produced + 1  # one byte over the cap is enough to know
            try:
                out = self._zlib.decompress(data, room)
            except zlib.error as exc:
                if self.coding == "deflate" and not self._raw_deflate_tried and not self.produced:
                    # Some servers send raw deflate without the zlib header.
                    self._raw_deflate_tried = True
                    self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
                    continue
                raise ContentCodingError(f"body does not decode as {self.coding}: {exc}") from exc
            if out:
                yield self._count(out)
            data = self._zlib.unconsumed_tail
            if not out and data:
                raise ContentCodingError(f"body does not decode as {self.coding}")

    def finish(self) -> bytes:
        if self._zlib is None or self.truncated:
            return b""
        return self._count(self._zlib.flush())


def decoder_for(
    content_encoding: str | None, limit: int, *, truncate: bool = False
) -> BoundedDecoder:
    """The decoder for a response's Content-Encoding; ContentCodingError for more than one
    coding or one we do not know."""
    codings = codings_of(content_encoding)
    if len(codings) > 1:
        raise ContentCodingError(
            f"more than one content coding ({', '.join(codings)}): refused unread"
        )
    return BoundedDecoder(codings[0] if codings else None, limit, truncate=truncate)
