"""Report PDFs parsed behind a wall: a worker process with a time and a memory limit.

A normal report PDF parses in tens of milliseconds, in process would do. But a PDF is the
one input whose cost the file itself decides (a stream that inflates to a gigabyte, a page
tree that loops), so each parse runs in a long-lived worker process whose address space is
capped, and is given a time limit counted from the moment its parse starts. A parse that
overruns is stopped (its worker killed, a fresh one started for the next PDF); a worker that
dies, out of memory or crashed, is the same: that PDF's reading says why, the next PDF goes
on. One worker serves the whole run, so the guard costs one process start.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import resource
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from types import TracebackType

from transform.pdf_report import PdfReading, read_report_pdf

TIME_LIMIT_S = 60.0
MEMORY_LIMIT_MB = 2048
STARTUP_LIMIT_S = 120.0  # a fresh worker imports the parser (seconds on a loaded machine)


def _serve(conn: Connection, memory_bytes: int) -> None:
    """The worker: parse what comes down the pipe until told to stop (None)."""
    if memory_bytes > 0:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    conn.send("ready")  # imports done: from here a parse's time is its own
    while True:
        job = conn.recv()
        if job is None:
            return
        data, source = job
        try:
            reading = read_report_pdf(data, source)
        except MemoryError:
            reading = PdfReading.failed(source, "the parse ran out of memory: stopped")
        conn.send(reading)


class GuardedPdfParser:
    """`parser(data, source) -> PdfReading`, in a worker process within the limits."""

    def __init__(
        self, time_limit_s: float = TIME_LIMIT_S, memory_limit_mb: int = MEMORY_LIMIT_MB
    ) -> None:
        self.time_limit_s = time_limit_s
        self.memory_limit_mb = memory_limit_mb
        self._context = multiprocessing.get_context("spawn")  # the run has threads: no fork
        self._worker: BaseProcess | None = None
        self._conn: Connection | None = None

    def _start(self) -> Connection:
        if self._conn is None or self._worker is None or not self._worker.is_alive():
            self._stop(kill=True)
            parent, child = self._context.Pipe()
            worker = self._context.Process(
                target=_serve,
                args=(child, self.memory_limit_mb * 1024 * 1024),
                name="cqc-pdf-parser",
                daemon=True,
            )
            worker.start()
            child.close()
            if not parent.poll(STARTUP_LIMIT_S) or parent.recv() != "ready":
                worker.kill()
                raise RuntimeError(
                    f"the PDF parser's process did not start in {STARTUP_LIMIT_S:g} s"
                )
            self._worker, self._conn = worker, parent
        return self._conn

    def __call__(self, data: bytes, source: str) -> PdfReading:
        try:
            conn = self._start()
        except (RuntimeError, EOFError, OSError) as exc:
            return PdfReading.failed(source, f"the PDF parser could not start: {exc}")
        try:
            conn.send((data, source))
            if not conn.poll(self.time_limit_s):
                self._stop(kill=True)
                return PdfReading.failed(
                    source, f"the parse took longer than {self.time_limit_s:g} s: stopped"
                )
            reading: PdfReading = conn.recv()
        except (EOFError, BrokenPipeError, ConnectionResetError):
            self._stop(kill=True)
            return PdfReading.failed(
                source,
                f"the parser's process died (out of its {self.memory_limit_mb} MB, or crashed)",
            )
        return reading

    def _stop(self, *, kill: bool) -> None:
        worker, conn = self._worker, self._conn
        self._worker = self._conn = None
        if conn is not None and worker is not None and worker.is_alive() and not kill:
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                conn.send(None)
            worker.join(timeout=5)
        if worker is not None and worker.is_alive():
            worker.kill()
            worker.join(timeout=5)
        if conn is not None:
            conn.close()

    def close(self) -> None:
        self._stop(kill=False)

    def __enter__(self) -> GuardedPdfParser:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._stop(kill=exc_type is not None)
