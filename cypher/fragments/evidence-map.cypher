// An evidence's row (see entity-map).
%1 {.id, .documentId, .claimId, .quote, .start, .end, .sentenceIndex, labels: labels(%1),
  gloss: CASE WHEN $projection.gloss THEN %1.gloss ELSE '' END,
  sentence: CASE WHEN $projection.sentence THEN %1.sentence ELSE '' END}
