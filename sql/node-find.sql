-- A node's number and kind by id.
SELECT n, kind FROM node WHERE id = @id
