// Deletes the edges a document asserted, starting from the sources it recorded (no scan of every edge).
// params: fromIds, documentId
UNWIND $fromIds AS i
MATCH (a {id: i})-[e]->(b)
WHERE e.assertedBy = $documentId
WITH a, e, b
DELETE e
RETURN a.id AS fromId, b.id AS toId
