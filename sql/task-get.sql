-- One task by node number.
SELECT {{task-columns}} FROM task t JOIN node ON node.n = t.n WHERE t.n = @n
