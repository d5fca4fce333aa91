// The disputes an actor is party to: its id, then its PARTY_TO relationships.
MATCH (:Entity {id: $actorId})-[:PARTY_TO]->(d:Dispute)
WITH DISTINCT d
