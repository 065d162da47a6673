-- Ids of the tasks a document holds.
SELECT other.id AS id
FROM edge e JOIN node other ON other.n = e.to_n
WHERE e.from_n = @n AND e.type = 'HAS_TASK' AND other.kind = 'TASK'
