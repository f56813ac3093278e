-- 005: findings an auditor can trust (issue 15): where an evaluation's 总分 and grade are printed, its
-- grade, findings of severity 'reading' with an English message beside the Chinese one, and the
-- auditor's acknowledgements (dq_acks).
ALTER TABLE evaluations ADD COLUMN grade VARCHAR;
ALTER TABLE evaluations ADD COLUMN total_page INTEGER;
ALTER TABLE evaluations ADD COLUMN total_x0 DOUBLE;
ALTER TABLE evaluations ADD COLUMN total_y0 DOUBLE;
ALTER TABLE evaluations ADD COLUMN total_x1 DOUBLE;
ALTER TABLE evaluations ADD COLUMN total_y1 DOUBLE;
ALTER TABLE evaluations ADD COLUMN grade_page INTEGER;
ALTER TABLE evaluations ADD COLUMN grade_x0 DOUBLE;
ALTER TABLE evaluations ADD COLUMN grade_y0 DOUBLE;
ALTER TABLE evaluations ADD COLUMN grade_x1 DOUBLE;
ALTER TABLE evaluations ADD COLUMN grade_y1 DOUBLE;
-- DuckDB cannot alter a CHECK constraint: dq_results is rebuilt with 'reading' allowed, its ids kept.
CREATE TABLE dq_results_005 AS SELECT * FROM dq_results;
DROP VIEW IF EXISTS v_dq_findings;
DROP TABLE dq_results;
CREATE TABLE dq_results (
    run_id        VARCHAR NOT NULL,
    doc_id        VARCHAR NOT NULL,
    evaluation_no INTEGER,
    indicator_no  INTEGER,
    line_no       INTEGER,
    rule          VARCHAR NOT NULL,
    severity      VARCHAR NOT NULL CHECK (severity IN ('error', 'warning', 'reading')),
    observed      VARCHAR,
    expected      VARCHAR,
    message       VARCHAR,
    page          INTEGER,
    x0 DOUBLE, y0 DOUBLE, x1 DOUBLE, y1 DOUBLE,
    finding_id    BIGINT DEFAULT nextval('dq_finding_id'),
    message_en    VARCHAR
);
INSERT INTO dq_results BY NAME SELECT * FROM dq_results_005;
DROP TABLE dq_results_005;
CREATE TABLE IF NOT EXISTS dq_acks (
    doc_id        VARCHAR NOT NULL,
    evaluation_no INTEGER,
    indicator_no  INTEGER,
    line_no       INTEGER,
    rule          VARCHAR NOT NULL,
    finding_id    BIGINT NOT NULL,
    note          VARCHAR NOT NULL,
    acked_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
