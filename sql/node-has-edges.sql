-- Whether any edge starts or ends at the node.
SELECT EXISTS (SELECT 1 FROM edge WHERE from_n = @n) OR EXISTS (SELECT 1 FROM edge WHERE to_n = @n) AS linked
