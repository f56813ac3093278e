-- 006: a run stopped by SIGTERM or SIGINT ends 'interrupted' (issue 14). DuckDB cannot alter or drop a
-- CHECK constraint, so runs is rebuilt with the new one (same columns, same order; nothing refers to it).
-- Comments come back from sql/01_runs.sql, which runs after the migrations.
CREATE TABLE runs_006 AS SELECT * FROM runs;
DROP TABLE runs;
CREATE TABLE runs (
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
INSERT INTO runs SELECT * FROM runs_006;
DROP TABLE runs_006;
