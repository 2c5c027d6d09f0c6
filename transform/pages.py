"""Report pages: classify by content, then parse into typed records.

Everything is anchored on visible labels ("Quality statement scores", "Score: 2", ...), never
on classes or URL shapes, because the real markup is unknown. A page that does not read as
expected raises `PageParseError` naming the URL and the reason: fail loudly, per page.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

from transform.errors import PageParseError
from transform.facts import parse_fact
from transform.links import download_links, report_links
from transform.listing import parse_listing
from transform.quality_statements import (
    Statement,
    UnknownStatementError,
    canonical_statement,
    find_statement,
)
from transform.ratings import UnknownRatingError, normalise_rating
from transform.records import (
    AboutPage,
    AssessmentKind,
    KeyFinding,
    ListingPage,
    PageKind,
    QualityStatementPage,
    QualityStatementScore,
    SummaryPage,
)
from transform.text import (
    DATE_PATTERN,
    Line,
    has_line,
    label_key,
    page_lines,
    parse_date,
    section_lines,
    shared_soup,
)

__all__ = ["PageParseError", "classify_page", "parse_page", "report_slug"]

LISTING_ROOT = "local-authority-assessment-reports"
_HEADER = re.compile(r"([^:]+?)\s*:\s*local authority assessment", re.IGNORECASE)
_SCORE = re.compile(r"\b(?:indicative\s+)?score\s*:\s*(.*)$", re.IGNORECASE)
_SCORE_LABEL = re.compile(
    r"\b[1-4]\s*[-\u2013\u2014:]\s*(evidence shows [a-z ]*?(?:standard|shortfalls))",
    re.IGNORECASE,
)
_PCT = re.compile(r"overall rating for\s+(.+?)\s*:\s*([^\s%]+)\s*%", re.IGNORECASE)
_RATING_LABELS = ("local authority rating and score", "local authority indicative rating")


@dataclass
class _Doc:
    """A page read once: soup, lines, and the joined text for label regexes."""

    soup: BeautifulSoup
    lines: list[Line]
    url: str | None

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def fail(self, reason: str) -> PageParseError:
        return PageParseError(self.url, reason)


@lru_cache(maxsize=8)
def _parsed(html: bytes | str) -> tuple[BeautifulSoup, list[Line]]:
    """Soup and lines of a page, cached so that classify_page + parse_page parse once.

    Callers never mutate either; the cache is small because pages arrive one at a time.
    """
    soup = shared_soup(html)
    return soup, page_lines(soup)


def _read(html: bytes | str, url: str | None) -> _Doc:
    soup, lines = _parsed(html)
    return _Doc(soup, lines, url)


# --- classification -------------------------------------------------------------------------


def _kind(doc: _Doc) -> PageKind | None:
    lines = doc.lines
    if any(
        line.tag == "h1" and line.key == "local authority assessment reports" for line in lines
    ) and has_line(lines, "Assessment reports"):
        return "listing"
    if any(has_line(lines, label) for label in _RATING_LABELS) and has_line(
        lines, "Quality statement scores"
    ):
        return "summary"
    has_score = any(_SCORE.search(line.text) for line in lines if not line.chrome)
    if has_line(lines, "Key findings for this quality statement") or (
        has_line(lines, "What people expect") and has_score
    ):
        return "quality_statement"
    if re.search(r"assessment published\s*:", doc.text, re.IGNORECASE) or (
        any(line.key.startswith("about ") for line in lines)
        and (has_line(lines, "Demographics") or has_line(lines, "Financial facts"))
    ):
        return "about"
    return None


def classify_page(html: bytes | str, url: str | None = None) -> PageKind:
    """What kind of page this is, judged by its content only; raise PageParseError if unknown."""
    kind = _kind(_read(html, url))
    if kind is None:
        raise PageParseError(url, "page is none of listing, about, summary, quality statement")
    return kind


# --- common metadata -----------------------------------------------------------------------


def _la_name(doc: _Doc) -> str:
    """The council named by the "<council>: local authority assessment" header.

    A whole-line header in the page body wins; then the `<title>` (whose other parts, such
    as "Overall summary - ", are cut at spaced dashes or bars); then page furniture.
    """
    body = [ln for ln in doc.lines if ln.tag != "title" and not ln.chrome]
    titles = [ln for ln in doc.lines if ln.tag == "title"]
    chrome = [ln for ln in doc.lines if ln.tag != "title" and ln.chrome]
    for group in (body, titles, chrome):
        for line in group:
            parts = (
                re.split(r"\s[-|\u2013\u2014]\s", line.text) if line.tag == "title" else [line.text]
            )
            for part in parts:
                match = _HEADER.fullmatch(part.strip())
                if match:
                    return match.group(1).strip()
    raise doc.fail('no "<council>: local authority assessment" header')


def _date_after(doc: _Doc, label: str) -> date | None:
    pattern = rf"(?<![A-Za-z] ){label}\s*:\s*({DATE_PATTERN})"
    match = re.search(pattern, doc.text, re.IGNORECASE)
    if match is None:
        return None
    try:
        return parse_date(match.group(1))
    except ValueError as exc:
        raise doc.fail(f"bad date after {label!r}: {match.group(1)!r}") from exc


def _link_paths(doc: _Doc, url: str) -> list[str]:
    host = urlsplit(url).netloc
    paths = []
    for anchor in doc.soup.find_all("a", href=True):
        parts = urlsplit(urljoin(url, str(anchor["href"])))
        if parts.netloc == host:
            paths.append(parts.path.rstrip("/"))
    return paths


def report_slug(page_url: str, linked_paths: list[str]) -> str:
    """The slug of the report a page belongs to: the last segment of its landing page's URL.

    Rule: under `.../local-authority-assessment-reports/`, the first segment after it names
    the report (pilots: `birmingham-cc/overall-summary` -> `birmingham-cc`). For a formal
    sub-page that segment is `<slug>-<suffix>`; the landing page is then the shortest linked
    sibling (or the page itself) whose last segment is that segment or a `-`-prefix of it:
    the report navigation links every family member, and the landing page's link is a prefix
    of all the others. Without the listing segment, the same sibling rule runs on the page's
    own last segment.
    """
    segments = [s for s in urlsplit(page_url).path.split("/") if s]
    lowered = [s.lower() for s in segments]
    last = len(segments) - 1
    index = lowered.index(LISTING_ROOT) + 1 if LISTING_ROOT in lowered[:-1] else last
    if index < 0:
        return ""
    own = segments[index]
    # Siblings share the parent segment; comparing only that keeps the rule working for a saved
    # copy whose path has more segments in front (`file:///home/me/.../reports/<slug>-summary`).
    parent = segments[index - 1].lower() if index > 0 else ""
    best = own
    for path in linked_paths:
        if posixpath.basename(posixpath.dirname(path)).lower() != parent:
            continue
        candidate = posixpath.basename(path)
        is_prefix = own.lower().startswith(candidate.lower() + "-")
        if is_prefix and len(candidate) < len(best):
            best = candidate
    return best


def _meta(doc: _Doc, url: str) -> dict[str, Any]:
    text = doc.text
    indicative = bool(re.search(r"\bindicative\b", text, re.IGNORECASE))
    pilot = indicative or bool(re.search(r"assessment start date\s*:", text, re.IGNORECASE))
    slug = report_slug(url, _link_paths(doc, url))
    kind: AssessmentKind = "pilot" if pilot else "formal"
    return {
        "url": url,
        "la_name": _la_name(doc),
        "slug": slug or None,
        "assessment_kind": kind,
        "indicative": indicative,
        "published_on": _date_after(doc, "Published") or _date_after(doc, "Assessment published"),
        "page_last_updated": _date_after(doc, "Page last updated"),
        "links": report_links(doc.soup, url, slug) if slug else [],
        "download_links": download_links(doc.soup, url),
    }


# --- scores --------------------------------------------------------------------------------


def _score_value(doc: _Doc, raw: str) -> int | None:
    """The number after "Score:"; None for a mirror placeholder; raise for anything else."""
    if "placeholder" in raw.lower():
        return None
    match = re.match(r"\s*(\d+)\b", raw)
    if match is None:
        raise doc.fail(f"score is not a number: {raw!r}")
    return int(match.group(1))


def _qs(statement: Statement, score: int, published: str) -> QualityStatementScore:
    return QualityStatementScore(
        number=statement.number,
        name=statement.name,
        theme=statement.theme,
        score=score,
        published_name=published,
    )


def _statement_scores(
    doc: _Doc, lines: list[Line]
) -> tuple[list[QualityStatementScore], list[str]]:
    """Pair each "Score: N" with the statement named in its line or the nearest line before."""
    scored: dict[int, QualityStatementScore] = {}
    unscored: dict[int, str] = {}
    pending: tuple[Statement, str] | None = None
    last_text: str | None = None
    for line in lines:
        match = _SCORE.search(line.text)
        bare = line.tag in ("td", "dd") and re.fullmatch(r"\d", line.text) and pending
        if not match and not bare:
            statement = find_statement(line.text)
            if statement is not None:
                pending = (statement, line.text)
            elif line.heading_level is None and line.key not in ("score", ""):
                last_text = line.text
            continue
        raw = match.group(1) if match else line.text
        before = line.text[: match.start()].strip(" :-|") if match else ""
        named = find_statement(before) if before else None
        current = (named, before) if named else pending
        if current is None:
            hint = before or last_text
            raise doc.fail(f"unknown quality statement name before {line.text!r}: {hint!r}")
        statement, published = current
        if statement.number in scored or statement.number in unscored:
            raise doc.fail(f"statement {statement.name!r} scored twice")
        value = _score_value(doc, raw)
        if value is None:
            unscored[statement.number] = statement.name
        else:
            scored[statement.number] = _qs(statement, value, published)
        pending = None
    ordered = [scored[n] for n in sorted(scored)]
    return ordered, [unscored[n] for n in sorted(unscored)]


# --- page parsers --------------------------------------------------------------------------


def _paragraphs(lines: list[Line] | None) -> list[str]:
    return [line.text for line in lines or [] if line.heading_level is None]


def _rating(doc: _Doc, la_name: str) -> tuple[str, str, bool]:
    lines = None
    for label in _RATING_LABELS:
        lines = section_lines(doc.lines, label)
        if lines is not None:
            break
    for line in lines or []:
        text = line.text
        key = label_key(text)
        if key == label_key(la_name) or key.startswith("overall rating for") or text.endswith(":"):
            continue
        if key.startswith(label_key(la_name)):
            text = text[len(la_name) :].strip(" :-")
        try:
            rating, indicative = normalise_rating(text)
        except UnknownRatingError as exc:
            raise doc.fail(f"unknown rating: {text!r}") from exc
        return rating, text, indicative
    raise doc.fail("summary shows no rating")


def _pct(doc: _Doc) -> int | None:
    match = _PCT.search(doc.text)
    if match is None:
        return None
    if not match.group(2).isdigit():
        raise doc.fail(f"overall percentage is not a number: {match.group(2)!r}")
    return int(match.group(2))


def _parse_summary(doc: _Doc, url: str) -> SummaryPage:
    meta = _meta(doc, url)
    rating, printed, indicative = _rating(doc, meta["la_name"])
    meta["indicative"] = meta["indicative"] or indicative
    pct = _pct(doc)
    if pct is None and meta["assessment_kind"] == "formal":
        raise doc.fail('formal summary shows no "Overall rating for <council>: N%"')
    scores, unscored = _statement_scores(doc, section_lines(doc.lines, "Quality statement scores"))
    if not scores and not unscored:
        raise doc.fail("summary lists no quality statement scores")
    experience = section_lines(doc.lines, "Summary of people's experiences")
    return SummaryPage(
        **meta,
        overall_rating=rating,
        overall_rating_published=printed,
        overall_score_pct=pct,
        quality_statements=scores,
        unscored_statements=unscored,
        people_experience=_paragraphs(experience),
    )


def _statement_heading(doc: _Doc) -> tuple[Statement, str]:
    heading = next((line.text for line in doc.lines if line.tag == "h1"), None)
    if heading is None:
        raise doc.fail("quality statement page has no <h1>")
    try:
        return canonical_statement(heading), heading
    except UnknownStatementError:
        statement = find_statement(heading)
        if statement is None:
            raise doc.fail(f"unknown quality statement name: {heading!r}") from None
        return statement, heading


def _key_findings(lines: list[Line] | None) -> list[KeyFinding]:
    findings: list[KeyFinding] = []
    heading: str | None = None
    for line in lines or []:
        if line.heading_level is not None:
            heading = line.text
        else:
            findings.append(KeyFinding(heading=heading, text=line.text))
    return findings


def _parse_statement(doc: _Doc, url: str) -> QualityStatementPage:
    meta = _meta(doc, url)
    statement, heading = _statement_heading(doc)
    score_line = next((ln for ln in doc.lines if not ln.chrome and _SCORE.search(ln.text)), None)
    if score_line is None:
        raise doc.fail(f"no score for {statement.name!r}")
    match = _SCORE.search(score_line.text)
    assert match is not None
    value = _score_value(doc, match.group(1))
    label = _SCORE_LABEL.search(doc.text)
    commitment = _paragraphs(section_lines(doc.lines, "The local authority commitment"))
    return QualityStatementPage(
        **meta,
        statement=_qs(statement, value, heading) if value is not None else None,
        unscored_statement=statement.name if value is None else None,
        score_label=label.group(1) if label else None,
        what_people_expect=_paragraphs(section_lines(doc.lines, "What people expect")),
        commitment=" ".join(commitment) or None,
        key_findings=_key_findings(
            section_lines(doc.lines, "Key findings for this quality statement")
        ),
    )


def _bullets(lines: list[Line] | None) -> list[str]:
    """List items of a section when it has any, else its paragraphs."""
    items = [line.text for line in lines or [] if line.tag == "li"]
    return items or _paragraphs(lines)


def _parse_about(doc: _Doc, url: str) -> AboutPage:
    meta = _meta(doc, url)
    published = meta.pop("published_on")
    demographics = _bullets(section_lines(doc.lines, "Demographics"))
    financial = _bullets(section_lines(doc.lines, "Financial facts"))
    return AboutPage(
        **meta,
        published_on=_date_after(doc, "Assessment published") or published,
        assessment_start_date=_date_after(doc, "Assessment start date"),
        demographics=[parse_fact(text, "demographics") for text in demographics],
        financial_facts=[parse_fact(text, "financial") for text in financial],
    )


def parse_page(
    html: bytes | str, url: str
) -> ListingPage | AboutPage | SummaryPage | QualityStatementPage:
    """Parse any page by its content; raise PageParseError if it is unknown or malformed."""
    doc = _read(html, url)
    kind = _kind(doc)
    if kind == "listing":
        return parse_listing(html, url)
    if kind == "summary":
        return _parse_summary(doc, url)
    if kind == "quality_statement":
        return _parse_statement(doc, url)
    if kind == "about":
        return _parse_about(doc, url)
    raise doc.fail("page is none of listing, about, summary, quality statement")
