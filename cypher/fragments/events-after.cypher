// Keyset pagination of events in timeline order: the event %1, of rank %2 (coalesce(orderRank, 0)),
// comes after the cursor — $afterDate its orderDate (null when it is undated), $afterRank, $afterId —
// oldest first or, when $order is DATE_DESC, newest first; undated events come last in both orders.
// Compares the stored orderDate (a full date: its text order is the day order), so that no day is
// computed for rows the page does not show.
($afterId IS NULL
  OR (%1.orderDate IS NULL AND $afterDate IS NOT NULL)
  OR CASE WHEN $order = 'DATE_DESC' THEN %1.orderDate < $afterDate ELSE %1.orderDate > $afterDate END
  OR ((%1.orderDate = $afterDate OR (%1.orderDate IS NULL AND $afterDate IS NULL))
      AND CASE WHEN $order = 'DATE_DESC' THEN %2 < $afterRank OR (%2 = $afterRank AND %1.id < $afterId)
               ELSE %2 > $afterRank OR (%2 = $afterRank AND %1.id > $afterId) END))
