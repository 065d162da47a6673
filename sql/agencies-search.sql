-- Agencies whose padded search text contains every " token" of the JSON array @tokens, by id.
SELECT {{agency-columns}} FROM node JOIN agency a ON a.n = node.n
WHERE node.kind = 'AGENCY'
  AND NOT EXISTS (SELECT 1 FROM json_each(@tokens) t WHERE instr(a.search_text, t.value) = 0)
ORDER BY node.id
LIMIT @limit
