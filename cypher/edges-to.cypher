// Edges of the given types entering the given nodes, with the node at the other end.
// params: ids, types
UNWIND $ids AS i
MATCH (a:Node)-[e]->(b:Node {id: i})
WHERE type(e) IN $types
RETURN type(e) AS type, a.id AS fromId, b.id AS toId, properties(e) AS e,
       [l IN labels(a) WHERE l <> 'Node'][0] AS label, properties(a) AS n
