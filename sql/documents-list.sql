-- One page of the documents matching the criteria, by id after @after.
SELECT {{document-columns}} FROM node JOIN document d ON d.n = node.n
WHERE node.kind = 'DOCUMENT' AND node.id > @after AND {{document-criteria}}
ORDER BY node.id
LIMIT @limit
