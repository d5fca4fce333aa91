// Write-locks each document and its claims before anything is read ($documentIds, sorted): ingests of
// one document run one after another, and no retraction or correction of its claims can commit between
// reading their editorial history (returned here) and re-applying it (13b). `existed`: the document was
// written before (a first ingest has nothing to remove); entityIds, eventIds, disputeIds: the shared
// nodes it held (null when an older loader wrote it: 03a finds them).
UNWIND $documentIds AS documentId
MERGE (d:Document {id: documentId})
SET d.ingestLock = true
REMOVE d.ingestLock
WITH d, documentId
CALL (d, documentId) {
  OPTIONAL MATCH (c:Claim {documentId: documentId}) USING INDEX c:Claim(documentId)
  SET c.editLock = true
  REMOVE c.editLock
  WITH c WHERE c.retracted = true OR c.corrections > 0
  RETURN collect({
    id: c.id,
    edits: c {.retracted, .retractedReason, .retractedAt, .retractedBy,
              .statement, .stance, .corrections, .correctedAt, .correctedBy, .history},
    assertedBy: [(c)-[:ASSERTED_BY]->(a) | a.id][0]
  }) AS edited
}
RETURN documentId, d.sha256 IS NOT NULL AS existed, d.entityIds AS entityIds, d.eventIds AS eventIds,
       d.disputeIds AS disputeIds, edited
