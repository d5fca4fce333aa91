// The filters of event lists, shared by their page and count queries; %1 is the event, `actorIds` the
// actor and (with $affiliates) those who act for it, from the fragment actor-ids.
($from IS NULL OR %1.sortDate >= $from)
  AND ($to IS NULL OR %1.sortDate <= $to)
  AND ($types IS NULL OR %1.type IN $types)
  AND ($statuses IS NULL OR %1.status IN $statuses)
  AND ($actorId IS NULL OR EXISTS { (%1)-[:HAS_SOURCE|HAS_TARGET]->(x:Entity) WHERE x.id IN actorIds })
  AND ($disputeId IS NULL OR EXISTS { (%1)-[:IN_DISPUTE]->(:Dispute {id: $disputeId}) })
