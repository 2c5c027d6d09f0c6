"""The report's page per council and its Atom feed of new and changed reports.

Two warehouses: the offline mirror's (every report loaded outside a run: one "new report"
entry each) and a small one with two recorded runs in which reports change, so the feed and
the council pages' history have something to show. Expected values are computed here from the
data tables (quality_statement_score, assessment, local_authority), not from the benchmark
tables the pages are drawn from.
"""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from collections import defaultdict
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from publish.attribution import OGL_STATEMENT, SOURCES
from publish.council_pages import (
    NEAREST_NEIGHBOURS,
    has_relation,
    query_councils,
    render_council,
)
from publish.export import export_warehouse
from publish.feed import Change, FeedEntry, describe_change, published_base, render_feed
from publish.html_report import council_slug, write_report
from tests.publish.written import Written, with_qs1
from tests.warehouse_fixtures import Reports, open_copy, save_test_report
from transform.records import Report
from warehouse.benchmarks import refresh_benchmarks
from warehouse.db import connect, init_schema
from warehouse.state import finish_run, start_run

A = "{http://www.w3.org/2005/Atom}"
STOKE_SCORES = [2, 2, 2, 3, 3, 2, 3, 3, 3]
RFC3339 = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)")
RUN_1 = (datetime(2026, 3, 1, 2, 0), datetime(2026, 3, 1, 2, 4, 10))
RUN_2 = (datetime(2026, 3, 2, 2, 0), datetime(2026, 3, 2, 2, 1, 5))


@pytest.fixture(scope="module")
def mirror(mirror_report: Written) -> Written:
    """The report of a copy of the mirror's warehouse, written once for the session."""
    return mirror_report


def with_new_findings(report: Report) -> Report:
    details = [
        d.model_copy(update={"key_findings": d.key_findings[:1]}) if d.statement.number == 3 else d
        for d in report.statement_details
    ]
    return report.model_copy(update={"statement_details": details})


@pytest.fixture(scope="module")
def history(templates: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Written:
    """Run 1 loads the four test reports; run 2 finds Stoke-on-Trent re-rated (Good 64% to
    Requires improvement 61%, QS1 2 to 1) and Durham's QS3 findings shortened. Built and
    written once for the module: its tests only read it."""
    where = tmp_path_factory.mktemp("history")
    db_path = where / "cqc.duckdb"
    with open_copy(templates["empty"], db_path) as conn:
        for started, finished, batch in (
            (*RUN_1, Reports.all),
            (
                *RUN_2,
                (
                    with_qs1(Reports.stoke, 1, 61, rating="Requires improvement"),
                    with_new_findings(Reports.durham),
                ),
            ),
        ):
            run = start_run(
                conn, base_url="https://example.org/", mode="ingest", full=False,
                parser_version="test-1", started_at=started,
            )  # fmt: skip
            for report in batch:
                save_test_report(conn, report, run_id=run)
            finish_run(conn, run, finished_at=finished, status="finished", counts={})
        refresh_benchmarks(conn)
    with connect(db_path, read_only=True) as ro:
        paths = write_report(ro, where / "report")
    return Written(db_path, where / "report", paths)


def assert_valid_atom(root: ET.Element) -> list[ET.Element]:
    """RFC 4287's required elements (no Atom schema or feedparser is installed offline): the
    feed's id, title, updated and author, and each entry's id, title, updated and an
    alternate link or content; ids absolute IRIs and unique, timestamps RFC 3339. Returns the
    entries."""
    assert root.tag == f"{A}feed"
    for name in ("id", "title", "updated", "author"):
        assert len(root.findall(f"{A}{name}")) == 1, name
    assert root.find(f"{A}author/{A}name") is not None
    assert RFC3339.fullmatch(root.findtext(f"{A}updated") or "")
    assert root.find(f"{A}link[@rel='self']") is not None
    entries = root.findall(f"{A}entry")
    ids = [root.findtext(f"{A}id")]
    for entry in entries:
        for name in ("id", "title", "updated"):
            assert len(entry.findall(f"{A}{name}")) == 1, (name, ET.tostring(entry))
        assert RFC3339.fullmatch(entry.findtext(f"{A}updated") or "")
        alternates = entry.findall(f"{A}link[@rel='alternate']")
        assert len(alternates) <= 1
        assert alternates or entry.find(f"{A}content") is not None
        for link in entry.findall(f"{A}link"):
            assert link.get("href")
        ids.append(entry.findtext(f"{A}id"))
    assert all(i and re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", i) for i in ids), ids
    assert len(set(ids)) == len(ids)
    # every element is Atom's: no stray namespace-less tag
    assert all(el.tag.startswith(A) for el in root.iter())
    return entries


# --- the pages exist and are linked -----------------------------------------------------------


def test_every_council_has_a_page_linked_from_the_index_and_its_region(mirror: Written) -> None:
    councils = mirror.query("SELECT name, region FROM local_authority ORDER BY name")
    assert len(councils) == 153
    pages = {p.relative_to(mirror.out).as_posix() for p in mirror.paths}
    expected = {f"council/{council_slug(name)}.html" for name, _ in councils}
    assert len(expected) == 153 and expected <= pages
    index = mirror.soup("index.html")
    listed = {a["href"] for a in index.select("#council-list a")}
    assert listed == expected
    for region in {r for _, r in councils}:
        slug = re.sub(r"[^a-z0-9]+", "-", region.lower())
        soup = mirror.soup(f"region/{slug}.html")
        linked = {a["href"].removeprefix("../") for a in soup.select("main a[href^='../council/']")}
        assert linked == {f"council/{council_slug(n)}.html" for n, r in councils if r == region}
    for page in expected:
        soup = mirror.soup(page)
        assert soup.find("a", href="../index.html") is not None, page
        assert soup.h1 is not None


def test_league_table_and_heatmap_link_each_council_page(mirror: Written) -> None:
    index = mirror.soup("index.html")
    for container in ("league-table", "heatmap"):
        rows = index.select(f"#{container} tr[data-council]")
        assert len(rows) == 72
        for tr in rows:
            links = [a["href"] for a in tr.find_all("a", href=re.compile("^council/"))]
            assert links == [f"council/{council_slug(tr['data-council'])}.html"], container
    region = mirror.soup("region/west-midlands.html")
    stoke = region.select_one("#heatmap tr[data-council='Stoke-on-Trent'] a")
    assert stoke is not None and stoke["href"] == "../council/stoke-on-trent.html"


# --- Stoke-on-Trent's page --------------------------------------------------------------------


def independent_means(written: Written, where: str, *params: object) -> dict[int, Fraction]:
    """Mean score per statement over the formal assessments of councils matching `where`
    (one formal report per council in these warehouses), from the data tables; exact."""
    rows = written.query(
        "SELECT q.qs_number, q.score FROM quality_statement_score q "
        "JOIN assessment a USING (assessment_id) JOIN local_authority la USING (la_code) "
        f"WHERE NOT a.indicative AND {where}",
        *params,
    )
    by_qs: dict[int, list[int]] = defaultdict(list)
    for qs, score in rows:
        by_qs[qs].append(score)
    return {qs: Fraction(sum(scores), len(scores)) for qs, scores in by_qs.items()}


def two_places(value: Fraction, sign: bool = False) -> str:
    """As DuckDB's round(x, 2) prints it: halves away from zero (2.625 -> 2.63)."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    rounded = exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return f"{rounded:+.2f}" if sign else f"{rounded:.2f}"


def score_rows(soup: BeautifulSoup) -> list[Tag]:
    table = soup.find(id="council-scores")
    assert isinstance(table, Tag)
    return table.select("tbody tr")


def test_stoke_on_trents_page_holds_its_result_and_the_means(mirror: Written) -> None:
    soup = mirror.soup("council/stoke-on-trent.html")
    assert soup.h1 is not None and soup.h1.get_text() == "Stoke-on-Trent"
    assert soup.find(id="council-rating").get_text() == "Good"
    assert soup.find(id="council-pct").get_text() == "64%"
    assert soup.find(id="rank-england").get_text() == "35"
    rows = score_rows(soup)
    assert [int(tr.select_one("td.score").get_text()) for tr in rows] == STOKE_SCORES
    region = independent_means(mirror, "la.region = ?", "West Midlands")
    unitary = independent_means(mirror, "la.la_type = ?", "unitary")
    england = independent_means(mirror, "TRUE")
    headers = [th.get_text() for th in soup.select("#council-scores thead th")]
    assert headers[3:6] == ["West Midlands mean", "Mean of unitary councils", "England mean"]
    for number, tr in enumerate(rows, start=1):
        assert tr["data-qs"] == str(number)
        means = [td.get_text() for td in tr.select("td.mean")]
        assert means[:3] == [two_places(m[number]) for m in (region, unitary, england)]
        diffs = [td.get_text() for td in tr.select("td.diff")]
        score = STOKE_SCORES[number - 1]
        assert diffs == [two_places(score - m[number], sign=True) for m in (region, england)]
    # QS1's West Midlands mean: the four councils' QS1 scores, by hand
    assert rows[0].select("td.mean")[0].get_text() == "2.25"
    report = soup.find("a", string="CQC's report")
    assert report is not None and report["href"].endswith("/stokeontrent-0625")


def test_stoke_on_trents_key_findings_by_statement(mirror: Written) -> None:
    soup = mirror.soup("council/stoke-on-trent.html")
    findings = mirror.query(
        "SELECT qs_number, heading, text FROM key_finding "
        "WHERE assessment_id = 'stokeontrent-0625' ORDER BY qs_number, finding_no"
    )
    sections = soup.select("#key-findings section.findings")
    assert [s["data-qs"] for s in sections] == [str(n) for n in range(1, 10)]
    for section in sections:
        qs = int(section["data-qs"])
        mine = [(h, t) for n, h, t in findings if n == qs]
        assert section.h3 is not None and section.h3.get_text().startswith(f"QS{qs} ")
        assert [p.get_text() for p in section.find_all("p")] == [t for _, t in mine]
        headings = [h4.get_text() for h4 in section.find_all("h4")]
        assert headings == list(dict.fromkeys(h for h, _ in mine if h))
    assert "score 2" in sections[0].h3.get_text()


def test_stoke_on_trents_history_is_one_version(mirror: Written) -> None:
    rows = mirror.soup("council/stoke-on-trent.html").select("#council-history tbody tr")
    assert len(rows) == 1
    cells = [td.get_text() for td in rows[0].find_all("td")]
    assert cells[0] == "stokeontrent-0625" and cells[1] == "1 (current)"
    assert cells[2] == "outside a recorded run"
    assert [int(c) for c in cells[6:15]] == STOKE_SCORES
    assert cells[-1] == "new report"


def test_a_council_not_assessed_gets_a_short_page(mirror: Written) -> None:
    [(name,)] = mirror.query(
        "SELECT name FROM local_authority WHERE la_code NOT IN (SELECT la_code FROM assessment) "
        "ORDER BY name LIMIT 1"
    )
    soup = mirror.soup(f"council/{council_slug(name)}.html")
    note = soup.find(id="not-assessed")
    assert note is not None and "Not yet assessed" in note.get_text()
    for absent in ("council-scores", "council-history", "key-findings", "council-rating"):
        assert soup.find(id=absent) is None, absent
    assert soup.find(id="attribution") is not None


def test_a_pilot_only_council_shows_its_indicative_result(mirror: Written) -> None:
    soup = mirror.soup("council/birmingham.html")
    assert soup.find(id="not-assessed") is not None
    assert soup.find(id="pilot-rating").get_text() == "Good"
    scores = [int(td.get_text()) for td in soup.select("#pilot-scores td.score")]
    assert scores == [2, 3, 3, 3, 3, 2, 2, 3, 3]
    history = soup.select("#council-history tbody tr")
    assert [tr.find("td").get_text() for tr in history] == ["birmingham-cc (pilot)"]


# --- the optional tables: neighbours, outcome measures ---------------------------------------


def copy_of(written: Written, tmp_path: Path) -> Path:
    db = tmp_path / "copy.duckdb"
    shutil.copy(written.db, db)
    return db


def stoke_page(db: Path) -> BeautifulSoup:
    with connect(db, read_only=True) as conn:
        data = next(c for c in query_councils(conn) if c.council["name"] == "Stoke-on-Trent")
        return BeautifulSoup(render_council(data), "html.parser")


def test_without_neighbour_or_outcome_tables_their_parts_are_left_out(
    mirror: Written, tmp_path: Path
) -> None:
    db = copy_of(mirror, tmp_path)
    with connect(db) as conn:
        conn.execute("DROP VIEW IF EXISTS council_outcome")
        conn.execute("DROP TABLE IF EXISTS council_neighbour")
        assert not has_relation(conn, "council_neighbour")
        assert not has_relation(conn, "council_outcome")
    soup = stoke_page(db)
    headers = [th.get_text() for th in soup.select("#council-scores thead th")]
    assert "Neighbours mean" not in headers and len(headers) == 8
    assert soup.find(id="council-neighbours") is None and soup.find(id="neighbours-title") is None
    assert soup.find(id="council-outcomes") is None and soup.find(id="outcomes-title") is None
    assert [int(td.get_text()) for td in soup.select("#council-scores td.score")] == STOKE_SCORES


def test_with_council_neighbour_the_page_compares_with_the_neighbours(
    mirror: Written, tmp_path: Path
) -> None:
    db = copy_of(mirror, tmp_path)
    with connect(db) as conn:
        if not has_relation(conn, "council_neighbour"):  # the benchmark that builds it is new
            conn.execute(
                "CREATE TABLE council_neighbour AS SELECT 'E06000021' AS la_code, la_code AS "
                "neighbour_la_code, CAST(row_number() OVER (ORDER BY la_code) AS INTEGER) AS "
                "rank, 1.0 AS distance, 'test' AS method FROM local_authority "
                "WHERE la_code <> 'E06000021'"
            )
        neighbours = conn.execute(
            "SELECT n.neighbour_la_code, la.name FROM council_neighbour n "
            "JOIN local_authority la ON la.la_code = n.neighbour_la_code "
            "WHERE n.la_code = 'E06000021' AND n.rank <= ? ORDER BY n.rank",
            [NEAREST_NEIGHBOURS],
        ).fetchall()
    written = Written(db, tmp_path, [])
    codes = [code for code, _ in neighbours]
    expected = independent_means(written, f"la.la_code IN ({', '.join('?' * len(codes))})", *codes)
    soup = stoke_page(db)
    headers = [th.get_text() for th in soup.select("#council-scores thead th")]
    assert headers[6] == "Neighbours mean"
    for number, tr in enumerate(score_rows(soup), start=1):
        shown = tr.select("td.mean")[3].get_text()
        assert shown == (two_places(expected[number]) if number in expected else ""), number
    listed = soup.select("#council-neighbours tbody tr")
    assert [tr["data-council"] for tr in listed] == [name for _, name in neighbours]
    first = listed[0].find("a")
    assert first is not None and first["href"] == f"{council_slug(neighbours[0][1])}.html"


def test_with_outcome_measures_the_page_shows_the_latest_values(
    mirror: Written, tmp_path: Path
) -> None:
    db = copy_of(mirror, tmp_path)
    with connect(db) as conn:
        if not has_relation(conn, "council_outcome"):  # the reference data is new
            conn.execute(
                "CREATE TABLE outcome_measure AS SELECT * FROM (VALUES "
                "('E06000021', 'ASC1', 'Carer quality of life', TRUE, '2021-22', 7.1), "
                "('E06000021', 'ASC1', 'Carer quality of life', TRUE, '2022-23', 7.3), "
                "('E10000028', 'ASC1', 'Carer quality of life', TRUE, '2022-23', 7.9)) "
                "t(la_code, measure_code, measure_name, higher_is_better, financial_year, value)"
            )
            conn.execute(
                "CREATE VIEW council_outcome AS SELECT * FROM outcome_measure "
                "QUALIFY row_number() OVER (PARTITION BY la_code, measure_code "
                "ORDER BY financial_year DESC) = 1"
            )
        expected = conn.execute(
            "SELECT measure_code, financial_year, value FROM outcome_measure "
            "WHERE la_code = 'E06000021' AND value IS NOT NULL "
            "QUALIFY row_number() OVER (PARTITION BY measure_code "
            "ORDER BY financial_year DESC) = 1 "
            "ORDER BY measure_code"
        ).fetchall()
        medians = dict(
            conn.execute(
                "SELECT measure_code || financial_year, median(value) FROM outcome_measure "
                "WHERE value IS NOT NULL GROUP BY ALL"
            ).fetchall()
        )
    rows = stoke_page(db).select("#council-outcomes tbody tr")
    shown = {tr["data-measure"]: [td.get_text() for td in tr.find_all("td")] for tr in rows}
    assert expected
    for code, year, value in expected:
        cells = shown[code]
        assert cells[1] == year
        assert float(cells[2]) == pytest.approx(value, abs=0.0005)  # shown to 3 places
        assert float(cells[3]) == pytest.approx(medians[code + year], abs=0.0005)


# --- the feed ---------------------------------------------------------------------------------


def test_the_mirror_feed_has_a_new_report_entry_per_assessment(mirror: Written) -> None:
    entries = assert_valid_atom(mirror.feed())
    pairs = mirror.query(
        "SELECT count(*) FROM (SELECT DISTINCT run_id, assessment_id FROM report_change)"
    )
    assert len(entries) == pairs[0][0] == 74
    titles = {e.findtext(f"{A}title") for e in entries}
    assert "Stoke-on-Trent: new report" in titles
    assert "Birmingham (2023 pilot, indicative): new report" in titles
    # saved outside a run: dated by the page's last update, newest first
    stamps = [e.findtext(f"{A}updated") for e in entries]
    assert stamps == sorted(stamps, reverse=True)


def entry_for(entries: list[ET.Element], title_start: str) -> ET.Element:
    [entry] = [e for e in entries if (e.findtext(f"{A}title") or "").startswith(title_start)]
    return entry


def test_a_feed_entry_per_run_and_report_newest_first(history: Written) -> None:
    root = history.feed()
    entries = assert_valid_atom(root)
    pairs = history.query(
        "SELECT DISTINCT run_id, assessment_id FROM report_change ORDER BY run_id, assessment_id"
    )
    assert len(entries) == len(pairs) == 6  # four new reports in run 1, two changed in run 2
    titles = [e.findtext(f"{A}title") for e in entries]
    assert titles == [
        "County Durham: changed: qs3 key findings",
        "Stoke-on-Trent: changed: rating Good → Requires improvement, score % 64 → 61, qs1 2 → 1",
        "Birmingham (2023 pilot, indicative): new report",
        "County Durham: new report",
        "Staffordshire: new report",
        "Stoke-on-Trent: new report",
    ]
    updated = [e.findtext(f"{A}updated") for e in entries]
    assert updated == ["2026-03-02T02:01:05Z"] * 2 + ["2026-03-01T02:04:10Z"] * 4
    assert root.findtext(f"{A}updated") == "2026-03-02T02:01:05Z"


def test_a_feed_entry_links_the_council_page_and_cqcs_report(history: Written) -> None:
    entries = assert_valid_atom(history.feed())
    stoke = entry_for(entries, "Stoke-on-Trent: changed")
    links = {link.get("rel"): link.get("href") for link in stoke.findall(f"{A}link")}
    [(report_url,)] = history.query(
        "SELECT report_url FROM assessment WHERE assessment_id = 'stokeontrent-0625'"
    )
    assert links == {"alternate": "council/stoke-on-trent.html", "related": report_url}
    assert (history.out / links["alternate"]).is_file()
    content = stoke.findtext(f"{A}content") or ""
    assert "<li>rating Good → Requires improvement</li>" in content
    assert {c.get("term") for c in stoke.findall(f"{A}category")} == {
        "rating_changed", "score_pct_changed", "statement_score_changed",
    }  # fmt: skip


def test_feed_ids_are_stable_and_derived_from_assessment_and_run(
    history: Written, tmp_path: Path
) -> None:
    first = [e.findtext(f"{A}id") for e in history.feed().findall(f"{A}entry")]
    with connect(history.db, read_only=True) as conn:
        write_report(conn, tmp_path / "again")
    again = ET.parse(tmp_path / "again" / "feed.atom").getroot()
    assert [e.findtext(f"{A}id") for e in again.findall(f"{A}entry")] == first
    assert again.findtext(f"{A}id") == history.feed().findtext(f"{A}id")
    # Stoke-on-Trent's two entries (runs 1 and 2) differ
    entries = history.feed().findall(f"{A}entry")
    stoke = [e.findtext(f"{A}id") for e in entries if "Stoke" in (e.findtext(f"{A}title") or "")]
    assert len(set(stoke)) == 2


def test_the_council_page_shows_each_version_and_what_changed(history: Written) -> None:
    soup = history.soup("council/stoke-on-trent.html")
    assert soup.find(id="council-rating").get_text() == "Requires improvement"
    assert soup.find(id="council-pct").get_text() == "61%"
    rows = soup.select("#council-history tbody tr")
    assert [tr["data-version"] for tr in rows] == ["2", "1"]
    newest = [td.get_text() for td in rows[0].find_all("td")]
    assert newest[1] == "2 (current)" and newest[2] == "run 2, 02 Mar 2026"
    assert newest[4:6] == ["Requires improvement", "61"] and newest[6] == "1"
    assert newest[-1] == "rating Good → Requires improvement; score % 64 → 61; qs1 2 → 1"
    oldest = [td.get_text() for td in rows[1].find_all("td")]
    assert oldest[2] == "run 1, 01 Mar 2026" and oldest[-1] == "new report"


def test_an_empty_warehouse_gives_a_valid_empty_feed(tmp_path: Path) -> None:
    with connect(":memory:") as conn:
        init_schema(conn)
        write_report(conn, tmp_path)
    root = ET.parse(tmp_path / "feed.atom").getroot()
    assert assert_valid_atom(root) == []
    assert root.findtext(f"{A}updated") == "1970-01-01T00:00:00Z"


def test_the_feed_escapes_everything() -> None:
    hostile = '<script>alert("x")</script> & Co'
    entry = FeedEntry(
        run_id=1, assessment_id="x&y", council=hostile, la_code="E0", pilot=False,
        report_url='https://example.org/?a=1&b="2"', updated=datetime(2026, 1, 1),
        run_started_at=None,
        changes=(Change("rating_changed", "overall_rating", "<Good>", "Bad & worse"),),
    )  # fmt: skip
    text = render_feed([entry], feed_id="urn:uuid:0", updated=datetime(2026, 1, 1),
                       council_href={"E0": "council/a&b.html"})  # fmt: skip
    assert "<script>" not in text
    root = ET.fromstring(text)
    [parsed] = root.findall(f"{A}entry")
    assert parsed.findtext(f"{A}title") == f"{hostile}: changed: rating <Good> → Bad & worse"
    hrefs = [link.get("href") for link in parsed.findall(f"{A}link")]
    assert hrefs == ["council/a&b.html", 'https://example.org/?a=1&b="2"']
    content = parsed.findtext(f"{A}content") or ""
    assert "&lt;script&gt;" in content and "<script>" not in content


def test_with_the_published_address_every_feed_link_is_absolute() -> None:
    entry = FeedEntry(
        run_id=1, assessment_id="stokeontrent-0625", council="Stoke-on-Trent", la_code="E0",
        pilot=False, report_url="https://www.cqc.org.uk/x", updated=datetime(2026, 1, 1),
        run_started_at=None, changes=(Change("new_report", "slug", None, "x"),),
    )  # fmt: skip
    for site_url in ("https://example.org/cqc", "https://example.org/cqc/"):
        text = render_feed(
            [entry],
            feed_id="urn:uuid:0",
            updated=datetime(2026, 1, 1),
            council_href={"E0": "council/stoke-on-trent.html"},
            site_url=site_url,
        )
        root = ET.fromstring(text)
        assert root.get("{http://www.w3.org/XML/1998/namespace}base") == "https://example.org/cqc/"
        links = {link.get("rel"): link.get("href") for link in root.findall(f"{A}link")}
        assert links == {
            "self": "https://example.org/cqc/feed.atom",
            "alternate": "https://example.org/cqc/index.html",
        }
        [parsed] = root.findall(f"{A}entry")
        hrefs = [link.get("href") for link in parsed.findall(f"{A}link")]
        assert hrefs == [
            "https://example.org/cqc/council/stoke-on-trent.html",
            "https://www.cqc.org.uk/x",
        ]
    assert published_base("https://example.org") == "https://example.org/"
    assert published_base(" https://example.org/a/b?x=1#top ") == "https://example.org/a/b/"
    for bad in ("example.org/cqc", "ftp://example.org/", "javascript:alert(1)"):
        with pytest.raises(ValueError, match="not an http"):
            published_base(bad)


def test_changes_are_described_briefly() -> None:
    assert describe_change(Change("new_report", "slug", None, "x")) == "new report"
    assert describe_change(Change("statement_score_changed", "qs4", "3", "2")) == "qs4 3 → 2"
    assert describe_change(Change("findings_changed", "qs2.commitment", "a", "b")) == (
        "qs2 commitment"
    )
    assert describe_change(Change("page_updated", "published_on", None, "2025-01-02")) == (
        "published none → 2025-01-02"
    )
    assert describe_change(Change("facts_changed", "facts", "[]", "[1]")) == "facts"


# --- licences and attribution -----------------------------------------------------------------


def test_every_page_credits_cqc_ons_and_oflog(mirror: Written) -> None:
    for path in (p for p in mirror.paths if p.suffix == ".html"):
        soup = mirror.soup(path.relative_to(mirror.out).as_posix())
        footer = soup.find("footer", id="attribution")
        assert footer is not None, path
        text = footer.get_text(" ")
        for publisher in ("Care Quality Commission", "Office for National Statistics", "Oflog"):
            assert publisher in text or "Office for Local Government" in text, (path, publisher)
        assert OGL_STATEMENT in text
        assert [li.get_text() for li in footer.find_all("li")] == [s.credit for s in SOURCES]
        assert [a["href"] for a in footer.find_all("a")] == [s.licence_url for s in SOURCES]
    rights = mirror.feed().findtext(f"{A}rights") or ""
    assert "Care Quality Commission" in rights and OGL_STATEMENT in rights


def test_exports_carry_the_licences(mirror: Written, tmp_path: Path) -> None:
    with connect(mirror.db, read_only=True) as conn:
        export_warehouse(conn, tmp_path, "csv")
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert [s["publisher"] for s in manifest["licences"]] == [s.publisher for s in SOURCES]
    assert manifest["attribution"] == OGL_STATEMENT
    assert {s["licence"] for s in manifest["licences"]} == {
        "Open Government Licence v3.0", "Creative Commons Attribution 4.0 (CC BY 4.0)",
    }  # fmt: skip
    dictionary = (tmp_path / "data_dictionary.md").read_text(encoding="utf-8")
    section = dictionary.split("## Licences and attribution", 1)[1]
    for source in SOURCES:
        assert source.publisher in section and source.licence_url in section
