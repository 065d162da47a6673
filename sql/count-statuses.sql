-- Documents by status.
SELECT status AS label, count(*) AS count FROM document GROUP BY status
