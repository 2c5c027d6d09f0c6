"""The nine quality statements, their themes, and the wordings that name them.

Report pages, PDFs and press releases word several statements differently from CQC's
framework. Every name goes through `canonical_statement`, which matches on a normalised
form against an alias table; an unknown wording raises, it is never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Statement:
    number: int
    name: str
    theme: str
    theme_number: int


THEMES: dict[int, str] = {
    1: "Working with people",
    2: "Providing support",
    3: "Ensuring safety within the system",
    4: "Leadership",
}

STATEMENTS: tuple[Statement, ...] = (
    Statement(1, "Assessing needs", THEMES[1], 1),
    Statement(2, "Supporting people to live healthier lives", THEMES[1], 1),
    Statement(3, "Equity in experience and outcomes", THEMES[1], 1),
    Statement(4, "Care provision, integration and continuity", THEMES[2], 2),
    Statement(5, "Partnerships and communities", THEMES[2], 2),
    Statement(6, "Safe systems, pathways and transitions", THEMES[3], 3),
    Statement(7, "Safeguarding", THEMES[3], 3),
    Statement(8, "Governance, management and sustainability", THEMES[4], 4),
    Statement(9, "Learning, improvement and innovation", THEMES[4], 4),
)

BY_NUMBER: dict[int, Statement] = {s.number: s for s in STATEMENTS}

# Wordings seen on report pages, PDFs and press releases (see ../shared/cqc_site_notes.md),
# keyed to the statement number. Matching is on `_normalise`d text, so case, punctuation,
# "&" and stray whitespace do not need their own entries.
ALIASES: dict[str, int] = {
    "assessing needs": 1,
    "assessing peoples needs": 1,
    "supporting people to live healthier lives": 2,
    "supporting people to lead healthier lives": 2,
    "equity in experience and outcomes": 3,
    "equity in experiences and outcomes": 3,
    "care provision integration and continuity": 4,
    "care provision integration and continuity of care": 4,
    "partnerships and communities": 5,
    "partnership and communities": 5,
    "safe systems pathways and transitions": 6,
    "safe pathways systems and transitions": 6,
    "safeguarding": 7,
    "governance management and sustainability": 8,
    "learning improvement and innovation": 9,
}

# Theme names as reports print them, keyed to the theme number.
_THEME_ALIASES: dict[str, int] = {
    "working with people": 1,
    "how the local authority works with people": 1,
    "providing support": 2,
    "ensuring safety within the system": 3,
    "how the local authority ensures safety within the system": 3,
    "leadership": 4,
}


class UnknownStatementError(ValueError):
    """A heading that names none of the nine quality statements."""


def _normalise(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("&", " and ").lower()
    text = re.sub(r"[\u2019']s\b", "s", text)  # "people's" -> "peoples"
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def canonical_statement(published_name: str) -> Statement:
    """Map a published statement name to its canonical statement, or raise."""
    key = _normalise(published_name)
    key = re.sub(r"^(quality statement )?\d\s*", "", key)  # "1 Assessing needs"
    if key in ALIASES:
        return BY_NUMBER[ALIASES[key]]
    raise UnknownStatementError(f"not a known quality statement name: {published_name!r}")


def find_statement(text: str) -> Statement | None:
    """The statement a free-text heading names, if exactly one alias occurs in it."""
    key = _normalise(text)
    hits = {number for alias, number in ALIASES.items() if re.search(rf"\b{alias}\b", key)}
    if len(hits) == 1:
        return BY_NUMBER[hits.pop()]
    return None


def canonical_theme(published_theme: str) -> str:
    """Map a published theme heading to its canonical theme name, or raise."""
    key = _normalise(published_theme)
    if key in _THEME_ALIASES:
        return THEMES[_THEME_ALIASES[key]]
    raise UnknownStatementError(f"not a known theme name: {published_theme!r}")


_THEME_NUMBER = re.compile(r"^theme\s*([1-4])?\s*[:.\-\u2013\u2014]?\s*", re.IGNORECASE)


def is_theme_heading(text: str) -> bool:
    """Whether a short line is a theme's heading: a theme's name ("Providing support", "How
    the local authority works with people"), or "Theme N: ..." in any wording ("Theme 3:
    Ensuring safety")."""
    if len(text.split()) > 14:
        return False
    numbered = _THEME_NUMBER.match(text)
    if numbered and numbered.group(1) and text[numbered.end() :].strip():
        return True
    try:
        canonical_theme(_THEME_NUMBER.sub("", text))
    except UnknownStatementError:
        return False
    return True
