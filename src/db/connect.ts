import type { Config, Neo4jConnection } from '../config.js';
import type { Logger } from '../logger.js';
import { Database } from './driver.js';
import { type LocalNeo4j, startLocalNeo4j } from './local-neo4j.js';

export interface Connected {
  db: Database;
  /** Set when this process started (or joined) the local Neo4j. */
  local: LocalNeo4j | undefined;
  /** Closes the driver, then stops the local Neo4j when this process owns it. */
  close(): Promise<void>;
}

/** The same code path for every mode: NEO4J_URI when given, otherwise the local Neo4j. */
export async function connect(config: Config, logger: Logger): Promise<Connected> {
  let local: LocalNeo4j | undefined;
  let connection: Neo4jConnection;
  if (config.neo4j) {
    connection = config.neo4j;
  } else {
    local = await startLocalNeo4j({ ...config.local, logger });
    connection = { uri: local.uri, user: 'neo4j', password: config.local.password, database: undefined };
  }
  const db = new Database(connection, { queryTimeoutMs: config.queryTimeoutMs, logger });
  return {
    db,
    local,
    async close() {
      await db.close();
      await local?.stop();
    },
  };
}
