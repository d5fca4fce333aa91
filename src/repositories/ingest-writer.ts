import { cypher } from '../db/cypher.js';
import type { Database } from '../db/driver.js';
import type { IngestPlan, WriteOutcome } from '../domain/ingest-plan.js';
import { type Held, type Run, type StepTimer, sorted, sortedHeld, timed, upsertPlans } from './ingest-upsert.js';

export type { StepTimer, WriteOutcome };

/** What a write kept of the editors' work on the document's claims. */

interface ClaimEdits {
  id: string;
  edits: Record<string, unknown> & { retracted?: boolean | null; corrections?: number | null };
  assertedBy: string | null;
}

type Lock = { documentId: string; existed: boolean; edited: ClaimEdits[] } & {
  [K in keyof Held]: string[] | null;
};

const RETRACTION = ['retracted', 'retractedReason', 'retractedAt', 'retractedBy'];
const CORRECTION = ['statement', 'stance', 'corrections', 'correctedAt', 'correctedBy', 'history'];
const pick = (o: Record<string, unknown>, keys: string[]) =>
  Object.fromEntries(keys.filter((k) => o[k] !== null && o[k] !== undefined).map((k) => [k, o[k]]));

/**
 * The rows that re-apply each edited claim's retraction and correction: a retraction keeps its reason
 * and time; a correction keeps its statement, stance, asserter and history, over what the file says.
 */
function reapplied(edited: ClaimEdits[]) {
  return edited.map(({ id, edits, assertedBy }) => {
    const corrected = (edits.corrections ?? 0) > 0;
    return {
      id,
      retracted: edits.retracted === true,
      corrected,
      assertedBy: corrected ? assertedBy : null,
      props: {
        ...(edits.retracted === true ? pick(edits, RETRACTION) : {}),
        ...(corrected ? pick(edits, CORRECTION) : {}),
      },
    };
  });
}

/** Locks the documents (and their claims) and reads what each held before and its claims' edits. */
async function lock(run: Run, documentIds: string[]): Promise<Map<string, Lock>> {
  const result = await run('00-lock-documents', cypher('ingest/00-lock-documents'), {
    documentIds: sorted(documentIds),
  });
  return new Map(result.records.map((r) => [r.get('documentId') as string, r.toObject() as unknown as Lock]));
}

/**
 * A document written before: its own nodes go, shared ones forget it, what it says now is written, its
 * claims' edits are re-applied, and the shared nodes no document holds any more are removed.
 */
async function rewrite(run: Run, plan: IngestPlan, held: Lock): Promise<WriteOutcome> {
  const base = { documentId: plan.documentId, claimPrefix: plan.claimPrefix };
  const edited = [...held.edited].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  let released: Held = { entityIds: [], eventIds: [], disputeIds: [] };
  if (held.existed) {
    await run('01-remove-document-claims', cypher('ingest/01-remove-document-claims'), base);
    released =
      held.entityIds && held.eventIds && held.disputeIds
        ? { entityIds: held.entityIds, eventIds: held.eventIds, disputeIds: held.disputeIds }
        : ((await run('03a-find-held', cypher('ingest/03a-find-held'), base)).records[0]?.toObject() as Held);
    released = sortedHeld(released);
    await run('03-release-shared', cypher('ingest/03-release-shared'), { ...base, ...released });
  }
  await upsertPlans(run, [plan], released.entityIds);
  const inFile = new Set(plan.claims.map((c) => c.id));
  const kept = reapplied(edited.filter((e) => inFile.has(e.id)));
  if (kept.length > 0) await run('13b-reapply-edits', cypher('ingest/13b-reapply-edits'), { rows: kept });
  if (released.entityIds.length + released.eventIds.length + released.disputeIds.length > 0) {
    await run('14-remove-orphans', cypher('ingest/14-remove-orphans'), { ...base, ...released });
  }
  return {
    keptRetractions: kept.filter((k) => k.retracted).length,
    keptCorrections: kept.filter((k) => k.corrected).length,
    droppedEdits: edited.filter((e) => !inFile.has(e.id)).map((e) => e.id),
  };
}

const NOTHING_KEPT: WriteOutcome = { keptRetractions: 0, keptCorrections: 0, droppedEdits: [] };

/**
 * Writes documents' plans in a single transaction: all of them, or nothing; the graph ends as if they
 * had been written one by one, in the order given. Documents new to the graph are written together,
 * each statement taking the rows of all of them; a document written before (or twice in `plans`) is
 * written alone, where it stands in the order: the editorial history of its claims (retractions,
 * corrections made through the API) is read under lock first and re-applied to the re-created claims.
 * Run again as a whole on a transient error (deadlock). Outcomes in the order of `plans`.
 */
export async function writePlans(
  db: Database,
  plans: IngestPlan[],
  opts: { signal?: AbortSignal; onStep?: StepTimer } = {},
): Promise<WriteOutcome[]> {
  if (plans.length === 0) return [];
  const name = plans.length === 1 ? `ingest ${plans[0]?.documentId}` : `ingest ${plans.length} documents`;
  let worked = 0;
  const outcomes = await db.writeTransaction(
    name,
    async (tx) => {
      const run = timed(tx, opts.onStep);
      const locks = await lock(
        run,
        plans.map((p) => p.documentId),
      );
      const outcomes: WriteOutcome[] = [];
      const seen = new Set<string>();
      let fresh: IngestPlan[] = [];
      const flush = async () => {
        if (fresh.length > 0) await upsertPlans(run, fresh);
        for (const _ of fresh) outcomes.push(NOTHING_KEPT);
        fresh = [];
      };
      for (const plan of plans) {
        const id = plan.documentId;
        let held = locks.get(id);
        if (!held) throw new Error(`the document ${id} could not be locked`);
        if (!seen.has(id) && !held.existed && held.edited.length === 0) {
          fresh.push(plan);
        } else {
          await flush();
          // Written earlier in this transaction: what it holds now.
          if (seen.has(id)) held = (await lock(run, [id])).get(id) ?? held;
          outcomes.push(await rewrite(run, plan, held));
        }
        seen.add(id);
      }
      await flush();
      worked = performance.now();
      return outcomes;
    },
    { signal: opts.signal },
  );
  // The graph version's step and the commit (the full-text indexes are updated there).
  opts.onStep?.('99-commit', performance.now() - worked);
  return outcomes;
}

/** Writes one document's plan in a single transaction: all of it, or nothing (see writePlans). */
export async function writePlan(
  db: Database,
  plan: IngestPlan,
  opts: { signal?: AbortSignal; onStep?: StepTimer } = {},
): Promise<WriteOutcome> {
  const [outcome] = await writePlans(db, [plan], opts);
  if (!outcome) throw new Error(`no outcome for ${plan.documentId}`);
  return outcome;
}
