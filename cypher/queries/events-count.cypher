MATCH (e:Event)
WHERE ($from IS NULL OR e.sortDate >= $from)
  AND ($to IS NULL OR e.sortDate <= $to)
  AND ($types IS NULL OR e.type IN $types)
  AND ($statuses IS NULL OR e.status IN $statuses)
  AND ($actorId IS NULL OR EXISTS { (e)-[:HAS_SOURCE|HAS_TARGET]->(:Entity {id: $actorId}) })
  AND ($disputeId IS NULL OR EXISTS { (e)-[:IN_DISPUTE]->(:Dispute {id: $disputeId}) })
RETURN count(e) AS total
