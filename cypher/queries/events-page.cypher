// A page of events, filtered; ordered by date (undated last), then id. Dates compare as ISO strings.
MATCH (e:Event)
WHERE ($from IS NULL OR e.sortDate >= $from)
  AND ($to IS NULL OR e.sortDate <= $to)
  AND ($types IS NULL OR e.type IN $types)
  AND ($statuses IS NULL OR e.status IN $statuses)
  AND ($actorId IS NULL OR EXISTS { (e)-[:HAS_SOURCE|HAS_TARGET]->(:Entity {id: $actorId}) })
  AND ($disputeId IS NULL OR EXISTS { (e)-[:IN_DISPUTE]->(:Dispute {id: $disputeId}) })
RETURN e {.*, labels: labels(e)} AS node
ORDER BY e.sortDate IS NULL, e.sortDate, e.id
SKIP $offset LIMIT $limit
