-- Issue 13. Sources as outlets: `documents.source` is the outlet that published a document ("Al Jazeera"), and
-- `origin` the path, JSONL line or URL it was read from. Before this migration `source` held the origin.
ALTER TABLE documents ADD COLUMN origin text;
UPDATE documents SET origin = source;
-- A path, a URL, stdin, an upload or a paste names no outlet; a bare host name (an article URL's) is kept as one.
UPDATE documents SET source = NULL
 WHERE source ~ '[/\\]' OR source IN ('stdin', 'pasted') OR source LIKE 'upload:%';
-- Every place a document was seen keeps the outlet it was credited to there.
ALTER TABLE document_sources ADD COLUMN outlet text;

-- One entry per real event: an event's actors as the states they act for ("Putin" → Russia), and whether its
-- date is stated or only the report's (an upper bound).
ALTER TABLE events ADD COLUMN source_state_id text REFERENCES entities(id);
ALTER TABLE events ADD COLUMN target_state_id text REFERENCES entities(id);
ALTER TABLE events ADD COLUMN date_basis text;
UPDATE events SET date_basis = CASE WHEN date_value IS NULL THEN NULL WHEN coalesce(date_text, '') = '' THEN 'report' ELSE 'stated' END;
ALTER TABLE timeline_entries ADD COLUMN date_basis text;
UPDATE timeline_entries t SET date_basis = 'report'
 WHERE t.date_value IS NOT NULL AND NOT EXISTS (SELECT 1 FROM events v WHERE v.entry_id = t.id AND v.date_basis = 'stated');
CREATE INDEX events_source_state ON events (source_state_id) WHERE source_state_id IS NOT NULL;
CREATE INDEX events_target_state ON events (target_state_id) WHERE target_state_id IS NOT NULL;
