"""What comparing a report's pages with its PDF records (`transform.report` compares them).

The pages' value is the one kept; a PDF that says otherwise on a headline fact is recorded as
a disagreement (a parse error on one side, or CQC publishing two versions), never merged; a
fact the pages leave empty and the PDF gives is filled, and named.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Disagreement:
    """One field on which the HTML and the PDF of a report differ (values as text)."""

    field: str  # 'la_name' | 'published_on' | 'overall_rating' | 'overall_score_pct' | 'qs1'..
    html_value: str | None
    pdf_value: str | None


@dataclass(frozen=True)
class FilledField:
    """A field the HTML pages left empty and the report PDF supplied."""

    field: str  # 'published_on' | 'people_experience' | 'qs3.key_findings' | 'qs3.details' | ...
    source_url: str
