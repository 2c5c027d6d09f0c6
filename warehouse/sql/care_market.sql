-- The local care market: CQC's register of care locations, month by month (issue 21).
--
-- Loaded by `cqc providers` from CQC's monthly provider files (or its API), as of a month, so
-- history is kept: a month loaded again from the same bytes changes nothing, a month loaded
-- from new bytes replaces that month, and every other month stays. council_care_market is
-- derived from care_location (warehouse/sql/care_market/council_care_market.sql) and rebuilt
-- in the same transaction as every load.

CREATE TABLE IF NOT EXISTS care_location (
    as_of_month DATE NOT NULL,
    location_id VARCHAR NOT NULL,
    location_name VARCHAR,
    provider_id VARCHAR NOT NULL,
    provider_name VARCHAR,
    brand_name VARCHAR,
    la_name_cqc VARCHAR NOT NULL,
    la_code VARCHAR,
    location_type VARCHAR,
    inspection_directorate VARCHAR,
    adult_social_care BOOLEAN NOT NULL,
    care_home BOOLEAN NOT NULL,
    beds INTEGER CHECK (beds >= 0),
    service_types VARCHAR[] NOT NULL,
    user_bands VARCHAR[] NOT NULL,
    dormant BOOLEAN NOT NULL,
    overall_rating VARCHAR CHECK (overall_rating IN (
        'Outstanding', 'Good', 'Requires improvement', 'Inadequate', 'Not rated'
    )),
    overall_rating_published VARCHAR,
    rated_on DATE,
    inherited BOOLEAN,
    source VARCHAR NOT NULL CHECK (source IN ('file', 'api')),
    source_url VARCHAR NOT NULL,
    PRIMARY KEY (as_of_month, location_id)
);

COMMENT ON TABLE care_location IS 'Every registered care location CQC lists, as of each month (CQC''s monthly active-locations file, or its API): provider, council, type, beds, services and latest overall rating. One row per month and location; history is kept month by month.';
COMMENT ON COLUMN care_location.as_of_month IS 'First day of the month the figures describe: from the file''s name or link (01_September_2026_... gives 2026-09-01), cqc providers import --month, or the month an API fetch ran.';
COMMENT ON COLUMN care_location.location_id IS 'CQC location ID, e.g. ''1-1000210669''. With as_of_month, the primary key.';
COMMENT ON COLUMN care_location.location_name IS 'Location name as CQC gives it; NULL when the file has no name column.';
COMMENT ON COLUMN care_location.provider_id IS 'CQC provider ID of the organisation that runs the location.';
COMMENT ON COLUMN care_location.provider_name IS 'Provider name as CQC gives it; NULL when the source has none (the API''s location record names only the provider ID).';
COMMENT ON COLUMN care_location.brand_name IS 'Brand (group of providers) name; NULL when CQC writes ''-'' or nothing.';
COMMENT ON COLUMN care_location.la_name_cqc IS 'The council as CQC names it ("Location Local Authority"), e.g. ''Stoke-on-Trent'', ''Bristol, City of''.';
COMMENT ON COLUMN care_location.la_code IS 'That council''s 2025 ONS code (references local_authority.la_code); NULL when the name matches none of the 153 councils: a parse_issue (stage match) names each such council, and its rows stay here.';
COMMENT ON COLUMN care_location.location_type IS 'CQC''s "Location Type/Sector", e.g. ''Social Care Org'', ''Primary Medical Services''.';
COMMENT ON COLUMN care_location.inspection_directorate IS 'CQC''s "Location Inspection Directorate", e.g. ''Adult social care''; NULL when the source has no such column.';
COMMENT ON COLUMN care_location.adult_social_care IS 'TRUE when the location is in adult social care, the market a council commissions: its directorate is Adult social care, or (no directorate given) its type is Social Care Org. Only these count in council_care_market.';
COMMENT ON COLUMN care_location.care_home IS 'TRUE for a care home (CQC''s "Care home?" Y).';
COMMENT ON COLUMN care_location.beds IS 'Care home beds ("Care homes beds"); NULL when not given (every location that is no care home).';
COMMENT ON COLUMN care_location.service_types IS 'The service types it is registered for (its "Service type - ..." columns marked Y), e.g. [''Care home service with nursing''].';
COMMENT ON COLUMN care_location.user_bands IS 'The service user bands it is registered for ("Service user band - ..." marked Y), e.g. [''Older People'', ''Dementia''].';
COMMENT ON COLUMN care_location.dormant IS 'TRUE when CQC marks the location dormant (registered, but providing no care). Dormant locations count in no council_care_market figure but dormant_locations.';
COMMENT ON COLUMN care_location.overall_rating IS 'Latest overall rating: Outstanding | Good | Requires improvement | Inadequate | Not rated (CQC''s "Not Rated" and "Not rated yet"; multi-service adult social care locations have been shown Not rated since 2026, their ratings per service being in care_location_rating); NULL when the cell is empty or holds a word CQC does not use (then overall_rating_published keeps it and a parse_issue names it).';
COMMENT ON COLUMN care_location.overall_rating_published IS 'The rating cell exactly as published.';
COMMENT ON COLUMN care_location.rated_on IS 'Publication date of that rating.';
COMMENT ON COLUMN care_location.inherited IS 'TRUE when the overall rating was inherited from a previous provider (the ratings file''s Overall/Overall row); NULL when that month''s ratings file was not loaded.';
COMMENT ON COLUMN care_location.source IS '''file'' (CQC''s monthly active-locations file) or ''api'' (CQC''s public API).';
COMMENT ON COLUMN care_location.source_url IS 'The file''s URL (file:<name> for cqc providers import), or the API request the location was read from.';

CREATE TABLE IF NOT EXISTS care_location_rating (
    as_of_month DATE NOT NULL,
    location_id VARCHAR NOT NULL,
    service_group VARCHAR NOT NULL,
    key_question VARCHAR NOT NULL,
    rating VARCHAR CHECK (rating IN (
        'Outstanding', 'Good', 'Requires improvement', 'Inadequate', 'Not rated'
    )),
    rating_published VARCHAR,
    published_on DATE,
    report_type VARCHAR,
    inherited BOOLEAN,
    location_name VARCHAR,
    provider_id VARCHAR NOT NULL,
    la_name_cqc VARCHAR NOT NULL,
    la_code VARCHAR,
    care_home BOOLEAN NOT NULL,
    location_type VARCHAR,
    PRIMARY KEY (as_of_month, location_id, service_group, key_question)
);

COMMENT ON TABLE care_location_rating IS 'CQC''s latest ratings in long form, as of each month (its monthly Latest_ratings file): one row per month, location, service or population group, and key question.';
COMMENT ON COLUMN care_location_rating.as_of_month IS 'First day of the month the file describes, as care_location.as_of_month.';
COMMENT ON COLUMN care_location_rating.location_id IS 'CQC location ID (references care_location.location_id in the same month, when that month''s active-locations file was loaded).';
COMMENT ON COLUMN care_location_rating.service_group IS 'CQC''s "Service / Population Group": ''Overall'' for the location as a whole, else a service (e.g. ''Domiciliary care'') or population group.';
COMMENT ON COLUMN care_location_rating.key_question IS 'CQC''s "Domain": Overall | Safe | Effective | Caring | Responsive | Well-led.';
COMMENT ON COLUMN care_location_rating.rating IS 'Outstanding | Good | Requires improvement | Inadequate | Not rated; NULL when the cell holds a word CQC does not use (rating_published keeps it; a parse_issue names it).';
COMMENT ON COLUMN care_location_rating.rating_published IS 'The rating cell exactly as published.';
COMMENT ON COLUMN care_location_rating.published_on IS 'Publication date of the rating.';
COMMENT ON COLUMN care_location_rating.report_type IS 'CQC''s "Report Type", e.g. ''Location''.';
COMMENT ON COLUMN care_location_rating.inherited IS 'TRUE when the rating was inherited from a previous provider ("Inherited Rating (Y/N)").';
COMMENT ON COLUMN care_location_rating.location_name IS 'Location name as the ratings file gives it.';
COMMENT ON COLUMN care_location_rating.provider_id IS 'CQC provider ID.';
COMMENT ON COLUMN care_location_rating.la_name_cqc IS 'The council as CQC names it.';
COMMENT ON COLUMN care_location_rating.la_code IS 'Its 2025 ONS code; NULL when unmatched (a parse_issue names it).';
COMMENT ON COLUMN care_location_rating.care_home IS 'TRUE for a care home ("Care Home?" Y).';
COMMENT ON COLUMN care_location_rating.location_type IS 'CQC''s "Location Type".';

CREATE TABLE IF NOT EXISTS care_source (
    as_of_month DATE NOT NULL,
    kind VARCHAR NOT NULL CHECK (kind IN ('active_locations', 'latest_ratings', 'api')),
    part VARCHAR NOT NULL,
    url VARCHAR NOT NULL,
    sha256 VARCHAR NOT NULL,
    file_format VARCHAR,
    sheet VARCHAR,
    header_row INTEGER,
    rows_read INTEGER NOT NULL CHECK (rows_read >= 0),
    rows_loaded INTEGER NOT NULL CHECK (rows_loaded >= 0),
    issues INTEGER NOT NULL CHECK (issues >= 0),
    run_id INTEGER,
    PRIMARY KEY (as_of_month, kind, part)
);

COMMENT ON TABLE care_source IS 'STATE: what each month''s care_location and care_location_rating rows were loaded from: one row per month and file (or per month and council for the API). The same bytes for the same month are not loaded twice.';
COMMENT ON COLUMN care_source.as_of_month IS 'The month the rows describe.';
COMMENT ON COLUMN care_source.kind IS 'active_locations (-> care_location) | latest_ratings (-> care_location_rating) | api (-> care_location, one council''s locations from CQC''s API).';
COMMENT ON COLUMN care_source.part IS '''all'' for a file; the council''s la_code for an API fetch.';
COMMENT ON COLUMN care_source.url IS 'The file''s URL (file:<name> when imported from disk), or the API''s first request for the council.';
COMMENT ON COLUMN care_source.sha256 IS 'SHA-256 of the file''s bytes (for the API: of the location records read, in order); the raw bytes are in the WARC archive when fetched.';
COMMENT ON COLUMN care_source.file_format IS 'ods | xlsx | csv (told from the bytes, not the name); json for the API.';
COMMENT ON COLUMN care_source.sheet IS 'The sheet the rows were read from.';
COMMENT ON COLUMN care_source.header_row IS 'The 1-based row the header was found on (found by its columns: the active-locations file has a notice above it).';
COMMENT ON COLUMN care_source.rows_read IS 'Data rows read after the header.';
COMMENT ON COLUMN care_source.rows_loaded IS 'Rows loaded (a row without a location ID cannot be; see parse_issue).';
COMMENT ON COLUMN care_source.issues IS 'Problems met reading it (unmatched councils, unknown rating words, values that are no number or date): each in parse_issue under the slug providers:<month>:<kind>.';
COMMENT ON COLUMN care_source.run_id IS 'The providers run that loaded it (ingest_run.run_id); NULL when loaded outside a run.';

CREATE TABLE IF NOT EXISTS council_care_market (
    la_code VARCHAR NOT NULL,
    as_of_month DATE NOT NULL,
    locations INTEGER NOT NULL,
    care_homes INTEGER NOT NULL,
    care_home_beds INTEGER NOT NULL,
    nursing_homes INTEGER NOT NULL,
    home_care_locations INTEGER NOT NULL,
    dormant_locations INTEGER NOT NULL,
    rated INTEGER NOT NULL,
    outstanding INTEGER NOT NULL,
    good INTEGER NOT NULL,
    requires_improvement INTEGER NOT NULL,
    inadequate INTEGER NOT NULL,
    not_rated INTEGER NOT NULL,
    good_or_outstanding_pct DOUBLE,
    beds_rated INTEGER NOT NULL,
    beds_good_or_outstanding_pct DOUBLE,
    region_good_or_outstanding_pct DOUBLE,
    region_beds_good_or_outstanding_pct DOUBLE,
    england_good_or_outstanding_pct DOUBLE,
    england_beds_good_or_outstanding_pct DOUBLE,
    good_or_outstanding_pct_12m_change DOUBLE,
    beds_good_or_outstanding_pct_12m_change DOUBLE,
    PRIMARY KEY (la_code, as_of_month)
);

COMMENT ON TABLE council_care_market IS 'Each council''s adult social care market as of each month, from care_location: locations and beds by type, the share rated Good or Outstanding (by count and by care home beds) beside its region''s and England''s, and the change from 12 months before. One row per council and month held. Rebuilt with every providers load.';
COMMENT ON COLUMN council_care_market.la_code IS 'References local_authority.la_code.';
COMMENT ON COLUMN council_care_market.as_of_month IS 'The month (first day), as care_location.as_of_month.';
COMMENT ON COLUMN council_care_market.locations IS 'Adult social care locations in the council''s area that are not dormant.';
COMMENT ON COLUMN council_care_market.care_homes IS 'Of those, care homes.';
COMMENT ON COLUMN council_care_market.care_home_beds IS 'Beds in those care homes (a care home with no beds figure adds 0).';
COMMENT ON COLUMN council_care_market.nursing_homes IS 'Care homes registered for "Care home service with nursing".';
COMMENT ON COLUMN council_care_market.home_care_locations IS 'Locations registered for "Domiciliary care service" (home care).';
COMMENT ON COLUMN council_care_market.dormant_locations IS 'Adult social care locations CQC marks dormant (counted in no other column).';
COMMENT ON COLUMN council_care_market.rated IS 'Locations with an overall rating of Outstanding, Good, Requires improvement or Inadequate.';
COMMENT ON COLUMN council_care_market.outstanding IS 'Locations rated Outstanding overall.';
COMMENT ON COLUMN council_care_market.good IS 'Locations rated Good overall.';
COMMENT ON COLUMN council_care_market.requires_improvement IS 'Locations rated Requires improvement overall.';
COMMENT ON COLUMN council_care_market.inadequate IS 'Locations rated Inadequate overall.';
COMMENT ON COLUMN council_care_market.not_rated IS 'Locations with no overall rating: Not rated (new, or multi-service since 2026) or an empty or unreadable rating cell.';
COMMENT ON COLUMN council_care_market.good_or_outstanding_pct IS '100 x (outstanding + good) / rated, 1 decimal place; NULL when none is rated.';
COMMENT ON COLUMN council_care_market.beds_rated IS 'Care home beds in rated care homes.';
COMMENT ON COLUMN council_care_market.beds_good_or_outstanding_pct IS '100 x beds in care homes rated Good or Outstanding / beds_rated, 1 decimal place; NULL when no bed is rated.';
COMMENT ON COLUMN council_care_market.region_good_or_outstanding_pct IS 'The same share over every council of its region (local_authority.region) that month, pooled (locations, not a mean of councils).';
COMMENT ON COLUMN council_care_market.region_beds_good_or_outstanding_pct IS 'The beds share over its region, pooled.';
COMMENT ON COLUMN council_care_market.england_good_or_outstanding_pct IS 'The share over every location matched to one of the 153 councils that month, pooled (locations whose council matched none are left out: see care_location.la_code).';
COMMENT ON COLUMN council_care_market.england_beds_good_or_outstanding_pct IS 'The beds share over England, pooled, as england_good_or_outstanding_pct.';
COMMENT ON COLUMN council_care_market.good_or_outstanding_pct_12m_change IS 'good_or_outstanding_pct minus the council''s figure as of 12 months before, in percentage points; NULL when that month is not held.';
COMMENT ON COLUMN council_care_market.beds_good_or_outstanding_pct_12m_change IS 'The same change for beds_good_or_outstanding_pct.';
