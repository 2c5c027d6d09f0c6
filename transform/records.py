"""Typed records that the parsers produce and the warehouse stores.

These models are the contract between the stages: `transform` builds them from page bytes,
`warehouse` stores them, `flows` passes them along. They hold facts as published, never
derived values, so that validation can compare the two.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

PageKind = Literal["listing", "about", "summary", "quality_statement", "report_pdf"]
AssessmentKind = Literal["formal", "pilot"]
Rating = Literal["Outstanding", "Good", "Requires improvement", "Inadequate"]


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ListingEntry(_Record):
    """One council as the listing shows it."""

    la_name: str
    section: Literal["report", "in_progress", "pilot"]
    slug: str | None = None  # None for "Assessments in progress" (no link)
    url: str | None = None  # absolute URL of the report's landing page
    assessment_kind: AssessmentKind | None = None


class ListingPage(_Record):
    entries: list[ListingEntry]
    next_url: str | None = None  # absolute URL of the pager's "Next" link


class QualityStatementScore(_Record):
    """One of the nine statements with its score, named canonically."""

    number: int = Field(ge=1, le=9)
    name: str  # canonical framework name, e.g. "Supporting people to live healthier lives"
    theme: str  # canonical theme name, e.g. "Working with people"
    score: int  # as published; validation checks 1..4
    published_name: str | None = None  # the wording on the page, before alias normalisation


class KeyFinding(_Record):
    """A paragraph under a sub-heading of "Key findings for this quality statement"."""

    heading: str | None
    text: str


class Fact(_Record):
    """A demographic or financial bullet, with whatever number could be read from it.

    `raw_text` is always kept: a bullet we cannot classify is still stored, never dropped.
    """

    kind: str  # e.g. "asc_spend", "population", "unclassified"
    raw_text: str
    value: float | None = None
    unit: str | None = None  # "GBP", "percent", "people", "rank", "decile", ...
    period: str | None = None  # e.g. "2023/24"


class PageMeta(_Record):
    """What every report page carries, whatever its kind."""

    url: str | None = None
    la_name: str | None = None  # from the "<council>: local authority assessment" header
    slug: str | None = None
    assessment_kind: AssessmentKind | None = None
    indicative: bool = False
    published_on: date | None = None  # "Published: ..." (or "Assessment published: ...")
    page_last_updated: date | None = None
    links: list[str] = Field(default_factory=list)  # absolute URLs of this report's other pages
    download_links: list[str] = Field(default_factory=list)  # absolute URLs in "Downloads"


class AboutPage(PageMeta):
    page_kind: Literal["about"] = "about"
    assessment_start_date: date | None = None  # pilots only
    demographics: list[Fact] = Field(default_factory=list)
    financial_facts: list[Fact] = Field(default_factory=list)


class SummaryPage(PageMeta):
    page_kind: Literal["summary"] = "summary"
    overall_rating: Rating | None = None
    overall_rating_published: str | None = None  # the rating text as printed
    overall_score_pct: int | None = None
    quality_statements: list[QualityStatementScore] = Field(default_factory=list)
    # canonical names of statements printed without a score (mirror placeholders): never guessed
    unscored_statements: list[str] = Field(default_factory=list)
    people_experience: list[str] = Field(default_factory=list)


class QualityStatementPage(PageMeta):
    page_kind: Literal["quality_statement"] = "quality_statement"
    # None only when the page prints no score (then `unscored_statement` names it)
    statement: QualityStatementScore | None = None
    unscored_statement: str | None = None  # canonical name of a statement printed unscored
    score_label: str | None = None  # e.g. "Evidence shows some shortfalls"
    what_people_expect: list[str] = Field(default_factory=list)
    commitment: str | None = None
    key_findings: list[KeyFinding] = Field(default_factory=list)


ReportPage = AboutPage | SummaryPage | QualityStatementPage


class QualityStatementDetail(_Record):
    """A statement's score together with the text its own page gives."""

    statement: QualityStatementScore
    score_label: str | None = None
    what_people_expect: list[str] = Field(default_factory=list)
    commitment: str | None = None
    key_findings: list[KeyFinding] = Field(default_factory=list)
    url: str | None = None


class Report(_Record):
    """One assessment, assembled from its family of pages."""

    slug: str
    report_url: str
    la_name: str
    assessment_kind: AssessmentKind
    indicative: bool
    published_on: date | None
    page_last_updated: date | None
    overall_rating: Rating | None
    overall_score_pct: int | None
    quality_statements: list[QualityStatementScore]
    unscored_statements: list[str] = Field(default_factory=list)  # canonical names, no score
    statement_details: list[QualityStatementDetail] = Field(default_factory=list)
    people_experience: list[str] = Field(default_factory=list)
    demographics: list[Fact] = Field(default_factory=list)
    financial_facts: list[Fact] = Field(default_factory=list)
    page_urls: list[str] = Field(default_factory=list)


class ReportIssue(_Record):
    """Why a report (or one of its pages) could not be loaded as valid."""

    slug: str
    stage: Literal["fetch", "parse", "validate", "match"]
    reason: str
    url: str | None = None
    la_name: str | None = None
    # False: a warning on a report that loaded anyway (its PDF failed, its pages did not)
    blocking: bool = True


class SourcePage(_Record):
    """A raw page an assessment was built from (a `source_page` row without its assessment)."""

    url: str
    page_kind: str | None = None  # about | summary | quality_statement | report_pdf | listing
    sha256: str | None = None  # lower-case hex SHA-256 of the archived bytes
    content_type: str | None = None
    byte_count: int | None = None
