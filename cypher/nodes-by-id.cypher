// Nodes by id, any kind; missing ids give no row. `label` is the node's own label (not :Node).
// params: ids
UNWIND $ids AS i
MATCH (n:Node {id: i})
RETURN [l IN labels(n) WHERE l <> 'Node'][0] AS label, properties(n) AS n
