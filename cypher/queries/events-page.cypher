// A page of events, filtered, in the order $order (DATE, DATE_DESC), after the cursor $after. An event
// sorts at orderDate (never before what it answers or is part of), then orderRank; undated ones last.
{{actor-ids - $actorId $affiliates}}
MATCH (e:Event)
WHERE {{events-filter e}}
WITH e, date(e.orderDate).epochDays AS day
WITH e,
     CASE WHEN day IS NULL THEN 1000000000 WHEN $order = 'DATE_DESC' THEN -day ELSE day END AS key,
     CASE WHEN $order = 'DATE_DESC' THEN -coalesce(e.orderRank, 0) ELSE coalesce(e.orderRank, 0) END AS rank
WHERE {{after-key e}}
RETURN e {.*, labels: labels(e)} AS node, [key, rank, e.id] AS sortKey
ORDER BY key, rank, e.id
LIMIT $limit
