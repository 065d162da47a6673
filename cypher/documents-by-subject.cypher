// Documents whose folded title, subject or promulgated name contains the folded text (text index).
// params: text
MATCH (d:Document)
WHERE d.subjectText CONTAINS $text
RETURN properties(d) AS n
