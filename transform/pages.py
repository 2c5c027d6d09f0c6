"""Report pages: classify by content, then parse into typed records.

Everything is anchored on visible labels ("Quality statement scores", "Score: 2", ...), never
on classes or URL shapes, because the real markup is unknown. A page that does not read as
expected raises `PageParseError` naming the URL and the reason: fail loudly, per page.
"""

from __future__ import annotations

import contextlib
import posixpath
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

from transform.councils import UnknownCouncilError, match_council
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
    Rating,
    SummaryPage,
)
from transform.text import (
    DATE_PATTERN,
    SENTENCE_END,
    Line,
    label_key,
    link_list_titles,
    page_lines,
    parse_date,
    shared_soup,
)

__all__ = ["PageParseError", "classify_page", "parse_page", "report_slug"]

LISTING_ROOT = "local-authority-assessment-reports"
# The report header, formal ("<council>: local authority assessment") and pilot ("<council>
# assessment": accepted only when <council> is one of the 153 councils).
_HEADER = re.compile(r"(.+?)\s*:\s*local authority assessment", re.IGNORECASE)
_PILOT_HEADER = re.compile(r"(.+?)\s+assessment", re.IGNORECASE)
_ABOUT = re.compile(r"about\s+(.+)", re.IGNORECASE)
# "Score: 3", "Indicative score: 3 - Evidence ...", "Assessing needs Score: 3", "SCORE 3",
# "Score:" alone (its value on the next line). What stands before the label must be empty or
# a statement name, so prose such as "how we score: ..." is never a score.
_SCORE = re.compile(r"(?P<before>.*?)\b(?:indicative\s+)?score\b\s*:?\s*(?P<value>.*)", re.I)
_SCORE_VALUE = re.compile(r"(\d+)\b")
_SCORE_LABEL = re.compile(
    r"\b[1-4]\s*[-\u2013\u2014:]\s*(evidence shows [a-z ]*?(?:standard|shortfalls))",
    re.IGNORECASE,
)
_PCT = re.compile(r"overall rating for\s+(.+?)\s*:\s*([^\s%]+)\s*%", re.IGNORECASE)
# The same with the label and the figure in two cells and no colon ("Overall rating for X" |
# "64%"): only a number is taken then, as anything else would not be the figure.
_PCT_NO_COLON = re.compile(r"overall rating for\s+([^:\n]+?)\s+(\d{1,3})\s*%", re.IGNORECASE)
_BARE_PCT = re.compile(r"\d{1,3}\s*%")

RATING_LABELS = ("Local authority rating and score", "Local authority indicative rating")
SCORES_LABEL = "Quality statement scores"
EXPERIENCE_LABEL = "Summary of people's experiences"
EXPECT_LABEL = "What people expect"
COMMITMENT_LABEL = "The local authority commitment"
FINDINGS_LABEL = "Key findings for this quality statement"
# Every label that starts a section of a report page, whatever page it is on: a section runs
# from its label to the next of these (or a navigation block), never by heading level.
SECTION_LABELS = frozenset(
    label_key(label)
    for label in (
        *RATING_LABELS,
        SCORES_LABEL,
        EXPERIENCE_LABEL,
        "Summary of strengths, areas for development and next steps",
        "Overall summary",
        EXPECT_LABEL,
        COMMITMENT_LABEL,
        FINDINGS_LABEL,
        "Demographics",
        "Financial facts",
        "Downloads",
    )
)
# Page metadata ("Published: ...", "Page last updated: ...", "Assessment start date: ..."):
# wherever it stands, it is no part of the section before it.
# The label must end the line or be followed by a colon or a date ("Published figures show"
# is prose).
_META_LINE = re.compile(
    r"(?:assessment\s+)?(?:published|page last updated|assessment start date)\s*(?::|\d|$)",
    re.IGNORECASE,
)
# A key-findings line this short with no closing punctuation is a sub-heading, however it is
# marked up (a heading, bold text or a plain block).
_SUBHEADING_MAX_WORDS = 14


@dataclass
class _Doc:
    """A page read once: its lines, the content lines (no chrome, no title), and their text."""

    soup: BeautifulSoup
    lines: list[Line]
    url: str | None
    content: list[Line] = field(init=False)
    text: str = field(init=False)
    nav: set[int] = field(init=False)  # indexes in `content` of titles over links only

    def __post_init__(self) -> None:
        self.content = [ln for ln in self.lines if not ln.chrome and ln.tag != "title"]
        # link texts are navigation ("Indicative ratings explained"), never a fact of the page
        self.text = "\n".join(line.text for line in self.content if not line.link)
        self.nav = link_list_titles(self.content)

    def fail(self, reason: str) -> PageParseError:
        return PageParseError(self.url, reason)


def _read(html: bytes | str, url: str | None) -> _Doc:
    soup = shared_soup(html)
    return _Doc(soup, page_lines(soup, rejoin_wrapped=True), url)


# --- what a line is -------------------------------------------------------------------------


def _is_label(line: Line, label: str) -> bool:
    return not line.link and line.key == label_key(label)


def _statement_named(line: Line) -> Statement | None:
    """The statement a content line is the name of ("Assessing needs", "1. Assessing needs",
    "Quality statement: Safeguarding"); None for anything else, navigation links included."""
    if line.link or len(line.text) > 80:
        return None
    try:
        return canonical_statement(line.text)
    except UnknownStatementError:
        return None


def _score_parts(line: Line) -> tuple[str, str] | None:
    """(what stands before the score label, the rest) if this line is a score line."""
    if line.link:
        return None
    match = _SCORE.fullmatch(line.text)
    if match is None:
        return None
    before = match.group("before").strip(" :-|\u2013\u2014")
    if before and find_statement(before) is None:
        return None
    return before, match.group("value").strip()


def _ends_section(line: Line) -> bool:
    """A line no section runs past: another section's label, or page metadata."""
    return not line.link and (line.key in SECTION_LABELS or bool(_META_LINE.match(line.text)))


def _section(doc: _Doc, label: str) -> list[Line] | None:
    """Content lines after the line reading `label`, up to the next section label, page
    metadata line, navigation block or the edge of the page's <main>; links left out. None
    when no line reads `label`."""
    lines, nav = doc.content, doc.nav
    key = label_key(label)
    for index, line in enumerate(lines):
        if line.link or line.key != key:
            continue
        out: list[Line] = []
        for offset, following in enumerate(lines[index + 1 :], start=index + 1):
            if offset in nav or following.in_main != line.in_main or _ends_section(following):
                break
            if not following.link:
                out.append(following)
        return out
    return None


def _has_label(doc: _Doc, label: str) -> bool:
    return any(_is_label(line, label) for line in doc.content)


# --- classification -------------------------------------------------------------------------


def _kind(doc: _Doc) -> PageKind | None:
    if any(_is_label(ln, "Local authority assessment reports") for ln in doc.content) and (
        _has_label(doc, "Assessment reports")
    ):
        return "listing"
    if any(_has_label(doc, label) for label in RATING_LABELS) and _has_label(doc, SCORES_LABEL):
        return "summary"
    if _has_label(doc, FINDINGS_LABEL) or _scored_statement(doc) is not None:
        return "quality_statement"
    if re.search(r"assessment published\s*:?\s*\d", doc.text, re.IGNORECASE) or (
        any(_ABOUT.fullmatch(ln.text) for ln in doc.content if not ln.link)
        and (_has_label(doc, "Demographics") or _has_label(doc, "Financial facts"))
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


def _header_name(text: str) -> str | None:
    """The council a report header names, in the formal or the pilot wording."""
    text = text.strip()
    match = _HEADER.fullmatch(text)
    if match:
        return match.group(1).strip()
    match = _PILOT_HEADER.fullmatch(text)
    if match and not match.group(1).lower().endswith("local authority"):
        with contextlib.suppress(UnknownCouncilError):
            match_council(match.group(1))
            return match.group(1).strip()
    return None


def _la_name(doc: _Doc) -> str:
    """The council the page's report header names ("<council>: local authority assessment"
    or, on pilots, "<council> assessment").

    A whole line of the content wins; then the `<title>` (whose other parts, such as
    "Overall summary - ", are cut at spaced dashes or bars); then "About <council>"; then page
    furniture (breadcrumbs).
    """
    content = [ln for ln in doc.content if not ln.link]
    titles = [ln for ln in doc.lines if ln.tag == "title"]
    for line in content:
        if name := _header_name(line.text):
            return name
    for line in titles:
        for part in re.split(r"\s[-|\u2013\u2014]\s", line.text):
            if name := _header_name(part):
                return name
    for line in content:
        about = _ABOUT.fullmatch(line.text)
        if about:
            with contextlib.suppress(UnknownCouncilError):
                match_council(about.group(1))
                return about.group(1).strip()
    for line in doc.lines:
        if (line.chrome or line.link) and (name := _header_name(line.text)):
            return name
    raise doc.fail('no "<council>: local authority assessment" header')


def _date_after(doc: _Doc, label: str) -> date | None:
    # "Published" must not be the end of "Assessment published" (a label of its own)
    pattern = rf"(?<!assessment ){label}\s*:?\s*({DATE_PATTERN})"
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
    pilot = indicative or bool(re.search(r"assessment start date\s*:?", text, re.IGNORECASE))
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
    match = _SCORE_VALUE.match(raw)
    if match is None:
        raise doc.fail(f"score is not a number: {raw!r}")
    return int(match.group(1))


def _is_bare_score(text: str) -> bool:
    """Whether a line with no "Score" label is a score standing alone after a statement name
    (a table cell, a definition): the number and nothing else, or a bracketed placeholder and
    nothing else. A line that merely starts with a number ("17 November 2023") or mentions a
    placeholder ("I [placeholder] expect ...") is not."""
    return bool(re.fullmatch(r"\d{1,2}|\[placeholder[^\]]*\]", text, re.IGNORECASE))


def _is_value(text: str) -> bool:
    """Whether a line can be the value of a "Score" label printed on the line before."""
    return bool(_SCORE_VALUE.match(text)) or "placeholder" in text.lower()


def _qs(statement: Statement, score: int, published: str) -> QualityStatementScore:
    return QualityStatementScore(
        number=statement.number,
        name=statement.name,
        theme=statement.theme,
        score=score,
        published_name=published,
    )


@dataclass(frozen=True)
class _Scored:
    """A statement named on the page and the raw text of the score printed for it."""

    statement: Statement
    published: str
    raw: str
    line: Line


def _scored_statements(doc: _Doc, lines: list[Line]) -> list[_Scored]:
    """Pair each score with the statement named on its line or on the nearest line before.

    A score is "Score: N" on one line, "Score" then N on the next (split label and value),
    or, after a statement name, a bare N (a table cell). A "Score" label followed by no value
    is a column header and is passed over.
    """
    found: list[_Scored] = []
    pending: tuple[Statement, str] | None = None
    last_text: str | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        parts = _score_parts(line)
        bare = pending is not None and _is_bare_score(line.text)
        if parts is None and not bare:
            if line.link:
                continue
            statement = _statement_named(line)
            if statement is not None:
                pending = (statement, line.text)
            elif line.key not in SECTION_LABELS:
                last_text = line.text
            continue
        if parts is None:
            before, raw = "", line.text
        else:
            before, raw = parts
            if not raw:  # the value is on the next line, or this is a column header
                if index < len(lines) and _is_value(lines[index].text):
                    raw = lines[index].text
                    index += 1
                else:
                    continue
        named = find_statement(before) if before else None
        current = (named, before) if named else pending
        if current is None:
            hint = before or last_text
            raise doc.fail(f"unknown quality statement name before {line.text!r}: {hint!r}")
        found.append(_Scored(current[0], current[1], raw, line))
        pending = None
    return found


def _statement_scores(
    doc: _Doc, lines: list[Line]
) -> tuple[list[QualityStatementScore], list[str]]:
    """The summary's statement scores in statement order, and the statements printed unscored."""
    scored: dict[int, QualityStatementScore] = {}
    unscored: dict[int, str] = {}
    for item in _scored_statements(doc, lines):
        number = item.statement.number
        if number in scored or number in unscored:
            raise doc.fail(f"statement {item.statement.name!r} scored twice")
        value = _score_value(doc, item.raw)
        if value is None:
            unscored[number] = item.statement.name
        else:
            scored[number] = _qs(item.statement, value, item.published)
    ordered = [scored[n] for n in sorted(scored)]
    return ordered, [unscored[n] for n in sorted(unscored)]


# --- page parsers --------------------------------------------------------------------------


def _paragraphs(lines: list[Line] | None) -> list[str]:
    return [line.text for line in lines or [] if line.heading_level is None]


def _rating(doc: _Doc, la_name: str) -> tuple[Rating, str, bool]:
    """The rating under the rating label: the first line naming a rating, passing over the
    council's name, the overall % and short labels; any other short line is an unknown
    rating word and raises."""
    lines = None
    for label in RATING_LABELS:
        lines = _section(doc, label)
        if lines is not None:
            break
    council = label_key(la_name)
    for line in lines or []:
        text = line.text
        key = line.key
        if (
            key == council
            or key.startswith("overall rating for")
            or _BARE_PCT.fullmatch(text)
            or text.endswith(":")
            or key in ("rating", "overall rating", "indicative rating", "score")
        ):
            continue
        if key.startswith(council):
            text = text[len(la_name) :].strip(" :-")
        try:
            rating, indicative = normalise_rating(text)
        except UnknownRatingError as exc:
            if len(text.split()) > 6:  # a sentence of prose, not a rating word
                continue
            raise doc.fail(f"unknown rating: {text!r}") from exc
        return rating, text, indicative
    raise doc.fail("summary shows no rating")


def _pct(doc: _Doc) -> int | None:
    match = _PCT.search(doc.text) or _PCT_NO_COLON.search(doc.text)
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
    scores, unscored = _statement_scores(doc, _section(doc, SCORES_LABEL) or [])
    if not scores and not unscored:
        raise doc.fail("summary lists no quality statement scores")
    return SummaryPage(
        **meta,
        overall_rating=rating,
        overall_rating_published=printed,
        overall_score_pct=pct,
        quality_statements=scores,
        unscored_statements=unscored,
        people_experience=_paragraphs(_section(doc, EXPERIENCE_LABEL)),
    )


def _scored_statement(doc: _Doc) -> _Scored | None:
    """A statement page's statement: the first score on the page outside chrome and links,
    with the statement named on its line or on the nearest statement-name line before it.
    Whatever heading level or position the name has, and whatever comes first (the report
    header, the theme), the name is the one that stands next to the score."""
    try:
        found = _scored_statements(doc, doc.content)
    except PageParseError:
        return None
    return found[0] if found else None


def _pairs_with_next(lines: list[Line], index: int) -> bool:
    """Whether a line and the next one are the two lines of one item (a card, a row, a list
    item): a label and its value, a sub-heading and its text."""
    line = lines[index]
    return index + 1 < len(lines) and line.pair is not None and line.pair == lines[index + 1].pair


def _is_short_title(text: str, max_words: int) -> bool:
    return len(text.split()) <= max_words and not SENTENCE_END.search(text)


def _key_findings(lines: list[Line] | None) -> list[KeyFinding]:
    """Paragraphs under their sub-headings. A sub-heading is a heading-like line, or a short
    line without closing punctuation that is followed by text: on its own line (not a list
    item or cell), or as the first of an item's two lines (`<li><strong>`, a row's first
    cell, a card's title)."""
    findings: list[KeyFinding] = []
    heading: str | None = None
    lines = lines or []
    for index, line in enumerate(lines):
        followed = index + 1 < len(lines)
        short = _is_short_title(line.text, _SUBHEADING_MAX_WORDS)
        if line.heading_like or (
            followed
            and short
            and (line.tag not in ("li", "td", "dd") or _pairs_with_next(lines, index))
        ):
            heading = line.text
        else:
            findings.append(KeyFinding(heading=heading, text=line.text))
    return findings


def _parse_statement(doc: _Doc, url: str) -> QualityStatementPage:
    meta = _meta(doc, url)
    found = _scored_statements(doc, doc.content)
    if not found:
        named = next((s for ln in doc.content if (s := _statement_named(ln))), None)
        if named is None:
            raise doc.fail("quality statement page names no quality statement next to a score")
        raise doc.fail(f"no score for {named.name!r}")
    first = found[0]
    statement = first.statement
    value = _score_value(doc, first.raw)
    label = _SCORE_LABEL.search(doc.text)
    commitment = _paragraphs(_section(doc, COMMITMENT_LABEL))
    return QualityStatementPage(
        **meta,
        statement=_qs(statement, value, first.published) if value is not None else None,
        unscored_statement=statement.name if value is None else None,
        score_label=label.group(1) if label else None,
        what_people_expect=_paragraphs(_section(doc, EXPECT_LABEL)),
        commitment=" ".join(commitment) or None,
        key_findings=_key_findings(_section(doc, FINDINGS_LABEL)),
    )


# A bullet's label ("Population", "Deprivation decile and rank out of 153") is this short.
_LABEL_MAX_WORDS = 10
# A figure standing alone ("£172.5m", "about 22.89%", "23,000", a mirror placeholder): never a
# bullet of its own, always the value of the label before it.
_BARE_FIGURE = re.compile(
    r"(?:(?:about|around|over|under|approximately|nearly)\s+)?"
    r"(?:£\s*)?\d[\d,.]*\s*(?:%|per\s*cent|bn|m|k|million|billion)?"
    r"|\[placeholder[^\]]*\]",
    re.IGNORECASE,
)


def _bullets(lines: list[Line] | None) -> list[str]:
    """One text per bullet, however the bullets are marked up: a label split from its value
    is joined again as "label: value". A label is a `dt`/`th`, a line ending in a colon, the
    first of an item's two lines (a card's title, a row's first cell), a heading over a
    single line of text, or a short line followed by a bare figure. A heading over several
    lines groups them and is left out."""
    lines = lines or []
    out: list[str] = []
    pending: str | None = None
    for index, line in enumerate(lines):
        if _is_bullet_label(lines, index):
            if pending is not None:
                out.append(pending)
            pending = line.text.rstrip(":").strip()
            continue
        if line.heading_level is not None:
            continue
        out.append(f"{pending}: {line.text}" if pending is not None else line.text)
        pending = None
    if pending is not None:
        out.append(pending)
    return out


def _is_bullet_label(lines: list[Line], index: int) -> bool:
    """Whether a bullets section's line is the label of the value on the next line."""
    line = lines[index]
    if line.tag in ("dt", "th") or (line.text.endswith(":") and len(line.text) <= 80):
        return True
    if index + 1 >= len(lines) or not _is_short_title(line.text, _LABEL_MAX_WORDS):
        return False
    value = lines[index + 1].text
    if _pairs_with_next(lines, index) or (
        _BARE_FIGURE.fullmatch(value)
        and ":" not in line.text
        and not _BARE_FIGURE.fullmatch(line.text)
    ):
        return True
    after = lines[index + 2] if index + 2 < len(lines) else None
    return (
        line.heading_like
        and not lines[index + 1].heading_like
        and (after is None or after.heading_like)
    )


def _parse_about(doc: _Doc, url: str) -> AboutPage:
    meta = _meta(doc, url)
    published = meta.pop("published_on")
    return AboutPage(
        **meta,
        published_on=_date_after(doc, "Assessment published") or published,
        assessment_start_date=_date_after(doc, "Assessment start date"),
        demographics=[
            parse_fact(t, "demographics") for t in _bullets(_section(doc, "Demographics"))
        ],
        financial_facts=[
            parse_fact(t, "financial") for t in _bullets(_section(doc, "Financial facts"))
        ],
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
