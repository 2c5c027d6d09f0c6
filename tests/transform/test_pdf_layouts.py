"""Report PDFs in layouts neither mirror engine uses: the parser must read them by their text.

Each layout is drawn here line by line with reportlab's canvas (so nothing is left to a
layout engine): other fonts and sizes (body text larger than the headings, or one font and
size for everything), no running header or one of two rows, footers in other forms, the score
table as cells drawn out of order, as dotted "Name ..... 3" rows or as "Score: 3" lines,
hyphens instead of en dashes, other covers, the council named in one place only. Every layout
must give the record the classic mirror PDF gives, and a PDF without its rating, its % or one
of its nine scores must fail, naming what is missing.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

import pytest
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from mirror.build import SITE_DIR
from mirror.model import (
    RATING_LABELS,
    SCORE_LABELS,
    STATEMENTS,
    THEMES,
    Report,
    commitment,
    expectations,
    finding_paragraphs,
    fmt_date,
    load_reports,
    pdf_scores,
)
from mirror.model import placeholder_paragraph as placeholder
from transform.pdf_report import PdfParseError, parse_report_pdf
from transform.records import Report as Record

Style = tuple[str, float]  # font name, size in points
REPORTS = {r.slug: r for r in load_reports() if not r.pilot}
# Stoke: "lead healthier lives"; Harrow: "Partnership and communities", a two-word rating;
# Southend: its PDF's deliberately lower Safeguarding score.
SAMPLE = ("stokeontrent-0625", "harrow-0824", "southendonsea-0825")


@dataclass(frozen=True)
class Layout:
    """How a report is printed; the defaults are one more ordinary layout."""

    body: Style = ("Helvetica", 10.0)
    title: Style = ("Helvetica-Bold", 20.0)
    heading: Style = ("Helvetica-Bold", 15.0)  # "Overall summary", statement names
    label: Style = ("Helvetica-Bold", 12.0)  # "What people expect", ...
    subheading: Style = ("Helvetica-Bold", 10.0)  # key findings' sub-headings, themes
    page: tuple[float, float] = A4
    margin: float = 60.0
    leading: float = 1.3  # line spacing, times the font size
    paragraph_gap: float = 0.7  # extra space after a paragraph, times the body's line spacing
    header: Callable[[Report], list[str]] | None = None  # rows at the top of every page
    footer: Callable[[int, int], str] | None = lambda n, total: f"Page {n} of {total}"
    dash: str = "\u2013"
    table: str = "cells"  # "cells" | "dotted" | "score-lines"
    statement_heading: str = "{name}"
    score_line: str = "Score: {score}"
    cover: Callable[[Report], list[str]] = lambda r: [f"{r.name}: local authority assessment"]
    published: str = "Published: {date}"
    council_under_label: bool = True
    council_in_pct: bool = True
    bullet: str = ""
    hyphenate: bool = False  # break a hyphenated word at its hyphen when it does not fit
    theme: str = "{theme}"
    statement_on_new_page: bool = True
    omit: frozenset[str] = field(default_factory=frozenset)  # "rating", "pct", "score 7"
    section_score_change: int = 0  # added to statement 1's score in its own section


@dataclass
class _Page:
    rows: list[tuple[Style, float, float, str]] = field(default_factory=list)  # x, y, text


class _Drawing:
    """Lines placed on pages top to bottom, wrapped and broken over pages as a writer would."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.width, self.height = layout.page
        self.pages: list[_Page] = []
        self.y = 0.0
        self.new_page()

    def new_page(self) -> None:
        self.pages.append(_Page())
        self.y = self.layout.margin

    def line(self, style: Style, text: str, x: float | None = None) -> None:
        step = style[1] * self.layout.leading
        if self.y + step > self.height - self.layout.margin:
            self.new_page()
        self.y += step
        self.place(style, self.layout.margin if x is None else x, text)

    def place(self, style: Style, x: float, text: str) -> None:
        self.pages[-1].rows.append((style, x, self.y, text))

    def wrap(self, style: Style, text: str, indent: float = 0.0) -> list[str]:
        width = self.width - 2 * self.layout.margin - indent
        lines: list[str] = []
        current = ""
        for word in text.split():
            candidate = f"{current} {word}" if current else word
            if not current or stringWidth(candidate, *style) <= width:
                current = candidate
                continue
            head, hyphen, tail = word.partition("-")
            fits = stringWidth(f"{current} {head}-", *style) <= width
            if self.layout.hyphenate and hyphen and tail and fits:
                lines.append(f"{current} {head}-")
                current = tail
                continue
            lines.append(current)
            current = word
        return [*lines, current]

    def paragraph(self, text: str, style: Style | None = None, bullet: str = "") -> None:
        style = style or self.layout.body
        indent = stringWidth(bullet, *style) if bullet else 0.0
        for n, line in enumerate(self.wrap(style, text, indent)):
            if n == 0 and bullet:
                self.line(style, bullet + line)
            else:
                self.line(style, line, self.layout.margin + indent)
        self.space(self.layout.paragraph_gap * self.layout.body[1] * self.layout.leading)

    def heading(self, text: str, style: Style) -> None:
        """A heading never left alone at the foot of a page."""
        if (
            self.y + 4 * self.layout.body[1] * self.layout.leading
            > self.height - self.layout.margin
        ):
            self.new_page()
        self.space(0.5 * style[1])
        self.paragraph(text, style)

    def space(self, points: float) -> None:
        self.y += points

    def render(self, r: Report) -> bytes:
        buf = io.BytesIO()
        canvas = Canvas(buf, pagesize=self.layout.page, invariant=1)
        total = len(self.pages)
        for n, page in enumerate(self.pages, start=1):
            furniture: list[tuple[float, str]] = []
            if self.layout.header and n > 1:
                for k, text in enumerate(self.layout.header(r)):
                    furniture.append((self.layout.margin / 2 + 10 * k, text))
            if self.layout.footer:
                furniture.append(
                    (self.height - self.layout.margin / 2, self.layout.footer(n, total))
                )
            for y, text in furniture:
                canvas.setFont("Helvetica", 8)
                canvas.drawString(self.layout.margin, self.height - y, text)
            for (font, size), x, y, text in page.rows:
                canvas.setFont(font, size)
                canvas.drawString(x, self.height - y, text)
            canvas.showPage()
        canvas.save()
        return buf.getvalue()


def build_pdf(r: Report, layout: Layout) -> bytes:
    """The report in `layout`: the mirror's facts and prose, as `mirror.pdf` prints them."""
    d = _Drawing(layout)
    scores = pdf_scores(r)
    dash = layout.dash
    d.space(150)
    for line in layout.cover(r):
        d.paragraph(line, layout.title)
    d.paragraph(layout.published.format(date=fmt_date(r.published)))
    d.paragraph("[placeholder] A layout drawn by the tests; all prose is placeholder text.")
    d.new_page()

    d.heading("Overall summary", layout.heading)
    d.heading("Local authority rating and score", layout.label)
    if layout.council_under_label:
        d.paragraph(r.name)
    if "rating" not in layout.omit:
        d.paragraph(f"{r.rating} {dash} {RATING_LABELS[r.rating]}")
    if "pct" not in layout.omit:
        named = f" for {r.name}" if layout.council_in_pct else ""
        d.paragraph(f"Overall rating{named}: {r.pct}%")
    d.heading("Quality statement scores", layout.label)
    rows = [
        (r.statement_name(st), scores[st.number - 1])
        for st in STATEMENTS
        if f"score {st.number}" not in layout.omit
    ]
    if layout.table == "cells":  # two cells a row, the score drawn before the name
        d.line(layout.subheading, "Score", d.width - layout.margin - 60)
        d.place(layout.subheading, layout.margin, "Quality statement")
        for name, score in rows:
            d.line(layout.body, str(score), d.width - layout.margin - 60)
            d.place(layout.body, layout.margin, name)
    elif layout.table == "dotted":
        for name, score in rows:
            d.line(layout.body, f"{name} {'.' * (60 - len(name))} {score}")
    else:  # "score-lines"
        for name, score in rows:
            d.line(layout.body, name)
            d.paragraph(f"Score: {score}")
    d.space(layout.body[1])
    d.heading("Summary of people's experiences", layout.label)
    d.paragraph(placeholder(r.index, 5))
    d.heading("Summary of strengths, areas for development and next steps", layout.label)
    d.paragraph(placeholder(r.index + 1, 5))

    for st in STATEMENTS:
        score = scores[st.number - 1]
        assert score is not None
        if layout.statement_on_new_page:
            d.new_page()
        d.heading(layout.theme.format(n=st.theme, theme=THEMES[st.theme]), layout.subheading)
        name = r.statement_name(st)
        d.heading(layout.statement_heading.format(n=st.number, name=name), layout.heading)
        if f"score {st.number}" not in layout.omit:
            printed = score + layout.section_score_change * (st.number == 1)
            d.paragraph(layout.score_line.format(score=printed))
            d.paragraph(f"{score} {dash} {SCORE_LABELS[score]}")
        d.heading("What people expect", layout.label)
        for expectation in expectations(st):
            d.paragraph(expectation, bullet=layout.bullet)
        d.heading("The local authority commitment", layout.label)
        d.paragraph(commitment(st))
        d.heading("Key findings for this quality statement", layout.label)
        for sub, paragraphs in finding_paragraphs(r, st):
            d.heading(sub, layout.subheading)
            for p in paragraphs:
                d.paragraph(p)
    return d.render(r)


LAYOUTS: dict[str, Layout] = {
    "body-larger-than-headings": Layout(
        body=("Times-Roman", 13.0),
        title=("Times-Bold", 12.0),
        heading=("Times-Bold", 11.0),
        label=("Times-BoldItalic", 10.0),
        subheading=("Times-Italic", 9.0),
        page=LETTER,
        footer=lambda n, total: f"Page {n}",
        council_in_pct=False,  # the council: the line under "Local authority rating and score"
        statement_heading="Quality statement: {name}",
    ),
    "one-font-one-size": Layout(
        body=("Courier", 10.0),
        title=("Courier", 10.0),
        heading=("Courier", 10.0),
        label=("Courier", 10.0),
        subheading=("Courier", 10.0),
        header=lambda r: [r.name],
        footer=lambda n, total: str(n),
        table="score-lines",
    ),
    "dotted-rows-hyphens-two-row-header": Layout(
        dash="-",
        table="dotted",
        header=lambda r: ["Care Quality Commission", f"Local authority assessment | {r.name}"],
        footer=lambda n, total: f"- {n} -",
        statement_heading="Quality statement {n}: {name}",
        score_line="Score {score}",
        bullet="\u2022 ",
        theme="Theme {n}: {theme}",
        margin=90.0,
    ),
    "council-in-running-header-only": Layout(
        cover=lambda r: ["Local authority assessment report"],
        published="Date of publication: {date}",
        header=lambda r: [f"Adult social care assessment \u2013 {r.name}"],
        footer=lambda n, total: f"{n} / {total}",
        council_under_label=False,
        council_in_pct=False,
        statement_on_new_page=False,
        table="score-lines",
        paragraph_gap=0.4,
    ),
    "hyphenated-line-ends": Layout(
        hyphenate=True,
        margin=110.0,
        body=("Times-Roman", 11.0),
        footer=lambda n, total: f"page {n} of {total}",
    ),
    "council-on-cover-only": Layout(
        cover=lambda r: [f"Local authority assessment report: {r.name}"],
        header=None,
        council_under_label=False,
        council_in_pct=False,
        body=("Helvetica", 11.5),
        leading=1.45,
        statement_on_new_page=False,
    ),
}


@cache
def classic(slug: str) -> Record:
    r = REPORTS[slug]
    return parse_report_pdf((SITE_DIR / r.pdf_path.lstrip("/")).read_bytes(), r.pdf_path)


def comparable(record: Record) -> dict[str, Any]:
    dump = record.model_dump(exclude={"slug", "report_url"})
    for detail in dump["statement_details"]:
        del detail["url"]
    return dump


@pytest.mark.parametrize("slug", SAMPLE)
@pytest.mark.parametrize("name", list(LAYOUTS))
def test_every_layout_gives_the_classic_pdfs_record(name: str, slug: str) -> None:
    r = REPORTS[slug]
    record = parse_report_pdf(build_pdf(r, LAYOUTS[name]), "https://example.org/report.pdf")
    assert record.la_name == r.name
    assert (record.overall_rating, record.overall_score_pct) == (r.rating, r.pct)
    assert tuple(s.score for s in record.quality_statements) == pdf_scores(r)
    assert record.published_on == r.published
    assert len(record.statement_details) == 9
    assert comparable(record) == comparable(classic(slug))


def test_the_layouts_really_differ() -> None:
    """What each layout is meant to exercise is really in its PDF's text layer."""
    from transform.pdf_text import read_text_lines

    r = REPORTS["stokeontrent-0625"]
    text = {name: read_text_lines(build_pdf(r, layout)).pages for name, layout in LAYOUTS.items()}
    larger = text["body-larger-than-headings"]
    sizes = {line.text: line.size for page in larger for line in page}
    assert sizes["What people expect"] < sizes["Overall summary"] < sizes[r.name]
    one = text["one-font-one-size"]
    assert {line.style for page in one for line in page if line.size == 10.0} == {("Courier", 10.0)}
    dotted = [line.text for page in text["dotted-rows-hyphens-two-row-header"] for line in page]
    assert any(line.startswith("Assessing needs ....") for line in dotted)
    assert "2 - Evidence shows some shortfalls" in dotted and "- 3 -" in dotted
    header_only = [line.text for page in text["council-in-running-header-only"] for line in page]
    naming = [line for line in header_only if r.name in line]
    assert naming and all(line.startswith("Adult social care assessment") for line in naming)
    hyphenated = [line.text for page in text["hyphenated-line-ends"] for line in page]
    assert sum(line.endswith(("long-", "short-", "well-")) for line in hyphenated) > 10
    cover_only = text["council-on-cover-only"]
    assert any(r.name in line.text for line in cover_only[0])
    assert not any(r.name in line.text for page in cover_only[1:] for line in page)


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/files/Final%20report%20(v2).pdf",
        "https://www.cqc.org.uk/sites/default/files/2025-06/stokeontrent-0625-local-authority-assessment.pdf",
    ],
)
def test_slug_from_the_file_name_or_its_stem(url: str) -> None:
    record = parse_report_pdf(build_pdf(REPORTS["stokeontrent-0625"], Layout()), url)
    expected = "stokeontrent-0625" if "local-authority" in url else "Final%20report%20(v2)"
    assert (record.slug, record.report_url) == (expected, url)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"omit": frozenset({"rating"})}, "no overall rating"),
        ({"omit": frozenset({"pct"})}, "no overall %"),
        (
            {"omit": frozenset({"score 7"})},
            "8 of the nine scores: none for statement 7 (Safeguarding)",
        ),
        (
            {"omit": frozenset({"score 2", "score 9"})},
            "7 of the nine scores: none for statement "
            "2 (Supporting people to live healthier lives), "
            "9 (Learning, improvement and innovation)",
        ),
        (
            {"section_score_change": 1},
            "statement 1 (Assessing needs) scored differently in the PDF: 2, 3",
        ),
        (
            {"omit": frozenset({"pct"}), "council_under_label": False, "cover": lambda r: []},
            "no overall %",
        ),
    ],
    ids=["no-rating", "no-pct", "eight-scores", "seven-scores", "disagreeing-score", "bare"],
)
def test_a_pdf_lacking_a_headline_fact_names_it(change: dict[str, Any], reason: str) -> None:
    r = REPORTS["stokeontrent-0625"]
    for layout in (Layout(), LAYOUTS["dotted-rows-hyphens-two-row-header"]):
        with pytest.raises(PdfParseError) as info:
            parse_report_pdf(build_pdf(r, replace(layout, **change)), "x.pdf")
        assert info.value.reason.endswith(reason)


def test_a_pdf_naming_no_council_anywhere_says_so() -> None:
    layout = replace(
        Layout(), council_under_label=False, council_in_pct=False, cover=lambda r: ["Report"]
    )
    with pytest.raises(PdfParseError) as info:
        parse_report_pdf(build_pdf(REPORTS["stokeontrent-0625"], layout), "x.pdf")
    assert info.value.reason == "no council named (rating line, title or running header)"
