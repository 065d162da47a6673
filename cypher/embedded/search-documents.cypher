// Documents whose padded search text contains every " token" (word-prefix match, diacritics and case folded).
// params: tokens, limit
MATCH (d:Document)
WHERE ALL(t IN $tokens WHERE d.searchText CONTAINS t)
RETURN d AS n
ORDER BY d.id
LIMIT $limit
