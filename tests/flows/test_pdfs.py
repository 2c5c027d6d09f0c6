"""Finding a report's PDF among its download links, and parsing PDFs in a pool with a cache."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from extract.http import FetchedPage, FetchError
from flows.pdfs import PdfReader, download_pdf, pdf_links
from transform.pdf_report import read_report_pdf
from warehouse.db import connect, init_schema
from warehouse.state import held_pdf_parses, save_pdf_parse

SITE = Path(__file__).resolve().parents[2] / "mirror" / "site"
BASE = "http://127.0.0.1:8000"
STOKE_PDF = "/sites/default/files/2025-06/stokeontrent-0625-local-authority-assessment.pdf"
REPORTS = "/care-services/local-authority-assessment-reports"


def page(path: str, body: bytes, content_type: str | None = "text/html") -> FetchedPage:
    return FetchedPage(
        url=BASE + path,
        status=200,
        body=body,
        content_type=content_type,
        fetched_at=datetime.now(UTC),
        elapsed_s=0.0,
    )


def mirror_page(path: str) -> FetchedPage:
    if path.endswith(".pdf"):
        return page(path, (SITE / path.lstrip("/")).read_bytes(), "application/pdf")
    return page(path, (SITE / f"{path.lstrip('/')}.html").read_bytes())


def test_every_page_links_the_same_pdf_once() -> None:
    pages = [mirror_page(f"{REPORTS}/stokeontrent-0625{suffix}") for suffix in ("", "-summary")]
    assert pdf_links(pages) == [BASE + STOKE_PDF]


def test_the_first_link_that_answers_with_a_pdf_is_the_report_pdf() -> None:
    served = {
        f"{BASE}/easy-read": page("/easy-read", b"<html>an easy read page</html>"),
        f"{BASE}{STOKE_PDF}": mirror_page(STOKE_PDF),
    }

    def get(url: str) -> FetchedPage:
        if url.endswith("/gone.pdf"):
            raise FetchError(url, "HTTP 404", 404)
        return served[url]

    links = [f"{BASE}/gone.pdf", f"{BASE}/easy-read", f"{BASE}{STOKE_PDF}"]
    download = download_pdf(get, links)
    assert download.page is served[f"{BASE}{STOKE_PDF}"]
    assert [(p.url, p.status, p.reason) for p in download.problems] == [
        (f"{BASE}/gone.pdf", 404, "HTTP 404"),
        (f"{BASE}/easy-read", 200, "expected a PDF, got text/html"),
    ]


def test_no_pdf_among_the_links_leaves_the_page_empty() -> None:
    download = download_pdf(lambda url: page("/x", b"<html></html>"), [f"{BASE}/x"])
    assert download.page is None and len(download.problems) == 1


@pytest.mark.parametrize("workers", [0, 1])
def test_the_reader_parses_in_a_pool_and_answers_repeats_from_its_cache(workers: int) -> None:
    pdf = mirror_page(STOKE_PDF)
    with PdfReader(workers, cached={}) as reader:
        reading = reader.read(pdf).result(timeout=120)
        assert reading.report is not None and reading.error is None
        assert reading.report.overall_score_pct == 64 and reading.page_count == 21
        assert not reader.is_cached(reading)
        reader.remember(reading)
        again = reader.read(pdf)
        assert again.done() and again.result().report == reading.report
    assert reader.parsed == 1


def test_a_cached_parse_is_used_only_for_the_same_url() -> None:
    pdf = mirror_page(STOKE_PDF)
    held = read_report_pdf(pdf.body, pdf.url)
    elsewhere = page("/elsewhere.pdf", pdf.body, "application/pdf")
    with PdfReader(0, cached={held.sha256: held}) as reader:
        assert reader.read(pdf).result().report is not None
        assert reader.parsed == 0
        reader.read(elsewhere).result()
        assert reader.parsed == 1  # the slug comes from the file name: parsed afresh


def test_a_bad_pdf_is_a_reading_with_its_reason() -> None:
    truncated = SITE / "sites/default/files/broken/truncated-local-authority-assessment.pdf"
    with PdfReader(0, cached={}) as reader:
        reading = reader.read(page("/t.pdf", truncated.read_bytes(), "application/pdf")).result()
    assert reading.report is None
    assert reading.error is not None and reading.error.startswith("truncated or damaged PDF")
    with connect(":memory:") as conn:  # a bad PDF's reason is cached like a report
        init_schema(conn)
        save_pdf_parse(conn, reading, "v1")
        assert held_pdf_parses(conn, "v1")[reading.sha256] == reading
