-- Documents whose padded search text contains every " token" of the JSON array @tokens, by id.
SELECT {{document-columns}} FROM node JOIN document d ON d.n = node.n
WHERE node.kind = 'DOCUMENT'
  AND NOT EXISTS (SELECT 1 FROM json_each(@tokens) t WHERE instr(d.search_text, t.value) = 0)
ORDER BY node.id
LIMIT @limit
