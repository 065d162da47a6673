-- One agency by node number.
SELECT {{agency-columns}} FROM agency a JOIN node ON node.n = a.n WHERE a.n = @n
