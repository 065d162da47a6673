-- A document's columns under the names of the model (records.ts); the table is aliased d, joined to node.
node.id AS id, d.symbol AS symbol, d.symbol_key AS symbolKey, d.type AS type, d.issuer_name AS issuerName,
d.branch AS branch, d.level AS level, d.jurisdiction AS jurisdiction, d.jurisdiction_key AS jurisdictionKey,
d.province AS province, d.date_value AS dateValue, d.date_text AS dateText, d.date_valid AS dateValid,
d.year AS year, d.title AS title, d.subject AS subject, d.promulgates AS promulgates, d.signer AS signer,
d.status AS status, d.sources AS sources, d.content_hash AS contentHash,
d.extractor_version AS extractorVersion, d.search_text AS searchText, d.merged_ids AS mergedIds,
d.identity_notes AS identityNotes, d.asserted_from AS assertedFrom, d.signer_title AS signerTitle, d.term AS term
