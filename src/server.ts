import { ConfigError, loadConfig } from './config.js';
import { FanoutStats } from './cost/fanout-stats.js';
import { connect } from './db/connect.js';
import { LocalNeo4jError } from './db/local-neo4j.js';
import { prepareWhenUp } from './db/preparation.js';
import { applySchema } from './db/schema.js';
import { schema } from './graphql/index.js';
import { connectionCap, createHttpServer, openFileLimit } from './http-server.js';
import { seedArticles } from './ingest/seed.js';
import { createLogger } from './logger.js';
import { loadPersistedDocuments, ManifestError } from './persisted-documents.js';
import { ensureExplorerBundle } from './web/bundle.js';
import { createApp } from './yoga.js';

/** `npm start`: local Neo4j (unless NEO4J_URI), schema, seed articles, GraphQL on PORT; clean shutdown. */
async function main(): Promise<void> {
  const started = performance.now();
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    console.error(err instanceof ConfigError ? err.message : String(err));
    process.exit(1);
  }
  const logger = createLogger(config.logLevel);
  let persistedDocuments: ReturnType<typeof loadPersistedDocuments> | undefined;
  try {
    const p = config.persistedDocuments;
    persistedDocuments = p && loadPersistedDocuments(p.file, p.only, schema);
  } catch (err) {
    console.error(err instanceof ManifestError ? err.message : String(err));
    process.exit(1);
  }

  let connected: Awaited<ReturnType<typeof connect>>;
  try {
    connected = await connect(config, logger);
  } catch (err) {
    if (err instanceof LocalNeo4jError) {
      logger.fatal(err.message);
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const { db } = connected;
  const fanout = new FanoutStats(db, logger);

  prepareWhenUp(db, logger, async () => {
    const n = await applySchema(db);
    logger.info({ statements: n }, 'schema applied');
    if (config.loadArticlesOnStart) {
      const loaded = await seedArticles(db, logger);
      if (loaded > 0) logger.info({ articles: loaded }, 'articles loaded (new, or written by an older loader)');
    }
    await fanout.refresh();
  });
  db.startMonitoring();

  // The explorer's page is bundled from npm packages when missing or stale (esbuild, about a second).
  try {
    const bundle = await ensureExplorerBundle();
    if (bundle.built) logger.info({ ms: bundle.ms, files: bundle.manifest.files }, 'explorer page built');
  } catch (err) {
    logger.error(
      { err: err instanceof Error ? err.message : String(err) },
      'building the explorer page failed; /explore answers 503',
    );
  }

  const app = createApp({
    db,
    logger,
    apiKeys: config.apiKeys,
    corsOrigins: config.corsOrigins,
    limits: config.limits,
    fanout,
    local: connected.local,
    rateLimit: config.rateLimit,
    responseCacheBytes: config.responseCacheBytes,
    persistedDocuments,
  });
  const server = createHttpServer(app, config.http, logger);
  // A deep accept queue: under a connection flood a new client (or /health) waits its turn instead of
  // having its SYN dropped and retried a second or more later (the kernel caps it at somaxconn).
  server.listen({ port: config.port, host: config.host, backlog: 4096 }, () => {
    logger.info(
      { url: `http://localhost:${config.port}/graphql`, ms: Math.round(performance.now() - started), pid: process.pid },
      'GraphQL server listening',
    );
    logger.info(
      { ...config.http, maxConnections: connectionCap(config.http.maxConnections), openFileLimit: openFileLimit() },
      'HTTP limits',
    );
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.warn('in-flight requests did not finish in 10s; closing them');
      server.closeAllConnections();
    }, 10_000);
    force.unref();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    clearTimeout(force);
    await connected.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  // Whoever started us (npm, a shell, a supervisor) died without passing a signal on: stop too,
  // rather than run on as an orphan holding the local Neo4j.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void shutdown('parent process gone');
  }, 1_000).unref();
}

main().catch((err) => {
  console.error(`fatal: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
