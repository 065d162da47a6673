// Document-level IMPLEMENTS edges out of the given documents, one row per edge (whoever asserted it).
// One query for any number of ids: ~7 ms for 1 to 50 ids, 10 ms for 500 on a 7k-document, 107k-IMPLEMENTS
// graph, where `WHERE a.id IN $ids` grows with the list (31 ms for 500) and one query per id is 5+ ms each.
// params: ids
UNWIND $ids AS i
MATCH (a:Document {id: i})-[:IMPLEMENTS]->(b:Document)
RETURN a.id AS fromId, b.id AS toId
