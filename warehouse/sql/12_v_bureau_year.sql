-- Analyst contract (names fixed): totals per bureau and fiscal year.
CREATE OR REPLACE VIEW v_bureau_year AS
SELECT bureau,
       fiscal_year,
       province,
       city,
       district,
       count(*) AS evaluations,
       sum(budget_a_yuan) AS budget_a_yuan,
       sum(executed_b_yuan) AS executed_b_yuan,
       CAST(sum(executed_b_yuan) / nullif(sum(budget_a_yuan), 0) AS DECIMAL(9, 6)) AS execution_rate,
       CAST(avg(total_score) AS DECIMAL(9, 2)) AS avg_total_score
FROM v_budget_execution
GROUP BY ALL;
COMMENT ON VIEW v_bureau_year IS 'totals per bureau and fiscal year';
COMMENT ON COLUMN v_bureau_year.bureau IS '填报单位: publishing bureau';
COMMENT ON COLUMN v_bureau_year.fiscal_year IS '年度: fiscal year';
COMMENT ON COLUMN v_bureau_year.province IS '省: province';
COMMENT ON COLUMN v_bureau_year.city IS '市: city';
COMMENT ON COLUMN v_bureau_year.district IS '区/县: district';
COMMENT ON COLUMN v_bureau_year.evaluations IS 'number of evaluations (自评表)';
COMMENT ON COLUMN v_bureau_year.budget_a_yuan IS 'sum of budget A, yuan';
COMMENT ON COLUMN v_bureau_year.executed_b_yuan IS 'sum of executed B, yuan';
COMMENT ON COLUMN v_bureau_year.execution_rate IS 'sum B / sum A, fraction';
COMMENT ON COLUMN v_bureau_year.avg_total_score IS 'mean 总分 (total score)';
