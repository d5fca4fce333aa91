// Claims with who asserts them, their evidence, what they are about and what contradicts them.
// Each ask {kind, id} of the list %1 (a variable) says how its id selects them: 'ids' (the claim itself), 'about'
// (about this event or dispute, or with this entity as subject or object), 'asserted' (asserted by
// this entity), 'document' (from this document). Rows {kind, id, claims} for each ask that has any
// (several for many claims).
// Each kind reads only its own asks: a branch filtered after the UNWIND would still seek for every
// ask (the planner seeks before it filters).
CALL (%1) {
  UNWIND [a IN %1 WHERE a.kind = 'ids' | a.id] AS id
  MATCH (c:Claim {id: id})
  RETURN 'ids' AS kind, id, c
  UNION
  UNWIND [a IN %1 WHERE a.kind = 'about' | a.id] AS id
  {{graph-node id id x}}
  MATCH (c:Claim)-[:ABOUT|SUBJECT|OBJECT]->(x)
  RETURN 'about' AS kind, id, c
  UNION
  UNWIND [a IN %1 WHERE a.kind = 'asserted' | a.id] AS id
  MATCH (c:Claim)-[:ASSERTED_BY]->(:Entity {id: id})
  RETURN 'asserted' AS kind, id, c
  UNION
  UNWIND [a IN %1 WHERE a.kind = 'document' | a.id] AS id
  MATCH (c:Claim {documentId: id})
  RETURN 'document' AS kind, id, c
}
// Who asserts it, only when the operation reads it ($projection.asserter): its row, found once.
WITH kind, id, c, CASE WHEN $projection.asserter THEN [(c)-[:ASSERTED_BY]->(a) | {{entity-map a}}][0] END AS asserter
ORDER BY c.documentId, c.id
// Each claim as a list (CLAIM_DETAIL_KEYS in repositories/rows.ts; the comment after each value names
// its key, and test/unit/node-map.test.ts keeps them in that order).
WITH kind, id, collect([
  {{claim-map c}}, // claim
  asserter[0], // asserterId
  asserter, // assertedBy
  // The values below are sent only when the operation reads them ($projection, graphql/projection.ts).
  CASE WHEN $projection.claimEvidence
    THEN COLLECT { MATCH (c)-[:SUPPORTED_BY]->(ev) RETURN {{evidence-map ev}} ORDER BY ev.start } ELSE [] END, // evidence
  // What it is about, by id: Claim.about loads the node only when a client asks for it.
  CASE WHEN $projection.claimAbout THEN [(c)-[:ABOUT]->(x) | x.id][0] END, // about
  CASE WHEN $projection.claimAbout THEN [(c)-[:SUBJECT]->(s) | s.id][0] END, // subject
  CASE WHEN $projection.claimAbout THEN [(c)-[:OBJECT]->(o) | o.id][0] END, // object
  // A contradiction may be stated from either side (or both): each other claim once.
  CASE WHEN $projection.contradicts
    THEN COLLECT { MATCH (c)-[:CONTRADICTS]-(other:Claim) RETURN DISTINCT other.id ORDER BY other.id } ELSE [] END // contradicts
]) AS claims
// In rows of at most $claimChunk claims, in order (repositories/rows.ts ROW_PARTS).
UNWIND range(0, (size(claims) - 1) / $claimChunk) AS part
RETURN kind, id, claims[part * $claimChunk..(part + 1) * $claimChunk] AS claims
