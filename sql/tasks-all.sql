-- Every task.
SELECT {{task-columns}} FROM task t JOIN node ON node.n = t.n
