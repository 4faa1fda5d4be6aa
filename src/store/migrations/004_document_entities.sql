-- One row per actor per document, and running counts on the actor: entity lists, profiles, co-occurrence and the
-- graph read these instead of aggregating every mention.
CREATE TABLE document_entities (
  entity_id   text NOT NULL REFERENCES entities(id),
  document_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  mentions    integer NOT NULL,
  PRIMARY KEY (entity_id, document_id)
);
CREATE INDEX document_entities_doc ON document_entities (document_id);
INSERT INTO document_entities (entity_id, document_id, mentions)
  SELECT entity_id, document_id, count(*)::int FROM mentions GROUP BY entity_id, document_id;

ALTER TABLE entities ADD COLUMN mention_count integer NOT NULL DEFAULT 0;
ALTER TABLE entities ADD COLUMN document_count integer NOT NULL DEFAULT 0;
UPDATE entities e SET mention_count = c.m, document_count = c.d
  FROM (SELECT entity_id, sum(mentions)::int AS m, count(*)::int AS d FROM document_entities GROUP BY entity_id) c
 WHERE c.entity_id = e.id;
CREATE INDEX entities_rank ON entities (document_count DESC, mention_count DESC, name) WHERE document_count > 0;

-- A deleted document takes its rows here with it; the counts follow.
CREATE FUNCTION document_entity_release() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE entities SET mention_count = mention_count - OLD.mentions, document_count = document_count - 1 WHERE id = OLD.entity_id; RETURN NULL; END $$;
CREATE TRIGGER document_entities_release AFTER DELETE ON document_entities FOR EACH ROW EXECUTE FUNCTION document_entity_release();
