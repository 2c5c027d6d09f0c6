"""One HTML page per council (all 153) for the static report: `council/<slug>.html`.

Why: the index and region pages compare councils; someone who cares about one council wants
its own result in one place: rating and %, each of the nine statements against the means of
its region, its type of council, England and (when `council_neighbour` is built) its
statistical neighbours, its report's history and what changed, its key findings and (when
`council_outcome` is present) Oflog's outcome measures, and its local care market (CQC's
register of care locations: `council_care_market`, when a month is loaded). A council not
yet assessed gets a short page saying so, and its market. The tables built by colleagues'
benchmarks are optional: each is read only when duckdb_tables()/duckdb_views() show it,
and its column is rendered only then.

Everything is read in one query per table (`query_councils`), then rendered page by page
(`render_council`) with the shell and helpers of `publish.html_report`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

import duckdb

from publish.feed import Change, describe_change, sort_changes
from publish.markup import escape
from publish.page import (
    SCORE_LABELS,
    Row,
    council_slug,
    date_text,
    diff_cell,
    num_text,
    page_shell,
    pct_text,
    query_rows,
    read_refreshed_at,
    refresh_note,
    region_slug,
    render_legend,
    score_cell,
    table_head,
)
from transform.annual_grades import OUTCOMES
from transform.quality_statements import STATEMENTS

__all__ = ["NEAREST_NEIGHBOURS", "CouncilData", "has_relation", "query_councils", "render_council"]

# The neighbours a council is compared with: the nearest 15, as council_statement_benchmark's
# neighbour means count them.
NEAREST_NEIGHBOURS = 15
REPORT_LINK_TEXT = "CQC's report"


@dataclass(frozen=True)
class CouncilData:
    council: Row  # local_authority: la_code, name, region, la_type
    refreshed_at: datetime | None
    formal: Row | None  # league_table + regional_benchmark row; None when not assessed
    statements: list[Row]  # council_statement_benchmark rows (+ neighbour means)
    pilot: Row | None  # the 2023 pilot assessment, if the council had one
    pilot_scores: list[Row]
    neighbours: list[Row] | None  # None: council_neighbour is not in the warehouse
    outcomes: list[Row] | None  # None: council_outcome is not in the warehouse
    history: list[Row]  # assessment_history rows of the council's reports, with changes
    findings: list[Row]  # the shown assessment's key findings, by statement
    withdrawn: list[Row]  # the council's reports CQC's listing no longer names (kept, unranked)
    # annual grades (2008-10), the pilot, the formal assessments: newest first (_timeline_rows)
    timeline: list[Row] = field(default_factory=list)
    # council_care_market rows, oldest month first; None: no market month loaded at all
    market: list[Row] | None = None


def has_relation(conn: duckdb.DuckDBPyConnection, name: str) -> bool:
    """Whether the warehouse has a table or view `name` (tables colleagues add later)."""
    row = conn.execute(
        "SELECT (SELECT count(*) FROM duckdb_tables() WHERE table_name = $1 "
        "AND schema_name = current_schema()) + (SELECT count(*) FROM duckdb_views() "
        "WHERE view_name = $1 AND NOT internal AND schema_name = current_schema())",
        [name],
    ).fetchone()
    return bool(row and row[0])


def _by(rows: Sequence[Row], key: str) -> dict[str, list[Row]]:
    groups: dict[str, list[Row]] = {}
    for row in rows:
        groups.setdefault(row[key], []).append(row)
    return groups


def query_councils(conn: duckdb.DuckDBPyConnection) -> list[CouncilData]:
    """Everything every council page shows, one query per table, councils by name."""
    councils = query_rows(
        conn, "SELECT la_code, name, region, la_type FROM local_authority ORDER BY name"
    )
    formal = {
        r["la_code"]: r
        for r in query_rows(
            conn,
            "SELECT l.*, r.rank_in_region, r.rank_in_england, r.region_assessed, "
            "r.region_avg_pct, r.england_avg_pct, r.pct_vs_region_avg, r.pct_vs_england_avg, "
            "count(*) OVER () AS england_assessed "
            "FROM league_table AS l JOIN regional_benchmark AS r USING (la_code)",
        )
    }
    with_neighbours = has_relation(conn, "council_neighbour")
    statements = _by(_statement_rows(conn, with_neighbours), "la_code")
    pilots = {
        r["la_code"]: r
        for r in query_rows(
            conn,
            "SELECT la_code, assessment_id, overall_rating, published_on, report_url "
            "FROM assessment WHERE indicative QUALIFY row_number() OVER "
            "(PARTITION BY la_code ORDER BY published_on DESC NULLS LAST, assessment_id) = 1",
        )
    }
    pilot_scores = _by(
        query_rows(
            conn,
            "SELECT a.la_code, q.qs_number, q.quality_statement, q.theme, q.score "
            "FROM quality_statement_score AS q JOIN assessment AS a USING (assessment_id) "
            "WHERE a.indicative ORDER BY a.la_code, q.qs_number",
        ),
        "la_code",
    )
    neighbours = _by(_neighbour_rows(conn), "la_code") if with_neighbours else None
    outcomes = (
        _by(_outcome_rows(conn), "la_code")
        if has_relation(conn, "council_outcome") and has_relation(conn, "outcome_measure")
        else None
    )
    history = _by(_history_rows(conn), "la_code")
    timeline = _by(_timeline_rows(conn), "la_code")
    withdrawn = _by(_withdrawn_rows(conn), "la_code") if has_relation(conn, "report_status") else {}
    findings = _by(_finding_rows(conn), "la_code")
    market_rows = _market_rows(conn)
    market = None if market_rows is None else _by(market_rows, "la_code")
    refreshed_at = read_refreshed_at(conn)
    return [
        CouncilData(
            council=c,
            refreshed_at=refreshed_at,
            formal=formal.get(c["la_code"]),
            statements=statements.get(c["la_code"], []),
            pilot=pilots.get(c["la_code"]),
            pilot_scores=pilot_scores.get(c["la_code"], []),
            neighbours=None if neighbours is None else neighbours.get(c["la_code"], []),
            outcomes=None if outcomes is None else outcomes.get(c["la_code"], []),
            history=history.get(c["la_code"], []),
            findings=findings.get(c["la_code"], []),
            withdrawn=withdrawn.get(c["la_code"], []),
            timeline=timeline.get(c["la_code"], []),
            market=None if market is None else market.get(c["la_code"], []),
        )
        for c in councils
    ]


def _statement_rows(conn: duckdb.DuckDBPyConnection, with_neighbours: bool) -> list[Row]:
    if not with_neighbours:
        return query_rows(
            conn, "SELECT * FROM council_statement_benchmark ORDER BY la_code, qs_number"
        )
    return query_rows(
        conn,
        "WITH n AS (SELECT n.la_code, s.qs_number, round(avg(s.score), 2) AS neighbour_mean, "
        "count(*) AS neighbours_scored FROM council_neighbour AS n "
        "JOIN council_statement_benchmark AS s ON s.la_code = n.neighbour_la_code "
        "WHERE n.rank <= ? GROUP BY ALL) "
        "SELECT b.*, n.neighbour_mean, coalesce(n.neighbours_scored, 0) AS neighbours_scored "
        "FROM council_statement_benchmark AS b LEFT JOIN n USING (la_code, qs_number) "
        "ORDER BY b.la_code, b.qs_number",
        [NEAREST_NEIGHBOURS],
    )


def _withdrawn_rows(conn: duckdb.DuckDBPyConnection) -> list[Row]:
    """Reports the listing no longer names, with the run that found them gone."""
    return query_rows(
        conn,
        "SELECT a.la_code, a.assessment_id, a.report_url, a.published_on, s.since, s.since_run "
        "FROM assessment AS a JOIN report_status AS s ON s.slug = a.assessment_id "
        "WHERE a.withdrawn AND s.status = 'withdrawn' "
        "ORDER BY a.la_code, a.published_on DESC NULLS LAST, a.assessment_id",
    )


def _neighbour_rows(conn: duckdb.DuckDBPyConnection) -> list[Row]:
    return query_rows(
        conn,
        "SELECT n.la_code, n.rank, n.neighbour_la_code, "
        "coalesce(la.name, n.neighbour_la_code) AS council, la.la_type, n.distance, n.method, "
        "l.overall_rating, l.overall_score_pct "
        "FROM council_neighbour AS n "
        "LEFT JOIN local_authority AS la ON la.la_code = n.neighbour_la_code "
        "LEFT JOIN league_table AS l ON l.la_code = n.neighbour_la_code "
        "WHERE n.rank <= ? ORDER BY n.la_code, n.rank",
        [NEAREST_NEIGHBOURS],
    )


def _outcome_rows(conn: duckdb.DuckDBPyConnection) -> list[Row]:
    """Each council's latest value of each measure (council_outcome) beside the median of every
    council Oflog published that year."""
    return query_rows(
        conn,
        "WITH m AS (SELECT measure_code, financial_year, median(value) AS england_median, "
        "count(value) AS councils FROM outcome_measure WHERE value IS NOT NULL GROUP BY ALL) "
        "SELECT o.la_code, o.measure_code, o.measure_name, o.higher_is_better, "
        "o.financial_year, o.value, m.england_median, m.councils "
        "FROM council_outcome AS o LEFT JOIN m USING (measure_code, financial_year) "
        "ORDER BY o.la_code, o.measure_code",
    )


def _history_rows(conn: duckdb.DuckDBPyConnection) -> list[Row]:
    rows = query_rows(
        conn,
        "SELECT a.la_code, a.assessment_kind, h.*, r.started_at AS run_started_at, "
        "r.finished_at AS run_finished_at "
        "FROM assessment_history AS h JOIN assessment AS a USING (assessment_id) "
        "LEFT JOIN ingest_run AS r ON r.run_id = h.valid_from_run "
        "ORDER BY a.la_code, a.published_on DESC NULLS LAST, h.assessment_id, h.version_no DESC",
    )
    changes: dict[tuple[str, int], list[Change]] = {}
    for c in query_rows(conn, "SELECT * FROM report_change"):
        changes.setdefault((c["assessment_id"], c["run_id"]), []).append(
            Change(c["change_kind"], c["field"], c["old_value"], c["new_value"])
        )
    for row in rows:
        key = (row["assessment_id"], row["valid_from_run"])
        row["changes"] = sort_changes(changes.get(key, []))
    return rows


def _finding_rows(conn: duckdb.DuckDBPyConnection) -> list[Row]:
    """The key findings of each council's formal assessment shown (its latest), by statement;
    a statement without findings is still listed (finding_no NULL)."""
    return query_rows(
        conn,
        "SELECT f.la_code, q.qs_number, q.quality_statement, q.theme, q.score, q.score_label, "
        "k.finding_no, k.heading, k.text "
        "FROM latest_formal_assessment AS f "
        "JOIN quality_statement_score AS q USING (assessment_id) "
        "LEFT JOIN key_finding AS k USING (assessment_id, qs_number) "
        "ORDER BY f.la_code, q.qs_number, k.finding_no",
    )


# --- rendering --------------------------------------------------------------------------------


def render_withdrawn(rows: Sequence[Row]) -> str:
    """A note per withdrawn report: its figures are kept (in the history) but not ranked."""
    return "".join(
        f'<p class="pilot" id="withdrawn-{escape(r["assessment_id"])}"><strong>Withdrawn.</strong> '
        f"CQC's listing no longer names the report published "
        f"{escape(date_text(r['published_on']))} ({escape(r['assessment_id'])}; gone since "
        f"{escape(date_text(r['since']))}, run {r['since_run']}). Its figures are kept in the "
        "history below but left out of every rank and mean.</p>"
        for r in rows
    )


def render_council(data: CouncilData) -> str:
    """One council's page (it lives in council/, so links to the root go up one level)."""
    c = data.council
    region_href = f"../region/{region_slug(c['region'])}.html"
    body = [
        '<p><a href="../index.html">&larr; All councils (England)</a> &middot; '
        f'<a href="{escape(region_href)}">{escape(c["region"])}</a></p>',
        f'<h1 id="council-name">{escape(c["name"])}</h1>',
        f'<p class="note" id="council-facts">{escape(c["region"])} &middot; '
        f"{escape(c['la_type'])} &middot; ONS code {escape(c['la_code'])}</p>",
        refresh_note(data.refreshed_at),
    ]
    if data.withdrawn:
        body.append(render_withdrawn(data.withdrawn))
    if data.formal is None:
        body.append(render_not_assessed(data))
    else:
        body += [
            render_summary(data.formal, region_href),
            '<h2 id="scores-title">Quality statements against the region, council type, '
            f"England{' and statistical neighbours' if data.neighbours is not None else ''}</h2>",
            render_legend(),
            render_scores(data.statements, data.council, data.neighbours is not None),
        ]
        if data.neighbours is not None:
            body += [
                f'<h2 id="neighbours-title">Statistical neighbours (nearest '
                f"{NEAREST_NEIGHBOURS})</h2>",
                render_neighbours(data.neighbours),
            ]
    if data.outcomes is not None:
        body += [
            '<h2 id="outcomes-title">Adult social care outcome measures (Oflog)</h2>',
            render_outcomes(data.outcomes),
        ]
    body += ['<h2 id="market-title">Local care market</h2>', render_market(data.market)]
    if data.timeline:
        body += ['<h2 id="timeline-title">History</h2>', render_timeline(data.timeline)]
    if data.history:
        body += ['<h2 id="history-title">History of the reports</h2>', render_history(data.history)]
    if data.formal is not None:
        body += ['<h2 id="findings-title">Key findings</h2>', render_findings(data.findings)]
    return page_shell(f"{c['name']}: adult social care assessment", body)


def render_not_assessed(data: CouncilData) -> str:
    """The short page of a council CQC has not formally assessed yet (and its pilot, if any)."""
    name = data.council["name"]
    text = (
        f'<p id="not-assessed"><strong>Not yet assessed.</strong> CQC has not published a '
        f"formal assessment of {escape(name)}'s adult social care yet, so the council is in no "
        "rank or mean of this report.</p>"
    )
    pilot = data.pilot
    if pilot is None:
        return text
    cells = "".join(
        score_cell(s["score"], f"{name} (indicative): QS{s['qs_number']} {s['quality_statement']}")
        for s in data.pilot_scores
    )
    head = "".join(f'<th scope="col">QS{s["qs_number"]}</th>' for s in data.pilot_scores)
    link = _external(pilot["report_url"], "the pilot report on CQC's website")
    return text + (
        '<h2 id="pilot-title">2023 pilot assessment (indicative, not ranked)</h2>'
        f'<p class="pilot">Indicative rating <strong id="pilot-rating">'
        f"{escape(pilot['overall_rating'] or '')}</strong>, published "
        f"{escape(date_text(pilot['published_on']))}; {link}.</p>"
        f'<table id="pilot-scores" class="pilots"><thead><tr>{head}</tr></thead>'
        f"<tbody><tr>{cells}</tr></tbody></table>"
    )


def render_summary(formal: Row, region_href: str) -> str:
    """Rating, %, ranks and the published report."""
    return (
        '<p id="council-summary">Overall rating '
        f'<strong id="council-rating">{escape(formal["overall_rating"] or "")}</strong>, overall '
        f'score <strong id="council-pct">{escape(pct_text(formal["overall_score_pct"]))}</strong> '
        f"(statement scores total {escape(num_text(formal['score_total']))} of 36). Rank "
        f'<span id="rank-england">{escape(num_text(formal["rank_in_england"]))}</span> of '
        f"{escape(num_text(formal['england_assessed']))} in England (mean "
        f"{escape(num_text(formal['england_avg_pct'], 1))}%) and "
        f'<span id="rank-region">{escape(num_text(formal["rank_in_region"]))}</span> of '
        f"{escape(num_text(formal['region_assessed']))} in "
        f'<a href="{escape(region_href)}">{escape(formal["region"])}</a> (mean '
        f"{escape(num_text(formal['region_avg_pct'], 1))}%). Published "
        f"{escape(date_text(formal['published_on']))}: "
        f"{_external(formal['report_url'], REPORT_LINK_TEXT)}.</p>"
    )


def render_scores(rows: Sequence[Row], council: Row, with_neighbours: bool) -> str:
    """Each statement's score against the means it is benchmarked on."""
    if not rows:
        return '<p class="note">No statement scores loaded.</p>'
    labels = [
        "Quality statement", "Theme", "Score", f"{council['region']} mean",
        f"Mean of {council['la_type']} councils", "England mean",
    ]  # fmt: skip
    if with_neighbours:
        labels.append("Neighbours mean")
    labels += ["vs region", "vs England"]
    head = table_head(labels, numeric=set(range(3, len(labels))))
    body = "".join(_score_row(r, council["name"], with_neighbours) for r in rows)
    return f'<table id="council-scores">{head}<tbody>{body}</tbody></table>'


def _score_row(row: Row, council: str, with_neighbours: bool) -> str:
    means = [row["region_avg_score"], row["type_avg_score"], row["england_avg_score"]]
    if with_neighbours:
        means.append(row["neighbour_mean"])
    cells = "".join(f'<td class="num mean">{escape(num_text(m, 2))}</td>' for m in means)
    label = f"{council}: QS{row['qs_number']} {row['quality_statement']}"
    return (
        f'<tr data-qs="{row["qs_number"]}"><td>QS{row["qs_number"]} '
        f"{escape(row['quality_statement'])}</td><td>{escape(row['theme'])}</td>"
        f"{score_cell(row['score'], label)}{cells}"
        f"{diff_cell(row['score_vs_region_avg'], 2)}{diff_cell(row['score_vs_england_avg'], 2)}"
        "</tr>"
    )


def render_neighbours(rows: Sequence[Row]) -> str:
    """The nearest neighbours, linked, with their results and how they were found."""
    if not rows:
        return '<p class="note">No statistical neighbours listed for this council.</p>'
    head = table_head(
        ["Rank", "Council", "Type", "Rating", "Overall score", "Distance", "Method"],
        numeric={0, 4, 5},
    )
    body = "".join(
        f'<tr data-council="{escape(r["council"])}">'
        f'<td class="num">{escape(num_text(r["rank"]))}</td>'
        f"<td>{_neighbour_link(r)}</td>"
        f"<td>{escape(r['la_type'] or '')}</td>"
        f"<td>{escape(r['overall_rating'] or 'not yet assessed')}</td>"
        f'<td class="num">{escape(pct_text(r["overall_score_pct"]))}</td>'
        f'<td class="num">{escape(num_text(r["distance"], 3))}</td>'
        f"<td>{escape(r['method'] or '')}</td></tr>"
        for r in rows
    )
    return f'<table id="council-neighbours">{head}<tbody>{body}</tbody></table>'


def _neighbour_link(row: Row) -> str:
    """Neighbours are councils, so their pages sit beside this one."""
    if row["la_type"] is None:  # a code local_authority does not hold: no page
        return escape(row["council"])
    return f'<a href="{escape(council_slug(row["council"]))}.html">{escape(row["council"])}</a>'


def render_outcomes(rows: Sequence[Row]) -> str:
    """Oflog's measures: the council's latest value of each, beside that year's median."""
    if not rows or all(r["value"] is None for r in rows):
        return '<p class="note">Oflog publishes no outcome measure for this council.</p>'
    head = table_head(["Measure", "Year", "Value", "Median of councils", "Better when"],
                 numeric={2, 3})  # fmt: skip
    body = "".join(
        f'<tr data-measure="{escape(r["measure_code"])}">'
        f"<td>{escape(r['measure_code'])} {escape(r['measure_name'])}</td>"
        f"<td>{escape(r['financial_year'] or 'none published')}</td>"
        f'<td class="num">{escape(_measure(r["value"]))}</td>'
        f'<td class="num">{escape(_measure(r["england_median"]))}</td>'
        f"<td>{_direction(r['higher_is_better'])}</td></tr>"
        for r in rows
    )
    return f'<table id="council-outcomes">{head}<tbody>{body}</tbody></table>'


def _measure(value: float | None) -> str:
    """Oflog publishes up to 10 decimals (a turnover of 23.95491372%): three are shown."""
    return "" if value is None else f"{round(float(value), 3):.12g}"


def _direction(higher_is_better: bool | None) -> str:
    if higher_is_better is None:
        return "no direction given"
    return "higher" if higher_is_better else "lower"


def render_history(rows: Sequence[Row]) -> str:
    """Every version of the council's reports, newest first, and what each changed."""
    head = table_head(
        ["Report", "Version", "Loaded", "Page last updated", "Rating", "%",
         *(f"QS{s.number}" for s in STATEMENTS), "What changed"],
        numeric={1, 5},
    )  # fmt: skip
    body = "".join(_history_row(r) for r in rows)
    return f'<table id="council-history">{head}<tbody>{body}</tbody></table>'


def _history_row(row: Row) -> str:
    kind = " (pilot)" if row["assessment_kind"] == "pilot" else ""
    current = " (current)" if row["is_current"] else ""
    scores = "".join(
        f'<td class="num">{escape(num_text(row[f"qs{s.number}"]))}</td>' for s in STATEMENTS
    )
    changes = "; ".join(describe_change(c) for c in row["changes"]) or "no change recorded"
    return (
        f'<tr data-assessment="{escape(row["assessment_id"])}" '
        f'data-version="{row["version_no"]}"><td>{escape(row["assessment_id"])}{kind}</td>'
        f'<td class="num">{row["version_no"]}{current}</td><td>{escape(_loaded(row))}</td>'
        f"<td>{escape(date_text(row['page_last_updated']))}</td>"
        f"<td>{escape(row['overall_rating'] or '')}</td>"
        f'<td class="num">{escape(num_text(row["overall_score_pct"]))}</td>{scores}'
        f'<td class="changes">{escape(changes)}</td></tr>'
    )


def _loaded(row: Row) -> str:
    if not row["valid_from_run"]:
        return "outside a recorded run"
    when = row["run_finished_at"] or row["run_started_at"]
    return f"run {row['valid_from_run']}" + (f", {when:%d %b %Y}" if when else "")


def render_findings(rows: Sequence[Row]) -> str:
    """Key findings by statement: a heading per statement with its score, the report's own
    sub-headings under it."""
    by_statement: dict[int, list[Row]] = {}
    for row in rows:
        by_statement.setdefault(row["qs_number"], []).append(row)
    if not by_statement:
        return '<p class="note">No key findings loaded.</p>'
    sections = []
    for number, members in by_statement.items():
        first = members[0]
        score = first["score"]
        label = first["score_label"] or SCORE_LABELS.get(score, "")
        parts = [
            f'<section class="findings" data-qs="{number}"><h3>QS{number} '
            f'{escape(first["quality_statement"])} <span class="note">({escape(first["theme"])}'
            f"; score {escape(num_text(score))}: {escape(label)})</span></h3>"
        ]
        heading: str | None = None
        written = 0
        for r in members:
            if r["finding_no"] is None:
                continue
            if r["heading"] and r["heading"] != heading:
                parts.append(f"<h4>{escape(r['heading'])}</h4>")
            heading = r["heading"] or heading
            parts.append(f"<p>{escape(r['text'])}</p>")
            written += 1
        if not written:
            parts.append('<p class="note">No key findings published for this statement.</p>')
        sections.append("".join(parts) + "</section>")
    return '<div id="key-findings">' + "".join(sections) + "</div>"


def _external(url: str, text: str) -> str:
    return f'<a href="{escape(url)}" rel="external">{escape(text)}</a>'


# --- the timeline: the annual grades (2008-10), the 2023 pilot, the formal assessments -----


def _timeline_rows(conn: duckdb.DuckDBPyConnection) -> list[Row]:
    """Each council's assessments of every kind, newest first: its reports (pilot and formal,
    withdrawn ones marked), then CQC's annual grades, a year's dated by its last day (31
    March), when the warehouse has them (an older file opened read-only may not)."""
    annual = (
        "UNION ALL BY NAME SELECT la_code, 'annual' AS kind, year, "
        "make_date(CAST(left(year, 4) AS INTEGER) + 1, 3, 31) AS dated, overall_grade, "
        f"{', '.join(column for column, _, _ in OUTCOMES)}, source "
        "FROM annual_performance_assessment "
        if has_relation(conn, "annual_performance_assessment")
        else ""
    )
    return query_rows(
        conn,
        "SELECT * FROM (SELECT la_code, assessment_kind AS kind, assessment_id, "
        "published_on AS dated, overall_rating, overall_score_pct, report_url, withdrawn "
        f"FROM assessment {annual}) "
        "ORDER BY la_code, kind = 'annual', dated DESC NULLS FIRST, assessment_id",
    )


def render_timeline(rows: Sequence[Row]) -> str:
    """The council's history as one list, newest first: formal assessments, the 2023 pilot,
    then each year's annual grades with its seven outcomes (distinct from render_history,
    which lists the versions of the reports this warehouse has loaded)."""
    items = "".join(_timeline_item(r) for r in rows)
    return f'<ol id="council-timeline" reversed>{items}</ol>'


def _timeline_item(row: Row) -> str:
    if row["kind"] == "annual":
        outcomes = "".join(
            f'<li data-outcome="{column}">{escape(name)}: '
            f"{escape((row[column] or 'no grade given').lower())}</li>"
            for column, name, _ in OUTCOMES
        )
        return (
            f'<li data-kind="annual" data-year="{escape(row["year"])}"><strong>'
            f"{escape(row['year'])}</strong>: CQC's annual performance assessment, overall "
            f'<strong class="grade">{escape(row["overall_grade"])}</strong>'
            f'<ul class="outcomes">{outcomes}</ul>'
            f'<span class="note">Source: {escape(row["source"])}</span></li>'
        )
    withdrawn = " (withdrawn from CQC's listing, not ranked)" if row["withdrawn"] else ""
    when = escape(date_text(row["dated"]) or "date not published")
    if row["kind"] == "pilot":
        what = (
            f"2023 pilot assessment, indicative rating <strong>"
            f"{escape(row['overall_rating'] or '')}</strong> (not ranked)"
        )
        link = _external(row["report_url"], "the pilot report")
    else:
        pct = row["overall_score_pct"]
        what = (
            f"formal assessment, rated <strong>{escape(row['overall_rating'] or '')}</strong>"
            + (f", {escape(pct_text(pct))}" if pct is not None else "")
        )
        link = _external(row["report_url"], REPORT_LINK_TEXT)
    return (
        f'<li data-kind="{escape(row["kind"])}" data-assessment="{escape(row["assessment_id"])}">'
        f"<strong>{when}</strong>: {what}{withdrawn}; {link}</li>"
    )


# --- the local care market: CQC's register of care locations, month by month (issue 21) ------


def _market_rows(conn: duckdb.DuckDBPyConnection) -> list[Row] | None:
    """Every council's council_care_market rows, oldest month first; None when no month is
    loaded (or an older warehouse has no such table), so the page can say so."""
    if not has_relation(conn, "council_care_market"):
        return None
    rows = query_rows(conn, "SELECT * FROM council_care_market ORDER BY la_code, as_of_month")
    return rows or None


def render_market(rows: Sequence[Row] | None) -> str:
    """The council's care market: its latest month's figures beside its region's and
    England's, the 12-month change, and the share rated Good or Outstanding month by month
    when several months are held. `rows` oldest first; None when no market data is loaded."""
    if rows is None:
        return (
            '<p class="note" id="market-none">No care market data loaded: CQC\'s register of '
            "care locations comes with <code>cqc providers ingest</code>.</p>"
        )
    if not rows:
        return (
            '<p class="note" id="market-none">CQC lists no adult social care location in this '
            "council's area in the months loaded.</p>"
        )
    latest = rows[-1]
    parts = [_market_summary(latest), _market_table(latest)]
    if len(rows) > 1:
        parts.append(_market_months(rows))
    return '<div id="council-market">' + "".join(parts) + "</div>"


# The counts of the latest month, as (column, heading).
_MARKET_COUNTS = (
    ("locations", "Locations"),
    ("care_homes", "Care homes"),
    ("care_home_beds", "Care home beds"),
    ("nursing_homes", "Nursing homes"),
    ("home_care_locations", "Home care"),
    ("dormant_locations", "Dormant"),
    ("outstanding", "Outstanding"),
    ("good", "Good"),
    ("requires_improvement", "Requires improvement"),
    ("inadequate", "Inadequate"),
    ("not_rated", "Not rated"),
)


def _market_summary(row: Row) -> str:
    """The month's counts: locations by type (dormant ones apart) and by overall rating."""
    month = f"{row['as_of_month']:%B %Y}"
    head = table_head([label for _, label in _MARKET_COUNTS], numeric=set(range(11)))
    cells = "".join(
        f'<td class="num" data-count="{column}">{escape(num_text(row[column]))}</td>'
        for column, _ in _MARKET_COUNTS
    )
    return (
        f'<p id="market-summary">Adult social care locations CQC lists in the council\'s area '
        f'as of <strong id="market-month">{escape(month)}</strong> (dormant ones count only '
        "as dormant):</p>"
        f'<table id="market-counts">{head}<tbody><tr>{cells}</tr></tbody></table>'
    )


def _pct1(value: float | None) -> str:
    """A market share as the warehouse rounds it, to one decimal place."""
    return "" if value is None else f"{float(value):.1f}%"


def _market_table(row: Row) -> str:
    """The two shares beside the region's and England's (pooled), and their 12-month change."""
    head = table_head(
        ["Rated Good or Outstanding", "This council", "Region", "England",
         "Change in 12 months"],
        numeric={1, 2, 3, 4},
    )  # fmt: skip
    shares = (
        ("market-locations", "Share of rated locations", ""),
        ("market-beds", "Share of beds in rated care homes", "beds_"),
    )
    body = "".join(
        f'<tr id="{key}"><td>{label}</td>'
        f'<td class="num">{escape(_pct1(row[f"{beds}good_or_outstanding_pct"]))}</td>'
        f'<td class="num">{escape(_pct1(row[f"region_{beds}good_or_outstanding_pct"]))}</td>'
        f'<td class="num">{escape(_pct1(row[f"england_{beds}good_or_outstanding_pct"]))}</td>'
        f"{_change_cell(row[f'{beds}good_or_outstanding_pct_12m_change'])}</tr>"
        for key, label, beds in shares
    )
    return f'<table id="market-shares">{head}<tbody>{body}</tbody></table>'


def _change_cell(value: float | None) -> str:
    """A change in percentage points; a dash when the month a year before is not held."""
    if value is None:
        return '<td class="num" title="the month a year before is not held">\u2014</td>'
    css = "pos" if value > 0 else "neg" if value < 0 else ""
    return f'<td class="num diff {css}">{value:+.1f} pp</td>'


def _market_months(rows: Sequence[Row]) -> str:
    """The share rated Good or Outstanding, month by month, beside the region's and England's."""
    head = table_head(
        ["Month", "Locations", "Rated", "% Good or Outstanding", "Region", "England",
         "% of beds", "Region (beds)", "England (beds)"],
        numeric=set(range(1, 9)),
    )  # fmt: skip
    body = "".join(
        f'<tr data-month="{r["as_of_month"]:%Y-%m}"><td>{r["as_of_month"]:%b %Y}</td>'
        + "".join(
            f'<td class="num">{escape(text)}</td>'
            for text in (
                num_text(r["locations"]),
                num_text(r["rated"]),
                _pct1(r["good_or_outstanding_pct"]),
                _pct1(r["region_good_or_outstanding_pct"]),
                _pct1(r["england_good_or_outstanding_pct"]),
                _pct1(r["beds_good_or_outstanding_pct"]),
                _pct1(r["region_beds_good_or_outstanding_pct"]),
                _pct1(r["england_beds_good_or_outstanding_pct"]),
            )
        )
        + "</tr>"
        for r in rows
    )
    return (
        '<h3 id="market-months-title">Rated Good or Outstanding, month by month</h3>'
        f'<table id="market-months">{head}<tbody>{body}</tbody></table>'
    )
