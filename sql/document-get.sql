-- One document by node number.
SELECT {{document-columns}} FROM document d JOIN node ON node.n = d.n WHERE d.n = @n
