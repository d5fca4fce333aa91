import { randomUUID } from 'node:crypto';
import type { Database, QueryStats } from './db/driver.js';
import { newQueryStats } from './db/driver.js';
import type { Logger } from './logger.js';
import { createRepositories, type Repositories } from './repositories/index.js';

/** What every resolver gets: the repositories of this request (with their loaders) and its counters. */
export interface Context {
  requestId: string;
  db: Database;
  repos: Repositories;
  stats: QueryStats;
  signal: AbortSignal | undefined;
  logger: Logger;
}

export function createContext(db: Database, logger: Logger, request: Request): Context {
  const requestId = request.headers.get('x-request-id')?.slice(0, 64) || randomUUID();
  const stats = newQueryStats();
  const signal = request.signal;
  return {
    requestId,
    db,
    stats,
    signal,
    logger: logger.child({ requestId }),
    repos: createRepositories(db, { stats, signal }),
  };
}
