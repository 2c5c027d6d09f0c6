"""Checks a report against CQC's own rules, as a list of human-readable problems.

Published values are stored as published; this is where they are compared with what the
rules derive (the % from the nine scores, the rating from the %), so that a misread page or
an inconsistent publication is named rather than silently loaded.
"""

from __future__ import annotations

from collections import Counter

from transform.quality_statements import BY_NUMBER
from transform.ratings import band_for_pct, pct_from_scores
from transform.records import Report


def _statement_problems(report: Report) -> list[str]:
    problems: list[str] = []
    numbers = Counter(q.number for q in report.quality_statements)
    for number, count in sorted(numbers.items()):
        if count > 1:
            problems.append(f"statement {number} ({BY_NUMBER[number].name}) scored {count} times")
    unscored = set(report.unscored_statements)
    for number in range(1, 10):
        if number in numbers:
            continue
        name = BY_NUMBER[number].name
        why = "printed without a score" if name in unscored else "missing"
        problems.append(f"statement {number} ({name}) {why}")
    for q in report.quality_statements:
        if not 1 <= q.score <= 4:
            problems.append(f"statement {q.number} ({q.name}) score {q.score} outside 1-4")
    return problems


def _rating_problems(report: Report, complete: bool) -> list[str]:
    problems: list[str] = []
    scores = [q.score for q in report.quality_statements]
    computed = pct_from_scores(scores) if complete else None
    pct = report.overall_score_pct
    if report.assessment_kind == "formal":
        if pct is None:
            problems.append("formal report publishes no overall %")
        elif computed is not None and pct != computed:
            problems.append(f"published {pct}% but the nine scores give {computed}%")
        if report.published_on is None:
            problems.append("formal report has no publication date")
    if report.overall_rating is None:
        problems.append("no overall rating")
        return problems
    basis = pct if pct is not None else computed
    if basis is None:
        return problems
    try:
        band = band_for_pct(basis)
    except ValueError as exc:
        return [*problems, str(exc)]
    if band != report.overall_rating:
        source = "published" if pct is not None else "computed"
        problems.append(f"rating {report.overall_rating} but {source} {basis}% is in band {band}")
    return problems


def validate_report(report: Report) -> list[str]:
    """Problems with the report, empty when it is valid."""
    problems = _statement_problems(report)
    complete = not problems and len(report.quality_statements) == 9
    problems += _rating_problems(report, complete)
    return problems
