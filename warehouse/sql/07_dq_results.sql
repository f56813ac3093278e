-- One row per data-quality finding of a run (expectations.validate), plus one per quarantined file.
CREATE SEQUENCE IF NOT EXISTS dq_finding_id START 1;
CREATE TABLE IF NOT EXISTS dq_results (
    run_id        VARCHAR NOT NULL,
    doc_id        VARCHAR NOT NULL,
    evaluation_no INTEGER,
    indicator_no  INTEGER,
    line_no       INTEGER,
    rule          VARCHAR NOT NULL,
    severity      VARCHAR NOT NULL CHECK (severity IN ('error', 'warning')),
    observed      VARCHAR,
    expected      VARCHAR,
    message       VARCHAR,
    page          INTEGER,
    x0 DOUBLE, y0 DOUBLE, x1 DOUBLE, y1 DOUBLE,
    finding_id    BIGINT DEFAULT nextval('dq_finding_id')
);
COMMENT ON TABLE dq_results IS 'data-quality findings per run';
COMMENT ON COLUMN dq_results.run_id IS 'runs.run_id';
COMMENT ON COLUMN dq_results.doc_id IS 'documents.sha256';
COMMENT ON COLUMN dq_results.evaluation_no IS 'the evaluation the finding is about, if any';
COMMENT ON COLUMN dq_results.indicator_no IS 'the indicator the finding is about, if any';
COMMENT ON COLUMN dq_results.line_no IS 'the budget line the finding is about, if any';
COMMENT ON COLUMN dq_results.rule IS 'check name (document_quarantined for a file that could not be loaded)';
COMMENT ON COLUMN dq_results.severity IS 'error | warning';
COMMENT ON COLUMN dq_results.observed IS 'value found';
COMMENT ON COLUMN dq_results.expected IS 'value the rule expects';
COMMENT ON COLUMN dq_results.message IS 'explanation';
COMMENT ON COLUMN dq_results.page IS '1-based page of the offending cell';
COMMENT ON COLUMN dq_results.x0 IS 'cell bbox left, PDF points from bottom-left';
COMMENT ON COLUMN dq_results.y0 IS 'cell bbox bottom';
COMMENT ON COLUMN dq_results.x1 IS 'cell bbox right';
COMMENT ON COLUMN dq_results.y1 IS 'cell bbox top';
COMMENT ON COLUMN dq_results.finding_id IS 'number of the finding (jixiao findings shows it)';
