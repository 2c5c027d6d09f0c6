from __future__ import annotations

from collections.abc import Callable

from transform.links import download_links, report_links

BASE = "https://www.cqc.org.uk/care-services/local-authority-assessment-reports"


def test_formal_family_links(html: Callable[[str], bytes]) -> None:
    links = report_links(html("stoke_about"), f"{BASE}/stokeontrent-0625", "stokeontrent-0625")
    assert links == [
        f"{BASE}/stokeontrent-0625",
        f"{BASE}/stokeontrent-0625-summary",  # fragment dropped
        f"{BASE}/stokeontrent-0625-theme1-needs",  # query dropped, deduplicated
        f"{BASE}/stokeontrent-0625-theme3-safeguarding",  # absolute href kept
    ]  # other host, northstokeontrent-0625 and staffordshire-0525 left out


def test_family_links_from_a_sub_page(html: Callable[[str], bytes]) -> None:
    links = report_links(
        html("stoke_statement_needs"),
        f"{BASE}/stokeontrent-0625-theme1-needs",
        "stokeontrent-0625",
    )
    assert f"{BASE}/stokeontrent-0625" in links
    assert f"{BASE}/stokeontrent-0625-theme1-healthier-lives" in links
    assert len(links) == 4


def test_pilot_family_excludes_slug_containing_this_one(html: Callable[[str], bytes]) -> None:
    url = f"{BASE}/lincolnshire-cc/overall-summary"
    links = report_links(html("lincolnshire_summary_placeholder"), url, "lincolnshire-cc")
    assert links == [f"{BASE}/lincolnshire-cc", f"{BASE}/lincolnshire-cc/overall-summary"]


def test_pilot_sub_path_links() -> None:
    page = (
        '<a href="/r/lincolnshire-cc/4-leadership/learning-improvement-innovation">a</a>'
        '<a href="/r/northlincolnshire-cc/overall-summary">b</a>'
        '<a href="/r/lincolnshire-cc-other">c</a>'
        '<a href="/elsewhere/lincolnshire-cc">d</a>'
    )
    links = report_links(page, "https://x.test/r/lincolnshire-cc", "lincolnshire-cc")
    assert links == [
        "https://x.test/r/lincolnshire-cc/4-leadership/learning-improvement-innovation",
        "https://x.test/r/lincolnshire-cc-other",
    ]


def test_download_links_stay_in_their_block(html: Callable[[str], bytes]) -> None:
    url = f"{BASE}/stokeontrent-0625"
    assert download_links(html("stoke_about"), url) == [
        "https://www.cqc.org.uk/sites/default/files/2025-06/stoke-report.pdf"
    ]


def test_download_links_under_bare_heading(html: Callable[[str], bytes]) -> None:
    url = f"{BASE}/staffordshire-0525-summary"
    assert download_links(html("staffordshire_summary"), url) == [
        "https://www.cqc.org.uk/sites/default/files/2025-05/staffs.pdf"
    ]


def test_no_downloads_block() -> None:
    assert download_links("<p>nothing</p>", f"{BASE}/x") == []


def test_downloads_end_where_another_link_list_begins() -> None:
    """An unwrapped Downloads block followed by a "Related" list in plain markup: the
    related links are no downloads, however short their title; file notes still belong."""
    page = (
        '<div><h2>Downloads</h2><p><a href="/files/report.pdf">The report</a></p>'
        "<p>PDF, 1.2 MB</p>"
        '<div>Related</div><ul><li><a href="/guide/a">Score and rating</a></li>'
        '<li><a href="/guide/b">Safeguarding</a></li></ul>'
        '<div>Also see</div><p><a href="/guide/c">Assessing needs</a></p></div>'
    )
    assert download_links(page, BASE) == ["https://www.cqc.org.uk/files/report.pdf"]


def test_a_short_introduction_before_the_files_is_passed_over() -> None:
    page = '<h2>Downloads</h2><p>Download the report</p><p><a href="/f.pdf">Report</a></p>'
    assert download_links(page, BASE) == ["https://www.cqc.org.uk/f.pdf"]


def test_tabs_of_one_path_are_pages_of_their_own() -> None:
    """Links to one family path with several values of one parameter are tabs, each a page;
    a lone query (`?view=print`) and a tracking parameter beside a tab's stay dropped."""
    page = (
        '<a href="?tab=summary">Summary</a>'
        '<a href="/r/hillingdon-1224?tab=theme-1&utm_source=nav">Working with people</a>'
        '<a href="/r/hillingdon-1224?tab=theme-2">Providing support</a>'
        '<a href="/r/hillingdon-1224-summary?view=print">Print</a>'
        '<a href="/r/hillingdon-1224-summary">Summary page</a>'
    )
    links = report_links(page, "https://x.test/r/hillingdon-1224", "hillingdon-1224")
    assert links == [
        "https://x.test/r/hillingdon-1224?tab=summary",
        "https://x.test/r/hillingdon-1224?tab=theme-1",
        "https://x.test/r/hillingdon-1224?tab=theme-2",
        "https://x.test/r/hillingdon-1224-summary",
    ]


def test_a_link_from_the_sites_root_resolves_against_its_own_pages_host() -> None:
    """Links from the site's root are resolved once for all the site's pages: never with
    another site's host, or with another page's path where the href is relative."""
    page = '<a href="/care-services/local-authority-assessment-reports/x-0125-about">About</a>'
    first = report_links(
        page, "https://one.test/care-services/local-authority-assessment-reports/x-0125", "x-0125"
    )
    second = report_links(
        page, "http://two.test/care-services/local-authority-assessment-reports/x-0125", "x-0125"
    )
    assert first == [
        "https://one.test/care-services/local-authority-assessment-reports/x-0125-about"
    ]
    assert second == [
        "http://two.test/care-services/local-authority-assessment-reports/x-0125-about"
    ]
    relative = '<a href="x-0125-about">About</a>'
    pilot = report_links(relative, "https://one.test/reports/x-0125/summary", "x-0125")
    assert pilot == ["https://one.test/reports/x-0125/x-0125-about"]


def test_a_pdf_note_beside_a_link_counts_and_a_bare_list_item_is_no_file() -> None:
    page = (
        "<ul><li><a href='/files/summary'>Download the report</a> (PDF, 1.2 MB)</li>"
        "<li>\n  <a href='/news'>News</a>\n</li></ul>"
    )
    assert download_links(page, "https://one.test/p") == ["https://one.test/files/summary"]
