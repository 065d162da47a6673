-- SQLite schema, version 1: the embedded store's source of truth.
-- Every node has a row in `node` (its id and kind, and an integer `n` the other tables key on); its
-- properties are in the table of its kind. Lists are JSON arrays of strings. Edges name their ends by `n`
-- and their provenance strings (file, asserting document, extractor version) through `string`, where each
-- distinct value is stored once. An edge's id is not stored: it is computed from its key (model/graph.ts
-- edgeId), which is also the table's primary key.

CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE node (
  n INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('DOCUMENT', 'TASK', 'AGENCY'))
);

CREATE TABLE document (
  n INTEGER PRIMARY KEY REFERENCES node (n) ON DELETE CASCADE,
  symbol TEXT,
  symbol_key TEXT,
  type TEXT NOT NULL,
  issuer_name TEXT,
  branch TEXT,
  level TEXT,
  jurisdiction TEXT,
  jurisdiction_key TEXT NOT NULL,
  province TEXT,
  date_value TEXT,
  date_text TEXT,
  date_valid INTEGER NOT NULL CHECK (date_valid IN (0, 1)),
  year INTEGER,
  title TEXT,
  subject TEXT,
  promulgates TEXT,
  signer TEXT,
  status TEXT NOT NULL CHECK (status IN ('FULL_TEXT', 'CITED_ONLY')),
  sources TEXT NOT NULL,
  content_hash TEXT,
  extractor_version TEXT,
  search_text TEXT NOT NULL,
  subject_text TEXT NOT NULL,
  -- Name keys (text/fold.ts nameKey) of the title and the promulgated name: reconcile looks documents up by them.
  title_key TEXT,
  promulgates_key TEXT,
  merged_ids TEXT NOT NULL,
  identity_notes TEXT NOT NULL,
  asserted_from TEXT NOT NULL
);
CREATE INDEX document_symbol ON document (symbol_key) WHERE symbol_key IS NOT NULL;
CREATE INDEX document_jurisdiction ON document (jurisdiction_key);
CREATE INDEX document_title_key ON document (title_key) WHERE title_key IS NOT NULL;
CREATE INDEX document_promulgates_key ON document (promulgates_key) WHERE promulgates_key IS NOT NULL;
-- Merges are rare: only the documents that absorbed another are indexed for reads by a merged-away id.
CREATE INDEX document_merged ON document (n) WHERE merged_ids <> '[]';

CREATE TABLE task (
  n INTEGER PRIMARY KEY REFERENCES node (n) ON DELETE CASCADE,
  -- The document id is the part of the task id before '#'; stored only when it is not (never, today).
  document_id TEXT,
  key TEXT NOT NULL,
  label TEXT NOT NULL,
  parent_key TEXT,
  title TEXT NOT NULL,
  text TEXT NOT NULL,
  groups TEXT NOT NULL,
  deadline_kind TEXT,
  deadline_value TEXT,
  deadline_text TEXT,
  deadline_valid INTEGER NOT NULL CHECK (deadline_valid IN (0, 1)),
  sources TEXT NOT NULL
);

CREATE TABLE agency (
  n INTEGER PRIMARY KEY REFERENCES node (n) ON DELETE CASCADE,
  name TEXT NOT NULL,
  variants TEXT NOT NULL,
  jurisdiction TEXT,
  level TEXT,
  sources TEXT NOT NULL,
  search_text TEXT NOT NULL
);

CREATE TABLE string (
  s INTEGER PRIMARY KEY,
  value TEXT NOT NULL UNIQUE
);

CREATE TABLE edge (
  from_n INTEGER NOT NULL REFERENCES node (n) ON DELETE CASCADE,
  type TEXT NOT NULL CHECK (type IN ('IMPLEMENTS', 'CITES', 'ASSIGNS', 'ISSUED_BY', 'HAS_TASK', 'PART_OF')),
  to_n INTEGER NOT NULL REFERENCES node (n) ON DELETE CASCADE,
  asserted_by INTEGER NOT NULL REFERENCES string (s),
  -- CITES: the basis ('' for none); ASSIGNS: the role; '' for the other types.
  qualifier TEXT NOT NULL,
  source INTEGER NOT NULL REFERENCES string (s),
  evidence_start INTEGER NOT NULL,
  evidence_end INTEGER NOT NULL,
  method TEXT NOT NULL,
  confidence REAL NOT NULL,
  extractor_version INTEGER NOT NULL REFERENCES string (s),
  PRIMARY KEY (from_n, type, to_n, asserted_by, qualifier)
) WITHOUT ROWID;
CREATE INDEX edge_to ON edge (to_n, type);
