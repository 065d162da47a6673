// Edges of one type entering the given nodes, with the id at the other end (nodes are read after, by key:
// in the join plan, reading node properties cost 3-6x the lookup itself). A template expanded at
// start-up for each (type, from table, to table) the schema allows (see edges-from).
// params: ids
UNWIND $ids AS i
MATCH (a:{{FROM}})-[e:{{TYPE}}]->(b:{{TO}} {id: i})
RETURN '{{TYPE}}' AS type, a.id AS fromId, b.id AS toId, e AS e
