-- Dossier's schema: documents and every analysis layer, one row per span, all offsets into documents.text.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE documents (
  id            text PRIMARY KEY,               -- sha256 of the cleaned text
  title         text,
  date          date,
  date_source   text,
  date_from     date,                           -- for inferred dates: the interval the inference is sure of
  date_to       date,
  source        text,
  url           text,
  language      text NOT NULL,
  byline        text,
  text          text NOT NULL,
  word_count    integer NOT NULL DEFAULT 0,
  near_duplicate_of text REFERENCES documents(id) ON DELETE SET NULL,
  similarity    real,                           -- estimated Jaccard similarity to near_duplicate_of
  ingested_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX documents_date ON documents (date DESC NULLS LAST);
CREATE INDEX documents_source ON documents (source);
CREATE INDEX documents_near_dup ON documents (near_duplicate_of);

-- Every place a document was seen: an exact copy from a second site adds a row here, not a document.
CREATE TABLE document_sources (
  document_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  source      text NOT NULL,
  url         text,
  title       text,
  date        date,
  added_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (document_id, source)
);

-- MinHash LSH bands for near-duplicate lookup.
CREATE TABLE document_bands (
  band        smallint NOT NULL,
  hash        bigint NOT NULL,
  document_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE
);
CREATE INDEX document_bands_lookup ON document_bands (band, hash);
CREATE INDEX document_bands_doc ON document_bands (document_id);

CREATE TABLE document_signatures (
  document_id text PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  minhash     integer[] NOT NULL
);

CREATE TABLE sentences (
  document_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx         integer NOT NULL,
  span_start  integer NOT NULL,
  span_end    integer NOT NULL,
  tsv         tsvector NOT NULL,                -- over the folded text, so "Vucic" finds "Vučić"
  PRIMARY KEY (document_id, idx)
);
CREATE INDEX sentences_tsv ON sentences USING gin (tsv);

-- Actors across documents: one row per KB entry, or per normalised name and type for actors the KB lacks.
CREATE TABLE entities (
  id         text PRIMARY KEY,                  -- 'kb:<kbId>' or 'x:<TYPE>:<normalised name>'
  kb_id      text UNIQUE,
  name       text NOT NULL,
  norm_name  text NOT NULL,
  type       text NOT NULL,
  wikidata   text,
  aliases    text[] NOT NULL DEFAULT '{}'
);
CREATE INDEX entities_norm_trgm ON entities USING gin (norm_name gin_trgm_ops);
CREATE INDEX entities_type ON entities (type);

CREATE TABLE mentions (
  document_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  entity_id   text NOT NULL REFERENCES entities(id),
  local_id    text NOT NULL,                    -- the entity's id within the document (e1, e2...)
  span_start  integer NOT NULL,
  span_end    integer NOT NULL,
  text        text NOT NULL,
  kind        text
);
CREATE INDEX mentions_entity ON mentions (entity_id, document_id);
CREATE INDEX mentions_doc ON mentions (document_id);

CREATE TABLE times (
  document_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  span_start  integer NOT NULL,
  span_end    integer NOT NULL,
  text        text NOT NULL,
  value       text,
  granularity text
);
CREATE INDEX times_doc ON times (document_id);

CREATE TABLE quotes (
  document_id    text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  local_id       text NOT NULL,
  span_start     integer NOT NULL,
  span_end       integer NOT NULL,
  text           text NOT NULL,
  direct         boolean NOT NULL,
  speaker_id     text REFERENCES entities(id),
  speaker_text   text,
  norm_text      text NOT NULL,                 -- for merging one quote carried by several outlets
  PRIMARY KEY (document_id, local_id)
);
CREATE INDEX quotes_speaker ON quotes (speaker_id);
CREATE INDEX quotes_norm ON quotes (md5(norm_text));

CREATE TABLE events (
  document_id    text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  local_id       text NOT NULL,
  type           text NOT NULL,
  cameo          text,
  source_id      text REFERENCES entities(id),
  target_id      text REFERENCES entities(id),
  location_id    text REFERENCES entities(id),
  date_value     text,
  date_text      text,
  negated        boolean NOT NULL DEFAULT false,
  modality       text NOT NULL,
  trigger_start  integer NOT NULL,
  trigger_end    integer NOT NULL,
  trigger_text   text NOT NULL,
  sentence_start integer NOT NULL,
  sentence_end   integer NOT NULL,
  confidence     real NOT NULL,
  PRIMARY KEY (document_id, local_id)
);
CREATE INDEX events_source ON events (source_id);
CREATE INDEX events_target ON events (target_id);
CREATE INDEX events_type_date ON events (type, date_value);

CREATE TABLE stances (
  document_id    text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  holder_id      text NOT NULL REFERENCES entities(id),
  topic          text NOT NULL,
  polarity       text NOT NULL,
  evidence_start integer NOT NULL,
  evidence_end   integer NOT NULL,
  date           text
);
CREATE INDEX stances_holder ON stances (holder_id);
