// Events newest first without reading them all: the dated ones from the event_order_date index in
// descending order, from the cursor's day ($fromDate) back, at most $limit of them; the undated ones,
// which sort last, only when the page is not full (see events-dated-asc).
CALL (actorIds) {
  MATCH (e:Event) WHERE e.orderDate <= $fromDate
  WITH e, actorIds WHERE {{events-filter e}}
  WITH e, -duration.inDays(date('1970-01-01'), date(e.orderDate)).days AS key, -coalesce(e.orderRank, 0) AS rank
  WHERE {{after-key e true}}
  WITH e ORDER BY e.orderDate DESC, rank, e.id DESC LIMIT $limit
  RETURN collect(e) AS dated
}
CALL (actorIds, dated) {
  WITH actorIds, dated WHERE size(dated) < $limit
  MATCH (e:Event) WHERE e.orderDate IS NULL
  WITH e, actorIds WHERE {{events-filter e}}
  WITH e, 1000000000 AS key, -coalesce(e.orderRank, 0) AS rank
  WHERE {{after-key e true}}
  WITH e ORDER BY rank, e.id DESC LIMIT $limit
  RETURN collect(e) AS undated
}
UNWIND dated + undated AS e
WITH e, actorIds
