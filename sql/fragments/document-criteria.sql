-- The find-documents criteria; a NULL parameter is no condition (store-ops.ts matchesCriteria).
(@symbolKey IS NULL OR d.symbol_key = @symbolKey)
AND (@jurisdictionKey IS NULL OR d.jurisdiction_key = @jurisdictionKey)
AND (@dateValue IS NULL OR d.date_value = @dateValue)
AND (@year IS NULL OR d.year = @year)
AND (@type IS NULL OR d.type = @type)
AND (@status IS NULL OR d.status = @status)
AND (@level IS NULL OR d.level = @level)
AND (@branch IS NULL OR d.branch = @branch)
