-- Nodes by kind.
SELECT kind AS label, count(*) AS count FROM node GROUP BY kind
