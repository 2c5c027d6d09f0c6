"""The static HTML report, written from a real warehouse: every report of the offline mirror,
parsed from its files and loaded (`mirror.sample`: no server, no Prefect), benchmarks refreshed.

The pages are checked with BeautifulSoup against the benchmark tables, and the index and one
council page are rendered by a real headless Chromium (Debian's `chromium` package) whose
screenshots must show the heatmap's and the score table's colours. The council pages and the
feed are checked in detail in test_council_pages.py.
"""

from __future__ import annotations

import re
import subprocess
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from PIL import Image

from mirror.sample import ORIGIN
from publish.attribution import SOURCES
from publish.html_report import (
    SCORE_COLOURS,
    SCORE_COLUMNS,
    IndexData,
    render_index,
    write_report,
)
from tests.publish.written import Written
from warehouse.db import connect, init_schema

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "mirror" / "site"
CHROMIUM = Path("/usr/bin/chromium")
REGION_SLUGS = {
    "east-midlands",
    "east-of-england",
    "london",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
    "west-midlands",
    "yorkshire-and-the-humber",
}
STOKE_SCORES = [2, 2, 2, 3, 3, 2, 3, 3, 3]
MISSING = "#dddddd"


@pytest.fixture(scope="module")
def written(mirror_report: Written) -> Written:
    """The report of a copy of the mirror's warehouse, written once for the session."""
    return mirror_report


def cell_colour(cell: Tag) -> str:
    match = re.search(r"background:(#[0-9a-f]{6})", str(cell.get("style", "")))
    assert match, cell
    return match.group(1)


def council_row(soup: BeautifulSoup, container_id: str, council: str) -> Tag:
    container = soup.find(id=container_id)
    assert isinstance(container, Tag)
    rows = container.find_all("tr", attrs={"data-council": council})
    assert len(rows) == 1, (container_id, council)
    return rows[0]


# --- files ------------------------------------------------------------------------------------


def test_index_a_page_per_region_and_per_council_and_the_feed_are_written(
    written: Written,
) -> None:
    out = written.out
    assert written.paths[0] == out / "index.html"
    assert {p.relative_to(out).as_posix() for p in written.paths[1:10]} == {
        f"region/{slug}.html" for slug in REGION_SLUGS
    }
    councils = written.paths[10:-2]
    assert len(councils) == 153
    assert all(p.parent == out / "council" for p in councils)
    assert written.paths[-2] == out / "market.html"  # assessment vs local market
    assert written.paths[-1] == out / "feed.atom"
    assert all(p.is_file() and p.stat().st_size > 1000 for p in written.paths)
    # nothing else was written
    assert {p for p in out.rglob("*") if p.is_file()} == set(written.paths)


def test_refresh_time_is_shown(written: Written) -> None:
    [(refreshed_at,)] = written.query("SELECT max(refreshed_at) FROM benchmark_refresh")
    note = written.soup("index.html").find(id="refreshed")
    assert note is not None
    assert f"{refreshed_at:%d %B %Y %H:%M} UTC" in note.get_text()


# --- index: league table ----------------------------------------------------------------------


def test_league_table_lists_the_72_formal_reports_in_rank_order(written: Written) -> None:
    table = written.soup("index.html").find(id="league-table")
    assert isinstance(table, Tag)
    rows = table.select("tbody tr")
    assert len(rows) == 72
    shown = [
        (int(tr.select_one("td.rank").get_text()), tr.find_all("td")[1].get_text()) for tr in rows
    ]
    expected = written.query("SELECT rank, council FROM league_table ORDER BY rank, council")
    assert shown == [(int(r), c) for r, c in expected]
    # two councils share first place on 89%; the next rank is 3
    assert shown[:3] == [(1, "Camden"), (1, "Kensington and Chelsea"), (3, "Wokingham")]
    assert rows[0].select_one("td.pct").get_text() == "89%"
    assert shown[-1] == (72, "Blackpool")
    assert rows[-1].find_all("td")[4].get_text() == "Inadequate"


def test_league_table_links_each_report_and_its_region_page(written: Written) -> None:
    table = written.soup("index.html").find(id="league-table")
    assert isinstance(table, Tag)
    stoke = council_row(written.soup("index.html"), "league-table", "Stoke-on-Trent")
    hrefs = [a["href"] for a in stoke.find_all("a")]
    assert hrefs == [
        "council/stoke-on-trent.html",
        "region/west-midlands.html",
        f"{ORIGIN}/care-services/local-authority-assessment-reports/stokeontrent-0625",
    ]


# --- index: heatmap ---------------------------------------------------------------------------


def test_heatmap_has_nine_coloured_cells_per_council_grouped_by_region(written: Written) -> None:
    soup = written.soup("index.html")
    heatmap = soup.find(id="heatmap")
    assert isinstance(heatmap, Tag)
    rows = heatmap.select("tbody tr")
    assert len(rows) == 72
    assert all(len(tr.select("td.score")) == 9 for tr in rows)
    cells = heatmap.select("td.score")
    assert len(cells) == 72 * 9
    # each cell's colour is its score's colour, and no score is missing
    for cell in cells:
        assert cell_colour(cell) == SCORE_COLOURS[int(cell.get_text())]
    # the cells hold exactly the scores of the league table, per score value
    dist = written.query(
        "SELECT sum(councils_scoring_1), sum(councils_scoring_2), sum(councils_scoring_3), "
        "sum(councils_scoring_4) FROM quality_statement_benchmark WHERE scope = 'england'"
    )[0]
    counts = Counter(int(c.get_text()) for c in cells)
    assert [counts[n] for n in (1, 2, 3, 4)] == [int(v) for v in dist]
    # grouped: one block per region, headed by its name, holding that region's councils
    by_region = defaultdict(set)
    for region, council in written.query("SELECT region, council FROM league_table"):
        by_region[region].add(council)
    blocks = heatmap.select("section.heatmap-region")
    assert [b.h3.get_text() for b in blocks] == sorted(by_region)
    for block in blocks:
        councils = {tr["data-council"] for tr in block.select("tbody tr")}
        assert councils == by_region[block.h3.get_text()]


def test_heatmap_colours_stoke_on_trent_and_staffordshire(written: Written) -> None:
    soup = written.soup("index.html")
    stoke = council_row(soup, "heatmap", "Stoke-on-Trent")
    assert [int(td.get_text()) for td in stoke.select("td.score")] == STOKE_SCORES
    assert [cell_colour(td) for td in stoke.select("td.score")] == [
        "#f39c12", "#f39c12", "#f39c12", "#27ae60", "#27ae60",
        "#f39c12", "#27ae60", "#27ae60", "#27ae60",
    ]  # fmt: skip
    staffordshire = council_row(soup, "heatmap", "Staffordshire")
    assert [cell_colour(td) for td in staffordshire.select("td.score")] == ["#27ae60"] * 9
    assert staffordshire.find_parent("section")["data-region"] == "West Midlands"
    legend = soup.select_one(".legend").get_text(" ")
    assert "1 = Significant shortfalls" in legend and "4 = Exceptional standard" in legend


# --- index: distribution, council types, pilots ----------------------------------------------


def test_score_distribution_draws_each_statements_counts_and_mean(written: Written) -> None:
    svg = written.soup("index.html").find("svg", id="distribution")
    assert isinstance(svg, Tag)
    expected = written.query(
        "SELECT qs_number, avg_score, councils_scoring_1, councils_scoring_2, "
        "councils_scoring_3, councils_scoring_4 FROM quality_statement_benchmark "
        "WHERE scope = 'england' ORDER BY qs_number"
    )
    groups = svg.select("g.dist-row")
    assert len(groups) == 9
    for group, (qs, mean, *counts) in zip(groups, expected, strict=True):
        assert group["data-qs"] == str(qs)
        assert group.select_one("text.mean").get_text() == f"{mean:.2f}"
        drawn = {
            rect["fill"]: int(rect.title.get_text().split()[0]) for rect in group.find_all("rect")
        }
        assert drawn == {
            SCORE_COLOURS[score]: n for score, n in zip((1, 2, 3, 4), counts, strict=True) if n
        }
        # stacked bars of one length: widths proportional to the counts
        widths = sum(float(r["width"]) for r in group.find_all("rect"))
        assert widths == pytest.approx(700, abs=0.5)
    qs1 = groups[0]
    assert "Assessing needs" in qs1.get_text() and "2.26" in qs1.get_text()


def test_council_types_are_compared(written: Written) -> None:
    table = written.soup("index.html").find(id="council-types")
    assert isinstance(table, Tag)
    shown = {
        tr.find_all("td")[0].get_text(): [td.get_text() for td in tr.find_all("td")[1:4]]
        for tr in table.select("tbody tr")
    }
    expected = written.query(
        "SELECT la_type, councils_assessed, councils, avg_pct, min_pct, max_pct "
        "FROM council_type_benchmark"
    )
    assert shown == {
        t: [f"{assessed} of {total}", f"{avg:.1f}", f"{lo}-{hi}"]
        for t, assessed, total, avg, lo, hi in expected
    }
    assert shown["London borough"] == ["17 of 33", "67.5", "53-89"]


def test_pilots_are_listed_apart_as_indicative_and_unranked(written: Written) -> None:
    soup = written.soup("index.html")
    heading = soup.find(id="pilots-title")
    assert heading is not None and "indicative" in heading.get_text()
    assert "not ranked" in heading.get_text()
    table = soup.find(id="pilots")
    assert isinstance(table, Tag)
    assert [tr["data-council"] for tr in table.select("tbody tr")] == ["Birmingham", "Nottingham"]
    birmingham = table.select("tbody tr")[0]
    assert "Good (indicative)" in birmingham.get_text()
    assert [int(td.get_text()) for td in birmingham.select("td.score")] == [
        2, 3, 3, 3, 3, 2, 2, 3, 3,
    ]  # fmt: skip
    ranked = {
        tr["data-council"]
        for tr in soup.select("#league-table tbody tr, #heatmap tr[data-council]")
    }
    assert not ranked & {"Birmingham", "Nottingham"}


def test_index_links_every_region_page(written: Written) -> None:
    nav = written.soup("index.html").select_one("nav.regions")
    assert nav is not None
    hrefs = [a["href"] for a in nav.find_all("a")]
    assert hrefs == [f"region/{slug}.html" for slug in sorted(REGION_SLUGS)]
    assert "West Midlands (4, mean 67.5%)" in nav.get_text()


# --- region pages -----------------------------------------------------------------------------


def test_west_midlands_page_ranks_its_councils_against_region_and_england(
    written: Written,
) -> None:
    soup = written.soup("region/west-midlands.html")
    assert soup.h1 is not None and soup.h1.get_text().startswith("West Midlands")
    assert soup.find("a", href="../index.html") is not None
    assert soup.find(id="region-mean").get_text() == "67.5%"
    assert soup.find(id="england-mean").get_text() == "64.9%"
    table = soup.find(id="region-councils")
    assert isinstance(table, Tag)
    shown = [[td.get_text() for td in tr.find_all("td")] for tr in table.select("tbody tr")]
    councils = [row[1] for row in shown]
    assert councils.index("Staffordshire") < councils.index("Stoke-on-Trent")
    staffordshire = shown[councils.index("Staffordshire")]
    stoke = shown[councils.index("Stoke-on-Trent")]
    # rank in region, council, type, rating, %, vs region, vs England, rank in England
    assert staffordshire == ["1", "Staffordshire", "county", "Good", "75%", "+7.5", "+10.1", "5"]
    assert stoke == ["3", "Stoke-on-Trent", "unitary", "Good", "64%", "-3.5", "-0.9", "35"]
    assert len(shown) == 4


def test_west_midlands_page_has_its_heatmap_and_statement_means(written: Written) -> None:
    soup = written.soup("region/west-midlands.html")
    heatmap = soup.find(id="heatmap")
    assert isinstance(heatmap, Tag)
    assert len(heatmap.select("td.score")) == 4 * 9
    stoke = council_row(soup, "heatmap", "Stoke-on-Trent")
    assert [int(td.get_text()) for td in stoke.select("td.score")] == STOKE_SCORES
    table = soup.find(id="region-statements")
    assert isinstance(table, Tag)
    rows = table.select("tbody tr")
    expected = written.query(
        "SELECT qs_number, avg_score, england_avg_score FROM quality_statement_benchmark "
        "WHERE scope = 'region' AND region = 'West Midlands' ORDER BY qs_number"
    )
    assert len(rows) == 9
    for tr, (qs, region_mean, england_mean) in zip(rows, expected, strict=True):
        cells = [td.get_text() for td in tr.find_all("td")]
        assert cells[0].startswith(f"QS{qs} ")
        assert cells[2:5] == [
            f"{region_mean:.2f}",
            f"{england_mean:.2f}",
            f"{region_mean - england_mean:+.2f}",
        ]


def test_every_region_page_matches_regional_benchmark(written: Written) -> None:
    expected: dict[str, list[str]] = defaultdict(list)
    for region, council in written.query(
        "SELECT region, council FROM regional_benchmark ORDER BY rank_in_region, council"
    ):
        expected[region].append(council)
    for region, councils in expected.items():
        slug = re.sub(r"[^a-z0-9]+", "-", region.lower())
        soup = written.soup(f"region/{slug}.html")
        shown = [tr["data-council"] for tr in soup.select("#region-councils tbody tr")]
        assert shown == councils, region
        assert len(soup.select("#heatmap td.score")) == 9 * len(councils), region


# --- self-contained ---------------------------------------------------------------------------


def test_pages_are_self_contained(written: Written) -> None:
    report_urls = {
        url
        for (url,) in written.query("SELECT report_url FROM assessment WHERE report_url NOTNULL")
    }
    licences = {s.licence_url for s in SOURCES}
    for path in (p for p in written.paths if p.suffix == ".html"):
        soup = written.soup(path.relative_to(written.out).as_posix())
        name = path.name
        assert soup.find("script") is None, name
        assert soup.find("link") is None, name
        assert soup.find(["img", "iframe", "object", "embed", "video", "audio"]) is None, name
        assert soup.find("style") is not None, name
        css = " ".join(s.get_text() for s in soup.find_all("style"))
        css += " ".join(str(t.get("style", "")) for t in soup.find_all(style=True))
        assert "url(" not in css and "@import" not in css, name
        for tag in soup.find_all(src=True):
            pytest.fail(f"{name}: {tag.name} loads {tag['src']}")
        for tag in soup.find_all(href=True):
            href = tag["href"]
            if href.startswith(("http:", "https:", "//")) and href in licences:
                # the footer's licences: text to read, never loaded
                assert tag.name == "a" and tag.find_parent("footer") is not None, (name, href)
            elif href.startswith(("http:", "https:", "//")):
                # the only other absolute links: anchors to the published reports
                assert tag.name == "a" and href in report_urls, (name, href)
                assert href.startswith(ORIGIN), (name, href)
            else:
                target = href.split("#", 1)[0]
                assert not target or (path.parent / target).resolve().is_file(), (name, href)


def test_text_is_escaped() -> None:
    row = {
        "rank": 1, "la_code": "E0", "council": "<script>alert(1)</script> & Co", "region": "A&B",
        "la_type": "unitary", "overall_rating": "Good", "overall_score_pct": 70, "score_total": 27,
        "published_on": None, "assessment_id": "x", "report_url": 'https://example.org/"x"',
        **dict.fromkeys(SCORE_COLUMNS, 3),
    }  # fmt: skip
    page = render_index(IndexData(None, [row], [], [], [], []))
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in page
    assert 'href="https://example.org/&quot;x&quot;"' in page
    assert "Benchmarks last refreshed: never" in page


def test_an_empty_warehouse_gives_an_index_and_an_empty_feed_only(tmp_path: Path) -> None:
    with connect(":memory:") as conn:
        init_schema(conn)
        paths = write_report(conn, tmp_path / "out")
    assert paths == [tmp_path / "out" / "index.html", tmp_path / "out" / "feed.atom"]
    text = paths[0].read_text(encoding="utf-8")
    assert "No formal assessment loaded." in text and "never" in text


# --- a real browser ---------------------------------------------------------------------------


def screenshot(page: Path, tmp: Path) -> Path:
    """A 1400x2400 screenshot of `page` by headless Chromium; fails (never skips) without it."""
    if not CHROMIUM.is_file():
        pytest.fail(
            f"{CHROMIUM} is missing: install Debian's chromium package "
            "(apt-get update && apt-get install -y chromium) to render the HTML report"
        )
    png = tmp / "screenshot.png"
    command = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp / 'profile'}",
        "--hide-scrollbars",
        "--window-size=1400,2400",
        f"--screenshot={png}",
        page.as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0 and png.is_file(), done.stderr[-2000:]
    return png


def close_to(pixel: tuple[int, ...], colour: str, tolerance: int = 12) -> bool:
    target = bytes.fromhex(colour.removeprefix("#"))
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, target, strict=True))


@pytest.mark.e2e  # starts a browser
def test_chromium_renders_the_heatmap(written: Written, tmp_path: Path) -> None:
    with Image.open(screenshot(written.out / "index.html", tmp_path)) as image:
        rgb = image.convert("RGB")
    assert rgb.size == (1400, 2400)
    colours = rgb.getcolors(maxcolors=1 << 24)
    assert colours is not None
    total = rgb.size[0] * rgb.size[1]
    # not blank: many colours, and the page background is far from all of it
    assert len(colours) > 200
    assert max(count for count, _ in colours) < 0.8 * total
    covered = {
        score: sum(count for count, pixel in colours if close_to(pixel, colour))
        for score, colour in SCORE_COLOURS.items()
    }
    # A heatmap cell is about 34x22 px. Seen: 1 ~6,200 px, 2 ~220,000, 3 ~307,000, 4 ~12,000
    # (heatmap, legend and the distribution bars below it). The bars alone cover at most
    # 700x20x9 = 126,000 px and the 7 councils scoring 1 somewhere ~1,700 px of red with the
    # legend, so these thresholds need the heatmap on screen.
    assert covered[1] > 3_000, covered
    assert covered[2] > 130_000, covered
    assert covered[3] > 150_000, covered
    assert covered[4] > 4_000, covered
    # and the heatmap sits high on the page: the top half alone holds most of those colours
    top = rgb.crop((0, 0, rgb.size[0], rgb.size[1] // 2)).getcolors(maxcolors=1 << 24) or []
    for score in (2, 3):
        in_top = sum(count for count, pixel in top if close_to(pixel, SCORE_COLOURS[score]))
        assert in_top > 0.6 * covered[score], (score, in_top, covered)


@pytest.mark.e2e  # starts a browser
def test_chromium_renders_a_council_pages_score_table(written: Written, tmp_path: Path) -> None:
    page = written.out / "council" / "stoke-on-trent.html"
    with Image.open(screenshot(page, tmp_path)) as image:
        rgb = image.convert("RGB")
    colours = rgb.getcolors(maxcolors=1 << 24)
    assert colours is not None
    total = rgb.size[0] * rgb.size[1]
    assert len(colours) > 200
    assert max(count for count, _ in colours) < 0.9 * total
    # The score table's cells are at least 44x28 px (taller where a statement's name wraps):
    # Stoke-on-Trent has three 2s (orange) and six 3s (green), so at least 3 x 1,232 and
    # 6 x 1,232 px; the legend's swatches add 324 px of each and nothing else on the page is
    # coloured so. Only the table can reach these counts, and it sits in the top third.
    top = rgb.crop((0, 0, rgb.size[0], rgb.size[1] // 3)).getcolors(maxcolors=1 << 24) or []
    seen = {
        score: sum(count for count, pixel in top if close_to(pixel, SCORE_COLOURS[score]))
        for score in (1, 2, 3, 4)
    }
    assert seen[2] > 3 * 1_000, seen
    assert seen[3] > 6 * 1_000, seen
    # no 1s or 4s on the page but the legend's swatches
    assert seen[1] < 1_000 and seen[4] < 1_000, seen
