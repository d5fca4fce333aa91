// An evidence's row (see entity-map).
[%1.id, labels(%1), %1.documentId, %1.claimId, %1.quote, %1.start, %1.end, %1.sentenceIndex,
  CASE WHEN $projection.gloss THEN %1.gloss ELSE '' END,
  CASE WHEN $projection.sentence THEN %1.sentence ELSE '' END]
