import { cypher, statements } from './cypher.js';
import { type Database, GRAPH_VERSION_ID } from './driver.js';

/**
 * Applies cypher/schema.cypher (constraints and indexes), waits until the indexes are online, creates
 * the version node and gives nodes written before a property was written what the indexes need
 * (cypher/migrations/).
 */
export async function applySchema(db: Database): Promise<number> {
  const all = statements(cypher('schema'));
  for (const [i, statement] of all.entries()) {
    await db.schema(`schema-${i}`, statement);
  }
  await db.schema('schema-await', 'CALL db.awaitIndexes(60)');
  // The graph's version node, which every write steps on (src/cache/graph-version.ts).
  await db.write('graph-version', cypher('version/ensure'), { id: GRAPH_VERSION_ID });
  await db.write('migrate-sort-names', cypher('migrations/sort-names'));
  return all.length;
}
