-- An edge's columns (strings by number: the store reads them through its string cache); aliased e.
e.from_n AS fromN, e.type AS type, e.to_n AS toN, e.asserted_by AS assertedBy, e.qualifier AS qualifier,
e.source AS source, e.evidence_start AS evidenceStart, e.evidence_end AS evidenceEnd, e.method AS method,
e.confidence AS confidence, e.extractor_version AS extractorVersion
