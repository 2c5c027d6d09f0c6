"""Reading rules for round 10's layouts (Chromium's and WeasyPrint's CSS paged media), each
on a small PDF drawn here with reportlab's canvas (helpers from `test_pdf_drawn_rules`): a
theme's name filling its line over its first statement's name in the same style; a
statement's heading between two sets of columns whose right column starts just under it; a
contents list with page numbers before a score table with no label of its own; key facts
as sentences counting long-term support in words of their own."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth

from tests.transform.test_pdf_drawn_rules import (
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
PITCH = 13.0  # `paragraph`'s line spacing at the body's 10 points


def theme_page(theme: str, statement: str, gap: float) -> list[Draw]:
    """A theme's page: its name, its first statement's name `gap` under it in the same
    style, then prose wrapped as wide as the theme's name."""
    width = stringWidth(theme, *TITLE)
    return [
        text(LEFT, 80, theme, TITLE),
        text(LEFT, 80 + gap, statement, TITLE),
        paragraph(LEFT, 110 + gap, wrapped(PROSE, width)),
    ]


def test_a_theme_name_filling_its_line_stands_over_its_statements_name() -> None:
    """A theme's name fills its line, its first statement's name under it in its style at
    the style's only spacing (no gap shows a break, no room on the line for the next
    word): the theme's name is a heading of its own, the statement's name another."""
    data = pdf(
        theme_page("Theme 1: How the local authority works with people", "Assessing needs", 40),
        theme_page("Theme 2: Providing support", "Partnerships and communities", 40),
    )
    texts = block_texts(data)
    assert texts[:2] == ["Theme 1: How the local authority works with people", "Assessing needs"]
    assert "Partnerships and communities" in texts


def test_a_wrapped_theme_name_is_read_whole() -> None:
    """A theme's name wrapped over two lines: its first line names no theme and runs on."""
    first, second = "Theme 3: How the local authority ensures safety", "within the system"
    data = pdf(
        [
            text(LEFT, 80, first, TITLE),
            text(LEFT, 99, second, TITLE),
            text(LEFT, 140, "Safeguarding", TITLE),
            paragraph(LEFT, 170, wrapped(PROSE, stringWidth(first, *TITLE))),
        ]
    )
    assert block_texts(data)[:2] == [f"{first} {second}", "Safeguarding"]


def test_a_heading_between_two_sets_of_columns_whose_right_one_starts_close_under_it() -> None:
    """A statement's heading, larger than the columns' text, set between two sets of
    columns; the second set's right column starts a little less than a paragraph's gap
    under it (its left column lower still, under a boxed score). Read as one pair of
    columns, the second set's right column would come before the heading: each set is
    read left then right, the heading between them."""
    lines = wrapped(PROSE, COLUMN)
    top = 100.0
    heading_y = top + PITCH * len(lines) + 40
    below = heading_y + 1.2 * TITLE[1]  # under a paragraph's gap at 1.2 spacing (25.9)
    data = pdf(
        [
            paragraph(LEFT, top, lines),
            paragraph(RIGHT_COLUMN, top, lines),
            text(LEFT, heading_y, "Safeguarding", TITLE),
            paragraph(LEFT, below + 10, lines),
            paragraph(RIGHT_COLUMN, below, lines),
        ]
    )
    assert block_texts(data) == [PROSE, PROSE, "Safeguarding", PROSE, PROSE]


SCORES = (
    ("Assessing needs", 3),
    ("Supporting people to lead healthier lives", 2),
    ("Safeguarding", 3),
)


def test_a_contents_lists_page_numbers_are_no_scores() -> None:
    """A contents list names statements with their page numbers after dot leaders; the
    score table on the next page has no label of its own to be read after. The page
    numbers are no scores: the table's are read, with no conflict between the two."""
    entries = [("Overall summary", 2), *((name, 4 + k) for k, (name, _) in enumerate(SCORES))]
    data = pdf(
        [
            text(LEFT, 80, "Contents", TITLE),
            *(
                text(LEFT, 110 + 16 * k, f"\u2022 {name} {'.' * 40} {page}")
                for k, (name, page) in enumerate(entries)
            ),
        ],
        [
            text(LEFT, 80, "Overall summary", TITLE),
            text(LEFT, 110, "Overall rating for Exampleton Borough Council: 64%"),
            *(
                step
                for k, (name, score) in enumerate(SCORES)
                for step in (text(LEFT, 140 + 18 * k, name), text(420, 140 + 18 * k, str(score)))
            ),
        ],
    )
    facts, _ = read_pdf_facts(data, SOURCE)
    assert [(s.number, s.score) for s in facts.statements] == [(1, 3), (2, 2), (7, 3)]


SENTENCE_FACTS = (
    "The local authority has a population of approximately 485,800 people.",
    "Political control: Conservative.",
    "The local authority spent \u00a3319.5m on adult social care in 2023/24.",
    "Approximately 9,600 people were accessing long-term adult social care support in 2023/24.",
)


def test_long_term_support_counted_in_a_sentence_of_its_own_is_a_financial_fact() -> None:
    """Key facts as sentences under "Key facts" with no Demographics or Financial label:
    one counts people accessing "long-term adult social care support", words between the
    term and "support". It is a financial fact, as "long-term support" is."""
    data = pdf(
        [
            text(LEFT, 80, "About Exampleton Borough Council", TITLE),
            text(LEFT, 105, "Key facts", HEADING),
            *(text(LEFT, 125 + 18 * k, fact) for k, fact in enumerate(SENTENCE_FACTS)),
            text(LEFT, 220, "How the local authority works with people", TITLE),
        ]
    )
    facts, _ = read_pdf_facts(data, SOURCE)
    assert [fact.raw_text for fact in facts.demographics] == list(SENTENCE_FACTS[:2])
    assert [fact.raw_text for fact in facts.financial_facts] == list(SENTENCE_FACTS[2:])
