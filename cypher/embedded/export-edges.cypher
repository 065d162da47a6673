// Every edge with its endpoints' ids.
// params: none
MATCH (a)-[e]->(b)
RETURN label(e) AS type, a.id AS fromId, b.id AS toId, e AS e
