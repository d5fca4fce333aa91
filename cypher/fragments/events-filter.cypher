// The filters of event lists, shared by their page and count queries; %1 is the event. The actor
// filter is the start's: a list with $actorId starts from the events of actorIds (starts/events-actor),
// so that each event's sources and targets are not expanded a second time to test it.
($from IS NULL OR %1.sortDate >= $from)
  AND ($to IS NULL OR %1.sortDate <= $to)
  AND ($types IS NULL OR %1.type IN $types)
  AND ($statuses IS NULL OR %1.status IN $statuses)
  AND ($disputeId IS NULL OR EXISTS { (%1)-[:IN_DISPUTE]->(:Dispute {id: $disputeId}) })
