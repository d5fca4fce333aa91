/**
 * The one Neo4j of a comparison run and its data: a throwaway folder (or a kept one with --store, so
 * that a large corpus is loaded once), the project's schema, and the corpus of the chosen size loaded
 * through the project's own loader.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Database } from '../../src/db/driver.js';
import { freePort, type LocalNeo4j, startLocalNeo4j } from '../../src/db/local-neo4j.js';
import { applySchema } from '../../src/db/schema.js';
import { BATCH_RELATIONSHIPS } from '../../src/ingest/batches.js';
import { articleDirs, ingestArticle } from '../../src/ingest/ingest.js';
import { ARTICLES_DIR } from '../../src/ingest/seed.js';
import { log, onCleanup } from '../lib.js';
import { countGraph, type LoadStats, loadSynthetic } from '../synthetic/load.js';

export const SIZES = { article: 0, '10k': 10_000, '100k': 100_000, '1m': 1_000_000 } as const;
export type Size = keyof typeof SIZES;
export const SEED = 20_240_611;
/** Bump when the generator changes, so that a kept store is loaded again. */
const CORPUS_VERSION = 1;

export interface Store {
  uri: string;
  password: string;
  neo4jPid: number;
  db: Database;
  load: LoadStats | { article: true; documents: number; relationships: number; totalMs: number; perSecond: number };
  reused: boolean;
  counts: { nodes: number; relationships: number };
}

export async function openStore(size: Size, opts: { store?: string; heap: string; maxLoadMs: number }): Promise<Store> {
  const password = 'bench-compare-password';
  let dir: string;
  if (opts.store) {
    dir = path.resolve(opts.store);
    mkdirSync(dir, { recursive: true });
  } else {
    dir = mkdtempSync(path.join(os.tmpdir(), 'bench-neo4j-'));
    writeFileSync(path.join(dir, 'owner.pid'), String(process.pid));
    onCleanup('remove the Neo4j temp folder', () => rmSync(dir, { recursive: true, force: true }));
  }
  const port = await freePort();
  const handle: LocalNeo4j = await startLocalNeo4j({ dir, port, heap: opts.heap, password, startTimeoutMs: 180_000 });
  if (!handle.owned) throw new Error(`another process runs the Neo4j of ${dir}; stop it first`);
  onCleanup('stop Neo4j', () => handle.stop());
  const db = new Database(
    { uri: handle.uri, user: 'neo4j', password, database: undefined },
    { queryTimeoutMs: 3_600_000 },
  );
  onCleanup('close the loader driver', () => db.close());
  await db.check();
  await applySchema(db);

  const marker = path.join(dir, 'compare-corpus.json');
  const wanted = { size, seed: SEED, version: CORPUS_VERSION };
  if (existsSync(marker)) {
    const kept = JSON.parse(readFileSync(marker, 'utf8')) as typeof wanted & { load: Store['load'] };
    if (kept.size === size && kept.seed === SEED && kept.version === CORPUS_VERSION) {
      const counts = await countGraph(db);
      log(`reusing the ${size} corpus in ${dir}: ${counts.relationships.toLocaleString('en')} relationships`);
      return { uri: handle.uri, password, neo4jPid: handle.pid, db, load: kept.load, reused: true, counts };
    }
    throw new Error(`${dir} holds another corpus (${kept.size}, seed ${kept.seed}); give an empty --store folder`);
  }
  if ((await countGraph(db)).nodes > 0) throw new Error(`${dir} holds a graph that is not a corpus of this benchmark`);

  let load: Store['load'];
  if (size === 'article') {
    const t0 = performance.now();
    const dirs = articleDirs(ARTICLES_DIR);
    for (const d of dirs) await ingestArticle(db, d);
    const totalMs = performance.now() - t0;
    const { relationships } = await countGraph(db);
    load = {
      article: true,
      documents: dirs.length,
      relationships,
      totalMs: Math.round(totalMs),
      perSecond: Math.round((relationships / totalMs) * 1000),
    };
  } else {
    log(`loading the synthetic corpus (seed ${SEED}) up to ${SIZES[size].toLocaleString('en')} relationships`);
    load = await loadSynthetic(db, {
      seed: SEED,
      target: SIZES[size],
      progress: log,
      maxMs: opts.maxLoadMs,
      bulk: BATCH_RELATIONSHIPS,
    });
  }
  writeFileSync(marker, `${JSON.stringify({ ...wanted, load }, null, 2)}\n`);
  const counts = await countGraph(db);
  log(`loaded ${counts.relationships.toLocaleString('en')} relationships, ${counts.nodes.toLocaleString('en')} nodes`);
  return { uri: handle.uri, password, neo4jPid: handle.pid, db, load, reused: false, counts };
}
