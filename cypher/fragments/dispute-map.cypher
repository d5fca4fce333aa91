// A dispute's row (see entity-map).
[%1.id, labels(%1), %1.name,
  CASE WHEN $projection.nameDe THEN %1.nameDe ELSE '' END,
  CASE WHEN $projection.description THEN %1.description ELSE '' END]
