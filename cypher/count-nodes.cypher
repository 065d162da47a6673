// Node counts by label.
// params: none
MATCH (n:Node)
UNWIND labels(n) AS label
WITH label
WHERE label <> 'Node'
RETURN label, count(*) AS count
