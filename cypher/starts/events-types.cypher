// Events of some types: the event_type index.
MATCH (e:Event) WHERE e.type IN $types
WITH e
