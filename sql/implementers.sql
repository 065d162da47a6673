-- The documents carrying a document out (traversal.implementers), in one recursive query: documents that
-- IMPLEMENTS it, and documents holding a task that does, then the same from each of those. UNION keeps each
-- document once, so a cycle ends the walk (indexes: edge_to for IMPLEMENTS in, edge_to for HAS_TASK in).
WITH RECURSIVE reach(n) AS (
  SELECT @root
  UNION
  SELECT CASE WHEN u.kind = 'TASK' THEN h.from_n ELSE e.from_n END
  FROM reach r
  JOIN edge e ON e.to_n = r.n AND e.type = 'IMPLEMENTS'
  JOIN node u ON u.n = e.from_n
  LEFT JOIN edge h ON u.kind = 'TASK' AND h.to_n = u.n AND h.type = 'HAS_TASK'
  WHERE u.kind = 'DOCUMENT' OR h.from_n IS NOT NULL
)
SELECT r.n AS n FROM reach r JOIN node d ON d.n = r.n
WHERE r.n <> @root AND d.kind = 'DOCUMENT'
