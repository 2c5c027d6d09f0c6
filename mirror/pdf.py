"""Report PDFs for the offline mirror, laid out like CQC's downloadable assessment reports.

Real reports are long PDFs whose sections run across page breaks under a running header and a
"Page X of Y" footer; the PDF parser must cope with that, so these files do too. Names, dates,
ratings and scores are the mirror's real data (`mirror.model.Report`); all prose is placeholder
and says so. Output is deterministic (fixed creation date and document id, no randomness), so
rebuilding the mirror gives byte-identical files. This is the classic skin's PDF engine.

`broken_pdfs` makes the deliberately broken files for the parser's error paths (every skin
writes the same ones, in its own folder).
"""

from __future__ import annotations

from datetime import UTC, datetime

from fpdf import FPDF

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

# A fixed timestamp: a real one would make every rebuild differ.
CREATION_DATE = datetime(2025, 10, 31, tzinfo=UTC)
BODY_SIZE = 10.5
LINE_H = 5.5  # mm, body line height
PARA_GAP = 3.0  # mm of extra space after a paragraph: the parser splits paragraphs on it


def latin1(text: str) -> str:
    """Core PDF fonts cover latin-1 only; anything else becomes '?' rather than failing."""
    text = text.replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    return text.encode("latin-1", "replace").decode("latin-1")


# Word widths by (style, size, word): measuring is most of the build time and words repeat.
_WIDTHS: dict[tuple[str, float, str], float] = {}


class _ReportPdf(FPDF):
    def __init__(self, council: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.council = latin1(council)
        self.set_margins(20, 25, 20)
        self.set_auto_page_break(auto=True, margin=22)

    def header(self) -> None:
        self.set_font("Helvetica", "", 8)
        self.set_text_color(90, 90, 90)
        self.set_xy(20, 10)
        self.cell(0, 5, self.council, align="L")
        self.set_text_color(0, 0, 0)
        self.set_xy(20, 25)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="C")
        self.set_text_color(0, 0, 0)

    # ------------------------------------------------------------ blocks

    def lines(self, text: str, h: float) -> None:
        """Greedy word wrap in the current font (fpdf2's multi_cell is ~20x slower)."""
        width, space = self.epw, self.get_string_width(" ")
        line, used = "", 0.0
        for word in latin1(text).split():
            key = (self.font_style, self.font_size_pt, word)
            w = _WIDTHS.get(key)
            if w is None:
                w = _WIDTHS[key] = self.get_string_width(word)
            if line and used + space + w > width:
                self.cell(0, h, line, new_x="LMARGIN", new_y="NEXT")
                line, used = word, w
            else:
                line, used = (f"{line} {word}", used + space + w) if line else (word, w)
        self.cell(0, h, line, new_x="LMARGIN", new_y="NEXT")

    def heading(self, text: str, size: float, space_before: float = 4.0) -> None:
        self.ln(space_before)
        self.set_font("Helvetica", "B", size)
        self.lines(text, size * 0.5)
        self.ln(2)

    def para(self, text: str, style: str = "") -> None:
        self.set_font("Helvetica", style, BODY_SIZE)
        self.lines(text, LINE_H)
        self.ln(PARA_GAP)


def build_report_pdf(r: Report, paragraphs_per_heading: int = 3) -> bytes:
    """The downloadable PDF of one formal report (longer with more paragraphs per finding
    heading: the benchmark uses that for a 40-page report)."""
    pdf = _ReportPdf(r.name)
    scores = pdf_scores(r)
    pdf.set_creation_date(CREATION_DATE)
    pdf.set_producer("cqc-warehouse offline mirror")
    pdf.set_creator("mirror/pdf.py")
    pdf.set_title(latin1(f"{r.name}: local authority assessment"))
    pdf.set_author("Care Quality Commission (offline mirror)")
    pdf.alias_nb_pages("{nb}")

    # cover
    pdf.add_page()
    pdf.ln(40)
    pdf.heading(f"{r.name}: local authority assessment", 22)
    pdf.para(f"Published: {fmt_date(r.published)}")
    pdf.para(
        "[placeholder] Offline mirror. This document is part of an offline mirror of cqc.org.uk "
        "built for testing. Names, dates, ratings and scores come from published results; all "
        "prose is placeholder text written for the mirror.",
        "I",
    )

    # contents
    pdf.add_page()
    pdf.heading("Contents", 16, 0)
    pdf.para("Overall summary")
    for st in STATEMENTS:
        pdf.para(f"{THEMES[st.theme]}: {r.statement_name(st)}")

    # overall summary
    pdf.add_page()
    pdf.heading("Overall summary", 16, 0)
    pdf.heading("Local authority rating and score", 13)
    pdf.para(r.name)
    pdf.para(f"{r.rating}: {RATING_LABELS[r.rating]}", "B")
    pdf.para(f"Overall rating for {r.name}: {r.pct}%")
    pdf.heading("Quality statement scores", 13)
    pdf.set_font("Helvetica", "B", BODY_SIZE)
    pdf.cell(140, 7, "Quality statement", border=1)
    pdf.cell(30, 7, "Score", border=1, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", BODY_SIZE)
    for st in STATEMENTS:
        pdf.cell(140, 7, latin1(r.statement_name(st)), border=1)
        pdf.cell(30, 7, str(scores[st.number - 1]), border=1, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(PARA_GAP)
    pdf.heading("Summary of people's experiences", 13)
    pdf.para(placeholder_paragraph(r.index, 5))
    pdf.heading("Summary of strengths, areas for development and next steps", 13)
    pdf.para(placeholder_paragraph(r.index + 1, 5))

    # one section per statement, each starting on a new page and flowing over page breaks
    for st in STATEMENTS:
        score = scores[st.number - 1]
        assert score is not None  # formal reports always have all nine scores
        pdf.add_page()
        pdf.set_font("Helvetica", "I", 11)
        pdf.lines(THEMES[st.theme], 6)
        pdf.heading(r.statement_name(st), 16, 2)
        pdf.para(f"Score: {score}", "B")
        pdf.para(f"{score} - {SCORE_LABELS[score]}")
        pdf.heading("What people expect", 13)
        for e in expectations(st):
            pdf.para(e)
        pdf.heading("The local authority commitment", 13)
        pdf.para(commitment(st))
        pdf.heading("Key findings for this quality statement", 13)
        for h, paras in finding_paragraphs(r, st, paragraphs_per_heading):
            pdf.heading(h, 11.5, 2)
            for p in paras:
                pdf.para(p)
    return bytes(pdf.output())


def build_no_text_pdf() -> bytes:
    """A PDF with drawn shapes but no text layer, like a scan without OCR."""
    pdf = FPDF(unit="mm", format="A4")
    pdf.set_creation_date(CREATION_DATE)
    pdf.set_producer("cqc-warehouse offline mirror")
    pdf.add_page()
    for i in range(30):
        pdf.set_fill_color(40 + i * 5, 40 + i * 5, 40 + i * 5)
        pdf.rect(20, 20 + i * 8, 60 + (i * 37) % 110, 4, style="F")
    return bytes(pdf.output())


def broken_pdfs(good: bytes) -> dict[str, bytes]:
    """File name -> bytes of the deliberately broken PDFs (for parser error paths)."""
    html = (
        b"<!DOCTYPE html>\n<html><head><title>Page not found</title></head>"
        b"<body><h1>Page not found</h1></body></html>\n"
    )
    return {
        "truncated-local-authority-assessment.pdf": good[: len(good) // 2],
        "not-a-pdf-local-authority-assessment.pdf": html,
        "no-text-layer-local-authority-assessment.pdf": build_no_text_pdf(),
    }
