// A claim's row (see entity-map). A claim no editor touched has no retraction or correction to send:
// its row ends after relationType.
CASE WHEN %1.retracted IS NULL AND %1.corrections IS NULL
  THEN [%1.id, labels(%1), %1.localId, %1.documentId, %1.stance, %1.aspect, %1.statement, %1.aboutKind, %1.aboutId,
    %1.relationType]
  ELSE [%1.id, labels(%1), %1.localId, %1.documentId, %1.stance, %1.aspect, %1.statement, %1.aboutKind, %1.aboutId,
    %1.relationType, %1.retracted, %1.retractedReason, %1.retractedAt, %1.retractedBy, %1.corrections,
    %1.correctedAt, %1.correctedBy, CASE WHEN $projection.history THEN %1.history ELSE [] END]
END
