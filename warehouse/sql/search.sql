-- search_document: every searchable text of the warehouse, one row each, for `cqc search`.
-- Rebuilt with the benchmark tables by warehouse.search.build_search_index, which then indexes
-- it with the fts extension (BM25; the index lives in the schema fts_main_search_document).
-- Built from every loaded report, pilots and older reports included.

CREATE OR REPLACE TABLE search_document AS
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

COMMENT ON TABLE search_document IS 'Every searchable text of the loaded reports (key findings, people''s experience, each statement''s "What people expect" and commitment), one row each, for `cqc search`. Rebuilt with the benchmark tables and indexed for BM25 full-text search (schema fts_main_search_document).';
COMMENT ON COLUMN search_document.doc_id IS 'Key of the text, e.g. ''stokeontrent-0625/qs1/finding-2'' or ''stokeontrent-0625/people-experience''. Unique.';
COMMENT ON COLUMN search_document.kind IS 'key_finding | people_experience | what_people_expect | commitment.';
COMMENT ON COLUMN search_document.assessment_id IS 'The report the text is from; references assessment.assessment_id.';
COMMENT ON COLUMN search_document.la_code IS 'The assessed council; references local_authority.la_code.';
COMMENT ON COLUMN search_document.council IS 'ONS name of the council (local_authority.name), e.g. ''Stoke-on-Trent''.';
COMMENT ON COLUMN search_document.region IS 'ONS region of the council (local_authority.region).';
COMMENT ON COLUMN search_document.assessment_kind IS 'formal | pilot (assessment.assessment_kind).';
COMMENT ON COLUMN search_document.published_on IS 'Publication date of the report (assessment.published_on).';
COMMENT ON COLUMN search_document.qs_number IS 'The quality statement (1-9) the text belongs to; NULL for people''s experience, which belongs to the whole report.';
COMMENT ON COLUMN search_document.quality_statement IS 'Canonical name of that statement; NULL for people''s experience.';
COMMENT ON COLUMN search_document.heading IS 'The sub-heading a key finding sits under (key_finding.heading); NULL otherwise.';
COMMENT ON COLUMN search_document.body IS 'The text as loaded (key_finding.text, assessment.people_experience, quality_statement_score.what_people_expect or .commitment).';
COMMENT ON COLUMN search_document.url IS 'Where to read it: the statement''s own page (quality_statement_score.page_url), else the report''s landing page.';
