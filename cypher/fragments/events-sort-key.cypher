// Where the event %1, of rank %2, stands in the order $order (the cursor, [key, rank, id]): days since
// 1970-01-01 (negated newest first; $undated when undated: domain/orders.ts UNDATED_SORT_KEY), the rank (negated newest first), the id.
[CASE WHEN %1.orderDate IS NULL THEN $undated
      WHEN $order = 'DATE_DESC' THEN -duration.inDays(date('1970-01-01'), date(%1.orderDate)).days
      ELSE duration.inDays(date('1970-01-01'), date(%1.orderDate)).days END,
 CASE WHEN $order = 'DATE_DESC' THEN -%2 ELSE %2 END, %1.id]
