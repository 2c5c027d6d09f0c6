"""The per-report pipeline on the mirror's real files: pages and PDF in, one outcome out."""

from __future__ import annotations

from pathlib import Path

from mirror.model import STATEMENTS, load_reports, url_to_file
from transform.links import download_links
from transform.pipeline import ArchivedPage, ReportSource, build_outcome
from transform.records import ListingEntry

SITE = Path(__file__).resolve().parents[2] / "mirror" / "site"
ORIGIN = "http://127.0.0.1:8000"


def source(slug: str, pdf_of: str | None = None) -> ReportSource:
    """A report's pages as archived, with its own PDF or another report's at its PDF URL."""
    [r] = [r for r in load_reports() if r.slug == slug]
    paths = [r.about_path, r.summary_path, *(r.statement_path(st) for st in STATEMENTS)]
    pages = [
        ArchivedPage(ORIGIN + p, (SITE / url_to_file(p)).read_bytes(), "text/html") for p in paths
    ]
    links = list(dict.fromkeys(u for p in pages for u in download_links(p.body, p.url)))
    served = links[0]
    if pdf_of is not None:
        other = source(pdf_of)
        assert other.pdf is not None
        served_body = other.pdf.body
    else:
        served_body = (SITE / served.removeprefix(ORIGIN + "/")).read_bytes()
    entry = ListingEntry(
        la_name=r.name, section="report", slug=slug, url=ORIGIN + r.about_path,
        assessment_kind="formal",
    )  # fmt: skip
    pdf = ArchivedPage(served, served_body, "application/pdf")
    return ReportSource(entry, pages, pdf=pdf, pdf_links=links)


def test_its_own_pdf_fills_the_findings_its_pages_lack() -> None:
    outcome = build_outcome(source("islesofscilly-0925"))
    assert outcome.report is not None and not outcome.issues
    assert {f.field for f in outcome.filled} == {f"qs{n}.key_findings" for n in range(1, 10)}
    assert all(d.key_findings for d in outcome.report.statement_details)


def test_another_councils_pdf_fills_nothing_and_is_a_disagreement() -> None:
    """Staffordshire's PDF served at the Isles of Scilly's PDF URL: the report still loads
    from its pages, with no findings taken from the stranger, and says why."""
    outcome = build_outcome(source("islesofscilly-0925", pdf_of="staffordshire-0525"))
    assert outcome.report is not None
    assert outcome.filled == []
    assert not any(d.key_findings for d in outcome.report.statement_details)
    assert ("la_name", "Staffordshire County Council") in [
        (d.field, d.pdf_value) for d in outcome.disagreements
    ]
    [warning] = outcome.issues
    assert not warning.blocking and "about another report" in warning.reason
    assert "nothing taken from it" in warning.reason


def test_a_hostile_page_is_that_reports_issue_with_the_figure() -> None:
    """A thousand nested divs, megabytes of tiny tags, bytes that are not what they claim:
    each is the report's parse issue naming the page and the reason; nothing recurses,
    nothing is read as mojibake."""
    good = source("stokeontrent-0625")
    summary = good.pages[1]
    cases = {
        "page nests elements more than 120 deep": b"<div>" * 1000 + b"x" + b"</div>" * 1000,
        "more than 100,000 elements": b"<html><body>" + b"<i></i>" * 200_000 + b"</body></html>",
        "cannot be decoded (declared 'utf-8' in the header)": "Ünïcödé".encode("latin-1"),
    }
    for reason, body in cases.items():
        broken = ArchivedPage(summary.url, body, "text/html; charset=utf-8")
        pages = [good.pages[0], broken, *good.pages[2:]]
        outcome = build_outcome(ReportSource(good.entry, pages), read_pdf=None)
        assert outcome.report is None
        assert [(i.stage, i.url) for i in outcome.issues] == [("parse", summary.url)], reason
        assert reason in outcome.issues[0].reason


def test_what_no_fact_was_read_from_is_a_warning_never_dropped_unseen() -> None:
    """A page of the family that carries none of a report's facts, and prose in a statement's
    section under no label the reader knows: the report loads, and says what it left."""
    base = source("stokeontrent-0625")
    needs = next(p for p in base.pages if p.url.endswith("-theme1-needs"))
    text = needs.body.decode("utf-8")
    cut = text.index("What people expect")
    cut = text.rindex("<", 0, cut)  # before the label's element
    added = "<p>This section was revised after the council's factual accuracy check.</p>"
    revised = ArchivedPage(needs.url, (text[:cut] + added + text[cut:]).encode(), "text/html")
    easy_read = ArchivedPage(
        f"{ORIGIN}/care-services/local-authority-assessment-reports/stokeontrent-0625-easy-read",
        b"<html><body><main><h1>An easy read version is coming soon</h1></main></body></html>",
        "text/html",
    )
    pages = [revised if p.url == needs.url else p for p in base.pages] + [easy_read]
    outcome = build_outcome(ReportSource(base.entry, pages, pdf=base.pdf, pdf_links=base.pdf_links))
    assert outcome.report is not None
    warnings = {(i.url, i.reason) for i in outcome.issues if not i.blocking}
    assert (easy_read.url, "page carries none of the report's facts: not read") in warnings
    assert any(
        url == needs.url
        and reason.startswith("statement 1: 1 lines under no label")
        and "factual accuracy check" in reason
        for url, reason in warnings
    ), warnings
