-- Writes an agency's properties (the node row exists).
INSERT OR REPLACE INTO agency (n, name, variants, jurisdiction, level, sources, search_text)
VALUES (@n, @name, @variants, @jurisdiction, @level, @sources, @searchText)
