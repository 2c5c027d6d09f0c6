-- Warehouse views. Safe to run on every connection: every statement is CREATE OR REPLACE.
--
-- latest_formal_assessment is what every benchmark is built on (see benchmarks.sql): it never
-- shows an indicative (pilot) assessment, and each council appears at most once, with its
-- latest formal report.

CREATE OR REPLACE VIEW latest_formal_assessment AS
SELECT * EXCLUDE (recency)
FROM (
    SELECT
        a.*,
        row_number() OVER (
            PARTITION BY a.la_code
            ORDER BY a.published_on DESC NULLS LAST, a.assessment_id DESC
        ) AS recency
    FROM assessment AS a
    WHERE NOT a.indicative
)
WHERE recency = 1;

COMMENT ON VIEW latest_formal_assessment IS 'Each council''s latest formal (non-indicative) assessment by published_on: the assessment columns, one row per assessed council. Pilots are left out.';
COMMENT ON COLUMN latest_formal_assessment.assessment_id IS 'As assessment.assessment_id (the report slug).';
COMMENT ON COLUMN latest_formal_assessment.la_code IS 'As assessment.la_code; unique in this view.';
COMMENT ON COLUMN latest_formal_assessment.slug IS 'As assessment.slug.';
COMMENT ON COLUMN latest_formal_assessment.report_url IS 'As assessment.report_url.';
COMMENT ON COLUMN latest_formal_assessment.la_name_published IS 'As assessment.la_name_published.';
COMMENT ON COLUMN latest_formal_assessment.assessment_kind IS 'As assessment.assessment_kind.';
COMMENT ON COLUMN latest_formal_assessment.indicative IS 'As assessment.indicative; always FALSE here.';
COMMENT ON COLUMN latest_formal_assessment.published_on IS 'As assessment.published_on; the latest of the council''s formal reports.';
COMMENT ON COLUMN latest_formal_assessment.page_last_updated IS 'As assessment.page_last_updated.';
COMMENT ON COLUMN latest_formal_assessment.overall_rating IS 'As assessment.overall_rating.';
COMMENT ON COLUMN latest_formal_assessment.overall_score_pct IS 'As assessment.overall_score_pct.';
COMMENT ON COLUMN latest_formal_assessment.score_total IS 'As assessment.score_total.';
COMMENT ON COLUMN latest_formal_assessment.people_experience IS 'As assessment.people_experience.';
COMMENT ON COLUMN latest_formal_assessment.parser_version IS 'As assessment.parser_version.';
