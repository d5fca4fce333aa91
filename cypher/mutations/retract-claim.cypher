// Marks a claim retracted (it stays, for the record) and takes it out of the truthy edges;
// an edge no claim supports any more is removed.
MATCH (c:Claim {id: $id})
SET c.retracted = true, c.retractedReason = $reason, c.retractedAt = toString(datetime()), c.retractedBy = $by
WITH c
CALL (c) {
  OPTIONAL MATCH (c)-[:ABOUT|SUBJECT]->(n)
  OPTIONAL MATCH (n)-[r]->()
  WHERE c.id IN coalesce(r.claimIds, [])
  WITH r WHERE r IS NOT NULL
  SET r.claimIds = [x IN r.claimIds WHERE x <> c.id]
  WITH r WHERE size(r.claimIds) = 0
  DELETE r
  RETURN count(*) AS removed
}
RETURN c {.*, labels: labels(c)} AS claim, removed
