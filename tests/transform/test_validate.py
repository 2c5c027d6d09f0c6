from __future__ import annotations

from collections.abc import Callable

from transform.pages import read_page
from transform.records import Report
from transform.report import assemble_report
from transform.validate import validate_report

BASE = "https://www.cqc.org.uk/care-services/local-authority-assessment-reports"


def report_from(
    html: Callable[[str], bytes], stem: str, path: str, slug: str = "stokeontrent-0625"
) -> Report:
    summary = read_page(html(stem), f"{BASE}/{path}")
    report = assemble_report(slug, f"{BASE}/{slug}", [summary]).draft
    assert report is not None
    return report


def test_valid_formal_reports(html: Callable[[str], bytes]) -> None:
    assert validate_report(report_from(html, "stoke_summary", "stokeontrent-0625-summary")) == []
    staffs = report_from(html, "staffordshire_summary", "staffordshire-0525-summary", "s")
    assert validate_report(staffs) == []
    assert validate_report(report_from(html, "durham_summary", "durham-0824-summary", "d")) == []


def test_valid_pilot(html: Callable[[str], bytes]) -> None:
    report = report_from(html, "birmingham_summary", "birmingham-cc/overall-summary", "b")
    assert validate_report(report) == []


def test_pilot_with_placeholders_names_unscored(html: Callable[[str], bytes]) -> None:
    report = report_from(
        html, "lincolnshire_summary_placeholder", "lincolnshire-cc/overall-summary", "l"
    )
    problems = validate_report(report)
    assert len(problems) == 8
    assert "statement 1 (Assessing needs) printed without a score" in problems


def test_rating_contradicting_pct(html: Callable[[str], bytes]) -> None:
    report = report_from(html, "broken_rating_contradicts_pct", "stokeontrent-0625-summary")
    assert validate_report(report) == [
        "rating Requires improvement but published 64% is in band Good"
    ]


def test_missing_statement(html: Callable[[str], bytes]) -> None:
    report = report_from(html, "broken_missing_statement", "stokeontrent-0625-summary")
    assert validate_report(report) == ["statement 5 (Partnerships and communities) missing"]


def test_pct_not_matching_scores(html: Callable[[str], bytes]) -> None:
    report = report_from(html, "stoke_summary", "stokeontrent-0625-summary")
    changed = report.model_copy(update={"overall_score_pct": 67})
    assert validate_report(changed) == ["published 67% but the nine scores give 64%"]


def test_score_out_of_range_and_missing_date(html: Callable[[str], bytes]) -> None:
    report = report_from(html, "stoke_summary", "stokeontrent-0625-summary")
    scores = list(report.quality_statements)
    scores[0] = scores[0].model_copy(update={"score": 5})
    changed = report.model_copy(
        update={"quality_statements": scores, "published_on": None, "overall_score_pct": None}
    )
    assert validate_report(changed) == [
        "statement 1 (Assessing needs) score 5 outside 1-4",
        "formal report publishes no overall %",
        "formal report has no publication date",
    ]


def test_pilot_rating_checked_against_computed_band(html: Callable[[str], bytes]) -> None:
    report = report_from(html, "birmingham_summary", "birmingham-cc/overall-summary", "b")
    changed = report.model_copy(update={"overall_rating": "Outstanding"})
    assert validate_report(changed) == ["rating Outstanding but computed 67% is in band Good"]


def test_statement_page_disagreeing_with_summary(html: Callable[[str], bytes]) -> None:
    summary = read_page(html("stoke_summary"), f"{BASE}/stokeontrent-0625-summary")
    statement = read_page(
        html("stoke_statement_needs").replace(b"<span>2</span>", b"<span>3</span>"),
        f"{BASE}/stokeontrent-0625-theme1-needs",
    )
    assembly = assemble_report("stokeontrent-0625", BASE, [summary, statement])
    assert assembly.problems == [
        f"statement 1 (Assessing needs) scored differently: 2 on {summary.url}; "
        f"3 on {statement.url}"
    ]
