from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from transform.listing import parse_listing
from transform.pages import PageParseError, read_page


def test_first_listing_page(html: Callable[[str], bytes], base: str) -> None:
    page = parse_listing(html("listing_first"), base)
    reports = [e for e in page.entries if e.section == "report"]
    assert [(e.la_name, e.slug) for e in reports] == [
        ("Stoke-on-Trent City Council", "stokeontrent-0625"),
        ("Staffordshire County Council", "staffordshire-0525"),
        ("West Berkshire Council", "WBerkshire-0524"),
    ]
    assert reports[0].url == f"{base}/stokeontrent-0625"
    assert all(e.assessment_kind == "formal" for e in reports)
    in_progress = [e for e in page.entries if e.section == "in_progress"]
    assert [e.la_name for e in in_progress] == [
        "Barnsley Metropolitan Borough Council",
        "Cornwall Council",
    ]
    assert all(e.slug is None and e.url is None for e in in_progress)
    pilots = [e for e in page.entries if e.section == "pilot"]
    assert [(e.slug, e.assessment_kind) for e in pilots] == [
        ("birmingham-cc", "pilot"),
        ("lincolnshire-cc", "pilot"),
    ]
    assert page.next_url == f"{base}?page=1"
    # no header, footer or pager link is taken for a report
    assert len(page.entries) == 7


def test_next_url_resolves_against_a_later_page(html: Callable[[str], bytes], base: str) -> None:
    page = parse_listing(html("listing_first"), f"{base}?page=3")
    assert page.next_url == f"{base}?page=1"


def test_last_listing_page_has_no_next(html: Callable[[str], bytes], base: str) -> None:
    page = parse_listing(html("listing_last"), f"{base}?page=2")
    assert page.next_url is None
    assert [e.slug for e in page.entries] == ["durham-0824"]


def test_next_found_by_link_text(html: Callable[[str], bytes], base: str) -> None:
    page = parse_listing(html("listing_next_by_text"), base)
    assert page.next_url == f"{base}?page=1"


def test_page_without_reports_section_raises(html: Callable[[str], bytes], base: str) -> None:
    with pytest.raises(PageParseError) as info:
        parse_listing(html("not_a_listing"), base)
    assert info.value.url == base
    assert "Assessment reports" in info.value.reason


def test_listing_classified_by_content(html: Callable[[str], bytes]) -> None:
    assert read_page(html("listing_first"), "https://x.test/anything").page_kind == "listing"


DRUPAL_LISTING = Path(__file__).parents[2] / "mirror" / "site-drupal" / "care-services"


def _drupal_page(n: int) -> str:
    name = "local-authority-assessment-reports" + (f".page-{n}" if n else "")
    return (DRUPAL_LISTING / f"{name}.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "strip",
    [
        [],  # <link rel="next"> in the head
        [r'<link rel="next"[^>]*>'],  # then the link saying "Older reports" and an arrow
        [r'<link rel="next"[^>]*>', r"Older reports \u203a"],  # then the page numbers alone
    ],
    ids=["rel-next-in-head", "older-link-text", "numbers-only"],
)
def test_next_page_found_whatever_the_pager_looks_like(base: str, strip: list[str]) -> None:
    """A pager without rel="next" on its links and no "Next" anywhere (Bootstrap-style:
    numbers, "Newer reports" / "Older reports" with arrows) is still followed to its last page."""
    nexts = []
    for n in range(4):
        page_html = _drupal_page(n)
        for pattern in strip:
            page_html = re.sub(pattern, "", page_html)
        url = base if n == 0 else f"{base}?page={n}"
        nexts.append(parse_listing(page_html, url).next_url)
    assert nexts == [f"{base}?page=1", f"{base}?page=2", f"{base}?page=3", None]


def test_previous_and_newer_links_are_never_the_next_page(base: str) -> None:
    page_html = (
        "<h1>Local authority assessment reports</h1><h2>Assessment reports</h2>"
        '<ul><li><a href="?page=1">\u2039 Newer reports</a></li>'
        '<li><a href="?page=1">Previous</a></li></ul>'
    )
    assert parse_listing(page_html, f"{base}?page=2").next_url is None


REPORT_LINK = (
    '<ul><li><a href="/care-services/local-authority-assessment-reports/x-0125">'
    "Stoke-on-Trent City Council: local authority assessment</a></li></ul>"
)


def test_section_label_split_over_inline_elements_is_found(base: str) -> None:
    page = parse_listing(
        f"<h2><span>Assessment</span> <span>reports</span></h2>{REPORT_LINK}", base
    )
    assert [e.slug for e in page.entries] == ["x-0125"]


def test_part_of_a_longer_line_is_no_section_label(base: str) -> None:
    """ "Local authority<span> assessment reports</span>" is the page's title, not the
    "Assessment reports" section: without that section the listing fails loudly."""
    html = f"<h1>Local authority<span> assessment reports</span></h1>{REPORT_LINK}"
    with pytest.raises(PageParseError, match="Assessment reports"):
        parse_listing(html, base)
