// An entity's row: the properties of its record (src/domain/records.ts; test/unit/node-map.test.ts
// keeps them equal), the long ones only when $projection says the operation reads them.
%1 {.id, .kind, .name, .wikidataId, labels: labels(%1),
  nameDe: CASE WHEN $projection.nameDe THEN %1.nameDe ELSE '' END,
  aliases: CASE WHEN $projection.aliases THEN %1.aliases ELSE [] END,
  description: CASE WHEN $projection.description THEN %1.description END}
