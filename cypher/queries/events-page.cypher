// A page of events, filtered; ordered by date (undated last), then id. Dates compare as ISO strings.
// The actor and, with $affiliates, those who act for it (office holders, government bodies).
CALL () {
  OPTIONAL MATCH (a:Entity {id: $actorId})
  OPTIONAL MATCH (x:Entity)-[:HOLDS_POSITION|PART_OF]->{1,2}(a) WHERE $affiliates
  WITH a, collect(DISTINCT x.id) AS others
  RETURN [i IN [a.id] + others WHERE i IS NOT NULL] AS actorIds
}
MATCH (e:Event)
WHERE ($from IS NULL OR e.sortDate >= $from)
  AND ($to IS NULL OR e.sortDate <= $to)
  AND ($types IS NULL OR e.type IN $types)
  AND ($statuses IS NULL OR e.status IN $statuses)
  AND ($actorId IS NULL OR EXISTS { (e)-[:HAS_SOURCE|HAS_TARGET]->(x:Entity) WHERE x.id IN actorIds })
  AND ($disputeId IS NULL OR EXISTS { (e)-[:IN_DISPUTE]->(:Dispute {id: $disputeId}) })
RETURN e {.*, labels: labels(e)} AS node
ORDER BY e.sortDate IS NULL, e.sortDate, e.id
SKIP $offset LIMIT $limit
