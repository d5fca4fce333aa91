import { inject } from 'vitest';
import type { Neo4jPool } from '../../src/config.js';
import { Database, type SentQuery } from '../../src/db/driver.js';
import { applySchema } from '../../src/db/schema.js';
import { ingestArticle } from '../../src/ingest/ingest.js';
import { deleteAllNodes } from './graph.js';

/** A Database on the test Neo4j started by the global setup (a real server, never a mock). */
export function testDatabase(queryTimeoutMs = 15_000, pool?: Partial<Neo4jPool>): Database {
  const n = inject('neo4j');
  return new Database(
    { uri: n.uri, user: n.user, password: n.password, database: n.database },
    { queryTimeoutMs, pool },
  );
}

/** Removes every node and relationship (tests run one file at a time). */
export function clearGraph(db: Database): Promise<void> {
  return deleteAllNodes(db.driver, db.connection.database);
}

export const ARTICLE_DIR = 'data/articles/2022-01-flashup-moskau-ankara';

/** A schema'd database holding exactly the FLASH UP article. */
export async function resetToArticle(db: Database): Promise<void> {
  await db.check();
  await applySchema(db);
  await clearGraph(db);
  await ingestArticle(db, ARTICLE_DIR);
}

/** The queries `work` sends (those named `name` when given), and what it returned. */
export async function sentDuring<T>(
  db: Database,
  work: () => Promise<T>,
  name?: string,
): Promise<{ result: T; sent: SentQuery[] }> {
  const sent: SentQuery[] = [];
  const previous = db.onQuery;
  db.onQuery = (q) => {
    if (name === undefined || q.name === name) sent.push(q);
  };
  try {
    return { result: await work(), sent };
  } finally {
    db.onQuery = previous;
  }
}
