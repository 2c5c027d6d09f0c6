-- Reference data from outside CQC, and a user's own comparator list. Safe on every connection.
--
-- council_population and outcome_measure are replaced from the CSVs under warehouse/reference/
-- at every benchmark refresh (warehouse.reference_data); council_neighbour_import is written
-- only by `cqc neighbours --import` and survives refreshes. See docs/neighbours.md and
-- docs/outcomes.md.

CREATE TABLE IF NOT EXISTS council_population (
    la_code VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    population_2020 INTEGER NOT NULL CHECK (population_2020 > 0),
    area_km2 DOUBLE NOT NULL CHECK (area_km2 > 0),
    density_per_km2 DOUBLE NOT NULL,
    source_gss_code VARCHAR NOT NULL,
    source VARCHAR NOT NULL,
    licence VARCHAR NOT NULL
);

COMMENT ON TABLE council_population IS 'Population and area of each of the 153 councils, from mySociety''s list of UK local authorities (mid-2020 population estimates): the population features of council_neighbour. Reloaded from warehouse/reference/council_population.csv at every benchmark refresh.';
COMMENT ON COLUMN council_population.la_code IS 'ONS GSS code (2025) of the council; references local_authority.la_code.';
COMMENT ON COLUMN council_population.name IS 'ONS name of the council (as local_authority.name).';
COMMENT ON COLUMN council_population.population_2020 IS 'Resident population, mid-2020 estimate (mySociety pop-2020); for the councils created in April 2023, the estimate for their area.';
COMMENT ON COLUMN council_population.area_km2 IS 'Area in square kilometres, as mySociety publishes it (whole km2).';
COMMENT ON COLUMN council_population.density_per_km2 IS 'population_2020 / area_km2, 1 decimal place.';
COMMENT ON COLUMN council_population.source_gss_code IS 'The GSS code of the source row: the pre-2025 code for Barnsley (E08000016) and Sheffield (E08000019), which mySociety still uses.';
COMMENT ON COLUMN council_population.source IS 'Where the figures come from: repository, file and commit.';
COMMENT ON COLUMN council_population.licence IS 'Licence of the source data (CC BY 4.0, mySociety).';

CREATE TABLE IF NOT EXISTS outcome_measure (
    la_code VARCHAR NOT NULL,
    published_la_code VARCHAR NOT NULL,
    la_name_published VARCHAR NOT NULL,
    council_current BOOLEAN NOT NULL,
    measure_code VARCHAR NOT NULL,
    measure_name VARCHAR NOT NULL,
    higher_is_better BOOLEAN,
    financial_year VARCHAR NOT NULL,
    value DOUBLE,
    source VARCHAR NOT NULL,
    licence VARCHAR NOT NULL,
    PRIMARY KEY (la_code, measure_code, financial_year)
);

COMMENT ON TABLE outcome_measure IS 'The Office for Local Government''s adult social care measures (7 measures, 2015-16 to 2022-23), one row per council, measure and financial year as published. Each year has the councils of that year: those since abolished (Bournemouth, Poole and Dorset CC in 2019, Buckinghamshire CC in 2020, Northamptonshire in 2021, Cumbria, North Yorkshire CC and Somerset CC in 2023) keep their own codes (council_current FALSE) and are not joined to the councils that replaced them.';
COMMENT ON COLUMN outcome_measure.la_code IS 'ONS GSS code (2025) of the council: Barnsley and Sheffield mapped from their pre-2025 codes; a council since abolished keeps its own code, which no local_authority row has.';
COMMENT ON COLUMN outcome_measure.published_la_code IS 'The GSS code as Oflog published it.';
COMMENT ON COLUMN outcome_measure.la_name_published IS 'The council name as Oflog published it (e.g. ''Kingston Upon Hull'').';
COMMENT ON COLUMN outcome_measure.council_current IS 'TRUE when la_code is one of the 153 current councils; FALSE for the eight abolished since 2019 (Bournemouth, Poole, Dorset CC, Buckinghamshire CC, Northamptonshire, Cumbria, North Yorkshire CC, Somerset CC).';
COMMENT ON COLUMN outcome_measure.measure_code IS 'Oflog''s code of the measure, ASC1-ASC7.';
COMMENT ON COLUMN outcome_measure.measure_name IS 'The measure as Oflog names it, e.g. ''Outcome, ASC Carer Quality of Life''.';
COMMENT ON COLUMN outcome_measure.higher_is_better IS 'TRUE where Oflog ranks the measure highest first (ASC1-ASC5); NULL where it gives no direction (ASC6 requests resulting in a service, ASC7 workforce turnover).';
COMMENT ON COLUMN outcome_measure.financial_year IS 'Financial year, e.g. ''2022-23''.';
COMMENT ON COLUMN outcome_measure.value IS 'The value as published; NULL where Oflog publishes the row without one (suppressed or not collected).';
COMMENT ON COLUMN outcome_measure.source IS 'Where the figures come from: repository, file and commit.';
COMMENT ON COLUMN outcome_measure.licence IS 'Licence of the source data (Open Government Licence v3.0).';

CREATE TABLE IF NOT EXISTS council_neighbour_import (
    la_code VARCHAR NOT NULL,
    neighbour_la_code VARCHAR NOT NULL CHECK (neighbour_la_code <> la_code),
    rank INTEGER NOT NULL CHECK (rank >= 1),
    source VARCHAR NOT NULL,
    PRIMARY KEY (la_code, rank),
    UNIQUE (la_code, neighbour_la_code)
);

COMMENT ON TABLE council_neighbour_import IS 'Comparator lists a user holds (e.g. CIPFA''s nearest neighbours, under its licence), loaded by `cqc neighbours --import FILE.csv`. For every council it covers, council_neighbour takes this list instead of the computed one. Never touched by an ingest or a refresh.';
COMMENT ON COLUMN council_neighbour_import.la_code IS 'ONS GSS code (2025) of the council the list is for; references local_authority.la_code.';
COMMENT ON COLUMN council_neighbour_import.neighbour_la_code IS 'ONS GSS code (2025) of one of its comparators.';
COMMENT ON COLUMN council_neighbour_import.rank IS 'The comparator''s rank in the list, 1 = nearest.';
COMMENT ON COLUMN council_neighbour_import.source IS 'The name of the file the list was imported from.';

-- Each council's current formal assessment beside its latest published value of each Oflog
-- measure: 153 councils x 7 measures. Abolished councils are not in it (see outcome_measure).
CREATE OR REPLACE VIEW council_outcome AS
WITH latest AS (
    SELECT * FROM outcome_measure
    WHERE value IS NOT NULL AND council_current
    QUALIFY row_number() OVER (
        PARTITION BY la_code, measure_code ORDER BY financial_year DESC
    ) = 1
),
measures AS (
    SELECT measure_code, any_value(measure_name) AS measure_name,
           any_value(higher_is_better) AS higher_is_better
    FROM outcome_measure GROUP BY measure_code
)
SELECT
    la.la_code,
    la.name AS council,
    la.region,
    la.la_type,
    f.assessment_id,
    f.overall_rating,
    f.overall_score_pct,
    m.measure_code,
    m.measure_name,
    m.higher_is_better,
    l.financial_year,
    l.value
FROM local_authority AS la
CROSS JOIN measures AS m
LEFT JOIN latest_formal_assessment AS f ON f.la_code = la.la_code
LEFT JOIN latest AS l ON l.la_code = la.la_code AND l.measure_code = m.measure_code;

COMMENT ON VIEW council_outcome IS 'Each of the 153 councils'' latest formal assessment (NULL when not assessed yet) beside its latest published value of each Oflog adult social care measure (NULL when it has none: the councils created in April 2023 have no Oflog data, and their predecessors'' figures are not carried over). One row per council and measure.';
COMMENT ON COLUMN council_outcome.la_code IS 'ONS GSS code (2025) of the council.';
COMMENT ON COLUMN council_outcome.council IS 'ONS name of the council.';
COMMENT ON COLUMN council_outcome.region IS 'ONS region of the council.';
COMMENT ON COLUMN council_outcome.la_type IS 'county | unitary | metropolitan district | London borough.';
COMMENT ON COLUMN council_outcome.assessment_id IS 'The council''s latest formal assessment (latest_formal_assessment); NULL if none is loaded.';
COMMENT ON COLUMN council_outcome.overall_rating IS 'Overall rating of that assessment.';
COMMENT ON COLUMN council_outcome.overall_score_pct IS 'Overall score of that assessment, in percent.';
COMMENT ON COLUMN council_outcome.measure_code IS 'Oflog''s code of the measure, ASC1-ASC7.';
COMMENT ON COLUMN council_outcome.measure_name IS 'The measure as Oflog names it.';
COMMENT ON COLUMN council_outcome.higher_is_better IS 'As outcome_measure.higher_is_better.';
COMMENT ON COLUMN council_outcome.financial_year IS 'The latest financial year with a published value for this council and measure; NULL when there is none.';
COMMENT ON COLUMN council_outcome.value IS 'The value in that year; NULL when the council has none.';
