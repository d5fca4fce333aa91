// Claims with who asserts them, their evidence, what they are about and what contradicts them.
// Each of $asks {kind, id} says how its id selects them: 'ids' (the claim itself), 'about' (about
// this event or dispute, or with this entity as subject or object), 'asserted' (asserted by this
// entity), 'document' (from this document). All the asks of one level of a request come together.
UNWIND $asks AS ask
WITH ask.kind AS kind, ask.id AS id
CALL (kind, id) {
  WITH kind, id WHERE kind = 'ids'
  MATCH (c:Claim {id: id})
  RETURN c
  UNION
  WITH kind, id WHERE kind = 'about'
  {{graph-node id id x}}
  MATCH (c:Claim)-[:ABOUT|SUBJECT|OBJECT]->(x)
  RETURN c
  UNION
  WITH kind, id WHERE kind = 'asserted'
  MATCH (c:Claim)-[:ASSERTED_BY]->(:Entity {id: id})
  RETURN c
  UNION
  WITH kind, id WHERE kind = 'document'
  MATCH (c:Claim {documentId: id})
  RETURN c
}
WITH kind, id, c ORDER BY c.documentId, c.id
RETURN kind, id, collect({
  claim: {{claim-map c}},
  // Who asserts it: as a node when the operation reads it ($projection.asserter), else its id only.
  asserterId: [(c)-[:ASSERTED_BY]->(a) | a.id][0],
  assertedBy: CASE WHEN $projection.asserter THEN [(c)-[:ASSERTED_BY]->(a) | {{entity-map a}}][0] END,
  evidence: COLLECT { MATCH (c)-[:SUPPORTED_BY]->(ev) RETURN {{evidence-map ev}} ORDER BY ev.start },
  // What it is about, by id: Claim.about loads the node only when a client asks for it.
  about: [(c)-[:ABOUT]->(x) | x.id][0],
  subject: [(c)-[:SUBJECT]->(s) | s.id][0],
  object: [(c)-[:OBJECT]->(o) | o.id][0],
  // A contradiction may be stated from either side (or both): each other claim once.
  contradicts: COLLECT { MATCH (c)-[:CONTRADICTS]-(other:Claim) RETURN DISTINCT other.id ORDER BY other.id }
}) AS claims
