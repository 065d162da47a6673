// Edges of one type entering ONE node (the node at the other end is read after, by key) (template, see edges-from-one).
// params: id
MATCH (a:{{FROM}})-[e:{{TYPE}}]->(b:{{TO}} {id: $id})
RETURN '{{TYPE}}' AS type, a.id AS fromId, b.id AS toId, e AS e
