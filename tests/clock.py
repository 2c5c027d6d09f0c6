"""A clock for tests of waiting: politeness intervals, Crawl-delays and backoffs run as on the
live site, without the wait."""

from __future__ import annotations


class VirtualClock:
    """A monotonic clock that moves only when something sleeps on it (pass it as a client's
    `clock`, and its `sleep` as the client's `sleep`); `sleeps` records every wait asked for."""

    def __init__(self, start: float = 100.0) -> None:
        self.now = start
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
