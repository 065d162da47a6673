// Documents whose padded search text contains every " token" (word-prefix match, diacritics and case folded).
// params: tokens, limit
MATCH (d:Document)
WHERE all(t IN $tokens WHERE d.searchText CONTAINS t)
RETURN properties(d) AS n
ORDER BY d.id
LIMIT $limit
