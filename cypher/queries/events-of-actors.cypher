// The events each actor (and, when asked, those who act for it) is a source or target of, with the
// roles; keys are "<actorId>|<true|false>".
UNWIND $keys AS key
WITH key, split(key, '|')[0] AS actorId, split(key, '|')[1] = 'true' AS affiliates
{{actor-ids actorId,affiliates actorId affiliates}}
OPTIONAL MATCH (e:Event)-[r:HAS_SOURCE|HAS_TARGET]->(x:Entity)
WHERE x.id IN actorIds
WITH key, e, collect(DISTINCT type(r)) AS roles
WITH key, e, roles ORDER BY e.orderDate IS NULL, e.orderDate, e.orderRank, e.id
RETURN key, collect(CASE WHEN e IS NULL THEN null ELSE {event: {{event-map e}}, roles: roles} END) AS events
