"""Errors shared by the parsers (kept apart so that modules can import them without cycles)."""

from __future__ import annotations


class PageParseError(ValueError):
    """A page that does not look as expected; names the URL and the reason."""

    def __init__(self, url: str | None, reason: str) -> None:
        super().__init__(f"{url or '<no url>'}: {reason}")
        self.url = url
        self.reason = reason
