// The editorial history of the document's claims (retractions, corrections), to re-apply after the
// claims are replaced: a re-ingest keeps what editors did.
MATCH (c:Claim {documentId: $documentId})
WHERE c.retracted = true OR c.corrections > 0
RETURN c.id AS id,
       c {.retracted, .retractedReason, .retractedAt, .retractedBy,
          .statement, .stance, .corrections, .correctedAt, .correctedBy, .history} AS edits,
       [(c)-[:ASSERTED_BY]->(a) | a.id][0] AS assertedBy
ORDER BY id
