// Every edge between graph nodes with its endpoints' ids.
// params: none
MATCH (a:Node)-[e]->(b:Node)
RETURN type(e) AS type, a.id AS fromId, b.id AS toId, properties(e) AS e
