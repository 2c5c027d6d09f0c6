"""Benchmark: the report PDF parser (PDFium's text layer) against the old pdfplumber reading.

Prints, for a 40-page report PDF (the mirror's Stoke-on-Trent report with longer findings),
seconds, pages per second and peak traced memory of:

- ours: `transform.pdf_report.parse_report_pdf` (PDFium text layer -> records),
- ours, the text layer alone (`transform.pdf_text.read_text_lines`),
- the old parser's reading step: pdfplumber's text lines with every character's font and
  position (what the pdfplumber parser spent nearly all its time on),
- pypdf's `extract_text` (plain text, no fonts or positions), for scale;

then, for each mirror skin (fpdf2 "classic", reportlab "drupal"), the wall time of parsing all
72 report PDFs in one process and the per-PDF times, next to pdfplumber's on a sample of them;
last, the classic skin's 72 through the guarded worker an ingest uses (`pipeline.pdf_guard`), its
start included. Asserts nothing about speed. Run with `make benchmark-pdf`.
"""

from __future__ import annotations

import io
import statistics
import time
import tracemalloc
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pdfplumber
from pypdf import PdfReader as PypdfReader

from mirror import skin_drupal
from mirror.build import SITE_DIR
from mirror.model import load_reports
from mirror.pdf import build_report_pdf
from pipeline.pdf_guard import GuardedPdfParser
from transform.pdf_report import parse_report_pdf
from transform.pdf_text import read_text_lines

TARGET_PAGES = 40
REPEATS = 3
PLUMBER_SAMPLE = 6  # every sixth PDF of a skin: pdfplumber takes seconds a PDF


def long_report_pdf(min_pages: int = TARGET_PAGES) -> tuple[bytes, int]:
    """The Stoke-on-Trent report PDF with findings lengthened to at least `min_pages` pages."""
    stoke = next(r for r in load_reports() if r.slug == "stokeontrent-0625")
    for per_heading in range(3, 30):
        data = build_report_pdf(stoke, paragraphs_per_heading=per_heading)
        pages = read_text_lines(data).page_count
        if pages >= min_pages:
            return data, pages
    raise RuntimeError(f"could not reach {min_pages} pages")


def ours(data: bytes) -> object:
    return parse_report_pdf(data, "stokeontrent-0625-local-authority-assessment.pdf")


def plumber_lines(data: bytes) -> object:
    """The old parser's reading: every page's text lines with their characters' fonts."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        lines = []
        for page in pdf.pages:
            try:
                lines.append(page.extract_text_lines(return_chars=True, strip=True))
            finally:
                page.close()
        return lines


def pypdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PypdfReader(io.BytesIO(data)).pages)


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


def skin_pdfs() -> dict[str, list[tuple[str, bytes]]]:
    """(URL path, bytes) of every formal report's committed PDF, per skin."""
    formal = [r for r in load_reports() if not r.pilot]

    def read(site: Path, path: str) -> tuple[str, bytes]:
        return path, (site / path.lstrip("/")).read_bytes()

    return {
        "classic (fpdf2)": [read(SITE_DIR, r.pdf_path) for r in formal],
        "drupal (reportlab)": [read(skin_drupal.SITE_DIR, skin_drupal.pdf_path(r)) for r in formal],
    }


def timed(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def main() -> None:
    data, pages = long_report_pdf()
    print(f"report PDF: {pages} pages, {len(data) / 1024:.0f} KiB")
    rows = (
        ("ours: parse_report_pdf (PDFium text -> records)", ours),
        ("ours: read_text_lines (text layer alone)", read_text_lines),
        ("old: pdfplumber text lines + chars (reading)", plumber_lines),
        ("pypdf: extract_text (plain text only)", pypdf_text),
    )
    results = {label: measure(work, data) for label, work in rows}
    print(f"{'parser':<50}{'seconds':>9}{'pages/s':>9}{'peak MB':>9}  (MB: Python heap traced;")
    print(f"{'':<77}  PDFium's C memory is not)")
    for label, (seconds, mb) in results.items():
        print(f"{label:<50}{seconds:>9.3f}{pages / seconds:>9.1f}{mb:>9.1f}")
    ours_s = results[rows[0][0]][0]
    plumber_s = results[rows[2][0]][0]
    print(f"pdfplumber reading / our whole parse: {plumber_s / ours_s:.1f}x the time")

    by_skin = skin_pdfs()
    for skin, pdfs in by_skin.items():
        page_count = sum(read_text_lines(pdf).page_count for _, pdf in pdfs)
        started = time.perf_counter()
        per_pdf = [timed(partial(parse_report_pdf, pdf, path)) for path, pdf in pdfs]
        wall = time.perf_counter() - started
        sample = pdfs[::PLUMBER_SAMPLE]
        plumber = [timed(partial(plumber_lines, pdf)) for _, pdf in sample]
        sample_pages = sum(read_text_lines(pdf).page_count for _, pdf in sample)
        print(
            f"{skin}: all {len(pdfs)} PDFs ({page_count} pages) parsed in {wall:.2f}s wall, "
            f"one process, {page_count / wall:.0f} pages/s"
        )
        print(
            f"  per PDF, ours: mean {statistics.fmean(per_pdf) * 1000:.0f} ms, "
            f"median {statistics.median(per_pdf) * 1000:.0f} ms, max {max(per_pdf) * 1000:.0f} ms"
        )
        print(
            f"  per PDF, pdfplumber reading ({len(sample)} of them): "
            f"mean {statistics.fmean(plumber) * 1000:.0f} ms, "
            f"{sample_pages / sum(plumber):.1f} pages/s "
            f"({sum(plumber) / sum(per_pdf[::PLUMBER_SAMPLE]):.0f}x ours on the same PDFs)"
        )

    guarded_pdfs = next(iter(by_skin.values()))
    in_process = timed(lambda: [parse_report_pdf(pdf, path) for path, pdf in guarded_pdfs])
    with GuardedPdfParser() as guarded:
        wall = timed(lambda: [guarded(pdf, path) for path, pdf in guarded_pdfs])
    print(
        f"guarded worker (time and memory limits, as in an ingest): {len(guarded_pdfs)} PDFs "
        f"in {wall:.2f}s wall, its start included; {in_process:.2f}s in process"
    )


if __name__ == "__main__":
    main()
