-- Writes a task's properties (the node row exists).
INSERT OR REPLACE INTO task (n, document_id, key, label, parent_key, title, text, groups, deadline_kind,
  deadline_value, deadline_text, deadline_valid, sources, deadline_dates, deadline_condition, deadline_recurrence)
VALUES (@n, @documentId, @key, @label, @parentKey, @title, @text, @groups, @deadlineKind, @deadlineValue,
  @deadlineText, @deadlineValid, @sources, @deadlineDates, @deadlineCondition, @deadlineRecurrence)
