"""One report assembled from the facts all its pages (and its PDF) carry.

Each page was read into facts without being required to hold any (`transform.pages`,
`transform.pdf_report`). Here they come together: where two pages give the same fact they must
agree (a disagreement between pages is a problem: which one is right cannot be known); the
PDF fills what the pages leave empty and, where it says otherwise, is recorded as a
disagreement while the pages' value is kept. Completeness (nine scored statements, a rating,
and for a formal report its % and date) and CQC's arithmetic (the nine scores give the %, the
% gives the rating band) are judged here, for the report as a whole, never for a page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from transform.councils import name_key
from transform.crosscheck import Disagreement, FilledField
from transform.quality_statements import BY_NUMBER
from transform.records import (
    AssessmentKind,
    PageReading,
    QualityStatementDetail,
    QualityStatementScore,
    Report,
    StatementReading,
)
from transform.validate import validate_report


class ReportAssemblyError(ValueError):
    """A family of pages that cannot make one report; names the slug and the reasons."""

    def __init__(self, slug: str, reason: str) -> None:
        super().__init__(f"{slug}: {reason}")
        self.slug = slug
        self.reason = reason


@dataclass(frozen=True)
class FactSource:
    """Where one fact of an assembled report was read: its page (or PDF) and the text."""

    fact: str  # 'overall_rating', 'overall_score_pct', 'qs3.score', 'qs3.texts', ...
    url: str
    page_kind: str
    text: str
    pdf_page: int | None = None


@dataclass(frozen=True)
class Assembly:
    """What a report's readings amount to: the report (None if its facts do not make one
    valid report, `problems` then says why), where each fact came from, and what its PDF
    added to the pages or contradicted."""

    report: Report | None
    problems: list[str]
    sources: list[FactSource] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)
    filled: list[FilledField] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # the PDF left out, and why
    # the report as its facts give it, before it is judged complete and consistent (None when
    # the facts themselves conflict): for inspection and tests, never for loading
    draft: Report | None = None


# The parts of a statement's text, as `QualityStatementDetail` names them.
_DETAIL_PARTS = ("score_label", "what_people_expect", "commitment", "key_findings")


@dataclass
class _Facts:
    """The assembly in progress."""

    pages: list[PageReading]
    pdf: PageReading | None
    problems: list[str] = field(default_factory=list)
    sources: list[FactSource] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)
    filled: list[FilledField] = field(default_factory=list)

    def source(self, fact: str, reading: PageReading, key: str | None = None) -> None:
        where = reading.provenance.get(key or fact)
        self.sources.append(
            FactSource(
                fact=fact,
                url=reading.url,
                page_kind=reading.page_kind,
                text=where.text if where else "",
                pdf_page=where.pdf_page if where else None,
            )
        )

    def doubted(self, fact: str) -> bool:
        """Whether a page prints the fact in a form that cannot be read ("Excellent" for a
        rating): the PDF never fills it then, the report names the page's words instead."""
        return any(fact in r.doubts for r in self.pages)

    def one(self, fact: str, what: str) -> Any:
        """The value the pages agree on (a problem if they do not), else the PDF's."""
        given = [(getattr(r, fact), r) for r in self.pages if getattr(r, fact) is not None]
        values = list(dict.fromkeys(value for value, _ in given))
        pdf_value = getattr(self.pdf, fact) if self.pdf is not None else None
        if len(values) > 1:
            shown = "; ".join(
                f"{value!s} ({', '.join(r.url for v, r in given if v == value)})"
                for value in values
            )
            self.problems.append(f"pages disagree on the {what}: {shown}")
            return None
        if values:
            self.source(fact, given[0][1])
            if pdf_value is not None and pdf_value != values[0]:
                self.disagreements.append(Disagreement(fact, str(values[0]), str(pdf_value)))
            return values[0]
        if pdf_value is not None and self.pdf is not None and not self.doubted(fact):
            self.filled.append(FilledField(fact, self.pdf.url))
            self.source(fact, self.pdf)
            return pdf_value
        return None


def _statement_readings(
    readings: Sequence[PageReading], number: int
) -> list[tuple[StatementReading, PageReading]]:
    return [(s, r) for r in readings for s in r.statements if s.number == number]


def _detail(statement: QualityStatementScore, reading: StatementReading, url: str) -> Any:
    return QualityStatementDetail(
        statement=statement,
        score_label=reading.score_label,
        what_people_expect=reading.what_people_expect,
        commitment=reading.commitment,
        key_findings=reading.key_findings,
        url=url,
    )


def _texts(reading: StatementReading) -> tuple[Any, ...]:
    return (reading.what_people_expect, reading.commitment, reading.key_findings)


def _statement(
    facts: _Facts, number: int
) -> tuple[QualityStatementScore | None, QualityStatementDetail | None, bool]:
    """Statement `number`: its score (pages, else PDF), its texts (pages, else PDF; parts
    the pages lack from the PDF), and whether it was printed unscored."""
    name = f"statement {number} ({BY_NUMBER[number].name})"
    on_pages = _statement_readings(facts.pages, number)
    scored = [(s, r) for s, r in on_pages if s.score is not None]
    scores = list(dict.fromkeys(s.score for s, _ in scored))
    on_pdf = _statement_readings([facts.pdf], number) if facts.pdf is not None else []
    pdf_scores = list(dict.fromkeys(s.score for s, _ in on_pdf if s.score is not None))
    pdf_score = pdf_scores[0] if len(pdf_scores) == 1 else None
    score: int | None = None
    published = None
    if len(scores) > 1:
        shown = "; ".join(f"{s.score} on {r.url}" for s, r in scored)
        facts.problems.append(f"{name} scored differently: {shown}")
    elif scores:
        score = scores[0]
        published, holder = scored[0][0].published_name, scored[0][1]
        facts.source(f"qs{number}.score", holder)
        for other in pdf_scores:
            if other != score:
                facts.disagreements.append(Disagreement(f"qs{number}", str(score), str(other)))
    elif len(pdf_scores) > 1:
        shown = ", ".join(str(score) for score in pdf_scores)
        facts.problems.append(f"{name} scored differently in the PDF: {shown}")
    elif pdf_score is not None and facts.pdf is not None and not facts.doubted(f"qs{number}.score"):
        score = pdf_score
        published = next(s.published_name for s, _ in on_pdf if s.score is not None)
        facts.filled.append(FilledField(f"qs{number}", facts.pdf.url))
        facts.source(f"qs{number}.score", facts.pdf)
    unscored = any(s.unscored for s, _ in on_pages)
    if score is None:
        return None, None, unscored
    st = BY_NUMBER[number]
    statement = QualityStatementScore(
        number=number, name=st.name, theme=st.theme, score=score, published_name=published
    )

    with_text = [(s, r) for s, r in on_pages if s.has_text]
    distinct = list(dict.fromkeys(_texts(s).__repr__() for s, _ in with_text))
    detail = None
    if len(distinct) > 1:
        urls = ", ".join(dict.fromkeys(r.url for _, r in with_text))
        facts.problems.append(f"two pages give {name}'s texts, and differently: {urls}")
    elif with_text:
        reading, holder = with_text[0]
        label = reading.score_label or next(
            (s.score_label for s, _ in on_pages if s.score_label), None
        )
        detail = _detail(statement, reading, holder.url).model_copy(update={"score_label": label})
        facts.source(f"qs{number}.texts", holder)
    pdf_text = next((s for s, _ in on_pdf if s.has_text), None)
    if pdf_text is not None and facts.pdf is not None:
        pdf_url = facts.pdf.url
        if detail is None:
            detail = _detail(statement, pdf_text, pdf_url)
            facts.filled.append(FilledField(f"qs{number}.details", pdf_url))
            facts.source(f"qs{number}.texts", facts.pdf)
        else:
            gaps = {
                part: getattr(pdf_text, part)
                for part in _DETAIL_PARTS
                if not getattr(detail, part) and getattr(pdf_text, part)
            }
            if gaps:
                detail = detail.model_copy(update=gaps)
                facts.filled.extend(FilledField(f"qs{number}.{p}", pdf_url) for p in gaps)
    elif detail is None:
        label = next((s.score_label for s, _ in on_pages if s.score_label), None)
        if label is not None:
            detail = QualityStatementDetail(
                statement=statement, score_label=label, url=scored[0][1].url if scored else None
            )
    return statement, detail, unscored


def _council(facts: _Facts, slug: str) -> str | None:
    names = [(r.la_name, r) for r in facts.pages if r.la_name]
    keys = list(dict.fromkeys(name_key(n) for n, _ in names))
    if len(keys) > 1:
        shown = sorted({n for n, _ in names})
        facts.problems.append(f"pages name different councils: {shown}")
        return None
    if names:
        facts.source("la_name", names[0][1])
        return names[0][0]
    if facts.pdf is not None and facts.pdf.la_name:
        facts.filled.append(FilledField("la_name", facts.pdf.url))
        facts.source("la_name", facts.pdf)
        return facts.pdf.la_name
    facts.problems.append("no page or PDF names the council")
    return None


def _published(facts: _Facts) -> date | None:
    """The About page's "Assessment published" date (else the earliest "Published" date of
    the pages; else the PDF's). Pages that print later dates are updates, not contradictions."""
    dated = [r for r in facts.pages if r.published_on is not None]
    about = [r for r in dated if r.page_kind == "about"]
    chosen = (
        about[0] if about else min(dated, key=lambda r: r.published_on or date.max, default=None)
    )
    pdf_date = facts.pdf.published_on if facts.pdf is not None else None
    if chosen is not None:
        facts.source("published_on", chosen)
        if pdf_date is not None and pdf_date != chosen.published_on:
            facts.disagreements.append(
                Disagreement("published_on", str(chosen.published_on), str(pdf_date))
            )
        return chosen.published_on
    if pdf_date is not None and facts.pdf is not None:
        facts.filled.append(FilledField("published_on", facts.pdf.url))
        facts.source("published_on", facts.pdf)
    return pdf_date


def _first_list(facts: _Facts, fact: str, *, from_pdf: bool) -> list[Any]:
    for reading in facts.pages:
        if getattr(reading, fact):
            facts.source(fact, reading)
            return list(getattr(reading, fact))
    if from_pdf and facts.pdf is not None and getattr(facts.pdf, fact):
        facts.filled.append(FilledField(fact, facts.pdf.url))
        facts.source(fact, facts.pdf)
        return list(getattr(facts.pdf, fact))
    return []


def stranger_pdf(pages: Sequence[PageReading], pdf: PageReading) -> list[Disagreement]:
    """Where the PDF says it is another report: another council, or (both dates printed)
    another publication date. Such a PDF must give nothing: its facts are someone else's."""
    found: list[Disagreement] = []
    councils = list(dict.fromkeys(r.la_name for r in pages if r.la_name))
    if councils and pdf.la_name and name_key(councils[0]) != name_key(pdf.la_name):
        found.append(Disagreement("la_name", councils[0], pdf.la_name))
    dates = sorted({r.published_on for r in pages if r.published_on})
    if dates and pdf.published_on and pdf.published_on not in dates:
        found.append(Disagreement("published_on", str(dates[0]), str(pdf.published_on)))
    return found


def _doubts_for(readings: Sequence[PageReading], problem: str) -> str:
    """What the pages could not read that would have answered `problem` ("no overall
    rating" -> "unknown rating: 'Excellent' (url)")."""
    wanted = []
    if "overall rating" in problem:
        wanted.append("overall_rating")
    if "overall %" in problem:
        wanted.append("overall_score_pct")
    if "publication date" in problem:
        wanted.append("published_on")
    for number in range(1, 10):
        if problem.startswith(f"statement {number} "):
            wanted += [f"qs{number}.score", "unplaced_scores"]
    said = [f"{r.doubts[w]} ({r.url})" for r in readings for w in wanted if w in r.doubts]
    return f"{problem}: {'; '.join(said)}" if said else problem


def assemble_report(
    slug: str,
    report_url: str,
    pages: Sequence[PageReading],
    pdf: PageReading | None = None,
    *,
    listed_kind: AssessmentKind | None = None,
) -> Assembly:
    """One report from its pages' readings and its PDF's (either may be absent), judged
    complete and consistent as a whole."""
    readings = [r for r in pages if r.page_kind != "listing"]
    warnings: list[str] = []
    strangers: list[Disagreement] = []
    if pdf is not None and (strangers := stranger_pdf(readings, pdf)):
        said = "; ".join(f"{d.field} {d.pdf_value!r}, not {d.html_value!r}" for d in strangers)
        warnings.append(f"it is about another report ({said}): nothing taken from it")
        pdf = None
    facts = _Facts(readings, pdf)
    la_name = _council(facts, slug)
    rating = facts.one("overall_rating", "overall rating")
    pct = facts.one("overall_score_pct", "overall %")
    published = _published(facts)
    updated = [r.page_last_updated for r in readings if r.page_last_updated]
    scores: list[QualityStatementScore] = []
    details: list[QualityStatementDetail] = []
    unscored: list[str] = []
    for number in range(1, 10):
        statement, detail, printed_unscored = _statement(facts, number)
        if statement is not None:
            scores.append(statement)
        elif printed_unscored:
            unscored.append(BY_NUMBER[number].name)
        if detail is not None:
            details.append(detail)
    everything = [*readings, *([pdf] if pdf is not None else [])]
    pilot = (
        listed_kind == "pilot"
        or any(r.pilot for r in readings)
        or (not readings and pdf is not None and pdf.pilot)
    )
    kind: AssessmentKind = "pilot" if pilot else "formal"
    if la_name is None or facts.problems:
        return Assembly(None, facts.problems, facts.sources, strangers, facts.filled, warnings)
    report = Report(
        slug=slug,
        report_url=report_url,
        la_name=la_name,
        assessment_kind=kind,
        indicative=pilot or any(r.indicative for r in everything),
        published_on=published,
        page_last_updated=max(updated) if updated else None,
        overall_rating=rating,
        overall_score_pct=pct,
        quality_statements=scores,
        unscored_statements=unscored,
        statement_details=details,
        people_experience=_first_list(facts, "people_experience", from_pdf=True),
        demographics=_first_list(facts, "demographics", from_pdf=False),
        financial_facts=_first_list(facts, "financial_facts", from_pdf=False),
        page_urls=list(dict.fromkeys(r.url for r in readings)),
    )
    problems = [_doubts_for(everything, p) for p in validate_report(report)]
    return Assembly(
        None if problems else report,
        problems,
        facts.sources,
        [*strangers, *facts.disagreements],
        facts.filled,
        warnings,
        draft=report,
    )


def assembled_report(
    slug: str,
    report_url: str,
    pages: Sequence[PageReading],
    pdf: PageReading | None = None,
    *,
    listed_kind: AssessmentKind | None = None,
) -> Report:
    """`assemble_report`'s report; raise ReportAssemblyError naming its problems if none."""
    assembly = assemble_report(slug, report_url, pages, pdf, listed_kind=listed_kind)
    if assembly.report is None:
        raise ReportAssemblyError(slug, "; ".join(assembly.problems))
    return assembly.report
