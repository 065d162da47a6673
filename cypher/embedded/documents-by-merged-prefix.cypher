// Documents that absorbed a merged-away id starting with the prefix (lookups by an old id, or by its symbol key).
// The parameter is bound by WITH first: LadybugDB 0.19 fails an assertion on a $parameter inside ANY(... WHERE ...).
// params: prefix
MATCH (d:Document)
WITH d, $prefix AS p
WHERE ANY(m IN d.mergedIds WHERE starts_with(m, p))
RETURN d AS n
