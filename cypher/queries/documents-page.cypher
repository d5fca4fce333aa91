// A page of documents in the order $order (PUBLISHED_DESC, PUBLISHED), after the cursor $after;
// a document dated to the month or year sorts at its first day, undated ones last.
MATCH (d:Document)
WITH d, duration.inDays(date('1970-01-01'), date(CASE size(coalesce(d.publishedValue, ''))
               WHEN 4 THEN d.publishedValue + '-01-01'
               WHEN 7 THEN d.publishedValue + '-01'
               WHEN 10 THEN d.publishedValue END)).days AS day
WITH d,
     CASE WHEN day IS NULL THEN $undated WHEN $order = 'PUBLISHED' THEN day ELSE -day END AS key,
     0 AS rank
WHERE {{after-key d false}}
RETURN {{document-map d}} AS node, [key, rank, d.id] AS sortKey
ORDER BY key, rank, d.id
LIMIT $limit
