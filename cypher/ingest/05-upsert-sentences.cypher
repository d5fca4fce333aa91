MATCH (d:Document {id: $documentId})
UNWIND $rows AS row
MERGE (s:Sentence {id: row.id})
SET s.documentId = $documentId, s.index = row.index, s.start = row.start, s.end = row.end, s.text = row.text
MERGE (s)-[:IN_DOCUMENT]->(d)
