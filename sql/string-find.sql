-- A string's number, if stored.
SELECT s FROM string WHERE value = @value
