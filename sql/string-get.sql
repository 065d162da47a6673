-- A string by number (one another process stored after this one started).
SELECT value FROM string WHERE s = @s
