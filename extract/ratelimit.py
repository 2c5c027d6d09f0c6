"""A per-host minimum gap between the starts of consecutive requests, shared by threads.

Politeness towards cqc.org.uk: however many threads call the client, requests to one host
start at least `min_interval_s` apart. Clock and sleep are injectable so tests don't wait.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class RateLimiter:
    """Space request starts by at least `min_interval_s` seconds (thread-safe)."""

    def __init__(
        self,
        min_interval_s: float,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if min_interval_s < 0:
            raise ValueError("min_interval_s must be >= 0")
        self.min_interval_s = min_interval_s
        self.clock = clock
        self.sleep = sleep
        self._last_start: float | None = None
        self._lock = threading.Lock()

    def wait(self) -> float:
        """Block until the next request may start; return its start time (clock units).

        The lock is held while sleeping on purpose: waiting threads queue up behind it, so
        each one starts a full interval after the previous one.
        """
        with self._lock:
            now = self.clock()
            if self._last_start is not None:
                due = self._last_start + self.min_interval_s
                if now < due:
                    self.sleep(due - now)
                    # A fake sleep may not advance the clock; the start is never before `due`.
                    now = max(self.clock(), due)
            self._last_start = now
            return now
