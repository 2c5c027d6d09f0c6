"""The report PDF parser, against the mirror's generated PDFs and its broken ones."""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

import pdfplumber
import pytest

from mirror.build import DATA_DIR, SITE_DIR, STATEMENTS, load_reports
from mirror.pdf import BROKEN_DIR, finding_paragraphs
from transform.pdf_report import PdfParseError, parse_report_pdf
from transform.records import Report

BROKEN = SITE_DIR / BROKEN_DIR
FIXTURES = Path(__file__).parents[1] / "fixtures" / "pdf"
REPORTS = {r.slug: r for r in load_reports() if not r.pilot}
# Parsing takes ~2 s a PDF: every sixth report plus the two named below, not all 72.
SAMPLE = sorted({*list(REPORTS)[::6], "stokeontrent-0625", "staffordshire-0525"})


@cache
def parsed(slug: str) -> Report:
    path = REPORTS[slug].pdf_path
    return parse_report_pdf((SITE_DIR / path.lstrip("/")).read_bytes(), path)


def csv_rows() -> dict[str, dict[str, str]]:
    with (DATA_DIR / "bongo_twisty_league_tables_parsed.csv").open(encoding="utf-8") as fh:
        return {row["url"].rstrip("/").rsplit("/", 1)[-1]: row for row in csv.DictReader(fh)}


def test_stoke_on_trent() -> None:
    r = parsed("stokeontrent-0625")
    assert r.slug == "stokeontrent-0625"
    assert r.report_url.endswith("/2025-06/stokeontrent-0625-local-authority-assessment.pdf")
    assert r.la_name == "Stoke-on-Trent City Council"
    assert str(r.published_on) == "2025-06-13"
    assert (r.overall_rating, r.overall_score_pct) == ("Good", 64)
    assert [s.score for s in r.quality_statements] == [2, 2, 2, 3, 3, 2, 3, 3, 3]
    assert [s.number for s in r.quality_statements] == list(range(1, 10))
    healthier = r.quality_statements[1]
    assert healthier.published_name == "Supporting people to lead healthier lives"
    assert healthier.name == "Supporting people to live healthier lives"


def test_staffordshire() -> None:
    r = parsed("staffordshire-0525")
    assert (r.overall_rating, r.overall_score_pct) == ("Good", 75)
    assert [s.score for s in r.quality_statements] == [3] * 9
    assert r.la_name == REPORTS["staffordshire-0525"].name


@pytest.mark.parametrize("slug", SAMPLE)
def test_sample_matches_league_table(slug: str) -> None:
    row, r = csv_rows()[slug], parsed(slug)
    assert r.overall_rating == row["overall"].strip()
    assert r.overall_score_pct == int(row["pct_calc"])
    expected = [int(row[f"qs{i}"]) for i in range(1, 10)]
    if slug == "southendonsea-0825":  # the mirror's deliberately inconsistent PDF
        expected[7 - 1] -= 1
    assert [s.score for s in r.quality_statements] == expected


def test_the_inconsistent_pdf_prints_one_score_lower_than_its_pages() -> None:
    r = parsed("southendonsea-0825")
    assert [s.score for s in r.quality_statements] == [3, 3, 3, 2, 3, 2, 2, 3, 3]
    assert r.overall_score_pct == 69  # its % is still the pages' (CQC's) figure


def test_the_summary_of_peoples_experiences_is_read() -> None:
    [paragraph] = parsed("stokeontrent-0625").people_experience
    assert paragraph.startswith("[placeholder] ") and "long-form reports." in paragraph


def test_statement_details_are_whole_paragraphs() -> None:
    slug = "stokeontrent-0625"
    mirror_report, r = REPORTS[slug], parsed(slug)
    assert [d.statement.number for d in r.statement_details] == list(range(1, 10))
    for st, d in zip(STATEMENTS, r.statement_details, strict=True):
        expected = [(h, p) for h, ps in finding_paragraphs(mirror_report, st) for p in ps]
        assert [(k.heading, k.text) for k in d.key_findings] == expected
        assert d.commitment and d.commitment.startswith("We [placeholder] commit")
        assert len(d.what_people_expect) == 2
        assert d.score_label and d.score_label.startswith("Evidence shows")
        for k in d.key_findings:
            assert not re.search(r"Page \d+ of \d+", k.text)
            assert mirror_report.name not in k.text


def test_some_finding_spans_a_page_break() -> None:
    """The join is only tested if a paragraph really starts on one page and ends on the next."""
    slug = "stokeontrent-0625"
    path = SITE_DIR / REPORTS[slug].pdf_path.lstrip("/")
    with pdfplumber.open(path) as pdf:
        pages = [re.sub(r"\s+", " ", p.extract_text()) for p in pdf.pages]
    texts = [k.text for d in parsed(slug).statement_details for k in d.key_findings]
    split = [t for t in texts if not any(t in page for page in pages)]
    assert split, "no key finding paragraph crosses a page break"
    assert all(any(t[:22] in page for page in pages) for t in split)  # tags are unique


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        (BROKEN / "truncated-local-authority-assessment.pdf", "truncated or damaged"),
        (BROKEN / "not-a-pdf-local-authority-assessment.pdf", "not a PDF"),
        (BROKEN / "no-text-layer-local-authority-assessment.pdf", "no text layer"),
        (FIXTURES / "encrypted-local-authority-assessment.pdf", "encrypted PDF"),
    ],
    ids=["truncated", "not-a-pdf", "no-text", "encrypted"],
)
def test_broken_pdfs_raise_one_line_errors(path: Path, reason: str) -> None:
    source = f"https://www.cqc.org.uk/sites/default/files/broken/{path.name}"
    with pytest.raises(PdfParseError) as info:
        parse_report_pdf(path.read_bytes(), source)
    message = str(info.value)
    assert reason in info.value.reason
    assert info.value.url == source and message.startswith(source)
    assert "\n" not in message


def test_damaged_body_gives_a_one_line_error() -> None:
    data = (SITE_DIR / REPORTS["staffordshire-0525"].pdf_path.lstrip("/")).read_bytes()
    with pytest.raises(PdfParseError) as info:
        parse_report_pdf(data[:4000] + data[-200:], "x.pdf")
    assert str(info.value).startswith("x.pdf: ") and "\n" not in str(info.value)


def test_pdf_without_rating_is_rejected() -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_y(40)  # below the running-header band
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 10, "Somewhere Council: local authority assessment", new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(80)
    pdf.cell(0, 10, "Overall summary")
    with pytest.raises(PdfParseError, match="no overall rating found"):
        parse_report_pdf(bytes(pdf.output()), "somewhere-local-authority-assessment.pdf")


def test_line_end_hyphen_joins_without_a_space() -> None:
    from transform.pdf_report import _join_line

    assert _join_line("people in long-", "term support") == "people in long-term support"
    assert _join_line("ends here.", "Next") == "ends here. Next"
    assert _join_line("a range 1 -", "2") == "a range 1 - 2"
