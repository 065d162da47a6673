-- Documents that absorbed another (index document_merged); the caller matches the merged ids.
SELECT {{document-columns}} FROM document d JOIN node ON node.n = d.n WHERE d.merged_ids <> '[]'
