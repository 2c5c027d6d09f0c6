"""An Atom 1.0 feed (RFC 4287) of new and changed reports, from `report_change`.

Why a feed: people who follow a council want to hear when CQC publishes or amends its report
without re-reading the whole HTML report. One entry per run and report (a run's changes to one
assessment are one entry), newest first, linking the council's page in the report and CQC's own
report. Ids are `urn:uuid:` UUIDs derived (uuid5) from the assessment and the run, so the same
warehouse always gives the same ids and a reader never sees an entry twice. The XML is built
with ElementTree, which escapes every text and attribute; what XML cannot hold at all (a control
byte an old warehouse kept) is replaced first (`publish.markup`).
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, get_args
from urllib.parse import urljoin, urlsplit, urlunsplit

import duckdb

from publish.attribution import attribution_text
from publish.markup import escape, markup_safe
from transform.changes import ChangeKind

__all__ = [
    "ATOM_NS",
    "FEED_FILE",
    "Change",
    "FeedEntry",
    "describe_change",
    "feed_entries",
    "published_base",
    "render_feed",
    "write_feed",
]

ATOM_NS = "http://www.w3.org/2005/Atom"
XML_NS = "http://www.w3.org/XML/1998/namespace"
FEED_FILE = "feed.atom"
FEED_TITLE = "CQC adult social care assessments: new and changed reports"
# Fixed namespace of every id this feed mints (uuid5 of a name under it).
ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:cqc-warehouse:report-change-feed")
NEVER = datetime(1970, 1, 1)  # a feed with nothing ever loaded still needs an `updated`
# report_change kinds in the order a summary lists them (diff_reports' order).
KIND_ORDER: tuple[str, ...] = (*get_args(ChangeKind), "withdrawn", "relisted")
# Kinds a run records when it watches the listing (warehouse.status), not found in a report.
_LISTING_KINDS = {"withdrawn": "withdrawn from CQC's listing", "relisted": "listed again"}
_FIELD_LABELS = {
    "page_last_updated": "page last updated",
    "published_on": "published",
    "la_name": "council name",
    "assessment_kind": "kind",
    "indicative": "indicative",
    "overall_rating": "rating",
    "overall_score_pct": "score %",
    "unscored_statements": "unscored statements",
    "people_experience": "people's experience",
    "facts": "facts",
    "published_name": "name",
    "score_label": "score label",
    "what_people_expect": "what people expect",
    "commitment": "commitment",
}


@dataclass(frozen=True)
class Change:
    """One report_change row."""

    change_kind: str
    field: str | None
    old_value: str | None
    new_value: str | None


@dataclass(frozen=True)
class FeedEntry:
    run_id: int
    assessment_id: str
    council: str
    la_code: str | None
    pilot: bool
    report_url: str | None
    updated: datetime
    run_started_at: datetime | None
    changes: tuple[Change, ...]

    @property
    def entry_id(self) -> str:
        """Derived from the assessment and the run (with the run's start, when recorded, so
        run 3 of one warehouse is not run 3 of another)."""
        started = self.run_started_at.isoformat() if self.run_started_at else ""
        name = f"{self.assessment_id}|run {self.run_id}|{started}"
        return f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, name)}"

    @property
    def title(self) -> str:
        who = f"{self.council} (2023 pilot, indicative)" if self.pilot else self.council
        if any(c.change_kind == "new_report" for c in self.changes):
            return f"{who}: new report"
        listing = [
            _LISTING_KINDS[c.change_kind] for c in self.changes if c.change_kind in _LISTING_KINDS
        ]
        changed = [c for c in self.changes if c.change_kind not in _LISTING_KINDS]
        parts = [*listing]
        if changed:
            parts.append("changed: " + ", ".join(describe_change(c) for c in changed))
        return f"{who}: " + "; ".join(parts)


def describe_change(change: Change) -> str:
    """A change in a few words: short values as 'old → new' ('rating Good → Requires
    improvement', 'qs1 2 → 3'), text fields by name only ('qs3 key findings')."""
    kind, field = change.change_kind, change.field or ""
    if kind == "new_report":
        return "new report"
    if kind in _LISTING_KINDS:
        return _LISTING_KINDS[kind]
    if kind in ("findings_changed", "facts_changed"):
        if kind == "findings_changed" and field.startswith("qs"):
            number, _, part = field.partition(".")
            return f"{number} {_FIELD_LABELS.get(part, part) if part else 'key findings'}"
        return _FIELD_LABELS.get(field, field)
    if field == "unscored_statements":
        return _FIELD_LABELS[field]
    label = _FIELD_LABELS.get(field, field)
    return f"{label} {change.old_value or 'none'} → {change.new_value or 'none'}"


def sort_changes(changes: Iterable[Change]) -> tuple[Change, ...]:
    """In diff_reports' order: by kind, then qs1 before qs2 ... qs9 before its parts."""

    def key(c: Change) -> tuple[int, str, int, str]:
        field = c.field or ""
        head, _, part = field.partition(".")
        number = int(head[2:]) if head.startswith("qs") and head[2:].isdigit() else 0
        kind = KIND_ORDER.index(c.change_kind) if c.change_kind in KIND_ORDER else len(KIND_ORDER)
        return (kind, head if not number else "qs", number, part)

    return tuple(sorted(changes, key=key))


# --- querying ---------------------------------------------------------------------------------

_ENTRIES_SQL = """
WITH versions AS (
    SELECT assessment_id, valid_from_run AS run_id, max(page_last_updated) AS page_last_updated
    FROM assessment_version
    GROUP BY ALL
)
SELECT
    c.run_id,
    c.assessment_id,
    c.change_kind,
    c.field,
    c.old_value,
    c.new_value,
    coalesce(la.name, a.la_name_published, c.assessment_id) AS council,
    a.la_code,
    coalesce(a.indicative, false) AS pilot,
    a.report_url,
    r.started_at,
    -- when the run ended (or began, if it never ended); for a save outside a run, the day
    -- CQC last updated the version it saved
    coalesce(
        r.finished_at, r.started_at,
        CAST(coalesce(v.page_last_updated, a.published_on) AS TIMESTAMP)
    ) AS updated
FROM report_change AS c
LEFT JOIN assessment AS a USING (assessment_id)
LEFT JOIN local_authority AS la ON la.la_code = a.la_code
LEFT JOIN ingest_run AS r ON r.run_id = c.run_id
LEFT JOIN versions AS v ON v.assessment_id = c.assessment_id AND v.run_id = c.run_id
"""


def feed_entries(conn: duckdb.DuckDBPyConnection) -> list[FeedEntry]:
    """One entry per (run, assessment) in report_change, newest first (then by run, newest
    first, then by council)."""
    cursor = conn.execute(_ENTRIES_SQL)
    names = [d[0] for d in cursor.description or []]
    groups: dict[tuple[int, str], list[dict[str, Any]]] = {}
    for values in cursor.fetchall():
        row = dict(zip(names, values, strict=True))
        groups.setdefault((row["run_id"], row["assessment_id"]), []).append(row)
    entries = []
    for (run_id, assessment_id), rows in groups.items():
        first = rows[0]
        entries.append(
            FeedEntry(
                run_id=run_id,
                assessment_id=assessment_id,
                council=first["council"],
                la_code=first["la_code"],
                pilot=bool(first["pilot"]),
                report_url=first["report_url"],
                updated=first["updated"] or NEVER,
                run_started_at=first["started_at"],
                changes=sort_changes(
                    Change(r["change_kind"], r["field"], r["old_value"], r["new_value"])
                    for r in rows
                ),
            )
        )
    entries.sort(key=lambda e: (e.council, e.assessment_id))
    entries.sort(key=lambda e: (e.updated, e.run_id), reverse=True)
    return entries


def _feed_id(conn: duckdb.DuckDBPyConnection) -> str:
    """Stable for a warehouse: named after its first run's start (ingest_run only grows)."""
    row = conn.execute("SELECT min(started_at) FROM ingest_run").fetchone()
    first = row[0].isoformat() if row and row[0] else ""
    return f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, f'feed|{first}')}"


def _last_activity(conn: duckdb.DuckDBPyConnection) -> datetime:
    row = conn.execute(
        "SELECT greatest((SELECT max(coalesce(finished_at, started_at)) FROM ingest_run), "
        "(SELECT max(refreshed_at) FROM benchmark_refresh))"
    ).fetchone()
    return row[0] if row and row[0] else NEVER


def published_base(site_url: str) -> str:
    """`site_url` as the base the report's files resolve against: a directory (a trailing
    slash, so 'https://example.org/cqc' keeps its last segment), no query or fragment;
    ValueError unless http(s)."""
    parts = urlsplit(site_url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"not an http(s) address: {site_url!r}")
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


# --- rendering --------------------------------------------------------------------------------


def _timestamp(value: datetime) -> str:
    """RFC 3339 in UTC; the warehouse stores naive UTC timestamps."""
    value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrib: str) -> ET.Element:
    """A child element; its text and attributes cleared of what XML 1.0 forbids, which
    ElementTree would write as it is (an old warehouse may hold a control byte)."""
    safe = {name: markup_safe(value) for name, value in attrib.items()}
    element = ET.SubElement(parent, tag, safe)
    if text is not None:
        element.text = markup_safe(text)
    return element


def render_feed(
    entries: Sequence[FeedEntry],
    *,
    feed_id: str,
    updated: datetime,
    council_href: dict[str, str],
    site_url: str | None = None,
) -> str:
    """The feed as XML text: updated when its newest entry is (`updated` when it has none).
    `council_href` maps a council's la_code to its page, relative to the feed (e.g.
    'council/stoke-on-trent.html'). With `site_url`, where the report will be published, every
    link is absolute and the feed carries it as xml:base (feed readers and validators want
    absolute links); without it they stay relative, for a report opened from disk."""
    attrib = {"xmlns": ATOM_NS, f"{{{XML_NS}}}lang": "en"}
    base = published_base(site_url) if site_url else None
    if base:
        attrib[f"{{{XML_NS}}}base"] = base

    def href(path: str) -> str:
        return urljoin(base, path) if base else path

    feed = ET.Element("feed", attrib)
    _sub(feed, "id", feed_id)
    _sub(feed, "title", FEED_TITLE)
    _sub(
        feed,
        "subtitle",
        "Every report CQC published or changed, as found by each run of cqc-warehouse.",
    )
    _sub(feed, "updated", _timestamp(max((e.updated for e in entries), default=updated)))
    author = _sub(feed, "author")
    _sub(author, "name", "cqc-warehouse")
    _sub(feed, "link", rel="self", type="application/atom+xml", href=href(FEED_FILE))
    _sub(feed, "link", rel="alternate", type="text/html", href=href("index.html"))
    _sub(feed, "generator", "cqc-warehouse")
    _sub(feed, "rights", attribution_text())
    for entry in entries:
        page = council_href.get(entry.la_code or "")
        _entry(feed, entry, href(page) if page else None)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def _entry(feed: ET.Element, entry: FeedEntry, page: str | None) -> None:
    element = _sub(feed, "entry")
    _sub(element, "id", entry.entry_id)
    _sub(element, "title", entry.title)
    _sub(element, "updated", _timestamp(entry.updated))
    if page:
        _sub(element, "link", rel="alternate", type="text/html", href=page)
    if entry.report_url:
        _sub(element, "link", rel="related", type="text/html", href=entry.report_url,
             title="The report on CQC's website")  # fmt: skip
    for kind in dict.fromkeys(c.change_kind for c in entry.changes):
        _sub(element, "category", term=kind)
    _sub(element, "content", _content_html(entry), type="html")


def _content_html(entry: FeedEntry) -> str:
    """The entry's changes as an HTML list (ElementTree escapes it once more as XML text)."""
    run = f"run {entry.run_id}" if entry.run_id else "a load outside a recorded run"
    items = "".join(f"<li>{escape(describe_change(c))}</li>" for c in entry.changes)
    return f"<p>{escape(entry.council)}: found by {escape(run)}.</p><ul>{items}</ul>"


def write_feed(
    conn: duckdb.DuckDBPyConnection,
    out_dir: Path,
    council_href: dict[str, str],
    site_url: str | None = None,
) -> Path:
    """Write `feed.atom` under `out_dir` from report_change; an empty log gives a valid feed
    without entries."""
    entries = feed_entries(conn)
    text = render_feed(
        entries,
        feed_id=_feed_id(conn),
        updated=_last_activity(conn),
        council_href=council_href,
        site_url=site_url,
    )
    path = Path(out_dir) / FEED_FILE
    path.write_text(text, encoding="utf-8")
    return path
