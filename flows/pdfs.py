"""Report PDFs in a run: find a report's PDF, fetch it, parse it off the main process.

pdfplumber needs about two seconds a PDF, far longer than a page's HTML, so PDFs are parsed
in worker processes (one per core) while the flow goes on fetching the next report, and a
PDF is parsed only when its bytes or the parser are new: every parse is cached by the bytes'
SHA-256 and the parser version (`pdf_parse`), so an unchanged PDF is never parsed twice.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from types import TracebackType

from extract.http import FetchedPage, FetchError, require_pdf
from transform.links import download_links
from transform.pdf_report import PdfReading, read_report_pdf

# A PDF that takes longer than this to parse is given up on (a normal one takes seconds).
PARSE_TIMEOUT_S = 300.0
# A Downloads block may offer other files (an easy-read version, data); stop after this many.
MAX_DOWNLOAD_LINKS = 3


@dataclass
class PdfDownload:
    """The report's PDF, if one of its download links gave one, and why the others did not."""

    links: list[str]
    page: FetchedPage | None = None
    problems: list[FetchError] = field(default_factory=list)  # per link tried, in order


def pdf_links(pages: Iterable[FetchedPage]) -> list[str]:
    """The download links of a report's HTML pages, deduplicated in page order."""
    seen: dict[str, None] = {}
    for page in pages:
        if page.content_type is None or "html" in page.content_type.lower():
            for url in download_links(page.body, page.url):
                seen.setdefault(url, None)
    return list(seen)


def download_pdf(get: Callable[[str], FetchedPage], links: list[str]) -> PdfDownload:
    """Try the download links in order; the first response that is a PDF is the report's.

    `get` is the run's (conditional) fetcher: every response, PDF or not, is archived by it.
    The file name pattern of CQC's PDFs is unknown, so no link is judged by its URL.
    """
    download = PdfDownload(links=links)
    for url in links[:MAX_DOWNLOAD_LINKS]:
        try:
            page = get(url)
            require_pdf(page)
        except FetchError as exc:
            download.problems.append(exc)
            continue
        download.page = page
        break
    return download


class PdfReader:
    """Parses PDFs in a process pool (started on first use), answering from the cache when it
    can. `workers=0` parses in this process, for debugging and tiny runs."""

    def __init__(self, workers: int, cached: dict[str, PdfReading]) -> None:
        self.workers = workers
        self.cached = dict(cached)  # by sha256
        self.parsed = 0  # PDFs actually parsed (cache misses)
        self._pool: ProcessPoolExecutor | None = None
        self._stuck = False

    def _held(self, sha256: str, url: str) -> PdfReading | None:
        """The cached parse of these bytes from this URL (the slug comes from the file name,
        so the same bytes at another URL are parsed afresh)."""
        held = self.cached.get(sha256)
        return held if held is not None and held.source == url else None

    def read(self, page: FetchedPage) -> Future[PdfReading]:
        """The parse of this PDF: a finished future on a cache hit, else a pool job."""
        future: Future[PdfReading] = Future()
        held = self._held(page.sha256, page.url)
        if held is not None:
            future.set_result(held)
            return future
        self.parsed += 1
        if self.workers <= 0:
            future.set_result(read_report_pdf(page.body, page.url))
            return future
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers,
                # spawn, not fork: the flow process runs threads (Prefect, httpx)
                # No max_tasks_per_child: with it, CPython 3.11's pool can hang when it
                # replaces a worker (seen here after 50 PDFs). Pages are closed as they are
                # read, so a worker's memory stays flat (see benchmarks/pdf_parse.py).
                mp_context=multiprocessing.get_context("spawn"),
            )
        return self._pool.submit(read_report_pdf, page.body, page.url)

    def is_cached(self, reading: PdfReading) -> bool:
        return self._held(reading.sha256, reading.source) is not None

    def remember(self, reading: PdfReading) -> None:
        """Note a fresh parse as cached (the caller stores it: `save_pdf_parse`)."""
        self.cached[reading.sha256] = reading

    def result(self, future: Future[PdfReading], source: str) -> PdfReading:
        """The reading, or a failed one if the parse crashed its worker or overran the limit
        (a pathological PDF must not stall the run: its worker is stopped at close)."""
        try:
            return future.result(timeout=PARSE_TIMEOUT_S)
        except TimeoutError:
            self._stuck = True
            future.cancel()
            return PdfReading.failed(source, f"parse took longer than {PARSE_TIMEOUT_S:.0f}s")
        except Exception as exc:  # e.g. BrokenProcessPool: the worker died (out of memory)
            return PdfReading.failed(source, f"parser crashed: {type(exc).__name__}: {exc}")

    def close(self, *, cancel: bool = False) -> None:
        if self._pool is None:
            return
        if self._stuck:  # a worker is still busy with an overrun parse: stop it
            for process in list(getattr(self._pool, "_processes", {}).values()):
                process.terminate()
        self._pool.shutdown(wait=True, cancel_futures=cancel or self._stuck)
        self._pool = None

    def __enter__(self) -> PdfReader:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close(cancel=exc_type is not None)
