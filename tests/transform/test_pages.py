from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from transform.pages import parse_page, read_page, report_slug
from transform.records import ListingPage, PageReading, StatementReading
from transform.report import assemble_report

BASE = "https://www.cqc.org.uk/care-services/local-authority-assessment-reports"
STOKE_SCORES = [2, 2, 2, 3, 3, 2, 3, 3, 3]


def summary(html: Callable[[str], bytes], stem: str, path: str) -> PageReading:
    return read_page(html(stem), f"{BASE}/{path}")


def scores(page: PageReading) -> list[int]:
    return [s.score for s in page.statements if s.score is not None]


def unscored(page: PageReading) -> list[int]:
    return [s.number for s in page.statements if s.unscored]


def texts_of(page: PageReading) -> StatementReading:
    (statement,) = [s for s in page.statements if s.has_text]
    return statement


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
def test_kind_by_content(html: Callable[[str], bytes], stem: str, kind: str) -> None:
    """The kind is a label of what the page was found to carry, whatever its address."""
    assert read_page(html(stem), f"{BASE}/x").page_kind == kind
    assert read_page(html(stem), "https://example.org/anything").page_kind == kind


def test_a_page_without_facts_reads_as_other_never_raises() -> None:
    page = read_page(b"<html><body><h1>Hello</h1></body></html>", "https://x.test/p")
    assert page.page_kind == "other"
    assert (page.la_name, page.overall_rating, page.statements) == (None, None, [])


def test_parse_page_gives_a_listing_its_entries(html: Callable[[str], bytes]) -> None:
    assert isinstance(parse_page(html("listing_first"), BASE), ListingPage)


def test_stoke_summary_table(html: Callable[[str], bytes]) -> None:
    page = summary(html, "stoke_summary", "stokeontrent-0625-summary")
    assert page.la_name == "Stoke-on-Trent City Council"
    assert page.slug == "stokeontrent-0625"
    assert not page.pilot
    assert not page.indicative
    assert page.published_on == date(2025, 6, 13)
    assert page.page_last_updated == date(2025, 6, 13)
    assert page.overall_rating == "Good"
    assert page.overall_score_pct == 64
    assert scores(page) == STOKE_SCORES
    assert [q.number for q in page.statements] == list(range(1, 10))
    second = page.statements[1]
    assert second.published_name == "Supporting people to lead healthier lives"
    assert page.statements[5].published_name == "Safe pathways, systems and transitions"
    assert page.provenance["overall_score_pct"].text == (
        "Overall rating for Stoke-on-Trent City Council: 64%"
    )
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
    assert scores(page) == [3] * 9
    assert page.published_on == date(2025, 5, 29)
    assert page.page_last_updated == date(2025, 6, 2)


def test_durham_summary_list_items(html: Callable[[str], bytes]) -> None:
    page = summary(html, "durham_summary", "durham-0824-summary")
    assert page.la_name == "Durham County Council"
    assert page.overall_rating == "Good"
    assert page.overall_rating_published == "Good"
    assert page.overall_score_pct == 67
    assert scores(page) == [3, 3, 2, 3, 3, 2, 3, 2, 3]


def test_pilot_summary(html: Callable[[str], bytes]) -> None:
    page = summary(html, "birmingham_summary", "birmingham-cc/overall-summary")
    assert page.la_name == "Birmingham City Council"
    assert page.slug == "birmingham-cc"
    assert page.pilot
    assert page.indicative
    assert page.overall_rating == "Good"
    assert page.overall_rating_published == "Good: Evidence shows a good standard"
    assert page.overall_score_pct is None
    assert scores(page) == [2, 3, 3, 3, 3, 2, 2, 3, 3]
    assert page.published_on == date(2023, 11, 17)


def test_pilot_placeholder_scores_are_not_numbers(html: Callable[[str], bytes]) -> None:
    page = summary(html, "lincolnshire_summary_placeholder", "lincolnshire-cc/overall-summary")
    assert [(q.number, q.score) for q in page.statements if q.score] == [(9, 3)]
    assert unscored(page) == [1, 2, 3, 4, 5, 6, 7, 8]


def test_statement_page(html: Callable[[str], bytes]) -> None:
    page = read_page(html("stoke_statement_needs"), f"{BASE}/stokeontrent-0625-theme1-needs")
    assert page.page_kind == "quality_statement"
    assert page.slug == "stokeontrent-0625"
    assert page.la_name == "Stoke-on-Trent City Council"
    statement = texts_of(page)
    assert (statement.number, statement.score) == (1, 2)
    assert statement.score_label == "Evidence shows some shortfalls"
    assert page.page_last_updated == date(2025, 6, 20)
    assert len(statement.what_people_expect) == 2
    assert statement.commitment == "We assess people's needs (placeholder commitment)."
    assert statement.unread == []
    assert [(k.heading, k.text) for k in statement.key_findings] == [
        ("Assessment, care planning and review arrangements", "Placeholder finding one."),
        ("Assessment, care planning and review arrangements", "Placeholder finding two."),
        ("Carers", "Placeholder finding three."),
    ]


def test_statement_page_with_placeholder_score(html: Callable[[str], bytes]) -> None:
    url = f"{BASE}/lincolnshire-cc/4-leadership/governance-management-sustainability"
    page = read_page(html("lincolnshire_statement_placeholder"), url)
    statement = texts_of(page)
    assert (statement.number, statement.score, statement.unscored) == (8, None, True)
    assert page.slug == "lincolnshire-cc"
    assert page.indicative


def test_about_page(html: Callable[[str], bytes]) -> None:
    page = read_page(html("stoke_about"), f"{BASE}/stokeontrent-0625")
    assert page.page_kind == "about"
    assert page.slug == "stokeontrent-0625"
    assert page.la_name == "Stoke-on-Trent City Council"
    assert page.published_on == date(2025, 6, 13)
    assert not page.pilot
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
    page = read_page(html("birmingham_about"), f"{BASE}/birmingham-cc")
    assert page.page_kind == "about"
    assert page.pilot
    assert page.assessment_start_date == date(2023, 4, 3)
    assert page.published_on == date(2023, 11, 17)
    kinds = [f.kind for f in page.financial_facts]
    assert kinds[:2] == ["total_budget_estimate", "total_budget"]


@pytest.mark.parametrize(
    ("stem", "field", "reason"),
    [
        ("broken_unknown_rating", "overall_rating", "unknown rating: 'Excellent'"),
        ("broken_score_word", "qs7.score", "score is not a number: 'seven'"),
        ("broken_unknown_statement", "unplaced_scores", "'Keeping people cosy | Score: 3'"),
    ],
)
def test_what_cannot_be_read_is_a_doubt_and_the_report_says_it(
    html: Callable[[str], bytes], stem: str, field: str, reason: str
) -> None:
    """A page never fails for what it carries; the report that lacks the fact names why."""
    url = f"{BASE}/stokeontrent-0625-summary"
    page = read_page(html(stem), url)
    assert reason in page.doubts[field]
    assembly = assemble_report("stokeontrent-0625", url, [page])
    assert assembly.report is None
    assert any(reason in problem and url in problem for problem in assembly.problems)


def test_a_summary_without_a_rating_gives_a_report_without_one(
    html: Callable[[str], bytes],
) -> None:
    url = f"{BASE}/stokeontrent-0625-summary"
    page = read_page(html("broken_no_rating"), url)
    assert page.overall_rating is None
    assert "no overall rating" in assemble_report("x", url, [page]).problems


def test_a_formal_summary_without_pct_gives_a_report_without_one(
    html: Callable[[str], bytes],
) -> None:
    page = html("stoke_summary").replace(b"Overall rating for", b"Overall score for")
    url = f"{BASE}/stokeontrent-0625-summary"
    reading = read_page(page, url)
    assert reading.overall_score_pct == 64  # "Overall score for ...: 64%" says it too
    page = html("stoke_summary").replace(b"Overall rating for", b"Total for")
    reading = read_page(page, url)
    assert reading.overall_score_pct is None
    assert "formal report publishes no overall %" in assemble_report("x", url, [reading]).problems


def test_statement_page_with_unknown_name_is_no_statement(html: Callable[[str], bytes]) -> None:
    page = html("stoke_statement_needs").replace(b"Assessing needs\n", b"Assessing wants\n")
    reading = read_page(page, f"{BASE}/stokeontrent-0625-theme1-needs")
    assert [s.number for s in reading.statements if s.has_text] == []
    assert reading.page_kind == "other"


def test_parse_accepts_str(html: Callable[[str], bytes]) -> None:
    text = html("stoke_summary").decode("utf-8")
    page = read_page(text, f"{BASE}/stokeontrent-0625-summary")
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


def test_a_pct_after_its_label_is_read_whatever_the_line_explains_after_it() -> None:
    explained = (
        "Overall score: 67% (the total of the nine quality statement scores as a percentage"
        " of the maximum)"
    )
    page = _summary_with_rows("").decode()
    assert "Overall rating for Derbyshire County Council: 67%" in page
    page = page.replace("Overall rating for Derbyshire County Council: 67%", explained)
    reading = read_page(page.encode(), f"{BASE}/derbyshirecc-0824-summary")
    assert reading.overall_score_pct == 67


def test_a_score_table_titled_score_reads_its_score_row() -> None:
    """A caption "Quality statement score" over a row "Score | 2": the caption titles the
    table, the row labels the value."""
    page = (
        b"<html><head><title>Assessing needs - Derbyshire County Council: local authority"
        b" assessment</title></head><body>"
        b"<main><h1>Derbyshire County Council: local authority assessment</h1>"
        b"<h2>Assessing needs</h2><table><caption>Quality statement score</caption>"
        b"<tr><th>Score</th><td>2</td></tr><tr><th>What this means</th>"
        b"<td>2 - Evidence shows some shortfalls</td></tr></table>"
        b"<h3>What people expect</h3><ul><li>I can get an assessment when I need one.</li></ul>"
        b"<h3>The local authority commitment</h3><p>We plan support with people in good time.</p>"
        b"<h3>Key findings for this quality statement</h3><p>Waits had fallen.</p></main>"
        b"</body></html>"
    )
    reading = read_page(page, f"{BASE}/derbyshirecc-0824-theme1-needs")
    (statement,) = [s for s in reading.statements if s.number == 1]
    assert statement.score == 2
    assert reading.doubts == {}


def test_table_with_bare_score_cells() -> None:
    scores = [3, 3, 2, 3, 3, 2, 3, 2, 3]
    rows = "".join(f"<tr><td>{n}</td><td>{s}</td></tr>" for n, s in zip(NAMES, scores, strict=True))
    body = _summary_with_rows(f"<table><tr><th>Statement</th><th>Score</th></tr>{rows}</table>")
    page = read_page(body, f"{BASE}/derbyshirecc-0824-summary")
    assert [q.score for q in page.statements] == scores
    assert page.slug == "derbyshirecc-0824-summary"  # no family links on the page to cut it


def test_placeholder_beside_a_number_is_not_a_score() -> None:
    rows = "".join(f"<li>{n} Score: 3</li>" for n in NAMES[:8])
    rows += f"<li>{NAMES[8]} Indicative score: 3 (placeholder)</li>"
    page = read_page(_summary_with_rows(f"<ul>{rows}</ul>"), f"{BASE}/x-summary")
    assert len(scores(page)) == 8
    assert unscored(page) == [9]


def test_statement_scored_twice_differently_is_a_problem() -> None:
    rows = "".join(f"<li>{n} Score: 3</li>" for n in NAMES)
    rows += f"<li>{NAMES[0]} Score: 2</li>"
    url = f"{BASE}/x-summary"
    page = read_page(_summary_with_rows(f"<ul>{rows}</ul>"), url)
    problems = assemble_report("x", url, [page]).problems
    assert problems == [f"statement 1 (Assessing needs) scored differently: 3 on {url}; 2 on {url}"]


def test_a_related_table_naming_councils_without_links_gives_none_of_their_facts() -> None:
    """A related-content table in an old layout (a layout table's side cell): two rows link
    to other councils' reports, two name councils in plain text. All four are about other
    reports; only this report's rating and % are read."""
    related = "".join(
        f"<tr><td>{name}</td><td>{rating}<br>{pct}%</td></tr>"
        for name, rating, pct in (
            (
                '<a href="/care-services/local-authority-assessment-reports/blackpool-0825">'
                "Blackpool Council: local authority assessment</a>",
                "Inadequate",
                33,
            ),
            (
                '<a href="/care-services/local-authority-assessment-reports/stokeontrent-0625">'
                "Stoke-on-Trent City Council: local authority assessment</a>",
                "Good",
                64,
            ),
            ("Kent County Council: local authority assessment", "Requires improvement", 56),
            (
                "Royal Borough of Kensington and Chelsea: local authority assessment",
                "Outstanding",
                89,
            ),
        )
    )
    body = (
        _summary_with_rows("")
        .decode()
        .replace(
            "<h2>Local authority rating",
            f"<div><b>Other local authority assessments</b><table>{related}</table></div>"
            "<h2>Local authority rating",
        )
    )
    page = read_page(body, f"{BASE}/derbyshirecc-0824-summary")
    assert page.la_name == "Derbyshire County Council"
    assert page.overall_score_pct == 67, page.doubts
    assert page.overall_rating == "Good", page.doubts


def _about(demographics: str, financial: str) -> bytes:
    return (
        "<title>Stoke-on-Trent City Council: local authority assessment</title>"
        "<h1>Stoke-on-Trent City Council: local authority assessment</h1>"
        "<p>Assessment published: 13 June 2025</p><h2>About Stoke-on-Trent City Council</h2>"
        f"<h2>Demographics</h2>{demographics}<h2>Financial facts</h2>{financial}"
    ).encode()


def test_fact_cards_with_one_card_of_text_alone() -> None:
    """Label/value cards, the last one a sentence alone: each card one fact."""
    cards = "".join(
        f'<li><p class="label">{label}</p><p class="value">{value}</p></li>'
        for label, value in (
            ("Population", "258,400"),
            ("Deprivation decile", "1 (where 1 is most deprived)"),
            ("Deprivation rank", "14 of 153 local authorities"),
            ("Political control", "Labour"),
        )
    )
    cards += "<li><p>Life expectancy in the area is below the England average.</p></li>"
    page = read_page(_about(f"<ul>{cards}</ul>", ""), f"{BASE}/stokeontrent-0625")
    assert [fact.raw_text for fact in page.demographics] == [
        "Population: 258,400",
        "Deprivation decile: 1 (where 1 is most deprived)",
        "Deprivation rank: 14 of 153 local authorities",
        "Political control: Labour",
        "Life expectancy in the area is below the England average.",
    ]


def test_a_label_ending_in_a_bracket_over_its_figure() -> None:
    """`<b>Total budget 2022/23 (estimated)</b><br>£2,030,983,000`: one fact."""
    items = (
        "<li><b>Total budget 2022/23 (estimated)</b><br>£2,030,983,000</li>"
        "<li><b>Adult social care precept raised</b><br>Yes</li>"
    )
    page = read_page(_about("", f"<ul>{items}</ul>"), f"{BASE}/stokeontrent-0625")
    assert [fact.raw_text for fact in page.financial_facts] == [
        "Total budget 2022/23 (estimated): £2,030,983,000",
        "Adult social care precept raised: Yes",
    ]


def test_a_source_note_citing_a_footnote_is_no_fact() -> None:
    """Before the list, "Population and age figures are from the Office for National
    Statistics.[1]" says where the facts come from; a long label over its figure is one."""
    demographics = (
        '<p>Population and age figures are from the Office for National Statistics.<a href="#fn1"'
        ' role="doc-noteref"><sup>1</sup></a></p><ul><li>Population: 258,400</li></ul>'
    )
    financial = (
        "<div><p>Share of the council's total budget spent on adult social care</p>"
        "<p>40.93%</p></div><div><p>People in long-term support</p><p>16,733</p></div>"
    )
    page = read_page(_about(demographics, financial), f"{BASE}/stokeontrent-0625")
    assert [fact.raw_text for fact in page.demographics] == ["Population: 258,400"]
    assert [fact.raw_text for fact in page.financial_facts] == [
        "Share of the council's total budget spent on adult social care: 40.93%",
        "People in long-term support: 16,733",
    ]


def test_a_source_line_after_the_facts_is_no_fact() -> None:
    """A "Source: ... 2024/25" line under the list names where the facts come from: its
    years make it no figure of its own."""
    financial = (
        "<ul><li>Net expenditure per adult aged 18 and over was £509.</li></ul>"
        '<p class="small">Source: Adult Social Care Finance Return, 2024/25 (NHS England).</p>'
    )
    page = read_page(_about("", financial), f"{BASE}/stokeontrent-0625")
    assert [fact.raw_text for fact in page.financial_facts] == [
        "Net expenditure per adult aged 18 and over was £509."
    ]


def test_a_line_saying_where_the_figures_come_from_is_no_fact() -> None:
    """Over the list, "Figures are taken from ... returns." is a note on the facts: it states
    no figure and is no item of the list; the list's items stay facts, figure or none."""
    financial = (
        "<p>Figures are taken from the local authority's published annual data returns.</p>"
        "<dl><dt>Expenditure per adult aged 18 and over</dt><dd>£655</dd></dl>"
        "<ul><li>The adult social care precept was raised.</li>"
        "<li>Figures from the local authority's published returns.</li></ul>"
    )
    page = read_page(_about("", financial), f"{BASE}/stokeontrent-0625")
    assert [fact.raw_text for fact in page.financial_facts] == [
        "Expenditure per adult aged 18 and over: £655",
        "The adult social care precept was raised.",
        "Figures from the local authority's published returns.",
    ]


def _all_statements_page(sections: str) -> bytes:
    return (
        "<title>Norfolk County Council: local authority assessment</title>"
        "<h1>Norfolk County Council: local authority assessment</h1>"
        f"<p>Published: 1 March 2026</p><main>{sections}</main>"
    ).encode()


@pytest.mark.parametrize(
    "title",
    [
        '<details><summary><span class="visually-hidden">Show section: </span>'
        "Quality statement {n}</summary><div>",
        '<div><div class="govuk-accordion__section-header"><span>Quality statement {n} of 9'
        "</span></div><div>",
    ],
)
def test_a_statements_title_before_its_name_is_not_the_last_finding_of_the_one_before(
    title: str,
) -> None:
    """All nine statements on one page, each under a toggle or an accordion header that
    gives its number ("Quality statement 2") before the heading naming it."""
    sections = "".join(
        title.format(n=n)
        + f"<h3>{name}</h3><p>Score: 3</p><h4>Key findings for this quality statement</h4>"
        f"<h5>Finding {n}</h5><p>Text of finding {n}.</p></div></div>".replace(
            "</div></div>", "</div></details>" if "details" in title else "</div></div>"
        )
        for n, name in enumerate(NAMES, start=1)
    )
    page = read_page(_all_statements_page(sections), f"{BASE}/norfolk-0326/report")
    assert [[(k.heading, k.text) for k in s.key_findings] for s in page.statements] == [
        [(f"Finding {n}", f"Text of finding {n}.")] for n in range(1, 10)
    ]


def test_word_list_paragraphs_are_a_findings_list_not_its_headings() -> None:
    """Word's list paragraphs (class `MsoListParagraph...`, the mark typed as text) after
    "Developments described to us included:" are the items of the finding's list."""
    item = (
        "<p class=MsoListParagraphCxSpMiddle style='mso-list:l6 level1 lfo7'>"
        "<![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>"
        "\u00b7<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp; </span></span>"
        "</span><![endif]><span>{}<o:p></o:p></span></p>"
    )
    items = "".join(item.format(t) for t in ("a home care framework", "an extra care scheme"))
    body = (
        "<title>Assessing needs</title><h1>Stoke-on-Trent City Council: local authority "
        "assessment</h1><p>Published: 13 June 2025</p><h2>Assessing needs</h2>"
        "<p class=MsoNormal><b>Score:</b> 3</p><h3>Key findings for this quality statement</h3>"
        "<h4>Understanding local needs</h4><p class=MsoNormal>Developments described to us "
        f"included:<o:p></o:p></p>{items}"
    )
    page = read_page(body.encode(), f"{BASE}/stokeontrent-0625-theme1-needs")
    assert [(k.heading, k.text) for k in texts_of(page).key_findings] == [
        ("Understanding local needs", "Developments described to us included:"),
        ("Understanding local needs", "a home care framework"),
        ("Understanding local needs", "an extra care scheme"),
    ]


def test_a_progress_bars_two_figures_are_not_one_number() -> None:
    """An Elementor progress bar per statement: "Score: 2" and the bar's "50%" side by side,
    no space between their elements."""
    rows = "".join(
        f'<div class="elementor-widget-container"><span class="elementor-title">{n}</span>'
        '<div role="progressbar" aria-valuenow="50"><div data-max="50">'
        '<span class="elementor-progress-text">Score: 2</span>'
        '<span class="elementor-progress-percentage">50%</span></div></div></div>'
        for n in NAMES
    )
    page = read_page(_summary_with_rows(rows), f"{BASE}/x-summary")
    assert scores(page) == [2] * 9
