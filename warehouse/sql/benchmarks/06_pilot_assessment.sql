-- pilot_assessment: materialised by warehouse.benchmarks.refresh_benchmarks (see README.md here).
DROP TABLE IF EXISTS pilot_assessment;

CREATE TABLE pilot_assessment AS
SELECT
    la.name AS council,
    la.region,
    la.la_type,
    a.overall_rating AS indicative_rating,
    a.published_on,
    s.* EXCLUDE (assessment_id),
    a.assessment_id,
    a.report_url
FROM assessment AS a
JOIN local_authority AS la USING (la_code)
LEFT JOIN statement_scores AS s USING (assessment_id)
WHERE a.indicative
ORDER BY council;

COMMENT ON TABLE pilot_assessment IS 'The 2023 pilot assessments, kept apart: their ratings and scores are indicative, so they are in no rank or mean of the other benchmark tables.';
COMMENT ON COLUMN pilot_assessment.council IS 'ONS name of the council.';
COMMENT ON COLUMN pilot_assessment.region IS 'ONS region of the council.';
COMMENT ON COLUMN pilot_assessment.la_type IS 'county | unitary | metropolitan district | London borough.';
COMMENT ON COLUMN pilot_assessment.indicative_rating IS 'The indicative overall rating the pilot report gives.';
COMMENT ON COLUMN pilot_assessment.published_on IS 'Publication date of the pilot report.';
COMMENT ON COLUMN pilot_assessment.assessment_id IS 'The pilot assessment (its slug); references assessment.assessment_id.';
COMMENT ON COLUMN pilot_assessment.report_url IS 'Absolute URL of the report''s landing page.';
