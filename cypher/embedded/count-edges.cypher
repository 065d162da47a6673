// Edge counts by type.
// params: none
MATCH ()-[e]->()
RETURN label(e) AS label, count(*) AS count
