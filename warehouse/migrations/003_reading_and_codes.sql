-- 003: forms read by blocks (issue 12): the code of a CODE-NAME 主管部门 cell, Sichuan's 指标性质 column,
-- and how sure each evaluation's reading is.
ALTER TABLE evaluations ADD COLUMN supervising_unit_code VARCHAR;
ALTER TABLE evaluations ADD COLUMN reading_confidence DOUBLE;
ALTER TABLE evaluations ADD COLUMN reading_doubts VARCHAR;
ALTER TABLE indicators ADD COLUMN target_op_text VARCHAR;
