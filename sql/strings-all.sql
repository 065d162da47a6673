-- Every interned string (file names, asserting document ids, extractor versions).
SELECT s, value FROM string
