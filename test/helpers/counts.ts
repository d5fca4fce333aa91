import type { Database } from '../../src/db/driver.js';
import { StatsRepository } from '../../src/repositories/stats.js';

/** Node counts per label and relationship counts per type, as one comparable object. */
export async function graphCounts(db: Database): Promise<Record<string, number>> {
  const stats = await new StatsRepository(db, {}).graphStats();
  const out: Record<string, number> = {};
  for (const c of stats.labels) if (c.count > 0) out[`:${c.name}`] = c.count;
  for (const c of stats.relationshipTypes) if (c.count > 0) out[`[${c.name}]`] = c.count;
  return out;
}
