from __future__ import annotations

from datetime import date

import pytest

from transform.text import clean_text, make_soup, page_lines, parse_date


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
