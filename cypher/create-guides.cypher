// Creates GUIDES edges (Document → Document, a validity hint) with their provenance; the caller checks `created` against the rows sent.
// params: rows
UNWIND $rows AS r
MATCH (a:Document {id: r.fromId})
MATCH (b:Document {id: r.toId})
CREATE (a)-[e:GUIDES]->(b)
SET e.id = r.id, e.assertedBy = r.assertedBy, e.source = r.source,
    e.evidenceStart = toInteger(r.evidenceStart), e.evidenceEnd = toInteger(r.evidenceEnd), e.method = r.method,
    e.confidence = toFloat(r.confidence), e.extractorVersion = r.extractorVersion
RETURN count(e) AS created
