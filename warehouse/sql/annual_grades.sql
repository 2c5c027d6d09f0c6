-- CQC's annual performance assessments of councils' adult social care, 2008-10: the grades
-- before the Care Act assessments. Safe on every connection: every statement is idempotent.
--
-- Two kinds of row, told apart by `origin`: 'reference' rows come from
-- warehouse/reference/annual_performance_assessment.csv and are replaced from it at every
-- benchmark refresh (warehouse.reference_data); 'import' rows are written only by
-- `cqc history import FILE` (warehouse.annual_grades) and no refresh touches them. An
-- imported row for a council and year the reference file also holds wins: the reference row
-- is not loaded beside it.

CREATE TABLE IF NOT EXISTS annual_performance_assessment (
    la_code VARCHAR NOT NULL,
    la_name_published VARCHAR NOT NULL,
    year VARCHAR NOT NULL CHECK (regexp_full_match(year, '[0-9]{4}/[0-9]{2}')),
    overall_grade VARCHAR NOT NULL CHECK (overall_grade IN (
        'Performing poorly', 'Performing adequately', 'Performing well', 'Performing excellently'
    )),
    improved_health_and_wellbeing VARCHAR CHECK (improved_health_and_wellbeing IN (
        'Performing poorly', 'Performing adequately', 'Performing well', 'Performing excellently'
    )),
    improved_quality_of_life VARCHAR CHECK (improved_quality_of_life IN (
        'Performing poorly', 'Performing adequately', 'Performing well', 'Performing excellently'
    )),
    making_positive_contribution VARCHAR CHECK (making_positive_contribution IN (
        'Performing poorly', 'Performing adequately', 'Performing well', 'Performing excellently'
    )),
    increased_choice_and_control VARCHAR CHECK (increased_choice_and_control IN (
        'Performing poorly', 'Performing adequately', 'Performing well', 'Performing excellently'
    )),
    freedom_from_discrimination VARCHAR CHECK (freedom_from_discrimination IN (
        'Performing poorly', 'Performing adequately', 'Performing well', 'Performing excellently'
    )),
    economic_wellbeing VARCHAR CHECK (economic_wellbeing IN (
        'Performing poorly', 'Performing adequately', 'Performing well', 'Performing excellently'
    )),
    personal_dignity_and_respect VARCHAR CHECK (personal_dignity_and_respect IN (
        'Performing poorly', 'Performing adequately', 'Performing well', 'Performing excellently'
    )),
    source VARCHAR NOT NULL,
    provenance VARCHAR NOT NULL,
    origin VARCHAR NOT NULL CHECK (origin IN ('reference', 'import')),
    PRIMARY KEY (la_code, year)
);

COMMENT ON TABLE annual_performance_assessment IS 'CQC''s annual performance assessment of a council''s adult social care (the grades before the Care Act assessments, published each November until 2010): an overall grade and seven outcome grades, each Performing poorly | adequately | well | excellently. One row per council and year. The project ships only the rows a published source gives (reference/annual_performance_assessment.csv: Birmingham 2009/10); `cqc history import FILE` loads the full tables a user holds.';
COMMENT ON COLUMN annual_performance_assessment.la_code IS 'ONS GSS code (2025) of the council; references local_authority.la_code. A council abolished since (e.g. Bedfordshire County Council) has no row.';
COMMENT ON COLUMN annual_performance_assessment.la_name_published IS 'The council''s name as the source gives it, e.g. ''Birmingham City Council''.';
COMMENT ON COLUMN annual_performance_assessment.year IS 'The year assessed, April to March, written ''2009/10''. Primary key with la_code.';
COMMENT ON COLUMN annual_performance_assessment.overall_grade IS 'The overall grade: Performing poorly | Performing adequately | Performing well | Performing excellently (stored in this spelling whatever the source wrote: ''Well'', ''excellent'').';
COMMENT ON COLUMN annual_performance_assessment.improved_health_and_wellbeing IS 'Outcome grade, "Improved health and emotional well-being" (same four steps as overall_grade); NULL where the source gives none.';
COMMENT ON COLUMN annual_performance_assessment.improved_quality_of_life IS 'Outcome grade, "Improved quality of life"; NULL where the source gives none.';
COMMENT ON COLUMN annual_performance_assessment.making_positive_contribution IS 'Outcome grade, "Making a positive contribution"; NULL where the source gives none.';
COMMENT ON COLUMN annual_performance_assessment.increased_choice_and_control IS 'Outcome grade, "Increased choice and control"; NULL where the source gives none.';
COMMENT ON COLUMN annual_performance_assessment.freedom_from_discrimination IS 'Outcome grade, "Freedom from discrimination and harassment"; NULL where the source gives none.';
COMMENT ON COLUMN annual_performance_assessment.economic_wellbeing IS 'Outcome grade, "Economic well-being"; NULL where the source gives none.';
COMMENT ON COLUMN annual_performance_assessment.personal_dignity_and_respect IS 'Outcome grade, "Maintaining personal dignity and respect"; NULL where the source gives none.';
COMMENT ON COLUMN annual_performance_assessment.source IS 'Where the grades come from: the publication (reference rows) or the imported file''s source column, else its file name.';
COMMENT ON COLUMN annual_performance_assessment.provenance IS 'How the row was read: what the source said word for word where the grades are derived from it (reference rows), or which file `cqc history import` read it from.';
COMMENT ON COLUMN annual_performance_assessment.origin IS '''reference'' (shipped with the project, replaced at every benchmark refresh) or ''import'' (written by `cqc history import`, never touched by a refresh; it wins over a reference row for the same council and year).';
