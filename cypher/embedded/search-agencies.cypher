// Agencies whose padded search text contains every " token".
// params: tokens, limit
MATCH (a:Agency)
WHERE ALL(t IN $tokens WHERE a.searchText CONTAINS t)
RETURN a AS n
ORDER BY a.id
LIMIT $limit
