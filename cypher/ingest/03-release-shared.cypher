// Shared nodes and derived edges forget this document; those no document holds any more are removed
// at the end (14). Only the nodes the document held ($entityIds, $eventIds, $disputeIds, sorted) are
// visited, each by its index.
CALL () {
  UNWIND $entityIds AS id
  MATCH (n:Entity {id: id}) RETURN n
  UNION
  UNWIND $eventIds AS id
  MATCH (n:Event {id: id}) RETURN n
  UNION
  UNWIND $disputeIds AS id
  MATCH (n:Dispute {id: id}) RETURN n
}
WITH n WHERE $documentId IN coalesce(n.documentIds, [])
SET n.documentIds = [d IN n.documentIds WHERE d <> $documentId]
WITH n
CALL (n) {
  WITH n WHERE n:Entity
  SET n.sourceValues = [x IN coalesce(n.sourceValues, []) WHERE NOT x STARTS WITH $documentId + '|'],
      n.namesStale = true
}
WITH n
MATCH (n)-[r]->()
WHERE $documentId IN coalesce(r.documentIds, [])
SET r.documentIds = [d IN r.documentIds WHERE d <> $documentId],
    r.claimIds = [c IN r.claimIds WHERE NOT c STARTS WITH $claimPrefix]
WITH r
WHERE size(r.documentIds) = 0
DELETE r
