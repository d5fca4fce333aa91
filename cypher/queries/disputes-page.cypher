MATCH (d:Dispute)
WHERE ($actorId IS NULL OR EXISTS { (:Entity {id: $actorId})-[:PARTY_TO]->(d) })
RETURN d {.*, labels: labels(d)} AS node
ORDER BY d.name, d.id
SKIP $offset LIMIT $limit
