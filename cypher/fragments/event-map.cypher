// An event's row (see entity-map).
%1 {.id, .type, .label, .cameo, .quadClass, .goldstein, .dateValue, .datePrecision, .dateText, .sortDate,
  .orderDate, .orderRank, .status, labels: labels(%1),
  labelDe: CASE WHEN $projection.labelDe THEN %1.labelDe ELSE '' END}
