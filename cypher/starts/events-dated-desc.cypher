// Events newest first without reading them all: the dated ones from the event_order_date index in
// descending order, from the cursor's day ($fromDate) back, at most $limit of them; the undated ones,
// which sort last, only when the page is not full (see events-dated-asc).
CALL () {
  MATCH (e:Event) WHERE e.orderDate <= $fromDate
  WITH e WHERE {{events-filter e}}
  WITH e, coalesce(e.orderRank, 0) AS rank
  WHERE {{events-after e rank}}
  WITH e ORDER BY e.orderDate DESC, rank DESC, e.id DESC LIMIT $limit
  RETURN collect(e) AS dated
}
CALL (dated) {
  // A row only when the page is not full: a WHERE here would be tested after the scan, per event.
  UNWIND CASE WHEN size(dated) < $limit THEN [true] ELSE [] END AS notFull
  MATCH (e:Event) WHERE e.orderDate IS NULL
  WITH e WHERE {{events-filter e}}
  WITH e, coalesce(e.orderRank, 0) AS rank
  WHERE {{events-after e rank}}
  WITH e ORDER BY rank DESC, e.id DESC LIMIT $limit
  RETURN collect(e) AS undated
}
UNWIND dated + undated AS e
WITH e
