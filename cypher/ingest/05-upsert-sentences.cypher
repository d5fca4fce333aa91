// The document's sentences are new nodes (01 removed those of its earlier version).
MATCH (d:Document {id: $documentId})
UNWIND $rows AS row
CREATE (s:Sentence {id: row.id})
SET s.documentId = $documentId, s.index = row.index, s.start = row.start, s.end = row.end, s.text = row.text
CREATE (s)-[:IN_DOCUMENT]->(d)
