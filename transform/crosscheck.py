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


def identity_disagreements(html: Report, pdf: Report) -> list[Disagreement]:
    """Where the PDF says it is another report: another council, or (both dates printed)
    another publication date. Such a PDF must fill nothing: its findings are someone
    else's."""
    found: list[Disagreement] = []
    if name_key(html.la_name) != name_key(pdf.la_name):
        found.append(Disagreement("la_name", html.la_name, pdf.la_name))
    if html.published_on and pdf.published_on and html.published_on != pdf.published_on:
        found.append(
            Disagreement("published_on", _text(html.published_on), _text(pdf.published_on))
        )
    return found


@dataclass(frozen=True)
class FilledField:
    """A field the HTML pages left empty and the report PDF supplied."""

    field: str  # 'published_on' | 'people_experience' | 'qs3.key_findings' | 'qs3.details' | ...
    source_url: str


_DETAIL_PARTS = ("score_label", "what_people_expect", "commitment", "key_findings")


def fill_from_pdf(html: Report, pdf: Report, pdf_url: str) -> tuple[Report, list[FilledField]]:
    """The HTML report with the gaps the PDF can fill, and which fields those were.

    Only empty fields are filled: a value the pages give is never replaced (a differing
    headline value is a `Disagreement`, not a fill). A statement whose own page was not read
    takes its whole text from the PDF (`qsN.details`), keeping the score the pages give; a
    statement page lacking a part (e.g. its key findings) takes that part (`qsN.key_findings`).
    """
    filled: list[FilledField] = []
    updates: dict[str, object] = {}
    if html.published_on is None and pdf.published_on is not None:
        updates["published_on"] = pdf.published_on
        filled.append(FilledField("published_on", pdf_url))
    if not html.people_experience and pdf.people_experience:
        updates["people_experience"] = pdf.people_experience
        filled.append(FilledField("people_experience", pdf_url))

    html_scores = {q.number: q for q in html.quality_statements}
    html_details = {d.statement.number: d for d in html.statement_details}
    details = dict(html_details)
    for pdf_detail in pdf.statement_details:
        number = pdf_detail.statement.number
        statement = html_scores.get(number)
        if statement is None:
            continue  # no score on the pages: the PDF's text has nothing to hang on
        held = html_details.get(number)
        if held is None:
            details[number] = pdf_detail.model_copy(update={"statement": statement})
            filled.append(FilledField(f"qs{number}.details", pdf_url))
            continue
        gaps = {
            part: getattr(pdf_detail, part)
            for part in _DETAIL_PARTS
            if not getattr(held, part) and getattr(pdf_detail, part)
        }
        if gaps:
            details[number] = held.model_copy(update=gaps)
            filled.extend(FilledField(f"qs{number}.{part}", pdf_url) for part in gaps)
    if details != html_details:
        updates["statement_details"] = [details[n] for n in sorted(details)]
    if not updates:
        return html, []
    return html.model_copy(update=updates), filled
