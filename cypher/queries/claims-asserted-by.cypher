UNWIND $ids AS id
OPTIONAL MATCH (c:Claim)-[:ASSERTED_BY]->(:Entity {id: id})
WITH id, c ORDER BY c.documentId, c.id
RETURN id, collect(c {.*, labels: labels(c)}) AS claims
