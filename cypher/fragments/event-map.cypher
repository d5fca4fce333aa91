// An event's row (see entity-map).
[%1.id, labels(%1), %1.type, %1.label, %1.cameo, %1.quadClass, %1.goldstein, %1.dateValue, %1.datePrecision,
  %1.dateText, %1.sortDate, %1.orderDate, %1.orderRank, %1.status,
  CASE WHEN $projection.labelDe THEN %1.labelDe ELSE '' END]
