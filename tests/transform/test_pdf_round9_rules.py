"""Reading rules for round 9's layouts (Chromium's grid of a statement: its labels and
commitment in a left column, its findings in a right one), each on a small PDF drawn here
with reportlab's canvas (helpers from `test_pdf_drawn_rules`): a section's label set last
in the left column, beside the right column's first sub-heading in its style."""

from __future__ import annotations

from tests.transform.test_pdf_drawn_rules import (
    COLUMN,
    LEFT,
    PROSE,
    RIGHT_COLUMN,
    block_texts,
    paragraph,
    pdf,
    text,
    wrapped,
)

LABEL = ("Helvetica-Bold", 11.0)
PITCH = 13.0  # `paragraph`'s line spacing at the body's 10 points
COMMITMENT = (
    "We help people to stay well and independent for as long as possible, and we make "
    "information and advice easy to find."
)


def test_a_label_ending_the_left_column_does_not_run_into_the_right_columns_heading() -> None:
    """The left column ends with "Key findings for this quality statement", a line short
    of the column's edge by less than the next word needs; the right column opens with a
    finding's sub-heading in the label's style. No gap shows over a column turn, yet the
    label is the whole line: it stands alone, and the sub-heading heads the findings."""
    expect = wrapped("I can find help early, before small problems turn into a crisis.", COLUMN)
    commitment = wrapped(COMMITMENT, COLUMN)
    findings = wrapped(PROSE, COLUMN)
    top = 100.0
    pledge = top + 20 + PITCH * len(expect) + 10
    label = pledge + 20 + PITCH * len(commitment) + 10
    data = pdf(
        [
            text(LEFT, top, "What people expect", LABEL),
            paragraph(LEFT, top + 20, expect),
            text(LEFT, pledge, "The local authority commitment", LABEL),
            paragraph(LEFT, pledge + 20, commitment),
            text(LEFT, label, "Key findings for this quality statement", LABEL),
            text(RIGHT_COLUMN, top - 6, "Direct payments", LABEL),
            paragraph(RIGHT_COLUMN, top + 14, findings),
        ]
    )
    assert block_texts(data) == [
        "What people expect",
        " ".join(expect),
        "The local authority commitment",
        COMMITMENT,
        "Key findings for this quality statement",
        "Direct payments",
        PROSE,
    ]
