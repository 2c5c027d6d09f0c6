"""Reading rules for round 11's layouts (Chromium's, WeasyPrint's and LibreOffice's PDFs),
each on a small PDF drawn here with reportlab's canvas (helpers from
`test_pdf_drawn_rules`): prose from one template closing each short page at the same place,
far above the footer; paragraphs set apart by less than `_PARAGRAPH_GAP` line spacings; a
page's tail set in the document's columns whose left column holds a heading and a wrapped
score; a heading between two sets of columns a little closer under the first than its own
size's paragraph gap; a score table above a page's columns."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth

from tests.transform.test_pdf_drawn_rules import (
    BODY,
    COLUMN,
    LEFT,
    PROSE,
    RIGHT_COLUMN,
    Draw,
    block_texts,
    paragraph,
    pdf,
    text,
    wrapped,
)
from transform.pdf_report import read_pdf_facts

SOURCE = "https://example.org/report.pdf"
TITLE = ("Helvetica-Bold", 16.0)
HEADING = ("Helvetica-Bold", 13.0)
LABEL = ("Helvetica-Bold", 10.0)
PITCH = 13.0  # `paragraph`'s line spacing at the body's 10 points


CARERS = "Carers we spoke to valued the"


def footer(page: int, pages: int) -> Draw:
    return text(LEFT, 800, f"Care Quality Commission    Page {page} of {pages}")


def test_a_template_sentence_ending_short_pages_far_above_the_footer_is_text() -> None:
    """Each statement's page ends, halfway down, with the same closing words (prose from one
    template) at the same place on most pages, its footer far below. Those words recur at
    a page's edge as a running footer does, yet a footer's rows stand together: a row far
    above the footer is the page's text."""
    names = ("Assessing needs", "Safeguarding", "Partnerships and communities", "Leadership")
    ending = "short breaks offer."
    data = pdf(
        *(
            [
                text(LEFT, 80, name, HEADING),
                text(LEFT, 110, CARERS),
                text(LEFT, 123, ending),
                footer(page, len(names)),
            ]
            for page, name in enumerate(names, 1)
        )
    )
    texts = block_texts(data)
    assert texts == [block for name in names for block in (name, f"{CARERS} {ending}")]
    assert not any("Page" in t for t in texts)


FULL_LINE = "people waiting were contacted regularly so that any change in their needs or"


def test_paragraphs_set_apart_by_a_little_more_than_their_line_spacing_part() -> None:
    """Paragraphs whose lines fill the column (no room shows where one ends) set apart by
    1.3 line spacings, again and again (LibreOffice's small space after a paragraph),
    under `_PARAGRAPH_GAP`: that recurring gap, wider than any wrapped line's, parts them."""
    pitch, gap = 11.5, 15.0
    steps: list[Draw] = []
    y = 100.0
    for _ in range(4):
        for _ in range(3):
            steps.append(text(LEFT, y, FULL_LINE))
            y += pitch
        y += gap - pitch
    texts = block_texts(pdf(steps))
    assert texts == [" ".join([FULL_LINE] * 3)] * 4


def longest(lines: list[str]) -> str:
    return max(lines, key=lambda line: stringWidth(line, *BODY))


def test_a_pages_tail_in_the_documents_columns_with_few_words_a_line_on_the_left() -> None:
    """A theme's heading set full width, then a statement in the document's columns (found
    on the page before): on the left its name and its score wrapped over two lines, on
    the right a label and a list item's two lines, level with them. The left column has
    too few words a line to count as prose, yet its score wraps at the column's edge into
    a line going on in lower case, as the right column's item does: read left, then right."""
    lines = wrapped(PROSE, COLUMN)
    line = longest(lines)
    data = pdf(
        [paragraph(LEFT, 100, lines), paragraph(RIGHT_COLUMN, 100, lines)],
        [
            text(LEFT, 80, "How the local authority works with people", TITLE),
            text(RIGHT_COLUMN, 108, "What people expect", LABEL),
            text(LEFT, 122, "Assessing needs", HEADING),
            text(RIGHT_COLUMN, 136, line),
            text(LEFT, 149, line),
            text(RIGHT_COLUMN, 149, "around what matters to me."),
            text(LEFT, 162, "shortfalls"),
        ],
    )
    texts = block_texts(data)
    assert texts[-5:] == [
        "How the local authority works with people",
        "Assessing needs",
        f"{line} shortfalls",
        "What people expect",
        f"{line} around what matters to me.",
    ]


def test_a_heading_between_two_sets_of_columns_a_little_under_the_first() -> None:
    """A theme's heading, set in the left column's width between two sets of columns, stands
    less than a paragraph's gap of its own (larger) size under the right column's last
    line, more than one of that line's: no line of a column running on beside it would
    leave such a gap. Each set is read left then right, the heading between them."""
    lines = wrapped(PROSE, COLUMN)
    top = 100.0
    heading_y = top + PITCH * (len(lines) - 1) + 25
    below = heading_y + 30
    data = pdf(
        [
            paragraph(LEFT, top, lines),
            paragraph(RIGHT_COLUMN, top, lines),
            text(LEFT, heading_y, "Leadership", ("Helvetica-Bold", 20.0)),
            paragraph(LEFT, below, lines),
            paragraph(RIGHT_COLUMN, below, lines),
        ]
    )
    assert block_texts(data) == [PROSE, PROSE, "Leadership", PROSE, PROSE]


SCORES = (
    ("Assessing needs", 3),
    ("Supporting people to lead healthier lives", 2),
    ("Safeguarding", 3),
)


def test_a_score_table_above_a_pages_columns_keeps_its_rows() -> None:
    """A score table whose names and scores sit either side of the document's gutter, then a
    theme's heading and a statement set in the document's columns: the columns are read
    under the heading; the table's rows stay whole, each name with its score."""
    lines = wrapped(PROSE, COLUMN)
    line = longest(lines)
    data = pdf(
        [paragraph(LEFT, 100, lines), paragraph(RIGHT_COLUMN, 100, lines)],
        [
            text(LEFT, 80, "Overall rating for Exampleton Borough Council: 64%"),
            *(
                step
                for k, (name, score) in enumerate(SCORES)
                for step in (
                    text(LEFT, 110 + 18 * k, name),
                    text(RIGHT_COLUMN + 40, 110 + 18 * k, f"{score} Evidence shows"),
                )
            ),
            text(LEFT, 200, "How the local authority works with people", TITLE),
            text(RIGHT_COLUMN, 228, "What people expect", LABEL),
            text(LEFT, 242, "Assessing needs", HEADING),
            text(RIGHT_COLUMN, 256, line),
            text(LEFT, 269, line),
            text(RIGHT_COLUMN, 269, "around what matters to me."),
            text(LEFT, 282, "shortfalls"),
        ],
    )
    facts, _ = read_pdf_facts(data, SOURCE)
    scores = {s.number: s.score for s in facts.statements if s.score is not None}
    assert scores == {1: 3, 2: 2, 7: 3}
