// Events in timeline order without reading them all: the dated ones from the event_order_date index in
// order (orderDate is a full date, so its text order is the day order), from the cursor's day
// ($fromDate) on, at most $limit of them; the undated ones, which sort last, only when the page is
// not full (the last page: they are found by a label scan, there being no index on a missing value).
CALL () {
  MATCH (e:Event) WHERE e.orderDate >= $fromDate
  WITH e WHERE {{events-filter e}}
  WITH e, coalesce(e.orderRank, 0) AS rank
  WHERE {{events-after e rank}}
  WITH e ORDER BY e.orderDate, rank, e.id LIMIT $limit
  RETURN collect(e) AS dated
}
CALL (dated) {
  // A row only when the page is not full: a WHERE here would be tested after the scan, per event.
  UNWIND CASE WHEN size(dated) < $limit THEN [true] ELSE [] END AS notFull
  MATCH (e:Event) WHERE e.orderDate IS NULL
  WITH e WHERE {{events-filter e}}
  WITH e, coalesce(e.orderRank, 0) AS rank
  WHERE {{events-after e rank}}
  WITH e ORDER BY rank, e.id LIMIT $limit
  RETURN collect(e) AS undated
}
UNWIND dated + undated AS e
WITH e
