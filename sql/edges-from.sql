-- Edges leaving a node, with the id and kind of the node each one reaches (the primary key's prefix).
SELECT {{edge-columns}}, other.id AS otherId, other.kind AS otherKind
FROM edge e JOIN node other ON other.n = e.to_n
WHERE e.from_n = @n
