// Documents whose folded title, subject or promulgated name contains the folded text.
// params: text
MATCH (d:Document)
WHERE d.subjectText CONTAINS $text
RETURN d AS n
