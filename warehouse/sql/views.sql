-- Warehouse views. Safe to run on every connection: every statement is CREATE OR REPLACE.
--
-- latest_formal_assessment is what every benchmark is built on (see benchmarks.sql): it never
-- shows an indicative (pilot) assessment, and each council appears at most once, with its
-- latest formal report.

CREATE OR REPLACE VIEW latest_formal_assessment AS
SELECT * EXCLUDE (recency)
FROM (
    SELECT
        a.*,
        row_number() OVER (
            PARTITION BY a.la_code
            ORDER BY a.published_on DESC NULLS LAST, a.assessment_id DESC
        ) AS recency
    FROM assessment AS a
    WHERE NOT a.indicative AND NOT coalesce(a.withdrawn, FALSE)
)
WHERE recency = 1;

COMMENT ON VIEW latest_formal_assessment IS 'Each council''s latest formal (non-indicative) assessment by published_on: the assessment columns, one row per assessed council. Pilots and withdrawn reports are left out.';
COMMENT ON COLUMN latest_formal_assessment.assessment_id IS 'As assessment.assessment_id (the report slug).';
COMMENT ON COLUMN latest_formal_assessment.la_code IS 'As assessment.la_code; unique in this view.';
COMMENT ON COLUMN latest_formal_assessment.slug IS 'As assessment.slug.';
COMMENT ON COLUMN latest_formal_assessment.report_url IS 'As assessment.report_url.';
COMMENT ON COLUMN latest_formal_assessment.la_name_published IS 'As assessment.la_name_published.';
COMMENT ON COLUMN latest_formal_assessment.assessment_kind IS 'As assessment.assessment_kind.';
COMMENT ON COLUMN latest_formal_assessment.indicative IS 'As assessment.indicative; always FALSE here.';
COMMENT ON COLUMN latest_formal_assessment.published_on IS 'As assessment.published_on; the latest of the council''s formal reports.';
COMMENT ON COLUMN latest_formal_assessment.page_last_updated IS 'As assessment.page_last_updated.';
COMMENT ON COLUMN latest_formal_assessment.overall_rating IS 'As assessment.overall_rating.';
COMMENT ON COLUMN latest_formal_assessment.overall_score_pct IS 'As assessment.overall_score_pct.';
COMMENT ON COLUMN latest_formal_assessment.score_total IS 'As assessment.score_total.';
COMMENT ON COLUMN latest_formal_assessment.people_experience IS 'As assessment.people_experience.';
COMMENT ON COLUMN latest_formal_assessment.parser_version IS 'As assessment.parser_version.';
COMMENT ON COLUMN latest_formal_assessment.withdrawn IS 'As assessment.withdrawn; always FALSE here.';

-- The nine statement scores of an assessment side by side: the one place the nine score
-- columns are named. league_table and pilot_assessment take them from here, and
-- council_type_benchmark averages whatever columns match qsN_ (warehouse/sql/benchmarks/).
-- Column comments of those tables are written from this view's (warehouse.db).
CREATE OR REPLACE VIEW statement_scores AS
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
GROUP BY assessment_id;

COMMENT ON VIEW statement_scores IS 'One row per assessment with its nine quality statement scores as columns (NULL where a statement has no score).';
COMMENT ON COLUMN statement_scores.assessment_id IS 'The assessment (its slug); references assessment.assessment_id.';
COMMENT ON COLUMN statement_scores.qs1_assessing_needs IS 'Score (1-4) of quality statement 1, Assessing needs (theme Working with people).';
COMMENT ON COLUMN statement_scores.qs2_healthier_lives IS 'Score (1-4) of quality statement 2, Supporting people to live healthier lives (Working with people).';
COMMENT ON COLUMN statement_scores.qs3_equity IS 'Score (1-4) of quality statement 3, Equity in experience and outcomes (Working with people).';
COMMENT ON COLUMN statement_scores.qs4_care_provision IS 'Score (1-4) of quality statement 4, Care provision, integration and continuity (Providing support).';
COMMENT ON COLUMN statement_scores.qs5_partnerships IS 'Score (1-4) of quality statement 5, Partnerships and communities (Providing support).';
COMMENT ON COLUMN statement_scores.qs6_safe_systems IS 'Score (1-4) of quality statement 6, Safe systems, pathways and transitions (Ensuring safety within the system).';
COMMENT ON COLUMN statement_scores.qs7_safeguarding IS 'Score (1-4) of quality statement 7, Safeguarding (Ensuring safety within the system).';
COMMENT ON COLUMN statement_scores.qs8_governance IS 'Score (1-4) of quality statement 8, Governance, management and sustainability (Leadership).';
COMMENT ON COLUMN statement_scores.qs9_learning IS 'Score (1-4) of quality statement 9, Learning, improvement and innovation (Leadership).';

-- Per report, which facts came from which source and which are missing; reports that did not
-- load at all, with why. Facts a report should have: its council, dates, rating, % (formal
-- reports), each statement's score and texts, people's experiences, demographics, finance.
CREATE OR REPLACE VIEW report_coverage AS
WITH expected(fact, fact_order) AS (
    SELECT * FROM (VALUES
        ('la_name', 1), ('published_on', 2), ('overall_rating', 3), ('overall_score_pct', 4),
        ('people_experience', 5), ('demographics', 6), ('financial_facts', 7)
    )
    UNION ALL
    SELECT 'qs' || n || '.' || part, 10 + 2 * n + (part = 'texts')::INTEGER
    FROM range(1, 10) AS r(n), (VALUES ('score'), ('texts')) AS p(part)
)
SELECT
    a.assessment_id,
    e.fact,
    CASE
        WHEN f.fact IS NOT NULL THEN 'found'
        WHEN e.fact = 'overall_score_pct' AND a.indicative THEN 'not published (pilot)'
        ELSE 'missing'
    END AS status,
    f.source_url,
    f.page_kind,
    f.pdf_page,
    f.read_from,
    e.fact_order
FROM assessment a
CROSS JOIN expected e
LEFT JOIN fact_source f ON f.assessment_id = a.assessment_id AND f.fact = e.fact
UNION ALL
SELECT
    i.slug AS assessment_id,
    'report' AS fact,
    'not loaded' AS status,
    any_value(i.url) AS source_url,
    NULL AS page_kind,
    NULL AS pdf_page,
    string_agg(i.stage || ': ' || i.reason, '; ' ORDER BY i.stage, i.reason) AS read_from,
    0 AS fact_order
FROM parse_issue i
WHERE i.blocking AND i.slug NOT IN (SELECT assessment_id FROM assessment)
GROUP BY i.slug;

COMMENT ON VIEW report_coverage IS 'Per loaded report and expected fact (council, dates, rating, %, each statement''s score and texts, people''s experiences, demographics, finance): found (with the page or PDF page and the text it was read from), missing, or not published (a pilot''s %); and each report that did not load, with the blocking reasons. Order by assessment_id, fact_order.';
COMMENT ON COLUMN report_coverage.assessment_id IS 'The report (its slug); references assessment.assessment_id when it loaded.';
COMMENT ON COLUMN report_coverage.fact IS 'la_name | published_on | overall_rating | overall_score_pct | people_experience | demographics | financial_facts | qsN.score | qsN.texts; ''report'' for a report that did not load.';
COMMENT ON COLUMN report_coverage.status IS 'found | missing | not published (pilot) (a pilot has no %) | not loaded.';
COMMENT ON COLUMN report_coverage.source_url IS 'The page or PDF the fact was read from; for a report not loaded, a URL its issues name.';
COMMENT ON COLUMN report_coverage.page_kind IS 'What that page was read as (about, summary, quality_statement, statements, report_pdf, other).';
COMMENT ON COLUMN report_coverage.pdf_page IS 'The PDF page (1-based) when the fact came from the report PDF.';
COMMENT ON COLUMN report_coverage.read_from IS 'The text the fact was read from; for a report not loaded, its blocking reasons.';
COMMENT ON COLUMN report_coverage.fact_order IS 'The facts in report order (0 for a report not loaded).';
