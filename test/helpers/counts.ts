import type { Database } from '../../src/db/driver.js';
import { type GraphStats, StatsRepository } from '../../src/repositories/stats.js';

/** Node counts per label and relationship counts per type, as one comparable object. */
export async function graphCounts(db: Database): Promise<Record<string, number>> {
  return countsOf(await new StatsRepository(db, {}).graphStats());
}

/** `graphStats` (from the repository or the API) as `{ ':Label': n, '[TYPE]': n }`, non-zero counts only. */
export function countsOf(stats: GraphStats): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of stats.labels) if (c.count > 0) out[`:${c.name}`] = c.count;
  for (const c of stats.relationshipTypes) if (c.count > 0) out[`[${c.name}]`] = c.count;
  return out;
}
