"""Parse and load as the reports come: the site-change gate that holds loads back until no
site change can be found, the loader's thread, and a real ingest of the mirror loading its
first report while the crawl is still fetching."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import pytest

import pipeline.loader
from mirror.server import MirrorServer
from pipeline.crawl import ReportFetch
from pipeline.loader import BackgroundLoader, SiteChangeGate, site_change_possible
from pipeline.reports import SiteSource, run_reports
from pipeline.settings import Settings
from transform.pipeline import ReportOutcome
from transform.records import ListingEntry, ReportIssue


def outcome(slug: str, *, ok: bool) -> ReportOutcome:
    entry = ListingEntry(la_name=slug, section="report", slug=slug, url=f"https://x.test/{slug}")
    if ok:  # only `report is None` matters to the gate: a stand-in for a loaded report
        return ReportOutcome(entry, object(), None, [], [])  # type: ignore[arg-type]
    issue = ReportIssue(slug=slug, stage="validate", reason="no overall rating", url=entry.url)
    return ReportOutcome(entry, None, None, [issue], [])


def test_a_site_change_needs_two_failures_and_more_than_a_tenth_of_those_held() -> None:
    assert not site_change_possible(1, 5)
    assert site_change_possible(2, 5)
    assert not site_change_possible(3, 30)  # 10 %, not more
    assert site_change_possible(4, 30)


def test_the_gate_is_open_from_the_start_when_nothing_was_held() -> None:
    gate = SiteChangeGate(frozenset(), watching=True)
    gate.expect([f"r{n}" for n in range(50)])
    assert gate.open
    gate.seen("r0", outcome("r0", ok=False))
    gate.seen("r1", outcome("r1", ok=False))
    assert gate.open and gate.change() is None


def test_the_gate_opens_once_too_few_held_reports_are_left_to_fail() -> None:
    held = frozenset(f"r{n}" for n in range(30))  # a site change: 4 or more of them failing
    gate = SiteChangeGate(held, watching=True)
    gate.expect(["new", "r0", "r1", "r2", "r3", "r4"])  # five held may yet fail
    assert not gate.open
    gate.seen("new", outcome("new", ok=False))  # not held: it does not count
    gate.seen("r0", outcome("r0", ok=True))
    assert not gate.open  # four still to come
    gate.seen("r1", None)  # unchanged, not parsed: it cannot fail
    assert gate.open  # three to come: at most 3 of 30 could fail
    gate.seen("r2", outcome("r2", ok=False))
    gate.seen("r3", outcome("r3", ok=False))
    gate.seen("r4", outcome("r4", ok=True))
    assert gate.open and gate.change() is None


def test_the_gate_stays_shut_to_the_end_of_a_site_change() -> None:
    held = frozenset(f"r{n}" for n in range(10))  # a site change: 2 or more failing
    gate = SiteChangeGate(held, watching=True)
    gate.expect(["r0", "r1", "r2"])
    gate.seen("r0", outcome("r0", ok=True))
    gate.seen("r1", outcome("r1", ok=False))
    assert not gate.open
    gate.seen("r2", outcome("r2", ok=False))
    change = gate.change()
    assert not gate.open and change is not None and change.failing == ["r1", "r2"]


def test_a_reparse_gate_is_always_open() -> None:
    gate = SiteChangeGate(frozenset({"a", "b"}), watching=False)
    gate.expect(["a", "b"])
    gate.seen("a", outcome("a", ok=False))
    gate.seen("b", outcome("b", ok=False))
    assert gate.open and gate.change() is None


class FailingLoader:
    """A loader whose second report fails: what the thread must hand back."""

    def __init__(self) -> None:
        self.done: list[str] = []
        self.thread_names: set[str] = set()

    def listing(self, fetches: Any, expected: Any) -> None:
        self.thread_names.add(threading.current_thread().name)

    def report(self, fetched: ReportFetch, parse: bool) -> None:
        self.thread_names.add(threading.current_thread().name)
        if fetched.slug == "boom":
            raise RuntimeError("a bug in loading")
        self.done.append(fetched.slug)


def fetch(slug: str) -> ReportFetch:
    return ReportFetch(ListingEntry(la_name=slug, section="report", slug=slug, url="u"), [])


def test_the_loader_thread_works_in_order_and_hands_its_error_back() -> None:
    work = FailingLoader()
    sink = BackgroundLoader(work)  # type: ignore[arg-type]
    sink.listing([], ["a", "b"])
    sink.report(fetch("a"), True)
    sink.report(fetch("boom"), True)
    sink.report(fetch("c"), True)  # after the error: never done
    with pytest.raises(RuntimeError, match="a bug in loading"):
        sink.join()
    assert work.done == ["a"]
    assert work.thread_names == {"cqc-loader"}


def test_the_loader_thread_stops_after_the_report_in_hand_when_abandoned() -> None:
    work = FailingLoader()
    started, release = threading.Event(), threading.Event()
    original = work.report

    def slow_report(fetched: ReportFetch, parse: bool) -> None:
        started.set()
        release.wait(10)
        original(fetched, parse)

    work.report = slow_report  # type: ignore[method-assign]
    sink = BackgroundLoader(work)  # type: ignore[arg-type]
    for slug in ("a", "b", "c"):
        sink.report(fetch(slug), True)
    assert started.wait(10)  # "a" is in hand
    threading.Timer(0.3, release.set).start()  # the stop is asked for before "a" ends
    sink.join(abandon=True)
    assert work.done == ["a"]


def test_an_ingest_loads_its_first_report_while_the_crawl_is_still_fetching(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saves: list[tuple[str, int]] = []  # (thread, requests the mirror had answered)
    original: Callable[..., Any] = pipeline.loader.save_outcome

    with MirrorServer(request_log_size=100_000) as server:

        def save_outcome(conn: duckdb.DuckDBPyConnection, *args: Any, **kwargs: Any) -> Any:
            saves.append((threading.current_thread().name, len(server.requests)))
            return original(conn, *args, **kwargs)

        monkeypatch.setattr(pipeline.loader, "save_outcome", save_outcome)
        settings = Settings(
            base_url=server.base_url,
            db=tmp_path / "cqc.duckdb",
            archive=tmp_path / "raw",
            min_interval_s=0.0,
        )
        summary = run_reports(settings, SiteSource())
        total = len(server.requests)
    assert summary.reports_new == 74 and len(saves) == 77
    assert {thread for thread, _ in saves} == {"cqc-loader"}
    first_save_after = saves[0][1]
    assert first_save_after < total / 2, (first_save_after, total)
    assert summary.requests["retry"] == summary.requests["revalidation"] == 0
    assert summary.requests["listing"] > 1  # the listing's pager
    assert sum(summary.requests.values()) == total - 1  # all but robots.txt
    line = summary.requests_line()
    assert line is not None and line.startswith(f"{total - 1} requests: ")
    assert line.endswith(", 0 retrying a failed fetch, 0 revalidating on their turn")
