"""One report, from the bytes its pages and PDF were archived as to what gets loaded.

The per-report pipeline, pure (bytes in, records out: no network, no database, no Prefect):
parse every page by its content, assemble the report, validate it against CQC's arithmetic,
match its council, then read its PDF and fold that in (disagreements recorded, gaps filled).
The nightly ingest runs it on the reports whose pages changed, `cqc reparse` on every report
the archive holds, `mirror.sample` on the mirror's files: one code path for all three.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from transform.councils import UnknownCouncilError, match_council
from transform.crosscheck import (
    Disagreement,
    FilledField,
    compare_sources,
    fill_from_pdf,
    identity_disagreements,
)
from transform.decode import check_bounds, decode_page
from transform.pages import PageParseError, parse_page
from transform.pdf_report import PdfReading, read_report_pdf
from transform.records import (
    AboutPage,
    ListingEntry,
    QualityStatementPage,
    Report,
    ReportIssue,
    SourcePage,
    SummaryPage,
)
from transform.report import ReportAssemblyError, assemble_report
from transform.validate import validate_report


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
    `pdf_reading` is the PDF's parse (a report or why not, and what it cost), if one ran.
    """

    entry: ListingEntry
    report: Report | None
    la_code: str | None
    issues: list[ReportIssue]
    source_pages: list[SourcePage]
    disagreements: list[Disagreement] = field(default_factory=list)
    filled: list[FilledField] = field(default_factory=list)
    pdf_reading: PdfReading | None = None

    @property
    def slug(self) -> str:
        return self.entry.slug or "(no slug)"


PdfParser = Callable[[bytes, str], PdfReading]


def build_outcome(
    source: ReportSource, *, read_pdf: PdfParser | None = read_report_pdf
) -> ReportOutcome:
    """The report its pages give, with its PDF folded in (read by `read_pdf`: the parser
    itself, or the run's guarded one; None leaves PDFs unread); never raises for bad input
    (a parser crash is that report's issue, so one strange page cannot stop a run)."""
    try:
        outcome = build_report(source.entry, source.pages, source.failures)
        reading = None
        if read_pdf is not None and source.pdf is not None and wants_pdf_parse(outcome):
            reading = read_pdf(source.pdf.body, source.pdf.url)
        return add_pdf(outcome, source, reading)
    except Exception as exc:  # a parser bug: this report fails, never the run
        reason = f"parser crashed: {type(exc).__name__}: {exc}"
        issue = ReportIssue(
            slug=source.slug, stage="parse", reason=reason, la_name=source.entry.la_name
        )
        return ReportOutcome(source.entry, None, None, [issue], [])


def build_report(
    entry: ListingEntry, pages: Sequence[ArchivedPage], failures: Sequence[PageFailure] = ()
) -> ReportOutcome:
    """Parse, assemble, validate and match one report from its HTML pages."""
    slug = entry.slug or "(no slug)"
    url = entry.url or ""

    def issue(stage: str, reason: str, page_url: str | None = None) -> ReportIssue:
        return ReportIssue.model_validate(
            {"slug": slug, "stage": stage, "reason": reason, "url": page_url,
             "la_name": entry.la_name}
        )  # fmt: skip

    issues = [issue("fetch", failure.reason, failure.url) for failure in failures]
    parsed_pages: list[AboutPage | SummaryPage | QualityStatementPage] = []
    source_pages: list[SourcePage] = []
    for page in pages:
        if not page.is_html:
            continue  # not a page of the report (its PDF comes through `add_pdf`)
        try:
            decoded = decode_page(page.body, page.content_type, page.url)
            check_bounds(decoded.text, page.url)
            parsed = parse_page(decoded.text, page.url)
        except PageParseError as exc:
            issues.append(issue("parse", exc.reason, page.url))
            continue
        if not isinstance(parsed, AboutPage | SummaryPage | QualityStatementPage):
            issues.append(issue("parse", "not a report page but a listing page", page.url))
            continue
        parsed_pages.append(parsed)
        source_pages.append(
            SourcePage(
                url=page.url,
                page_kind=parsed.page_kind,
                sha256=page.sha256,
                content_type=page.content_type,
                byte_count=len(page.body),
            )
        )
    if issues:
        return ReportOutcome(entry, None, None, issues, source_pages)

    try:
        report = assemble_report(slug, url, parsed_pages)
    except ReportAssemblyError as exc:
        return ReportOutcome(entry, None, None, [issue("parse", str(exc), url)], source_pages)

    problems = validate_report(report)
    if problems:
        issues = [issue("validate", problem, url) for problem in problems]
        return ReportOutcome(entry, None, None, issues, source_pages)

    try:
        council = match_council(report.la_name)
    except UnknownCouncilError as exc:
        return ReportOutcome(entry, None, None, [issue("match", str(exc), url)], source_pages)
    try:
        listed_as = match_council(entry.la_name)
    except UnknownCouncilError:
        listed_as = council  # the report's own header is the authority on its council
    if listed_as.la_code != council.la_code:
        reason = (
            f"listing names {entry.la_name!r} ({listed_as.la_code}) but the report is about "
            f"{report.la_name!r} ({council.la_code})"
        )
        return ReportOutcome(entry, None, None, [issue("match", reason, url)], source_pages)
    return ReportOutcome(entry, report, council.la_code, [], source_pages)


def wants_pdf_parse(outcome: ReportOutcome) -> bool:
    """Parse the PDF of a formal report that loaded from its pages; the parser reads the
    formal layout only, so a pilot's PDF (if any) is archived, not parsed."""
    return outcome.report is not None and not outcome.report.indicative


def add_pdf(
    outcome: ReportOutcome, source: ReportSource, reading: PdfReading | None
) -> ReportOutcome:
    """Fold the report's PDF into the report its pages gave: record its source page, the
    headline fields on which it disagrees, the gaps it fills, and why it failed if it did.

    PDF problems are warnings (`blocking=False`): the report still loads from its pages.
    """
    report = outcome.report
    if report is None:
        return outcome
    slug = outcome.slug

    def warn(stage: str, reason: str, url: str | None) -> ReportIssue:
        return ReportIssue.model_validate(
            {
                "slug": slug,
                "stage": stage,
                "reason": f"report PDF: {reason}",
                "url": url,
                "la_name": outcome.entry.la_name,
                "blocking": False,
            }
        )

    issues = list(outcome.issues)
    for problem in source.pdf_problems:
        stage = "parse" if problem.status == 200 else "fetch"  # 200: not a PDF
        issues.append(warn(stage, problem.reason, problem.url))
    if not source.pdf_links and not report.indicative:
        issues.append(warn("parse", "no link in the pages' Downloads block", report.report_url))
    pdf = source.pdf
    if pdf is None:
        return replace(outcome, issues=issues)
    pdf_source = SourcePage(
        url=pdf.url,
        page_kind="report_pdf",
        sha256=pdf.sha256,
        content_type=pdf.content_type,
        byte_count=len(pdf.body),
    )
    if reading is not None and reading.report is None:
        issues.append(warn("parse", reading.error or "unreadable", pdf.url))
    updated = replace(
        outcome,
        issues=issues,
        source_pages=[*outcome.source_pages, pdf_source],
        pdf_reading=reading,
    )
    if reading is None or reading.report is None:
        return updated
    strangers = identity_disagreements(report, reading.report)
    if strangers:
        said = "; ".join(f"{d.field} {d.pdf_value!r}, not {d.html_value!r}" for d in strangers)
        reason = f"it is about another report ({said}): nothing taken from it"
        return replace(
            updated, issues=[*updated.issues, warn("parse", reason, pdf.url)],
            disagreements=strangers,
        )  # fmt: skip
    merged, filled = fill_from_pdf(report, reading.report, pdf.url)
    return replace(
        updated,
        report=merged,
        disagreements=compare_sources(report, reading.report),
        filled=filled,
    )
