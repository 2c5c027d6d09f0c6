"""Several statements on one page: a theme's page, or all nine in sections, read exactly as
the same statements on pages of their own. Built from the mirror's own statement pages, so
the texts compared are every statement's, in both skins' markups; nothing of one statement
may be lost or merged into another's."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from mirror import skin_drupal
from mirror.model import STATEMENTS, Report, load_reports, url_to_file
from transform.pages import read_page
from transform.records import StatementReading
from transform.report import assemble_report

MIRROR = Path(__file__).parents[2] / "mirror"
ORIGIN = "https://www.cqc.org.uk"
# Reports in each markup variant the classic skin picks (by index mod 2, 3 and 4), a pilot.
SAMPLE = [r for r in load_reports() if r.index in (0, 1, 2, 3, 5, 7) or r.slug == "birmingham-cc"]
BY_SLUG = {r.slug: r for r in SAMPLE}


def statement_pages(report: Report, skin: str) -> list[tuple[str, str]]:
    site = MIRROR / ("site" if skin == "classic" else "site-drupal")
    paths = [
        report.statement_path(st) if skin == "classic" else skin_drupal.statement_path(report, st)
        for st in STATEMENTS
    ]
    return [(ORIGIN + path, (site / url_to_file(path)).read_text()) for path in paths]


def content(html: str) -> str:
    """A page's content: its <main> without the report's own navigation."""
    main = BeautifulSoup(html, "lxml").find("main")
    assert main is not None
    for nav in main.find_all("nav"):
        nav.decompose()
    return main.decode_contents()


def one_page(title: str, bodies: list[str], layout: str = "main") -> str:
    """The bodies as sections of one page: in its <main>, or (`layout="table"`) in the
    content cell of a layout table, as an old site sets its pages (no <main>)."""
    sections = "".join(f"<section>{body}</section>" for body in bodies)
    if layout == "table":
        menu = "<b>In this report</b><ul><li>Overall summary</li></ul>"
        cells = f'<td class="leftNav">{menu}</td><td class="mainContent">{sections}</td>'
        body = f"<table><tr>{cells}</tr></table>"
        return f"<html><head><title>{title}</title></head><body>{body}</body></html>"
    return f"<html><head><title>{title}</title></head><body><main>{sections}</main></body></html>"


def texts(statements: list[StatementReading]) -> dict[int, StatementReading]:
    with_text = {s.number: s for s in statements if s.has_text or s.score is not None}
    return dict(sorted(with_text.items()))


@cache
def read_alone(slug: str, skin: str) -> dict[int, StatementReading]:
    """The report's statements, each read from its own page (once for the module: the four
    groupings and layouts of a report and skin compare with the same readings)."""
    alone: dict[int, StatementReading] = {}
    for url, html in statement_pages(BY_SLUG[slug], skin):
        alone.update(texts(read_page(html, url).statements))
    return alone


@cache
def contents(slug: str, skin: str) -> tuple[str, ...]:
    """Each statement page's content, in statement order (once for the module)."""
    return tuple(content(html) for _, html in statement_pages(BY_SLUG[slug], skin))


@pytest.mark.parametrize("report", SAMPLE, ids=lambda r: r.slug)
@pytest.mark.parametrize("grouping", ["by theme", "all nine"])
@pytest.mark.parametrize("skin", ["classic", "drupal"])
@pytest.mark.parametrize("layout", ["main", "table"])
def test_statements_sharing_a_page_read_as_on_their_own(
    report: Report, grouping: str, skin: str, layout: str
) -> None:
    alone = read_alone(report.slug, skin)
    assert len(alone) == 9
    bodies = contents(report.slug, skin)
    groups = (
        [
            [body for body, st in zip(bodies, STATEMENTS, strict=True) if st.theme == theme]
            for theme in (1, 2, 3, 4)
        ]
        if grouping == "by theme"
        else [list(bodies)]
    )
    together: dict[int, StatementReading] = {}
    readings = []
    for number, group in enumerate(groups, start=1):
        url = (
            f"{ORIGIN}/care-services/local-authority-assessment-reports/{report.slug}/part-{number}"  # type: ignore[attr-defined]
        )
        page = one_page("Statements", group, layout)
        reading = read_page(page, url)
        assert reading.page_kind == "statements"
        readings.append(reading)
        for statement in reading.statements:
            assert statement.number not in together, f"statement {statement.number} twice"
            together[statement.number] = statement
    assert texts(list(together.values())) == alone
    for number, statement in together.items():
        assert statement.unread == [], (number, statement.unread)
    # and the report assembled from them has every statement's texts, nothing lost
    assembly = assemble_report(report.slug, ORIGIN, readings)
    assert assembly.draft is not None
    assert {d.statement.number for d in assembly.draft.statement_details} == {
        n for n, s in alone.items() if s.has_text and s.score is not None
    }
