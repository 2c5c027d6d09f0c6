"""A static HTML benchmarking report, written from the warehouse's benchmark tables.

Why static files: the report is meant to be mailed, archived next to a warehouse snapshot or
opened straight from disk (file://) on machines with no network and no Python. So each page is
one self-contained HTML file: inline CSS, inline SVG, no JavaScript, no fonts, images or CDNs.
It only reads the benchmark tables that `warehouse.benchmarks.refresh_benchmarks` built (one
consistent snapshot, stamped in `benchmark_refresh`) and never writes to the warehouse.

Layout: `index.html` (league table, a heatmap of the nine quality statement scores by region,
the score distribution per statement, council types, the indicative pilots apart, every council
A to Z), one `region/<slug>.html` per region, one `council/<slug>.html` per council
(`publish.council_pages`) and `feed.atom`, the new and changed reports (`publish.feed`).
Every page ends with the data's licences and attribution (`publish.attribution`). Querying
(`query_*`) is kept apart from rendering (`render_*`: rows in, HTML string out, every text
escaped with `publish.markup.escape`, which also replaces what HTML and XML forbid).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb

from publish.council_pages import query_councils, render_council
from publish.feed import write_feed
from publish.market_page import MARKET_PAGE, query_market_page, render_market_page
from publish.markup import escape
from publish.page import (
    INK,
    SCORE_COLOURS,
    Row,
    council_link,
    council_pages,
    council_slug,
    date_text,
    diff_cell,
    minus,
    num_text,
    page_shell,
    pct_text,
    query_rows,
    read_refreshed_at,
    refresh_note,
    region_slug,
    render_footer,
    render_legend,
    score_cell,
    table_head,
    write_text,
)
from transform.quality_statements import STATEMENTS
from warehouse.db import SCORE_COLUMNS

__all__ = [
    "SCORE_COLOURS",
    "SCORE_COLUMNS",
    "IndexData",
    "RegionData",
    "council_slug",
    "query_index",
    "query_region",
    "region_slug",
    "render_footer",
    "render_index",
    "render_region",
    "write_report",
]


TITLE = "CQC adult social care assessments: local authority benchmarks"


@dataclass(frozen=True)
class IndexData:
    refreshed_at: datetime | None
    league: list[Row]
    distribution: list[Row]
    council_types: list[Row]
    pilots: list[Row]
    regions: list[Row]  # region, councils, avg_pct
    councils: list[Row] = field(default_factory=list)  # all 153: council, region, rating, %


@dataclass(frozen=True)
class RegionData:
    region: str
    refreshed_at: datetime | None
    councils: list[Row]  # regional_benchmark rows
    scores: list[Row]  # league_table rows of the region
    statements: list[Row]  # quality_statement_benchmark rows of the region
    not_assessed: list[Row] = field(default_factory=list)  # council, pilot: no formal report


# --- querying ---------------------------------------------------------------------------------


def query_index(conn: duckdb.DuckDBPyConnection) -> IndexData:
    """Everything the index page shows."""
    return IndexData(
        refreshed_at=read_refreshed_at(conn),
        league=query_rows(conn, "SELECT * FROM league_table ORDER BY rank, council"),
        distribution=query_rows(
            conn,
            "SELECT * FROM quality_statement_benchmark WHERE scope = 'england' ORDER BY qs_number",
        ),
        council_types=query_rows(
            conn, "SELECT * FROM council_type_benchmark ORDER BY avg_pct DESC NULLS LAST, la_type"
        ),
        pilots=query_rows(conn, "SELECT * FROM pilot_assessment ORDER BY council"),
        regions=query_rows(
            conn,
            "SELECT region, count(*) AS councils, any_value(region_avg_pct) AS avg_pct "
            "FROM regional_benchmark GROUP BY region ORDER BY region",
        ),
        councils=query_rows(
            conn,
            "SELECT la.name AS council, la.region, l.overall_rating, l.overall_score_pct, "
            "la.la_code IN (SELECT la_code FROM assessment WHERE indicative) AS pilot "
            "FROM local_authority AS la LEFT JOIN league_table AS l USING (la_code) "
            "ORDER BY la.region, la.name",
        ),
    )


def query_region(conn: duckdb.DuckDBPyConnection, region: str) -> RegionData:
    """Everything one region's page shows."""
    return RegionData(
        region=region,
        refreshed_at=read_refreshed_at(conn),
        councils=query_rows(
            conn,
            "SELECT * FROM regional_benchmark WHERE region = ? ORDER BY rank_in_region, council",
            [region],
        ),
        scores=query_rows(
            conn, "SELECT * FROM league_table WHERE region = ? ORDER BY council", [region]
        ),
        statements=query_rows(
            conn,
            "SELECT * FROM quality_statement_benchmark WHERE scope = 'region' AND region = ? "
            "ORDER BY qs_number",
            [region],
        ),
        not_assessed=query_rows(
            conn,
            "SELECT la.name AS council, "
            "la.la_code IN (SELECT la_code FROM assessment WHERE indicative) AS pilot "
            "FROM local_authority AS la WHERE la.region = ? "
            "AND la.la_code NOT IN (SELECT la_code FROM league_table) ORDER BY la.name",
            [region],
        ),
    )


# --- writing ----------------------------------------------------------------------------------


def write_report(
    conn: duckdb.DuckDBPyConnection, out_dir: Path, site_url: str | None = None
) -> list[Path]:
    """Write index.html, region/<slug>.html, council/<slug>.html (one per council),
    market.html (assessment vs local market, when there are councils) and feed.atom under
    `out_dir` (created if need be) from the warehouse read through `conn`; return the paths
    written: index, regions, councils, market page, feed. `site_url`, where the directory
    will be published, makes the feed's links absolute (the pages link relatively anyway)."""
    out_dir = Path(out_dir)
    (out_dir / "region").mkdir(parents=True, exist_ok=True)
    index = query_index(conn)
    written = [write_text(out_dir / "index.html", render_index(index))]
    for row in index.regions:
        page = out_dir / "region" / f"{region_slug(row['region'])}.html"
        written.append(write_text(page, render_region(query_region(conn, row["region"]))))
    councils = query_councils(conn)
    pages = council_pages(c.council["name"] for c in councils)
    if councils:
        (out_dir / "council").mkdir(exist_ok=True)
    for data in councils:
        page = out_dir / pages[data.council["name"]]
        written.append(write_text(page, render_council(data)))
    if councils:
        market = render_market_page(query_market_page(conn))
        written.append(write_text(out_dir / MARKET_PAGE, market))
    hrefs = {c.council["la_code"]: pages[c.council["name"]] for c in councils}
    written.append(write_feed(conn, out_dir, hrefs, site_url))
    return written


# --- pages ------------------------------------------------------------------------------------


def render_index(data: IndexData) -> str:
    """The national page."""
    body = [
        f"<h1>{escape(TITLE)}</h1>",
        refresh_note(data.refreshed_at),
        f'<p class="note">{len(data.league)} councils with a formal assessment are ranked; '
        f"{len(data.pilots)} indicative pilot assessments are listed apart.</p>",
        render_region_links(data.regions),
        '<p class="note" id="feed-link">New and changed reports, run by run: '
        '<a href="feed.atom" type="application/atom+xml">Atom feed</a>. Every council has a '
        'page: <a href="#councils-title">all councils A to Z</a>.</p>',
        render_market_link(data.councils),
        '<h2 id="heatmap-title">Quality statement scores by region</h2>',
        render_legend(),
        render_heatmap(data.league, group_by_region=True),
        '<h2 id="distribution-title">Score distribution per quality statement (England)</h2>',
        render_distribution(data.distribution),
        '<h2 id="league-title">League table (England)</h2>',
        render_league_table(data.league),
        '<h2 id="types-title">By type of council</h2>',
        render_council_types(data.council_types),
        '<h2 id="pilots-title">2023 pilot assessments (indicative, not ranked)</h2>',
        render_pilots(data.pilots),
        f'<h2 id="councils-title">All {len(data.councils)} councils</h2>',
        render_council_list(data.councils),
    ]
    return page_shell(TITLE, body)


def render_region(data: RegionData) -> str:
    """One region's page (it lives in region/, so links back go up one level)."""
    title = f"{data.region}: local authority benchmarks"
    body = [
        '<p><a href="../index.html">&larr; All regions (England)</a></p>',
        f"<h1>{escape(title)}</h1>",
        refresh_note(data.refreshed_at),
        render_region_summary(data.councils),
        '<h2 id="councils-title">Councils in the region</h2>',
        render_region_councils(data.councils),
        '<h2 id="heatmap-title">Quality statement scores</h2>',
        render_legend(),
        render_heatmap(data.scores, group_by_region=False, prefix="../"),
        '<h2 id="statements-title">Quality statement means: region vs England</h2>',
        render_region_statements(data.statements),
        render_not_assessed(data.not_assessed),
    ]
    return page_shell(title, body)


# --- components -------------------------------------------------------------------------------


def render_market_link(councils: Sequence[Row]) -> str:
    """The link to the assessment-vs-market page, written whenever there are councils."""
    if not councils:
        return ""
    return (
        '<p class="note" id="market-link">Each council\'s assessment beside its local care '
        f'market (CQC\'s register of care locations): <a href="{MARKET_PAGE}">Assessment vs '
        "local market</a>.</p>"
    )


def render_region_links(regions: Sequence[Row]) -> str:
    """Links to the region pages, each with its number of councils and mean %."""
    if not regions:
        return '<p class="note">No region has a formal assessment loaded yet.</p>'
    links = [
        f'<a href="region/{escape(region_slug(r["region"]))}.html">{escape(r["region"])} '
        f"({r['councils']}, mean {escape(num_text(r['avg_pct'], 1))}%)</a>"
        for r in regions
    ]
    return '<nav class="regions" aria-label="Regions">' + "".join(links) + "</nav>"


def render_heatmap(rows: Sequence[Row], *, group_by_region: bool, prefix: str = "") -> str:
    """Councils (rows) by the nine statements (columns), coloured by score; one block per
    region, councils alphabetical within it, each named with a link to its page (`prefix`
    leads from the page to the report's root)."""
    if not rows:
        return '<p class="note">No formal assessment loaded.</p>'
    groups: dict[str, list[Row]] = {}
    for row in sorted(rows, key=lambda r: (r["region"] or "", r["council"])):
        groups.setdefault(row["region"] if group_by_region else "", []).append(row)
    blocks = [_heatmap_block(region, members, prefix) for region, members in groups.items()]
    return '<div class="heatmap" id="heatmap">' + "".join(blocks) + "</div>"


def _heatmap_block(region: str, rows: Sequence[Row], prefix: str) -> str:
    heading = f"<h3>{escape(region)}</h3>" if region else ""
    head = "".join(
        f'<th scope="col" title="{escape(s.name)}">QS{s.number}</th>' for s in STATEMENTS
    )
    body = "".join(_heatmap_row(row, prefix) for row in rows)
    return (
        f'<section class="heatmap-region" data-region="{escape(region)}">{heading}'
        f'<table class="heat"><thead><tr><th class="council"></th>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table></section>"
    )


def _heatmap_row(row: Row, prefix: str) -> str:
    council = escape(row["council"])
    cells = "".join(
        score_cell(row.get(column), f"{row['council']}: {s.name}")
        for column, s in zip(SCORE_COLUMNS, STATEMENTS, strict=True)
    )
    return (
        f'<tr data-council="{council}"><th class="council" scope="row" title="{council}">'
        f"{council_link(row['council'], prefix)}</th>{cells}</tr>"
    )


def render_distribution(rows: Sequence[Row]) -> str:
    """Horizontal stacked bars (inline SVG): how many councils scored 1, 2, 3, 4 on each
    statement, with the statement's mean at the end."""
    if not rows:
        return '<p class="note">No scores loaded.</p>'
    label_w, bar_w, mean_w, row_h = 330, 700, 110, 26
    width, height = label_w + bar_w + mean_w, row_h * len(rows) + 24
    parts = [
        f'<svg id="distribution" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'style="max-width:100%;height:auto" '
        f'aria-label="Score distribution per quality statement">',
        f'<text x="{label_w + bar_w + 10}" y="14" font-size="12" fill="#555">mean</text>',
    ]
    for i, row in enumerate(rows):
        parts.append(_distribution_bar(row, y=20 + i * row_h, x0=label_w, bar_w=bar_w))
    parts.append("</svg>")
    return "".join(parts)


def _distribution_bar(row: Row, *, y: int, x0: int, bar_w: int) -> str:
    total = row["councils"] or 0
    name = f"QS{row['qs_number']} {row['quality_statement']}"
    out = [
        f'<g class="dist-row" data-qs="{row["qs_number"]}">',
        f'<text x="0" y="{y + 15}" font-size="12.5" fill="#222">{escape(name)}</text>',
    ]
    x = float(x0)
    for score, colour in SCORE_COLOURS.items():
        count = row[f"councils_scoring_{score}"] or 0
        w = bar_w * count / total if total else 0.0
        if w > 0:
            out.append(
                f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="20" fill="{colour}">'
                f"<title>{escape(f'{count} councils scored {score}')}</title></rect>"
            )
            if w >= 22:
                ink = INK[score]
                out.append(
                    f'<text x="{x + w / 2:.1f}" y="{y + 14}" font-size="11" fill="{ink}" '
                    f'text-anchor="middle">{count}</text>'
                )
        x += w
    mean = escape(num_text(row["avg_score"], 2))
    out.append(
        f'<text x="{x0 + bar_w + 10}" y="{y + 15}" font-size="12.5" fill="#222" '
        f'class="mean">{mean}</text></g>'
    )
    return "".join(out)


def render_league_table(rows: Sequence[Row]) -> str:
    """The national ranking, with links to each region page and each published report."""
    if not rows:
        return '<p class="note">No formal assessment loaded.</p>'
    head = table_head(
        ["Rank", "Council", "Region", "Type", "Rating", "Overall score", "Total (9-36)",
         "Published", "Report"],
        numeric={0, 5, 6},
    )  # fmt: skip
    body = "".join(_league_row(row) for row in rows)
    return f'<table id="league-table">{head}<tbody>{body}</tbody></table>'


def _league_row(row: Row) -> str:
    pct = row["overall_score_pct"]
    bar = f'<span class="pct-bar" style="width:{int(pct or 0)}px"></span>' if pct else ""
    region = row["region"] or ""
    region_link = f'<a href="region/{escape(region_slug(region))}.html">{escape(region)}</a>'
    return (
        f'<tr data-council="{escape(row["council"])}">'
        f'<td class="num rank">{escape(num_text(row["rank"]))}</td>'
        f"<td>{council_link(row['council'], css='council')}</td><td>{region_link}</td>"
        f"<td>{escape(row['la_type'] or '')}</td><td>{escape(row['overall_rating'] or '')}</td>"
        f'<td class="num pct">{bar}{escape(pct_text(pct))}</td>'
        f'<td class="num">{escape(num_text(row["score_total"]))}</td>'
        f"<td>{escape(date_text(row['published_on']))}</td><td>{_report_link(row)}</td></tr>"
    )


def render_council_types(rows: Sequence[Row]) -> str:
    """Overall results and statement means by type of council."""
    if not rows:
        return '<p class="note">No formal assessment loaded.</p>'
    labels = ["Type", "Assessed", "Mean %", "Range %", "Outst.", "Good", "Req. impr.", "Inad."]
    head = table_head(labels + [f"QS{s.number}" for s in STATEMENTS], numeric=set(range(1, 17)))
    body = "".join(_council_type_row(row) for row in rows)
    return f'<table id="council-types">{head}<tbody>{body}</tbody></table>'


def _council_type_row(row: Row) -> str:
    cells = [
        f"{row['councils_assessed']} of {row['councils']}",
        num_text(row["avg_pct"], 1),
        f"{num_text(row['min_pct'])}-{num_text(row['max_pct'])}",
        *(num_text(row[k]) for k in ("outstanding", "good", "requires_improvement", "inadequate")),
        *(num_text(row[f"{column}_avg"], 2) for column in SCORE_COLUMNS),
    ]
    tds = "".join(f'<td class="num">{escape(c)}</td>' for c in cells)
    return f"<tr><td>{escape(row['la_type'] or '')}</td>{tds}</tr>"


def render_pilots(rows: Sequence[Row]) -> str:
    """The 2023 pilots: indicative ratings and scores, in no rank or mean."""
    note = (
        '<p class="pilot">Indicative only: CQC published the 2023 pilot assessments with '
        "indicative ratings. They are not ranked and count towards no mean on this page.</p>"
    )
    if not rows:
        return note + '<p class="note">No pilot assessment loaded.</p>'
    head = table_head(
        ["Council", "Region", "Type", "Indicative rating", "Published"]
        + [f"QS{s.number}" for s in STATEMENTS]
        + ["Report"],
        numeric=set(),
    )
    body = "".join(_pilot_row(row) for row in rows)
    return f'{note}<table id="pilots" class="pilots">{head}<tbody>{body}</tbody></table>'


def _pilot_row(row: Row) -> str:
    cells = "".join(
        score_cell(row.get(column), f"{row['council']} (indicative): {s.name}")
        for column, s in zip(SCORE_COLUMNS, STATEMENTS, strict=True)
    )
    return (
        f'<tr data-council="{escape(row["council"])}"><td>{council_link(row["council"])}</td>'
        f"<td>{escape(row['region'] or '')}</td><td>{escape(row['la_type'] or '')}</td>"
        f"<td>{escape(row['indicative_rating'] or '')} (indicative)</td>"
        f"<td>{escape(date_text(row['published_on']))}</td>{cells}<td>{_report_link(row)}</td></tr>"
    )


def render_region_summary(rows: Sequence[Row]) -> str:
    if not rows:
        return '<p class="note">No formal assessment loaded for this region.</p>'
    first = rows[0]
    return (
        f'<p id="region-summary">{first["region_assessed"]} councils assessed. Regional mean '
        f'<strong id="region-mean">{escape(num_text(first["region_avg_pct"], 1))}%</strong> '
        f"(range {escape(pct_text(first['region_min_pct']))} to "
        f"{escape(pct_text(first['region_max_pct']))}); England mean "
        f'<strong id="england-mean">{escape(num_text(first["england_avg_pct"], 1))}%</strong>.</p>'
    )


def render_region_councils(rows: Sequence[Row]) -> str:
    """The region's councils ranked, against the regional and the England mean."""
    if not rows:
        return ""
    head = table_head(
        ["Rank in region", "Council", "Type", "Rating", "Overall score", "vs region mean",
         "vs England mean", "Rank in England"],
        numeric={0, 4, 5, 6, 7},
    )  # fmt: skip
    body = "".join(
        f'<tr data-council="{escape(r["council"])}">'
        f'<td class="num rank">{escape(num_text(r["rank_in_region"]))}</td>'
        f"<td>{council_link(r['council'], '../')}</td><td>{escape(r['la_type'] or '')}</td>"
        f"<td>{escape(r['overall_rating'] or '')}</td>"
        f'<td class="num pct">{escape(pct_text(r["overall_score_pct"]))}</td>'
        f"{diff_cell(r['pct_vs_region_avg'], 1)}{diff_cell(r['pct_vs_england_avg'], 1)}"
        f'<td class="num">{escape(num_text(r["rank_in_england"]))}</td></tr>'
        for r in rows
    )
    return f'<table id="region-councils">{head}<tbody>{body}</tbody></table>'


def render_region_statements(rows: Sequence[Row]) -> str:
    """Each statement's mean score in the region against England's."""
    if not rows:
        return '<p class="note">No scores loaded for this region.</p>'
    head = table_head(
        ["Statement", "Theme", "Region mean", "England mean", "Difference", "Rank (1 = weakest)"],
        numeric={2, 3, 4, 5},
    )
    body = "".join(
        f'<tr data-qs="{r["qs_number"]}">'
        f"<td>QS{r['qs_number']} {escape(r['quality_statement'])}</td>"
        f"<td>{escape(r['theme'])}</td>"
        f'<td class="num">{escape(num_text(r["avg_score"], 2))}</td>'
        f'<td class="num">{escape(num_text(r["england_avg_score"], 2))}</td>'
        f"{diff_cell(minus(r['avg_score'], r['england_avg_score']), 2)}"
        f'<td class="num">{escape(num_text(r["rank_weakest"]))}</td></tr>'
        for r in rows
    )
    return f'<table id="region-statements">{head}<tbody>{body}</tbody></table>'


def render_not_assessed(rows: Sequence[Row]) -> str:
    """The region's councils without a formal assessment yet, each linked to its page."""
    if not rows:
        return ""
    items = "".join(
        f"<li>{council_link(r['council'], '../')}{' (2023 pilot only)' if r['pilot'] else ''}</li>"
        for r in rows
    )
    return (
        f'<h2 id="not-assessed-title">Not yet formally assessed ({len(rows)})</h2>'
        f'<ul id="not-assessed">{items}</ul>'
    )


def render_council_list(rows: Sequence[Row]) -> str:
    """Every council, by region then name, linked to its page with its rating and % (or
    that it is not yet assessed)."""
    if not rows:
        return '<p class="note">No council loaded.</p>'
    groups: dict[str, list[Row]] = {}
    for row in rows:
        groups.setdefault(row["region"], []).append(row)
    sections = []
    for region, members in groups.items():
        items = "".join(
            f'<li data-council="{escape(r["council"])}">{council_link(r["council"])} '
            f'<span class="note">({escape(_council_status(r))})</span></li>'
            for r in members
        )
        sections.append(f"<section><h3>{escape(region)}</h3><ul>{items}</ul></section>")
    return '<div class="council-list" id="council-list">' + "".join(sections) + "</div>"


def _council_status(row: Row) -> str:
    if row["overall_rating"]:
        return f"{row['overall_rating']}, {pct_text(row['overall_score_pct'])}"
    return "2023 pilot only" if row["pilot"] else "not yet assessed"


# --- small helpers ----------------------------------------------------------------------------


def _report_link(row: Row) -> str:
    url = row.get("report_url")
    if not url:
        return ""
    return f'<a href="{escape(url)}" rel="external">report</a>'
