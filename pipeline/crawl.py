"""Phase one of a run, the crawl: discover the listing, fetch the reports due, archive it all.

Prefect-free. It only fetches: every exchange goes to the run's WARC file through the
client, and what the run made of the listing and of each report (which pages, which PDF,
what failed) goes there too, as a `metadata` record (a manifest), so that the archive alone
says what every report was read from. It returns what it fetched, nothing else: parsing and
loading are the next phases (`transform.pipeline`, `warehouse.load`).

Links are followed, never built: the listing's pager, each report's own navigation, the
Downloads block of its pages (`transform.links`, `transform.listing`).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from extract.crawl import CrawlLimitError, crawl
from extract.http import FetchedPage, FetchError, RunStopError, require_pdf
from extract.incremental import FetchOutcome
from extract.warc import ArchiveRecordError, WarcArchive, WarcWriter
from transform.decode import check_bounds, decode_page
from transform.errors import PageParseError
from transform.links import download_links, report_links
from transform.listing import parse_listing
from transform.pipeline import ArchivedPage, PageFailure, ReportSource
from transform.records import ListingEntry

# Any listing or report family larger than this means a crawl loop or a changed site.
MAX_LISTING_PAGES = 50  # the real listing has a handful; a pager past this never ends
MAX_REPORT_PAGES = 60
# A Downloads block may offer other files (an easy-read version, data); stop after this many.
MAX_DOWNLOAD_LINKS = 3

ProgressCallback = Callable[[int, int, str], None]


class ListingError(RunStopError):
    """The listing could not be read (fetched, decoded, parsed) or its pager does not end:
    nothing can be discovered, so the run stops, saying why in one line. A `RunStopError`,
    so the flow ends Failed with that line and no traceback."""


class Fetcher(Protocol):
    """What the crawl needs of a fetcher: the live `ConditionalFetcher`, or a replay of an
    archive (`pipeline.legacy.ReplayFetcher`)."""

    def get(self, url: str) -> FetchedPage: ...

    def outcome(self, page: FetchedPage) -> FetchOutcome: ...

    def failure(self, error: FetchError) -> FetchOutcome: ...


@dataclass(frozen=True)
class PageRef:
    """Where a page's body is in the archive, and what it was served as."""

    url: str
    sha256: str
    content_type: str | None = None

    @classmethod
    def of(cls, page: FetchedPage) -> PageRef:
        return cls(page.url, page.sha256, page.content_type)


@dataclass(frozen=True)
class ListingFetch:
    """The listing, every page of its pager: the reports it links and who is in progress."""

    entries: list[ListingEntry]
    in_progress: list[str]
    pages: list[PageRef]
    fetches: list[FetchOutcome]

    def manifest(self) -> dict[str, Any]:
        return {
            "entries": [e.model_dump(mode="json") for e in self.entries],
            "in_progress": self.in_progress,
            "pages": [_ref_json(p) for p in self.pages],
        }

    @classmethod
    def from_manifest(cls, data: Mapping[str, Any]) -> ListingFetch:
        return cls(
            entries=[ListingEntry.model_validate(e) for e in data["entries"]],
            in_progress=list(data["in_progress"]),
            pages=[PageRef(**p) for p in data["pages"]],
            fetches=[],
        )


@dataclass(frozen=True)
class ReportFetch:
    """What one run fetched of one report: its pages, its PDF, what failed, every request."""

    entry: ListingEntry
    pages: list[PageRef]
    failures: list[PageFailure] = field(default_factory=list)
    pdf_links: list[str] = field(default_factory=list)
    pdf: PageRef | None = None
    pdf_problems: list[PageFailure] = field(default_factory=list)
    fetches: list[FetchOutcome] = field(default_factory=list)  # not in the manifest

    @property
    def slug(self) -> str:
        return self.entry.slug or "(no slug)"

    @property
    def changed(self) -> bool:
        """Whether any body differs from the one held (a new report: all of them)."""
        return any(f.changed for f in self.fetches if f.error is None)

    def manifest(self) -> dict[str, Any]:
        return {
            "slug": self.slug,
            "entry": self.entry.model_dump(mode="json"),
            "pages": [_ref_json(p) for p in self.pages],
            "failures": [_failure_json(f) for f in self.failures],
            "pdf_links": self.pdf_links,
            "pdf": _ref_json(self.pdf) if self.pdf else None,
            "pdf_problems": [_failure_json(f) for f in self.pdf_problems],
        }

    @classmethod
    def from_manifest(cls, data: Mapping[str, Any]) -> ReportFetch:
        return cls(
            entry=ListingEntry.model_validate(data["entry"]),
            pages=[PageRef(**p) for p in data["pages"]],
            failures=[PageFailure(**f) for f in data["failures"]],
            pdf_links=list(data["pdf_links"]),
            pdf=PageRef(**data["pdf"]) if data["pdf"] else None,
            pdf_problems=[PageFailure(**f) for f in data["pdf_problems"]],
        )


@dataclass(frozen=True)
class SiteCrawl:
    """Phase one's result: the listing and each report fetched; those held but not due."""

    listing: ListingFetch
    reports: list[ReportFetch]
    not_due: list[ListingEntry]
    not_reached: list[ListingEntry] = field(default_factory=list)  # the run's deadline came
    stopped: str | None = None  # why the crawl stopped short (a RunStopError's reason)

    @property
    def fetches(self) -> list[FetchOutcome]:
        return [*self.listing.fetches, *(f for r in self.reports for f in r.fetches)]


def _ref_json(ref: PageRef) -> dict[str, Any]:
    return {"url": ref.url, "sha256": ref.sha256, "content_type": ref.content_type}


def _failure_json(failure: PageFailure) -> dict[str, Any]:
    return {"url": failure.url, "reason": failure.reason, "status": failure.status}


def _is_html(page: FetchedPage) -> bool:
    return page.content_type is None or "html" in page.content_type.lower()


def readable_text(page: FetchedPage) -> str | None:
    """An HTML page's text, if it decodes and keeps a report page's bounds; else None: no
    link is followed from it, and phase two records why it was not read."""
    if not _is_html(page):
        return None
    try:
        text = decode_page(page.body, page.content_type, page.url).text
        check_bounds(text, page.url)
    except PageParseError:
        return None
    return text


def discover(fetcher: Fetcher, listing_url: str) -> ListingFetch:
    """Follow the listing's pager to its last page. A listing page that fails to fetch or
    parse, or a pager past MAX_LISTING_PAGES, raises `ListingError`: without the listing
    nothing can be discovered, so the run fails loudly."""
    entries: dict[str, ListingEntry] = {}
    slugs: set[str | None] = set()
    in_progress: dict[str, None] = {}

    def read_and_follow(page: FetchedPage) -> list[str]:
        text = decode_page(page.body, page.content_type, page.url).text
        check_bounds(text, page.url)
        listing = parse_listing(text, page.url)
        for entry in listing.entries:
            if entry.url is None:
                in_progress.setdefault(entry.la_name, None)
            elif entry.slug not in slugs:  # one report once, however often it is listed
                slugs.add(entry.slug)
                entries.setdefault(entry.url, entry)
        return [listing.next_url] if listing.next_url else []

    try:
        result = crawl(fetcher.get, listing_url, read_and_follow, max_pages=MAX_LISTING_PAGES)
    except CrawlLimitError as exc:
        raise ListingError(
            f"the listing's pager goes on past {exc.limit} pages (MAX_LISTING_PAGES), to "
            f"{exc.last_url}: a pager that never ends, or a changed site"
        ) from exc
    except PageParseError as exc:
        raise ListingError(f"the listing cannot be read: {exc}") from exc
    if result.failures:
        failure = result.failures[0]
        raise ListingError(f"the listing cannot be fetched: {failure}") from failure
    return ListingFetch(
        entries=list(entries.values()),
        in_progress=list(in_progress),
        pages=[PageRef.of(p) for p in result.pages],
        fetches=[fetcher.outcome(p) for p in result.pages],
    )


def fetch_report(fetcher: Fetcher, entry: ListingEntry, *, pdfs: bool) -> ReportFetch:
    """A report's landing page, every page its own navigation links to, then its PDF: the
    first of its pages' Downloads links whose bytes are a PDF (no file name is guessed)."""
    assert entry.url is not None and entry.slug is not None
    slug = entry.slug

    def family_links(page: FetchedPage) -> list[str]:
        text = readable_text(page)
        return report_links(text, page.url, slug) if text is not None else []

    try:
        result = crawl(fetcher.get, entry.url, family_links, max_pages=MAX_REPORT_PAGES)
    except CrawlLimitError as exc:
        return ReportFetch(entry, [], [PageFailure(entry.url, str(exc))])
    except RunStopError:
        raise  # the site or the archive says the whole run must stop
    except Exception as exc:  # a link-following bug: this report fails, the run goes on
        reason = f"crawl crashed: {type(exc).__name__}: {exc}"
        return ReportFetch(entry, [], [PageFailure(entry.url, reason)])
    fetches = [fetcher.outcome(p) for p in result.pages]
    fetches += [fetcher.failure(e) for e in result.failures]
    failures = [PageFailure(e.url, e.reason, e.status) for e in result.failures]
    html = [p for p in result.pages if _is_html(p)]
    links = pdf_links(html)
    pdf: PageRef | None = None
    problems: list[PageFailure] = []
    if pdfs and not failures:
        for url in links[:MAX_DOWNLOAD_LINKS]:
            try:
                page = fetcher.get(url)
            except FetchError as exc:
                fetches.append(fetcher.failure(exc))
                problems.append(PageFailure(exc.url, exc.reason, exc.status))
                continue
            fetches.append(fetcher.outcome(page))
            try:
                require_pdf(page)
            except FetchError as exc:  # a page, not a PDF: archived, and a warning
                problems.append(PageFailure(exc.url, exc.reason, exc.status))
                continue
            pdf = PageRef.of(page)
            break
    return ReportFetch(
        entry=entry,
        pages=[PageRef.of(p) for p in html],
        failures=failures,
        pdf_links=links,
        pdf=pdf,
        pdf_problems=problems,
        fetches=fetches,
    )


def pdf_links(pages: Sequence[FetchedPage]) -> list[str]:
    """The download links of a report's HTML pages, deduplicated in page order."""
    seen: dict[str, None] = {}
    for page in pages:
        text = readable_text(page)
        for url in download_links(text, page.url) if text is not None else []:
            seen.setdefault(url, None)
    return list(seen)


def crawl_site(
    fetcher: Fetcher,
    writer: WarcWriter,
    *,
    listing_url: str,
    due: Callable[[Sequence[ListingEntry]], Collection[str]],
    max_reports: int | None = None,
    pdfs: bool = True,
    progress: ProgressCallback | None = None,
    deadline: float | None = None,
    clock: Callable[[], float] = time.monotonic,
    on_listing: Callable[[ListingFetch, Sequence[str]], object] | None = None,
    on_report: Callable[[ReportFetch], object] | None = None,  # what they return is unused
) -> SiteCrawl:
    """Discover, then fetch each report that is new or `due` (given the listed entries, the
    slugs of the reports to fetch tonight); write a manifest for the listing and for every
    report fetched. The listing goes to `on_listing` with the slugs to be fetched, in order
    (it may stop the run there, before any report is fetched), and each report to
    `on_report` as soon as its manifest is written (the run reads and loads it there).
    Past `deadline` (on `clock`) no further report is started: the rest are `not_reached`,
    and the next run takes them up. A RunStopError (the site asks for more patience than
    allowed, the archive cannot be written) ends the crawl there: what was fetched before
    it is returned, with `stopped` saying why."""
    try:
        listing = discover(fetcher, listing_url)
        writer.write_metadata(listing_url, "listing", listing.manifest())
    except ListingError:
        raise  # nothing was discovered: the run fails as it is, nothing to load
    except RunStopError as exc:
        return SiteCrawl(ListingFetch([], [], [], []), [], [], stopped=str(exc))
    entries = listing.entries[:max_reports] if max_reports is not None else listing.entries
    chosen = set(due(entries))
    if on_listing is not None:
        on_listing(listing, [e.slug for e in entries if e.slug is not None and e.slug in chosen])
    reports: list[ReportFetch] = []
    not_due: list[ListingEntry] = []
    not_reached: list[ListingEntry] = []
    stopped: str | None = None
    for number, entry in enumerate(entries, start=1):
        if progress is not None:
            progress(number - 1, len(entries), entry.slug or "")
        if entry.slug not in chosen:
            not_due.append(entry)
            continue
        if deadline is not None and clock() > deadline:
            not_reached.append(entry)
            continue
        if stopped is not None:
            not_reached.append(entry)
            continue
        try:
            fetched = fetch_report(fetcher, entry, pdfs=pdfs)
            writer.write_metadata(entry.url or "", "report", fetched.manifest())
        except RunStopError as exc:  # what was fetched before it is still loaded
            stopped = str(exc)
            not_reached.append(entry)
            continue
        reports.append(fetched)
        if on_report is not None:
            on_report(fetched)
    return SiteCrawl(listing, reports, not_due, not_reached, stopped)


def archived_source(archive: WarcArchive, fetched: ReportFetch) -> ReportSource:
    """The report as phase two reads it: its bytes from the archive, each checked against
    its record's digest. A record that is missing or does not match is that report's
    failure, never a body."""
    failures = list(fetched.failures)
    pages: list[ArchivedPage] = []
    for ref in fetched.pages:
        try:
            pages.append(ArchivedPage(ref.url, archive.read(ref.sha256), ref.content_type))
        except ArchiveRecordError as exc:
            failures.append(PageFailure(ref.url, str(exc)))
    pdf: ArchivedPage | None = None
    problems = list(fetched.pdf_problems)
    if fetched.pdf is not None:
        try:
            pdf = ArchivedPage(
                fetched.pdf.url, archive.read(fetched.pdf.sha256), fetched.pdf.content_type
            )
        except ArchiveRecordError as exc:
            problems.append(PageFailure(fetched.pdf.url, str(exc)))
    return ReportSource(
        entry=fetched.entry,
        pages=pages,
        failures=failures,
        pdf=pdf,
        pdf_links=fetched.pdf_links,
        pdf_problems=problems,
    )
