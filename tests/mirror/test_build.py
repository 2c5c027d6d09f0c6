"""The mirror generator: determinism, page families, and the real values it must carry."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from mirror.build import CLASSIC, SITE_DIR
from mirror.model import LISTING_PATH, load_reports, pct_half_up
from mirror.site import build_pages, build_site

REPORTS_DIR = "care-services/local-authority-assessment-reports"


def text_of(page: str) -> str:
    """Visible text, tags dropped, entities decoded, whitespace collapsed."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", page)).replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    build_site(CLASSIC, out)
    return out


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return build_pages(CLASSIC)


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.mark.slow
def test_build_is_deterministic(site: Path, tmp_path: Path) -> None:
    n = build_site(CLASSIC, tmp_path / "again")
    assert n == 4 + 77 * 11
    assert tree(site) == tree(tmp_path / "again")


@pytest.mark.mirror  # the whole site built once
def test_committed_site_is_up_to_date(site: Path) -> None:
    assert tree(SITE_DIR) == tree(site), "mirror/site is stale: run python -m mirror.build"


def test_families_have_eleven_pages(pages: dict[str, str]) -> None:
    reports = load_reports()
    assert sum(not r.pilot for r in reports) == 72
    assert sum(r.pilot for r in reports) == 5
    family_urls: set[str] = set()
    for r in reports:
        own = {r.about_path, r.summary_path, *(u for u in pages if u.startswith(r.about_path))}
        if not r.pilot:  # a formal slug is never a prefix of another's
            assert len(own) == 11, r.slug
        nav = pages[r.about_path].split("<nav aria-label")[2].split("</nav>")[0]
        hrefs = re.findall(r'href="([^"]+)"', nav)
        assert len(hrefs) == 11 and len(set(hrefs)) == 11, r.slug
        for href in hrefs:
            assert href in pages, href
            assert hrefs == re.findall(
                r'href="([^"]+)"', pages[href].split("<nav aria-label")[2].split("</nav>")[0]
            )
        family_urls |= set(hrefs)
    assert len(family_urls) == 77 * 11
    assert len(pages) == 77 * 11 + 4


def test_file_layout() -> None:
    """On the committed site, which is what a build writes (test_committed_site_is_up_to_date)."""
    site = SITE_DIR
    assert (site / "robots.txt").read_text().startswith("User-agent: *\n")
    assert (site / f"{REPORTS_DIR}.html").is_file()
    assert (site / f"{REPORTS_DIR}.page-3.html").is_file()
    assert not (site / f"{REPORTS_DIR}.page-4.html").exists()
    assert (site / REPORTS_DIR / "birmingham-cc.html").is_file()
    assert (site / REPORTS_DIR / "birmingham-cc" / "overall-summary.html").is_file()
    pilot_statement = "lincolnshire-cc/4-leadership/learning-improvement-innovation.html"
    assert (site / REPORTS_DIR / pilot_statement).is_file()
    assert (site / REPORTS_DIR / "stokeontrent-0625-theme1-needs.html").is_file()
    assert (site / REPORTS_DIR / "suffolk-cc.html").is_file()


def test_stoke_on_trent(pages: dict[str, str]) -> None:
    base = f"{LISTING_PATH}/stokeontrent-0625"
    about = text_of(pages[base])
    assert "Stoke-on-Trent City Council: local authority assessment" in about
    assert "Published: 13 June 2025 Page last updated: 13 June 2025" in about
    assert "Assessment published: 13 June 2025" in about
    summary = text_of(pages[f"{base}-summary"])
    assert "Overall rating for Stoke-on-Trent City Council: 64%" in summary
    assert sorted(int(s) for s in re.findall(r"Score: (\d)", summary)) == sorted(
        [2, 2, 2, 3, 3, 2, 3, 3, 3]
    )
    needs = text_of(pages[f"{base}-theme1-needs"])
    assert "Score: 2" in needs and "2 - Evidence shows some shortfalls" in needs
    assert (
        "/sites/default/files/2025-06/stokeontrent-0625-local-authority-assessment.pdf"
        in (pages[base])
    )


def test_full_names_replace_short_csv_names(pages: dict[str, str]) -> None:
    listing = "".join(
        v for k, v in pages.items() if k.startswith(LISTING_PATH + "?") or k == LISTING_PATH
    )
    for name in (
        "Durham County Council",
        "Southend-on-Sea City Council",
        "London Borough of Hammersmith and Fulham",
        "Stoke-on-Trent City Council",
    ):
        assert f"{name}: local authority assessment" in listing
    assert ">Stoke: local authority" not in listing
    assert ">County Durham: local authority" not in listing


def test_listing_order_pager_and_sections(pages: dict[str, str]) -> None:
    first = pages[LISTING_PATH]
    dates = []
    for n in range(4):
        page = pages[LISTING_PATH if n == 0 else f"{LISTING_PATH}?page={n}"]
        section = page.split("<h2>Assessment reports</h2>")[1].split("</ul>")[0]
        links = re.findall(r": local authority assessment</a>", section)
        assert len(links) == (20 if n < 3 else 12)
        dates += re.findall(r"Published: (\d+ \w+ \d{4})", section)
        has_next = f'href="?page={n + 1}" title="Go to next page" rel="next"' in page
        assert has_next == (n < 3)
        assert '<nav class="pager" role="navigation"' in page
    from datetime import datetime

    parsed = [datetime.strptime(d, "%d %B %Y") for d in dates]
    assert parsed == sorted(parsed, reverse=True)
    assert len(parsed) == 72
    assert "<h2>Assessments in progress</h2>" in first
    progress = first.split("<h2>Assessments in progress</h2>")[1].split("</ul>")[0]
    assert len(re.findall(r"<li>", progress)) == 153 - 77
    assert "Stoke" not in progress and "Birmingham" not in progress
    pilots = first.split("<h2>Pilot assessments</h2>")[1].split("</ul>")[0]
    assert len(re.findall(r": local authority assessment</a>", pilots)) == 5
    assert pilots.count("Published: 17 November 2023") == 5
    assert "Assessments in progress" not in pages[f"{LISTING_PATH}?page=1"]


def test_pilots(pages: dict[str, str]) -> None:
    b = text_of(pages[f"{LISTING_PATH}/birmingham-cc/overall-summary"])
    assert "Local authority indicative rating" in b
    assert "Good: Evidence shows a good standard" in b
    assert "Overall rating for" not in b
    assert sorted(re.findall(r"Indicative score: (\d)", b)) == sorted("233332233")
    lincs = text_of(pages[f"{LISTING_PATH}/lincolnshire-cc/overall-summary"])
    assert (
        len(re.findall(r"Indicative score: \[placeholder: score not in our sources\]", lincs)) == 8
    )
    assert re.findall(r"Indicative score: (\d)", lincs) == ["3"]
    learning = text_of(
        pages[f"{LISTING_PATH}/lincolnshire-cc/4-leadership/learning-improvement-innovation"]
    )
    assert "Indicative score: 3" in learning and "3 - Evidence shows a good standard" in learning
    needs = text_of(pages[f"{LISTING_PATH}/lincolnshire-cc/1-working-with-people/assessing-needs"])
    assert "Indicative score: [placeholder: score not in our sources]" in needs
    assert "Evidence shows" not in needs
    about = text_of(pages[f"{LISTING_PATH}/suffolk-cc"])
    assert "Assessment start date:" in about and "Published: 17 November 2023" in about
    assert "2022/23" in about and "2023/24" not in about


def test_financial_facts(pages: dict[str, str]) -> None:
    leicester = text_of(pages[f"{LISTING_PATH}/leicestercity-0725"])
    assert "The local authority spent £172.5m on adult social care in 2023/24" in leicester
    assert "This was 22.89% of its total budget" in leicester
    assert "It spent £15.3m less than it had estimated" in leicester
    lancs = text_of(pages[f"{LISTING_PATH}/lancashire-0825"])
    assert "£496m" in lancs and "23,000" in lancs and "5,500" in lancs and "45%" in lancs
    other = text_of(pages[f"{LISTING_PATH}/stokeontrent-0625"])
    assert "£" not in other
    assert other.count("[placeholder: figure not in our sources]") == 10


def test_no_invented_numbers_in_placeholder_bullets(pages: dict[str, str]) -> None:
    real = {"leicestercity-0725", "lancashire-0825"}
    for r in load_reports():
        page = pages[r.about_path]
        facts = text_of(page.split("<h2>Demographics</h2>")[1].split("</main>")[0])
        numbers = re.findall(r"\d[\d,.]*", re.sub(r"20\d\d/\d\d|out of 153", "", facts))
        assert numbers == [] or r.slug in real, (r.slug, numbers)


PILOT_SLUGS = {r.slug for r in load_reports() if r.pilot}


def test_every_report_page_has_banner_published_and_downloads(pages: dict[str, str]) -> None:
    for url, page in pages.items():
        assert "offline mirror" in page
        if not url.startswith(LISTING_PATH + "/"):
            continue
        text = text_of(page)
        assert re.search(r"Published: \d{1,2} \w+ \d{4} Page last updated: \d{1,2} \w+ \d{4}", text)
        slug = url.removeprefix(LISTING_PATH + "/").split("/")[0]
        if any(slug == p or slug.startswith(p + "-") for p in PILOT_SLUGS):
            assert "<h2>Downloads</h2>" not in page  # the pilots' PDFs are not mirrored
            continue
        assert "<h2>Downloads</h2>" in page
        assert re.search(
            r'href="/sites/default/files/\d{4}-\d\d/[^"]+-local-authority-assessment\.pdf"', page
        )
        assert ": local authority assessment | Care Quality Commission</title>" in page


def test_summary_markup_varies(pages: dict[str, str]) -> None:
    summaries = [v for k, v in pages.items() if k.endswith("summary")]
    assert any(
        "<table>" in s and "<h3>" not in s.split("Quality statement scores")[1] for s in summaries
    )
    assert any("<dl>" in s for s in summaries)
    assert any("<h3>Providing support</h3>" in s for s in summaries)
    assert any("Partnership and communities" in s for s in summaries)
    assert any("Partnerships and communities" in s for s in summaries)


def test_pct_half_up() -> None:
    assert pct_half_up(23) == 64  # 63.89
    assert pct_half_up(27) == 75
    assert pct_half_up(32) == 89  # 88.89
    assert pct_half_up(9) == 25
    assert pct_half_up(36) == 100


def test_bad_pct_is_rejected(tmp_path: Path) -> None:
    src = Path(__file__).parents[2] / "mirror" / "data"
    rows = (src / "bongo_twisty_league_tables_parsed.csv").read_text().splitlines()
    rows[1] = rows[1].replace(",32,89,", ",32,88,")
    (tmp_path / "bongo_twisty_league_tables_parsed.csv").write_text("\n".join(rows) + "\n")
    (tmp_path / "pilot_results.csv").write_bytes((src / "pilot_results.csv").read_bytes())
    with pytest.raises(ValueError, match="pct"):
        load_reports(tmp_path)


def test_prose_is_labelled_placeholder(pages: dict[str, str]) -> None:
    checked = 0
    for url, page in pages.items():
        body = page.split('<div class="report-body">')[-1].split('<div class="downloads">')[0]
        body = body.split("</main>")[0]  # pilot pages have no Downloads block
        for start in ("<h2>What people expect</h2>", "<h2>Summary of people's experiences</h2>"):
            if start in body:
                tail = body.split(start)[1]
                items = re.findall(r"<(p|li)>(.*?)</\1>", tail, flags=re.S)
                assert len(items) >= 3, url
                for _, item in items:
                    assert "[placeholder]" in item, (url, item)
                    checked += 1
        if "<h2>About " in body:
            about = body.split("<h2>About ")[1].split("<h2>")[0]
            assert "<p>[placeholder]" in about, url
    assert checked > 77 * 9 * 5
