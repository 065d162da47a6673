// Deletes, among the given ids, documents known only from citations that no edge refers to any more.
// params: ids
UNWIND $ids AS i
MATCH (n:Document {id: i})
WHERE n.status = 'CITED_ONLY' AND NOT EXISTS { MATCH (n)-[]-() }
DELETE n
RETURN count(*) AS removed
