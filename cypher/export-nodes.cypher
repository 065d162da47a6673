// Every graph node.
// params: none
MATCH (n:Node)
RETURN [l IN labels(n) WHERE l <> 'Node'][0] AS label, properties(n) AS n
