// Rows of several documents (row.documentId).
UNWIND $rows AS row
MATCH (d:Document {id: row.documentId})
MATCH (e:Entity {id: row.entityId})
CREATE (d)-[:MENTIONS {start: row.start, end: row.end, text: row.text, sentenceIndex: row.sentenceIndex}]->(e)
