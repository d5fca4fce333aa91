// Claims about events or disputes (ABOUT), or with an entity as the subject or object of a relation claim.
UNWIND $ids AS id
OPTIONAL MATCH (c:Claim)-[:ABOUT|SUBJECT|OBJECT]->({id: id})
WITH id, c ORDER BY c.documentId, c.id
RETURN id, collect(c {.*, labels: labels(c)}) AS claims
