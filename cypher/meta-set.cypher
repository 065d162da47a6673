// Writes one store metadata value.
// params: id, value
MERGE (m:StoreMeta {id: $id})
SET m.value = $value
