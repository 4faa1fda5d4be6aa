-- Issue 11: every lookup a write makes is an index probe whose cost does not grow with the store, and no index is
-- kept that no read path uses (each costs every write).

-- Stance disagreements look for the other documents' claims nearest in time: by the claim's document date, read
-- outwards from the new document's date, instead of every claim of the holder on the topic sorted.
ALTER TABLE stances ADD COLUMN doc_date date;
UPDATE stances s SET doc_date = d.date FROM documents d WHERE d.id = s.document_id;
CREATE INDEX stances_nearest ON stances (holder_id, topic, polarity, doc_date);
DROP INDEX stances_match;

-- Quote groups are probed by their head (first eight words) and speaker together: a head shared by hundreds of
-- quotes (a template, a slogan) no longer means reading all of them for one speaker's.
CREATE INDEX quote_groups_probe ON quote_groups (md5(head), speaker_id) WHERE head IS NOT NULL;
DROP INDEX quote_groups_head;
-- No read path: containment is found through heads, not trigrams of the groups' text.
DROP INDEX quote_groups_norm_trgm;
-- No read path since groups carry their text (migration 003): quotes are grouped through quote_groups.
DROP INDEX quotes_head;
DROP INDEX quotes_norm;

-- Timeline candidates are found through an actor (the match_source/target and undated_source/target indexes) or,
-- with none, by exact date (match_value); the type timeline reads timeline_entries_type.
DROP INDEX timeline_entries_match_dated;
DROP INDEX timeline_entries_match_undated;
