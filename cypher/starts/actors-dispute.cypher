// The parties to one dispute: its id, then its PARTY_TO relationships.
MATCH (:Dispute {id: $disputeId})<-[:PARTY_TO]-(n:Entity)
WITH DISTINCT n
