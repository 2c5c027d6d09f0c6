from __future__ import annotations

import pytest

from transform.values import ScoreValue, score_value

GOOD = "Evidence shows a good standard"
SOME = "Evidence shows some shortfalls"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3", ScoreValue(3)),
        ("Score: 3", ScoreValue(3, labelled=True)),
        ("3 out of 4", ScoreValue(3)),
        ("3/4", ScoreValue(3)),
        ("3 - Evidence shows a good standard", ScoreValue(3, GOOD)),
        ("Evidence shows a good standard", ScoreValue(3, GOOD, labelled=True)),
        # a screen reader's "Score: 2." before the band phrase shown beside its badge
        ("Score: 2. Evidence shows some shortfalls", ScoreValue(2, SOME, labelled=True)),
        # a progress bar's text and its share of the most a score can be
        ("Score: 2 50%", ScoreValue(2, labelled=True)),
        ("3 out of 4 (75%)", ScoreValue(3)),
    ],
)
def test_a_score_in_the_forms_a_page_writes_it(text: str, expected: ScoreValue) -> None:
    assert score_value(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2.5",  # no score is a fraction
        "3.0",
        "2 60%",  # a share that is not the score's
        "64%",
        "2. Evidence shows a good standard",  # two scores in one
        "People waited 3 weeks",
    ],
)
def test_what_is_no_score(text: str) -> None:
    assert score_value(text) is None
