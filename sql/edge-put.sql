-- Writes an edge; an edge with the same key (the same id) is replaced.
INSERT OR REPLACE INTO edge (from_n, type, to_n, asserted_by, qualifier, source, evidence_start, evidence_end,
  method, confidence, extractor_version)
VALUES (@fromN, @type, @toN, @assertedBy, @qualifier, @source, @evidenceStart, @evidenceEnd, @method,
  @confidence, @extractorVersion)
