// Edges of one type leaving ONE node (the node at the other end is read after, by key) (template, see edges-from).
// Anchored on a parameter, LadybugDB looks the node up by key and scans its adjacency only; the UNWIND
// form is planned as a join over the relationship table, so small anchor sets use this one per anchor.
// params: id
MATCH (a:{{FROM}} {id: $id})-[e:{{TYPE}}]->(b:{{TO}})
RETURN '{{TYPE}}' AS type, a.id AS fromId, b.id AS toId, e AS e
