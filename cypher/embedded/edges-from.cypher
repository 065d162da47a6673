// Edges of one type leaving the given nodes, with the id at the other end (nodes are read after, by key:
// in the join plan, reading node properties cost 3-6x the lookup itself). A template expanded at
// start-up for each (type, from table, to table) the schema allows: labelled, typed patterns are key
// lookups on one table; an unlabelled, untyped one spans every table (~5 ms per call more).
// params: ids
UNWIND $ids AS i
MATCH (a:{{FROM}} {id: i})-[e:{{TYPE}}]->(b:{{TO}})
RETURN '{{TYPE}}' AS type, a.id AS fromId, b.id AS toId, e AS e
