// Deletes one document with every edge still touching it (a merged-away node, its edges already re-created at the survivor).
// params: id
MATCH (d:Document {id: $id})
DETACH DELETE d
RETURN count(*) AS removed
