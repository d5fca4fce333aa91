import type { Driver } from 'neo4j-driver';

/** Removes every node and relationship, a thousand nodes per transaction. */
export async function deleteAllNodes(driver: Driver, database?: string): Promise<void> {
  const session = driver.session({ database });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS');
  } finally {
    await session.close();
  }
}
