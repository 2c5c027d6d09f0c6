-- council_neighbour: materialised by warehouse.benchmarks.refresh_benchmarks (see README.md here).
-- Statistical neighbours (docs/neighbours.md): every feature a z-score across the councils that
-- have it, Euclidean distance over the features both councils have, rescaled to all of them.
-- Numbered 00: council_statement_benchmark (03) averages each council's 15 nearest.
DROP TABLE IF EXISTS council_neighbour;

CREATE TABLE council_neighbour AS
WITH councils AS (
    SELECT la.la_code, la.la_type, p.population_2020, p.area_km2
    FROM local_authority AS la
    JOIN council_population AS p USING (la_code)
),
-- From the council's latest formal report, only when its About page gave the number, and only
-- in the sense the feature needs (a share aged 65+, a rank of deprivation, a minority share).
demography AS (
    SELECT la_code, feature, value
    FROM (
        SELECT
            f.la_code,
            d.fact_no,
            d.value,
            CASE
                WHEN d.kind = 'age' AND d.unit = 'percent' AND d.raw_text LIKE '%65%'
                    THEN 'aged_65_plus'
                WHEN d.kind = 'deprivation' AND d.unit = 'rank' THEN 'deprivation_rank'
                WHEN d.kind = 'ethnicity' AND d.unit = 'percent'
                    AND lower(d.raw_text) LIKE '%minorit%' AND lower(d.raw_text) NOT LIKE '%white%'
                    THEN 'ethnic_minority'
            END AS feature
        FROM latest_formal_assessment AS f
        JOIN demographic_fact AS d USING (assessment_id)
        WHERE d.value IS NOT NULL
    )
    WHERE feature IS NOT NULL AND la_code IN (SELECT la_code FROM councils)
    QUALIFY row_number() OVER (PARTITION BY la_code, feature ORDER BY fact_no) = 1
),
-- Long form: one row per council and feature column. Population and density are skewed (a few
-- thousand people on the Isles of Scilly, 1.6 million in Kent), so they enter as logarithms.
-- Council type is one 0/1 column per type.
raw AS (
    SELECT la_code, 'population' AS feature, 'population' AS column_name,
           ln(population_2020) AS value
    FROM councils
    UNION ALL
    SELECT la_code, 'density', 'density', ln(population_2020 / area_km2) FROM councils
    UNION ALL
    SELECT c.la_code, 'type', 'type:' || t.la_type, CAST(c.la_type = t.la_type AS DOUBLE)
    FROM councils AS c
    CROSS JOIN (SELECT DISTINCT la_type FROM councils) AS t
    UNION ALL
    SELECT la_code, feature, feature, value FROM demography
),
-- A column counts only if at least two councils have it and it varies.
usable AS (
    SELECT column_name
    FROM raw
    GROUP BY column_name
    HAVING count(*) >= 2 AND stddev_pop(value) > 0
),
z AS (
    SELECT
        r.la_code,
        r.feature,
        r.column_name,
        (r.value - avg(r.value) OVER w) / stddev_pop(r.value) OVER w AS z
    FROM raw AS r
    SEMI JOIN usable AS u USING (column_name)
    WINDOW w AS (PARTITION BY r.column_name)
),
pairs AS (
    SELECT
        a.la_code,
        b.la_code AS neighbour_la_code,
        sum((a.z - b.z) ^ 2) AS squared,
        count(*) AS shared,
        bool_or(a.feature = 'population') AS population,
        bool_or(a.feature = 'density') AS density,
        bool_or(a.feature = 'type') AS type,
        bool_or(a.feature = 'aged_65_plus') AS aged_65_plus,
        bool_or(a.feature = 'deprivation_rank') AS deprivation_rank,
        bool_or(a.feature = 'ethnic_minority') AS ethnic_minority
    FROM z AS a
    JOIN z AS b ON b.column_name = a.column_name AND b.la_code <> a.la_code
    GROUP BY a.la_code, b.la_code
),
computed AS (
    SELECT
        la_code,
        neighbour_la_code,
        -- Over the columns both have, scaled up to every usable column, so a pair that shares
        -- fewer features is not nearer for it. Rounded to 6 places: the sums' last bits vary
        -- with the order DuckDB adds them in, and a refresh must give the same table.
        round(sqrt(squared * (SELECT count(*) FROM usable) / shared), 6) AS distance,
        'computed:' || concat_ws(
            '+',
            CASE WHEN population THEN 'population' END,
            CASE WHEN density THEN 'density' END,
            CASE WHEN type THEN 'type' END,
            CASE WHEN aged_65_plus THEN 'aged_65_plus' END,
            CASE WHEN deprivation_rank THEN 'deprivation_rank' END,
            CASE WHEN ethnic_minority THEN 'ethnic_minority' END
        ) AS method
    FROM pairs
)
SELECT
    c.la_code,
    c.neighbour_la_code,
    CAST(row_number() OVER (
        PARTITION BY c.la_code ORDER BY c.distance, c.neighbour_la_code
    ) AS INTEGER) AS rank,
    c.distance,
    c.method
FROM computed AS c
WHERE c.la_code NOT IN (SELECT la_code FROM council_neighbour_import)
UNION ALL
SELECT i.la_code, i.neighbour_la_code, i.rank, c.distance, 'imported:' || i.source
FROM council_neighbour_import AS i
LEFT JOIN computed AS c USING (la_code, neighbour_la_code)
ORDER BY la_code, rank;

COMMENT ON TABLE council_neighbour IS 'Statistical neighbours: for each council, the other councils ranked by distance over standardised features (log population and log density from council_population, council type, and the share aged 65+, deprivation rank and ethnic-minority share where About pages give them); see docs/neighbours.md. For a council in council_neighbour_import, the imported list instead. Benchmarks use the 15 nearest.';
COMMENT ON COLUMN council_neighbour.la_code IS 'ONS GSS code (2025) of the council; references local_authority.la_code.';
COMMENT ON COLUMN council_neighbour.neighbour_la_code IS 'ONS GSS code (2025) of the neighbour.';
COMMENT ON COLUMN council_neighbour.rank IS '1 = nearest. Computed lists rank all 152 others (ties by distance broken by code); an imported list has the ranks its file gave.';
COMMENT ON COLUMN council_neighbour.distance IS 'Euclidean distance between the two councils'' z-scores, over the feature columns both have, scaled by sqrt(columns in use / columns shared), 6 decimal places; on imported rows, the computed distance of the pair, for comparison.';
COMMENT ON COLUMN council_neighbour.method IS '''computed:'' and the features the distance used, e.g. ''computed:population+density+type''; or ''imported:'' and the file the list came from.';
