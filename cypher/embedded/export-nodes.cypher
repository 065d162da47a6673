// Every graph node.
// params: none
MATCH (n)
WHERE label(n) <> 'StoreMeta'
RETURN label(n) AS label, n AS n
