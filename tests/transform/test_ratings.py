from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest

from transform.ratings import UnknownRatingError, band_for_pct, normalise_rating, pct_from_scores


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Good", ("Good", False)),
        ("good", ("Good", False)),
        ("OUTSTANDING", ("Outstanding", False)),
        ("Requires Improvement", ("Requires improvement", False)),
        ("requires\u00a0improvement", ("Requires improvement", False)),
        ("Inadequate", ("Inadequate", False)),
        ("Good: Evidence shows a good standard", ("Good", False)),
        ("Indicative rating: Good", ("Good", True)),
        ("Indicative rating: Requires Improvement", ("Requires improvement", True)),
        ("  Rating:  Outstanding ", ("Outstanding", False)),
        ("Good - evidence shows a good standard", ("Good", False)),
    ],
)
def test_normalise_rating(text: str, expected: tuple[str, bool]) -> None:
    assert normalise_rating(text) == expected


@pytest.mark.parametrize("text", ["Excellent", "", "Goodish", "Requires", "Performing well"])
def test_unknown_rating_raises_naming_text(text: str) -> None:
    with pytest.raises(UnknownRatingError) as info:
        normalise_rating(text)
    assert repr(text) in str(info.value)
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    ("pct", "rating"),
    [
        (25, "Inadequate"),
        (38, "Inadequate"),
        (39, "Requires improvement"),
        (62, "Requires improvement"),
        (63, "Good"),
        (64, "Good"),
        (87, "Good"),
        (88, "Outstanding"),
        (100, "Outstanding"),
    ],
)
def test_band_for_pct(pct: int, rating: str) -> None:
    assert band_for_pct(pct) == rating


@pytest.mark.parametrize("pct", [24, 0, -1, 101])
def test_band_for_impossible_pct(pct: int) -> None:
    with pytest.raises(ValueError):
        band_for_pct(pct)


def test_pct_from_scores_published_examples() -> None:
    assert pct_from_scores([2, 2, 2, 3, 3, 2, 3, 3, 3]) == 64  # Stoke-on-Trent
    assert pct_from_scores([3] * 9) == 75  # Staffordshire
    assert pct_from_scores([3, 3, 2, 3, 3, 2, 3, 2, 3]) == 67  # 24/36
    assert pct_from_scores([3, 3, 4, 3, 4, 4, 3, 4, 4]) == 89  # Camden
    assert pct_from_scores([1] * 9) == 25
    assert pct_from_scores([4] * 9) == 100


def test_pct_from_scores_matches_decimal_half_up() -> None:
    for total in range(9, 37):
        exact = Decimal(total) / Decimal(36) * 100
        expected = int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))
        assert pct_from_scores([total]) == expected
