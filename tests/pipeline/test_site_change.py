"""The site-change gate: how many reports that loaded before now fail, and why, by count."""

from __future__ import annotations

from flows.artifacts import site_change_markdown
from pipeline.phases import site_change
from transform.pipeline import ReportOutcome
from transform.records import ListingEntry, ReportIssue


def failed(slug: str, *reasons: str) -> ReportOutcome:
    entry = ListingEntry(la_name=slug, section="report", slug=slug, url=f"https://x.test/{slug}")
    issues = [ReportIssue(slug=slug, stage="validate", reason=r, url=entry.url) for r in reasons]
    return ReportOutcome(entry, None, None, issues, [])


def test_a_report_or_two_failing_is_no_site_change() -> None:
    held = {f"r{n}" for n in range(30)}
    assert site_change([failed("r1", "no overall rating")], held) is None
    three = [failed(f"r{n}", "no overall rating") for n in range(3)]
    assert site_change(three, held) is None  # 3 of 30: 10 %, not more
    assert site_change([failed("new", "no overall rating")] * 5, held) is None  # none held


def test_more_than_a_tenth_of_the_held_reports_failing_is_a_site_change() -> None:
    held = {f"r{n}" for n in range(30)}
    outcomes = [
        failed(
            f"r{n}",
            "no overall rating",
            f"statement {n % 9 + 1} (X) missing: 'Score: x' (https://x.test/r{n})",
        )
        for n in range(4)
    ]
    change = site_change(outcomes, held)
    assert change is not None
    assert change.line.startswith("the site's pages changed: 4 of 30 reports no longer parse")
    assert change.reasons == [
        ("no overall rating", 4),
        ("statement N (X) missing: '…'", 4),
    ]
    markdown = site_change_markdown(change, "Run 7")
    assert "| 4 | no overall rating |" in markdown and "r0, r1, r2, r3" in markdown
