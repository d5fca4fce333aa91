// Re-applies the editorial history read by 00b to the re-created claims (same ids): a correction's
// statement, stance, asserter and history, a retraction's reason and time; a retracted claim again
// supports no edge, and an edge left without a claim goes (as in mutations/retract-claim).
UNWIND $rows AS row
MATCH (c:Claim {id: row.id})
SET c += row.props
WITH c, row
CALL (c, row) {
  WITH c, row WHERE row.assertedBy IS NOT NULL
  MATCH (who:Entity {id: row.assertedBy})
  OPTIONAL MATCH (c)-[old:ASSERTED_BY]->()
  DELETE old
  MERGE (c)-[:ASSERTED_BY]->(who)
}
CALL (c) {
  WITH c WHERE c.retracted = true
  OPTIONAL MATCH (c)-[:ABOUT|SUBJECT]->(n)
  OPTIONAL MATCH (n)-[r]->()
  WHERE c.id IN coalesce(r.claimIds, [])
  WITH c, r WHERE r IS NOT NULL
  SET r.claimIds = [x IN r.claimIds WHERE x <> c.id]
  WITH r WHERE size(r.claimIds) = 0
  DELETE r
}
RETURN count(c) AS applied
