// Writes rows of nodes known to be new (the batch writer checked): CREATE, never a MERGE scan.
// params: rows
UNWIND $rows AS r
CREATE (t:Node:Task {id: r.id})
SET t.documentId = r.documentId, t.key = r.key, t.label = r.label, t.parentKey = r.parentKey, t.title = r.title,
    t.text = r.text, t.groups = r.groups, t.deadlineKind = r.deadlineKind, t.deadlineValue = r.deadlineValue,
    t.deadlineText = r.deadlineText, t.deadlineValid = r.deadlineValid, t.sources = r.sources,
    t.deadlineDates = r.deadlineDates, t.deadlineCondition = r.deadlineCondition,
    t.deadlineRecurrence = r.deadlineRecurrence
