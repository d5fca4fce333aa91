/**
 * Loader throughput: the synthetic corpus (bench/synthetic/) at each size into an empty local Neo4j
 * (a fresh one per size, the project's schema), through the project's loader (loadArticleFrom +
 * writePlan, one transaction per document), then a few of its documents ingested again. Prints and
 * writes bench/results/<name>.json: relationships per second overall (validation + writing) and for
 * writing only, first load and re-ingest, and the time of each writer statement.
 *
 *   npx tsx bench/loader.ts [--sizes 10k,100k] [--reingest 5] [--name loader] [--max-load-minutes 15] [--bulk 20000]
 *
 * --bulk N: several documents per transaction (writePlans), up to about N relationships each, for the
 * load and for the re-ingest (all its documents in one); 0: one transaction per document (writePlan).
 *
 * First load counts the relationships the graph gained (an edge shared with an earlier document
 * counts once); a re-ingest counts the relationships the document writes (it replaces its own), and
 * checks that the graph has the same number of nodes and relationships afterwards.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Database } from '../src/db/driver.js';
import { freePort, startLocalNeo4j } from '../src/db/local-neo4j.js';
import { applySchema } from '../src/db/schema.js';
import { planRelationships } from '../src/domain/ingest-plan.js';
import { BATCH_RELATIONSHIPS } from '../src/ingest/batches.js';
import { loadArticleFrom } from '../src/ingest/ingest.js';
import { writePlan, writePlans } from '../src/repositories/ingest-writer.js';
import { SEED, SIZES, type Size } from './compare/store.js';
import { log, machine, onCleanup, printBlock, runBench, writeResults } from './lib.js';
import { poolSizeFor, type SyntheticArticle, syntheticCorpus } from './synthetic/generate.js';
import { countGraph, type LoadStats, loadSynthetic, stepTable } from './synthetic/load.js';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10k,100k' },
    reingest: { type: 'string', default: '5' },
    name: { type: 'string', default: 'loader' },
    'max-load-minutes': { type: 'string', default: '15' },
    bulk: { type: 'string', default: String(BATCH_RELATIONSHIPS) },
  },
});
const sizes = (args.sizes ?? '').split(',') as Size[];
for (const s of sizes) if (!(s in SIZES) || s === 'article') throw new Error(`--sizes: 10k, 100k or 1m, not ${s}`);
const REINGEST = Number(args.reingest);
const MAX_LOAD_MS = Number(args['max-load-minutes']) * 60_000;
const BULK = Number(args.bulk) > 0 ? Number(args.bulk) : undefined;

const rate = (rels: number, ms: number) => (ms > 0 ? Math.round((rels / ms) * 1000) : 0);

interface Reingest {
  slug: string;
  relationships: number;
  validateMs: number;
  writeMs: number;
}

async function runSize(size: Size) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-loader-'));
  writeFileSync(path.join(dir, 'owner.pid'), String(process.pid));
  const removeDir = onCleanup('remove the Neo4j temp folder', () => rmSync(dir, { recursive: true, force: true }));
  const password = 'bench-loader-password';
  const heap = size === '10k' ? '1g' : '2g';
  const neo4j = await startLocalNeo4j({ dir, port: await freePort(), heap, password, startTimeoutMs: 180_000 });
  const stopNeo4j = onCleanup('stop Neo4j', () => neo4j.stop());
  const db = new Database(
    { uri: neo4j.uri, user: 'neo4j', password, database: undefined },
    { queryTimeoutMs: 3_600_000 },
  );
  const closeDb = onCleanup('close the driver', () => db.close());
  try {
    await db.check();
    await applySchema(db);
    log(`${size}: loading the synthetic corpus (seed ${SEED}) into an empty Neo4j (heap ${heap})`);
    const load: LoadStats = await loadSynthetic(db, {
      seed: SEED,
      target: SIZES[size],
      progress: log,
      maxMs: MAX_LOAD_MS,
      bulk: BULK,
    });
    log(
      `${size}: ${load.documents} documents, ${load.relationships.toLocaleString('en')} relationships in ${(load.totalMs / 1000).toFixed(1)} s: ` +
        `${load.overallPerSecond}/s overall, ${load.writePerSecond}/s writing`,
    );

    // A few documents again, spread over the corpus.
    const before = await countGraph(db);
    const picks = new Set(
      Array.from({ length: Math.min(REINGEST, load.documents) }, (_, i) =>
        Math.floor((i * load.documents) / Math.max(1, REINGEST)),
      ),
    );
    const articles: SyntheticArticle[] = [];
    let i = 0;
    for (const a of syntheticCorpus(SEED, poolSizeFor(SIZES[size]))) {
      if (i >= load.documents) break;
      if (picks.has(i)) articles.push(a);
      i++;
    }
    const table = stepTable();
    const validated = articles.map((a) => {
      const t0 = performance.now();
      const { plan } = loadArticleFrom(a.slug, `synthetic/${a.slug}`, a.text, a.yaml);
      return { slug: a.slug, plan, validateMs: performance.now() - t0 };
    });
    const writeMs: number[] = [];
    if (BULK === undefined) {
      for (const v of validated) {
        const t0 = performance.now();
        await writePlan(db, v.plan, { onStep: table.onStep });
        writeMs.push(performance.now() - t0);
      }
    } else {
      const t0 = performance.now();
      await writePlans(
        db,
        validated.map((v) => v.plan),
        { onStep: table.onStep },
      );
      const ms = performance.now() - t0;
      const total = validated.reduce((s, v) => s + planRelationships(v.plan), 0);
      for (const v of validated) writeMs.push((ms * planRelationships(v.plan)) / total);
    }
    const reingests: Reingest[] = validated.map((v, k) => ({
      slug: v.slug,
      relationships: planRelationships(v.plan),
      validateMs: Math.round(v.validateMs),
      writeMs: Math.round(writeMs[k] ?? 0),
    }));
    const after = await countGraph(db);
    const rels = reingests.reduce((s, r) => s + r.relationships, 0);
    const vMs = reingests.reduce((s, r) => s + r.validateMs, 0);
    const wMs = reingests.reduce((s, r) => s + r.writeMs, 0);
    const reingest = {
      documents: reingests.length,
      relationships: rels,
      overallPerSecond: rate(rels, vMs + wMs),
      writePerSecond: rate(rels, wMs),
      sameGraph: before.nodes === after.nodes && before.relationships === after.relationships,
      steps: Object.fromEntries(
        Object.entries(table.steps)
          .sort(([, x], [, y]) => y.ms - x.ms)
          .map(([k, v]) => [k, { ms: Math.round(v.ms), calls: v.calls }]),
      ),
      documentsDetail: reingests,
    };
    log(
      `${size}: re-ingest of ${reingest.documents} documents (${rels.toLocaleString('en')} relationships): ` +
        `${reingest.overallPerSecond}/s overall, ${reingest.writePerSecond}/s writing; same graph after: ${reingest.sameGraph}`,
    );
    return { size, bulk: BULK ?? 0, counts: after, load, reingest };
  } finally {
    await db.close();
    closeDb();
    await neo4j.stop();
    stopNeo4j();
    rmSync(dir, { recursive: true, force: true });
    removeDir();
  }
}

runBench('loader', 90 * 60_000, async () => {
  const results = [];
  for (const size of sizes) results.push(await runSize(size));
  for (const r of results) {
    printBlock(`loader ${r.size}`, [
      ['documents per transaction', r.bulk > 0 ? `up to ${r.bulk} relationships` : 'one'],
      ['documents', r.load.documents],
      ['relationships', r.load.relationships],
      ['total s', (r.load.totalMs / 1000).toFixed(1)],
      ['validate s', (r.load.validateMs / 1000).toFixed(1)],
      ['write s', (r.load.writeMs / 1000).toFixed(1)],
      ['rel/s overall', r.load.overallPerSecond],
      ['rel/s writing', r.load.writePerSecond],
      ['per document p10/p50/p90', `${r.load.perDocument.p10} / ${r.load.perDocument.p50} / ${r.load.perDocument.p90}`],
      ['re-ingest rel/s overall', r.reingest.overallPerSecond],
      ['re-ingest rel/s writing', r.reingest.writePerSecond],
      ['re-ingest keeps the graph', String(r.reingest.sameGraph)],
      ...Object.entries(r.load.steps)
        .slice(0, 8)
        .map(([k, v]): [string, string] => [`  step ${k}`, `${(v.ms / 1000).toFixed(2)} s (${v.calls} calls)`]),
    ]);
  }
  const file = writeResults(args.name ?? 'loader', { machine: machine(), loadavg: os.loadavg(), results });
  log(`wrote ${file}`);
  return results.every((r) => r.reingest.sameGraph);
});
