// An evidence's row (see entity-map). Its quote (its label) always comes; the rest when the operation
// reads it.
[%1.id, labels(%1), CASE WHEN $projection.documentId THEN %1.documentId ELSE false END,
  CASE WHEN $projection.claimId THEN %1.claimId ELSE false END, %1.quote,
  CASE WHEN $projection.start THEN %1.start ELSE false END, CASE WHEN $projection.end THEN %1.end ELSE false END,
  CASE WHEN $projection.sentenceIndex THEN %1.sentenceIndex ELSE false END,
  CASE WHEN $projection.gloss THEN %1.gloss ELSE '' END,
  CASE WHEN $projection.sentence THEN %1.sentence ELSE '' END]
