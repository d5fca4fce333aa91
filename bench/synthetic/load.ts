/**
 * Loads the synthetic corpus through the project's own loader: validation and planning
 * (src/ingest/ingest.ts loadArticleFrom) and the batch writer (src/ingest/batches.ts, which validates
 * the next batch while the current one writes), until the graph holds the wanted number of
 * relationships. One transaction per document, or, with `bulk`, transactions of about `bulk`
 * relationships: a document is taken while the graph and what the documents taken before it write
 * (planRelationships, at least what the graph gains) stay below the target, so both ways load the same
 * documents. Measures relationships per second per document and overall; in bulk, a document's share
 * of its batch's time and gain is in proportion to what it writes.
 */
import type { Database } from '../../src/db/driver.js';
import { planRelationships } from '../../src/domain/ingest-plan.js';
import { type WrittenBatch, writeInBatches } from '../../src/ingest/batches.js';
import { loadArticleFrom } from '../../src/ingest/ingest.js';
import type { IngestPlan } from '../../src/ingest/plan.js';
import { poolSizeFor, syntheticCorpus } from './generate.js';

export interface DocumentLoad {
  slug: string;
  /** Relationships the graph gained (edges shared with earlier documents count once). */
  relationships: number;
  validateMs: number;
  writeMs: number;
}

export interface LoadStats {
  seed: number;
  target: number;
  documents: number;
  relationships: number;
  nodes: number;
  /** Wall time of validation + planning + writing, all documents. */
  totalMs: number;
  validateMs: number;
  writeMs: number;
  /** relationships / total seconds. */
  overallPerSecond: number;
  /** relationships / write seconds. */
  writePerSecond: number;
  /** Per document (relationships / (validate + write) seconds): median, 10th and 90th percentile. */
  perDocument: { p10: number; p50: number; p90: number };
  /** Per-document rate of the first and the last tenth of the documents: how it changes as the graph grows. */
  firstTenthPerSecond: number;
  lastTenthPerSecond: number;
  /** Time in the counts of the graph after each document (part of totalMs, not of validate or write). */
  countMs: number;
  /** Time per statement of the writer (src/repositories/ingest-writer.ts steps), all documents. */
  steps: Record<string, { ms: number; calls: number }>;
  /** A sample of documents (every k-th), for the trend. */
  sample: DocumentLoad[];
}

/** Adds each writer step's time to a table (for LoadStats.steps). */
export function stepTable(): { steps: LoadStats['steps']; onStep: (step: string, ms: number) => void } {
  const steps: LoadStats['steps'] = {};
  return {
    steps,
    onStep: (step, ms) => {
      const s = steps[step] ?? { ms: 0, calls: 0 };
      s.ms += ms;
      s.calls += 1;
      steps[step] = s;
    },
  };
}

const rounded = (steps: LoadStats['steps']) =>
  Object.fromEntries(
    Object.entries(steps)
      .sort(([, a], [, b]) => b.ms - a.ms)
      .map(([k, v]) => [k, { ms: Math.round(v.ms), calls: v.calls }]),
  );

export async function countGraph(db: Database): Promise<{ nodes: number; relationships: number }> {
  const [row] = await db.read<{ nodes: number; relationships: number }>(
    'bench-count',
    // The GraphVersion node (src/cache/graph-version.ts) is the server's, made by the first write (the schema's).
    'CALL () { MATCH (n) WHERE NOT n:GraphVersion RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
  );
  return { nodes: row?.nodes ?? 0, relationships: row?.relationships ?? 0 };
}

const rate = (rels: number, ms: number) => (ms > 0 ? Math.round((rels / ms) * 1000) : 0);

export async function loadSynthetic(
  db: Database,
  opts: { seed: number; target: number; progress?: (msg: string) => void; maxMs?: number; bulk?: number },
): Promise<LoadStats> {
  const docs: DocumentLoad[] = [];
  const started = performance.now();
  let { relationships } = await countGraph(db);
  const base = relationships;
  let lastReport = started;
  let countMs = 0;
  const { steps, onStep } = stepTable();
  const corpus = syntheticCorpus(opts.seed, poolSizeFor(opts.target));
  interface Taken {
    slug: string;
    plan: IngestPlan;
    /** What its plan writes (planRelationships). */
    writes: number;
    validateMs: number;
  }
  // What the documents taken but not yet counted write: the next document is taken only while the
  // graph, with them, stays below the target.
  let planned = 0;
  let done = false;
  const next = (): Taken | undefined => {
    if (done || relationships + planned >= opts.target) return undefined;
    if (opts.maxMs !== undefined && performance.now() - started > opts.maxMs) {
      opts.progress?.(`stopping: loading took longer than ${Math.round(opts.maxMs / 60_000)} min`);
      done = true;
      return undefined;
    }
    const a = corpus.next();
    if (a.done) {
      done = true;
      return undefined;
    }
    const t0 = performance.now();
    const { plan } = loadArticleFrom(a.value.slug, `synthetic/${a.value.slug}`, a.value.text, a.value.yaml);
    const writes = planRelationships(plan);
    planned += writes;
    return { slug: a.value.slug, plan, writes, validateMs: performance.now() - t0 };
  };
  const onBatch = async ({ items, writeMs }: WrittenBatch<Taken>) => {
    const t2 = performance.now();
    const now = (await countGraph(db)).relationships;
    countMs += performance.now() - t2;
    const writes = items.reduce((s, b) => s + b.writes, 0);
    planned -= writes;
    for (const b of items) {
      const share = b.writes / writes;
      docs.push({
        slug: b.slug,
        relationships: (now - relationships) * share,
        validateMs: b.validateMs,
        writeMs: writeMs * share,
      });
    }
    relationships = now;
    if (opts.progress && t2 - lastReport > 30_000) {
      lastReport = t2;
      const recent = docs.slice(-10);
      const r = recent.reduce((s, d) => s + d.relationships, 0);
      const ms = recent.reduce((s, d) => s + d.validateMs + d.writeMs, 0);
      opts.progress(
        `${docs.length} documents, ${relationships.toLocaleString('en')} relationships, last 10 at ${rate(r, ms)}/s`,
      );
    }
  };
  // A pass ends when what was taken reaches the target; it may have written less (shared edges count once).
  while (!done && relationships < opts.target) {
    const before = docs.length;
    await writeInBatches(db, next, { size: opts.bulk ?? 0, onStep, onBatch });
    if (docs.length === before) break;
  }
  const totalMs = performance.now() - started;
  const validateMs = docs.reduce((s, d) => s + d.validateMs, 0);
  const writeMs = docs.reduce((s, d) => s + d.writeMs, 0);
  const perDoc = docs.map((d) => rate(d.relationships, d.validateMs + d.writeMs)).sort((a, b) => a - b);
  const at = (q: number) => perDoc[Math.min(perDoc.length - 1, Math.floor(q * perDoc.length))] ?? 0;
  const tenth = Math.max(1, Math.floor(docs.length / 10));
  const slice = (ds: DocumentLoad[]) =>
    rate(
      ds.reduce((s, d) => s + d.relationships, 0),
      ds.reduce((s, d) => s + d.validateMs + d.writeMs, 0),
    );
  const added = relationships - base;
  const step = Math.max(1, Math.floor(docs.length / 20));
  return {
    seed: opts.seed,
    target: opts.target,
    documents: docs.length,
    relationships,
    nodes: (await countGraph(db)).nodes,
    totalMs: Math.round(totalMs),
    validateMs: Math.round(validateMs),
    writeMs: Math.round(writeMs),
    overallPerSecond: rate(added, totalMs),
    writePerSecond: rate(added, writeMs),
    perDocument: { p10: at(0.1), p50: at(0.5), p90: at(0.9) },
    firstTenthPerSecond: slice(docs.slice(0, tenth)),
    lastTenthPerSecond: slice(docs.slice(-tenth)),
    countMs: Math.round(countMs),
    steps: rounded(steps),
    sample: docs
      .filter((_, i) => i % step === 0 || i === docs.length - 1)
      .map((d) => ({
        ...d,
        relationships: Math.round(d.relationships),
        validateMs: Math.round(d.validateMs),
        writeMs: Math.round(d.writeMs),
      })),
  };
}
