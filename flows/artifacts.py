"""The run summary as a Prefect markdown artifact: what a morning reader needs on one page.

New, changed and failed reports with their reasons, warnings, and the PDF cross-check, under
the flow run in the Prefect UI (and as the latest version of a keyed artifact, so the
deployment's page always shows the last night's).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from prefect.artifacts import create_markdown_artifact

if TYPE_CHECKING:
    from pipeline.phases import IngestSummary, SiteChange
    from pipeline.providers import ProvidersSummary

ARTIFACT_KEY = "cqc-run-summary"


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def summary_markdown(summary: IngestSummary, title: str) -> str:
    """The run's summary as Markdown (pure: tested directly)."""
    lines = [
        f"# {title}",
        "",
        "| reports | new | changed | unchanged | not loaded | not due |",
        "|---|---|---|---|---|---|",
        f"| {summary.listed} | {summary.reports_new} | {summary.reports_changed} | "
        f"{summary.reports_unchanged} | {summary.failed} | {summary.reports_skipped} |",
        "",
        f"Pages: {summary.pages_fetched} fetched ({summary.bytes_fetched / 1e6:.1f} MB), "
        f"{summary.pages_not_modified} not modified, {summary.pages_failed} failed. "
        f"PDFs parsed: {summary.pdfs_parsed}; PDF disagreements: {summary.disagreements}. "
        f"{summary.seconds:.0f} s.",
        "",
    ]
    requests = summary.requests_line()
    if requests is not None:
        lines += [f"{requests[0].upper()}{requests[1:]}.", ""]
    if summary.new_reports:
        lines += ["## New reports", "", *[f"- {slug}" for slug in summary.new_reports], ""]
    if summary.changed_reports:
        lines += ["## Changed reports", ""]
        lines += [
            f"- {slug}: {', '.join(fields)}" for slug, fields in summary.changed_reports.items()
        ]
        lines.append("")
    if summary.not_loaded:
        lines += [
            "## Not loaded",
            "",
            "Every listed report whose latest reading could not be loaded, whether or not this "
            "run read it again.",
            "",
            "| report | not loaded since | stage | reason | page |",
            "|---|---|---|---|---|",
        ]
        lines += [
            f"| {_cell(n.slug)} | {n.since:%Y-%m-%d} (run {n.since_run}) | {n.stage} | "
            f"{_cell(n.reason)} | {_cell(n.url or '')} |"
            for n in summary.not_loaded
        ]
        lines.append("")
    blocked = {n.slug for n in summary.not_loaded}
    warnings = [i for i in summary.issues if not i.blocking and i.slug not in blocked]
    if warnings:
        lines += [
            "## Loaded, with warnings",
            "",
            "| report | stage | reason | page |",
            "|---|---|---|---|",
        ]
        lines += [
            f"| {_cell(i.slug)} | {i.stage} | {_cell(i.reason)} | {_cell(i.url or '')} |"
            for i in warnings
        ]
        lines.append("")
    if summary.withdrawn or summary.relisted:
        lines += ["## Listing", ""]
        lines += [
            f"- {_cell(slug)}: no longer listed, marked withdrawn (rows kept, out of the ranks)"
            for slug in summary.withdrawn
        ]
        lines += [f"- {_cell(slug)}: listed again" for slug in summary.relisted]
        lines.append("")
    if not (
        summary.new_reports
        or summary.changed_reports
        or summary.issues
        or summary.not_loaded
        or summary.withdrawn
        or summary.relisted
    ):
        lines += ["Nothing new, nothing changed, nothing failed.", ""]
    return "\n".join(lines)


def publish_summary(summary: IngestSummary, title: str) -> None:
    """Attach the summary to the current flow run as a markdown artifact."""
    create_markdown_artifact(
        key=ARTIFACT_KEY,
        markdown=summary_markdown(summary, title),
        description=title,
    )


def site_change_markdown(change: SiteChange, title: str) -> str:
    """Why a run loaded nothing: how many reports no longer parse, each reason by count
    (pure: tested directly)."""
    lines = [
        f"# {title}",
        "",
        f"**{change.line[0].upper()}{change.line[1:]}.** Nothing was loaded: every table holds "
        "what the last good run loaded. Check the site's pages (their archived copies are in "
        "this run's WARC file) before the next run.",
        "",
        "| reports | reason |",
        "|---|---|",
        *[f"| {count} | {_cell(reason)} |" for reason, count in change.reasons],
        "",
        "Reports that no longer parse: " + ", ".join(change.failing),
        "",
    ]
    return "\n".join(lines)


def publish_site_change(change: SiteChange, title: str) -> None:
    """Attach why the run loaded nothing to the current flow run as a markdown artifact."""
    create_markdown_artifact(
        key=ARTIFACT_KEY, markdown=site_change_markdown(change, title), description=title
    )


def providers_markdown(summary: ProvidersSummary, title: str) -> str:
    """A providers run as Markdown: each file (or council) loaded, unchanged or failed, with
    its rows and every problem counted (pure: tested directly)."""
    lines = [
        f"# {title}",
        "",
        f"Month: {summary.month:%Y-%m}; {summary.councils} councils in council_care_market.",
        "",
        "| what | status | rows read | rows loaded | problems | source |",
        "|---|---|---|---|---|---|",
    ]
    for load in summary.loads:
        problems = sum(s.count for s in load.issues)
        lines.append(
            f"| {_cell((load.kind or 'file').replace('_', ' '))} | {load.status} | "
            f"{load.rows_read} | {load.rows_loaded} | {problems} | {_cell(load.url)} |"
        )
    notes = [f"- {_cell(load.url)}: {_cell(load.error)}" for load in summary.failed]
    notes += [f"- {_cell(s.line)}" for load in summary.loads for s in load.issues]
    if notes:
        lines += ["", "## Problems", "", *notes]
    return "\n".join([*lines, ""])


def publish_providers(summary: ProvidersSummary, title: str) -> None:
    """Attach a providers run's summary to the current flow run."""
    create_markdown_artifact(
        key="cqc-providers-summary",
        markdown=providers_markdown(summary, title),
        description=title,
    )
