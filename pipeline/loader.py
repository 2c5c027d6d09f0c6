"""Phases two and three as the reports come: each report parsed and loaded while the crawl
waits out its politeness interval.

A night's cost is its requests times the site's interval; the parse and the load of what it
fetched need not add to it. So the crawl hands each report over as soon as its manifest is
archived, and `ReportLoader` reads it (from the archive, digest-checked) and loads it in its
own transaction, on a thread of its own (`loading_behind`), while the crawl sleeps. The archive
stays the single source and the warehouse has one writer: the loader's thread alone touches
the connection until it is joined.

A run that finds the site changed under the parser loads nothing (`site_change`). Loading as
the reports come keeps that promise with a gate: reports are held back, parsed, until no site
change can any longer be found, that is until even if every held report still to come failed,
too few would have failed; then all that is held back is loaded, in order, and the rest as it
comes. On a first run nothing is held, so the gate is open from the start; on a night that
revalidates everything it opens near the end, and the load falls after the crawl as before.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from extract.incremental import FetchOutcome
from pipeline.crawl import ReportFetch
from pipeline.phases import (
    SITE_CHANGE_MIN,
    SITE_CHANGE_SHARE,
    LoadedReport,
    ReportReader,
    SiteChange,
    SiteChangedError,
    fetch_records,
    page_states,
    site_change,
)
from pipeline.run import Run
from transform.pipeline import ReportOutcome
from transform.version import PARSER_VERSION
from warehouse.load import save_outcome
from warehouse.state import log_fetches, mark_checked, save_page_states, save_pdf_parse


def site_change_possible(failing: int, held: int) -> bool:
    """Whether `failing` reports held before the run failing now would be a site change."""
    return failing >= SITE_CHANGE_MIN and failing > SITE_CHANGE_SHARE * held


@dataclass
class SiteChangeGate:
    """Whether a report may be loaded now: only once no site change can be found any more.

    `held`: the reports loaded before the run (a site change is counted among them);
    `to_come`: those of them the run may still parse. Without `watching` (a reparse) the
    gate is always open."""

    held: frozenset[str]
    watching: bool
    to_come: set[str] = field(default_factory=set)
    outcomes: list[ReportOutcome] = field(default_factory=list)  # of held reports, parsed

    def expect(self, slugs: Collection[str]) -> None:
        """The reports the run will hand over (the held ones among them may yet fail)."""
        self.to_come = {slug for slug in slugs if slug in self.held}

    def seen(self, slug: str, outcome: ReportOutcome | None) -> None:
        """A report handed over: parsed (`outcome`), or unchanged and not parsed (None)."""
        self.to_come.discard(slug)
        if outcome is not None and slug in self.held:
            self.outcomes.append(outcome)

    @property
    def failing(self) -> int:
        return sum(1 for o in self.outcomes if o.report is None)

    @property
    def open(self) -> bool:
        if not self.watching:
            return True
        return not site_change_possible(self.failing + len(self.to_come), len(self.held))

    def change(self) -> SiteChange | None:
        """The site change the run's outcomes show, once every report is handed over."""
        return site_change(self.outcomes, self.held) if self.watching else None


@dataclass
class Loaded:
    """What the loader did, for the run's summary."""

    reports: list[LoadedReport] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)  # not re-parsed: bytes and outcome stand


class ReportLoader:
    """Parse (`ReportReader`) and load each report handed over, in the order handed over,
    holding the loads back while `gate` is shut. Used by one thread at a time."""

    def __init__(self, run: Run, reader: ReportReader, gate: SiteChangeGate) -> None:
        self.run = run
        self.reader = reader
        self.gate = gate
        self.loaded = Loaded()
        self._expected = 0
        self._number = 0
        self._held_back: list[Callable[[], None]] = []

    def listing(self, fetches: Sequence[FetchOutcome], expected: Collection[str]) -> None:
        """The listing's requests, and the reports the run will hand over."""
        self._expected = len(expected)
        self.gate.expect(expected)
        self._write(lambda: self._save_listing(fetches))

    def report(self, fetched: ReportFetch, parse: bool) -> None:
        """A report fetched (or replayed from the archive): parsed now if `parse`, loaded as
        soon as the gate lets it."""
        self._number += 1
        progress = f"[{self._number}/{max(self._expected, self._number)}] {fetched.slug}"
        outcome = self.reader.read(fetched) if parse else None
        self.gate.seen(fetched.slug, outcome)
        self._write(lambda: self._save_report(fetched, outcome, progress))

    def finish(self) -> Loaded:
        """Every report handed over: raise `SiteChangedError` (nothing was loaded) if the
        site changed, else load what is still held back."""
        self.gate.to_come.clear()
        changed = self.gate.change()
        if changed is not None:
            logger = self.run.logger
            logger.error("%s", changed.line)
            for reason, count in changed.reasons:
                logger.error("  %d reports: %s", count, reason)
            raise SiteChangedError(changed, self.run.run_id)
        self._flush()
        return self.loaded

    def _write(self, write: Callable[[], None]) -> None:
        self._held_back.append(write)
        if self.gate.open:
            self._flush()

    def _flush(self) -> None:
        held, self._held_back = self._held_back, []
        for write in held:
            write()

    def _save_listing(self, fetches: Sequence[FetchOutcome]) -> None:
        conn, run_id = self.run.conn, self.run.run_id
        log_fetches(conn, run_id, fetch_records(fetches))
        save_page_states(conn, run_id, page_states(fetches, None, {}))

    def _save_report(
        self, fetched: ReportFetch, outcome: ReportOutcome | None, progress: str
    ) -> None:
        """One report's requests, then (parsed) its outcome in one transaction and its
        pages' state, or (not parsed) its pages marked checked."""
        conn, run_id = self.run.conn, self.run.run_id
        log_fetches(conn, run_id, fetch_records(fetched.fetches))
        if outcome is None:
            mark_checked(conn, run_id, [o.url for o in fetched.fetches if o.error is None])
            self.run.logger.info("%s unchanged: nothing re-parsed", progress)
            self.loaded.unchanged.append(fetched.slug)
            return
        if outcome.pdf_reading is not None and outcome.pdf_reading.finished:
            save_pdf_parse(conn, outcome.pdf_reading, PARSER_VERSION)
        changes = save_outcome(conn, outcome, parser_version=PARSER_VERSION, run_id=run_id)
        kinds = {page.url: page.page_kind or "" for page in outcome.source_pages}
        save_page_states(conn, run_id, page_states(fetched.fetches, fetched.entry.slug, kinds))
        self.loaded.reports.append(LoadedReport(outcome, changes))
        log_outcome(self.run, progress, self.loaded.reports[-1])


class ReportSink:
    """What a source hands its reports to: the loader itself, or its thread
    (`BackgroundLoader`)."""

    def __init__(self, loader: ReportLoader) -> None:
        self.loader = loader

    def listing(self, fetches: Sequence[FetchOutcome], expected: Collection[str]) -> None:
        self.loader.listing(fetches, expected)

    def report(self, fetched: ReportFetch, parse: bool) -> None:
        self.loader.report(fetched, parse)


class BackgroundLoader(ReportSink):
    """The loader on a thread of its own: the work is queued in order and done while the
    caller (the crawl) waits on the network. The first error the thread meets stops it and
    is raised in the caller at its next hand-over, or when the thread is joined."""

    def __init__(self, loader: ReportLoader) -> None:
        super().__init__(loader)
        self._jobs: queue.SimpleQueue[Callable[[], None] | None] = queue.SimpleQueue()
        self._error: BaseException | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._work, name="cqc-loader", daemon=True)
        self._thread.start()

    def listing(self, fetches: Sequence[FetchOutcome], expected: Collection[str]) -> None:
        self._raise_error()
        self._jobs.put(lambda: self.loader.listing(fetches, expected))

    def report(self, fetched: ReportFetch, parse: bool) -> None:
        self._raise_error()
        self._jobs.put(lambda: self.loader.report(fetched, parse))

    def join(self, *, abandon: bool = False) -> None:
        """Wait for the queued work (with `abandon`, only for the report in hand: the run is
        stopping), then raise the thread's error, if it met one."""
        if abandon:
            self._stop.set()
        self._jobs.put(None)
        self._thread.join()
        if not abandon:
            self._raise_error()

    def _raise_error(self) -> None:
        if self._error is not None:
            raise self._error

    def _work(self) -> None:
        while (job := self._jobs.get()) is not None:
            if self._stop.is_set() or self._error is not None:
                continue
            try:
                job()
            except BaseException as exc:  # handed to the caller, whatever it is
                self._error = exc


@contextmanager
def loading_behind(loader: ReportLoader, *, background: bool) -> Iterator[ReportSink]:
    """A sink for a source's reports: with `background`, a thread that loads behind the
    caller (joined on the way out; if the caller fails, after the report in hand only, so
    each report is loaded whole or not at all); else the loader itself."""
    if not background:
        yield ReportSink(loader)
        return
    sink = BackgroundLoader(loader)
    try:
        yield sink
    except BaseException:
        sink.join(abandon=True)
        raise
    sink.join()


def log_outcome(run: Run, progress: str, done: LoadedReport) -> None:
    """One line per report saved (a warning per problem), for the run's log."""
    outcome = done.outcome
    logger = run.logger
    if outcome.report is None:
        first, more = outcome.issues[0], len(outcome.issues) - 1
        logger.warning(
            "%s not loaded (%s): %s%s",
            progress,
            first.stage,
            first.reason,
            f" (and {more} more)" if more else "",
        )
        return
    for issue in outcome.issues:
        logger.warning("%s loaded, with a warning (%s): %s", progress, issue.stage, issue.reason)
    for d in outcome.disagreements:
        logger.warning(
            "%s: the PDF says %s = %s, the pages %s (the pages' value is loaded)",
            progress,
            d.field,
            d.pdf_value,
            d.html_value,
        )
    if done.is_new:
        what = "new"
    elif done.changes:
        what = "changed: " + ", ".join(c.field or c.change_kind for c in done.changes)
    else:
        what = "re-parsed, unchanged"
    report = outcome.report
    pct = f"{report.overall_score_pct}%" if report.overall_score_pct else "no %"
    logger.info("%s %s (%s, %s)", progress, what, report.overall_rating, pct)
