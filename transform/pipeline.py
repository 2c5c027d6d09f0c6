"""One report, from the bytes its pages and PDF were archived as to what gets loaded.

The per-report pipeline, pure (bytes in, records out: no network, no database, no Prefect):
read every page and the PDF into facts, assemble the report from all of them (the PDF fills
gaps, its disagreements are recorded), judge it complete and consistent with CQC's
arithmetic, match its council.
The nightly ingest runs it on the reports whose pages changed, `cqc reparse` on every report
the archive holds, `mirror.sample` on the mirror's files: one code path for all three.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from transform.councils import UnknownCouncilError, match_council
from transform.crosscheck import Disagreement, FilledField
from transform.decode import check_bounds, decode_page
from transform.errors import PageParseError
from transform.pages import read_page
from transform.pdf_report import PdfReading, read_report_pdf
from transform.records import ListingEntry, PageReading, Report, ReportIssue, SourcePage
from transform.report import FactSource, assemble_report


@dataclass(frozen=True)
class ArchivedPage:
    """A response body as the archive holds it, with what it was served as."""

    url: str
    body: bytes
    content_type: str | None = None
    sha256: str = ""

    def __post_init__(self) -> None:
        if not self.sha256:
            object.__setattr__(self, "sha256", hashlib.sha256(self.body).hexdigest())

    @property
    def is_html(self) -> bool:
        return self.content_type is None or "html" in self.content_type.lower()


@dataclass(frozen=True)
class PageFailure:
    """A page of the report that could not be had: a failed fetch, a non-PDF download."""

    url: str
    reason: str
    status: int | None = None  # 200 for a response that came but was not what was wanted


@dataclass(frozen=True)
class ReportSource:
    """Everything one report was read from: the listing entry, its pages, its PDF."""

    entry: ListingEntry
    pages: list[ArchivedPage]
    failures: list[PageFailure] = field(default_factory=list)
    pdf: ArchivedPage | None = None
    pdf_links: list[str] = field(default_factory=list)  # the pages' Downloads links
    pdf_problems: list[PageFailure] = field(default_factory=list)  # links that gave no PDF

    @property
    def slug(self) -> str:
        return self.entry.slug or "(no slug)"


@dataclass(frozen=True)
class ReportOutcome:
    """What one report amounted to: a valid report to load, or the issues why not.

    With a report, `issues` holds only warnings (`blocking=False`, e.g. a PDF that could not
    be read); `disagreements` and `filled` say where its PDF differed from or added to it;
    `pdf_reading` is the PDF's parse (its facts or why none, and what it cost), if one ran;
    `sources` where each fact of the report was read, `readings` each page's facts.
    """

    entry: ListingEntry
    report: Report | None
    la_code: str | None
    issues: list[ReportIssue]
    source_pages: list[SourcePage]
    disagreements: list[Disagreement] = field(default_factory=list)
    filled: list[FilledField] = field(default_factory=list)
    pdf_reading: PdfReading | None = None
    sources: list[FactSource] = field(default_factory=list)  # where each fact was read
    readings: list[PageReading] = field(default_factory=list)  # what each page carried

    @property
    def slug(self) -> str:
        return self.entry.slug or "(no slug)"


PdfParser = Callable[[bytes, str], PdfReading]


def build_outcome(
    source: ReportSource, *, read_pdf: PdfParser | None = read_report_pdf
) -> ReportOutcome:
    """The report all its pages and its PDF (read by `read_pdf`: the parser itself, or the
    run's guarded one; None leaves PDFs unread) give together; never raises for bad input (a
    parser crash is that report's issue, so one strange page cannot stop a run)."""
    reading = None
    if read_pdf is not None and source.pdf is not None:
        try:
            reading = read_pdf(source.pdf.body, source.pdf.url)
        except Exception as exc:  # a PDF parser bug: the PDF is unread, the pages still count
            reading = PdfReading.failed(
                source.pdf.url, f"parser crashed: {type(exc).__name__}: {exc}"
            )
    try:
        return build_report(source, reading)
    except Exception as exc:  # a parser bug: this report fails, never the run
        reason = f"parser crashed: {type(exc).__name__}: {exc}"
        issue = ReportIssue(
            slug=source.slug, stage="parse", reason=reason, la_name=source.entry.la_name
        )
        return ReportOutcome(source.entry, None, None, [issue], [])


def read_pages(
    pages: Sequence[ArchivedPage],
) -> tuple[list[PageReading], list[SourcePage], list[tuple[str, str]]]:
    """Each HTML page read into facts, its source row, and (url, reason) for each page that
    could not be read at all (it does not decode, or is too large to parse)."""
    readings: list[PageReading] = []
    source_pages: list[SourcePage] = []
    unreadable: list[tuple[str, str]] = []
    for page in pages:
        if not page.is_html:
            continue  # not a page of the report (its PDF is read apart)
        try:
            decoded = decode_page(page.body, page.content_type, page.url)
            check_bounds(decoded.text, page.url)
            reading = read_page(decoded.text, page.url)
        except PageParseError as exc:
            unreadable.append((page.url, exc.reason))
            continue
        readings.append(reading)
        source_pages.append(
            SourcePage(
                url=page.url,
                page_kind=reading.page_kind,
                sha256=page.sha256,
                content_type=page.content_type,
                byte_count=len(page.body),
            )
        )
    return readings, source_pages, unreadable


def unused(readings: Sequence[PageReading]) -> list[tuple[str, str]]:
    """What the report's pages hold that nothing was read from, by page: a page carrying
    none of a report's facts, text in a statement's section under no label the reader knows.
    Never dropped unseen: each is a warning on the report that loads without it."""
    found: list[tuple[str, str]] = []
    for reading in readings:
        if reading.page_kind == "other":
            found.append((reading.url, "page carries none of the report's facts: not read"))
        for statement in reading.statements:
            if statement.unread:
                first = statement.unread[0][:80]
                found.append(
                    (
                        reading.url,
                        f"statement {statement.number}: {len(statement.unread)} lines under no "
                        f"label this reader knows were not loaded, the first {first!r}",
                    )
                )
    return found


def build_report(source: ReportSource, pdf_reading: PdfReading | None = None) -> ReportOutcome:
    """Read, assemble, validate and match one report from its pages and its PDF's reading."""
    entry = source.entry
    slug = source.slug
    url = entry.url or ""

    def issue(stage: str, reason: str, page_url: str | None, blocking: bool = True) -> ReportIssue:
        return ReportIssue.model_validate(
            {"slug": slug, "stage": stage, "reason": reason, "url": page_url,
             "la_name": entry.la_name, "blocking": blocking}
        )  # fmt: skip

    def warn(stage: str, reason: str, page_url: str | None) -> ReportIssue:
        return issue(stage, f"report PDF: {reason}", page_url, blocking=False)

    issues = [issue("fetch", failure.reason, failure.url) for failure in source.failures]
    readings, source_pages, unreadable = read_pages(source.pages)
    issues += [issue("parse", reason, page_url) for page_url, reason in unreadable]

    warnings = [
        warn("parse" if problem.status == 200 else "fetch", problem.reason, problem.url)
        for problem in source.pdf_problems  # status 200: a response that is not a PDF
    ]
    pdf_facts = None
    pdf = source.pdf
    if pdf is not None:
        source_pages.append(
            SourcePage(
                url=pdf.url,
                page_kind="report_pdf",
                sha256=pdf.sha256,
                content_type=pdf.content_type,
                byte_count=len(pdf.body),
            )
        )
        if pdf_reading is not None and pdf_reading.facts is None:
            warnings.append(warn("parse", pdf_reading.error or "unreadable", pdf.url))
        if pdf_reading is not None and pdf_reading.facts is not None:
            # the facts as read from this URL (a parse cached from another is the same bytes)
            pdf_facts = pdf_reading.facts.model_copy(update={"url": pdf.url})

    def outcome(
        report: Report | None, la_code: str | None, found: list[ReportIssue]
    ) -> ReportOutcome:
        return ReportOutcome(
            entry,
            report,
            la_code,
            found if report is None else [*found, *warnings],
            source_pages,
            disagreements=assembly.disagreements,
            filled=assembly.filled,
            pdf_reading=pdf_reading,
            sources=assembly.sources,
            readings=readings,
        )

    assembly = assemble_report(slug, url, readings, pdf_facts, listed_kind=entry.assessment_kind)
    warnings += [warn("parse", w, pdf.url if pdf else None) for w in assembly.warnings]
    if issues:
        return outcome(None, None, issues)
    if assembly.report is None:
        return outcome(None, None, [issue("validate", p, url) for p in assembly.problems])
    report = assembly.report
    if not source.pdf_links and not report.indicative:
        warnings.append(warn("parse", "no link to it on the report's pages", url))
    warnings += [
        issue("parse", why, page_url, blocking=False) for page_url, why in unused(readings)
    ]
    try:
        council = match_council(report.la_name)
    except UnknownCouncilError as exc:
        return outcome(None, None, [issue("match", str(exc), url)])
    try:
        listed_as = match_council(entry.la_name)
    except UnknownCouncilError:
        listed_as = council  # the report's own header is the authority on its council
    if listed_as.la_code != council.la_code:
        reason = (
            f"listing names {entry.la_name!r} ({listed_as.la_code}) but the report is about "
            f"{report.la_name!r} ({council.la_code})"
        )
        return outcome(None, None, [issue("match", reason, url)])
    return outcome(report, council.la_code, [])
