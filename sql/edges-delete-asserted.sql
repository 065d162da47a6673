-- Deletes the edges leaving a node that one document asserted; returns the node each reached.
DELETE FROM edge WHERE from_n = @n AND asserted_by = @assertedBy RETURNING to_n AS toN
