import { z } from 'zod';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    HOST: z.string().min(1).default('0.0.0.0'),
    NEO4J_URI: z
      .string()
      .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/[^\s]+$/, 'must look like bolt://host:7687 or neo4j+s://host')
      .optional(),
    NEO4J_USER: z.string().min(1).default('neo4j'),
    NEO4J_PASSWORD: z.string().min(1).optional(),
    NEO4J_DATABASE: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9.-]{0,62}$/, 'must be a Neo4j database name')
      .optional(),
    NEO4J_LOCAL_DIR: z.string().min(1).default('.neo4j-local'),
    NEO4J_LOCAL_PORT: z.coerce.number().int().min(1).max(65535).default(7687),
    NEO4J_LOCAL_HEAP: z
      .string()
      .regex(/^\d+[mMgG]$/, 'must be a JVM size such as 512m or 1g')
      .default('1g'),
    NEO4J_LOCAL_MAX_RESTARTS: z.coerce.number().int().min(0).max(100).default(5),
    NEO4J_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
    LOAD_ARTICLES_ON_START: z.enum(['true', 'false']).default('true'),
    LOG_LEVEL: z.enum(logLevels).default('info'),
    API_KEYS: z
      .string()
      .regex(
        /^\s*[A-Za-z0-9_.-]+:(reader|editor):[0-9a-f]{64}\s*(,\s*[A-Za-z0-9_.-]+:(reader|editor):[0-9a-f]{64}\s*)*$/,
        'must be a comma-separated list of name:role:sha256-hex (role reader or editor)',
      )
      .optional(),
    CORS_ORIGINS: z.string().optional(),
    MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(50_000_000).default(1_048_576),
    MAX_DEPTH: z.coerce.number().int().min(2).max(50).default(15),
    MAX_COST: z.coerce.number().int().min(10).max(10_000_000).default(50_000),
    MAX_ALIASES: z.coerce.number().int().min(1).max(1000).default(30),
    MAX_TOKENS: z.coerce.number().int().min(100).max(100_000).default(5_000),
    MAX_DIRECTIVES: z.coerce.number().int().min(1).max(1000).default(50),
    OPERATION_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
    MAX_RESULT_ITEMS: z.coerce.number().int().min(100).max(10_000_000).default(50_000),
    MAX_RESULT_BYTES: z.coerce.number().int().min(10_000).max(1_000_000_000).default(16_777_216),
    NEO4J_POOL_SIZE: z.coerce.number().int().min(2).max(1000).default(50),
    NEO4J_MAX_CONCURRENT_QUERIES: z.coerce.number().int().min(1).max(999).optional(),
    NEO4J_MAX_QUEUED_QUERIES: z.coerce.number().int().min(0).max(100_000).default(500),
    NEO4J_QUEUE_TIMEOUT_MS: z.coerce.number().int().min(1).max(600_000).default(10_000),
    NEO4J_QUERIES_PER_REQUEST: z.coerce.number().int().min(1).max(100).default(4),
    HTTP_MAX_CONNECTIONS: z.coerce.number().int().min(8).max(1_000_000).default(4096),
    HTTP_IDLE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
    HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
    HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
    HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(600),
    RATE_LIMIT_BURST: z.coerce.number().int().min(1).max(1_000_000).default(120),
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    RESPONSE_CACHE_MB: z.coerce.number().min(0).max(65_536).default(32),
    PERSISTED_DOCUMENTS: z.string().min(1).optional(),
    PERSISTED_DOCUMENTS_ONLY: z.enum(['true', 'false']).default('false'),
  })
  .superRefine((env, ctx) => {
    if (env.NEO4J_MAX_CONCURRENT_QUERIES !== undefined && env.NEO4J_MAX_CONCURRENT_QUERIES >= env.NEO4J_POOL_SIZE) {
      ctx.addIssue({
        code: 'custom',
        path: ['NEO4J_MAX_CONCURRENT_QUERIES'],
        message: 'must be below NEO4J_POOL_SIZE (the pool keeps connections for writes and health checks)',
      });
    }
    if (env.HTTP_HEADERS_TIMEOUT_MS > env.HTTP_REQUEST_TIMEOUT_MS) {
      ctx.addIssue({
        code: 'custom',
        path: ['HTTP_HEADERS_TIMEOUT_MS'],
        message: 'must not exceed HTTP_REQUEST_TIMEOUT_MS',
      });
    }
    if (env.PERSISTED_DOCUMENTS_ONLY === 'true' && !env.PERSISTED_DOCUMENTS) {
      ctx.addIssue({
        code: 'custom',
        path: ['PERSISTED_DOCUMENTS_ONLY'],
        message: 'needs PERSISTED_DOCUMENTS (the manifest of the documents allowed)',
      });
    }
    if (env.NEO4J_URI && !env.NEO4J_PASSWORD) {
      ctx.addIssue({ code: 'custom', path: ['NEO4J_PASSWORD'], message: 'is required when NEO4J_URI is set' });
    }
    // The local Neo4j reads its password as one line on stdin.
    if (!env.NEO4J_URI && env.NEO4J_PASSWORD && /[\r\n]/.test(env.NEO4J_PASSWORD)) {
      ctx.addIssue({ code: 'custom', path: ['NEO4J_PASSWORD'], message: 'must be one line for the local Neo4j' });
    }
  });

export interface Neo4jConnection {
  uri: string;
  user: string;
  password: string;
  database: string | undefined;
}

export interface Config {
  port: number;
  host: string;
  /** Set when a Neo4j server is given; otherwise a local Neo4j is started. */
  neo4j: Neo4jConnection | undefined;
  local: LocalNeo4jConfig;
  queryTimeoutMs: number;
  loadArticlesOnStart: boolean;
  logLevel: (typeof logLevels)[number];
  /** Hashed API keys (sha256 hex) with their role; empty: no writes possible. */
  apiKeys: ApiKey[];
  /** Origins allowed by CORS; empty: no cross-origin browser access; ['*']: any. */
  corsOrigins: string[];
  limits: Limits;
  neo4jPool: Neo4jPool;
  http: HttpLimits;
  rateLimit: RateLimit;
  /** Bytes of answers the response cache holds (src/cache/); 0: no response cache. */
  responseCacheBytes: number;
  /** A manifest of persisted documents, and whether only they may run (src/persisted-documents.ts). */
  persistedDocuments: { file: string; only: boolean } | undefined;
}

/** The driver's connection pool and how many queries may use it (src/db/admission.ts). */
export interface Neo4jPool {
  size: number;
  /** How long the driver waits for a pooled connection (writes and health checks; reads wait in admission). */
  acquisitionTimeoutMs: number;
  maxConcurrentQueries: number;
  maxQueued: number;
  queueTimeoutMs: number;
  queriesPerRequest: number;
}

export const DEFAULT_NEO4J_POOL: Neo4jPool = {
  size: 50,
  acquisitionTimeoutMs: 5_000,
  maxConcurrentQueries: 8,
  maxQueued: 500,
  queueTimeoutMs: 10_000,
  queriesPerRequest: 4,
};

/** Limits of the HTTP server (src/http-server.ts). */
export interface HttpLimits {
  /** Open connections at most (also kept below half the open-file limit). */
  maxConnections: number;
  /** A connection that has not sent a request (or its first byte) for this long is closed. */
  idleTimeoutMs: number;
  headersTimeoutMs: number;
  /** The whole request, headers and body, must arrive within this time (408 beyond). */
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
}

export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  maxConnections: 4096,
  idleTimeoutMs: 5_000,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
};

/** Requests per client (API key name, else IP address): a token bucket; perMinute 0 turns it off. */
export interface RateLimit {
  perMinute: number;
  burst: number;
  /** Proxies in front of the server whose X-Forwarded-For entries are trusted; 0: the socket's address. */
  trustProxyHops: number;
}

export interface LocalNeo4jConfig {
  dir: string;
  port: number;
  heap: string;
  /** NEO4J_PASSWORD; unset: a random one kept in `<dir>/password`. */
  password: string | undefined;
  /** Restarts of a Java process that died, within 10 minutes; beyond them the server reports itself unhealthy. */
  maxRestarts: number;
}

export interface ApiKey {
  name: string;
  role: 'reader' | 'editor';
  sha256: string;
}

export interface Limits {
  maxBodyBytes: number;
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
  /** Deadline of a whole read operation (mutations get at least two minutes). */
  operationTimeoutMs: number;
  /** List items in one answer, all lists together. */
  maxResultItems: number;
  /** Approximate bytes of one answer (its strings, and 64 per list item). */
  maxResultBytes: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxBodyBytes: 1_048_576,
  maxDepth: 15,
  maxCost: 50_000,
  maxAliases: 30,
  maxTokens: 5_000,
  maxDirectives: 50,
  operationTimeoutMs: 15_000,
  maxResultItems: 50_000,
  maxResultBytes: 16_777_216,
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'env'} ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    neo4j: e.NEO4J_URI
      ? { uri: e.NEO4J_URI, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD ?? '', database: e.NEO4J_DATABASE }
      : undefined,
    local: {
      dir: e.NEO4J_LOCAL_DIR,
      port: e.NEO4J_LOCAL_PORT,
      heap: e.NEO4J_LOCAL_HEAP,
      password: e.NEO4J_PASSWORD,
      maxRestarts: e.NEO4J_LOCAL_MAX_RESTARTS,
    },
    queryTimeoutMs: e.NEO4J_QUERY_TIMEOUT_MS,
    loadArticlesOnStart: e.LOAD_ARTICLES_ON_START === 'true',
    logLevel: e.LOG_LEVEL,
    apiKeys: (e.API_KEYS ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean)
      .map((k) => {
        const [name = '', role, sha256 = ''] = k.split(':');
        return { name, role: role === 'editor' ? 'editor' : 'reader', sha256 };
      }),
    corsOrigins: (e.CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    limits: {
      maxBodyBytes: e.MAX_BODY_BYTES,
      maxDepth: e.MAX_DEPTH,
      maxCost: e.MAX_COST,
      maxAliases: e.MAX_ALIASES,
      maxTokens: e.MAX_TOKENS,
      maxDirectives: e.MAX_DIRECTIVES,
      operationTimeoutMs: e.OPERATION_TIMEOUT_MS,
      maxResultItems: e.MAX_RESULT_ITEMS,
      maxResultBytes: e.MAX_RESULT_BYTES,
    },
    neo4jPool: {
      size: e.NEO4J_POOL_SIZE,
      acquisitionTimeoutMs: DEFAULT_NEO4J_POOL.acquisitionTimeoutMs,
      maxConcurrentQueries: e.NEO4J_MAX_CONCURRENT_QUERIES ?? Math.min(8, e.NEO4J_POOL_SIZE - 1),
      maxQueued: e.NEO4J_MAX_QUEUED_QUERIES,
      queueTimeoutMs: e.NEO4J_QUEUE_TIMEOUT_MS,
      queriesPerRequest: e.NEO4J_QUERIES_PER_REQUEST,
    },
    http: {
      maxConnections: e.HTTP_MAX_CONNECTIONS,
      idleTimeoutMs: e.HTTP_IDLE_TIMEOUT_MS,
      headersTimeoutMs: e.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: e.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    },
    rateLimit: {
      perMinute: e.RATE_LIMIT_PER_MINUTE,
      burst: e.RATE_LIMIT_BURST,
      trustProxyHops: e.TRUST_PROXY_HOPS,
    },
    responseCacheBytes: Math.round(e.RESPONSE_CACHE_MB * 1_048_576),
    persistedDocuments: e.PERSISTED_DOCUMENTS
      ? { file: e.PERSISTED_DOCUMENTS, only: e.PERSISTED_DOCUMENTS_ONLY === 'true' }
      : undefined,
  };
}
