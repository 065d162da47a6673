-- Edges reaching a node, with the id and kind of the node each one leaves (index edge_to).
SELECT {{edge-columns}}, other.id AS otherId, other.kind AS otherKind
FROM edge e JOIN node other ON other.n = e.from_n
WHERE e.to_n = @n
