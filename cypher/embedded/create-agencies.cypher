// Writes rows of nodes known to be new (the batch writer checked): CREATE, never a MERGE scan.
// params: rows
UNWIND $rows AS r
CREATE (a:Agency {id: r.id})
SET a.name = r.name, a.variants = r.variants, a.jurisdiction = r.jurisdiction, a.level = r.level,
    a.sources = r.sources, a.searchText = r.searchText
