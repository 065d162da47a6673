-- Every edge by node and string numbers (to build the in-memory index).
SELECT {{edge-columns}} FROM edge e
