// Edge counts by type.
// params: none
MATCH (:Node)-[e]->(:Node)
RETURN type(e) AS label, count(*) AS count
