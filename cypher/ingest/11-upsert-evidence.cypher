// The documents' quotes are new nodes (01 removed those of an earlier version).
UNWIND $rows AS row
MATCH (d:Document {id: row.documentId})
MATCH (c:Claim {id: row.claimId})
MATCH (s:Sentence {id: row.sentenceId})
CREATE (ev:Evidence {id: row.id})
SET ev += row.props
CREATE (c)-[:SUPPORTED_BY]->(ev)
CREATE (ev)-[:IN_SENTENCE]->(s)
CREATE (ev)-[:IN_DOCUMENT]->(d)
RETURN count(ev) AS written
