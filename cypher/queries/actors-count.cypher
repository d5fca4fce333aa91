MATCH (n:Entity)
WHERE ($actorsOnly = false OR n:Actor)
  AND ($kinds IS NULL OR n.kind IN $kinds)
  AND ($disputeId IS NULL OR EXISTS { (n)-[:PARTY_TO]->(:Dispute {id: $disputeId}) })
  AND ($nameKey IS NULL OR any(k IN n.searchKeys WHERE k CONTAINS $nameKey))
RETURN count(n) AS total
