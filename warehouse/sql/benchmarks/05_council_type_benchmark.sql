-- council_type_benchmark: materialised by warehouse.benchmarks.refresh_benchmarks (see README.md here).
DROP TABLE IF EXISTS council_type_benchmark;

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
    round(avg(COLUMNS('^(qs\d_\w+)$')), 2) AS '\1_avg'
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
