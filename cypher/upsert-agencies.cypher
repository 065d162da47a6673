// Writes merged agency rows.
// params: rows
UNWIND $rows AS r
MERGE (a:Node:Agency {id: r.id})
SET a.name = r.name, a.variants = r.variants, a.jurisdiction = r.jurisdiction, a.level = r.level,
    a.sources = r.sources, a.searchText = r.searchText
