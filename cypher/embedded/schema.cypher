// LadybugDB schema: node and relationship tables (schema first; every statement is idempotent).
// Columns added since a table was first created come as ALTER ... ADD IF NOT EXISTS, so an older database gains them.
// params: none
CREATE NODE TABLE IF NOT EXISTS StoreMeta(id STRING PRIMARY KEY, value STRING);
CREATE NODE TABLE IF NOT EXISTS Document(id STRING PRIMARY KEY, symbol STRING, symbolKey STRING, type STRING, issuerName STRING, branch STRING, level STRING, jurisdiction STRING, jurisdictionKey STRING, province STRING, dateValue STRING, dateText STRING, dateValid BOOLEAN, year INT32, title STRING, subject STRING, promulgates STRING, signer STRING, status STRING, sources STRING[], contentHash STRING, extractorVersion STRING, searchText STRING, subjectText STRING, mergedIds STRING[], identityNotes STRING[], assertedFrom STRING[]);
ALTER TABLE Document ADD IF NOT EXISTS mergedIds STRING[] DEFAULT [];
ALTER TABLE Document ADD IF NOT EXISTS identityNotes STRING[] DEFAULT [];
CREATE NODE TABLE IF NOT EXISTS Agency(id STRING PRIMARY KEY, name STRING, variants STRING[], jurisdiction STRING, level STRING, sources STRING[], searchText STRING);
CREATE NODE TABLE IF NOT EXISTS Task(id STRING PRIMARY KEY, documentId STRING, key STRING, label STRING, parentKey STRING, title STRING, text STRING, groups STRING[], deadlineKind STRING, deadlineValue STRING, deadlineText STRING, deadlineValid BOOLEAN, sources STRING[]);
CREATE REL TABLE IF NOT EXISTS IMPLEMENTS(FROM Document TO Document, FROM Task TO Document, id STRING, assertedBy STRING, source STRING, evidenceStart INT32, evidenceEnd INT32, method STRING, confidence DOUBLE, extractorVersion STRING);
CREATE REL TABLE IF NOT EXISTS CITES(FROM Document TO Document, id STRING, assertedBy STRING, source STRING, evidenceStart INT32, evidenceEnd INT32, method STRING, confidence DOUBLE, extractorVersion STRING, basis STRING);
CREATE REL TABLE IF NOT EXISTS ASSIGNS(FROM Task TO Agency, id STRING, assertedBy STRING, source STRING, evidenceStart INT32, evidenceEnd INT32, method STRING, confidence DOUBLE, extractorVersion STRING, role STRING);
CREATE REL TABLE IF NOT EXISTS ISSUED_BY(FROM Document TO Agency, id STRING, assertedBy STRING, source STRING, evidenceStart INT32, evidenceEnd INT32, method STRING, confidence DOUBLE, extractorVersion STRING);
CREATE REL TABLE IF NOT EXISTS HAS_TASK(FROM Document TO Task, id STRING, assertedBy STRING, source STRING, evidenceStart INT32, evidenceEnd INT32, method STRING, confidence DOUBLE, extractorVersion STRING);
CREATE REL TABLE IF NOT EXISTS PART_OF(FROM Task TO Task, id STRING, assertedBy STRING, source STRING, evidenceStart INT32, evidenceEnd INT32, method STRING, confidence DOUBLE, extractorVersion STRING);
