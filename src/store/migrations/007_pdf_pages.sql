-- Issue 13, PDF ingest: a paged original keeps its pages as positions, the offset in the cleaned text where each
-- page begins (page 1 first); null for documents without pages (text, HTML, Word).
ALTER TABLE documents ADD COLUMN page_starts integer[];
