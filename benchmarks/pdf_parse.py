"""Benchmark: our pdfplumber report parser against plain pypdf text extraction.

On a 40-page report PDF (the mirror's Stoke-on-Trent report with longer findings), prints
pages per second and peak traced memory for `transform.pdf_report.parse_report_pdf` and for
pypdf's `extract_text` over the same file, and the ratio between them; then the wall time of
parsing all of the mirror's report PDFs with 1 and with 2 worker processes (the ingest's pool).
Asserts nothing about speed. Run with `make benchmark-pdf`.
"""

from __future__ import annotations

import io
import resource
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pdfplumber
from pypdf import PdfReader as PypdfReader

from flows.pdfs import PdfReader
from mirror.build import load_reports
from mirror.pdf import build_report_pdf
from transform.pdf_report import parse_report_pdf

SITE = Path(__file__).resolve().parents[1] / "mirror" / "site"
TARGET_PAGES = 40
REPEATS = 3


def long_report_pdf(min_pages: int = TARGET_PAGES) -> tuple[bytes, int]:
    """The Stoke-on-Trent report PDF with findings lengthened to at least `min_pages` pages."""
    stoke = next(r for r in load_reports() if r.slug == "stokeontrent-0625")
    for per_heading in range(3, 30):
        data = build_report_pdf(stoke, paragraphs_per_heading=per_heading)
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = len(pdf.pages)
        if pages >= min_pages:
            return data, pages
    raise RuntimeError(f"could not reach {min_pages} pages")


def pypdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PypdfReader(io.BytesIO(data)).pages)


def ours(data: bytes) -> object:
    return parse_report_pdf(data, "stokeontrent-0625-local-authority-assessment.pdf")


def measure(work: Callable[[bytes], object], data: bytes) -> tuple[float, float]:
    """Best wall time of REPEATS runs, then peak traced memory (MB) of one more run.

    Memory is traced in a separate run: tracing slows Python code several times over."""
    best = float("inf")
    for _ in range(REPEATS):
        started = time.perf_counter()
        work(data)
        best = min(best, time.perf_counter() - started)
    tracemalloc.start()
    work(data)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return best, peak / 2**20


def pool_wall_time(workers: int) -> tuple[int, float]:
    """Parse every mirrored report PDF with `workers` processes (pool start-up included)."""
    from datetime import UTC, datetime

    from extract.http import FetchedPage

    paths = sorted((SITE / "sites/default/files").glob("20*/*.pdf"))
    pages = [
        FetchedPage(
            url=f"http://mirror.invalid/{path.relative_to(SITE).as_posix()}",
            status=200,
            body=path.read_bytes(),
            content_type="application/pdf",
            fetched_at=datetime.now(UTC),
            elapsed_s=0.0,
        )
        for path in paths
    ]
    started = time.perf_counter()
    with PdfReader(workers, cached={}) as reader:
        futures = [reader.read(page) for page in pages]
        bad = [f.result().error for f in futures if f.result().error]
    if bad:
        raise RuntimeError(f"{len(bad)} mirror PDFs failed: {bad[0]}")
    return len(pages), time.perf_counter() - started


def main() -> None:
    data, pages = long_report_pdf()
    print(f"report PDF: {pages} pages, {len(data) / 1024:.0f} KiB")
    plumber_s, plumber_mb = measure(ours, data)
    pypdf_s, pypdf_mb = measure(pypdf_text, data)
    print(f"{'parser':<44}{'seconds':>9}{'pages/s':>9}{'peak MB':>9}")
    for label, seconds, mb in (
        ("pdfplumber: parse_report_pdf (records)", plumber_s, plumber_mb),
        ("pypdf: extract_text (plain text only)", pypdf_s, pypdf_mb),
    ):
        print(f"{label:<44}{seconds:>9.2f}{pages / seconds:>9.1f}{mb:>9.1f}")
    print(
        f"pdfplumber / pypdf: {plumber_s / pypdf_s:.1f}x the time, "
        f"{plumber_mb / pypdf_mb:.1f}x the peak memory"
    )
    for workers in (1, 2):
        count, seconds = pool_wall_time(workers)
        print(f"all {count} mirror report PDFs, {workers} worker(s): {seconds:.1f}s wall")
    # Workers are reaped by now: the largest one's peak resident memory (KiB on Linux).
    worker_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"largest worker's peak RSS over its PDFs: {worker_mb:.0f} MB")


if __name__ == "__main__":
    main()
