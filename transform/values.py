"""Values in every form a reader takes as the same fact: scores, percentages, dates, ratings,
statement names at the start of a line.

Shared by the HTML and the PDF readers, so that a page and a PDF that print the same fact in
different words give the same value. Each reader returns None for text that is not such a
value at all; a value that looks meant but cannot be read (a score of 7) is the caller's to
report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from transform.quality_statements import ALIASES, BY_NUMBER, Statement
from transform.ratings import UnknownRatingError, normalise_rating
from transform.records import Rating

DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212"
_DASH = rf"[\-{DASHES}]"

# How a score is labelled: "Score", "Indicative score", "Quality statement score", "Our score".
SCORE_LABEL = r"(?:(?:indicative|quality\s+statement|our)\s+)?score"
# CQC's published scoring framework: the phrase each score stands for.
BAND_PHRASES: dict[int, str] = {
    1: "Evidence shows significant shortfalls",
    2: "Evidence shows some shortfalls",
    3: "Evidence shows a good standard",
    4: "Evidence shows an exceptional standard",
}
_BAND = re.compile(
    r"(?:evidence\s+shows\s+)?(?:an?\s+)?"
    r"(?P<band>significant\s+shortfalls|some\s+shortfalls|good\s+standard|exceptional\s+standard)",
    re.IGNORECASE,
)
_BAND_SCORE = {"significant": 1, "some": 2, "good": 3, "exceptional": 4}

# "3", "3 out of 4", "3/4", "3 of 4", "3 (out of 4)", "3 - Evidence shows a good standard",
# "Score: 3", "Indicative score 3", "3: Good standard", "3 75%" (a bar's share of the most)
_SCORE = re.compile(
    rf"(?:{SCORE_LABEL}\s*(?:of\s*)?[:{DASHES}\-]?\s*)?"
    r"(?P<score>\d{1,2})(?![\d,%]|\.\d)"
    r"(?:\s*\(?\s*(?:/|out\s+of|of)\s*4\s*\)?)?"
    r"(?:\s*\(?(?P<share>\d{1,3})\s*%\)?)?"
    rf"(?:\s*(?:[:.|]|{_DASH})?\s*\(?(?P<label>(?:evidence\s+shows\s+)?(?:an?\s+)?"
    r"(?:significant\s+shortfalls|some\s+shortfalls|good\s+standard|exceptional\s+standard)"
    r")\)?\.?)?",
    re.IGNORECASE,
)


# "[placeholder: score not in our sources]", "Indicative score: 3 (placeholder)"
_PLACEHOLDER = re.compile(
    rf"(?:{SCORE_LABEL}\s*:?\s*)?(?:\[placeholder[^\]]*\]|\d?\s*\(placeholder\))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ScoreValue:
    """A statement's score as printed: its number (None for a placeholder) and band phrase."""

    score: int | None
    label: str | None = None  # "Evidence shows a good standard"
    labelled: bool = False  # the text says "score" (so a bare number is meant as one)

    @property
    def placeholder(self) -> bool:
        return self.score is None


def score_value(text: str) -> ScoreValue | None:
    """The score a short text states, whole: "3", "Score: 3", "3 out of 4", "3/4",
    "2 - Evidence shows some shortfalls", "Evidence shows a good standard" (3), a mirror
    placeholder; None for anything else (a sentence that happens to hold a number)."""
    text = re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip().rstrip(".")
    if _PLACEHOLDER.fullmatch(text):  # the offline mirror's stand-in for a score
        return ScoreValue(None, labelled=True)
    labelled = bool(re.match(rf"{SCORE_LABEL}\b", text, re.IGNORECASE))
    match = _SCORE.fullmatch(text)
    if match:
        label = match.group("label")
        number = int(match.group("score"))
        if match.group("share") is not None and int(match.group("share")) != number * 25:
            return None  # "2 60%" is no score shown as its share of 4
        if label is not None:
            band = _BAND.fullmatch(label)
            banded = None if band is None else _BAND_SCORE[band.group("band").split()[0].lower()]
            if banded != number:
                return None  # "3 - Evidence shows some shortfalls" says two things
        return ScoreValue(number, _label(label), labelled)
    body = re.sub(rf"^(?:{SCORE_LABEL}\s*:?\s*)", "", text, flags=re.IGNORECASE)
    band = _BAND.fullmatch(body.strip(" :"))
    if band:
        number = _BAND_SCORE[band.group("band").split()[0].lower()]
        return ScoreValue(number, _label(body), labelled=True)
    return None


def _label(text: str | None) -> str | None:
    """A band phrase as CQC prints it ("Evidence shows a good standard"), from any form."""
    if not text:
        return None
    match = _BAND.search(text)
    if match is None:
        return None
    return BAND_PHRASES[_BAND_SCORE[match.group("band").split()[0].lower()]]


def band_label(text: str) -> str | None:
    """The band phrase a text contains ("2 - Evidence shows some shortfalls"), or None."""
    return _label(text)


# --- the overall percentage -------------------------------------------------------------

PCT = re.compile(r"(?<![\d.])(?P<pct>\d{1,3})\s*(?:%|per\s*cent\b|percent\b)", re.IGNORECASE)


def pct_values(text: str) -> list[int]:
    """Every percentage a text states ("64%", "64 per cent", "64 percent")."""
    return [int(m.group("pct")) for m in PCT.finditer(text)]


# --- dates --------------------------------------------------------------------------------

_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?"
# "13 June 2025", "13th Jun 2025", "Friday 13 June 2025", "June 13, 2025", "13/06/2025",
# "13.06.2025", "2025-06-13"
DATE_PATTERN = (
    rf"{_WEEKDAY}\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    rf"|{_WEEKDAY}{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    r"|\d{1,2}[/.]\d{1,2}[/.]\d{4}"
    r"|\d{4}-\d{2}-\d{2}"
)
_DATE = re.compile(DATE_PATTERN, re.IGNORECASE)


def parse_date(text: str) -> date:
    """A date in any of the common UK forms; raise ValueError otherwise."""
    cleaned = re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip().lower()
    cleaned = re.sub(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+", "", cleaned)
    cleaned = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", cleaned).replace(",", " ")
    cleaned = re.sub(r"\s+", " ", cleaned).strip()
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", cleaned):
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", cleaned):  # UK: day first
        return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    m = re.fullmatch(r"(\d{1,2}) ([a-z]+)\.? (\d{4})", cleaned) or re.fullmatch(
        r"([a-z]+)\.? (\d{1,2}) (\d{4})", cleaned
    )
    if m is None:
        raise ValueError(f"not a date: {text!r}")
    day, month, year = (
        (m.group(1), m.group(2), m.group(3))
        if m.group(1).isdigit()
        else (m.group(2), m.group(1), m.group(3))
    )
    names = [name for name in _MONTHS if name.startswith(month[:3]) and len(month) >= 3]
    if len(names) != 1 or not names[0].startswith(month):
        raise ValueError(f"not a date: {text!r}")
    return datetime(int(year), _MONTHS.index(names[0]) + 1, int(day)).date()


def find_date_after(label: str, text: str) -> tuple[date | None, str | None]:
    """The date printed after `label` (a regex) in `text`: (date, None), or (None, why) when a
    label stands there with something unreadable after it, or (None, None) when it is absent."""
    pattern = re.compile(rf"{label}\s*(?:on)?\s*[:{DASHES}\-]?\s*({DATE_PATTERN})", re.IGNORECASE)
    match = pattern.search(text)
    if match is None:
        return None, None
    try:
        return parse_date(match.group(1)), None
    except ValueError:
        return None, f"bad date after {label!r}: {match.group(1)!r}"


# --- ratings ---------------------------------------------------------------------------


def rating_value(text: str) -> tuple[Rating, bool] | None:
    """(rating, indicative) if a short text states a rating ("Good", "Requires Improvement",
    "Good: Evidence shows a good standard", "Indicative rating: Good"), else None."""
    if len(text.split()) > 12:
        return None
    try:
        return normalise_rating(text)
    except UnknownRatingError:
        return None


# --- statement names at the start of a line ----------------------------------------------


def _alias_pattern(alias: str) -> str:
    words = [("(?:and|&)" if w == "and" else re.escape(w)) for w in alias.split()]
    words = [w.replace("peoples", "people[\u2019']?s") for w in words]
    return r"[\s,]*".join(words)


_NUMBERING = rf"(?:(?:quality\s+statement|qs)\s*\d?\s*[:.{DASHES}\-]?\s*|\d\s*[.):{DASHES}\-]?\s*)?"
_STATEMENT_START = [
    (re.compile(rf"\s*{_NUMBERING}({_alias_pattern(alias)})\b", re.IGNORECASE), number)
    for alias, number in sorted(ALIASES.items(), key=lambda item: -len(item[0]))
]


@dataclass(frozen=True)
class NamedStart:
    """A line that starts with a statement's name: the statement, the name as printed, and
    what follows it (separators stripped)."""

    statement: Statement
    published: str
    rest: str


def statement_start(text: str) -> NamedStart | None:
    """The statement a line starts with ("Assessing needs", "1. Assessing needs", "Quality
    statement 7: Safeguarding", "Safeguarding Score: 2"), or None."""
    for pattern, number in _STATEMENT_START:
        match = pattern.match(text)
        if match:
            rest = text[match.end() :].strip(f" :|\u00b7-{DASHES}\t")
            return NamedStart(BY_NUMBER[number], match.group(1), rest)
    return None
