-- Analyst contract (names fixed): one row per evaluation with its budget A, execution B and rates.
-- A is the total line's 全年预算数, or its 年初预算数 where the form computes the rate on that.
CREATE OR REPLACE VIEW v_budget_execution AS
WITH total_line AS (
    SELECT *,
           CASE WHEN rate_base = 'initial' THEN initial_budget_yuan ELSE annual_budget_yuan END AS budget_a_yuan
    FROM budget_lines
    WHERE is_total
    QUALIFY row_number() OVER (PARTITION BY doc_id, evaluation_no ORDER BY line_no) = 1
)
SELECT d.file_name,
       e.fiscal_year,
       e.province,
       e.city,
       e.district,
       e.bureau,
       e.project_name,
       t.budget_a_yuan,
       t.executed_yuan AS executed_b_yuan,
       t.execution_rate AS execution_rate_declared,
       CAST(t.executed_yuan / nullif(t.budget_a_yuan, 0) AS DECIMAL(9, 6)) AS execution_rate_recomputed,
       t.score AS budget_score,
       e.total_score,
       e.doc_id,
       e.evaluation_no,
       e.scope
FROM evaluations e
JOIN documents d ON d.sha256 = e.doc_id AND d.status = 'loaded'
LEFT JOIN total_line t USING (doc_id, evaluation_no);
COMMENT ON VIEW v_budget_execution IS 'one row per evaluation: budget A, execution B, declared and recomputed rate, scores';
COMMENT ON COLUMN v_budget_execution.file_name IS 'source file name';
COMMENT ON COLUMN v_budget_execution.fiscal_year IS '年度: fiscal year';
COMMENT ON COLUMN v_budget_execution.province IS '省: province';
COMMENT ON COLUMN v_budget_execution.city IS '市: city';
COMMENT ON COLUMN v_budget_execution.district IS '区/县: district';
COMMENT ON COLUMN v_budget_execution.bureau IS '填报单位: publishing bureau';
COMMENT ON COLUMN v_budget_execution.project_name IS '项目名称: project (null for a department form)';
COMMENT ON COLUMN v_budget_execution.budget_a_yuan IS '预算数 (A): the total line''s annual budget, or initial budget where the form rates on that; yuan';
COMMENT ON COLUMN v_budget_execution.executed_b_yuan IS '执行数 (B): executed, yuan';
COMMENT ON COLUMN v_budget_execution.execution_rate_declared IS '执行率: rate printed on the form, fraction';
COMMENT ON COLUMN v_budget_execution.execution_rate_recomputed IS 'B / A recomputed from the amounts, fraction (null when A is 0 or missing)';
COMMENT ON COLUMN v_budget_execution.budget_score IS '预算执行率得分: points scored for budget execution';
COMMENT ON COLUMN v_budget_execution.total_score IS '总分: total score';
COMMENT ON COLUMN v_budget_execution.doc_id IS 'documents.sha256';
COMMENT ON COLUMN v_budget_execution.evaluation_no IS 'evaluations.evaluation_no';
COMMENT ON COLUMN v_budget_execution.scope IS 'project | department';
