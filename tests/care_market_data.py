"""A small care market to test what people see of it (issue 21): care_location rows for four
councils in September 2025 and September 2026, twelve months apart, and the council market
rebuilt from them by warehouse.care_market.

The figures each council gets, worked out by hand (dormant locations count in none):

| council | month | rated | G/O | % G/O | beds rated | beds G/O | % beds | inadequate |
|---|---|---|---|---|---|---|---|---|
| Stoke-on-Trent | 2026-09 | 4 | 2 | 50.0 | 60 | 40 | 66.7 | 1 |
| Staffordshire | 2026-09 | 3 | 2 | 66.7 | 40 | 40 | 100.0 | 0 |
| County Durham | 2026-09 | 2 | 1 | 50.0 | 50 | 0 | 0.0 | 0 |
| Barnsley | 2026-09 | 1 | 1 | 100.0 | 25 | 25 | 100.0 | 0 |
| Stoke-on-Trent | 2025-09 | 3 | 1 | 33.3 | 60 | 0 | 0.0 | 1 |
| Staffordshire | 2025-09 | 2 | 2 | 100.0 | 30 | 30 | 100.0 | 0 |
| Barnsley | 2025-09 | 1 | 1 | 100.0 | 25 | 25 | 100.0 | 0 |

So in 2026-09 the West Midlands pools 4 of 7 (57.1 %) and 80 of 100 beds (80.0 %), England
6 of 10 (60.0 %) and 105 of 175 beds (60.0 %); the 12-month change is +16.7 pp for Stoke
(beds +66.7), -33.3 for Staffordshire (beds 0.0), 0.0 for Barnsley, and none for Durham
(no 2025-09 row).
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import duckdb

from warehouse.benchmarks import refresh_benchmarks
from warehouse.care_market import rebuild_council_care_market
from warehouse.db import connect

LATEST, YEAR_BEFORE = date(2026, 9, 1), date(2025, 9, 1)
STOKE, STAFFORDSHIRE, DURHAM, BARNSLEY = "E06000021", "E10000028", "E06000047", "E08000038"
NURSING, HOME_CARE = "Care home service with nursing", "Domiciliary care service"
HOME = "Care home service without nursing"

# (month, location, council code, CQC's council name, care home, beds, services, dormant,
# rating)
LOCATIONS: tuple[tuple[date, str, str, str, bool, int | None, list[str], bool, str | None], ...] = (
    (LATEST, "1-101", STOKE, "Stoke-on-Trent", True, 40, [NURSING], False, "Good"),
    (LATEST, "1-102", STOKE, "Stoke-on-Trent", True, 20, [HOME], False, "Inadequate"),
    (LATEST, "1-103", STOKE, "Stoke-on-Trent", False, None, [HOME_CARE], False, "Outstanding"),
    (LATEST, "1-104", STOKE, "Stoke-on-Trent", False, None, [HOME_CARE], False,
     "Requires improvement"),
    (LATEST, "1-105", STOKE, "Stoke-on-Trent", False, None, [HOME_CARE], True, "Good"),
    (LATEST, "1-106", STOKE, "Stoke-on-Trent", False, None, [HOME_CARE], False, "Not rated"),
    (LATEST, "1-201", STAFFORDSHIRE, "Staffordshire", True, 30, [HOME], False, "Good"),
    (LATEST, "1-202", STAFFORDSHIRE, "Staffordshire", True, 10, [HOME], False, "Good"),
    (LATEST, "1-203", STAFFORDSHIRE, "Staffordshire", False, None, [HOME_CARE], False,
     "Requires improvement"),
    (LATEST, "1-301", DURHAM, "County Durham", True, 50, [NURSING], False,
     "Requires improvement"),
    (LATEST, "1-302", DURHAM, "County Durham", False, None, [HOME_CARE], False, "Good"),
    (LATEST, "1-401", BARNSLEY, "Barnsley", True, 25, [HOME], False, "Outstanding"),
    (YEAR_BEFORE, "1-101", STOKE, "Stoke-on-Trent", True, 40, [NURSING], False,
     "Requires improvement"),
    (YEAR_BEFORE, "1-102", STOKE, "Stoke-on-Trent", True, 20, [HOME], False, "Inadequate"),
    (YEAR_BEFORE, "1-103", STOKE, "Stoke-on-Trent", False, None, [HOME_CARE], False, "Good"),
    (YEAR_BEFORE, "1-201", STAFFORDSHIRE, "Staffordshire", True, 30, [HOME], False, "Good"),
    (YEAR_BEFORE, "1-203", STAFFORDSHIRE, "Staffordshire", False, None, [HOME_CARE], False,
     "Good"),
    (YEAR_BEFORE, "1-401", BARNSLEY, "Barnsley", True, 25, [HOME], False, "Outstanding"),
)  # fmt: skip


def load_market(conn: duckdb.DuckDBPyConnection) -> int:
    """Insert LOCATIONS (and a ratings row for one of them) and rebuild council_care_market;
    the market rows built."""
    for month, location, code, name, home, beds, services, dormant, rating in LOCATIONS:
        conn.execute(
            "INSERT INTO care_location (as_of_month, location_id, location_name, provider_id, "
            "la_name_cqc, la_code, location_type, inspection_directorate, adult_social_care, "
            "care_home, beds, service_types, user_bands, dormant, overall_rating, "
            "overall_rating_published, source, source_url) VALUES (?, ?, ?, ?, ?, ?, "
            "'Social Care Org', 'Adult social care', TRUE, ?, ?, ?, ['Older People'], ?, ?, ?, "
            "'file', ?)",
            [month, location, f"Home {location}", f"1-P{location}", name, code, home, beds,
             services, dormant, rating, rating, f"file:{month:%Y-%m}.ods"],
        )  # fmt: skip
    conn.execute(
        "INSERT INTO care_location_rating (as_of_month, location_id, service_group, "
        "key_question, rating, rating_published, provider_id, la_name_cqc, la_code, care_home) "
        "VALUES (?, '1-101', 'Overall', 'Overall', 'Good', 'Good', '1-P1-101', "
        "'Stoke-on-Trent', ?, TRUE)",
        [LATEST, STOKE],
    )
    conn.execute(
        "INSERT INTO care_source (as_of_month, kind, part, url, sha256, rows_read, rows_loaded, "
        "issues) VALUES (?, 'active_locations', 'all', 'file:2026-09.ods', ?, 12, 12, 0)",
        [LATEST, "ab" * 32],
    )
    return rebuild_council_care_market(conn)


def market_warehouse(template: Path, db: Path) -> Path:
    """A copy of the `loaded` template (the four test reports) at `db`, its benchmarks
    refreshed and the market above loaded: three councils assessed, four with a market."""
    db.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, db)
    with connect(db) as conn:
        refresh_benchmarks(conn)
        load_market(conn)
    return db


def assessed_only(template: Path, db: Path) -> Path:
    """The same warehouse with no market month loaded."""
    db.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, db)
    with connect(db) as conn:
        refresh_benchmarks(conn)
    return db
