-- Warehouse views. Safe to run on every connection: every statement is CREATE OR REPLACE.
--
-- Every view is built on latest_formal_assessment, so none of them ever shows an indicative
-- (pilot) assessment, and each council appears at most once: with its latest formal report.

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

CREATE OR REPLACE VIEW league_table AS
WITH scores AS (
    SELECT
        assessment_id,
        max(score) FILTER (WHERE qs_number = 1) AS qs1_assessing_needs,
        max(score) FILTER (WHERE qs_number = 2) AS qs2_healthier_lives,
        max(score) FILTER (WHERE qs_number = 3) AS qs3_equity,
        max(score) FILTER (WHERE qs_number = 4) AS qs4_care_provision,
        max(score) FILTER (WHERE qs_number = 5) AS qs5_partnerships,
        max(score) FILTER (WHERE qs_number = 6) AS qs6_safe_systems,
        max(score) FILTER (WHERE qs_number = 7) AS qs7_safeguarding,
        max(score) FILTER (WHERE qs_number = 8) AS qs8_governance,
        max(score) FILTER (WHERE qs_number = 9) AS qs9_learning
    FROM quality_statement_score
    GROUP BY assessment_id
)
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
    s.qs1_assessing_needs,
    s.qs2_healthier_lives,
    s.qs3_equity,
    s.qs4_care_provision,
    s.qs5_partnerships,
    s.qs6_safe_systems,
    s.qs7_safeguarding,
    s.qs8_governance,
    s.qs9_learning
FROM latest_formal_assessment AS f
JOIN local_authority AS la USING (la_code)
LEFT JOIN scores AS s USING (assessment_id);

COMMENT ON VIEW league_table IS 'England league table: one row per council with a loaded formal assessment (its latest by published_on), ranked by overall score. Indicative pilot ratings are left out.';
COMMENT ON COLUMN league_table.rank IS 'RANK() by overall_score_pct, highest first: councils on the same % share a rank and the next rank is skipped.';
COMMENT ON COLUMN league_table.la_code IS 'ONS GSS code (2025) of the council; references local_authority.la_code. Unique in this view.';
COMMENT ON COLUMN league_table.council IS 'ONS name of the council (local_authority.name), e.g. ''Stoke-on-Trent''.';
COMMENT ON COLUMN league_table.region IS 'ONS region of the council (local_authority.region).';
COMMENT ON COLUMN league_table.la_type IS 'county | unitary | metropolitan district | London borough (local_authority.la_type).';
COMMENT ON COLUMN league_table.overall_rating IS 'Overall rating as published.';
COMMENT ON COLUMN league_table.overall_score_pct IS 'Overall score as published, in percent.';
COMMENT ON COLUMN league_table.score_total IS 'Sum of the nine quality statement scores (9-36); NULL unless all nine were loaded.';
COMMENT ON COLUMN league_table.published_on IS 'Publication date of the assessment shown.';
COMMENT ON COLUMN league_table.assessment_id IS 'The assessment shown (its slug); references assessment.assessment_id.';
COMMENT ON COLUMN league_table.report_url IS 'Absolute URL of the report''s landing page.';
COMMENT ON COLUMN league_table.qs1_assessing_needs IS 'Score (1-4) of quality statement 1, Assessing needs (theme Working with people).';
COMMENT ON COLUMN league_table.qs2_healthier_lives IS 'Score (1-4) of quality statement 2, Supporting people to live healthier lives (Working with people).';
COMMENT ON COLUMN league_table.qs3_equity IS 'Score (1-4) of quality statement 3, Equity in experience and outcomes (Working with people).';
COMMENT ON COLUMN league_table.qs4_care_provision IS 'Score (1-4) of quality statement 4, Care provision, integration and continuity (Providing support).';
COMMENT ON COLUMN league_table.qs5_partnerships IS 'Score (1-4) of quality statement 5, Partnerships and communities (Providing support).';
COMMENT ON COLUMN league_table.qs6_safe_systems IS 'Score (1-4) of quality statement 6, Safe systems, pathways and transitions (Ensuring safety within the system).';
COMMENT ON COLUMN league_table.qs7_safeguarding IS 'Score (1-4) of quality statement 7, Safeguarding (Ensuring safety within the system).';
COMMENT ON COLUMN league_table.qs8_governance IS 'Score (1-4) of quality statement 8, Governance, management and sustainability (Leadership).';
COMMENT ON COLUMN league_table.qs9_learning IS 'Score (1-4) of quality statement 9, Learning, improvement and innovation (Leadership).';

CREATE OR REPLACE VIEW regional_benchmark AS
SELECT
    la.region,
    f.la_code,
    la.name AS council,
    f.overall_rating,
    f.overall_score_pct,
    rank() OVER (
        PARTITION BY la.region ORDER BY f.overall_score_pct DESC NULLS LAST
    ) AS rank_in_region,
    count(*) OVER (PARTITION BY la.region) AS region_assessed,
    round(avg(f.overall_score_pct) OVER (PARTITION BY la.region), 1) AS region_avg_pct,
    min(f.overall_score_pct) OVER (PARTITION BY la.region) AS region_min_pct,
    max(f.overall_score_pct) OVER (PARTITION BY la.region) AS region_max_pct,
    round(
        f.overall_score_pct - avg(f.overall_score_pct) OVER (PARTITION BY la.region), 1
    ) AS pct_vs_region_avg,
    round(avg(f.overall_score_pct) OVER (), 1) AS england_avg_pct,
    f.assessment_id
FROM latest_formal_assessment AS f
JOIN local_authority AS la USING (la_code);

COMMENT ON VIEW regional_benchmark IS 'Each council''s latest formal assessment set against the other assessed councils of its region and of England. Indicative pilot ratings are left out, and count towards no average.';
COMMENT ON COLUMN regional_benchmark.region IS 'ONS region of the council.';
COMMENT ON COLUMN regional_benchmark.la_code IS 'ONS GSS code (2025) of the council; unique in this view.';
COMMENT ON COLUMN regional_benchmark.council IS 'ONS name of the council (local_authority.name).';
COMMENT ON COLUMN regional_benchmark.overall_rating IS 'Overall rating as published.';
COMMENT ON COLUMN regional_benchmark.overall_score_pct IS 'Overall score as published, in percent.';
COMMENT ON COLUMN regional_benchmark.rank_in_region IS 'RANK() within the region by overall_score_pct, highest first (ties share a rank).';
COMMENT ON COLUMN regional_benchmark.region_assessed IS 'How many councils of the region have a formal assessment loaded.';
COMMENT ON COLUMN regional_benchmark.region_avg_pct IS 'Mean overall_score_pct of the region''s assessed councils, rounded to 1 decimal place.';
COMMENT ON COLUMN regional_benchmark.region_min_pct IS 'Lowest overall_score_pct in the region.';
COMMENT ON COLUMN regional_benchmark.region_max_pct IS 'Highest overall_score_pct in the region.';
COMMENT ON COLUMN regional_benchmark.pct_vs_region_avg IS 'overall_score_pct minus the (unrounded) regional mean, rounded to 1 decimal place; negative means below the region''s average.';
COMMENT ON COLUMN regional_benchmark.england_avg_pct IS 'Mean overall_score_pct of every assessed council in England, rounded to 1 decimal place.';
COMMENT ON COLUMN regional_benchmark.assessment_id IS 'The assessment compared (its slug); references assessment.assessment_id.';

CREATE OR REPLACE VIEW quality_statement_benchmark AS
WITH scored AS (
    SELECT la.region, q.qs_number, q.quality_statement, q.theme, q.score
    FROM latest_formal_assessment AS f
    JOIN local_authority AS la USING (la_code)
    JOIN quality_statement_score AS q USING (assessment_id)
),
england AS (
    SELECT qs_number, round(avg(score), 2) AS england_avg_score
    FROM scored
    GROUP BY qs_number
)
SELECT
    s.region,
    s.qs_number,
    any_value(s.quality_statement) AS quality_statement,
    any_value(s.theme) AS theme,
    round(avg(s.score), 2) AS avg_score,
    count(*) AS councils,
    count(*) FILTER (WHERE s.score = 1) AS councils_scoring_1,
    count(*) FILTER (WHERE s.score = 2) AS councils_scoring_2,
    count(*) FILTER (WHERE s.score = 3) AS councils_scoring_3,
    count(*) FILTER (WHERE s.score = 4) AS councils_scoring_4,
    any_value(e.england_avg_score) AS england_avg_score
FROM scored AS s
JOIN england AS e USING (qs_number)
GROUP BY s.region, s.qs_number;

COMMENT ON VIEW quality_statement_benchmark IS 'Per region and quality statement, how the region''s councils scored in their latest formal assessments. Indicative pilot scores are left out.';
COMMENT ON COLUMN quality_statement_benchmark.region IS 'ONS region.';
COMMENT ON COLUMN quality_statement_benchmark.qs_number IS 'Quality statement number, 1-9.';
COMMENT ON COLUMN quality_statement_benchmark.quality_statement IS 'Canonical framework name of the statement.';
COMMENT ON COLUMN quality_statement_benchmark.theme IS 'Canonical theme of the statement.';
COMMENT ON COLUMN quality_statement_benchmark.avg_score IS 'Mean score (1-4) of the region''s assessed councils, rounded to 2 decimal places.';
COMMENT ON COLUMN quality_statement_benchmark.councils IS 'How many of the region''s councils have a score for the statement.';
COMMENT ON COLUMN quality_statement_benchmark.councils_scoring_1 IS 'How many scored 1 (significant shortfalls).';
COMMENT ON COLUMN quality_statement_benchmark.councils_scoring_2 IS 'How many scored 2 (some shortfalls).';
COMMENT ON COLUMN quality_statement_benchmark.councils_scoring_3 IS 'How many scored 3 (good standard).';
COMMENT ON COLUMN quality_statement_benchmark.councils_scoring_4 IS 'How many scored 4 (exceptional standard).';
COMMENT ON COLUMN quality_statement_benchmark.england_avg_score IS 'Mean score of the statement across every assessed council in England, rounded to 2 decimal places.';
