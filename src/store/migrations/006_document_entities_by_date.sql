-- An actor's latest documents straight from an index: profiles look at an actor's recent reporting, and for an
-- actor named in thousands of documents that must not mean sorting all of them.
ALTER TABLE document_entities ADD COLUMN doc_date date;
UPDATE document_entities de SET doc_date = d.date FROM documents d WHERE d.id = de.document_id;
CREATE INDEX document_entities_recent ON document_entities (entity_id, doc_date DESC NULLS LAST, document_id);
CREATE INDEX stances_doc ON stances (document_id);
