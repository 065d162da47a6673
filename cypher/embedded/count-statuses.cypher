// Document counts by status.
// params: none
MATCH (d:Document)
RETURN d.status AS label, count(*) AS count
