-- council_care_market: each council's adult social care market per month held, from
-- care_location (see the table's comments in ../care_market.sql). warehouse.care_market runs
-- this as `INSERT INTO council_care_market <this query>` after emptying the table, in the
-- same transaction as the load it follows, so the table never shows half a rebuild.
WITH market AS (
    SELECT
        c.as_of_month,
        c.la_code,
        a.region,
        c.care_home,
        coalesce(c.beds, 0) AS beds,
        c.overall_rating,
        c.dormant,
        list_contains(c.service_types, 'Care home service with nursing') AS nursing,
        list_contains(c.service_types, 'Domiciliary care service') AS home_care
    FROM care_location c
    JOIN local_authority a USING (la_code)
    WHERE c.adult_social_care
),
active AS (
    SELECT
        *,
        overall_rating IN ('Outstanding', 'Good', 'Requires improvement', 'Inadequate')
            AS is_rated,
        overall_rating IN ('Outstanding', 'Good') AS is_good
    FROM market
    WHERE NOT dormant
),
council AS (
    SELECT
        la_code,
        any_value(region) AS region,
        as_of_month,
        count(*) AS locations,
        count(*) FILTER (WHERE care_home) AS care_homes,
        coalesce(sum(beds) FILTER (WHERE care_home), 0) AS care_home_beds,
        count(*) FILTER (WHERE care_home AND nursing) AS nursing_homes,
        count(*) FILTER (WHERE home_care) AS home_care_locations,
        count(*) FILTER (WHERE is_rated) AS rated,
        count(*) FILTER (WHERE overall_rating = 'Outstanding') AS outstanding,
        count(*) FILTER (WHERE overall_rating = 'Good') AS good,
        count(*) FILTER (WHERE overall_rating = 'Requires improvement') AS requires_improvement,
        count(*) FILTER (WHERE overall_rating = 'Inadequate') AS inadequate,
        count(*) FILTER (WHERE NOT is_rated OR overall_rating IS NULL) AS not_rated,
        count(*) FILTER (WHERE is_good) AS good_or_outstanding,
        coalesce(sum(beds) FILTER (WHERE care_home AND is_rated), 0) AS beds_rated,
        coalesce(sum(beds) FILTER (WHERE care_home AND is_good), 0) AS beds_good
    FROM active
    GROUP BY la_code, as_of_month
),
dormant AS (
    SELECT la_code, as_of_month, count(*) AS dormant_locations
    FROM market
    WHERE dormant
    GROUP BY la_code, as_of_month
),
every_council AS (  -- a council whose every location is dormant still gets its row
    SELECT c.*, coalesce(d.dormant_locations, 0) AS dormant_locations
    FROM council c
    LEFT JOIN dormant d USING (la_code, as_of_month)
    UNION ALL BY NAME
    SELECT
        d.la_code, a.region, d.as_of_month, 0 AS locations, 0 AS care_homes,
        0 AS care_home_beds, 0 AS nursing_homes, 0 AS home_care_locations, 0 AS rated,
        0 AS outstanding, 0 AS good, 0 AS requires_improvement, 0 AS inadequate,
        0 AS not_rated, 0 AS good_or_outstanding, 0 AS beds_rated, 0 AS beds_good,
        d.dormant_locations
    FROM dormant d
    JOIN local_authority a USING (la_code)
    ANTI JOIN council c USING (la_code, as_of_month)
),
pooled AS (
    SELECT
        *,
        sum(good_or_outstanding) OVER (PARTITION BY as_of_month, region) AS region_good,
        sum(rated) OVER (PARTITION BY as_of_month, region) AS region_rated,
        sum(beds_good) OVER (PARTITION BY as_of_month, region) AS region_beds_good,
        sum(beds_rated) OVER (PARTITION BY as_of_month, region) AS region_beds_rated,
        sum(good_or_outstanding) OVER (PARTITION BY as_of_month) AS england_good,
        sum(rated) OVER (PARTITION BY as_of_month) AS england_rated,
        sum(beds_good) OVER (PARTITION BY as_of_month) AS england_beds_good,
        sum(beds_rated) OVER (PARTITION BY as_of_month) AS england_beds_rated
    FROM every_council
),
shares AS (
    SELECT
        *,
        round(100.0 * good_or_outstanding / nullif(rated, 0), 1) AS good_or_outstanding_pct,
        round(100.0 * beds_good / nullif(beds_rated, 0), 1) AS beds_good_or_outstanding_pct,
        round(100.0 * region_good / nullif(region_rated, 0), 1)
            AS region_good_or_outstanding_pct,
        round(100.0 * region_beds_good / nullif(region_beds_rated, 0), 1)
            AS region_beds_good_or_outstanding_pct,
        round(100.0 * england_good / nullif(england_rated, 0), 1)
            AS england_good_or_outstanding_pct,
        round(100.0 * england_beds_good / nullif(england_beds_rated, 0), 1)
            AS england_beds_good_or_outstanding_pct
    FROM pooled
)
SELECT
    s.la_code,
    s.as_of_month,
    s.locations,
    s.care_homes,
    s.care_home_beds,
    s.nursing_homes,
    s.home_care_locations,
    s.dormant_locations,
    s.rated,
    s.outstanding,
    s.good,
    s.requires_improvement,
    s.inadequate,
    s.not_rated,
    s.good_or_outstanding_pct,
    s.beds_rated,
    s.beds_good_or_outstanding_pct,
    s.region_good_or_outstanding_pct,
    s.region_beds_good_or_outstanding_pct,
    s.england_good_or_outstanding_pct,
    s.england_beds_good_or_outstanding_pct,
    round(s.good_or_outstanding_pct - y.good_or_outstanding_pct, 1)
        AS good_or_outstanding_pct_12m_change,
    round(s.beds_good_or_outstanding_pct - y.beds_good_or_outstanding_pct, 1)
        AS beds_good_or_outstanding_pct_12m_change
FROM shares s
LEFT JOIN shares y
    ON y.la_code = s.la_code AND y.as_of_month = s.as_of_month - INTERVAL 12 MONTH
ORDER BY s.la_code, s.as_of_month
