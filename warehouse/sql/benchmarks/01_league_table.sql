-- league_table: materialised by warehouse.benchmarks.refresh_benchmarks (see README.md here).
-- The nine score columns come from the statement_scores view (views.sql), defined once.
DROP TABLE IF EXISTS league_table;

CREATE TABLE league_table AS
SELECT
    rank() OVER (ORDER BY f.overall_score_pct DESC NULLS LAST) AS rank,
    f.la_code,
    la.name AS council,
    la.region,
    la.la_type,
    f.overall_rating,
    f.overall_score_pct,
    f.score_total,
    f.published_on,
    f.assessment_id,
    f.report_url,
    s.* EXCLUDE (assessment_id)
FROM latest_formal_assessment AS f
JOIN local_authority AS la USING (la_code)
LEFT JOIN statement_scores AS s USING (assessment_id)
ORDER BY rank, council;

COMMENT ON TABLE league_table IS 'England league table: one row per council with a loaded formal assessment (its latest by published_on), ranked by overall score. Indicative pilot ratings are left out.';
COMMENT ON COLUMN league_table.rank IS 'RANK() by overall_score_pct, highest first: councils on the same % share a rank and the next rank is skipped.';
COMMENT ON COLUMN league_table.la_code IS 'ONS GSS code (2025) of the council; references local_authority.la_code. Unique in this table.';
COMMENT ON COLUMN league_table.council IS 'ONS name of the council (local_authority.name), e.g. ''Stoke-on-Trent''.';
COMMENT ON COLUMN league_table.region IS 'ONS region of the council (local_authority.region).';
COMMENT ON COLUMN league_table.la_type IS 'county | unitary | metropolitan district | London borough (local_authority.la_type).';
COMMENT ON COLUMN league_table.overall_rating IS 'Overall rating as published.';
COMMENT ON COLUMN league_table.overall_score_pct IS 'Overall score as published, in percent.';
COMMENT ON COLUMN league_table.score_total IS 'Sum of the nine quality statement scores (9-36); NULL unless all nine were loaded.';
COMMENT ON COLUMN league_table.published_on IS 'Publication date of the assessment shown.';
COMMENT ON COLUMN league_table.assessment_id IS 'The assessment shown (its slug); references assessment.assessment_id.';
COMMENT ON COLUMN league_table.report_url IS 'Absolute URL of the report''s landing page.';
