"""The run summary published as a Prefect markdown artifact."""

from __future__ import annotations

from datetime import UTC, datetime

from flows.artifacts import summary_markdown
from flows.ingest import IngestSummary
from transform.records import ReportIssue
from warehouse.status import NotLoaded


def test_the_summary_names_new_changed_and_failed_reports_with_reasons_and_ages() -> None:
    """Durham failed this run; Camden has not loaded since run 2 (its bytes unchanged since,
    so this run did not read it again): both are listed as not loaded, with their age."""
    since = datetime(2026, 11, 2, 3, 0, tzinfo=UTC)
    summary = IngestSummary(
        run_id=7,
        listed=77,
        reports_new=1,
        reports_changed=1,
        failed=2,
        pdfs_parsed=2,
        new_reports=["stokeontrent-0625"],
        changed_reports={"croydon-1025": ["qs1", "overall_score_pct"]},
        issues=[
            ReportIssue(slug="durham-0824", stage="validate", reason="rating Outstanding | 67%"),
            ReportIssue(
                slug="knowsley-0825",
                stage="parse",
                reason="report PDF: truncated or damaged PDF",
                url="https://example.invalid/k.pdf",
                blocking=False,
            ),
        ],
        not_loaded=[
            NotLoaded("camden-0225", 2, since, "validate", "unknown rating: 'Excellent'", None),
            NotLoaded("durham-0824", 7, since, "validate", "rating Outstanding | 67%", None),
        ],
        withdrawn=["hounslow-0524"],
    )
    text = summary_markdown(summary, "Nightly ingest, run 7")
    assert text.startswith("# Nightly ingest, run 7\n")
    assert "| 77 | 1 | 1 | 0 | 2 | 0 |" in text
    assert "## New reports\n\n- stokeontrent-0625" in text
    assert "- croydon-1025: qs1, overall_score_pct" in text
    not_loaded, warnings = text.split("## Not loaded", 1)[1].split("## Loaded, with warnings")
    assert (
        "| camden-0225 | 2026-11-02 (run 2) | validate | unknown rating: 'Excellent' |  |"
        in not_loaded
    )
    assert (
        "| durham-0824 | 2026-11-02 (run 7) | validate | rating Outstanding \\| 67% |  |"
        in not_loaded
    )
    assert "| knowsley-0825 | parse | report PDF: truncated or damaged PDF |" in warnings
    assert "- hounslow-0524: no longer listed, marked withdrawn" in warnings


def test_a_quiet_night_says_so() -> None:
    text = summary_markdown(IngestSummary(run_id=3, listed=77, reports_unchanged=11), "Run 3")
    assert "Nothing new, nothing changed, nothing failed." in text
