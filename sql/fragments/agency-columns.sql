-- An agency's columns under the names of the model; the table is aliased a, joined to node.
node.id AS id, a.name AS name, a.variants AS variants, a.jurisdiction AS jurisdiction, a.level AS level,
a.sources AS sources, a.search_text AS searchText
