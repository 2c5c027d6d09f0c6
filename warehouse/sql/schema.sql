-- Warehouse tables. Safe to run on every connection: every statement is idempotent.
--
-- Relationships are written as comments, not FOREIGN KEY constraints: DuckDB refuses to
-- update or replace a row that a foreign key references, and both the council upsert and the
-- delete-then-insert of a re-saved report need to do exactly that. `warehouse.load` is the
-- only writer and keeps the references whole inside one transaction per report.

CREATE TABLE IF NOT EXISTS local_authority (
    la_code VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    region VARCHAR NOT NULL CHECK (region IN (
        'North East', 'North West', 'Yorkshire and The Humber', 'East Midlands',
        'West Midlands', 'East of England', 'London', 'South East', 'South West'
    )),
    la_type VARCHAR NOT NULL CHECK (la_type IN (
        'county', 'unitary', 'metropolitan district', 'London borough'
    )),
    previous_la_code VARCHAR
);

COMMENT ON TABLE local_authority IS 'The 153 English councils with adult social care duties (ONS, 2025 codes). One row per council, whether or not CQC has assessed it yet.';
COMMENT ON COLUMN local_authority.la_code IS 'ONS GSS code, 2025 vintage (E06/E08/E09/E10). Primary key.';
COMMENT ON COLUMN local_authority.name IS 'ONS name, e.g. ''Kingston upon Hull, City of''; reports print names their own way (see assessment.la_name_published).';
COMMENT ON COLUMN local_authority.region IS 'ONS statistical region: one of the nine English regions.';
COMMENT ON COLUMN local_authority.la_type IS 'county | unitary | metropolitan district | London borough (from the code prefix; City of London counts as London borough, Isles of Scilly as unitary).';
COMMENT ON COLUMN local_authority.previous_la_code IS 'The code used before the 2025 recoding (Barnsley E08000016, Sheffield E08000019); NULL for every other council. Use it to join data keyed on 2023-24 codes.';

CREATE TABLE IF NOT EXISTS assessment (
    assessment_id VARCHAR PRIMARY KEY,
    la_code VARCHAR NOT NULL,
    slug VARCHAR NOT NULL,
    report_url VARCHAR NOT NULL,
    la_name_published VARCHAR NOT NULL,
    assessment_kind VARCHAR NOT NULL CHECK (assessment_kind IN ('formal', 'pilot')),
    indicative BOOLEAN NOT NULL,
    published_on DATE,
    page_last_updated DATE,
    overall_rating VARCHAR CHECK (overall_rating IN (
        'Outstanding', 'Good', 'Requires improvement', 'Inadequate'
    )),
    overall_score_pct INTEGER CHECK (overall_score_pct BETWEEN 0 AND 100),
    score_total INTEGER CHECK (score_total BETWEEN 9 AND 36),
    people_experience VARCHAR,
    parser_version VARCHAR NOT NULL
);

COMMENT ON TABLE assessment IS 'One CQC local authority assessment report (formal or pilot), as last loaded from a valid parse. An invalid re-parse never replaces it.';
COMMENT ON COLUMN assessment.assessment_id IS 'The report slug (e.g. ''stokeontrent-0625''); stable across runs. Primary key.';
COMMENT ON COLUMN assessment.la_code IS 'The assessed council: references local_authority.la_code (2025 code).';
COMMENT ON COLUMN assessment.slug IS 'The last path segment of the report''s landing page URL, as CQC publishes it.';
COMMENT ON COLUMN assessment.report_url IS 'Absolute URL of the report''s landing (About) page.';
COMMENT ON COLUMN assessment.la_name_published IS 'The council name as the report prints it, e.g. ''Stoke-on-Trent City Council''.';
COMMENT ON COLUMN assessment.assessment_kind IS '''formal'' (the 2023 onward programme) or ''pilot'' (the five 2023 pilot assessments).';
COMMENT ON COLUMN assessment.indicative IS 'TRUE when the rating is indicative only (the pilots); such reports are left out of league_table and regional_benchmark.';
COMMENT ON COLUMN assessment.published_on IS 'Publication date the report gives ("Published:" / "Assessment published:").';
COMMENT ON COLUMN assessment.page_last_updated IS 'The "Page last updated" date the report gives.';
COMMENT ON COLUMN assessment.overall_rating IS 'Outstanding | Good | Requires improvement | Inadequate, as published (indicative for pilots).';
COMMENT ON COLUMN assessment.overall_score_pct IS 'Overall score as the report publishes it, in percent; NULL for pilots, which publish none.';
COMMENT ON COLUMN assessment.score_total IS 'Sum of the nine quality statement scores (9-36); NULL unless all nine scores were loaded. Derived here, for checking against overall_score_pct.';
COMMENT ON COLUMN assessment.people_experience IS 'The summary''s "People''s experience of adult social care services" text, paragraphs joined by newlines.';
COMMENT ON COLUMN assessment.parser_version IS 'Version of the parser that produced this row, so rows can be reparsed when it changes.';

CREATE TABLE IF NOT EXISTS quality_statement_score (
    assessment_id VARCHAR NOT NULL,
    qs_number INTEGER NOT NULL CHECK (qs_number BETWEEN 1 AND 9),
    quality_statement VARCHAR NOT NULL,
    theme VARCHAR NOT NULL CHECK (theme IN (
        'Working with people', 'Providing support', 'Ensuring safety within the system',
        'Leadership'
    )),
    score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 4),
    published_name VARCHAR,
    score_label VARCHAR,
    what_people_expect VARCHAR,
    commitment VARCHAR,
    page_url VARCHAR,
    PRIMARY KEY (assessment_id, qs_number)
);

COMMENT ON TABLE quality_statement_score IS 'The nine quality statement scores of each assessment, with the text of each statement''s own page. One row per assessment and statement.';
COMMENT ON COLUMN quality_statement_score.assessment_id IS 'References assessment.assessment_id.';
COMMENT ON COLUMN quality_statement_score.qs_number IS 'Statement number in CQC''s framework order, 1-9 (1 Assessing needs ... 9 Learning, improvement and innovation).';
COMMENT ON COLUMN quality_statement_score.quality_statement IS 'Canonical framework name of the statement, e.g. ''Supporting people to live healthier lives''.';
COMMENT ON COLUMN quality_statement_score.theme IS 'Canonical theme: Working with people | Providing support | Ensuring safety within the system | Leadership.';
COMMENT ON COLUMN quality_statement_score.score IS 'Score as published, 1-4 (1 = significant shortfalls ... 4 = exceptional).';
COMMENT ON COLUMN quality_statement_score.published_name IS 'The statement name as the report words it, before alias normalisation.';
COMMENT ON COLUMN quality_statement_score.score_label IS 'The wording beside the score on the statement page, e.g. ''Evidence shows some shortfalls''.';
COMMENT ON COLUMN quality_statement_score.what_people_expect IS 'The "What people expect" statements of the page, one per line.';
COMMENT ON COLUMN quality_statement_score.commitment IS 'The page''s "Our commitment" (we statement) text.';
COMMENT ON COLUMN quality_statement_score.page_url IS 'Absolute URL of the statement''s own page; NULL if it was not read.';

CREATE TABLE IF NOT EXISTS key_finding (
    assessment_id VARCHAR NOT NULL,
    qs_number INTEGER NOT NULL CHECK (qs_number BETWEEN 1 AND 9),
    finding_no INTEGER NOT NULL CHECK (finding_no >= 1),
    heading VARCHAR,
    text VARCHAR NOT NULL,
    PRIMARY KEY (assessment_id, qs_number, finding_no)
);

COMMENT ON TABLE key_finding IS 'Paragraphs under "Key findings for this quality statement", in page order.';
COMMENT ON COLUMN key_finding.assessment_id IS 'References assessment.assessment_id.';
COMMENT ON COLUMN key_finding.qs_number IS 'The statement (1-9) whose page the finding is on: with assessment_id, references quality_statement_score.';
COMMENT ON COLUMN key_finding.finding_no IS 'Order of the paragraph within the statement''s key findings, from 1.';
COMMENT ON COLUMN key_finding.heading IS 'The sub-heading the paragraph sits under; NULL if none.';
COMMENT ON COLUMN key_finding.text IS 'The paragraph text.';

CREATE TABLE IF NOT EXISTS financial_fact (
    assessment_id VARCHAR NOT NULL,
    fact_no INTEGER NOT NULL CHECK (fact_no >= 1),
    kind VARCHAR NOT NULL,
    value DOUBLE,
    unit VARCHAR,
    period VARCHAR,
    raw_text VARCHAR NOT NULL,
    PRIMARY KEY (assessment_id, fact_no)
);

COMMENT ON TABLE financial_fact IS 'Bullets under "Financial facts" on the About page, with any number read from them. A bullet that could not be classified is still kept (kind ''unclassified'').';
COMMENT ON COLUMN financial_fact.assessment_id IS 'References assessment.assessment_id.';
COMMENT ON COLUMN financial_fact.fact_no IS 'Order of the bullet on the page, from 1.';
COMMENT ON COLUMN financial_fact.kind IS 'What the bullet states, e.g. ''asc_spend''; ''unclassified'' when not recognised.';
COMMENT ON COLUMN financial_fact.value IS 'The number read from the bullet, in unit; NULL when it has none (e.g. mirror placeholders).';
COMMENT ON COLUMN financial_fact.unit IS 'Unit of value, e.g. ''GBP'', ''percent'', ''people''.';
COMMENT ON COLUMN financial_fact.period IS 'Period the figure refers to, e.g. ''2023/24''.';
COMMENT ON COLUMN financial_fact.raw_text IS 'The bullet text exactly as published.';

CREATE TABLE IF NOT EXISTS demographic_fact (
    assessment_id VARCHAR NOT NULL,
    fact_no INTEGER NOT NULL CHECK (fact_no >= 1),
    kind VARCHAR NOT NULL,
    value DOUBLE,
    unit VARCHAR,
    period VARCHAR,
    raw_text VARCHAR NOT NULL,
    PRIMARY KEY (assessment_id, fact_no)
);

COMMENT ON TABLE demographic_fact IS 'Bullets under "Demographics" on the About page, with any number read from them. A bullet that could not be classified is still kept (kind ''unclassified'').';
COMMENT ON COLUMN demographic_fact.assessment_id IS 'References assessment.assessment_id.';
COMMENT ON COLUMN demographic_fact.fact_no IS 'Order of the bullet on the page, from 1.';
COMMENT ON COLUMN demographic_fact.kind IS 'What the bullet states, e.g. ''population'', ''deprivation''; ''unclassified'' when not recognised.';
COMMENT ON COLUMN demographic_fact.value IS 'The number read from the bullet, in unit; NULL when it has none.';
COMMENT ON COLUMN demographic_fact.unit IS 'Unit of value, e.g. ''people'', ''percent'', ''rank'', ''decile''.';
COMMENT ON COLUMN demographic_fact.period IS 'Period the figure refers to, when the bullet gives one.';
COMMENT ON COLUMN demographic_fact.raw_text IS 'The bullet text exactly as published.';

CREATE TABLE IF NOT EXISTS parse_issue (
    slug VARCHAR NOT NULL,
    la_name VARCHAR,
    stage VARCHAR NOT NULL CHECK (stage IN ('fetch', 'parse', 'validate', 'match')),
    reason VARCHAR NOT NULL,
    url VARCHAR,
    parser_version VARCHAR NOT NULL
);

COMMENT ON TABLE parse_issue IS 'Why a report (or one of its pages or its PDF) could not be loaded or read as valid, from the latest run that met it; see blocking. Cleared when the report next loads cleanly. No timestamps, so re-runs leave it unchanged.';
COMMENT ON COLUMN parse_issue.slug IS 'Slug of the report concerned (matches assessment.assessment_id if an earlier valid version is loaded).';
COMMENT ON COLUMN parse_issue.la_name IS 'Council name as the listing or report gave it, if known.';
COMMENT ON COLUMN parse_issue.stage IS 'Where it failed: fetch | parse | validate | match (council name not matched).';
COMMENT ON COLUMN parse_issue.reason IS 'Human-readable reason.';
COMMENT ON COLUMN parse_issue.url IS 'The page concerned, if one page is at fault.';
COMMENT ON COLUMN parse_issue.parser_version IS 'Version of the parser that met the issue.';

-- Added after the first release: ADD COLUMN IF NOT EXISTS upgrades an older warehouse in place.
ALTER TABLE parse_issue ADD COLUMN IF NOT EXISTS blocking BOOLEAN DEFAULT TRUE;
COMMENT ON COLUMN parse_issue.blocking IS 'TRUE when the issue kept the report from loading this run; FALSE for a warning on a report that loaded anyway (e.g. its PDF could not be fetched or read: the report loads from its pages).';

ALTER TABLE assessment ADD COLUMN IF NOT EXISTS withdrawn BOOLEAN DEFAULT FALSE;
COMMENT ON COLUMN assessment.withdrawn IS 'TRUE when the report is no longer in CQC''s listing (a report_change of kind withdrawn says from which run): its rows are kept, but it is left out of latest_formal_assessment and so of every rank and mean.';

CREATE TABLE IF NOT EXISTS source_page (
    url VARCHAR PRIMARY KEY,
    assessment_id VARCHAR NOT NULL,
    page_kind VARCHAR CHECK (page_kind IN (
        'listing', 'about', 'summary', 'quality_statement', 'report_pdf'
    )),
    sha256 VARCHAR CHECK (sha256 IS NULL OR regexp_full_match(sha256, '[0-9a-f]{64}')),
    content_type VARCHAR,
    byte_count BIGINT CHECK (byte_count >= 0)
);

COMMENT ON TABLE source_page IS 'The raw pages each assessment was built from, so a later run can reparse from the archive.';
COMMENT ON COLUMN source_page.url IS 'Absolute URL of the page. Primary key.';
COMMENT ON COLUMN source_page.assessment_id IS 'References assessment.assessment_id.';
COMMENT ON COLUMN source_page.page_kind IS 'about | summary | quality_statement | report_pdf | listing; NULL if only the URL is known.';
COMMENT ON COLUMN source_page.sha256 IS 'Lower-case hex SHA-256 of the archived bytes (the archive key); NULL if only the URL is known.';
COMMENT ON COLUMN source_page.content_type IS 'Content-Type the server sent, e.g. ''text/html; charset=utf-8''.';
COMMENT ON COLUMN source_page.byte_count IS 'Size of the archived bytes.';

CREATE TABLE IF NOT EXISTS source_disagreement (
    assessment_id VARCHAR NOT NULL,
    field VARCHAR NOT NULL,
    html_value VARCHAR,
    pdf_value VARCHAR,
    PRIMARY KEY (assessment_id, field)
);

COMMENT ON TABLE source_disagreement IS 'Headline fields on which a report''s PDF says something else than its HTML pages. The HTML value is the one loaded; rows are replaced with each save of the report.';
COMMENT ON COLUMN source_disagreement.assessment_id IS 'References assessment.assessment_id.';
COMMENT ON COLUMN source_disagreement.field IS 'la_name | published_on | overall_rating | overall_score_pct | qs1 ... qs9.';
COMMENT ON COLUMN source_disagreement.html_value IS 'The value on the HTML pages (the one loaded), as text; NULL if absent there.';
COMMENT ON COLUMN source_disagreement.pdf_value IS 'The value in the report PDF, as text; NULL if absent there.';

CREATE TABLE IF NOT EXISTS field_source (
    assessment_id VARCHAR NOT NULL,
    field VARCHAR NOT NULL,
    source VARCHAR NOT NULL CHECK (source IN ('report_pdf')),
    source_url VARCHAR NOT NULL,
    PRIMARY KEY (assessment_id, field)
);

COMMENT ON TABLE field_source IS 'Fields of an assessment loaded from somewhere other than its HTML pages: the pages left them empty and the report PDF gave them. Every other field comes from the pages. Replaced with each save of the report.';
COMMENT ON COLUMN field_source.assessment_id IS 'References assessment.assessment_id.';
COMMENT ON COLUMN field_source.field IS 'la_name | published_on | overall_rating | overall_score_pct | people_experience | qsN (a statement''s score) | qsN.details (a statement''s whole text) | qsN.score_label | qsN.what_people_expect | qsN.commitment | qsN.key_findings, N = 1..9.';
COMMENT ON COLUMN field_source.source IS 'Where the value came from: report_pdf.';
COMMENT ON COLUMN field_source.source_url IS 'Absolute URL of that source (the PDF), archived like every page (see source_page).';

CREATE TABLE IF NOT EXISTS fact_source (
    assessment_id VARCHAR NOT NULL,
    fact VARCHAR NOT NULL,
    source_url VARCHAR NOT NULL,
    page_kind VARCHAR,
    pdf_page INTEGER,
    read_from VARCHAR NOT NULL,
    PRIMARY KEY (assessment_id, fact)
);

COMMENT ON TABLE fact_source IS 'Where each fact of a loaded assessment was read: the page (or the report PDF, and its page) and the text it was read from. Every page is read for every fact; a fact no page gave has no row (report_coverage shows it as missing). Replaced with each save of the report.';
COMMENT ON COLUMN fact_source.assessment_id IS 'References assessment.assessment_id.';
COMMENT ON COLUMN fact_source.fact IS 'la_name | published_on | overall_rating | overall_score_pct | qsN.score | qsN.texts (a statement''s I-statements, commitment and key findings) | people_experience | demographics | financial_facts, N = 1..9.';
COMMENT ON COLUMN fact_source.source_url IS 'Absolute URL of the page or PDF it was read from (see source_page).';
COMMENT ON COLUMN fact_source.page_kind IS 'What that page was read as, by the facts it carried: about | summary | quality_statement | statements (several statements on one page) | report_pdf | other. A label, never a gate.';
COMMENT ON COLUMN fact_source.pdf_page IS 'The PDF page (1-based) for a fact read from the report PDF; NULL for an HTML page.';
COMMENT ON COLUMN fact_source.read_from IS 'The text the fact was read from (a line, a heading; at most 300 characters).';
