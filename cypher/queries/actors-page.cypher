// A page of entities, filtered; ordered by name then id so pages are stable.
MATCH (n:Entity)
WHERE ($actorsOnly = false OR n:Actor)
  AND ($kinds IS NULL OR n.kind IN $kinds)
  AND ($disputeId IS NULL OR EXISTS { (n)-[:PARTY_TO]->(:Dispute {id: $disputeId}) })
  AND ($nameKey IS NULL OR any(k IN n.searchKeys WHERE k CONTAINS $nameKey))
RETURN n {.*, labels: labels(n)} AS node
ORDER BY n.name, n.id
SKIP $offset LIMIT $limit
