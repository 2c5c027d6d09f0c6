"""Pages read as they declare, and bounded before they are parsed."""

from __future__ import annotations

import pytest

from transform.decode import MAX_DEPTH, check_bounds, decode_page
from transform.errors import PageParseError
from transform.pages import parse_page

PAGE = (
    "<html><head>{meta}<title>x</title></head><body><h1>Stoke-on-Trent City Council: local "
    "authority assessment</h1><p>Assessment published: 13 June 2025</p><h2>About "
    "Stoke-on-Trent City Council</h2><h3>Demographics</h3><ul><li>Population: 258,000 "
    "(Bücknall, Trentham and Fenton)</li></ul></body></html>"
)


@pytest.mark.parametrize(
    ("encoding", "content_type", "meta"),
    [
        ("latin-1", "text/html; charset=ISO-8859-1", ""),
        ("latin-1", "text/html", '<meta charset="iso-8859-1">'),
        (
            "cp1252",
            "text/html",
            '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
        ),
        ("utf-16", "text/html; charset=UTF-16", ""),
        ("utf-16", "text/html", ""),  # a byte-order mark says it
        ("utf-8", None, ""),
    ],
)
def test_a_page_is_read_as_it_declares(encoding: str, content_type: str | None, meta: str) -> None:
    body = PAGE.format(meta=meta).encode(encoding)
    decoded = decode_page(body, content_type, "https://x/stoke")
    assert "Bücknall" in decoded.text and "Ã" not in decoded.text
    about = parse_page(
        decoded.text, "https://x/care-services/local-authority-assessment-reports/stoke"
    )
    assert about.la_name == "Stoke-on-Trent City Council"


def test_bytes_that_do_not_decode_as_declared_are_an_error_not_mojibake() -> None:
    body = PAGE.format(meta="").encode("latin-1")
    with pytest.raises(PageParseError, match=r"cannot be decoded \(no charset declared\)"):
        decode_page(body, "text/html", "https://x/p")
    with pytest.raises(PageParseError, match="declared 'utf-8' in the header"):
        decode_page(body, "text/html; charset=utf-8", "https://x/p")
    with pytest.raises(PageParseError, match="unknown charset 'klingon'"):
        decode_page(b"<html></html>", "text/html; charset=klingon", "https://x/p")


def test_a_page_far_past_a_report_page_is_refused_before_it_is_parsed() -> None:
    nested = "<div>" * (MAX_DEPTH + 1) + "x" + "</div>" * (MAX_DEPTH + 1)
    with pytest.raises(PageParseError, match=f"more than {MAX_DEPTH} deep"):
        check_bounds(nested)
    with pytest.raises(PageParseError, match="more than 100,000 elements"):
        check_bounds("<span></span>" * 100_001)
    with pytest.raises(PageParseError, match="bytes, more than the 5,000,000 allowed"):
        check_bounds("<p>" + "x" * 5_000_001 + "</p>")


def test_ordinary_markup_is_within_bounds() -> None:
    lists = "<ul>" + "<li>item" * 500 + "</ul>"  # list items left open, as HTML allows
    check_bounds("<html><body>" + "<p>para<br>line" * 2000 + lists + "</body></html>")


def test_bounds_count_tags_in_any_case_and_pass_over_self_closed_ones() -> None:
    deep = "<DIV>" * (MAX_DEPTH + 1) + "x" + "</Div>" * (MAX_DEPTH + 1)
    with pytest.raises(PageParseError, match=f"more than {MAX_DEPTH} deep"):
        check_bounds(deep)
    check_bounds("<div>" + "<span class='icon' />" * (MAX_DEPTH + 1) + "</div>")
    check_bounds("<DIV>" * MAX_DEPTH + "</div>" * MAX_DEPTH)
