-- One row per self-evaluation form (自评表): a project's, or a whole department's.
CREATE TABLE IF NOT EXISTS evaluations (
    doc_id            VARCHAR NOT NULL,
    evaluation_no     INTEGER NOT NULL,
    fiscal_year       INTEGER,
    province          VARCHAR,
    city              VARCHAR,
    district          VARCHAR,
    bureau            VARCHAR,
    scope             VARCHAR,
    project_name      VARCHAR,
    project_code      VARCHAR,
    implementing_unit VARCHAR,
    supervising_unit  VARCHAR,
    supervising_unit_code VARCHAR,
    unit_code         VARCHAR,
    period            VARCHAR,
    is_key_project    BOOLEAN,
    project_nature    VARCHAR,
    total_score       DECIMAL(9, 2),
    total_score_text  VARCHAR,
    notes             VARCHAR,
    reading_confidence DOUBLE,
    reading_doubts    VARCHAR,
    page              INTEGER,
    x0 DOUBLE, y0 DOUBLE, x1 DOUBLE, y1 DOUBLE,
    locator VARCHAR,
    table_no          INTEGER,
    row_no            INTEGER,
    grade             VARCHAR,
    PRIMARY KEY (doc_id, evaluation_no)
);
COMMENT ON TABLE evaluations IS '自评表: one per project or department form';
COMMENT ON COLUMN evaluations.doc_id IS 'documents.sha256 of the source file';
COMMENT ON COLUMN evaluations.evaluation_no IS 'position of the form in its document (0…)';
COMMENT ON COLUMN evaluations.fiscal_year IS '年度: fiscal year evaluated';
COMMENT ON COLUMN evaluations.province IS '省: province';
COMMENT ON COLUMN evaluations.city IS '市: city';
COMMENT ON COLUMN evaluations.district IS '区/县: district or county';
COMMENT ON COLUMN evaluations.bureau IS '填报单位: the publishing bureau';
COMMENT ON COLUMN evaluations.scope IS 'project | department';
COMMENT ON COLUMN evaluations.project_name IS '项目名称: project name (null for a department form)';
COMMENT ON COLUMN evaluations.project_code IS '项目编码: project code';
COMMENT ON COLUMN evaluations.implementing_unit IS '实施单位: implementing unit';
COMMENT ON COLUMN evaluations.supervising_unit IS '主管部门: supervising department';
COMMENT ON COLUMN evaluations.supervising_unit_code IS '主管部门代码: the code of a CODE-NAME 主管部门 cell (219-…, [105]…)';
COMMENT ON COLUMN evaluations.unit_code IS '单位编码: unit code (or the code of a CODE-NAME 实施单位 cell)';
COMMENT ON COLUMN evaluations.period IS '实施期: implementation period as printed';
COMMENT ON COLUMN evaluations.is_key_project IS '是否重点绩效项目: key performance project';
COMMENT ON COLUMN evaluations.project_nature IS '项目属性: project nature (e.g. 延续性, continuing)';
COMMENT ON COLUMN evaluations.total_score IS '总分: total self-evaluation score';
COMMENT ON COLUMN evaluations.total_score_text IS '总分: as printed';
COMMENT ON COLUMN evaluations.grade IS '评价等级: the grade the form gives itself (优/良/中/差) as printed; null when none';
COMMENT ON COLUMN evaluations.notes IS '说明/问题/整改: free-text notes';
COMMENT ON COLUMN evaluations.reading_confidence IS 'how sure the reading is, 0..1, from the form''s own structure (1: no doubt)';
COMMENT ON COLUMN evaluations.reading_doubts IS 'why the reading is doubtful (weights read twice, columns not found, unit not printed, template not recognised); null when none';
COMMENT ON COLUMN evaluations.page IS 'provenance: 1-based page of the form''s title cell';
COMMENT ON COLUMN evaluations.x0 IS 'provenance: cell bbox left, PDF points from bottom-left';
COMMENT ON COLUMN evaluations.y0 IS 'provenance: cell bbox bottom';
COMMENT ON COLUMN evaluations.x1 IS 'provenance: cell bbox right';
COMMENT ON COLUMN evaluations.y1 IS 'provenance: cell bbox top';
COMMENT ON COLUMN evaluations.locator IS 'provenance: where in the source file: p3 (PDF page), 项目支出绩效自评表!B3:D4 (sheet and cell range), table 2 r5c1 (Word/HTML table, row, column)';
COMMENT ON COLUMN evaluations.table_no IS 'provenance: table number in the document';
COMMENT ON COLUMN evaluations.row_no IS 'provenance: grid row in that table';
