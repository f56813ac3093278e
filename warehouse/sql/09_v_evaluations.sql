-- One row per evaluation of a loaded document, with its total budget line and which copy analysts count.
-- The same form published twice in different files (a scan and a text PDF of one project, or two
-- uploads of it) is matched on fiscal year, scope, the total line's budget A and execution B, the total
-- score, and a near-equal project name (an OCR slip is tolerated). The same form published as a
-- workbook, Word file or web page and as a PDF matches the same way, whatever the formats. Counted is
-- the copy read from the source's own cells (a workbook, Word file or web page), else a text PDF, else
-- a scan; then the first seen. The others point to it. v_budget_execution and v_indicators keep
-- counted rows only.
CREATE OR REPLACE VIEW v_evaluations AS
WITH total_line AS (
    SELECT doc_id, evaluation_no, executed_yuan, execution_rate, score,
           CASE WHEN rate_base = 'initial' THEN initial_budget_yuan ELSE annual_budget_yuan END AS budget_a_yuan
    FROM budget_lines
    WHERE is_total
    QUALIFY row_number() OVER (PARTITION BY doc_id, evaluation_no ORDER BY line_no) = 1
),
loaded AS (
    SELECT e.*,
           d.file_name,
           coalesce(d.ocr, false) AS ocr,
           d.format,
           -- which copy to count: cells as the source holds them, then a text layer, then OCR
           CASE WHEN coalesce(d.ocr, false) THEN 2 WHEN coalesce(d.format, 'pdf') = 'pdf' THEN 1 ELSE 0 END
               AS source_rank,
           d.first_seen,
           t.budget_a_yuan,
           t.executed_yuan AS executed_b_yuan,
           t.execution_rate AS execution_rate_declared,
           t.score AS budget_score,
           regexp_replace(coalesce(e.project_name, e.implementing_unit, e.bureau, ''), '[\s\p{P}]', '', 'g')
               AS name_key
    FROM evaluations e
    JOIN documents d ON d.sha256 = e.doc_id AND d.status = 'loaded'
    LEFT JOIN total_line t USING (doc_id, evaluation_no)
),
copies AS (
    SELECT b.doc_id, b.evaluation_no, a.doc_id AS copy_of_doc_id, a.evaluation_no AS copy_of_evaluation_no
    FROM loaded a
    JOIN loaded b
      ON a.doc_id <> b.doc_id
     AND a.fiscal_year IS NOT DISTINCT FROM b.fiscal_year
     AND a.scope IS NOT DISTINCT FROM b.scope
     AND a.executed_b_yuan = b.executed_b_yuan
     AND a.budget_a_yuan IS NOT DISTINCT FROM b.budget_a_yuan
     AND a.total_score IS NOT DISTINCT FROM b.total_score
     AND jaro_winkler_similarity(a.name_key, b.name_key) >= 0.9
     -- a is the copy to count: source cells, text, scan; then first seen, then content hash (a total order)
     AND (a.source_rank, a.first_seen, a.doc_id) < (b.source_rank, b.first_seen, b.doc_id)
    QUALIFY row_number() OVER (PARTITION BY b.doc_id, b.evaluation_no
                               ORDER BY a.source_rank, a.first_seen, a.doc_id, a.evaluation_no) = 1
)
SELECT l.doc_id,
       l.evaluation_no,
       l.file_name,
       l.fiscal_year,
       l.province,
       l.city,
       l.district,
       l.bureau,
       l.scope,
       l.project_name,
       l.implementing_unit,
       l.ocr,
       l.format,
       l.first_seen,
       l.budget_a_yuan,
       l.executed_b_yuan,
       l.execution_rate_declared,
       l.budget_score,
       l.total_score,
       c.copy_of_doc_id,
       c.copy_of_evaluation_no,
       c.copy_of_doc_id IS NULL AS counted
FROM loaded l
LEFT JOIN copies c USING (doc_id, evaluation_no);
COMMENT ON VIEW v_evaluations IS 'one row per evaluation of a loaded document: keys, total budget line, and whether it is counted or a copy of another file''s form';
COMMENT ON COLUMN v_evaluations.doc_id IS 'documents.sha256';
COMMENT ON COLUMN v_evaluations.evaluation_no IS 'evaluations.evaluation_no';
COMMENT ON COLUMN v_evaluations.file_name IS 'source file name';
COMMENT ON COLUMN v_evaluations.fiscal_year IS '年度: fiscal year';
COMMENT ON COLUMN v_evaluations.province IS '省: province';
COMMENT ON COLUMN v_evaluations.city IS '市: city';
COMMENT ON COLUMN v_evaluations.district IS '区/县: district';
COMMENT ON COLUMN v_evaluations.bureau IS '填报单位: publishing bureau';
COMMENT ON COLUMN v_evaluations.scope IS 'project | department';
COMMENT ON COLUMN v_evaluations.project_name IS '项目名称: project (null for a department form)';
COMMENT ON COLUMN v_evaluations.implementing_unit IS '实施单位: implementing unit';
COMMENT ON COLUMN v_evaluations.ocr IS 'read from a scan by OCR';
COMMENT ON COLUMN v_evaluations.format IS 'documents.format of its file: pdf, xlsx, xls, docx, doc, html, …';
COMMENT ON COLUMN v_evaluations.first_seen IS 'when its file was first seen';
COMMENT ON COLUMN v_evaluations.budget_a_yuan IS '预算数 (A): the total line''s annual budget, or initial budget where the form rates on that; yuan';
COMMENT ON COLUMN v_evaluations.executed_b_yuan IS '执行数 (B): executed, yuan';
COMMENT ON COLUMN v_evaluations.execution_rate_declared IS '执行率: rate printed on the form, fraction';
COMMENT ON COLUMN v_evaluations.budget_score IS '预算执行率得分: points scored for budget execution';
COMMENT ON COLUMN v_evaluations.total_score IS '总分: total score';
COMMENT ON COLUMN v_evaluations.copy_of_doc_id IS 'the same form in another file, the one counted (null when this row is counted)';
COMMENT ON COLUMN v_evaluations.copy_of_evaluation_no IS 'its evaluation_no in that file';
COMMENT ON COLUMN v_evaluations.counted IS 'true for the one copy of a form that analyst views count';
