import type { Database } from '../../src/db/driver.js';
import { createLogger } from '../../src/logger.js';
import { type AppOptions, createApp } from '../../src/yoga.js';

export interface CachedResponse {
  status: number;
  /** The x-cache header: hit, miss or bypass (null: the cache is off). */
  cache: string | null;
  body: { data?: any; errors?: { message: string; extensions?: Record<string, any> }[]; extensions?: any };
  /** Neo4j queries sent by read() and write() meanwhile (the version read is not one of them). */
  queries: number;
}

/** An app with the response cache on (1 MiB unless told), and a helper that returns the x-cache header too. */
export function cachedApp(db: Database, options: Omit<AppOptions, 'db' | 'logger'> = {}) {
  const app = createApp({
    db,
    logger: createLogger((process.env.TEST_LOG_LEVEL as never) ?? 'silent'),
    responseCacheBytes: 1_048_576,
    ...options,
  });
  async function send(body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<CachedResponse> {
    const before = db.queriesSent;
    const res = await app.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
      body: JSON.stringify(body),
    });
    return {
      status: res.status,
      cache: res.headers.get('x-cache'),
      body: (await res.json()) as CachedResponse['body'],
      queries: db.queriesSent - before,
    };
  }
  const gql = (query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) =>
    send({ query, variables }, headers);
  return { app, gql, send };
}
