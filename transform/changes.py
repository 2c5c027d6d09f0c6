"""What changed between two versions of a report. Pure: no database, no I/O.

`report_fingerprint` hashes what CQC published in a `Report` (`published_fields`: not the URLs
it was fetched from) and `diff_reports` lists the same fields' changes, which the warehouse
records in `report_change` when a new version is loaded: a new version always has a change.
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
    field: str | None  # 'slug', 'page_last_updated', 'overall_rating', 'qs1', 'qs1.commitment',
    # 'people_experience', 'facts', ...: see `published_fields`
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


# The fields a version covers, in the order `diff_reports` lists their changes: what CQC
# published (council, kind, dates, rating, %, scores, text, findings, facts), never the URLs
# the pages were fetched from nor our own bookkeeping (slug, page_urls, a statement's page
# URL, canonical names the alias table derives), so a re-fetch from other URLs is no change.
# Report fields that are our bookkeeping, not what CQC published: no version of their own.
BOOKKEEPING_FIELDS = frozenset({"slug", "report_url", "page_urls"})
_HEADER_FIELDS = ("page_last_updated", "published_on", "la_name", "assessment_kind", "indicative")
_DETAIL_TEXT = ("published_name", "score_label", "what_people_expect", "commitment")

PublishedFields = dict[tuple[ChangeKind, str], str | None]


def published_fields(report: Report) -> PublishedFields:
    """Every published field of the report as text, keyed by the (change_kind, field) that
    `report_change` names it with; absent and empty are both None.

    The fingerprint hashes exactly this and `diff_reports` compares exactly this, so a report
    whose fingerprint changed always has at least one change row.
    """
    fields: PublishedFields = {}
    for name in _HEADER_FIELDS:
        fields[("page_updated", name)] = _text(getattr(report, name))
    fields[("rating_changed", "overall_rating")] = report.overall_rating
    fields[("score_pct_changed", "overall_score_pct")] = _text(report.overall_score_pct)
    scores = _scores(report)
    for number in range(1, 10):
        fields[("statement_score_changed", f"qs{number}")] = _text(scores.get(number))
    fields[("statement_score_changed", "unscored_statements")] = _lines(
        sorted(report.unscored_statements)
    )
    findings = _findings(report)
    details = {d.statement.number: d for d in report.statement_details}
    published_names = {
        d.statement.number: d.statement.published_name for d in report.statement_details
    }
    published_names.update(
        {s.number: s.published_name for s in report.quality_statements if s.published_name}
    )
    for number in range(1, 10):
        fields[("findings_changed", f"qs{number}")] = findings.get(number) or None
        detail = details.get(number)
        for part in _DETAIL_TEXT:
            if part == "published_name":
                value: object = published_names.get(number)
            else:
                value = getattr(detail, part) if detail is not None else None
            text = _lines(value) if isinstance(value, list) else _text(value)
            fields[("findings_changed", f"qs{number}.{part}")] = text or None
    fields[("findings_changed", "people_experience")] = _lines(report.people_experience)
    fields[("facts_changed", "facts")] = _facts_text(report)
    return fields


def report_fingerprint(report: Report) -> str:
    """Lower-case hex SHA-256 of the report's published fields (`published_fields`): equal
    published content, equal hash, whatever URLs it was read from."""
    rows = [[kind, name, value] for (kind, name), value in published_fields(report).items()]
    text = json.dumps(rows, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _lines(items: list[str]) -> str | None:
    return "\n".join(items) if items else None


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
    """The changes from `old` to `new`, in a fixed order; [] when nothing published differs.

    No `old` gives one 'new_report' (field 'slug'). Otherwise one change per published field
    (`published_fields`) whose text differs, in this order: 'page_updated' (the header:
    page_last_updated, published_on, la_name, assessment_kind, indicative; dates ISO),
    'rating_changed' (overall_rating), 'score_pct_changed' (overall_score_pct), one
    'statement_score_changed' per statement whose score differs (field 'qs<n>', None when
    absent; then 'unscored_statements'), 'findings_changed' per statement (field 'qs<n>' for
    its key findings, one per line, "heading: text"; 'qs<n>.published_name', '.score_label',
    '.what_people_expect', '.commitment' for its text), 'people_experience', and one
    'facts_changed' (field 'facts', JSON of both fact lists) when any fact differs.
    """
    if old is None:
        return [ReportChange("new_report", "slug", None, new.slug)]
    before, after = published_fields(old), published_fields(new)
    return [
        ReportChange(kind, name, before[(kind, name)], value)
        for (kind, name), value in after.items()
        if before[(kind, name)] != value
    ]
