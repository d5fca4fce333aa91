import { cypher } from '../db/cypher.js';
import type { Database } from '../db/driver.js';
import type { ClaimRecord } from '../domain/records.js';
import { normalize } from '../domain/records.js';
import type { IngestPlan } from '../ingest/plan.js';
import { writePlan } from '../ingest/writer.js';

/** The write side of the API; each method is one transaction. */
export class WriteRepository {
  constructor(private readonly db: Database) {}

  ingest(plan: IngestPlan): Promise<void> {
    return writePlan(this.db, plan);
  }

  async retractClaim(
    id: string,
    reason: string,
    by: string,
  ): Promise<{ claim: ClaimRecord; removedEdges: number } | null> {
    return this.db.writeTransaction('retract-claim', async (tx) => {
      const r = await tx.run(cypher('mutations/retract-claim'), { id, reason, by });
      const row = r.records[0];
      if (!row) return null;
      return { claim: normalize(row.get('claim') as ClaimRecord), removedEdges: Number(row.get('removed')) };
    });
  }

  async correctClaim(
    id: string,
    change: { statement: string | null; stance: string | null; assertedBy: string | null },
    previous: string,
    by: string,
  ): Promise<ClaimRecord | null> {
    return this.db.writeTransaction('correct-claim', async (tx) => {
      const r = await tx.run(cypher('mutations/correct-claim'), { id, ...change, previous, by });
      const row = r.records[0];
      return row ? normalize(row.get('claim') as ClaimRecord) : null;
    });
  }
}
