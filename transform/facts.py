"""Demographic and financial bullets from About pages, with whatever number they state.

Wording has changed across three generations of reports and will change again, so
classification is by keywords and numbers are read tolerantly ("£172.5m", "£1,234,567",
"22.89%", "about 23,000 people", "ranked 45 out of 153"). A bullet that fits no kind is kept
as "unclassified" with its raw text; a placeholder figure gives value None, never a number.
"""

from __future__ import annotations

import re
from typing import Literal

from transform.records import Fact
from transform.text import clean_text

Section = Literal["demographics", "financial"]

_NUMBER = r"(\d[\d,]*(?:\.\d+)?)"
_MONEY = re.compile(rf"£\s*{_NUMBER}\s*(bn|billion|m|million|k|thousand)?\b", re.IGNORECASE)
_PERCENT = re.compile(rf"{_NUMBER}\s*(?:%|per\s*cent\b|percent\b)", re.IGNORECASE)
_ORD = r"(?:st|nd|rd|th)?"
_RANK = re.compile(
    rf"\branked?\s*(?:as\s*)?{_NUMBER}{_ORD}\s*(?:out\s*)?of\s*{_NUMBER}", re.IGNORECASE
)
_DECILE = re.compile(
    rf"\bdecile\s*(?:of\s*)?{_NUMBER}|{_NUMBER}{_ORD}\s*(?:most\s*deprived\s*)?decile",
    re.IGNORECASE,
)
_COUNT = re.compile(rf"(?<![\d.£,]){_NUMBER}(?!\s*(?:%|/|\d))", re.IGNORECASE)
_PERIOD = re.compile(r"\b(20\d\d)\s*(?:/|-|\u2013|to)\s*(20)?(\d\d)\b")
_SCALE = {"bn": 1e9, "billion": 1e9, "m": 1e6, "million": 1e6, "k": 1e3, "thousand": 1e3}

# (kind, keywords any of which classify the bullet), first match wins, most specific first.
_FINANCIAL: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("precept", ("precept",)),
    ("long_term_support", ("long-term support", "long term support")),
    ("short_term_support", ("short-term support", "short term support")),
    ("spend_vs_estimate", ("than it had estimated", "than estimated", "than it estimated",
                           "than planned", "than budgeted", "overspen", "underspen")),
    ("budget_share", ("of its total budget", "of its budget", "of the total budget",
                      "of its net budget", "share of", "proportion of")),
    ("asc_spend", ("on adult social care", "adult social care spend",
                   "adult social care budget", "spent")),
    ("total_budget", ("total budget", "net budget", "overall budget")),
)  # fmt: skip
_DEMOGRAPHICS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("political_control", ("political control", "no overall control", "controlled by",
                           "labour", "conservative", "liberal democrat", "independent")),
    ("deprivation", ("deprivation", "deprived", "decile")),
    ("ethnicity", ("ethnic", "white british", "black", "asian")),
    ("age", ("aged", " age", "older people", "over 65", "65 and over", "65 or over")),
    ("population", ("population", "residents", "people live", "live in")),
)  # fmt: skip


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _period(text: str) -> str | None:
    match = _PERIOD.search(text)
    return f"{match.group(1)}/{match.group(3)}" if match else None


def _money(text: str, prefer_actual: bool = False) -> float | None:
    matches = list(_MONEY.finditer(text))
    if not matches:
        return None
    chosen = matches[0]
    if prefer_actual:
        after_actual = [m for m in matches if "actual" in text[: m.start()].lower()]
        chosen = after_actual[0] if after_actual else matches[-1]
    scale = _SCALE.get((chosen.group(2) or "").lower(), 1.0)
    return round(_number(chosen.group(1)) * scale, 2)


def _classify(text: str, section: Section) -> str:
    low = f" {text.lower()}"
    table = _FINANCIAL if section == "financial" else _DEMOGRAPHICS
    for kind, keywords in table:
        if any(word in low for word in keywords):
            return kind
    return "unclassified"


def _value(kind: str, text: str) -> tuple[float | None, str | None]:
    """The number a bullet states and its unit, by what its kind expects."""
    without_period = _PERIOD.sub(" ", text)
    if kind == "deprivation":
        decile = _DECILE.search(without_period)
        if decile:
            return _number(decile.group(1) or decile.group(2)), "decile"
        rank = _RANK.search(without_period)
        return (_number(rank.group(1)), "rank") if rank else (None, None)
    if kind in ("spend_vs_estimate",):
        amount = _money(without_period)
        if amount is not None and re.search(r"\bless\b|under", text, re.IGNORECASE):
            amount = -amount
        return amount, "GBP" if amount is not None else None
    if kind == "precept" or kind in ("budget_share", "age", "ethnicity"):
        pct = _PERCENT.search(without_period)
        if pct:
            return _number(pct.group(1)), "percent"
        return None, None
    if kind in ("asc_spend", "total_budget"):
        amount = _money(without_period, prefer_actual=True)
        return amount, "GBP" if amount is not None else None
    if kind in ("long_term_support", "short_term_support", "population"):
        count = _COUNT.search(_MONEY.sub(" ", without_period))
        return (_number(count.group(1)), "people") if count else (None, None)
    return _generic(without_period)


def _generic(text: str) -> tuple[float | None, str | None]:
    if (money := _money(text)) is not None:
        return money, "GBP"
    if pct := _PERCENT.search(text):
        return _number(pct.group(1)), "percent"
    return None, None


def _is_estimate_only(text: str) -> bool:
    """A pilot bullet giving only the estimate ("..., estimated: £X"), not the actual."""
    low = text.lower()
    return bool(re.search(r"\bestimated?\b", low)) and "actual" not in low


def parse_fact(text: str, section: Section) -> Fact:
    """Classify one bullet and read its number; never drops a bullet."""
    raw = clean_text(text)
    kind = _classify(raw, section)
    if kind in ("asc_spend", "total_budget") and _is_estimate_only(raw):
        kind = f"{kind}_estimate"
    period = _period(raw)
    if "placeholder" in raw.lower():
        return Fact(kind=kind, raw_text=raw, period=period)
    value, unit = _value(kind, raw)
    return Fact(kind=kind, raw_text=raw, value=value, unit=unit, period=period)
