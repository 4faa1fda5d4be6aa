-- Undated reports find their entries through a shared actor near their document's date.
CREATE INDEX timeline_entries_undated_source ON timeline_entries (type, source_id, doc_date) WHERE date_from IS NULL;
CREATE INDEX timeline_entries_undated_target ON timeline_entries (type, target_id, doc_date) WHERE date_from IS NULL;
