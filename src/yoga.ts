import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, type Plugin } from 'graphql-yoga';
import { GraphVersionReader } from './cache/graph-version.js';
import { responseCachePlugin } from './cache/plugin.js';
import { ResponseCache } from './cache/response-cache.js';
import { type ApiKey, DEFAULT_LIMITS, type Limits, type RateLimit } from './config.js';
import type { Context } from './context.js';
import { createContext } from './context.js';
import { FanoutStats } from './cost/fanout-stats.js';
import { costPlugin } from './cost/plugin.js';
import type { Database } from './db/driver.js';
import type { LocalNeo4jHealth } from './db/local-supervisor.js';
import { createMaskError } from './errors.js';
import { exportPlugin } from './export/http.js';
import { EXAMPLES } from './graphiql/examples.js';
import { schema } from './graphql/index.js';
import { projectionPlugin } from './graphql/projection.js';
import { limitPlugins } from './limits.js';
import type { Logger } from './logger.js';
import { type PersistedDocuments, persistedDocumentsPlugin } from './persisted-documents.js';
import { rateLimitPlugin } from './rate-limit.js';
import { explorerPlugin } from './web/serve.js';

export interface AppOptions {
  db: Database;
  logger: Logger;
  /** Hashed API keys; none: the API is read-only. */
  apiKeys?: ApiKey[];
  /** Origins allowed by CORS; none: no cross-origin browser access; ['*']: any. */
  corsOrigins?: string[];
  limits?: Limits;
  /** Measured list sizes for the cost estimate; by default measured from `db`. */
  fanout?: FanoutStats;
  /** The explorer's built page (default web/dist). */
  explorerDir?: string;
  /** The supervision of the local Neo4j (src/db/connect.ts); none: always `running`. */
  local?: () => LocalNeo4jHealth;
  /** Requests per client; none (or perMinute 0): no rate limit. */
  rateLimit?: RateLimit;
  /** Bytes of answers the response cache may hold (src/cache/); none or 0: no response cache. */
  responseCacheBytes?: number;
  /** Documents a client may name by id; with `only`, nothing else runs. */
  persistedDocuments?: PersistedDocuments;
  /**
   * false: every query sends every property of its nodes, whatever the operation reads (see
   * graphql/projection.ts); tests compare the two.
   */
  projection?: boolean;
  /** false: lists never compile their items' selections (graphql/compile.ts); tests compare the two. */
  compile?: boolean;
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/**
 * /ready: Neo4j answers (503 while it does not, or while the local one is being restarted).
 * /health is Yoga's own 200, turned into 503 with the reason once the local Neo4j was given up on:
 * then only a restart of the whole process can help.
 */
function readinessPlugin(db: Database, local: () => LocalNeo4jHealth): Plugin {
  return {
    onRequest({ url, endResponse }) {
      if (url.pathname !== '/ready') return;
      const { state, reason } = local();
      if (state !== 'running') {
        endResponse(json({ ready: false, neo4j: state, error: reason }, 503));
        return;
      }
      const { up, error } = db.status;
      endResponse(json(up ? { ready: true, neo4j: 'up' } : { ready: false, neo4j: 'down', error }, up ? 200 : 503));
    },
    onResponse({ request, response, setResponse }) {
      // Yoga answers every URL that ends with its health endpoint, before any plugin sees it.
      if (!request.url.endsWith('/health') || response.status !== 200) return;
      const { state, reason } = local();
      if (state === 'failed') setResponse(json({ healthy: false, reason }, 503));
    },
  };
}

const alwaysRunning = (): LocalNeo4jHealth => ({ state: 'running' });

/** One log line per operation, with the request id and the Neo4j time spent. */
function operationLogPlugin(): Plugin<Context> {
  return {
    onExecute({ args }) {
      const started = performance.now();
      return {
        onExecuteDone({ result }) {
          const ctx = args.contextValue as Context;
          const errors = 'errors' in result && result.errors ? result.errors.length : 0;
          ctx.logger.info(
            {
              operation: args.operationName ?? undefined,
              ms: Math.round(performance.now() - started),
              neo4jQueries: ctx.stats.count,
              neo4jMs: Math.round(ctx.stats.ms),
              errors,
            },
            'graphql operation',
          );
        },
      };
    },
  };
}

const graphiqlPages = new Map<string, string>();

/** GraphiQL links to the explorer (a fixed link in the corner of its page). */
const EXPLORER_LINK =
  '<a href="/explore" style="position:fixed;right:12px;bottom:10px;z-index:10;font:14px system-ui,sans-serif;background:#fff;padding:4px 8px;border:1px solid #888;border-radius:4px">Open the explorer</a>';

export function createApp({
  db,
  logger,
  apiKeys = [],
  corsOrigins = [],
  limits = DEFAULT_LIMITS,
  fanout = new FanoutStats(db, logger),
  explorerDir,
  local = alwaysRunning,
  rateLimit,
  responseCacheBytes = 0,
  persistedDocuments,
  projection = true,
  compile = true,
}: AppOptions) {
  // Exports call back into this app; it exists by the time a request arrives.
  const self: {
    app?: { fetch: (r: Request, serverContext: Record<string, unknown>) => Promise<Response> | Response };
  } = {};
  const yoga = createYoga<Record<string, unknown>, Context>({
    schema,
    context: ({ request }) => createContext(db, logger, request, apiKeys, limits, compile),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    logging: {
      debug: (...a) => logger.debug(a.map(String).join(' ')),
      info: (...a) => logger.info(a.map(String).join(' ')),
      warn: (...a) => logger.warn(a.map(String).join(' ')),
      // Unexpected errors are logged with their stack by createMaskError.
      error: (...a) => logger.debug(a.map(String).join(' ')),
    },
    maskedErrors: { maskError: createMaskError(logger) },
    graphiql: {
      title: 'Geopolitical knowledge graph',
      defaultQuery: EXAMPLES[0]?.query,
      defaultTabs: EXAMPLES.map((e) => ({ query: e.query, variables: JSON.stringify(e.variables ?? {}) })),
    },
    // GraphiQL from the npm package, inlined: the page loads nothing from a CDN. Its options never
    // change, so the 9 MB page is rendered once, not per request.
    renderGraphiQL: (opts) => {
      const key = JSON.stringify(opts ?? {});
      let page = graphiqlPages.get(key);
      if (page === undefined) {
        page = renderGraphiQL(opts).replace('</body>', `${EXPLORER_LINK}</body>`);
        graphiqlPages.set(key, page);
      }
      return page;
    },
    healthCheckEndpoint: '/health',
    plugins: [
      readinessPlugin(db, local),
      ...(rateLimit ? [rateLimitPlugin(rateLimit, apiKeys)] : []),
      explorerPlugin(explorerDir),
      // Exports send their GraphQL operation through this same app: its limits and cost model apply.
      exportPlugin(() => self.app as NonNullable<typeof self.app>),
      ...limitPlugins(limits),
      ...(persistedDocuments ? [persistedDocumentsPlugin(persistedDocuments)] : []),
      // Before the cache: a cached answer is logged too.
      operationLogPlugin(),
      ...(responseCacheBytes > 0
        ? [responseCachePlugin(new ResponseCache(responseCacheBytes), new GraphVersionReader(() => db.graphVersion()))]
        : []),
      costPlugin(fanout, limits),
      ...(projection ? [projectionPlugin()] : []),
    ],
    cors:
      corsOrigins.length === 0
        ? false
        : { origin: corsOrigins.includes('*') ? '*' : corsOrigins, methods: ['GET', 'POST'], credentials: false },
    multipart: false,
    batching: false,
  });
  self.app = yoga;
  return yoga;
}

export type App = ReturnType<typeof createApp>;
