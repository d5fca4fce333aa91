// An entity's row: the properties of its record (src/domain/records.ts), as a list in the order of
// NODE_ROW_KEYS.Entity there (test/unit/node-map.test.ts keeps them equal), the long ones only when
// $projection says the operation reads them.
[%1.id, labels(%1), %1.kind, %1.name, %1.wikidataId,
  CASE WHEN $projection.nameDe THEN %1.nameDe ELSE '' END,
  CASE WHEN $projection.aliases THEN %1.aliases ELSE [] END,
  CASE WHEN $projection.description THEN %1.description END]
