// Documents matching every given criterion; a null parameter means no condition.
// params: symbolKey, year, dateValue, jurisdictionKey, type, status, level, branch, numbered
MATCH (d:Document)
WHERE (d.symbolKey = $symbolKey OR $symbolKey IS NULL)
  AND (d.year = $year OR $year IS NULL)
  AND (d.dateValue = $dateValue OR $dateValue IS NULL)
  AND (d.jurisdictionKey = $jurisdictionKey OR $jurisdictionKey IS NULL)
  AND (d.type = $type OR $type IS NULL)
  AND (d.status = $status OR $status IS NULL)
  AND (d.level = $level OR $level IS NULL)
  AND (d.branch = $branch OR $branch IS NULL)
  AND ((d.symbolKey IS NOT NULL) = $numbered OR $numbered IS NULL)
RETURN properties(d) AS n
