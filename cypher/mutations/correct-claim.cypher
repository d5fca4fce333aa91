// Corrects a claim's statement, stance or asserter, keeping what it said before in `history`.
MATCH (c:Claim {id: $id})
CALL (c) {
  WITH c WHERE $assertedBy IS NOT NULL
  MATCH (who:Entity {id: $assertedBy})
  OPTIONAL MATCH (c)-[old:ASSERTED_BY]->()
  DELETE old
  MERGE (c)-[:ASSERTED_BY]->(who)
}
SET c.statement = coalesce($statement, c.statement),
    c.stance = coalesce($stance, c.stance),
    c.history = coalesce(c.history, []) + $previous,
    c.corrections = coalesce(c.corrections, 0) + 1,
    c.correctedAt = toString(datetime()),
    c.correctedBy = $by
RETURN c {.*, labels: labels(c)} AS claim
