// Claims about events or disputes (ABOUT), or with an entity as the subject or object of a relation claim.
UNWIND $ids AS id
OPTIONAL CALL (id) {
  MATCH (x:Entity {id: id}) RETURN x AS n
  UNION MATCH (x:Event {id: id}) RETURN x AS n
  UNION MATCH (x:Dispute {id: id}) RETURN x AS n
}
OPTIONAL MATCH (c:Claim)-[:ABOUT|SUBJECT|OBJECT]->(n)
WITH id, c ORDER BY c.documentId, c.id
RETURN id, collect(c {.*, labels: labels(c)}) AS claims
