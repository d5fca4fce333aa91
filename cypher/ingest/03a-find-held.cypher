// The shared nodes a document written by an older loader holds (it did not keep their ids on the
// document): a scan of every entity, event and dispute, once per such document.
CALL () {
  MATCH (n:Entity) WHERE $documentId IN n.documentIds RETURN collect(n.id) AS entityIds
}
CALL () {
  MATCH (n:Event) WHERE $documentId IN n.documentIds RETURN collect(n.id) AS eventIds
}
CALL () {
  MATCH (n:Dispute) WHERE $documentId IN n.documentIds RETURN collect(n.id) AS disputeIds
}
RETURN entityIds, eventIds, disputeIds
