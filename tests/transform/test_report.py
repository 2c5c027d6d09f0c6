from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from transform.pages import read_page
from transform.records import PageReading
from transform.report import ReportAssemblyError, assemble_report, assembled_report

BASE = "https://www.cqc.org.uk/care-services/local-authority-assessment-reports"


def page(html: Callable[[str], bytes], stem: str, path: str) -> PageReading:
    parsed = read_page(html(stem), f"{BASE}/{path}")
    return parsed


@pytest.fixture
def stoke_pages(html: Callable[[str], bytes]) -> list[PageReading]:
    return [
        page(html, "stoke_statement_needs", "stokeontrent-0625-theme1-needs"),
        page(html, "stoke_summary", "stokeontrent-0625-summary"),
        page(html, "stoke_about", "stokeontrent-0625"),
    ]


def test_assemble_stoke(stoke_pages: list[PageReading]) -> None:
    report = assembled_report("stokeontrent-0625", f"{BASE}/stokeontrent-0625", stoke_pages)
    assert report.la_name == "Stoke-on-Trent City Council"
    assert report.assessment_kind == "formal"
    assert not report.indicative
    assert report.published_on == date(2025, 6, 13)
    assert report.page_last_updated == date(2025, 6, 20)
    assert report.overall_rating == "Good"
    assert report.overall_score_pct == 64
    assert [q.score for q in report.quality_statements] == [2, 2, 2, 3, 3, 2, 3, 3, 3]
    assert [d.statement.number for d in report.statement_details] == [1]
    assert report.statement_details[0].score_label == "Evidence shows some shortfalls"
    assert len(report.financial_facts) == 6
    assert report.demographics[0].kind == "population"
    assert report.page_urls == [
        f"{BASE}/stokeontrent-0625-theme1-needs",
        f"{BASE}/stokeontrent-0625-summary",
        f"{BASE}/stokeontrent-0625",
    ]


def test_summary_alone_is_enough(html: Callable[[str], bytes]) -> None:
    summary = page(html, "birmingham_summary", "birmingham-cc/overall-summary")
    report = assembled_report("birmingham-cc", f"{BASE}/birmingham-cc", [summary])
    assert report.assessment_kind == "pilot"
    assert report.indicative
    assert report.overall_score_pct is None
    assert report.published_on == date(2023, 11, 17)


def test_pilot_unscored_statements_carried(html: Callable[[str], bytes]) -> None:
    pages = [
        page(html, "lincolnshire_summary_placeholder", "lincolnshire-cc/overall-summary"),
        page(
            html,
            "lincolnshire_statement_placeholder",
            "lincolnshire-cc/4-leadership/governance-management-sustainability",
        ),
    ]
    report = assemble_report("lincolnshire-cc", f"{BASE}/lincolnshire-cc", pages).draft
    assert report is not None
    assert len(report.unscored_statements) == 8
    assert report.statement_details == []


def test_without_the_summary_the_report_lacks_what_only_it_gave(
    stoke_pages: list[PageReading],
) -> None:
    with pytest.raises(ReportAssemblyError) as info:
        assembled_report("stokeontrent-0625", BASE, [stoke_pages[0], stoke_pages[2]])
    assert info.value.slug == "stokeontrent-0625"
    assert "no overall rating" in info.value.reason
    assert "statement 2 (Supporting people to live healthier lives) missing" in info.value.reason


def test_the_same_facts_twice_agree(stoke_pages: list[PageReading]) -> None:
    once = assembled_report("stokeontrent-0625", BASE, stoke_pages)
    twice = assembled_report("stokeontrent-0625", BASE, [*stoke_pages, *stoke_pages])
    assert twice == once


def test_two_summaries_that_disagree(stoke_pages: list[PageReading]) -> None:
    other = stoke_pages[1].model_copy(
        update={"url": f"{BASE}/stokeontrent-0625-print", "overall_rating": "Outstanding"}
    )
    with pytest.raises(ReportAssemblyError, match="pages disagree on the overall rating: Good"):
        assembled_report("stokeontrent-0625", BASE, [*stoke_pages, other])


def test_different_councils(stoke_pages: list[PageReading], html: Callable[[str], bytes]) -> None:
    durham = page(html, "durham_summary", "durham-0824-summary")
    with pytest.raises(ReportAssemblyError, match="different councils"):
        assembled_report("stokeontrent-0625", BASE, [stoke_pages[0], stoke_pages[2], durham])


def test_two_pages_for_one_statement(stoke_pages: list[PageReading]) -> None:
    page = stoke_pages[0]
    other = page.model_copy(
        update={
            "url": f"{BASE}/stokeontrent-0625-print",
            "statements": [
                s.model_copy(update={"commitment": "Another."}) for s in page.statements
            ],
        }
    )
    with pytest.raises(ReportAssemblyError, match=r"two pages give statement 1 .*differently"):
        assembled_report("stokeontrent-0625", BASE, [*stoke_pages, other])


MIRROR_REPORTS = Path(__file__).parents[2] / "mirror" / "site" / "care-services"


def test_a_pilot_whose_summary_has_no_scores_loads_as_a_pilot_from_its_statement_pages() -> None:
    """The pilots' overall summary gives an indicative rating and no scores at all (CQC's
    layout): the nine indicative scores come from the statement pages."""
    family = MIRROR_REPORTS / "local-authority-assessment-reports" / "birmingham-cc"
    summary_html = (family / "overall-summary.html").read_text()
    summary_html = re.sub(
        r"<h2>Quality statement scores</h2>.*?(?=<h2>Summary of people)",
        "",
        summary_html,
        flags=re.S,
    )
    url = f"{BASE}/birmingham-cc"
    summary = read_page(summary_html, f"{url}/overall-summary")
    assert [s for s in summary.statements if s.score is not None] == []
    statements = [
        read_page(path.read_text(), f"{url}/{path.parent.name}/{path.stem}")
        for path in sorted(family.glob("*/*.html"))
    ]
    assert len(statements) == 9
    report = assembled_report("birmingham-cc", url, [summary, *statements])
    assert (report.assessment_kind, report.indicative) == ("pilot", True)
    assert (report.overall_rating, report.overall_score_pct) == ("Good", None)
    assert [q.score for q in report.quality_statements] == [2, 3, 3, 3, 3, 2, 2, 3, 3]


BLIND_PILOT_PDF = (
    Path(__file__).parents[1]
    / "blind"
    / "round1"
    / "drupal"
    / "pdf"
    / "sites__default__files__2023-11__Birmingham-City-Council-LA-assessment-pilot-report.pdf"
)


def test_a_pilot_pdf_without_a_pct_reads_as_a_pilot() -> None:
    """A 2023 pilot's PDF prints an indicative rating and scores and no %: read on its own it
    is a pilot's report, never a formal one lacking its %."""
    from transform.pdf_report import parse_report_pdf

    report = parse_report_pdf(BLIND_PILOT_PDF.read_bytes(), "https://x.test/pilot.pdf")
    assert (report.assessment_kind, report.indicative) == ("pilot", True)
    assert (report.overall_rating, report.overall_score_pct) == ("Good", None)
    assert len(report.quality_statements) == 9
