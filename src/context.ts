import { randomUUID } from 'node:crypto';
import { authenticate, type Viewer } from './auth.js';
import type { ApiKey, Limits } from './config.js';
import { OperationGuard } from './cost/guard.js';
import type { Database, QueryStats } from './db/driver.js';
import { newQueryStats } from './db/driver.js';
import type { Logger } from './logger.js';
import { createRepositories, type Repositories } from './repositories/index.js';
import { fullProjection, type Projection } from './repositories/projection.js';

/** What every resolver gets: the repositories of this request (with their loaders), the viewer and counters. */
export interface Context {
  requestId: string;
  db: Database;
  repos: Repositories;
  viewer: Viewer;
  stats: QueryStats;
  /** Aborts when the client goes away, the deadline passes or a result ceiling is reached. */
  signal: AbortSignal;
  /** The operation's deadline and result ceilings. */
  guard: OperationGuard;
  /** The estimated cost of the operation (set before it runs). */
  cost: number;
  /** Which long node properties the queries of this request send: every one until the operation is known (graphql/projection.ts narrows it). */
  projection: Projection;
  /** Lists answer their items' relationship fields from one compiled map projection (graphql/compile.ts) where they can. */
  compile: boolean;
  logger: Logger;
  limits: Limits;
}

export function createContext(
  db: Database,
  logger: Logger,
  request: Request,
  apiKeys: readonly ApiKey[],
  limits: Limits,
  compile = true,
): Context {
  const requestId = request.headers.get('x-request-id')?.slice(0, 64) || randomUUID();
  const stats = newQueryStats();
  const guard = new OperationGuard(limits, request.signal);
  const signal = guard.signal;
  const projection = fullProjection();
  const viewer = authenticate(request.headers.get('authorization'), apiKeys);
  return {
    requestId,
    db,
    stats,
    signal,
    guard,
    cost: 0,
    projection,
    compile,
    viewer,
    logger: logger.child({ requestId, viewer: viewer.name ?? undefined }),
    repos: createRepositories(db, { stats, signal, deadline: guard, gate: db.requestGate(), params: { projection } }),
    limits,
  };
}
