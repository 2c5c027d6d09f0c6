"""Assemble one report from its parsed pages.

The summary page is the authority for rating and scores; the About page adds facts and the
assessment's publication date; statement pages add their text. Contradictions between pages
(two summaries, two councils, one statement twice) raise rather than pick a winner.
"""

from __future__ import annotations

from collections.abc import Sequence

from transform.councils import name_key
from transform.records import (
    AboutPage,
    AssessmentKind,
    QualityStatementDetail,
    QualityStatementPage,
    Report,
    SummaryPage,
)


class ReportAssemblyError(ValueError):
    """A family of pages that cannot make one report; names the slug and the reason."""

    def __init__(self, slug: str, reason: str) -> None:
        super().__init__(f"{slug}: {reason}")
        self.slug = slug
        self.reason = reason


ReportPageT = AboutPage | SummaryPage | QualityStatementPage


def _only_summary(slug: str, pages: Sequence[ReportPageT]) -> SummaryPage:
    summaries = [p for p in pages if isinstance(p, SummaryPage)]
    if not summaries:
        raise ReportAssemblyError(slug, "no summary page")
    if len(summaries) > 1:
        urls = ", ".join(str(p.url) for p in summaries)
        raise ReportAssemblyError(slug, f"{len(summaries)} summary pages: {urls}")
    return summaries[0]


def _check_councils(slug: str, pages: Sequence[ReportPageT]) -> None:
    names = {p.la_name for p in pages if p.la_name}
    if len({name_key(n) for n in names}) > 1:
        raise ReportAssemblyError(slug, f"pages name different councils: {sorted(names)}")


def _details(
    slug: str, pages: Sequence[ReportPageT]
) -> tuple[list[QualityStatementDetail], list[str]]:
    details: dict[int, QualityStatementDetail] = {}
    unscored: list[str] = []
    seen: dict[str, str | None] = {}
    for page in pages:
        if not isinstance(page, QualityStatementPage):
            continue
        name = page.statement.name if page.statement else page.unscored_statement
        if name is None:
            continue
        if name in seen:
            raise ReportAssemblyError(
                slug, f"two pages for statement {name!r}: {seen[name]}, {page.url}"
            )
        seen[name] = page.url
        if page.statement is None:
            unscored.append(name)
            continue
        details[page.statement.number] = QualityStatementDetail(
            statement=page.statement,
            score_label=page.score_label,
            what_people_expect=page.what_people_expect,
            commitment=page.commitment,
            key_findings=page.key_findings,
            url=page.url,
        )
    return [details[n] for n in sorted(details)], unscored


def assemble_report(slug: str, report_url: str, pages: Sequence[ReportPageT]) -> Report:
    """One Report from a family's pages; raise ReportAssemblyError on contradictions."""
    summary = _only_summary(slug, pages)
    _check_councils(slug, pages)
    about = next((p for p in pages if isinstance(p, AboutPage)), None)
    details, unscored_pages = _details(slug, pages)
    unscored = list(summary.unscored_statements)
    unscored += [n for n in unscored_pages if n not in unscored]
    published = (about.published_on if about else None) or summary.published_on
    updated = [p.page_last_updated for p in pages if p.page_last_updated]
    kind: AssessmentKind = "pilot" if any(p.assessment_kind == "pilot" for p in pages) else "formal"
    la_name = (about.la_name if about and about.la_name else None) or summary.la_name
    if la_name is None:
        raise ReportAssemblyError(slug, "no page names the council")
    urls = [p.url for p in pages if p.url]
    return Report(
        slug=slug,
        report_url=report_url,
        la_name=la_name,
        assessment_kind=kind,
        indicative=summary.indicative or kind == "pilot",
        published_on=published,
        page_last_updated=max(updated) if updated else None,
        overall_rating=summary.overall_rating,
        overall_score_pct=summary.overall_score_pct,
        quality_statements=summary.quality_statements,
        unscored_statements=unscored,
        statement_details=details,
        people_experience=summary.people_experience,
        demographics=about.demographics if about else [],
        financial_facts=about.financial_facts if about else [],
        page_urls=list(dict.fromkeys(urls)),
    )
