import type { ManagedTransaction } from 'neo4j-driver';
import { cypher, templated } from '../db/cypher.js';
import { EDGE_TYPE_WORDS, type PROVENANCE_TYPES } from '../domain/edges.js';
import { ALL_KIND_LABELS, KIND_LABELS } from '../domain/entities.js';
import type { IngestPlan } from '../domain/ingest-plan.js';

/**
 * The statements that write what documents say (steps 04–13 of cypher/ingest/), for one document or
 * several in the same transaction: each statement takes the rows of all of them, in the order of the
 * documents, each row naming its document.
 */

/** Labels and types enter Cypher text only from the allow-lists of plan.ts; as parameters, they are checked against them. */
export const deriveNames = () => templated('ingest/06b-derive-names', { ALL_KIND_LABELS: ALL_KIND_LABELS.join(':') });

export const upsertEdges = () => templated('ingest/09-upsert-edges', { EDGE_TYPES: EDGE_TYPE_WORDS.join('|') });

function edgeType(type: string): string {
  if (!(EDGE_TYPE_WORDS as readonly string[]).includes(type)) throw new Error(`relationship type not allowed: ${type}`);
  return type;
}

/** Rows per statement: one statement for a usual batch, bounded memory for a very large one. */
const BATCH = 10_000;

/** Called after each statement of a write with its step name and duration (benchmarks). */
export type StepTimer = (step: string, ms: number) => void;

export function timed(tx: ManagedTransaction, onStep: StepTimer | undefined) {
  return async (step: string, text: string, params: Record<string, unknown>) => {
    const t0 = performance.now();
    const result = await tx.run(text, params);
    onStep?.(step, performance.now() - t0);
    return result;
  };
}

export type Run = ReturnType<typeof timed>;

async function unwind(
  run: Run,
  step: string,
  text: string,
  rows: unknown[],
  onResult?: (result: Awaited<ReturnType<Run>>) => void,
) {
  for (let i = 0; i < rows.length; i += BATCH) {
    const result = await run(step, text, { rows: rows.slice(i, i + BATCH) });
    onResult?.(result);
  }
}

/** The shared nodes a document holds (the ids it names of each kind). */
export interface Held {
  entityIds: string[];
  eventIds: string[];
  disputeIds: string[];
}

export const sorted = (ids: string[]) => [...new Set(ids)].sort();
export const sortedHeld = (h: Held): Held => ({
  entityIds: sorted(h.entityIds),
  eventIds: sorted(h.eventIds),
  disputeIds: sorted(h.disputeIds),
});

type ClaimLink = (typeof PROVENANCE_TYPES)[number] & ('ABOUT' | 'SUBJECT' | 'OBJECT');
const link = (type: ClaimLink, to: string) => ({ type, to });

const byId = <T extends { id: string }>(x: T, y: T) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

/** Each plan's rows of one kind, with its document id, the documents in order. */
function rowsOf<T extends object>(plans: IngestPlan[], pick: (p: IngestPlan) => T[]) {
  return plans.flatMap((p) => pick(p).map((row) => ({ ...row, documentId: p.documentId })));
}

/** The element id of a node the plan names (one of its own entities, events or disputes). */
function locator(node: Map<string, string>) {
  const named = new Map<IngestPlan, Set<string>>();
  return (p: IngestPlan, id: string | null) => {
    let own = named.get(p);
    if (!own) {
      own = new Set([...p.entities, ...p.events, ...p.disputes].map((n) => n.id as string));
      named.set(p, own);
    }
    const found = id === null || !own.has(id) ? undefined : node.get(id);
    if (found === undefined) throw new Error(`the document ${p.documentId} names no node "${id}"`);
    return found;
  };
}

/**
 * Each truthy edge the plans give, once (a row per edge): what each document says of it in the order of
 * the documents (`updates`), and the properties the last one gives, as `SET r += props` one after the
 * other would leave them (a null removes).
 */
function edgeRows(plans: IngestPlan[], at: ReturnType<typeof locator>) {
  type Update = { documentId: string; claimPrefix: string; claimIds: string[] };
  const edges = new Map<string, { type: string; from: string; to: string; props: object; updates: Update[] }>();
  for (const p of plans) {
    for (const [type, rows] of p.edges) {
      for (const row of rows) {
        const from = at(p, row.from);
        const to = at(p, row.to);
        const key = JSON.stringify([edgeType(type), from, to]);
        const edge = edges.get(key) ?? { type, from, to, props: {}, updates: [] };
        edges.set(key, edge);
        edge.props = { ...edge.props, ...row.props };
        edge.updates.push({ documentId: p.documentId, claimPrefix: p.claimPrefix, claimIds: row.claimIds });
      }
    }
  }
  return [...edges.values()];
}

/**
 * Writes what the plans say, in the order given. `released`: the entities an earlier version of a
 * document held, whose names are derived again with the plans' own.
 */
export async function upsertPlans(run: Run, plans: IngestPlan[], released: string[] = []): Promise<void> {
  const node = new Map<string, string>();
  const remember = (result: { records: { get(key: string): unknown }[] }) => {
    for (const r of result.records) node.set(r.get('id') as string, r.get('node') as string);
  };
  // Sorted by id (a stable sort: one entity's rows stay in the order of the documents).
  const entities = rowsOf(plans, (p) => p.entities).sort(byId);
  await unwind(run, '06-upsert-entities', cypher('ingest/06-upsert-entities'), entities, remember);
  const documents = plans.map((p) => ({
    document: p.document,
    publisherEntity: p.publisherEntity,
    ...sortedHeld({
      entityIds: p.entities.map((e) => e.id),
      eventIds: p.events.map((e) => e.id as string),
      disputeIds: p.disputes.map((d) => d.id as string),
    }),
  }));
  await unwind(run, '04-upsert-document', cypher('ingest/04-upsert-document'), documents);
  await run('06b-derive-names', deriveNames(), {
    entityIds: sorted([...entities.map((e) => e.id), ...released]),
    kindLabels: KIND_LABELS,
  });
  await unwind(
    run,
    '05-upsert-sentences',
    cypher('ingest/05-upsert-sentences'),
    rowsOf(plans, (p) => p.sentences),
  );
  const disputes = rowsOf(plans, (p) => p.disputes);
  await unwind(run, '07-upsert-disputes', cypher('ingest/07-upsert-disputes'), disputes, remember);
  await unwind(
    run,
    '08-upsert-events',
    cypher('ingest/08-upsert-events'),
    rowsOf(plans, (p) => p.events),
    remember,
  );
  const at = locator(node);
  await unwind(run, '09-upsert-edges', upsertEdges(), edgeRows(plans, at));
  const claims = plans.flatMap((p) =>
    p.claims.map(({ id, assertedBy, aboutKind, aboutId, subject, object, props }) => ({
      id,
      documentId: p.documentId,
      assertedBy,
      props,
      links:
        aboutKind === 'relation'
          ? [link('SUBJECT', at(p, subject)), link('OBJECT', at(p, object))]
          : [link('ABOUT', at(p, aboutId))],
    })),
  );
  await unwind(run, '10-upsert-claims', cypher('ingest/10-upsert-claims'), claims);
  await unwind(
    run,
    '11-upsert-evidence',
    cypher('ingest/11-upsert-evidence'),
    rowsOf(plans, (p) => p.evidence),
  );
  const contradictions = plans.flatMap((p) => p.contradictions);
  await unwind(run, '12-link-contradictions', cypher('ingest/12-link-contradictions'), contradictions);
  await unwind(
    run,
    '13-create-mentions',
    cypher('ingest/13-create-mentions'),
    rowsOf(plans, (p) => p.mentions),
  );
}
