// Claims with who asserts them, their evidence, what they are about and what contradicts them.
// $kind says how $ids select them: 'ids' (the claims themselves), 'about' (about these events or
// disputes, or with these entities as subject or object), 'asserted' (asserted by these entities),
// 'document' (from these documents).
UNWIND $ids AS id
CALL (id) {
  WITH id WHERE $kind = 'ids'
  MATCH (c:Claim {id: id})
  RETURN c
  UNION
  WITH id WHERE $kind = 'about'
  {{graph-node id id x}}
  MATCH (c:Claim)-[:ABOUT|SUBJECT|OBJECT]->(x)
  RETURN c
  UNION
  WITH id WHERE $kind = 'asserted'
  MATCH (c:Claim)-[:ASSERTED_BY]->(:Entity {id: id})
  RETURN c
  UNION
  WITH id WHERE $kind = 'document'
  MATCH (c:Claim {documentId: id})
  RETURN c
}
WITH id, c ORDER BY c.documentId, c.id
RETURN id, collect({
  claim: c {.*, labels: labels(c)},
  assertedBy: [(c)-[:ASSERTED_BY]->(a) | a {.*, labels: labels(a)}][0],
  evidence: COLLECT { MATCH (c)-[:SUPPORTED_BY]->(ev) RETURN ev {.*, labels: labels(ev)} ORDER BY ev.start },
  about: [(c)-[:ABOUT]->(x) | x {.*, labels: labels(x)}][0],
  subject: [(c)-[:SUBJECT]->(s) | s {.*, labels: labels(s)}][0],
  object: [(c)-[:OBJECT]->(o) | o {.*, labels: labels(o)}][0],
  // A contradiction may be stated from either side (or both): each other claim once.
  contradicts: COLLECT { MATCH (c)-[:CONTRADICTS]-(other:Claim) RETURN DISTINCT other.id ORDER BY other.id }
}) AS claims
