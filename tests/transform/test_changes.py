from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date

import pytest

from transform.changes import (
    BOOKKEEPING_FIELDS,
    ReportChange,
    canonical_json,
    diff_reports,
    report_fingerprint,
)
from transform.pages import read_page
from transform.records import (
    Fact,
    KeyFinding,
    PageReading,
    QualityStatementDetail,
    Report,
)
from transform.report import assembled_report

BASE = "https://www.cqc.org.uk/care-services/local-authority-assessment-reports"
SLUG = "stokeontrent-0625"


def _page(html: Callable[[str], bytes], stem: str, path: str) -> PageReading:
    parsed = read_page(html(stem), f"{BASE}/{path}")
    return parsed


@pytest.fixture
def stoke_pages(html: Callable[[str], bytes]) -> list[PageReading]:
    return [
        _page(html, "stoke_statement_needs", "stokeontrent-0625-theme1-needs"),
        _page(html, "stoke_summary", "stokeontrent-0625-summary"),
        _page(html, "stoke_about", SLUG),
    ]


@pytest.fixture
def stoke(stoke_pages: list[PageReading]) -> Report:
    return assembled_report(SLUG, f"{BASE}/{SLUG}", stoke_pages)


def with_score(report: Report, number: int, score: int) -> Report:
    statements = [
        s.model_copy(update={"score": score}) if s.number == number else s
        for s in report.quality_statements
    ]
    details = [
        d.model_copy(update={"statement": d.statement.model_copy(update={"score": score})})
        if d.statement.number == number
        else d
        for d in report.statement_details
    ]
    return report.model_copy(
        update={"quality_statements": statements, "statement_details": details}
    )


def test_the_real_stoke_report(stoke: Report) -> None:
    assert [q.score for q in stoke.quality_statements] == [2, 2, 2, 3, 3, 2, 3, 3, 3]
    assert (stoke.overall_score_pct, stoke.overall_rating) == (64, "Good")


def test_fingerprint_is_stable_for_the_same_pages(
    stoke_pages: list[PageReading], html: Callable[[str], bytes]
) -> None:
    first = report_fingerprint(assembled_report(SLUG, f"{BASE}/{SLUG}", stoke_pages))
    again = [
        _page(html, "stoke_statement_needs", "stokeontrent-0625-theme1-needs"),
        _page(html, "stoke_summary", "stokeontrent-0625-summary"),
        _page(html, "stoke_about", SLUG),
    ]
    assert report_fingerprint(assembled_report(SLUG, f"{BASE}/{SLUG}", again)) == first
    shuffled = list(reversed(again))
    random.Random(3).shuffle(shuffled)
    assert report_fingerprint(assembled_report(SLUG, f"{BASE}/{SLUG}", shuffled)) == first
    assert len(first) == 64 and int(first, 16) >= 0


def test_fingerprint_changes_with_content(stoke: Report) -> None:
    assert report_fingerprint(with_score(stoke, 1, 3)) != report_fingerprint(stoke)
    assert report_fingerprint(stoke.model_copy(update={"people_experience": []})) != (
        report_fingerprint(stoke)
    )


def test_canonical_json_round_trips(stoke: Report) -> None:
    again = Report.model_validate_json(canonical_json(stoke))
    assert report_fingerprint(again) == report_fingerprint(stoke)
    assert diff_reports(again, stoke) == []


def test_new_report(stoke: Report) -> None:
    assert diff_reports(None, stoke) == [ReportChange("new_report", "slug", None, SLUG)]


def test_same_report_has_no_changes(stoke: Report) -> None:
    assert diff_reports(stoke, stoke) == []


def test_qs1_up_from_2_to_3(stoke: Report) -> None:
    new = with_score(stoke, 1, 3).model_copy(update={"overall_score_pct": 67})
    assert diff_reports(stoke, new) == [
        ReportChange("score_pct_changed", "overall_score_pct", "64", "67"),
        ReportChange("statement_score_changed", "qs1", "2", "3"),
    ]


def test_rating_and_page_updated(stoke: Report) -> None:
    new = stoke.model_copy(
        update={"overall_rating": "Requires improvement", "page_last_updated": date(2025, 9, 1)}
    )
    assert diff_reports(stoke, new) == [
        ReportChange("page_updated", "page_last_updated", "2025-06-20", "2025-09-01"),
        ReportChange("rating_changed", "overall_rating", "Good", "Requires improvement"),
    ]


def test_findings_changed_once_per_statement(stoke: Report) -> None:
    detail = stoke.statement_details[0]
    assert detail.statement.number == 1 and detail.key_findings
    changed = detail.model_copy(
        update={"key_findings": [*detail.key_findings, KeyFinding(heading=None, text="New.")]}
    )
    new = stoke.model_copy(update={"statement_details": [changed]})
    changes = diff_reports(stoke, new)
    assert [(c.change_kind, c.field) for c in changes] == [("findings_changed", "qs1")]
    assert changes[0].new_value is not None and changes[0].new_value.endswith("\nNew.")
    assert changes[0].old_value is not None and "New." not in changes[0].old_value


def test_a_statement_page_appearing_is_a_findings_change(stoke: Report) -> None:
    qs2 = stoke.quality_statements[1]
    extra = QualityStatementDetail(
        statement=qs2, key_findings=[KeyFinding(heading="Access", text="Text.")]
    )
    new = stoke.model_copy(update={"statement_details": [*stoke.statement_details, extra]})
    assert diff_reports(stoke, new) == [
        ReportChange("findings_changed", "qs2", None, "Access: Text.")
    ]


def test_facts_changed_once(stoke: Report) -> None:
    facts = [*stoke.financial_facts, Fact(kind="unclassified", raw_text="More money")]
    demographics = stoke.demographics[1:]
    new = stoke.model_copy(update={"financial_facts": facts, "demographics": demographics})
    changes = diff_reports(stoke, new)
    assert [(c.change_kind, c.field) for c in changes] == [("facts_changed", "facts")]
    assert changes[0].new_value is not None and "More money" in changes[0].new_value


def test_a_score_removed(stoke: Report) -> None:
    new = stoke.model_copy(
        update={"quality_statements": stoke.quality_statements[:8], "statement_details": []}
    )
    kinds = [(c.change_kind, c.field, c.old_value, c.new_value) for c in diff_reports(stoke, new)]
    assert ("statement_score_changed", "qs9", "3", None) in kinds
    assert ("findings_changed", "qs1") in [(k, f) for k, f, _, _ in kinds]


def _edited(value: object) -> object:
    """A different value of the same shape (the first item edited, for lists)."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if isinstance(value, date):
        return date.fromordinal(value.toordinal() + 1)
    if isinstance(value, str):
        return "Inadequate" if value in ("Good", "Outstanding") else value + " (edited)"
    if isinstance(value, list) and value:
        first = value[0]
        if isinstance(first, str):
            return [first + " (edited)", *value[1:]]
        if isinstance(first, QualityStatementDetail):
            return [first.model_copy(update={"commitment": "We (edited)."}), *value[1:]]
        if isinstance(first, Fact):
            return [first.model_copy(update={"raw_text": first.raw_text + "!"}), *value[1:]]
        return [first.model_copy(update={"score": 5 - first.score}), *value[1:]]
    if isinstance(value, list):
        return ["(added)"]
    raise AssertionError(f"no edit for {value!r}")


def test_every_published_field_of_a_report_is_in_its_version(stoke: Report) -> None:
    """Drift guard: a field added to `Report` must change the fingerprint and show in the
    diff, unless it is declared bookkeeping (`BOOKKEEPING_FIELDS`)."""
    filled = stoke.model_copy(update={"unscored_statements": ["Safeguarding"]})
    for name in Report.model_fields:
        edited = filled.model_copy(update={name: _edited(getattr(filled, name))})
        if name in BOOKKEEPING_FIELDS:
            assert report_fingerprint(edited) == report_fingerprint(filled), name
            assert diff_reports(filled, edited) == [], name
        else:
            assert report_fingerprint(edited) != report_fingerprint(filled), name
            assert diff_reports(filled, edited), name
