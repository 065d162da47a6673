// Deletes, among the given ids, agencies no edge refers to any more.
// params: ids
UNWIND $ids AS i
MATCH (n:Agency {id: i})
WHERE NOT EXISTS { MATCH (n)-[]-() }
DELETE n
RETURN count(*) AS removed
