// A claim's row (see entity-map). A claim no editor touched has no retraction or correction to send.
CASE WHEN %1.retracted IS NULL AND %1.corrections IS NULL
  THEN %1 {.id, .localId, .documentId, .stance, .aspect, .statement, .aboutKind, .aboutId, .relationType,
    labels: labels(%1)}
  ELSE %1 {.id, .localId, .documentId, .stance, .aspect, .statement, .aboutKind, .aboutId, .relationType,
    .retracted, .retractedReason, .retractedAt, .retractedBy, .corrections, .correctedAt, .correctedBy,
    labels: labels(%1), history: CASE WHEN $projection.history THEN %1.history ELSE [] END}
END
