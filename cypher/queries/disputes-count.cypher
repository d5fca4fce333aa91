__START__
WHERE ($actorId IS NULL OR EXISTS { (:Entity {id: $actorId})-[:PARTY_TO]->(d) })
RETURN count(d) AS total
