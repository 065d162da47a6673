-- Documents matching the criteria, when a symbol is given (index document_symbol).
SELECT {{document-columns}} FROM document d JOIN node ON node.n = d.n
WHERE d.symbol_key = @symbolKey AND {{document-criteria}}
