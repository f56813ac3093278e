-- 007: every value's cell (issue 15): value_cells records where each value of the facts is printed, and
-- takes over the 总分 and grade cells that 005 put on evaluations (total_*, grade_*): those are copied
-- into it, then dropped. Comments come from sql/08_value_cells.sql, which runs after the migrations.
CREATE TABLE value_cells (
    doc_id        VARCHAR NOT NULL,
    evaluation_no INTEGER NOT NULL,
    frame         VARCHAR NOT NULL CHECK (frame IN ('evaluations', 'budget_lines', 'goals', 'indicators')),
    row_no        INTEGER,
    field         VARCHAR NOT NULL,
    page          INTEGER,
    x0 DOUBLE, y0 DOUBLE, x1 DOUBLE, y1 DOUBLE,
    locator       VARCHAR
);
INSERT INTO value_cells
SELECT doc_id, evaluation_no, 'evaluations', NULL, 'total_score', total_page, total_x0, total_y0, total_x1,
       total_y1, NULL  -- the cell's locator was not recorded before 007
FROM evaluations WHERE total_page IS NOT NULL
UNION ALL
SELECT doc_id, evaluation_no, 'evaluations', NULL, 'grade', grade_page, grade_x0, grade_y0, grade_x1, grade_y1, NULL
FROM evaluations WHERE grade_page IS NOT NULL;
ALTER TABLE evaluations DROP COLUMN total_page;
ALTER TABLE evaluations DROP COLUMN total_x0;
ALTER TABLE evaluations DROP COLUMN total_y0;
ALTER TABLE evaluations DROP COLUMN total_x1;
ALTER TABLE evaluations DROP COLUMN total_y1;
ALTER TABLE evaluations DROP COLUMN grade_page;
ALTER TABLE evaluations DROP COLUMN grade_x0;
ALTER TABLE evaluations DROP COLUMN grade_y0;
ALTER TABLE evaluations DROP COLUMN grade_x1;
ALTER TABLE evaluations DROP COLUMN grade_y1;
