-- Every agency.
SELECT {{agency-columns}} FROM agency a JOIN node ON node.n = a.n
