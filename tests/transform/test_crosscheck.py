"""Pages against their PDF, as the report is assembled: the pages' values are kept, each real
difference is recorded with both values, the gaps the pages leave are filled and named, and a
PDF about another report gives nothing."""

from __future__ import annotations

from datetime import date

from transform.crosscheck import Disagreement
from transform.quality_statements import STATEMENTS
from transform.records import KeyFinding, PageReading, StatementReading
from transform.report import assemble_report

BASE = "https://www.cqc.org.uk/care-services/local-authority-assessment-reports"
PDF_URL = "https://www.cqc.org.uk/sites/default/files/2025-06/stokeontrent-0625.pdf"
STOKE_SCORES = [2, 2, 2, 3, 3, 2, 3, 3, 3]


def summary(la_name: str = "Stoke-on-Trent City Council", **changes: object) -> PageReading:
    scores = changes.pop("scores", STOKE_SCORES)
    fields: dict[str, object] = {
        "url": f"{BASE}/stokeontrent-0625-summary",
        "page_kind": "summary",
        "la_name": la_name,
        "published_on": date(2025, 6, 13),
        "overall_rating": "Good",
        "overall_score_pct": 64,
        "statements": [
            StatementReading(number=s.number, published_name=s.name, score=score)
            for s, score in zip(STATEMENTS, scores, strict=True)
        ],
    }
    fields.update(changes)
    return PageReading.model_validate(fields)


def pdf(**changes: object) -> PageReading:
    return summary(**{"url": PDF_URL, "page_kind": "report_pdf", **changes})


def assemble(pages: list[PageReading], from_pdf: PageReading) -> object:
    return assemble_report("stokeontrent-0625", f"{BASE}/stokeontrent-0625", pages, from_pdf)


def test_agreeing_sources_give_nothing_even_with_other_name_spelling() -> None:
    assembly = assemble_report("s", BASE, [summary()], pdf(la_name="Stoke on Trent City Council"))
    assert (assembly.disagreements, assembly.filled, assembly.problems) == ([], [], [])


def test_each_differing_field_is_recorded_with_both_values_and_the_pages_win() -> None:
    other = pdf(
        overall_rating="Requires improvement",
        overall_score_pct=61,
        scores=[2, 2, 2, 3, 2, 2, 3, 3, 3],
    )
    assembly = assemble_report("s", BASE, [summary()], other)
    assert assembly.disagreements == [
        Disagreement("overall_rating", "Good", "Requires improvement"),
        Disagreement("overall_score_pct", "64", "61"),
        Disagreement("qs5", "3", "2"),
    ]
    assert assembly.report is not None
    assert (assembly.report.overall_rating, assembly.report.overall_score_pct) == ("Good", 64)


def test_a_pdf_about_another_council_gives_nothing() -> None:
    stranger = pdf(la_name="Staffordshire County Council", people_experience=["Not ours."])
    assembly = assemble_report("s", BASE, [summary()], stranger)
    assert assembly.disagreements == [
        Disagreement("la_name", "Stoke-on-Trent City Council", "Staffordshire County Council")
    ]
    assert assembly.report is not None and assembly.report.people_experience == []
    assert "it is about another report" in assembly.warnings[0]


def test_gaps_in_the_pages_are_filled_from_the_pdf_and_named() -> None:
    finding = KeyFinding(heading="Access", text="From the PDF.")
    page_one = StatementReading(
        number=1,
        published_name="Assessing needs",
        score=2,
        score_label="Evidence shows some shortfalls",
        commitment="We commit.",
    )
    page_two = StatementReading(
        number=2, published_name="Supporting people", score=2, commitment="We commit."
    )
    statement_pages = PageReading(
        url=f"{BASE}/stokeontrent-0625-theme1",
        page_kind="statements",
        la_name="Stoke-on-Trent City Council",
        statements=[page_one, page_two],
    )
    from_pdf = pdf(
        overall_score_pct=61,  # a disagreement, never a fill
        people_experience=["What people said."],
        statements=[
            *summary().statements,
            StatementReading(
                number=1, published_name="Assessing needs", score_label="PDF label",
                key_findings=[finding],
            ),
            StatementReading(
                number=3, published_name="Equity", commitment="PDF commitment.",
                key_findings=[finding],
            ),
        ],
    )  # fmt: skip
    assembly = assemble_report(
        "stokeontrent-0625", BASE, [summary(published_on=None), statement_pages], from_pdf
    )
    assert [f.field for f in assembly.filled] == [
        "published_on",
        "qs1.key_findings",
        "qs3.details",
        "people_experience",
    ]
    assert {f.source_url for f in assembly.filled} == {PDF_URL}
    report = assembly.report
    assert report is not None
    assert report.published_on == date(2025, 6, 13)
    assert report.overall_score_pct == 64
    assert report.people_experience == ["What people said."]
    first, second, third = report.statement_details
    assert first.score_label == "Evidence shows some shortfalls"  # the pages' value stays
    assert first.key_findings == [finding]
    assert second.commitment == "We commit." and second.key_findings == []
    assert third.statement.number == 3 and third.commitment == "PDF commitment."
    sources = {s.fact: s for s in assembly.sources}
    assert sources["qs3.texts"].url == PDF_URL
    assert sources["qs1.texts"].page_kind == "statements"
    assert sources["overall_rating"].url.endswith("-summary")


def test_a_pdf_alone_fills_what_no_page_gives() -> None:
    about = PageReading(url=f"{BASE}/stokeontrent-0625", page_kind="about", la_name="Stoke")
    assembly = assemble_report("stokeontrent-0625", BASE, [about], pdf(la_name="Stoke"))
    assert assembly.problems == []
    assert [f.field for f in assembly.filled][:3] == [
        "overall_rating",
        "overall_score_pct",
        "published_on",
    ]
