import type { Database } from '../../src/db/driver.js';
import { createLogger } from '../../src/logger.js';
import { type AppOptions, createApp } from '../../src/yoga.js';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
  extensions?: { cost?: { estimated: number; max: number; items: number; bytes: number } };
  /** Neo4j queries the operation sent. */
  queries: number;
}

/** The Yoga app on a real database, and a helper that runs an operation through yoga.fetch. */
export function testApp(db: Database, options: Omit<AppOptions, 'db' | 'logger'> = {}) {
  const app = createApp({ db, logger: createLogger((process.env.TEST_LOG_LEVEL as never) ?? 'silent'), ...options });
  async function gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    headers: Record<string, string> = {},
    operationName?: string,
  ): Promise<GraphQLResponse<T>> {
    const before = db.queriesSent;
    const res = await app.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
      body: JSON.stringify({ query, variables, operationName }),
    });
    const body = (await res.json()) as Omit<GraphQLResponse<T>, 'status' | 'queries'>;
    return { status: res.status, ...body, queries: db.queriesSent - before };
  }
  return { app, gql };
}
