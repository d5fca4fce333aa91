import type { Config, Neo4jConnection } from '../config.js';
import type { Logger } from '../logger.js';
import { Database } from './driver.js';
import { DEFAULT_RESTART_POLICY, type LocalNeo4jHealth, LocalNeo4jSupervisor } from './local-supervisor.js';

export interface Connected {
  db: Database;
  /** The local Neo4j's supervision: `running` too when NEO4J_URI names a server. */
  local(): LocalNeo4jHealth;
  /** Closes the driver, then stops the local Neo4j when this process owns it. */
  close(): Promise<void>;
}

/** The same code path for every mode: NEO4J_URI when given, otherwise the local Neo4j, kept running. */
export async function connect(config: Config, logger: Logger): Promise<Connected> {
  let supervisor: LocalNeo4jSupervisor | undefined;
  let connection: Neo4jConnection;
  if (config.neo4j) {
    connection = config.neo4j;
  } else {
    const { maxRestarts, ...local } = config.local;
    supervisor = new LocalNeo4jSupervisor(local, logger, { ...DEFAULT_RESTART_POLICY, maxRestarts });
    const started = await supervisor.start();
    connection = { uri: started.uri, user: 'neo4j', password: started.password, database: undefined };
  }
  const db = new Database(connection, { queryTimeoutMs: config.queryTimeoutMs, logger, pool: config.neo4jPool });
  // Told at once, not at the next failed query or check: a dead Neo4j makes operations fail fast with
  // DATABASE_UNAVAILABLE (whatever holds its port now), and one that runs again serves without waiting.
  supervisor?.onChange(() => void db.check());

  return {
    db,
    local: () => supervisor?.status ?? { state: 'running' },
    async close() {
      await db.close();
      await supervisor?.stop();
    },
  };
}
