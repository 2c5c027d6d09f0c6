"""A blind site (tests/blind/README.md) read the way the nightly run reads cqc.org.uk, and
each report compared with its author's answer key.

The site is answered from its `routes.json` through an in-process HTTP transport; the
production crawler (`pipeline.crawl.crawl_site`) discovers and fetches it into a real WARC
archive, and the production per-report pipeline (`transform.pipeline.build_outcome`) reads
each report back from that archive. Nothing here knows how the parser works: a family passes
when what would be loaded equals what its author says the pages print.

    python -m tests.blind.corpus tests/blind/round1        # the pass rate, and why not
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import httpx

from extract.http import SiteClient
from extract.incremental import ConditionalFetcher
from extract.warc import WarcArchive
from pipeline.crawl import ReportFetch, crawl_site
from pipeline.phases import ReportReader
from tests.clock import VirtualClock
from transform.councils import UnknownCouncilError, match_council
from transform.errors import PageParseError
from transform.pdf_report import PdfReading, read_report_pdf
from transform.pipeline import ReportOutcome
from transform.records import Fact, KeyFinding, Report
from transform.report import assemble_report

BASE = "http://blind.test"
LISTING = "/care-services/local-authority-assessment-reports"
BLIND = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Site:
    """One author's site: its routes and its answer keys."""

    root: Path
    routes: dict[str, dict[str, str]]
    answers: dict[str, dict[str, Any]]

    @classmethod
    def read(cls, root: Path) -> Site:
        routes = json.loads((root / "routes.json").read_text(encoding="utf-8"))
        answers = {
            path.stem: json.loads(path.read_text(encoding="utf-8"))
            for path in sorted((root / "answers").glob("*.json"))
        }
        return cls(root, routes, answers)

    @property
    def name(self) -> str:
        return f"{self.root.parent.name}/{self.root.name}"

    def answer(self, request: httpx.Request) -> httpx.Response:
        path = request.url.raw_path.decode("ascii")
        route = self.routes.get(path) or self.routes.get(path.split("?", 1)[0])
        if route is None:
            return httpx.Response(404, text="not found")
        body = (self.root / route["file"]).read_bytes()
        return httpx.Response(200, content=body, headers={"Content-Type": route["type"]})


def sites(round_dir: Path) -> list[Site]:
    return [Site.read(p) for p in sorted(round_dir.iterdir()) if (p / "routes.json").is_file()]


def read_site(site: Site, workdir: Path) -> dict[str, tuple[ReportFetch, ReportOutcome]]:
    """Crawl the whole site into an archive under `workdir`, every report read through the
    pipeline (its PDF too) as soon as it is archived, as an ingest reads it; keyed by slug."""
    archive = WarcArchive(workdir / "raw")
    reader = ReportReader(archive, read_pdf=read_report_pdf)
    clock = VirtualClock(start=1000.0)  # a Crawl-delay obeyed without the wait
    with archive.writer("cqc-blind-000001") as writer:
        client = SiteClient(
            BASE,
            transport=httpx.MockTransport(site.answer),
            min_interval_s=0,
            on_exchange=writer.write_exchange,
            clock=clock,
            sleep=clock.sleep,
        )
        with client:
            crawl = crawl_site(
                ConditionalFetcher(client, archive),
                writer,
                listing_url=BASE + LISTING,
                due=lambda entries: [e.slug for e in entries if e.slug],
                on_report=reader.read,
            )
    if crawl.stopped:
        raise RuntimeError(f"{site.name}: the crawl stopped: {crawl.stopped}")
    return {fetched.slug: (fetched, reader.read(fetched)) for fetched in crawl.reports}


# ------------------------------------------------------------------ comparing with a key


def plain(text: str | None) -> str:
    """Text as compared: NFKC, typographic quotes and dashes made plain, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text or "")
    for fancy, simple in (("\u2018\u2019\u201b\u2032", "'"), ("\u201c\u201d\u201f\u2033", '"')):
        text = re.sub(f"[{fancy}]", simple, text)
    text = re.sub("[\u2010\u2011\u2012\u2013\u2014\u2212]", "-", text)
    text = text.replace("\u00ad", "")
    return re.sub(r"\s+", " ", text).strip()


def _plain_all(texts: Iterable[str]) -> list[str]:
    return [plain(t) for t in texts]


def grouped_findings(findings: Sequence[KeyFinding]) -> list[tuple[str | None, list[str]]]:
    """Key findings as (sub-heading, the text blocks under it), in page order."""
    groups: list[tuple[str | None, list[str]]] = []
    for finding in findings:
        heading = plain(finding.heading) if finding.heading else None
        if not groups or groups[-1][0] != heading:
            groups.append((heading, []))
        groups[-1][1].append(plain(finding.text))
    return groups


def _key_findings(raw: Sequence[dict[str, Any]]) -> list[tuple[str | None, list[str]]]:
    return [
        (plain(f["heading"]) if f.get("heading") else None, _plain_all(f.get("paragraphs", [])))
        for f in raw
    ]


def _facts_match(facts: Sequence[Fact], expected: Sequence[dict[str, str]]) -> str | None:
    """Each expected bullet read as one fact (its whole text, or its label and its value),
    in any order (a PDF may print the table's rows before the sentences), none left over."""
    got = [plain(f.raw_text) for f in facts]
    if len(got) != len(expected):
        return f"{len(got)} bullets, expected {len(expected)}: {got}"
    left = list(got)
    for want in expected:
        if "text" in want:
            match = next((t for t in left if t == plain(want["text"])), None)
        else:
            label, value = plain(want["label"]), plain(want["value"])
            match = next((t for t in left if label in t and value in t), None)
        if match is None:
            return f"no bullet reads {want}; read {got}"
        left.remove(match)
    return None


def _differences(report: Report, key: dict[str, Any], *, pdf: bool = False) -> list[str]:
    """Where `report` says other than `key` (the fields `key` gives)."""
    out: list[str] = []

    def differ(name: str, got: object, want: object) -> None:
        if got != want:
            out.append(f"{name}: got {got!r}, expected {want!r}")

    if "rating" in key:  # a rating word in any case is the same rating (the site notes)
        got = report.overall_rating.casefold() if report.overall_rating else None
        differ("rating", got, key["rating"].casefold() if key["rating"] else None)
    if "overall_pct" in key:
        differ("overall %", report.overall_score_pct, key["overall_pct"])
    if key.get("published"):
        differ("published", report.published_on, date.fromisoformat(key["published"]))
    if key.get("last_updated") and not pdf:
        differ("last updated", report.page_last_updated, date.fromisoformat(key["last_updated"]))
    if "scores" in key:
        got = {str(q.number): q.score for q in report.quality_statements}
        want = {n: s for n, s in key["scores"].items() if s is not None}
        differ("scores", got, want)
    details = {str(d.statement.number): d for d in report.statement_details}
    for number, texts in sorted(key.get("statements", {}).items()):
        detail = details.get(number)
        if detail is None:
            out.append(f"statement {number}: no texts read")
            continue
        if "what_people_expect" in texts:
            differ(
                f"statement {number} what people expect",
                _plain_all(detail.what_people_expect),
                _plain_all(texts["what_people_expect"]),
            )
        if "commitment" in texts:
            differ(
                f"statement {number} commitment",
                plain(detail.commitment),
                plain(texts["commitment"]),
            )
        if "key_findings" in texts:
            differ(
                f"statement {number} key findings",
                grouped_findings(detail.key_findings),
                _key_findings(texts["key_findings"]),
            )
    if "people_experience" in key:
        differ(
            "people's experience",
            _plain_all(report.people_experience),
            _plain_all(key["people_experience"]),
        )
    for name in ("demographics", "financial_facts"):
        if name in key and (problem := _facts_match(getattr(report, name), key[name])):
            out.append(f"{name}: {problem}")
    return out


@dataclass
class Verdict:
    """One family against its key."""

    slug: str
    problems: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.problems


def judge(
    key: dict[str, Any], fetched: ReportFetch | None, outcome: ReportOutcome | None
) -> Verdict:
    verdict = Verdict(key["slug"])
    problems = verdict.problems
    if fetched is None or outcome is None:
        problems.append("not found by the crawl (not in the listing, or not linked)")
        return verdict
    report = outcome.report
    expect = key.get("expect", "loads")
    reasons = [f"{i.stage}: {i.reason}" for i in outcome.issues if i.blocking]
    if expect != "loads":
        if report is not None:
            problems.append(f"loaded, but should be refused: {expect['not_loaded']}")
        return verdict
    if report is None:
        problems.append("not loaded: " + "; ".join(reasons or ["(no reason)"]))
        return verdict
    try:
        la_code = match_council(report.la_name).la_code
    except UnknownCouncilError:
        la_code = None
    if la_code != key["la_code"]:
        problems.append(f"council: got {report.la_name!r} ({la_code}), expected {key['la_code']}")
    if report.assessment_kind != key["kind"]:
        problems.append(f"kind: got {report.assessment_kind}, expected {key['kind']}")
    if report.indicative != (key["kind"] == "pilot"):
        problems.append(f"indicative: got {report.indicative}")
    problems += _differences(report, key)
    pdf_key = key.get("pdf")
    if pdf_key:
        problems += _pdf_differences(outcome, pdf_key)
    return verdict


def _pdf_differences(outcome: ReportOutcome, pdf_key: dict[str, Any]) -> list[str]:
    url = BASE + pdf_key["url"]
    read = [p.url for p in outcome.source_pages if p.page_kind == "report_pdf"]
    if url not in read:
        return [f"PDF {pdf_key['url']} not read (read: {read})"]
    reading = outcome.pdf_reading
    said = _pdf_says(reading, url) if reading is not None else None
    if said is None:
        return [f"PDF not parsed: {reading.error if reading else 'never parsed'}"]
    return [f"PDF {d}" for d in _differences(said, pdf_key.get("carries", {}), pdf=True)]


def _pdf_says(reading: PdfReading, url: str) -> Report | None:
    """What the PDF says on its own, as a report record however incomplete."""
    if reading.facts is None:
        return None
    return assemble_report("pdf", url, [reading.facts]).draft


def judge_site(site: Site, workdir: Path) -> list[Verdict]:
    """Each family's verdict; a listing the crawler cannot read fails them all (the night
    would fail the same way), with its reason."""
    try:
        read = read_site(site, workdir)
    except PageParseError as exc:
        reason = f"the listing could not be read: {exc}"
        return [Verdict(key.get("slug", slug), [reason]) for slug, key in site.answers.items()]
    verdicts = []
    for slug, key in site.answers.items():
        fetched, outcome = read.get(key.get("slug", slug), (None, None))
        verdicts.append(judge(key, fetched, outcome))
    return verdicts


def main(argv: Sequence[str]) -> int:
    """Print each site's pass rate and every failing family's reasons."""
    total = passed = 0
    for arg in argv or [str(BLIND / "round1")]:
        for site in sites(Path(arg)):
            with tempfile.TemporaryDirectory() as tmp:
                verdicts = judge_site(site, Path(tmp))
            ok = sum(v.passed for v in verdicts)
            total += len(verdicts)
            passed += ok
            print(f"{site.name}: {ok} of {len(verdicts)} families pass")
            for v in verdicts:
                for problem in v.problems:
                    print(f"  {v.slug}: {problem}")
    rate = 100 * passed / total if total else 0.0
    print(f"all: {passed} of {total} ({rate:.0f} %)")
    return 0 if passed == total else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
