// An evidence's row (see entity-map). Its quote (its label) always comes; the rest when the operation
// reads it.
[%1.id, labels(%1), CASE WHEN $projection.documentId THEN %1.documentId END,
  CASE WHEN $projection.claimId THEN %1.claimId END, %1.quote,
  CASE WHEN $projection.start THEN %1.start END, CASE WHEN $projection.end THEN %1.end END,
  CASE WHEN $projection.sentenceIndex THEN %1.sentenceIndex END,
  CASE WHEN $projection.gloss THEN %1.gloss ELSE '' END,
  CASE WHEN $projection.sentence THEN %1.sentence ELSE '' END]
