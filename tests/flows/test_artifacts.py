"""The run summary published as a Prefect markdown artifact."""

from __future__ import annotations

from flows.artifacts import summary_markdown
from flows.ingest import IngestSummary
from transform.records import ReportIssue


def test_the_summary_names_new_changed_and_failed_reports_with_reasons() -> None:
    summary = IngestSummary(
        run_id=7,
        listed=77,
        reports_new=1,
        reports_changed=1,
        failed=1,
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
    )
    text = summary_markdown(summary, "Nightly ingest, run 7")
    assert text.startswith("# Nightly ingest, run 7\n")
    assert "| 77 | 1 | 1 | 0 | 1 | 0 |" in text
    assert "## New reports\n\n- stokeontrent-0625" in text
    assert "- croydon-1025: qs1, overall_score_pct" in text
    not_loaded, warnings = text.split("## Not loaded", 1)[1].split("## Loaded, with warnings")
    assert "| durham-0824 | validate | rating Outstanding \\| 67% |  |" in not_loaded
    assert "| knowsley-0825 | parse | report PDF: truncated or damaged PDF |" in warnings


def test_a_quiet_night_says_so() -> None:
    text = summary_markdown(IngestSummary(run_id=3, listed=77, reports_unchanged=11), "Run 3")
    assert "Nothing new, nothing changed, nothing failed." in text
