-- One row per value read from a cell: where it is printed. A finding points at the cell of the value it
-- observes; an auditor finds any value's evidence here (its page and box, or its sheet range / table cell).
CREATE TABLE IF NOT EXISTS value_cells (
    doc_id        VARCHAR NOT NULL,
    evaluation_no INTEGER NOT NULL,
    frame         VARCHAR NOT NULL CHECK (frame IN ('evaluations', 'budget_lines', 'goals', 'indicators')),
    row_no        INTEGER,
    field         VARCHAR NOT NULL,
    page          INTEGER,
    x0 DOUBLE, y0 DOUBLE, x1 DOUBLE, y1 DOUBLE,
    locator       VARCHAR
);
COMMENT ON TABLE value_cells IS 'where each value of the facts is printed: the evidence of a finding';
COMMENT ON COLUMN value_cells.doc_id IS 'documents.sha256';
COMMENT ON COLUMN value_cells.evaluation_no IS 'evaluations.evaluation_no';
COMMENT ON COLUMN value_cells.frame IS 'the fact table the value is in: evaluations, budget_lines, goals or indicators';
COMMENT ON COLUMN value_cells.row_no IS 'its row there: budget_lines.line_no, goals.goal_no, indicators.indicator_no; null for an evaluation''s own values (and a single 年度总体目标)';
COMMENT ON COLUMN value_cells.field IS 'the fact column read from the cell (execution_rate, score, executed_yuan, target_text, total_score, grade …), or total_weight: the 权重 printed on the 总分 row; the document''s fiscal_year (a title line or header cell) is kept with evaluation 0';
COMMENT ON COLUMN value_cells.page IS '1-based page the cell is printed on';
COMMENT ON COLUMN value_cells.x0 IS 'cell bbox left, PDF points from bottom-left';
COMMENT ON COLUMN value_cells.y0 IS 'cell bbox bottom';
COMMENT ON COLUMN value_cells.x1 IS 'cell bbox right';
COMMENT ON COLUMN value_cells.y1 IS 'cell bbox top';
COMMENT ON COLUMN value_cells.locator IS 'where in the source file: p3 (PDF page), 项目支出绩效自评表!B3:D4 (sheet and cell range), table 2 r5c1 (Word/HTML table, row, column)';
