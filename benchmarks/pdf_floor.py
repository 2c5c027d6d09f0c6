"""Benchmark: the report PDF parser against its floor, PDFium's bare text extraction.

The floor is the least any PDFium-based parser must do: open each PDF and take every page's
text (`get_textpage().get_text_range()`), nothing placed, styled or read. Ours is the work
the guarded worker does per PDF (`transform.pdf_report.read_report_pdf`, in process here).
Both read the same 144 PDFs (the 72 formal reports' PDFs of each mirror skin, fpdf2 and
reportlab) in one process, in CPU seconds of that process (other work on the machine does
not count), PDF by PDF in turn (the order swapped each round), each PDF's best of
`repeats`: the ratio is the figure to read, not the seconds. Issue 22 wants it at most 2.
Asserts nothing.

    python -m benchmarks.pdf_floor [--repeats 3]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pypdfium2 as pdfium

from mirror import skin_drupal
from mirror.build import SITE_DIR
from mirror.model import load_reports
from transform.pdf_report import read_report_pdf

TARGET_RATIO = 2.0


@dataclass(frozen=True)
class PdfFigures:
    """All PDFs parsed by ours and by the floor: best-of-N seconds each, and their ratio."""

    pdfs: int
    pages: int
    ours_s: float
    floor_s: float
    ratio: float  # ours_s / floor_s
    pages_per_s: float  # ours


def mirror_pdfs() -> list[tuple[str, bytes]]:
    """(URL path, bytes) of each formal report's committed PDF, in both mirror skins."""
    formal = [r for r in load_reports() if not r.pilot]

    def read(site: Path, path: str) -> tuple[str, bytes]:
        return path, (site / path.lstrip("/")).read_bytes()

    return [read(SITE_DIR, r.pdf_path) for r in formal] + [
        read(skin_drupal.SITE_DIR, skin_drupal.pdf_path(r)) for r in formal
    ]


def floor_text(data: bytes) -> int:
    """PDFium's text of every page, nothing more; the page count."""
    doc = pdfium.PdfDocument(data)
    try:
        pages = len(doc)
        for index in range(pages):
            page = doc[index]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
    finally:
        doc.close()
    return pages


def ours(data: bytes, source: str) -> int:
    """The guarded worker's work on one PDF; its page count."""
    reading = read_report_pdf(data, source)
    if reading.page_count is None:
        raise RuntimeError(f"{source}: {reading.error}")
    return reading.page_count


def _timed(work: Callable[[], object]) -> float:
    """CPU seconds of one call."""
    started = time.process_time()
    work()
    return time.process_time() - started


def pdf_parse_figures(repeats: int = 3) -> PdfFigures:
    """Ours and the floor over every mirror PDF, PDF by PDF in turn (a PDF's two measures
    minutes apart would see different machines); each PDF's best of `repeats` for each,
    summed."""
    pdfs = mirror_pdfs()
    pages = sum(floor_text(data) for _, data in pdfs)
    ours_s = floor_s = 0.0
    for source, data in pdfs:
        floor_times: list[float] = []
        our_times: list[float] = []
        pair = ((partial(floor_text, data), floor_times), (partial(ours, data, source), our_times))
        for round_ in range(repeats):
            for work, times in pair[::-1] if round_ % 2 else pair:
                times.append(_timed(work))
        ours_s += min(our_times)
        floor_s += min(floor_times)
    return PdfFigures(len(pdfs), pages, ours_s, floor_s, ours_s / floor_s, pages / ours_s)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    pdf = pdf_parse_figures(args.repeats)
    floor_rate = pdf.pages / pdf.floor_s
    print(
        f"PDF: {pdf.pdfs} PDFs, {pdf.pages} pages; ours {pdf.ours_s:.2f} s "
        f"({pdf.pages_per_s:.0f} pages/s), floor (pypdfium2 text extraction) "
        f"{pdf.floor_s:.2f} s ({floor_rate:.0f} pages/s): {pdf.ratio:.2f}x the floor "
        f"(target <= {TARGET_RATIO:g}x)"
    )


if __name__ == "__main__":
    main()
