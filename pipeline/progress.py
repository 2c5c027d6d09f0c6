"""Progress of a long run, for whoever is watching (the CLI draws a Rich progress bar).

The flow cannot take a callback as a parameter (Prefect records parameters as JSON), so the
CLI installs a listener here for the duration of a run; without one, progress goes nowhere
and the flow's log lines are the record.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

ProgressListener = Callable[[int, int, str], None]  # (done, total, what)

_listener: ProgressListener | None = None


def report_progress(done: int, total: int, what: str) -> None:
    if _listener is not None:
        _listener(done, total, what)


@contextmanager
def listening(listener: ProgressListener) -> Iterator[None]:
    global _listener
    previous, _listener = _listener, listener
    try:
        yield
    finally:
        _listener = previous
