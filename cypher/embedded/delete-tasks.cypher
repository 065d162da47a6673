// Deletes tasks and whatever edges still touch them.
// params: ids
UNWIND $ids AS i
MATCH (t:Task {id: i})
DETACH DELETE t
RETURN count(*) AS removed
