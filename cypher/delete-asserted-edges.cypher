// Deletes the edges a document asserted, starting from the sources it recorded (no scan of every edge).
// params: fromIds, documentId
UNWIND $fromIds AS i
MATCH (a:Node {id: i})-[e]->(b:Node)
WHERE e.assertedBy = $documentId
WITH a.id AS fromId, b.id AS toId, e
DELETE e
RETURN fromId, toId
