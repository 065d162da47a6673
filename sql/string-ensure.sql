-- Stores a new string; returns its number.
INSERT INTO string (value) VALUES (@value) RETURNING s
