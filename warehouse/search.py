"""Full-text search over the reports' findings: BM25, ranked as DuckDB's fts extension ranks.

The searchable texts are one table, `search_document` (`sql/search.sql`): key findings,
people's experience, and each statement's "What people expect" and commitment. Their index is
ours, in the schema `search_index` (`sql/search_index.sql`): each text's terms, made as fts
makes them, and its length. fts's `PRAGMA create_fts_index` can only build an index whole
(8 s at 100 times the demo's reports, every refresh); this one is brought up to date with the
benchmark tables (`warehouse.benchmarks.refresh_benchmarks`) report by report: a report whose
inputs changed has its texts and terms deleted and written again, the others stay. BM25 is
computed when a query is run, with fts's formula and parameters.

The fts extension still stems the words (its `stem()`): it is loaded from the installed
`duckdb-extension-fts` wheel, never downloaded, so search works offline; a connection must
load it before it builds the index or searches (`load_fts`).
"""

from __future__ import annotations

import hashlib
import importlib.resources
import re
from dataclasses import dataclass
from datetime import date
from importlib.metadata import PackageNotFoundError, version
from importlib.resources.abc import Traversable

import duckdb

from warehouse.db import SEARCH_SCRIPT, SEARCH_TABLE, read_script

INDEX_SCHEMA, INDEX_SCRIPT = "search_index", "search_index.sql"
# Where older versions kept fts's own index; dropped when ours is first built.
FTS_SCHEMA = f"fts_main_{SEARCH_TABLE}"
FTS_PACKAGE = "duckdb_extension_fts"
# At most this many reports changed: their texts are read through a filter DuckDB pushes down
# to each table; more, and the view is read whole (a long list costs more than it saves).
FILTERED_AT_MOST = 200
# The snippet: this many words before the first hit and after it.
WORDS_BEFORE, WORDS_AFTER = 8, 16
MARK_OPEN, MARK_CLOSE = "«", "»"


class SearchUnavailableError(RuntimeError):
    """The fts extension cannot be loaded, or the warehouse has no search index yet."""


class EmptyQueryError(ValueError):
    """The query has no word to look for (only stop words, numbers or punctuation)."""


@dataclass(frozen=True)
class SearchHit:
    score: float
    kind: str
    assessment_id: str
    council: str
    region: str
    published_on: date | None
    qs_number: int | None
    quality_statement: str | None
    heading: str | None
    snippet: str
    url: str


@dataclass(frozen=True)
class IndexUpdate:
    """What `build_search_index` did: texts in the index after it, and how many reports had
    theirs written again (0: nothing had changed)."""

    documents: int
    reports: int


def fts_extension_resource() -> Traversable:
    """The fts extension file inside the installed wheel, for the duckdb in use: the wheel
    keeps one per DuckDB version (`extensions/v1.5.5/fts.duckdb_extension`)."""
    try:
        root = importlib.resources.files(FTS_PACKAGE) / "extensions"
        wheel = version("duckdb-extension-fts")
    except (ModuleNotFoundError, PackageNotFoundError) as exc:
        raise SearchUnavailableError(
            f"search needs the duckdb-extension-fts package: pip install "
            f"duckdb-extension-fts=={duckdb.__version__}"
        ) from exc
    resource = root / f"v{duckdb.__version__}" / "fts.duckdb_extension"
    if not resource.is_file():
        held = sorted(entry.name for entry in root.iterdir()) if root.is_dir() else []
        raise SearchUnavailableError(
            f"duckdb-extension-fts {wheel} has no fts extension for duckdb "
            f"{duckdb.__version__} (it holds {', '.join(held) or 'none'}): install "
            f"duckdb-extension-fts=={duckdb.__version__}"
        )
    return resource


def load_fts(conn: duckdb.DuckDBPyConnection) -> None:
    """LOAD the fts extension from the wheel (no INSTALL, no network). Before any sandbox:
    `warehouse.db.sandbox` forbids loading extensions afterwards."""
    with importlib.resources.as_file(fts_extension_resource()) as path:
        literal = str(path).replace("'", "''")  # LOAD takes no parameters
        try:
            conn.execute(f"LOAD '{literal}'")
        except duckdb.Error as exc:
            first = str(exc).strip().splitlines()[0]
            raise SearchUnavailableError(f"the fts extension did not load: {first}") from exc


def code_digest() -> str:
    """A digest of the code that builds the index: its SQL (which names the stemmer) and
    DuckDB's version (whose fts wheel stems). An index another code built is built again."""
    digest = hashlib.sha256()
    for part in (read_script(SEARCH_SCRIPT), read_script(INDEX_SCRIPT)):
        digest.update(part.encode())
        digest.update(b"\0")
    digest.update(duckdb.__version__.encode())
    return digest.hexdigest()[:32]


def build_search_index(conn: duckdb.DuckDBPyConnection, *, whole: bool = False) -> IndexUpdate:
    """Bring `search_document` and its index up to date (fts loaded; inside the caller's
    transaction, so readers see the old index or the new one): only the reports whose inputs
    changed are indexed again; every report when the index was built by other code, or when
    `whole`."""
    code = code_digest()
    if whole or _built_by(conn) != code:
        _start_afresh(conn, code)
    conn.execute(_CHANGED_SQL)
    changed = [
        assessment_id
        for (assessment_id,) in conn.execute(
            "SELECT assessment_id FROM temp.search_changed ORDER BY assessment_id"
        ).fetchall()
    ]
    if changed:
        _index_again(conn, changed)
    conn.execute("DROP TABLE IF EXISTS temp.search_changed")
    return IndexUpdate(_count(conn, f"SELECT count(*) FROM {SEARCH_TABLE}"), len(changed))


def _built_by(conn: duckdb.DuckDBPyConnection) -> str | None:
    """The code digest the index was built by; None if there is no index."""
    present = conn.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE schema_name = ? AND table_name = 'built'",
        [INDEX_SCHEMA],
    ).fetchone()
    if not present or not present[0]:
        return None
    row = conn.execute(f"SELECT max(code_digest) FROM {INDEX_SCHEMA}.built").fetchone()
    return row[0] if row else None


def _start_afresh(conn: duckdb.DuckDBPyConnection, code: str) -> None:
    """Drop the texts and any index (fts's too), and create them empty, as this code has them."""
    conn.execute(f"DROP SCHEMA IF EXISTS {FTS_SCHEMA} CASCADE")
    conn.execute(f"DROP SCHEMA IF EXISTS {INDEX_SCHEMA} CASCADE")
    conn.execute(f"DROP TABLE IF EXISTS {SEARCH_TABLE}")
    conn.execute(read_script(SEARCH_SCRIPT))
    conn.execute(read_script(INDEX_SCRIPT))
    conn.execute(f"INSERT INTO {INDEX_SCHEMA}.built VALUES (?)", [code])


# The reports whose inputs differ from those their texts were written from: new, changed or
# gone (digest NULL). Kept for the statements of `_index_again`.
_CHANGED_SQL = f"""
CREATE OR REPLACE TEMP TABLE search_changed AS
SELECT assessment_id, now.digest
FROM {INDEX_SCHEMA}.report_input AS now
FULL JOIN {INDEX_SCHEMA}.report AS held USING (assessment_id)
WHERE now.digest IS DISTINCT FROM held.digest
"""

_CHANGED = "(SELECT assessment_id FROM temp.search_changed)"

# Each word of each new text, as fts tokenises them (its create_fts_index): heading and body.
_NEW_WORDS = f"""
SELECT n.docno, unnest({INDEX_SCHEMA}.tokenize(d.heading)) AS w
FROM temp.search_new AS n JOIN {SEARCH_TABLE} AS d USING (doc_id)
UNION ALL
SELECT n.docno, unnest({INDEX_SCHEMA}.tokenize(d.body)) AS w
FROM temp.search_new AS n JOIN {SEARCH_TABLE} AS d USING (doc_id)
"""
# The words indexed (not empty, not stop words), each with its term: a word is stemmed once,
# not at each of its occurrences. A pass of its own: reading the words once for both this and
# the terms below would hold them all in memory (twice the peak, at 100 times the demo).
_VOCABULARY_SQL = f"""
CREATE OR REPLACE TEMP TABLE search_vocabulary AS
SELECT w, {INDEX_SCHEMA}.term(w) AS term
FROM (SELECT DISTINCT w FROM ({_NEW_WORDS}))
WHERE len(w) > 0 AND w NOT IN (SELECT sw FROM {INDEX_SCHEMA}.stopword)
"""
# Each new text's terms, with how often each occurs in it (heading and body together).
_NEW_TERMS_SQL = f"""
INSERT INTO {INDEX_SCHEMA}.posting
SELECT docno, term, count(*) AS tf
FROM ({_NEW_WORDS}) JOIN temp.search_vocabulary USING (w)
GROUP BY ALL
ORDER BY term, docno  -- a query reads only the row groups that hold its terms
"""


def _index_again(conn: duckdb.DuckDBPyConnection, reports: list[str]) -> None:
    """Delete these reports' texts and terms, and write those they have now."""
    conn.execute(
        f"DELETE FROM {INDEX_SCHEMA}.posting WHERE docno IN "
        f"(SELECT docno FROM {INDEX_SCHEMA}.doc WHERE assessment_id IN {_CHANGED})"
    )
    for table in (f"{INDEX_SCHEMA}.doc", SEARCH_TABLE, f"{INDEX_SCHEMA}.report"):
        conn.execute(f"DELETE FROM {table} WHERE assessment_id IN {_CHANGED}")
    if len(reports) <= FILTERED_AT_MOST:
        conn.execute(
            f"INSERT INTO {SEARCH_TABLE} SELECT * FROM {INDEX_SCHEMA}.document "
            "WHERE list_contains(?, assessment_id)",
            [reports],
        )
    else:
        conn.execute(
            f"INSERT INTO {SEARCH_TABLE} SELECT * FROM {INDEX_SCHEMA}.document "
            f"WHERE assessment_id IN {_CHANGED}"
        )
    last = _count(conn, f"SELECT coalesce(max(docno), 0) FROM {INDEX_SCHEMA}.doc")
    conn.execute(
        "CREATE OR REPLACE TEMP TABLE search_new AS "
        "SELECT $last + row_number() OVER (ORDER BY doc_id) AS docno, doc_id, assessment_id "
        f"FROM {SEARCH_TABLE} WHERE assessment_id IN {_CHANGED}",
        {"last": last},
    )
    conn.execute(_VOCABULARY_SQL)
    conn.execute(_NEW_TERMS_SQL)
    conn.execute(
        f"INSERT INTO {INDEX_SCHEMA}.doc "
        "SELECT n.docno, n.doc_id, n.assessment_id, coalesce(p.len, 0) "
        "FROM temp.search_new AS n LEFT JOIN ("
        f"    SELECT docno, sum(tf) AS len FROM {INDEX_SCHEMA}.posting WHERE docno > $last "
        "    GROUP BY docno"
        ") AS p USING (docno) ORDER BY n.docno",
        {"last": last},
    )
    conn.execute(
        f"INSERT INTO {INDEX_SCHEMA}.report "
        "SELECT assessment_id, digest FROM temp.search_changed WHERE digest IS NOT NULL"
    )
    for temp in ("search_new", "search_vocabulary"):
        conn.execute(f"DROP TABLE temp.{temp}")


def _count(conn: duckdb.DuckDBPyConnection, sql: str) -> int:
    row = conn.execute(sql).fetchone()
    return int(row[0]) if row else 0


def has_search_index(conn: duckdb.DuckDBPyConnection) -> bool:
    """Whether the warehouse has an index this code can read (built by it)."""
    return _built_by(conn) == code_digest()


def query_stems(conn: duckdb.DuckDBPyConnection, query: str) -> set[str]:
    """The stems the query looks for, tokenised and stemmed as the index was; EmptyQueryError
    if nothing is left once stop words, digits and punctuation are dropped."""
    rows = conn.execute(
        f"SELECT DISTINCT {INDEX_SCHEMA}.term(t) FROM (SELECT unnest({INDEX_SCHEMA}.tokenize(?)) "
        f"AS t) WHERE t <> '' AND t NOT IN (SELECT sw FROM {INDEX_SCHEMA}.stopword)",
        [query],
    ).fetchall()
    stems = {stem for (stem,) in rows if stem}
    if not stems:
        raise EmptyQueryError(
            f"nothing to search for in {query!r}: only stop words, numbers or punctuation"
        )
    return stems


# The ranking (search_index.bm25, fts's BM25) with the filters and the order of ties.
_SEARCH_SQL = f"""
SELECT b.score, s.kind, s.assessment_id, s.council, s.region, s.published_on, s.qs_number,
       s.quality_statement, s.heading, s.body, s.url
FROM {INDEX_SCHEMA}.bm25($query) AS b
JOIN {SEARCH_TABLE} AS s USING (doc_id)
WHERE ($qs_number IS NULL OR s.qs_number = $qs_number)
  AND ($region IS NULL OR s.region = $region)
ORDER BY b.score DESC, s.assessment_id, s.qs_number NULLS FIRST, s.doc_id
LIMIT $limit
"""


def search(
    conn: duckdb.DuckDBPyConnection,
    query: str,
    *,
    qs_number: int | None = None,
    region: str | None = None,
    limit: int = 10,
) -> list[SearchHit]:
    """The `limit` texts that best match `query` (BM25, any of its words), best first, each
    with a snippet around its first matching word. fts must be loaded (`load_fts`)."""
    built_by = _built_by(conn)
    if built_by is None:
        raise SearchUnavailableError(
            "the warehouse has no search index yet: run `cqc refresh-benchmarks`"
        )
    if built_by != code_digest():
        raise SearchUnavailableError(
            "the warehouse's search index was built by another version of cqc: run "
            "`cqc refresh-benchmarks`"
        )
    stems = query_stems(conn, query)
    rows = conn.execute(
        _SEARCH_SQL,
        {"query": query, "qs_number": qs_number, "region": region, "limit": limit},
    ).fetchall()
    texts = [_with_heading(row[8], row[9]) for row in rows]
    word_lists = [text.split() for text in texts]
    word_stems = _stems_of_words(conn, word_lists)
    return [
        SearchHit(
            score=float(row[0]),
            kind=row[1],
            assessment_id=row[2],
            council=row[3],
            region=row[4],
            published_on=row[5],
            qs_number=row[6],
            quality_statement=row[7],
            heading=row[8],
            snippet=snippet(words, each_stems, stems),
            url=row[10],
        )
        for row, words, each_stems in zip(rows, word_lists, word_stems, strict=True)
    ]


def _with_heading(heading: str | None, body: str) -> str:
    return f"{heading}: {body}" if heading else body


def _stems_of_words(
    conn: duckdb.DuckDBPyConnection, word_lists: list[list[str]]
) -> list[list[list[str]]]:
    """Each word's stems as the index sees them ('waiting-lists,' -> ['wait', 'list'])."""
    if not word_lists:
        return []
    row = conn.execute(
        "SELECT list_transform(?::VARCHAR[][], words -> list_transform(words, "
        f"w -> list_transform(list_filter({INDEX_SCHEMA}.tokenize(w), t -> t <> ''), "
        f"t -> {INDEX_SCHEMA}.term(t))))",
        [word_lists],
    ).fetchone()
    return list(row[0]) if row else [[] for _ in word_lists]


_EDGES = re.compile(r"^(\W*)(.*?)(\W*)$", re.S)


def snippet(words: list[str], stems: list[list[str]], wanted: set[str]) -> str:
    """A window of words around the first word whose stems are wanted, every such word in it
    marked «so»; the start of the text if none is (the hit was elsewhere)."""
    hits = [i for i, word_stems in enumerate(stems) if wanted.intersection(word_stems)]
    first = hits[0] if hits else 0
    start = max(0, first - WORDS_BEFORE)
    end = min(len(words), first + WORDS_AFTER + 1 + max(0, WORDS_BEFORE - first))
    marked = set(hits)
    shown = [_mark(words[i]) if i in marked else words[i] for i in range(start, end)]
    return ("… " if start > 0 else "") + " ".join(shown) + (" …" if end < len(words) else "")


def _mark(word: str) -> str:
    match = _EDGES.match(word)
    if match is None or not match.group(2):
        return word
    lead, core, trail = match.groups()
    return f"{lead}{MARK_OPEN}{core}{MARK_CLOSE}{trail}"
