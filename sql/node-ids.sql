-- The id of a node by number.
SELECT id, kind FROM node WHERE n = @n
