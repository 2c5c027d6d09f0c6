"""Reading rules for round 8's layouts (Chromium's and WeasyPrint's CSS columns, a
summary-only report), each on a small PDF drawn here with reportlab's canvas (helpers from
`test_pdf_drawn_rules`): a rating printed after the council's name under its label; a
closing copyright line under a page's columns; a left column that runs on into the right
column's top from under a heading; a paragraph carried over a page turn into a short left
column; a label ending two short pages that is no running footer; a list's last item at a
column break, the paragraph after it in the next column."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth

from tests.transform.test_pdf_drawn_rules import (
    BODY,
    COLUMN,
    LEFT,
    PROSE,
    RIGHT,
    RIGHT_COLUMN,
    Draw,
    block_texts,
    paragraph,
    pdf,
    text,
    wrapped,
)
from transform.pdf_report import read_pdf_facts

HEADING = ("Helvetica-Bold", 12.0)
SMALL = ("Helvetica", 8.0)
SOURCE = "https://example.org/report.pdf"
PITCH = 13.0  # `paragraph`'s line spacing at the body's 10 points
SECOND = (
    "Unpaid carers told us they valued the carers' centre, yet fewer than half of the carers "
    "who responded to the survey said they had been offered an assessment of their own, and "
    "some had waited many months for one."
)


def test_a_rating_after_the_councils_name_under_its_label() -> None:
    """ "Exampleton Borough Council: Requires improvement" on the line under "Local
    authority rating and score": the label says what the line is, so the words before its
    colon are the council's name and the rating follows them."""
    data = pdf(
        [
            text(LEFT, 100, "Local authority rating and score", HEADING),
            text(LEFT, 120, "Exampleton Borough Council: Requires improvement"),
            text(LEFT, 140, "Evidence shows some shortfalls"),
        ]
    )
    facts, _ = read_pdf_facts(data, SOURCE)
    assert facts.overall_rating == "Requires improvement"
    assert facts.la_name == "Exampleton Borough Council"


def test_a_closing_copyright_line_under_the_columns_is_no_text_of_theirs() -> None:
    """A document's last line, "(c) <owner> <year>" under its last page's columns, stands
    in the left column's width: read there it would split the paragraph the left column
    carries on into the right one. It is the document's notice, not report text."""
    lines = wrapped(f"{PROSE} {PROSE}", COLUMN)
    half = len(lines) // 2
    data = pdf(
        [
            text(LEFT, 80, "Learning from feedback", HEADING),
            paragraph(LEFT, 100, lines[:half]),
            paragraph(RIGHT_COLUMN, 100, lines[half:]),
            text(LEFT, 100 + PITCH * len(lines), "\u00a9 Care Quality Commission 2025", SMALL),
        ]
    )
    assert block_texts(data) == ["Learning from feedback", " ".join(lines)]


def test_a_left_column_running_on_into_the_right_columns_top_comes_first() -> None:
    """The left column goes on under the right one's end: a sub-heading larger than the
    columns' text, then a paragraph whose last left-column line stops mid-sentence at the
    column's edge; the right column's first line goes on with it, in lower case. The
    paragraph is read whole, before the right column's other text, and the next section's
    heading further down the left column after both."""
    lines = wrapped(PROSE, COLUMN)
    widest = max(range(len(lines)), key=lambda k: stringWidth(lines[k], *BODY))
    assert lines[widest + 1][:1].islower()  # the right column goes on mid-sentence
    top = 100.0
    heading_y = top + PITCH * len(lines) + 20
    data = pdf(
        [
            paragraph(LEFT, top, lines),
            paragraph(RIGHT_COLUMN, top, lines[widest + 1 :]),
            text(LEFT, heading_y, "Provision of accessible information", HEADING),
            paragraph(LEFT, heading_y + 20, lines[: widest + 1]),
            text(LEFT, heading_y + 40 + PITCH * widest, "Equity in experience", ("Helvetica", 16)),
        ]
    )
    assert block_texts(data) == [
        PROSE,
        "Provision of accessible information",
        PROSE,
        "Equity in experience",
    ]


def test_a_paragraph_carried_over_a_page_turn_into_a_short_left_column() -> None:
    """The page before ends in its right column, mid-sentence; the next page holds the
    paragraph's last two lines in its left column, then text set full width: too few lines
    to show the column's wrapping, yet the first ends at the column's edge with the next
    close under it, as the column's lines do. It goes on, not read as ended on purpose."""
    lines = wrapped(f"{PROSE} {PROSE}", COLUMN)
    half = len(lines) // 2
    rest = wrapped(SECOND, COLUMN)
    data = pdf(
        [
            paragraph(LEFT, 100, lines[:half]),
            paragraph(RIGHT_COLUMN, 100, [*lines[half:], *rest[:-2]]),
        ],
        [
            paragraph(LEFT, 80, rest[-2:]),
            text(LEFT, 130, "Equity in experience and outcomes", HEADING),
            paragraph(LEFT, 150, wrapped(PROSE, RIGHT - LEFT)),
        ],
    )
    texts = block_texts(data)
    assert texts[0] == " ".join(lines)
    assert texts[1] == SECOND
    assert texts[2] == "Equity in experience and outcomes"


def test_a_label_ending_two_short_pages_is_no_running_footer() -> None:
    """A summary-only report: its contents page's last entry and a later page's last line
    are the same label, each the last row of its page, at the edge where a running footer
    would stand. Furniture recurs where it stood; a label at two heights is text."""
    label = "Summary of people's experiences"
    experiences = [wrapped(PROSE, RIGHT - LEFT), wrapped(SECOND, RIGHT - LEFT)]

    def header(page: int) -> list[Draw]:
        return [
            text(52, 37, "Exampleton Borough Council: local authority assessment", SMALL),
            text(280, 810, f"Page {page} of 4", SMALL),
        ]

    data = pdf(
        [text(LEFT, 300, "Exampleton Borough Council: local authority assessment", HEADING)],
        [
            *header(2),
            text(LEFT, 90, "Contents", HEADING),
            text(LEFT, 110, "Overall summary"),
            text(LEFT, 124, label),
        ],
        [
            *header(3),
            text(LEFT, 90, "Overall summary", HEADING),
            paragraph(LEFT, 110, wrapped(PROSE, RIGHT - LEFT)),
            text(LEFT, 760, label, HEADING),
        ],
        [
            *header(4),
            paragraph(LEFT, 80, experiences[0]),
            paragraph(LEFT, 100 + PITCH * len(experiences[0]), experiences[1]),
        ],
    )
    facts, _ = read_pdf_facts(data, SOURCE)
    assert facts.people_experience == [PROSE, SECOND]


def test_a_lists_last_item_at_a_column_break_ends_there() -> None:
    """The left column ends with an indented list; its last item fills its line, and the
    right column opens with a paragraph at the column's own edge, not at the item's
    indent: the item ends there, as a wrapped line of it would start level with its text."""
    intro = wrapped(PROSE, COLUMN)
    after = wrapped(SECOND, COLUMN)
    item = "\u2022 " + wrapped(f"An online self-assessment tool for carers {PROSE}", COLUMN - 20)[0]
    top = 100.0
    below = top + PITCH * len(intro) + 6
    data = pdf(
        [
            paragraph(LEFT, top, intro),
            text(LEFT, below, "Recent developments included:"),
            text(LEFT + 15, below + 16, "\u2022 A hospital discharge hub"),
            text(LEFT + 15, below + 32, item),
            paragraph(RIGHT_COLUMN, top, after),
        ]
    )
    assert block_texts(data) == [
        PROSE,
        "Recent developments included:",
        "\u2022 A hospital discharge hub",
        item,
        SECOND,
    ]
