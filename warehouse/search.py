"""Full-text search over the reports' findings: BM25 ranking with DuckDB's fts extension.

The searchable texts are one table, `search_document` (`sql/search.sql`): key findings,
people's experience, and each statement's "What people expect" and commitment. It is rebuilt
and indexed with the benchmark tables (`warehouse.benchmarks.refresh_benchmarks`). The fts
extension is loaded from the installed `duckdb-extension-fts` wheel, never downloaded, so
search works offline; a connection must load it before it touches the index (`load_fts`).
"""

from __future__ import annotations

import importlib.resources
import re
from dataclasses import dataclass
from datetime import date
from importlib.metadata import PackageNotFoundError, version
from importlib.resources.abc import Traversable

import duckdb

from warehouse.db import SEARCH_SCRIPT, SEARCH_TABLE, read_script

INDEX_SCHEMA = f"fts_main_{SEARCH_TABLE}"
STEMMER = "porter"
FTS_PACKAGE = "duckdb_extension_fts"
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


def build_search_index(conn: duckdb.DuckDBPyConnection) -> int:
    """Rebuild `search_document` and its BM25 index (fts loaded; inside the caller's
    transaction, so readers see the old index or the new one); return how many texts."""
    conn.execute(read_script(SEARCH_SCRIPT))
    conn.execute(
        f"PRAGMA create_fts_index('{SEARCH_TABLE}', 'doc_id', 'heading', 'body', "
        f"stemmer = '{STEMMER}', stopwords = 'english', overwrite = 1)"
    )
    row = conn.execute(f"SELECT count(*) FROM {SEARCH_TABLE}").fetchone()
    return int(row[0]) if row else 0


def has_search_index(conn: duckdb.DuckDBPyConnection) -> bool:
    row = conn.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE schema_name = ? AND table_name = 'docs'",
        [INDEX_SCHEMA],
    ).fetchone()
    return row is not None and row[0] > 0


def query_stems(conn: duckdb.DuckDBPyConnection, query: str) -> set[str]:
    """The stems the query looks for, tokenised and stemmed as the index was; EmptyQueryError
    if nothing is left once stop words, digits and punctuation are dropped."""
    rows = conn.execute(
        f"SELECT DISTINCT stem(t, '{STEMMER}') FROM (SELECT unnest({INDEX_SCHEMA}.tokenize(?)) "
        f"AS t) WHERE t <> '' AND t NOT IN (SELECT sw FROM {INDEX_SCHEMA}.stopwords)",
        [query],
    ).fetchall()
    stems = {stem for (stem,) in rows if stem}
    if not stems:
        raise EmptyQueryError(
            f"nothing to search for in {query!r}: only stop words, numbers or punctuation"
        )
    return stems


_SEARCH_SQL = f"""
SELECT score, kind, assessment_id, council, region, published_on, qs_number,
       quality_statement, heading, body, url
FROM (
    SELECT d.*, {INDEX_SCHEMA}.match_bm25(d.doc_id, $query) AS score
    FROM {SEARCH_TABLE} AS d
    WHERE ($qs_number IS NULL OR d.qs_number = $qs_number)
      AND ($region IS NULL OR d.region = $region)
)
WHERE score IS NOT NULL
ORDER BY score DESC, assessment_id, qs_number NULLS FIRST, doc_id
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
    if not has_search_index(conn):
        raise SearchUnavailableError(
            "the warehouse has no search index yet: run `cqc refresh-benchmarks`"
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
        f"t -> stem(t, '{STEMMER}'))))",
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
