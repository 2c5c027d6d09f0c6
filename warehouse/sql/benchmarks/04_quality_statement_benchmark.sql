-- quality_statement_benchmark: materialised by warehouse.benchmarks.refresh_benchmarks (see README.md here).
DROP TABLE IF EXISTS quality_statement_benchmark;

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
