// A page of disputes (those of $actorId when given), in the order $order (NAME, PARTIES), after $after.
__START__
WHERE ($actorId IS NULL OR EXISTS { (:Entity {id: $actorId})-[:PARTY_TO]->(d) })
WITH d,
     CASE $order WHEN 'PARTIES' THEN -COUNT { (d)<-[:PARTY_TO]-() } ELSE toLower(d.name) END AS key,
     0 AS rank
WHERE {{after-key d false}}
RETURN {{dispute-map d}} AS node, [key, rank, d.id] AS sortKey
ORDER BY key, rank, d.id
LIMIT $limit
