-- One row per ingest run (also the runs that found nothing new).
CREATE TABLE IF NOT EXISTS runs (
    run_id              VARCHAR PRIMARY KEY,
    prefect_flow_run_id VARCHAR,
    source              VARCHAR NOT NULL,
    parser_version      VARCHAR NOT NULL,
    started_at          TIMESTAMPTZ NOT NULL,
    finished_at         TIMESTAMPTZ,
    status              VARCHAR NOT NULL CHECK (status IN ('running', 'completed', 'interrupted', 'failed')),
    files_seen          INTEGER,
    files_new           INTEGER,
    files_skipped       INTEGER,
    files_quarantined   INTEGER,
    files_duplicate     INTEGER,
    files_superseded    INTEGER,
    facts_loaded        BIGINT,
    checks_failed       INTEGER,
    checks_warned       INTEGER,
    report_path         VARCHAR,
    error               VARCHAR,
    reprocess           BOOLEAN
);
COMMENT ON TABLE runs IS 'ingest runs: what each run saw, loaded and found';
COMMENT ON COLUMN runs.run_id IS 'run id (UUID)';
COMMENT ON COLUMN runs.prefect_flow_run_id IS 'the Prefect flow run, null when nothing needed parsing';
COMMENT ON COLUMN runs.source IS 'source folder scanned';
COMMENT ON COLUMN runs.parser_version IS 'parser version of the run: jixiao release + digest of the parsing code (extract/, transform/)';
COMMENT ON COLUMN runs.started_at IS 'start time';
COMMENT ON COLUMN runs.finished_at IS 'end time, null while running or after a crash';
COMMENT ON COLUMN runs.status IS 'running | completed | interrupted (stopped by SIGTERM or SIGINT; what it wrote stays) | failed (stopped by an error, or killed: then set by the next run)';
COMMENT ON COLUMN runs.files_seen IS 'files found under source (every file is recorded in documents)';
COMMENT ON COLUMN runs.files_new IS 'files parsed in this run (new or changed content, or new parser version)';
COMMENT ON COLUMN runs.files_skipped IS 'files already in the warehouse with the same content and parser version';
COMMENT ON COLUMN runs.files_quarantined IS 'files this run recorded as quarantined (could not be loaded)';
COMMENT ON COLUMN runs.files_duplicate IS 'new names of content already loaded (recorded, not loaded again)';
COMMENT ON COLUMN runs.files_superseded IS 'earlier versions replaced by new content at the same path';
COMMENT ON COLUMN runs.facts_loaded IS 'fact rows written (evaluations, budget lines, goals, indicators)';
COMMENT ON COLUMN runs.checks_failed IS 'dq findings of severity error, a quarantined file''s document_quarantined included';
COMMENT ON COLUMN runs.checks_warned IS 'dq findings of severity warning';
COMMENT ON COLUMN runs.report_path IS 'the run''s HTML data-quality report';
COMMENT ON COLUMN runs.error IS 'why the run failed, when it did';
COMMENT ON COLUMN runs.reprocess IS 'true when every file was read again (jixiao ingest --reprocess)';
