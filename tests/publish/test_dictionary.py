"""docs/data_dictionary.md is generated from the SQL comments and the mirror's sample data."""

from __future__ import annotations

from pathlib import Path

import duckdb

from publish.dictionary import render_data_dictionary

DATA_DICTIONARY = Path(__file__).resolve().parents[2] / "docs" / "data_dictionary.md"


def test_the_data_dictionary_is_generated_from_the_comments_and_sample(
    mirror_warehouse: duckdb.DuckDBPyConnection,
) -> None:
    assert DATA_DICTIONARY.read_text(encoding="utf-8") == render_data_dictionary(
        examples=mirror_warehouse
    ), "run: make data-dictionary"


def test_examples_are_stoke_on_trents_row_where_there_is_one(
    mirror_warehouse: duckdb.DuckDBPyConnection,
) -> None:
    doc = render_data_dictionary(examples=mirror_warehouse)
    assessment = doc.split("### `assessment`", 1)[1].split("### ", 1)[0]
    assert "| `overall_score_pct` | INTEGER | yes |" in assessment
    assert assessment.split("| `overall_score_pct` |", 1)[1].split("\n", 1)[0].endswith("| 64 |")
    disagreement = doc.split("### `source_disagreement`", 1)[1].split("### ", 1)[0]
    assert "| southendonsea-0825 |" in disagreement and "| qs7 |" in disagreement
