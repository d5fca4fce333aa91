import { cypher } from '../db/cypher.js';
import type { Database, QueryOptions } from '../db/driver.js';

export interface Count {
  name: string;
  count: number;
}

export interface GraphStats {
  labels: Count[];
  relationshipTypes: Count[];
}

export class StatsRepository {
  constructor(
    private readonly db: Database,
    private readonly opts: QueryOptions,
  ) {}

  async graphStats(): Promise<GraphStats> {
    const [row] = await this.db.read<{ labels: Count[]; relationshipTypes: Count[] }>(
      'graph-stats',
      cypher('queries/graph-stats'),
      {},
      this.opts,
    );
    return row ?? { labels: [], relationshipTypes: [] };
  }
}
