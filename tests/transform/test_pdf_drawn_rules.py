"""Reading rules for what report PDFs draw rather than print, each on a small PDF drawn here
with reportlab's canvas: list marks drawn as shapes, a hyphenator's hyphen drawn apart from
its word, text runs split where a piece starts with a hyphen, two columns followed by a
narrow heading, score-table names wrapped at a hyphen or run into their score, a cover that
prints a cell of the running header, pilots' titles and "per cent"; justified words spread
wider than cells, a line leading into a heading under the columns, a left column alone."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from transform.pdf_report import _blocks, _body, _cell_scores, read_pdf_facts
from transform.pdf_text import TextLine, read_text_lines

HEIGHT = A4[1]
LEFT, RIGHT = 57.0, 537.0
BODY = ("Helvetica", 10.0)
Draw = Callable[[Canvas], None]


def pdf(*pages: Sequence[Draw]) -> bytes:
    """A PDF whose pages run the given drawing steps, in order."""
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=A4, invariant=1)
    for page in pages:
        for step in page:
            step(canvas)
        canvas.showPage()
    canvas.save()
    return buf.getvalue()


def text(x: float, y: float, words: str, style: tuple[str, float] = BODY) -> Draw:
    """Draw `words` as one text object at `x`, baseline `y` from the page's top."""

    def step(canvas: Canvas) -> None:
        canvas.setFont(*style)
        canvas.drawString(x, HEIGHT - y, words)

    return step


def disc(x: float, y: float, radius: float) -> Draw:
    """A filled circle centred at `x`, `y` from the page's top (a browser's list mark)."""
    return lambda canvas: canvas.circle(x, HEIGHT - y, radius, stroke=0, fill=1)


def run(x: float, y: float, pieces: Sequence[str], style: tuple[str, float] = BODY) -> Draw:
    """One line drawn as several text objects, each starting where the last ends."""

    def step(canvas: Canvas) -> None:
        left = x
        for piece in pieces:
            text(left, y, piece, style)(canvas)
            left += stringWidth(piece, *style)

    return step


def wrapped(words: str, width: float, style: tuple[str, float] = BODY) -> list[str]:
    """`words` broken into lines no wider than `width`, as a layout engine would."""
    lines = [""]
    for word in words.split():
        joined = f"{lines[-1]} {word}".strip()
        if lines[-1] and stringWidth(joined, *style) > width:
            lines.append(word)
        else:
            lines[-1] = joined
    return lines


def paragraph(x: float, y: float, lines: Sequence[str], style: tuple[str, float] = BODY) -> Draw:
    """Lines one under another, 1.3 font sizes apart."""

    def step(canvas: Canvas) -> None:
        for k, line in enumerate(lines):
            text(x, y + k * 1.3 * style[1], line, style)(canvas)

    return step


def page_rows(data: bytes, page: int = 1) -> tuple[TextLine, ...]:
    return read_text_lines(data).pages[page - 1]


def block_texts(data: bytes) -> list[str]:
    body = _body(read_text_lines(data))
    return [block.text for block in _blocks(body.lines, body.rights)]


PROSE = (
    "Leaders had a clear view of the waiting list and reviewed it every week, and people "
    "waiting were contacted regularly so that any change in their needs or risks could be "
    "identified and acted on quickly by the right team in the right place at the right time."
)


# ------------------------------------------------------------------ list marks drawn as shapes


def test_a_list_mark_drawn_as_a_shape_starts_its_line() -> None:
    """A browser draws a list's disc as a shape, so the text layer has no mark: the line
    gets one. Several shapes beside a line (a meter's pips), or one as large as the
    letters (an icon), are no list mark."""
    data = pdf(
        [
            disc(78, 96.5, 1.5),
            text(88, 100, "staff training on the Care Act"),
            *(disc(60 + 6 * k, 126.5, 1.5) for k in range(4)),
            text(88, 130, "Score: 3"),
            disc(76, 156.5, 6),
            text(88, 160, "Download this report"),
        ]
    )
    rows = page_rows(data)
    assert [row.text for row in rows] == [
        "\u2022 staff training on the Care Act",
        "Score: 3",
        "Download this report",
    ]
    assert rows[0].x0 == pytest.approx(76.5, abs=0.5)  # where the mark stands, as a printed one


def test_a_drawn_mark_makes_list_items_of_lines_a_reader_sees_as_items() -> None:
    """Items without a mark in the text layer, each filling its line, are items still."""
    full = (
        "I can get help to understand my care and support needs and all the choices that "
        "are open to me here."
    )
    assert RIGHT - 88 - 20 < stringWidth(full, *BODY) < RIGHT - 88
    items = [full, "My assessment looks at what matters to me, not only at what I find hard."]
    data = pdf(
        [
            paragraph(LEFT, 100, wrapped(PROSE, RIGHT - LEFT)),
            text(LEFT, 160, "What people expect", ("Helvetica-Bold", 12)),
            *(disc(80, 176.5 + 13 * k, 1.5) for k in range(len(items))),
            *(text(88, 180 + 13 * k, item) for k, item in enumerate(items)),
        ]
    )
    assert block_texts(data)[-2:] == [f"\u2022 {item}" for item in items]


def test_an_indented_line_near_the_middle_is_not_taken_for_a_centred_one() -> None:
    """A list item's first line, and a wrapped line set level with the next, may sit about
    the column's middle: they are indented, not centred, so only the room on their right
    tells whether the next word would have fitted (here it would not; it would, had the
    lines room on their left too)."""
    item = (
        "When I move between hospital, home and other services, my support and all my care "
        "plans go with"
    )
    first = (
        "The local authority estimated that in 2022/23 its total budget for all of adult "
        "social care and support"
    )
    hanging = (
        "would be more than it had spent in the year, and its actual spend for that year "
        "was higher, at"
    )
    assert 430 < stringWidth(item, *BODY) < 440 and 405 < stringWidth(hanging, *BODY) < 410
    data = pdf(
        [
            paragraph(LEFT, 100, wrapped(PROSE, RIGHT - LEFT)),
            text(76, 160, "\u2022"),
            paragraph(86, 160, [item, "me."]),
            text(76, 190, "\u2022"),
            paragraph(86, 190, [first, hanging, "£6,275, more than estimated."]),
        ]
    )
    assert block_texts(data)[-2:] == [
        f"\u2022 {item} me.",
        f"\u2022 {first} {hanging} £6,275, more than estimated.",
    ]


# ------------------------------------------------------------------ hyphens and split runs


def test_a_hyphen_drawn_apart_from_its_word_is_a_hyphenators() -> None:
    """A word processor draws the hyphen it adds where it breaks a word as a text object of
    its own: a soft hyphen, dropped when the word is rejoined. A hyphen the text has is
    drawn with its word, and kept where both halves are words (here "levels" is printed)."""
    head = "People said they could book it by telephone or on"
    cut = "A word broken where a heading follows, as a hyphenator would never set it: ser"
    data = pdf(
        [
            text(LEFT, 100, head),
            text(LEFT + stringWidth(head, *BODY), 100, "-"),
            text(LEFT, 113, "line, and that it was quick."),
            text(LEFT, 140, "Voluntary groups were funded to provide low-"),
            text(LEFT, 153, "level support, although fee levels were low."),
            text(LEFT, 180, cut),
            text(LEFT + stringWidth(cut, *BODY), 180, "-"),
            text(LEFT, 196, "vices", ("Helvetica-Bold", 12)),
        ]
    )
    assert [row.text[-1:] for row in page_rows(data)[:4:2]] == ["\u00ad", "-"]
    assert block_texts(data) == [
        "People said they could book it by telephone or online, and that it was quick.",
        "Voluntary groups were funded to provide low-level support, although fee levels were low.",
        f"{cut}-",  # where no word is rejoined the hyphen is kept, as printed
        "vices",
    ]


def test_a_line_drawn_in_pieces_one_starting_with_a_hyphen_stays_one_piece() -> None:
    """PDFium splits a line into rectangles where its text objects change; one starting
    with a flat hyphen (or a space) has no letter at its middle height, and must not be
    lost (which would open a gap, and cut the line into cells, inside a word)."""
    style = ("Helvetica", 14.0)
    data = pdf(
        [run(LEFT, 100, ["People with lived experience. A co", "-pr", "oduction board"], style)]
    )
    [row] = page_rows(data)
    assert (row.text, row.cells, row.parts) == (
        "People with lived experience. A co-production board",
        1,
        (),
    )


# ------------------------------------------------------------------ two columns


COLUMN = (RIGHT - LEFT - 20) / 2  # each column's width; the gutter is 20 points
RIGHT_COLUMN = LEFT + COLUMN + 20


def columns(top: float, left: Sequence[Draw], right_lines: Sequence[str]) -> list[Draw]:
    """Two columns from `top`: the left one's drawing steps, the right one's prose lines."""
    return [*left, paragraph(RIGHT_COLUMN, top, right_lines)]


def test_a_narrow_heading_after_two_columns_comes_after_both() -> None:
    """A heading set full width under the columns, narrow enough to read as a row of the
    left one, and larger than any style in them: it follows both columns."""
    lines = wrapped(PROSE, COLUMN)
    data = pdf(
        [
            *columns(100, [paragraph(LEFT, 100, lines)], lines),
            text(LEFT, 100 + 13 * len(lines) + 30, "Safeguarding", ("Helvetica-Bold", 16)),
            text(LEFT, 100 + 13 * len(lines) + 52, "Score: 3"),
        ]
    )
    texts = block_texts(data)
    assert texts[-2:] == ["Safeguarding", "Score: 3"]
    assert texts[0] == texts[1] == " ".join(lines)


def test_a_label_low_in_a_longer_left_column_stays_in_it() -> None:
    """The left column runs on far past the right one (which holds only the end of its last
    paragraph): a label there, in a style the columns use, is the left column's. (Columns
    above, then a heading set across both, show where the page's columns stand.)"""
    label = ("Helvetica-Bold", 11.0)
    lines = wrapped(PROSE, COLUMN)
    commitment = wrapped(PROSE.replace("Leaders", "We"), COLUMN)
    top = 100 + 13 * len(lines) + 40
    foot = top + 16 + 13 * len(lines) + 14  # the commitment's label
    data = pdf(
        [
            *columns(100, [paragraph(LEFT, 100, lines)], lines),
            text(LEFT, top - 20, "Learning, improvement and innovation", ("Helvetica-Bold", 16)),
            *columns(
                top,
                [
                    text(LEFT, top, "What people expect", label),
                    paragraph(LEFT, top + 16, lines),
                    text(LEFT, foot, "The local authority commitment", label),
                    paragraph(LEFT, foot + 16, commitment[:-2]),
                ],
                commitment[-2:],
            ),
        ]
    )
    assert block_texts(data)[-4:] == [
        "What people expect",
        " ".join(lines),
        "The local authority commitment",
        " ".join(commitment),
    ]


def test_a_heading_begun_beside_the_right_columns_end_stays_in_the_left_column() -> None:
    """A statement's heading kept with its text at the left column's foot, its second line
    under the right column's end, is the left column's: its text follows on the right."""
    heading = ("Helvetica-Bold", 14.0)
    lines = wrapped(PROSE, COLUMN)
    end = 100 + 13 * (len(lines) - 1)  # the right column's last baseline
    data = pdf(
        columns(
            100,
            [
                paragraph(LEFT, 100, lines[:-3]),
                text(LEFT, end + 6, "Learning, improvement and", heading),
                text(LEFT, end + 22, "innovation", heading),
            ],
            lines,
        )
    )
    assert block_texts(data)[-2:] == ["Learning, improvement and innovation", " ".join(lines)]


# ------------------------------------------------------------------ the score table


def test_score_names_wrapped_at_a_hyphen_or_run_into_their_score() -> None:
    """A name cell wrapped inside a word ("continu-" "ity"), and a name set so close to its
    score that the row has them as one cell."""
    rows = [
        ("Providing support", "Care provision, integration and continu-", "3"),
        ("", "ity", ""),
        ("", "Partnership and communities", "4"),
        ("Ensuring safety", "Safe pathways, systems and transitions 2", ""),
        ("", "Safeguarding", "3"),
    ]
    data = pdf(
        [
            step
            for k, (theme, name, score) in enumerate(rows)
            for step in (text(60, 100 + 14 * k, theme), text(188, 100 + 14 * k, name))
            + ((text(372, 100 + 14 * k, score),) if score else ())
        ]
    )
    found = [(s.number, score, name) for s, score, name in _cell_scores(page_rows(data))]
    assert found == [
        (4, 3, "Care provision, integration and continuity"),
        (5, 4, "Partnership and communities"),
        (6, 2, "Safe pathways, systems and transitions"),
        (7, 3, "Safeguarding"),
    ]


# ------------------------------------------------------------------ headers, titles, figures


def header(page: int, title: str) -> list[Draw]:
    return [
        text(52, 37, title, ("Helvetica", 8)),
        text(280, 800, f"Page {page} of 3", ("Helvetica", 8)),
    ]


def test_a_cover_printing_a_cell_of_the_header_does_not_hide_a_heading_at_a_pages_top() -> None:
    """The cover prints "Care Quality Commission" (a cell of the running header) big and low:
    that is not where the header stands, and a heading in that style at the top of a later
    page is text."""
    heading = ("Helvetica-Bold", 17.0)
    running = ("Helvetica", 8.0)
    data = pdf(
        [text(85, 130, "Care Quality Commission", heading), text(85, 360, "Exampleton")],
        [
            text(52, 37, "Exampleton: local authority assessment", running),
            text(444, 37, "Care Quality Commission", running),
            text(LEFT, 90, "What people expect", ("Helvetica-Bold", 12)),
        ],
        [
            text(52, 37, "Exampleton: local authority assessment", running),
            text(444, 37, "Care Quality Commission", running),
            text(LEFT, 82, "Equity in experience and outcomes", heading),
            text(LEFT, 110, "Score: 2"),
        ],
    )
    body = _body(read_text_lines(data))
    assert [line.text for line in body.lines if line.page == 3] == [
        "Equity in experience and outcomes",
        "Score: 2",
    ]


@pytest.mark.parametrize(
    "title",
    [
        "Exampleton Borough Council \u2013 indicative assessment (pilot)",
        "Exampleton Borough Council \u2013 pilot assessment",
        "Pilot local authority assessment (indicative): Exampleton Borough Council",
        "Pilot assessment report: Exampleton Borough Council",
    ],
)
def test_a_pilots_running_header_names_its_council(title: str) -> None:
    """A pilot's title qualifies its assessment ("pilot", "indicative"): stock words too."""
    data = pdf(
        [text(LEFT, 300, "Exampleton Borough Council")],
        [*header(2, title), text(LEFT, 100, "Indicative rating: Good")],
        [*header(3, title), text(LEFT, 100, "Summary of people's experiences")],
    )
    facts, _ = read_pdf_facts(data, "https://example.org/report.pdf")
    assert facts.la_name == "Exampleton Borough Council"


def test_an_overall_percentage_written_per_cent() -> None:
    data = pdf([text(LEFT, 100, "Overall rating for Exampleton Borough Council: 56 per cent")])
    facts, _ = read_pdf_facts(data, "https://example.org/report.pdf")
    assert (facts.la_name, facts.overall_score_pct) == ("Exampleton Borough Council", 56)


# ------------------------------------------------------------------ round 3: hyphens


def test_a_plain_hyphen_is_the_texts_where_the_hyphenator_marks_its_own() -> None:
    """Where the hyphenator marks the words it breaks (here its hyphen is drawn apart: a
    soft hyphen), a plain hyphen ending a line is the text's own, kept even where a half
    is no word the document prints ("multi")."""
    head = "Preventative services were not consistently avail"
    data = pdf(
        [
            text(LEFT, 100, head),
            text(LEFT + stringWidth(head, *BODY), 100, "-"),
            text(LEFT, 113, "able across the area."),
            text(LEFT, 140, "Information was shared through a multi-"),
            text(LEFT, 153, "agency panel, which met weekly."),
        ]
    )
    assert block_texts(data) == [
        "Preventative services were not consistently available across the area.",
        "Information was shared through a multi-agency panel, which met weekly.",
    ]


def test_a_plain_hyphen_is_the_texts_where_no_hyphenator_shows() -> None:
    """A document that breaks no word between halves that are both no words has no
    hyphenator printing plain hyphens: its one ending a line is its text's."""
    data = pdf(
        [
            text(LEFT, 100, "Safeguarding concerns were screened by a multi-"),
            text(LEFT, 113, "agency hub, and urgent concerns were answered on the day."),
        ]
    )
    assert block_texts(data) == [
        "Safeguarding concerns were screened by a multi-agency hub, and urgent concerns "
        "were answered on the day."
    ]


def test_a_plain_hyphen_between_no_words_still_only_breaks_its_word() -> None:
    """Where plain hyphens break words into halves that are no words ("ser-" "vices"), and
    more than once, the document's hyphenator prints plain hyphens: each is judged by the
    words the document prints."""
    data = pdf(
        [
            text(LEFT, 100, "People who use ser-"),
            text(LEFT, 113, "vices told us that the website was hard to use."),
            text(LEFT, 140, "Carers said that short breaks were not af-"),
            text(LEFT, 153, "fordable for them."),
        ]
    )
    assert block_texts(data) == [
        "People who use services told us that the website was hard to use.",
        "Carers said that short breaks were not affordable for them.",
    ]


# ------------------------------------------------------------------ round 3: summary facts


CONTENTS = (
    "Overall summary",
    "Summary of people's experiences",
    "Theme 1: How the local authority works with people",
    "Theme 2: Providing support",
)


def test_peoples_experiences_are_read_under_the_label_that_heads_them() -> None:
    """A contents list names "Summary of people's experiences" with its next entry under
    it: the experiences are the paragraphs under the label that heads any."""
    heading = ("Helvetica-Bold", 14.0)
    data = pdf(
        [
            text(LEFT, 80, "Contents", heading),
            *(text(LEFT, 100 + 14 * k, entry) for k, entry in enumerate(CONTENTS)),
        ],
        [
            text(LEFT, 80, "Overall summary", heading),
            text(LEFT, 100, "Overall rating for Exampleton Borough Council: 64%"),
            text(LEFT, 130, "Summary of people's experiences", heading),
            text(LEFT, 150, "People's experiences of the local authority were mixed."),
            text(LEFT, 170, "Unpaid carers told us they often felt invisible."),
            text(LEFT, 200, "Summary of strengths, areas for development and next steps", heading),
            text(LEFT, 220, "Staff were proud to work for the local authority."),
        ],
    )
    facts, _ = read_pdf_facts(data, "https://example.org/report.pdf")
    assert facts.people_experience == [
        "People's experiences of the local authority were mixed.",
        "Unpaid carers told us they often felt invisible.",
    ]


def test_a_rating_in_the_cell_after_its_label() -> None:
    """A key-facts table prints the rating in the cell after its label ("Rating | Good"):
    the cells' gap stands for the label's colon."""
    data = pdf(
        [
            text(LEFT, 80, "Local authority rating and score", ("Helvetica-Bold", 13)),
            text(60, 100, "Rating"),
            text(200, 100, "Good"),
            text(60, 114, "Overall score"),
            text(200, 114, "64%"),
        ]
    )
    facts, _ = read_pdf_facts(data, "https://example.org/report.pdf")
    assert facts.overall_rating == "Good"


# ------------------------------------------------------------------ round 3: columns


def test_a_label_above_the_columns_is_not_one_of_their_lines() -> None:
    """A label set above two columns, in the style of the sub-heading the left column
    starts with, ends where the page's text does, not where the column does: the
    sub-heading's first word would have fitted after it, so it is a block of its own."""
    label = ("Helvetica-Bold", 10.0)
    lines = wrapped(PROSE, COLUMN)
    top = 100 + 13 * len(wrapped(PROSE, RIGHT - LEFT)) + 36
    data = pdf(
        [
            paragraph(LEFT, 100, wrapped(PROSE, RIGHT - LEFT)),
            text(LEFT, top - 16, "Key findings for this quality statement", label),
            *columns(
                top,
                [
                    paragraph(
                        LEFT, top, ["Assessment, care planning and review", "arrangements"], label
                    ),
                    paragraph(LEFT, top + 30, lines),
                ],
                lines,
            ),
        ]
    )
    texts = block_texts(data)
    assert texts[1:3] == [
        "Key findings for this quality statement",
        "Assessment, care planning and review arrangements",
    ]


def test_the_left_columns_edge_is_where_its_lines_end_not_a_heading_beside_it() -> None:
    """Under the columns a heading set full width ends between the left column's lines'
    end and the gutter: the left column ends where its own lines do, so a sub-heading
    wrapped there ("... to care" "and support ...") is one heading still."""
    sub = ("Helvetica-Bold", 10.0)
    heading = ("Helvetica-Bold", 17.0)
    first = "Understanding and reducing barriers to care"
    title = "Partnerships and communities"
    gutter_end = LEFT + COLUMN + 20
    assert LEFT + COLUMN < LEFT + stringWidth(title, *heading) < gutter_end
    lines = wrapped(PROSE, COLUMN)
    end = 100 + 30 + 13 * len(lines)
    data = pdf(
        [
            *columns(
                100,
                [
                    paragraph(LEFT, 100, [first, "and support and reducing inequalities"], sub),
                    paragraph(LEFT, 130, lines),
                ],
                lines,
            ),
            text(LEFT, end + 30, title, heading),
            paragraph(LEFT, end + 52, wrapped(PROSE, RIGHT - LEFT)),
        ]
    )
    texts = block_texts(data)
    assert texts[0] == f"{first} and support and reducing inequalities"
    assert texts[-2] == title


def test_a_page_set_in_columns_throughout_keeps_its_left_column_whole() -> None:
    """A heading larger than the columns' styles, low in the left column under the right
    one's end, with prose under it wrapped where the left column's lines end: the left
    column goes on (the page is set in columns throughout), and the right one follows it."""
    heading = ("Helvetica-Bold", 13.0)
    lines = wrapped(PROSE, COLUMN)
    below = 100 + 13 * len(lines) + 30
    data = pdf(
        columns(
            100,
            [
                paragraph(LEFT, 100, lines),
                text(LEFT, below, "Equity in experiences and outcomes", heading),
                paragraph(LEFT, below + 20, lines),
            ],
            lines[:4],
        )
    )
    whole, start = " ".join(lines), " ".join(lines[:4])
    assert block_texts(data) == [whole, "Equity in experiences and outcomes", whole, start]


def test_a_short_page_set_in_the_documents_columns() -> None:
    """A page holding two lines in each column (a section's end, balanced) shows no columns
    of its own: it is read in the document's (from the pages before it), the left column
    then the right, not row by row across the gutter."""
    lines = wrapped(PROSE, COLUMN)
    data = pdf(
        columns(100, [paragraph(LEFT, 100, lines)], lines),
        [
            text(LEFT, 80, "said they were listened to, which was similar"),
            text(LEFT, 93, "to the England average of 48.3%."),
            text(RIGHT_COLUMN, 80, "Voluntary sector organisations told us they"),
            text(RIGHT_COLUMN, 93, "were treated as equal partners."),
        ],
    )
    assert block_texts(data)[-2:] == [
        "said they were listened to, which was similar to the England average of 48.3%.",
        "Voluntary sector organisations told us they were treated as equal partners.",
    ]


# ------------------------------------------------------------------ round 3: justified text


def justified(
    x: float,
    y: float,
    lines: Sequence[str],
    width: float,
    last: bool = False,
    style: tuple[str, float] = BODY,
) -> Draw:
    """Lines set justified to `width` (the last one too when `last`: a paragraph going on
    past them), one under another, 1.3 font sizes apart, each word drawn where it falls."""

    def step(canvas: Canvas) -> None:
        for k, line in enumerate(lines):
            words = line.split()
            stretch = k < len(lines) - 1 or last
            natural = stringWidth(line, *style)
            extra = (width - natural) / (len(words) - 1) if stretch and len(words) > 1 else 0.0
            left = x
            for word in words:
                text(left, y + k * 1.3 * style[1], word, style)(canvas)
                left += stringWidth(f"{word} ", *style) + extra

    return step


def test_a_justified_line_ending_a_sentence_at_the_columns_edge_goes_on() -> None:
    """In justified text a paragraph's last line is set at its own width, so one stretched
    to its column's edge was wrapped: a sentence ending there, at a column break, goes on
    in the next column, though the page had room for more."""
    lines = wrapped(PROSE, COLUMN)
    ending = [
        "There was a backlog of applications for the",
        "deprivation of liberty safeguards, and the local",
        "authority planned to clear it by the spring, with",
        "two hundred applications waiting to be allocated.",
    ]
    going_on = [
        "Data from the survey showed that most people",
        "were satisfied with the care and support they had.",
    ]
    step = 13.0
    low = 100 + step * len(lines) + 20  # the left column's second paragraph
    data = pdf(
        [
            justified(LEFT, 100, lines, COLUMN),
            justified(LEFT, low, ending, COLUMN, last=True),
            justified(RIGHT_COLUMN, 100, going_on, COLUMN),
            justified(RIGHT_COLUMN, 100 + step * 2 + 7, lines, COLUMN),
            justified(RIGHT_COLUMN, 100 + step * (2 + len(lines)) + 14, lines, COLUMN),
            paragraph(LEFT, 700, wrapped(PROSE, RIGHT - LEFT)),
        ]
    )
    texts = block_texts(data)
    assert f"{' '.join(ending)} {' '.join(going_on)}" in texts


# ------------------------------------------------------------------ round 4: columns' edges

HEAD = ("Helvetica-Bold", 10.0)


def test_a_justified_lines_words_spread_wider_than_a_cell_gap_are_one_piece() -> None:
    """A heading justified across a narrow column has its words further apart than a cell
    gap, evenly: the words are one piece, beside the right column's text. Cells stay
    apart: a table's row (phrases, uneven gaps), and single words spread wider than any
    justified line stretches its spaces."""
    heading = wrapped("Governance, accountability and risk management", COLUMN, HEAD)
    xs = [LEFT]  # single words, evenly spread six sizes apart
    for word in ("Yes", "No"):
        xs.append(xs[-1] + stringWidth(word, *BODY) + 60)
    data = pdf(
        [
            justified(LEFT, 100, heading, COLUMN, style=HEAD),
            text(RIGHT_COLUMN, 100, "Leaders had a realistic view of their risks."),
            text(LEFT, 200, "Providing support"),
            text(188, 200, "Partnerships and communities"),
            text(372, 200, "3"),
            *(text(x, 250, word) for x, word in zip(xs, ("Yes", "No", "Maybe"), strict=True)),
        ]
    )
    rows = page_rows(data)
    assert [part.text for part in rows[0].parts] == [
        heading[0],
        "Leaders had a realistic view of their risks.",
    ]
    assert rows[0].cells == 2
    assert [row.cells for row in rows[-2:]] == [3, 3]


@pytest.mark.parametrize(
    "heading",
    [
        "Equity in experience and outcomes and fairness",  # set across the gutter
        "Safeguarding",  # narrow, larger than the columns' text
    ],
)
def test_a_line_leading_into_a_heading_under_the_columns_comes_after_both(heading: str) -> None:
    """A theme's name set small over a statement's heading, under two columns' end, leads
    into the heading: it follows both columns, not the left one's text."""
    lines = wrapped(PROSE, COLUMN)
    end = 100 + 13 * len(lines)
    theme = "Theme 1: How the local authority works with people"
    data = pdf(
        [
            *columns(100, [paragraph(LEFT, 100, lines)], lines),
            text(LEFT, end + 20, theme, ("Helvetica", 8.0)),
            text(LEFT, end + 40, heading, ("Helvetica-Bold", 17.0)),
            text(LEFT, end + 62, "Score: 3"),
        ]
    )
    whole = " ".join(lines)
    assert block_texts(data) == [whole, whole, theme, heading, "Score: 3"]


FEES = (
    "Commissioners worked closely with providers, who described the relationship as open "
    "and constructive, and fee rates were agreed through an open-book exercise every year."
)


def column_page(top: float, label: tuple[str, float]) -> list[Draw]:
    """A statement's commitment set full width, then its key findings in the left column
    alone (justified, the right one empty): a label, a heading wrapped at the column's
    width and two paragraphs."""
    commitment = wrapped(PROSE, RIGHT - LEFT)
    heading = wrapped("Understanding local needs for care and support in the area", COLUMN, HEAD)
    lines = wrapped(PROSE, COLUMN)
    at = top + 13 * len(commitment) + 14
    below = at + 17 + 13 * len(heading)  # the label: further above than a line's spacing
    return [
        paragraph(LEFT, top, commitment),
        text(LEFT, at, "Key findings for this quality statement", label),
        justified(LEFT, at + 17, heading, COLUMN, style=HEAD),
        justified(LEFT, below, lines, COLUMN),
        justified(LEFT, below + 13 * len(lines) + 6, wrapped(FEES, COLUMN), COLUMN),
    ]


@pytest.mark.parametrize("label", [("Helvetica-Bold", 12.0), HEAD])
def test_a_left_column_alone_is_read_at_its_columns_width(label: tuple[str, float]) -> None:
    """Where a section ends before filling its left column, the right one stays empty and
    the page shows no columns: its lines are read against the left column's edge (the
    document's, or the page's above), so a heading or paragraph wrapped there goes on. A
    label over the column, alone on its line, stays apart in any style."""
    lines = wrapped(PROSE, COLUMN)
    heading = "Understanding local needs for care and support in the area"
    findings = ["Key findings for this quality statement", heading, " ".join(lines)]
    statement = ("Helvetica-Bold", 17.0)
    in_own_page = pdf(
        [justified(LEFT, 100, lines, COLUMN), justified(RIGHT_COLUMN, 100, lines, COLUMN)],
        column_page(100, label),
    )
    assert block_texts(in_own_page)[-4:] == [*findings, FEES]
    top = 100 + 13 * len(lines) + 40
    under_columns = pdf(
        [
            justified(LEFT, 100, lines, COLUMN),
            justified(RIGHT_COLUMN, 100, lines, COLUMN),
            text(LEFT, top, "Learning, improvement and innovation", statement),
            *column_page(top + 30, label),
        ]
    )
    assert block_texts(under_columns)[-4:] == [*findings, FEES]
