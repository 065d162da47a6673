-- Deletes a node; its property row and every edge touching it go with it (ON DELETE CASCADE).
DELETE FROM node WHERE n = @n
