"""The "History" timeline of a council's page: CQC's 2008-10 annual grades, the 2023 pilot
and the formal assessments, newest first (distinct from the report versions' history)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from publish.council_pages import query_councils, render_council
from tests.publish.written import Written
from tests.warehouse_fixtures import Reports, open_copy, save_test_report
from transform.annual_grades import GRADES, AnnualGrades
from warehouse.annual_grades import save_annual_grades
from warehouse.benchmarks import refresh_benchmarks
from warehouse.db import connect

_, ADEQUATE, WELL, EXCELLENT = GRADES


def items(soup: BeautifulSoup) -> list[tuple[str, str]]:
    return [
        (str(li["data-kind"]), text(li.find("strong")))
        for li in soup.select("#council-timeline > li")
    ]


def text(found: object) -> str:
    assert isinstance(found, Tag), found
    return found.get_text()


def test_birminghams_page_shows_its_2009_10_grades_after_its_pilot(
    mirror_report: Written,
) -> None:
    soup = mirror_report.soup("council/birmingham.html")
    assert text(soup.find(id="timeline-title")) == "History"
    assert items(soup) == [("pilot", "17 Nov 2023"), ("annual", "2009/10")]
    pilot, annual = soup.select("#council-timeline > li")
    assert "indicative rating Good" in pilot.get_text()
    assert text(annual.select_one("strong.grade")) == "Performing well"
    outcomes = [li.get_text() for li in annual.select("ul.outcomes li")]
    assert len(outcomes) == 7
    assert "Making a positive contribution: performing excellently" in outcomes
    assert sum(text.endswith(": performing well") for text in outcomes) == 6
    assert "25 November 2010" in annual.get_text()
    # the report versions' table is still there, apart from the timeline
    assert soup.find(id="council-history") is not None


def test_a_formal_assessment_is_the_newest_item(mirror_report: Written) -> None:
    soup = mirror_report.soup("council/stoke-on-trent.html")
    assert items(soup) == [("formal", "13 Jun 2025")]
    [formal] = soup.select("#council-timeline > li")
    assert "rated Good, 64%" in formal.get_text()
    link = formal.find("a")
    assert isinstance(link, Tag) and str(link["href"]).endswith("/stokeontrent-0625")


def test_every_kind_in_one_list_newest_first(templates: dict[str, Path], tmp_path: Path) -> None:
    """Birmingham with a formal report as well (a test record, not a published result) and an
    imported 2008/09 year (test grades): formal, pilot, 2009/10, 2008/09."""
    formal = Reports.make(
        "birmingham-test-formal", "Birmingham City Council", [2] * 9,
        rating="Requires improvement", pct=50, published_on=date(2025, 1, 10),
    )  # fmt: skip
    earlier = AnnualGrades(
        "E08000025", "Birmingham City Council", "2008/09", ADEQUATE, (ADEQUATE,) * 7,
        "test grades", "imported from test.csv by `cqc history import`", 2,
    )  # fmt: skip
    with open_copy(templates["loaded"], tmp_path / "cqc.duckdb") as conn:
        save_test_report(conn, formal)
        save_annual_grades(conn, [earlier])
        refresh_benchmarks(conn)
    with connect(tmp_path / "cqc.duckdb", read_only=True) as conn:
        data = next(c for c in query_councils(conn) if c.council["name"] == "Birmingham")
    soup = BeautifulSoup(render_council(data), "html.parser")
    assert items(soup) == [
        ("formal", "10 Jan 2025"),
        ("pilot", "17 Nov 2023"),
        ("annual", "2009/10"),
        ("annual", "2008/09"),
    ]
    last = soup.select("#council-timeline > li")[-1]
    assert text(last.select_one("strong.grade")) == ADEQUATE
    assert "Economic well-being: performing adequately" in last.get_text()


def test_a_warehouse_without_the_grades_table_still_shows_the_reports(
    templates: dict[str, Path], tmp_path: Path
) -> None:
    """An older warehouse file, opened read-only for a report, may lack the table."""
    with open_copy(templates["loaded"], tmp_path / "cqc.duckdb") as conn:
        conn.execute("DROP TABLE annual_performance_assessment")
    with connect(tmp_path / "cqc.duckdb", read_only=True) as conn:
        data = next(c for c in query_councils(conn) if c.council["name"] == "Birmingham")
    soup = BeautifulSoup(render_council(data), "html.parser")
    assert items(soup) == [("pilot", "17 Nov 2023")]


def test_a_council_with_nothing_has_no_timeline(mirror_report: Written) -> None:
    soup = mirror_report.soup("council/bolton.html")  # no report in the mirror, no grades
    assert soup.find(id="not-assessed") is not None
    assert soup.find(id="council-timeline") is None and soup.find(id="timeline-title") is None
