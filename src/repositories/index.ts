import type { Database, QueryOptions } from '../db/driver.js';
import { GraphRepository } from './graph.js';
import { ListRepository } from './lists.js';
import { fullProjection } from './projection.js';
import { ROW_PARTS } from './rows.js';
import { SearchRepository } from './search.js';
import { StatsRepository } from './stats.js';
import { TraversalRepository } from './traversal.js';
import { WriteRepository } from './writes.js';

/** One set per request, so loaders batch and cache within that request only. */
export interface Repositories {
  graph: GraphRepository;
  lists: ListRepository;
  search: SearchRepository;
  traversal: TraversalRepository;
  stats: StatsRepository;
  writes: WriteRepository;
}

/** `opts.params.projection` (see projection.ts) is every property unless the caller gives one; ROW_PARTS go to every query. */
export function createRepositories(db: Database, given: QueryOptions): Repositories {
  const opts = { ...given, params: { projection: fullProjection(), ...ROW_PARTS, ...given.params } };
  const graph = new GraphRepository(db, opts);
  return {
    graph,
    lists: new ListRepository(db, opts, graph),
    search: new SearchRepository(db, opts, graph),
    traversal: new TraversalRepository(db, opts, graph),
    stats: new StatsRepository(db, opts),
    writes: new WriteRepository(db, opts),
  };
}
