"""The PDF text layer (`transform.pdf_text`): lines as a reader sees them, whatever order a PDF
draws its text in, and one-line reasons for PDFs that cannot be read."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from mirror.build import SITE_DIR
from mirror.model import load_reports
from transform.pdf_text import PdfTextError, read_text_lines

HEIGHT = A4[1]
FIXTURES = Path(__file__).parents[1] / "fixtures" / "pdf"


def drawn(*pages: list[tuple[str, float, float, float, str]]) -> bytes:
    """A PDF whose pages draw (font, size, x, y from the top, text), in the order given."""
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=A4, invariant=1)
    for page in pages:
        for font, size, x, y, text in page:
            canvas.setFont(font, size)
            canvas.drawString(x, HEIGHT - y, text)
        canvas.showPage()
    canvas.save()
    return buf.getvalue()


def test_lines_come_top_to_bottom_whatever_order_they_are_drawn_in() -> None:
    data = drawn(
        [
            ("Helvetica", 9, 60, 800, "Page 1 of 1"),  # a footer drawn first
            ("Helvetica", 10, 60, 120, "second line"),
            ("Helvetica-Bold", 14, 60, 100, "First line"),
        ]
    )
    [page] = read_text_lines(data).pages
    assert [line.text for line in page] == ["First line", "second line", "Page 1 of 1"]
    first = page[0]
    assert (first.page, first.font, first.size) == (1, "Helvetica-Bold", 14.0)
    assert first.y == pytest.approx(100, abs=0.5) and first.x0 == pytest.approx(60, abs=0.5)
    assert first.x1 > first.x0 + 50


def test_pieces_on_one_baseline_are_one_row_left_to_right() -> None:
    data = drawn(
        [
            ("Helvetica", 10, 400, 100, "3"),  # the score cell drawn before its name
            ("Helvetica", 10, 60, 100, "Assessing needs"),
            ("Helvetica", 10, 60, 120, "Safeguarding"),
            ("Helvetica", 10, 400, 120.5, "2"),
        ]
    )
    [page] = read_text_lines(data).pages
    assert [(line.text, line.cells) for line in page] == [
        ("Assessing needs 3", 2),
        ("Safeguarding 2", 2),
    ]
    assert page[0].x0 == pytest.approx(60, abs=0.5) and page[0].x1 > 400


def test_a_line_end_hyphen_ends_its_line_and_is_kept() -> None:
    """PDFium runs "long-" and "term" together with a mark of its own; the lines stay two."""
    data = drawn(
        [
            ("Times-Roman", 11, 60, 100, "people in long-"),
            ("Times-Roman", 11, 60, 114, "term support and a range 1 -"),
            ("Times-Roman", 11, 60, 128, "2 and more"),
        ]
    )
    [page] = read_text_lines(data).pages
    assert [line.text for line in page] == [
        "people in long-",
        "term support and a range 1 -",
        "2 and more",
    ]
    assert page[1].y - page[0].y == pytest.approx(14, abs=0.5)


def test_style_is_the_first_letters_not_a_bullets() -> None:
    data = drawn([("Symbol", 10, 60, 100, "\u2022"), ("Times-Italic", 12, 72, 100, "An item")])
    [line] = read_text_lines(data).pages[0]
    assert line.text.endswith("An item") and line.style == ("Times-Italic", 12.0)
    assert line.x0 == pytest.approx(60, abs=0.5)


def test_pages_are_numbered_and_an_empty_page_has_no_lines() -> None:
    data = drawn([("Helvetica", 10, 60, 100, "one")], [], [("Helvetica", 10, 60, 100, "three")])
    text = read_text_lines(data)
    assert text.page_count == 3
    assert [[(line.page, line.text) for line in page] for page in text.pages] == [
        [(1, "one")],
        [],
        [(3, "three")],
    ]


def test_a_mirror_pdf_reads_as_pdfplumber_read_it() -> None:
    """The lines pdfplumber gave the old parser, from PDFium (text, font, size, position)."""
    import pdfplumber

    stoke = next(r for r in load_reports() if r.slug == "stokeontrent-0625")
    data = (SITE_DIR / stoke.pdf_path.lstrip("/")).read_bytes()
    ours = read_text_lines(data)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page, lines in zip(pdf.pages, ours.pages, strict=True):
            theirs = page.extract_text_lines(return_chars=True, strip=True)
            assert [line.text for line in lines] == [" ".join(t["text"].split()) for t in theirs]
            for line, t in zip(lines, theirs, strict=True):
                first = next(c for c in t["chars"] if c["text"].isalnum())
                assert line.font == first["fontname"]
                assert line.size == round(first["size"], 1)
                assert line.x0 == pytest.approx(t["x0"], abs=1.0)
                assert first["top"] < line.y <= first["bottom"]  # the baseline


def test_not_a_pdf() -> None:
    with pytest.raises(PdfTextError, match=r"^not a PDF$"):
        read_text_lines(b"<!DOCTYPE html><html></html>")


def test_no_end_of_file_marker() -> None:
    data = drawn([("Helvetica", 10, 60, 100, "text")])
    with pytest.raises(PdfTextError) as info:
        read_text_lines(data[:-200])
    assert info.value.reason == "truncated or damaged PDF (no end-of-file marker)"


def test_a_pdf_without_pages() -> None:
    """PDFium refuses it without setting an error of its own: not read as the last one."""
    doc = pdfium.PdfDocument.new()
    buf = io.BytesIO()
    try:
        doc.save(buf)
    finally:
        doc.close()
    encrypted = (FIXTURES / "encrypted-local-authority-assessment.pdf").read_bytes()
    with pytest.raises(PdfTextError, match="encrypted PDF"):
        read_text_lines(encrypted)  # PDFium's last error is now its password error
    with pytest.raises(PdfTextError) as info:
        read_text_lines(buf.getvalue())
    assert info.value.reason == "truncated or damaged PDF (PDFium loads no document from it)"


def test_garbage_between_header_and_end_marker() -> None:
    with pytest.raises(PdfTextError) as info:
        read_text_lines(b"%PDF-1.7\n" + b"\x00garbage" * 100 + b"\n%%EOF\n")
    assert info.value.reason.startswith("truncated or damaged PDF (PdfiumError: ")
    assert "\n" not in info.value.reason


def test_pages_without_text() -> None:
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=A4, invariant=1)
    canvas.rect(50, 50, 200, 100, fill=1)
    canvas.showPage()
    canvas.save()
    with pytest.raises(PdfTextError) as info:
        read_text_lines(buf.getvalue())
    assert info.value.reason == "no text layer (scanned?)"
