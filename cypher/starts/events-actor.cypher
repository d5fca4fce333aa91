// The events the actor (and those acting for it: actorIds) is a source or target of, from their ids.
UNWIND actorIds AS actorKey
MATCH (:Entity {id: actorKey})<-[:HAS_SOURCE|HAS_TARGET]-(e:Event)
WITH DISTINCT e, actorIds
