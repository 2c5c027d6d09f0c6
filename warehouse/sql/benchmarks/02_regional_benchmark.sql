-- regional_benchmark: materialised by warehouse.benchmarks.refresh_benchmarks (see README.md here).
DROP TABLE IF EXISTS regional_benchmark;

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
