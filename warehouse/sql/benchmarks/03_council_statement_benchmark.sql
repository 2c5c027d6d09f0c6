-- council_statement_benchmark: materialised by warehouse.benchmarks.refresh_benchmarks (see README.md here).
DROP TABLE IF EXISTS council_statement_benchmark;

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
),
-- The 15 nearest statistical neighbours (council_neighbour, built first), those assessed.
neighbour_means AS (
    SELECT n.la_code, s.qs_number, avg(s.score) AS neighbour_mean, count(*) AS neighbours
    FROM council_neighbour AS n
    JOIN scored AS s ON s.la_code = n.neighbour_la_code
    WHERE n.rank <= 15
    GROUP BY n.la_code, s.qs_number
)
SELECT
    region, la_code, council, la_type, qs_number, quality_statement, theme, score,
    round(region_mean, 2) AS region_avg_score,
    round(type_mean, 2) AS type_avg_score,
    round(england_mean, 2) AS england_avg_score,
    round(score - region_mean, 2) AS score_vs_region_avg,
    round(score - england_mean, 2) AS score_vs_england_avg,
    round(neighbour_mean, 2) AS neighbour_avg_score,
    round(score - neighbour_mean, 2) AS score_vs_neighbour_avg,
    coalesce(neighbours, 0) AS neighbours_assessed,
    assessment_id
FROM means
LEFT JOIN neighbour_means USING (la_code, qs_number)
ORDER BY region, council, qs_number;

COMMENT ON TABLE council_statement_benchmark IS 'Each council''s nine quality statement scores (latest formal assessment) against the mean of its region, its type of council, its 15 nearest statistical neighbours and England. One row per council and statement.';
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
COMMENT ON COLUMN council_statement_benchmark.neighbour_avg_score IS 'Mean score of the statement across the council''s 15 nearest statistical neighbours (council_neighbour rank 1-15) that are assessed, 2 decimal places; NULL when none is.';
COMMENT ON COLUMN council_statement_benchmark.score_vs_neighbour_avg IS 'score minus the (unrounded) neighbours'' mean, 2 decimal places; negative means below its neighbours.';
COMMENT ON COLUMN council_statement_benchmark.neighbours_assessed IS 'How many of the 15 nearest neighbours are assessed, so count towards neighbour_avg_score.';
COMMENT ON COLUMN council_statement_benchmark.assessment_id IS 'The assessment (its slug); references assessment.assessment_id.';
