// Writes rows of nodes known to be new (the batch writer checked): CREATE, never a MERGE scan.
// params: rows
UNWIND $rows AS r
CREATE (d:Node:Document {id: r.id})
SET d.symbol = r.symbol, d.symbolKey = r.symbolKey, d.type = r.type, d.issuerName = r.issuerName,
    d.branch = r.branch, d.level = r.level, d.jurisdiction = r.jurisdiction, d.jurisdictionKey = r.jurisdictionKey,
    d.province = r.province, d.dateValue = r.dateValue, d.dateText = r.dateText, d.dateValid = r.dateValid,
    d.year = toInteger(r.year), d.title = r.title, d.subject = r.subject, d.promulgates = r.promulgates,
    d.signer = r.signer, d.status = r.status, d.sources = r.sources, d.contentHash = r.contentHash,
    d.extractorVersion = r.extractorVersion, d.searchText = r.searchText, d.subjectText = r.subjectText,
    d.mergedIds = r.mergedIds, d.identityNotes = r.identityNotes, d.assertedFrom = r.assertedFrom,
    d.signerTitle = r.signerTitle, d.term = r.term
