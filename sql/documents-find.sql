-- Documents matching the criteria (a scan).
SELECT {{document-columns}} FROM document d JOIN node ON node.n = d.n
WHERE {{document-criteria}}
