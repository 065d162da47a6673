// Nodes of one table by id; missing ids give no row. A template: expanded at start-up for each table
// ({{LABEL}} = Document, Task, Agency; ids carry their kind) because a pattern over every table cost ~1 ms more.
// params: ids
UNWIND $ids AS i
MATCH (n:{{LABEL}} {id: i})
RETURN '{{LABEL}}' AS label, n AS n
