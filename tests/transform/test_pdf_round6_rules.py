"""Reading rules for round 6's layouts, each on a small PDF drawn here with reportlab's
canvas (helpers from `test_pdf_drawn_rules`): one key-facts table with no Demographics or
Financial label, and a numbered "Summary of people's experiences" heading."""

from __future__ import annotations

from tests.transform.test_pdf_drawn_rules import (
    LEFT,
    PROSE,
    RIGHT,
    paragraph,
    pdf,
    text,
    wrapped,
)
from transform.pdf_report import read_pdf_facts

HEADING = ("Helvetica-Bold", 16.0)
CELL_LABEL = ("Helvetica-Bold", 9.0)
CELL = ("Helvetica", 9.0)
VALUE_X = 260.0

FACTS = (
    ("Population", "427,361"),
    ("Deprivation", "decile 2 (rank 18 of 153 local authorities)"),
    ("Political control", "Labour"),
    ("Adult social care spend 2023/24", "£459.6m"),
    ("Difference from the 2023/24 estimate", "£15.8m under the estimate"),
    ("People in long-term support", "11,977"),
    ("Average age of a social worker", "41"),
)


def test_a_key_facts_table_without_section_labels_is_shared_out_fact_by_fact() -> None:
    """Facts set as one label/value table under "About ..." with no Demographics or
    Financial label: each row goes where its words put it (money, budgets, support to the
    financial facts), and a row of neither kind stays with the demographics. The contents
    list naming the heading has no table under it and is passed over."""
    data = pdf(
        [
            text(LEFT, 80, "Contents", HEADING),
            text(LEFT, 100, "About the local authority"),
            text(LEFT, 114, "Quality statement scores"),
        ],
        [
            paragraph(LEFT, 80, wrapped(PROSE, RIGHT - LEFT)),
            text(LEFT, 160, "About the local authority", HEADING),
            *(
                text(LEFT + 5, 185 + 20 * k, label, CELL_LABEL)
                for k, (label, _) in enumerate(FACTS)
            ),
            *(text(VALUE_X, 185 + 20 * k, value, CELL) for k, (_, value) in enumerate(FACTS)),
            text(LEFT, 360, "Quality statement scores", HEADING),
            paragraph(LEFT, 385, wrapped(PROSE, RIGHT - LEFT)),
        ],
    )
    facts, _ = read_pdf_facts(data, "https://example.org/report.pdf")
    assert [f.raw_text for f in facts.demographics] == [
        "Population: 427,361",
        "Deprivation: decile 2 (rank 18 of 153 local authorities)",
        "Political control: Labour",
        "Average age of a social worker: 41",
    ]
    assert [f.raw_text for f in facts.financial_facts] == [
        "Adult social care spend 2023/24: £459.6m",
        "Difference from the 2023/24 estimate: £15.8m under the estimate",
        "People in long-term support: 11,977",
    ]


def test_a_numbered_experiences_heading_ends_at_the_next_heading_set_like_it() -> None:
    """ "3. Summary of people's experiences" is the label with its section number; the
    paragraphs under it end at the next heading set in the label's own style, whatever it
    says ("4. Quality statements" is no label the reader knows)."""
    data = pdf(
        [
            text(LEFT, 80, "3. Summary of people's experiences", HEADING),
            text(LEFT, 105, "People's experiences of the local authority were mixed."),
            text(LEFT, 125, "Unpaid carers told us they often felt invisible."),
            text(LEFT, 160, "4. Quality statements", HEADING),
            paragraph(LEFT, 185, wrapped(PROSE, RIGHT - LEFT)),
        ],
    )
    facts, _ = read_pdf_facts(data, "https://example.org/report.pdf")
    assert facts.people_experience == [
        "People's experiences of the local authority were mixed.",
        "Unpaid carers told us they often felt invisible.",
    ]
