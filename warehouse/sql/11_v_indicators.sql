-- Analyst contract (names fixed): one row per indicator with its evaluation's keys.
CREATE OR REPLACE VIEW v_indicators AS
SELECT e.file_name,
       e.fiscal_year,
       e.province,
       e.city,
       e.district,
       e.bureau,
       e.project_name,
       i.goal_no,
       i.level1,
       i.level2,
       i.name AS indicator_name,
       i.target_text,
       i.target_op_text,
       i.target_op,
       i.target_value,
       i.target_unit,
       i.actual_text,
       i.actual_op,
       i.actual_value,
       i.actual_unit,
       i.weight,
       i.score,
       i.deviation,
       i.page,
       i.doc_id,
       i.evaluation_no,
       i.indicator_no
FROM indicators i
JOIN v_evaluations e USING (doc_id, evaluation_no)
WHERE e.counted;  -- a form published twice counts once
COMMENT ON VIEW v_indicators IS 'one row per indicator, with its evaluation''s keys';
COMMENT ON COLUMN v_indicators.file_name IS 'source file name';
COMMENT ON COLUMN v_indicators.fiscal_year IS '年度: fiscal year';
COMMENT ON COLUMN v_indicators.province IS '省: province';
COMMENT ON COLUMN v_indicators.city IS '市: city';
COMMENT ON COLUMN v_indicators.district IS '区/县: district';
COMMENT ON COLUMN v_indicators.bureau IS '填报单位: publishing bureau';
COMMENT ON COLUMN v_indicators.project_name IS '项目名称: project';
COMMENT ON COLUMN v_indicators.goal_no IS '年度目标 N: goal number (department forms)';
COMMENT ON COLUMN v_indicators.level1 IS '一级指标: level-1 category';
COMMENT ON COLUMN v_indicators.level2 IS '二级指标: level-2 category';
COMMENT ON COLUMN v_indicators.indicator_name IS '三级指标: indicator name';
COMMENT ON COLUMN v_indicators.target_text IS '年度指标值: target as printed';
COMMENT ON COLUMN v_indicators.target_op_text IS '指标性质 as printed, where the form has that column';
COMMENT ON COLUMN v_indicators.target_op IS 'parsed target comparison';
COMMENT ON COLUMN v_indicators.target_value IS 'parsed target number';
COMMENT ON COLUMN v_indicators.target_unit IS 'parsed target unit';
COMMENT ON COLUMN v_indicators.actual_text IS '实际完成值: actual as printed';
COMMENT ON COLUMN v_indicators.actual_op IS 'parsed actual comparison';
COMMENT ON COLUMN v_indicators.actual_value IS 'parsed actual number';
COMMENT ON COLUMN v_indicators.actual_unit IS 'parsed actual unit';
COMMENT ON COLUMN v_indicators.weight IS '分值: points available';
COMMENT ON COLUMN v_indicators.score IS '得分: points scored';
COMMENT ON COLUMN v_indicators.deviation IS '偏差原因: reason for deviation';
COMMENT ON COLUMN v_indicators.page IS 'page of the indicator row';
COMMENT ON COLUMN v_indicators.doc_id IS 'documents.sha256';
COMMENT ON COLUMN v_indicators.evaluation_no IS 'evaluations.evaluation_no';
COMMENT ON COLUMN v_indicators.indicator_no IS 'indicators.indicator_no';
