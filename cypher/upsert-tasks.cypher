// Writes task rows (a task belongs to one document and is replaced with it).
// params: rows
UNWIND $rows AS r
MERGE (t:Node:Task {id: r.id})
SET t.documentId = r.documentId, t.key = r.key, t.label = r.label, t.parentKey = r.parentKey, t.title = r.title,
    t.text = r.text, t.groups = r.groups, t.deadlineKind = r.deadlineKind, t.deadlineValue = r.deadlineValue,
    t.deadlineText = r.deadlineText, t.deadlineValid = r.deadlineValid, t.sources = r.sources,
    t.deadlineDates = r.deadlineDates, t.deadlineCondition = r.deadlineCondition,
    t.deadlineRecurrence = r.deadlineRecurrence
