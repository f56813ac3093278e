-- The warehouse's schema version: one row per migration applied (warehouse/schema.py runs this file first).
CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       VARCHAR NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    sql_digest VARCHAR
);
COMMENT ON TABLE schema_migrations IS 'schema versions applied to this warehouse (warehouse/migrations/)';
COMMENT ON COLUMN schema_migrations.version IS 'migration number (NNN of migrations/NNN_*.sql)';
COMMENT ON COLUMN schema_migrations.name IS 'migration file name, or created (a new warehouse) / current (sql/ re-applied)';
COMMENT ON COLUMN schema_migrations.applied_at IS 'when it was applied';
COMMENT ON COLUMN schema_migrations.sql_digest IS 'digest of warehouse/sql/ when last applied (the files re-run when it changes)';
