UNWIND $ids AS id
OPTIONAL MATCH (c:Claim {documentId: id})
WITH id, c ORDER BY c.id
RETURN id, collect(c {.*, labels: labels(c)}) AS claims
