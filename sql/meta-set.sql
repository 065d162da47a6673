-- Writes a store setting.
INSERT OR REPLACE INTO meta (key, value) VALUES (@key, @value)
