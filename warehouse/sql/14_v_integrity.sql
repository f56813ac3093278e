-- The load's invariants, as rows that break them: a healthy warehouse returns none. Every run checks
-- this before it publishes a write (warehouse/publish.py), so a failing write is never published.
CREATE OR REPLACE VIEW v_integrity AS
WITH fact_docs AS (
    SELECT doc_id FROM evaluations
    UNION SELECT doc_id FROM budget_lines
    UNION SELECT doc_id FROM goals
    UNION SELECT doc_id FROM indicators
    UNION SELECT doc_id FROM value_cells
)
SELECT 'facts without a loaded document' AS problem, f.doc_id
FROM fact_docs f
WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.sha256 = f.doc_id AND d.status = 'loaded')
UNION ALL
SELECT 'loaded document without facts', d.sha256
FROM documents d
WHERE d.status = 'loaded' AND NOT EXISTS (SELECT 1 FROM evaluations e WHERE e.doc_id = d.sha256)
UNION ALL
SELECT 'duplicate of content that is not loaded', d.sha256
FROM documents d
WHERE d.status = 'duplicate'
  AND NOT EXISTS (SELECT 1 FROM documents l WHERE l.sha256 = d.sha256 AND l.status = 'loaded');
COMMENT ON VIEW v_integrity IS 'rows breaking the load''s invariants (facts <-> loaded documents); always empty';
COMMENT ON COLUMN v_integrity.problem IS 'which invariant the row breaks';
COMMENT ON COLUMN v_integrity.doc_id IS 'the content (documents.sha256) concerned';
