-- A store setting.
SELECT value FROM meta WHERE key = @key
