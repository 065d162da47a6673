// Reads one store metadata value (the schema version).
// params: id
MATCH (m:StoreMeta {id: $id})
RETURN m.value AS value
