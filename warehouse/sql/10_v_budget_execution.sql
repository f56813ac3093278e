-- Analyst contract (names fixed): one row per evaluation with its budget A, execution B and rates.
-- A is the total line's 全年预算数, or its 年初预算数 where the form computes the rate on that.
CREATE OR REPLACE VIEW v_budget_execution AS
SELECT file_name,
       fiscal_year,
       province,
       city,
       district,
       bureau,
       project_name,
       budget_a_yuan,
       executed_b_yuan,
       execution_rate_declared,
       CAST(executed_b_yuan / nullif(budget_a_yuan, 0) AS DECIMAL(9, 6)) AS execution_rate_recomputed,
       budget_score,
       total_score,
       doc_id,
       evaluation_no,
       scope
FROM v_evaluations
WHERE counted;  -- a form published twice counts once
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
