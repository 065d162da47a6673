// Creates ASSIGNS edges (Task → Agency) with their provenance; the caller checks `created` against the rows sent.
// params: rows
UNWIND $rows AS r
MATCH (a:Task {id: r.fromId})
MATCH (b:Agency {id: r.toId})
CREATE (a)-[e:ASSIGNS]->(b)
SET e.id = r.id, e.assertedBy = r.assertedBy, e.source = r.source,
    e.evidenceStart = toInteger(r.evidenceStart), e.evidenceEnd = toInteger(r.evidenceEnd), e.method = r.method,
    e.confidence = toFloat(r.confidence), e.extractorVersion = r.extractorVersion, e.role = r.role
RETURN count(e) AS created
