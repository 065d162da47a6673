-- Documents a document IMPLEMENTS directly, one row per edge.
SELECT other.id AS toId
FROM edge e JOIN node other ON other.n = e.to_n
WHERE e.from_n = @n AND e.type = 'IMPLEMENTS' AND other.kind = 'DOCUMENT'
