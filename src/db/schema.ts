import { cypher, statements } from './cypher.js';
import type { Database } from './driver.js';

/** Applies cypher/schema.cypher (constraints and indexes) and waits until the indexes are online. */
export async function applySchema(db: Database): Promise<number> {
  const all = statements(cypher('schema'));
  for (const [i, statement] of all.entries()) {
    await db.write(`schema-${i}`, statement);
  }
  await db.write('schema-await', 'CALL db.awaitIndexes(60)');
  return all.length;
}
