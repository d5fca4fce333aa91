MATCH (d:Document {id: $documentId})
UNWIND $rows AS row
MATCH (c:Claim {id: row.claimId})
MATCH (s:Sentence {id: row.sentenceId})
MERGE (ev:Evidence {id: row.id})
SET ev += row.props
MERGE (c)-[:SUPPORTED_BY]->(ev)
MERGE (ev)-[:IN_SENTENCE]->(s)
MERGE (ev)-[:IN_DOCUMENT]->(d)
RETURN count(ev) AS written
