-- 002: a run that fails says why; a run may be a forced re-read; every finding has a number that
-- `jixiao findings` shows and a later `jixiao findings ack ID` can refer to (existing rows are numbered).
CREATE SEQUENCE IF NOT EXISTS dq_finding_id START 1;
ALTER TABLE dq_results ADD COLUMN finding_id BIGINT DEFAULT nextval('dq_finding_id');
ALTER TABLE runs ADD COLUMN error VARCHAR;
ALTER TABLE runs ADD COLUMN reprocess BOOLEAN;
