"""The drupal skin: deterministic, the same visible facts as the classic skin page for page,
other URL shapes, and served by the mirror server. Facts are compared on visible text with
regexes of our own, never through the parsers (they are what the skins exist to test)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from cli.main import app
from mirror import build as classic
from mirror import model
from mirror import skin_drupal as drupal
from mirror.model import LISTING_PATH, STATEMENTS, Report, findings_only_in_pdf, load_reports
from mirror.server import SKINS, MirrorServer, skin_dir
from mirror.site import build_pages

REPORTS = load_reports()
RATINGS = r"(Outstanding|Good|Requires improvement|Inadequate)"
SCORE = re.compile(
    r"\b(?:Indicative score|Score):?\s+(\d|\[placeholder: score not in our sources\])"
)


def text_of(page: str) -> str:
    """Visible text, tags dropped, entities decoded, whitespace collapsed."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", page)).replace("\u00a0", " ")
    text = text.replace("\u2019", "'")
    return re.sub(r"\s+", " ", text).strip()


def main_text(page: str) -> str:
    """The visible text of the main content: no sidebar, header or footer."""
    body = page.split("<main", 1)[1].split("</main>", 1)[0]
    body = re.sub(
        r"<nav\b.*?</nav>", " ", body.split('<div class="layout-sidebar-second"')[0], flags=re.S
    )
    return text_of(body)


@pytest.fixture(scope="module")
def classic_pages() -> dict[str, str]:
    return build_pages(classic.CLASSIC)


@pytest.fixture(scope="module")
def drupal_pages() -> dict[str, str]:
    return build_pages(drupal.DRUPAL)


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_build_is_deterministic_and_the_committed_site_is_up_to_date(
    drupal_pages: dict[str, str],
) -> None:
    assert build_pages(drupal.DRUPAL) == drupal_pages
    assert len(drupal_pages) == 4 + 77 * 11
    committed = tree(drupal.SITE_DIR)
    html_files = {k: v for k, v in committed.items() if k.endswith(".html")}
    expected = {model.url_to_file(u): p.encode() for u, p in drupal_pages.items()}
    assert html_files == expected, "mirror/site-drupal is stale: python -m mirror.skin_drupal"
    pdfs = {k for k in committed if k.endswith(".pdf")}
    assert pdfs == {drupal.pdf_path(r).lstrip("/") for r in REPORTS if not r.pilot} | {
        f"{drupal.BROKEN_DIR}/{name}"
        for name in (
            "truncated-local-authority-assessment.pdf",
            "not-a-pdf-local-authority-assessment.pdf",
            "no-text-layer-local-authority-assessment.pdf",
        )
    }
    assert committed["robots.txt"] == model.ROBOTS.encode()
    # PDFs rebuild byte for byte (a few: the engine is the other skin's test's business).
    engine = drupal.DRUPAL.pdf
    for r in (REPORTS[0], next(r for r in REPORTS if r.slug == "southendonsea-0825")):
        assert engine(r) == committed[drupal.pdf_path(r).lstrip("/")], r.slug


def page_facts(page: str, r: Report) -> dict[str, object]:
    """What a reader sees, normalised so that the two skins' markup does not matter."""
    text = main_text(page)
    facts: dict[str, object] = {
        "council": r.name in text,
        "published": re.findall(
            r"Published: (\d{1,2} \w+ \d{4}) Page last updated: (\d{1,2} \w+ \d{4})", text
        ),
        "assessment_published": re.findall(r"Assessment published: (\d{1,2} \w+ \d{4})", text),
        "start_date": "Assessment start date: [placeholder: date not in our sources]" in text,
        "pct": re.findall(r"Overall rating for (.+?): (\d+)%", text),
        "scores": SCORE.findall(text),
        "score_labels": re.findall(
            r"\b(\d) - (Evidence shows [a-z ]+?(?:standard|shortfalls))", text
        ),
        "prose": re.findall(r"\[placeholder\][^.]*\.", text),
        "placeholders": text.count("[placeholder"),
        "finding_headings": [
            h for hs in model.FINDING_HEADINGS for h in hs if f" {h} " in f" {text} "
        ],
        "statement_names": [
            r.statement_name(st) for st in STATEMENTS if r.statement_name(st) in text
        ],
        "sections": [
            s
            for s in (
                "What people expect",
                "The local authority commitment",
                "Key findings for this quality statement",
                "Quality statement scores",
                "Summary of people's experiences",
                "Demographics",
                "Financial facts",
            )
            if s in text
        ],
    }
    rating = re.search(
        rf"(?:Local authority rating and score|Local authority indicative rating) "
        rf"{re.escape(r.name)} {RATINGS}",
        text,
        re.IGNORECASE,
    )
    facts["rating"] = rating.group(1).lower() if rating else None
    # "label: value" bullets (classic) and label / value pairs (drupal) read the same
    facts["facts"] = [f for f in model.financial_facts(r) if f in text] + [
        label
        for label, value in model.demographics(r)
        if re.search(rf"{re.escape(label)}:? {re.escape(value)}", text)
    ]
    return facts


def test_every_page_shows_the_classic_pages_facts(
    classic_pages: dict[str, str], drupal_pages: dict[str, str]
) -> None:
    checked = 0
    for r in REPORTS:
        old = [r.about_path, r.summary_path, *(r.statement_path(st) for st in STATEMENTS)]
        for old_url, new_url in zip(old, drupal.family_paths(r), strict=True):
            before = page_facts(classic_pages[old_url], r)
            after = page_facts(drupal_pages[new_url], r)
            assert after == before, (r.slug, new_url)
            checked += 1
    assert checked == 77 * 11


def test_the_real_values_are_there(drupal_pages: dict[str, str]) -> None:
    stoke = next(r for r in REPORTS if r.slug == "stokeontrent-0625")
    summary = main_text(drupal_pages[drupal.summary_path(stoke)])
    assert "Overall rating for Stoke-on-Trent City Council: 64%" in summary
    assert "Good" in summary
    assert [int(s) for s in SCORE.findall(summary)] == [2, 2, 2, 3, 3, 2, 3, 3, 3]
    assert "Published: 13 June 2025 Page last updated: 13 June 2025" in summary
    leicester = text_of(drupal_pages[f"{LISTING_PATH}/leicestercity-0725"])
    assert "The local authority spent £172.5m on adult social care in 2023/24" in leicester
    # rating badges in title case
    ri = next(r for r in REPORTS if r.rating == "Requires improvement" and not r.pilot)
    page = drupal_pages[drupal.summary_path(ri)]
    assert '<span class="badge badge--requires-improvement">Requires Improvement</span>' in page


def test_page_anatomy_follows_the_site_notes(drupal_pages: dict[str, str]) -> None:
    """Header h1, then Published, then Downloads, and only then the page's own h2."""
    for r in REPORTS:
        header = f"{r.name} assessment" if r.pilot else f"{r.name}: local authority assessment"
        for url in drupal.family_paths(r):
            page = drupal_pages[url]
            h1s = re.findall(r"<h1[^>]*>(.*?)</h1>", page, flags=re.S)
            assert [text_of(h) for h in h1s] == [header], url
            at = page.index
            own = page.index('<h2 class="node__title">')
            assert at("<h1") < at('<span class="report-meta__label">Published:') < own, url
            if r.pilot:
                assert "Downloads" not in page, url
            else:
                assert at("<h1") < at(">Downloads</h2>") < own, url
            assert 'class="cookie-banner"' in page and 'class="breadcrumb"' in page
            related = page.split('class="block block--related"')[1].split("</section>")[0]
            assert "Score" in related and "/guidance-regulation/" in related
    lincs = next(r for r in REPORTS if r.slug == "lincolnshire-cc")
    learning = text_of(drupal_pages[drupal.statement_path(lincs, STATEMENTS[8])])
    assert "Indicative score: 3 - Evidence shows a good standard" in learning
    assert "The local authority commitment:" in learning
    summary = text_of(drupal_pages[drupal.summary_path(lincs)]).replace(" :", ":")
    rating = f"{lincs.rating.title()}: {model.RATING_LABELS[lincs.rating]}"
    assert f"Local authority indicative rating {lincs.name} {rating}" in summary


def test_quirks_are_kept(drupal_pages: dict[str, str]) -> None:
    for r in REPORTS:
        for st in STATEMENTS:
            page = drupal_pages[drupal.statement_path(r, st)]
            has_findings = "Key findings for this quality statement" in page
            assert has_findings != findings_only_in_pdf(r), r.slug
    assert sum(findings_only_in_pdf(r) for r in REPORTS) == 7


def test_url_shapes_differ_from_the_classic_skin(
    classic_pages: dict[str, str], drupal_pages: dict[str, str]
) -> None:
    listing = {u for u in drupal_pages if not u.startswith(LISTING_PATH + "/")}
    assert listing == {u for u in classic_pages if not u.startswith(LISTING_PATH + "/")}
    for r in REPORTS:
        assert drupal.about_path(r) == r.about_path  # the warehouse keys on the slug
        family = drupal.family_paths(r)
        assert all(u == family[0] or u.startswith(family[0] + "/") for u in family)
        if r.pilot:  # the pilots' sub-paths are the real site's, known from the notes
            continue
        assert not set(family[1:]) & set(classic_pages), r.slug
        assert drupal.pdf_path(r) != r.pdf_path and r.slug not in drupal.pdf_path(r)
    first = drupal_pages[LISTING_PATH]
    assert "Older reports \u203a" in first and 'rel="next"' not in first.split("<body")[1]
    assert "Next" not in text_of(first)


@pytest.fixture(scope="module")
def server() -> MirrorServer:
    with MirrorServer(skin="drupal") as m:
        yield m


def test_the_server_serves_the_drupal_skin(server: MirrorServer) -> None:
    assert server.site_dir == drupal.SITE_DIR.resolve() == skin_dir("drupal").resolve()
    stoke = next(r for r in REPORTS if r.slug == "stokeontrent-0625")
    with httpx.Client(base_url=server.base_url) as client:
        listing = client.get(f"{LISTING_PATH}?page=3")
        assert listing.status_code == 200 and "Older reports" not in listing.text
        assert "Newer reports" in listing.text
        for url in drupal.family_paths(stoke):
            assert client.get(url).status_code == 200, url
        pdf = client.get(drupal.pdf_path(stoke))
        assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
        assert pdf.content.startswith(b"%PDF-")
        assert client.get(stoke.summary_path).status_code == 404  # a classic URL
        assert client.get("/robots.txt").text == model.ROBOTS


def test_skin_registry_and_cli_refuse_unknown_skins() -> None:
    assert set(SKINS) == {"classic", "drupal"}
    with pytest.raises(ValueError, match="classic, drupal"):
        MirrorServer(skin="wordpress")
    result = CliRunner().invoke(app, ["mirror", "--skin", "wordpress", "--port", "0"])
    assert result.exit_code == 2
    assert "classic, drupal" in result.output
