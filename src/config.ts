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
    NEO4J_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
    LOAD_ARTICLES_ON_START: z.enum(['true', 'false']).default('true'),
    LOG_LEVEL: z.enum(logLevels).default('info'),
  })
  .superRefine((env, ctx) => {
    if (env.NEO4J_URI && !env.NEO4J_PASSWORD) {
      ctx.addIssue({ code: 'custom', path: ['NEO4J_PASSWORD'], message: 'is required when NEO4J_URI is set' });
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
  local: { dir: string; port: number; heap: string; password: string };
  queryTimeoutMs: number;
  loadArticlesOnStart: boolean;
  logLevel: (typeof logLevels)[number];
}

export class ConfigError extends Error {}

/** The password of the local Neo4j; it only listens on 127.0.0.1. */
export const LOCAL_NEO4J_PASSWORD = 'local-neo4j-password';

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
      password: e.NEO4J_PASSWORD ?? LOCAL_NEO4J_PASSWORD,
    },
    queryTimeoutMs: e.NEO4J_QUERY_TIMEOUT_MS,
    loadArticlesOnStart: e.LOAD_ARTICLES_ON_START === 'true',
    logLevel: e.LOG_LEVEL,
  };
}
