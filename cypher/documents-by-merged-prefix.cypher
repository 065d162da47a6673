// Documents that absorbed a merged-away id starting with the prefix (lookups by an old id, or by its symbol key).
// params: prefix
MATCH (d:Document)
WHERE any(m IN d.mergedIds WHERE m STARTS WITH $prefix)
RETURN properties(d) AS n
