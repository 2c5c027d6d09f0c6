-- search_document: every searchable text of the warehouse, one row each, for `cqc search`.
-- Kept up to date with the benchmark tables by warehouse.search.build_search_index, report by
-- report: a report whose inputs changed has its rows deleted and written again from the view
-- search_index.document (sql/search_index.sql, where the rows are defined, with the index).
-- Holds every loaded report's texts, pilots and older reports included.

CREATE TABLE IF NOT EXISTS search_document (
    doc_id VARCHAR,
    kind VARCHAR,
    assessment_id VARCHAR,
    la_code VARCHAR,
    council VARCHAR,
    region VARCHAR,
    assessment_kind VARCHAR,
    published_on DATE,
    qs_number INTEGER,
    quality_statement VARCHAR,
    heading VARCHAR,
    body VARCHAR,
    url VARCHAR
);

COMMENT ON TABLE search_document IS 'Every searchable text of the loaded reports (key findings, people''s experience, each statement''s "What people expect" and commitment), one row each, for `cqc search`. Brought up to date with the benchmark tables, report by report, and indexed for BM25 full-text search (schema search_index).';
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
