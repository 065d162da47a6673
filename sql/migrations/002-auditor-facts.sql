-- SQLite schema, version 2: facts an auditor cites that version 1 did not keep.
-- Rows written by version 1 read these columns as NULL: unknown (no term or signer title printed there, no deadline
-- dates, condition or recurrence); ingesting a document again (extractor 1.1.0 or later) fills them in.

-- The signer's title lines as printed, joined with " / " ("TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH").
ALTER TABLE document ADD COLUMN signer_title TEXT;
-- The issuer's Party congress term ("X" of "Bộ Chính trị khóa X").
ALTER TABLE document ADD COLUMN term TEXT;

-- Every date the deadline text writes, in order: a JSON array of {text, value, valid}.
ALTER TABLE task ADD COLUMN deadline_dates TEXT;
-- A condition attached to the deadline ("Ngay sau khi Đề án … được phê duyệt").
ALTER TABLE task ADD COLUMN deadline_condition TEXT;
-- YEARLY, HALF_YEARLY, QUARTERLY or MONTHLY.
ALTER TABLE task ADD COLUMN deadline_recurrence TEXT;
