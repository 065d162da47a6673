-- The number of the node with this id, made if missing.
INSERT INTO node (id, kind) VALUES (@id, @kind)
ON CONFLICT (id) DO UPDATE SET kind = excluded.kind
RETURNING n
