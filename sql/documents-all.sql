-- Every document (export, and the in-memory index at start).
SELECT {{document-columns}} FROM document d JOIN node ON node.n = d.n
