"""A second layout of the mirror's report PDFs, made with reportlab instead of fpdf2.

Real CQC PDFs may be laid out in ways we have not seen (notes: "layout, fonts, file names and
cover wording are unknown"), so the parser must read facts from what lines say, never from font
sizes, bold or positions. This engine prints the SAME facts and the SAME prose as `mirror.pdf`
(`mirror.model`'s `finding_paragraphs`, `expectations`, `commitment`, `placeholder_paragraph`,
`pdf_scores`) in a structurally different layout: another cover wording (three variants by
report index), Times at 12 pt body / 13 pt headings (sub-headings as large as the body), a
two-line running header with other text, a "12 / 40" or "Page 12" footer, the score table as a
real `Table` with theme rows, "Score 3" instead of "Score: 3", en dashes in score labels, bullet
glyphs for "What people expect", and statement sections that flow on without page breaks.

Output is deterministic (`invariant=1`: fixed creation date and document id).

    build_report_pdf(r: mirror.model.Report) -> bytes
"""

from __future__ import annotations

import io
from html import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    ListFlowable,
    ListItem,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

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
    pdf_scores,
    placeholder_paragraph,
)

BODY = ParagraphStyle("body", fontName="Times-Roman", fontSize=12, leading=15, spaceAfter=7)
ITALIC = ParagraphStyle("italic", parent=BODY, fontName="Times-Italic")
BOLD_BODY = ParagraphStyle("boldbody", parent=BODY, fontName="Times-Bold")
COVER = ParagraphStyle(
    "cover", fontName="Times-Bold", fontSize=20, leading=25, spaceAfter=14, alignment=TA_CENTER
)
COVER_SUB = ParagraphStyle("coversub", parent=BODY, fontSize=14, leading=18, alignment=TA_CENTER)
PART = ParagraphStyle(  # "Overall summary", statement headings
    "part", fontName="Times-Bold", fontSize=15, leading=19, spaceBefore=14, spaceAfter=6
)
THEME = ParagraphStyle(
    "theme", fontName="Times-BoldItalic", fontSize=13, leading=16, spaceBefore=16, spaceAfter=2
)
LABEL = ParagraphStyle(  # "What people expect", ... : 13 pt, one point above the body
    "label", fontName="Times-Bold", fontSize=13, leading=16, spaceBefore=8, spaceAfter=4
)
SUBHEAD = ParagraphStyle(  # finding sub-headings: bold at body size, small gap below
    "subhead", fontName="Times-Bold", fontSize=12, leading=15, spaceBefore=4, spaceAfter=1
)
HEADER_TEXT = "Care Quality Commission"


def _p(text: str, style: ParagraphStyle = BODY) -> Paragraph:
    return Paragraph(escape(text), style)


def cover_lines(r: Report) -> tuple[str, str | None]:
    """(title, subtitle) of the cover: three wordings, none "<Council>: local authority
    assessment"; in the third the council is named only by the header and the summary."""
    variant = r.index % 3
    if variant == 0:
        return f"Local authority assessment report: {r.name}", "Adult social care (Care Act 2014)"
    if variant == 1:
        return f"{r.name} \u2013 assessment of adult social care", None
    return "Local authority assessment report", "How a council meets its Care Act 2014 duties"


def published_line(r: Report) -> str:
    if r.index % 2:
        return f"Date of publication: {fmt_date(r.published)}"
    return f"Published {fmt_date(r.published)}"


# reportlab ships no type information, so its Canvas is Any to mypy: subclassing it is the
# one thing strict mode flags here, and the way reportlab expects page furniture to be drawn.
class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Draws the running header and footer once the page count is known (second pass)."""

    council = ""
    footer_style = 0

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._states: list[dict[str, object]] = []  # each finished page's canvas state

    def showPage(self) -> None:  # reportlab's name
        self._states.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._states)
        for state in self._states:
            self.__dict__.update(state)
            self._furniture(total)
            super().showPage()
        super().save()

    def _furniture(self, total: int) -> None:
        n = self._pageNumber
        width, height = A4
        self.saveState()
        self.setFillColor(colors.HexColor("#555555"))
        if n > 1:  # no header on the cover
            self.setFont("Times-Italic", 9)
            self.drawString(18 * mm, height - 12 * mm, HEADER_TEXT)
            running = f"Adult social care assessment \u2013 {self.council}"
            self.drawRightString(width - 18 * mm, height - 12 * mm, running)
            self.setStrokeColor(colors.HexColor("#999999"))
            self.line(18 * mm, height - 14 * mm, width - 18 * mm, height - 14 * mm)
        self.setFont("Times-Roman", 9)
        text = f"{n} / {total}" if self.footer_style == 0 else f"Page {n}"
        self.drawRightString(width - 18 * mm, 10 * mm, text)
        self.restoreState()


def _score_table(r: Report, scores: tuple[int | None, ...]) -> Table:
    rows: list[list[str | Paragraph]] = [["Quality statement", "Score"]]
    style = [
        ("FONT", (0, 0), (-1, 0), "Times-Bold", 12),
        ("FONT", (0, 1), (-1, -1), "Times-Roman", 12),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#777777")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dddddd")),
        ("ALIGN", (1, 0), (1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    theme = None
    for st in STATEMENTS:
        if st.theme != theme:
            theme = st.theme
            style += [
                ("SPAN", (0, len(rows)), (1, len(rows))),
                ("FONT", (0, len(rows)), (1, len(rows)), "Times-Italic", 11),
                ("BACKGROUND", (0, len(rows)), (1, len(rows)), colors.HexColor("#f0f0f0")),
            ]
            rows.append([f"Theme {theme}: {THEMES[theme]}", ""])
        rows.append([r.statement_name(st), str(scores[st.number - 1])])
    return Table(rows, colWidths=[130 * mm, 30 * mm], style=TableStyle(style), hAlign="LEFT")


def _bullets(items: list[str]) -> ListFlowable:
    return ListFlowable(
        [ListItem(_p(e), leftIndent=14) for e in items],
        bulletType="bullet",
        start="\u2022",
        bulletFontName="Times-Roman",
        leftIndent=14,
    )


def _story(r: Report, paragraphs_per_heading: int) -> list[Flowable]:
    scores = pdf_scores(r)
    title, subtitle = cover_lines(r)
    story: list[Flowable] = [Spacer(1, 50 * mm), _p(title, COVER)]
    if subtitle:
        story.append(_p(subtitle, COVER_SUB))
    story += [
        Spacer(1, 10 * mm),
        _p(published_line(r), COVER_SUB),
        Spacer(1, 20 * mm),
        _p(
            "[placeholder] Offline mirror, second layout. This document is part of an offline "
            "mirror of cqc.org.uk built for testing. Names, dates, ratings and scores come from "
            "published results; all prose is placeholder text written for the mirror.",
            ITALIC,
        ),
        PageBreak(),
        _p("Overall summary", PART),
        _p("Local authority rating and score", LABEL),
        _p(r.name),
        _p(f"{r.rating} \u2013 {RATING_LABELS[r.rating]}", BOLD_BODY),
        _p(f"Overall rating for {r.name}: {r.pct}%"),
        _p("Quality statement scores", LABEL),
        _score_table(r, scores),
        Spacer(1, 4 * mm),
        _p("Summary of people\u2019s experiences", LABEL),
        _p(placeholder_paragraph(r.index, 5)),
        _p("Summary of strengths, areas for development and next steps", LABEL),
        _p(placeholder_paragraph(r.index + 1, 5)),
    ]
    theme = None
    for st in STATEMENTS:
        score = scores[st.number - 1]
        assert score is not None  # formal reports always have all nine scores
        head: list[Flowable] = []
        if st.theme != theme:
            theme = st.theme
            head.append(_p(f"Theme {theme}: {THEMES[theme]}", THEME))
        head += [
            _p(f"Quality statement {st.number}: {r.statement_name(st)}", PART),
            _p(f"Score {score}", BOLD_BODY),
            _p(f"{score} \u2013 {SCORE_LABELS[score]}"),
        ]
        story += [CondPageBreak(60 * mm), KeepTogether(head)]
        story += [_p("What people expect", LABEL), _bullets(expectations(st))]
        story += [_p("The local authority commitment", LABEL), _p(commitment(st))]
        story.append(_p("Key findings for this quality statement", LABEL))
        for h, paras in finding_paragraphs(r, st, paragraphs_per_heading):
            story += [KeepTogether([_p(h, SUBHEAD), _p(paras[0])]), *(_p(p) for p in paras[1:])]
    return story


def build_report_pdf(r: Report, paragraphs_per_heading: int = 3) -> bytes:
    """The downloadable PDF of one formal report in the second layout (same facts and prose
    as `mirror.pdf.build_report_pdf`)."""
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=22 * mm,
        rightMargin=22 * mm,
        topMargin=22 * mm,
        bottomMargin=20 * mm,
        title=f"Adult social care assessment \u2013 {r.name}",
        author="Care Quality Commission (offline mirror)",
        creator="mirror/pdf_reportlab.py",
        producer="cqc-warehouse offline mirror (reportlab)",
        subject="Local authority assessment",
        invariant=1,
    )

    class _Canvas(_NumberedCanvas):
        council = r.name
        footer_style = r.index % 2

    doc.build(_story(r, paragraphs_per_heading), canvasmaker=_Canvas)
    return buf.getvalue()
