// The tasks a document holds (every task has its HAS_TASK edge: the batch check guarantees it).
// params: documentId
MATCH (d:Document {id: $documentId})-[:HAS_TASK]->(t:Task)
RETURN t.id AS id
