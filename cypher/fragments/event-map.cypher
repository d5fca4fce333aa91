// An event's row (see entity-map). What only a field reads comes when the operation reads it; what
// the server itself reads (labels, the timeline's order) always.
[%1.id, labels(%1), CASE WHEN $projection.type THEN %1.type ELSE false END, %1.label,
  CASE WHEN $projection.cameo THEN %1.cameo ELSE false END,
  CASE WHEN $projection.quadClass THEN %1.quadClass ELSE false END,
  CASE WHEN $projection.goldstein THEN %1.goldstein ELSE false END,
  CASE WHEN $projection.dateValue THEN %1.dateValue END,
  CASE WHEN $projection.datePrecision THEN %1.datePrecision ELSE false END,
  CASE WHEN $projection.dateText THEN %1.dateText END, %1.sortDate, %1.orderDate, %1.orderRank,
  CASE WHEN $projection.status THEN %1.status ELSE false END,
  CASE WHEN $projection.labelDe THEN %1.labelDe ELSE '' END]
