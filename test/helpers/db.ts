import { inject } from 'vitest';
import { Database } from '../../src/db/driver.js';

/** A Database on the test Neo4j started by the global setup (a real server, never a mock). */
export function testDatabase(queryTimeoutMs = 15_000): Database {
  const n = inject('neo4j');
  return new Database({ uri: n.uri, user: n.user, password: n.password, database: n.database }, { queryTimeoutMs });
}

/** Removes every node and relationship (tests run one file at a time). */
export async function clearGraph(db: Database): Promise<void> {
  const session = db.driver.session({ database: db.connection.database });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS');
  } finally {
    await session.close();
  }
}
