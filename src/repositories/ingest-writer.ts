import type { ManagedTransaction } from 'neo4j-driver';
import { cypher, templated } from '../db/cypher.js';
import type { Database } from '../db/driver.js';
import { EDGE_TYPE_WORDS, type PROVENANCE_TYPES } from '../domain/edges.js';
import { ALL_KIND_LABELS, KIND_LABELS } from '../domain/entities.js';
import type { IngestPlan, WriteOutcome } from '../domain/ingest-plan.js';

export type { WriteOutcome };

/** Labels and types enter Cypher text only from the allow-lists of plan.ts; as parameters, they are checked against them. */
const deriveNames = () => templated('ingest/06b-derive-names', { ALL_KIND_LABELS: ALL_KIND_LABELS.join(':') });

function edgeType(type: string): string {
  if (!(EDGE_TYPE_WORDS as readonly string[]).includes(type)) throw new Error(`relationship type not allowed: ${type}`);
  return type;
}

/** Rows per statement: one statement for a document of usual size, bounded memory for a very large one. */
const BATCH = 10_000;

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

async function unwind(
  run: Run,
  step: string,
  text: string,
  rows: unknown[],
  params: Record<string, unknown>,
  onResult?: (result: Awaited<ReturnType<Run>>) => void,
) {
  for (let i = 0; i < rows.length; i += BATCH) {
    const result = await run(step, text, { ...params, rows: rows.slice(i, i + BATCH) });
    onResult?.(result);
  }
}

/** The shared nodes a document holds (the ids it names of each kind). */
interface Held {
  entityIds: string[];
  eventIds: string[];
  disputeIds: string[];
}

const sorted = (ids: string[]) => [...new Set(ids)].sort();
const union = (a: string[], b: string[]) => sorted([...a, ...b]);
const sortedHeld = (h: Held): Held => ({
  entityIds: sorted(h.entityIds),
  eventIds: sorted(h.eventIds),
  disputeIds: sorted(h.disputeIds),
});

type ClaimLink = (typeof PROVENANCE_TYPES)[number] & ('ABOUT' | 'SUBJECT' | 'OBJECT');
const link = (type: ClaimLink, to: string) => ({ type, to });

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
  return db.writeTransaction(
    `ingest ${plan.documentId}`,
    async (tx) => {
      const run = timed(tx, opts.onStep);
      const [lock] = (await run('00-lock-document', cypher('ingest/00-lock-document'), base)).records.map(
        (r) => r.toObject() as unknown as Held & { existed: boolean; edited: ClaimEdits[] },
      );
      if (!lock) throw new Error(`the document ${plan.documentId} could not be locked`);
      const edited = lock.edited.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));

      // What the document held before: its own nodes go, shared ones forget it.
      let released: Held = { entityIds: [], eventIds: [], disputeIds: [] };
      if (lock.existed) {
        await run('01-remove-document-claims', cypher('ingest/01-remove-document-claims'), base);
        released =
          lock.entityIds && lock.eventIds && lock.disputeIds
            ? { entityIds: lock.entityIds, eventIds: lock.eventIds, disputeIds: lock.disputeIds }
            : ((await run('03a-find-held', cypher('ingest/03a-find-held'), base)).records[0]?.toObject() as Held);
        released = sortedHeld(released);
        await run('03-release-shared', cypher('ingest/03-release-shared'), { ...base, ...released });
      }

      const node = new Map<string, string>();
      const remember = (result: { records: { get(key: string): unknown }[] }) => {
        for (const r of result.records) node.set(r.get('id') as string, r.get('node') as string);
      };
      await unwind(run, '06-upsert-entities', cypher('ingest/06-upsert-entities'), plan.entities, base, remember);
      const held = sortedHeld({
        entityIds: plan.entities.map((e) => e.id),
        eventIds: plan.events.map((e) => e.id as string),
        disputeIds: plan.disputes.map((d) => d.id as string),
      });
      await run('04-upsert-document', cypher('ingest/04-upsert-document'), {
        ...base,
        ...held,
        document: plan.document,
        publisherEntity: plan.publisherEntity,
      });
      await run('06b-derive-names', deriveNames(), {
        ...base,
        entityIds: union(held.entityIds, released.entityIds),
        kindLabels: KIND_LABELS,
      });
      await unwind(run, '05-upsert-sentences', cypher('ingest/05-upsert-sentences'), plan.sentences, base);
      await unwind(run, '07-upsert-disputes', cypher('ingest/07-upsert-disputes'), plan.disputes, base, remember);
      await unwind(run, '08-upsert-events', cypher('ingest/08-upsert-events'), plan.events, base, remember);
      const at = (id: string | null) => {
        const found = id === null ? undefined : node.get(id);
        if (found === undefined) throw new Error(`the document ${plan.documentId} names no node "${id}"`);
        return found;
      };
      const edges = [...plan.edges].flatMap(([type, rows]) =>
        rows.map((row) => ({ ...row, type: edgeType(type), from: at(row.from), to: at(row.to) })),
      );
      await unwind(run, '09-upsert-edges', cypher('ingest/09-upsert-edges'), edges, base);
      const claims = plan.claims.map(({ id, assertedBy, aboutKind, aboutId, subject, object, props }) => ({
        id,
        assertedBy,
        props,
        links:
          aboutKind === 'relation'
            ? [link('SUBJECT', at(subject)), link('OBJECT', at(object))]
            : [link('ABOUT', at(aboutId))],
      }));
      await unwind(run, '10-upsert-claims', cypher('ingest/10-upsert-claims'), claims, base);
      await unwind(run, '11-upsert-evidence', cypher('ingest/11-upsert-evidence'), plan.evidence, base);
      await unwind(run, '12-link-contradictions', cypher('ingest/12-link-contradictions'), plan.contradictions, base);
      await unwind(run, '13-create-mentions', cypher('ingest/13-create-mentions'), plan.mentions, base);
      const inFile = new Set(plan.claims.map((c) => c.id));
      const kept = reapplied(edited.filter((e) => inFile.has(e.id)));
      await unwind(run, '13b-reapply-edits', cypher('ingest/13b-reapply-edits'), kept, base);
      if (released.entityIds.length + released.eventIds.length + released.disputeIds.length > 0) {
        await run('14-remove-orphans', cypher('ingest/14-remove-orphans'), { ...base, ...released });
      }
      return {
        keptRetractions: kept.filter((k) => k.retracted).length,
        keptCorrections: kept.filter((k) => k.corrected).length,
        droppedEdits: edited.filter((e) => !inFile.has(e.id)).map((e) => e.id),
      };
    },
    { signal: opts.signal },
  );
}
