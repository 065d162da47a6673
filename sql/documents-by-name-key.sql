-- Documents whose title or promulgated name has this name key (indexes document_title_key and
-- document_promulgates_key; SQLite answers the OR from both).
SELECT {{document-columns}} FROM document d JOIN node ON node.n = d.n
WHERE d.title_key = @key OR d.promulgates_key = @key
