-- The search index of `cqc search`: BM25 over search_document, kept up to date report by report
-- by warehouse.search.build_search_index, and ranked at query time (warehouse.search.search).
-- Everything lives in the schema search_index, beside the warehouse's own tables; a change to
-- this file drops the schema and builds it again, whole.
--
-- The terms are the fts extension's (PRAGMA create_fts_index with stemmer 'porter' and
-- stopwords 'english'), so the ranking is the one it gave: each text of heading and body is
-- lowered, stripped of accents, cut at the characters tokenize() ignores, stop words dropped
-- and the rest stemmed (fts's stem(), the one part of the extension still used).
-- tests/warehouse/test_search_index.py checks the ranking against the extension's own index.

CREATE SCHEMA IF NOT EXISTS search_index;

-- What search_document holds: its rows for the reports given, or for all of them.
CREATE OR REPLACE VIEW search_index.document AS
WITH report AS (
    SELECT a.assessment_id, a.la_code, la.name AS council, la.region, a.assessment_kind,
           a.published_on, a.report_url, a.people_experience
    FROM assessment AS a
    JOIN local_authority AS la USING (la_code)
),
statement AS (
    SELECT r.*, q.qs_number, q.quality_statement, q.what_people_expect, q.commitment,
           coalesce(q.page_url, r.report_url) AS url
    FROM report AS r
    JOIN quality_statement_score AS q USING (assessment_id)
),
document AS (
    SELECT assessment_id || '/people-experience' AS doc_id, 'people_experience' AS kind,
           assessment_id, la_code, council, region, assessment_kind, published_on,
           NULL::INTEGER AS qs_number, NULL::VARCHAR AS quality_statement,
           NULL::VARCHAR AS heading, people_experience AS body, report_url AS url,
           0 AS part, 0 AS part_no
    FROM report
    WHERE trim(coalesce(people_experience, '')) <> ''
    UNION ALL
    -- A statement's two texts, a row each: doc ids .../what-people-expect and .../commitment.
    SELECT assessment_id || '/qs' || qs_number || '/' || replace(kind, '_', '-'), kind,
           assessment_id, la_code, council, region, assessment_kind, published_on,
           qs_number, quality_statement, NULL, body, url,
           CASE kind WHEN 'what_people_expect' THEN 1 ELSE 2 END, 0
    FROM (UNPIVOT statement ON what_people_expect, commitment INTO NAME kind VALUE body)
    WHERE trim(coalesce(body, '')) <> ''
    UNION ALL
    SELECT s.assessment_id || '/qs' || s.qs_number || '/finding-' || k.finding_no,
           'key_finding', s.assessment_id, s.la_code, s.council, s.region, s.assessment_kind,
           s.published_on, s.qs_number, s.quality_statement, k.heading, k.text, s.url,
           3, k.finding_no
    FROM statement AS s
    JOIN key_finding AS k USING (assessment_id, qs_number)
)
SELECT doc_id, kind, assessment_id, la_code, council, region, assessment_kind, published_on,
       qs_number, quality_statement, heading, body, url
FROM document
ORDER BY assessment_id, qs_number NULLS FIRST, part, part_no;

COMMENT ON VIEW search_index.document IS 'The rows search_document should hold, from the loaded reports: build_search_index writes those of each report whose inputs changed.';

-- Each report's search inputs as one number: it changes whenever a row its texts are built
-- from changes (the view above reads these four tables, and nothing else).
CREATE OR REPLACE VIEW search_index.report_input AS
SELECT a.assessment_id,
       hash(a, la) + coalesce(q.digest, 0) + coalesce(k.digest, 0) AS digest
FROM assessment AS a
JOIN local_authority AS la USING (la_code)
LEFT JOIN (
    SELECT assessment_id, sum(hash(q)) AS digest FROM quality_statement_score AS q GROUP BY ALL
) AS q USING (assessment_id)
LEFT JOIN (
    SELECT assessment_id, sum(hash(k)) AS digest FROM key_finding AS k GROUP BY ALL
) AS k USING (assessment_id);

COMMENT ON VIEW search_index.report_input IS 'A digest of each report''s rows in assessment, local_authority (its council), quality_statement_score and key_finding: what its search_document rows are built from.';

-- fts's tokenize() macro, as create_fts_index writes it.
CREATE OR REPLACE MACRO search_index.tokenize(s) AS
string_split_regex(regexp_replace(lower(strip_accents(CAST(s AS VARCHAR))), '[0-9!@#$%^&*()_+={}\[\]:;<>,.?~\\/\|''''"`-]+', ' ', 'g'), '\s+');

-- A token's term: its stem, by the fts extension's Porter stemmer (the extension must be
-- loaded: warehouse.search.load_fts).
CREATE OR REPLACE MACRO search_index.term(w) AS stem(w, 'porter');

-- fts's English stop words (stopwords = 'english').
CREATE TABLE IF NOT EXISTS search_index.stopword AS
SELECT unnest([
    'a', 'a''s', 'able', 'about', 'above', 'according', 'accordingly', 'across', 'actually',
    'after', 'afterwards', 'again', 'against', 'ain''t', 'all', 'allow', 'allows', 'almost',
    'alone', 'along', 'already', 'also', 'although', 'always', 'am', 'among', 'amongst', 'an',
    'and', 'another', 'any', 'anybody', 'anyhow', 'anyone', 'anything', 'anyway', 'anyways',
    'anywhere', 'apart', 'appear', 'appreciate', 'appropriate', 'are', 'aren''t', 'around', 'as',
    'aside', 'ask', 'asking', 'associated', 'at', 'available', 'away', 'awfully', 'b', 'be',
    'became', 'because', 'become', 'becomes', 'becoming', 'been', 'before', 'beforehand',
    'behind', 'being', 'believe', 'below', 'beside', 'besides', 'best', 'better', 'between',
    'beyond', 'both', 'brief', 'but', 'by', 'c', 'c''mon', 'c''s', 'came', 'can', 'can''t',
    'cannot', 'cant', 'cause', 'causes', 'certain', 'certainly', 'changes', 'clearly', 'co',
    'com', 'come', 'comes', 'concerning', 'consequently', 'consider', 'considering', 'contain',
    'containing', 'contains', 'corresponding', 'could', 'couldn''t', 'course', 'currently', 'd',
    'definitely', 'described', 'despite', 'did', 'didn''t', 'different', 'do', 'does', 'doesn''t',
    'doing', 'don''t', 'done', 'down', 'downwards', 'during', 'e', 'each', 'edu', 'eg', 'eight',
    'either', 'else', 'elsewhere', 'enough', 'entirely', 'especially', 'et', 'etc', 'even',
    'ever', 'every', 'everybody', 'everyone', 'everything', 'everywhere', 'ex', 'exactly',
    'example', 'except', 'f', 'far', 'few', 'fifth', 'first', 'five', 'followed', 'following',
    'follows', 'for', 'former', 'formerly', 'forth', 'four', 'from', 'further', 'furthermore',
    'g', 'get', 'gets', 'getting', 'given', 'gives', 'go', 'goes', 'going', 'gone', 'got',
    'gotten', 'greetings', 'h', 'had', 'hadn''t', 'happens', 'hardly', 'has', 'hasn''t', 'have',
    'haven''t', 'having', 'he', 'he''s', 'hello', 'help', 'hence', 'her', 'here', 'here''s',
    'hereafter', 'hereby', 'herein', 'hereupon', 'hers', 'herself', 'hi', 'him', 'himself', 'his',
    'hither', 'hopefully', 'how', 'howbeit', 'however', 'i', 'i''d', 'i''ll', 'i''m', 'i''ve',
    'ie', 'if', 'ignored', 'immediate', 'in', 'inasmuch', 'inc', 'indeed', 'indicate',
    'indicated', 'indicates', 'inner', 'insofar', 'instead', 'into', 'inward', 'is', 'isn''t',
    'it', 'it''d', 'it''ll', 'it''s', 'its', 'itself', 'j', 'just', 'k', 'keep', 'keeps', 'kept',
    'know', 'knows', 'known', 'l', 'last', 'lately', 'later', 'latter', 'latterly', 'least',
    'less', 'lest', 'let', 'let''s', 'like', 'liked', 'likely', 'little', 'look', 'looking',
    'looks', 'ltd', 'm', 'mainly', 'many', 'may', 'maybe', 'me', 'mean', 'meanwhile', 'merely',
    'might', 'more', 'moreover', 'most', 'mostly', 'much', 'must', 'my', 'myself', 'n', 'name',
    'namely', 'nd', 'near', 'nearly', 'necessary', 'need', 'needs', 'neither', 'never',
    'nevertheless', 'new', 'next', 'nine', 'no', 'nobody', 'non', 'none', 'noone', 'nor',
    'normally', 'not', 'nothing', 'novel', 'now', 'nowhere', 'o', 'obviously', 'of', 'off',
    'often', 'oh', 'ok', 'okay', 'old', 'on', 'once', 'one', 'ones', 'only', 'onto', 'or',
    'other', 'others', 'otherwise', 'ought', 'our', 'ours', 'ourselves', 'out', 'outside', 'over',
    'overall', 'own', 'p', 'particular', 'particularly', 'per', 'perhaps', 'placed', 'please',
    'plus', 'possible', 'presumably', 'probably', 'provides', 'q', 'que', 'quite', 'qv', 'r',
    'rather', 'rd', 're', 'really', 'reasonably', 'regarding', 'regardless', 'regards',
    'relatively', 'respectively', 'right', 's', 'said', 'same', 'saw', 'say', 'saying', 'says',
    'second', 'secondly', 'see', 'seeing', 'seem', 'seemed', 'seeming', 'seems', 'seen', 'self',
    'selves', 'sensible', 'sent', 'serious', 'seriously', 'seven', 'several', 'shall', 'she',
    'should', 'shouldn''t', 'since', 'six', 'so', 'some', 'somebody', 'somehow', 'someone',
    'something', 'sometime', 'sometimes', 'somewhat', 'somewhere', 'soon', 'sorry', 'specified',
    'specify', 'specifying', 'still', 'sub', 'such', 'sup', 'sure', 't', 't''s', 'take', 'taken',
    'tell', 'tends', 'th', 'than', 'thank', 'thanks', 'thanx', 'that', 'that''s', 'thats', 'the',
    'their', 'theirs', 'them', 'themselves', 'then', 'thence', 'there', 'there''s', 'thereafter',
    'thereby', 'therefore', 'therein', 'theres', 'thereupon', 'these', 'they', 'they''d',
    'they''ll', 'they''re', 'they''ve', 'think', 'third', 'this', 'thorough', 'thoroughly',
    'those', 'though', 'three', 'through', 'throughout', 'thru', 'thus', 'to', 'together', 'too',
    'took', 'toward', 'towards', 'tried', 'tries', 'truly', 'try', 'trying', 'twice', 'two', 'u',
    'un', 'under', 'unfortunately', 'unless', 'unlikely', 'until', 'unto', 'up', 'upon', 'us',
    'use', 'used', 'useful', 'uses', 'using', 'usually', 'uucp', 'v', 'value', 'various', 'very',
    'via', 'viz', 'vs', 'w', 'want', 'wants', 'was', 'wasn''t', 'way', 'we', 'we''d', 'we''ll',
    'we''re', 'we''ve', 'welcome', 'well', 'went', 'were', 'weren''t', 'what', 'what''s',
    'whatever', 'when', 'whence', 'whenever', 'where', 'where''s', 'whereafter', 'whereas',
    'whereby', 'wherein', 'whereupon', 'wherever', 'whether', 'which', 'while', 'whither', 'who',
    'who''s', 'whoever', 'whole', 'whom', 'whose', 'why', 'will', 'willing', 'wish', 'with',
    'within', 'without', 'won''t', 'wonder', 'would', 'wouldn''t', 'x', 'y', 'yes', 'yet', 'you',
    'you''d', 'you''ll', 'you''re', 'you''ve', 'your', 'yours', 'yourself', 'yourselves', 'z',
    'zero'
]) AS sw;

COMMENT ON TABLE search_index.stopword IS 'Words never indexed: the fts extension''s English stop words.';

CREATE TABLE IF NOT EXISTS search_index.report (
    assessment_id VARCHAR NOT NULL,
    digest HUGEINT NOT NULL
);

COMMENT ON TABLE search_index.report IS 'The reports indexed, each with the digest of its inputs (search_index.report_input) when its texts were written: a report whose digest differs now is indexed again.';

CREATE TABLE IF NOT EXISTS search_index.doc (
    docno BIGINT NOT NULL,
    doc_id VARCHAR NOT NULL,
    assessment_id VARCHAR NOT NULL,
    len BIGINT NOT NULL
);

COMMENT ON TABLE search_index.doc IS 'One row per search_document text: its number in the index, and its length in terms (heading and body, stop words left out), for BM25.';

CREATE TABLE IF NOT EXISTS search_index.posting (
    docno BIGINT NOT NULL,
    term VARCHAR NOT NULL,
    tf BIGINT NOT NULL
);

COMMENT ON TABLE search_index.posting IS 'Each term (a stem) of each text, with how often it occurs there (heading and body together).';

CREATE TABLE IF NOT EXISTS search_index.built (
    code_digest VARCHAR NOT NULL
);

COMMENT ON TABLE search_index.built IS 'One row once the index is built: a digest of the code that built it (this file, the stemmer, DuckDB''s version). Other code builds it again, whole.';

-- BM25 of every text that holds any of the query's terms, as fts's match_bm25 scores it (k =
-- 1.2, b = 0.75; its query terms are every token stemmed, stop words too), term for term, so
-- the scores are its scores. A text's subscores are added smallest first, not in the order
-- rows arrive in: equal texts score equal to the last bit, so a query's ORDER BY decides
-- their order (with one or two query terms the sum is fts's to the bit, whatever the order).
-- `SELECT * FROM search_index.bm25('waiting list') JOIN search_document USING (doc_id)`.
CREATE OR REPLACE MACRO search_index.bm25(query_string) AS TABLE
WITH tokens AS (
    SELECT DISTINCT search_index.term(unnest(search_index.tokenize(query_string))) AS term
),
stats AS (
    SELECT count(*) AS num_docs, sum(len) / count(len) AS avgdl FROM search_index.doc
),
hits AS (
    SELECT docno, term, tf, count(*) OVER (PARTITION BY term) AS df
    FROM search_index.posting
    WHERE term IN (SELECT term FROM tokens)
),
scores AS (
    SELECT h.docno, list_sum(list_sort(list(
        log(((SELECT num_docs FROM stats) - h.df + 0.5) / (h.df + 0.5) + 1)
        * ((h.tf * (1.2 + 1)
            / (h.tf + 1.2 * (1 - 0.75 + 0.75 * (d.len / (SELECT avgdl FROM stats))))))
    ))) AS score
    FROM hits AS h
    JOIN search_index.doc AS d USING (docno)
    GROUP BY h.docno
)
SELECT d.doc_id, s.score
FROM scores AS s
JOIN search_index.doc AS d USING (docno);
