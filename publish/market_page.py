"""The report's "Assessment vs local market" page (`market.html`): every council, its
assessment and its local care market side by side, each cell coloured by its value.

Why: a council's rating is about how it meets people's needs, and much of that is the care it
commissions; whether councils rated well sit in markets rated well is the first thing people
ask once both are loaded. One row per council (all 153, grouped by region, by overall %
within it), the rating and %, the nine statement scores in the score colours every page
uses, then the market of the latest month held (council_care_market): the share of rated
locations and of care home beds rated Good or Outstanding, the share rated Inadequate and
the 12-month change. A council not assessed yet still shows its market; no market month
loaded is said in one line. No JavaScript: the order is fixed, and each cell's title says
what it holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

import duckdb

from publish.council_pages import has_relation
from publish.markup import escape
from publish.page import (
    MISSING_COLOUR,
    SCORE_COLOURS,
    Row,
    council_link,
    page_shell,
    query_rows,
    read_refreshed_at,
    refresh_note,
    render_legend,
    score_cell,
)
from transform.quality_statements import STATEMENTS
from warehouse.db import SCORE_COLUMNS

__all__ = [
    "MARKET_PAGE",
    "MarketColumn",
    "MarketPageData",
    "heat_colour",
    "query_market_page",
    "render_market_page",
]

MARKET_PAGE = "market.html"
TITLE = "Assessment vs local market"
RATING_SCORES = {"Outstanding": 4, "Good": 3, "Requires improvement": 2, "Inadequate": 1}
RATING_SHORT = {"Outstanding": "Outst.", "Good": "Good", "Requires improvement": "RI",
                "Inadequate": "Inad."}  # fmt: skip
# The ends and middle of every value scale: the score colours' 1 and 4, and a near-white.
WEAK, MIDDLE, STRONG = (0xC0, 0x39, 0x2B), (0xF4, 0xF4, 0xF4), (0x1F, 0x6F, 0xB2)


@dataclass(frozen=True)
class MarketColumn:
    """A coloured column: `key` in the rows, its heading and title, how its scale runs."""

    key: str
    heading: str
    title: str
    unit: str  # "%" or " pp"
    higher_is_stronger: bool = True
    diverging: bool = False  # centred on 0 (a change), else from the weakest to the strongest
    places: int = 1  # decimal places shown


OVERALL = MarketColumn("overall_score_pct", "%", "Assessment: overall score", "%", places=0)
MARKET_COLUMNS: tuple[MarketColumn, ...] = (
    MarketColumn("good_or_outstanding_pct", "G/O", "Care locations rated Good or Outstanding", "%"),
    MarketColumn(
        "beds_good_or_outstanding_pct", "Beds G/O", "Care home beds rated Good or Outstanding", "%"
    ),
    MarketColumn(
        "inadequate_pct",
        "Inad.",
        "Care locations rated Inadequate (of those rated)",
        "%",
        higher_is_stronger=False,
    ),
    MarketColumn(
        "good_or_outstanding_pct_12m_change",
        "12m",
        "Change in 12 months of the share rated Good or Outstanding (percentage points)",
        " pp",
        diverging=True,
    ),
)


@dataclass(frozen=True)
class MarketPageData:
    refreshed_at: datetime | None
    month: date | None  # the latest market month held; None: no market data loaded
    councils: list[Row]  # every council: assessment (league_table) and market (that month)


def query_market_page(conn: duckdb.DuckDBPyConnection) -> MarketPageData:
    """Every council with its latest formal assessment and its market in the latest month."""
    month = None
    market = "SELECT NULL::VARCHAR AS la_code"
    if has_relation(conn, "council_care_market"):
        row = conn.execute("SELECT max(as_of_month) FROM council_care_market").fetchone()
        month = row[0] if row else None
    if month is not None:
        market = (
            "SELECT *, round(100.0 * inadequate / nullif(rated, 0), 1) AS inadequate_pct "
            "FROM council_care_market WHERE as_of_month = ?"
        )
    rows = query_rows(
        conn,
        "SELECT la.la_code, la.name AS council, la.region, l.overall_rating, "
        f"l.overall_score_pct, {', '.join(f'l.{c}' for c in SCORE_COLUMNS)}, "
        + ", ".join(f"m.{c.key}" if month else f"NULL AS {c.key}" for c in MARKET_COLUMNS)
        + f" FROM local_authority AS la LEFT JOIN league_table AS l USING (la_code) "
        f"LEFT JOIN ({market}) AS m USING (la_code) "
        "ORDER BY la.region, l.overall_score_pct DESC NULLS LAST, la.name",
        [month] if month else [],
    )
    return MarketPageData(read_refreshed_at(conn), month, rows)


def render_market_page(data: MarketPageData) -> str:
    """The page: what it shows, the colour scales with their ranges, a table per region."""
    columns = (OVERALL, *MARKET_COLUMNS)
    ranges = {c.key: _range(data.councils, c) for c in columns}
    if data.month is None:
        month_note = (
            '<p class="note" id="market-none">No care market data loaded: the market columns '
            "are empty until <code>cqc providers ingest</code> loads CQC's register of care "
            "locations.</p>"
        )
    else:
        month_note = (
            f'<p class="note" id="market-month">The market as of '
            f"<strong>{escape(f'{data.month:%B %Y}')}</strong>, the latest month held "
            "(CQC's register of care locations; dormant locations left out).</p>"
        )
    body = [
        '<p><a href="index.html">&larr; All councils (England)</a></p>',
        f"<h1>{escape(TITLE)}</h1>",
        refresh_note(data.refreshed_at),
        month_note,
        '<p class="note">Every council, by region and then by overall score; a council not '
        "assessed yet shows its market only. Statement scores in the colours of every page:</p>",
        render_legend(),
        _scale_legend(columns, ranges),
        _regions(data.councils, ranges),
    ]
    return page_shell(TITLE, body)


def heat_colour(value: float, low: float, high: float, column: MarketColumn) -> tuple[str, str]:
    """(background, ink) of `value` on the column's scale: the weakest end red, the
    strongest blue, the middle near-white; a change centred on 0 (its range +/- the largest
    change seen)."""
    if column.diverging:
        reach = max(abs(low), abs(high))
        t = 0.5 if reach == 0 else 0.5 + value / (2 * reach)
    else:
        t = 0.5 if high == low else (value - low) / (high - low)
    if not column.higher_is_stronger:
        t = 1 - t
    t = min(max(t, 0.0), 1.0)
    start, end, f = (WEAK, MIDDLE, t * 2) if t < 0.5 else (MIDDLE, STRONG, (t - 0.5) * 2)
    rgb = "".join(f"{round(a + (b - a) * f):02x}" for a, b in zip(start, end, strict=True))
    return f"#{rgb}", "#fff" if abs(t - 0.5) > 0.3 else "#222"


def _range(rows: Sequence[Row], column: MarketColumn) -> tuple[float, float] | None:
    values = [float(r[column.key]) for r in rows if r[column.key] is not None]
    return (min(values), max(values)) if values else None


def _scale_legend(
    columns: Sequence[MarketColumn], ranges: dict[str, tuple[float, float] | None]
) -> str:
    """Each coloured column's range: which end is red and which blue."""
    items = []
    for c in columns:
        span = ranges[c.key]
        if span is None:
            text = "no value"
        elif c.diverging:
            low, high = span
            text = f"a fall (red), none (white), a rise (blue); {low:+.1f} to {high:+.1f}{c.unit}"
        else:
            weak, strong = span if c.higher_is_stronger else span[::-1]
            text = f"{weak:.{c.places}f}{c.unit} (red) to {strong:.{c.places}f}{c.unit} (blue)"
        items.append(
            f'<li data-column="{escape(c.key)}"><strong>{escape(c.heading)}</strong> '
            f"{escape(c.title)}: {escape(text)}</li>"
        )
    return f'<ul class="note" id="market-scales">{"".join(items)}</ul>'


def _regions(rows: Sequence[Row], ranges: dict[str, tuple[float, float] | None]) -> str:
    groups: dict[str, list[Row]] = {}
    for row in rows:
        groups.setdefault(row["region"], []).append(row)
    if not groups:
        return '<p class="note">No council loaded.</p>'
    head = (
        '<th class="council"></th><th scope="col" title="Overall rating">Rating</th>'
        f'<th scope="col" title="{escape(OVERALL.title)}">{escape(OVERALL.heading)}</th>'
        + "".join(f'<th scope="col" title="{escape(s.name)}">QS{s.number}</th>' for s in STATEMENTS)
        + "".join(
            f'<th scope="col" title="{escape(c.title)}">{escape(c.heading)}</th>'
            for c in MARKET_COLUMNS
        )
    )
    blocks = [
        f'<section class="market-region" data-region="{escape(region)}">'
        f'<h3>{escape(region)}</h3><table class="heat market"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(_row(r, ranges) for r in members)}</tbody></table></section>"
        for region, members in groups.items()
    ]
    return '<div id="market-heatmap">' + "".join(blocks) + "</div>"


def _row(row: Row, ranges: dict[str, tuple[float, float] | None]) -> str:
    name = row["council"]
    scores = "".join(
        score_cell(row[column], f"{name}: {s.name}")
        for column, s in zip(SCORE_COLUMNS, STATEMENTS, strict=True)
    )
    market = "".join(_value_cell(row, c, ranges[c.key]) for c in MARKET_COLUMNS)
    return (
        f'<tr data-council="{escape(name)}"><th class="council" scope="row" '
        f'title="{escape(name)}">{council_link(name)}</th>{_rating_cell(row)}'
        f"{_value_cell(row, OVERALL, ranges[OVERALL.key])}{scores}{market}</tr>"
    )


def _rating_cell(row: Row) -> str:
    rating = row["overall_rating"]
    score = RATING_SCORES.get(rating or "")
    colour = SCORE_COLOURS[score] if score else MISSING_COLOUR
    ink = "#222" if score in (2, None) else "#fff"
    text = RATING_SHORT.get(rating or "", "")
    title = f"{row['council']}: {rating or 'not assessed yet'}"
    return (
        f'<td class="score rating" data-rating="{escape(rating or "")}" '
        f'title="{escape(title)}" style="background:{colour};color:{ink};padding:0 4px">'
        f"{escape(text)}</td>"
    )


def _value_cell(row: Row, column: MarketColumn, span: tuple[float, float] | None) -> str:
    value = row[column.key]
    title = f"{row['council']}: {column.title}"
    if value is None or span is None:
        return (
            f'<td class="score" data-value="" title="{escape(title)}: none" '
            f'style="background:{MISSING_COLOUR};padding:0 4px"></td>'
        )
    number = float(value)
    text = f"{number:{'+' if column.diverging else ''}.{column.places}f}"
    colour, ink = heat_colour(number, *span, column)
    return (
        f'<td class="score" data-value="{number:g}" '
        f'title="{escape(f"{title}: {text}{column.unit}")}" '
        f'style="background:{colour};color:{ink};padding:0 4px">{escape(text)}</td>'
    )
