-- Every edge, with the ids of both ends.
SELECT {{edge-columns}}, f.id AS fromId, t.id AS toId
FROM edge e JOIN node f ON f.n = e.from_n JOIN node t ON t.n = e.to_n
