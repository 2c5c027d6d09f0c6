"""Text that is no text: every C0 and C1 control, bidi overrides, noncharacters and lone
surrogates, from a page to every file the warehouse is published as.

Two halves. On the way in (`transform.clean` through `transform.text.clean_text`) such
characters are removed and the text is NFC, ordinary text untouched, so a page with them reads
as the page without. On the way out, a warehouse loaded before that (simulated here: reports
saved with the characters, bypassing the parsers) still gives a valid feed, valid HTML pages,
an xlsx that opens, and CSV and Parquet that read back with the data as held. What is
forbidden is spelt out here from the specifications, not taken from the code under test.
"""

from __future__ import annotations

import csv
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import duckdb
import lxml.etree
import lxml.html
import openpyxl
import pyarrow.parquet as pq
import pytest
import xlsxwriter
from bs4 import BeautifulSoup, Tag

from publish.council_pages import query_councils, render_council
from publish.export import WORKBOOK, ExportFormat, export_warehouse
from publish.feed import feed_entries, render_feed
from publish.html_report import write_report
from publish.spreadsheet import CUT_MARKER, DICTIONARY_SHEET, EXCEL_CELL_MAX, cell_text
from tests.warehouse_fixtures import Reports, open_copy, save_test_report
from transform.clean import normalise_text
from transform.pages import read_page
from transform.records import KeyFinding, Report, ReportIssue
from transform.text import clean_text, make_soup, page_lines
from warehouse.benchmarks import refresh_benchmarks
from warehouse.db import connect
from warehouse.load import replace_issues
from warehouse.state import finish_run, start_run

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"
BASE = "https://www.cqc.org.uk/care-services/local-authority-assessment-reports"
A = "{http://www.w3.org/2005/Atom}"

C0 = [chr(c) for c in range(0x00, 0x20)]
C1 = [chr(c) for c in range(0x80, 0xA0)]
DEL = "\x7f"
BIDI = [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]
NONCHARACTERS = ["\ufdd0", "\ufdef", "\ufffe", "\uffff", "\U0001fffe", "\U0010ffff"]
LONE_SURROGATES = ["\udc00", "\udfff", "\ud800", "\udbff"]  # no two make a pair
# Controls Unicode counts as white space: they separate words, so they become a space.
SEPARATING = ["\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f", "\x85"]
REMOVED = [
    ch
    for ch in [*C0, DEL, *C1, *BIDI, *NONCHARACTERS, *LONE_SURROGATES]
    if ch not in ("\t", "\n", "\r", *SEPARATING)
]
# Everything a warehouse (DuckDB: valid UTF-8 only) can hold.
STORABLE = "".join([*C0, DEL, *C1, *BIDI, *NONCHARACTERS])
ORDINARY = [
    "Stoke-on-Trent City Council",
    "Café, naïve résumé — Zoë\u2019s “quoted” £1.2m \u2013 3½%",  # curly quote, en dash
    "Cyngor Sir Ynys Môn: ŵyr, ŷd, Gŵyr",  # Welsh circumflexes, precomposed
    "Bristol\tCity\nCouncil",
    "Emoji 😀 and Ω, 中文, العربية",
    "Left\u200eto\u200fright marks stay",
]


def forbidden(ch: str) -> str | None:
    """Why XML 1.0 (section 2.2, Char) or the HTML5 parser (WHATWG HTML, 13.2.3.5:
    surrogate-, noncharacter- and control-character-in-input-stream, and NULL) refuses `ch`,
    or None."""
    cp = ord(ch)
    if 0xD800 <= cp <= 0xDFFF:
        return "surrogate"
    if 0xFDD0 <= cp <= 0xFDEF or cp & 0xFFFE == 0xFFFE:
        return "noncharacter"
    if cp < 0x20 and ch not in "\t\n\r":
        return "C0 control"
    if 0x7F <= cp <= 0x9F:
        return "DEL or C1 control"
    return None


def forbidden_in(text: str) -> list[str]:
    return [f"U+{ord(ch):04X} ({why})" for ch in text if (why := forbidden(ch))]


def shown(text: str) -> str:
    """What a writer of markup should make of `text`: each forbidden code point U+FFFD."""
    return "".join("\ufffd" if forbidden(ch) else ch for ch in text)


# --- on the way in: transform ----------------------------------------------------------------


@pytest.mark.parametrize("ch", REMOVED, ids=lambda ch: f"U+{ord(ch):04X}")
def test_each_control_bidi_noncharacter_and_lone_surrogate_is_removed(ch: str) -> None:
    assert normalise_text(f"Stoke-on-{ch}Trent") == "Stoke-on-Trent"
    assert clean_text(f"Stoke{ch}-on-Trent {ch}") == "Stoke-on-Trent"


@pytest.mark.parametrize("ch", SEPARATING, ids=lambda ch: f"U+{ord(ch):04X}")
def test_controls_that_separate_words_become_a_space(ch: str) -> None:
    assert normalise_text(f"Adult{ch}social") == "Adult social"
    assert clean_text(f"Adult{ch}{ch}social") == "Adult social"


def test_tab_and_line_feed_stay_and_every_line_end_is_a_line_feed() -> None:
    assert normalise_text("a\tb\nc\r\nd\re") == "a\tb\nc\nd\ne"


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_text_comes_out_byte_identical(text: str) -> None:
    assert normalise_text(text).encode("utf-8") == text.encode("utf-8")
    assert clean_text(text) == " ".join(text.split())


def test_text_is_nfc_even_where_a_removed_control_stood_between_a_letter_and_its_accent() -> None:
    decomposed = unicodedata.normalize("NFD", "Gŵyr, Môn, Zoë")
    assert decomposed != "Gŵyr, Môn, Zoë"
    assert normalise_text(decomposed) == "Gŵyr, Môn, Zoë"
    assert normalise_text("Zoe\x00\u0308") == "Zoë"
    assert normalise_text("\u212b") == "\u00c5"  # the Ångström sign is the letter Å


def test_a_surrogate_pair_is_joined_and_a_lone_half_beside_it_removed() -> None:
    assert normalise_text("smile \ud83d\ude00") == "smile 😀"
    assert normalise_text("a\ud83db\ude00c\ud83d") == "abc"


def test_normalising_twice_changes_nothing() -> None:
    once = normalise_text("".join([*C0, DEL, *C1, *BIDI, *NONCHARACTERS, *LONE_SURROGATES]))
    assert once == "\t\n  \n     "  # tab, LF, VT FF as spaces, CR as LF, FS GS RS US NEL
    assert normalise_text(once) == once


def hostile_page(clean: str) -> str:
    """The page with a control, a C1 control, a bidi override and a noncharacter inside the
    council's name and every finding."""
    return clean.replace("Stoke-on-Trent", "Sto\x01ke-on-\u202eTrent").replace(
        "Placeholder finding", "Place\x7fholder\u0085\ufdd0 fin\x9bding\x00"
    )


def test_a_page_with_controls_in_the_name_and_findings_reads_as_the_page_without() -> None:
    clean = (FIXTURES / "stoke_statement_needs.html").read_text(encoding="utf-8")
    url = f"{BASE}/stokeontrent-0625-theme1-needs"
    hostile = hostile_page(clean)
    assert hostile != clean
    read = read_page(hostile.encode("utf-8"), url)
    assert read == read_page(clean.encode("utf-8"), url)
    assert read.la_name == "Stoke-on-Trent City Council"
    (statement,) = read.statements
    assert [f.text for f in statement.key_findings] == [
        "Placeholder finding one.",
        "Placeholder finding two.",
        "Placeholder finding three.",
    ]


def test_page_lines_carry_no_control_whatever_the_page_holds() -> None:
    every = "".join(f"{ch}x" for ch in [*C0, DEL, *C1, *BIDI, *NONCHARACTERS])
    soup = make_soup(f"<p>Council {every} end</p><p title='t'>\u202eevil\u202c name</p>")
    texts = [line.text for line in page_lines(soup)]
    assert texts[1] == "evil name"
    assert not [t for t in texts if forbidden_in(t) or any(ch in t for ch in BIDI)]
    assert texts[0].startswith("Council x") and texts[0].endswith("x end")


# --- on the way out: publish, from a warehouse that holds them -------------------------------

LONG = 40_000  # a key finding longer than an Excel cell


def hostile_report() -> Report:
    """Stoke-on-Trent republished with every storable hostile character in its name, a key
    finding and people's experience, and a finding longer than Excel's cell."""
    stoke = Reports.stoke
    details = [
        d.model_copy(
            update={
                "key_findings": [
                    KeyFinding(heading=f"Heading {STORABLE}", text=f"Finding {STORABLE} end."),
                    KeyFinding(heading=None, text="L" * (LONG - 1) + "."),
                ]
            }
        )
        if d.statement.number == 1
        else d
        for d in stoke.statement_details
    ]
    return stoke.model_copy(
        update={
            "la_name": f"Stoke{STORABLE}-on-Trent City Council",
            "statement_details": details,
            "people_experience": [f"People {STORABLE} said."],
        }
    )


@pytest.fixture(scope="module")
def old_warehouse(templates: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Run 1 loads the four test reports; run 2 loads Stoke-on-Trent with the characters
    (`hostile_report`, saved as an old warehouse saved it: no normalisation) and records a
    parse issue whose reason holds them; benchmarks refreshed."""
    db_path = tmp_path_factory.mktemp("hostile") / "cqc.duckdb"
    runs = (
        (datetime(2026, 3, 1, 2, 0), datetime(2026, 3, 1, 2, 4), Reports.all),
        (datetime(2026, 3, 2, 2, 0), datetime(2026, 3, 2, 2, 1), (hostile_report(),)),
    )
    with open_copy(templates["empty"], db_path) as conn:
        for started, finished, batch in runs:
            run = start_run(
                conn, base_url="https://example.org/", mode="ingest", full=False,
                parser_version="test-1", started_at=started,
            )  # fmt: skip
            for report in batch:
                save_test_report(conn, report, run_id=run)
            finish_run(conn, run, finished_at=finished, status="finished", counts={})
        issue = ReportIssue(
            slug="durham-0824", stage="parse", reason=f"Reason {STORABLE} end", la_name="D"
        )
        replace_issues(conn, "durham-0824", [issue], "test-1")
        refresh_benchmarks(conn)
    return db_path


@pytest.fixture(scope="module")
def report_dir(old_warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report")
    with connect(old_warehouse, read_only=True) as conn:
        write_report(conn, out)
    return out


def test_the_warehouse_holds_the_raw_characters(old_warehouse: Path) -> None:
    """The premise: what the writers below are given holds every storable character."""
    with connect(old_warehouse, read_only=True) as conn:
        (name,) = conn.execute(
            "SELECT la_name_published FROM assessment WHERE assessment_id = 'stokeontrent-0625'"
        ).fetchone() or (None,)
        (new_name,) = conn.execute(
            "SELECT new_value FROM report_change WHERE field = 'la_name'"
        ).fetchone() or (None,)
    assert name == new_name == f"Stoke{STORABLE}-on-Trent City Council"


def test_the_feed_is_valid_xml_and_shows_the_change_with_replacements(report_dir: Path) -> None:
    raw = (report_dir / "feed.atom").read_bytes()
    text = raw.decode("utf-8")
    assert forbidden_in(text) == []
    root = ET.fromstring(raw)
    strict = lxml.etree.fromstring(raw, lxml.etree.XMLParser(recover=False))
    assert strict.tag == f"{A}feed"
    titles = [e.findtext(f"{A}title") or "" for e in root.iter(f"{A}entry")]
    (changed,) = [t for t in titles if "council name" in t]
    name = shown(f"Stoke{STORABLE}-on-Trent City Council").replace("\r", "\n")
    assert f"council name Stoke-on-Trent City Council → {name}" in changed


def test_every_html_page_is_free_of_forbidden_code_points_and_parses(report_dir: Path) -> None:
    pages = sorted(report_dir.rglob("*.html"))
    assert len([p for p in pages if p.parent.name == "council"]) == 153
    assert report_dir / "index.html" in pages
    assert [p for p in pages if p.parent.name == "region"]
    for page in pages:
        text = page.read_bytes().decode("utf-8")
        assert forbidden_in(text) == [], page
        tree = lxml.html.document_fromstring(text)
        assert tree.find("body/main") is not None, page
        assert "Licences and attribution" in tree.text_content(), page


def test_the_council_page_shows_the_findings_and_change_with_replacements(
    report_dir: Path,
) -> None:
    soup = BeautifulSoup((report_dir / "council" / "stoke-on-trent.html").read_bytes(), "lxml")
    findings = soup.find(id="key-findings")
    assert isinstance(findings, Tag)
    texts = [p.get_text() for p in findings.find_all("p")]
    # the HTML parser reads CR as a line feed, as every HTML parser must
    assert shown(f"Finding {STORABLE} end.").replace("\r", "\n") in texts
    headings = [h.get_text() for h in findings.find_all("h4")]
    assert shown(f"Heading {STORABLE}").replace("\r", "\n") in headings
    history = soup.find(id="council-history")
    assert isinstance(history, Tag)
    assert shown(f"Stoke{STORABLE}-on-Trent").replace("\r", "\n") in history.get_text()


def test_writers_given_lone_surrogates_still_write_valid_files(
    old_warehouse: Path, tmp_path: Path
) -> None:
    """DuckDB holds only valid UTF-8, so no warehouse gives a lone surrogate; the writers are
    fed them straight, from the warehouse's rows with the surrogates put in."""
    odd = "".join(f"{s}x" for s in LONE_SURROGATES)
    with connect(old_warehouse, read_only=True) as conn:
        entries = feed_entries(conn)
        councils = {c.council["la_code"]: c for c in query_councils(conn)}
    entries = [replace(e, council=f"Council {odd}") for e in entries]
    feed = render_feed(entries, feed_id="urn:uuid:0", updated=datetime(2026, 3, 3),
                       council_href={})  # fmt: skip
    root = ET.fromstring(feed.encode("utf-8"))
    titles = [e.findtext(f"{A}title", "") for e in root.iter(f"{A}entry")]
    assert len(titles) == len(entries) > 0
    assert all(t.startswith("Council \ufffdx\ufffdx\ufffdx\ufffdx") for t in titles), titles
    stoke = councils["E06000021"]
    findings = [{**row, "text": f"Finding {odd}"} for row in stoke.findings]
    page = render_council(
        replace(stoke, council={**stoke.council, "name": f"Stoke {odd}"}, findings=findings)
    )
    assert forbidden_in(page) == []
    heading = BeautifulSoup(page.encode("utf-8"), "lxml").find(id="council-name")
    assert isinstance(heading, Tag)
    assert heading.get_text() == "Stoke \ufffdx\ufffdx\ufffdx\ufffdx"
    cell, cut = cell_text(f"Cell {odd}")
    assert (cell, cut) == ("Cell \ufffdx\ufffdx\ufffdx\ufffdx", False)
    book = xlsxwriter.Workbook(str(tmp_path / "odd.xlsx"))
    book.add_worksheet("s").write_string(0, 0, cell)
    book.close()
    assert openpyxl.load_workbook(tmp_path / "odd.xlsx")["s"]["A1"].value == cell


def test_duckdb_refuses_a_lone_surrogate_so_csv_and_parquet_never_meet_one() -> None:
    with duckdb.connect() as conn:
        assert conn.execute("SELECT ?", ["a\x00\x01b"]).fetchone() == ("a\x00\x01b",)
        with pytest.raises(RuntimeError, match="Unable to cast"):
            conn.execute("SELECT ?", ["a\ud800b"]).fetchone()


@pytest.fixture(scope="module")
def exports(old_warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The old warehouse in every format. The reference tables the refresh fills (30,000 rows
    of neighbours and outcome measures) are emptied first, in a copy: these tests are about
    cells, and openpyxl takes seconds to read those rows back."""
    out: dict[str, Path] = {}
    formats: tuple[ExportFormat, ...] = ("xlsx", "csv", "parquet")
    lean = tmp_path_factory.mktemp("lean") / "cqc.duckdb"
    with open_copy(old_warehouse, lean) as conn:
        for table in ("council_neighbour", "outcome_measure"):
            conn.execute(f"DELETE FROM {table}")
        for fmt in formats:
            out[fmt] = tmp_path_factory.mktemp(fmt)
            export_warehouse(conn, out[fmt], fmt)
    return out


def sheet_rows(book: openpyxl.Workbook, name: str) -> list[dict[str, object]]:
    rows = book[name].iter_rows(values_only=True)
    header = [str(h) for h in next(rows)]
    return [dict(zip(header, row, strict=True)) for row in rows]


def test_the_workbook_opens_with_replacements_and_long_text_cut_with_a_marker(
    exports: dict[str, Path],
) -> None:
    book = openpyxl.load_workbook(exports["xlsx"] / WORKBOOK)
    issue = next(r for r in sheet_rows(book, "parse_issue") if r["slug"] == "durham-0824")
    # a line ended by CR is ended by LF, Excel's line break in a cell
    assert issue["reason"] == shown(f"Reason {STORABLE} end").replace("\r", "\n")
    findings = {
        r["text"]
        for r in sheet_rows(book, "key_finding")
        if r["assessment_id"] == "stokeontrent-0625" and r["qs_number"] == 1
    }
    long = next(str(t) for t in findings if str(t).startswith("LLL"))
    assert len(long) == EXCEL_CELL_MAX
    assert long == "L" * (EXCEL_CELL_MAX - len(CUT_MARKER)) + CUT_MARKER
    assert CUT_MARKER.startswith(" \u2026 [cut at 32,767 characters")
    assert shown(f"Finding {STORABLE} end.").replace("\r", "\n") in findings
    notes = {
        (r["table"], r["column"]): str(r["description"])
        for r in sheet_rows(book, DICTIONARY_SHEET)
        if r["column"]
    }
    cut_note = "1 cell of this column cut at Excel's 32,767 characters"
    assert cut_note in notes[("key_finding", "text")]
    assert "cut" not in notes[("key_finding", "heading")]


def test_the_exported_dictionary_says_what_was_cut_and_why(exports: dict[str, Path]) -> None:
    xlsx = (exports["xlsx"] / "data_dictionary.md").read_text(encoding="utf-8")
    section = xlsx.split("## Values cut to fit a format", 1)[1].split("\n## ", 1)[0]
    assert "An Excel cell holds at most 32,767 characters" in section
    assert "| `key_finding.text` | 1 |" in section
    assert "Parquet and CSV hold every value whole" in section
    csv_doc = (exports["csv"] / "data_dictionary.md").read_text(encoding="utf-8")
    assert "This export is csv: no value in it is cut." in csv_doc


def test_csv_and_parquet_keep_the_characters_and_the_long_text(exports: dict[str, Path]) -> None:
    with (exports["csv"] / "parse_issue.csv").open(newline="", encoding="utf-8") as f:
        issues = {row["slug"]: row for row in csv.DictReader(f)}
    assert issues["durham-0824"]["reason"] == f"Reason {STORABLE} end"
    parquet = pq.read_table(exports["parquet"] / "key_finding.parquet").to_pylist()
    texts = {r["text"] for r in parquet if r["assessment_id"] == "stokeontrent-0625"}
    assert f"Finding {STORABLE} end." in texts
    assert "L" * (LONG - 1) + "." in texts
    with (exports["csv"] / "key_finding.csv").open(newline="", encoding="utf-8") as f:
        texts = {r["text"] for r in csv.DictReader(f) if r["assessment_id"] == "stokeontrent-0625"}
    assert f"Finding {STORABLE} end." in texts
    assert "L" * (LONG - 1) + "." in texts


@pytest.mark.e2e
def test_cqc_export_as_a_process_cuts_with_the_marker_and_says_so(
    old_warehouse: Path, tmp_path: Path
) -> None:
    """The real command over the same warehouse: exit 0, the long finding cut with the marker,
    the dictionary naming the column (the reference rows emptied in a copy, as above)."""
    import subprocess
    import sys

    lean = tmp_path / "cqc.duckdb"
    with open_copy(old_warehouse, lean) as conn:
        for table in ("council_neighbour", "outcome_measure"):
            conn.execute(f"DELETE FROM {table}")
    cqc = Path(sys.executable).parent / "cqc"
    out = tmp_path / "out"
    done = subprocess.run(
        [str(cqc), "export", "--format", "xlsx", "--db", str(lean), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    book = openpyxl.load_workbook(out / WORKBOOK, read_only=True)
    texts = [r["text"] for r in sheet_rows(book, "key_finding")]
    assert sum(1 for t in texts if str(t).endswith(CUT_MARKER)) == 1
    doc = (out / "data_dictionary.md").read_text(encoding="utf-8")
    assert "| `key_finding.text` | 1 |" in doc
