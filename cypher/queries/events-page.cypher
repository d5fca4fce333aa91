// A page of events, filtered, in the order $order (DATE, DATE_DESC), after the cursor $after. An event
// sorts at orderDate (never before what it answers or is part of), then orderRank; undated ones last.
{{actor-ids - $actorId $affiliates}}
__START__
WHERE {{events-filter e}}
WITH e, $order = 'DATE_DESC' AS descending, duration.inDays(date('1970-01-01'), date(e.orderDate)).days AS day
WITH e, descending,
     CASE WHEN day IS NULL THEN 1000000000 WHEN descending THEN -day ELSE day END AS key,
     CASE WHEN descending THEN -coalesce(e.orderRank, 0) ELSE coalesce(e.orderRank, 0) END AS rank
WHERE {{after-key e descending}}
RETURN {{event-map e}} AS node, [key, rank, e.id] AS sortKey
ORDER BY key, rank, CASE WHEN descending THEN '' ELSE e.id END, e.id DESC
LIMIT $limit
