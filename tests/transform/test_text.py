from __future__ import annotations

from dataclasses import fields
from datetime import date

import pytest

from transform.text import (
    Line,
    clean_text,
    link_list_titles,
    make_soup,
    page_lines,
    parse_date,
    read_soup,
    shared_soup,
)


def test_clean_text() -> None:
    assert clean_text("  a\u00a0\u00a0b \n\t c ") == "a b c"
    assert clean_text(None) == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("13 June 2025", date(2025, 6, 13)),
        ("13\u00a0june\u00a02025", date(2025, 6, 13)),
        ("  1 NOVEMBER 2023 ", date(2023, 11, 1)),
        ("7 Sep 2024", date(2024, 9, 7)),
    ],
)
def test_parse_date(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["", "June 2025", "31 June 2025", "13 Juno 2025", "2025-06-13"])
def test_parse_date_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text)


def test_soup_from_utf8_bytes() -> None:
    soup = make_soup("<p>£172.5m \u2013 Stoke\u2019s</p>".encode())
    assert soup.get_text() == "£172.5m \u2013 Stoke\u2019s"


def test_lines_split_blocks_and_br_and_mark_chrome_links_and_bold() -> None:
    soup = make_soup(
        "<h2>A</h2><p>one<br>two <span>three</span></p><div><div>four</div></div>"
        '<footer><p>foot</p></footer><ul><li><a href="/x">Safeguarding</a></li>'
        '<li><a href="/y">Score</a> guide</li></ul><p><strong>Carers</strong></p>'
    )
    lines = page_lines(soup)
    assert [ln.text for ln in lines] == [
        "A", "one", "two three", "four", "foot", "Safeguarding", "Score guide", "Carers"
    ]  # fmt: skip
    assert [ln.chrome for ln in lines] == [False] * 4 + [True] + [False] * 3
    assert [ln.link for ln in lines] == [False] * 5 + [True, False, False]
    assert lines[6].hrefs == ("/y",)
    assert [ln.heading_like for ln in lines] == [True] + [False] * 6 + [True]


def test_wrapped_sentences_rejoined_only_when_asked() -> None:
    soup = make_soup(
        "<p>This paragraph stands<br>in for the summary.</p><p>Score:<br>3</p>"
        '<p>Published: 1 May 2025<br>Page last updated: 2 May 2025</p><p>Text<br><a href="/x">'
        "Link</a></p>"
    )
    assert [ln.text for ln in page_lines(soup, rejoin_wrapped=True)] == [
        "This paragraph stands in for the summary.",
        "Score:",
        "3",
        "Published: 1 May 2025",
        "Page last updated: 2 May 2025",
        "Text",
        "Link",
    ]
    assert page_lines(soup, rejoin_wrapped=True)[-1].hrefs == ("/x",)
    assert [ln.text for ln in page_lines(soup)][:2] == [
        "This paragraph stands",
        "in for the summary.",
    ]


def test_pairs_are_two_line_items_in_a_series() -> None:
    cards = "".join(f'<div class="card"><h4>Label {n}</h4><p>value {n}</p></div>' for n in range(3))
    grid_row = (
        "<div><div><p>Sentence one</p></div>"
        "<section><div><p>Two</p></div><div><p>Three</p></div></section></div>"
    )
    lines = page_lines(make_soup(f"<div>{cards}</div>{grid_row}<ul><li>a</li><li>b</li></ul>"))
    pairs = [ln.pair for ln in lines]
    assert pairs[0] == pairs[1] and pairs[2] == pairs[3] and pairs[0] != pairs[2]
    assert pairs[0] is not None
    # a wrapper around two one-line cards of a grid, and a list of two items, are no pairs
    assert pairs[6:] == [None] * 5


def test_lines_know_whether_they_are_in_main() -> None:
    lines = page_lines(make_soup("<p>top</p><main><p>in</p></main><div role='main'>too</div>"))
    assert [(ln.text, ln.in_main) for ln in lines] == [("top", False), ("in", True), ("too", True)]


def test_sidebars_and_dialogs_are_chrome() -> None:
    lines = page_lines(
        make_soup(
            '<div role="complementary"><p>Score: 4</p></div><div role="dialog"><h2>Cookies</h2>'
            "</div><p>content</p>"
        )
    )
    assert [ln.chrome for ln in lines] == [True, True, False]


def test_a_header_inside_main_is_the_sections_not_the_sites() -> None:
    """The site's header and footer are chrome; a report hero's <header> inside <main> (its
    title and dates) or an article's <footer> is content."""
    lines = page_lines(
        make_soup(
            "<header><p>CQC</p></header><main><header><h1>Kent County Council</h1>"
            "<p>Page last updated: 2 June 2025</p></header><article><footer>Notes</footer>"
            "</article></main><footer><p>Accessibility</p></footer>"
        )
    )
    assert [(ln.text, ln.chrome) for ln in lines] == [
        ("CQC", True),
        ("Kent County Council", False),
        ("Page last updated: 2 June 2025", False),
        ("Notes", False),
        ("Accessibility", True),
    ]


def test_link_list_titles_whatever_their_markup() -> None:
    lines = page_lines(
        make_soup(
            '<div>Related content</div><ul><li><a href="/a">A</a></li><li><a href="/b">B</a>'
            '</li></ul><div>Related</div><ul><li><a href="/c">C</a></li></ul><h2>More</h2>'
            '<p><a href="/d">D</a></p><p>A sentence over a link.</p><p><a href="/e">E</a></p>'
        )
    )
    titles = {lines[i].text for i in link_list_titles(lines)}
    # a plain title needs two links under it; a heading one; prose is no title
    assert titles == {"Related content", "More"}


def test_a_part_hidden_from_screen_readers_beside_its_spoken_alternative_is_read_once() -> None:
    """A badge's "1/4" (aria-hidden) beside "Score: 1 out of 4." for screen readers says one
    thing twice; read once. Without a spoken alternative beside it, aria-hidden text stays."""
    page = make_soup(
        '<p><span aria-hidden="true">1/4</span>'
        '<span class="visually-hidden">Score: 1 out of 4.</span></p>'
        '<p><span aria-hidden="true">3</span> out of 4</p>'
    )
    assert [line.text for line in page_lines(page)] == ["Score: 1 out of 4.", "3 out of 4"]


def test_a_copyright_notice_is_chrome_wherever_it_stands() -> None:
    lines = page_lines(
        make_soup(
            "<table><tr><td><p>Reviews were late.</p></td></tr><tr><td class='footer'>"
            "<font>&copy; Care Quality Commission 2024 | <a href='/a'>Accessibility</a></font>"
            "</td></tr></table>"
        )
    )
    assert [ln.chrome for ln in lines] == [False, True]


def test_a_headings_section_number_is_no_part_of_its_title() -> None:
    """Pandoc numbers headings ("3 Assessing needs", "1.2 What people expect"); a score
    line set as a heading ("3 - Evidence shows a good standard") keeps its number."""
    lines = page_lines(
        make_soup(
            '<h2><span class="header-section-number">3</span> Assessing needs</h2>'
            "<h3>1.2 What people expect</h3><h4>3 - Evidence shows a good standard</h4>"
            "<p>2 people waited</p>"
        )
    )
    assert [ln.text for ln in lines] == [
        "Assessing needs",
        "What people expect",
        "3 - Evidence shows a good standard",
        "2 people waited",
    ]


def test_footnotes_are_left_out_and_cited() -> None:
    """A footnote's number is no part of the text; the line citing it says so; the notes
    at the end of the document are chrome."""
    lines = page_lines(
        make_soup(
            '<p>Figures are from the ONS.<a href="#fn1" role="doc-noteref"><sup>1</sup></a></p>'
            '<p>Spend rose.<sup><a href="#n2">[2]</a></sup></p><p>Score 3</p>'
            '<section role="doc-endnotes"><ol><li id="fn1">Mid-year estimates.</li></ol></section>'
        )
    )
    assert [(ln.text, ln.cites_note, ln.chrome) for ln in lines] == [
        ("Figures are from the ONS.", True, False),
        ("Spend rose.", True, False),
        ("Score 3", False, False),
        ("Mid-year estimates.", False, True),
    ]


def test_a_toggles_state_hidden_from_screen_readers_is_not_read() -> None:
    lines = page_lines(
        make_soup(
            '<h4><button aria-expanded="false"><span>Safety management</span>'
            '<span aria-hidden="true"> Show</span></button></h4>'
        )
    )
    assert [ln.text for ln in lines] == ["Safety management"]


def test_a_list_mark_typed_into_the_text_is_no_part_of_it() -> None:
    """Word's "Save as Web Page" writes each list paragraph's mark as text ("·", "o", "1."
    then no-break spaces, in a conditional comment); editors type "• ". A figure or a word
    at a line's start stays."""
    word_item = (
        "<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'>"
        "<![if !supportLists]><span style='font-family:Symbol'>\u00b7<span "
        "style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span>"
        "<![endif]>I can get an assessment when I need one.<o:p></o:p></p>"
    )
    lines = page_lines(
        make_soup(
            word_item + "<p><!--[if !supportLists]--><span>o<span>&nbsp;&nbsp;&nbsp; </span>"
            "</span><!--[endif]-->Carers were offered a review.</p>"
            "<p>2.&nbsp;&nbsp;&nbsp;Waiting lists fell.</p><p>\u2022 Typed by an editor.</p>"
            "<p>2. Waiting lists</p><p>o is a letter</p><p>3 - Evidence shows a good standard</p>"
        )
    )
    assert [ln.text for ln in lines] == [
        "I can get an assessment when I need one.",
        "Carers were offered a review.",
        "Waiting lists fell.",
        "Typed by an editor.",
        "2. Waiting lists",
        "o is a letter",
        "3 - Evidence shows a good standard",
    ]


def test_an_element_without_text_reads_as_its_text_alternative() -> None:
    """A rating badge drawn as a picture, a dial marked as an image or a meter, say their
    value to a screen reader; a decorative image says nothing."""
    lines = page_lines(
        make_soup(
            '<p>Rating <img src="good.svg" alt="Good"></p>'
            '<div><div role="img" aria-label="Score: 3 out of 4"><svg></svg></div></div>'
            '<div role="meter" aria-valuenow="2" aria-valuetext="2 - Evidence shows some '
            'shortfalls"></div><p><img src="x.png" alt="">Plain</p>'
            '<p><img alt="Tick" aria-hidden="true">Done</p>'
            '<div role="img" aria-label="unused">Text wins</div>'
        )
    )
    assert [ln.text for ln in lines] == [
        "Rating Good",
        "Score: 3 out of 4",
        "2 - Evidence shows some shortfalls",
        "Plain",
        "Done",
        "Text wins",
    ]


def test_a_counting_widget_reads_as_the_figure_it_counts_to() -> None:
    """Page builders serve a counter at the figure it counts from and keep the one it shows
    in an attribute; a link's `data-target` is no figure."""
    lines = page_lines(
        make_soup(
            '<div><span class="elementor-counter-number" data-to-value="3" '
            'data-from-value="0">0</span><span> out of 4</span></div>'
            '<p><span class="percent-value" data-number-value="64">0</span>%</p>'
            '<p><button data-target="#panel-2">2</button> panels</p>'
        )
    )
    assert [ln.text for ln in lines] == ["3 out of 4", "64%", "2 panels"]


def test_a_marked_paragraph_is_a_list_item() -> None:
    """Word's list paragraphs (by class or `mso-list` style) and a paragraph whose list mark
    is typed into it are list items; a plain paragraph stays one."""
    lines = page_lines(
        make_soup(
            "<p class=MsoListParagraphCxSpFirst>first</p>"
            "<p style='margin-left:36pt;mso-list:l0 level1 lfo1'>second</p>"
            "<p>-&nbsp;&nbsp;&nbsp;&nbsp;third</p><p>plain</p>"
        )
    )
    assert [(ln.tag, ln.text) for ln in lines] == [
        ("li", "first"),
        ("li", "second"),
        ("li", "third"),
        ("p", "plain"),
    ]


def test_figures_in_elements_side_by_side_stay_apart() -> None:
    lines = page_lines(make_soup("<p><span>Score: 2</span><span>50%</span> and <b>1</b>2</p>"))
    assert [ln.text for ln in lines] == ["Score: 2 50% and 12"]


def test_shortcodes_left_unrendered_are_chrome() -> None:
    lines = page_lines(
        make_soup(
            '<p>[/et_pb_text][/et_pb_column]</p><p>[cqc_feedback_form id="3"]</p>'
            "<p>[placeholder: score not in our sources]</p><p>[1]</p>"
        )
    )
    assert [(ln.text, ln.chrome) for ln in lines] == [
        ("[/et_pb_text][/et_pb_column]", True),
        ('[cqc_feedback_form id="3"]', True),
        ("[placeholder: score not in our sources]", False),
        ("[1]", False),
    ]


def test_ascii_text_is_cleaned_as_any_other() -> None:
    """ASCII text takes a shorter way through `clean_text`: controls still go, separating
    ones as spaces, and every whitespace run is one space."""
    assert clean_text("a\x00b\x7fc") == "abc"
    assert clean_text("a\x0bb\x1fc") == "a b c"
    assert clean_text(" \r\n Score:\t 3 \x0c") == "Score: 3"
    assert clean_text(" \n\t ") == ""


def test_walked_lines_are_the_lines_their_fields_make() -> None:
    """`page_lines` makes its lines without `Line.__init__`: each is equal, field for field
    and key for key, to the line its fields make."""
    soup = make_soup(
        "<html><head><title>T</title></head><body><main><h2>1 Assessing needs</h2>"
        "<table><tr><th>Score:</th><td>3</td></tr></table>"
        "<div class='card'><p>Caf\u00e9\u2019s  rating:</p><p>Good</p></div>"
        "<div class='card'><p>Label</p><p>Value</p></div>"
        "<ul><li><a href='/x'>A link</a></li></ul></main>"
        "<footer>\u00a9 Care Quality Commission</footer></body></html>"
    )
    lines = page_lines(soup, rejoin_wrapped=True)
    assert [ln.text for ln in lines][:3] == ["T", "Assessing needs", "Score:"]
    for line in lines:
        made = Line(**{f.name: getattr(line, f.name) for f in fields(Line) if f.init})
        assert vars(line) == vars(made)
        assert line == made and hash(line) == hash(made)


def test_a_reader_of_facts_shares_a_soup_but_never_holds_its_own() -> None:
    """`read_soup` takes the soup a reader before it built (`shared_soup`), and builds one
    of its own, not held, for a page nothing else read."""
    shared = "<p>read for its links first</p>"
    held = shared_soup(shared)
    assert read_soup(shared) is held
    alone = "<p>read for its facts alone</p>"
    assert read_soup(alone) is not read_soup(alone)
    assert read_soup(alone) is not shared_soup(alone)
