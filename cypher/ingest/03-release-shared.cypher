// Shared nodes and derived edges forget this document; those no document holds any more are removed at the end.
MATCH (n)
WHERE (n:Entity OR n:Event OR n:Dispute) AND $documentId IN n.documentIds
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
