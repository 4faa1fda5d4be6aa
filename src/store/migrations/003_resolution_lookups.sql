-- Cross-document lookups that stay index probes as the store grows.
-- Timeline: a report finds entries through an actor it shares with them (or, with no actors at all, through its
-- exact date), so a popular event type in a busy year does not mean scanning every entry of that type.
CREATE INDEX timeline_entries_match_source ON timeline_entries (type, source_id, date_from);
CREATE INDEX timeline_entries_match_target ON timeline_entries (type, target_id, date_from);
CREATE INDEX timeline_entries_match_value ON timeline_entries (type, date_value) WHERE source_id IS NULL AND target_id IS NULL;

-- Quote groups carry their fullest text, so a new quote is compared with one row per distinct quote rather than
-- with every copy of it.
ALTER TABLE quote_groups ADD COLUMN norm_text text;
UPDATE quote_groups g SET norm_text = (SELECT q.norm_text FROM quotes q WHERE q.group_id = g.id ORDER BY length(q.norm_text) DESC LIMIT 1);
ALTER TABLE quote_groups ADD COLUMN head text GENERATED ALWAYS AS (substring(norm_text from '^((?:[^ ]+ ){7}[^ ]+)')) STORED;
CREATE INDEX quote_groups_norm_md5 ON quote_groups (md5(norm_text));
CREATE INDEX quote_groups_norm_trgm ON quote_groups USING gin (norm_text gin_trgm_ops);
CREATE INDEX quote_groups_head ON quote_groups (head) WHERE head IS NOT NULL;
