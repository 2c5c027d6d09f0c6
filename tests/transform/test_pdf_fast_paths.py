"""The PDF parser's shortcuts (issue 22: the parse within 2x of PDFium's text extraction)
against the plain formulations they replace: each must give what the plain one gives, on
any text, so the records stay the same. The plain ones are written out here as they were."""

from __future__ import annotations

import ctypes
import itertools
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import FrozenInstanceError, replace
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mirror import skin_drupal
from mirror.build import SITE_DIR
from mirror.model import load_reports
from transform import pdf_report, pdf_text
from transform.clean import normalise_text
from transform.pdf_report import Block, _Layout
from transform.pdf_text import TextLine
from transform.quality_statements import ALIASES, UnknownStatementError, canonical_statement

# Text as PDFs give it: letters in both cases, digits, the punctuation the patterns look for,
# every kind of white space, controls, a noncharacter, a soft hyphen, ligatures, curly quotes,
# a no-break space, letters that change length or meaning when lower-cased.
ALPHABET = (
    "aAbeEgiIlnNorsStTvVy0123456789 .,:;!?-'\"()[]&\u2019\u201d\u2018\u2013"
    "\t\n\r\x0b\x0c\x1c\x1f\x85\u00a0\u2028\u3000\x01\x7f\u200b\ufffe\u00ad"
    "\ufb01\ufb02\u0130\u0131\u03a3\u212a\u00e9\u0301\u2022"
)
TEXTS = st.text(alphabet=ALPHABET, max_size=60)
WORDS = st.lists(
    st.sampled_from(
        [
            "indicative",
            "Indicative",
            "INDICATIVE",
            "\u0130ndicative",
            "\u0131ndicative",
            "indicatives",
            "_indicative",
            "score",
            "Score:",
            "3",
            "4/4",
            "long-",
            "term",
            "people\u2019s",
            "&",
            "Safeguarding",
            "Quality",
            "statement",
            "7:",
            "\u2022",
            "-",
            " ",
            "  ",
            ".",
            "end.",
            "\u2019",
            "\u03a3",
        ]
    ),
    max_size=12,
).map(" ".join)
ANY_TEXT = st.one_of(TEXTS, WORDS)
_SPACES = re.compile(r"\s+")


def line(text: str, y: float = 0.0, page: int = 1) -> TextLine:
    return TextLine(text, page, 10.0, 10.0 + 5 * len(text), y, "F", 10.0)


@given(ANY_TEXT)
def test_a_piece_reads_as_normalised_and_single_spaced(text: str) -> None:
    plain = _SPACES.sub(" ", normalise_text(text.replace("\ufffe", "-"))).strip()
    assert pdf_text._piece_text(text) == plain


@given(ANY_TEXT)
def test_white_space_made_single_spaces_whatever_it_is(text: str) -> None:
    assert pdf_report._single_spaced(text) == pdf_report._WHITESPACE.sub(" ", text)


@given(ANY_TEXT)
def test_printable_text_is_the_plain_reading(text: str) -> None:
    ligatures = pdf_report._LIGATURE.sub(
        lambda m: pdf_report.unicodedata.normalize("NFKC", m.group()), text
    )
    shown = pdf_report._shown(ligatures).replace("\u00a0", " ")
    assert pdf_report._printable(text) == pdf_report._WHITESPACE.sub(" ", shown).strip()


@given(ANY_TEXT)
def test_a_label_key_is_the_plain_one(text: str) -> None:
    lowered = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    plain = pdf_report._WHITESPACE.sub(" ", lowered).rstrip(":").strip()
    assert pdf_report._key(text) == plain


@given(st.lists(ANY_TEXT, max_size=4))
def test_indicative_is_found_as_the_pattern_finds_it(texts: list[str]) -> None:
    plain = any(pdf_report._INDICATIVE.search(text) for text in texts)
    assert pdf_report._says_indicative(texts) == plain


@given(ANY_TEXT)
def test_a_printed_texts_key_is_its_key(text: str) -> None:
    printed = pdf_report._printable(text)
    assert pdf_report._printed_key(printed) == pdf_report._key(printed)


@given(ANY_TEXT)
def test_a_short_title_is_the_plain_test(text: str) -> None:
    plain = len(text.split()) <= 14 and not pdf_report._SENTENCE_END.search(text)
    assert pdf_report._is_short_title(text) == plain


@given(ANY_TEXT)
def test_a_text_without_a_score_digit_matches_no_score_pattern(text: str) -> None:
    if not pdf_report._holds_score(text):
        assert not pdf_report._SCORE_ROW.match(text)
        assert not pdf_report._NAME_AND_SCORE.match(text)


def plain_statement(text: str) -> object:
    if len(text.split()) > 28:
        return None
    try:
        return canonical_statement(pdf_report._STATEMENT_PREFIX.sub("", text))
    except UnknownStatementError:
        return None


NAMES = st.sampled_from(sorted(ALIASES)).flatmap(
    lambda alias: st.sampled_from(
        [
            alias,
            alias.title(),
            alias.upper(),
            f"Quality statement 3: {alias}",
            f"QS1 - {alias}",
            f"quality statement1 {alias}",
            f"{alias} 3",
            f"{alias}.",
            f"1. {alias}",
            f"Theme 1: {alias}",
            alias.replace(" and ", " & "),
            alias.replace("people", "people's").replace("peoples", "people\u2019s"),
            alias.replace(" ", "-"),
            alias.replace(" ", "\u00a0"),
            f"  {alias}  ",
            f"{alias}s",
            f"x{alias}",
        ]
    )
)


@given(st.one_of(NAMES, ANY_TEXT))
def test_a_statement_is_named_as_the_alias_table_names_it(text: str) -> None:
    assert pdf_report._statement_named(text) == plain_statement(text)


def plain_words(lines: Sequence[TextLine]) -> frozenset[str]:
    found: set[str] = set()
    for each in lines:
        text = each.text
        if text[-1:] in pdf_report._LINE_END_HYPHENS:
            text = text[:-1].rstrip().rsplit(" ", 1)[0] if " " in text else ""
        text = text.split(" ", 1)[1] if " " in text else ""
        for word in pdf_report._WORDS.findall(text.lower()):
            found.add(word)
            if "-" in word:
                parts = word.split("-")
                found.update(parts)
                found.update(f"{a}-{b}" for a, b in itertools.pairwise(parts))
    return frozenset(found)


@given(st.lists(st.one_of(WORDS, TEXTS), max_size=8))
def test_a_document_prints_the_words_it_printed(texts: list[str]) -> None:
    lines = [line(text) for text in texts]
    vocabulary = pdf_report._vocabulary(lines)
    assert vocabulary.words == plain_words(lines)
    assert vocabulary.plain_hyphens_kept == pdf_report._plain_hyphens_kept(
        lines, plain_words(lines)
    )


@given(st.lists(st.one_of(WORDS, TEXTS), max_size=8))
def test_sentence_openings_are_counted_line_by_line(texts: list[str]) -> None:
    lines = [line(text, y=10.0 * k) for k, text in enumerate(texts)]
    plain = Counter(
        m.group(1) for each in lines for m in pdf_report._SENTENCE_START.finditer(each.text)
    )
    assert _Layout.of(lines).opens_sentences == plain


def test_a_blocks_key_follows_its_text() -> None:
    block = Block("Key findings:", ("F", 10.0), 1)
    assert block.key == "key findings"
    block.text = "What people expect"
    assert block.key == "what people expect"


def test_a_line_is_made_and_frozen_as_a_dataclass_is() -> None:
    made = TextLine("x", 1, 1.0, 2.0, 3.0, "F", 10.0)
    named = TextLine(text="x", page=1, x0=1.0, x1=2.0, y=3.0, font="F", size=10.0)
    assert made == named == replace(made) and hash(made) == hash(named)
    assert (made.cells, made.parts) == (1, ())
    assert replace(made, text="y", cells=2).text == "y"
    with pytest.raises(FrozenInstanceError):
        made.text = "z"  # type: ignore[misc]


def mirror_pdf_pages() -> list[bytes]:
    report = next(r for r in load_reports() if not r.pilot)
    return [
        (SITE_DIR / report.pdf_path.lstrip("/")).read_bytes(),
        (skin_drupal.SITE_DIR / skin_drupal.pdf_path(report).lstrip("/")).read_bytes(),
    ]


@pytest.mark.parametrize("data", mirror_pdf_pages(), ids=["fpdf2", "reportlab"])
def test_the_plain_prototypes_read_what_pypdfium2s_read(data: bytes) -> None:
    doc = pdfium.PdfDocument(data)
    try:
        page = doc[0]
        textpage = page.get_textpage()
        handle, address = textpage.raw, pdf_text._address(textpage.raw)
        ours = [ctypes.c_double() for _ in range(4)]
        theirs = [ctypes.c_double() for _ in range(4)]
        names = [ctypes.create_string_buffer(128) for _ in range(2)]
        flags = [ctypes.c_int() for _ in range(2)]
        for char in range(textpage.count_chars()):
            pdf_text._CHAR_ORIGIN(address, char, *(ctypes.addressof(v) for v in ours[:2]))
            pdfium_c.FPDFText_GetCharOrigin(handle, char, *theirs[:2])
            assert (ours[0].value, ours[1].value) == (theirs[0].value, theirs[1].value)
            pdf_text._CHAR_BOX(address, char, *(ctypes.addressof(v) for v in ours))
            pdfium_c.FPDFText_GetCharBox(handle, char, *theirs)
            assert [v.value for v in ours] == [v.value for v in theirs]
            assert pdf_text._FONT_SIZE(address, char) == pdfium_c.FPDFText_GetFontSize(handle, char)
            assert pdf_text._FONT_INFO(
                address, char, ctypes.addressof(names[0]), 128, ctypes.addressof(flags[0])
            ) == pdfium_c.FPDFText_GetFontInfo(handle, char, names[1], 128, ctypes.byref(flags[1]))
            assert (names[0].value, flags[0].value) == (names[1].value, flags[1].value)
            assert pdf_text._COUNT_RECTS(address, 0, char + 1) == pdfium_c.FPDFText_CountRects(
                handle, 0, char + 1
            )
        page_address = pdf_text._address(page.raw)
        for index in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
            obj = pdf_text._PAGE_OBJECT(page_address, index)
            theirs_obj = pdfium_c.FPDFPage_GetObject(page.raw, index)
            assert obj == pdf_text._address(theirs_obj)
            assert pdf_text._OBJECT_TYPE(obj) == pdfium_c.FPDFPageObj_GetType(theirs_obj)
            edges = [ctypes.c_float() for _ in range(8)]
            pdf_text._OBJECT_BOUNDS(obj, *(ctypes.addressof(v) for v in edges[:4]))
            pdfium_c.FPDFPageObj_GetBounds(theirs_obj, *edges[4:])
            assert [v.value for v in edges[:4]] == [v.value for v in edges[4:]]
        textpage.close()
        page.close()
    finally:
        doc.close()


def text_pages(data: bytes) -> Iterator[pdfium.PdfTextPage]:
    """Each page's text of a PDF, closed with its page (and at the end the document) once
    the next is asked for."""
    doc = pdfium.PdfDocument(data)
    try:
        for index in range(len(doc)):
            page = doc[index]
            textpage = page.get_textpage()
            try:
                yield textpage
            finally:
                textpage.close()
                page.close()
    finally:
        doc.close()


@pytest.mark.parametrize("data", mirror_pdf_pages(), ids=["fpdf2", "reportlab"])
def test_a_page_read_without_asking_indices_has_each_char_at_its_own(data: bytes) -> None:
    """Where the text is as long as the chars and its last index is the last char's,
    PDFium maps every index to itself: no index need be asked."""
    for textpage in text_pages(data):
        count = textpage.count_chars()
        raw = textpage.get_text_range(0, count)
        assert pdf_text._same_indices(textpage.raw, raw, count)
        assert all(
            pdfium_c.FPDFText_GetCharIndexFromTextIndex(textpage.raw, i) == i
            and pdfium_c.FPDFText_GetTextIndexFromCharIndex(textpage.raw, i) == i
            for i in range(count)
        )


# A page's text as PDFium gives it: runs of text between its line breaks ("\r\n"), a lone
# "\r" or "\n" now and then, line-end hyphens (U+FFFE).
PAGE_TEXTS = st.lists(
    st.one_of(TEXTS, WORDS, st.sampled_from(["\r\n", "\r", "\n", "\ufffe", "\r\n\r\n"])),
    max_size=10,
).map("".join)


@given(PAGE_TEXTS)
def test_a_pages_runs_are_where_the_pattern_finds_them(text: str) -> None:
    plain = [run.span() for run in pdf_text._RUN.finditer(text)]
    assert pdf_text._run_spans(text) == plain


def blind_pdf_pages() -> list[bytes]:
    """PDFs written by hands that never saw the parser: a CMS's, an NHS-style site's."""
    root = Path(__file__).parents[1] / "blind" / "round2"
    return [
        (root / "cms/pdf/norfolk-0226.pdf").read_bytes(),
        (
            root
            / "nhsuk/files/sites/default/files/2025-02/20250214_camden_la_assessment_report.pdf"
        ).read_bytes(),
    ]


PDF_PAGES = [*mirror_pdf_pages(), *blind_pdf_pages()]
PDF_IDS = ["fpdf2", "reportlab", "blind-cms", "blind-nhsuk"]


@pytest.mark.parametrize("data", PDF_PAGES, ids=PDF_IDS)
def test_a_pages_text_is_pypdfium2s_text_range(data: bytes) -> None:
    for textpage in text_pages(data):
        count = textpage.count_chars()
        assert pdf_text._page_text(textpage.raw, count) == textpage.get_text_range(0, count)


def hit_test_start(handle: object, index: int) -> int:
    """The plain way to a rectangle's first char: the char PDFium finds just inside its
    left edge, half way up (-1 where there is none, as at a space)."""
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    pdfium_c.FPDFText_GetRect(handle, index, left, top, right, bottom)
    middle = (bottom.value + top.value) / 2
    return int(pdfium_c.FPDFText_GetCharIndexAtPos(handle, left.value + 0.5, middle, 1.0, 1.0))


@pytest.mark.parametrize("data", PDF_PAGES, ids=PDF_IDS)
def test_a_rectangle_starts_where_the_char_at_its_left_edge_is(data: bytes) -> None:
    """Each line's rectangles (runs PDFium splits where its letters stand apart): the
    starts found by counting are the chars found at their left edges, give or take
    white space (a rectangle that starts at a space, which has no height to be found)."""
    checked = 0
    for textpage in text_pages(data):
        handle, address = textpage.raw, pdf_text._address(textpage.raw)
        text = textpage.get_text_range()
        for run in pdf_text._RUN.finditer(text):
            first, last = run.start(), run.end() - 1
            count = pdfium_c.FPDFText_CountRects(handle, first, last - first + 1)
            if count < 2:
                continue
            plain = [hit_test_start(handle, k) for k in range(count)]
            starts = pdf_text._rect_starts(address, first, last - first + 1, count)
            assert starts == sorted(set(starts)) and len(starts) == count
            for ours, theirs in zip(starts, plain, strict=True):
                if theirs >= 0:
                    between = text[min(ours, theirs) : max(ours, theirs)]
                    assert not between.strip(), (text[first : last + 1], ours, theirs)
                    checked += 1
    assert checked > 20
