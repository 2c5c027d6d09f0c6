"""Where people see the care market (issue 21): the council pages' "Local care market"
section, the "Assessment vs local market" heatmap page, and the exports, on the small market
of tests/care_market_data.py (its figures worked out there by hand)."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pyarrow.parquet as pq
import pytest
from bs4 import BeautifulSoup

from publish.export import export_warehouse
from publish.html_report import write_report
from publish.market_page import MARKET_COLUMNS, heat_colour
from tests.care_market_data import LOCATIONS, assessed_only, market_warehouse
from warehouse.db import connect


@pytest.fixture(scope="module")
def market(templates: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    return market_warehouse(templates["loaded"], tmp_path_factory.mktemp("m") / "cqc.duckdb")


@pytest.fixture(scope="module")
def report(market: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report")
    with connect(market, read_only=True) as conn:
        paths = write_report(conn, out)
    assert out / "market.html" in paths
    return out


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_bytes(), "lxml")


def cells(row: object) -> list[str]:
    return [td.get_text() for td in row.find_all("td")]  # type: ignore[attr-defined]


def test_a_council_page_shows_its_market_beside_region_and_england(report: Path) -> None:
    page = soup(report / "council" / "stoke-on-trent.html")
    assert page.find(id="market-month").get_text() == "September 2026"
    counts = {td["data-count"]: td.get_text() for td in page.select("#market-counts td")}
    assert counts == {
        "locations": "5", "care_homes": "2", "care_home_beds": "60", "nursing_homes": "1",
        "home_care_locations": "3", "dormant_locations": "1", "outstanding": "1", "good": "1",
        "requires_improvement": "1", "inadequate": "1", "not_rated": "1",
    }  # fmt: skip
    assert cells(page.find(id="market-locations")) == [
        "Share of rated locations", "50.0%", "57.1%", "60.0%", "+16.7 pp",
    ]  # fmt: skip
    assert cells(page.find(id="market-beds"))[1:] == ["66.7%", "80.0%", "60.0%", "+66.7 pp"]
    months = page.select("#market-months tbody tr")
    assert [(tr["data-month"], cells(tr)[3]) for tr in months] == [
        ("2025-09", "33.3%"), ("2026-09", "50.0%"),
    ]  # fmt: skip


def test_a_council_not_assessed_still_has_its_market(report: Path) -> None:
    page = soup(report / "council" / "barnsley.html")
    assert page.find(id="not-assessed") is not None
    assert cells(page.find(id="market-locations"))[1:] == ["100.0%", "100.0%", "60.0%", "+0.0 pp"]
    durham = soup(report / "council" / "county-durham.html")
    assert cells(durham.find(id="market-locations"))[4] == "\u2014"  # 2025-09 not held
    assert durham.find(id="market-months") is None  # one month held
    hartlepool = soup(report / "council" / "hartlepool.html")
    assert "CQC lists no adult social care location" in hartlepool.find(id="market-none").text


def test_without_market_data_the_page_says_so(templates: dict[str, Path], tmp_path: Path) -> None:
    db = assessed_only(templates["loaded"], tmp_path / "a.duckdb")
    with connect(db, read_only=True) as conn:
        write_report(conn, tmp_path / "out")
    page = soup(tmp_path / "out" / "council" / "stoke-on-trent.html")
    assert page.find(id="market-title") is not None
    assert page.find(id="market-none").get_text().startswith("No care market data loaded")
    heat = soup(tmp_path / "out" / "market.html")
    assert heat.find(id="market-none") is not None
    assert len(heat.select("#market-heatmap tbody tr")) == 153


def test_the_heatmap_page_lists_every_council_by_region_and_pct(report: Path) -> None:
    index = soup(report / "index.html")
    assert index.select_one("#market-link a")["href"] == "market.html"
    page = soup(report / "market.html")
    rows = page.select("#market-heatmap tbody tr")
    assert len(rows) == 153
    west = page.select('section[data-region="West Midlands"] tbody tr')
    # Staffordshire (75 %) before Stoke (64 %), then the region's councils not assessed
    assert [tr["data-council"] for tr in west[:2]] == ["Staffordshire", "Stoke-on-Trent"]
    stoke = west[1]
    values = [td.get("data-value") for td in stoke.find_all("td") if td.has_attr("data-value")]
    assert values == ["64", "50", "66.7", "25", "16.7"]
    assert [td["data-score"] for td in stoke.select("td[data-score]")] == list("222332333")
    assert stoke.select_one("td.rating")["data-rating"] == "Good"
    # Inadequate: 25 % is the weakest of the councils shown (red), the change's +16.7 a rise
    inadequate = stoke.find_all("td")[-2]
    assert "background:#c0392b" in inadequate["style"]
    barnsley = page.select_one('tr[data-council="Barnsley"]')
    assert barnsley.select_one("td.rating")["data-rating"] == ""
    assert [td["data-value"] for td in barnsley.select("td[data-value]")] == [
        "", "100", "100", "0", "0",
    ]  # fmt: skip
    assert "September 2026" in page.find(id="market-month").get_text()


def test_heat_colours_run_from_weakest_to_strongest() -> None:
    share, _, inadequate, change = MARKET_COLUMNS
    assert heat_colour(50.0, 50.0, 100.0, share) == ("#c0392b", "#fff")
    assert heat_colour(100.0, 50.0, 100.0, share) == ("#1f6fb2", "#fff")
    assert heat_colour(75.0, 50.0, 100.0, share) == ("#f4f4f4", "#222")
    assert heat_colour(0.0, 0.0, 25.0, inadequate)[0] == "#1f6fb2"  # none inadequate: strong
    assert heat_colour(0.0, -33.3, 16.7, change)[0] == "#f4f4f4"  # no change: the middle
    assert heat_colour(-33.3, -33.3, 16.7, change)[0] == "#c0392b"


def test_parquet_and_csv_hold_every_market_table_whole(market: Path, tmp_path: Path) -> None:
    with connect(market, read_only=True) as conn:
        exported = {t.name: t for t in export_warehouse(conn, tmp_path, "parquet")}
    assert exported["care_location"].rows == len(LOCATIONS) == 18
    assert exported["council_care_market"].rows == 7
    assert exported["care_location_rating"].rows == 1 and exported["care_source"].rows == 1
    market_rows = pq.read_table(tmp_path / "council_care_market.parquet").to_pylist()
    stoke = next(
        r for r in market_rows if r["la_code"] == "E06000021" and r["as_of_month"].year == 2026
    )
    assert (stoke["good_or_outstanding_pct"], stoke["good_or_outstanding_pct_12m_change"]) == (
        50.0, 16.7,
    )  # fmt: skip
    months = {
        r["as_of_month"].isoformat()
        for r in pq.read_table(tmp_path / "care_location.parquet").to_pylist()
    }
    assert months == {"2025-09-01", "2026-09-01"}
    with connect(market, read_only=True) as conn:
        export_warehouse(conn, tmp_path / "csv", "csv")
    assert (tmp_path / "csv" / "care_location_rating.csv").read_text().count("\n") == 2


def test_the_workbook_holds_the_latest_month_and_says_what_it_leaves_out(
    market: Path, tmp_path: Path
) -> None:
    with connect(market, read_only=True) as conn:
        exported = {t.name: t for t in export_warehouse(conn, tmp_path, "xlsx")}
    assert "care_location_rating" not in exported
    assert exported["care_location"].rows == 12  # September 2026 only
    workbook = openpyxl.load_workbook(tmp_path / "cqc-warehouse.xlsx", read_only=True)
    assert "care_location_rating" not in workbook.sheetnames
    sheet = list(workbook["care_location"].iter_rows(values_only=True))
    assert len(sheet) == 13 and {row[0].date().isoformat() for row in sheet[1:]} == {"2026-09-01"}
    assert len(list(workbook["council_care_market"].iter_rows(values_only=True))) == 8
    tables = {
        row[0]: row
        for row in workbook["data_dictionary"].iter_rows(values_only=True)
        if row[3] is None
    }
    assert tables["care_location_rating"][1] is None  # no sheet
    assert "Not in this workbook" in tables["care_location_rating"][6]
    assert "care_location_rating.parquet" in tables["care_location_rating"][6]
    assert "latest month only, September 2026, of the 2 months" in tables["care_location"][6]
    assert tables["care_location"][7] == 18  # rows in the table
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert manifest["not_in_workbook"][0]["name"] == "care_location_rating"
    assert manifest["not_in_workbook"][0]["rows"] == 1
    dictionary = (tmp_path / "data_dictionary.md").read_text()
    assert "## Tables the workbook holds in part" in dictionary
    assert "| `care_location_rating` | Not in this workbook" in dictionary
