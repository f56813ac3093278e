-- One row per fund-source line of 预算执行情况 (budget execution).
CREATE TABLE IF NOT EXISTS budget_lines (
    doc_id              VARCHAR NOT NULL,
    evaluation_no       INTEGER NOT NULL,
    line_no             INTEGER NOT NULL,
    fund_source         VARCHAR,
    is_total            BOOLEAN,
    initial_budget_yuan DECIMAL(18, 2),
    annual_budget_yuan  DECIMAL(18, 2),
    executed_yuan       DECIMAL(18, 2),
    initial_budget_text VARCHAR,
    annual_budget_text  VARCHAR,
    executed_text       VARCHAR,
    rate_base           VARCHAR CHECK (rate_base IN ('annual', 'initial')),
    execution_rate      DECIMAL(9, 6),
    execution_rate_text VARCHAR,
    weight              DECIMAL(9, 2),
    score               DECIMAL(9, 2),
    page                INTEGER,
    x0 DOUBLE, y0 DOUBLE, x1 DOUBLE, y1 DOUBLE,
    locator VARCHAR,
    table_no            INTEGER,
    row_no              INTEGER,
    PRIMARY KEY (doc_id, evaluation_no, line_no)
);
COMMENT ON TABLE budget_lines IS '预算执行情况: budget and execution per fund source';
COMMENT ON COLUMN budget_lines.doc_id IS 'documents.sha256';
COMMENT ON COLUMN budget_lines.evaluation_no IS 'evaluations.evaluation_no';
COMMENT ON COLUMN budget_lines.line_no IS 'line within the budget block (0…)';
COMMENT ON COLUMN budget_lines.fund_source IS '资金来源: fund source label as printed (年度资金总额, 其中:当年财政拨款, 上年结转资金, 其他资金)';
COMMENT ON COLUMN budget_lines.is_total IS 'true on the line the others break down (年度资金总额)';
COMMENT ON COLUMN budget_lines.initial_budget_yuan IS '年初预算数: initial budget, yuan';
COMMENT ON COLUMN budget_lines.annual_budget_yuan IS '全年预算数: full-year (adjusted) budget, yuan';
COMMENT ON COLUMN budget_lines.executed_yuan IS '全年执行数: executed, yuan';
COMMENT ON COLUMN budget_lines.initial_budget_text IS '年初预算数: as printed';
COMMENT ON COLUMN budget_lines.annual_budget_text IS '全年预算数: as printed';
COMMENT ON COLUMN budget_lines.executed_text IS '全年执行数: as printed';
COMMENT ON COLUMN budget_lines.rate_base IS 'which budget column the form labels A: annual or initial';
COMMENT ON COLUMN budget_lines.execution_rate IS '执行率: declared execution rate as a fraction';
COMMENT ON COLUMN budget_lines.execution_rate_text IS '执行率: as printed';
COMMENT ON COLUMN budget_lines.weight IS '分值: points available';
COMMENT ON COLUMN budget_lines.score IS '得分: points scored';
COMMENT ON COLUMN budget_lines.page IS 'provenance: 1-based page of the row''s main cell';
COMMENT ON COLUMN budget_lines.x0 IS 'provenance: cell bbox left, PDF points from bottom-left';
COMMENT ON COLUMN budget_lines.y0 IS 'provenance: cell bbox bottom';
COMMENT ON COLUMN budget_lines.x1 IS 'provenance: cell bbox right';
COMMENT ON COLUMN budget_lines.y1 IS 'provenance: cell bbox top';
COMMENT ON COLUMN budget_lines.locator IS 'provenance: where in the source file: p3 (PDF page), 项目支出绩效自评表!B3:D4 (sheet and cell range), table 2 r5c1 (Word/HTML table, row, column)';
COMMENT ON COLUMN budget_lines.table_no IS 'provenance: table number in the document';
COMMENT ON COLUMN budget_lines.row_no IS 'provenance: grid row in that table';
