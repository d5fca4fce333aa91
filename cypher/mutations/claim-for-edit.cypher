// The claim as it stands, read under its write lock (lock-claim), and whether the new asserter exists.
MATCH (c:Claim {id: $id})
RETURN c {.*, labels: labels(c)} AS claim,
       [(c)-[:ASSERTED_BY]->(a) | a.id][0] AS assertedBy,
       $assertedBy IS NULL OR EXISTS { MATCH (:Entity {id: $assertedBy}) } AS asserterKnown
