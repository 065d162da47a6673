// Neo4j schema, applied at start-up (each statement idempotent): id uniqueness (which also indexes ids) and lookup indexes.
// Every graph node carries :Node besides its own label, so edges and lookups by id need no label union.
// params: none
CREATE CONSTRAINT node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT task_id IF NOT EXISTS FOR (n:Task) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT agency_id IF NOT EXISTS FOR (n:Agency) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT store_meta_id IF NOT EXISTS FOR (n:StoreMeta) REQUIRE n.id IS UNIQUE;
CREATE INDEX document_symbol_key IF NOT EXISTS FOR (d:Document) ON (d.symbolKey);
CREATE INDEX document_jurisdiction_key IF NOT EXISTS FOR (d:Document) ON (d.jurisdictionKey);
CREATE INDEX document_status IF NOT EXISTS FOR (d:Document) ON (d.status);
CREATE TEXT INDEX document_search_text IF NOT EXISTS FOR (d:Document) ON (d.searchText);
CREATE TEXT INDEX document_subject_text IF NOT EXISTS FOR (d:Document) ON (d.subjectText);
CREATE TEXT INDEX agency_search_text IF NOT EXISTS FOR (a:Agency) ON (a.searchText);
