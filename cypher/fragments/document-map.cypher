// A document's row (see entity-map).
[%1.id, labels(%1), %1.slug, %1.title, %1.publisher, %1.language, %1.publishedValue, %1.publishedPrecision,
  %1.publishedText, %1.url, %1.sha256, %1.sentenceCount,
  CASE WHEN $projection.text THEN %1.text ELSE '' END]
