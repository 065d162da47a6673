-- Every node's number, id and kind (to build the in-memory index).
SELECT n, id, kind FROM node
