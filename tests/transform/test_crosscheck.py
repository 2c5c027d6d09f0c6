"""HTML against PDF: only real differences are reported, with both values."""

from __future__ import annotations

from datetime import date

from transform.crosscheck import Disagreement, compare_sources
from transform.quality_statements import STATEMENTS
from transform.records import QualityStatementScore, Report

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
