import type { ManagedTransaction } from 'neo4j-driver';
import { cypher } from '../db/cypher.js';
import type { Database, QueryOptions } from '../db/driver.js';
import type { ClaimStance } from '../domain/claims.js';
import type { IngestPlan } from '../domain/ingest-plan.js';
import { type ClaimRecord, claimRecord } from '../domain/records.js';
import { InputError } from '../errors.js';
import { type WriteOutcome, writePlan } from './ingest-writer.js';
import { parseRows } from './rows.js';

export interface ClaimChange {
  statement: string | null;
  stance: ClaimStance | null;
  assertedBy: string | null;
}

interface ClaimForEdit {
  claim: ClaimRecord;
  assertedBy: string | null;
  asserterKnown: boolean;
}

/**
 * Takes the claim's write lock, then reads it, in the transaction that will change it: concurrent
 * edits of one claim run one after another, each on what the one before committed. Null: no such claim.
 */
async function lockClaim(tx: ManagedTransaction, id: string, assertedBy: string | null): Promise<ClaimForEdit | null> {
  const locked = await tx.run(cypher('mutations/lock-claim'), { id });
  if (locked.records.length === 0) return null;
  const r = await tx.run(cypher('mutations/claim-for-edit'), { id, assertedBy });
  const row = r.records[0];
  if (!row) return null;
  return {
    claim: parseRows('claim', claimRecord, [row.get('claim')])[0] as ClaimRecord,
    assertedBy: row.get('assertedBy') as string | null,
    asserterKnown: row.get('asserterKnown') as boolean,
  };
}

const retractedError = (c: ClaimRecord, code: 'ALREADY_RETRACTED' | 'CLAIM_RETRACTED') =>
  new InputError(
    code === 'ALREADY_RETRACTED'
      ? `the claim was already retracted (${c.retractedAt} by ${c.retractedBy}); a retraction is never replaced`
      : `the claim is retracted (${c.retractedAt} by ${c.retractedBy}) and cannot be corrected`,
    code,
  );

/** The write side of the API; each method is one transaction, retried as a whole on a transient error. */
export class WriteRepository {
  constructor(
    private readonly db: Database,
    private readonly opts: QueryOptions = {},
  ) {}

  ingest(plan: IngestPlan): Promise<WriteOutcome> {
    return writePlan(this.db, plan, { signal: this.opts.signal });
  }

  /** Retracts a claim once: a second retraction is refused (ALREADY_RETRACTED) and changes nothing. */
  async retractClaim(
    id: string,
    reason: string,
    by: string,
  ): Promise<{ claim: ClaimRecord; removedEdges: number } | null> {
    return this.db.writeTransaction(
      'retract-claim',
      async (tx) => {
        const current = await lockClaim(tx, id, null);
        if (!current) return null;
        if (current.claim.retracted) throw retractedError(current.claim, 'ALREADY_RETRACTED');
        const r = await tx.run(cypher('mutations/retract-claim'), { id, reason, by });
        const row = r.records[0];
        if (!row) return null;
        return {
          claim: parseRows('claim', claimRecord, [row.get('claim')])[0] as ClaimRecord,
          removedEdges: Number(row.get('removed')),
        };
      },
      { signal: this.opts.signal },
    );
  }

  /**
   * Corrects a claim's statement, stance or asserter; what it said before goes to its history. A retracted
   * claim is refused (CLAIM_RETRACTED), an unknown asserter too (BAD_USER_INPUT).
   */
  async correctClaim(id: string, change: ClaimChange, reason: string, by: string): Promise<ClaimRecord | null> {
    return this.db.writeTransaction(
      'correct-claim',
      async (tx) => {
        const current = await lockClaim(tx, id, change.assertedBy);
        if (!current) return null;
        if (current.claim.retracted) throw retractedError(current.claim, 'CLAIM_RETRACTED');
        if (!current.asserterKnown) throw new InputError(`unknown entity "${change.assertedBy}"`);
        const previous = JSON.stringify({
          statement: current.claim.statement,
          stance: current.claim.stance,
          assertedBy: current.assertedBy,
          reason,
          by,
          at: new Date().toISOString(),
        });
        const r = await tx.run(cypher('mutations/correct-claim'), { id, ...change, previous, by });
        const row = r.records[0];
        return row ? (parseRows('claim', claimRecord, [row.get('claim')])[0] as ClaimRecord) : null;
      },
      { signal: this.opts.signal },
    );
  }
}
