// Edges of the given types leaving the given nodes, with the node at the other end.
// params: ids, types
UNWIND $ids AS i
MATCH (a:Node {id: i})-[e]->(b:Node)
WHERE type(e) IN $types
RETURN type(e) AS type, a.id AS fromId, b.id AS toId, properties(e) AS e,
       [l IN labels(b) WHERE l <> 'Node'][0] AS label, properties(b) AS n
