"""Reference data that ships with the project, loaded into the warehouse at every refresh.

Two public sources, each a CSV extract under `warehouse/reference/` (provenance, licences and
the derivation in `reference/README.md`; a user's clone has no `../shared`):

- `council_population.csv`: each of the 153 councils' mid-2020 population and area (mySociety,
  CC BY 4.0), the features `council_neighbour` is computed from;
- `oflog_asc_values.csv` and `oflog_asc_measures.csv`: the Office for Local Government's seven
  adult social care measures, 2015-16 to 2022-23, by GSS code as published (Open Government
  Licence v3.0), into `outcome_measure`;
- `annual_performance_assessment.csv`: CQC's 2008-10 annual grades of councils that a
  published source gives (Birmingham 2009/10), into `annual_performance_assessment` beside the
  rows a user imported (`cqc history import`), which a reload never touches.

Loading is plain `read_csv` inside the caller's transaction (`warehouse.db.build_benchmarks`),
so a refresh always holds the data the installed project ships. `python -m
warehouse.reference_data DIR` re-derives the CSVs from the raw files in DIR (e.g. ../shared/ons).
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterable
from pathlib import Path

import duckdb

from transform.councils import REFERENCE_DIR as COUNCILS_DIR
from transform.councils import load_councils

REFERENCE_DIR = Path(__file__).parent / "reference"
POPULATION_CSV = REFERENCE_DIR / "council_population.csv"
OUTCOME_VALUES_CSV = REFERENCE_DIR / "oflog_asc_values.csv"
OUTCOME_MEASURES_CSV = REFERENCE_DIR / "oflog_asc_measures.csv"
ANNUAL_GRADES_CSV = REFERENCE_DIR / "annual_performance_assessment.csv"
CODE_CHANGES_CSV = COUNCILS_DIR / "code_changes.csv"
COUNCILS_CSV = COUNCILS_DIR / "councils_with_social_care.csv"

# The raw files the extracts are derived from (../shared/ons names; see reference/README.md).
MYSOCIETY_RAW = "mysociety_uk_local_authorities_current.csv"
OFLOG_RAW = "communitiesuk_oflog_ASC_data.csv"

POPULATION_SOURCE = (
    "mySociety uk_local_authority_names_and_codes, uk_local_authorities_current.csv "
    "(pop-2020, area), commit 67ef8b118938678401a452f4f19f669a7221cc73"
)
POPULATION_LICENCE = "CC BY 4.0 (mySociety)"
OUTCOME_SOURCE = (
    "Office for Local Government (DLUHC), communitiesuk/oflog-automated-text "
    "src/lib/ASC_data.csv, commit 16628da1e26909e5d88de993585959d7633f7df1"
)
OUTCOME_LICENCE = "Open Government Licence v3.0"

_LOAD_POPULATION = """
INSERT INTO council_population
SELECT p.la_code, p.name, p.population_2020, p.area_km2,
       round(p.population_2020 / p.area_km2, 1), p.source_gss_code, $source, $licence
FROM read_csv($path, header = true, columns = {
    'la_code': 'VARCHAR', 'name': 'VARCHAR', 'population_2020': 'INTEGER',
    'area_km2': 'DOUBLE', 'source_gss_code': 'VARCHAR'
}) AS p
ORDER BY p.la_code
"""

# Barnsley and Sheffield are published under their pre-2025 codes: mapped to the 2025 ones.
# Councils since abolished (Cumbria, North Yorkshire CC and Somerset CC in April 2023, five
# more in 2019-2021) keep their own codes: no current council has them, so council_current
# is FALSE and nothing joins them to the councils that replaced them.
_LOAD_OUTCOMES = """
INSERT INTO outcome_measure
SELECT
    coalesce(c.code_from_2025, v.gss_code) AS la_code,
    v.gss_code,
    v.la_name,
    coalesce(c.code_from_2025, v.gss_code) IN (SELECT la_code FROM read_csv($councils)),
    v.measure_code,
    m.measure_name,
    CASE m.rank_order WHEN 'desc' THEN TRUE END,
    v.financial_year,
    v.value,
    $source,
    $licence
FROM read_csv($values, header = true, columns = {
    'financial_year': 'VARCHAR', 'gss_code': 'VARCHAR', 'la_name': 'VARCHAR',
    'measure_code': 'VARCHAR', 'value': 'DOUBLE'
}) AS v
JOIN read_csv($measures, header = true, columns = {
    'measure_code': 'VARCHAR', 'measure_name': 'VARCHAR', 'rank_order': 'VARCHAR'
}) AS m USING (measure_code)
LEFT JOIN read_csv($changes, header = true, all_varchar = true) AS c
    ON c.code_to_2024 = v.gss_code
ORDER BY la_code, v.measure_code, v.financial_year
"""

# Only the shipped rows are replaced: rows `cqc history import` wrote (origin 'import') stay,
# and win over a shipped row for the same council and year.
_LOAD_ANNUAL_GRADES = """
INSERT INTO annual_performance_assessment BY NAME
SELECT g.*, 'reference' AS origin
FROM read_csv($path, header = true, all_varchar = true) AS g
WHERE NOT EXISTS (
    SELECT 1 FROM annual_performance_assessment AS a WHERE a.la_code = g.la_code AND a.year = g.year
)
ORDER BY g.la_code, g.year
"""


def load_reference_data(conn: duckdb.DuckDBPyConnection) -> None:
    """Replace `council_population`, `outcome_measure` and the shipped rows of
    `annual_performance_assessment` with the shipped extracts (inside the caller's transaction:
    the benchmark refresh)."""
    conn.execute("DELETE FROM council_population")
    conn.execute(
        _LOAD_POPULATION,
        {"path": str(POPULATION_CSV), "source": POPULATION_SOURCE, "licence": POPULATION_LICENCE},
    )
    conn.execute("DELETE FROM outcome_measure")
    conn.execute(
        _LOAD_OUTCOMES,
        {
            "values": str(OUTCOME_VALUES_CSV),
            "measures": str(OUTCOME_MEASURES_CSV),
            "changes": str(CODE_CHANGES_CSV),
            "councils": str(COUNCILS_CSV),
            "source": OUTCOME_SOURCE,
            "licence": OUTCOME_LICENCE,
        },
    )
    conn.execute("DELETE FROM annual_performance_assessment WHERE origin = 'reference'")
    conn.execute(_LOAD_ANNUAL_GRADES, {"path": str(ANNUAL_GRADES_CSV)})


# --- Deriving the extracts from the raw files (a maintainer's step, not run time) ----------


def _number(text: str) -> str:
    """'248071.0' -> '248071'; other numbers as published."""
    value = float(text)
    return str(int(value)) if value.is_integer() else text


def _csv_text(header: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def derive_population(mysociety_csv: Path) -> str:
    """council_population.csv: one row per council of the 153, by its 2025 code, from the
    mySociety row with its current or pre-2025 GSS code (Barnsley, Sheffield)."""
    with mysociety_csv.open(newline="", encoding="utf-8") as fh:
        by_code: dict[str, list[dict[str, str]]] = {}
        for row in csv.DictReader(fh):
            by_code.setdefault(row["gss-code"], []).append(row)
    rows = []
    for council in load_councils():
        code = council.la_code if council.la_code in by_code else council.previous_la_code
        found = by_code.get(code or "", [])
        if len(found) != 1 or not found[0]["pop-2020"] or not found[0]["area"]:
            raise ValueError(f"{council.name} ({council.la_code}): no single row with pop and area")
        row = found[0]
        rows.append(
            [
                council.la_code,
                council.name,
                _number(row["pop-2020"]),
                _number(row["area"]),
                row["gss-code"],
            ]
        )
    header = ("la_code", "name", "population_2020", "area_km2", "source_gss_code")
    return _csv_text(header, rows)


def derive_outcomes(oflog_csv: Path) -> tuple[str, str]:
    """oflog_asc_values.csv (every published row, five columns, codes as published) and
    oflog_asc_measures.csv (the seven measures, with the direction the source ranks them)."""
    with oflog_csv.open(newline="", encoding="utf-8") as fh:
        raw = list(csv.DictReader(fh))
    values = sorted(
        (
            (
                row["Financial year"],
                row["Local authority code"],
                row["Local authority name"],
                row["Code"],
                row["Value"],
            )
            for row in raw
        ),
        key=lambda v: (v[3], v[0], v[1]),  # measure, year, council
    )
    measures: dict[str, tuple[str, str]] = {}
    for row in raw:
        order = (row["rank_order"] or "").strip().lower()
        name, known = measures.get(row["Code"], (row["Measure"], ""))
        if name != row["Measure"]:
            raise ValueError(f"{row['Code']} has two names: {name!r}, {row['Measure']!r}")
        measures[row["Code"]] = (name, known or ("" if order == "none" else order))
    values_csv = _csv_text(
        ("financial_year", "gss_code", "la_name", "measure_code", "value"), values
    )
    measures_csv = _csv_text(
        ("measure_code", "measure_name", "rank_order"),
        ([code, name, order] for code, (name, order) in sorted(measures.items())),
    )
    return values_csv, measures_csv


def derive_all(raw_dir: Path) -> dict[Path, str]:
    """Every extract's text, by the file it belongs in."""
    values, measures = derive_outcomes(raw_dir / OFLOG_RAW)
    return {
        POPULATION_CSV: derive_population(raw_dir / MYSOCIETY_RAW),
        OUTCOME_VALUES_CSV: values,
        OUTCOME_MEASURES_CSV: measures,
    }


def main(argv: list[str] | None = None) -> None:
    """`python -m warehouse.reference_data RAW_DIR`: rewrite the extracts from the raw files."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        raise SystemExit("usage: python -m warehouse.reference_data RAW_DIR (e.g. ../shared/ons)")
    for path, text in derive_all(Path(args[0])).items():
        path.write_text(text, encoding="utf-8")
        print(f"{path}: {text.count(chr(10)) - 1} rows")


if __name__ == "__main__":
    main()
