from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from transform.pages import PageParseError, classify_page, parse_page, report_slug
from transform.records import AboutPage, QualityStatementPage, SummaryPage

BASE = "https://www.cqc.org.uk/care-services/local-authority-assessment-reports"
STOKE_SCORES = [2, 2, 2, 3, 3, 2, 3, 3, 3]


def summary(html: Callable[[str], bytes], stem: str, path: str) -> SummaryPage:
    page = parse_page(html(stem), f"{BASE}/{path}")
    assert isinstance(page, SummaryPage)
    return page


@pytest.mark.parametrize(
    ("stem", "kind"),
    [
        ("listing_first", "listing"),
        ("stoke_about", "about"),
        ("birmingham_about", "about"),
        ("stoke_summary", "summary"),
        ("staffordshire_summary", "summary"),
        ("durham_summary", "summary"),
        ("birmingham_summary", "summary"),
        ("lincolnshire_summary_placeholder", "summary"),
        ("stoke_statement_needs", "quality_statement"),
        ("lincolnshire_statement_placeholder", "quality_statement"),
    ],
)
def test_classify_by_content(html: Callable[[str], bytes], stem: str, kind: str) -> None:
    assert classify_page(html(stem)) == kind
    assert classify_page(html(stem), "https://example.org/anything") == kind


def test_classify_unknown_page_raises() -> None:
    with pytest.raises(PageParseError) as info:
        classify_page(b"<html><body><h1>Hello</h1></body></html>", "https://x.test/p")
    assert "https://x.test/p" in str(info.value)


def test_stoke_summary_table(html: Callable[[str], bytes]) -> None:
    page = summary(html, "stoke_summary", "stokeontrent-0625-summary")
    assert page.la_name == "Stoke-on-Trent City Council"
    assert page.slug == "stokeontrent-0625"
    assert page.assessment_kind == "formal"
    assert not page.indicative
    assert page.published_on == date(2025, 6, 13)
    assert page.page_last_updated == date(2025, 6, 13)
    assert page.overall_rating == "Good"
    assert page.overall_score_pct == 64
    assert [q.score for q in page.quality_statements] == STOKE_SCORES
    assert [q.number for q in page.quality_statements] == list(range(1, 10))
    second = page.quality_statements[1]
    assert second.name == "Supporting people to live healthier lives"
    assert second.published_name == "Supporting people to lead healthier lives"
    assert second.theme == "Working with people"
    assert page.quality_statements[5].name == "Safe systems, pathways and transitions"
    assert page.people_experience == [
        "Placeholder: first paragraph about what people said.",
        "Placeholder: second paragraph.",
    ]
    assert page.download_links == [
        "https://www.cqc.org.uk/sites/default/files/2025-06/stoke-report.pdf"
    ]
    assert f"{BASE}/stokeontrent-0625" in page.links


def test_staffordshire_summary_theme_grouped_dl(html: Callable[[str], bytes]) -> None:
    page = summary(html, "staffordshire_summary", "staffordshire-0525-summary")
    assert page.la_name == "Staffordshire County Council"
    assert page.slug == "staffordshire-0525"
    assert page.overall_rating == "Good"
    assert page.overall_score_pct == 75
    assert [q.score for q in page.quality_statements] == [3] * 9
    assert page.published_on == date(2025, 5, 29)
    assert page.page_last_updated == date(2025, 6, 2)


def test_durham_summary_list_items(html: Callable[[str], bytes]) -> None:
    page = summary(html, "durham_summary", "durham-0824-summary")
    assert page.la_name == "Durham County Council"
    assert page.overall_rating == "Good"
    assert page.overall_rating_published == "Good"
    assert page.overall_score_pct == 67
    assert [q.score for q in page.quality_statements] == [3, 3, 2, 3, 3, 2, 3, 2, 3]


def test_pilot_summary(html: Callable[[str], bytes]) -> None:
    page = summary(html, "birmingham_summary", "birmingham-cc/overall-summary")
    assert page.la_name == "Birmingham City Council"
    assert page.slug == "birmingham-cc"
    assert page.assessment_kind == "pilot"
    assert page.indicative
    assert page.overall_rating == "Good"
    assert page.overall_rating_published == "Good: Evidence shows a good standard"
    assert page.overall_score_pct is None
    assert [q.score for q in page.quality_statements] == [2, 3, 3, 3, 3, 2, 2, 3, 3]
    assert page.published_on == date(2023, 11, 17)


def test_pilot_placeholder_scores_are_not_numbers(html: Callable[[str], bytes]) -> None:
    page = summary(html, "lincolnshire_summary_placeholder", "lincolnshire-cc/overall-summary")
    assert [(q.number, q.score) for q in page.quality_statements] == [(9, 3)]
    assert len(page.unscored_statements) == 8
    assert page.unscored_statements[0] == "Assessing needs"
    assert "Learning, improvement and innovation" not in page.unscored_statements


def test_statement_page(html: Callable[[str], bytes]) -> None:
    page = parse_page(html("stoke_statement_needs"), f"{BASE}/stokeontrent-0625-theme1-needs")
    assert isinstance(page, QualityStatementPage)
    assert page.slug == "stokeontrent-0625"
    assert page.la_name == "Stoke-on-Trent City Council"
    assert page.statement is not None
    assert (page.statement.number, page.statement.score) == (1, 2)
    assert page.score_label == "Evidence shows some shortfalls"
    assert page.page_last_updated == date(2025, 6, 20)
    assert len(page.what_people_expect) == 2
    assert page.commitment == "We assess people's needs (placeholder commitment)."
    assert [(k.heading, k.text) for k in page.key_findings] == [
        ("Assessment, care planning and review arrangements", "Placeholder finding one."),
        ("Assessment, care planning and review arrangements", "Placeholder finding two."),
        ("Carers", "Placeholder finding three."),
    ]


def test_statement_page_with_placeholder_score(html: Callable[[str], bytes]) -> None:
    url = f"{BASE}/lincolnshire-cc/4-leadership/governance-management-sustainability"
    page = parse_page(html("lincolnshire_statement_placeholder"), url)
    assert isinstance(page, QualityStatementPage)
    assert page.statement is None
    assert page.unscored_statement == "Governance, management and sustainability"
    assert page.slug == "lincolnshire-cc"
    assert page.indicative


def test_about_page(html: Callable[[str], bytes]) -> None:
    page = parse_page(html("stoke_about"), f"{BASE}/stokeontrent-0625")
    assert isinstance(page, AboutPage)
    assert page.slug == "stokeontrent-0625"
    assert page.la_name == "Stoke-on-Trent City Council"
    assert page.published_on == date(2025, 6, 13)
    assert page.assessment_kind == "formal"
    assert [f.kind for f in page.demographics] == [
        "population",
        "deprivation",
        "age",
        "ethnicity",
        "political_control",
    ]
    assert [f.kind for f in page.financial_facts] == [
        "asc_spend",
        "budget_share",
        "spend_vs_estimate",
        "long_term_support",
        "short_term_support",
        "unclassified",
    ]
    assert page.financial_facts[0].value == 98_700_000


def test_pilot_about_page(html: Callable[[str], bytes]) -> None:
    page = parse_page(html("birmingham_about"), f"{BASE}/birmingham-cc")
    assert isinstance(page, AboutPage)
    assert page.assessment_kind == "pilot"
    assert page.assessment_start_date == date(2023, 4, 3)
    assert page.published_on == date(2023, 11, 17)
    kinds = [f.kind for f in page.financial_facts]
    assert kinds[:2] == ["total_budget_estimate", "total_budget"]


@pytest.mark.parametrize(
    ("stem", "reason"),
    [
        ("broken_unknown_rating", "unknown rating: 'Excellent'"),
        ("broken_no_rating", "summary shows no rating"),
        ("broken_score_word", "score is not a number: 'seven'"),
        ("broken_unknown_statement", "'Keeping people cosy'"),
    ],
)
def test_broken_summaries_raise(html: Callable[[str], bytes], stem: str, reason: str) -> None:
    url = f"{BASE}/stokeontrent-0625-summary"
    with pytest.raises(PageParseError) as info:
        parse_page(html(stem), url)
    assert info.value.url == url
    assert reason in info.value.reason
    assert url in str(info.value)


def test_formal_summary_without_pct_raises(html: Callable[[str], bytes]) -> None:
    page = html("stoke_summary").replace(b"Overall rating for", b"Overall score for")
    with pytest.raises(PageParseError, match="no"):
        parse_page(page, f"{BASE}/stokeontrent-0625-summary")


def test_statement_page_with_unknown_name_raises(html: Callable[[str], bytes]) -> None:
    page = html("stoke_statement_needs").replace(b"Assessing needs\n", b"Assessing wants\n")
    with pytest.raises(PageParseError, match="Assessing wants"):
        parse_page(page, f"{BASE}/stokeontrent-0625-theme1-needs")


def test_parse_accepts_str(html: Callable[[str], bytes]) -> None:
    text = html("stoke_summary").decode("utf-8")
    page = summary(lambda _: text.encode(), "x", "stokeontrent-0625-summary")
    assert page.overall_score_pct == 64


ROOT = "/care-services/local-authority-assessment-reports"


@pytest.mark.parametrize(
    ("url", "links", "slug"),
    [
        (f"{BASE}/stokeontrent-0625", [], "stokeontrent-0625"),
        # a landing page in another directory is no family member
        (
            f"{BASE}/stokeontrent-0625-summary",
            ["/x/stokeontrent-0625"],
            "stokeontrent-0625-summary",
        ),
        (
            f"{BASE}/stokeontrent-0625-theme1-needs",
            [ROOT, f"{ROOT}/stokeontrent-0625-summary", f"{ROOT}/stokeontrent-0625"],
            "stokeontrent-0625",
        ),
        (f"{BASE}/birmingham-cc/4-leadership/learning", [], "birmingham-cc"),
        ("https://x.test/a/b/durham-0824-summary", ["/a/b/durham-0824"], "durham-0824"),
    ],
)
def test_report_slug(url: str, links: list[str], slug: str) -> None:
    assert report_slug(url, links) == slug


NAMES = [
    "Assessing needs",
    "Supporting people to lead healthier lives",
    "Equity in experience and outcomes",
    "Care provision, integration and continuity",
    "Partnerships and communities",
    "Safe pathways, systems and transitions",
    "Safeguarding",
    "Governance, management and sustainability",
    "Learning, improvement and innovation",
]


def _summary_with_rows(rows: str) -> bytes:
    return (
        "<title>Derbyshire County Council: local authority assessment</title>"
        "<p>Published: 1 August 2024 Page last updated: 1 August 2024</p>"
        "<h2>Local authority rating and score</h2><p>Good</p>"
        "<p>Overall rating for Derbyshire County Council: 67%</p>"
        f"<h2>Quality statement scores</h2>{rows}<h2>Summary of people's experiences</h2>"
    ).encode()


def test_table_with_bare_score_cells() -> None:
    scores = [3, 3, 2, 3, 3, 2, 3, 2, 3]
    rows = "".join(f"<tr><td>{n}</td><td>{s}</td></tr>" for n, s in zip(NAMES, scores, strict=True))
    body = _summary_with_rows(f"<table><tr><th>Statement</th><th>Score</th></tr>{rows}</table>")
    page = parse_page(body, f"{BASE}/derbyshirecc-0824-summary")
    assert isinstance(page, SummaryPage)
    assert [q.score for q in page.quality_statements] == scores
    assert page.slug == "derbyshirecc-0824-summary"  # no family links on the page to cut it


def test_placeholder_beside_a_number_is_not_a_score() -> None:
    rows = "".join(f"<li>{n} Score: 3</li>" for n in NAMES[:8])
    rows += f"<li>{NAMES[8]} Indicative score: 3 (placeholder)</li>"
    page = parse_page(_summary_with_rows(f"<ul>{rows}</ul>"), f"{BASE}/x-summary")
    assert isinstance(page, SummaryPage)
    assert len(page.quality_statements) == 8
    assert page.unscored_statements == ["Learning, improvement and innovation"]


def test_statement_scored_twice_raises() -> None:
    rows = "".join(f"<li>{n} Score: 3</li>" for n in [*NAMES, NAMES[0]])
    with pytest.raises(PageParseError, match="scored twice"):
        parse_page(_summary_with_rows(f"<ul>{rows}</ul>"), f"{BASE}/x-summary")
