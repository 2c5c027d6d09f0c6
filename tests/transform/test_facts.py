from __future__ import annotations

import pytest

from transform.facts import parse_fact

FIN = "financial"
DEM = "demographics"


@pytest.mark.parametrize(
    ("text", "section", "kind", "value", "unit", "period"),
    [
        ("The local authority spent £172.5m on adult social care in 2023/24", FIN, "asc_spend",
         172_500_000, "GBP", "2023/24"),
        ("This was 22.89% of its total budget", FIN, "budget_share", 22.89, "percent", None),
        ("It spent £15.3m less than it had estimated", FIN, "spend_vs_estimate", -15_300_000,
         "GBP", None),
        ("It spent £2.1m more than it had estimated", FIN, "spend_vs_estimate", 2_100_000, "GBP",
         None),
        ("The local authority spent about £496m on adult social care in 2023/24", FIN,
         "asc_spend", 496_000_000, "GBP", "2023/24"),
        ("This was about 45% of its net budget", FIN, "budget_share", 45, "percent", None),
        ("About 23,000 people in long-term support", FIN, "long_term_support", 23_000, "people",
         None),
        ("Over 5,500 people in short-term support", FIN, "short_term_support", 5_500, "people",
         None),
        ("Total budget for 2022/23, actual: £1,234,567", FIN, "total_budget", 1_234_567, "GBP",
         "2022/23"),
        ("Total budget for 2022/23, estimated: £1,234,567", FIN, "total_budget_estimate",
         1_234_567, "GBP", "2022/23"),
        ("The adult social care precept was raised by 2%", FIN, "precept", 2, "percent", None),
        ("Population: about 258,400", DEM, "population", 258_400, "people", None),
        ("Deprivation: ranked 45 out of 153", DEM, "deprivation", 45, "rank", None),
        ("In the 2nd most deprived decile", DEM, "deprivation", 2, "decile", None),
        ("18.2% of people are aged 65 and over", DEM, "age", 18.2, "percent", None),
        ("Ethnicity: 17.5% of residents are from ethnic minority groups", DEM, "ethnicity", 17.5,
         "percent", None),
        ("Political control: no overall control", DEM, "political_control", None, None, None),
    ],
)  # fmt: skip
def test_parse_fact(
    text: str,
    section: str,
    kind: str,
    value: float | None,
    unit: str | None,
    period: str | None,
) -> None:
    fact = parse_fact(text, section)  # type: ignore[arg-type]
    assert (fact.kind, fact.value, fact.unit, fact.period) == (kind, value, unit, period)
    assert fact.raw_text == text


def test_placeholder_figure_has_no_value() -> None:
    fact = parse_fact("People in long-term support: [placeholder: figure not in our sources]", FIN)
    assert fact.kind == "long_term_support"
    assert fact.value is None and fact.unit is None


def test_unclassified_kept_raw() -> None:
    fact = parse_fact("  A  new\u00a0kind of bullet: 12 things ", FIN)
    assert fact.kind == "unclassified"
    assert fact.raw_text == "A new kind of bullet: 12 things"


def test_unclassified_demographic_kept() -> None:
    assert parse_fact("Something else entirely", DEM).kind == "unclassified"
