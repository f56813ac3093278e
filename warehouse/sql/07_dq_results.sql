-- One row per data-quality finding of a run (expectations.validate), plus one per quarantined file.
CREATE SEQUENCE IF NOT EXISTS dq_finding_id START 1;
CREATE TABLE IF NOT EXISTS dq_results (
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
COMMENT ON TABLE dq_results IS 'data-quality findings per run';
COMMENT ON COLUMN dq_results.run_id IS 'runs.run_id';
COMMENT ON COLUMN dq_results.doc_id IS 'documents.sha256';
COMMENT ON COLUMN dq_results.evaluation_no IS 'the evaluation the finding is about, if any';
COMMENT ON COLUMN dq_results.indicator_no IS 'the indicator the finding is about, if any';
COMMENT ON COLUMN dq_results.line_no IS 'the budget line the finding is about, if any';
COMMENT ON COLUMN dq_results.rule IS 'check name (document_quarantined for a file that could not be loaded)';
COMMENT ON COLUMN dq_results.severity IS 'error (the publisher''s) | warning | reading (the form was not read surely; its arithmetic errors are held back as warnings)';
COMMENT ON COLUMN dq_results.observed IS 'value found';
COMMENT ON COLUMN dq_results.expected IS 'value the rule expects';
COMMENT ON COLUMN dq_results.message IS 'explanation in Chinese, as the form would say it';
COMMENT ON COLUMN dq_results.message_en IS 'explanation in English';
COMMENT ON COLUMN dq_results.page IS '1-based page of the cell holding the observed value';
COMMENT ON COLUMN dq_results.x0 IS 'cell bbox left, PDF points from bottom-left';
COMMENT ON COLUMN dq_results.y0 IS 'cell bbox bottom';
COMMENT ON COLUMN dq_results.x1 IS 'cell bbox right';
COMMENT ON COLUMN dq_results.y1 IS 'cell bbox top';
COMMENT ON COLUMN dq_results.finding_id IS 'number of the finding (jixiao findings shows it)';

-- An auditor's acknowledgement of a finding (jixiao findings ack ID --note …). Keyed by what the finding is
-- about, not by its id: the same break found again by a later run or a re-parse of the same content
-- (same sha256) is acknowledged too.
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
COMMENT ON TABLE dq_acks IS 'findings an auditor reviewed: shown as acknowledged, never failing a run';
COMMENT ON COLUMN dq_acks.doc_id IS 'documents.sha256 (the content, so re-parses keep the acknowledgement)';
COMMENT ON COLUMN dq_acks.evaluation_no IS 'the evaluation the finding is about, if any';
COMMENT ON COLUMN dq_acks.indicator_no IS 'the indicator, if any';
COMMENT ON COLUMN dq_acks.line_no IS 'the budget line, if any';
COMMENT ON COLUMN dq_acks.rule IS 'check name';
COMMENT ON COLUMN dq_acks.finding_id IS 'the finding acknowledged (dq_results.finding_id)';
COMMENT ON COLUMN dq_acks.note IS 'the auditor''s note';
COMMENT ON COLUMN dq_acks.acked_at IS 'when';
