"""Reading rules for round 5's layouts, each on a small PDF drawn here with reportlab's
canvas (helpers from `test_pdf_drawn_rules`): the About part after the last statement, theme
headings numbered as chapters, short columns under much text set full width, a justified
column line the text layer splits into phrases."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from tests.transform.test_pdf_drawn_rules import (
    BODY,
    COLUMN,
    LEFT,
    PROSE,
    RIGHT,
    RIGHT_COLUMN,
    Draw,
    block_texts,
    justified,
    paragraph,
    pdf,
    text,
    wrapped,
)
from transform.pdf_report import _body, read_pdf_facts
from transform.pdf_text import read_text_lines

STATEMENT = ("Helvetica-Bold", 17.0)
LABEL = ("Helvetica-Bold", 12.0)
SUBHEADING = ("Helvetica-Bold", 10.0)


def statement_page(name: str, finding: str, top: float = 80.0, prose: str = PROSE) -> list[Draw]:
    """A statement's section: its name, score, labels and one key finding under its
    sub-heading (`prose`)."""
    lines = wrapped(prose, RIGHT - LEFT)
    return [
        text(LEFT, top, name, STATEMENT),
        text(LEFT, top + 25, "Score: 3"),
        text(LEFT, top + 50, "What people expect", LABEL),
        text(LEFT + 6, top + 68, "\u2022 I get the right support at the right time."),
        text(LEFT, top + 95, "Key findings for this quality statement", LABEL),
        text(LEFT, top + 115, finding, SUBHEADING),
        paragraph(LEFT, top + 130, lines),
    ]


def findings_of(data: bytes, number: int) -> list[tuple[str | None, str]]:
    """A statement's key findings: each paragraph under its sub-heading."""
    facts, _ = read_pdf_facts(data, "https://example.test/report.pdf")
    detail = next(s for s in facts.statements if s.number == number and s.key_findings)
    return [(f.heading, f.text) for f in detail.key_findings]


# ------------------------------------------------------------------ the About part at the end


def test_the_about_part_after_the_last_statement_is_no_finding_of_it() -> None:
    """The About part printed after the last statement starts with a heading as large as the
    statement's name: the statement ends there, and the part's facts are read as facts."""
    data = pdf(
        statement_page("Learning, improvement and innovation", "Learning from feedback"),
        [
            text(LEFT, 80, "About Exampleshire County Council", STATEMENT),
            text(LEFT, 110, "Demographics", LABEL),
            text(LEFT + 6, 130, "\u2022 Population: 522,100"),
            text(LEFT + 6, 145, "\u2022 Political control: Conservative"),
        ],
    )
    assert findings_of(data, 9) == [
        ("Learning from feedback", " ".join(wrapped(PROSE, RIGHT - LEFT)))
    ]
    facts, _ = read_pdf_facts(data, "https://example.test/report.pdf")
    assert [f.raw_text for f in facts.demographics] == [
        "Population: 522,100",
        "Political control: Conservative",
    ]


def test_a_subheading_smaller_than_the_statements_name_stays_in_its_section() -> None:
    """A finding's sub-heading set larger than the text, but smaller than the statement's
    name, is part of the section, and so is what follows it."""
    data = pdf(
        [
            *statement_page("Learning, improvement and innovation", "Learning from feedback"),
            text(LEFT, 300, "Co-production and innovation", LABEL),
            text(LEFT, 320, "People helped design new services."),
        ]
    )
    assert findings_of(data, 9)[-1] == (
        "Co-production and innovation",
        "People helped design new services.",
    )


# ------------------------------------------------------------------ numbered theme headings


def test_a_theme_heading_numbered_as_a_chapter_ends_the_section_before_it() -> None:
    """A document that numbers its chapters prints a theme's heading "3. Providing
    support": a heading, not the last paragraph of the statement before it."""
    theme = ("Helvetica-Bold", 14.0)
    data = pdf(
        [
            *statement_page("Equity in experiences and outcomes", "Inclusion"),
            text(LEFT, 320, "We found that information was easy to find."),
        ],
        [
            text(LEFT, 80, "3. Providing support", theme),
            *statement_page(
                "Care provision, integration and continuity",
                "Market shaping",
                110,
                "Providers described the local authority as open and fair.",
            ),
        ],
    )
    assert findings_of(data, 3)[-1][1] == "We found that information was easy to find."


# ------------------------------------------------------------------ columns under full width

SAFE = (
    "Risks to people waiting for an assessment were checked regularly and people were "
    "told who to contact if things changed."
)
MOVES = (
    "Young people moving into adult services were known to the local authority from the "
    "age of sixteen and plans were in place well before their birthday."
)


def test_short_columns_under_much_full_width_text_are_still_columns() -> None:
    """A statement's page sets its opening parts full width and its key findings in two
    short columns at its foot: the rows across the gutter above the columns outnumber the
    columns' rows, but only rows beside the right column tell against it. Each column is
    read whole, the left then the right."""
    opening = wrapped(f"{PROSE} {PROSE}", RIGHT - LEFT)
    left, right = wrapped(SAFE, COLUMN), wrapped(MOVES, COLUMN)
    top = 100 + 13 * len(opening) + 20
    data = pdf(
        [
            paragraph(LEFT, 100, opening),
            paragraph(LEFT, top, left),
            paragraph(RIGHT_COLUMN, top, right),
        ]
    )
    assert len(opening) > max(len(left), len(right))
    assert block_texts(data)[-2:] == [" ".join(left), " ".join(right)]


# ------------------------------------------------------------------ justified lines in phrases


def spread(x: float, y: float, phrases: list[str], width: float) -> Draw:
    """One line of a justified column as a browser may draw it: phrases set evenly apart so
    that the last one ends at the column's edge (`x` + `width`), the gaps between them
    wider than a word space and than a cell gap."""

    def step(canvas: Canvas) -> None:
        widths = [stringWidth(phrase, *BODY) for phrase in phrases]
        gap = (width - sum(widths)) / (len(phrases) - 1)
        left = x
        for phrase, wide in zip(phrases, widths, strict=True):
            text(left, y, phrase)(canvas)
            left += wide + gap

    return step


# a line of the left column, stretched: its phrases about 1.3 font sizes apart
STRETCHED = ["Partners spoke highly", "of the local", "authority and"]


def test_a_justified_column_line_split_into_phrases_is_one_line_of_its_paragraph() -> None:
    """A narrow justified column stretches a short line's spaces wider than a cell gap, and
    the text layer splits it into phrases as it splits a table's cells. Ending at its
    column's edge, its phrases evenly apart, it is a line of its paragraph, not a row."""
    gap = (COLUMN - sum(stringWidth(p, *BODY) for p in STRETCHED)) / 2
    assert 1.0 * BODY[1] < gap < 3.0 * BODY[1]
    first = "The local authority worked with health and"
    assert stringWidth(first, *BODY) < COLUMN
    rest = wrapped(f"the voluntary sector to plan services together. {PROSE}", COLUMN)
    right = wrapped(PROSE, COLUMN)
    data = pdf(
        [
            justified(LEFT, 100, [first], COLUMN, last=True),
            spread(LEFT, 113, STRETCHED, COLUMN),
            justified(LEFT, 126, rest, COLUMN),
            justified(RIGHT_COLUMN, 100, right, COLUMN),
        ]
    )
    left = " ".join([first, *STRETCHED, *rest])
    assert block_texts(data) == [left, " ".join(right)]


def test_a_label_and_its_value_at_a_columns_edge_stay_apart() -> None:
    """Two pieces show no evenness: a row of a label and its value set at the column's
    edge, further apart than a stretched space, stays a row of two cells."""
    lines = wrapped(PROSE, COLUMN)
    label, value = "People accessing long-term support, all", "522,100"
    at = RIGHT - stringWidth(value, *BODY)
    gap = at - RIGHT_COLUMN - stringWidth(label, *BODY)
    assert 1.5 * BODY[1] < gap < 3.0 * BODY[1]  # as wide as a justified line's spaces
    data = pdf(
        [
            justified(LEFT, 100, lines, COLUMN),
            justified(RIGHT_COLUMN, 100, lines, COLUMN),
            text(RIGHT_COLUMN, 100 + 13 * len(lines), label),
            text(at, 100 + 13 * len(lines), value),
        ]
    )
    body = _body(read_text_lines(data))
    row = next(line for line in body.lines if line.text.startswith(label))
    assert id(row) in body.rights
    assert [part.text for part in row.parts] == [label, value]


def test_a_short_pair_of_columns_under_full_width_text_in_a_columned_document() -> None:
    """A page whose findings' columns are too short to show themselves (two lines each,
    one of them a justified line split into phrases) under its opening parts set full
    width: where the document sets its other pages' columns, these are columns too."""
    lines = wrapped(PROSE, COLUMN)
    opening = wrapped(f"{PROSE} {PROSE}", RIGHT - LEFT)
    top = 100 + 13 * len(opening) + 20
    left = ["Staff turnover was high and agency staff made", "up a large share of teams."]
    phrases = ["Partners spoke", "highly of the", "council, and"]  # words counted by line
    data = pdf(
        [justified(LEFT, 100, lines, COLUMN), justified(RIGHT_COLUMN, 100, lines, COLUMN)],
        [
            paragraph(LEFT, 100, opening),
            justified(LEFT, top, left, COLUMN),
            spread(RIGHT_COLUMN, top, phrases, COLUMN),
            text(RIGHT_COLUMN, top + 13, "whose leaders listened to people."),
        ],
    )
    assert block_texts(data)[-2:] == [
        " ".join(left),
        f"{' '.join(phrases)} whose leaders listened to people.",
    ]
