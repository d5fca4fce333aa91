// A dispute's row (see entity-map).
%1 {.id, .name, labels: labels(%1),
  nameDe: CASE WHEN $projection.nameDe THEN %1.nameDe ELSE '' END,
  description: CASE WHEN $projection.description THEN %1.description ELSE '' END}
