// Document-level IMPLEMENTS edges out of the given documents, one row per edge (whoever asserted it).
// params: ids
UNWIND $ids AS i
MATCH (a:Document {id: i})-[:IMPLEMENTS]->(b:Document)
RETURN a.id AS fromId, b.id AS toId
