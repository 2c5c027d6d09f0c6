"""Phase one, the crawl: a report's family followed by its links, its PDF found among its
download links, and manifests that say what it was read from. Real fetcher and client over
the mirror's files (an in-process transport), real WARC archive."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import httpx
import pytest

from extract.http import SiteClient
from extract.incremental import ConditionalFetcher
from extract.warc import WarcArchive
from pipeline.crawl import ReportFetch, archived_source, crawl_site, fetch_report
from transform.pipeline import build_outcome
from transform.records import ListingEntry

SITE = Path(__file__).resolve().parents[2] / "mirror" / "site"
BASE = "http://mirror.test"
REPORTS = "/care-services/local-authority-assessment-reports"
STOKE = ListingEntry(
    la_name="Stoke-on-Trent City Council",
    section="report",
    slug="stokeontrent-0625",
    url=f"{BASE}{REPORTS}/stokeontrent-0625",
    assessment_kind="formal",
)
STOKE_PDF = f"{BASE}/sites/default/files/2025-06/stokeontrent-0625-local-authority-assessment.pdf"


def mirror_transport(overrides: dict[str, httpx.Response] | None = None) -> httpx.MockTransport:
    """The mirror's files as a site: `<path>.html` pages, `?page=N` listings, PDFs."""

    def answer(request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path in (overrides or {}):
            return (overrides or {})[path]
        if path == "/robots.txt":
            return httpx.Response(404)
        if path.endswith(".pdf"):
            file = SITE / path.lstrip("/")
            kind = "application/pdf"
        else:
            query = request.url.params.get("page")
            file = SITE / (path.lstrip("/") + (f".page-{query}" if query else "") + ".html")
            kind = "text/html; charset=utf-8"
        if not file.is_file():
            return httpx.Response(404, text="not found")
        return httpx.Response(200, content=file.read_bytes(), headers={"Content-Type": kind})

    return httpx.MockTransport(answer)


@pytest.fixture
def crawler(tmp_path: Path) -> Callable[..., tuple[ConditionalFetcher, WarcArchive]]:
    def make(overrides: dict[str, httpx.Response] | None = None):  # type: ignore[no-untyped-def]
        archive = WarcArchive(tmp_path / "raw")
        writer = archive.writer("cqc-test-000001")
        client = SiteClient(
            BASE,
            transport=mirror_transport(overrides),
            min_interval_s=0,
            on_exchange=writer.write_exchange,
        )
        return ConditionalFetcher(client, archive), archive

    return make


def test_a_report_is_its_eleven_pages_and_its_pdf(crawler) -> None:  # type: ignore[no-untyped-def]
    fetcher, archive = crawler()
    fetched = fetch_report(fetcher, STOKE, pdfs=True)
    assert len(fetched.pages) == 11 and not fetched.failures
    assert fetched.pdf_links == [STOKE_PDF]
    assert fetched.pdf is not None and fetched.pdf.url == STOKE_PDF
    assert fetched.changed  # nothing was held: every body is new
    assert len(fetched.fetches) == 12
    # Phase two reads it back from the archive and gets the real report.
    outcome = build_outcome(archived_source(archive, fetched))
    assert outcome.report is not None, outcome.issues
    assert (outcome.report.overall_rating, outcome.report.overall_score_pct) == ("Good", 64)
    assert [q.score for q in outcome.report.quality_statements] == [2, 2, 2, 3, 3, 2, 3, 3, 3]


def test_the_first_link_that_answers_with_a_pdf_is_the_report_pdf(crawler) -> None:  # type: ignore[no-untyped-def]
    """A PDF link that 404s is a warning, and a link that says nothing of being a document
    (an easy-read page) is never fetched as one; the PDF after them is the report's."""
    about = (SITE / f"{REPORTS.lstrip('/')}/stokeontrent-0625.html").read_text()
    downloads = (
        '<h2>Downloads</h2><ul><li><a href="/gone.pdf">Report (PDF)</a></li>'
        '<li><a href="/easy-read">Easy read</a></li>'
        '<li><a href="/sites/default/files/2025-06/stokeontrent-0625-local-authority-'
        'assessment.pdf">Report</a></li></ul>'
    )
    overrides = {
        f"{REPORTS}/stokeontrent-0625": httpx.Response(
            200,
            text=re.sub(r"(<body[^>]*>)", rf"\1{downloads}", about, count=1),
            headers={"Content-Type": "text/html"},
        ),
        "/easy-read": httpx.Response(
            200, text="<html>an easy read page</html>", headers={"Content-Type": "text/html"}
        ),
    }
    fetcher, _ = crawler(overrides)
    fetched = fetch_report(fetcher, STOKE, pdfs=True)
    assert fetched.pdf is not None and fetched.pdf.url == STOKE_PDF
    assert [(p.url, p.status, p.reason) for p in fetched.pdf_problems] == [
        (f"{BASE}/gone.pdf", 404, "HTTP 404"),
    ]
    assert f"{BASE}/easy-read" not in fetched.pdf_links


def test_a_manifest_round_trips_and_the_archive_alone_rebuilds_the_report(crawler) -> None:  # type: ignore[no-untyped-def]
    fetcher, archive = crawler()
    fetched = fetch_report(fetcher, STOKE, pdfs=True)
    again = ReportFetch.from_manifest(fetched.manifest())
    assert again == ReportFetch(**{**fetched.__dict__, "fetches": []})
    direct = build_outcome(archived_source(archive, fetched))
    rebuilt = build_outcome(archived_source(WarcArchive(archive.root), again))
    assert replace(rebuilt, pdf_reading=None) == replace(direct, pdf_reading=None)  # timings aside


def test_crawl_site_writes_a_manifest_per_report_and_one_for_the_listing(crawler) -> None:  # type: ignore[no-untyped-def]
    fetcher, archive = crawler()
    writer = archive.writer("cqc-test-000002")
    crawl = crawl_site(
        fetcher,
        writer,
        listing_url=BASE + REPORTS,
        due=lambda entries: {e.slug for e in entries[:2] if e.slug},
        max_reports=3,
        pdfs=False,
    )
    assert len(crawl.listing.entries) == 77 and len(crawl.listing.in_progress) == 76
    assert [r.slug for r in crawl.reports] == ["croydon-1025", "eastsussex-1025"]
    assert [e.slug for e in crawl.not_due] == ["liverpool-0925"]
    assert [p["slug"] for _, p in archive.metadata("report")] == ["croydon-1025", "eastsussex-1025"]
    [(_, listing)] = list(archive.metadata("listing"))
    assert len(listing["entries"]) == 77


def test_a_damaged_archive_record_is_the_reports_failure_never_its_body(crawler) -> None:  # type: ignore[no-untyped-def]
    fetcher, archive = crawler()
    fetched = fetch_report(fetcher, STOKE, pdfs=False)
    lost = fetched.pages[1]
    tampered = ReportFetch(
        **{**fetched.__dict__, "pages": [*fetched.pages[:1], type(lost)(lost.url, "0" * 64)]}
    )
    outcome = build_outcome(archived_source(archive, tampered))
    assert outcome.report is None
    assert [(i.stage, i.url) for i in outcome.issues] == [("fetch", lost.url)]
    assert "archive record" in outcome.issues[0].reason


def test_a_report_listed_twice_is_fetched_once(crawler) -> None:  # type: ignore[no-untyped-def]
    """Two listing links to one slug (one of them broken) must not make two reports whose
    outcomes overwrite each other's issues: the first link stands."""
    listing = (
        "<html><body><h1>Local authority assessment reports</h1><h2>Assessment reports</h2>"
        f'<ul><li><a href="{REPORTS}/stokeontrent-0625">Stoke-on-Trent City Council: local '
        "authority assessment</a></li>"
        f'<li><a href="{REPORTS}/stokeontrent-0625/">Stoke-on-Trent City Council: local '
        "authority assessment</a></li></ul></body></html>"
    )
    overrides = {REPORTS: httpx.Response(200, text=listing, headers={"Content-Type": "text/html"})}
    fetcher, archive = crawler(overrides)
    crawl = crawl_site(
        fetcher, archive.writer("cqc-test-000003"), listing_url=BASE + REPORTS,
        due=lambda entries: {e.slug for e in entries if e.slug}, pdfs=False,
    )  # fmt: skip
    assert [r.slug for r in crawl.reports] == ["stokeontrent-0625"]
