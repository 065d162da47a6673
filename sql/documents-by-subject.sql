-- Documents whose folded title, subject or promulgated name contains the folded text.
SELECT {{document-columns}} FROM document d JOIN node ON node.n = d.n
WHERE instr(d.subject_text, @text) > 0
