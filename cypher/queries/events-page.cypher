// A page of events, filtered, in the order $order (DATE, DATE_DESC; the direction word is filled in),
// after the cursor (events-after). An event sorts at orderDate (never before what it answers or is
// part of), then orderRank; undated ones last. The order reads stored values; the cursor's day is
// computed for the page's rows only.
__START__
WHERE {{events-filter e}}
WITH e, coalesce(e.orderRank, 0) AS rank
WHERE {{events-after e rank}}
RETURN {{event-map e}} AS node, {{events-sort-key e rank}} AS sortKey
ORDER BY e.orderDate IS NULL, e.orderDate __DIR__, rank __DIR__, e.id __DIR__
LIMIT $limit
