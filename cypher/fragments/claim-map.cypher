// A claim's row (see entity-map). A claim no editor touched has no retraction or correction to send:
// its row ends after relationType. Its statement (its label) and retraction always come; the rest
// when the operation reads it.
CASE WHEN %1.retracted IS NULL AND %1.corrections IS NULL
  THEN [%1.id, labels(%1), CASE WHEN $projection.localId THEN %1.localId ELSE false END,
    CASE WHEN $projection.documentId THEN %1.documentId ELSE false END, CASE WHEN $projection.stance THEN %1.stance ELSE false END,
    CASE WHEN $projection.aspect THEN %1.aspect ELSE false END, %1.statement, CASE WHEN $projection.aboutKind THEN %1.aboutKind ELSE false END,
    CASE WHEN $projection.aboutId THEN %1.aboutId ELSE false END, CASE WHEN $projection.relationType THEN %1.relationType END]
  ELSE [%1.id, labels(%1), CASE WHEN $projection.localId THEN %1.localId ELSE false END,
    CASE WHEN $projection.documentId THEN %1.documentId ELSE false END, CASE WHEN $projection.stance THEN %1.stance ELSE false END,
    CASE WHEN $projection.aspect THEN %1.aspect ELSE false END, %1.statement, CASE WHEN $projection.aboutKind THEN %1.aboutKind ELSE false END,
    CASE WHEN $projection.aboutId THEN %1.aboutId ELSE false END, CASE WHEN $projection.relationType THEN %1.relationType END,
    %1.retracted, %1.retractedReason, %1.retractedAt, %1.retractedBy, %1.corrections,
    %1.correctedAt, %1.correctedBy, CASE WHEN $projection.history THEN %1.history ELSE [] END]
END
