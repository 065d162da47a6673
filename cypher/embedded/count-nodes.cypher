// Node counts by table.
// params: none
MATCH (n)
RETURN label(n) AS label, count(*) AS count
