-- One row per 三级指标 (performance indicator), with its target and actual parsed beside the text.
CREATE TABLE IF NOT EXISTS indicators (
    doc_id                VARCHAR NOT NULL,
    evaluation_no         INTEGER NOT NULL,
    indicator_no          INTEGER NOT NULL,
    goal_no               INTEGER,
    level1                VARCHAR,
    level1_points         DECIMAL(9, 2),
    level2                VARCHAR,
    name                  VARCHAR,
    target_text           VARCHAR,
    target_op_text        VARCHAR,
    target_op             VARCHAR,
    target_value          DOUBLE,
    target_unit           VARCHAR,
    target_is_qualitative BOOLEAN,
    measure_unit          VARCHAR,
    actual_text           VARCHAR,
    actual_op             VARCHAR,
    actual_value          DOUBLE,
    actual_unit           VARCHAR,
    actual_is_qualitative BOOLEAN,
    weight                DECIMAL(9, 2),
    score                 DECIMAL(9, 2),
    deviation             VARCHAR,
    scoring_method        VARCHAR,
    page                  INTEGER,
    x0 DOUBLE, y0 DOUBLE, x1 DOUBLE, y1 DOUBLE,
    locator VARCHAR,
    table_no              INTEGER,
    row_no                INTEGER,
    PRIMARY KEY (doc_id, evaluation_no, indicator_no)
);
COMMENT ON TABLE indicators IS '绩效指标: performance indicators with targets, actuals and scores';
COMMENT ON COLUMN indicators.doc_id IS 'documents.sha256';
COMMENT ON COLUMN indicators.evaluation_no IS 'evaluations.evaluation_no';
COMMENT ON COLUMN indicators.indicator_no IS 'indicator position within its form (0…)';
COMMENT ON COLUMN indicators.goal_no IS '年度目标 N: the goal it belongs to (department forms)';
COMMENT ON COLUMN indicators.level1 IS '一级指标: level-1 category (产出指标 output, 效益指标 outcome, 满意度指标 satisfaction)';
COMMENT ON COLUMN indicators.level1_points IS '一级指标分值: points printed beside level 1, e.g. (50分)';
COMMENT ON COLUMN indicators.level2 IS '二级指标: level-2 category (数量 quantity, 质量 quality, 时效 timeliness, 成本 cost …)';
COMMENT ON COLUMN indicators.name IS '三级指标: indicator name';
COMMENT ON COLUMN indicators.target_text IS '年度指标值: target as printed';
COMMENT ON COLUMN indicators.target_op_text IS '指标性质: the operator printed in a column of its own (=, ≥, ≤, 定性), as printed';
COMMENT ON COLUMN indicators.target_op IS 'target comparison parsed from the text (≥, ≤, =, <, >)';
COMMENT ON COLUMN indicators.target_value IS 'target number parsed from the text';
COMMENT ON COLUMN indicators.target_unit IS 'target unit parsed from the text (%, 人, 个 …)';
COMMENT ON COLUMN indicators.target_is_qualitative IS 'true when the target is words, not a number (e.g. 良好)';
COMMENT ON COLUMN indicators.measure_unit IS '度量单位: unit column where the form has one';
COMMENT ON COLUMN indicators.actual_text IS '实际完成值: actual as printed';
COMMENT ON COLUMN indicators.actual_op IS 'actual comparison parsed from the text';
COMMENT ON COLUMN indicators.actual_value IS 'actual number parsed from the text';
COMMENT ON COLUMN indicators.actual_unit IS 'actual unit parsed from the text';
COMMENT ON COLUMN indicators.actual_is_qualitative IS 'true when the actual is words, not a number';
COMMENT ON COLUMN indicators.weight IS '分值/权重: points available';
COMMENT ON COLUMN indicators.score IS '得分: points scored';
COMMENT ON COLUMN indicators.deviation IS '偏差原因分析及改进措施: reason for deviation';
COMMENT ON COLUMN indicators.scoring_method IS '得分计算方法: scoring method, where the form has it';
COMMENT ON COLUMN indicators.page IS 'provenance: 1-based page of the row''s main cell';
COMMENT ON COLUMN indicators.x0 IS 'provenance: cell bbox left, PDF points from bottom-left';
COMMENT ON COLUMN indicators.y0 IS 'provenance: cell bbox bottom';
COMMENT ON COLUMN indicators.x1 IS 'provenance: cell bbox right';
COMMENT ON COLUMN indicators.y1 IS 'provenance: cell bbox top';
COMMENT ON COLUMN indicators.locator IS 'provenance: where in the source file: p3 (PDF page), 项目支出绩效自评表!B3:D4 (sheet and cell range), table 2 r5c1 (Word/HTML table, row, column)';
COMMENT ON COLUMN indicators.table_no IS 'provenance: table number in the document';
COMMENT ON COLUMN indicators.row_no IS 'provenance: grid row in that table';
