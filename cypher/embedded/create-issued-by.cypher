// Creates ISSUED_BY edges (Document → Agency): two key lookups per row (MATCH, WITH, MATCH), never a join plan.
// params: rows
UNWIND $rows AS r
MATCH (a:Document {id: r.fromId})
WITH a, r
MATCH (b:Agency {id: r.toId})
CREATE (a)-[e:ISSUED_BY {id: r.id, assertedBy: r.assertedBy, source: r.source,
  evidenceStart: CAST(r.evidenceStart AS INT32), evidenceEnd: CAST(r.evidenceEnd AS INT32), method: r.method,
  confidence: CAST(r.confidence AS DOUBLE), extractorVersion: r.extractorVersion}]->(b)
RETURN count(e) AS created
