-- Documents matching the criteria, when a jurisdiction but no symbol is given (index document_jurisdiction).
SELECT {{document-columns}} FROM document d JOIN node ON node.n = d.n
WHERE d.jurisdiction_key = @jurisdictionKey AND {{document-criteria}}
