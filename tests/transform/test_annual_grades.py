"""Reading a user's table of CQC's 2008-10 annual grades: tolerant of how it is written,
every row it cannot read named with its line and value, none dropped silently."""

from __future__ import annotations

from transform.annual_grades import (
    GRADES,
    OUTCOME_COLUMNS,
    AnnualGrades,
    RowProblem,
    read_annual_grades,
    read_grade,
    read_year,
)

BIRMINGHAM, STOKE, BARNSLEY = "E08000025", "E06000021", "E08000038"
POOR, ADEQUATE, WELL, EXCELLENT = GRADES
HEADER = (
    "Council,Year,Overall,Improved health and emotional well-being,Improved quality of life,"
    "Making a positive contribution,Increased choice and control,"
    "Freedom from discrimination and harassment,Economic well-being,"
    "Maintaining personal dignity and respect\n"
)
# Test rows, not published grades (Birmingham's 2009/10 row aside).
SEVEN_WELL = ",well" * 7


def test_grade_words_in_any_form_are_one_spelling() -> None:
    assert [read_grade(w) for w in ("performing well", "Well", "WELL ", "Performing Well.")] == [
        WELL
    ] * 4
    assert [read_grade(w) for w in ("excellent", "Performing excellently")] == [EXCELLENT] * 2
    assert [read_grade(w) for w in ("adequate", "Adequately", "poor", "performing poorly")] == [
        ADEQUATE,
        ADEQUATE,
        POOR,
        POOR,
    ]
    assert [read_grade(w) for w in ("good", "", "well or excellent", "3")] == [None] * 4


def test_years_in_any_form_are_one_spelling() -> None:
    assert {read_year(y) for y in ("2009/10", "2009-10", "2009/2010", "2009 to 2010")} == {
        "2009/10"
    }
    assert read_year("2009\u201310") == "2009/10"  # an en dash, as spreadsheets write it
    assert [read_year(y) for y in ("2009", "2009/11", "2009/2011", "10/11", "")] == [None] * 5


def test_headers_names_codes_and_words_as_people_write_them() -> None:
    text = (
        "\ufeffLocal Authority, YEAR ,Overall grade,HEALTH,Quality of life,Positive contribution,"
        "Choice and control,Freedom from discrimination,Economic wellbeing,Dignity and respect,"
        "LA code,Notes\n"
        "Birmingham City Council,2009/10,Performing well,Well,Well,Excellent,well,well,well,"
        "well,,council news\n"
        ",2008-09,adequate,,Adequate,poor,adequate,adequate,Adequate,Well,E06000021,\n"
        "Barnsley,2009/2010,Excellent,excellent,excellent,excellent,excellent,excellent,"
        "excellent,excellent,E08000016,\n"  # its pre-2025 code, and a name that agrees
        "\n"
    )
    reading = read_annual_grades(text, "apa.csv")
    assert reading.problems == []
    provenance = "imported from apa.csv by `cqc history import`"
    assert reading.records == [
        AnnualGrades(
            BIRMINGHAM,
            "Birmingham City Council",
            "2009/10",
            WELL,
            (WELL, WELL, EXCELLENT, WELL, WELL, WELL, WELL),
            "apa.csv",
            provenance,
            2,
        ),
        AnnualGrades(
            STOKE,
            "Stoke-on-Trent",  # named by code only: the ONS name
            "2008/09",
            ADEQUATE,
            (None, ADEQUATE, POOR, ADEQUATE, ADEQUATE, ADEQUATE, WELL),  # an empty cell: none
            "apa.csv",
            provenance,
            3,
        ),
        AnnualGrades(
            BARNSLEY, "Barnsley", "2009/10", EXCELLENT, (EXCELLENT,) * 7, "apa.csv", provenance, 4
        ),
    ]


def test_a_source_column_names_each_rows_source() -> None:
    text = HEADER.rstrip("\n") + ",Source\n" + "Birmingham,2009/10,well" + SEVEN_WELL + ",CQC\n"
    [record] = read_annual_grades(text, "apa.csv").records
    assert record.source == "CQC"


def test_every_row_that_cannot_be_read_is_named_with_its_value() -> None:
    text = HEADER + (
        "Birmingham,2009/10,Performing well" + SEVEN_WELL + "\n"
        "Bedfordshire County Council,2008/09,well" + SEVEN_WELL + "\n"
        "Stoke-on-Trent,2009,good,well,well,well,well,well,well,fair\n"
        "Durham,2012/13,well" + SEVEN_WELL + "\n"
        "Birmingham City Council,2009-10,well" + SEVEN_WELL + "\n"
        "Derby,2009/10,," + SEVEN_WELL[1:] + "\n"
    )
    reading = read_annual_grades(text, "apa.csv")
    assert [str(p) for p in reading.problems] == [
        "line 3: council: no council with adult social care duties matches "
        "'Bedfordshire County Council' (a council abolished since has no row)",
        "line 4: year '2009' is not a year like 2009/10",
        "line 4: overall grade 'good' is no grade (poorly, adequately, well or excellently, "
        "'performing' optional)",
        "line 4: Maintaining personal dignity and respect: 'fair' is no grade (poorly, "
        "adequately, well or excellently, 'performing' optional)",
        "line 5: year 2012/13 is after 2009/10, the last year of these grades",
        "line 6: Birmingham City Council 2009/10 is given twice (lines 2 and 6)",
        "line 7: overall grade '' is no grade (poorly, adequately, well or excellently, "
        "'performing' optional)",
    ]
    assert [r.line for r in reading.records] == [2]  # the readable row is kept, and counted


def test_a_name_and_a_code_that_disagree_or_a_code_that_is_none() -> None:
    text = (
        "council,la_code,year,overall" + "".join(f",{c}" for c in OUTCOME_COLUMNS) + "\n"
        "Birmingham,E06000021,2009/10,well" + SEVEN_WELL + "\n"
        ",B123,2009/10,well" + SEVEN_WELL + "\n"
        ",E99999999,2009/10,well" + SEVEN_WELL + "\n"
    )
    assert read_annual_grades(text, "apa.csv").problems == [
        RowProblem(
            2,
            "council: the name 'Birmingham' is Birmingham but the code 'E06000021' is "
            "Stoke-on-Trent",
        ),
        RowProblem(3, "council: 'B123' is not a GSS code"),
        RowProblem(
            4, "council: no council has the code 'E99999999' (a council abolished since has no row)"
        ),
    ]


def test_a_header_it_cannot_place_is_one_problem_per_column() -> None:
    text = "Council,Name,Overall,Health,Health and wellbeing\nBirmingham,B,well,well,well\n"
    reading = read_annual_grades(text, "apa.csv")
    assert reading.records == []
    messages = [p.message.split("; the header is")[0] for p in reading.problems]
    assert {p.line for p in reading.problems} == {1}
    assert messages == [
        "more than one 'council' column (Council, Name)",
        "more than one column for the outcome 'Improved health and emotional well-being'",
        "no column for the outcome 'Improved quality of life'",
        "no column for the outcome 'Making a positive contribution'",
        "no column for the outcome 'Increased choice and control'",
        "no column for the outcome 'Freedom from discrimination and harassment'",
        "no column for the outcome 'Economic well-being'",
        "no column for the outcome 'Maintaining personal dignity and respect'",
        "no 'year' column (accepted: year, assessmentyear, financialyear, period)",
    ]


def test_an_empty_file_or_a_header_alone_is_a_problem() -> None:
    assert read_annual_grades("", "apa.csv").problems == [
        RowProblem(1, "the file is empty (expected a header)")
    ]
    assert read_annual_grades(HEADER + "\n", "apa.csv").problems == [
        RowProblem(1, "the file has a header and no rows")
    ]
