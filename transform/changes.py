"""What changed between two versions of a report. Pure: no database, no I/O.

`report_fingerprint` gives a stable content hash of a `Report`; `diff_reports` lists the
changes the warehouse records in `report_change` when a new version is loaded.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from typing import Literal

from transform.records import Fact, Report

ChangeKind = Literal[
    "new_report",
    "page_updated",
    "rating_changed",
    "score_pct_changed",
    "statement_score_changed",
    "findings_changed",
    "facts_changed",
]


@dataclass(frozen=True)
class ReportChange:
    """One difference between a report's previous version and its new one."""

    change_kind: ChangeKind
    field: str | None  # 'slug', 'page_last_updated', 'overall_rating', 'qs1'..'qs9', 'facts'
    old_value: str | None
    new_value: str | None


def canonical_json(report: Report) -> str:
    """The report as JSON with sorted keys and no whitespace: equal content, equal text.

    Lists whose order only reflects the order the pages were read in are put in a fixed
    order (page_urls and unscored_statements sorted, statements by number), so the same pages
    read in any order give the same text. The result still validates as a `Report`.
    """
    data = report.model_dump(mode="json")
    data["page_urls"] = sorted(data["page_urls"])
    data["unscored_statements"] = sorted(data["unscored_statements"])
    data["quality_statements"] = sorted(data["quality_statements"], key=lambda s: s["number"])
    data["statement_details"] = sorted(
        data["statement_details"], key=lambda d: d["statement"]["number"]
    )
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def report_fingerprint(report: Report) -> str:
    """Lower-case hex SHA-256 of the report's canonical JSON."""
    return hashlib.sha256(canonical_json(report).encode("utf-8")).hexdigest()


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _scores(report: Report) -> dict[int, int]:
    scores = {d.statement.number: d.statement.score for d in report.statement_details}
    scores.update({s.number: s.score for s in report.quality_statements})
    return scores


def _findings(report: Report) -> dict[int, str]:
    return {
        d.statement.number: "\n".join(
            f"{f.heading}: {f.text}" if f.heading else f.text for f in d.key_findings
        )
        for d in report.statement_details
    }


def _facts_text(report: Report) -> str:
    def rows(facts: list[Fact]) -> list[dict[str, object]]:
        return [f.model_dump(mode="json") for f in facts]

    return json.dumps(
        {
            "demographics": rows(report.demographics),
            "financial_facts": rows(report.financial_facts),
        },
        sort_keys=True,
        ensure_ascii=False,
    )


def diff_reports(old: Report | None, new: Report) -> list[ReportChange]:
    """The changes from `old` to `new`, in a fixed order; [] when nothing compared differs.

    No `old` gives one 'new_report' (field 'slug'). Otherwise, in this order: 'page_updated'
    (page_last_updated, ISO dates), 'rating_changed' (overall_rating), 'score_pct_changed'
    (overall_score_pct), one 'statement_score_changed' per statement number whose score
    differs (field 'qs<n>', None when absent), one 'findings_changed' per statement whose
    key findings differ (field 'qs<n>', values one finding per line, "heading: text"), and
    one 'facts_changed' (field 'facts', JSON of both fact lists) when any demographic or
    financial fact differs.
    """
    if old is None:
        return [ReportChange("new_report", "slug", None, new.slug)]
    changes: list[ReportChange] = []
    if old.page_last_updated != new.page_last_updated:
        changes.append(
            ReportChange(
                "page_updated",
                "page_last_updated",
                _text(old.page_last_updated),
                _text(new.page_last_updated),
            )
        )
    if old.overall_rating != new.overall_rating:
        changes.append(
            ReportChange("rating_changed", "overall_rating", old.overall_rating, new.overall_rating)
        )
    if old.overall_score_pct != new.overall_score_pct:
        changes.append(
            ReportChange(
                "score_pct_changed",
                "overall_score_pct",
                _text(old.overall_score_pct),
                _text(new.overall_score_pct),
            )
        )
    old_scores, new_scores = _scores(old), _scores(new)
    for number in sorted(old_scores.keys() | new_scores.keys()):
        before, after = old_scores.get(number), new_scores.get(number)
        if before != after:
            changes.append(
                ReportChange("statement_score_changed", f"qs{number}", _text(before), _text(after))
            )
    old_findings, new_findings = _findings(old), _findings(new)
    for number in sorted(old_findings.keys() | new_findings.keys()):
        before_text, after_text = old_findings.get(number), new_findings.get(number)
        if before_text != after_text:
            changes.append(ReportChange("findings_changed", f"qs{number}", before_text, after_text))
    if old.demographics != new.demographics or old.financial_facts != new.financial_facts:
        changes.append(ReportChange("facts_changed", "facts", _facts_text(old), _facts_text(new)))
    return changes
