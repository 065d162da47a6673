-- A task's columns under the names of the model; the table is aliased t, joined to node.
node.id AS id, t.document_id AS documentId, t.key AS key, t.label AS label, t.parent_key AS parentKey,
t.title AS title, t.text AS text, t.groups AS groups, t.deadline_kind AS deadlineKind,
t.deadline_value AS deadlineValue, t.deadline_text AS deadlineText, t.deadline_valid AS deadlineValid,
t.sources AS sources, t.deadline_dates AS deadlineDates, t.deadline_condition AS deadlineCondition,
t.deadline_recurrence AS deadlineRecurrence
