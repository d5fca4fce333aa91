MATCH (d:Document {id: $documentId})
UNWIND $rows AS row
MATCH (e:Entity {id: row.entityId})
CREATE (d)-[:MENTIONS {start: row.start, end: row.end, text: row.text, sentenceIndex: row.sentenceIndex}]->(e)
