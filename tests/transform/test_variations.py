"""Markup-variation property tests: every plausible rendering of a page's facts parses the same.

The parsers were written against our own mirror; the real site's markup is unknown. So from a
sample of committed mirror pages (both skins, every markup variant the mirror picks by report
index, listing, About, summary and statement pages, formal and pilot) hypothesis composes
rewrites that keep what a reader reads and change the structure (`variants.py` lists them),
and each variant must give the same record as its original page.

Budgets come from the hypothesis profile (tests/conftest.py): "ci", the default, runs a fixed,
derandomized set; `make fuzz` runs the "fuzz" profile's large random one.
"""

from __future__ import annotations

from functools import cache
from typing import Any, get_args

import pytest
from hypothesis import event, given, note, settings
from hypothesis import strategies as st

from tests.transform import variants as v
from transform.errors import PageParseError
from transform.listing import parse_listing
from transform.pages import read_page
from transform.records import ListingPage, PageReading
from transform.report import assemble_report

PAGE_KINDS: tuple[v.PageKind, ...] = get_args(v.PageKind)
# The tests that show the comparison can fail need fewer examples than the property itself.
SANITY_EXAMPLES = max(25, (settings.default.max_examples or 100) // 5)


def parse(html: str | bytes, page: v.SamplePage) -> ListingPage | PageReading:
    if page.kind == "listing":
        return parse_listing(html, page.url)
    return read_page(html, page.url)


def record(parsed: ListingPage | PageReading) -> dict[str, Any]:
    """What a variant must read the same: every fact, link and slug; not where each fact was
    read (the text of a line changes with its markup: "Score: 3" or "Score" | "3")."""
    return parsed.model_dump(mode="json", exclude={"provenance"})


@cache
def original(page: v.SamplePage) -> dict[str, Any]:
    """The record the committed page itself parses to (the expected value of every variant)."""
    return record(parse(page.html.encode("utf-8"), page))


def comparable(record: dict[str, Any], variant: v.Variant) -> dict[str, Any]:
    """A record as the comparison sees it. `overall_rating_published` carries the printed
    rating verbatim, so where a variant recased the rating words ("REQUIRES IMPROVEMENT") it
    is compared case-insensitively; every other field, links and slug included, exactly."""
    record = dict(record)
    printed = record.get("overall_rating_published")
    if variant.rating_recased and isinstance(printed, str):
        record["overall_rating_published"] = printed.casefold()
    return record


def differences(expected: Any, got: Any, path: str = "") -> list[str]:
    """Field by field, what differs (so a failure says which fact moved, not two dumps)."""
    if isinstance(expected, dict) and isinstance(got, dict):
        return [
            line
            for name in sorted(expected.keys() | got.keys())
            for line in differences(expected.get(name), got.get(name), f"{path}.{name}")
        ]
    if isinstance(expected, list) and isinstance(got, list) and len(expected) == len(got):
        return [
            line
            for index, (a, b) in enumerate(zip(expected, got, strict=True))
            for line in differences(a, b, f"{path}[{index}]")
        ]
    return [] if expected == got else [f"{path or 'record'}: expected {expected!r}, got {got!r}"]


def assert_reads_the_same(variant: v.Variant) -> None:
    for kind in variant.kinds:
        event(f"variant kind: {kind}")
    note(f"the variant's HTML:\n{variant.html}")
    try:
        got = record(parse(variant.html, variant.page))
    except PageParseError as exc:
        pytest.fail(f"{variant!r} does not parse: {exc.reason}")
    diff = differences(comparable(original(variant.page), variant), comparable(got, variant))
    assert not diff, f"{variant!r}\n" + "\n".join(diff[:20])


@given(v.page_variants("listing"))
def test_listing_variants_read_the_same(variant: v.Variant) -> None:
    assert_reads_the_same(variant)


@given(v.page_variants("about"))
def test_about_variants_read_the_same(variant: v.Variant) -> None:
    assert_reads_the_same(variant)


@given(v.page_variants("summary"))
def test_summary_variants_read_the_same(variant: v.Variant) -> None:
    assert_reads_the_same(variant)


@given(v.page_variants("quality_statement"))
def test_statement_variants_read_the_same(variant: v.Variant) -> None:
    assert_reads_the_same(variant)


# --- the comparison is real and the parsers fail loudly ------------------------------------


@settings(max_examples=SANITY_EXAMPLES)
@given(st.sampled_from(PAGE_KINDS).flatmap(v.page_variants), v.SEEDS)
def test_a_changed_fact_reads_differently(variant: v.Variant, seed: int) -> None:
    """One fact changed (a score, a figure, a council's name) under any variant: the parse
    differs, so the property above compares facts, not just that something parsed."""
    changed, html = v.change_a_fact(variant, seed)
    note(changed)
    got = record(parse(html, variant.page))
    assert comparable(got, variant) != comparable(original(variant.page), variant), changed


@settings(max_examples=SANITY_EXAMPLES)
@given(st.sampled_from(PAGE_KINDS).flatmap(v.anchorless_variants))
def test_a_page_without_its_anchor_reads_without_that_fact(
    case: tuple[v.Variant, tuple[str, ...]],
) -> None:
    """Without the text a fact is anchored on (the rating word, the score, the About page's
    labels), any variant reads with nothing in the fact's place, never a default, and the
    report the page would make says what it lacks. A listing without "Assessment reports"
    raises PageParseError with the reason."""
    variant, reasons = case
    page = variant.page
    if page.kind == "listing":
        with pytest.raises(PageParseError) as info:
            parse(variant.html, page)
        assert any(reason in info.value.reason for reason in reasons), info.value.reason
        assert info.value.url == page.url
        return
    reading = read_page(variant.html, page.url)
    problems = assemble_report("x", page.url, [reading]).problems
    if page.kind == "summary":
        assert reading.overall_rating is None
        assert any(p.startswith("no overall rating") for p in problems), problems
    elif page.kind == "quality_statement":
        assert page.statement is not None
        number = page.statement.number
        assert all(s.score is None and not s.unscored for s in reading.statements), variant
        assert any(p.startswith(f"statement {number} (") for p in problems), problems
    else:
        assert reading.demographics == [] and reading.financial_facts == []
        assert reading.page_kind == "other"


# --- the sample and the generator ----------------------------------------------------------


def test_the_sample_covers_both_skins_every_page_kind_and_the_mirror_variants() -> None:
    pages = v.sample_pages()
    for skin in ("classic", "drupal"):
        for kind in PAGE_KINDS:
            mine = [p for p in pages if p.skin == skin and p.kind == kind]
            assert mine, (skin, kind)
            if kind != "listing":
                assert {p.pilot for p in mine} == {True, False}, (skin, kind)
    # the classic skin picks markup by report index mod 2, 3 and 4; every residue is sampled
    indexes = {p.report.index for p in pages if p.report and p.skin == "classic" and not p.pilot}
    for modulus in (2, 3, 4):
        assert {i % modulus for i in indexes} == set(range(modulus)), modulus
    # a report whose key findings only its PDF has, and real financial figures
    slugs = {p.report.slug for p in pages if p.report}
    assert {"islesofscilly-0925", "leicestercity-0725", "lancashire-0825"} <= slugs


@pytest.mark.parametrize("page", v.sample_pages(), ids=lambda page: page.name)
def test_every_variant_kind_finds_its_target_and_changes_the_page(page: v.SamplePage) -> None:
    """A transform that found nothing to rewrite would make its variant kind a silent no-op:
    each must change every page it applies to. And the original itself parses to facts."""
    read = original(page)
    if page.kind == "summary":
        scored = [s for s in read["statements"] if s["score"] is not None or s["unscored"]]
        assert len(scored) == 9
    elif page.kind == "quality_statement":
        assert [s for s in read["statements"] if s["score"] is not None or s["unscored"]]
    elif page.kind == "about":
        assert read["demographics"] and read["financial_facts"]
    else:
        assert read["entries"]
    unchanged = v.make_variant(page, [], seed=0).html
    for name in v.applicable(page):
        # one choice may reproduce the page's own markup: one of a few must not
        for seed in range(4):
            variant = v.make_variant(page, [name], seed)
            assert variant.notes, name
            if variant.html != unchanged:
                break
        else:
            pytest.fail(f"{name} never changes {page.name}")
