-- A stance names its object in full (issue 13, src/extract/stance.ts `object`): for a membership topic the state
-- whose joining it is ("Bosnia and Herzegovina's NATO membership"), for an actor topic that actor. Written like
-- holder_id: the document's entity id mapped to the store's. Null for stances stored before it, or when the text
-- does not say whose.
ALTER TABLE stances ADD COLUMN object_id text REFERENCES entities(id);
-- A topic's stances, every holder (`dossier stance --topic`, /api/stances?topic=, the Topics view).
CREATE INDEX stances_topic ON stances (topic, object_id);
