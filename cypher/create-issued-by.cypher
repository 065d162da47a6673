// Creates ISSUED_BY edges (Document → Agency) with their provenance; the caller checks `created` against the rows sent.
// params: rows
UNWIND $rows AS r
MATCH (a:Document {id: r.fromId})
MATCH (b:Agency {id: r.toId})
CREATE (a)-[e:ISSUED_BY]->(b)
SET e.id = r.id, e.assertedBy = r.assertedBy, e.source = r.source,
    e.evidenceStart = toInteger(r.evidenceStart), e.evidenceEnd = toInteger(r.evidenceEnd), e.method = r.method,
    e.confidence = toFloat(r.confidence), e.extractorVersion = r.extractorVersion
RETURN count(e) AS created
