"""Comparing two sources of the same report: the HTML pages and the report PDF.

The HTML is the value we keep; a PDF that says otherwise on a headline fact is recorded as a
disagreement (a parse error on one side, or CQC publishing two versions), never merged.
"""

from __future__ import annotations

from dataclasses import dataclass

from transform.councils import name_key
from transform.records import Report


@dataclass(frozen=True)
class Disagreement:
    """One field on which the HTML and the PDF of a report differ (values as text)."""

    field: str  # 'la_name' | 'published_on' | 'overall_rating' | 'overall_score_pct' | 'qs1'..
    html_value: str | None
    pdf_value: str | None


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def compare_sources(html: Report, pdf: Report) -> list[Disagreement]:
    """The headline fields on which the two differ, in a fixed order; [] when they agree.

    Council names are compared by their matching key (the PDF may print "Stoke on Trent City
    Council" where a page has "Stoke-on-Trent City Council"); a statement missing on one side
    counts as a disagreement.
    """
    found: list[Disagreement] = []
    if name_key(html.la_name) != name_key(pdf.la_name):
        found.append(Disagreement("la_name", html.la_name, pdf.la_name))
    for field in ("published_on", "overall_rating", "overall_score_pct"):
        html_value, pdf_value = getattr(html, field), getattr(pdf, field)
        if html_value != pdf_value:
            found.append(Disagreement(field, _text(html_value), _text(pdf_value)))
    html_scores = {q.number: q.score for q in html.quality_statements}
    pdf_scores = {q.number: q.score for q in pdf.quality_statements}
    for number in range(1, 10):
        if html_scores.get(number) != pdf_scores.get(number):
            found.append(
                Disagreement(
                    f"qs{number}", _text(html_scores.get(number)), _text(pdf_scores.get(number))
                )
            )
    return found
