-- Benchmark tables, materialised by `warehouse.benchmarks.refresh_benchmarks` (the
-- `refresh_benchmarks` flow, run at the end of every ingest and reparse, and on its own).
--
-- Each table is rebuilt whole from the data tables in one transaction, so readers see either
-- the previous set or the new one. All of them are built on latest_formal_assessment: each
-- council once, with its latest formal report; indicative pilot results are kept apart in
-- pilot_assessment and count towards no rank or mean.

-- (Older warehouses had views named like three of these tables: `warehouse.db` drops them
-- first, since DROP TABLE IF EXISTS fails on a view.)

DROP TABLE IF EXISTS league_table;
DROP TABLE IF EXISTS regional_benchmark;
DROP TABLE IF EXISTS council_statement_benchmark;
DROP TABLE IF EXISTS quality_statement_benchmark;
DROP TABLE IF EXISTS council_type_benchmark;
DROP TABLE IF EXISTS pilot_assessment;

CREATE TABLE league_table AS
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
LEFT JOIN scores AS s USING (assessment_id)
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
COMMENT ON COLUMN league_table.qs1_assessing_needs IS 'Score (1-4) of quality statement 1, Assessing needs (theme Working with people).';
COMMENT ON COLUMN league_table.qs2_healthier_lives IS 'Score (1-4) of quality statement 2, Supporting people to live healthier lives (Working with people).';
COMMENT ON COLUMN league_table.qs3_equity IS 'Score (1-4) of quality statement 3, Equity in experience and outcomes (Working with people).';
COMMENT ON COLUMN league_table.qs4_care_provision IS 'Score (1-4) of quality statement 4, Care provision, integration and continuity (Providing support).';
COMMENT ON COLUMN league_table.qs5_partnerships IS 'Score (1-4) of quality statement 5, Partnerships and communities (Providing support).';
COMMENT ON COLUMN league_table.qs6_safe_systems IS 'Score (1-4) of quality statement 6, Safe systems, pathways and transitions (Ensuring safety within the system).';
COMMENT ON COLUMN league_table.qs7_safeguarding IS 'Score (1-4) of quality statement 7, Safeguarding (Ensuring safety within the system).';
COMMENT ON COLUMN league_table.qs8_governance IS 'Score (1-4) of quality statement 8, Governance, management and sustainability (Leadership).';
COMMENT ON COLUMN league_table.qs9_learning IS 'Score (1-4) of quality statement 9, Learning, improvement and innovation (Leadership).';


CREATE TABLE regional_benchmark AS
SELECT
    la.region,
    f.la_code,
    la.name AS council,
    la.la_type,
    f.overall_rating,
    f.overall_score_pct,
    rank() OVER (
        PARTITION BY la.region ORDER BY f.overall_score_pct DESC NULLS LAST
    ) AS rank_in_region,
    rank() OVER (ORDER BY f.overall_score_pct DESC NULLS LAST) AS rank_in_england,
    count(*) OVER (PARTITION BY la.region) AS region_assessed,
    round(avg(f.overall_score_pct) OVER (PARTITION BY la.region), 1) AS region_avg_pct,
    min(f.overall_score_pct) OVER (PARTITION BY la.region) AS region_min_pct,
    max(f.overall_score_pct) OVER (PARTITION BY la.region) AS region_max_pct,
    round(
        f.overall_score_pct - avg(f.overall_score_pct) OVER (PARTITION BY la.region), 1
    ) AS pct_vs_region_avg,
    round(avg(f.overall_score_pct) OVER (), 1) AS england_avg_pct,
    round(f.overall_score_pct - avg(f.overall_score_pct) OVER (), 1) AS pct_vs_england_avg,
    f.assessment_id
FROM latest_formal_assessment AS f
JOIN local_authority AS la USING (la_code)
ORDER BY la.region, rank_in_region, council;

COMMENT ON TABLE regional_benchmark IS 'Each council''s latest formal assessment set against the other assessed councils of its region and of England, overall (per statement: council_statement_benchmark). Indicative pilot ratings are left out, and count towards no average.';
COMMENT ON COLUMN regional_benchmark.region IS 'ONS region of the council, e.g. ''West Midlands''.';
COMMENT ON COLUMN regional_benchmark.la_code IS 'ONS GSS code (2025) of the council; unique in this table.';
COMMENT ON COLUMN regional_benchmark.council IS 'ONS name of the council (local_authority.name).';
COMMENT ON COLUMN regional_benchmark.la_type IS 'county | unitary | metropolitan district | London borough.';
COMMENT ON COLUMN regional_benchmark.overall_rating IS 'Overall rating as published.';
COMMENT ON COLUMN regional_benchmark.overall_score_pct IS 'Overall score as published, in percent.';
COMMENT ON COLUMN regional_benchmark.rank_in_region IS 'RANK() within the region by overall_score_pct, highest first (ties share a rank).';
COMMENT ON COLUMN regional_benchmark.rank_in_england IS 'RANK() in England by overall_score_pct (as league_table.rank).';
COMMENT ON COLUMN regional_benchmark.region_assessed IS 'How many councils of the region have a formal assessment loaded.';
COMMENT ON COLUMN regional_benchmark.region_avg_pct IS 'Mean overall_score_pct of the region''s assessed councils, rounded to 1 decimal place.';
COMMENT ON COLUMN regional_benchmark.region_min_pct IS 'Lowest overall_score_pct in the region.';
COMMENT ON COLUMN regional_benchmark.region_max_pct IS 'Highest overall_score_pct in the region.';
COMMENT ON COLUMN regional_benchmark.pct_vs_region_avg IS 'overall_score_pct minus the (unrounded) regional mean, rounded to 1 decimal place; negative means below the region''s average.';
COMMENT ON COLUMN regional_benchmark.england_avg_pct IS 'Mean overall_score_pct of every assessed council in England, rounded to 1 decimal place.';
COMMENT ON COLUMN regional_benchmark.pct_vs_england_avg IS 'overall_score_pct minus the (unrounded) England mean, rounded to 1 decimal place.';
COMMENT ON COLUMN regional_benchmark.assessment_id IS 'The assessment compared (its slug); references assessment.assessment_id.';

CREATE TABLE council_statement_benchmark AS
WITH scored AS (
    SELECT f.la_code, la.name AS council, la.region, la.la_type, f.assessment_id,
           q.qs_number, q.quality_statement, q.theme, q.score
    FROM latest_formal_assessment AS f
    JOIN local_authority AS la USING (la_code)
    JOIN quality_statement_score AS q USING (assessment_id)
),
means AS (
    SELECT
        *,
        avg(score) OVER (PARTITION BY region, qs_number) AS region_mean,
        avg(score) OVER (PARTITION BY la_type, qs_number) AS type_mean,
        avg(score) OVER (PARTITION BY qs_number) AS england_mean
    FROM scored
)
SELECT
    region, la_code, council, la_type, qs_number, quality_statement, theme, score,
    round(region_mean, 2) AS region_avg_score,
    round(type_mean, 2) AS type_avg_score,
    round(england_mean, 2) AS england_avg_score,
    round(score - region_mean, 2) AS score_vs_region_avg,
    round(score - england_mean, 2) AS score_vs_england_avg,
    assessment_id
FROM means
ORDER BY region, council, qs_number;

COMMENT ON TABLE council_statement_benchmark IS 'Each council''s nine quality statement scores (latest formal assessment) against the mean of its region, its type of council and England. One row per council and statement.';
COMMENT ON COLUMN council_statement_benchmark.region IS 'ONS region of the council.';
COMMENT ON COLUMN council_statement_benchmark.la_code IS 'ONS GSS code (2025) of the council.';
COMMENT ON COLUMN council_statement_benchmark.council IS 'ONS name of the council.';
COMMENT ON COLUMN council_statement_benchmark.la_type IS 'county | unitary | metropolitan district | London borough.';
COMMENT ON COLUMN council_statement_benchmark.qs_number IS 'Quality statement number, 1-9.';
COMMENT ON COLUMN council_statement_benchmark.quality_statement IS 'Canonical framework name of the statement.';
COMMENT ON COLUMN council_statement_benchmark.theme IS 'Canonical theme of the statement.';
COMMENT ON COLUMN council_statement_benchmark.score IS 'The council''s score, 1-4.';
COMMENT ON COLUMN council_statement_benchmark.region_avg_score IS 'Mean score of the statement across the region''s assessed councils, 2 decimal places.';
COMMENT ON COLUMN council_statement_benchmark.type_avg_score IS 'Mean score of the statement across assessed councils of the same type, 2 decimal places.';
COMMENT ON COLUMN council_statement_benchmark.england_avg_score IS 'Mean score of the statement across every assessed council, 2 decimal places.';
COMMENT ON COLUMN council_statement_benchmark.score_vs_region_avg IS 'score minus the (unrounded) regional mean, 2 decimal places; negative means below the region.';
COMMENT ON COLUMN council_statement_benchmark.score_vs_england_avg IS 'score minus the (unrounded) England mean, 2 decimal places.';
COMMENT ON COLUMN council_statement_benchmark.assessment_id IS 'The assessment (its slug); references assessment.assessment_id.';

CREATE TABLE quality_statement_benchmark AS
WITH scored AS (
    SELECT la.region, q.qs_number, q.quality_statement, q.theme, q.score
    FROM latest_formal_assessment AS f
    JOIN local_authority AS la USING (la_code)
    JOIN quality_statement_score AS q USING (assessment_id)
),
by_scope AS (
    SELECT 'england' AS scope, 'England' AS region, * EXCLUDE (region) FROM scored
    UNION ALL
    SELECT 'region' AS scope, * FROM scored
),
summed AS (
    SELECT
        scope,
        region,
        qs_number,
        any_value(quality_statement) AS quality_statement,
        any_value(theme) AS theme,
        round(avg(score), 2) AS avg_score,
        count(*) AS councils,
        count(*) FILTER (WHERE score = 1) AS councils_scoring_1,
        count(*) FILTER (WHERE score = 2) AS councils_scoring_2,
        count(*) FILTER (WHERE score = 3) AS councils_scoring_3,
        count(*) FILTER (WHERE score = 4) AS councils_scoring_4
    FROM by_scope
    GROUP BY scope, region, qs_number
)
SELECT
    s.*,
    rank() OVER (PARTITION BY s.scope, s.region ORDER BY s.avg_score) AS rank_weakest,
    e.avg_score AS england_avg_score
FROM summed AS s
JOIN summed AS e ON e.scope = 'england' AND e.qs_number = s.qs_number
ORDER BY s.scope, s.region, s.qs_number;

COMMENT ON TABLE quality_statement_benchmark IS 'Per quality statement, the distribution of scores in England (scope ''england'') and in each region (scope ''region''), from the latest formal assessments. The weakest statement nationally: WHERE scope = ''england'' AND rank_weakest = 1.';
COMMENT ON COLUMN quality_statement_benchmark.scope IS 'england (one row per statement, region = ''England'') | region.';
COMMENT ON COLUMN quality_statement_benchmark.region IS 'ONS region, or ''England'' for the national rows.';
COMMENT ON COLUMN quality_statement_benchmark.qs_number IS 'Quality statement number, 1-9.';
COMMENT ON COLUMN quality_statement_benchmark.quality_statement IS 'Canonical framework name of the statement.';
COMMENT ON COLUMN quality_statement_benchmark.theme IS 'Canonical theme of the statement.';
COMMENT ON COLUMN quality_statement_benchmark.avg_score IS 'Mean score (1-4), rounded to 2 decimal places.';
COMMENT ON COLUMN quality_statement_benchmark.councils IS 'How many councils have a score for the statement.';
COMMENT ON COLUMN quality_statement_benchmark.councils_scoring_1 IS 'How many scored 1 (significant shortfalls).';
COMMENT ON COLUMN quality_statement_benchmark.councils_scoring_2 IS 'How many scored 2 (some shortfalls).';
COMMENT ON COLUMN quality_statement_benchmark.councils_scoring_3 IS 'How many scored 3 (good standard).';
COMMENT ON COLUMN quality_statement_benchmark.councils_scoring_4 IS 'How many scored 4 (exceptional standard).';
COMMENT ON COLUMN quality_statement_benchmark.rank_weakest IS 'RANK() of the statement by avg_score within its scope and region, lowest first: 1 is the weakest statement there.';
COMMENT ON COLUMN quality_statement_benchmark.england_avg_score IS 'The statement''s mean score across England, 2 decimal places.';

CREATE TABLE council_type_benchmark AS
SELECT
    la.la_type,
    (SELECT count(*) FROM local_authority AS t WHERE t.la_type = la.la_type) AS councils,
    count(*) AS councils_assessed,
    round(avg(l.overall_score_pct), 1) AS avg_pct,
    min(l.overall_score_pct) AS min_pct,
    max(l.overall_score_pct) AS max_pct,
    count(*) FILTER (WHERE l.overall_rating = 'Outstanding') AS outstanding,
    count(*) FILTER (WHERE l.overall_rating = 'Good') AS good,
    count(*) FILTER (WHERE l.overall_rating = 'Requires improvement') AS requires_improvement,
    count(*) FILTER (WHERE l.overall_rating = 'Inadequate') AS inadequate,
    round(avg(qs1_assessing_needs), 2) AS qs1_assessing_needs_avg,
    round(avg(qs2_healthier_lives), 2) AS qs2_healthier_lives_avg,
    round(avg(qs3_equity), 2) AS qs3_equity_avg,
    round(avg(qs4_care_provision), 2) AS qs4_care_provision_avg,
    round(avg(qs5_partnerships), 2) AS qs5_partnerships_avg,
    round(avg(qs6_safe_systems), 2) AS qs6_safe_systems_avg,
    round(avg(qs7_safeguarding), 2) AS qs7_safeguarding_avg,
    round(avg(qs8_governance), 2) AS qs8_governance_avg,
    round(avg(qs9_learning), 2) AS qs9_learning_avg
FROM league_table AS l
JOIN local_authority AS la USING (la_code)
GROUP BY la.la_type
ORDER BY avg_pct DESC;

COMMENT ON TABLE council_type_benchmark IS 'Councils compared by type (county, unitary, metropolitan district, London borough): latest formal assessments only.';
COMMENT ON COLUMN council_type_benchmark.la_type IS 'county | unitary | metropolitan district | London borough.';
COMMENT ON COLUMN council_type_benchmark.councils IS 'Councils of this type with adult social care duties.';
COMMENT ON COLUMN council_type_benchmark.councils_assessed IS 'Of them, how many have a formal assessment loaded.';
COMMENT ON COLUMN council_type_benchmark.avg_pct IS 'Mean overall score in percent, 1 decimal place.';
COMMENT ON COLUMN council_type_benchmark.min_pct IS 'Lowest overall score in percent.';
COMMENT ON COLUMN council_type_benchmark.max_pct IS 'Highest overall score in percent.';
COMMENT ON COLUMN council_type_benchmark.outstanding IS 'Councils rated Outstanding.';
COMMENT ON COLUMN council_type_benchmark.good IS 'Councils rated Good.';
COMMENT ON COLUMN council_type_benchmark.requires_improvement IS 'Councils rated Requires improvement.';
COMMENT ON COLUMN council_type_benchmark.inadequate IS 'Councils rated Inadequate.';
COMMENT ON COLUMN council_type_benchmark.qs1_assessing_needs_avg IS 'Mean score (1-4) of quality statement 1 across the type''s councils, 2 decimal places.';
COMMENT ON COLUMN council_type_benchmark.qs2_healthier_lives_avg IS 'Mean score (1-4) of quality statement 2 across the type''s councils, 2 decimal places.';
COMMENT ON COLUMN council_type_benchmark.qs3_equity_avg IS 'Mean score (1-4) of quality statement 3 across the type''s councils, 2 decimal places.';
COMMENT ON COLUMN council_type_benchmark.qs4_care_provision_avg IS 'Mean score (1-4) of quality statement 4 across the type''s councils, 2 decimal places.';
COMMENT ON COLUMN council_type_benchmark.qs5_partnerships_avg IS 'Mean score (1-4) of quality statement 5 across the type''s councils, 2 decimal places.';
COMMENT ON COLUMN council_type_benchmark.qs6_safe_systems_avg IS 'Mean score (1-4) of quality statement 6 across the type''s councils, 2 decimal places.';
COMMENT ON COLUMN council_type_benchmark.qs7_safeguarding_avg IS 'Mean score (1-4) of quality statement 7 across the type''s councils, 2 decimal places.';
COMMENT ON COLUMN council_type_benchmark.qs8_governance_avg IS 'Mean score (1-4) of quality statement 8 across the type''s councils, 2 decimal places.';
COMMENT ON COLUMN council_type_benchmark.qs9_learning_avg IS 'Mean score (1-4) of quality statement 9 across the type''s councils, 2 decimal places.';

CREATE TABLE pilot_assessment AS
SELECT
    la.name AS council,
    la.region,
    la.la_type,
    a.overall_rating AS indicative_rating,
    a.published_on,
    max(q.score) FILTER (WHERE q.qs_number = 1) AS qs1_assessing_needs,
    max(q.score) FILTER (WHERE q.qs_number = 2) AS qs2_healthier_lives,
    max(q.score) FILTER (WHERE q.qs_number = 3) AS qs3_equity,
    max(q.score) FILTER (WHERE q.qs_number = 4) AS qs4_care_provision,
    max(q.score) FILTER (WHERE q.qs_number = 5) AS qs5_partnerships,
    max(q.score) FILTER (WHERE q.qs_number = 6) AS qs6_safe_systems,
    max(q.score) FILTER (WHERE q.qs_number = 7) AS qs7_safeguarding,
    max(q.score) FILTER (WHERE q.qs_number = 8) AS qs8_governance,
    max(q.score) FILTER (WHERE q.qs_number = 9) AS qs9_learning,
    a.assessment_id,
    a.report_url
FROM assessment AS a
JOIN local_authority AS la USING (la_code)
LEFT JOIN quality_statement_score AS q USING (assessment_id)
WHERE a.indicative
GROUP BY ALL
ORDER BY council;

COMMENT ON TABLE pilot_assessment IS 'The 2023 pilot assessments, kept apart: their ratings and scores are indicative, so they are in no rank or mean of the other benchmark tables.';
COMMENT ON COLUMN pilot_assessment.council IS 'ONS name of the council.';
COMMENT ON COLUMN pilot_assessment.region IS 'ONS region of the council.';
COMMENT ON COLUMN pilot_assessment.la_type IS 'county | unitary | metropolitan district | London borough.';
COMMENT ON COLUMN pilot_assessment.indicative_rating IS 'The indicative overall rating the pilot report gives.';
COMMENT ON COLUMN pilot_assessment.published_on IS 'Publication date of the pilot report.';
COMMENT ON COLUMN pilot_assessment.qs1_assessing_needs IS 'Indicative score (1-4) of quality statement 1; NULL where the pilot report printed none.';
COMMENT ON COLUMN pilot_assessment.qs2_healthier_lives IS 'Indicative score (1-4) of quality statement 2; NULL where the pilot report printed none.';
COMMENT ON COLUMN pilot_assessment.qs3_equity IS 'Indicative score (1-4) of quality statement 3; NULL where the pilot report printed none.';
COMMENT ON COLUMN pilot_assessment.qs4_care_provision IS 'Indicative score (1-4) of quality statement 4; NULL where the pilot report printed none.';
COMMENT ON COLUMN pilot_assessment.qs5_partnerships IS 'Indicative score (1-4) of quality statement 5; NULL where the pilot report printed none.';
COMMENT ON COLUMN pilot_assessment.qs6_safe_systems IS 'Indicative score (1-4) of quality statement 6; NULL where the pilot report printed none.';
COMMENT ON COLUMN pilot_assessment.qs7_safeguarding IS 'Indicative score (1-4) of quality statement 7; NULL where the pilot report printed none.';
COMMENT ON COLUMN pilot_assessment.qs8_governance IS 'Indicative score (1-4) of quality statement 8; NULL where the pilot report printed none.';
COMMENT ON COLUMN pilot_assessment.qs9_learning IS 'Indicative score (1-4) of quality statement 9; NULL where the pilot report printed none.';
COMMENT ON COLUMN pilot_assessment.assessment_id IS 'The pilot assessment (its slug); references assessment.assessment_id.';
COMMENT ON COLUMN pilot_assessment.report_url IS 'Absolute URL of the report''s landing page.';
