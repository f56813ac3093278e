-- One row per (path, content): every file under the source folder, whatever its format and whatever became of it.
CREATE TABLE IF NOT EXISTS documents (
    sha256          VARCHAR NOT NULL,
    source_path     VARCHAR NOT NULL,
    file_name       VARCHAR NOT NULL,
    bytes           BIGINT NOT NULL,
    format          VARCHAR,
    pages           INTEGER,
    layout          VARCHAR,
    title           VARCHAR,
    issuer          VARCHAR,
    money_unit      VARCHAR,
    ocr             BOOLEAN,
    status          VARCHAR NOT NULL CHECK (status IN ('loaded', 'duplicate', 'quarantined', 'superseded')),
    error           VARCHAR,
    quarantine_path VARCHAR,
    first_seen      TIMESTAMPTZ NOT NULL,
    loaded_at       TIMESTAMPTZ,
    parser_version  VARCHAR NOT NULL,
    run_id          VARCHAR NOT NULL,
    PRIMARY KEY (source_path, sha256)
);
COMMENT ON TABLE documents IS 'source files: one row per path and content version';
COMMENT ON COLUMN documents.sha256 IS 'SHA-256 of the file bytes; the doc_id of its facts';
COMMENT ON COLUMN documents.source_path IS 'path under the source folder (non-UTF-8 names decoded as GB18030)';
COMMENT ON COLUMN documents.file_name IS 'file name';
COMMENT ON COLUMN documents.bytes IS 'file size in bytes';
COMMENT ON COLUMN documents.format IS 'what the content is, whatever the name says: pdf, xlsx, xls, ods, docx, doc, html, encrypted-ooxml (a password-protected .xlsx/.docx) or unknown';
COMMENT ON COLUMN documents.pages IS 'page count (a workbook: its sheets; a Word file or web page: 1)';
COMMENT ON COLUMN documents.layout IS 'form family: project_scored, project_unscored, department_summary, project_scored_method, department_overall';
COMMENT ON COLUMN documents.title IS '表名: the form''s title line';
COMMENT ON COLUMN documents.issuer IS '填报单位: the publishing bureau';
COMMENT ON COLUMN documents.money_unit IS '金额单位: unit printed on the form (元 or 万元); amounts in the warehouse are always yuan';
COMMENT ON COLUMN documents.ocr IS 'true when the text came from OCR of a scan';
COMMENT ON COLUMN documents.status IS 'loaded | duplicate (same content as a loaded path) | quarantined | superseded (the path now has new content)';
COMMENT ON COLUMN documents.error IS 'why the file was quarantined';
COMMENT ON COLUMN documents.quarantine_path IS 'where the quarantined file was copied';
COMMENT ON COLUMN documents.first_seen IS 'when this path and content were first seen';
COMMENT ON COLUMN documents.loaded_at IS 'when its facts were written (or its status last changed)';
COMMENT ON COLUMN documents.parser_version IS 'parser version that read it (runs.parser_version)';
COMMENT ON COLUMN documents.run_id IS 'the run that last wrote this row';
