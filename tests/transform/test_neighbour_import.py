"""Reading a user's comparator list: every problem one line naming its line, nothing partial."""

from __future__ import annotations

import pytest

from transform.neighbours import ImportedNeighbour, NeighbourFileError, parse_neighbour_file

STOKE, WOLVES, WALSALL, SANDWELL = "E06000021", "E08000031", "E08000030", "E08000028"
BARNSLEY, SHEFFIELD = "E08000038", "E08000039"


def problems(text: str) -> list[str]:
    with pytest.raises(NeighbourFileError) as caught:
        parse_neighbour_file(text, "cipfa.csv")
    assert all(line.startswith("cipfa.csv: ") for line in str(caught.value).splitlines())
    return caught.value.problems


def test_names_in_any_form_and_codes_current_or_old() -> None:
    text = (
        "\ufeffCouncil, Neighbour ,RANK\n"  # a spreadsheet's BOM, spaces, capitals
        "Stoke-on-Trent City Council,Wolverhampton,1\n"
        "stoke on trent,E08000030,2\n"
        "E06000021,Sandwell Metropolitan Borough Council,3\n"
        "\n"
        "Sheffield,E08000016,1\n"  # Barnsley's pre-2025 code
    )
    assert parse_neighbour_file(text, "cipfa.csv") == [
        ImportedNeighbour(STOKE, WOLVES, 1, 2),
        ImportedNeighbour(STOKE, WALSALL, 2, 3),
        ImportedNeighbour(STOKE, SANDWELL, 3, 4),
        ImportedNeighbour(SHEFFIELD, BARNSLEY, 1, 6),
    ]


def test_other_header_names_and_extra_columns() -> None:
    text = "la_code,neighbour_la_code,distance,neighbour_rank\nE06000021,E08000031,0.4,1\n"
    assert parse_neighbour_file(text, "x.csv") == [ImportedNeighbour(STOKE, WOLVES, 1, 2)]


def test_every_bad_row_is_named() -> None:
    text = (
        "council,neighbour,rank\n"
        "Stoke-on-Trent,Wolverhampton,1\n"
        "Stoke-on-Trent,Walsall,1\n"
        "Brighton,Hove,2\n"
        "Derby,Derby,3\n"
        "Derby,Nottingham,first\n"
        "Derby,Leicester,0\n"
        "Stoke-on-Trent,Wolverhampton,4\n"
        "Cardiff,W06000015,1\n"
    )
    assert problems(text) == [
        "line 3: Stoke-on-Trent has rank 1 twice (lines 2 and 3)",
        "line 4, council: no council with adult social care duties matches 'Brighton'",
        "line 4, neighbour: no council with adult social care duties matches 'Hove'",
        "line 5: Derby is listed as its own neighbour",
        "line 6: rank 'first' is not a whole number from 1",
        "line 7: rank '0' is not a whole number from 1",
        "line 8: Wolverhampton is listed twice for Stoke-on-Trent (lines 2 and 8)",
        "line 9, council: no council with adult social care duties matches 'Cardiff'",
        "line 9, neighbour: no council has the code 'W06000015'",
    ]


def test_a_missing_or_doubled_column_names_the_header() -> None:
    [missing] = problems("council,comparator\nDerby,Leicester\n")
    assert missing.startswith("line 1: no 'rank' column (accepted names: rank, ")
    assert missing.endswith("the header is council,comparator)")
    [doubled] = problems("council,la_code,neighbour,rank\nDerby,E06000015,Leicester,1\n")
    assert doubled.startswith("line 1: more than one 'council' column")


def test_empty_files() -> None:
    assert problems("") == ["the file is empty (expected a header: council,neighbour,rank)"]
    assert problems("council,neighbour,rank\n\n") == ["the file has a header and no rows"]


def test_a_long_list_of_problems_is_cut_with_a_count() -> None:
    text = "council,neighbour,rank\n" + "Nowhere,Derby,1\n" * 25
    with pytest.raises(NeighbourFileError) as caught:
        parse_neighbour_file(text, "big.csv")
    lines = str(caught.value).splitlines()
    assert len(lines) == 21 and lines[-1] == "big.csv: ... and 5 more problems"
    assert len(caught.value.problems) == 25
