-- 004: sources in other formats (issue 16): each document's format, and each fact's locator in its source
-- (p3, a sheet and cell range, a Word/HTML table's row and column).
ALTER TABLE documents ADD COLUMN format VARCHAR;
ALTER TABLE evaluations ADD COLUMN locator VARCHAR;
ALTER TABLE budget_lines ADD COLUMN locator VARCHAR;
ALTER TABLE goals ADD COLUMN locator VARCHAR;
ALTER TABLE indicators ADD COLUMN locator VARCHAR;
