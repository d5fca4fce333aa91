// The events the actor $actorId (and, with $affiliates, those acting for it) is a source or target of:
// the only place the actor filter is applied (events-filter leaves it to this start).
{{actor-ids - $actorId $affiliates}}
UNWIND actorIds AS actorKey
MATCH (:Entity {id: actorKey})<-[:HAS_SOURCE|HAS_TARGET]-(e:Event)
WITH DISTINCT e
