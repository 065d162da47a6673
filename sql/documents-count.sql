-- How many documents match the criteria.
SELECT count(*) AS total FROM document d WHERE {{document-criteria}}
