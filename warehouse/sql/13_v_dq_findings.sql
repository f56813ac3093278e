-- Analyst contract (names fixed): findings with the names an analyst recognises.
CREATE OR REPLACE VIEW v_dq_findings AS
SELECT q.finding_id,
       q.run_id,
       d.file_name,
       e.project_name,
       i.name AS indicator_name,
       q.rule,
       q.severity,
       q.observed,
       q.expected,
       q.message,
       q.page,
       q.x0, q.y0, q.x1, q.y1,
       d.status AS document_status,
       q.doc_id,
       q.evaluation_no,
       q.indicator_no,
       q.line_no,
       q.message_en,
       CASE WHEN q.severity = 'reading' THEN 'reading'
            WHEN q.rule = 'document_quarantined' THEN 'file'
            ELSE 'publisher' END AS kind,
       a.note IS NOT NULL AS acknowledged,
       a.note AS ack_note,
       a.acked_at
FROM dq_results q
JOIN documents d ON d.sha256 = q.doc_id AND d.run_id = q.run_id AND d.status IN ('loaded', 'quarantined')
LEFT JOIN evaluations e ON e.doc_id = q.doc_id AND e.evaluation_no = q.evaluation_no
LEFT JOIN indicators i ON i.doc_id = q.doc_id AND i.evaluation_no = q.evaluation_no
                      AND i.indicator_no = q.indicator_no
LEFT JOIN (SELECT * FROM dq_acks QUALIFY row_number() OVER (
               PARTITION BY doc_id, evaluation_no, indicator_no, line_no, rule ORDER BY acked_at DESC) = 1) a
       ON a.doc_id = q.doc_id AND a.rule = q.rule AND a.evaluation_no IS NOT DISTINCT FROM q.evaluation_no
      AND a.indicator_no IS NOT DISTINCT FROM q.indicator_no AND a.line_no IS NOT DISTINCT FROM q.line_no;
COMMENT ON VIEW v_dq_findings IS 'findings on the current version of each document (loaded or quarantined)';
COMMENT ON COLUMN v_dq_findings.run_id IS 'the run that found it';
COMMENT ON COLUMN v_dq_findings.file_name IS 'source file name';
COMMENT ON COLUMN v_dq_findings.project_name IS '项目名称: project';
COMMENT ON COLUMN v_dq_findings.indicator_name IS '三级指标: indicator, if the finding is about one';
COMMENT ON COLUMN v_dq_findings.rule IS 'check name';
COMMENT ON COLUMN v_dq_findings.severity IS 'error | warning | reading';
COMMENT ON COLUMN v_dq_findings.observed IS 'value found';
COMMENT ON COLUMN v_dq_findings.expected IS 'value expected';
COMMENT ON COLUMN v_dq_findings.message IS 'explanation in Chinese';
COMMENT ON COLUMN v_dq_findings.message_en IS 'explanation in English';
COMMENT ON COLUMN v_dq_findings.kind IS 'reading (the form was not read surely) | publisher (the form breaks a rule) | file (could not be loaded)';
COMMENT ON COLUMN v_dq_findings.acknowledged IS 'an auditor reviewed it (jixiao findings ack)';
COMMENT ON COLUMN v_dq_findings.ack_note IS 'the auditor''s note';
COMMENT ON COLUMN v_dq_findings.acked_at IS 'when it was acknowledged';
COMMENT ON COLUMN v_dq_findings.page IS 'page of the offending cell';
COMMENT ON COLUMN v_dq_findings.x0 IS 'cell bbox left';
COMMENT ON COLUMN v_dq_findings.y0 IS 'cell bbox bottom';
COMMENT ON COLUMN v_dq_findings.x1 IS 'cell bbox right';
COMMENT ON COLUMN v_dq_findings.y1 IS 'cell bbox top';
COMMENT ON COLUMN v_dq_findings.document_status IS 'loaded | quarantined';
COMMENT ON COLUMN v_dq_findings.doc_id IS 'documents.sha256';
COMMENT ON COLUMN v_dq_findings.evaluation_no IS 'evaluation, if any';
COMMENT ON COLUMN v_dq_findings.indicator_no IS 'indicator, if any';
COMMENT ON COLUMN v_dq_findings.line_no IS 'budget line, if any';
COMMENT ON COLUMN v_dq_findings.finding_id IS 'number of the finding (dq_results.finding_id)';
