// The claims one entity asserts: its id, then its ASSERTED_BY relationships.
MATCH (:Entity {id: $assertedBy})<-[:ASSERTED_BY]-(c:Claim)
WITH DISTINCT c
