"""Reading rules for round 7's layouts, each on a small PDF drawn here with reportlab's
canvas (helpers from `test_pdf_drawn_rules`): a score table's theme cell drawn back across
the row it is level with, in the same run of text (groff's tbl), and a two-column section
whose text fits its left column, on a page and in a document with no right column; a
pilot's "Indicative score" line heading its section. Office exports (Chromium's and Typst's
CSS or flowed columns): sections each set in their own two columns on one page, a list mark
drawn beside a right column's line, a right column whose indented list outnumbers its
prose, a short page whose right column holds a list, a section fitted in its left column
above the next one's columns, and key facts printed as sentences."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from tests.transform.test_pdf_drawn_rules import (
    HEIGHT,
    LEFT,
    PROSE,
    RIGHT,
    Draw,
    block_texts,
    disc,
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


GUTTER_X = LEFT + COLUMN + 20  # where a two-column section's right column starts
TITLE = ("Helvetica-Bold", 16.0)


def test_sections_each_in_their_own_columns_are_read_section_by_section() -> None:
    """Two sections on one page, each set in two columns, the second's heading set between
    them in the left column's width: the gutter runs past the heading, but nothing of the
    right column stands near it. Each section reads left column then right, the heading
    between them, not the first section's left column, the heading and the second's left
    column before either right column."""
    first = wrapped(PROSE, COLUMN), wrapped(EXPERIENCES[0], COLUMN)
    second = wrapped(EXPERIENCES[1], COLUMN), wrapped(PROSE, COLUMN)
    below = 110 + 13 * max(len(first[0]), len(first[1])) + 30
    data = pdf(
        [
            text(LEFT, 80, "Assessing needs", TITLE),
            paragraph(LEFT, 110, first[0]),
            paragraph(GUTTER_X, 110, first[1]),
            text(LEFT, below, "Safeguarding", TITLE),
            paragraph(LEFT, below + 30, second[0]),
            paragraph(GUTTER_X, below + 30, second[1]),
        ]
    )
    assert block_texts(data) == [
        "Assessing needs",
        PROSE,
        EXPERIENCES[0],
        "Safeguarding",
        EXPERIENCES[1],
        PROSE,
    ]


def test_a_mark_drawn_beside_a_right_columns_line_starts_that_piece() -> None:
    """A list item in the right column shares its row with the left column's text: the
    disc drawn before it is its mark, put before its own piece, not the row's."""
    data = pdf(
        [
            text(LEFT, 100, "carers were satisfied with their care and support,"),
            disc(GUTTER_X + 5, 96.5, 1.5),
            text(GUTTER_X + 12, 100, "a falls prevention service"),
        ]
    )
    (row,) = page_rows(data)
    assert [part.text for part in row.parts] == [
        "carers were satisfied with their care and support,",
        "\u2022 a falls prevention service",
    ]


ITEMS = ("a daily safeguarding triage meeting", "a multi-agency risk panel", "quarterly audits")


def list_column(top: float, x: float) -> list[Draw]:
    """A list's items set at `x`, each with a disc drawn before it, 13 points apart."""
    steps: list[Draw] = []
    for k, item in enumerate(ITEMS):
        steps += [disc(x - 7, top + 13 * k - 3.5, 1.5), text(x, top + 13 * k, item)]
    return steps


def test_a_right_column_starts_at_its_prose_not_at_its_indented_list() -> None:
    """A page whose right column holds a line of prose, a lead-in and an indented list of
    three items: the items' starts outnumber the prose's, but the column starts where its
    prose does, left of them. Read so, the prose lines are the right column's, after the
    left column, not pieces of rows across the gutter."""
    left = wrapped(EXPERIENCES[0], COLUMN)
    data = pdf(
        [
            paragraph(LEFT, 80, left),
            text(GUTTER_X, 80, "Records were kept well and reviewed."),
            text(GUTTER_X, 106, "Developments described to us included:"),
            *list_column(119, GUTTER_X + 20),
        ]
    )
    assert block_texts(data) == [
        EXPERIENCES[0],
        "Records were kept well and reviewed.",
        "Developments described to us included:",
        *(f"\u2022 {item}" for item in ITEMS),
    ]


def test_a_short_page_whose_right_column_holds_an_indented_list() -> None:
    """A page too short to show its own columns, in a document set in two: its right
    column holds a list item whose mark and wrapped line are indented from the column's
    edge. It is still read in the document's columns, the left one then the right."""
    lines = wrapped(PROSE, COLUMN)
    data = pdf(
        [paragraph(LEFT, 100, lines), paragraph(GUTTER_X, 100, lines)],
        [
            text(LEFT, 80, "What people expect", HEADING),
            text(LEFT, 100, "My views and experiences help to change how"),
            text(LEFT, 113, "services work."),
            text(GUTTER_X + 2, 100, "\u2022 The people who support me keep learning"),
            text(GUTTER_X + 9, 113, "and improving."),
        ],
    )
    assert block_texts(data)[-3:] == [
        "What people expect",
        "My views and experiences help to change how services work.",
        "\u2022 The people who support me keep learning and improving.",
    ]


def test_a_section_fitted_in_its_left_column_above_the_next_ones_columns() -> None:
    """A section whose text fits its left column, above the next section's two columns
    on the same page (its heading, close under its theme's, wider than the column): its
    lines wrap at the left column's edge, so its paragraphs read whole, not line by line."""
    first, second = (wrapped(p, COLUMN) for p in EXPERIENCES)
    bottom = 130 + 13 * (len(first) + len(second)) + 30
    columns = wrapped(PROSE, COLUMN)
    data = pdf(
        [
            text(LEFT, 60, "Providing support", TITLE),
            text(LEFT, 82, "Care provision, integration and continuity", ("Helvetica-Bold", 14)),
            text(LEFT, 105, "Key findings", HEADING),
            paragraph(LEFT, 125, first),
            paragraph(LEFT, 130 + 13 * len(first), second),
            text(LEFT, bottom, "Partnership and communities", TITLE),
            paragraph(LEFT, bottom + 30, columns),
            paragraph(GUTTER_X, bottom + 30, columns),
        ]
    )
    assert block_texts(data)[3:5] == list(EXPERIENCES)


SENTENCE_FACTS = (
    "About 805,700 people live in the county.",
    "The council is under Conservative control.",
    "In 2023/24 the council spent about \u00a3496m on adult social care.",
)


def test_key_facts_printed_as_sentences() -> None:
    """Key facts set as sentences, one a paragraph, under "Key facts" with no Demographics
    or Financial label: each is a fact, shared out by what it says; one that starts with
    "About" is a fact, not the About part's heading."""
    data = pdf(
        [
            text(LEFT, 80, "About Northshire County Council", TITLE),
            text(LEFT, 105, "Key facts", HEADING),
            *(text(LEFT, 125 + 18 * k, fact) for k, fact in enumerate(SENTENCE_FACTS)),
            text(LEFT, 200, "How the local authority works with people", TITLE),
        ]
    )
    facts, _ = read_pdf_facts(data, "https://example.org/report.pdf")
    assert [fact.raw_text for fact in facts.demographics] == list(SENTENCE_FACTS[:2])
    assert [fact.raw_text for fact in facts.financial_facts] == [SENTENCE_FACTS[2]]
