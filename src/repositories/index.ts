import type { Database, QueryOptions } from '../db/driver.js';
import { StatsRepository } from './stats.js';

/** One set per request, so loaders batch and cache within that request only. */
export interface Repositories {
  stats: StatsRepository;
}

export function createRepositories(db: Database, opts: QueryOptions): Repositories {
  return {
    stats: new StatsRepository(db, opts),
  };
}
