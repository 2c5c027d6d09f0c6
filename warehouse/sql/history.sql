-- Run bookkeeping, page validators and report history. Safe to run on every connection:
-- every statement is idempotent (CREATE ... IF NOT EXISTS, COMMENT ON, CREATE OR REPLACE VIEW).
--
-- Two kinds of table live here:
--   LOG tables grow with every run and are never rewritten: ingest_run (one row per run),
--   fetch_log (one row per request), report_change (one row per detected change) and
--   assessment_version (grows only when a report's content changes).
--   STATE table page_state is upserted each run (last_checked_run moves on every run that
--   checks a page), so unlike the data tables in schema.sql a re-run does not leave it
--   identical. pdf_parse is a cache of slow PDF parses, keyed by the bytes' hash.
-- The data tables in schema.sql are left identical by a re-run over unchanged input.

-- LOG: one row per run.
CREATE TABLE IF NOT EXISTS ingest_run (
    run_id INTEGER PRIMARY KEY CHECK (run_id >= 1),
    started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    base_url VARCHAR NOT NULL,
    mode VARCHAR NOT NULL CHECK (mode IN ('ingest', 'reparse', 'refresh', 'providers')),
    "full" BOOLEAN NOT NULL,
    parser_version VARCHAR NOT NULL,
    status VARCHAR NOT NULL CHECK (status IN ('running', 'finished', 'failed')),
    pages_fetched INTEGER NOT NULL DEFAULT 0 CHECK (pages_fetched >= 0),
    pages_not_modified INTEGER NOT NULL DEFAULT 0 CHECK (pages_not_modified >= 0),
    pages_failed INTEGER NOT NULL DEFAULT 0 CHECK (pages_failed >= 0),
    bytes_fetched BIGINT NOT NULL DEFAULT 0 CHECK (bytes_fetched >= 0),
    reports_new INTEGER NOT NULL DEFAULT 0 CHECK (reports_new >= 0),
    reports_changed INTEGER NOT NULL DEFAULT 0 CHECK (reports_changed >= 0),
    reports_unchanged INTEGER NOT NULL DEFAULT 0 CHECK (reports_unchanged >= 0),
    reports_failed INTEGER NOT NULL DEFAULT 0 CHECK (reports_failed >= 0),
    reports_skipped INTEGER NOT NULL DEFAULT 0 CHECK (reports_skipped >= 0)
);

COMMENT ON TABLE ingest_run IS 'LOG (grows each run): one row per run (ingest, reparse, or a refresh of the benchmarks on its own), with what it did. run_id is allocated 1, 2, 3, ...';
COMMENT ON COLUMN ingest_run.run_id IS 'Run number, 1, 2, 3, ... (max + 1 when the run starts). Primary key; fetch_log, page_state, assessment_version and report_change refer to it.';
COMMENT ON COLUMN ingest_run.started_at IS 'When the run started (UTC).';
COMMENT ON COLUMN ingest_run.finished_at IS 'When the run finished or failed (UTC); NULL while running or if it never finished.';
COMMENT ON COLUMN ingest_run.base_url IS 'The listing URL an ingest started from; archive:<dir> for a reparse, warehouse:<file> for a refresh.';
COMMENT ON COLUMN ingest_run.mode IS '''ingest'' (fetch from the site), ''reparse'' (rebuild parsed tables from the raw archive alone) or ''refresh'' (rebuild the benchmark tables alone: cqc refresh-benchmarks; its counters stay 0) or ''providers'' (CQC''s monthly provider files or its API: cqc providers; see care_source).';
COMMENT ON COLUMN ingest_run."full" IS 'TRUE when every held report was revalidated, not only those due on the rolling schedule.';
COMMENT ON COLUMN ingest_run.parser_version IS 'Version of the parser the run used.';
COMMENT ON COLUMN ingest_run.status IS 'running | finished | failed (failed with finished_at NULL: interrupted, e.g. the process was killed; found by the next run).';
COMMENT ON COLUMN ingest_run.pages_fetched IS 'Pages fetched with a body (HTTP 200).';
COMMENT ON COLUMN ingest_run.pages_not_modified IS 'Conditional requests answered 304 Not Modified.';
COMMENT ON COLUMN ingest_run.pages_failed IS 'Requests that failed (network error or error status).';
COMMENT ON COLUMN ingest_run.bytes_fetched IS 'Total bytes of the bodies fetched.';
COMMENT ON COLUMN ingest_run.reports_new IS 'Reports loaded for the first time.';
COMMENT ON COLUMN ingest_run.reports_changed IS 'Reports whose content changed (a new assessment_version).';
COMMENT ON COLUMN ingest_run.reports_unchanged IS 'Reports checked and found unchanged.';
COMMENT ON COLUMN ingest_run.reports_failed IS 'Reports that could not be loaded as valid (see parse_issue).';
COMMENT ON COLUMN ingest_run.reports_skipped IS 'Held reports not due for revalidation this run.';

-- LOG: one row per HTTP request, append-only.
CREATE TABLE IF NOT EXISTS fetch_log (
    run_id INTEGER NOT NULL,
    url VARCHAR NOT NULL,
    requested_at TIMESTAMP NOT NULL,
    status INTEGER,
    not_modified BOOLEAN NOT NULL,
    byte_count BIGINT CHECK (byte_count >= 0),
    sha256 VARCHAR CHECK (sha256 IS NULL OR regexp_full_match(sha256, '[0-9a-f]{64}')),
    etag VARCHAR,
    last_modified VARCHAR,
    duration_ms INTEGER CHECK (duration_ms >= 0),
    error VARCHAR
);

COMMENT ON TABLE fetch_log IS 'LOG (grows each run, append-only): every request a run made, including 304s and failures.';
COMMENT ON COLUMN fetch_log.run_id IS 'References ingest_run.run_id.';
COMMENT ON COLUMN fetch_log.url IS 'Absolute URL requested.';
COMMENT ON COLUMN fetch_log.requested_at IS 'When the request was sent (UTC).';
COMMENT ON COLUMN fetch_log.status IS 'HTTP status of the final response; NULL on a network error.';
COMMENT ON COLUMN fetch_log.not_modified IS 'TRUE when a conditional request was answered 304 Not Modified.';
COMMENT ON COLUMN fetch_log.byte_count IS 'Size of the body received; NULL when none.';
COMMENT ON COLUMN fetch_log.sha256 IS 'Lower-case hex SHA-256 of the body received (its archive key); NULL when none.';
COMMENT ON COLUMN fetch_log.etag IS 'ETag response header, as sent.';
COMMENT ON COLUMN fetch_log.last_modified IS 'Last-Modified response header, as sent.';
COMMENT ON COLUMN fetch_log.duration_ms IS 'Time the request took, in milliseconds.';
COMMENT ON COLUMN fetch_log.error IS 'Why the request failed; NULL when it succeeded.';

-- STATE: one row per URL ever fetched successfully, upserted each run.
CREATE TABLE IF NOT EXISTS page_state (
    url VARCHAR PRIMARY KEY,
    assessment_id VARCHAR,
    page_kind VARCHAR CHECK (page_kind IN (
        'listing', 'about', 'summary', 'quality_statement', 'report_pdf'
    )),
    sha256 VARCHAR CHECK (sha256 IS NULL OR regexp_full_match(sha256, '[0-9a-f]{64}')),
    etag VARCHAR,
    last_modified VARCHAR,
    content_type VARCHAR,
    byte_count BIGINT CHECK (byte_count >= 0),
    first_seen_run INTEGER NOT NULL,
    first_seen_order INTEGER NOT NULL,
    last_checked_run INTEGER NOT NULL,
    last_changed_run INTEGER NOT NULL
);

COMMENT ON TABLE page_state IS 'STATE (upserted each run): the latest body and cache validators of every URL ever fetched successfully, for conditional requests, revalidation scheduling and reparsing from the archive.';
COMMENT ON COLUMN page_state.url IS 'Absolute URL of the page. Primary key.';
COMMENT ON COLUMN page_state.assessment_id IS 'The report the page belongs to (references assessment.assessment_id once loaded); NULL for listing pages.';
COMMENT ON COLUMN page_state.page_kind IS 'listing | about | summary | quality_statement | report_pdf.';
COMMENT ON COLUMN page_state.sha256 IS 'Lower-case hex SHA-256 of the latest body (the archive key).';
COMMENT ON COLUMN page_state.etag IS 'ETag of the latest 200 response, sent back as If-None-Match.';
COMMENT ON COLUMN page_state.last_modified IS 'Last-Modified of the latest 200 response, sent back as If-Modified-Since.';
COMMENT ON COLUMN page_state.content_type IS 'Content-Type of the latest body.';
COMMENT ON COLUMN page_state.byte_count IS 'Size of the latest body.';
COMMENT ON COLUMN page_state.first_seen_run IS 'The run that first fetched the page (ingest_run.run_id).';
COMMENT ON COLUMN page_state.first_seen_order IS 'Order in which pages were first seen (increasing across runs): listing pages in pager order.';
COMMENT ON COLUMN page_state.last_checked_run IS 'The latest run that fetched or revalidated the page (200 or 304).';
COMMENT ON COLUMN page_state.last_changed_run IS 'The latest run whose body differed from the one before (the first run for a new page).';

-- LOG: grows only when a report's content changes.
CREATE TABLE IF NOT EXISTS assessment_version (
    assessment_id VARCHAR NOT NULL,
    version_no INTEGER NOT NULL CHECK (version_no >= 1),
    valid_from_run INTEGER NOT NULL,
    valid_to_run INTEGER,
    content_sha256 VARCHAR NOT NULL CHECK (regexp_full_match(content_sha256, '[0-9a-f]{64}')),
    page_last_updated DATE,
    overall_rating VARCHAR,
    overall_score_pct INTEGER,
    scores INTEGER[] NOT NULL,
    report_json JSON NOT NULL,
    parser_version VARCHAR NOT NULL,
    PRIMARY KEY (assessment_id, version_no)
);

COMMENT ON TABLE assessment_version IS 'LOG (grows only when a report changes): every distinct valid version of each report, the current one with valid_to_run NULL. Re-saving an unchanged report adds nothing.';
COMMENT ON COLUMN assessment_version.assessment_id IS 'The report slug; references assessment.assessment_id.';
COMMENT ON COLUMN assessment_version.version_no IS 'Version number of the report, from 1.';
COMMENT ON COLUMN assessment_version.valid_from_run IS 'The run that loaded this version (ingest_run.run_id; 0 when saved outside a run).';
COMMENT ON COLUMN assessment_version.valid_to_run IS 'The run that replaced this version; NULL for the current version.';
COMMENT ON COLUMN assessment_version.content_sha256 IS 'SHA-256 of what CQC published in the report (transform.changes.report_fingerprint: council, dates, rating, %, scores, text, findings, facts; not the URLs they were read from): equal hashes mean equal published content.';
COMMENT ON COLUMN assessment_version.page_last_updated IS 'The "Page last updated" date of this version.';
COMMENT ON COLUMN assessment_version.overall_rating IS 'Overall rating of this version, as published.';
COMMENT ON COLUMN assessment_version.overall_score_pct IS 'Overall score of this version, in percent; NULL for pilots.';
COMMENT ON COLUMN assessment_version.scores IS 'The nine quality statement scores in statement order (element 1 = QS1); NULL elements for statements without a score.';
COMMENT ON COLUMN assessment_version.report_json IS 'The whole parsed report (transform.records.Report) as JSON, so old versions stay queryable and diffable.';
COMMENT ON COLUMN assessment_version.parser_version IS 'Version of the parser that produced this version.';

-- LOG: one row per change found when a new version is saved.
CREATE TABLE IF NOT EXISTS report_change (
    run_id INTEGER NOT NULL,
    assessment_id VARCHAR NOT NULL,
    change_kind VARCHAR NOT NULL CHECK (change_kind IN (
        'new_report', 'page_updated', 'rating_changed', 'score_pct_changed',
        'statement_score_changed', 'findings_changed', 'facts_changed', 'withdrawn',
        'relisted'
    )),
    field VARCHAR,
    old_value VARCHAR,
    new_value VARCHAR
);

COMMENT ON TABLE report_change IS 'LOG (grows on change): what changed in a report between its previous version and the one a run loaded (transform.changes.diff_reports).';
COMMENT ON COLUMN report_change.run_id IS 'The run that found the change (ingest_run.run_id; 0 when saved outside a run).';
COMMENT ON COLUMN report_change.assessment_id IS 'References assessment.assessment_id.';
COMMENT ON COLUMN report_change.change_kind IS 'new_report | page_updated (the header: dates, council name, kind) | rating_changed | score_pct_changed | statement_score_changed | findings_changed (key findings and the other text) | facts_changed: every new assessment_version has at least one. withdrawn: the report is no longer in CQC''s listing (its rows are kept, assessment.withdrawn set); relisted: it is listed again.';
COMMENT ON COLUMN report_change.field IS 'What changed: ''slug'' (new_report); ''listed'' (withdrawn, relisted: old_value and new_value ''listed'' or ''withdrawn''); ''page_last_updated'', ''published_on'', ''la_name'', ''assessment_kind'', ''indicative''; ''overall_rating''; ''overall_score_pct''; ''qs1''..''qs9'' (a score, or a statement''s key findings), ''unscored_statements''; ''qs1.published_name'', ''.score_label'', ''.what_people_expect'', ''.commitment''; ''people_experience''; ''facts''.';
COMMENT ON COLUMN report_change.old_value IS 'The value before, as text (findings one per line, facts as JSON); NULL when absent.';
COMMENT ON COLUMN report_change.new_value IS 'The value after, as text; NULL when absent.';

CREATE OR REPLACE VIEW assessment_history AS
SELECT
    v.assessment_id,
    v.version_no,
    v.valid_to_run IS NULL AS is_current,
    v.valid_from_run,
    v.valid_to_run,
    v.page_last_updated,
    v.overall_rating,
    v.overall_score_pct,
    v.scores[1] AS qs1,
    v.scores[2] AS qs2,
    v.scores[3] AS qs3,
    v.scores[4] AS qs4,
    v.scores[5] AS qs5,
    v.scores[6] AS qs6,
    v.scores[7] AS qs7,
    v.scores[8] AS qs8,
    v.scores[9] AS qs9,
    v.content_sha256,
    v.parser_version
FROM assessment_version AS v;

COMMENT ON VIEW assessment_history IS 'Every version of every report, one row each with its nine scores, current ones flagged. Pilots included.';
COMMENT ON COLUMN assessment_history.assessment_id IS 'As assessment_version.assessment_id.';
COMMENT ON COLUMN assessment_history.version_no IS 'As assessment_version.version_no (1 = first loaded).';
COMMENT ON COLUMN assessment_history.is_current IS 'TRUE for the version now in the assessment table (valid_to_run NULL).';
COMMENT ON COLUMN assessment_history.valid_from_run IS 'As assessment_version.valid_from_run.';
COMMENT ON COLUMN assessment_history.valid_to_run IS 'As assessment_version.valid_to_run.';
COMMENT ON COLUMN assessment_history.page_last_updated IS 'As assessment_version.page_last_updated.';
COMMENT ON COLUMN assessment_history.overall_rating IS 'As assessment_version.overall_rating.';
COMMENT ON COLUMN assessment_history.overall_score_pct IS 'As assessment_version.overall_score_pct.';
COMMENT ON COLUMN assessment_history.qs1 IS 'Score (1-4) of quality statement 1, Assessing needs, in this version.';
COMMENT ON COLUMN assessment_history.qs2 IS 'Score of quality statement 2, Supporting people to live healthier lives.';
COMMENT ON COLUMN assessment_history.qs3 IS 'Score of quality statement 3, Equity in experience and outcomes.';
COMMENT ON COLUMN assessment_history.qs4 IS 'Score of quality statement 4, Care provision, integration and continuity.';
COMMENT ON COLUMN assessment_history.qs5 IS 'Score of quality statement 5, Partnerships and communities.';
COMMENT ON COLUMN assessment_history.qs6 IS 'Score of quality statement 6, Safe systems, pathways and transitions.';
COMMENT ON COLUMN assessment_history.qs7 IS 'Score of quality statement 7, Safeguarding.';
COMMENT ON COLUMN assessment_history.qs8 IS 'Score of quality statement 8, Governance, management and sustainability.';
COMMENT ON COLUMN assessment_history.qs9 IS 'Score of quality statement 9, Learning, improvement and innovation.';
COMMENT ON COLUMN assessment_history.content_sha256 IS 'As assessment_version.content_sha256.';
COMMENT ON COLUMN assessment_history.parser_version IS 'As assessment_version.parser_version.';

CREATE TABLE IF NOT EXISTS pdf_parse (
    sha256 VARCHAR NOT NULL CHECK (regexp_full_match(sha256, '[0-9a-f]{64}')),
    parser_version VARCHAR NOT NULL,
    source_url VARCHAR NOT NULL,
    page_count INTEGER,
    seconds DOUBLE NOT NULL,
    report_json VARCHAR,
    error VARCHAR,
    CHECK ((report_json IS NULL) <> (error IS NULL)),
    PRIMARY KEY (sha256, parser_version)
);

COMMENT ON TABLE pdf_parse IS 'What each archived report PDF parsed to, per parser version: PDFs are slow to parse (seconds each), so one is parsed again only when its bytes or the parser change. Derived from the archive; safe to delete.';
COMMENT ON COLUMN pdf_parse.sha256 IS 'SHA-256 of the PDF bytes (the archive key).';
COMMENT ON COLUMN pdf_parse.parser_version IS 'Parser version that read it; another version parses afresh.';
COMMENT ON COLUMN pdf_parse.source_url IS 'URL the bytes were fetched from (the report slug comes from its file name).';
COMMENT ON COLUMN pdf_parse.page_count IS 'Pages in the PDF; NULL if it could not be opened.';
COMMENT ON COLUMN pdf_parse.seconds IS 'Time the parse took, in seconds.';
COMMENT ON COLUMN pdf_parse.report_json IS 'What the PDF says (transform.records.PageReading as JSON: its facts and the page each was read on); NULL when the PDF could not be read.';
COMMENT ON COLUMN pdf_parse.error IS 'Why the PDF could not be read (truncated, not a PDF, no text layer, ...); NULL when it parsed.';

-- LOG: one row per refresh of the benchmark tables (sql/benchmarks/), rebuilt or found current.
CREATE TABLE IF NOT EXISTS benchmark_refresh (
    refresh_id INTEGER PRIMARY KEY,
    refreshed_at TIMESTAMP NOT NULL,
    run_id INTEGER,
    councils_ranked INTEGER NOT NULL,
    pilots INTEGER NOT NULL
);

-- Added with issue 22 (ADD COLUMN IF NOT EXISTS upgrades an older warehouse in place): a refresh
-- rebuilds only when the digest of its inputs differs from the last refresh's. Older rows were
-- all rebuilds, with no digest, so the first refresh after the upgrade rebuilds.
ALTER TABLE benchmark_refresh ADD COLUMN IF NOT EXISTS inputs_digest VARCHAR;
ALTER TABLE benchmark_refresh ADD COLUMN IF NOT EXISTS rebuilt BOOLEAN DEFAULT TRUE;

COMMENT ON TABLE benchmark_refresh IS 'LOG: each refresh of the benchmark tables (league_table, regional_benchmark, council_statement_benchmark, quality_statement_benchmark, council_type_benchmark, pilot_assessment), newest last: a rebuild, or none when their inputs had not changed since the refresh before.';
COMMENT ON COLUMN benchmark_refresh.refresh_id IS 'Sequence number of the refresh, from 1.';
COMMENT ON COLUMN benchmark_refresh.refreshed_at IS 'When the refresh ran (UTC): the tables were rebuilt then, or found to hold what a rebuild would write.';
COMMENT ON COLUMN benchmark_refresh.run_id IS 'The run it belongs to (ingest_run.run_id): the ingest or reparse it followed, or a refresh run of its own (cqc refresh-benchmarks); NULL when rebuilt outside any run (warehouse.benchmarks called directly).';
COMMENT ON COLUMN benchmark_refresh.councils_ranked IS 'Rows in league_table after the refresh.';
COMMENT ON COLUMN benchmark_refresh.pilots IS 'Rows in pilot_assessment after the refresh.';
COMMENT ON COLUMN benchmark_refresh.inputs_digest IS 'Digest of what the tables are built from, after the refresh: the rows of the tables the benchmark SQL reads (assessment, local_authority, quality_statement_score, demographic_fact, council_neighbour_import and the reference tables), that SQL and the views it reads, and the reference files. NULL on refreshes before issue 22.';
COMMENT ON COLUMN benchmark_refresh.rebuilt IS 'TRUE when the tables were rebuilt; FALSE when the inputs_digest was the last refresh''s, so they were left as they were.';

CREATE OR REPLACE VIEW run_log AS
SELECT
    run_id,
    mode,
    "full",
    started_at,
    finished_at,
    round(epoch(finished_at - started_at), 1) AS seconds,
    CASE WHEN status = 'failed' AND finished_at IS NULL THEN 'interrupted' ELSE status END
        AS status,
    reports_new,
    reports_changed,
    reports_unchanged,
    reports_failed,
    reports_skipped,
    pages_fetched,
    pages_not_modified,
    pages_failed,
    bytes_fetched,
    base_url,
    parser_version
FROM ingest_run
ORDER BY run_id;

COMMENT ON VIEW run_log IS 'One row per run (ingest_run), newest last, for reading: duration in seconds, and status interrupted for a run that died without finishing.';
COMMENT ON COLUMN run_log.run_id IS 'As ingest_run.run_id.';
COMMENT ON COLUMN run_log.mode IS 'ingest | reparse | refresh | providers.';
COMMENT ON COLUMN run_log."full" IS 'As ingest_run.full.';
COMMENT ON COLUMN run_log.started_at IS 'When the run started (UTC).';
COMMENT ON COLUMN run_log.finished_at IS 'When it finished or failed (UTC); NULL while running or if interrupted.';
COMMENT ON COLUMN run_log.seconds IS 'finished_at - started_at in seconds, 1 decimal place.';
COMMENT ON COLUMN run_log.status IS 'running | finished | failed | interrupted (the process died mid-run; the next run found it).';
COMMENT ON COLUMN run_log.reports_new IS 'As ingest_run.reports_new.';
COMMENT ON COLUMN run_log.reports_changed IS 'As ingest_run.reports_changed.';
COMMENT ON COLUMN run_log.reports_unchanged IS 'As ingest_run.reports_unchanged.';
COMMENT ON COLUMN run_log.reports_failed IS 'As ingest_run.reports_failed.';
COMMENT ON COLUMN run_log.reports_skipped IS 'As ingest_run.reports_skipped.';
COMMENT ON COLUMN run_log.pages_fetched IS 'As ingest_run.pages_fetched.';
COMMENT ON COLUMN run_log.pages_not_modified IS 'As ingest_run.pages_not_modified.';
COMMENT ON COLUMN run_log.pages_failed IS 'As ingest_run.pages_failed.';
COMMENT ON COLUMN run_log.bytes_fetched IS 'As ingest_run.bytes_fetched.';
COMMENT ON COLUMN run_log.base_url IS 'As ingest_run.base_url.';
COMMENT ON COLUMN run_log.parser_version IS 'As ingest_run.parser_version.';

-- STATE: one row per report a run has met, upserted by every ingest and reparse
-- (warehouse.state.save_report_status), so a report that fails night after night is counted
-- and named every night, with the run since which it has been so.
CREATE TABLE IF NOT EXISTS report_status (
    slug VARCHAR PRIMARY KEY,
    status VARCHAR NOT NULL CHECK (status IN ('loaded', 'not_loaded', 'withdrawn')),
    since_run INTEGER NOT NULL,
    since TIMESTAMP NOT NULL,
    checked_run INTEGER NOT NULL,
    stage VARCHAR,
    reason VARCHAR,
    url VARCHAR
);

COMMENT ON TABLE report_status IS 'STATE (upserted each run): where each report the runs have met stands, and since when. not_loaded counts in every run''s reports_failed and exit status until the report loads.';
COMMENT ON COLUMN report_status.slug IS 'The report slug (assessment.assessment_id when a version is loaded).';
COMMENT ON COLUMN report_status.status IS 'loaded (its latest reading is in assessment) | not_loaded (listed, but its latest reading could not be loaded: see parse_issue; an earlier valid version may still be in assessment) | withdrawn (no longer in CQC''s listing; its rows are kept, flagged assessment.withdrawn).';
COMMENT ON COLUMN report_status.since_run IS 'The run from which the report has had this status (ingest_run.run_id).';
COMMENT ON COLUMN report_status.since IS 'When that run started (UTC): "not loaded since ...".';
COMMENT ON COLUMN report_status.checked_run IS 'The last run that listed the report, or found it withdrawn.';
COMMENT ON COLUMN report_status.stage IS 'For not_loaded: the stage of its first blocking parse_issue (fetch | parse | validate | match).';
COMMENT ON COLUMN report_status.reason IS 'For not_loaded: the reason of its first blocking parse_issue.';
COMMENT ON COLUMN report_status.url IS 'For not_loaded: the page concerned, if one page is at fault.';
