-- One row per 年度总体目标 / 年度目标 N (annual goal).
CREATE TABLE IF NOT EXISTS goals (
    doc_id        VARCHAR NOT NULL,
    evaluation_no INTEGER NOT NULL,
    goal_no       INTEGER,
    weight        DECIMAL(9, 2),
    target_text   VARCHAR,
    actual_text   VARCHAR,
    page          INTEGER,
    x0 DOUBLE, y0 DOUBLE, x1 DOUBLE, y1 DOUBLE,
    locator VARCHAR,
    table_no      INTEGER,
    row_no        INTEGER
);
COMMENT ON TABLE goals IS '年度目标: annual goals and what was achieved';
COMMENT ON COLUMN goals.doc_id IS 'documents.sha256';
COMMENT ON COLUMN goals.evaluation_no IS 'evaluations.evaluation_no';
COMMENT ON COLUMN goals.goal_no IS '年度目标 N: goal number; null for a single 年度总体目标 (overall goal)';
COMMENT ON COLUMN goals.weight IS '分值: goal weight where printed';
COMMENT ON COLUMN goals.target_text IS '预期目标: the goal as planned';
COMMENT ON COLUMN goals.actual_text IS '实际完成情况: what was achieved';
COMMENT ON COLUMN goals.page IS 'provenance: 1-based page of the row''s main cell';
COMMENT ON COLUMN goals.x0 IS 'provenance: cell bbox left, PDF points from bottom-left';
COMMENT ON COLUMN goals.y0 IS 'provenance: cell bbox bottom';
COMMENT ON COLUMN goals.x1 IS 'provenance: cell bbox right';
COMMENT ON COLUMN goals.y1 IS 'provenance: cell bbox top';
COMMENT ON COLUMN goals.locator IS 'provenance: where in the source file: p3 (PDF page), 项目支出绩效自评表!B3:D4 (sheet and cell range), table 2 r5c1 (Word/HTML table, row, column)';
COMMENT ON COLUMN goals.table_no IS 'provenance: table number in the document';
COMMENT ON COLUMN goals.row_no IS 'provenance: grid row in that table';
