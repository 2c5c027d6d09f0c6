"""HTML against PDF: only real differences are reported, with both values."""

from __future__ import annotations

from datetime import date

from transform.crosscheck import Disagreement, compare_sources, fill_from_pdf
from transform.quality_statements import STATEMENTS
from transform.records import (
    KeyFinding,
    QualityStatementDetail,
    QualityStatementScore,
    Report,
)

STOKE_SCORES = [2, 2, 2, 3, 3, 2, 3, 3, 3]


def stoke(la_name: str = "Stoke-on-Trent City Council", **changes: object) -> Report:
    scores = changes.pop("scores", STOKE_SCORES)
    fields: dict[str, object] = {
        "slug": "stokeontrent-0625",
        "report_url": "https://www.cqc.org.uk/care-services/local-authority-assessment-reports/stokeontrent-0625",
        "la_name": la_name,
        "assessment_kind": "formal",
        "indicative": False,
        "published_on": date(2025, 6, 13),
        "page_last_updated": date(2025, 6, 13),
        "overall_rating": "Good",
        "overall_score_pct": 64,
        "quality_statements": [
            QualityStatementScore(number=s.number, name=s.name, theme=s.theme, score=score)
            for s, score in zip(STATEMENTS, scores, strict=True)
        ],
    }
    fields.update(changes)
    return Report.model_validate(fields)


def test_agreeing_sources_give_nothing_even_with_other_name_spelling() -> None:
    assert compare_sources(stoke(), stoke("Stoke on Trent City Council")) == []


def test_each_differing_field_is_reported_with_both_values() -> None:
    pdf = stoke(
        overall_rating="Requires improvement",
        overall_score_pct=61,
        scores=[2, 2, 2, 3, 2, 2, 3, 3, 3],
    )
    assert compare_sources(stoke(), pdf) == [
        Disagreement("overall_rating", "Good", "Requires improvement"),
        Disagreement("overall_score_pct", "64", "61"),
        Disagreement("qs5", "3", "2"),
    ]


def test_a_statement_missing_from_one_side_and_another_council_are_disagreements() -> None:
    pdf = stoke("Staffordshire County Council", quality_statements=stoke().quality_statements[:8])
    assert compare_sources(stoke(), pdf) == [
        Disagreement("la_name", "Stoke-on-Trent City Council", "Staffordshire County Council"),
        Disagreement("qs9", "3", None),
    ]


PDF_URL = "https://www.cqc.org.uk/sites/default/files/2025-06/stokeontrent-0625.pdf"


def detail(number: int, **parts: object) -> QualityStatementDetail:
    statement = stoke().quality_statements[number - 1]
    return QualityStatementDetail.model_validate({"statement": statement, **parts})


def test_gaps_in_the_pages_are_filled_from_the_pdf_and_named() -> None:
    finding = KeyFinding(heading="Access", text="From the PDF.")
    html = stoke(
        published_on=None,
        statement_details=[
            detail(1, score_label="Evidence shows some shortfalls", commitment="We commit."),
            detail(2, commitment="We commit."),
        ],
    )
    pdf = stoke(
        overall_score_pct=61,  # a disagreement, never a fill
        people_experience=["What people said."],
        statement_details=[
            detail(1, score_label="PDF label", key_findings=[finding]),
            detail(3, commitment="PDF commitment.", key_findings=[finding]),
        ],
    )
    merged, filled = fill_from_pdf(html, pdf, PDF_URL)
    assert [f.field for f in filled] == [
        "published_on",
        "people_experience",
        "qs1.key_findings",
        "qs3.details",
    ]
    assert {f.source_url for f in filled} == {PDF_URL}
    assert merged.published_on == date(2025, 6, 13)
    assert merged.overall_score_pct == 64
    assert merged.people_experience == ["What people said."]
    first, second, third = merged.statement_details
    assert first.score_label == "Evidence shows some shortfalls"  # the pages' value stays
    assert first.key_findings == [finding]
    assert second == html.statement_details[1]
    assert third.statement.number == 3 and third.commitment == "PDF commitment."


def test_a_complete_html_report_takes_nothing_from_the_pdf() -> None:
    html = stoke(statement_details=[detail(1, commitment="We commit.")])
    pdf = stoke(statement_details=[detail(1, commitment="PDF commitment.")])
    assert fill_from_pdf(html, pdf, PDF_URL) == (html, [])
