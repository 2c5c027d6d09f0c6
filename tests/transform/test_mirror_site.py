"""Every page of the committed offline mirror (`mirror/site/`) through the real parsers.

The mirror varies markup within docs/mirror.md, so this is the widest test of the parsers;
formal reports are checked against the published results the mirror was built from.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from functools import cache
from pathlib import Path

import pytest

from mirror.sample import ORIGIN, url_for
from transform.councils import name_key
from transform.pages import parse_page
from transform.records import ListingPage, PageReading, Report
from transform.report import assemble_report
from transform.validate import validate_report

ROOT = Path(__file__).parents[2]
SITE = ROOT / "mirror" / "site"
DATA = ROOT / "mirror" / "data"

LISTING_PATH = "/care-services/local-authority-assessment-reports"
FINDINGS_ONLY_IN_PDF = {
    "islesofscilly-0925",
    "thurrock-0825",
    "halton-0725",
    "darlington-0525",
    "kent-0525",
    "wiltshire-0125",
    "derbyshirecc-0824",
}

# Every test reads the whole site, parsed once (`parsed_site`): the whole-mirror tier.
pytestmark = [
    pytest.mark.skipif(not SITE.is_dir(), reason="mirror/site not generated"),
    pytest.mark.mirror,
]


@cache
def parsed_site() -> tuple[dict[str, ListingPage], dict[str, list[PageReading]]]:
    listings: dict[str, ListingPage] = {}
    families: dict[str, list[PageReading]] = defaultdict(list)
    for file in sorted(SITE.rglob("*.html")):
        url = url_for(file)
        page = parse_page(file.read_bytes(), url)
        if isinstance(page, ListingPage):
            listings[url] = page
            continue
        assert page.slug, url
        families[page.slug].append(page)
    return listings, dict(families)


@cache
def reports() -> dict[str, Report]:
    _, families = parsed_site()
    out = {}
    for slug, pages in families.items():
        landing = next(p.url for p in pages if p.url and p.url.rstrip("/").endswith("/" + slug))
        draft = assemble_report(slug, landing, pages).draft
        assert draft is not None, slug
        out[slug] = draft
    return out


def published_results() -> dict[str, dict[str, str]]:
    with (DATA / "bongo_twisty_league_tables_parsed.csv").open(
        newline="", encoding="utf-8-sig"
    ) as f:
        rows = [{k.strip().lower(): v for k, v in row.items()} for row in csv.DictReader(f)]
    return {row["url"].rstrip("/").rsplit("/", 1)[-1]: row for row in rows}


def pilot_results() -> dict[str, dict[str, str]]:
    with (DATA / "pilot_results.csv").open(newline="", encoding="utf-8-sig") as f:
        return {row["council_name"]: row for row in csv.DictReader(f)}


def test_listing_chain_covers_every_report() -> None:
    listings, _ = parsed_site()
    url: str | None = ORIGIN + LISTING_PATH
    seen: list[str] = []
    entries = []
    while url is not None:
        assert url not in seen, f"pager loops at {url}"
        seen.append(url)
        entries += listings[url].entries
        url = listings[url].next_url
    assert set(seen) == set(listings)
    formal = [e.slug for e in entries if e.section == "report"]
    assert len(formal) == len(set(formal))
    assert set(formal) == set(published_results())
    pilots = {e.la_name: e for e in entries if e.section == "pilot"}
    assert set(pilots) == set(pilot_results())
    assert all(e.url and e.url.startswith(ORIGIN) for e in entries if e.section != "in_progress")


def test_every_family_is_complete_and_consistent() -> None:
    _, families = parsed_site()
    for slug, pages in families.items():
        report = reports()[slug]
        assert len(pages) == 11, slug
        unscored_pages = [p for p in pages if any(s.unscored and s.has_text for s in p.statements)]
        assert len(report.statement_details) + len(unscored_pages) == 9, slug
        kinds = sorted(p.page_kind for p in pages)
        assert kinds == ["about", *["quality_statement"] * 9, "summary"], slug
        for page in pages:
            assert page.la_name == report.la_name, page.url
            assert set(page.links) == set(report.page_urls), page.url
            # formal pages link their PDF; the pilots' PDFs are not mirrored
            expected_downloads = 0 if report.indicative else 1
            assert len(page.download_links) == expected_downloads, page.url
        if not report.indicative:
            findings = sum(len(d.key_findings) for d in report.statement_details)
            # every tenth formal report leaves its key findings to the PDF (mirror/build.py)
            assert (findings == 0) == (slug in FINDINGS_ONLY_IN_PDF), slug


def test_formal_reports_match_published_results() -> None:
    results = published_results()
    formal = {s: r for s, r in reports().items() if r.assessment_kind == "formal"}
    assert set(formal) == set(results)
    for slug, report in formal.items():
        row = results[slug]
        assert validate_report(report) == [], slug
        assert name_key(report.la_name) == name_key(row["name"]), slug
        assert report.overall_rating == row["overall"], slug
        assert report.overall_score_pct == int(row["pct_calc"]), slug
        expected = [int(row[f"qs{n}"]) for n in range(1, 10)]
        assert [q.score for q in report.quality_statements] == expected, slug
        assert not report.indicative, slug
        assert report.published_on is not None
        assert report.published_on.strftime("%B %Y") == row["date"], slug


def test_pilots_match_known_results() -> None:
    results = pilot_results()
    pilots = {r.la_name: r for r in reports().values() if r.assessment_kind == "pilot"}
    assert set(pilots) == set(results)
    for name, report in pilots.items():
        row = results[name]
        assert report.indicative and report.overall_score_pct is None, name
        assert report.overall_rating == row["indicative_rating"], name
        assert report.published_on is not None
        assert report.published_on.isoformat() == row["published_on"], name
        if row["slug"]:
            assert report.slug == row["slug"], name
        known = {n: int(row[f"qs{n}"]) for n in range(1, 10) if row[f"qs{n}"]}
        assert {q.number: q.score for q in report.quality_statements} == known, name
        problems = validate_report(report)
        assert all("printed without a score" in p for p in problems), (name, problems)
        assert len(problems) == 9 - len(known), name
