import type { ManagedTransaction } from 'neo4j-driver';
import { cypher, templated } from '../db/cypher.js';
import type { Database } from '../db/driver.js';
import { EDGE_TYPE_WORDS } from '../domain/edges.js';
import { ALL_KIND_LABELS, KIND_LABELS } from '../domain/entities.js';
import type { IngestPlan, WriteOutcome } from '../domain/ingest-plan.js';

export type { WriteOutcome };

/** Labels and types enter Cypher text only from the allow-lists of plan.ts. */
const deriveNames = () => templated('ingest/06b-derive-names', { ALL_KIND_LABELS: ALL_KIND_LABELS.join(':') });

function upsertEdges(type: string): string {
  if (!(EDGE_TYPE_WORDS as readonly string[]).includes(type)) throw new Error(`relationship type not allowed: ${type}`);
  return templated('ingest/09-upsert-edges', { TYPE: type });
}

const BATCH = 500;

/** Called after each statement of a write with its step name and duration (benchmarks). */
export type StepTimer = (step: string, ms: number) => void;

function timed(tx: ManagedTransaction, onStep: StepTimer | undefined) {
  return async (step: string, text: string, params: Record<string, unknown>) => {
    const t0 = performance.now();
    const result = await tx.run(text, params);
    onStep?.(step, performance.now() - t0);
    return result;
  };
}

type Run = ReturnType<typeof timed>;

async function unwind(run: Run, step: string, text: string, rows: unknown[], params: Record<string, unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) {
    await run(step, text, { ...params, rows: rows.slice(i, i + BATCH) });
  }
}

/** What a write kept of the editors' work on the document's claims. */

interface ClaimEdits {
  id: string;
  edits: Record<string, unknown> & { retracted?: boolean | null; corrections?: number | null };
  assertedBy: string | null;
}

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

/**
 * Writes one document's plan in a single transaction: all of it, or nothing. The editorial history of
 * its claims (retractions, corrections made through the API) survives: it is read under lock first and
 * re-applied to the re-created claims. Run again as a whole on a transient error (deadlock).
 */
export async function writePlan(
  db: Database,
  plan: IngestPlan,
  opts: { signal?: AbortSignal; onStep?: StepTimer } = {},
): Promise<WriteOutcome> {
  const base = { documentId: plan.documentId, claimPrefix: plan.claimPrefix };
  const inFile = new Set(plan.claims.map((c) => c.id));
  return db.writeTransaction(
    `ingest ${plan.documentId}`,
    async (tx) => {
      const run = timed(tx, opts.onStep);
      await run('00-lock-document', cypher('ingest/00-lock-document'), base);
      const edited = (await run('00b-read-edits', cypher('ingest/00b-read-edits'), base)).records.map(
        (r) => r.toObject() as unknown as ClaimEdits,
      );
      await run('01-remove-document-claims', cypher('ingest/01-remove-document-claims'), base);
      await run('02-remove-document-mentions', cypher('ingest/02-remove-document-mentions'), base);
      await run('03-release-shared', cypher('ingest/03-release-shared'), base);
      await unwind(run, '06-upsert-entities', cypher('ingest/06-upsert-entities'), plan.entities, base);
      await run('04-upsert-document', cypher('ingest/04-upsert-document'), {
        ...base,
        document: plan.document,
        publisherEntity: plan.publisherEntity,
      });
      await run('06b-derive-names', deriveNames(), { ...base, kindLabels: KIND_LABELS });
      await unwind(run, '05-upsert-sentences', cypher('ingest/05-upsert-sentences'), plan.sentences, base);
      await unwind(run, '07-upsert-disputes', cypher('ingest/07-upsert-disputes'), plan.disputes, base);
      await unwind(run, '08-upsert-events', cypher('ingest/08-upsert-events'), plan.events, base);
      for (const [type, rows] of plan.edges) {
        await unwind(run, '09-upsert-edges', upsertEdges(type), rows, base);
      }
      await unwind(run, '10-upsert-claims', cypher('ingest/10-upsert-claims'), plan.claims, base);
      await unwind(run, '11-upsert-evidence', cypher('ingest/11-upsert-evidence'), plan.evidence, base);
      await unwind(run, '12-link-contradictions', cypher('ingest/12-link-contradictions'), plan.contradictions, base);
      await unwind(run, '13-create-mentions', cypher('ingest/13-create-mentions'), plan.mentions, base);
      const kept = reapplied(edited.filter((e) => inFile.has(e.id)));
      await unwind(run, '13b-reapply-edits', cypher('ingest/13b-reapply-edits'), kept, base);
      await run('14-remove-orphans', cypher('ingest/14-remove-orphans'), base);
      return {
        keptRetractions: kept.filter((k) => k.retracted).length,
        keptCorrections: kept.filter((k) => k.corrected).length,
        droppedEdits: edited.filter((e) => !inFile.has(e.id)).map((e) => e.id),
      };
    },
    { signal: opts.signal },
  );
}
