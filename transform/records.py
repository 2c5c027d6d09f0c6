"""Typed records that the parsers produce and the warehouse stores.

These models are the contract between the stages: `transform` builds them from page bytes,
`warehouse` stores them, `flows` passes them along. They hold facts as published, never
derived values, so that validation can compare the two.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

# What a page was read as, by the facts it carried: a label for provenance, never a gate.
PageKind = Literal[
    "listing", "about", "summary", "quality_statement", "statements", "report_pdf", "other"
]
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


class Provenance(_Record):
    """Where a fact was read: the text it was read from, and its PDF page if from a PDF (the
    URL is its reading's)."""

    text: str
    pdf_page: int | None = None


class StatementReading(_Record):
    """What one source (a page, a section of a page, a PDF) says of one quality statement:
    its score, its texts, or both. A score table gives scores only; a statement's own section
    gives its texts and usually its score too."""

    number: int = Field(ge=1, le=9)
    published_name: str  # the wording on the page, before alias normalisation
    score: int | None = None  # None: printed without a score, or not printed here
    unscored: bool = False  # printed with a placeholder where the score would be
    score_label: str | None = None  # e.g. "Evidence shows some shortfalls"
    what_people_expect: list[str] = Field(default_factory=list)
    commitment: str | None = None
    key_findings: list[KeyFinding] = Field(default_factory=list)
    # text of the statement's section under no label this parser reads (never dropped unseen)
    unread: list[str] = Field(default_factory=list)

    @property
    def has_text(self) -> bool:
        return bool(self.what_people_expect or self.commitment or self.key_findings)


class PageReading(_Record):
    """Every fact one page (or report PDF) of a report carries, each where it was read.

    A page may carry any subset of the facts, including none: the report is assembled from
    all its pages' readings (`transform.report`), and only there is anything required. The
    page kind is a label for provenance and the run summary, never a gate.
    """

    url: str
    page_kind: PageKind
    la_name: str | None = None  # the report header's council ("<council>: local authority ...")
    slug: str | None = None
    indicative: bool = False  # the page speaks of indicative ratings or scores (a 2023 pilot)
    pilot: bool = False  # a pilot's marks: indicative, "Assessment start date", its header
    published_on: date | None = None  # "Published: ..." (or "Assessment published: ...")
    page_last_updated: date | None = None
    assessment_start_date: date | None = None  # pilots only
    overall_rating: Rating | None = None
    overall_rating_published: str | None = None  # the rating text as printed
    overall_score_pct: int | None = None
    statements: list[StatementReading] = Field(default_factory=list)
    people_experience: list[str] = Field(default_factory=list)
    demographics: list[Fact] = Field(default_factory=list)
    financial_facts: list[Fact] = Field(default_factory=list)
    links: list[str] = Field(default_factory=list)  # absolute URLs of this report's other pages
    download_links: list[str] = Field(default_factory=list)  # absolute URLs of its PDFs
    # field -> where it was read ("overall_rating", "overall_score_pct", "qs3.score",
    # "qs3.texts", "demographics", ...)
    provenance: dict[str, Provenance] = Field(default_factory=dict)
    # what was seen but could not be read as a fact ("overall_rating": "unknown rating word
    # 'Excellent'"): the reason a report gives when it lacks that fact
    doubts: dict[str, str] = Field(default_factory=dict)

    def facts(self) -> dict[str, object]:
        """The reading without where each fact was read: what two readings of the same page
        in other markup must share."""
        return self.model_dump(exclude={"provenance", "url", "links", "download_links"})


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
