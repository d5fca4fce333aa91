// A document's row (see entity-map).
%1 {.id, .slug, .title, .publisher, .language, .publishedValue, .publishedPrecision, .publishedText, .url,
  .sha256, .sentenceCount, labels: labels(%1),
  text: CASE WHEN $projection.text THEN %1.text ELSE '' END}
