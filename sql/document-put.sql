-- Writes a document's properties (the node row exists).
INSERT OR REPLACE INTO document (n, symbol, symbol_key, type, issuer_name, branch, level, jurisdiction,
  jurisdiction_key, province, date_value, date_text, date_valid, year, title, subject, promulgates, signer,
  status, sources, content_hash, extractor_version, search_text, subject_text, title_key, promulgates_key,
  merged_ids, identity_notes, asserted_from, signer_title, term)
VALUES (@n, @symbol, @symbolKey, @type, @issuerName, @branch, @level, @jurisdiction, @jurisdictionKey,
  @province, @dateValue, @dateText, @dateValid, @year, @title, @subject, @promulgates, @signer, @status,
  @sources, @contentHash, @extractorVersion, @searchText, @subjectText, @titleKey, @promulgatesKey,
  @mergedIds, @identityNotes, @assertedFrom, @signerTitle, @term)
