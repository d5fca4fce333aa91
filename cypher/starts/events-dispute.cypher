// The events of one dispute: its id, then its IN_DISPUTE relationships.
MATCH (:Dispute {id: $disputeId})<-[:IN_DISPUTE]-(e:Event)
WITH DISTINCT e
