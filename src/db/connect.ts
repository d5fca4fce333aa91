import type { Config, Neo4jConnection } from '../config.js';
import type { Logger } from '../logger.js';
import { Database } from './driver.js';
import { type LocalNeo4j, startLocalNeo4j } from './local-neo4j.js';

export interface Connected {
  db: Database;
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
  const db = new Database(connection, { queryTimeoutMs: config.queryTimeoutMs, logger, pool: config.neo4jPool });

  // A local Neo4j joined from another process (the ingest CLI) stops with it: then start our own on
  // the same folder and port, and the driver reconnects to it. The old one may still hold the store
  // for a moment while it shuts down, so failed attempts are retried.
  let takingOver: Promise<void> | undefined;
  let closed = false;
  const takeOver = (attempt: number) => {
    if (closed || db.isUp || !local || local.owned || takingOver) return;
    takingOver = startLocalNeo4j({ ...config.local, logger })
      .then((started) => {
        local = started;
        if (started.owned) logger.info({ pid: started.pid }, 'the local Neo4j we had joined stopped; started our own');
      })
      .catch((err: unknown) => {
        logger.warn(`could not start the local Neo4j: ${err instanceof Error ? err.message : err}`);
        if (attempt < 10) setTimeout(() => takeOver(attempt + 1), 3_000).unref();
      })
      .finally(() => {
        takingOver = undefined;
      });
  };
  db.onStateChange((up) => {
    if (!up) takeOver(1);
  });

  return {
    db,
    async close() {
      closed = true;
      await takingOver;
      await db.close();
      await local?.stop();
    },
  };
}
