// An entity's row: the properties of its record (src/domain/records.ts), as a list in the order of
// NODE_ROW_KEYS.Entity there (test/unit/node-map.test.ts keeps them equal). What only a field of
// the API reads comes only when $projection says the operation reads it (src/graphql/projection.ts);
// left out, a value is empty (a long text or list) or null (read as a placeholder, domain/records.ts).
[%1.id, labels(%1), %1.kind, %1.name, CASE WHEN $projection.wikidataId THEN %1.wikidataId END,
  CASE WHEN $projection.nameDe THEN %1.nameDe ELSE '' END,
  CASE WHEN $projection.aliases THEN %1.aliases ELSE [] END,
  CASE WHEN $projection.description THEN %1.description END]
