"""Parse a downloaded local authority assessment report PDF into a `Report`.

Pure: bytes in, records out. The PDF is a second source for what the HTML pages say, laid out
for print: a running header (the council name) and a "Page X of Y" footer on every page, and
sections that run across page breaks. Text is read line by line with its font and position
(pdfplumber), the header and footer bands are dropped, lines are grouped into blocks by vertical
gaps and font, and a block split by a page break is joined again. Every failure becomes a
`PdfParseError` naming the source and a one-line reason, never a pdfminer traceback.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import re
import time
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import PurePosixPath
from urllib.parse import urlsplit

import pdfplumber

from transform.errors import PageParseError
from transform.quality_statements import UnknownStatementError, canonical_statement
from transform.ratings import UnknownRatingError, normalise_rating
from transform.records import (
    KeyFinding,
    QualityStatementDetail,
    QualityStatementScore,
    Report,
)

HEADER_BAND = 0.07  # top share of the page holding the running header
FOOTER_BAND = 0.92  # lines starting below this share of the height are footer
_PAGE_X_OF_Y = re.compile(r"^Page \d+ of \d+$")
_PUBLISHED = re.compile(r"Published:\s*(\d{1,2} [A-Z][a-z]+ \d{4})")
_OVERALL = re.compile(r"^Overall rating for (.+?):\s*(\d{1,3})\s*%$")
_TITLE = re.compile(r"^(.+?):\s*local authority assessment$", re.IGNORECASE)
_SCORE_ROW = re.compile(r"^(.+?)\s+([0-9])$")
_SCORE_LINE = re.compile(r"^Score:\s*([0-9])$")
_SCORE_LABEL = re.compile(r"^([1-4])\s*-\s*(Evidence shows .+)$")
_FILE = re.compile(r"^(.+)-local-authority-assessment\.pdf$")
BODY_MAX_SIZE = 11.0  # points: larger bold lines are headings
_END = re.compile(r"[.!?:;)\]\"']$")

SECTION_LABELS = {
    "what people expect": "expect",
    "the local authority commitment": "commitment",
    "key findings for this quality statement": "findings",
}


class PdfParseError(PageParseError):
    """A report PDF that cannot be read or lacks what a report must have."""


@dataclass
class Block:
    """Consecutive lines in one font: a heading or a paragraph."""

    text: str
    bold: bool
    italic: bool
    size: float
    page: int


def _slug(source: str) -> str:
    name = PurePosixPath(urlsplit(source).path).name
    m = _FILE.match(name)
    return m.group(1) if m else name.removesuffix(".pdf")


def _join_line(text: str, line: str) -> str:
    """Append a line; a line-end hyphen is kept but not followed by a space ("long-term")."""
    if not text:
        return line
    if text.endswith("-") and len(text) > 1 and text[-2].isalpha():
        return text + line
    return f"{text} {line}"


def _style(chars: list[dict]) -> tuple[bool, bool, float]:
    c = next((c for c in chars if c["text"].strip()), chars[0])
    font = str(c.get("fontname", "")).lower()
    return "bold" in font, "oblique" in font or "italic" in font, round(float(c["size"]), 1)


def _blocks(pdf: pdfplumber.PDF, source: str) -> list[Block]:
    """Body text of every page as blocks, header/footer removed, page-split paragraphs joined."""
    blocks: list[Block] = []
    any_text = False
    for n, page in enumerate(pdf.pages, start=1):
        try:
            lines = page.extract_text_lines(return_chars=True, strip=True)
        finally:
            page.close()
        height = float(page.height)
        prev_top: float | None = None
        for ln in lines:
            text = re.sub(r"\s+", " ", ln["text"]).strip()
            if not text:
                continue
            any_text = True
            top = float(ln["top"])
            if top < height * HEADER_BAND or top > height * FOOTER_BAND:
                continue
            if _PAGE_X_OF_Y.match(text):
                continue
            bold, italic, size = _style(ln["chars"])
            last = blocks[-1] if blocks else None
            same = last is not None and (last.bold, last.italic, last.size) == (bold, italic, size)
            if last is not None and same and prev_top is not None:
                # same page: a gap wider than ~1.8 lines starts a new block
                if top - prev_top <= size * 1.8:
                    last.text = _join_line(last.text, text)
                    prev_top = top
                    continue
            elif (
                last is not None
                and same
                and not bold
                and (not _END.search(last.text) or text[:1].islower())
            ):
                # first line of a page continues the last paragraph if that stopped
                # mid-sentence or this line starts in lower case
                last.text = _join_line(last.text, text)
                prev_top = top
                continue
            blocks.append(Block(text, bold, italic, size, n))
            prev_top = top
    if not any_text:
        raise PdfParseError(source, "no text layer (scanned?)")
    return blocks


def _open(data: bytes, source: str) -> pdfplumber.PDF:
    head = data[:1024].lstrip()
    if not head.startswith(b"%PDF-"):
        raise PdfParseError(source, "not a PDF")
    if b"%%EOF" not in data[-2048:]:
        raise PdfParseError(source, "truncated or damaged PDF (no end-of-file marker)")
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        _ = pdf.pages  # parses the page tree: damage shows up here
    except Exception as exc:  # pdfminer raises many unrelated types
        raise _wrap(exc, source) from exc
    return pdf


def _wrap(exc: Exception, source: str) -> PdfParseError:
    """A one-line PdfParseError for a pdfminer/pdfplumber exception (which may wrap another)."""
    chain: list[BaseException] = [exc, *(a for a in exc.args if isinstance(a, BaseException))]
    if exc.__context__ is not None:
        chain.append(exc.__context__)
    kind = " ".join(f"{type(e).__name__} {e}" for e in chain).lower()
    if "password" in kind or "encrypt" in kind:
        return PdfParseError(source, "encrypted PDF")
    inner = chain[-1]
    text = str(inner).strip()
    detail = type(inner).__name__
    if text:
        detail += f": {text.splitlines()[0][:120]}"
    return PdfParseError(source, f"truncated or damaged PDF ({detail})")


def _published(blocks: list[Block]) -> date | None:
    for b in blocks[:20]:
        m = _PUBLISHED.search(b.text)
        if m:
            return datetime.strptime(m.group(1), "%d %B %Y").date()
    return None


def parse_report_pdf(data: bytes, source: str) -> Report:
    """The report a PDF holds; `source` is its URL (the slug comes from the file name)."""
    return _parse(data, source)[0]


def _parse(data: bytes, source: str) -> tuple[Report, int]:
    pdf = _open(data, source)
    try:
        with pdf:
            page_count = len(pdf.pages)
            blocks = _blocks(pdf, source)
    except PdfParseError:
        raise
    except Exception as exc:
        raise _wrap(exc, source) from exc
    return _report(blocks, source), page_count


@dataclass(frozen=True)
class PdfReading:
    """One PDF's parse: the report or why there is none, and what it cost. Picklable, so a
    process pool can hand it back."""

    source: str
    sha256: str
    report: Report | None
    error: str | None  # the PdfParseError reason when report is None
    page_count: int | None
    seconds: float

    @classmethod
    def failed(cls, source: str, reason: str) -> PdfReading:
        """A parse that never came to an answer (its worker died, it overran its time)."""
        return cls(source, "", None, reason, None, 0.0)

    @property
    def finished(self) -> bool:
        """Whether the parser gave an answer (a report or a PdfParseError): only such
        readings are cached; a crash or timeout is tried again next time."""
        return bool(self.sha256)


def read_report_pdf(data: bytes, source: str) -> PdfReading:
    """`parse_report_pdf` for batch use: a bad PDF is a PdfReading with `error`, not a raise."""
    started = time.perf_counter()
    sha256 = hashlib.sha256(data).hexdigest()
    try:
        report, page_count = _parse(data, source)
    except PdfParseError as exc:
        return PdfReading(source, sha256, None, exc.reason, None, time.perf_counter() - started)
    return PdfReading(source, sha256, report, None, page_count, time.perf_counter() - started)


def _report(blocks: list[Block], source: str) -> Report:
    la_name = next((m.group(1) for b in blocks[:10] if (m := _TITLE.match(b.text))), None)
    if la_name is None:
        raise PdfParseError(source, "no '<council>: local authority assessment' title found")
    try:
        start = next(i for i, b in enumerate(blocks) if b.bold and b.text == "Overall summary")
    except StopIteration:
        raise PdfParseError(source, "no 'Overall summary' section found") from None

    rating = None
    pct = None
    scores: list[QualityStatementScore] = []
    experience: list[str] = []
    heading = ""
    i = start + 1
    while i < len(blocks) and not (blocks[i].bold and blocks[i].size > 14):
        b = blocks[i]
        if b.bold and b.size > BODY_MAX_SIZE:
            heading = b.text.lower().replace("\u2019", "'")
        elif heading == "summary of people's experiences" and not b.bold:
            experience.append(b.text)
        if rating is None and b.bold and not scores:
            with contextlib.suppress(UnknownRatingError):
                rating, _ = normalise_rating(b.text)
        if pct is None and (m := _OVERALL.match(b.text)):
            pct = int(m.group(2))
        if (m := _SCORE_ROW.match(b.text)) and not b.bold:
            try:
                st = canonical_statement(m.group(1))
            except UnknownStatementError:
                pass
            else:
                scores.append(
                    QualityStatementScore(
                        number=st.number,
                        name=st.name,
                        theme=st.theme,
                        score=int(m.group(2)),
                        published_name=m.group(1),
                    )
                )
        i += 1
    if rating is None:
        raise PdfParseError(source, "no overall rating found")
    if pct is None:
        raise PdfParseError(source, "no 'Overall rating for <council>: NN%' line found")
    if len(scores) != 9 or len({s.number for s in scores}) != 9:
        raise PdfParseError(source, f"score table has {len(scores)} of the nine statements")
    scores.sort(key=lambda s: s.number)

    return Report(
        slug=_slug(source),
        report_url=source,
        la_name=la_name,
        assessment_kind="formal",
        indicative=False,
        published_on=_published(blocks),
        page_last_updated=None,
        overall_rating=rating,
        overall_score_pct=pct,
        quality_statements=scores,
        statement_details=_details(blocks[i:], scores, source),
        people_experience=experience,
    )


def _details(
    blocks: list[Block], scores: list[QualityStatementScore], source: str
) -> list[QualityStatementDetail]:
    """One detail per statement section: a large bold heading naming a statement."""
    by_number = {s.number: s for s in scores}
    details: list[QualityStatementDetail] = []
    section: dict | None = None

    def close() -> None:
        if section is not None:
            details.append(
                QualityStatementDetail(
                    statement=section["statement"],
                    score_label=section["label"],
                    what_people_expect=section["expect"],
                    commitment=" ".join(section["commitment"]) or None,
                    key_findings=section["findings"],
                    url=source,
                )
            )

    part = None
    heading: str | None = None
    for b in blocks:
        if b.bold and b.size > 14:
            try:
                st = canonical_statement(b.text)
            except UnknownStatementError:
                continue
            close()
            section = {
                "statement": by_number[st.number],
                "label": None,
                "expect": [],
                "commitment": [],
                "findings": [],
            }
            part, heading = None, None
            continue
        if section is None or b.italic:  # italic: the next section's theme line
            continue
        if b.bold and b.text.lower() in SECTION_LABELS:
            part = SECTION_LABELS[b.text.lower()]
            continue
        if part is None:
            m = _SCORE_LABEL.match(b.text)
            if m:
                section["label"] = m.group(2)
            elif (m := _SCORE_LINE.match(b.text)) and int(m.group(1)) != section["statement"].score:
                raise PdfParseError(
                    source,
                    f"statement {section['statement'].number} says Score: {m.group(1)}, "
                    f"the summary table {section['statement'].score}",
                )
            continue
        if part == "expect":
            section["expect"].append(b.text.lstrip("\u2022- ").strip())
        elif part == "commitment":
            section["commitment"].append(b.text)
        elif b.bold:
            heading = b.text
        else:
            section["findings"].append(KeyFinding(heading=heading, text=b.text))
    close()
    return details
