"""Reading rules for round 7's layouts, each on a small PDF drawn here with reportlab's
canvas (helpers from `test_pdf_drawn_rules`): a score table's theme cell drawn back across
the row it is level with, in the same run of text (groff's tbl), and a two-column section
whose text fits its left column, on a page and in a document with no right column; a
pilot's "Indicative score" line heading its section."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from tests.transform.test_pdf_drawn_rules import (
    HEIGHT,
    LEFT,
    PROSE,
    RIGHT,
    Draw,
    block_texts,
    page_rows,
    paragraph,
    pdf,
    text,
    wrapped,
)
from transform.pdf_report import read_pdf_facts

HEADING = ("Helvetica-Bold", 12.0)
CELL = ("Times-Roman", 10.0)
NAME_X, THEME_X = 240.0, 105.0


def tbl_rows(rows: list[tuple[float, float, str]]) -> Draw:
    """Cells drawn as one text object, in the order given (x, baseline from the page's top,
    text): as groff's tbl draws a table, a row's name padded with spaces to its score, and
    a cell spanning rows after the row it is level with."""

    def step(canvas: Canvas) -> None:
        obj = canvas.beginText()
        obj.setFont(*CELL)
        for x, y, words in rows:
            obj.setTextOrigin(x, HEIGHT - y)
            obj.textOut(words)
        canvas.drawText(obj)

    return step


def name_and_score(name: str, score: int) -> str:
    """A row's name and score as tbl sets them: one string, spaces between (no gap)."""
    return f"{name}{' ' * 12}{score}"


def test_a_cell_drawn_back_across_its_row_is_a_row_of_its_own() -> None:
    """groff's tbl draws a theme cell spanning two rows after the row it is level with,
    half a line higher, in the same text object: PDFium runs it on after the row's score
    ("Partnerships and communities 3 Providing support"). A piece that starts left of the
    one before it is no part of it: it is placed by its own baseline, and the row reads as
    a statement and its score."""
    data = pdf(
        [
            text(LEFT, 80, "Quality statement scores", HEADING),
            tbl_rows(
                [
                    (NAME_X, 120, name_and_score("Care provision, integration and continuity", 3)),
                    (NAME_X, 132, name_and_score("Partnerships and communities", 2)),
                    (THEME_X, 126, "Providing support"),
                    (NAME_X, 150, name_and_score("Governance, management and sustainability", 3)),
                    (NAME_X, 162, name_and_score("Learning, improvement and innovation", 4)),
                    (THEME_X, 156, "Leadership"),
                ]
            ),
        ]
    )
    rows = [row.text for row in page_rows(data)]
    assert rows[1:] == [
        "Care provision, integration and continuity 3",
        "Providing support",
        "Partnerships and communities 2",
        "Governance, management and sustainability 3",
        "Leadership",
        "Learning, improvement and innovation 4",
    ]
    facts, _ = read_pdf_facts(data, "https://example.org/report.pdf")
    assert {s.number: s.score for s in facts.statements} == {4: 3, 5: 2, 8: 3, 9: 4}


COLUMN = (RIGHT - LEFT - 20) / 2  # a two-column section's column width; its gutter 20 points
EXPERIENCES = (
    "Most people we heard from told us staff were kind and listened to them, and several "
    "described their social worker as someone they could rely on when things went wrong.",
    "Unpaid carers told us they valued the carers' centre, yet fewer than half of the carers "
    "who responded to the survey said they had been offered an assessment of their own.",
)


def test_a_two_column_section_set_in_its_left_column_alone_is_a_column() -> None:
    """A two-column section whose text fits its left column, in a document with no other
    columns: no right column shows where the gutter is, but the lines all wrap short of
    the page's width, at one edge, and run on mid-sentence. Read against the page's width
    each would seem to end on purpose; read against the column's edge they are the two
    paragraphs they are. The full-width text around them is read as before."""
    first, second = (wrapped(p, COLUMN) for p in EXPERIENCES)
    data = pdf(
        [
            paragraph(LEFT, 80, wrapped(PROSE, RIGHT - LEFT)),
            text(LEFT, 140, "Summary of people's experiences", HEADING),
            paragraph(LEFT, 160, first),
            paragraph(LEFT, 168 + 13 * len(first), second),
            text(LEFT, 300, "Theme 1: How the local authority works with people", HEADING),
            paragraph(LEFT, 320, wrapped(PROSE, RIGHT - LEFT)),
        ]
    )
    facts, _ = read_pdf_facts(data, "https://example.org/report.pdf")
    assert facts.people_experience == list(EXPERIENCES)
    assert block_texts(data)[0] == PROSE


FACTS = (  # each within a font size of the longest's end but the last
    "Population: 427,361 people",
    "Deprivation: decile 2 of 10",
    "Long-term support: 11,977",
    "Unemployment rate: 4.1%",
    "Political control: Labour",
)


def test_short_lines_of_one_length_are_no_column_unless_they_run_on() -> None:
    """A list of short facts set without marks, one under another, may end at about one
    edge short of the page's width, as a narrow column's lines do (read against that edge,
    none has room for the next one's first word); but none runs on into the next
    mid-sentence, so each stays a line of its own."""
    data = pdf(
        [
            paragraph(LEFT, 80, wrapped(PROSE, RIGHT - LEFT)),
            text(LEFT, 140, "Key facts", HEADING),
            paragraph(LEFT, 160, FACTS),
            text(LEFT, 250, "Theme 1: How the local authority works with people", HEADING),
            paragraph(LEFT, 270, wrapped(PROSE, RIGHT - LEFT)),
        ]
    )
    assert block_texts(data)[2:7] == list(FACTS)


def test_a_pilots_indicative_score_heads_its_section() -> None:
    """A pilot prints its section's score as "Indicative score: 3 - Evidence shows ...":
    the score and its band are the section's, as "Score: 3 - ..." is a formal report's."""
    data = pdf(
        [
            text(LEFT, 80, "Assessing needs", HEADING),
            text(LEFT, 100, "Indicative score: 3 - Evidence shows a good standard"),
            text(LEFT, 125, "What people expect", HEADING),
            text(LEFT, 145, "I have care and support that is co-ordinated."),
            text(LEFT, 170, "The local authority commitment:", HEADING),
            text(LEFT, 190, "We maximise the effectiveness of people's care and support."),
        ]
    )
    facts, _ = read_pdf_facts(data, "https://example.org/report.pdf")
    (statement,) = facts.statements
    assert (statement.number, statement.score) == (1, 3)
    assert statement.score_label == "Evidence shows a good standard"
    assert statement.commitment == "We maximise the effectiveness of people's care and support."
