// The documents' sentences are new nodes (01 removed those of an earlier version). Rows of several
// documents: row.documentId.
UNWIND $rows AS row
MATCH (d:Document {id: row.documentId})
CREATE (s:Sentence {id: row.id})
SET s.documentId = row.documentId, s.index = row.index, s.start = row.start, s.end = row.end, s.text = row.text
CREATE (s)-[:IN_DOCUMENT]->(d)
