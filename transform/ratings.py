"""Ratings, score bands and the overall percentage, as CQC defines them.

Reports print ratings in several ways ("Requires Improvement", "Good: Evidence shows a good
standard", "Indicative rating: Good"); all map to the four `Rating` values. Any other word
raises: a misread rating must fail loudly, never be guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import get_args

from transform.records import Rating
from transform.text import clean_text

RATINGS: tuple[Rating, ...] = get_args(Rating)
_BY_KEY: dict[str, Rating] = {r.lower(): r for r in RATINGS}

# (lowest %, rating), highest band first. Below 25 cannot happen: every score is at least 1.
_BANDS: tuple[tuple[int, Rating], ...] = (
    (88, "Outstanding"),
    (63, "Good"),
    (39, "Requires improvement"),
    (25, "Inadequate"),
)


class UnknownRatingError(ValueError):
    """Text that names none of the four ratings."""

    def __init__(self, text: str) -> None:
        super().__init__(f"not a known rating: {text!r}")
        self.text = text


def normalise_rating(text: str) -> tuple[Rating, bool]:
    """Map printed rating text to (rating, indicative); raise UnknownRatingError otherwise."""
    cleaned = clean_text(text)
    indicative = "indicative" in cleaned.lower()
    body = re.sub(
        r"^(?:(?:local authority|overall|indicative)\s+)*rating\s*(?:for [^:]*)?:\s*",
        "",
        cleaned,
        flags=re.IGNORECASE,
    )
    # "Good: Evidence shows a good standard", "Good - Evidence ...", "Good."
    head = re.split(r"\s*(?::|\s[-\u2013\u2014]\s|\.|\()", body, maxsplit=1)[0]
    key = re.sub(r"\s+", " ", head).strip().lower()
    if key in _BY_KEY:
        return _BY_KEY[key], indicative
    raise UnknownRatingError(text)


def band_for_pct(pct: int) -> Rating:
    """The rating band a published overall percentage falls in."""
    if pct > 100:
        raise ValueError(f"overall percentage above 100: {pct}")
    for lowest, rating in _BANDS:
        if pct >= lowest:
            return rating
    raise ValueError(f"overall percentage below 25 is impossible: {pct}")


def pct_from_scores(scores: Iterable[int]) -> int:
    """round(sum / 36 * 100), halves rounded up (integer maths, not banker's rounding)."""
    total = sum(scores)
    return (total * 100 * 2 + 36) // (36 * 2)
