"""The report PDF parser against every mirror report PDF of both engines, and the broken ones.

The classic skin's PDFs come from fpdf2 (`mirror/pdf.py`), the drupal skin's from reportlab
(`mirror/pdf_reportlab.py`): same facts and prose, different layout, cover, header, footer,
score table, dashes and file names. Both must give the same record, holding the real facts.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from mirror import skin_drupal
from mirror.build import BROKEN_DIR, SITE_DIR
from mirror.model import (
    DATA_DIR,
    SCORE_LABELS,
    STATEMENTS,
    Report,
    commitment,
    expectations,
    finding_paragraphs,
    load_reports,
    pdf_scores,
    placeholder_paragraph,
)
from transform import pdf_text
from transform.pdf_report import (
    PdfParseError,
    _join_line,
    parse_report_pdf,
    read_pdf_facts,
    read_report_pdf,
)
from transform.pdf_text import read_text_lines
from transform.quality_statements import BY_NUMBER as CANONICAL
from transform.records import Report as Record

FIXTURES = Path(__file__).parents[1] / "fixtures" / "pdf"
REPORTS = {r.slug: r for r in load_reports() if not r.pilot}
SLUGS = list(REPORTS)
CLASSIC_URL = "https://www.cqc.org.uk"


def classic_path(r: Report) -> Path:
    return SITE_DIR / r.pdf_path.lstrip("/")


def drupal_path(r: Report) -> Path:
    return skin_drupal.SITE_DIR / skin_drupal.pdf_path(r).lstrip("/")


@cache
def classic(slug: str) -> Record:
    r = REPORTS[slug]
    return parse_report_pdf(classic_path(r).read_bytes(), CLASSIC_URL + r.pdf_path)


@cache
def drupal(slug: str) -> Record:
    r = REPORTS[slug]
    return parse_report_pdf(drupal_path(r).read_bytes(), skin_drupal.pdf_path(r))


def comparable(record: Record) -> dict[str, Any]:
    """The record without what names the file it came from (its URL, and the slug read from
    the file name); every statement's `url` is that same URL."""
    assert {d.url for d in record.statement_details} == {record.report_url}
    dump = record.model_dump(exclude={"slug", "report_url"})
    for detail in dump["statement_details"]:
        del detail["url"]
    return dump


def assert_holds_the_facts(record: Record, r: Report) -> None:
    """The mirror's facts for report `r`, and its prose, exactly."""
    assert record.la_name == r.name
    assert (record.overall_rating, record.overall_score_pct) == (r.rating, r.pct)
    assert record.published_on == r.published
    assert (record.assessment_kind, record.indicative) == ("formal", False)
    assert [s.number for s in record.quality_statements] == list(range(1, 10))
    assert tuple(s.score for s in record.quality_statements) == pdf_scores(r)
    for st, score in zip(STATEMENTS, record.quality_statements, strict=True):
        assert score.published_name == r.statement_name(st)
        assert (score.number, score.name) == (st.number, CANONICAL[st.number].name)
    assert record.people_experience == [placeholder_paragraph(r.index, 5)]
    assert [d.statement for d in record.statement_details] == record.quality_statements
    for st, detail in zip(STATEMENTS, record.statement_details, strict=True):
        assert detail.score_label == SCORE_LABELS[detail.statement.score]
        assert detail.what_people_expect == expectations(st)
        assert detail.commitment == commitment(st)
        expected = [(h, p) for h, paragraphs in finding_paragraphs(r, st) for p in paragraphs]
        assert [(k.heading, k.text) for k in detail.key_findings] == expected


@pytest.mark.mirror  # every formal report's PDF, in both skins
@pytest.mark.parametrize("slug", SLUGS)
def test_both_engines_give_the_same_record_of_the_real_facts(slug: str) -> None:
    r = REPORTS[slug]
    assert_holds_the_facts(classic(slug), r)
    assert_holds_the_facts(drupal(slug), r)
    assert comparable(classic(slug)) == comparable(drupal(slug))


def csv_rows() -> dict[str, dict[str, str]]:
    with (DATA_DIR / "bongo_twisty_league_tables_parsed.csv").open(encoding="utf-8") as fh:
        return {row["url"].rstrip("/").rsplit("/", 1)[-1]: row for row in csv.DictReader(fh)}


@pytest.mark.mirror  # every formal report's PDF, in both skins
def test_every_report_matches_the_league_table() -> None:
    """Against the mirror's source data itself, not the mirror's report objects."""
    rows = csv_rows()
    assert sorted(rows) == sorted(SLUGS)
    for slug, row in rows.items():
        expected = [int(row[f"qs{i}"]) for i in range(1, 10)]
        if slug == "southendonsea-0825":  # the mirror's deliberately inconsistent PDF
            expected[7 - 1] -= 1
        for record in (classic(slug), drupal(slug)):
            assert record.overall_rating == row["overall"].strip(), slug
            assert record.overall_score_pct == int(row["pct_calc"]), slug
            assert [s.score for s in record.quality_statements] == expected, slug


def test_stoke_on_trent() -> None:
    r = classic("stokeontrent-0625")
    assert r.slug == "stokeontrent-0625"
    assert r.report_url.endswith("/2025-06/stokeontrent-0625-local-authority-assessment.pdf")
    assert r.la_name == "Stoke-on-Trent City Council"
    assert str(r.published_on) == "2025-06-13"
    assert (r.overall_rating, r.overall_score_pct) == ("Good", 64)
    assert [s.score for s in r.quality_statements] == [2, 2, 2, 3, 3, 2, 3, 3, 3]
    healthier = r.quality_statements[1]
    assert healthier.published_name == "Supporting people to lead healthier lives"
    assert healthier.name == "Supporting people to live healthier lives"


def test_a_file_name_without_the_slug_gives_its_stem() -> None:
    r = drupal("stokeontrent-0625")
    assert r.slug == "la-assessment-report-stoke-on-trent-city-council-june-2025"
    assert r.la_name == "Stoke-on-Trent City Council"


def test_council_named_only_by_header_and_summary_cover() -> None:
    """The third reportlab cover wording names no council: the summary's lines do."""
    third = [r for r in REPORTS.values() if r.index % 3 == 2]
    assert third
    for r in third[:5]:
        cover = read_text_lines(drupal_path(r).read_bytes()).pages[0]
        assert all(r.name not in line.text for line in cover)
        assert drupal(r.slug).la_name == r.name


def test_the_inconsistent_pdf_prints_one_score_lower_than_its_pages() -> None:
    for record in (classic("southendonsea-0825"), drupal("southendonsea-0825")):
        assert [s.score for s in record.quality_statements] == [3, 3, 3, 2, 3, 2, 2, 3, 3]
        assert record.overall_score_pct == 69  # its % is still the pages' (CQC's) figure


def test_the_summary_of_peoples_experiences_is_read() -> None:
    [paragraph] = classic("stokeontrent-0625").people_experience
    assert paragraph.startswith("[placeholder] ") and "long-form reports." in paragraph


def test_no_running_header_or_footer_in_the_text() -> None:
    for slug in ("stokeontrent-0625", "staffordshire-0525"):
        for record in (classic(slug), drupal(slug)):
            texts = [k.text for d in record.statement_details for k in d.key_findings]
            texts += record.people_experience
            for text in texts:
                assert not re.search(r"Page \d+|\d+ / \d+|Care Quality Commission", text)
                assert REPORTS[slug].name not in text


def page_texts(data: bytes) -> list[str]:
    return [" ".join(line.text for line in page) for page in read_text_lines(data).pages]


def page_breaks(pages: list[str], record: Record) -> tuple[list[str], list[tuple[str, str]]]:
    """(the last word on the first page of every finding split by a page break, the pairs of
    findings where one ends a page and the next starts the following page)."""
    split: list[str] = []
    ended: list[tuple[str, str]] = []
    texts = [k.text for d in record.statement_details for k in d.key_findings]
    for text, following in zip(texts, [*texts[1:], ""], strict=True):
        first = next(i for i, page in enumerate(pages) if text[:22] in page)  # tags are unique
        if text not in pages[first]:
            words = text.split(" ")
            shown = max(n for n in range(1, len(words)) if " ".join(words[:n]) in pages[first])
            assert " ".join(words[shown:]) in pages[first + 1]  # the rest: on the next page
            split.append(words[shown - 1])
        elif (
            following
            and following[:22] not in pages[first]
            and first + 1 < len(pages)
            and following[:22] in pages[first + 1]
        ):
            ended.append((text, following))
    return split, ended


@pytest.mark.slow
def test_findings_span_page_breaks_and_are_rejoined() -> None:
    """Joins are only tested if paragraphs really cross page breaks: in mid-sentence, right
    after a full stop, and paragraphs that end a page with the next starting the next page
    (both engines' records equal `finding_paragraphs`, so each was read right)."""
    for_engine: dict[str, tuple[list[str], list[tuple[str, str]]]] = {}
    for engine, path, parse in (
        ("classic", classic_path, classic),
        ("drupal", drupal_path, drupal),
    ):
        split: list[str] = []
        ended: list[tuple[str, str]] = []
        for slug in SLUGS:
            found = page_breaks(page_texts(path(REPORTS[slug]).read_bytes()), parse(slug))
            split += found[0]
            ended += found[1]
        for_engine[engine] = split, ended
    for split, ended in for_engine.values():
        assert any(not re.search(r"[.!?]$", word) for word in split)
        assert ended
    assert any(re.search(r"[.!?]$", word) for split, _ in for_engine.values() for word in split)


BROKEN_CASES = [
    ("truncated-local-authority-assessment.pdf", "truncated or damaged"),
    ("not-a-pdf-local-authority-assessment.pdf", "not a PDF"),
    ("no-text-layer-local-authority-assessment.pdf", "no text layer"),
]


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        *((SITE_DIR / BROKEN_DIR / name, reason) for name, reason in BROKEN_CASES),
        *((skin_drupal.SITE_DIR / skin_drupal.BROKEN_DIR / n, why) for n, why in BROKEN_CASES),
        (FIXTURES / "encrypted-local-authority-assessment.pdf", "encrypted PDF"),
    ],
    ids=[
        *(f"classic-{n.split('-local')[0]}" for n, _ in BROKEN_CASES),
        *(f"drupal-{n.split('-local')[0]}" for n, _ in BROKEN_CASES),
        "encrypted",
    ],
)
def test_broken_pdfs_raise_one_line_errors(path: Path, reason: str) -> None:
    source = f"https://www.cqc.org.uk/sites/default/files/broken/{path.name}"
    with pytest.raises(PdfParseError) as info:
        parse_report_pdf(path.read_bytes(), source)
    message = str(info.value)
    assert info.value.reason.startswith(reason)
    assert info.value.url == source and message.startswith(source)
    assert "\n" not in message


def test_damaged_body_gives_a_one_line_error() -> None:
    data = classic_path(REPORTS["staffordshire-0525"]).read_bytes()
    with pytest.raises(PdfParseError) as info:
        parse_report_pdf(data[:4000] + data[-200:], "x.pdf")
    assert str(info.value).startswith("x.pdf: ") and "\n" not in str(info.value)


def test_pdf_without_rating_is_rejected() -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 10, "Somewhere Council: local authority assessment", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 10, "Overall summary")
    with pytest.raises(PdfParseError, match="no overall rating"):
        parse_report_pdf(bytes(pdf.output()), "somewhere-local-authority-assessment.pdf")


def test_read_report_pdf_gives_the_parse_or_the_reason() -> None:
    r = REPORTS["stokeontrent-0625"]
    data = classic_path(r).read_bytes()
    good = read_report_pdf(data, r.pdf_path)
    assert good.facts == read_pdf_facts(data, r.pdf_path)[0]
    assert good.facts.overall_score_pct == parse_report_pdf(data, r.pdf_path).overall_score_pct
    assert (good.error, good.page_count, good.finished) == (None, 21, True)
    assert len(good.sha256) == 64 and good.seconds > 0
    bad = read_report_pdf(data[: len(data) // 2], r.pdf_path)
    assert (bad.facts, bad.page_count, bad.finished) == (None, None, True)
    assert bad.error is not None and bad.error.startswith("truncated or damaged PDF")


def test_line_end_hyphen_joins_without_a_space() -> None:
    assert _join_line("people in long-", "term support") == "people in long-term support"
    assert _join_line("ends here.", "Next") == "ends here. Next"
    assert _join_line("a range 1 -", "2") == "a range 1 - 2"


def count_lifetimes(
    cls: type, opened: Counter[str], closed: Counter[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Count `cls` objects made and closed by close() (a garbage-collected object is closed
    by its finalizer, which does not call close(): that is the leak this catches)."""
    init, close = cls.__init__, cls.close

    def counting_init(self: Any, *args: Any, **kwargs: Any) -> None:
        init(self, *args, **kwargs)
        opened[cls.__name__] += 1

    def counting_close(self: Any, *args: Any, **kwargs: Any) -> Any:
        if self.raw:
            closed[cls.__name__] += 1
        return close(self, *args, **kwargs)

    monkeypatch.setattr(cls, "__init__", counting_init)
    monkeypatch.setattr(cls, "close", counting_close)


def count_handles(
    kind: str,
    load: str,
    close: str,
    counts: tuple[Counter[str], Counter[str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Count PDFium's own handles of a `kind` (pages and text pages, which the parser
    holds without pypdfium2's objects) loaded by `load` and closed by `close`."""
    opened, closed = counts
    loading, closing = getattr(pdfium_c, load), getattr(pdfium_c, close)

    def counting_load(*args: Any) -> Any:
        handle = loading(*args)
        if handle:
            opened[kind] += 1
        return handle

    def counting_close(handle: Any) -> Any:
        closed[kind] += 1
        return closing(handle)

    monkeypatch.setattr(pdfium_c, load, counting_load)
    monkeypatch.setattr(pdfium_c, close, counting_close)


@pytest.fixture
def pdfium_objects(monkeypatch: pytest.MonkeyPatch) -> tuple[Counter[str], Counter[str]]:
    """(opened, closed) PDFium documents, pages and text pages, by kind."""
    opened: Counter[str] = Counter()
    closed: Counter[str] = Counter()
    for cls in (pdfium.PdfDocument, pdfium.PdfPage, pdfium.PdfTextPage):
        count_lifetimes(cls, opened, closed, monkeypatch)
    count_handles("page", "FPDF_LoadPage", "FPDF_ClosePage", (opened, closed), monkeypatch)
    count_handles(
        "text page", "FPDFText_LoadPage", "FPDFText_ClosePage", (opened, closed), monkeypatch
    )
    return opened, closed


def test_every_pdfium_object_is_closed(pdfium_objects: tuple[Counter[str], Counter[str]]) -> None:
    opened, closed = pdfium_objects
    r = REPORTS["stokeontrent-0625"]
    parse_report_pdf(classic_path(r).read_bytes(), r.pdf_path)
    parse_report_pdf(drupal_path(r).read_bytes(), r.pdf_path)
    with pytest.raises(PdfParseError):
        parse_report_pdf((SITE_DIR / BROKEN_DIR / BROKEN_CASES[2][0]).read_bytes(), "x.pdf")
    assert opened["PdfDocument"] == 3 and opened["page"] == 21 + 16 + 1
    assert opened["text page"] == 21 + 16 + 1
    assert opened == closed


def test_a_page_pdfium_cannot_load_is_a_parse_error_naming_it_and_leaks_nothing(
    pdfium_objects: tuple[Counter[str], Counter[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    opened, closed = pdfium_objects
    calls = Counter[str]()
    loading = pdfium_c.FPDF_LoadPage  # the counting one

    def failing_load(*args: Any) -> Any:
        calls["page"] += 1
        return None if calls["page"] == 3 else loading(*args)

    monkeypatch.setattr(pdfium_c, "FPDF_LoadPage", failing_load)
    r = REPORTS["stokeontrent-0625"]
    with pytest.raises(PdfParseError) as info:
        parse_report_pdf(classic_path(r).read_bytes(), "x.pdf")
    assert info.value.reason == "truncated or damaged PDF (page 3 cannot be loaded)"
    assert opened["page"] == 2 and opened == closed


def test_a_failure_mid_page_is_a_parse_error_and_leaks_nothing(
    pdfium_objects: tuple[Counter[str], Counter[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    opened, closed = pdfium_objects
    calls = Counter[str]()
    original = pdf_text._page_text

    def failing_text(*args: Any) -> str:
        calls["text"] += 1
        if calls["text"] == 3:
            raise pdfium.PdfiumError("Failed to get text")
        return original(*args)

    monkeypatch.setattr(pdf_text, "_page_text", failing_text)
    r = REPORTS["stokeontrent-0625"]
    with pytest.raises(PdfParseError) as info:
        parse_report_pdf(classic_path(r).read_bytes(), "x.pdf")
    assert info.value.reason == "truncated or damaged PDF (PdfiumError: Failed to get text)"
    assert opened["page"] == 3 and opened["text page"] == 3 and opened == closed
