-- SQLite schema, version 3: validity hints (AMENDS, REPLACES, REPEALS, GUIDES: Document → Document) are edge types.
-- SQLite cannot alter a CHECK constraint, so the edge table is rebuilt with the wider one and its rows copied as
-- they are (the key, provenance columns and the index stay the same). Nothing references `edge`, so dropping it is
-- safe with foreign keys on.

CREATE TABLE edge_v3 (
  from_n INTEGER NOT NULL REFERENCES node (n) ON DELETE CASCADE,
  type TEXT NOT NULL CHECK (type IN ('IMPLEMENTS', 'CITES', 'ASSIGNS', 'ISSUED_BY', 'HAS_TASK', 'PART_OF',
    'AMENDS', 'REPLACES', 'REPEALS', 'GUIDES')),
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
INSERT INTO edge_v3 SELECT from_n, type, to_n, asserted_by, qualifier, source, evidence_start, evidence_end, method,
  confidence, extractor_version FROM edge;
DROP TABLE edge;
ALTER TABLE edge_v3 RENAME TO edge;
CREATE INDEX edge_to ON edge (to_n, type);
